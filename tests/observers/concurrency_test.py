# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""Closing the no-objection period while an objection is being recorded: two real transactions.

These tests commit for real (the `db` fixture keeps everything in one transaction, where no race can happen)
and remove what they created afterwards.
"""

import threading
from datetime import datetime, timedelta

import pytest
import pytz
from sqlalchemy import text

from indico.modules.categories.models.categories import Category
from indico.modules.events.models.events import Event, EventType
from indico.modules.users import User
from indico.util.date_time import now_utc

from indico_oewg.observers.models.organizations import OrganizationKind
from indico_oewg.observers.models.periods import NoObjectionPeriod, Objection, PeriodState
from indico_oewg.observers.models.requests import ObserverRequest, RequestState
from indico_oewg.observers.operations import (ObserverError, close_period, confirm_request, create_organization,
                                              create_request, open_period, record_objection)
from indico_oewg.working_groups.models.working_groups import WorkingGroup
from tests.observers.conftest import upload


@pytest.fixture
def committed(app, database, smtp):
    """A session with two organizations under consideration and an open period, committed for real."""
    db = database
    user = User(first_name='Sara', last_name='Concurrent', email='sara.concurrent@example.org')
    requester = User(first_name='Rita', last_name='Concurrent', email='rita.concurrent@example.org')
    category = Category(parent=Category.get_root(), title='OEWG concurrency test')
    working_group = WorkingGroup(category=category, name='OEWG concurrency test', resolution='76/231',
                                 symbol_prefix='A/AC.294', contact_email='oewg@example.org')
    tz = pytz.timezone('Europe/Zurich')
    event = Event(creator=user, category=category, title='Concurrency session', timezone='Europe/Zurich',
                  start_dt=tz.localize(datetime(2030, 1, 7, 10)), end_dt=tz.localize(datetime(2030, 1, 11, 18)),
                  type_=EventType.conference, acl_entries=set())
    db.session.add_all([user, requester, category, working_group, event])
    db.session.flush()
    ids = {'users': (user.id, requester.id), 'category': category.id, 'working_group': working_group.id,
           'event': event.id}
    try:
        requests = []
        for name in ('Alpha Orbital Ltd', 'Beta Lunar Society'):
            organization = create_organization(working_group, {'name': name, 'kind': OrganizationKind.commercial})
            req = create_request(event, requester, organization=organization, letter=upload(),
                                 representatives=[('A. Person', 'Director')])
            confirm_request(req, user)
            requests.append(req.id)
        period = open_period(event, now_utc() + timedelta(hours=1), user)
        ids['period'] = period.id
        ids['requests'] = requests
        db.session.commit()
        yield ids
    finally:
        db.session.rollback()
        _cleanup(db, ids)
        # the next test starts with a fresh session, not one that saw this test's committed rows
        db.session.remove()


def _cleanup(db, ids):
    params = {'event': ids['event'], 'wg': ids['working_group'], 'cat': ids['category'],
              'users': list(ids['users'])}
    for statement in (
        'DELETE FROM plugin_oewg.objections o USING plugin_oewg.no_objection_periods p '
        'WHERE o.period_id = p.id AND p.event_id = :event',
        'DELETE FROM plugin_oewg.no_objection_periods WHERE event_id = :event',
        'DELETE FROM plugin_oewg.accreditations WHERE working_group_id = :wg',
        'DELETE FROM plugin_oewg.observer_requests WHERE event_id = :event',
        'DELETE FROM plugin_oewg.organizations WHERE working_group_id = :wg',
        'DELETE FROM plugin_oewg.observer_files WHERE working_group_id = :wg',
        'DELETE FROM events.logs WHERE event_id = :event',
        'DELETE FROM events.principals WHERE event_id = :event',
        'DELETE FROM events.events WHERE id = :event',
        'DELETE FROM plugin_oewg.working_groups WHERE id = :wg',
        'DELETE FROM categories.logs WHERE category_id = :cat',
        'DELETE FROM categories.categories WHERE id = :cat',
        'DELETE FROM users.emails WHERE user_id = ANY(:users)',
        'DELETE FROM users.users WHERE id = ANY(:users)',
    ):
        db.session.execute(text(statement), params)
    db.session.commit()
    assert not db.session.query(WorkingGroup.query.filter_by(id=ids['working_group']).exists()).scalar()


def _in_thread(app, target, *args):
    """Run `target` in its own thread, app context and database session (= its own transaction)."""
    result = {}

    def _run():
        with app.app_context():
            from indico.core.db import db
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


def _objection_holding_the_lock(ids, locked, release):
    """Record an objection, then keep the transaction (and the period's row lock) open until told."""
    period = NoObjectionPeriod.query.get(ids['period'])
    req = ObserverRequest.query.get(ids['requests'][0])
    user = User.query.filter_by(last_name='Concurrent', first_name='Sara').one()
    objection = record_objection(period, req, 'FRA', 'Raced', user)
    locked.set()
    assert release.wait(10)
    return objection.id


def _close(ids):
    return close_period(NoObjectionPeriod.query.get(ids['period']), None)


def _states(database, ids):
    database.session.expire_all()
    return [ObserverRequest.query.get(id_).state for id_ in ids['requests']]


def test_close_waits_for_a_concurrent_objection_and_counts_it(app, database, committed):
    locked, release = threading.Event(), threading.Event()
    objecting, objection_result = _in_thread(app, _objection_holding_the_lock, committed, locked, release)
    assert locked.wait(10)
    closing, close_result = _in_thread(app, _close, committed)
    closing.join(1)
    assert closing.is_alive(), "the close must wait for the objection's transaction"
    release.set()
    objecting.join(10)
    closing.join(10)
    assert 'error' not in objection_result and 'error' not in close_result
    assert close_result['value'] is True
    assert _states(database, committed) == [RequestState.not_accredited, RequestState.accredited]
    assert Objection.query.filter_by(period_id=committed['period']).count() == 1


def test_objection_after_a_concurrent_close_is_refused_and_saves_nothing(app, database, committed):
    def _close_holding_the_lock(ids, locked, release):
        result = _close(ids)
        locked.set()
        assert release.wait(10)
        return result

    def _object(ids):
        period = NoObjectionPeriod.query.get(ids['period'])
        req = ObserverRequest.query.get(ids['requests'][0])
        user = User.query.filter_by(last_name='Concurrent', first_name='Sara').one()
        return record_objection(period, req, 'FRA', 'Too late', user)

    locked, release = threading.Event(), threading.Event()
    closing, close_result = _in_thread(app, _close_holding_the_lock, committed, locked, release)
    assert locked.wait(10)
    objecting, objection_result = _in_thread(app, _object, committed)
    objecting.join(1)
    assert objecting.is_alive(), "the objection must wait for the close's transaction"
    release.set()
    closing.join(10)
    objecting.join(10)
    assert close_result['value'] is True
    assert isinstance(objection_result['error'], ObserverError)
    assert 'closed' in str(objection_result['error'])
    assert Objection.query.filter_by(period_id=committed['period']).count() == 0
    assert _states(database, committed) == [RequestState.accredited, RequestState.accredited]


def test_two_concurrent_closes_decide_once(app, database, committed):
    threads = [_in_thread(app, _close, committed) for _ in range(2)]
    for thread, _result in threads:
        thread.join(20)
    assert sorted(result['value'] for _thread, result in threads) == [False, True]
    database.session.expire_all()
    assert NoObjectionPeriod.query.get(committed['period']).state == PeriodState.closed
    count = database.session.execute(
        text('SELECT count(*) FROM plugin_oewg.accreditations WHERE working_group_id = :wg'),
        {'wg': committed['working_group']}).scalar()
    assert count == 2
