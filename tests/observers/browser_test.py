# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""Through a real browser: a new user takes one organization to accreditation and another to "not accredited".

A real Indico server (own database, free port, SMTP sink) and headless Chromium, like a user would.
"""

import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.browser import chromium, indico_server, login
from tests.browser import wait as _wait


ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent


@pytest.fixture(scope='module')
def server(app):
    # one server for the tests of this module (each works on its own organizations)
    with app.app_context(), indico_server(Path(__file__).with_name('browser_seed.py')) as live:
        yield live.url, live.seed, live.smtp


@pytest.fixture
def browser():
    driver = chromium()
    yield driver
    driver.quit()


def _answer_prompt(driver, answer):
    """Click OK or Cancel in Indico's confirmation prompt (its own dialog, not the browser's)."""
    from selenium.webdriver.common.by import By
    xpath = f"//div[contains(@class, 'ui-dialog')]//button[normalize-space()='{answer}']"
    _wait(driver, lambda d: [b for b in d.find_elements(By.XPATH, xpath) if b.is_displayed()])
    [b for b in driver.find_elements(By.XPATH, xpath) if b.is_displayed()][-1].click()


def _dialog(driver):
    """The content of the open Indico dialog (an ajax dialog with its form)."""
    from selenium.webdriver.common.by import By
    _wait(driver, lambda d: [e for e in d.find_elements(By.CSS_SELECTOR, '.exclusivePopup form') if e.is_displayed()])
    return [e for e in driver.find_elements(By.CSS_SELECTOR, '.exclusivePopup') if e.is_displayed()][-1]


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


def test_new_user_takes_organizations_to_accreditation_and_not(server, browser, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import Select
    from weasyprint import HTML
    base_url, seed, smtp = server
    event_id = seed['event']
    letter = tmp_path / 'letter.pdf'
    letter.write_bytes(HTML(string='<p>Official letter</p>').write_pdf())

    login(browser, base_url, 'newcomer')
    welcome = _send_request(browser, base_url, event_id, 'Orbital Debris Institute', 'other_ngo', letter)
    objected = _send_request(browser, base_url, event_id, 'Astro Commerce SA', 'commercial', letter)
    assert 'Pending' in browser.page_source

    login(browser, base_url, 'secretariat')
    for request_id in (welcome, objected):
        browser.get(f'{base_url}/event/{event_id}/manage/oewg/observers/requests/{request_id}/')
        browser.find_element(By.CSS_SELECTOR, 'button.js-observer-confirm').click()
        _answer_prompt(browser, 'OK')
        _wait(browser, lambda d: 'on the list for consideration.' in d.page_source)

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

    login(browser, base_url, 'newcomer')
    browser.get(f'{base_url}/event/{event_id}/observers/')
    accredited_part = browser.page_source.split('Accredited observers')[1]
    assert 'Orbital Debris Institute' in accredited_part
    assert 'Astro Commerce SA' not in accredited_part
    assert 'Liechtenstein' not in browser.page_source
    browser.get(f'{base_url}/event/{event_id}/observers/requests/{welcome}/')
    assert 'Your organization is accredited' in browser.page_source
    # links in the text are underlined, not marked by their colour alone
    decorations = browser.execute_script('''
        const links = [...document.querySelectorAll('.oewg-request-details a, a[href$="/observers/"]')]
            .filter(a => a.closest('.oewg-request-details') || a.closest('p'));
        return links.map(a => [a.textContent.trim(), [a, ...a.querySelectorAll('*')]
            .some(e => getComputedStyle(e).textDecorationLine.includes('underline'))]);
    ''')
    assert len(decorations) == 2 and all(underlined for __, underlined in decorations), decorations
    browser.get(f'{base_url}/event/{event_id}/observers/requests/{objected}/')
    assert 'has not been accredited' in browser.page_source
    assert 'Liechtenstein' not in browser.page_source
    outcomes = [m for m in smtp.outbox if 'Orbital' in m['Subject'] or 'Astro' in m['Subject']]
    assert len(outcomes) == 2
    assert all('Liechtenstein' not in str(m) for m in smtp.outbox)


def test_secretariat_acts_in_dialogs_and_confirms_before_anything_changes(server, browser):
    """Confirm asks first; Decline opens a dialog that asks for the reason and for a confirmation."""
    from selenium.webdriver.common.by import By
    base_url, seed, smtp = server
    page = f"{base_url}/event/{seed['event']}/manage/oewg/observers/requests/{{}}/"
    sent_before = len(smtp.outbox)
    login(browser, base_url, 'secretariat')

    browser.get(page.format(seed['to_confirm']))
    browser.find_element(By.CSS_SELECTOR, 'button.js-observer-confirm').click()
    _answer_prompt(browser, 'Cancel')
    browser.get(page.format(seed['to_confirm']))
    assert 'Pending' in browser.find_element(By.CSS_SELECTOR, '.oewg-request-details').text
    browser.find_element(By.CSS_SELECTOR, 'button.js-observer-confirm').click()
    _answer_prompt(browser, 'OK')
    _wait(browser, lambda d: 'the organization is accredited' in d.page_source)
    assert 'Accredited' in browser.find_element(By.CSS_SELECTOR, '.oewg-request-details').text

    browser.get(page.format(seed['to_decline']))
    assert not browser.find_elements(By.CSS_SELECTOR, '.page-content form')
    browser.find_element(By.CSS_SELECTOR, 'button.js-observer-decline').click()
    dialog = _dialog(browser)
    assert 'Decline the request of Lunar Tourism Ltd?' in dialog.text
    dialog.find_element(By.NAME, 'reason').send_keys('Tourism is outside the mandate.')
    dialog.find_element(By.CSS_SELECTOR, 'input[type=submit]').click()
    # not confirmed: the browser keeps the form (the server would refuse it as well, see review_test)
    checkbox = _dialog(browser).find_element(By.NAME, 'confirm')
    assert browser.execute_script('return arguments[0].validity.valueMissing', checkbox)
    browser.get(page.format(seed['to_decline']))
    assert 'Pending' in browser.find_element(By.CSS_SELECTOR, '.oewg-request-details').text, 'nothing changed'

    browser.find_element(By.CSS_SELECTOR, 'button.js-observer-decline').click()
    dialog = _dialog(browser)
    dialog.find_element(By.NAME, 'reason').send_keys('Tourism is outside the mandate.')
    dialog.find_element(By.NAME, 'confirm').click()
    dialog.find_element(By.CSS_SELECTOR, 'input[type=submit]').click()
    _wait(browser, lambda d: 'The request has been declined.' in d.page_source)
    details = browser.find_element(By.CSS_SELECTOR, '.oewg-request-details').text
    assert 'Declined' in details and 'Tourism is outside the mandate.' in details
    assert not browser.find_elements(By.CSS_SELECTOR, 'button.js-observer-decline')
    mails = smtp.outbox[sent_before:]
    assert [m['To'] for m in mails] == ['newcomer@example.com', 'newcomer@example.com']
    assert 'Tourism is outside the mandate.' in str(mails[-1])
