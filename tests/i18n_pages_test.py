# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""Every plugin page reads in French, Spanish and Chinese: no string of the plugin's catalogue is left in English.

The demo is seeded, then the plugin's pages are crawled in each language as the admin (management), the demo
delegate (a focal point and statement submitter), the requester of the sample observer requests and the public,
following the links of the plugin's pages as `demo_pages_test` does. On each page the plugin's part (the page's own
content, its error message, and every link to a plugin page anywhere, e.g. Indico's menus) is searched for the
English text of every msgid whose translation differs from it. Indico's frame is left out: it is Indico's catalogue,
not ours. Text marked as another language (``lang="en"``, e.g. the citation in English by design) is left out too.
A string translated when a module is imported instead of when a page is rendered shows up here in English.
"""

import html
import re
from collections import defaultdict, deque
from urllib.parse import urljoin, urlsplit

import lxml.html
import pytest
from babel.messages.pofile import read_po

from indico.modules.users.util import get_user_by_email
from indico.web.flask.util import url_for

from demo.maildomain import address
from demo.seed import seed
from tests.demo_pages_test import LINK, _plugin_endpoint, _plugin_start_pages
from indico_oewg.statements.models.files import LANGUAGE_LABELS
from indico_oewg.statements.models.statements import Statement
from tests.i18n_test import TRANSLATIONS


pytestmark = [pytest.mark.usefixtures('db', 'request_context'),
              pytest.mark.filterwarnings('ignore:The `context` parameter is deprecated:DeprecationWarning')]

LOCALES = ('fr_FR', 'es_ES', 'zh_Hans_CN')
#: Pages opened per endpoint and session (or category): the sessions hold the demo's objects in their different states
PER_ENDPOINT = 1
#: Where a page has the plugin's own content: Indico's page bodies (management, meeting and conference pages, the
#: category page), its error box (the plugin's message in it) and its flashed messages
CONTENT = ('//div[contains(concat(" ", @class, " "), " management-page ")]'
           ' | //div[contains(concat(" ", @class, " "), " meeting-page ")]'
           ' | //div[contains(concat(" ", @class, " "), " conference-page ")]'
           ' | //div[@class="category-content"]'
           ' | //div[@class="error-box"]/p'
           ' | //div[@id="flashed-messages"]')
#: English the demo's people typed (an observer's function): data, not the plugin's text
DEMO_DATA = ('Amina Diallo, Head of delegation',)
#: Downloads and feeds, not pages
NOT_PAGES = re.compile(r'\.(json|atom|csv|xlsx|pdf|docx)$|/files/')
#: Attributes whose text a person reads or hears
TEXT_ATTRIBUTES = ('title', 'placeholder', 'aria-label', 'alt', 'data-title', 'data-confirm', 'data-message')
#: The longest element text taken as one (a paragraph with its links); the page body is seen in its parts
MAX_TEXT = 1500
PLACEHOLDER = re.compile(r'%\([^)]+\)[sdf]|%[sdf]|\{[^{}]*\}')
#: Placeholders that stand for a number ("{count} statements", "%(num)s file"); any other stands for any text
NUMBER_PLACEHOLDER = re.compile(r'%\((count|num|n|limit)\)[sd]|\{(count|num|n|limit)\}')
ANY, NUMBER = '\x00', '\x01'
TAG = re.compile(r'<[^>]+>')


def _catalogue_patterns(locale):
    """``(msgid, clue, regex)`` for each English text of the catalogue that the locale translates differently.

    A placeholder matches any text. A string of one English word must be a whole text ("Delete"); a longer one may
    be part of a text, without the placeholders at its ends ("{n} statements found" is "statements found").
    ``clue`` is a piece of it that a text must contain to be worth the regex.
    """
    with (TRANSLATIONS / locale / 'LC_MESSAGES' / 'messages.po').open('rb') as f:
        catalog = read_po(f)
    patterns = []
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, (list, tuple)) else [message.id]
        strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
        for msgid in ids:
            if msgid in strings:
                continue  # the same in both languages ("JSON", "Atom", a proper name)
            text = ' '.join(html.unescape(TAG.sub(' ', msgid)).split())
            literal = PLACEHOLDER.sub(ANY, NUMBER_PLACEHOLDER.sub(NUMBER, text))
            words = re.findall(r'[A-Za-z]{2,}', literal)
            if not words:
                continue  # nothing English left to see ("{name} ({acronym})")
            whole = len(words) == 1
            if not whole:
                literal = literal.strip(f'{ANY}{NUMBER} ')
            regex = r'\s+'.join(re.escape(part).replace(ANY, '.{1,200}?').replace(NUMBER, r'\d[\d.,\s]*')
                                for part in literal.split(' '))
            clue = max(re.split(f'[{ANY}{NUMBER}]', literal), key=len).strip()
            patterns.append((msgid, clue, re.compile(rf'^{regex}$' if whole
                                                     else rf'(?<![A-Za-z]){regex}(?![A-Za-z])')))
    return patterns


def _texts(element, page_language):
    """The texts of an element a person reads: its text nodes and text attributes, without scripts and text marked
    as another language.
    """
    if not isinstance(element.tag, str) or element.tag in ('script', 'style'):
        return
    lang = element.get('lang')
    if lang and not lang.startswith(page_language):
        return
    if element.tag == 'option' and LANGUAGE_LABELS.get(element.get('value')) == (element.text or '').strip():
        return  # a language named in itself ("English", "Français"), as the archive labels statement files
    for name in TEXT_ATTRIBUTES:
        if value := element.get(name):
            yield ' '.join(value.split())
    if element.tag == 'input' and element.get('type') in ('submit', 'button') and element.get('value'):
        yield element.get('value')
    # the element's text as a whole (a sentence with a link inside is one text) and its own pieces
    own = [element.text or '', *(child.tail or '' for child in element)]
    whole = ' '.join(''.join(_visible_text(element, page_language)).split())
    if whole and len(whole) <= MAX_TEXT:
        yield whole
    for piece in own:
        if piece := ' '.join(piece.split()):
            yield piece
    for child in element:
        yield from _texts(child, page_language)


def _visible_text(element, page_language):
    if not isinstance(element.tag, str) or element.tag in ('script', 'style'):
        return
    lang = element.get('lang')
    if lang and not lang.startswith(page_language):
        return
    yield element.text or ''
    for child in element:
        yield from _visible_text(child, page_language)
        yield child.tail or ''


def _plugin_texts(page, adapter, page_language, plugin_page, data):
    """The texts of the plugin's part of a page: the content of its own pages and its links to its pages anywhere
    (Indico's menus, links it adds to Indico's pages).
    """
    tree = lxml.html.fromstring(page)
    for breadcrumb in tree.xpath('//nav[contains(@class, "main-breadcrumb")]'):
        breadcrumb.drop_tree()  # Indico's frame, naming the category and the event (data, not the plugin's text)
    texts = set()
    if plugin_page:
        for element in tree.xpath(CONTENT):
            texts.update(_texts(element, page_language))
    for link in tree.xpath('//a[@href]'):
        if _plugin_endpoint(adapter, link.get('href')):
            texts.update(_texts(link, page_language))
    for name in data:
        texts = {text.replace(name, ' ') for text in texts}
    return texts


def _crawl(client, adapter, urls):
    """Yield ``(url, endpoint, html)`` for the plugin's HTML pages reached from the URLs, a few per endpoint and
    session; Indico's own pages among the URLs are opened once for the plugin's links on them.
    """
    queue = deque(urls)
    seen = set()
    opened = defaultdict(int)
    while queue:
        url = queue.popleft()
        if url in seen:
            continue
        seen.add(url)
        endpoint = _plugin_endpoint(adapter, url)
        if NOT_PAGES.search(urlsplit(url).path):
            continue
        scope = (endpoint, *re.findall(r'/(?:event|category)/(\d+)', url)[:1])
        if endpoint and opened[scope] >= PER_ENDPOINT:
            continue
        opened[scope] += 1
        resp = client.get(url)
        if resp.mimetype != 'text/html' or resp.status_code in (301, 302, 303):
            resp.close()  # (a download streams from the storage until closed)
            continue
        page = resp.get_data(as_text=True)
        yield url, endpoint, page
        for link in LINK.findall(page):
            target = urljoin(url, link.replace('&amp;', '&'))
            parts = urlsplit(target)
            if parts.netloc not in ('', 'localhost'):
                continue
            target = parts.path + (f'?{parts.query}' if parts.query else '')
            if target not in seen and _plugin_endpoint(adapter, target):
                queue.append(target)


def _start_pages(app, ctx, who):
    sessions = list(ctx['sessions'].values())
    indico_pages = [url_for('categories.display', ctx['working_group'].category),
                    *(url_for('events.display', event) for event in sessions)]
    if who == 'admin':
        return indico_pages + [url_for('event_management.settings', event) for event in sessions] + \
            _plugin_start_pages(app, ctx)
    if who == 'requester':
        return [url_for('plugin_oewg.observers', event) for event in sessions]
    return indico_pages + [url_for(endpoint, event) for event in sessions
                           for endpoint in ('plugin_oewg.statements', 'plugin_oewg.submit_statement',
                                            'plugin_oewg.observers', 'plugin_oewg.participants')]


def _untranslated(texts, patterns):
    """``{msgid: text}`` for the msgids whose English one of the texts contains."""
    found = {}
    for msgid, clue, pattern in patterns:
        if text := next((text for text in texts if clue in text and pattern.search(text)), None):
            found[msgid] = text
    return found


def test_every_plugin_page_is_translated(app, oewg_plugin, client_for):
    with oewg_plugin.plugin_context():
        ctx = seed()
    adapter = app.url_map.bind('localhost')
    users = {'admin': ctx['users']['admin'], 'delegate': ctx['users']['delegate'],
             'requester': get_user_by_email(address('requester')), 'public': None}
    # typed by people, in English: the working group's name (a proper name) and the statements' titles (the demo has a
    # written contribution titled "Written contribution": the mode's title is checked in `i18n_test` instead)
    titles = {title for title, in Statement.query.with_entities(Statement.title) if title}
    data = sorted({ctx['working_group'].name, *titles, *DEMO_DATA}, key=len, reverse=True)
    untranslated = {}
    reached = set()
    for locale in LOCALES:
        patterns = _catalogue_patterns(locale)
        assert len(patterns) > 300
        page_language = locale.split('_')[0]
        checked = set()
        for who, user in users.items():
            client = client_for(user)  # (one test client: each user logs in in turn)
            with client.session_transaction() as sess:
                sess.lang = locale
            for url, endpoint, page in _crawl(client, adapter, _start_pages(app, ctx, who)):
                reached.add(endpoint)
                # (a text is checked once per language: menus and headings repeat on every page)
                texts = _plugin_texts(page, adapter, page_language, bool(endpoint), data) - checked
                checked |= texts
                for msgid, text in _untranslated(texts, patterns).items():
                    untranslated.setdefault((locale, msgid), (who, url, text[:300]))
    # the crawl saw the plugin's pages of each capability (statements, observers, registration, working groups)
    assert {'plugin_oewg.statements', 'plugin_oewg.statement', 'plugin_oewg.working_group_statements',
            'plugin_oewg.manage_statements', 'plugin_oewg.submit_statement', 'plugin_oewg.moderation_queue',
            'plugin_oewg.observers', 'plugin_oewg.observer_request', 'plugin_oewg.manage_observers',
            'plugin_oewg.manage_observer_request', 'plugin_oewg.observer_period', 'plugin_oewg.observer_lists',
            'plugin_oewg.participants', 'plugin_oewg.manage_delegations', 'plugin_oewg.manage_participants',
            'plugin_oewg.manage_session', 'plugin_oewg.manage_working_group'} <= reached
    assert not untranslated, '\n'.join(f'{locale} {msgid!r}: {who} {url}: {text!r}'
                                        for (locale, msgid), (who, url, text) in sorted(untranslated.items()))


@pytest.mark.parametrize(('locale', 'texts', 'expected'), (
    # a whole text, part of a sentence, a count, an attribute's text
    ('es_ES', {'Moderation queue'}, {'Moderation queue'}),
    ('es_ES', {'Se publicó. The list of participants is published.'}, {'The list of participants is published.'}),
    ('fr_FR', {'1,234 statements found.'}, {'%(num)s statements found.'}),
    # translated, the same word in French ("file d'attente"), a one-word string inside a longer text
    ('es_ES', {'Cola de moderación', 'Se han encontrado 3 declaraciones.'}, set()),
    ('fr_FR', {'Ouvrir la file'}, set()),
    ('es_ES', {'Mover a European Space Agency'}, set()),  # "Move {name}" is no prefix of "Mover
    ('zh_Hans_CN', {'Delete this, then Publish'}, set()),
))
def test_untranslated_texts_are_found(locale, texts, expected):
    assert set(_untranslated(texts, _catalogue_patterns(locale))) == expected
