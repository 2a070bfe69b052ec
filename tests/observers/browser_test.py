# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""Through a real browser: a new user takes one organisation to accreditation and another to "not accredited".

A real Indico server (own database, free port, SMTP sink) and headless Chromium, like a user would.
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
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from tests.observers.browser_seed import PASSWORD


ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent


def _free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


@contextmanager
def _server():
    from pytest_localserver.smtp import Server as SMTPServer
    base_uri = os.environ['INDICO_TEST_DATABASE_URI']
    redis_base = os.environ.get('INDICO_TEST_REDIS_CACHE_URL', 'redis://127.0.0.1:6379/14').rsplit('/', 1)[0]
    port = _free_port()
    name = f'oewg_observers_browser_{os.getpid()}_{port}'
    admin = create_engine(make_url(base_uri).set(database='postgres'), isolation_level='AUTOCOMMIT')
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" ENCODING \'UTF8\' TEMPLATE template0'))
    db_uri = make_url(base_uri).set(database=name)
    engine = create_engine(db_uri, isolation_level='AUTOCOMMIT')
    with engine.connect() as conn:
        conn.execute(text('CREATE EXTENSION unaccent; CREATE EXTENSION pg_trgm'))
    engine.dispose()
    smtp = SMTPServer(host='127.0.0.1')
    smtp.start()
    tmp = Path(tempfile.mkdtemp(prefix='oewg-observers-browser-'))
    server = log = None
    try:
        for sub in ('archive', 'cache', 'tmp', 'log'):
            (tmp / sub).mkdir()
        import indico
        (tmp / 'logging.yaml').write_text((Path(indico.__file__).parent / 'logging.yaml.sample').read_text())
        (tmp / 'indico.conf').write_text(f'''
SQLALCHEMY_DATABASE_URI = {db_uri.render_as_string(hide_password=False)!r}
SECRET_KEY = 'observers-browser-{port}'
BASE_URL = 'http://127.0.0.1:{port}'
CELERY_BROKER = '{redis_base}/13'
REDIS_CACHE_URL = '{redis_base}/11'
DEFAULT_TIMEZONE = 'Europe/Zurich'
DEFAULT_LOCALE = 'en_GB'
ENABLE_ROOMBOOKING = False
CACHE_DIR = '{tmp}/cache'
TEMP_DIR = '{tmp}/tmp'
LOG_DIR = '{tmp}/log'
STORAGE_BACKENDS = {{'default': 'fs:{tmp}/archive'}}
ATTACHMENT_STORAGE = 'default'
SMTP_SERVER = {tuple(smtp.addr[:2])!r}
SMTP_USE_TLS = False
SMTP_USE_CELERY = False
SUPPORT_EMAIL = 'support@example.org'
NO_REPLY_EMAIL = 'noreply@example.org'
SYSTEM_NOTICES_URL = None
DEBUG = True
PLUGINS = {{'oewg'}}
''')
        env = os.environ | {'INDICO_CONFIG': str(tmp / 'indico.conf'), 'SQLALCHEMY_SILENCE_UBER_WARNING': '1',
                            'PYTHONPATH': str(ROOT)}
        subprocess.run([VENV_BIN / 'indico', 'db', 'prepare'], env=env, check=True, capture_output=True)
        seed = json.loads(subprocess.run([sys.executable, ROOT / 'tests/observers/browser_seed.py'], env=env,
                                         check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1])
        log = (tmp / 'log' / 'server.out').open('w')
        server = subprocess.Popen([VENV_BIN / 'indico', 'run', '-h', '127.0.0.1', '-p', str(port),
                                   '--reloader', 'none'], env=env, stdout=log, stderr=subprocess.STDOUT)
        base_url = f'http://127.0.0.1:{port}'
        for __ in range(240):
            try:
                urllib.request.urlopen(base_url + '/', timeout=2)
                break
            except OSError:
                assert server.poll() is None, (tmp / 'log' / 'server.out').read_text()[-3000:]
                time.sleep(0.5)
        yield base_url, seed, smtp
    finally:
        if server is not None:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
        if log is not None:
            log.close()
        smtp.stop()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
        shutil.rmtree(tmp, ignore_errors=True)


@pytest.fixture
def server(app_context):
    # needs the app context: Indico's SQLAlchemy listeners on every engine use it
    with _server() as running:
        yield running


@pytest.fixture
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.binary_location = '/usr/bin/chromium'
    profile = tempfile.mkdtemp(prefix='oewg-chromium-')
    for arg in ('--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
                '--disable-background-networking', '--disable-component-update', '--disable-sync',
                '--disable-dev-shm-usage', '--window-size=1400,1000', '--lang=en-GB', f'--user-data-dir={profile}'):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service('/usr/bin/chromedriver'), options=options)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def _wait(driver, condition, timeout=15):
    from selenium.webdriver.support.ui import WebDriverWait
    return WebDriverWait(driver, timeout).until(condition)


def _login(driver, base_url, login):
    from selenium.webdriver.common.by import By
    driver.delete_all_cookies()
    driver.get(base_url + '/login/')
    driver.find_element(By.NAME, 'identifier').send_keys(login)
    driver.find_element(By.NAME, 'password').send_keys(PASSWORD + '\n')
    _wait(driver, lambda d: '/login' not in d.current_url)


def _send_request(driver, base_url, event_id, name, kind, letter):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select
    driver.get(f'{base_url}/event/{event_id}/observers/')
    driver.find_element(By.LINK_TEXT, 'Send a request').click()
    _wait(driver, lambda d: d.current_url.endswith('/observers/request'))
    driver.find_element(By.ID, 'name').send_keys(name)
    Select(driver.find_element(By.ID, 'kind')).select_by_value(kind)
    Select(driver.find_element(By.ID, 'country')).select_by_value('CHE')
    driver.find_element(By.ID, 'letter').send_keys(str(letter))
    driver.find_element(By.ID, 'representatives-add-button').click()
    row = driver.find_elements(By.CSS_SELECTOR, '#representatives-widget tbody tr')[-1]
    full_name, title = row.find_elements(By.CSS_SELECTOR, 'input')
    full_name.send_keys('Grace Hopper')
    title.send_keys('Director')
    row.find_element(By.CSS_SELECTOR, '.js-save-row').click()
    driver.find_element(By.ID, 'mission_statement').send_keys('Research on orbital debris.')
    driver.find_element(By.CSS_SELECTOR, 'form.i-form [type=submit]').click()
    _wait(driver, lambda d: '/observers/requests/' in d.current_url)
    return int(driver.current_url.rstrip('/').rsplit('/', 1)[1])


def test_new_user_takes_organisations_to_accreditation_and_not(server, browser, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import Select
    from weasyprint import HTML
    base_url, seed, smtp = server
    event_id = seed['event']
    letter = tmp_path / 'letter.pdf'
    letter.write_bytes(HTML(string='<p>Official letter</p>').write_pdf())

    _login(browser, base_url, 'newcomer')
    welcome = _send_request(browser, base_url, event_id, 'Orbital Debris Institute', 'other_ngo', letter)
    objected = _send_request(browser, base_url, event_id, 'Astro Commerce SA', 'commercial', letter)
    assert 'Pending' in browser.page_source

    _login(browser, base_url, 'secretariat')
    for request_id in (welcome, objected):
        browser.get(f'{base_url}/event/{event_id}/manage/oewg/observers/requests/{request_id}/')
        browser.find_element(By.XPATH, "//button[contains(., 'Confirm the request')]").click()
        _wait(browser, lambda d: 'on the list for consideration' in d.page_source)

    browser.get(f'{base_url}/event/{event_id}/manage/oewg/observers/no-objection/')
    date_input = browser.find_element(By.CSS_SELECTOR, '#deadline ind-date-picker input[type=text]')
    date_input.send_keys((date.today() + timedelta(days=2)).strftime('%d/%m/%Y') + Keys.TAB)
    browser.find_element(By.CSS_SELECTOR, 'form[action$="/no-objection/open"] [type=submit]').click()
    _wait(browser, lambda d: 'The no-objection period is open.' in d.page_source)
    Select(browser.find_element(By.ID, 'request')).select_by_visible_text('Astro Commerce SA')
    browser.find_element(By.ID, 'member_state').send_keys('Liechtenstein')
    browser.find_element(By.CSS_SELECTOR, 'form[action$="/no-objection/objections"] [type=submit]').click()
    _wait(browser, lambda d: 'has been recorded' in d.page_source)
    browser.find_element(By.XPATH, "//button[normalize-space()='Close now']").click()
    _wait(browser, lambda d: d.find_elements(By.XPATH, "//button[normalize-space()='OK']"))
    browser.find_elements(By.XPATH, "//button[normalize-space()='OK']")[-1].click()
    _wait(browser, lambda d: 'The no-objection period is closed' in d.page_source)

    _login(browser, base_url, 'newcomer')
    browser.get(f'{base_url}/event/{event_id}/observers/')
    accredited_part = browser.page_source.split('Accredited observers')[1]
    assert 'Orbital Debris Institute' in accredited_part
    assert 'Astro Commerce SA' not in accredited_part
    assert 'Liechtenstein' not in browser.page_source
    browser.get(f'{base_url}/event/{event_id}/observers/requests/{welcome}/')
    assert 'Your organisation is accredited' in browser.page_source
    browser.get(f'{base_url}/event/{event_id}/observers/requests/{objected}/')
    assert 'has not been accredited' in browser.page_source
    assert 'Liechtenstein' not in browser.page_source
    outcomes = [m for m in smtp.outbox if 'Orbital' in m['Subject'] or 'Astro' in m['Subject']]
    assert len(outcomes) == 2
    assert all('Liechtenstein' not in str(m) for m in smtp.outbox)
