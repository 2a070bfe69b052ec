# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""The French, Spanish and Chinese translations are complete and compiled, for the Python/Jinja catalogue and the
React one; statement headings, State names, dates and numbers follow the UI's language.
"""

import json
import re
import subprocess
from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from indico.util.i18n import force_locale
from indico.web.flask.templating import get_template_module
from indico.web.flask.util import url_for

from indico_oewg.delegations import Delegation
from indico_oewg.states import get_state_choices
from indico_oewg.statements.headings import english_heading, statement_heading
from indico_oewg.statements.render import format_count
from indico_oewg.statements.errors import StatementError
from indico_oewg.statements.models.statements import Statement, StatementStatus
from indico_oewg.statements.operations import create_agenda_item, create_statement
from indico_oewg.statements.parsing import parse_joining_states


ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / 'indico_oewg' / 'translations'
LOCALES = sorted(p.name for p in TRANSLATIONS.iterdir() if (p / 'LC_MESSAGES').is_dir())
DOMAINS = ('messages', 'messages-react')
CATALOGUES = [(locale, domain) for locale in LOCALES for domain in DOMAINS]
# {name}, {} and {name}...{/name} (str.format, react-jsx-i18n), %(name)s (Jinja), %s
PLACEHOLDER_RE = re.compile(r'\{/?[^{}]*\}|%\([^)]+\)[sdfr]|%[sdfr]')
HTML_TAG_RE = re.compile(r'<[^>]+>')


def _read_po(path):
    with path.open('rb') as f:
        return read_po(f)


def _key(message):
    """A message's identity in a catalogue: its context and singular msgid."""
    msgid = message.id[0] if isinstance(message.id, (list, tuple)) else message.id
    # (Babel reads the context of a .mo file as bytes)
    context = message.context.decode() if isinstance(message.context, bytes) else message.context
    return context, msgid


def _messages(catalog):
    return {_key(m): m for m in catalog if m.id}


def _forms(message):
    return list(message.string) if isinstance(message.string, (list, tuple)) else [message.string]


def _po(locale, domain):
    return TRANSLATIONS / locale / 'LC_MESSAGES' / f'{domain}.po'


def _translated(locale, domain):
    """What the compiled files must contain: every translated, non-fuzzy message of the .po."""
    return {key: m.string for key, m in _messages(_read_po(_po(locale, domain))).items()
            if all(_forms(m)) and not m.fuzzy}


def _extract_python():
    """The strings `make i18n` extracts from the Python code and the templates, extracted again now."""
    with (ROOT / 'babel.cfg').open() as f:
        method_map, options_map = parse_mapping_cfg(f)
    keywords = dict(DEFAULT_KEYWORDS, N_=None, L_=None)
    package = ROOT / 'indico_oewg'
    extracted = extract_from_dir(
        ROOT, method_map, options_map, keywords=keywords,
        # like pybabel, skip folders named .* and _* (__pycache__); and everything outside the package
        directory_filter=lambda path: (Path(path).is_relative_to(package)
                                       and not Path(path).name.startswith(('.', '_'))))
    return {(context, message[0] if isinstance(message, tuple) else message)
            for __, __, message, __, context in extracted}


def _extract_react():
    """The strings `make i18n` extracts from client/ (Indico's react-jsx-i18n), extracted again now."""
    tool = ROOT / 'node_modules' / '.bin' / 'react-jsx-i18n'
    assert tool.exists(), 'react-jsx-i18n is missing: run `npm ci` (make assets and make i18n do it)'
    result = subprocess.run([str(tool), 'extract', '--ext', 'js,jsx', '--base', str(ROOT), '--add-location', 'never',
                             'client'], cwd=ROOT, capture_output=True, check=True, timeout=120)
    return set(_messages(read_po(BytesIO(result.stdout))))


@pytest.mark.parametrize(('domain', 'extract'), (('messages', _extract_python), ('messages-react', _extract_react)))
def test_templates_hold_every_string_of_the_code(domain, extract):
    """The .pot files are what the code says now (`make i18n` was run after the last string changed)."""
    template = set(_messages(_read_po(TRANSLATIONS / f'{domain}.pot')))
    extracted = extract()
    assert extracted, 'nothing extracted'
    assert sorted(extracted - template, key=str) == [], 'new strings: run `make i18n` and translate them'
    assert sorted(template - extracted, key=str) == [], 'strings gone from the code: run `make i18n`'


@pytest.mark.parametrize(('locale', 'domain'), CATALOGUES)
def test_every_string_is_translated(locale, domain):
    template = _messages(_read_po(TRANSLATIONS / f'{domain}.pot'))
    catalog = _read_po(_po(locale, domain))
    messages = _messages(catalog)
    assert catalog.plural_forms, 'the header needs Plural-Forms (Indico reads it for the React catalogue)'
    assert set(messages) == set(template), 'the catalogue is not merged with its template: run `make i18n`'
    untranslated = [key for key, m in messages.items() if not all(s.strip() for s in _forms(m))]
    assert untranslated == []
    fuzzy = [key for key, m in messages.items() if m.fuzzy]
    assert fuzzy == []
    plural = [key for key, m in messages.items() if m.pluralizable and len(_forms(m)) != catalog.num_plurals]
    assert plural == []


@pytest.mark.parametrize(('locale', 'domain'), CATALOGUES)
def test_translations_keep_placeholders_and_markup(locale, domain):
    """A translation has the placeholders and HTML tags of its source (as `indico i18n compile` checks)."""
    catalog = _read_po(_po(locale, domain))
    pairs = [(source, translation) for message in catalog if message.id
             for source, translation in _sources_and_translations(message)]
    problems = [(source, translation) for source, translation in pairs
                for pattern in (PLACEHOLDER_RE, HTML_TAG_RE)
                if sorted(pattern.findall(source)) != sorted(pattern.findall(translation))]
    assert problems == []


def _sources_and_translations(message):
    """Each translated form of a message with the source text it translates (plural forms: the plural)."""
    sources = list(message.id) if message.pluralizable else [message.id]
    return [(sources[min(i, len(sources) - 1)], translation) for i, translation in enumerate(_forms(message))]


@pytest.mark.parametrize('locale', LOCALES)
def test_mo_file_is_compiled_from_the_po_file(locale):
    with _po(locale, 'messages').with_suffix('.mo').open('rb') as f:
        compiled = {_key(m): tuple(_forms(m)) for m in read_mo(f) if m.id}
    # (plural forms come as a list from the .mo file and as a tuple from the .po file)
    assert compiled == {key: tuple(s) if isinstance(s, (list, tuple)) else (s,)
                        for key, s in _translated(locale, 'messages').items()}


def _unjsonify(node):
    """Turn a message of react-jsx-i18n's compiled JSON back into the .po text it was compiled from."""
    if isinstance(node, str):
        return node
    tag, attrs, *children = node
    inner = ''.join(_unjsonify(child) for child in children)
    if tag == 'Param':
        return f'{{{attrs["name"]}}}{inner}{{/{attrs["name"]}}}' if children else f'{{{attrs["name"]}}}'
    return inner


@pytest.mark.parametrize('locale', LOCALES)
def test_react_json_is_compiled_from_the_po_file(locale):
    """messages-react.json (what Indico serves as REACT_TRANSLATIONS.oewg) says what messages-react.po says."""
    data = json.loads(_po(locale, 'messages-react').with_suffix('.json').read_text())
    messages = dict(data['messages'])
    header = messages.pop('')
    assert header['lang'] == locale
    assert header['plural_forms'] == _read_po(_po(locale, 'messages-react')).plural_forms
    compiled = {}
    for key, forms in messages.items():
        context, __, msgid = key.rpartition('\x04')
        compiled[(context or None, msgid)] = [_unjsonify(form) for form in forms]
    expected = _translated(locale, 'messages-react')
    assert compiled == {key: list(s) if isinstance(s, (list, tuple)) else [s] for key, s in expected.items()}


@pytest.mark.usefixtures('db')
def test_indico_serves_the_react_catalogue(test_client):
    """Indico loads the plugin's messages-react.json into the domain the bundle's Translate is bound to."""
    resp = test_client.get(url_for('assets.i18n_locale_react', locale_name='fr_FR'))
    assert resp.status_code == 200
    text = resp.get_data(as_text=True)
    resp.close()
    prefix = 'window.REACT_TRANSLATIONS = '
    assert text.startswith(prefix)
    domain = json.loads(text.removeprefix(prefix).rstrip().removesuffix(';'))['oewg']
    assert domain['']['domain'] == 'oewg'
    assert domain['Representing'] == ['Vous représentez']
    assert domain['Type or choose the State'] == ["Saisissez ou choisissez l'État"]
    # ... and the committed bundle binds its Translate to that domain (client/i18n.js)
    dist = ROOT / 'indico_oewg' / 'static' / 'dist'
    url = json.loads((dist / 'manifest.json').read_text())['main.js']
    assert 'bindTranslateComponents)("oewg")' in (dist / url.removeprefix('/static/plugins/oewg/dist/')).read_text()


@pytest.mark.usefixtures('db')
def test_public_statements_page_in_french(test_client, oewg_event, dummy_user):
    item = create_agenda_item(oewg_event, 'General exchange of views', user=dummy_user)
    japan = create_statement(oewg_event, item, {'delegation': Delegation.for_state('JPN'),
                                                'date': date(2022, 5, 9)},
                             status=StatementStatus.published, user=dummy_user)
    create_statement(oewg_event, item, {'delegation': Delegation.for_state('PHL'),
                                        'on_behalf_of': 'plusieurs États'},
                     status=StatementStatus.published, user=dummy_user)
    create_statement(oewg_event, item, {'delegation': Delegation.for_named_organization('European Union')},
                     status=StatementStatus.published, user=dummy_user)
    with test_client.session_transaction() as sess:
        sess.lang = 'fr_FR'
    resp = test_client.get(url_for('plugin_oewg.statements', oewg_event))
    assert resp.status_code == 200
    text = resp.text
    assert '<html lang="fr"' in text
    assert '>Déclarations</h2>' in text
    # the template's strings, the Python-built headings (a State with its French article, an organization as
    # entered), the delegation filter's names and Indico's date formatting
    for french in ('Toutes les délégations', 'Toutes les langues', 'Rechercher des déclarations', 'Toutes les sessions',
                   '>Déclaration du Japon</a>', '>Déclaration des Philippines au nom de plusieurs États</a>',
                   '>Déclaration – European Union</a>', '>Japon</option>', '>Philippines</option>',
                   '>European Union</option>', '9 mai 2022'):
        assert french in text, french
    for english in ('Statement by', 'the Philippines', 'All delegations', 'All languages', 'Search statements',
                    '9 May 2022'):
        assert english not in text, english
    # a statement's page: its heading in French, its citation in English by design
    text = test_client.get(url_for('plugin_oewg.statement', japan)).text
    assert 'Déclaration du Japon' in text
    assert '<p class="oewg-citation" lang="en">Statement by Japan, ' in text
    # the JSON names delegations in English whatever the UI's language
    data = test_client.get(url_for('plugin_oewg.statements_json', oewg_event)).json
    assert [s['delegation']['name'] for s in data['statements']] == ['Japan', 'the Philippines', 'the European Union']
    # the same page in English: the session's language is what switched it
    with test_client.session_transaction() as sess:
        sess.lang = 'en_GB'
    text = test_client.get(url_for('plugin_oewg.statements', oewg_event)).text
    for english in ('>Statement by Japan</a>', '>Statement by the Philippines on behalf of plusieurs États</a>',
                    '>Statement by the European Union</a>', '>Japan</option>', '>the Philippines</option>',
                    '>the European Union</option>'):
        assert english in text, english
    assert 'Toutes les délégations' not in text and 'Déclaration' not in text


def test_french_catalogues_exist():
    """Guards the parametrisations above: without catalogues they would test nothing."""
    assert 'fr_FR' in LOCALES
    assert all(_po(locale, domain).exists() for locale, domain in CATALOGUES)


# --- Spanish and Chinese: headings, State names, the delegation filter, dates and numbers --------------------------

def _statements(event, user):
    """Japan (joined by France and the Philippines), the Philippines on behalf of a group, an organization."""
    item = create_agenda_item(event, 'General exchange of views', user=user)
    japan = create_statement(event, item, {'delegation': Delegation.for_state('JPN'), 'date': date(2022, 5, 9),
                                           'joining_states': ['FRA', 'PHL']},
                             status=StatementStatus.published, user=user)
    create_statement(event, item, {'delegation': Delegation.for_state('PHL'), 'on_behalf_of': 'ASEAN'},
                     status=StatementStatus.published, user=user)
    create_statement(event, item, {'delegation': Delegation.for_named_organization('European Union')},
                     status=StatementStatus.published, user=user)
    return japan


@pytest.mark.parametrize(('locale', 'html_lang', 'expected', 'options', 'joining', 'english'), (
    ('es_ES', 'es',
     # a State with its Spanish article contracted with "de", or none; an organization as entered
     ('>Declaraciones</h2>', '>Declaración del Japón</a>', '>Declaración de Filipinas en nombre de ASEAN</a>',
      '>Declaración – European Union</a>', 'Todas las delegaciones', 'Buscar declaraciones', '9 de mayo de 2022',
      '>Contribución por escrito</option>'),
     # the delegation filter by Spanish name
     ['European Union', 'Filipinas', 'Japón'],
     'Francia, Filipinas', ('Statement by', 'All delegations', '9 May 2022', 'Philippines', 'Japan',
                            'Written contribution')),
    ('zh_Hans_CN', 'zh',
     ('>发言</h2>', '>日本的发言</a>', '>菲律宾代表ASEAN的发言</a>', '>European Union的发言</a>', '所有代表团',
      '搜索发言', '2022年5月9日', '>书面材料</option>'),
     # Chinese lists follow the English order (Japan before the Philippines)
     ['European Union', '日本', '菲律宾'],
     '法国、菲律宾', ('Statement by', 'All delegations', '9 May 2022', 'Philippines', 'Japan', 'Written contribution')),
))
@pytest.mark.usefixtures('db')
def test_public_statements_pages_in_spanish_and_chinese(test_client, oewg_event, dummy_user, locale, html_lang,
                                                        expected, options, joining, english):
    japan = _statements(oewg_event, dummy_user)
    with test_client.session_transaction() as sess:
        sess.lang = locale
    text = test_client.get(url_for('plugin_oewg.statements', oewg_event)).text
    assert f'<html lang="{html_lang}"' in text
    for snippet in expected:
        assert snippet in text, snippet
    for snippet in english:
        assert snippet not in text, snippet
    delegation_filter = re.search(r'<select name="delegation".*?</select>', text, re.DOTALL).group()
    assert [name.strip() for name in re.findall(r'>([^<>]+)</option>', delegation_filter)][1:] == options
    # a statement's page: its heading, the States joining and the date in the language; the citation in English
    text = test_client.get(url_for('plugin_oewg.statement', japan)).text
    assert f'<dd>{joining}</dd>' in text
    assert expected[1].removeprefix('>').removesuffix('</a>') in text
    assert expected[6] in text
    assert '<p class="oewg-citation" lang="en">Statement by Japan, ' in text


@pytest.mark.parametrize(('locale', 'iso3', 'on_behalf_of', 'expected'), (
    ('es_ES', 'PHL', '', 'Declaración de Filipinas'),
    ('es_ES', 'JPN', '', 'Declaración del Japón'),
    ('es_ES', 'ARG', '', 'Declaración de la Argentina'),
    ('es_ES', 'USA', '', 'Declaración de los Estados Unidos de América'),
    ('es_ES', 'BHS', 'la CARICOM', 'Declaración de las Bahamas en nombre de la CARICOM'),
    ('es_ES', 'IRN', '', 'Declaración del Irán (República Islámica del)'),
    ('zh_Hans_CN', 'PHL', '', '菲律宾的发言'),
    ('zh_Hans_CN', 'DEU', '77国集团和中国', '德国代表77国集团和中国的发言'),
    ('fr_FR', 'PHL', '', 'Déclaration des Philippines'),
    ('en_GB', 'PHL', '', 'Statement by the Philippines'),
))
def test_state_headings_in_each_language(oewg_plugin, locale, iso3, on_behalf_of, expected):
    with oewg_plugin.plugin_context(), force_locale(locale):
        assert statement_heading(Delegation.for_state(iso3), on_behalf_of) == expected
        # an English heading whatever the UI's language
        assert english_heading(Delegation.for_state(iso3)).startswith('Statement by ')


@pytest.mark.parametrize(('locale', 'delegation', 'on_behalf_of', 'expected'), (
    ('es_ES', Delegation.for_named_organization('European Union'), '', 'Declaración – European Union'),
    ('es_ES', Delegation.for_office('Presidencia'), 'la Mesa', 'Declaración – Presidencia, en nombre de la Mesa'),
    ('zh_Hans_CN', Delegation.for_named_organization('European Union'), '', 'European Union的发言'),
    ('zh_Hans_CN', Delegation.for_office('主席'), '主席团', '主席代表主席团的发言'),
))
def test_organization_and_office_headings(oewg_plugin, locale, delegation, on_behalf_of, expected):
    """Organizations and offices by the name given, without a State's article."""
    with oewg_plugin.plugin_context(), force_locale(locale):
        assert statement_heading(delegation, on_behalf_of) == expected


@pytest.mark.parametrize(('language', 'first'), (
    # Spanish by its own names; Chinese in the order of the English names, as UN Chinese documents list States
    ('es', ['Afganistán', 'Albania', 'Alemania', 'Andorra', 'Angola']),
    ('zh', ['阿富汗', '阿尔巴尼亚', '阿尔及利亚', '安道尔', '安哥拉']),
    ('fr', ['Afghanistan', 'Afrique du Sud', 'Albanie', 'Algérie', 'Allemagne']),
))
def test_state_choices_in_the_language_order(language, first):
    assert [name for __, name in get_state_choices(language)][:5] == first


@pytest.mark.parametrize(('locale', 'expected'), (
    ('en_GB', '12,345 statements found.'),
    ('fr_FR', '12\u202f345 déclarations trouvées.'),
    ('es_ES', 'Se han encontrado 12.345 declaraciones.'),
    ('zh_Hans_CN', '找到12,345份发言。'),
))
def test_result_count_in_the_language_number_format(oewg_plugin, locale, expected):
    with oewg_plugin.plugin_context(), force_locale(locale):
        html = get_template_module('oewg:statements/_filters.html').result_count(12345, format_count(12345))
    assert expected in html


# --- one English word, two meanings; sentences around a link or a name as one string ------------------------------

@pytest.mark.parametrize(('locale', 'of_a_person', 'of_a_document'), (
    ('fr_FR', 'Fonction', 'Titre'),
    ('es_ES', 'Cargo', 'Título'),
    ('zh_Hans_CN', '职务', '标题'),
))
def test_title_of_a_person_and_of_a_document(oewg_plugin, locale, of_a_person, of_a_document):
    """"Title" of an observer's representative (their function) and of a statement are two strings."""
    from indico_oewg.observers.forms import REPRESENTATIVE_FIELDS
    from indico_oewg.statements.forms import StatementForm
    with oewg_plugin.plugin_context(), force_locale(locale):
        assert str(next(f['caption'] for f in REPRESENTATIVE_FIELDS if f['id'] == 'title')) == of_a_person
        assert str(StatementForm.title.args[0]) == of_a_document


@pytest.mark.usefixtures('db')
def test_sentence_around_a_link_is_one_string(client_for, secretariat_user, oewg_event):
    """The link to the observer settings sits where each language puts it in its sentence."""
    client = client_for(secretariat_user)
    url = url_for('plugin_oewg.observer_settings', oewg_event)
    expected = {
        'zh_Hans_CN': f'<p>请在<a href="{url}"><span class="underline">观察员设置</span></a>中填入会员国的地址。</p>',
        'es_ES': (f'<p>Introduzca las direcciones de los Estados Miembros en la <a href="{url}"><span '
                  f'class="underline">configuración de observadores</span></a>.</p>'),
        'en_GB': ("<p>Enter the Member States' addresses in the "
                  f'<a href="{url}"><span class="underline">observer settings</span></a>.</p>'),
    }
    for locale, sentence in expected.items():
        with client.session_transaction() as sess:
            sess.lang = locale
        text = client.get(url_for('plugin_oewg.observer_lists', oewg_event)).text
        assert sentence in text, locale


@pytest.mark.usefixtures('db')
def test_sentences_with_a_name_or_a_number_are_one_string(client_for, secretariat_user, oewg_event, dummy_user):
    """"handed in by <name>" and "Line <n>:" are translated whole, each language placing the name or number."""
    item = create_agenda_item(oewg_event, 'General exchange of views', user=dummy_user)
    create_statement(oewg_event, item, {'delegation': Delegation.for_state('JPN')}, status=StatementStatus.pending,
                     user=dummy_user, submitter=dummy_user)
    client = client_for(secretariat_user)
    csv = ('agenda_item,position,delegation,on_behalf_of,date,meeting,language,file,title,delivery_status\n'
           'General exchange of views,1,Narnia,,2022-05-10,,,,,\n')
    for locale, handed_in, line in (('es_ES', f'presentada por {dummy_user.full_name}', 'Línea 2:'),
                                    ('zh_Hans_CN', f'提交人\uff1a{dummy_user.full_name}', '第2行\uff1a')):
        with client.session_transaction() as sess:
            sess.lang = locale
        assert handed_in in client.get(url_for('plugin_oewg.moderation_queue', oewg_event)).text
        resp = client.post(url_for('plugin_oewg.import_statements', oewg_event),
                           data={'csrf_token': client.csrf_token, 'archive': (BytesIO(csv.encode()), 'x.csv')},
                           content_type='multipart/form-data')
        assert f'<li>{line} ' in resp.text, locale


# --- "States joining" as typed in Chinese or Arabic ---------------------------------------------------------------

@pytest.mark.parametrize(('text', 'expected'), (
    ('France, Philippines; JPN', ['FRA', 'PHL', 'JPN']),
    ('法国、菲律宾', ['FRA', 'PHL']),                           # the ideographic enumeration comma
    ('法国\uff0c菲律宾\uff1b日本', ['FRA', 'PHL', 'JPN']),     # fullwidth comma and semicolon
    ('\uff2a\uff30\uff2e\uff0c\u3000\uff26\uff32\uff21', ['JPN', 'FRA']),  # fullwidth ISO codes, ideographic space
    ('فرنسا، الفلبين؛ Japón', ['FRA', 'PHL', 'JPN']),          # the Arabic comma and semicolon
    ('France\nFilipinas\n', ['FRA', 'PHL']),                   # one a line
))
def test_joining_states_in_the_punctuation_of_each_language(text, expected):
    assert parse_joining_states(text) == expected


def test_joining_states_name_what_is_not_a_state():
    with pytest.raises(StatementError, match=r'^Not States: 亚特兰蒂斯\.$'):
        parse_joining_states('法国、亚特兰蒂斯')


@pytest.mark.usefixtures('db')
def test_statement_form_takes_states_joining_in_chinese(client_for, secretariat_user, oewg_event, dummy_user):
    item = create_agenda_item(oewg_event, 'General exchange of views', user=dummy_user)
    client = client_for(secretariat_user)
    with client.session_transaction() as sess:
        sess.lang = 'zh_Hans_CN'
    data = {'agenda_item': str(item.id), 'position': '', 'speaker_kind': 'state', 'state': 'JPN', 'on_behalf_of': '',
            'joining_states': '法国、菲律宾\uff0c德国', 'date': '2022-05-09', 'meeting': '', 'title': '',
            'delivery_status': 'check_against_delivery', 'original_language': 'en', 'csrf_token': client.csrf_token}
    resp = client.post(url_for('plugin_oewg.add_statement', oewg_event), data=data,
                       content_type='multipart/form-data')
    assert resp.status_code == 302, resp.text
    statement = Statement.query.one()
    assert statement.joining_states == ['FRA', 'PHL', 'DEU']
    text = client.get(url_for('plugin_oewg.statement', statement)).text
    assert '<dd>法国、菲律宾、德国</dd>' in text


@pytest.mark.parametrize(('text', 'expected'), (
    ('multiple States: AUS, Japan', ('multiple States', ['AUS', 'JPN'])),
    ('多个国家\uff1a澳大利亚、日本', ('多个国家', ['AUS', 'JPN'])),       # the fullwidth colon
    ('the Group of Arab States', ('the Group of Arab States', [])),
))
def test_import_reads_the_group_and_its_states_in_chinese_punctuation(text, expected):
    from indico_oewg.statements.importer import _split_group
    assert _split_group(text) == expected


@pytest.mark.parametrize(('locale', 'expected'), (
    ('en_GB', '55.9%'), ('fr_FR', '55,9\xa0%'), ('es_ES', '55,9\xa0%'), ('zh_Hans_CN', '55.9%'),
))
def test_percentages_in_the_language_number_format(oewg_plugin, locale, expected):
    """The shares on the list of participants' statistics, as each language writes a percentage."""
    from indico_oewg.registration.participants import format_share
    with oewg_plugin.plugin_context(), force_locale(locale):
        assert format_share(55.9) == expected
