"""The console: next, previous, delivered, absent, withdrawn, the right of reply, finishing; each delivered speaker
becomes a statement of the archive, in the order of delivery, and its contact is asked for the text.
"""

import pytest

from indico.modules.logs import EventLogRealm

from indico_oewg.speakers import operations
from indico_oewg.speakers.errors import SpeakersError
from indico_oewg.speakers.models.inscriptions import InscriptionStatus
from indico_oewg.speakers.models.lists import ListStatus
from indico_oewg.speakers.queries import current_speaker, speaking_order
from indico_oewg.statements import api as statements_api
from tests.helpers import log_summaries
from tests.speakers.conftest import mail_body


pytestmark = pytest.mark.usefixtures('db')


@pytest.fixture
def inscribed(speakers_list, people, delegations, smtp):
    """Japan, Egypt (for the Group of Arab States, in French), Brazil and ESA inscribed by their delegates."""
    for who, data in (('japan', {}), ('egypt', {'on_behalf_of': 'the Group of Arab States', 'language': 'fr',
                                                 'joining_states': 'Jordan, Morocco'}),
                      ('brazil', {}), ('esa', {})):
        operations.inscribe(speakers_list, delegations[who], data, user=people[who])
    smtp.outbox.clear()
    return speakers_list


def _statuses(speakers_list):
    return [(i.delegation.name('en'), i.status.name) for i in speaking_order(speakers_list)]


def _archive(speakers_list):
    return [(s.position, s.delegation.name('en')) for s in
            statements_api.get_statements(speakers_list.agenda_item, mode='oral')]


def test_next_delivers_and_records_statements_in_delivery_order(inscribed, secretariat_user, smtp):
    lst = inscribed
    moved, current = operations.call_next(lst, None, user=secretariat_user)
    assert moved and current.delegation.name('en') == 'Egypt'
    assert lst.status == ListStatus.running
    assert current.started_dt is not None
    assert _archive(lst) == []
    moved, current = operations.call_next(lst, current.id, user=secretariat_user)
    assert current.delegation.name('en') == 'Japan'
    egypt = speaking_order(lst)[0]
    assert egypt.status == InscriptionStatus.delivered and egypt.ended_dt
    statement = egypt.statement
    assert statement.on_behalf_of == 'the Group of Arab States'
    assert statement.joining_states == ['JOR', 'MAR']
    assert statement.original_language == 'fr'
    assert statement.contact.email == 'egypt@example.org'
    assert not statements_api.is_published(statement)
    # the delegate is asked for the text
    [mail] = smtp.outbox
    assert mail['To'] == 'egypt@example.org'
    assert 'Please hand in the text of your statement' in mail['Subject']
    # ESA speaks before Brazil (the secretariat marks it delivered out of turn): the archive follows the floor
    esa = speaking_order(lst)[3]
    operations.mark_delivered(esa, user=secretariat_user)
    operations.call_next(lst, current.id, user=secretariat_user)
    operations.call_next(lst, current_speaker(lst).id, user=secretariat_user)
    assert _archive(lst) == [(1, 'Egypt'), (2, 'European Space Agency (ESA)'), (3, 'Japan'), (4, 'Brazil')]
    assert current_speaker(lst) is None
    assert all(i.status == InscriptionStatus.delivered for i in lst.inscriptions)
    with pytest.raises(SpeakersError, match='Nobody is waiting'):
        operations.call_next(lst, None, user=secretariat_user)


def test_a_console_that_missed_a_move_does_not_advance(inscribed, secretariat_user):
    lst = inscribed
    operations.call_next(lst, None, user=secretariat_user)
    # a second console still showing nobody at the floor presses "next": nothing happens
    moved, current = operations.call_next(lst, None, user=secretariat_user)
    assert not moved
    assert current.delegation.name('en') == 'Egypt'
    assert _statuses(lst)[:2] == [('Egypt', 'current'), ('Japan', 'waiting')]
    assert _archive(lst) == []


def test_previous_takes_the_statement_back(inscribed, secretariat_user):
    lst = inscribed
    with pytest.raises(SpeakersError, match='no previous speaker'):
        operations.call_previous(lst, None, user=secretariat_user)
    _moved, egypt = operations.call_next(lst, None, user=secretariat_user)
    _moved, japan = operations.call_next(lst, egypt.id, user=secretariat_user)
    statement_id = egypt.statement_id
    assert statement_id
    moved, current = operations.call_previous(lst, japan.id, user=secretariat_user)
    assert moved and current == egypt
    assert _statuses(lst)[:2] == [('Egypt', 'current'), ('Japan', 'waiting')]
    assert egypt.statement is None
    assert _archive(lst) == []
    # delivered again: one statement, not two
    operations.call_next(lst, egypt.id, user=secretariat_user)
    assert _archive(lst) == [(1, 'Egypt')]


def test_previous_keeps_a_published_statement(inscribed, secretariat_user):
    from indico_oewg.statements.operations import publish_statement
    lst = inscribed
    _moved, egypt = operations.call_next(lst, None, user=secretariat_user)
    _moved, japan = operations.call_next(lst, egypt.id, user=secretariat_user)
    publish_statement(egypt.statement, secretariat_user)
    operations.call_previous(lst, japan.id, user=secretariat_user)
    assert egypt.statement is not None
    operations.call_next(lst, egypt.id, user=secretariat_user)
    assert _archive(lst) == [(1, 'Egypt')]


def test_absent_and_withdrawn(inscribed, secretariat_user):
    lst = inscribed
    _moved, egypt = operations.call_next(lst, None, user=secretariat_user)
    operations.mark_absent(egypt, to_end=True, user=secretariat_user)
    assert _statuses(lst) == [('Japan', 'waiting'), ('Brazil', 'waiting'), ('European Space Agency (ESA)', 'waiting'),
                              ('Egypt', 'waiting')]
    assert current_speaker(lst) is None
    _moved, japan = operations.call_next(lst, None, user=secretariat_user)
    operations.mark_absent(japan, to_end=False, user=secretariat_user)
    brazil = speaking_order(lst)[1]
    operations.withdraw(brazil, user=secretariat_user, as_secretariat=True)
    assert [s for _n, s in _statuses(lst)] == ['absent', 'withdrawn', 'waiting', 'waiting']
    with pytest.raises(SpeakersError, match='Only a waiting or speaking'):
        operations.mark_absent(japan, user=secretariat_user)
    with pytest.raises(SpeakersError, match='Only a waiting or speaking'):
        operations.mark_delivered(brazil, user=secretariat_user)
    # "previous" from nobody: the one dropped as absent gets the floor again
    moved, current = operations.call_previous(lst, None, user=secretariat_user)
    assert moved and current == japan
    assert _archive(lst) == []


def test_right_of_reply_after_the_last_speaker(inscribed, people, delegations, secretariat_user):
    lst = inscribed
    operations.inscribe(lst, delegations['japan'], {}, user=people['japan'], is_reply=True)
    operations.inscribe(lst, delegations['egypt'], {}, user=secretariat_user, as_secretariat=True, is_reply=True)
    called = []
    current = None
    while True:
        try:
            _moved, current = operations.call_next(lst, current.id if current else None, user=secretariat_user)
        except SpeakersError:
            break
        if current is None:
            break
        called.append((current.delegation.name('en'), current.is_reply))
    assert called == [('Egypt', False), ('Japan', False), ('Brazil', False), ('European Space Agency (ESA)', False),
                      ('Japan', True), ('Egypt', True)]
    assert current_speaker(lst) is None
    # a right of reply has its own limit
    assert speaking_order(lst)[-1].time_limit == lst.limit_reply
    assert len(_archive(lst)) == 6


def test_finish_and_resume(inscribed, secretariat_user, people, delegations):
    lst = inscribed
    operations.call_next(lst, None, user=secretariat_user)
    operations.finish_list(lst, user=secretariat_user)
    assert lst.status == ListStatus.finished
    assert [s for _n, s in _statuses(lst)] == ['delivered', 'absent', 'absent', 'absent']
    assert _archive(lst) == [(1, 'Egypt')]
    with pytest.raises(SpeakersError, match='finished'):
        operations.call_next(lst, None, user=secretariat_user)
    with pytest.raises(SpeakersError, match='finished'):
        operations.inscribe(lst, delegations['holy_see'], {}, user=people['holy_see'])
    with pytest.raises(SpeakersError, match='finished'):
        operations.finish_list(lst, user=secretariat_user)
    operations.resume_list(lst, user=secretariat_user)
    assert lst.status == ListStatus.running
    assert not lst.inscriptions_open
    entries = log_summaries(lst.event, EventLogRealm.management)
    assert 'List of speakers finished, "General exchange of views"' in entries
    assert 'List of speakers resumed, "General exchange of views"' in entries


def test_console_is_the_secretariat_s(inscribed, people):
    for action in (lambda: operations.call_next(inscribed, None, user=people['japan']),
                   lambda: operations.call_previous(inscribed, None, user=people['japan']),
                   lambda: operations.mark_delivered(inscribed.inscriptions[0], user=people['japan']),
                   lambda: operations.mark_absent(inscribed.inscriptions[0], user=people['japan']),
                   lambda: operations.finish_list(inscribed, user=people['japan'])):
        with pytest.raises(SpeakersError, match='Only the secretariat'):
            action()
    assert all(i.status == InscriptionStatus.waiting for i in inscribed.inscriptions)
    assert inscribed.status == ListStatus.open


def test_invitation_text_mentions_the_delegation(inscribed, secretariat_user, smtp):
    _moved, egypt = operations.call_next(inscribed, None, user=secretariat_user)
    operations.mark_delivered(egypt, user=secretariat_user)
    assert 'has been delivered under "General exchange of views"' in mail_body(smtp.outbox[0])


def test_a_statement_the_archive_refuses_changes_nothing(inscribed, secretariat_user, client_for, monkeypatch):
    from indico.web.flask.util import url_for

    from indico_oewg.statements.errors import StatementError
    from tests.helpers import post

    def _refuse(*args, **kwargs):
        raise StatementError('The archive refuses this statement.')

    _moved, egypt = operations.call_next(inscribed, None, user=secretariat_user)
    version = inscribed.version
    monkeypatch.setattr(statements_api, 'record_delivered_statement', _refuse)
    client = client_for(secretariat_user)
    resp = post(client, url_for('plugin_oewg.speakers_next', inscribed.event, agenda_item_id=inscribed.agenda_item_id),
                {'expected': str(egypt.id)})
    assert resp.status_code == 302
    with client.session_transaction() as sess:
        assert [m for _c, m in sess['_flashes']] == ['The archive refuses this statement.']
    assert [(i.delegation.code, i.status.name) for i in speaking_order(inscribed)][:2] == [
        ('EGY', 'current'), ('JPN', 'waiting')]
    assert inscribed.version == version
