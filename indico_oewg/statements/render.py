# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""The lines of the public statement lists, rendered in Python: a session page lists thousands of them."""

from urllib.parse import quote

from babel.numbers import format_decimal
from markupsafe import Markup, escape

from indico.core.plugins import url_for_plugin
from indico.util.date_time import format_date
from indico.util.i18n import get_current_locale

from indico_oewg.statements.headings import StatementHeadings
from indico_oewg.statements.models.files import language_label
from indico_oewg.statements.models.statements import delegation_of


def format_count(number):
    """A count as the UI's language writes it: "1,234", French "1 234", Spanish "1234" and "12.345" (Babel's
    rules for the session's locale; Indico's ``format_number`` filter uses Babel's deprecated ``format_number``).
    """
    return format_decimal(number, locale=get_current_locale())


class StatementListRenderer:
    """The ``<li>`` lines of statement lists, built here rather than in Jinja.

    Every Jinja call in a plugin template goes through the plugin-context wrapper, and URL building, translations
    and escaping per line add up, so whatever repeats (headings of the same delegation, dates, URL patterns,
    language labels) is computed once. A renderer serves one request (one UI language).
    """

    _SID, _FID, _NAME = 987654321, 987654322, 'F1L3N4M3'

    def __init__(self):
        self._heading_of = StatementHeadings()
        self._headings = {}
        self._dates = {}
        self._urls = {}
        self._labels = {}
        self._filenames = {}

    def _url_parts(self, event_id):
        # the URLs of one event split around the ids, from a single routing lookup each
        if event_id not in self._urls:
            statement = url_for_plugin('oewg.statement', event_id=event_id, statement_id=self._SID)
            file = url_for_plugin('oewg.download_statement_file', event_id=event_id, statement_id=self._SID,
                                  file_id=self._FID, filename=self._NAME)
            file_pre, file_rest = file.split(str(self._SID), 1)
            file_mid, file_rest = file_rest.split(str(self._FID), 1)
            self._urls[event_id] = (statement.split(str(self._SID), 1),
                                    (file_pre, file_mid, *file_rest.split(self._NAME, 1)))
        return self._urls[event_id]

    def _heading(self, line):
        key = (line.speaker_kind, line.state_code, line.organization_id, line.organization_name, line.office,
               line.on_behalf_of)
        if key not in self._headings:
            self._headings[key] = escape(self._heading_of(delegation_of(*key[:5]), line.on_behalf_of))
        return self._headings[key]

    def _date(self, date):
        if date not in self._dates:
            self._dates[date] = escape(format_date(date, 'long'))
        return self._dates[date]

    def _label(self, language):
        if language not in self._labels:
            self._labels[language] = escape(language_label(language))
        return self._labels[language]

    def _filename(self, filename):
        if filename not in self._filenames:
            self._filenames[filename] = escape(quote(filename))
        return self._filenames[filename]

    def render(self, lines):
        """HTML of the lines (from `statement_lines`)."""
        out = []
        for line in lines:
            (statement_pre, statement_post), (file_pre, file_mid, file_name_pre, file_post) = \
                self._url_parts(line.event_id)
            parts = [f'<li class="oewg-statement" id="statement-{line.id}">'
                     f'<a href="{statement_pre}{line.id}{statement_post}">{self._heading(line)}</a>']
            if line.title:
                parts.append(f' — <em>{escape(line.title)}</em>')
            if line.date:
                parts.append(f' · {self._date(line.date)}')
            if line.meeting:
                parts.append(f' · {escape(line.meeting)}')
            for file_id, language, filename in line.files or ():
                # the label is the language's own name, in that language ("other" is none)
                lang = f' lang="{escape(language)}"' if language != 'other' else ''
                parts.append(f' <a class="i-button text-color subtle icon-file-pdf"{lang} '
                             f'href="{file_pre}{line.id}{file_mid}{file_id}{file_name_pre}'
                             f'{self._filename(filename)}{file_post}">{self._label(language)}</a>')
            parts.append('</li>')
            out.append(''.join(parts))
        return Markup('\n'.join(out))
