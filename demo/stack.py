# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""Indico as a production installation runs it, on loopback: uWSGI, Celery with beat, Redis, an SMTP sink.

Used by `make demo` (``python -m demo.stack``, see ``main``), by `make load` (``benchmarks/load.py``) and by the browser
tests (``tests/browser.py``). Everything lives in one directory: ``indico.conf``, ``uwsgi.ini``, ``logging.yaml``, the
archive, caches and logs. Every instance gets a Redis server of its own (cache in db 0, Celery in db 1), so two
instances on one machine never see each other's cache, sessions or tasks. ``DEBUG`` is off: an error shows Indico's
own error page, never a traceback.

Sizes (2 cores, PostgreSQL's ``max_connections`` shared with other users of the server): ``PROCESSES`` uWSGI workers
without threads, so each handles one request at a time and needs at most two database connections at once (Indico
takes a registration's friendly id in a second transaction, ``increment_and_get``). ``POOL_SIZE`` + ``MAX_OVERFLOW``
connections per worker leave room for that, and the whole instance stays under 30 connections (the Celery worker
and beat add three or four). Requests beyond the busy workers wait in the listen queue (``LISTEN``), not in errors.
"""

import argparse
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path


ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PROCESSES = 4
POOL_SIZE = 3
MAX_OVERFLOW = 2
POOL_TIMEOUT = 30
LISTEN = 256


def free_port():
    """A TCP port on loopback that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def port_in_use(port):
    with socket.socket() as s:
        return s.connect_ex(('127.0.0.1', port)) == 0


def indico_config(*, db_uri, base_url, redis_url, smtp_port, secret_key, directory, extra=None):
    """The text of ``indico.conf`` for an instance in ``directory`` (``extra``: more settings, e.g. for tests)."""
    extra = ''.join(f'{key} = {value!r}\n' for key, value in (extra or {}).items())
    return f'''\
# Written by demo/stack.py; rewritten on every start.
SQLALCHEMY_DATABASE_URI = {db_uri!r}
# Per uWSGI worker (one request at a time, two connections at most): {PROCESSES} workers use at most
# {PROCESSES * (POOL_SIZE + MAX_OVERFLOW)} connections.
SQLALCHEMY_POOL_SIZE = {POOL_SIZE}
SQLALCHEMY_MAX_OVERFLOW = {MAX_OVERFLOW}
SQLALCHEMY_POOL_TIMEOUT = {POOL_TIMEOUT}
SECRET_KEY = {secret_key!r}
BASE_URL = {base_url!r}
USE_PROXY = False
# A Redis server of this instance's own.
REDIS_CACHE_URL = '{redis_url}/0'
CELERY_BROKER = '{redis_url}/1'
DEFAULT_TIMEZONE = 'Europe/Zurich'
DEFAULT_LOCALE = 'en_GB'
ENABLE_ROOMBOOKING = False
CACHE_DIR = '{directory}/cache'
TEMP_DIR = '{directory}/temp'
LOG_DIR = '{directory}/log'
STORAGE_BACKENDS = {{'default': 'fs:{directory}/archive'}}
ATTACHMENT_STORAGE = 'default'
# E-mails are sent by the Celery worker (Indico's default) to a local sink; nothing leaves the machine.
SMTP_SERVER = ('127.0.0.1', {smtp_port})
SMTP_USE_TLS = False
SUPPORT_EMAIL = 'oewg-spacethreats@un.org'
PUBLIC_SUPPORT_EMAIL = 'oewg-spacethreats@un.org'
NO_REPLY_EMAIL = 'noreply@oewg-demo.example'
SYSTEM_NOTICES_URL = None
DEBUG = False
PLUGINS = {{'oewg'}}
{extra}'''


def uwsgi_config(*, port, directory, name):
    """The text of ``uwsgi.ini``: Indico's production settings, speaking HTTP itself since no nginx is in front."""
    import indico

    import indico_oewg
    static = Path(indico.__file__).parent / 'web' / 'static'
    plugin_static = Path(indico_oewg.__file__).parent / 'static'
    return f'''\
; Written by demo/stack.py; rewritten on every start.
[uwsgi]
master = true
processes = {PROCESSES}
enable-threads = true
single-interpreter = true
need-app = true
die-on-term = true
auto-procname = true
procname-prefix-spaced = {name}
http-socket = 127.0.0.1:{port}
; one request per connection: a worker never waits for a client's next request (keep-alive is nginx's job)
add-header = Connection: close
listen = {LISTEN}
wsgi-file = {ROOT}/demo/wsgi.py
env = INDICO_CONFIG={directory}/indico.conf
buffer-size = 20480
max-requests = 2500
harakiri = 900
harakiri-verbose = true
vacuum = true
; stopping: a worker leaves without Python's final teardown (atexit hooks still run), which often waited for a
; library's thread until uWSGI's mercy of 60 s ran out; a worker still alive after 8 s is killed
skip-atexit-teardown = true
worker-reload-mercy = 8
; Indico's static files, as its production guide maps them in nginx; anything not found here (e.g. versioned
; "__v<hash>" names) falls through to Indico, which serves the same files.
static-map = /css={static}/css
static-map = /dist={static}/dist
static-map = /images={static}/images
static-map = /fonts={static}/fonts
static-map = /robots.txt={static}/robots.txt
; The plugin's JavaScript (hashed names from its manifest, /static/plugins/oewg/dist/js/main.<hash>.bundle.js).
static-map = /static/plugins/oewg={plugin_static}
offload-threads = 2
'''


class Stack:
    """One instance: its directory, Redis, configuration, and the processes it started (stopped by ``stop``)."""

    def __init__(self, directory, *, db_uri, port, name='oewg-demo', smtp_port=None, secret_key=None,
                 extra_config=None, test_email_exemption=False):
        self.directory = Path(directory).resolve()
        self.db_uri = db_uri
        self.port = port
        self.name = name
        self.smtp_port = smtp_port
        self.secret_key = secret_key or secrets.token_hex(32)
        self.url = f'http://127.0.0.1:{port}'
        self.extra_config = extra_config
        self.processes = {}
        self.redis_url = None
        self.env = os.environ | {'INDICO_CONFIG': str(self.directory / 'indico.conf'),
                                 'C_FORCE_ROOT': '1',  # Celery refuses root otherwise
                                 'SQLALCHEMY_SILENCE_UBER_WARNING': '1',
                                 'PYTHONPATH': os.pathsep.join(filter(None, [str(ROOT),
                                                                             os.environ.get('PYTHONPATH')]))}
        if not test_email_exemption:
            # Indico's pytest exemption from its e-mail check must not leak into a server started from a test
            self.env.pop('PYTEST_CURRENT_TEST', None)

    @property
    def log_dir(self):
        return self.directory / 'log'

    def _start(self, key, args, log_name, **kwargs):
        log = (self.log_dir / log_name).open('ab')
        # own session (process group): stop() ends the process with its children, and Ctrl-C in the terminal
        # reaches only the parent, which stops everything in order
        self.processes[key] = subprocess.Popen([str(a) for a in args], env=self.env, stdout=log,
                                               stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                               start_new_session=True, **kwargs)
        log.close()
        return self.processes[key]

    def start_redis(self):
        """A Redis server of this instance's own on a free loopback port (nothing kept on disk)."""
        redis_server = shutil.which('redis-server')
        if not redis_server:
            raise RuntimeError('redis-server is not installed (apt-get install redis-server)')
        for sub in ('archive', 'cache', 'temp', 'log', 'redis'):
            (self.directory / sub).mkdir(parents=True, exist_ok=True)
        port = free_port()
        self._start('redis', [redis_server, '--port', port, '--bind', '127.0.0.1', '--dir', self.directory / 'redis',
                              '--save', '', '--appendonly', 'no', '--daemonize', 'no'], 'redis.log')
        self.redis_url = f'redis://127.0.0.1:{port}'
        import redis
        client = redis.Redis(host='127.0.0.1', port=port, socket_timeout=1)
        for __ in range(100):
            try:
                client.ping()
                return
            except redis.RedisError:
                if self.processes['redis'].poll() is not None:
                    break
                time.sleep(0.1)
        raise RuntimeError(f'Redis did not start; see {self.log_dir / "redis.log"}')

    def write_config(self):
        import indico
        if self.smtp_port is None:
            self.smtp_port = free_port()
        logging_yaml = self.directory / 'logging.yaml'
        if not logging_yaml.exists():
            shutil.copy(Path(indico.__file__).parent / 'logging.yaml.sample', logging_yaml)
        (self.directory / 'indico.conf').write_text(indico_config(
            db_uri=self.db_uri, base_url=self.url, redis_url=self.redis_url, smtp_port=self.smtp_port,
            secret_key=self.secret_key, directory=self.directory, extra=self.extra_config))
        (self.directory / 'uwsgi.ini').write_text(uwsgi_config(port=self.port, directory=self.directory,
                                                               name=self.name))

    def indico(self, *args, log_name):
        """Run an ``indico`` command to its end; its output goes to a log file, shown if it fails."""
        log = self.log_dir / log_name
        with log.open('ab') as f:
            result = subprocess.run([str(BIN / 'indico'), *args], env=self.env, stdout=f, stderr=subprocess.STDOUT,
                                    stdin=subprocess.DEVNULL)
        if result.returncode:
            raise RuntimeError(f'indico {" ".join(args)} failed:\n{log.read_text()[-3000:]}')

    def prepare_database(self):
        """``indico db prepare`` on an empty database, otherwise the core's and the plugins' upgrades."""
        import psycopg2
        with psycopg2.connect(self.db_uri) as conn, conn.cursor() as cur:
            cur.execute("SELECT 1 FROM information_schema.schemata WHERE schema_name = 'events'")
            prepared = cur.fetchone() is not None
        conn.close()
        if prepared:
            self.indico('db', 'upgrade', log_name='db.log')
            self.indico('db', '--all-plugins', 'upgrade', log_name='db.log')
        else:
            self.indico('db', 'prepare', log_name='db.log')

    def python(self, *args, log_name=None, check=True):
        """Run a Python script with this instance's configuration; returns what it printed."""
        result = subprocess.run([sys.executable, *map(str, args)], env=self.env, capture_output=True, text=True,
                                stdin=subprocess.DEVNULL)
        if log_name:
            (self.log_dir / log_name).write_text(result.stderr)
        if check and result.returncode:
            raise RuntimeError(f'{" ".join(map(str, args))} failed:\n{result.stderr[-3000:]}')
        return result.stdout

    def start_services(self, *, smtp_sink=True):
        """The SMTP sink (unless the caller has its own), the Celery worker with beat, and uWSGI."""
        if port_in_use(self.port):
            raise RuntimeError(f'Port {self.port} is taken; choose another one')
        if smtp_sink:
            # prints every e-mail into log/mail.log
            self._start('smtp', [sys.executable, '-m', 'aiosmtpd', '-n', '-l', f'127.0.0.1:{self.smtp_port}',
                                 '-c', 'aiosmtpd.handlers.Debugging', 'stdout'], 'mail.log')
        self._start('celery', [BIN / 'indico', 'celery', 'worker', '-B', '--concurrency', '1',
                               '-s', self.directory / 'celerybeat-schedule'], 'celery.log')
        self._start('uwsgi', [BIN / 'uwsgi', '--ini', self.directory / 'uwsgi.ini'], 'server.log')

    def wait_until_up(self, timeout=180):
        """Wait until Indico answers its home page (the first request per worker loads a lot)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for key, process in self.processes.items():
                if process.poll() is not None:
                    raise RuntimeError(f'{key} stopped (exit code {process.returncode}); see {self.log_dir}')
            try:
                with urllib.request.urlopen(self.url + '/', timeout=10) as resp:  # noqa: S310 (our http URL)
                    if resp.status == 200:
                        return
            except (OSError, urllib.error.URLError):
                pass
            time.sleep(0.5)
        raise RuntimeError(f'Indico did not answer on {self.url} within {timeout} s; see {self.log_dir}')

    def stop(self):
        """Stop every process this instance started, newest first; kill what does not stop within 30 s."""
        for key in reversed(list(self.processes)):
            process = self.processes.pop(key)
            if process.poll() is not None:
                continue
            try:
                os.killpg(process.pid, signal.SIGTERM)
            except ProcessLookupError:
                continue
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.stop()


def main():
    """`make demo`: prepare and seed the demo database, then serve it until Ctrl-C."""
    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument('directory', type=Path)
    parser.add_argument('--db-uri', required=True)
    parser.add_argument('--port', type=int, required=True)
    args = parser.parse_args()
    directory = args.directory.resolve()
    directory.mkdir(parents=True, exist_ok=True)
    key_file = directory / 'secret_key'
    if not key_file.exists():
        key_file.write_text(secrets.token_hex(32))
    # Ctrl-C and SIGTERM stop everything, even when started from a shell that ignores SIGINT in background jobs
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    stack = Stack(directory, db_uri=args.db_uri, port=args.port, name=f'oewg-demo-{args.port}',
                  secret_key=key_file.read_text().strip())
    try:
        with stack:
            if port_in_use(args.port):
                raise RuntimeError(f'Port {args.port} is taken: set OEWG_DEMO_PORT to a free one')
            stack.start_redis()
            stack.write_config()
            print('==> Preparing the database', flush=True)
            stack.prepare_database()
            print('==> Seeding the OEWG demo', flush=True)
            logins = stack.python(ROOT / 'demo' / 'seed.py', log_name='seed.log')
            (directory / 'logins.txt').write_text(logins)
            print('==> Starting uWSGI, Celery and the SMTP sink', flush=True)
            stack.start_services()
            stack.wait_until_up()
            print(logins)
            print(f'E-mails: {stack.log_dir / "mail.log"}   Server log: {stack.log_dir / "server.log"}   '
                  f'Celery: {stack.log_dir / "celery.log"}')
            print('Press Ctrl-C to stop.', flush=True)
            while all(p.poll() is None for p in stack.processes.values()):
                time.sleep(1)
            stopped = next(key for key, p in stack.processes.items() if p.poll() is not None)
            raise RuntimeError(f'{stopped} stopped; see {stack.log_dir}')
    except KeyboardInterrupt:
        print('\n==> Stopped the demo', flush=True)
    except RuntimeError as exc:
        print(f'Error: {exc}', file=sys.stderr)
        sys.exit(1)


if __name__ == '__main__':
    main()
