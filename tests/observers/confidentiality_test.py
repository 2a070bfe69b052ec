# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""Which State objected is seen by the secretariat only: never in what others can see."""

import json
import re
import zipfile
from datetime import timedelta
from io import BytesIO

import pytest
from docx import Document
from pypdf import PdfReader

from indico.modules.logs.models.entries import EventLogEntry
from indico.util.date_time import now_utc
from indico.web.flask.util import url_for

from indico_oewg.observers.models.organizations import OrganizationKind
from indico_oewg.observers.models.requests import RequestState
from indico_oewg.observers.operations import close_period, confirm_request, open_period, record_objection


pytestmark = pytest.mark.usefixtures('db')

# Liechtenstein objects; its name, code and stated basis must not leak
SECRETS = ('Liechtenstein', 'LIE', 'Liechtenstein (le)', 'basis known to the Chair only')


def _assert_secret_free(text, where):
    for secret in SECRETS:
        assert secret not in text, f'{secret!r} leaked in {where}'


@pytest.fixture
def decided(smtp, oewg_event, make_organization, make_request, secretariat_user, other_requester):
    objected = make_request(make_organization('Objected Industries', OrganizationKind.commercial))
    welcome = make_request(make_organization('Welcome Research Network', OrganizationKind.other_ngo),
                           user=other_requester)
    info = make_request(make_organization('Union of Space Agencies', OrganizationKind.standing_invitation))
    for req in (objected, welcome, info):
        confirm_request(req, secretariat_user)
    period = open_period(oewg_event, now_utc() + timedelta(days=1), secretariat_user)
    record_objection(period, objected, 'LIE', 'A basis known to the Chair only.', secretariat_user)
    close_period(period, secretariat_user)
    assert objected.state == RequestState.not_accredited
    return objected, welcome, smtp


def test_secretariat_sees_the_objecting_state(decided, oewg_event, secretariat_user, client_for):
    client = client_for(secretariat_user)
    resp = client.get(url_for('plugin_oewg.observer_period', oewg_event))
    assert resp.status_code == 200, resp.location
    page = resp.text
    assert 'Liechtenstein' in page, page
    assert 'A basis known to the Chair only.' in page
    report = client.get(url_for('plugin_oewg.observer_objections_report', oewg_event))
    assert report.status_code == 200
    assert 'Liechtenstein,LIE,Objected Industries,A basis known to the Chair only.' in report.text


@pytest.mark.parametrize('endpoint', ('observer_period', 'observer_objections_report'))
def test_others_cannot_open_the_objections(decided, oewg_event, requester, unrelated_user, client_for, endpoint):
    for user in (requester, unrelated_user):
        assert client_for(user).get(url_for(f'plugin_oewg.{endpoint}', oewg_event)).status_code == 403


def test_public_pages_and_json_do_not_reveal_it(decided, oewg_event, requester, other_requester, client_for):
    objected, _welcome, _smtp = decided
    for user in (None, requester, other_requester):
        client = client_for(user)
        page = client.get(url_for('plugin_oewg.observers', oewg_event))
        assert page.status_code == 200
        assert 'Welcome Research Network' in page.text
        assert 'Objected Industries' not in page.text or user == requester  # listed only among "your requests"
        _assert_secret_free(page.text, f'the observers page seen by {user}')
        data = client.get(url_for('plugin_oewg.observers_json', oewg_event)).json
        assert [o['name'] for o in data['organizations']] == ['Union of Space Agencies', 'Welcome Research Network']
        _assert_secret_free(json.dumps(data), 'the JSON')
    status = client_for(requester).get(url_for('plugin_oewg.observer_request', objected)).text
    assert 'has not been accredited' in status
    _assert_secret_free(status, "the objected organization's status page")


def test_emails_to_requesters_do_not_reveal_it(decided):
    _objected, _welcome, smtp = decided
    assert len(smtp.outbox) == 3  # one accreditation for information, two outcomes of the period
    for mail in smtp.outbox:
        _assert_secret_free(str(mail), f'the e-mail "{mail["Subject"]}"')


def test_log_entries_do_not_reveal_it(decided, oewg_event):
    entries = EventLogEntry.query.filter_by(event_id=oewg_event.id).all()
    assert any(e.summary == 'Objection recorded to "Objected Industries"' for e in entries)
    for entry in entries:
        _assert_secret_free(json.dumps([entry.summary, entry.data, entry.meta], default=str),
                            f'the log entry "{entry.summary}"')


def test_documents_and_exports_do_not_reveal_it(decided, oewg_event, secretariat_user, client_for):
    client = client_for(secretariat_user)
    docx = client.get(url_for('plugin_oewg.observer_lists_document', oewg_event, format='docx'))
    text = '\n'.join(p.text for p in Document(BytesIO(docx.data)).paragraphs)
    assert 'Objected Industries' in text  # it was on the list for consideration
    _assert_secret_free(text, 'the DOCX')
    pdf = client.get(url_for('plugin_oewg.observer_lists_document', oewg_event, format='pdf'))
    text = '\n'.join(page.extract_text() for page in PdfReader(BytesIO(pdf.data)).pages)
    assert 'Objected Industries' in text
    _assert_secret_free(text, 'the PDF')
    csv = client.get(url_for('plugin_oewg.observer_export', oewg_event, format='csv')).text
    assert 'Objected Industries' in csv and 'Not accredited' in csv
    _assert_secret_free(csv, 'the CSV')
    xlsx = client.get(url_for('plugin_oewg.observer_export', oewg_event, format='xlsx')).data
    with zipfile.ZipFile(BytesIO(xlsx)) as archive:
        text = '\n'.join(archive.read(name).decode() for name in archive.namelist() if name.endswith('.xml'))
    assert 'Objected Industries' in text
    _assert_secret_free(text, 'the XLSX')


def test_secretariat_sees_it_only_on_the_period_page_and_the_report(decided, oewg_event, secretariat_user,
                                                                    client_for):
    objected, welcome, _smtp = decided
    client = client_for(secretariat_user)
    urls = [url_for(f'plugin_oewg.{endpoint}', oewg_event)
            for endpoint in ('manage_observers', 'observer_lists', 'observer_accreditations', 'observer_registry',
                             'observer_settings')]
    for req in (objected, welcome):
        urls.append(url_for('plugin_oewg.manage_observer_request', req))
        # the dialogs of the request page, the merge dialog listing the registry included
        urls += [url_for(f'plugin_oewg.{endpoint}', req)
                 for endpoint in ('observer_ask_information', 'observer_decline', 'observer_edit_organization',
                                  'observer_merge')]
    urls.append(url_for('plugin_oewg.observer_revoke', oewg_event, accreditation_id=welcome.accreditation.id))
    for url in urls:
        resp = client.get(url)
        assert resp.status_code == 200, url
        text = resp.json['html'] if resp.is_json else resp.text
        # (the organization's headquarters may be any country: its choices list them all)
        text = re.sub(r'<select[^>]*name="country".*?</select>', '', text, flags=re.DOTALL)
        _assert_secret_free(text, url)
