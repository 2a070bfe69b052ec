"""The list of speakers under concurrent requests, with real committed transactions.

Indico's ``db`` fixture never commits, so concurrent requests could not see each other. These tests commit their own
data, act from several threads (each request in its own thread, application context, database session and
transaction, as in production) and remove every row they added afterwards.
"""

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
import pytz
from sqlalchemy import text

from indico.core.db import db
from indico.modules.categories import Category
from indico.modules.events import Event
from indico.modules.events.features.util import set_feature_enabled
from indico.modules.events.models.events import EventType
from indico.modules.users import User
from indico.util.date_time import now_utc
from indico.web.flask.util import url_for

from tests.registration.concurrency_test import _delete_rows_added_since, _table_rows
from tests.registration.concurrency_test import connection_per_request  # noqa: F401 (a fixture)


#: States inscribed at the same moment
STATES = ('JPN', 'FRA', 'BRA', 'EGY', 'IND', 'MEX', 'NGA', 'CHN', 'DEU', 'KEN')


@pytest.fixture
def committed(app, database, smtp):
    """A session with an open list of speakers and its secretariat, committed for real; removed afterwards."""
    from indico_oewg.speakers.operations import open_list
    from indico_oewg.statements.operations import create_agenda_item
    from indico_oewg.working_groups.models.working_groups import WorkingGroup
    before = _table_rows()
    try:
        tz = pytz.timezone('Europe/Zurich')
        secretariat = User(first_name='Sara', last_name='Concurrent', email='sara.speakers@example.org')
        category = Category(parent=Category.get_root(), title='OEWG speakers concurrency test')
        working_group = WorkingGroup(category=category, name='Concurrency OEWG', resolution='76/231',
                                     symbol_prefix='A/AC.294', contact_email='oewg@example.org')
        start = now_utc() + timedelta(days=30)
        event = Event(category=category, title='Fourth session', type_=EventType.conference, creator=secretariat,
                      start_dt=start, end_dt=start + timedelta(days=4), timezone=tz.zone, acl_entries=set())
        db.session.add_all([secretariat, category, working_group, event])
        db.session.flush()
        set_feature_enabled(event, 'oewg', True)
        event.update_principal(secretariat, full_access=True)
        item = create_agenda_item(event, 'General exchange of views', user=secretariat)
        speakers_list = open_list(event, item, user=secretariat)
        db.session.commit()
        yield {'event': event.id, 'item': item.id, 'list': speakers_list.id, 'user': secretariat.id}
    finally:
        db.session.rollback()
        _delete_rows_added_since(before)
        db.session.remove()


def _client(app, user_id, n):
    client = app.test_client()
    with app.app_context(), client.session_transaction() as sess:
        sess.set_session_user(User.get(user_id))
        sess['_csrf_token'] = client.csrf_token = f'speakers-{n}'
    return client


def _in_thread(app, target, *args):
    """Run `target` in its own thread, app context and database session (= its own transaction)."""
    result = {}

    def _run():
        with app.app_context():
            try:
                result['value'] = target(*args)
                db.session.commit()
            except Exception as exc:
                db.session.rollback()
                result['error'] = exc
            finally:
                db.session.remove()

    thread = threading.Thread(target=_run)
    thread.start()
    return thread, result


def _lock_waiters():
    """How many transactions wait for a lock right now."""
    return db.session.execute(text('SELECT count(*) FROM pg_locks WHERE NOT granted')).scalar()


def _wait_for_waiters(count, timeout=10):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if _lock_waiters() >= count:
            return True
        db.session.rollback()
        time.sleep(0.05)
    return False


def _inscriptions(ids):
    from indico_oewg.speakers.models.inscriptions import Inscription
    db.session.expire_all()
    return Inscription.query.filter_by(list_id=ids['list']).order_by(Inscription.is_reply,
                                                                       Inscription.position).all()


@pytest.mark.usefixtures('connection_per_request')
def test_concurrent_inscriptions_get_distinct_places_in_order_of_arrival(app, committed):
    from indico_oewg.speakers.models.lists import SpeakersList
    lst = SpeakersList.get(committed['list'])
    url = url_for('plugin_oewg.speakers_add', lst.event, agenda_item_id=committed['item'])
    db.session.rollback()
    clients = [_client(app, committed['user'], n) for n in range(len(STATES))]
    barrier = threading.Barrier(len(STATES))

    def _inscribe(n):
        barrier.wait(timeout=30)
        resp = clients[n].post(url, data={'delegation': f'state:{STATES[n]}', 'csrf_token': clients[n].csrf_token})
        return resp.status_code

    with ThreadPoolExecutor(max_workers=len(STATES)) as executor:
        statuses = list(executor.map(_inscribe, range(len(STATES))))
    assert statuses == [302] * len(STATES)
    inscriptions = _inscriptions(committed)
    assert sorted(i.state_code for i in inscriptions) == sorted(STATES)
    assert [i.position for i in inscriptions] == list(range(1, len(STATES) + 1))
    # the places follow the order in which the inscriptions got the list: the order of their times
    times = [i.inscribed_dt for i in inscriptions]
    assert times == sorted(times)


def test_inscriptions_queue_behind_the_list_lock_in_order(app, committed):
    """One inscription holds the list; two more arrive one after the other: they get places 2 and 3."""
    from indico_oewg.delegations import Delegation
    from indico_oewg.speakers.models.lists import SpeakersList
    from indico_oewg.speakers.operations import inscribe

    def _inscribe(code, locked=None, release=None):
        user = User.get(committed['user'])
        inscription = inscribe(SpeakersList.get(committed['list']), Delegation.for_state(code), {}, user=user,
                               as_secretariat=True)
        if locked:
            locked.set()
            assert release.wait(10)
        return inscription.position

    locked, release = threading.Event(), threading.Event()
    first, first_result = _in_thread(app, _inscribe, 'JPN', locked, release)
    assert locked.wait(10)
    waiting_before = _lock_waiters()
    db.session.rollback()
    second, second_result = _in_thread(app, _inscribe, 'FRA')
    assert _wait_for_waiters(waiting_before + 1), 'the second inscription must wait for the list'
    third, third_result = _in_thread(app, _inscribe, 'BRA')
    assert _wait_for_waiters(waiting_before + 2), 'the third inscription must wait for the list'
    release.set()
    for thread in (first, second, third):
        thread.join(20)
    assert [r.get('value') for r in (first_result, second_result, third_result)] == [1, 2, 3], \
        (first_result, second_result, third_result)
    assert [i.state_code for i in _inscriptions(committed)] == ['JPN', 'FRA', 'BRA']


@pytest.mark.usefixtures('connection_per_request')
def test_two_consoles_pressing_next_at_once_advance_once(app, committed):
    from indico_oewg.delegations import Delegation
    from indico_oewg.speakers.models.lists import SpeakersList
    from indico_oewg.speakers.operations import call_next, inscribe
    from indico_oewg.statements.models.statements import Statement
    lst = SpeakersList.get(committed['list'])
    user = User.get(committed['user'])
    for code in ('JPN', 'FRA', 'BRA'):
        inscribe(lst, Delegation.for_state(code), {}, user=user, as_secretariat=True)
    _moved, japan = call_next(lst, None, user=user)
    japan_id = japan.id
    url = url_for('plugin_oewg.speakers_next', lst.event, agenda_item_id=committed['item'])
    db.session.commit()
    clients = [_client(app, committed['user'], n) for n in range(2)]
    barrier = threading.Barrier(2)

    def _press(n):
        barrier.wait(timeout=30)
        # both consoles show Japan at the floor
        resp = clients[n].post(url, data={'expected': str(japan_id), 'csrf_token': clients[n].csrf_token})
        with clients[n].session_transaction() as sess:
            return resp.status_code, [message for _category, message in sess.get('_flashes', [])]

    with ThreadPoolExecutor(max_workers=2) as executor:
        results = list(executor.map(_press, range(2)))
    assert [status for status, _flashes in results] == [302, 302]
    messages = sorted(' '.join(flashes) for _status, flashes in results)
    assert sum('moved on meanwhile' in m for m in messages) == 1, messages
    assert sum('France has the floor' in m for m in messages) == 1, messages
    assert [(i.state_code, i.status.name) for i in _inscriptions(committed)] == [
        ('JPN', 'delivered'), ('FRA', 'current'), ('BRA', 'waiting')]
    assert Statement.query.filter_by(agenda_item_id=committed['item']).count() == 1


def test_next_waits_for_a_console_holding_the_list(app, committed):
    from indico_oewg.delegations import Delegation
    from indico_oewg.speakers.models.lists import SpeakersList
    from indico_oewg.speakers.operations import call_next, inscribe
    lst = SpeakersList.get(committed['list'])
    user = User.get(committed['user'])
    for code in ('JPN', 'FRA'):
        inscribe(lst, Delegation.for_state(code), {}, user=user, as_secretariat=True)
    db.session.commit()

    def _next(locked=None, release=None):
        moved, current = call_next(SpeakersList.get(committed['list']), None, user=User.get(committed['user']))
        if locked:
            locked.set()
            assert release.wait(10)
        return moved, current.state_code if current else None

    locked, release = threading.Event(), threading.Event()
    first, first_result = _in_thread(app, _next, locked, release)
    assert locked.wait(10)
    second, second_result = _in_thread(app, _next)
    second.join(1)
    assert second.is_alive(), "the second console must wait for the first one's transaction"
    release.set()
    first.join(20)
    second.join(20)
    assert first_result['value'] == (True, 'JPN')
    assert second_result['value'] == (False, 'JPN')
    assert [(i.state_code, i.status.name) for i in _inscriptions(committed)] == [
        ('JPN', 'current'), ('FRA', 'waiting')]
