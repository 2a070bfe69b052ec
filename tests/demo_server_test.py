# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""The demo as `make demo` serves it: uWSGI with DEBUG off, on a fresh database seeded by ``demo/seed.py``.

The server runs without Indico's pytest exemption from its e-mail check, so the demo logins work only because the
demo's mail domain passes that check (``demo/maildomain.py``). Each printed login does its job: the delegate registers
for the fourth session with the account's own e-mail in headless Chromium, the requester sends an observer request,
the secretariat and the admin reach their pages. A server error shows Indico's error page and no traceback.
"""

import json
import os
import re
from pathlib import Path

import pytest
import requests
from sqlalchemy import create_engine, text

from demo.seed import PASSWORD, USERS
from demo.stack import Stack, free_port
from tests.browser import _database, chromium, login
from tests.browser import wait as _wait


pytestmark = pytest.mark.filterwarnings('ignore::ResourceWarning', 'ignore::DeprecationWarning')

ROOT = Path(__file__).resolve().parents[1]
#: seconds to wait for the browser's steps (other test suites may share the machine)
TIMEOUT = 60
#: what a traceback or Werkzeug's debugger put into a page
TRACEBACK_MARKERS = ('Traceback (most recent call last)', 'File "/', 'site-packages', '__debugger__',
                     'Werkzeug Debugger', 'werkzeug.debug', '.py", line')


@pytest.fixture(scope='module')
def demo(app, tmp_path_factory):
    """The demo stack on its own database, Redis and ports; yields (stack, SQL runner)."""
    directory = tmp_path_factory.mktemp('demo-server')
    base_uri = os.environ['INDICO_TEST_DATABASE_URI']
    with app.app_context(), _database(base_uri, f'oewg_demo_server_{os.getpid()}') as db_uri:
        engine = create_engine(db_uri)

        def _sql(sql, **params):
            with engine.begin() as conn:
                result = conn.execute(text(sql), params)
                return result.fetchall() if result.returns_rows else None

        try:
            with Stack(directory, db_uri=db_uri, port=free_port(), name='oewg-demo-test') as stack:
                stack.start_redis()
                stack.write_config()
                stack.prepare_database()
                stack.python(ROOT / 'demo' / 'seed.py', log_name='seed.log')
                stack.start_services()
                stack.wait_until_up()
                yield stack, _sql
        finally:
            engine.dispose()


def _session(stack, login_name):
    """An HTTP session logged in through Indico's login form (its CSRF token taken from the page)."""
    http = requests.Session()
    page = http.get(f'{stack.url}/login/', timeout=60)
    token = re.search(r'<meta name="csrf-token" id="csrf-token" content="([^"]+)"', page.text).group(1)
    resp = http.post(f'{stack.url}/login/', data={'identifier': login_name, 'password': PASSWORD,
                                                  'csrf_token': token, '_provider': 'indico'},
                     allow_redirects=False, timeout=60)
    assert resp.status_code == 302, resp.text
    return http


def _event_id(sql, title_start):
    return sql('SELECT id FROM events.events WHERE title LIKE :t AND NOT is_deleted', t=f'{title_start}%')[0][0]


def test_production_server_without_debug(demo):
    stack, __ = demo
    config = (stack.directory / 'indico.conf').read_text()
    assert 'DEBUG = False' in config
    assert 'http-socket' in (stack.directory / 'uwsgi.ini').read_text()
    page = requests.get(f'{stack.url}/', timeout=60)
    assert page.status_code == 200
    # Indico's static files (the bundles the page links to) and the plugin's bundle come from uWSGI's static map,
    # not from Indico: uWSGI logs them without an app, sent by its offload threads
    manifest = requests.get(f'{stack.url}/static/plugins/oewg/dist/manifest.json', timeout=60).json()
    indico_css = re.search(r'href="(/dist/css/common\.[0-9a-f]+\.css)"', page.text).group(1)
    static_paths = [indico_css, '/robots.txt', manifest['main.js']]
    for path in static_paths:
        resp = requests.get(f'{stack.url}{path}', timeout=60)
        assert resp.status_code == 200
        assert int(resp.headers['Content-Length']) > 0
    server_log = (stack.log_dir / 'server.log').read_text()
    for path in static_paths:
        assert re.search(rf'\|app: -1\|.* GET {re.escape(path)} => generated \d+ bytes .* via offload\(\)', server_log)


def test_a_server_error_shows_no_traceback(demo):
    stack, sql = demo
    # the bug the demo once had: an affiliation stored as a plain string breaks Indico's registration details
    field_data_id, data, registration_id, regform_id, event_id = sql(
        "SELECT d.field_data_id, d.data, r.id, r.registration_form_id, r.event_id "
        "FROM event_registration.registration_data d "
        "JOIN event_registration.registrations r ON r.id = d.registration_id "
        "JOIN event_registration.form_field_data fd ON fd.id = d.field_data_id "
        "JOIN event_registration.form_items f ON f.id = fd.field_id "
        "WHERE f.input_type = 'affiliation' AND d.data::text LIKE '{%' LIMIT 1")[0]
    url = f'{stack.url}/event/{event_id}/manage/registration/{regform_id}/registrations/{registration_id}/'
    admin = _session(stack, 'admin')
    assert admin.get(url, timeout=60).status_code == 200
    row = {'r': registration_id, 'f': field_data_id}
    sql('UPDATE event_registration.registration_data SET data = to_jsonb(CAST(:text AS text)) '
        'WHERE registration_id = :r AND field_data_id = :f', text=data['text'], **row)
    try:
        page = admin.get(url, timeout=60)
        xhr = admin.get(url, headers={'X-Requested-With': 'XMLHttpRequest'}, timeout=60)
    finally:
        sql('UPDATE event_registration.registration_data SET data = CAST(:data AS jsonb) '
            'WHERE registration_id = :r AND field_data_id = :f', data=json.dumps(data), **row)
    assert page.status_code == 500
    assert 'Something went wrong' in page.text  # Indico's own error page
    assert xhr.status_code == 500
    assert xhr.json()['error']['title'] == 'Something went wrong'
    for body in (page.text, xhr.text):
        assert not [marker for marker in TRACEBACK_MARKERS if marker in body]
    assert admin.get(url, timeout=60).status_code == 200


def _consent_and_submit(driver):
    """Consent to be listed for participants and apply; wait (a loaded machine is slow) for Indico's answer."""
    from selenium.webdriver.common.by import By
    choice = driver.find_element(By.CSS_SELECTOR, 'li[data-value="participants"]')
    select = driver.execute_script('return arguments[0].closest("ind-select")', choice)
    driver.execute_script('arguments[0].scrollIntoView({block: "center"})', select)
    select.click()
    _wait(driver, lambda d: choice.is_displayed())
    choice.click()
    button = next(b for b in driver.find_elements(By.CSS_SELECTOR, 'button[type="submit"]') if b.text == 'Apply')
    driver.execute_script('arguments[0].scrollIntoView({block: "center"})', button)
    button.click()
    _wait(driver, lambda d: 'awaiting approval' in d.find_element(By.TAG_NAME, 'body').text, timeout=TIMEOUT)


def test_delegate_registers_with_the_account_e_mail(demo, tmp_path):
    from PIL import Image
    from selenium.webdriver.common.by import By

    from tests.registration.browser_test import _pick, _visible
    stack, sql = demo
    event_id = _event_id(sql, 'Fourth session')
    regform_id = sql('SELECT id FROM event_registration.forms WHERE event_id = :e AND NOT is_deleted',
                     e=event_id)[0][0]
    photo = tmp_path / 'photo.jpg'
    Image.new('RGB', (300, 400), (200, 205, 215)).save(photo)
    driver = chromium()
    try:
        login(driver, stack.url, 'delegate', PASSWORD)
        driver.get(f'{stack.url}/event/{event_id}/registrations/{regform_id}/')
        assert _visible(driver, 'input[name=email]').get_attribute('value') == USERS['delegate']['email']
        _pick(driver, '[data-oewg="representation"]', 'Member State')
        _pick(driver, '[data-oewg="delegation"]', 'Nigeria', search=True)
        _pick(driver, '[data-oewg="role"]', 'Adviser')
        _visible(driver, '[data-oewg="title"] input').send_keys('Counsellor')
        # the photograph: Indico's picture editor saves it, then uploads it; the field is valid once it is stored
        # the photograph is Indico's picture field ("Add OEWG section" made it the one for the grounds pass)
        photo_input = driver.execute_script(
            "return [...document.querySelectorAll('input[type=file]')]"
            ".find(i => i.closest('.field')?.textContent.includes('Drag a picture here'))")
        photo_field = driver.execute_script('return arguments[0].closest(".field")', photo_input)
        photo_input.send_keys(str(photo))
        save = _wait(driver, lambda d: next((b for b in d.find_elements(By.TAG_NAME, 'button')
                                             if b.text == 'Save changes' and b.is_displayed()), None))
        driver.execute_script('arguments[0].scrollIntoView({block: "center"})', save)
        save.click()
        _wait(driver, lambda d: 'error' not in photo_field.get_attribute('class').split(), timeout=TIMEOUT)
        _consent_and_submit(driver)
        assert 'Nigeria (Member State) — Adviser, Counsellor' in driver.page_source
    finally:
        driver.quit()
    rows = sql('SELECT r.email, e.email FROM event_registration.registrations r '
               'JOIN users.emails e ON e.user_id = r.user_id AND e.is_primary '
               'JOIN users.identities i ON i.user_id = r.user_id '
               'WHERE r.registration_form_id = :f AND i.identifier = :login', f=regform_id, login='delegate')
    assert rows == [(USERS['delegate']['email'], USERS['delegate']['email'])]


def test_requester_sends_an_observer_request(demo, tmp_path):
    from weasyprint import HTML

    from tests.observers.browser_test import _send_request
    stack, sql = demo
    event_id = _event_id(sql, 'Fourth session')
    letter = tmp_path / 'letter.pdf'
    letter.write_bytes(HTML(string='<p>Official letter (test)</p>').write_pdf())
    driver = chromium()
    try:
        login(driver, stack.url, 'requester', PASSWORD)
        request_id = _send_request(driver, stack.url, event_id, 'Deep Space Watch (test)', 'other_ngo', letter)
    finally:
        driver.quit()
    assert sql('SELECT count(*) FROM plugin_oewg.observer_requests WHERE id = :id AND event_id = :e',
               id=request_id, e=event_id) == [(1,)]


def test_secretariat_and_admin_reach_their_pages(demo):
    stack, sql = demo
    first = _event_id(sql, 'First session')
    secretariat = _session(stack, 'secretariat')
    assert secretariat.get(f'{stack.url}/event/{first}/manage/oewg/', timeout=60).status_code == 200
    assert secretariat.get(f'{stack.url}/event/{first}/manage/oewg/statements/', timeout=60).status_code == 200
    admin = _session(stack, 'admin')
    assert admin.get(f'{stack.url}/admin/settings/', timeout=60).status_code == 200
