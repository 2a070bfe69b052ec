"""The statements archive's contract with the list of speakers (`indico_oewg.statements.api`, issue 12)."""

import io

import pytest

from indico.core.db import db
from indico.web.flask.util import url_for

from indico_oewg.delegations import Delegation
from indico_oewg.statements import api
from indico_oewg.statements.models.statements import Statement, StatementMode, StatementStatus
from tests.helpers import log_summaries

from .conftest import make_pdf


pytestmark = pytest.mark.usefixtures('db')


@pytest.fixture
def contact(create_user):
    return create_user(81, first_name='Chidi', last_name='Contact', email='chidi@mission.example.org')


def _body(mail):
    return ''.join(part.get_payload(decode=True).decode() for part in mail.walk()
                   if part.get_content_type() == 'text/plain')


def test_agenda_items(oewg_event, agenda, create_oewg_session):
    assert api.get_agenda_items(oewg_event) == agenda
    assert [(item.position, item.title) for item in api.get_agenda_items(oewg_event)][:2] == [
        (1, 'Opening of the session'), (2, 'General exchange of views')]
    assert api.get_agenda_item(oewg_event, agenda[1].id) == agenda[1]
    other = create_oewg_session('Third session', 3, (2023, 1, 30), (2023, 2, 3))
    assert api.get_agenda_item(other, agenda[1].id) is None
    assert api.get_agenda_item(oewg_event, 987654) is None


def test_delivered_statements_follow_the_floor(oewg_event, agenda, add_statement, secretariat_user, test_client):
    add_statement('BRA', item=1)  # already in the archive, position 1
    add_statement('CHE', item=1, mode=StatementMode.written)  # a written contribution: its own order
    nigeria = api.record_delivered_statement(agenda[1], Delegation.for_state('NGA'), language='en',
                                             user=secretariat_user)
    group = api.record_delivered_statement(agenda[1], Delegation.for_state('PHL'), on_behalf_of='multiple States',
                                           joining_states=['AUS', 'JPN'], user=secretariat_user)
    assert (nigeria.position, group.position) == (2, 3)
    assert nigeria.mode == StatementMode.oral
    assert nigeria.status == StatementStatus.awaiting_text
    assert nigeria.original_language == 'en'
    assert group.heading == 'Statement by the Philippines on behalf of multiple States'
    assert group.joining_states == ['AUS', 'JPN']
    assert not api.is_published(nigeria)
    # not public until it has a file or is published
    assert api.get_statement_url(nigeria) == 'http://localhost' + url_for('plugin_oewg.statement', nigeria)
    assert test_client.get(url_for('plugin_oewg.statement', nigeria)).status_code == 404
    assert 'Statement by Nigeria' not in test_client.get(url_for('plugin_oewg.statements', oewg_event)).text
    assert 'Statement delivered from the floor: Statement by Nigeria' in log_summaries(oewg_event)
    # in delivery order, the written contributions after the delivered statements, or one mode only
    statements = api.get_statements(agenda[1])
    assert [(s.mode.name, s.position, s.delegation) for s in statements] == [
        ('oral', 1, Delegation.for_state('BRA')), ('oral', 2, Delegation.for_state('NGA')),
        ('oral', 3, Delegation.for_state('PHL')), ('written', 1, Delegation.for_state('CHE'))]
    assert [s.is_published for s in statements] == [True, False, False, True]
    assert [s.on_behalf_of for s in api.get_statements(agenda[1], 'oral')] == ['', '', 'multiple States']
    assert [s.delegation.code for s in api.get_statements(agenda[1], 'written')] == ['CHE']


def test_secretariat_publishes_a_delivered_statement_without_its_text(oewg_event, agenda, secretariat_user,
                                                                      client_for, test_client):
    statement = api.record_delivered_statement(agenda[1], Delegation.for_state('KEN'), user=secretariat_user)
    secretariat = client_for(secretariat_user)
    assert 'Statement by Kenya' in secretariat.get(url_for('plugin_oewg.manage_statements', oewg_event)).text
    resp = secretariat.post(url_for('plugin_oewg.publish_statement', statement),
                            data={'csrf_token': secretariat.csrf_token, 'publish': '1'})
    assert resp.status_code == 302
    db.session.expire_all()
    assert api.is_published(statement)
    assert test_client.get(url_for('plugin_oewg.statement', statement)).status_code == 200
    # published: "previous" on the floor no longer takes it back
    assert api.undo_delivered_statement(statement, user=secretariat_user) is False
    assert Statement.query.get(statement.id) is not None


def test_secretariat_uploading_the_text_publishes_it(agenda, secretariat_user, client_for):
    statement = api.record_delivered_statement(agenda[1], Delegation.for_state('KEN'), user=secretariat_user)
    secretariat = client_for(secretariat_user)
    secretariat.post(url_for('plugin_oewg.upload_statement_files', statement),
                     data={'csrf_token': secretariat.csrf_token, 'file_en': (io.BytesIO(make_pdf('Kenya')), 'k.pdf')},
                     content_type='multipart/form-data')
    db.session.expire_all()
    assert [f.language for f in statement.files] == ['en']
    assert statement.status == StatementStatus.published


def test_contact_is_invited_and_hands_in_the_text(oewg_event, agenda, secretariat_user, contact, client_for,
                                                  test_client, create_user, smtp):
    statement = api.record_delivered_statement(agenda[1], Delegation.for_state('NGA'), contact=contact,
                                               user=secretariat_user)
    assert statement.contact == contact
    hand_in_url = url_for('plugin_oewg.submit_statement', oewg_event)
    # the invitation: in the contact's e-mail, with the hand-in page
    assert len(smtp.outbox) == 1
    mail = smtp.outbox[0]
    assert mail['To'] == 'chidi@mission.example.org'
    assert 'Please hand in the text of your statement' in mail['Subject']
    body = ' '.join(_body(mail).split())  # (wrapped at 72 characters)
    assert '"Statement by Nigeria" has been delivered under "General exchange of views" at the Fourth session' in body
    assert f'http://localhost{hand_in_url}#statement-{statement.id}' in body
    # the contact (no registration, no submitter entry) reaches the hand-in page, the statement is there
    client = client_for(contact)
    page = client.get(hand_in_url)
    assert page.status_code == 200
    assert f'id="statement-{statement.id}"' in page.text
    assert url_for('plugin_oewg.hand_in_statement_text', statement) in page.text
    # and the statements page offers the way there
    assert hand_in_url in client.get(url_for('plugin_oewg.statements', oewg_event)).text
    # nobody else may hand it in
    stranger = client_for(create_user(82))
    resp = stranger.post(url_for('plugin_oewg.hand_in_statement_text', statement),
                         data={'csrf_token': stranger.csrf_token, 'file_en': (io.BytesIO(make_pdf()), 'x.pdf')},
                         content_type='multipart/form-data')
    assert resp.status_code == 404
    assert stranger.get(hand_in_url).status_code == 403
    # a file that is not a PDF: refused, nothing stored
    client = client_for(contact)
    resp = client.post(url_for('plugin_oewg.hand_in_statement_text', statement),
                       data={'csrf_token': client.csrf_token, 'file_en': (io.BytesIO(b'plain text'), 'x.pdf')},
                       content_type='multipart/form-data', follow_redirects=True)
    assert 'neither a PDF nor a Word' in resp.text
    db.session.expire_all()
    assert statement.files == [] and not api.is_published(statement)
    resp = client.post(url_for('plugin_oewg.hand_in_statement_text', statement),
                       data={'csrf_token': client.csrf_token,
                             'file_en': (io.BytesIO(make_pdf('Nigeria on norms')), 'nigeria.pdf'),
                             'file_fr': (io.BytesIO(make_pdf('Nigéria')), 'nigeria_fr.pdf')},
                       content_type='multipart/form-data')
    assert resp.status_code == 302
    db.session.expire_all()
    assert sorted(f.language for f in statement.files) == ['en', 'fr']
    assert api.is_published(statement)
    assert test_client.get(url_for('plugin_oewg.statement', statement)).status_code == 200
    assert 'Statement by Nigeria' in test_client.get(url_for('plugin_oewg.statements', oewg_event)).text
    # handed in: nothing waits for them any more (nor may they hand in anything else), and "previous" no longer
    # takes it back
    assert client.get(hand_in_url).status_code == 403
    assert api.undo_delivered_statement(statement) is False


def test_undo_takes_back_a_statement_without_text(oewg_event, agenda, secretariat_user):
    first = api.record_delivered_statement(agenda[1], Delegation.for_state('NGA'), user=secretariat_user)
    second = api.record_delivered_statement(agenda[1], Delegation.for_state('KEN'), user=secretariat_user)
    assert api.undo_delivered_statement(second, user=secretariat_user) is True
    assert Statement.query.get(second.id) is None
    assert 'Statement deleted: Statement by Kenya' in log_summaries(oewg_event)
    # the next one delivered takes the place again
    again = api.record_delivered_statement(agenda[1], Delegation.for_state('GHA'), user=secretariat_user)
    assert again.position == 2
    assert first.position == 1


def test_delegations_of_the_registry_are_stored_by_id(oewg_event, agenda, secretariat_user, registry_organization,
                                                      test_client):
    eu = Delegation.for_organization(registry_organization)
    statement = api.record_delivered_statement(agenda[1], eu, user=secretariat_user)
    assert statement.organization_id == registry_organization.id
    assert statement.delegation == Delegation.for_organization(registry_organization.id)
    assert statement.heading == 'Statement by the European Union'
    assert statement.delegation.to_json() == {'kind': 'organization', 'code': None, 'name': 'the European Union',
                                              'organization_id': registry_organization.id}


def test_bad_input_stores_nothing(agenda, secretariat_user):
    from indico_oewg.statements.errors import StatementError
    with pytest.raises(StatementError, match='On behalf of is longer than 300 characters'):
        api.record_delivered_statement(agenda[1], Delegation.for_state('NGA'), on_behalf_of='x' * 301,
                                       user=secretariat_user)
    with pytest.raises(StatementError, match='Unknown language'):
        api.record_delivered_statement(agenda[1], Delegation.for_state('NGA'), language='de', user=secretariat_user)
    assert Statement.query.count() == 0


def test_urls_and_publication_of_many_statements(oewg_event, agenda, add_statement, secretariat_user):
    """The list of speakers links hundreds of statements: their permalinks and which are public, nothing loaded."""
    published = add_statement('JPN')
    delivered = api.record_delivered_statement(agenda[1], Delegation.for_state('KEN'), user=secretariat_user)
    urls = api.get_statement_urls(oewg_event, [published.id, delivered.id])
    assert urls == {published.id: api.get_statement_url(published), delivered.id: api.get_statement_url(delivered)}
    assert api.get_statement_urls(oewg_event, []) == {}
    assert api.get_published_ids([published.id, delivered.id, delivered.id + 1000]) == {published.id}
    assert api.get_published_ids([]) == set()
