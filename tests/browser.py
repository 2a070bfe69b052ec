# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""A real Indico server for browser tests, run as the demo runs it (uWSGI, DEBUG off): own database, own free port,
own configuration and Redis; and headless Chromium.

Used by the capabilities' ``browser_test.py``; also runnable by hand
(``python -m tests.browser tests/registration/browser_seed.py``) to keep a server up for exploring, until Ctrl-C.
"""

import json
import os
import shutil
import socket
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url


#: The password of every user a browser seed creates (``create_users``)
PASSWORD = 'oewg-browser-2026'
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
    """Start Indico as the demo runs it (``demo/stack.py``: uWSGI, DEBUG off, Celery, a Redis of its own) on a free
    port with its own database, seeded by a script run with INDICO_CONFIG set.

    The browser seeds use ``@example.com`` addresses: the server keeps Indico's pytest exemption from its e-mail check.
    E-mails are sent at once (not through Celery) to a pytest-localserver sink the tests read.
    Needs an app context around it: Indico's SQLAlchemy listeners on every engine use it.
    """
    from pytest_localserver.smtp import Server as SMTPServer

    from demo.stack import Stack
    base_uri = os.environ['INDICO_TEST_DATABASE_URI']
    port = _free_port()
    smtp = SMTPServer(host='127.0.0.1')
    smtp.start()
    try:
        with tempfile.TemporaryDirectory(prefix='oewg-browser-') as tmp, \
                _database(base_uri, f'oewg_browser_{os.getpid()}_{port}') as db_uri, \
                Stack(tmp, db_uri=db_uri, port=port, name='oewg-browser-test', smtp_port=smtp.addr[1],
                      extra_config={'SMTP_USE_CELERY': False, 'SUPPORT_EMAIL': 'support@example.org',
                                    'NO_REPLY_EMAIL': 'noreply@example.org'},
                      test_email_exemption=True) as stack:
            stack.start_redis()
            stack.write_config()
            stack.prepare_database()
            seed = json.loads(stack.python(seed_script).strip().splitlines()[-1])
            stack.start_services(smtp_sink=False)
            stack.wait_until_up(timeout=240)
            yield LiveIndico(stack.url, seed, stack.log_dir, db_uri, smtp)
    finally:
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


def login(driver, base_url, login, password=PASSWORD):
    """Log in through Indico's login form (as nobody else: cookies cleared) and wait until it has let the user in."""
    from selenium.webdriver.common.by import By
    driver.delete_all_cookies()
    driver.get(f'{base_url}/login/')
    driver.find_element(By.NAME, 'identifier').send_keys(login)
    field = driver.find_element(By.NAME, 'password')
    field.send_keys(password)
    field.submit()
    wait(driver, lambda d: '/login' not in d.current_url)


def create_users(names, affiliation='Sample'):
    """Indico users with a local login, ``{login: (first name, last name)}`` -> ``{login: user}``.

    Their e-mail is ``<login>@example.com`` and their password `PASSWORD`; for seed scripts (in an app context).
    """
    from indico.core.db import db
    from indico.modules.auth import Identity
    from indico.modules.users.operations import create_user

    users = {login: create_user(f'{login}@example.com',
                                {'first_name': first, 'last_name': last, 'affiliation': affiliation},
                                Identity(provider='indico', identifier=login, password=PASSWORD))
             for login, (first, last) in names.items()}
    db.session.flush()
    return users


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
