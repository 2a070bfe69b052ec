# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""Registration demo: the fourth session's form with the OEWG section, about forty SAMPLE registrations across
all representations, a focal point for Nigeria (the `delegate` user), and the published list of participants.

Every sample person is called "… (sample)" and has an @example.com address. Running it again adds nothing.
"""

from datetime import timedelta


FORM_TITLE = 'Registration for the fourth session'
# (first name, last name, title, representation, delegation, role, official title, approved)
PEOPLE = [
    ('Adaeze', 'Eze', 'Ms', 'member_state', 'NGA', 'head', 'Ambassador, Permanent Representative', True),
    ('Chinedu', 'Obi', 'Mr', 'member_state', 'NGA', 'adviser', 'Counsellor', False),
    ('Hellmut', 'Lagos', 'Mr', 'member_state', 'CHL', 'head', 'Ambassador', True),
    ('Camila', 'Rojas', 'Ms', 'member_state', 'CHL', 'representative', 'First Secretary', True),
    ('Aiko', 'Sato', 'Ms', 'member_state', 'JPN', 'head', 'Ambassador for Disarmament', True),
    ('Kenji', 'Tanaka', 'Mr', 'member_state', 'JPN', 'deputy_head', 'Minister', True),
    ('Yuki', 'Mori', 'Ms', 'member_state', 'JPN', 'expert', 'Space policy officer, JAXA', True),
    ('Claire', 'Martin', 'Ms', 'member_state', 'FRA', 'head', 'Ambassador', True),
    ('Louis', 'Bernard', 'Mr', 'member_state', 'FRA', 'alternate', 'Counsellor', True),
    ('Jonas', 'Schmidt', 'Mr', 'member_state', 'DEU', 'head', 'Ambassador', True),
    ('Lena', 'Fischer', 'Ms', 'member_state', 'DEU', 'expert', 'Federal Foreign Office', True),
    ('Priya', 'Sharma', 'Ms', 'member_state', 'IND', 'head', 'Ambassador', True),
    ('Arjun', 'Rao', 'Mr', 'member_state', 'IND', 'adviser', 'Scientist, ISRO', True),
    ('Thabo', 'Nkosi', 'Mr', 'member_state', 'ZAF', 'head', 'Minister Plenipotentiary', True),
    ('Ana', 'Silva', 'Ms', 'member_state', 'BRA', 'head', 'Ambassador', True),
    ('Pedro', 'Costa', 'Mr', 'member_state', 'BRA', 'representative', 'Second Secretary', False),
    ('Emily', 'Clarke', 'Ms', 'member_state', 'GBR', 'head', 'Ambassador', True),
    ('John', 'Miller', 'Mr', 'member_state', 'USA', 'head', 'Ambassador', True),
    ('Sarah', 'Johnson', 'Ms', 'member_state', 'USA', 'expert', 'Department of State', True),
    ('Ivan', 'Petrov', 'Mr', 'member_state', 'RUS', 'head', 'Ambassador', True),
    ('Li', 'Wei', 'Mr', 'member_state', 'CHN', 'head', 'Ambassador', True),
    ('Zhang', 'Min', 'Ms', 'member_state', 'CHN', 'adviser', 'First Secretary', True),
    ('Omar', 'Haddad', 'Mr', 'member_state', 'EGY', 'head', 'Ambassador', True),
    ('Fatima', 'Benali', 'Ms', 'member_state', 'MAR', 'head', 'Minister Counsellor', True),
    ('Marta', 'Nowak', 'Ms', 'member_state', 'POL', 'head', 'Ambassador', False),
    ('Lucas', 'Moreau', 'Mr', 'member_state', 'CHE', 'head', 'Ambassador', True),
    ('Sofia', 'Lindqvist', 'Ms', 'member_state', 'SWE', 'head', 'Ambassador', True),
    ('Diego', 'Hernández', 'Mr', 'member_state', 'MEX', 'head', 'Ambassador', True),
    ('Paolo', 'Rossi', 'Mr', 'observer_state', 'VAT', 'head', 'Apostolic Nuncio', True),
    ('Rania', 'Khalil', 'Ms', 'observer_state', 'PSE', 'head', 'Ambassador', True),
    ('Erika', 'Weber', 'Ms', 'igo', None, 'representative', 'Legal officer', True),
    ('Marc', 'Dubois', 'Mr', 'un_body', None, 'head', 'Director', True),
    ('Nadia', 'Haddad', 'Ms', 'un_body', None, 'expert', 'Researcher', True),
    ('Grace', 'Kim', 'Ms', 'ecosoc_ngo', None, 'representative', 'Programme director', True),
    ('Tom', 'Becker', 'Mr', 'ecosoc_ngo', None, 'expert', 'Analyst', False),
    ('Julia', 'Santos', 'Ms', 'other_ngo', None, 'representative', 'Professor of space law', True),
    ('Ravi', 'Patel', 'Mr', 'other_ngo', None, 'expert', 'Research fellow', True),
    ('Hannah', 'Olsen', 'Ms', 'commercial', None, 'representative', 'Head of policy', True),
    ('Sam', 'Carter', 'Mr', 'commercial', None, 'expert', 'Space situational awareness engineer', False),
    ('Mei', 'Lin', 'Ms', 'member_state', 'SGP', 'head', 'Ambassador', True),
]


def seed(ctx):
    from indico.core.db import db
    from indico.modules.events.features.util import set_feature_enabled
    from indico.modules.events.registration.models.forms import RegistrationForm
    from indico.modules.events.registration.models.registrations import (PublishRegistrationsMode, Registration,
                                                                         RegistrationData, RegistrationState,
                                                                         RegistrationVisibility)
    from indico.modules.events.registration.models.items import PersonalDataType
    from indico.modules.events.registration.util import create_personal_data_fields
    from indico.util.date_time import now_utc

    from indico_oewg.delegations import Delegation
    from indico_oewg.observers import api as observers_api
    from indico_oewg.registration.fields import FIELD_TYPE
    from indico_oewg.registration.operations import add_focal_points, add_oewg_section
    from indico_oewg.registration.settings import registration_settings

    event = ctx['sessions']['fourth']
    admin = ctx['users']['admin']
    set_feature_enabled(event, 'registration', True)
    regform = RegistrationForm.query.filter_by(event_id=event.id, title=FORM_TITLE, is_deleted=False).first()
    if regform is None:
        regform = RegistrationForm(event=event, title=FORM_TITLE, currency='CHF', moderation_enabled=True,
                                   publish_registrations_public=PublishRegistrationsMode.show_with_consent,
                                   start_dt=now_utc() - timedelta(days=1), end_dt=now_utc() + timedelta(days=365),
                                   introduction='Registration of delegates and observers (sample form).')
        create_personal_data_fields(regform)
        for field in regform.sections[0].fields:
            field.is_enabled = True
        db.session.add(regform)
        db.session.flush()
        add_oewg_section(regform, admin)
    oewg_field = next(f for f in regform.active_fields if f.input_type == FIELD_TYPE)
    pd_fields = {f.personal_data_type: f for f in regform.active_fields if f.personal_data_type}
    title_field = pd_fields.get(PersonalDataType.title)
    title_ids = {caption: id_ for id_, caption in title_field.data.get('captions', {}).items()} if title_field else {}

    organizations = {}
    for organization in observers_api.get_accredited_organizations(event):
        organizations.setdefault(organization.kind.representation, []).append(organization)
    used = {}
    existing = {r.email for r in regform.registrations}
    for first, last, title, representation, delegation, role, official_title, approved in PEOPLE:
        email = f'{first}.{last}.sample@example.com'.lower().replace('á', 'a').replace('é', 'e')
        if email in existing:
            continue
        if delegation is None:
            candidates = organizations.get(representation)
            if not candidates:
                continue  # no accredited organization of that kind in the observers demo
            n = used.get(representation, 0)
            used[representation] = n + 1
            delegation = str(candidates[n % len(candidates)].id)
        last_name = f'{last} (sample)'
        registration = Registration(registration_form=regform, first_name=first, last_name=last_name, email=email,
                                    currency='CHF',
                                    state=RegistrationState.complete if approved else RegistrationState.pending,
                                    consent_to_publish=RegistrationVisibility.all)
        values = {PersonalDataType.first_name: first, PersonalDataType.last_name: last_name,
                  PersonalDataType.email: email, PersonalDataType.affiliation: 'Sample delegation'}
        if title in title_ids:
            values[PersonalDataType.title] = {title_ids[title]: 1}
        for pd_type, value in values.items():
            if field := pd_fields.get(pd_type):
                registration.data.append(RegistrationData(field_data=field.current_data, data=value))
        registration.data.append(RegistrationData(field_data=oewg_field.current_data, data={
            'representation': representation, 'delegation': delegation, 'role': role, 'title': official_title}))
        db.session.add(registration)
    db.session.flush()
    add_focal_points(event, Delegation.for_state('NGA'), [ctx['users']['delegate']], admin)
    registration_settings.set(event, 'participants_published', True)
    db.session.flush()
