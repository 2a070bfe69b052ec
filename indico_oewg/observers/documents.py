# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""The Chair's lists (DOCX and PDF) and the spreadsheets of requests, outcomes and objections (CSV and XLSX)."""

from datetime import datetime

from indico.core.plugins import render_plugin_template
from indico.util.i18n import force_locale
from indico.util.spreadsheets import send_csv, send_xlsx

from indico_oewg import _
from indico_oewg.documents import WordDocument, format_session_dates, render_pdf
from indico_oewg.observers.util import get_lists
from indico_oewg.states import get_state
from indico_oewg.working_groups.util import get_session_title, get_working_group


#: The language the Chair's lists are issued in, whatever the language of the page they are made from: the
#: registry and the session are kept in English (names, titles), so a document in another language would mix two.
LISTS_LOCALE = 'en_GB'
#: The file name of the Chair's lists, without its extension
LISTS_FILENAME = 'observer-lists-{event.id}'
LISTS_CSS = '''
    body { font-family: 'Times New Roman', serif; font-size: 12pt; }
    .center { text-align: center; }
    h1 { font-size: 13pt; margin-top: 1.5em; }
    ol { padding-left: 2em; }
'''


def _lists_context(event):
    info, consideration = get_lists(event)
    return {'working_group': get_working_group(event.category), 'session_title': get_session_title(event),
            'dates': format_session_dates(event, locale=LISTS_LOCALE), 'event': event,
            'sections': [(_('List of observers and of entities in consultative status with the Economic and '
                            'Social Council, for information'), info),
                         (_('List of other organizations and commercial actors, for consideration on a '
                            'no-objection basis'), consideration)]}


def build_lists_docx(event):
    """The Chair's lists as a Word document the secretariat can edit and issue (in English, see `LISTS_LOCALE`)."""
    with force_locale(LISTS_LOCALE):
        ctx = _lists_context(event)
        document = WordDocument(size=12)
        document.document.core_properties.language = 'en-GB'
        document.centred(ctx['working_group'].name)
        document.centred(f"{ctx['session_title']}, {ctx['dates']}")
        for heading, organizations in ctx['sections']:
            document.heading(str(heading))
            document.numbered([o.display_name for o in organizations], str(_('None.')))
        return document.save()


def build_lists_pdf(event):
    """The Chair's lists as PDF (in English, see `LISTS_LOCALE`)."""
    with force_locale(LISTS_LOCALE):
        html = render_plugin_template('observers/lists_document.html', **_lists_context(event))
        return render_pdf(html, LISTS_CSS)


def send_spreadsheet(fmt, filename, headers, rows, tz):
    """Send rows as CSV or XLSX (`fmt`), their dates and times in `tz` to the minute in both, as the XLSX shows
    them.
    """
    if fmt == 'xlsx':
        return send_xlsx(f'{filename}.xlsx', headers, rows, tz=tz)
    rows = [{k: (v.astimezone(tz).strftime('%Y-%m-%d %H:%M') if isinstance(v, datetime) else v)
             for k, v in row.items()}
            for row in rows]
    return send_csv(f'{filename}.csv', headers, rows)


EXPORT_HEADERS = ('Request', 'Organization', 'Acronym', 'Name (French)', 'Kind', 'ECOSOC status', 'Headquarters',
                  'Website', 'Organization e-mail', 'Requester', 'Requester e-mail', 'Representatives', 'Status',
                  'List', 'Submitted', 'Decided')


def export_rows(requests):
    """The rows of the export of requests and outcomes (no objection data: it goes to people other than the
    secretariat).
    """
    for req in requests:
        organization = req.organization
        state = get_state(organization.country) if organization.country else None
        yield {
            'Request': req.id,
            'Organization': organization.name,
            'Acronym': organization.acronym,
            'Name (French)': organization.name_fr,
            'Kind': str(organization.kind.title),
            'ECOSOC status': organization.ecosoc_status.title if organization.ecosoc_status else '',
            'Headquarters': state.name('en') if state else '',
            'Website': organization.website,
            'Organization e-mail': organization.contact_email,
            'Requester': req.requester.full_name,
            'Requester e-mail': req.requester.email,
            'Representatives': '; '.join(f'{r.full_name} ({r.title})' if r.title else r.full_name
                                         for r in req.representatives),
            'Status': str(req.state.title),
            'List': 'for consideration' if organization.kind.needs_no_objection else 'for information',
            'Submitted': req.submitted_dt,
            'Decided': req.decided_dt,
        }


OBJECTION_HEADERS = ('Member State', 'ISO3', 'Organization', 'Stated basis', 'Recorded', 'Recorded by')


def objection_rows(objections):
    """The rows of the confidential report of objections (the secretariat's only)."""
    return [{'Member State': o.member_state.name('en'), 'ISO3': o.state_iso3,
             'Organization': o.request.organization.name, 'Stated basis': o.basis,
             'Recorded': o.created_dt, 'Recorded by': o.recorded_by.full_name}
            for o in objections]
