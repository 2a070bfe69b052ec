# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""The public request form, the requester's status page, completing and withdrawing."""

import re
from functools import partial
from io import BytesIO


import pytest

from indico.modules.logs.models.entries import EventLogEntry
from indico.web.flask.util import url_for

from indico_oewg.observers.models.files import ObserverFile
from indico_oewg.observers.models.organizations import EcosocStatus, Organization, OrganizationKind
from indico_oewg.observers.models.requests import ObserverRequest, RequestState
from indico_oewg.observers.operations import ask_for_information
from tests.observers.conftest import PDF, representatives_json
from tests.helpers import post


pytestmark = pytest.mark.usefixtures('db')

_post = partial(post, multipart=True)


def _form(**overrides):
    data = {
        'organization': 'new',
        'name': 'Space Safety Coalition',
        'name_fr': '',
        'acronym': 'SSC',
        'kind': 'other_ngo',
        'website': 'https://spacesafety.example.org',
        'country': 'CHE',
        'contact_email': 'info@spacesafety.example.org',
        'ecosoc_status': 'none',
        'representatives': representatives_json(('Ada Lovelace', 'Director'), ('Grace Hopper', 'Researcher')),
        'mission_statement': 'We work for the long-term sustainability of outer space activities.',
        'letter': (BytesIO(PDF), 'letter.pdf', 'application/pdf'),
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def test_anonymous_user_is_sent_to_login(oewg_event, client_for):
    client = client_for(None)
    resp = client.get(url_for('plugin_oewg.observer_request_new', oewg_event))
    assert resp.status_code == 302
    assert '/login' in resp.location


def test_public_observers_page_links_to_the_request_form(oewg_event, client_for):
    resp = client_for(None).get(url_for('plugin_oewg.observers', oewg_event))
    assert resp.status_code == 200
    assert url_for('plugin_oewg.observer_request_new', oewg_event) in resp.text


def test_new_organization_sends_a_request(oewg_event, requester, client_for):
    client = client_for(requester)
    url = url_for('plugin_oewg.observer_request_new', oewg_event)
    assert client.get(url).status_code == 200
    resp = _post(client, url, _form())
    assert resp.status_code == 302, resp.text
    req = ObserverRequest.query.one()
    assert resp.location.endswith(url_for('plugin_oewg.observer_request', req))
    assert req.requester == requester
    assert req.state == RequestState.pending
    assert [(r.full_name, r.title) for r in req.representatives] == [('Ada Lovelace', 'Director'),
                                                                    ('Grace Hopper', 'Researcher')]
    organization = req.organization
    assert (organization.name, organization.acronym, organization.kind, organization.country) == \
        ('Space Safety Coalition', 'SSC', OrganizationKind.other_ngo, 'CHE')
    assert organization.mission_statement.startswith('We work')
    assert req.mission_statement.startswith('We work')
    assert req.letter_file.filename == 'letter.pdf'
    with req.letter_file.open() as f:
        assert f.read() == PDF
    log = EventLogEntry.query.filter_by(event_id=oewg_event.id, module='OEWG').one()
    assert log.summary == 'Observer request of "Space Safety Coalition" sent'
    assert log.user == requester

    resp = client.get(url_for('plugin_oewg.observer_request', req))
    assert resp.status_code == 200
    assert 'Ada Lovelace' in resp.text and 'Pending' in resp.text


def test_request_for_an_organization_of_the_registry(oewg_event, requester, client_for, make_organization):
    organization = make_organization('World Association of Space NGOs', OrganizationKind.ecosoc,
                                     ecosoc_status=EcosocStatus.roster)
    client = client_for(requester)
    resp = _post(client, url_for('plugin_oewg.observer_request_new', oewg_event),
                 _form(organization=str(organization.id), name=None, name_fr=None, acronym=None, kind=None,
                       website=None, country=None, contact_email=None, ecosoc_status='special'))
    assert resp.status_code == 302, resp.text
    req = ObserverRequest.query.one()
    assert req.organization == organization
    assert req.ecosoc_status == EcosocStatus.special
    # the registry takes over what the request states only once the secretariat confirms it
    assert organization.ecosoc_status == EcosocStatus.roster
    assert Organization.query.count() == 1


@pytest.mark.parametrize(('overrides', 'message'), (
    ({'letter': None}, 'Attach the official letter (PDF).'),
    ({'letter': (BytesIO(b'GIF89a not a pdf at all'), 'letter.pdf', 'application/pdf')}, 'is not a PDF document'),
    ({'letter': (BytesIO(b'%PDF-1.4\nbroken'), 'letter.pdf', 'application/pdf')}, 'is not a PDF document'),
    ({'representatives': '[]'}, 'Name at least one representative'),
    ({'representatives': representatives_json(('  ', 'Director'))}, 'Name at least one representative'),
    ({'name': ''}, 'This field is required'),
    ({'kind': '__None'}, 'This field is required'),
))
def test_bad_request_changes_nothing(oewg_event, requester, client_for, overrides, message):
    client = client_for(requester)
    resp = _post(client, url_for('plugin_oewg.observer_request_new', oewg_event), _form(**overrides))
    assert resp.status_code == 200
    assert message in resp.text
    assert ObserverRequest.query.count() == 0
    assert Organization.query.count() == 0
    assert ObserverFile.query.count() == 0
    assert EventLogEntry.query.filter_by(event_id=oewg_event.id, module='OEWG').count() == 0


def test_second_pending_request_of_an_organization_is_refused(oewg_event, requester, other_requester, client_for,
                                                              make_organization, make_request):
    organization = make_organization('Space Safety Coalition')
    first = make_request(organization)
    client = client_for(other_requester)
    resp = _post(client, url_for('plugin_oewg.observer_request_new', oewg_event),
                 _form(organization=str(organization.id), name=None, name_fr=None, acronym=None, kind=None,
                       website=None, country=None, contact_email=None))
    assert resp.status_code == 200
    # the other contact cannot open the first request: they are told whom to write to, and no id
    assert ('Space Safety Coalition already has a pending request for this session, sent by another contact of the '
            'organization. To add to it or to change it, write to the secretariat at oewg-spacethreats@un.org.'
            in resp.text)
    # (an HTML entity such as &#34; is not a request number)
    assert not re.search(rf'(?<!&)#{first.id}\b', resp.text)
    assert ObserverRequest.query.count() == 1
    assert ObserverFile.query.count() == 1


def test_second_request_of_the_same_requester_points_to_their_list(oewg_event, requester, client_for,
                                                                   make_organization, make_request):
    organization = make_organization('Space Safety Coalition')
    first = make_request(organization)
    resp = _post(client_for(requester), url_for('plugin_oewg.observer_request_new', oewg_event),
                 _form(organization=str(organization.id), name=None, name_fr=None, acronym=None, kind=None,
                       website=None, country=None, contact_email=None))
    assert resp.status_code == 200
    assert 'You already sent a request for Space Safety Coalition to this session' in resp.text
    # (an HTML entity such as &#34; is not a request number)
    assert not re.search(rf'(?<!&)#{first.id}\b', resp.text)
    assert ObserverRequest.query.count() == 1


def test_status_page_access(oewg_event, make_organization, make_request, requester, other_requester,
                            unrelated_user, secretariat_user, admin_user, client_for):
    req = make_request(make_organization())
    url = url_for('plugin_oewg.observer_request', req)
    letter_url = url_for('plugin_oewg.observer_file', req, file_id=req.letter_file_id)
    assert client_for(None).get(url).status_code == 302
    for user in (other_requester, unrelated_user):
        client = client_for(user)
        assert client.get(url).status_code == 403
        assert client.get(letter_url).status_code == 403
    for user in (requester, secretariat_user, admin_user):
        client = client_for(user)
        assert client.get(url).status_code == 200
        with client.get(letter_url) as resp:
            assert resp.status_code == 200
            assert resp.data == PDF
            assert resp.headers['Content-Disposition'].startswith('attachment')


def test_only_the_requester_completes_or_withdraws(oewg_event, make_organization, make_request, other_requester,
                                                   unrelated_user, secretariat_user, client_for):
    req = make_request(make_organization())
    for user in (other_requester, unrelated_user, secretariat_user):
        client = client_for(user)
        assert client.get(url_for('plugin_oewg.observer_request_edit', req)).status_code == 403
        assert _post(client, url_for('plugin_oewg.observer_request_withdraw', req), {}).status_code == 403
    assert req.state == RequestState.pending


def test_requester_answers_a_request_for_information(smtp, oewg_event, make_organization, make_request, requester,
                                                     secretariat_user, client_for):
    req = make_request(make_organization())
    ask_for_information(req, 'Please send the list of your members.', secretariat_user)
    assert req.state == RequestState.info_requested
    client = client_for(requester)
    resp = client.get(url_for('plugin_oewg.observer_request', req))
    assert 'Please send the list of your members.' in resp.text
    resp = _post(client, url_for('plugin_oewg.observer_request_edit', req),
                 {'ecosoc_status': 'none', 'mission_statement': 'Our members: many.',
                  'representatives': representatives_json(('Ada Lovelace', 'Director'), ('Alan Turing', 'Adviser'))})
    assert resp.status_code == 302, resp.text
    assert req.state == RequestState.pending
    assert len(req.representatives) == 2
    assert req.mission_statement == 'Our members: many.'


def test_completing_with_a_bad_letter_keeps_the_request(oewg_event, make_organization, make_request, requester,
                                                        client_for):
    req = make_request(make_organization())
    letter = req.letter_file
    client = client_for(requester)
    resp = _post(client, url_for('plugin_oewg.observer_request_edit', req),
                 {'ecosoc_status': 'none', 'representatives': representatives_json(('New Person', 'Head')),
                  'letter': (BytesIO(b'plain text'), 'letter.pdf', 'application/pdf')})
    assert resp.status_code == 200
    assert 'is not a PDF document' in resp.text
    assert req.letter_file == letter
    assert [r.full_name for r in req.representatives] == ['Ada Lovelace']


def test_requester_withdraws(oewg_event, make_organization, make_request, requester, client_for):
    req = make_request(make_organization())
    client = client_for(requester)
    resp = _post(client, url_for('plugin_oewg.observer_request_withdraw', req), {})
    assert resp.status_code == 302
    assert req.state == RequestState.withdrawn
    # a withdrawn request can no longer be changed
    resp = _post(client, url_for('plugin_oewg.observer_request_edit', req),
                 {'ecosoc_status': 'none', 'representatives': representatives_json(('X', 'Y'))})
    assert resp.status_code == 302
    assert [r.full_name for r in req.representatives] == ['Ada Lovelace']


def test_my_requests_on_the_observers_page(oewg_event, make_organization, make_request, requester, other_requester,
                                           client_for):
    make_request(make_organization('Rita Foundation'))
    assert 'Rita Foundation' in client_for(requester).get(url_for('plugin_oewg.observers', oewg_event)).text
    assert 'Rita Foundation' not in client_for(other_requester).get(url_for('plugin_oewg.observers', oewg_event)).text


def test_a_request_does_not_overwrite_the_registry_until_confirmed(oewg_event, make_organization, make_request,
                                                                  other_requester, secretariat_user, client_for):
    from indico_oewg.observers.operations import confirm_request, decline_request
    organization = make_organization('Careful Foundation', mission_statement='Our real mission.')
    client = client_for(other_requester)
    resp = _post(client, url_for('plugin_oewg.observer_request_new', oewg_event),
                 _form(organization=str(organization.id), name=None, name_fr=None, acronym=None, kind=None,
                       website=None, country=None, contact_email=None, mission_statement='Something else.',
                       mission_statement_file=(BytesIO(b'statement'), 'statement.txt', 'text/plain')))
    assert resp.status_code == 302, resp.text
    req = ObserverRequest.query.one()
    assert organization.mission_statement == 'Our real mission.'
    assert organization.mission_statement_file is None
    assert req.mission_statement == 'Something else.'
    assert req.mission_statement_file.filename == 'statement.txt'
    with client.get(url_for('plugin_oewg.observer_file', req, file_id=req.mission_statement_file_id)) as resp:
        assert resp.data == b'statement'
    decline_request(req, 'Not sent by the organization.', secretariat_user, notify=False)
    assert organization.mission_statement == 'Our real mission.'

    second = make_request(organization)
    second.mission_statement = 'Updated mission.'
    confirm_request(second, secretariat_user, notify=False)
    assert organization.mission_statement == 'Updated mission.'
