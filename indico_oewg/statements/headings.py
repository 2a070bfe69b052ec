# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""How statements are named: their headings in the UI's language and their citation in English."""

from indico.util.date_time import format_date
from indico.util.i18n import force_locale

from indico_oewg import _, pgettext
from indico_oewg.states import current_language, name_with_de
from indico_oewg.working_groups.util import get_session_title, get_working_group


#: The languages in which headings and delegation names follow the UI (those the plugin is translated into); a UI in
#: any other language gets them in English, like the rest of the plugin's text
HEADING_LANGUAGES = ('en', 'fr', 'es', 'zh')


def heading_language():
    """The language of statement headings and delegation names: the UI's, if in :data:`HEADING_LANGUAGES`."""
    language = current_language()
    return language if language in HEADING_LANGUAGES else 'en'


def delegation_name(delegation):
    """A delegation as statement lists name it, in the heading language: "the Philippines", in French and Spanish
    "Philippines"/"Filipinas", in Chinese "菲律宾".
    """
    return delegation.name_in_sentence(heading_language())


def statement_heading(delegation, on_behalf_of=''):
    """A statement's heading in the UI's language: "Statement by the Philippines on behalf of multiple States".

    In French and Spanish a State comes with its preposition and article ("Déclaration des Philippines", "Declaración
    del Japón", "Declaración de Filipinas"), an organization or office by its name ("Déclaration – Union
    européenne"); Chinese puts the name first ("菲律宾的发言").  For English whatever the UI's language (citations,
    the event log) call :func:`english_heading`.
    """
    language = heading_language()
    state = delegation.state
    if state is None:
        name = delegation.name_in_sentence(language)
        if on_behalf_of:
            return _('Statement by {delegation} on behalf of {group}').format(delegation=name, group=on_behalf_of)
        return _('Statement by {delegation}').format(delegation=name)
    # A State has strings of its own: their translations put its name, with its preposition, right after "Statement"
    name = name_with_de(state, language)
    if on_behalf_of:
        return pgettext('by a State; {delegation} comes with its preposition, e.g. French "des Philippines"',
                        'Statement by {delegation} on behalf of {group}').format(delegation=name, group=on_behalf_of)
    return pgettext('by a State; {delegation} comes with its preposition, e.g. French "des Philippines"',
                    'Statement by {delegation}').format(delegation=name)


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
