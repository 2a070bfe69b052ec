# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""Accessibility: axe-core (WCAG 2.1 A and AA rules) in headless Chromium on every page of the plugin.

One Indico server for the module (see ``tests/browser.py``), seeded with the OEWG demo by ``a11y_seed.py``. In each
language of the UI, every plugin page the seed lists (public, delegation and management pages; empty and full) is
opened by the user who would open it, then the plugin's dialogs are opened on their pages. axe-core, the version
pinned in package.json (``make assets`` runs ``npm ci``), is injected into each page through Selenium and checks the
plugin's own content only: ``.oewg-page`` (the plugin's templates, see ``templates/base/``), the OEWG delegation
field (``.oewg-delegation``) and the content of an open dialog. Indico's header, menus and footer are not ours to fix.
Any violation, of any impact, fails the test with its rule, page and element.

The figures of each run (pages, checks, violations) are written to ``$OEWG_TEST_OUTPUT/a11y-<locale>.json``.
"""

import json
import os
import time
from collections import Counter
from pathlib import Path

import pytest

from tests.browser import chromium, indico_server
from tests.browser import login as _login
from tests.browser import wait as _wait


pytestmark = pytest.mark.filterwarnings('ignore::ResourceWarning', 'ignore::DeprecationWarning')

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / 'node_modules' / 'axe-core' / 'axe.min.js'
#: the rules of WCAG 2.0 and 2.1, levels A and AA
TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']
#: the plugin's own content on a page
SCOPE = '.oewg-page, .oewg-delegation'
DIALOG_SCOPE = '.ui-dialog-content'
#: Indico's own widgets inside the plugin's forms, counted apart (they are the same on Indico's own pages): the user
#: picker of a principal list field has a decorative "add" icon button without a name
INDICO_WIDGETS = '[id^="userGroupList-"]'
#: the UI's languages: Indico's locales the plugin has complete catalogues for
LOCALES = ('en_GB', 'fr_FR', 'es_ES', 'zh_Hans_CN')
#: plugin GET endpoints that are no HTML page (files, feeds, JSON, exports, documents)
NOT_PAGES = {'static', 'statements_json', 'statements_atom', 'working_group_statements_json',
             'working_group_statements_atom', 'observers_json', 'download_statement_file', 'observer_file',
             'observer_export', 'observer_objections_report', 'observer_lists_document', 'participants_pdf',
             'participants_docx', 'participants_xlsx', 'speakers_json', 'speakers_pdf', 'speakers_docx'}
#: plugin GET endpoints answering the content of a dialog, opened from a page by the button (CSS selector)
DIALOGS = {
    'observer_ask_information': ('pending_request_url', '.js-observer-ask-information'),
    'observer_decline': ('pending_request_url', '.js-observer-decline'),
    'observer_edit_organization': ('pending_request_url', '.js-observer-edit-organization'),
    'observer_merge': ('pending_request_url', '.js-observer-merge'),
    'observer_revoke': ('accreditations_url', '.js-observer-revoke'),
    'delegation_settings': ('delegations_url', '.js-oewg-delegation-settings'),
    'add_focal_points': ('delegations_url', '.js-oewg-name-focal-points'),
    'speakers_open': ('speakers_finished_overview_url', '.js-oewg-open-list'),
    'speakers_deadline': ('speakers_overview_url', '.js-oewg-deadline'),
    'speakers_rules': ('speakers_overview_url', '.js-oewg-rules'),
    'speakers_add': ('speakers_console_url', '.js-oewg-add-speaker'),
    'speaker_move': ('speakers_console_url', 'a[data-ajax-dialog][data-href$="/move"]'),
    'speaker_exchange': ('speakers_console_url', 'a[data-ajax-dialog][data-href$="/exchange"]'),
    'speaker_edit': ('speakers_console_url', 'a[data-ajax-dialog][data-href$="/edit"]'),
}
#: confirmation dialogs (Indico's, with the plugin's question): page, user, button
CONFIRMATIONS = (
    ('pending_request_url', 'admin', '.js-observer-confirm'),
    ('manage_statements_url', 'admin', '.oewg-page [data-confirm]'),
    ('info_request_url', 'requester', '.oewg-request-actions [data-confirm]'),
)


@pytest.fixture(scope='module')
def server(app):
    with app.app_context(), indico_server(Path(__file__).with_name('a11y_seed.py')) as live:
        yield live


@pytest.fixture(scope='module')
def axe_source():
    assert AXE.is_file(), f'{AXE} is missing: `make assets` (npm ci) installs the pinned axe-core'
    return AXE.read_text()


@pytest.fixture(scope='module')
def browser(server):
    driver = chromium()
    driver.set_script_timeout(180)
    yield driver
    driver.quit()


class Session:
    """The browser as one user in one language; ``scan`` runs axe-core on the current page."""

    def __init__(self, driver, server, axe_source, locale):
        self.driver = driver
        self.base_url = server.url
        self.password = server.seed['password']
        self.axe_source = axe_source
        self.locale = locale
        self.user = ...

    def become(self, user):
        if user == self.user:
            return
        self.driver.delete_all_cookies()
        if user is None:
            self.driver.get(f'{self.base_url}/')
        else:
            _login(self.driver, self.base_url, user, self.password)
        status = self.driver.execute_async_script('''
            const [locale, done] = arguments;
            fetch('/change-language', {
                method: 'POST',
                headers: {'X-CSRF-Token': document.getElementById('csrf-token').content,
                          'Content-Type': 'application/x-www-form-urlencoded'},
                body: new URLSearchParams({lang: locale}),
            }).then(resp => done(resp.status), err => done(String(err)));
        ''', self.locale)
        assert status == 204, status
        self.user = user

    def open(self, url):
        self.driver.get(f'{self.base_url}{url}')
        _wait(self.driver, lambda d: d.execute_script('return document.readyState') == 'complete')
        lang = self.driver.execute_script('return document.documentElement.lang')
        assert lang == self.locale.split('_')[0], (url, lang)

    def settle(self):
        """Wait until the page has stopped changing (React widgets mounted, a dialog's content arrived)."""
        self.driver.execute_async_script('''
            const done = arguments[0];
            let timer = setTimeout(finish, 400);
            const observer = new MutationObserver(() => {
                clearTimeout(timer);
                timer = setTimeout(finish, 400);
            });
            const limit = setTimeout(finish, 8000);
            function finish() {
                observer.disconnect();
                clearTimeout(limit);
                done();
            }
            observer.observe(document.body, {childList: true, subtree: true, attributes: true, characterData: true});
        ''')

    def _axe(self, include, exclude):
        if not self.driver.execute_script('return !!window.axe'):
            self.driver.execute_script(self.axe_source)
        result = self.driver.execute_async_script('''
            const [include, exclude, tags, done] = arguments;
            const included = Array.from(document.querySelectorAll(include));
            if (!included.length) {
                done({error: `nothing matches ${include}`});
                return;
            }
            const context = exclude && document.querySelector(exclude)
                ? {include: included, exclude: [[exclude]]} : {include: included};
            axe.run(context,
                    {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']}).then(
                result => done({
                    checks: result.passes.length + result.violations.length + result.incomplete.length,
                    violations: result.violations.map(v => ({
                        id: v.id, impact: v.impact, help: v.help,
                        nodes: v.nodes.map(n => ({target: n.target.join(' '), html: n.html.slice(0, 300),
                                                  summary: n.failureSummary})),
                    })),
                }),
                err => done({error: String(err)}),
            );
        ''', include, exclude, TAGS)
        assert 'error' not in result, (self.driver.current_url, result['error'])
        return result

    def scan(self, scope=SCOPE):
        """axe-core on the elements matching ``scope``, Indico's widgets in them apart:
        ``{checks, violations: [{id, impact, help, nodes: [{target, html, summary}]}], indico: [...]}``.
        """
        result = self._axe(scope, INDICO_WIDGETS)
        inside = ', '.join(f'{part.strip()} {INDICO_WIDGETS}' for part in scope.split(','))
        has_widgets = self.driver.execute_script('return !!document.querySelector(arguments[0])', inside)
        result['indico'] = self._axe(inside, None)['violations'] if has_widgets else []
        return result


def _describe(found):
    return '\n'.join(
        f'{where}: {v["id"]} ({v["impact"]}) {v["help"]}\n    {node["target"]}\n    {node["html"]}\n    '
        f'{node["summary"]}'.replace('\n', '\n    ')
        for where, violations in found for v in violations for node in v['nodes'])


class Findings:
    """What the scans of one run found: violations in the plugin's content (which fail the test), those of Indico's
    own widgets inside it (reported apart), and how many pages and checks there were.
    """

    def __init__(self):
        self.violations = []
        self.indico = []
        self.pages = 0
        self.checks = 0

    def add(self, where, result):
        self.pages += 1
        self.checks += result['checks']
        if result['violations']:
            self.violations.append((where, result['violations']))
        if result['indico']:
            self.indico.append((where, result['indico']))

    def write(self, locale, seconds):
        if not (output := os.environ.get('OEWG_TEST_OUTPUT')):
            return

        def nodes(found):
            return [(v['id'], v['impact']) for __, violations in found for v in violations for __ in v['nodes']]

        Path(output, f'a11y-{locale}.json').write_text(json.dumps({
            'locale': locale, 'pages': self.pages, 'checks': self.checks, 'seconds': round(seconds),
            'violating_nodes': len(nodes(self.violations)),
            'by_impact': Counter(impact for __, impact in nodes(self.violations)),
            'by_rule': Counter(rule for rule, __ in nodes(self.violations)),
            'indico_widgets': Counter(f'{rule} ({impact})' for rule, impact in nodes(self.indico)),
            'violations': self.violations, 'indico_widget_violations': self.indico,
        }, indent=2))


def _visible(driver, css):
    from selenium.webdriver.common.by import By
    return _wait(driver, lambda d: next((e for e in d.find_elements(By.CSS_SELECTOR, css) if e.is_displayed()), None))


def _open_dialog(session, button):
    driver = session.driver
    element = _visible(driver, button)
    driver.execute_script('arguments[0].scrollIntoView({block: "center"})', element)
    element.click()
    # an ajax dialog shows once its content has arrived; Indico's widgets in it are mounted after that
    _wait(driver, lambda d: d.execute_script('''
        const content = Array.from(document.querySelectorAll('.ui-dialog-content')).find(e => e.offsetParent);
        return !!content && content.textContent.trim().length > 0 && !content.querySelector('.loading');
    '''))
    session.settle()


def _check_pages(session, pages, findings):
    for user in sorted({p['user'] for p in pages}, key=str):
        session.become(user)
        for page in (p for p in pages if p['user'] == user):
            session.open(page['url'])
            findings.add(f'{page["endpoint"]} ({page["state"]}, {user or "visitor"}) {page["url"]}', session.scan())


def _check_dialogs(session, seed, findings):
    dialogs = [(page, 'admin', button, name) for name, (page, button) in DIALOGS.items()]
    dialogs += [(page, user, button, f'confirmation {button}') for page, user, button in CONFIRMATIONS]
    for page, user, button, name in dialogs:
        session.become(user)
        session.open(seed[page])
        _open_dialog(session, button)
        findings.add(f'dialog {name} on {seed[page]}', session.scan(DIALOG_SCOPE))


def _check_registration_form(session, seed, findings):
    """The OEWG delegation field on Indico's registration form: as it opens, with the list of States open, left
    incomplete (its own error message), with an organization chosen, and after a submission Indico refused because
    the field is empty (Indico lists the fields to review above its button).
    """
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import Select
    driver = session.driver
    url = seed['regform_url']
    session.become('delegate')
    session.open(url)
    representation = _visible(driver, 'select[data-oewg="representation"]')
    session.settle()
    findings.add(f'registration form (as it opens) {url}', session.scan())
    Select(representation).select_by_value('member_state')
    combobox = _visible(driver, '[data-oewg="delegation"] input[role="combobox"]')
    combobox.send_keys(Keys.ARROW_DOWN)  # every State, in any language
    _visible(driver, '[role="listbox"] [role="option"]')
    findings.add(f'registration form (list of States open) {url}', session.scan())
    # the focus leaves the field with no State chosen
    driver.execute_script('document.querySelector(\'input[name="email"]\').focus()')
    _visible(driver, '.oewg-delegation [data-oewg="error"]')
    assert combobox.get_attribute('aria-invalid') == 'true'
    findings.add(f'registration form (left without a State) {url}', session.scan())
    Select(representation).select_by_value('un_body')
    session.settle()
    findings.add(f'registration form (an organization) {url}', session.scan())

    session.open(url)
    _visible(driver, 'select[data-oewg="representation"]')
    submit = _wait(driver, lambda d: [b for b in d.find_elements(By.CSS_SELECTOR, 'form button[type="submit"]')
                                      if b.is_displayed()] or None)[-1]
    driver.execute_script('arguments[0].scrollIntoView({block: "center"})', submit)
    submit.click()
    _visible(driver, '[class*="form-error-list"]')
    session.settle()
    findings.add(f'registration form (failed submission) {url}', session.scan())


def test_every_plugin_page_is_checked(server, app):
    """The seed lists every HTML page of the plugin, and every dialog is opened: a new page must be added there."""
    endpoints = {rule.endpoint.removeprefix('plugin_oewg.') for rule in app.url_map.iter_rules()
                 if rule.endpoint.startswith('plugin_oewg.') and 'GET' in rule.methods}
    checked = {page['endpoint'] for page in server.seed['pages']} | set(DIALOGS)
    assert endpoints - NOT_PAGES - checked == set()
    assert len(server.seed['pages']) >= 45


@pytest.mark.parametrize('locale', LOCALES)
def test_no_axe_violations_in_the_plugins_content(server, browser, axe_source, locale):
    start = time.monotonic()
    session = Session(browser, server, axe_source, locale)
    findings = Findings()
    _check_pages(session, server.seed['pages'], findings)
    _check_dialogs(session, server.seed, findings)
    _check_registration_form(session, server.seed, findings)
    findings.write(locale, time.monotonic() - start)
    assert not findings.violations, \
        f"axe-core violations in the plugin's content ({locale}):\n{_describe(findings.violations)}"


#: a page, who opens it, the labelled control whose label is removed, the rule that must then fail
REMOVED_LABELS = {
    'agenda item title': ('manage_statements_url', 'admin', '.oewg-page .oewg-agenda input[name="title"]', 'label'),
    'delegation field': ('regform_url', 'delegate', '.oewg-delegation select[data-oewg="representation"]',
                         'select-name'),
}


@pytest.mark.parametrize('case', REMOVED_LABELS)
def test_a_removed_label_is_a_violation(server, browser, axe_source, case):
    """The check finds what it is there for: without its label, a control of the plugin is a violation."""
    from selenium.webdriver.common.by import By
    page, user, control, rule = REMOVED_LABELS[case]
    session = Session(browser, server, axe_source, 'en_GB')
    session.become(user)
    session.open(server.seed[page])
    _visible(browser, control)
    session.settle()
    assert not session.scan()['violations']
    element = browser.find_element(By.CSS_SELECTOR, control)
    assert element.accessible_name
    browser.execute_script('''
        const control = arguments[0];
        Array.from(control.labels).forEach(label => label.remove());
        for (const name of ['aria-label', 'aria-labelledby', 'title', 'placeholder']) {
            control.removeAttribute(name);
        }
    ''', element)
    assert not element.accessible_name
    violations = session.scan()['violations']
    assert [v['id'] for v in violations] == [rule]
    assert violations[0]['impact'] == 'critical'
    assert len(violations[0]['nodes']) == 1
