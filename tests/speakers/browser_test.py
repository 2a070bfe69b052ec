"""The public list of speakers and the room screen in a real headless Chromium: they follow the list by themselves.

One Indico server for the module (``tests/browser.py``), seeded by ``browser_seed.py`` with a running list: Japan
delivered, Egypt speaking, Brazil waiting. While a reader's browser shows the public page and the room screen, the
focal point of Mexico inscribes through the inscription page in a browser of their own, and the secretariat gives
the floor to the next speaker from the console in a third one; the reader's pages must follow without being
reloaded, and announce it politely to screen readers.
"""

import re
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from tests.browser import chromium, indico_server
from tests.browser import login as browser_login
from tests.browser import wait as _wait


pytestmark = pytest.mark.filterwarnings('ignore::ResourceWarning', 'ignore::DeprecationWarning')

#: live.js polls every 5 seconds
TIMEOUT = 30
TIMER = re.compile(r'^(\d+):(\d\d) / (\d+):(\d\d)$')


@pytest.fixture(scope='module')
def server(app):
    with app.app_context(), indico_server(Path(__file__).with_name('browser_seed.py')) as live:
        yield live


@pytest.fixture(scope='module')
def browsers(server):
    """``browsers(login)``: that user's Chromium, logged in once (``None``: an anonymous reader)."""
    opened = {}

    def _browser(login=None):
        if login not in opened:
            opened[login] = chromium()
            if login:
                browser_login(opened[login], server.url, login)
        return opened[login]

    yield _browser
    for driver in opened.values():
        driver.quit()


def _text(driver, css):
    return driver.execute_script('const e = document.querySelector(arguments[0]); return e ? e.textContent : null;',
                                 css)


def _squeeze(value):
    return re.sub(r'\s+', ' ', value or '').strip()


def _seconds(timer):
    minutes, seconds, limit_minutes, limit_seconds = map(int, TIMER.match(timer).groups())
    return minutes * 60 + seconds, limit_minutes * 60 + limit_seconds


def _seconds_since_started(server, state_code):
    """How long ago the server's database says the speaker was given the floor."""
    engine = create_engine(server.db_uri)
    try:
        with engine.connect() as conn:
            return conn.execute(text('SELECT extract(epoch FROM now() - started_dt) FROM '
                                     'plugin_oewg.speakers_inscriptions WHERE state_code = :code'),
                                {'code': state_code}).scalar()
    finally:
        engine.dispose()


def _page_loaded(driver, old_html):
    from selenium.webdriver.support import expected_conditions
    _wait(driver, expected_conditions.staleness_of(old_html))
    _wait(driver, lambda d: d.execute_script('return document.readyState') == 'complete')


def test_public_page_and_room_screen_follow_the_list(server, browsers):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    base = f'{server.url}/event/{server.seed["event_id"]}/speakers'
    item_id = server.seed['agenda_item_id']
    driver = browsers()
    driver.get(f'{base}/')
    lines = _squeeze(_text(driver, '#oewg-speakers-live'))
    assert 'Now speaking: Egypt, on behalf of the Group of Arab States' in lines
    assert 'Mexico' not in lines
    # the timer runs against the server's clock: Egypt took the floor a minute ago, 7 minutes for a group
    timer = _wait(driver, lambda d: TIMER.match(_text(d, '.oewg-speakers-current [data-oewg-timer]') or '') and
                  _text(d, '.oewg-speakers-current [data-oewg-timer]'))
    elapsed, limit = _seconds(timer)
    assert limit == 420
    assert abs(elapsed - _seconds_since_started(server, 'EGY')) <= 5
    driver.execute_script('window.oewgNotReloaded = true;')

    # Mexico's focal point inscribes meanwhile, in a browser of their own
    delegate = browsers('delegate')
    delegate.get(f'{base}/{item_id}/inscribe')
    Select(delegate.find_element(By.NAME, 'delegation')).select_by_value('state:MEX')
    Select(delegate.find_element(By.NAME, 'language')).select_by_value('es')
    old = delegate.find_element(By.TAG_NAME, 'html')
    delegate.find_element(By.CSS_SELECTOR, '#inscription-form input[type=submit]').click()
    _page_loaded(delegate, old)
    assert 'Mexico is inscribed' in delegate.find_element(By.ID, 'flashed-messages').text
    _wait(driver, lambda d: 'Mexico' in (_text(d, '#oewg-speakers-live') or ''), timeout=TIMEOUT)
    assert driver.execute_script('return window.oewgNotReloaded === true;')
    assert '2 speakers remaining' in _squeeze(_text(driver, '#oewg-speakers-live'))
    assert 'General exchange of views: now speaking Egypt' in _text(driver, '[data-oewg-announce]')
    assert '2 speakers waiting.' in _text(driver, '[data-oewg-announce]')
    assert driver.execute_script('return document.querySelector("[data-oewg-announce]").getAttribute("aria-live")') \
        == 'polite'

    # the room screen, in a second tab
    driver.switch_to.new_window('tab')
    driver.get(f'{base}/{server.seed["agenda_item_id"]}/screen')
    assert _squeeze(_text(driver, '.oewg-screen-speaker')) == 'Egypt, on behalf of the Group of Arab States'
    assert [_squeeze(li.text) for li in driver.find_elements('css selector', '.oewg-screen-next li')] == [
        'Brazil', 'Mexico']
    assert '2 speakers remaining' in _squeeze(_text(driver, '.oewg-screen-remaining'))
    first = _wait(driver, lambda d: TIMER.match(_text(d, '.oewg-screen-timer') or '') and
                  _text(d, '.oewg-screen-timer'))
    _wait(driver, lambda d: _seconds(_text(d, '.oewg-screen-timer'))[0] >= _seconds(first)[0] + 2)
    assert driver.execute_script('return parseFloat(getComputedStyle(document.querySelector('
                                 '".oewg-screen-speaker")).fontSize)') >= 32  # large type
    driver.execute_script('window.oewgNotReloaded = true;')

    # the secretariat gives the floor to Brazil from the console: the screen follows, its timer starts again at
    # Brazil's 5 minutes
    secretariat = browsers('secretariat')
    secretariat.get(f'{server.url}/event/{server.seed["event_id"]}/manage/speakers/{item_id}/')
    secretariat.find_element(By.CSS_SELECTOR, '.js-oewg-next').click()
    _wait(driver, lambda d: _squeeze(_text(d, '.oewg-screen-speaker')) == 'Brazil', timeout=TIMEOUT)
    assert driver.execute_script('return window.oewgNotReloaded === true;')
    elapsed, limit = _seconds(_wait(driver, lambda d: _text(d, '.oewg-screen-timer')))
    assert (limit, elapsed < 30) == (300, True)
    assert [_squeeze(li.text) for li in driver.find_elements('css selector', '.oewg-screen-next li')] == ['Mexico']
    assert 'now speaking Brazil' in _text(driver, '[data-oewg-announce]')

    # and so did the public page, in the first tab
    driver.switch_to.window(driver.window_handles[0])
    _wait(driver, lambda d: 'Now speaking: Brazil' in _squeeze(_text(d, '#oewg-speakers-live')), timeout=TIMEOUT)
    assert driver.execute_script('return window.oewgNotReloaded === true;')
    errors = [entry for entry in driver.get_log('browser') if entry['level'] == 'SEVERE']
    assert errors == []
