# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""Speed of the public list of speakers against Indico's own event page of the same session, in one run.

    .venv/bin/python benchmarks/speakers.py

Creates a throw-away database (see benchmarks/harness.py: OEWG_BENCH_PG, OEWG_BENCH_REDIS), two sessions whose
general exchange of views runs with 20 and 200 speakers (half of them delivered, each with its statement; groups,
States and registry organizations; a right of reply), and times, logged in, after warm-up, medians of
OEWG_BENCH_ROUNDS rounds (default 15) in which the requests take turns (the load of the shared machine then weighs on
each alike):

- the rolling-list JSON of the 200-speaker session against Indico's event page of that session (target <= 0.3x);
  for information also the JSON built for a new version (the first request after a change; the others get it from
  the cache);
- a poll of the JSON answered ``304`` (its ``If-None-Match`` is the reader's ETag of the current version)
  (target <= 0.1x);
- the public page of the lists (target <= 1.5x);
- the SQL queries of the JSON, of a poll and of the page at 20 and at 200 speakers (target: equal).
"""

import os
import statistics
import sys
import time
from pathlib import Path

import sqlalchemy as sa


ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.harness import Measurement, bench_app, logged_in_client  # noqa: E402


#: rounds of the interleaved requests (fast ones: more than the harness's default)
ROUNDS = int(os.environ.get('OEWG_BENCH_ROUNDS', '15'))


TARGETS = {'json': 0.3, 'poll': 0.1, 'page': 1.5}
STATES = ('JPN', 'BRA', 'DEU', 'FRA', 'CHN', 'USA', 'GBR', 'IND', 'ZAF', 'MEX', 'NGA', 'EGY', 'ARG', 'AUS', 'CAN',
          'KEN', 'PHL', 'IDN', 'NZL', 'CHL')
GROUPS = ('the Group of 77 and China', 'the European Union', 'the Group of Arab States', 'the African Group')


def _fill(event, item, count, organizations, user):
    """A running list of ``count`` speakers: the first half delivered (statements recorded), one speaking."""
    from indico.core.db import db
    from indico.util.date_time import now_utc

    from indico_oewg.delegations import Delegation
    from indico_oewg.speakers.models.inscriptions import Inscription, InscriptionStatus
    from indico_oewg.speakers.models.lists import ListStatus, SpeakerClass, SpeakersList
    from indico_oewg.statements import api as statements_api

    lst = SpeakersList(event=event, agenda_item=item, status=ListStatus.running)
    delivered = count // 2
    now = now_utc()
    for n in range(count):
        extra = {}
        if n % 10 == 9:
            delegation, cls = Delegation.for_organization(organizations[n % len(organizations)]), SpeakerClass.igo
        else:
            delegation, cls = Delegation.for_state(STATES[n % len(STATES)]), SpeakerClass.state
        if n % 25 == 0:
            extra = {'on_behalf_of': GROUPS[n % len(GROUPS)], 'joining_states': ['AUS', 'NZL']}
        if n < delivered:
            statement = statements_api.record_delivered_statement(item, delegation, user=user,
                                                                  on_behalf_of=extra.get('on_behalf_of', ''))
            extra.update(status=InscriptionStatus.delivered, statement_id=statement.id,
                         started_dt=now, ended_dt=now)
        elif n == delivered:
            extra.update(status=InscriptionStatus.current, started_dt=now)
        lst.inscriptions.append(Inscription(delegation=delegation, position=n + 1, delegation_class=cls,
                                            language='en', **extra))
    lst.inscriptions.append(Inscription(delegation=Delegation.for_state('GBR'), position=1, is_reply=True,
                                        delegation_class=SpeakerClass.state))
    db.session.flush()


def build():
    from datetime import datetime

    import pytz

    from indico.core.db import db
    from indico.modules.categories import Category
    from indico.modules.events.features.util import set_feature_enabled
    from indico.modules.events.models.events import EventType
    from indico.modules.events.operations import create_event
    from indico.modules.users import User

    from indico_oewg.observers.models.organizations import OrganizationKind
    from indico_oewg.observers.operations import create_organization
    from indico_oewg.statements.operations import create_agenda_item
    from indico_oewg.working_groups.operations import create_working_group

    user = User(first_name='Bench', last_name='User', email='bench@example.org')
    db.session.add(user)
    category = Category(parent=Category.get_root(), title='OEWG (benchmark)')
    db.session.add(category)
    db.session.flush()
    working_group = create_working_group(category, {
        'name': 'Open-ended working group (benchmark)', 'resolution': '76/231', 'symbol_prefix': 'A/AC.294',
        'contact_email': 'oewg@example.org'}, user=user)
    organizations = [create_organization(working_group, {'name': f'Organization {n}', 'acronym': f'ORG{n}',
                                                         'kind': OrganizationKind.standing_invitation})
                     for n in range(8)]
    tz = pytz.timezone('Europe/Zurich')
    sessions = {}
    for count, day in ((20, 2), (200, 3)):
        event = create_event(category, EventType.conference, {
            'title': f'Session with {count} speakers', 'start_dt': tz.localize(datetime(2031, 5, day, 10)),
            'end_dt': tz.localize(datetime(2031, 5, day, 18)), 'timezone': 'Europe/Zurich', 'creator': user})
        set_feature_enabled(event, 'oewg', True)
        items = [create_agenda_item(event, title, user=user) for title in (
            'Opening of the session', 'General exchange of views', 'Consideration of the draft report')]
        _fill(event, items[1], count, [o.id for o in organizations], user)
        sessions[count] = event.id
    db.session.execute(db.text('ANALYZE'))
    db.session.commit()
    return user.id, sessions


def forget_cached_json(app, event_id, version):
    from indico_oewg.speakers.serialize import _json_cache
    with app.app_context():
        _json_cache.delete(f'{event_id}:{version}')


def measure_interleaved(app, client, requests, rounds=ROUNDS, warmup=2):
    """Like `harness.measure`, but the requests take turns, round after round: the machine's load (2 shared cores)
    then weighs on each of them alike, and their ratios hold better than when each is timed in a block of its own.
    """
    from indico.core.db import db
    with app.app_context():
        engine = db.engine
    counter = [0, 0]

    def _count(conn, cursor, statement, *args, **kwargs):
        counter[0] += 1
        counter[1] += 'plugin_oewg.' in statement

    times = {key: [] for key in requests}
    last = {}
    for n in range(warmup + rounds):
        for key, (url, status, headers, before) in requests.items():
            if before:
                before()
            counter[:] = [0, 0]
            sa.event.listen(engine, 'before_cursor_execute', _count)
            try:
                start = time.perf_counter()
                resp = client.get(url, headers=headers)
                elapsed = time.perf_counter() - start
            finally:
                sa.event.remove(engine, 'before_cursor_execute', _count)
            assert resp.status_code == status, (url, resp.status_code)
            if n >= warmup:
                times[key].append(elapsed)
            last[key] = (counter[0], counter[1], len(resp.get_data()))
    return {key: Measurement(statistics.median(times[key]), last[key][0], last[key][2], last[key][1])
            for key in requests}


def main():
    with bench_app('oewg_bench_speakers') as app:
        return run(app)


def run(app):
    from indico.core.plugins import plugin_engine
    from indico.modules.events import Event
    from indico.web.flask.util import url_for

    with app.test_request_context(), plugin_engine.get_plugin('oewg').plugin_context():
        print('Creating two sessions with lists of 20 and 200 speakers...', flush=True)
        start = time.perf_counter()
        user_id, sessions = build()
        print(f'  done in {time.perf_counter() - start:.0f} s', flush=True)
    with app.test_request_context():
        urls = {count: {'json': url_for('plugin_oewg.speakers_json', Event.get(event_id)),
                        'page': url_for('plugin_oewg.speakers', Event.get(event_id)),
                        'event': url_for('events.display', Event.get(event_id))}
                for count, event_id in sessions.items()}
    client = logged_in_client(app, user_id)
    etags = {count: client.get(u['json']).headers['ETag'] for count, u in urls.items()}

    def forget_json(count):
        version = etags[count].strip('"').split('.')[0]
        return lambda: forget_cached_json(app, sessions[count], version)

    requests = {(count, key): (url, status, headers, before)
                for count in (20, 200)
                for key, url, status, headers, before in (
                    ('event', urls[count]['event'], 200, None, None),
                    ('json', urls[count]['json'], 200, None, None),
                    # the first request after a change builds the JSON that the next ones get from the cache
                    ('built', urls[count]['json'], 200, None, forget_json(count)),
                    ('poll', urls[count]['json'], 304, {'If-None-Match': etags[count]}, None),
                    ('page', urls[count]['page'], 200, None, None))}
    results = measure_interleaved(app, client, requests)
    for (count, key), measured in results.items():
        print(f'  {count:3d} speakers  {key:<6} {measured.seconds * 1000:8.2f} ms  {measured.queries:3d} queries '
              f'({measured.own_queries:2d} own)  {measured.size / 1024:7.1f} KiB', flush=True)

    def ratio(key):
        return results[(200, key)].seconds / results[(200, 'event')].seconds

    print()
    ok = True
    for key, label in (('json', 'Rolling-list JSON, 200 speakers / Indico event page of the session'),
                       ('poll', 'A 304 poll of the JSON / Indico event page of the session'),
                       ('page', 'Public page of the lists, 200 speakers / Indico event page of the session')):
        value = ratio(key)
        passed = value <= TARGETS[key]
        ok &= passed
        print(f'{label:<80} {value:6.3f}x  (target <= {TARGETS[key]}x) {"OK" if passed else "MISSED"}')
    for key, label in (('json', 'SQL queries of the JSON'), ('built', 'SQL queries of the JSON, built'),
                       ('poll', 'SQL queries of a 304 poll'),
                       ('page', 'SQL queries of the public page')):
        q20, q200 = results[(20, key)].queries, results[(200, key)].queries
        passed = q20 == q200
        ok &= passed
        print(f'{label + " at 20 and 200 speakers":<80} {q20} and {q200}  (target: equal) '
              f'{"OK" if passed else "MISSED"}')
    print(f'  (for information, the JSON built, not from the cache: {ratio("built"):.3f}x)')
    print(f"  (Indico's event page of the sessions: {results[(20, 'event')].queries} and "
          f"{results[(200, 'event')].queries} queries)")
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
