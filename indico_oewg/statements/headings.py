# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""How statements are named: their headings in the UI's language and their citation in English."""

from functools import lru_cache

from indico.util.date_time import format_date
from indico.util.i18n import force_locale

from indico_oewg import _, pgettext
from indico_oewg.states import current_language, get_state, name_with_de
from indico_oewg.working_groups.util import get_session_title, get_working_group


#: The languages in which headings and delegation names follow the UI (those the plugin is translated into); a UI in
#: any other language gets them in English, like the rest of the plugin's text
HEADING_LANGUAGES = ('en', 'fr', 'es', 'zh')


def heading_language():
    """The language of statement headings and delegation names: the UI's, if in :data:`HEADING_LANGUAGES`."""
    language = current_language()
    return language if language in HEADING_LANGUAGES else 'en'


def delegation_name(delegation, language=None):
    """A delegation as statement lists name it, in the heading language: "the Philippines", in French and Spanish
    "Philippines"/"Filipinas", in Chinese "菲律宾". ``language``: the heading language when the caller has it already
    (see `heading_language`).
    """
    return delegation.name_in_sentence(language or heading_language())


@lru_cache(maxsize=1024)
def _state_name_with_preposition(language, iso3):
    # the UN list of States is fixed for the process: each name is worked out once
    return name_with_de(get_state(iso3), language)


class StatementHeadings:
    """Statement headings in the UI's language (see :func:`statement_heading`) for the lines of one request: the
    heading language and the translated wordings are looked up once, not once per statement.
    """

    def __init__(self):
        self.language = heading_language()
        self._wordings = {}

    def _wording(self, by_state, on_behalf):
        key = (by_state, on_behalf)
        if key not in self._wordings:
            if not by_state:
                wording = (_('Statement by {delegation} on behalf of {group}') if on_behalf
                           else _('Statement by {delegation}'))
            # A State has strings of its own: their translations put its name, with its preposition, right after
            # "Statement"
            elif on_behalf:
                wording = pgettext('by a State; {delegation} comes with its preposition, e.g. French "des Philippines"',
                                   'Statement by {delegation} on behalf of {group}')
            else:
                wording = pgettext('by a State; {delegation} comes with its preposition, e.g. French "des Philippines"',
                                   'Statement by {delegation}')
            self._wordings[key] = wording
        return self._wordings[key]

    def __call__(self, delegation, on_behalf_of=''):
        if delegation.state is not None:
            name = _state_name_with_preposition(self.language, delegation.code)
            by_state = True
        else:
            name = delegation.name_in_sentence(self.language)
            by_state = False
        return self._wording(by_state, bool(on_behalf_of)).format(delegation=name, group=on_behalf_of)


def statement_heading(delegation, on_behalf_of=''):
    """A statement's heading in the UI's language: "Statement by the Philippines on behalf of multiple States".

    In French and Spanish a State comes with its preposition and article ("Déclaration des Philippines", "Declaración
    del Japón", "Declaración de Filipinas"), an organization or office by its name ("Déclaration – Union
    européenne"); Chinese puts the name first ("菲律宾的发言").  For English whatever the UI's language (citations,
    the event log) call :func:`english_heading`; for many headings in one request use :class:`StatementHeadings`.
    """
    return StatementHeadings()(delegation, on_behalf_of)


def english_heading(delegation, on_behalf_of=''):
    """The heading in English whatever the UI's language: for citations, the event log and e-mails' subjects."""
    with force_locale(None, default=False):
        return statement_heading(delegation, on_behalf_of)


def citation(statement):
    """E.g. "Statement by Japan, First session of the Open-ended working group on ..., General exchange of views,
    9 May 2022"; in English whatever the UI's language. A written contribution says so after the heading.
    """
    from indico_oewg.statements.models.statements import StatementMode
    event = statement.event
    working_group = get_working_group(event.category)
    session_title = get_session_title(event)
    if working_group:
        session_title = f'{session_title} of the {working_group.name}'
    heading = statement.english_heading
    if statement.mode == StatementMode.written:
        heading = f'{heading} (written contribution)'
    parts = [heading, session_title, statement.agenda_item.title]
    if statement.meeting:
        parts.append(statement.meeting)
    if statement.date:
        parts.append(format_date(statement.date, format='d MMMM y', locale='en_GB'))
    return ', '.join(parts)
