"""The public list of speakers and the room screen in a real headless Chromium: they follow the list by themselves.

One Indico server for the module (``tests/browser.py``), seeded by ``browser_seed.py`` with a running list: Japan
delivered, Egypt speaking, Brazil waiting. While the pages are open, the test changes the list in the server's
database as the secretariat's console does (an inscription, then the next speaker called, each bumping the list's
version); the pages must show it without being reloaded, and announce it politely to screen readers.
"""

import re
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from tests.browser import chromium, indico_server
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
def change_list(server):
    """Run SQL on the server's database, in one transaction, and bump the list's version as every change does."""
    engine = create_engine(server.db_uri)

    def _change(sql, **params):
        with engine.begin() as conn:
            conn.execute(text(sql), params)
            conn.execute(text('UPDATE plugin_oewg.speakers_lists SET version = version + 1 WHERE id = :id'),
                         {'id': server.seed['list_id']})

    yield _change
    engine.dispose()


@pytest.fixture(scope='module')
def driver():
    driver = chromium()
    yield driver
    driver.quit()


def _text(driver, css):
    return driver.execute_script('const e = document.querySelector(arguments[0]); return e ? e.textContent : null;',
                                 css)


def _squeeze(value):
    return re.sub(r'\s+', ' ', value or '').strip()


def _seconds(timer):
    minutes, seconds, limit_minutes, limit_seconds = map(int, TIMER.match(timer).groups())
    return minutes * 60 + seconds, limit_minutes * 60 + limit_seconds


def test_public_page_and_room_screen_follow_the_list(server, driver, change_list):
    base = f'{server.url}/event/{server.seed["event_id"]}/speakers'
    driver.get(f'{base}/')
    lines = _squeeze(_text(driver, '#oewg-speakers-live'))
    assert 'Now speaking: Egypt, on behalf of the Group of Arab States' in lines
    assert 'Mexico' not in lines
    # the timer runs against the server's clock: Egypt took the floor a minute ago, 7 minutes for a group
    timer = _wait(driver, lambda d: TIMER.match(_text(d, '.oewg-speakers-current [data-oewg-timer]') or '') and
                  _text(d, '.oewg-speakers-current [data-oewg-timer]'))
    elapsed, limit = _seconds(timer)
    assert limit == 420
    assert 55 <= elapsed <= 120
    driver.execute_script('window.oewgNotReloaded = true;')

    # a delegation inscribes meanwhile
    change_list("INSERT INTO plugin_oewg.speakers_inscriptions (list_id, position, is_reply, delegation_kind, "
                "state_code, delegation_name, delegation_class, on_behalf_of, joining_states, language, note, "
                "status, from_floor, by_secretariat, created_dt, inscribed_dt) VALUES (:id, 4, false, 1, 'MEX', '', "
                "2, '', '{}', '', '', 1, false, false, now(), now())", id=server.seed['list_id'])
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

    # the secretariat gives the floor to Brazil: the screen follows, its timer starts again at Brazil's 5 minutes
    change_list("UPDATE plugin_oewg.speakers_inscriptions SET status = CASE WHEN state_code = 'EGY' THEN 3 ELSE 2 "
                "END, ended_dt = CASE WHEN state_code = 'EGY' THEN now() END, "
                "started_dt = CASE WHEN state_code = 'EGY' THEN started_dt ELSE now() END "
                "WHERE list_id = :id AND state_code IN ('EGY', 'BRA')", id=server.seed['list_id'])
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
