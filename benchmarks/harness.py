# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""What every benchmark needs: a throw-away database, an Indico app with the plugin, timing and query counts.

Indico runs in production mode (not its testing mode, which turns off its per-request caches).
Pages are measured in one process through Flask's test client, logged in, after warm-up requests; the median of
OEWG_BENCH_ROUNDS requests (default 5) is reported. No app context stays open around the timed requests (the test
client would reuse it and the times would come out too low). PostgreSQL: OEWG_BENCH_PG (a libpq URI of the server,
default postgresql://postgres@127.0.0.1:5432); Redis: OEWG_BENCH_REDIS (default redis://127.0.0.1:6379/12).
"""

import os
import statistics
import tempfile
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass

import sqlalchemy as sa


os.environ.setdefault('SQLALCHEMY_SILENCE_UBER_WARNING', '1')
SERVER = os.environ.get('OEWG_BENCH_PG', 'postgresql://postgres@127.0.0.1:5432')
REDIS = os.environ.get('OEWG_BENCH_REDIS', 'redis://127.0.0.1:6379/12')
ROUNDS = int(os.environ.get('OEWG_BENCH_ROUNDS', '5'))


def _server_sql(sql):
    # psycopg2 directly, not an SQLAlchemy engine: Indico hooks every engine and wants an app context for it
    import psycopg2
    server = sa.engine.make_url(SERVER)
    conn = psycopg2.connect(dbname='postgres', user=server.username, password=server.password,
                            host=server.host or server.query.get('host'), port=server.port or server.query.get('port'))
    conn.autocommit = True
    try:
        with conn.cursor() as cur:
            cur.execute(sql)
    finally:
        conn.close()


@contextmanager
def bench_database(name):
    """A fresh database with Indico's extensions, dropped afterwards; yields its URI."""
    database = f'{name}_{uuid.uuid4().hex[:8]}'
    _server_sql(f'CREATE DATABASE "{database}" ENCODING \'UTF8\' TEMPLATE template0')
    url = sa.engine.make_url(SERVER).set(database=database)
    engine = sa.create_engine(url, isolation_level='AUTOCOMMIT')
    with engine.connect() as conn:
        conn.execute(sa.text('CREATE EXTENSION unaccent; CREATE EXTENSION pg_trgm'))
    engine.dispose()
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        _server_sql(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


@contextmanager
def bench_app(name):
    """An Indico app with the plugin on a fresh database whose tables exist; yields the app."""
    from indico.core.db import db
    from indico.core.db.sqlalchemy.util.management import create_all_tables
    from indico.web.flask.app import make_app

    from pytest_localserver.smtp import Server as SMTPServer

    # E-mails the measured pages send (e.g. registration notifications) go to a local sink, as in production
    smtp = SMTPServer(host='127.0.0.1')
    smtp.start()
    with bench_database(name) as uri, tempfile.TemporaryDirectory(prefix='oewg-bench-') as tmp:
        # Production mode (not Indico's testing mode, which turns off its per-request caches): the settings
        # come from the overrides alone.
        os.environ['INDICO_CONFIG'] = os.devnull
        app = make_app(config_override={
            'SQLALCHEMY_DATABASE_URI': uri,
            'BASE_URL': 'http://localhost',
            'SMTP_SERVER': tuple(smtp.addr[:2]),
            'TEMP_DIR': tmp,
            'CACHE_DIR': tmp,
            'LOG_DIR': tmp,
            'REDIS_CACHE_URL': REDIS,
            'CELERY_BROKER': REDIS,
            'STORAGE_BACKENDS': {'default': f'fs:{tmp}'},
            'ATTACHMENT_STORAGE': 'default',
            'PLUGINS': {'oewg'},
            'SECRET_KEY': os.urandom(16),
            'SMTP_USE_CELERY': False,
            'NO_REPLY_EMAIL': 'noreply@example.com',
            'SUPPORT_EMAIL': 'support@example.com',
        })
        with app.app_context():
            create_all_tables(db, verbose=False)
            db.session.commit()
        try:
            yield app
        finally:
            with app.app_context():
                db.session.remove()
                db.engine.dispose()
            smtp.stop()


def logged_in_client(app, user_id):
    """A test client with a user logged in."""
    from indico.modules.users import User
    client = app.test_client()
    with app.test_request_context(), client.session_transaction() as sess:
        sess.set_session_user(User.get(user_id))
    return client


@dataclass
class Measurement:
    seconds: float
    queries: int
    size: int
    #: the queries that read or write the plugin's own tables (the rest is Indico's page frame, access checks...)
    own_queries: int = 0


def measure(app, client, url, *, method='GET', data=None, rounds=ROUNDS, warmup=2, status=200, headers=None):
    """Median time, SQL queries and response size of requesting a URL (with the request headers given)."""
    from indico.core.db import db
    with app.app_context():
        engine = db.engine
    counter = [0, 0]

    def _count(conn, cursor, statement, *args, **kwargs):
        counter[0] += 1
        counter[1] += 'plugin_oewg.' in statement

    def _request():
        resp = client.open(url, method=method, data=data() if callable(data) else data, headers=headers)
        assert resp.status_code == status, (url, resp.status_code)
        return resp

    for __ in range(warmup):
        _request()
    times = []
    sa.event.listen(engine, 'before_cursor_execute', _count)
    try:
        for __ in range(rounds):
            counter[:] = [0, 0]
            start = time.perf_counter()
            resp = _request()
            times.append(time.perf_counter() - start)
    finally:
        sa.event.remove(engine, 'before_cursor_execute', _count)
    return Measurement(statistics.median(times), counter[0], len(resp.get_data()), counter[1])


def report(title, ours, theirs, target):
    """Print one comparison line: our page against Indico's, with the ratio and whether it meets the target."""
    ratio = ours.seconds / theirs.seconds
    verdict = 'ok' if ratio <= target else 'MISSED'
    print(f'{title}\n    ours {ours.seconds * 1000:8.1f} ms {ours.queries:5d} queries {ours.size / 1024:8.0f} KiB'
          f'\n    Indico {theirs.seconds * 1000:6.1f} ms {theirs.queries:5d} queries {theirs.size / 1024:8.0f} KiB'
          f'\n    ratio {ratio:.3f}x (target <= {target}x) {verdict}', flush=True)
    return ratio
