# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""Data for the browser test's own Indico server; run with INDICO_CONFIG set, prints the ids as JSON."""

from datetime import timedelta


PASSWORD = 'oewg-browser-2026'
USERS = {
    'manager': ('Mona', 'Manager'),
    'delegate': ('Hellmut', 'Lagos'),
    'observer': ('Olga', 'Observer'),
    'focal': ('Fumiko', 'Focal'),
    'keyboard': ('Kirsi', 'Keyboard'),
}


def seed():
    from indico.core.db import db
    from indico.modules.auth import Identity
    from indico.modules.categories import Category
    from indico.modules.events import Event
    from indico.modules.events.features.util import set_feature_enabled
    from indico.modules.events.models.events import EventType
    from indico.modules.events.registration.models.form_fields import RegistrationFormField
    from indico.modules.events.registration.models.forms import RegistrationForm
    from indico.modules.events.registration.models.items import RegistrationFormSection
    from indico.modules.events.registration.util import create_personal_data_fields
    from indico.modules.users.operations import create_user
    from indico.util.date_time import now_utc

    from indico_oewg.observers.models.accreditations import Accreditation
    from indico_oewg.observers.models.organizations import Organization, OrganizationKind
    from indico_oewg.registration.fields import FIELD_TYPE
    from indico_oewg.working_groups.models.working_groups import WorkingGroup

    users = {login: create_user(f'{login}@example.com', {'first_name': first, 'last_name': last,
                                                         'affiliation': 'Sample'},
                                Identity(provider='indico', identifier=login, password=PASSWORD))
             for login, (first, last) in USERS.items()}
    category = Category(parent=Category.get_root(), title='OEWG (browser test)', timezone='Europe/Zurich')
    working_group = WorkingGroup(category=category, name='OEWG on space threats (sample)', resolution='76/231',
                                 symbol_prefix='A/AC.294', contact_email='oewg@example.org')
    start = now_utc() + timedelta(days=30)
    event = Event(category=category, title='Fourth session', type_=EventType.meeting, creator=users['manager'],
                  start_dt=start, end_dt=start + timedelta(days=4), timezone='Europe/Zurich')
    db.session.add_all([category, working_group, event])
    db.session.flush()
    event.update_principal(users['manager'], full_access=True)
    set_feature_enabled(event, 'registration', True)
    set_feature_enabled(event, 'oewg', True)
    forms = {}
    for key, title in (('setup', 'Form to set up'), ('register', 'Registration'), ('section', 'Form for the section')):
        regform = RegistrationForm(event=event, title=title, currency='EUR', moderation_enabled=True,
                                   start_dt=now_utc() - timedelta(days=1), end_dt=now_utc() + timedelta(days=20))
        create_personal_data_fields(regform)
        for field in regform.sections[0].fields:
            field.is_enabled = True
        db.session.add(regform)
        forms[key] = regform
    section = RegistrationFormSection(registration_form=forms['register'], title='Delegation', is_enabled=True)
    field = RegistrationFormField(parent=section, registration_form=forms['register'], title='Delegation',
                                  input_type=FIELD_TYPE, is_required=True, is_enabled=True)
    field.data, field.versioned_data = field.field_impl.process_field_data({})
    organizations = {
        'ESA': Organization(working_group_id=working_group.id, name='European Space Agency', acronym='ESA',
                            kind=OrganizationKind.standing_invitation),
        'NAI': Organization(working_group_id=working_group.id, name='Not Accredited Institute', acronym='NAI',
                            kind=OrganizationKind.standing_invitation),
    }
    db.session.add_all([field, *organizations.values()])
    db.session.flush()
    db.session.add(Accreditation(organization=organizations['ESA'], working_group_id=working_group.id, event=event))
    from indico_oewg.delegations import Delegation
    from indico_oewg.registration.operations import add_focal_points
    add_focal_points(event, Delegation.for_state('JPN'), [users['focal']])
    db.session.commit()
    return {'event_id': event.id, 'setup_form_id': forms['setup'].id, 'register_form_id': forms['register'].id,
            'section_form_id': forms['section'].id,
            'field_id': field.id, 'organizations': {k: o.id for k, o in organizations.items()},
            'users': {k: u.id for k, u in users.items()}, 'password': PASSWORD}


if __name__ == '__main__':
    from tests.browser import print_seed
    print_seed(seed)
