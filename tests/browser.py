# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""A real Indico server for browser tests: own database, own free port, own configuration; and headless Chromium.

Used by the capabilities' ``browser_test.py``; also runnable by hand
(``python -m tests.browser tests/registration/browser_seed.py``) to keep a server up for exploring, until Ctrl-C.
"""

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url


ROOT = Path(__file__).resolve().parents[1]
VENV_BIN = Path(sys.executable).parent
CHROMIUM = '/usr/bin/chromium'
CHROMEDRIVER = '/usr/bin/chromedriver'


def _free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


@contextmanager
def _database(base_uri, name):
    admin = create_engine(make_url(base_uri).set(database='postgres'), isolation_level='AUTOCOMMIT')
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}" ENCODING \'UTF8\' TEMPLATE template0'))
    engine = create_engine(make_url(base_uri).set(database=name), isolation_level='AUTOCOMMIT')
    with engine.connect() as conn:
        conn.execute(text('CREATE EXTENSION unaccent; CREATE EXTENSION pg_trgm'))
    engine.dispose()
    try:
        yield str(make_url(base_uri).set(database=name).render_as_string(hide_password=False))
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _write_config(directory, db_uri, port, redis_base, smtp_addr):
    for sub in ('archive', 'cache', 'tmp', 'log'):
        (directory / sub).mkdir(parents=True, exist_ok=True)
    import indico
    (directory / 'logging.yaml').write_text((Path(indico.__file__).parent / 'logging.yaml.sample').read_text())
    config = directory / 'indico.conf'
    config.write_text(f'''
SQLALCHEMY_DATABASE_URI = {db_uri!r}
SECRET_KEY = 'browser-test-{os.getpid()}-{port}'
BASE_URL = 'http://127.0.0.1:{port}'
CELERY_BROKER = '{redis_base}/13'
REDIS_CACHE_URL = '{redis_base}/12'
DEFAULT_TIMEZONE = 'Europe/Zurich'
DEFAULT_LOCALE = 'en_GB'
ENABLE_ROOMBOOKING = False
CACHE_DIR = '{directory}/cache'
TEMP_DIR = '{directory}/tmp'
LOG_DIR = '{directory}/log'
STORAGE_BACKENDS = {{'default': 'fs:{directory}/archive'}}
ATTACHMENT_STORAGE = 'default'
SMTP_SERVER = {smtp_addr!r}
SMTP_USE_TLS = False
SMTP_USE_CELERY = False
SUPPORT_EMAIL = 'support@example.org'
NO_REPLY_EMAIL = 'noreply@example.org'
SYSTEM_NOTICES_URL = None
DEBUG = True
PLUGINS = {{'oewg'}}
''')
    return config


@dataclass
class LiveIndico:
    url: str
    #: what the seed script printed (JSON, its last line of output)
    seed: dict
    log_dir: Path
    db_uri: str
    #: pytest-localserver's SMTP sink receiving the server's e-mails
    smtp: object


@contextmanager
def indico_server(seed_script):
    """Start Indico on a free port with its own database, seeded by a script run with INDICO_CONFIG set.

    Needs an app context around it: Indico's SQLAlchemy listeners on every engine use it.
    """
    from pytest_localserver.smtp import Server as SMTPServer
    base_uri = os.environ['INDICO_TEST_DATABASE_URI']
    redis_base = os.environ.get('INDICO_TEST_REDIS_CACHE_URL', 'redis://127.0.0.1:6379/14').rsplit('/', 1)[0]
    port = _free_port()
    smtp = SMTPServer(host='127.0.0.1')
    smtp.start()
    with tempfile.TemporaryDirectory(prefix='oewg-browser-') as tmp, \
            _database(base_uri, f'oewg_browser_{os.getpid()}_{port}') as db_uri:
        directory = Path(tmp)
        config = _write_config(directory, db_uri, port, redis_base, tuple(smtp.addr[:2]))
        env = os.environ | {'INDICO_CONFIG': str(config), 'SQLALCHEMY_SILENCE_UBER_WARNING': '1',
                            'PYTHONPATH': str(ROOT)}
        subprocess.run([VENV_BIN / 'indico', 'db', 'prepare'], env=env, check=True, capture_output=True)
        result = subprocess.run([sys.executable, seed_script], env=env, capture_output=True, text=True)
        if result.returncode:
            raise RuntimeError(f'{seed_script} failed:\n{result.stderr}')
        seed = json.loads(result.stdout.strip().splitlines()[-1])
        log = (directory / 'log' / 'server.out').open('w')
        server = subprocess.Popen([VENV_BIN / 'indico', 'run', '-h', '127.0.0.1', '-p', str(port),
                                   '--reloader', 'none'], env=env, stdout=log, stderr=subprocess.STDOUT)
        base_url = f'http://127.0.0.1:{port}'
        try:
            for __ in range(240):
                try:
                    urllib.request.urlopen(base_url + '/', timeout=2)
                    break
                except OSError:
                    if server.poll() is not None:
                        raise RuntimeError('Indico did not start: ' +
                                           (directory / 'log' / 'server.out').read_text()[-3000:]) from None
                    time.sleep(0.5)
            else:
                raise RuntimeError('Indico did not answer within two minutes')
            yield LiveIndico(base_url, seed, directory / 'log', db_uri, smtp)
        finally:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
            log.close()
            smtp.stop()


def chromium(download_dir=None):
    """A headless Chromium driven by Debian's chromedriver (no browser download)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    profile = tempfile.mkdtemp(prefix='oewg-chromium-')
    for arg in ('--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
                '--disable-background-networking', '--disable-component-update', '--disable-sync',
                '--disable-dev-shm-usage', '--window-size=1400,1000', '--lang=en-GB',
                f'--user-data-dir={profile}'):
        options.add_argument(arg)
    options.set_capability('goog:loggingPrefs', {'browser': 'ALL'})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.implicitly_wait(0)
    quit_ = driver.quit

    def _quit():
        quit_()
        shutil.rmtree(profile, ignore_errors=True)

    driver.quit = _quit
    return driver


def wait(driver, condition, timeout=20):
    """Wait until ``condition(driver)`` is true (Selenium's WebDriverWait)."""
    from selenium.webdriver.support.ui import WebDriverWait
    return WebDriverWait(driver, timeout).until(condition)


def login(driver, base_url, login, password):
    """Log in through Indico's login form and wait until it has let the user in."""
    from selenium.webdriver.common.by import By
    driver.get(f'{base_url}/login/')
    driver.find_element(By.NAME, 'identifier').send_keys(login)
    field = driver.find_element(By.NAME, 'password')
    field.send_keys(password)
    field.submit()
    wait(driver, lambda d: '/login' not in d.current_url)


def print_seed(seed):
    """What a seed script does when run: call ``seed()`` in an app with the plugin and print its result as JSON."""
    from indico.core.plugins import plugin_engine
    from indico.web.flask.app import make_app
    app = make_app()
    with app.test_request_context(), plugin_engine.get_plugin('oewg').plugin_context():
        print(json.dumps(seed()))


if __name__ == '__main__':
    import signal
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    with indico_server(Path(sys.argv[1]).resolve()) as live:
        print(live.url, json.dumps(live.seed), live.log_dir, flush=True)
        try:
            while True:
                time.sleep(1)
        except KeyboardInterrupt:
            pass
