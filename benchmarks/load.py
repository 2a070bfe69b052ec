# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""`make load`: the demo's production server under concurrent use, over real HTTP; exits 1 if a target is missed.

Starts the same setup as `make demo` (``demo/stack.py``: uWSGI, Celery, a Redis and an SMTP sink of its own) on a
fresh database and free loopback ports, seeded by ``benchmarks/load_seed.py``, then:

1. REGISTRANTS people register at once, each for another Member State: all stored, no 5xx;
2. REGISTRANTS people register at once for one organization with a quota of 2 seats: 2 stored, the others refused
   with the field's message naming the quota, no 5xx;
3. READERS readers of one page for READ_SECONDS seconds, one page after the other on the same server: the statements
   page of a session (200 statements), the working group's archive with a search and the accredited observers JSON,
   and Indico's event page of that session as the reference, read half of its time before and half after the
   others (a machine getting busier or quieter during the run then favours neither side). No errors; each plugin
   page's throughput at least 0.8x the event page's. (Readers of all four pages at once would share the server's
   workers and come out at the same throughput whatever each page costs.) Each phase ends when the answers still
   on their way have come (not counted), so the next one starts on an idle server.

Each person has an HTTP session of their own and takes Indico's CSRF token from the page, then posts the form as its
React code does (JSON to the form's URL, ``X-CSRF-Token``). Everything started is stopped at the end, on failure and
on Ctrl-C; the whole run is bounded by OEWG_LOAD_TIME_LIMIT seconds. PostgreSQL: OEWG_BENCH_PG, as the benchmarks.
"""

import json
import os
import re
import signal
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path


sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import psycopg2
import requests

from benchmarks.harness import bench_database
from demo.maildomain import address
from demo.stack import PROCESSES, Stack, free_port


ROOT = Path(__file__).resolve().parents[1]
REGISTRANTS = 50
READERS = 100
READ_SECONDS = int(os.environ.get('OEWG_LOAD_SECONDS', '60'))
TIME_LIMIT = int(os.environ.get('OEWG_LOAD_TIME_LIMIT', '900'))
REQUEST_TIMEOUT = 120
THROUGHPUT_RATIO = 0.8
CSRF = re.compile(r'<meta name="csrf-token" id="csrf-token" content="([^"]+)"')
#: a request line of uWSGI's log: the server's own time for it
UWSGI_REQUEST = re.compile(r'\] GET (\S+) => generated \d+ bytes in (\d+) msecs')


class TimeLimit(Exception):
    pass


def _csrf_token(http, url):
    page = http.get(url, timeout=REQUEST_TIMEOUT)
    page.raise_for_status()
    return CSRF.search(page.text).group(1)


def _run_at_once(count, prepare, act):
    """Prepare ``count`` people (each in a thread), then let them act at the same moment; returns their results."""
    results = [None] * count
    barrier = threading.Barrier(count)

    def _person(n):
        try:
            state = prepare(n)
            barrier.wait(timeout=REQUEST_TIMEOUT)
            results[n] = act(n, state)
        except Exception as exc:
            barrier.abort()
            results[n] = ('error', repr(exc))

    threads = [threading.Thread(target=_person, args=(n,), daemon=True) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def _register_at_once(base_url, data, values):
    """Each value is one person's delegation; returns [(status, JSON or text)]."""
    form_url = f'{base_url}/event/{data["regform_event"]}/registrations/{data["regform"]}/'

    def _prepare(n):
        http = requests.Session()
        return http, _csrf_token(http, form_url)

    def _submit(n, state):
        http, token = state
        value = values[n]
        resp = http.post(form_url, json={
            'first_name': 'Load', 'last_name': f'Test {value["delegation"]} {n}',
            'email': address(f'load.{value["delegation"].lower()}.{n}'),
            'consent_to_publish': 'nobody',
            data['field']: {**value, 'role': 'representative', 'title': 'Delegate'},
        }, headers={'X-CSRF-Token': token, 'X-Requested-With': 'XMLHttpRequest'}, timeout=REQUEST_TIMEOUT)
        try:
            return resp.status_code, resp.json()
        except ValueError:
            return resp.status_code, resp.text[:500]

    return _run_at_once(len(values), _prepare, _submit)


def _stored(db_uri, regform_id, pattern):
    with psycopg2.connect(db_uri) as conn, conn.cursor() as cur:
        cur.execute('SELECT count(*) FROM event_registration.registrations '
                    'WHERE registration_form_id = %s AND last_name LIKE %s AND NOT is_deleted', (regform_id, pattern))
        count = cur.fetchone()[0]
    conn.close()
    return count


def _read(url, seconds):
    """READERS readers of one page, each reading it again and again for ``seconds``; returns (samples, elapsed).

    A sample is (seconds, ok, status) of a request answered within the phase. At the end the phase waits for the
    requests still on their way, so the next phase starts on an idle server.
    """
    samples = []
    start = threading.Barrier(READERS + 1)
    stop = threading.Event()

    def _reader():
        http = requests.Session()
        start.wait(timeout=REQUEST_TIMEOUT)
        while not stop.is_set():
            began = time.perf_counter()
            try:
                resp = http.get(url, timeout=REQUEST_TIMEOUT)
                ok = resp.status_code == 200
                status = resp.status_code
            except requests.RequestException as exc:
                ok, status = False, type(exc).__name__
            if not stop.is_set():
                samples.append((time.perf_counter() - began, ok, status))

    threads = [threading.Thread(target=_reader, daemon=True) for __ in range(READERS)]
    for thread in threads:
        thread.start()
    start.wait(timeout=REQUEST_TIMEOUT)
    began = time.perf_counter()
    time.sleep(seconds)
    stop.set()
    elapsed = time.perf_counter() - began
    deadline = time.monotonic() + REQUEST_TIMEOUT
    for thread in threads:
        thread.join(max(0, deadline - time.monotonic()))
    return samples, elapsed


def _warm_up(url):
    """Every worker loads what the page needs once (templates, caches) before the page is measured."""
    results = _run_at_once(2 * PROCESSES, lambda n: None,
                           lambda n, state: requests.get(url, timeout=REQUEST_TIMEOUT).status_code)
    if any(status != 200 for status in results):
        raise RuntimeError(f'{url} answered {results} before the load')


def _percentile(values, q):
    return statistics.quantiles(values, n=100, method='inclusive')[q - 1] if len(values) > 1 else values[0]


def run(stack, db_uri, data):
    """The three scenarios; prints the table and returns the list of missed targets."""
    missed = []
    base_url = stack.url
    states = data['states']

    # 1. each person for another State (no quota involved)
    began = time.monotonic()
    results = _register_at_once(base_url, data, [{'representation': 'member_state', 'delegation': states[n]}
                                                 for n in range(REGISTRANTS)])
    statuses = [r[0] for r in results]
    stored = _stored(db_uri, data['regform'], 'Test ___ %')
    server_errors = sum(1 for s in statuses if not isinstance(s, int) or s >= 500)
    print(f'\n{REGISTRANTS} people registering at once, each for another Member State '
          f'({time.monotonic() - began:.0f} s)')
    print('| Submissions | HTTP 200 | Stored | 5xx or no answer |\n|---|---|---|---|')
    print(f'| {REGISTRANTS} | {statuses.count(200)} | {stored} | {server_errors} |')
    if stored != REGISTRANTS or statuses.count(200) != REGISTRANTS or server_errors:
        missed.append(f'registrations for States: {stored} stored, {server_errors} errors; '
                      f'{[r for r in results if r[0] != 200][:3]}')

    # 2. everyone for one organization with a quota of 2 seats
    org = str(data['organization'])
    began = time.monotonic()
    results = _register_at_once(base_url, data, [{'representation': data['representation'], 'delegation': org}
                                                 for __ in range(REGISTRANTS)])
    statuses = [r[0] for r in results]
    stored = _stored(db_uri, data['regform'], f'Test {org} %')
    refusals = [body for status, body in results if status == 422]
    messages = {m for body in refusals if isinstance(body, dict)
                for m in body.get('webargs_errors', {}).get(data['field'], [])}
    # the field's validation message: it names the quota
    clear = [m for m in messages if str(data['seats']) in m and 'representative' in m]
    server_errors = sum(1 for s in statuses if not isinstance(s, int) or s >= 500)
    print(f'\n{REGISTRANTS} people registering at once for one organization with a quota of {data["seats"]} seats '
          f'({time.monotonic() - began:.0f} s)')
    print('| Submissions | HTTP 200 | Stored | Refused (422) | 5xx or no answer | Refusal message |\n'
          '|---|---|---|---|---|---|')
    print(f'| {REGISTRANTS} | {statuses.count(200)} | {stored} | {len(refusals)} | {server_errors} | '
          f'{"; ".join(sorted(messages)) or "-"} |')
    if (stored != data['seats'] or statuses.count(200) != data['seats'] or server_errors or
            len(refusals) != REGISTRANTS - data['seats'] or not clear or len(messages) != 1):
        missed.append(f'quota: {stored} stored, {len(refusals)} refused, {server_errors} errors, '
                      f'messages {messages}; {[r for r in results if r[0] not in (200, 422)][:3]}')

    # 3. readers: one page at a time, each with all READERS readers for READ_SECONDS; the reference in two halves,
    # before and after the plugin's pages, so that a machine getting busier or quieter during the run (other work
    # on the same cores) favours neither side
    reference = "Indico's event page (reference)"
    pages = {
        reference: f'{base_url}/event/{data["statements_event"]}/',
        'Statements page (200 statements)': f'{base_url}/event/{data["statements_event"]}/statements/',
        'Archive with a search': f'{base_url}/category/{data["category"]}/statements/?q=space',
        'Accredited observers JSON': f'{base_url}/event/{data["observers_event"]}/observers/accredited.json',
    }
    half = READ_SECONDS / 2
    phases = [(reference, half), *((name, READ_SECONDS) for name in pages if name != reference), (reference, half)]
    began = time.monotonic()
    for url in pages.values():
        _warm_up(url)
    server_log = stack.log_dir / 'server.log'
    measured = {name: ([], 0, []) for name in pages}
    print(f'\n{READERS} concurrent readers per page, one page at a time for {READ_SECONDS} s (the event page '
          f'{half:.0f} s before and {half:.0f} s after the others)', flush=True)
    for name, seconds in phases:
        url = pages[name]
        log_offset = server_log.stat().st_size
        samples, elapsed = _read(url, seconds)
        # the server's own time per request (uWSGI's log): what a page costs, without the wait in the listen queue
        with server_log.open('rb') as f:
            f.seek(log_offset)
            path = url.removeprefix(base_url)
            server_times = [int(ms) for logged_path, ms in UWSGI_REQUEST.findall(f.read().decode(errors='replace'))
                            if logged_path == path]
        all_samples, all_elapsed, all_server_times = measured[name]
        measured[name] = all_samples + samples, all_elapsed + elapsed, all_server_times + server_times
        print(f'    {name}: {len(samples)} requests in {elapsed:.0f} s ({len(samples) / elapsed:.1f}/s; '
              f'load average {os.getloadavg()[0]:.1f})', flush=True)
    print(f'    ({time.monotonic() - began:.0f} s with warming up and waiting for the last answers of each phase)')
    measured = {name: (samples, len(samples) / elapsed, server_times)
                for name, (samples, elapsed, server_times) in measured.items()}
    print('| Page | Requests | Errors | p50 | p95 | Throughput | vs. event page | Server time p50 |\n'
          '|---|---|---|---|---|---|---|---|')
    reference_throughput = measured[reference][1]
    for name, (samples, throughput, server_times) in measured.items():
        times = sorted(t for t, __, __ in samples) or [0]
        errors = [status for __, ok, status in samples if not ok]
        ratio = throughput / reference_throughput if reference_throughput else 0
        print(f'| {name} | {len(samples)} | {len(errors)} | {_percentile(times, 50) * 1000:.0f} ms | '
              f'{_percentile(times, 95) * 1000:.0f} ms | {throughput:.1f}/s | {ratio:.2f}x | '
              f'{statistics.median(server_times or [0]):.0f} ms |')
        if errors or not samples:
            missed.append(f'{name}: {len(errors)} errors ({sorted(set(map(str, errors)))[:5]})')
        if name != reference and ratio < THROUGHPUT_RATIO:
            missed.append(f"{name}: throughput {ratio:.2f}x the event page's (target >= {THROUGHPUT_RATIO}x)")
    return missed


def main():
    def _time_limit(*args):
        raise TimeLimit(f'the load test took longer than {TIME_LIMIT} s')

    # Ctrl-C and SIGTERM stop the run; whatever was started is stopped on the way out
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    signal.signal(signal.SIGALRM, _time_limit)
    signal.alarm(TIME_LIMIT)
    missed = ['the run did not finish']
    began = time.monotonic()
    try:
        with bench_database('oewg_load') as db_uri, tempfile.TemporaryDirectory(prefix='oewg-load-') as tmp:
            with Stack(tmp, db_uri=db_uri, port=free_port(), name='oewg-load') as stack:
                print(f'==> Starting a production-style server on {stack.url} (logs in {stack.log_dir})', flush=True)
                stack.start_redis()
                stack.write_config()
                stack.prepare_database()
                print('==> Seeding the demo and the load data', flush=True)
                data = json.loads(stack.python(ROOT / 'benchmarks' / 'load_seed.py', log_name='seed.log')
                                  .strip().splitlines()[-1])
                stack.start_services()
                stack.wait_until_up()
                print(f'==> Running the load ({time.monotonic() - began:.0f} s after the start)', flush=True)
                missed = run(stack, db_uri, data)
                if missed:
                    server_log = (stack.log_dir / 'indico.log')
                    errors = [line for line in server_log.read_text().splitlines() if ' ERROR ' in line]
                    print('\nIndico logged errors:\n' + '\n'.join(errors[-20:]) if errors else '')
    except KeyboardInterrupt:
        print('\nInterrupted; everything the load test started has been stopped.', file=sys.stderr)
        sys.exit(130)
    except (TimeLimit, RuntimeError) as exc:
        missed = [str(exc)]
    finally:
        signal.alarm(0)
    if missed:
        print(f'\nMISSED ({time.monotonic() - began:.0f} s in all):\n- ' + '\n- '.join(missed), file=sys.stderr)
        sys.exit(1)
    print(f'\nEvery target met ({time.monotonic() - began:.0f} s in all).')


if __name__ == '__main__':
    main()
