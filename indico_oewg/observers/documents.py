# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""The Chair's lists (DOCX and PDF) and the exports of requests and outcomes (CSV and XLSX)."""

from io import BytesIO

from docx import Document
from flask import render_template
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from weasyprint import CSS, HTML

from indico.util.date_time import format_date

from indico_oewg import _
from indico_oewg.observers.util import get_lists
from indico_oewg.states import get_state
from indico_oewg.working_groups.util import get_session_title, get_working_group


def _dates(event):
    start = format_date(event.start_dt, 'd MMMM', timezone=event.tzinfo)
    end = format_date(event.end_dt, 'd MMMM y', timezone=event.tzinfo)
    return f'{start} – {end}'


def lists_context(event):
    working_group = get_working_group(event.category)
    info, consideration = get_lists(event)
    return {'working_group': working_group, 'session_title': get_session_title(event), 'dates': _dates(event),
            'info': info, 'consideration': consideration, 'event': event}


def _entry(organization):
    return f'{organization.name} ({organization.acronym})' if organization.acronym else organization.name


def build_lists_docx(event):
    """The Chair's lists as a Word document the secretariat can edit and issue."""
    ctx = lists_context(event)
    document = Document()
    style = document.styles['Normal']
    style.font.name = 'Times New Roman'
    style.font.size = Pt(12)
    for text in (ctx['working_group'].name, f"{ctx['session_title']}, {ctx['dates']}"):
        paragraph = document.add_paragraph(text)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_heading(str(_('List of observers and of entities in consultative status with the Economic and '
                               'Social Council, for information')), level=1)
    _add_numbered(document, ctx['info'])
    document.add_heading(str(_('List of other organizations and commercial actors, for consideration on a '
                               'no-objection basis')), level=1)
    _add_numbered(document, ctx['consideration'])
    buf = BytesIO()
    document.save(buf)
    buf.seek(0)
    return buf


def _add_numbered(document, organizations):
    if not organizations:
        document.add_paragraph(str(_('None.')))
    for number, organization in enumerate(organizations, 1):
        document.add_paragraph(f'{number}. {_entry(organization)}')


def build_lists_pdf(event):
    """The Chair's lists as PDF, rendered by WeasyPrint."""
    html = render_template('oewg:observers/lists_document.html', **lists_context(event))
    buf = BytesIO()
    HTML(string=html).write_pdf(buf, stylesheets=[CSS(string='@page { size: A4; margin: 2cm; }')])
    buf.seek(0)
    return buf


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
            'Kind': organization.kind.letter,
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
