# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""The Chair's lists (DOCX, PDF), their circulation, the exports, the settings, revocation."""

import csv
from io import BytesIO, StringIO

import pytest
from docx import Document
from pypdf import PdfReader

from indico.modules.logs.models.entries import EventLogEntry
from indico.web.flask.util import url_for

from indico_oewg.observers import api
from indico_oewg.observers.models.organizations import OrganizationKind
from indico_oewg.observers.operations import confirm_request
from indico_oewg.observers.settings import observer_settings
from tests.helpers import post


pytestmark = pytest.mark.usefixtures('db')


@pytest.fixture
def listed(smtp, make_organization, make_request, secretariat_user):
    names = (('Zeta Space Agency Network', OrganizationKind.standing_invitation, 'ZSAN'),
             ('United Nations Office for Outer Space Affairs', OrganizationKind.un_body, 'UNOOSA'),
             ('Association of Space Explorers', OrganizationKind.ecosoc, ''),
             ('Open Lunar Foundation', OrganizationKind.other_ngo, ''),
             ('Astro Commerce SA', OrganizationKind.commercial, ''))
    for name, kind, acronym in names:
        confirm_request(make_request(make_organization(name, kind, acronym=acronym)), secretariat_user)
    make_request(make_organization('Still Pending Org', OrganizationKind.other_ngo))
    return smtp


EXPECTED_INFO = ['1. Association of Space Explorers',
                 '2. United Nations Office for Outer Space Affairs (UNOOSA)',
                 '3. Zeta Space Agency Network (ZSAN)']
EXPECTED_CONSIDERATION = ['1. Astro Commerce SA', '2. Open Lunar Foundation']


def test_lists_docx_is_numbered_alphabetical_with_title_and_dates(listed, oewg_event, secretariat_user, client_for):
    resp = client_for(secretariat_user).get(url_for('plugin_oewg.observer_lists_document', oewg_event,
                                                    format='docx'))
    assert resp.status_code == 200
    paragraphs = [p.text for p in Document(BytesIO(resp.data)).paragraphs]
    assert paragraphs[1] == 'Fourth session, 28 August – 1 September 2023'
    info_at = next(i for i, p in enumerate(paragraphs) if p.endswith('for information'))
    consideration_at = next(i for i, p in enumerate(paragraphs) if p.endswith('no-objection basis'))
    assert paragraphs[info_at + 1:consideration_at] == EXPECTED_INFO
    assert paragraphs[consideration_at + 1:] == EXPECTED_CONSIDERATION
    assert 'Still Pending Org' not in '\n'.join(paragraphs)


def test_lists_pdf(listed, oewg_event, secretariat_user, client_for):
    resp = client_for(secretariat_user).get(url_for('plugin_oewg.observer_lists_document', oewg_event, format='pdf'))
    assert resp.status_code == 200
    assert resp.headers['Content-Type'] == 'application/pdf'
    text = ' '.join(' '.join(page.extract_text() for page in PdfReader(BytesIO(resp.data)).pages).split())
    assert 'Fourth session, 28 August – 1 September 2023' in text
    for name in ('Association of Space Explorers', 'Zeta Space Agency Network (ZSAN)', 'Astro Commerce SA'):
        assert name in text
    assert text.index('Association of Space Explorers') < text.index('United Nations Office')
    assert text.index('Zeta Space Agency') < text.index('Astro Commerce SA')


@pytest.mark.parametrize('fmt', ('docx', 'pdf'))
def test_lists_documents_are_for_the_secretariat(oewg_event, requester, unrelated_user, client_for, fmt):
    for user in (requester, unrelated_user):
        url = url_for('plugin_oewg.observer_lists_document', oewg_event, format=fmt)
        assert client_for(user).get(url).status_code == 403


def test_circulation_to_member_states(listed, oewg_event, secretariat_user, client_for):
    smtp = listed
    sent_before = len(smtp.outbox)
    client = client_for(secretariat_user)
    resp = post(client, url_for('plugin_oewg.observer_lists_circulate', oewg_event),
                 {'subject': 'Lists', 'body': 'Attached.'})
    assert resp.status_code == 302
    assert len(smtp.outbox) == sent_before, 'no addresses configured yet'

    resp = post(client, url_for('plugin_oewg.observer_settings', oewg_event),
                 {'member_states_emails': 'not an address', 'accredited_subject': 'a', 'accredited_body': 'b',
                  'not_accredited_subject': 'c', 'not_accredited_body': 'd'})
    assert resp.status_code == 200
    assert 'not an address&#34; is not a valid e-mail address.' in resp.text
    assert observer_settings.get(oewg_event.category, 'member_states_emails') == []

    settings = observer_settings.get_all(oewg_event.category)
    resp = post(client, url_for('plugin_oewg.observer_settings', oewg_event),
                 settings | {'member_states_emails': 'mission.a@example.org\n\nmission.b@example.org'})
    assert resp.status_code == 302
    assert observer_settings.get(oewg_event.category, 'member_states_emails') == ['mission.a@example.org',
                                                                                  'mission.b@example.org']
    resp = post(client, url_for('plugin_oewg.observer_lists_circulate', oewg_event),
                 {'subject': "The Chair's lists", 'body': 'Please find the lists attached.'})
    assert resp.status_code == 302
    mail = smtp.outbox[-1]
    assert mail['Subject'] == "The Chair's lists"
    assert sorted(mail.details.rcpttos) == ['mission.a@example.org', 'mission.b@example.org']
    assert 'mission.a@example.org' not in str(mail), 'the missions are in blind copy'
    filenames = sorted(part.get_filename() for part in mail.walk() if part.get_filename())
    assert filenames == [f'observer-lists-{oewg_event.id}.docx', f'observer-lists-{oewg_event.id}.pdf']
    assert EventLogEntry.query.filter_by(event_id=oewg_event.id,
                                         summary="Chair's lists of observers circulated to the Member States").count()


def test_csv_export(listed, oewg_event, secretariat_user, requester, client_for):
    url = url_for('plugin_oewg.observer_export', oewg_event, format='csv')
    assert client_for(requester).get(url).status_code == 403
    resp = client_for(secretariat_user).get(url)
    rows = {r['Organization']: r for r in csv.DictReader(StringIO(resp.text))}
    assert len(rows) == 6
    assert rows['Astro Commerce SA']['Status'] == 'Under consideration (no-objection)'
    assert rows['Astro Commerce SA']['List'] == 'for consideration'
    assert rows['Zeta Space Agency Network']['Status'] == 'Accredited'
    assert rows['Zeta Space Agency Network']['Kind'] == ('(a) Intergovernmental organization or entity with a '
                                                        'standing invitation')
    assert rows['Still Pending Org']['Representatives'] == 'Ada Lovelace (Director)'
    assert rows['Still Pending Org']['Requester e-mail'] == 'rita@ngo.example.org'


def test_revocation_is_logged_and_ends_the_accreditation(listed, oewg_event, create_oewg_session, secretariat_user,
                                                         requester, client_for):
    fifth = create_oewg_session('Fifth session', 5, start=(2024, 1, 8), end=(2024, 1, 12))
    fifth.update_principal(secretariat_user, add_permissions={'oewg_secretariat'})
    organization = api.find_organization('ZSAN', fifth.category.oewg_working_group)
    assert api.is_accredited(organization, fifth)
    accreditation = organization.accreditations[0]
    url = url_for('plugin_oewg.observer_revoke', fifth, accreditation_id=accreditation.id)
    assert post(client_for(requester), url, {'reason': 'x'}).status_code == 403
    client = client_for(secretariat_user)
    assert 'Zeta Space Agency Network' in client.get(url_for('plugin_oewg.observer_accreditations', fifth)).text
    post(client, url, {'reason': ''})
    assert not accreditation.is_revoked
    post(client, url, {'reason': 'Dissolved'})
    assert accreditation.is_revoked and accreditation.revocation_reason == 'Dissolved'
    assert api.is_accredited(organization, oewg_event)
    assert not api.is_accredited(organization, fifth)
    assert EventLogEntry.query.filter_by(event_id=fifth.id,
                                         summary='Accreditation of "Zeta Space Agency Network" revoked').count() == 1


def test_public_page_groups_accredited_observers(listed, oewg_event, client_for):
    text = client_for(None).get(url_for('plugin_oewg.observers', oewg_event)).text
    positions = [text.index(s) for s in ('Intergovernmental organizations and other entities',
                                         'Zeta Space Agency Network', 'United Nations organs',
                                         'United Nations Office for Outer Space Affairs',
                                         'consultative status with the Economic and Social', 'Association of Space')]
    assert positions == sorted(positions)
    for absent in ('Astro Commerce SA', 'Open Lunar Foundation', 'Still Pending Org'):
        assert absent not in text


@pytest.mark.parametrize('endpoint', ('observer_export', 'observer_lists_document'))
def test_unknown_formats_are_not_found(oewg_event, secretariat_user, client_for, endpoint):
    assert client_for(secretariat_user).get(url_for(f'plugin_oewg.{endpoint}', oewg_event,
                                                    format='exe')).status_code == 404
