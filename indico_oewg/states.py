# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""The UN Member States and non-member observer States, with their names in the six official languages.

The list ships with the plugin (``data/un_states.csv``, UNTERM short names); States are stored by their
ISO 3166 alpha-3 code everywhere in the plugin.
"""

import csv
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from indico.util.i18n import get_current_locale


DATA = Path(__file__).parent / 'data'
LANGUAGES = ('en', 'fr', 'es', 'ru', 'zh', 'ar')
# UNTERM appends the article in parentheses: "Philippines (the)", "Pays-Bas (Royaume des)" keeps its part.
_ARTICLE_SUFFIX = re.compile(r"\s*\((the|l'|la|le|les|el|los|las)\)$", re.IGNORECASE)
# UNTERM writes these French short names with the article after the qualifier ("Iran (République islamique d')
# (l')"); data/un_states.csv has them without it.
_FRENCH_ARTICLES = {'BOL': 'la', 'IRN': "l'", 'NLD': 'les', 'VEN': 'le'}
# "de" followed by the article, as French contracts them
_FRENCH_DE = {'le': 'du ', 'les': 'des ', 'la': 'de la ', "l'": "de l'"}
# The same for Spanish: UNTERM gives "Irán (República Islámica del)" the article "el" after the qualifier
_SPANISH_ARTICLES = {'IRN': 'el'}
_SPANISH_DE = {'el': 'del ', 'la': 'de la ', 'los': 'de los ', 'las': 'de las '}


@dataclass(frozen=True)
class State:
    iso3: str
    iso2: str
    m49: int
    is_member: bool
    #: Short name as UN lists of participants print it in English
    name_en: str
    #: UNTERM short names by language code
    unterm: dict = field(hash=False, compare=False)
    formal_en: str = ''
    formal_fr: str = ''

    def name(self, language=None):
        """The State's short name in a language (default: the UI's), without UNTERM's article suffix."""
        language = language or current_language()
        if language == 'en' or language not in self.unterm:
            return self.name_en
        return _ARTICLE_SUFFIX.sub('', self.unterm[language])

    def name_in_sentence(self):
        """The English short name as running text needs it, with UNTERM's article: "the Philippines"."""
        unterm = self.unterm.get('en') or self.name_en
        match = _ARTICLE_SUFFIX.search(unterm)
        return f'the {_ARTICLE_SUFFIX.sub("", unterm)}' if match and match.group(1).lower() == 'the' else self.name_en

    def __str__(self):
        return self.name()


def name_with_de(state, language):
    """The State's short name after "of" the way the language writes it in "Statement of/by …": French and Spanish
    contract the preposition with the article ("des Philippines", "del Afganistán"); English gives the article
    ("the Philippines"); the other languages take the plain short name (Chinese "菲律宾").
    """
    if language == 'fr':
        return french_name_with_de(state)
    if language == 'es':
        return spanish_name_with_de(state)
    if language == 'en':
        return state.name_in_sentence()
    return state.name(language)


def spanish_name_with_de(state):
    """The State's Spanish short name after the preposition "de": "de la Argentina", "del Japón", "de los Estados
    Unidos de América", "de las Bahamas", "de Albania", "del Irán (República Islámica del)".
    """
    unterm = state.unterm.get('es') or state.name_en
    match = _ARTICLE_SUFFIX.search(unterm)
    article = match.group(1).lower() if match else _SPANISH_ARTICLES.get(state.iso3)
    return _SPANISH_DE.get(article, 'de ') + _ARTICLE_SUFFIX.sub('', unterm)


def french_name_with_de(state):
    """The State's French short name after the preposition "de", as UN texts write it: "des Philippines",
    "du Japon", "de la France", "de l'Allemagne", "de l'Iran (République islamique d')", "de Cuba", "d'Israël".
    """
    unterm = state.unterm.get('fr') or state.name_en
    match = _ARTICLE_SUFFIX.search(unterm)
    article = match.group(1).lower() if match else _FRENCH_ARTICLES.get(state.iso3)
    name = _ARTICLE_SUFFIX.sub('', unterm)
    if article in _FRENCH_DE:
        return _FRENCH_DE[article] + name
    # without an article "de" elides before a vowel or a mute h ("d'Haïti"; no name here starts with an aspirated h)
    initial = unicodedata.normalize('NFKD', name[:1]).casefold()[:1]
    return f"d'{name}" if initial and initial in 'aeiouyh' else f'de {name}'


def sorting_language(language):
    """The language whose names put lists in order: Chinese lists follow the English order of names, as UN Chinese
    documents list States (阿富汗, 阿尔巴尼亚, 阿尔及利亚, 安道尔, …: Afghanistan, Albania, Algeria, Andorra); the other
    languages sort by their own names.
    """
    return 'en' if language == 'zh' else language


def current_language():
    locale = get_current_locale()
    return locale.language if locale and locale.language in LANGUAGES else 'en'


def normalize_name(text):
    """Fold a name for lookups: case, accents, quotes, a leading "the" and UNTERM's article suffix."""
    text = unicodedata.normalize('NFKD', text.strip()).replace('’', "'")
    text = ''.join(c for c in text if not unicodedata.combining(c)).casefold()
    text = _ARTICLE_SUFFIX.sub('', text)
    text = re.sub(r'^the\s+', '', text)
    return re.sub(r'\s+', ' ', text)


@cache
def get_states():
    """All States, in English alphabetical order."""
    with (DATA / 'un_states.csv').open(encoding='utf-8') as f:
        states = [State(iso3=row['iso3'], iso2=row['iso2'], m49=int(row['m49']),
                        is_member=(row['status'] == 'member'), name_en=row['name_en'],
                        unterm={lang: row[f'unterm_short_{lang}'] for lang in LANGUAGES},
                        formal_en=row['formal_en'], formal_fr=row['formal_fr'])
                  for row in csv.DictReader(f)]
    return tuple(sorted(states, key=lambda s: normalize_name(s.name_en)))


@cache
def _index():
    by_code = {}
    by_name = {}
    for state in get_states():
        by_code[state.iso3] = state
        names = {state.name_en, state.formal_en, state.formal_fr, *state.unterm.values()}
        for name in filter(None, names):
            by_name.setdefault(normalize_name(name), state)
    with (DATA / 'state_aliases.csv').open(encoding='utf-8') as f:
        for row in csv.DictReader(f):
            by_name.setdefault(normalize_name(row['alias']), by_code[row['iso3']])
    return by_code, by_name


def get_state(iso3):
    """The State with an ISO 3166 alpha-3 code, or ``None``."""
    return _index()[0].get((iso3 or '').upper())


def find_state(text):
    """Find a State by ISO3 code or by any of its names in the six languages (or a common short form)."""
    if not text or not text.strip():
        return None
    text = text.strip()
    if len(text) == 3 and text.isalpha() and (state := get_state(text)):
        return state
    return _index()[1].get(normalize_name(text))


#: What separates the States of a list (after NFKC, which makes fullwidth forms ASCII): commas and semicolons,
#: the ideographic enumeration comma, the Arabic comma and semicolon, line breaks
_STATE_SEPARATORS = re.compile(r'[,;\n\u3001\u060c\u061b]')


def find_states(text):
    """The States a list names (ISO3 codes or names, one a line or separated by commas or semicolons), as
    ``(iso3 codes without repeats, the entries that are no State)``.

    The punctuation of Chinese and Arabic text separates too, as typed there: fullwidth commas and semicolons
    (and fullwidth letters of ISO codes) are read as their ASCII forms, the enumeration comma of "法国、菲律宾" and
    the Arabic comma and semicolon as commas. No State name contains any of them.
    """
    codes = []
    unknown = []
    for part in _STATE_SEPARATORS.split(unicodedata.normalize('NFKC', text or '')):
        part = part.strip()
        if not part:
            continue
        state = find_state(part)
        if state is None:
            unknown.append(part)
        elif state.iso3 not in codes:
            codes.append(state.iso3)
    return codes, unknown


def get_member_states():
    return tuple(s for s in get_states() if s.is_member)


def get_observer_states():
    return tuple(s for s in get_states() if not s.is_member)


def get_state_choices(language=None, *, members_only=False):
    """``(iso3, name)`` pairs, names in the given (or current) language, in that language's order of names (see
    :func:`sorting_language`).
    """
    language = language or current_language()
    states = get_member_states() if members_only else get_states()
    order = sorting_language(language)
    return [(s.iso3, s.name(language)) for s in sorted(states, key=lambda s: normalize_name(s.name(order)))]
