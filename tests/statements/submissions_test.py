import io
import re

import pytest

from indico.core.db import db
from indico.modules.logs.models.entries import EventLogEntry
from indico.web.flask.util import url_for

from indico_oewg.delegations import Delegation
from indico_oewg.statements.errors import StatementError
from indico_oewg.statements.models.statements import Statement, StatementStatus
from indico_oewg.statements.models.submitters import StatementSubmitter
from indico_oewg.statements.submissions import add_submitter, get_submitter_delegations

from .conftest import make_pdf


pytestmark = pytest.mark.usefixtures('db')

JAPAN = Delegation.for_state('JPN')


def _body(mail):
    return ''.join(part.get_payload(decode=True).decode() for part in mail.walk()
                   if part.get_content_type() == 'text/plain')


@pytest.fixture
def delegate(create_user):
    return create_user(51, first_name='Kenji', last_name='Delegate', email='kenji@example.org')


@pytest.fixture
def listed_delegate(oewg_event, delegate, secretariat_user):
    add_submitter(oewg_event, delegate, JAPAN, by_user=secretariat_user)
    return delegate


def _submit(client, event, agenda_item, files=None, delegation='state:JPN'):
    data = {'csrf_token': client.csrf_token, 'delegation': delegation, 'agenda_item': str(agenda_item.id),
            'on_behalf_of': '', 'date': '2022-05-10', 'title': 'On norms', 'original_language': 'en'}
    for key, (content, name) in (files or {}).items():
        data[key] = (io.BytesIO(content), name)
    return client.post(url_for('plugin_oewg.submit_statement', event), data=data, content_type='multipart/form-data')


def test_secretariat_lists_submitters(secretariat_user, client_for, oewg_event, delegate):
    client = client_for(secretariat_user)
    url = url_for('plugin_oewg.manage_submitters', oewg_event)
    resp = client.post(url, data={'csrf_token': client.csrf_token, 'email': 'kenji@example.org',
                                  'delegation': 'Japon'})
    assert resp.status_code == 302
    assert get_submitter_delegations(oewg_event, delegate) == [JAPAN]
    resp = client.post(url, data={'csrf_token': client.csrf_token, 'email': 'kenji@example.org',
                                  'delegation': 'Atlantis'}, follow_redirects=True)
    assert 'Unknown delegation' in resp.text
    resp = client.post(url, data={'csrf_token': client.csrf_token, 'email': 'nobody@example.org',
                                  'delegation': 'Japan'}, follow_redirects=True)
    assert 'No Indico user has the e-mail address' in resp.text
    assert StatementSubmitter.query.count() == 1
    assert 'Kenji Delegate' in client.get(url).text
    with pytest.raises(StatementError, match='already hands in statements for Japan'):
        add_submitter(oewg_event, delegate, JAPAN)
    entry = StatementSubmitter.query.one()
    client.post(url_for('plugin_oewg.remove_submitter', oewg_event, submitter_id=entry.id),
                data={'csrf_token': client.csrf_token})
    assert StatementSubmitter.query.count() == 0


@pytest.mark.parametrize('who', ('anonymous', 'unlisted'))
def test_only_participants_hand_in(client_for, create_user, oewg_event, agenda, who):
    client = client_for(None if who == 'anonymous' else create_user(52))
    resp = client.get(url_for('plugin_oewg.submit_statement', oewg_event))
    assert resp.status_code in (302, 403) if who == 'anonymous' else resp.status_code == 403
    if who == 'unlisted':
        resp = _submit(client, oewg_event, agenda[1], {'file_en': (make_pdf(), 'x.pdf')})
        assert resp.status_code == 403
    assert Statement.query.count() == 0


def test_delegation_hands_in_and_secretariat_publishes(client_for, oewg_event, agenda, listed_delegate,
                                                       secretariat_user, smtp):
    client = client_for(listed_delegate)
    assert 'Hand in' in client.get(url_for('plugin_oewg.submit_statement', oewg_event)).text
    # for another delegation: refused
    resp = _submit(client, oewg_event, agenda[1], {'file_en': (make_pdf(), 'x.pdf')}, delegation='state:CHN')
    assert resp.status_code == 200
    assert Statement.query.count() == 0
    # without a file: refused with a message
    resp = _submit(client, oewg_event, agenda[1])
    assert 'Attach the statement' in resp.text
    assert Statement.query.count() == 0
    resp = _submit(client, oewg_event, agenda[1], {'file_en': (make_pdf('Japan on norms'), 'japan.pdf')})
    assert resp.status_code == 302
    statement = Statement.query.one()
    assert statement.status == StatementStatus.pending
    assert statement.submitter == listed_delegate
    # waiting: not public, in the queue
    assert client_for(None).get(url_for('plugin_oewg.statement', statement)).status_code == 404
    secretariat = client_for(secretariat_user)
    assert 'Statement by Japan' in secretariat.get(url_for('plugin_oewg.moderation_queue', oewg_event)).text
    assert 'Statement by Japan' not in secretariat.get(url_for('plugin_oewg.manage_statements', oewg_event)).text
    # publishing it directly from the list is not the way
    resp = secretariat.post(url_for('plugin_oewg.publish_statement', statement),
                            data={'csrf_token': secretariat.csrf_token, 'publish': '1'})
    assert resp.status_code == 400
    resp = secretariat.post(url_for('plugin_oewg.moderate_statement', statement),
                            data={'csrf_token': secretariat.csrf_token, 'action': 'publish'})
    assert resp.status_code == 302
    db.session.expire_all()
    assert statement.is_published
    assert len(smtp.outbox) == 1
    mail = smtp.outbox[0]
    assert mail['To'] == 'kenji@example.org'
    assert 'Your statement has been published' in mail['Subject']
    assert 'Statement by Japan' in _body(mail)
    summaries = [e.summary for e in EventLogEntry.query.filter_by(event_id=oewg_event.id, module='OEWG')]
    assert 'Statement handed in: Statement by Japan' in summaries
    assert 'Statement published: Statement by Japan' in summaries


def test_secretariat_returns_with_reason(client_for, oewg_event, agenda, listed_delegate, secretariat_user, smtp):
    client = client_for(listed_delegate)
    _submit(client, oewg_event, agenda[1], {'file_en': (make_pdf(), 'japan.pdf')})
    statement = Statement.query.one()
    secretariat = client_for(secretariat_user)
    url = url_for('plugin_oewg.moderate_statement', statement)
    resp = secretariat.post(url, data={'csrf_token': secretariat.csrf_token, 'action': 'return', 'reason': ''},
                            follow_redirects=True)
    assert 'Give the reason' in resp.text
    db.session.expire_all()
    assert statement.status == StatementStatus.pending
    assert smtp.outbox == []
    secretariat.post(url, data={'csrf_token': secretariat.csrf_token, 'action': 'return',
                                'reason': 'Please send the final version as delivered.'})
    db.session.expire_all()
    assert statement.status == StatementStatus.returned
    assert statement.return_reason == 'Please send the final version as delivered.'
    assert len(smtp.outbox) == 1
    body = _body(smtp.outbox[0])
    assert 'Please send the final version as delivered.' in body
    assert 'returned' in smtp.outbox[0]['Subject']
    # the delegate sees why
    client = client_for(listed_delegate)
    assert 'Please send the final version as delivered.' in client.get(
        url_for('plugin_oewg.submit_statement', oewg_event)).text
    # and it stays stored, unpublished
    assert client_for(None).get(url_for('plugin_oewg.statement', statement)).status_code == 404


def test_moderation_only_for_secretariat(client_for, oewg_event, agenda, listed_delegate):
    client = client_for(listed_delegate)
    _submit(client, oewg_event, agenda[1], {'file_en': (make_pdf(), 'japan.pdf')})
    statement = Statement.query.one()
    resp = client.post(url_for('plugin_oewg.moderate_statement', statement),
                       data={'csrf_token': client.csrf_token, 'action': 'publish'})
    assert resp.status_code == 403
    assert client.get(url_for('plugin_oewg.moderation_queue', oewg_event)).status_code == 403
    # the submitter may see their own statement while it waits
    assert client.get(url_for('plugin_oewg.statement', statement)).status_code == 200
    db.session.expire_all()
    assert statement.status == StatementStatus.pending


def test_registered_participants_hand_in_for_their_delegation(mocker, client_for, create_user, oewg_event, agenda):
    """Registrants hand in for the delegation of their registration (the registration capability's contract)."""
    registrant = create_user(53)
    get_user_delegations = mocker.patch('indico_oewg.registration.api.get_user_delegations',
                                        return_value=[Delegation.for_state('BRA')])
    assert get_submitter_delegations(oewg_event, registrant) == [Delegation.for_state('BRA')]
    get_user_delegations.assert_called_with(oewg_event, registrant)
    client = client_for(registrant)
    resp = _submit(client, oewg_event, agenda[1], {'file_en': (make_pdf(), 'brazil.pdf')}, delegation='state:BRA')
    assert resp.status_code == 302
    assert Statement.query.one().heading == 'Statement by Brazil'


def test_statements_page_offers_hand_in_to_delegations_only(client_for, create_user, test_client, oewg_event,
                                                            listed_delegate):
    hand_in_url = url_for('plugin_oewg.submit_statement', oewg_event)
    page_url = url_for('plugin_oewg.statements', oewg_event)
    assert hand_in_url in client_for(listed_delegate).get(page_url).text
    assert hand_in_url not in client_for(create_user(58)).get(page_url).text
    assert hand_in_url not in test_client.get(page_url).text


def test_written_contribution_is_handed_in_moderated_and_listed_apart(client_for, oewg_event, agenda, smtp,
                                                                       listed_delegate, secretariat_user, test_client,
                                                                       add_statement):
    add_statement('BRA')  # delivered, position 1
    client = client_for(listed_delegate)
    data = {'csrf_token': client.csrf_token, 'delegation': 'state:JPN', 'agenda_item': str(agenda[1].id),
            'mode': 'written', 'title': 'What there was no time to say', 'original_language': 'en',
            'file_en': (io.BytesIO(make_pdf('Japan in writing')), 'japan_written.pdf')}
    resp = client.post(url_for('plugin_oewg.submit_statement', oewg_event), data=data,
                       content_type='multipart/form-data')
    assert resp.status_code == 302
    written = Statement.query.filter_by(state_code='JPN').one()
    assert (written.mode.name, written.position, written.status) == ('written', 1, StatementStatus.pending)
    secretariat = client_for(secretariat_user)
    assert 'Written contribution' in secretariat.get(url_for('plugin_oewg.moderation_queue', oewg_event)).text
    secretariat.post(url_for('plugin_oewg.moderate_statement', written),
                     data={'csrf_token': secretariat.csrf_token, 'action': 'publish'})
    db.session.expire_all()
    assert written.is_published
    # the session page: under its agenda item, after the delivered statements, under its own heading
    text = test_client.get(url_for('plugin_oewg.statements', oewg_event)).text
    assert text.index('Statement by Brazil') < text.index('>Written contributions</h4>') < \
        text.index(f'id="statement-{written.id}"')
    # the permalink and its citation say what it is
    text = test_client.get(url_for('plugin_oewg.statement', written)).text
    assert 'Statement by Japan (written contribution), Fourth session' in text
    # the JSON says its mode
    data = test_client.get(url_for('plugin_oewg.statements_json', oewg_event)).json
    assert [(s['delegation']['code'], s['mode'], s['position']) for s in data['statements']] == [
        ('BRA', 'oral', 1), ('JPN', 'written', 1)]
    # the session page and the archive filter by mode
    url = url_for('plugin_oewg.statements', oewg_event)
    text = test_client.get(url, query_string={'mode': 'written'}).text
    assert 'Statement by Japan' in text and 'Statement by Brazil' not in text
    text = test_client.get(url, query_string={'mode': 'oral'}).text
    assert 'Statement by Japan' not in text and 'Statement by Brazil' in text
    archive = url_for('plugin_oewg.working_group_statements', oewg_event.category)
    text = test_client.get(archive, query_string={'mode': 'written'}).text
    assert 'Statement by Japan' in text and 'Statement by Brazil' not in text
    data = test_client.get(url_for('plugin_oewg.working_group_statements_json', oewg_event.category),
                           query_string={'mode': 'oral'}).json
    assert [s['delegation']['code'] for s in data['statements']] == ['BRA']


def test_submitters_of_registry_organizations_are_stored_by_id(client_for, secretariat_user, oewg_event, delegate,
                                                               agenda, registry_organization, mocker):
    client = client_for(secretariat_user)
    # the acronym finds it in the registry
    client.post(url_for('plugin_oewg.manage_submitters', oewg_event),
                data={'csrf_token': client.csrf_token, 'email': 'kenji@example.org', 'delegation': 'EU'})
    entry = StatementSubmitter.query.one()
    assert entry.organization_id == registry_organization.id
    assert entry.delegation == Delegation.for_organization(registry_organization.id)
    # a registration for the same organization is the same delegation (not a second one)
    mocker.patch('indico_oewg.registration.api.get_user_delegations',
                 return_value=[Delegation.for_organization(registry_organization.id)])
    assert get_submitter_delegations(oewg_event, delegate) == [Delegation.for_organization(registry_organization.id)]
    # and the hand-in form offers it by its key, named as the registry names it
    text = client_for(delegate).get(url_for('plugin_oewg.submit_statement', oewg_event)).text
    options = re.findall(r'<option[^>]*value="([^"]*)"[^>]*>([^<]*)</option>', text)
    assert (f'organization:{registry_organization.id}', 'European Union (EU)') in options


def test_focal_points_hand_in_for_their_delegation(mocker, client_for, create_user, oewg_event, agenda,
                                                   registry_organization):
    """A focal point of an accredited organization (e.g. its contact) hands in its written contributions."""
    contact = create_user(54)
    eu = Delegation.for_organization(registry_organization.id)
    get_represented = mocker.patch('indico_oewg.registration.api.get_represented_delegations', return_value=[eu])
    assert get_submitter_delegations(oewg_event, contact) == [eu]
    get_represented.assert_called_with(oewg_event, contact)
    client = client_for(contact)
    resp = client.post(url_for('plugin_oewg.submit_statement', oewg_event),
                       data={'csrf_token': client.csrf_token, 'delegation': eu.key, 'mode': 'written',
                             'agenda_item': str(agenda[1].id), 'original_language': 'en',
                             'file_en': (io.BytesIO(make_pdf('Written contribution of the EU')), 'eu.pdf')},
                       content_type='multipart/form-data')
    assert resp.status_code == 302
    statement = Statement.query.one()
    assert (statement.organization_id, statement.mode.name) == (registry_organization.id, 'written')
