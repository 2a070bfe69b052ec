# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""The OEWG delegation field in a real headless Chromium against a real Indico server started for these tests.

The server has its own database and port (see ``browser.py``); screenshots of failures go to ``$OEWG_TEST_OUTPUT``.
"""

import os
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from tests.browser import chromium, indico_server
from tests.browser import wait as _wait
from tests.browser import login as _login


pytestmark = pytest.mark.filterwarnings('ignore::ResourceWarning', 'ignore::DeprecationWarning')

TIMEOUT = 20


@pytest.fixture(scope='module')
def server(app):
    # (Indico's SQL statistics listener wants an application context for every statement, ours too)
    with app.app_context(), indico_server(Path(__file__).with_name('browser_seed.py')) as live:
        yield live.url, live.seed, live.log_dir, live.db_uri


@pytest.fixture(scope='module')
def server_db(server):
    """Read-only SQL on the server's database (to check what the browser did)."""
    engine = create_engine(server[3])

    def _query(sql, **params):
        with engine.connect() as conn:
            return conn.execute(text(sql), params).fetchall()

    yield _query
    engine.dispose()


@pytest.fixture
def driver(request, server):
    driver = chromium()
    yield driver
    failed = getattr(request.node, 'rep_call', None) is not None and request.node.rep_call.failed
    if failed and (output := os.environ.get('OEWG_TEST_OUTPUT')):
        path = Path(output) / 'screenshots'
        path.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(path / f'{request.node.name}.png'))
        (path / f'{request.node.name}.log').write_text(
            '\n'.join(str(entry) for entry in driver.get_log('browser')) + '\n\n' + driver.page_source)
    driver.quit()


def _visible(driver, css):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    element = _wait(driver, expected_conditions.element_to_be_clickable((By.CSS_SELECTOR, css)))
    driver.execute_script('arguments[0].scrollIntoView({block: "center"})', element)
    return element


def _combobox_options(driver, css):
    """Open the combobox inside ``css`` (a click, as a mouse user does) and return it with its visible options."""
    from selenium.webdriver.common.by import By
    wrapper = _visible(driver, css)
    field = wrapper.find_element(By.CSS_SELECTOR, 'input[role="combobox"]')
    field.click()
    items = _wait(driver, lambda d: [i for i in wrapper.find_elements(By.CSS_SELECTOR, '[role="option"]')
                                     if i.is_displayed()] or None)
    return field, items


def _pick(driver, css, text, search=False):
    """Choose ``text`` in the native select or the combobox ``css`` (typing ``text`` first if ``search``)."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select
    element = _visible(driver, css)
    if element.tag_name == 'select':
        Select(element).select_by_visible_text(text)
        return
    field = element.find_element(By.CSS_SELECTOR, 'input[role="combobox"]')
    field.click()
    if search:
        field.send_keys(text)
    item = _wait(driver, lambda d: next((i for i in element.find_elements(By.CSS_SELECTOR, '[role="option"]')
                                         if i.is_displayed() and i.text == text), None))
    item.click()


def _consent_and_submit(driver):
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
    _wait(driver, lambda d: 'awaiting approval' in d.find_element(By.TAG_NAME, 'body').text)


def _severe_errors(driver):
    return [entry for entry in driver.get_log('browser')
            if entry['level'] == 'SEVERE' and 'favicon' not in entry['message']]


def test_manager_adds_field_and_opens_show_if(server, driver, server_db):
    from selenium.webdriver.common.by import By
    base_url, seed = server[:2]
    _login(driver, base_url, 'manager', seed['password'])
    driver.get(f'{base_url}/event/{seed["event_id"]}/manage/registration/{seed["setup_form_id"]}/form/')
    _visible(driver, 'a.icon-plus[title="Add field"]').click()
    _wait(driver, lambda d: d.find_element(By.XPATH, '//span[text()="OEWG delegation"]')).click()
    modal = _wait(driver, lambda d: d.find_element(By.CSS_SELECTOR, '.ui.modal'))
    modal.find_element(By.NAME, 'title').send_keys('Delegation')
    assert 'Representations offered' in modal.text
    assert 'Representatives per organization' in modal.text
    modal.find_element(By.NAME, 'organizationQuota').send_keys('3')
    modal.find_element(By.CSS_SELECTOR, 'button[type="submit"]').click()
    _wait(driver, lambda d: not d.find_elements(By.CSS_SELECTOR, '.ui.modal'))
    rows = server_db("SELECT data FROM event_registration.form_items WHERE registration_form_id = :id "
                     "AND input_type = 'ext__oewg_delegation' AND NOT is_deleted", id=seed['setup_form_id'])
    assert len(rows) == 1
    assert rows[0][0]['organization_quota'] == 3
    assert rows[0][0]['role_required'] is True

    # the "show if" settings of a field read every field type of the form, ours included: they must open
    driver.refresh()
    field_title = _wait(driver, lambda d: next((e for e in d.find_elements(By.XPATH, '//*[text()="Position"]')
                                                if e.is_displayed()), None))
    item = driver.execute_script('return arguments[0].closest("[class*=form-item]")', field_title)
    driver.execute_script('arguments[0].scrollIntoView({block: "center"})', item)
    webdriver_actions(driver).move_to_element(item).perform()
    settings = _wait(driver, lambda d: next((a for a in item.find_elements(By.CSS_SELECTOR, 'a.icon-settings')
                                             if a.is_displayed()), None))
    settings.click()
    modal = _wait(driver, lambda d: d.find_element(By.CSS_SELECTOR, '.ui.modal'))
    assert 'Show if' in modal.text
    show_if = modal.find_element(By.XPATH, './/label[text()="Field"]/following-sibling::div')
    show_if.click()
    _wait(driver, lambda d: show_if.find_elements(By.CSS_SELECTOR, '.menu .item'))
    assert not _severe_errors(driver)
    assert not driver.find_elements(By.XPATH, '//*[contains(text(), "Unknown input type")]')


def webdriver_actions(driver):
    from selenium.webdriver import ActionChains
    return ActionChains(driver)


def test_delegate_registers_for_a_state(server, driver, server_db):
    base_url, seed = server[:2]
    _login(driver, base_url, 'delegate', seed['password'])
    driver.get(f'{base_url}/event/{seed["event_id"]}/registrations/{seed["register_form_id"]}/')
    _pick(driver, '[data-oewg="representation"]', 'Member State')
    _pick(driver, '[data-oewg="delegation"]', 'Japan', search=True)
    _pick(driver, '[data-oewg="role"]', 'Head of delegation')
    _visible(driver, '[data-oewg="title"] input').send_keys('Ambassador')
    _consent_and_submit(driver)
    assert 'Japan (Member State) — Head of delegation, Ambassador' in driver.page_source
    rows = server_db('SELECT d.data FROM event_registration.registration_data d '
                     'JOIN event_registration.registrations r ON r.id = d.registration_id '
                     'JOIN event_registration.form_field_data fd ON fd.id = d.field_data_id '
                     'WHERE r.user_id = :user AND fd.field_id = :field',
                     user=seed['users']['delegate'], field=seed['field_id'])
    assert [r[0] for r in rows] == [{'representation': 'member_state', 'delegation': 'JPN', 'role': 'head',
                                     'title': 'Ambassador'}]
    assert not _severe_errors(driver)


def test_observer_picks_only_accredited_organizations(server, driver, server_db):
    base_url, seed = server[:2]
    _login(driver, base_url, 'observer', seed['password'])
    driver.get(f'{base_url}/event/{seed["event_id"]}/registrations/{seed["register_form_id"]}/')
    _pick(driver, '[data-oewg="representation"]',
          'Intergovernmental organization or entity with a standing invitation')
    __, items = _combobox_options(driver, '[data-oewg="delegation"]')
    assert [i.text for i in items] == ['European Space Agency (ESA)']
    items[0].click()
    _pick(driver, '[data-oewg="role"]', 'Representative')
    _consent_and_submit(driver)
    rows = server_db('SELECT d.data FROM event_registration.registration_data d '
                     'JOIN event_registration.registrations r ON r.id = d.registration_id '
                     'JOIN event_registration.form_field_data fd ON fd.id = d.field_data_id '
                     'WHERE r.user_id = :user AND fd.field_id = :field',
                     user=seed['users']['observer'], field=seed['field_id'])
    assert rows[0][0]['delegation'] == str(seed['organizations']['ESA'])


def _active(driver):
    return driver.execute_script('return document.activeElement')


def test_delegation_field_by_keyboard_with_accessible_names(server, driver, server_db):
    """Tab, the arrow keys, typing and Enter fill the whole field; Chromium's accessibility tree names every part,
    the combobox points at the option the arrows reach, and the focus is visible (>= 3:1).
    """
    from selenium.webdriver import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    base_url, seed = server[:2]
    _login(driver, base_url, 'keyboard', seed['password'])
    driver.get(f'{base_url}/event/{seed["event_id"]}/registrations/{seed["register_form_id"]}/')
    representation = _visible(driver, 'select[data-oewg="representation"]')
    keys = ActionChains(driver)

    # the first part of the field, reached from the field before it with Tab
    driver.execute_script('arguments[0].focus()', driver.find_element(By.NAME, 'email'))
    for __ in range(40):
        if _active(driver) == representation:
            break
        keys.send_keys(Keys.TAB).perform()
    assert representation.accessible_name == 'Representing'
    assert driver.execute_script('return getComputedStyle(arguments[0]).outlineColor', representation) == \
        'rgb(0, 95, 128)'
    keys.send_keys(Keys.ARROW_DOWN).perform()
    assert representation.get_attribute('value') == 'member_state'

    # the State: a combobox named by its label; typing opens the list of matches, the arrows move through them
    keys.send_keys(Keys.TAB).perform()
    combobox = _active(driver)
    assert combobox.aria_role == 'combobox'
    assert combobox.accessible_name == 'State'
    assert combobox.get_attribute('aria-expanded') == 'false'
    keys.send_keys('ja').perform()
    listbox = _wait(driver, lambda d: next((e for e in d.find_elements(By.CSS_SELECTOR, '[role="listbox"]')
                                            if e.is_displayed()), None))
    assert combobox.get_attribute('aria-expanded') == 'true'
    assert combobox.get_attribute('aria-controls') == listbox.get_attribute('id')
    assert listbox.accessible_name == 'State'
    options = [o.text for o in listbox.find_elements(By.CSS_SELECTOR, '[role="option"]')]
    assert 'Japan' in options and 'Jamaica' in options
    status = driver.find_element(By.CSS_SELECTOR, '.oewg-delegation [role="status"]')
    assert status.get_attribute('textContent') == \
        f'{len(options)} results, use the up and down arrow keys to choose'
    for __ in range(options.index('Japan')):
        keys.send_keys(Keys.ARROW_DOWN).perform()
    active = driver.find_element(By.ID, combobox.get_attribute('aria-activedescendant'))
    assert active.text == 'Japan'
    assert active.aria_role == 'option'
    assert _active(driver) == combobox  # the focus stays in the input
    keys.send_keys(Keys.ENTER).perform()
    assert combobox.get_attribute('value') == 'Japan'
    assert combobox.get_attribute('aria-expanded') == 'false'
    assert combobox.get_attribute('aria-activedescendant') is None
    assert driver.execute_script('return getComputedStyle(arguments[0]).outlineColor', combobox) == \
        'rgb(0, 95, 128)'

    # the role and the official title
    keys.send_keys(Keys.TAB).perform()
    role = _active(driver)
    assert role.get_attribute('data-oewg') == 'role'
    assert role.accessible_name == 'Role in the delegation'
    keys.send_keys(Keys.ARROW_DOWN).perform()
    assert role.get_attribute('value') == 'head'
    keys.send_keys(Keys.TAB).perform()
    title = _active(driver)
    assert title.accessible_name == 'Official title or function'
    keys.send_keys('Minister').perform()

    _consent_and_submit(driver)
    rows = server_db('SELECT d.data FROM event_registration.registration_data d '
                     'JOIN event_registration.registrations r ON r.id = d.registration_id '
                     'JOIN event_registration.form_field_data fd ON fd.id = d.field_data_id '
                     'WHERE r.user_id = :user AND fd.field_id = :field',
                     user=seed['users']['keyboard'], field=seed['field_id'])
    assert [r[0] for r in rows] == [{'representation': 'member_state', 'delegation': 'JPN', 'role': 'head',
                                     'title': 'Minister'}]
    assert not _severe_errors(driver)


def test_focal_point_approves_their_delegate(server, driver, server_db):
    from selenium.webdriver.common.by import By
    base_url, seed = server[:2]
    registration_id = server_db('SELECT id FROM event_registration.registrations WHERE user_id = :user',
                                user=seed['users']['delegate'])[0][0]
    other_id = server_db('SELECT id FROM event_registration.registrations WHERE user_id = :user',
                         user=seed['users']['observer'])[0][0]
    _login(driver, base_url, 'focal', seed['password'])
    reglist = f'{base_url}/event/{seed["event_id"]}/manage/registration/{seed["register_form_id"]}/registrations/'
    driver.get(reglist)
    body = _wait(driver, lambda d: d.find_element(By.TAG_NAME, 'body'))
    assert 'Lagos' in body.text
    assert 'Observer' not in body.text
    driver.get(f'{reglist}{other_id}/')
    assert 'not authorized' in driver.find_element(By.TAG_NAME, 'body').text.lower() or \
        'forbidden' in driver.page_source.lower()
    driver.get(f'{reglist}{registration_id}/')
    _visible(driver, 'button.i-button.accept').click()
    _wait(driver, lambda d: next((b for b in d.find_elements(By.CSS_SELECTOR, '.ui-dialog button')
                                  if b.is_displayed() and b.text == 'OK'), None)).click()
    deadline = time.time() + TIMEOUT
    while time.time() < deadline:
        state = server_db('SELECT state FROM event_registration.registrations WHERE id = :id', id=registration_id)
        if state[0][0] == 1:  # complete
            break
        time.sleep(0.5)
    assert state[0][0] == 1


def _confirm(driver):
    """Press OK in Indico's confirmation dialog."""
    from selenium.webdriver.common.by import By
    _wait(driver, lambda d: next((b for b in d.find_elements(By.CSS_SELECTOR, '.ui-dialog button')
                                  if b.is_displayed() and b.text == 'OK'), None)).click()


def test_secretariat_adds_the_oewg_section(server, driver, server_db):
    """Indico's confirm-and-POST button; one photograph, and the personal data with a retention period."""
    from selenium.webdriver.common.by import By
    base_url, seed = server[:2]
    _login(driver, base_url, 'manager', seed['password'])
    driver.get(f'{base_url}/event/{seed["event_id"]}/manage/oewg/delegations/')
    box = _visible(driver, f'.oewg-regform[data-regform-id="{seed["section_form_id"]}"]')
    box.find_element(By.CSS_SELECTOR, '.js-oewg-add-section').click()
    _confirm(driver)
    _wait(driver, lambda d: 'has been added to "Form for the section"' in d.find_element(By.TAG_NAME, 'body').text)
    rows = server_db("SELECT input_type, is_required, extract(day FROM retention_period) FROM "
                     "event_registration.form_items WHERE registration_form_id = :id AND NOT is_deleted "
                     "AND is_enabled AND input_type IN ('picture', 'file', 'ext__oewg_delegation') "
                     "ORDER BY input_type", id=seed['section_form_id'])
    assert [tuple(r) for r in rows] == [('ext__oewg_delegation', True, None), ('file', False, 364),
                                        ('picture', True, 364)]
    # the participant sees one photograph, with the UN's rules
    driver.get(f'{base_url}/event/{seed["event_id"]}/registrations/{seed["section_form_id"]}/')
    _wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, '[data-oewg="representation"]'))
    body = driver.find_element(By.TAG_NAME, 'body').text
    assert body.count('Drag a picture here') == 1  # one picture field
    assert 'Photograph for the grounds pass' in body
    assert 'passport-style' in body
    assert not _severe_errors(driver)


def test_published_list_follows_the_form(server, driver, server_db):
    """Published through the settings dialog; the form hides registrations from the public, so nobody is on it."""
    from selenium.webdriver.common.by import By
    base_url, seed = server[:2]
    _login(driver, base_url, 'manager', seed['password'])
    driver.get(f'{base_url}/event/{seed["event_id"]}/manage/oewg/delegations/')
    _visible(driver, '.js-oewg-delegation-settings').click()
    checkbox = _wait(driver, lambda d: d.find_element(By.CSS_SELECTOR, '.ui-dialog input[name=participants_published]'))
    driver.execute_script('return arguments[0].closest(".ui.toggle.checkbox")', checkbox).click()
    assert checkbox.is_selected()
    next(b for b in driver.find_elements(By.CSS_SELECTOR, '.ui-dialog button, .ui-dialog input[type=submit]')
         if b.is_displayed() and (b.text or b.get_attribute('value')) == 'Save').click()
    _wait(driver, lambda d: 'have been saved' in d.find_element(By.TAG_NAME, 'body').text)
    assert 'The list of participants is published.' in driver.find_element(By.TAG_NAME, 'body').text
    # the approved delegate consented to be shown to participants only: the secretariat's preview has them,
    # the public page nobody (Indico's rules)
    driver.get(f'{base_url}/event/{seed["event_id"]}/manage/oewg/participants/')
    assert 'Hellmut Lagos, Head of delegation, Ambassador' in driver.find_element(By.TAG_NAME, 'body').text
    driver.delete_all_cookies()
    driver.get(f'{base_url}/event/{seed["event_id"]}/oewg/participants/')
    body = driver.find_element(By.TAG_NAME, 'body').text
    assert 'Nobody is listed publicly yet.' in body
    assert 'Lagos' not in body
    assert not _severe_errors(driver)
