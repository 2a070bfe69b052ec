# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""Sample observer organizations and requests for the OEWG demo (all marked "(sample)").

Fifteen organizations across the five kinds. The third session has a closed no-objection period with one
objection; the fourth session has requests at every stage and no period yet, so it can be tried out.
Running it again creates nothing new. No e-mail is sent (the demo's mail sink is not running while seeding).
"""

from datetime import datetime, timedelta
from io import BytesIO

import pytz
from werkzeug.datastructures import FileStorage

from indico.util.date_time import now_utc

from demo.maildomain import address


SAMPLE = ' (sample)'
MISSION = 'Sample data for the demo: a fictitious organization working on {topic}.'
REQUESTER = {'first_name': 'Rita', 'last_name': 'Requester (sample)', 'email': address('requester'),
             'affiliation': 'Secure Orbits Foundation (sample)'}

#: name, acronym, kind, ECOSOC status, country, topic
ORGANIZATIONS = (
    ('Intergovernmental Space Cooperation Organization', 'ISCO', 'standing_invitation', 'none', 'FRA',
     'cooperation between space agencies'),
    ('Regional Satellite Navigation Commission', 'RSNC', 'standing_invitation', 'none', 'ZAF',
     'satellite navigation standards'),
    ('United Nations Office for Outer Space Affairs', 'UNOOSA', 'un_body', 'none', 'AUT',
     'the peaceful uses of outer space'),
    ('United Nations Institute for Disarmament Research', 'UNIDIR', 'un_body', 'none', 'CHE',
     'disarmament research'),
    ('International Telecommunication Union', 'ITU', 'un_body', 'none', 'CHE', 'radio-frequency spectrum'),
    ('Space Generation Advisory Council', 'SGAC', 'ecosoc', 'special', 'AUT', 'young space professionals'),
    ('World Space Law Association', 'WSLA', 'ecosoc', 'roster', 'NLD', 'space law'),
    ('Global Women in Space Network', 'GWSN', 'ecosoc', 'general', 'KEN', 'women in the space sector'),
    ('Secure Orbits Foundation', 'SOF', 'other_ngo', 'none', 'USA', 'the sustainability of orbits'),
    ('Geneva Institute for Space Security Studies', 'GISSS', 'other_ngo', 'none', 'CHE', 'space security'),
    ('Lunar Heritage Trust', '', 'other_ngo', 'none', 'GBR', 'the protection of lunar heritage sites'),
    ('Orbital Debris Research Centre', 'ODRC', 'other_ngo', 'none', 'JPN', 'tracking orbital debris'),
    ('Astra Launch Services SA', '', 'commercial', 'none', 'LUX', 'launch services'),
    ('Polaris Satellite Data Ltd', '', 'commercial', 'none', 'IND', 'selling satellite imagery'),
    ('Kepler Orbital Insurance plc', '', 'commercial', 'none', 'GBR', 'insuring satellites'),
)

#: session key -> [(acronym or name, stage)]
REQUESTS = {
    'third': [('ISCO', 'accredited'), ('UNOOSA', 'accredited'), ('SGAC', 'accredited'),
              ('SOF', 'period'), ('Astra Launch Services SA', 'period')],
    'fourth': [('RSNC', 'pending'), ('UNIDIR', 'pending'), ('ITU', 'accredited'), ('WSLA', 'accredited'),
               ('GWSN', 'info_requested'), ('GISSS', 'under_consideration'), ('Lunar Heritage Trust', 'pending'),
               ('ODRC', 'info_requested'), ('Polaris Satellite Data Ltd', 'declined'),
               ('Kepler Orbital Insurance plc', 'withdrawn'), ('Astra Launch Services SA', 'under_consideration')],
}
REPRESENTATIVES = [('Amina Diallo', 'Head of delegation'), ('Lars Eriksen', 'Policy adviser')]


def _letter(organization):
    from weasyprint import HTML
    html = (f'<h1>SAMPLE DATA</h1><p>Official letter of {organization} informing the secretariat of its wish to '
            f'attend the public meetings of the working group. This letter is part of the demo.</p>')
    return FileStorage(BytesIO(HTML(string=html).write_pdf()), filename='official-letter-sample.pdf',
                       content_type='application/pdf')


def _organization(working_group, spec):
    from indico_oewg.observers.api import find_organization
    from indico_oewg.observers.models.organizations import EcosocStatus, OrganizationKind
    from indico_oewg.observers.operations import create_organization
    name, acronym, kind, ecosoc, country, topic = spec
    if organization := find_organization(name + SAMPLE, working_group):
        return organization
    return create_organization(working_group, {
        'name': name + SAMPLE, 'acronym': acronym, 'kind': OrganizationKind[kind],
        'ecosoc_status': EcosocStatus[ecosoc], 'country': country,
        'website': f'https://{(acronym or name.split()[0]).lower()}.example.org',
        'contact_email': address(f'contact.{(acronym or name.split()[0]).lower()}'),
        'mission_statement': MISSION.format(topic=topic),
    })


def _request(event, organization, requester, stage, secretariat):
    from indico_oewg.observers.models.requests import ObserverRequest
    from indico_oewg.observers.operations import (ask_for_information, confirm_request, create_request,
                                                  decline_request, withdraw_request)
    existing = ObserverRequest.query.filter_by(event_id=event.id, organization_id=organization.id).first()
    if existing:
        return existing
    request = create_request(event, requester, organization=organization, letter=_letter(organization.name),
                             representatives=REPRESENTATIVES[:1 + organization.id % 2],
                             mission_statement=organization.mission_statement)
    if stage in ('accredited', 'under_consideration', 'period'):
        confirm_request(request, secretariat, notify=False)
    elif stage == 'info_requested':
        ask_for_information(request, 'Sample: please send the statute of the organization and the list of its '
                                     'members.', secretariat, notify=False)
    elif stage == 'declined':
        decline_request(request, 'Sample: the sale of satellite imagery falls outside the scope of the working '
                                 'group.', secretariat, notify=False)
    elif stage == 'withdrawn':
        withdraw_request(request, requester)
    return request


def _closed_period(event, objected, secretariat):
    """The third session's period: one Member State objected to one organization (confidential)."""
    from indico_oewg.observers.operations import close_period, open_period, record_objection
    if event.oewg_no_objection_period is not None:
        return
    period = open_period(event, now_utc() + timedelta(hours=1), secretariat)
    record_objection(period, objected, 'NZL', 'Sample: the stated basis of the objection.', secretariat)
    close_period(period, secretariat, notify=False)
    # the sample period ran before the session, as a real one would have
    tz = pytz.timezone(event.timezone)
    period.deadline_dt = tz.localize(datetime.combine(event.start_dt.astimezone(tz).date() - timedelta(days=7),
                                                      datetime.min.time().replace(hour=18)))


def seed(ctx):
    from demo.seed import _get_or_create_user
    from indico.core.db import db
    from indico_oewg.observers.settings import observer_settings

    working_group = ctx['working_group']
    secretariat = ctx['users']['secretariat']
    requester = _get_or_create_user('requester', REQUESTER)
    organizations = {}
    for spec in ORGANIZATIONS:
        organization = _organization(working_group, spec)
        organizations[spec[1] or spec[0]] = organization
    for key, requests in REQUESTS.items():
        event = ctx['sessions'][key]
        made = {name: _request(event, organizations[name], requester, stage, secretariat)
                for name, stage in requests}
        if key == 'third':
            _closed_period(event, made['Astra Launch Services SA'], secretariat)
    if not observer_settings.get(working_group.category, 'member_states_emails'):
        observer_settings.set(working_group.category, 'member_states_emails',
                              [address('mission.sample-a'), address('mission.sample-b')])
    db.session.flush()
