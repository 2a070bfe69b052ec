# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""The statements archive through a real headless Chromium, the way new users take it.

One Indico server for the module (own database, free port, SMTP sink; see ``tests/browser.py``), seeded by
``browser_seed.py`` with a working group, a session, a secretariat user (the ``oewg_secretariat`` permission only),
a delegate and a reader. The tests build on each other and run in file order:

1. the secretariat adds an agenda item and a statement by Kenya with an English PDF and a French DOCX uploaded
   through the form, tries a file that only claims to be a PDF, and publishes the statement;
2. an anonymous visitor finds it on the session page, filters by delegation, downloads the French version and
   reads the permalink's citation;
3. the working-group archive finds it by a word that is only inside the PDF;
4. the secretariat lists the delegate as submitter for Japan; the delegate hands in a statement, it is returned
   with a reason, the delegate hands in another one and it is published; both e-mails arrive; the delegate hands in
   a written contribution, which the public page lists apart once published;
5. the speaker invited to hand in the text of Nigeria's statement delivered from the floor does, and it is public;
6. the secretariat deletes a statement with the row's action icon, after Indico's confirmation (cancelled once).

Elements are found by id, name and URL rather than by English wording wherever the page offers one.
Screenshots, the browser log and the page of a failed test go to ``$OEWG_TEST_OUTPUT/screenshots``.
"""

import os
import re
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from tests.browser import chromium, indico_server, login
from tests.browser import wait as _wait
from tests.statements.browser_seed import WORKING_GROUP
from tests.statements.samples import make_docx, make_pdf


pytestmark = pytest.mark.filterwarnings('ignore::ResourceWarning', 'ignore::DeprecationWarning')

TIMEOUT = 20
#: a word that exists only inside the English PDF (not in any title, name or agenda item)
PDF_ONLY_WORD = 'Zephyrantheum'
DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'


@pytest.fixture(scope='module')
def server(app):
    # (Indico's SQL statistics listener wants an application context for every statement, ours too)
    with app.app_context(), indico_server(Path(__file__).with_name('browser_seed.py')) as live:
        yield live


@pytest.fixture(scope='module')
def server_db(server):
    """Read-only SQL on the server's database (to check what the browser did)."""
    engine = create_engine(server.db_uri)

    def _query(sql, **params):
        with engine.connect() as conn:
            return conn.execute(text(sql), params).fetchall()

    yield _query
    engine.dispose()


@pytest.fixture(scope='module')
def files(tmp_path_factory):
    """The files the users upload: real PDF and DOCX, and a text file named like a PDF."""
    directory = tmp_path_factory.mktemp('statement-files')
    paths = {
        'kenya_en.pdf': make_pdf(f'Statement by Kenya\nOuter space is a shared domain.\n{PDF_ONLY_WORD} orbit'),
        'kenya_fr.docx': make_docx("Déclaration du Kenya\nL'espace extra-atmosphérique est un domaine partagé."),
        'fake.pdf': b'This is a plain text file pretending to be a PDF.\n',
        'japan_draft.pdf': make_pdf('Statement by Japan\nDraft'),
        'japan_en.pdf': make_pdf('Statement by Japan\nFinal version'),
        'japan_fr.docx': make_docx('Déclaration du Japon'),
    }
    for name, data in paths.items():
        (directory / name).write_bytes(data)
    return {name: directory / name for name in paths}


@pytest.fixture(scope='module')
def _browsers(server):
    """One headless Chromium per user for the whole module, logged in once (``None``: an anonymous visitor)."""
    opened = {}

    def _browser(name):
        if name not in opened:
            opened[name] = chromium()
            if name:
                login(opened[name], server.url, name)
        return opened[name]

    yield opened, _browser
    for driver in opened.values():
        driver.quit()


@pytest.fixture
def browser(request, _browsers):
    """``browser(login)``: that user's Chromium; screenshots of the ones a failed test used."""
    opened, get_browser = _browsers
    used = set()

    def _browser(login=None):
        used.add(login)
        return get_browser(login)

    failed_before = request.session.testsfailed
    yield _browser
    if request.session.testsfailed > failed_before and (output := os.environ.get('OEWG_TEST_OUTPUT')):
        path = Path(output) / 'screenshots'
        path.mkdir(parents=True, exist_ok=True)
        for login in used:
            name = f'{request.node.name}-{login or "anonymous"}'
            driver = opened[login]
            driver.save_screenshot(str(path / f'{name}.png'))
            (path / f'{name}.log').write_text('\n'.join(str(entry) for entry in driver.get_log('browser')) +
                                              '\n\n' + driver.page_source)


# --- helpers -------------------------------------------------------------------------------------------------------

def _css(driver, css):
    from selenium.webdriver.common.by import By
    return driver.find_elements(By.CSS_SELECTOR, css)


def _one(driver, css):
    from selenium.webdriver.common.by import By
    element = driver.find_element(By.CSS_SELECTOR, css)
    driver.execute_script('arguments[0].scrollIntoView({block: "center"})', element)
    return element


def _click_and_load(driver, element):
    """Click something that loads a new page and wait until it has."""
    from selenium.webdriver.support import expected_conditions
    html = driver.find_element('tag name', 'html')
    driver.execute_script('arguments[0].scrollIntoView({block: "center"})', element)
    element.click()
    _wait(driver, expected_conditions.staleness_of(html))
    _wait(driver, lambda d: d.execute_script('return document.readyState') == 'complete')


def _body(driver):
    return driver.find_element('tag name', 'body').text


def _confirm(driver, accept=True):
    """Answer Indico's confirmation dialog (its first button confirms, the second cancels)."""
    buttons = _wait(driver, lambda d: [b for b in _css(d, '.ui-dialog .ui-dialog-buttonset button')
                                       if b.is_displayed()])
    return buttons[0 if accept else 1]


def _decoration(driver, link):
    """How a link's text is decorated, as the browser computes it (on the link's text, wherever it is set)."""
    return driver.execute_script('''
        const text = arguments[0].firstElementChild || arguments[0];
        return getComputedStyle(text).textDecorationLine;
    ''', link)


def _flashes(driver, kind):
    """Texts of Indico's flashed messages of one kind (``error``, ``success``, ``warning``)."""
    return [e.text for e in _css(driver, f'#flashed-messages .{kind}-message-box')]


def _fetch(driver, url):
    """Fetch a URL from the page (with its cookies): status, content type, the first bytes as hex."""
    return driver.execute_async_script('''
        const done = arguments[arguments.length - 1];
        fetch(arguments[0], {credentials: 'same-origin'}).then(async r => {
            const bytes = new Uint8Array(await r.arrayBuffer());
            done({status: r.status, type: r.headers.get('content-type'),
                  disposition: r.headers.get('content-disposition'), size: bytes.length,
                  head: Array.from(bytes.slice(0, 4)).map(b => b.toString(16).padStart(2, '0')).join('')});
        }).catch(e => done({error: String(e)}));
    ''', url)


def _stored_files(server):
    """Files in the server's storage backend."""
    return sorted(p for p in (server.log_dir.parent / 'archive').rglob('*') if p.is_file())


def _mails_to(server, address):
    return [m for m in server.smtp.outbox if address in m['To']]


def _mail_text(message):
    parts = message.walk() if message.is_multipart() else [message]
    return '\n'.join(p.get_payload(decode=True).decode(p.get_content_charset() or 'utf-8') for p in parts
                     if p.get_content_type() == 'text/plain')


def _kenya_id(server_db):
    return server_db("SELECT id FROM plugin_oewg.statements WHERE state_code = 'KEN'")[0][0]


# --- 1. the secretariat --------------------------------------------------------------------------------------------

def test_secretariat_reaches_oewg_management_from_event_page(server, browser):
    event_id = server.seed['event_id']
    driver = browser('secretariat')
    driver.get(f'{server.url}/event/{event_id}/')
    manage = _one(driver, f'a[href$="/event/{event_id}/manage/"]')
    _click_and_load(driver, manage)
    assert _css(driver, f'#side-menu-event-management-sidemenu '
                        f'a[href$="/event/{event_id}/manage/oewg/statements/"]')


def test_secretariat_adds_and_publishes_statement(server, browser, server_db, files):
    from selenium.webdriver.support.ui import Select
    base_url, event_id = server.url, server.seed['event_id']
    driver = browser('secretariat')

    # the OEWG section of the event management: the session overview, then "Statements" in the side menu
    driver.get(f'{base_url}/event/{event_id}/manage/oewg/')
    _click_and_load(driver, _one(driver, f'#side-menu-event-management-sidemenu '
                                         f'a[href$="/event/{event_id}/manage/oewg/statements/"]'))
    assert driver.current_url.endswith(f'/event/{event_id}/manage/oewg/statements/')

    # a new agenda item
    _one(driver, 'form.oewg-add-agenda-item input[name=title]').send_keys('General exchange of views')
    _click_and_load(driver, _one(driver, 'form.oewg-add-agenda-item [type=submit]'))
    item_id = server_db('SELECT id FROM plugin_oewg.agenda_items WHERE event_id = :e AND title = :t',
                        e=event_id, t='General exchange of views')[0][0]
    heading = _one(driver, f'h3#agenda-item-{item_id}')
    assert heading.text == 'General exchange of views'

    # a statement by Kenya under it, English PDF and French DOCX uploaded with the form
    _click_and_load(driver, _one(driver, f'a[href$="/manage/oewg/statements/add?agenda_item_id={item_id}"]'))
    assert Select(_one(driver, '#agenda_item')).first_selected_option.get_attribute('value') == str(item_id)
    assert _one(driver, '#speaker_kind input[value=state]').is_selected()
    Select(_one(driver, '#state')).select_by_value('KEN')
    date_input = _one(driver, '#date')
    date_input.send_keys('03032031')  # day and month alike: the same in the dd/mm and mm/dd orders
    assert date_input.get_attribute('value') == '2031-03-03'
    _one(driver, '#meeting').send_keys('3rd meeting')
    Select(_one(driver, '#original_language')).select_by_value('en')
    _one(driver, 'input[type=file][name=file_en]').send_keys(str(files['kenya_en.pdf']))
    _one(driver, 'input[type=file][name=file_fr]').send_keys(str(files['kenya_fr.docx']))
    assert not _one(driver, '#publish').is_selected()
    _click_and_load(driver, _one(driver, '#statement-form [type=submit]'))
    assert not _flashes(driver, 'error')
    match = re.search(r'/manage/oewg/statements/#statement-(\d+)$', driver.current_url)
    assert match, driver.current_url
    statement_id = int(match.group(1))
    row = _one(driver, f'tr#statement-{statement_id}')
    assert 'Kenya' in row.text
    assert [(a.get_attribute('lang'), a.text) for a in row.find_elements('css selector', 'a[lang]')] == \
        [('en', 'English'), ('fr', 'Français')]
    stored = server_db('SELECT language, filename, content_type FROM plugin_oewg.statement_files '
                       'WHERE statement_id = :s ORDER BY language', s=statement_id)
    assert [tuple(r) for r in stored] == [('en', 'kenya_en.pdf', 'application/pdf'),
                                          ('fr', 'kenya_fr.docx', DOCX_TYPE)]
    assert server_db('SELECT status FROM plugin_oewg.statements WHERE id = :s', s=statement_id)[0][0] == 1

    # not published yet: the public does not see it
    anonymous = browser(None)
    anonymous.get(f'{base_url}/event/{event_id}/statements/')
    assert _css(anonymous, 'li.oewg-statement')  # Germany's
    assert not _css(anonymous, f'#statement-{statement_id}')
    anonymous.get(f'{base_url}/event/{event_id}/statements/{statement_id}/')
    assert not _css(anonymous, 'p.oewg-citation')

    # a file that only claims to be a PDF: a clear message, nothing stored
    statements_before = server_db('SELECT count(*) FROM plugin_oewg.statements')[0][0]
    files_before = server_db('SELECT count(*) FROM plugin_oewg.statement_files')[0][0]
    stored_before = _stored_files(server)
    driver.get(f'{base_url}/event/{event_id}/manage/oewg/statements/add?agenda_item_id={item_id}')
    Select(_one(driver, '#state')).select_by_value('BRA')
    _one(driver, 'input[type=file][name=file_en]').send_keys(str(files['fake.pdf']))
    _click_and_load(driver, _one(driver, '#statement-form [type=submit]'))
    errors = _flashes(driver, 'error')
    # '"fake.pdf" is neither a PDF nor a Word (DOCX) document.'
    assert len(errors) == 1
    assert '"fake.pdf"' in errors[0]
    assert 'PDF' in errors[0].replace('fake.pdf', '')
    assert driver.current_url.endswith(f'/manage/oewg/statements/add?agenda_item_id={item_id}')
    assert server_db('SELECT count(*) FROM plugin_oewg.statements')[0][0] == statements_before
    assert server_db('SELECT count(*) FROM plugin_oewg.statement_files')[0][0] == files_before
    assert _stored_files(server) == stored_before
    # the form kept what was entered
    assert Select(_one(driver, '#state')).first_selected_option.get_attribute('value') == 'BRA'

    # publish from the list: the row's action icon
    driver.get(f'{base_url}/event/{event_id}/manage/oewg/statements/')
    row = _one(driver, f'tr#statement-{statement_id}')
    assert not row.find_elements('css selector', '.i-button.danger')  # no solid red button on every row
    _click_and_load(driver, row.find_element('css selector', 'a.icon-eye[data-href$="/publish"]'))
    assert not _flashes(driver, 'error')
    assert server_db('SELECT status FROM plugin_oewg.statements WHERE id = :s', s=statement_id)[0][0] == 2
    row = _one(driver, f'tr#statement-{statement_id}')
    assert row.find_elements('css selector', 'a.icon-eye-blocked[data-href$="/publish"]')  # now it unpublishes
    # the row's five action icons on one line
    tops = driver.execute_script('return [...arguments[0].querySelectorAll(".entry-action-buttons a")]'
                                 '.map(a => Math.round(a.getBoundingClientRect().top))', row)
    assert len(tops) == 5 and len(set(tops)) == 1, tops
    # a link in running text is underlined, not told apart by its colour alone
    public_page = _one(driver, f'.action-box a[href$="/event/{event_id}/statements/"]')
    assert 'underline' in _decoration(driver, public_page)


# --- 2. the public -------------------------------------------------------------------------------------------------

def test_visitor_filters_downloads_and_cites(server, browser, server_db):
    from selenium.webdriver.support.ui import Select
    base_url, event_id = server.url, server.seed['event_id']
    driver = browser(None)
    statement_id = _kenya_id(server_db)
    germany_id = server_db("SELECT id FROM plugin_oewg.statements WHERE state_code = 'DEU'")[0][0]

    # the conference menu of the session leads to the statements
    driver.get(f'{base_url}/event/{event_id}/')
    _click_and_load(driver, _one(driver, f'a[href$="/event/{event_id}/statements/"]'))
    agenda_items = [h.text for h in _css(driver, 'h3.oewg-agenda-item')]
    assert agenda_items == ['Opening of the session', 'General exchange of views']
    line = _one(driver, f'li#statement-{statement_id}')
    # under its agenda item
    assert driver.execute_script('''
        let el = arguments[0].closest('ul').previousElementSibling;
        return el && el.textContent.trim();
    ''', line) == 'General exchange of views'
    assert line.find_element('css selector', f'a[href$="/event/{event_id}/statements/{statement_id}/"]').text == \
        'Statement by Kenya'
    links = {a.get_attribute('lang'): a for a in line.find_elements('css selector', 'a[lang]')}
    assert {lang: a.text for lang, a in links.items()} == {'en': 'English', 'fr': 'Français'}
    assert _css(driver, f'li#statement-{germany_id}')

    # filter by delegation
    Select(_one(driver, 'form.oewg-statement-filters select[name=delegation]')).select_by_value('state:KEN')
    _click_and_load(driver, _one(driver, 'form.oewg-statement-filters button[type=submit]'))
    assert 'delegation=state%3AKEN' in driver.current_url
    assert [e.get_attribute('id') for e in _css(driver, 'li.oewg-statement')] == [f'statement-{statement_id}']
    assert [h.text for h in _css(driver, 'h3.oewg-agenda-item')] == ['General exchange of views']

    # the language versions, fetched from the page as the links give them
    line = _one(driver, f'li#statement-{statement_id}')
    french = _fetch(driver, line.find_element('css selector', 'a[lang=fr]').get_attribute('href'))
    assert (french['status'], french['type'], french['head']) == (200, DOCX_TYPE, '504b0304')  # PK\3\4
    english = _fetch(driver, line.find_element('css selector', 'a[lang=en]').get_attribute('href'))
    assert (english['status'], english['type'], english['head']) == (200, 'application/pdf', '25504446')  # %PDF

    # the permalink and its citation
    _click_and_load(driver, line.find_element('css selector', f'a[href$="/statements/{statement_id}/"]'))
    assert driver.current_url == f'{base_url}/event/{event_id}/statements/{statement_id}/'
    citation = _one(driver, 'p.oewg-citation').text
    assert citation == (f'Statement by Kenya, Fourth session of the {WORKING_GROUP}, General exchange of views, '
                        f'3rd meeting, 3 March 2031. {base_url}/event/{event_id}/statements/{statement_id}/')
    assert [a.get_attribute('lang') for a in _css(driver, '.oewg-statement-detail a[lang]')] == ['en', 'fr']
    back = _one(driver, f'.oewg-statement-detail p a[href$="/event/{event_id}/statements/"]')
    assert 'underline' in _decoration(driver, back)


# --- 3. the working-group archive ----------------------------------------------------------------------------------

def test_archive_finds_word_inside_the_pdf(server, browser, server_db):
    base_url, event_id, category_id = server.url, server.seed['event_id'], server.seed['category_id']
    statement_id = _kenya_id(server_db)
    # a plain logged-in user, from the session page's link to all sessions
    driver = browser('reader')
    driver.get(f'{base_url}/event/{event_id}/statements/')
    _click_and_load(driver, _one(driver, f'form.oewg-statement-filters '
                                         f'a[href$="/category/{category_id}/statements/"]'))
    assert driver.current_url == f'{base_url}/category/{category_id}/statements/'
    assert len(_css(driver, 'li.oewg-statement')) == 2

    search = _one(driver, 'form.oewg-statement-filters input[name=q]')
    search.send_keys(PDF_ONLY_WORD.lower())
    _click_and_load(driver, _one(driver, 'form.oewg-statement-filters button[type=submit]'))
    assert [e.get_attribute('id') for e in _css(driver, 'li.oewg-statement')] == [f'statement-{statement_id}']
    assert _one(driver, f'li#statement-{statement_id} a[href$="/statements/{statement_id}/"]').text == \
        'Statement by Kenya'
    assert _one(driver, 'h3.oewg-session a').get_attribute('href').endswith(f'/event/{event_id}/statements/')

    # a word nowhere: nothing
    search = _one(driver, 'form.oewg-statement-filters input[name=q]')
    search.clear()
    search.send_keys('Quixotically')
    _click_and_load(driver, _one(driver, 'form.oewg-statement-filters button[type=submit]'))
    assert not _css(driver, 'li.oewg-statement')


# --- 4. a delegation hands in its statements -----------------------------------------------------------------------

def _hand_in(driver, base_url, event_id, item_id, uploads, mode='oral'):
    from selenium.webdriver.support.ui import Select
    driver.get(f'{base_url}/event/{event_id}/statements/submit')
    assert Select(_one(driver, '#delegation')).first_selected_option.get_attribute('value') == 'state:JPN'
    Select(_one(driver, '#agenda_item')).select_by_value(str(item_id))
    # Indico shows the radio choices as buttons: their labels are what is clicked
    radio = driver.find_element('css selector', f'input[name=mode][value={mode}]')
    _one(driver, f'label[for="{radio.get_attribute("id")}"]').click()
    assert radio.is_selected()
    for language, path in uploads.items():
        _one(driver, f'input[type=file][name=file_{language}]').send_keys(str(path))
    _click_and_load(driver, _one(driver, '#submit-statement-form [type=submit]'))
    assert not _flashes(driver, 'error')
    assert driver.current_url == f'{base_url}/event/{event_id}/statements/submit'


def _moderate(driver, base_url, event_id, statement_id, filenames, reason=None):
    driver.get(f'{base_url}/event/{event_id}/manage/oewg/statements/')
    _click_and_load(driver, _one(driver, f'a[href$="/event/{event_id}/manage/oewg/statements/moderation"]'))
    box = _one(driver, f'#statement-{statement_id}.oewg-pending-statement')
    assert 'Japan' in box.find_element('css selector', '.i-box-title').text
    links = box.find_elements('css selector', f'a[href*="/statements/{statement_id}/files/"]')
    assert [a.get_attribute('href').rsplit('/', 1)[1] for a in links] == filenames
    assert _fetch(driver, links[0].get_attribute('href'))['status'] == 200
    if reason is None:
        box.find_element('css selector', 'button[data-href$="/moderate"]').click()
        _click_and_load(driver, _confirm(driver))
    else:
        box.find_element('css selector', 'textarea[name=reason]').send_keys(reason)
        _click_and_load(driver, box.find_element('css selector', 'form.oewg-return-form [type=submit]'))
    assert not _flashes(driver, 'error')


def _wait_for_mails(server, address, count):
    deadline = time.time() + TIMEOUT
    while time.time() < deadline and len(_mails_to(server, address)) < count:
        time.sleep(0.2)
    return _mails_to(server, address)


def test_delegate_hands_in_secretariat_moderates(server, browser, server_db, files):
    base_url, event_id = server.url, server.seed['event_id']
    item_id = server_db('SELECT id FROM plugin_oewg.agenda_items WHERE event_id = :e AND title = :t',
                        e=event_id, t='General exchange of views')[0][0]

    # the secretariat lists the delegate as submitter for Japan
    secretariat = browser('secretariat')
    secretariat.get(f'{base_url}/event/{event_id}/manage/oewg/statements/')
    _click_and_load(secretariat, _one(secretariat, f'a[href$="/event/{event_id}/manage/oewg/statements/submitters"]'))
    _one(secretariat, 'form input[name=email]').send_keys('delegate@example.com')
    _one(secretariat, 'form input[name=delegation]').send_keys('Japan')
    _click_and_load(secretariat, _one(secretariat, 'form:has(input[name=email]) [type=submit]'))
    assert not _flashes(secretariat, 'error')
    assert 'delegate@example.com' in _body(secretariat)
    assert server_db('SELECT state_code FROM plugin_oewg.statement_submitters WHERE user_id = :u',
                     u=server.seed['users']['delegate'])[0][0] == 'JPN'

    # the delegate hands in a draft
    delegate = browser('delegate')
    _hand_in(delegate, base_url, event_id, item_id, {'en': files['japan_draft.pdf']})
    draft_id, status = server_db("SELECT id, status FROM plugin_oewg.statements WHERE state_code = 'JPN'")[0]
    assert status == 3  # pending
    assert 'Japan' in _one(delegate, 'table.oewg-my-statements').text
    delegate.get(f'{base_url}/event/{event_id}/statements/')
    assert not _css(delegate, f'#statement-{draft_id}')

    # the secretariat returns it with a reason
    _moderate(secretariat, base_url, event_id, draft_id, ['japan_draft.pdf'],
              reason='Please add the French version.')
    assert server_db('SELECT status, return_reason FROM plugin_oewg.statements WHERE id = :s', s=draft_id)[0] == \
        (4, 'Please add the French version.')
    returned_mail, = _wait_for_mails(server, 'delegate@example.com', 1)
    assert 'Please add the French version.' in _mail_text(returned_mail)
    assert f'{base_url}/event/{event_id}/statements/submit' in _mail_text(returned_mail)

    # the delegate sees why and hands in the corrected statement
    delegate.get(f'{base_url}/event/{event_id}/statements/submit')
    assert 'Please add the French version.' in _one(delegate, 'table.oewg-my-statements').text
    _hand_in(delegate, base_url, event_id, item_id, {'en': files['japan_en.pdf'], 'fr': files['japan_fr.docx']})
    final_id = server_db("SELECT id FROM plugin_oewg.statements WHERE state_code = 'JPN' AND status = 3")[0][0]

    # the secretariat publishes it
    _moderate(secretariat, base_url, event_id, final_id, ['japan_en.pdf', 'japan_fr.docx'])
    assert server_db('SELECT status FROM plugin_oewg.statements WHERE id = :s', s=final_id)[0][0] == 2
    published_mail = _wait_for_mails(server, 'delegate@example.com', 2)[1]
    permalink = f'{base_url}/event/{event_id}/statements/{final_id}/'
    assert permalink in _mail_text(published_mail)

    # it is public, with both language versions; the returned draft is not
    reader = browser('reader')
    reader.get(f'{base_url}/event/{event_id}/statements/')
    line = _one(reader, f'li#statement-{final_id}')
    assert line.find_element('css selector', f'a[href$="/statements/{final_id}/"]').text == 'Statement by Japan'
    assert [a.get_attribute('lang') for a in line.find_elements('css selector', 'a[lang]')] == ['en', 'fr']
    assert not _css(reader, f'#statement-{draft_id}')
    reader.get(permalink)
    assert _one(reader, 'p.oewg-citation').text.startswith('Statement by Japan, Fourth session of the ')

    # a written contribution (a statement there was no time to deliver): moderated the same way, listed apart
    _hand_in(delegate, base_url, event_id, item_id, {'en': files['japan_en.pdf']}, mode='written')
    written_id, mode = server_db("SELECT id, mode FROM plugin_oewg.statements WHERE state_code = 'JPN' "
                                 'AND status = 3')[0]
    assert mode == 2
    _moderate(secretariat, base_url, event_id, written_id, ['japan_en.pdf'])
    reader.get(f'{base_url}/event/{event_id}/statements/')
    written = _one(reader, f'li#statement-{written_id}')
    assert driver_text(reader, 'return arguments[0].closest("ul").previousElementSibling.textContent', written) == \
        'Written contributions'
    assert 'oewg-written' in written.find_element('xpath', '..').get_attribute('class')
    assert _one(reader, f'li#statement-{final_id}').find_element('xpath', '..').get_attribute('class') == \
        'oewg-statement-list'


def driver_text(driver, script, element):
    return driver.execute_script(script, element).strip()


# --- 5. the text of a statement delivered from the floor -----------------------------------------------------------

def test_speaker_hands_in_the_text_of_a_delivered_statement(server, browser, server_db, files):
    base_url, event_id = server.url, server.seed['event_id']
    statement_id, status = server_db("SELECT id, status FROM plugin_oewg.statements WHERE state_code = 'NGA'")[0]
    assert status == 5  # delivered, awaiting its text
    anonymous = browser(None)
    anonymous.get(f'{base_url}/event/{event_id}/statements/')
    assert not _css(anonymous, f'li#statement-{statement_id}')
    # the invitation's link: the hand-in page, at the statement
    speaker = browser('speaker')
    speaker.get(f'{base_url}/event/{event_id}/statements/submit#statement-{statement_id}')
    box = _one(speaker, f'#statement-{statement_id}.oewg-text-to-hand-in')
    assert 'Nigeria' in box.find_element('css selector', '.i-box-title').text
    assert not _css(speaker, '#submit-statement-form')  # the speaker hands in nothing else
    box.find_element('css selector', 'input[type=file][name=file_en]').send_keys(str(files['kenya_en.pdf']))
    _click_and_load(speaker, box.find_element('css selector', '[type=submit]'))
    assert not _flashes(speaker, 'error')
    assert speaker.current_url == f'{base_url}/event/{event_id}/statements/{statement_id}/'
    assert server_db('SELECT status FROM plugin_oewg.statements WHERE id = :s', s=statement_id)[0][0] == 2
    anonymous.get(f'{base_url}/event/{event_id}/statements/')
    line = _one(anonymous, f'li#statement-{statement_id}')
    assert [a.get_attribute('lang') for a in line.find_elements('css selector', 'a[lang]')] == ['en']


# --- 6. deleting, with Indico's confirmation -----------------------------------------------------------------------

def test_secretariat_deletes_with_confirmation(server, browser, server_db):
    base_url, event_id = server.url, server.seed['event_id']
    germany_id = server_db("SELECT id FROM plugin_oewg.statements WHERE state_code = 'DEU'")[0][0]
    driver = browser('secretariat')
    driver.get(f'{base_url}/event/{event_id}/manage/oewg/statements/')
    delete = _one(driver, f'tr#statement-{germany_id} a.icon-remove[data-href$="/delete"]')
    assert delete.get_attribute('data-method') == 'POST' and delete.get_attribute('data-confirm')
    # cancelled: nothing happens
    delete.click()
    _confirm(driver, accept=False).click()
    _wait(driver, lambda d: not [d for d in _css(d, '.ui-dialog') if d.is_displayed()])
    assert server_db('SELECT count(*) FROM plugin_oewg.statements WHERE id = :s', s=germany_id)[0][0] == 1
    # confirmed: deleted
    _one(driver, f'tr#statement-{germany_id} a.icon-remove[data-href$="/delete"]').click()
    _click_and_load(driver, _confirm(driver))
    assert _flashes(driver, 'success')
    assert not _css(driver, f'tr#statement-{germany_id}')
    assert server_db('SELECT count(*) FROM plugin_oewg.statements WHERE id = :s', s=germany_id)[0][0] == 0
