# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""An agenda item's list of speakers as PDF and Word for the Chair's script, in the UI's language."""

from indico.core.plugins import render_plugin_template

from indico_oewg import _
from indico_oewg.documents import WordDocument, format_session_dates, render_pdf
from indico_oewg.speakers.models.inscriptions import InscriptionStatus
from indico_oewg.speakers.screens import format_duration, make_list_view
from indico_oewg.states import current_language
from indico_oewg.working_groups.util import get_session_title, get_working_group


SCRIPT_CSS = '''
    body { font-family: 'Times New Roman', serif; font-size: 12pt; }
    .center { text-align: center; }
    h1 { font-size: 14pt; text-align: center; margin-top: 1.5em; }
    h2 { font-size: 12pt; margin-top: 1.5em; }
    ol { padding-left: 2em; }
    li { margin-bottom: 0.4em; }
    .status { font-style: italic; }
'''


def document_filename(speakers_list):
    return f'speakers-{speakers_list.event_id}-{speakers_list.agenda_item_id}'


def script_line(speaker):
    """A speaker as the Chair's script lists it: "Japan — Minister — English — 5 minutes", then how it went."""
    inscription = speaker.inscription
    parts = [speaker.label]
    if inscription.level:
        parts.append(str(inscription.level.title))
    if inscription.language_title:
        parts.append(str(inscription.language_title))
    parts.append(format_duration(inscription.time_limit))
    line = ' — '.join(parts)
    if inscription.from_floor:
        line = _('{speaker} (from the floor)').format(speaker=line)
    return line


def _status(speaker):
    return '' if speaker.status == InscriptionStatus.waiting else str(speaker.status.title)


def _context(speakers_list):
    event = speakers_list.event
    view = make_list_view(speakers_list)
    return {'working_group': get_working_group(event.category).name,
            'subtitle': f'{get_session_title(event)}, {format_session_dates(event)}',
            'heading': _('List of speakers'), 'agenda_item': view.agenda_item.title,
            'sections': [(None, [(script_line(s), _status(s)) for s in view.speakers]),
                         (_('Right of reply'), [(script_line(s), _status(s)) for s in view.replies])],
            'empty': _('No speaker is inscribed.')}


def build_list_pdf(speakers_list):
    html = render_plugin_template('speakers/display/list_document.html', language=current_language(),
                                  **_context(speakers_list))
    return render_pdf(html, SCRIPT_CSS)


def build_list_docx(speakers_list):
    ctx = _context(speakers_list)
    document = WordDocument(size=12)
    document.centred(ctx['working_group'])
    document.centred(ctx['subtitle'])
    document.heading(str(ctx['heading']), level=1)
    document.heading(ctx['agenda_item'], level=2)
    for title, lines in ctx['sections']:
        if title and not lines:
            continue
        if title:
            document.heading(str(title), level=2)
        document.numbered([f'{line} ({status})' if status else line for line, status in lines], str(ctx['empty']))
    return document.save()
