# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""The secretariat's review queue: access, filters, asking for information, confirming, declining, merging."""

from functools import partial
import pytest

from indico.modules.logs.models.entries import EventLogEntry, EventLogRealm
from indico.web.flask.util import url_for

from indico_oewg.observers import api
from indico_oewg.observers.models.organizations import OrganizationKind
from indico_oewg.observers.models.requests import RequestState
from tests.helpers import log_summaries, post


pytestmark = pytest.mark.usefixtures('db')

_logs = partial(log_summaries, realm=EventLogRealm.management)


MANAGEMENT_GETS = ('manage_observers', 'observer_period', 'observer_lists', 'observer_accreditations',
                   'observer_settings')


@pytest.mark.parametrize('endpoint', MANAGEMENT_GETS)
def test_management_pages_are_for_the_secretariat(oewg_event, endpoint, requester, unrelated_user, secretariat_user,
                                                  admin_user, client_for):
    url = url_for(f'plugin_oewg.{endpoint}', oewg_event)
    assert client_for(None).get(url).status_code == 302
    for user in (requester, unrelated_user):
        assert client_for(user).get(url).status_code == 403
    for user in (secretariat_user, admin_user):
        assert client_for(user).get(url).status_code == 200


def test_request_actions_are_for_the_secretariat(smtp, oewg_event, make_organization, make_request, requester,
                                                 unrelated_user, client_for):
    req = make_request(make_organization())
    for user in (None, requester, unrelated_user):
        client = client_for(user)
        assert client.get(url_for('plugin_oewg.manage_observer_request', req)).status_code in (302, 403)
        for endpoint in ('observer_confirm', 'observer_decline', 'observer_ask_information', 'observer_merge'):
            resp = client.post(url_for(f'plugin_oewg.{endpoint}', req),
                               data={'csrf_token': getattr(client, 'csrf_token', ''), 'reason': 'x',
                                     'message': 'x'})
            # anonymous: refused by the CSRF check (no session token) or sent to login
            assert resp.status_code == (403 if user else resp.status_code)
            assert resp.status_code in (302, 400, 403)
    assert req.state == RequestState.pending
    assert len(smtp.outbox) == 0


def test_queue_filters_by_status_and_kind(oewg_event, make_organization, make_request, secretariat_user, client_for):
    make_request(make_organization('Alpha Commercial Ltd', OrganizationKind.commercial))
    beta = make_request(make_organization('Beta Research Institute', OrganizationKind.other_ngo))
    beta.state = RequestState.withdrawn
    client = client_for(secretariat_user)
    url = url_for('plugin_oewg.manage_observers', oewg_event)
    resp = client.get(url)
    assert 'Alpha Commercial Ltd' in resp.text and 'Beta Research Institute' in resp.text
    resp = client.get(url, query_string={'kind': 'commercial'})
    assert 'Alpha Commercial Ltd' in resp.text and 'Beta Research Institute' not in resp.text
    resp = client.get(url, query_string={'state': 'withdrawn'})
    assert 'Alpha Commercial Ltd' not in resp.text and 'Beta Research Institute' in resp.text
    resp = client.get(url, query_string={'state': 'pending', 'kind': 'other_ngo'})
    assert 'Alpha Commercial Ltd' not in resp.text and 'Beta Research Institute' not in resp.text


def test_request_detail_shows_data_and_files(oewg_event, make_organization, make_request, secretariat_user,
                                             client_for):
    req = make_request(make_organization('Gamma Institute', acronym='GI', website='https://gamma.example.org',
                                         country='FRA'))
    resp = client_for(secretariat_user).get(url_for('plugin_oewg.manage_observer_request', req))
    assert resp.status_code == 200
    for text in ('Gamma Institute', '(GI)', 'https://gamma.example.org', 'France', 'Ada Lovelace', 'Director',
                 'letter.pdf', url_for('plugin_oewg.observer_file', req, file_id=req.letter_file_id)):
        assert text in resp.text


def test_ask_for_information_emails_the_requester(smtp, oewg_event, make_organization, make_request,
                                                  secretariat_user, requester, client_for):
    req = make_request(make_organization('Delta Network'))
    client = client_for(secretariat_user)
    resp = post(client, url_for('plugin_oewg.observer_ask_information', req), {'message': ''})
    assert resp.status_code == 200  # the dialog again, with the error
    assert 'This field is required' in resp.json['html']
    assert req.state == RequestState.pending
    assert len(smtp.outbox) == 0

    resp = post(client, url_for('plugin_oewg.observer_ask_information', req),
                 {'message': 'Please send your statute.'})
    assert resp.status_code == 302
    assert req.state == RequestState.info_requested
    [mail] = smtp.outbox
    assert mail['To'] == requester.email
    body = mail.get_payload(decode=True).decode() if not mail.is_multipart() else str(mail)
    assert 'Please send your statute.' in body
    assert url_for('plugin_oewg.observer_request', req, _external=True) in body
    assert 'More information asked: Observer request of "Delta Network"' in _logs(oewg_event)


@pytest.mark.parametrize(('kind', 'state', 'accredited', 'emails'), (
    (OrganizationKind.standing_invitation, RequestState.accredited, True, 1),
    (OrganizationKind.un_body, RequestState.accredited, True, 1),
    (OrganizationKind.ecosoc, RequestState.accredited, True, 1),
    (OrganizationKind.other_ngo, RequestState.under_consideration, False, 0),
    (OrganizationKind.commercial, RequestState.under_consideration, False, 0),
))
def test_confirm_puts_the_request_on_its_list(smtp, oewg_event, make_organization, make_request, secretariat_user,
                                              client_for, kind, state, accredited, emails):
    organization = make_organization('Epsilon', kind)
    req = make_request(organization)
    resp = post(client_for(secretariat_user), url_for('plugin_oewg.observer_confirm', req))
    assert resp.status_code == 302
    assert req.state == state
    assert api.is_accredited(organization, oewg_event) == accredited
    assert len(smtp.outbox) == emails
    assert any(s.startswith('Observer request of "Epsilon" confirmed') for s in _logs(oewg_event))
    # confirming twice changes nothing
    resp = post(client_for(secretariat_user), url_for('plugin_oewg.observer_confirm', req))
    assert req.state == state
    assert len(organization.accreditations) == (1 if accredited else 0)


def test_decline_needs_a_reason_and_emails_it(smtp, oewg_event, make_organization, make_request, secretariat_user,
                                              client_for):
    req = make_request(make_organization('Zeta Travel Agency', OrganizationKind.commercial))
    client = client_for(secretariat_user)
    post(client, url_for('plugin_oewg.observer_decline', req), {'reason': '  ', 'confirm': 'y'})
    assert req.state == RequestState.pending
    # declining asks for a confirmation: without it, nothing happens
    resp = post(client, url_for('plugin_oewg.observer_decline', req), {'reason': 'Tourism is outside the mandate.'})
    assert resp.status_code == 200
    assert 'Confirm that the request is to be declined.' in resp.json['html']
    assert req.state == RequestState.pending
    assert not smtp.outbox
    resp = post(client, url_for('plugin_oewg.observer_decline', req),
                 {'reason': 'Tourism is outside the mandate.', 'confirm': 'y'})
    assert resp.status_code == 302
    assert req.state == RequestState.declined
    assert req.decline_reason == 'Tourism is outside the mandate.'
    [mail] = smtp.outbox
    assert 'Tourism is outside the mandate.' in str(mail)
    assert 'Observer request of "Zeta Travel Agency" declined' in _logs(oewg_event)


def test_merge_moves_requests_to_the_existing_organization(oewg_event, make_organization, make_request,
                                                          secretariat_user, client_for, dummy_working_group):
    original = make_organization('Secure World Foundation', acronym='SWF')
    duplicate = make_organization('Secure World Fdn')
    req = make_request(duplicate)
    resp = post(client_for(secretariat_user), url_for('plugin_oewg.observer_merge', req),
                 {'target': str(original.id)})
    assert resp.status_code == 302
    assert req.organization == original
    assert duplicate.merged_into == original
    assert api.get_organization(duplicate.id, dummy_working_group) == original
    assert 'Organization "Secure World Fdn" merged into "Secure World Foundation"' in _logs(oewg_event)


def test_merge_refuses_two_open_requests_for_the_same_session(oewg_event, make_organization, make_request,
                                                              secretariat_user, other_requester, client_for):
    original = make_organization('Secure World Foundation')
    duplicate = make_organization('Secure World Fdn')
    make_request(original)
    req = make_request(duplicate, user=other_requester)
    resp = post(client_for(secretariat_user), url_for('plugin_oewg.observer_merge', req),
                 {'target': str(original.id)})
    assert resp.status_code == 200  # the dialog again, saying why
    assert 'Both organizations have an open request for the Fourth session' in resp.json['html']
    assert req.organization == duplicate
    assert duplicate.merged_into is None
    assert not any('merged' in s for s in _logs(oewg_event))


@pytest.mark.parametrize(('endpoint', 'kwargs', 'method'), (
    ('observer_export', {'format': 'xlsx'}, 'GET'),
    ('observer_export', {'format': 'csv'}, 'GET'),
    ('observer_lists_circulate', {}, 'POST'),
    ('observer_settings', {}, 'POST'),
    ('observer_revoke', {'accreditation_id': None}, 'POST'),
    ('observer_objections_report', {}, 'GET'),
))
def test_other_management_routes_refuse_others(smtp, oewg_event, create_oewg_session, endpoint, kwargs, method,
                                               requester, unrelated_user, client_for, create_user,
                                               make_organization, make_request, secretariat_user):
    from indico_oewg.observers.operations import confirm_request
    req = make_request(make_organization('Accredited Union', OrganizationKind.standing_invitation))
    confirm_request(req, secretariat_user, notify=False)
    if 'accreditation_id' in kwargs:
        kwargs = {'accreditation_id': req.accreditation.id}
    other_secretariat = create_user(3010, email='other.secretariat@example.org')
    create_oewg_session('Fifth session', 5, start=(2024, 1, 8), end=(2024, 1, 12)).update_principal(
        other_secretariat, add_permissions={'oewg_secretariat'})
    url = url_for(f'plugin_oewg.{endpoint}', oewg_event, **kwargs)
    data = {'subject': 'x', 'body': 'x', 'reason': 'x', 'member_states_emails': 'a@example.org',
            'accredited_subject': 'x', 'accredited_body': 'x', 'not_accredited_subject': 'x',
            'not_accredited_body': 'x'}
    for user in (requester, unrelated_user, other_secretariat):
        client = client_for(user)
        resp = client.open(url, method=method, data=data | {'csrf_token': client.csrf_token})
        assert resp.status_code == 403, (user, resp.status_code)
    assert len(smtp.outbox) == 0
    assert not req.accreditation.is_revoked


def test_a_secretariat_of_another_session_cannot_review(oewg_event, create_oewg_session, make_organization,
                                                        make_request, create_user, client_for):
    req = make_request(make_organization())
    other_secretariat = create_user(3010, email='other.secretariat@example.org')
    create_oewg_session('Fifth session', 5, start=(2024, 1, 8), end=(2024, 1, 12)).update_principal(
        other_secretariat, add_permissions={'oewg_secretariat'})
    client = client_for(other_secretariat)
    assert client.get(url_for('plugin_oewg.manage_observer_request', req)).status_code == 403
    assert post(client, url_for('plugin_oewg.observer_confirm', req)).status_code == 403
    assert req.state == RequestState.pending


def test_request_of_another_session_is_not_found_here(oewg_event, create_oewg_session, make_organization,
                                                      make_request, secretariat_user, client_for):
    fifth = create_oewg_session('Fifth session', 5, start=(2024, 1, 8), end=(2024, 1, 12))
    req = make_request(make_organization(), event=fifth)
    url = url_for('plugin_oewg.manage_observer_request', oewg_event, request_id=req.id)
    assert client_for(secretariat_user).get(url).status_code == 404


def test_secretariat_reclassifies_an_organization_before_confirming(smtp, oewg_event, make_organization,
                                                                   make_request, secretariat_user, requester,
                                                                   client_for):
    organization = make_organization('Misfiled Society')
    req = make_request(organization)
    data = {'name': 'Misfiled Society', 'name_fr': 'Société mal classée', 'acronym': 'MS', 'kind': 'ecosoc',
            'ecosoc_status': 'special', 'website': '', 'country': 'BEL', 'contact_email': ''}
    assert post(client_for(requester), url_for('plugin_oewg.observer_edit_organization', req),
                 data).status_code == 403
    assert organization.kind == OrganizationKind.other_ngo
    client = client_for(secretariat_user)
    assert post(client, url_for('plugin_oewg.observer_edit_organization', req),
                 data | {'website': 'not a url'}).status_code == 200  # the dialog again, with the error
    assert organization.kind == OrganizationKind.other_ngo, 'bad input changes nothing'
    assert post(client, url_for('plugin_oewg.observer_edit_organization', req), data).status_code == 302
    assert (organization.kind, organization.name_fr, organization.country) == \
        (OrganizationKind.ecosoc, 'Société mal classée', 'BEL')
    entry = EventLogEntry.query.filter_by(event_id=oewg_event.id,
                                          summary='Organization "Misfiled Society" updated').one()
    assert entry.data['Kind'][:2] == ['(d)', '(c)']
    post(client, url_for('plugin_oewg.observer_confirm', req))
    assert req.state == RequestState.accredited


def test_registry_lists_the_organizations_of_the_working_group(oewg_event, create_oewg_session, make_organization,
                                                               make_request, secretariat_user, requester,
                                                               client_for):
    original = make_organization('Original Org', acronym='OO')
    duplicate = make_organization('Original Org (duplicate)')
    from indico_oewg.observers.operations import merge_organization
    make_request(original)
    merge_organization(duplicate, original, oewg_event, secretariat_user)
    url = url_for('plugin_oewg.observer_registry', oewg_event)
    assert client_for(requester).get(url).status_code == 403
    text = client_for(secretariat_user).get(url).text
    assert 'Original Org (OO)' in text and 'merged into Original Org' in text and 'Rita Requester' in text


def test_merged_users_keep_their_requests(oewg_event, make_organization, make_request, requester, create_user):
    from indico.core import signals
    req = make_request(make_organization())
    target = create_user(3020, email='rita.new@example.org')
    signals.users.merged.send(target, source=requester)
    from indico.core.db import db
    db.session.expire_all()
    assert req.requester == target
