# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""The first session's statements for the OEWG demo, as the working group's page lists them.

The list (agenda items, order, repeats) comes from ``data/statements_first_session.txt``. The PDF files are
generated here and say on every page that they are SAMPLE CONTENT, not the statements delivered. A few statements
have French and Spanish versions; one statement handed in by the demo delegate waits in the moderation queue.
Running it again creates nothing new.
"""

import io
import re

from indico.core.db import db


SAMPLE_NOTE = ('SAMPLE CONTENT generated for the demo of the statements archive. This is not the statement '
               'delivered; the text below is placeholder text.')
#: (index of the statement in the list, language) of the additional language versions
TRANSLATIONS = {('Canada', 'fr'), ('Switzerland', 'fr'), ('the European Union', 'fr'), ('Brazil', 'es'),
                ('the Holy See', 'es')}
SAMPLE_TEXT = {
    'en': 'Sample text. The delegation supports norms, rules and principles of responsible behaviours to reduce '
          'space threats, transparency and confidence-building measures, and the sustainability of outer space '
          'activities.',
    'fr': "Texte d'exemple. La délégation soutient des normes, règles et principes de comportement responsable "
          'pour réduire les menaces spatiales et renforcer la sécurité des activités spatiales.',
    'es': 'Texto de ejemplo. La delegación apoya normas, reglas y principios de comportamiento responsable para '
          'reducir las amenazas espaciales y la cooperación internacional.',
}
SAMPLE_HEADER = {'en': 'SAMPLE CONTENT', 'fr': "CONTENU D'EXEMPLE", 'es': 'CONTENIDO DE EJEMPLO'}
PENDING = {'state': 'NGA', 'agenda_item': 'General exchange of views (informal mode)',
           'title': 'Sample statement handed in by a delegation (awaiting moderation)'}


def parse_seed(text):
    """``[(agenda item, [speaker text, ...])]`` from the seed list ("- Statement by ..." under each item)."""
    items = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith('Statements from'):
            continue
        if line.startswith('- '):
            items[-1][1].append(re.sub(r'^- Statement by ', '', line))
        else:
            items.append((line, []))
    return items


def parse_speaker(text, event):
    """``(Delegation, on behalf of)`` for a line of the seed list."""
    from indico_oewg.delegations import Delegation
    from indico_oewg.observers import api as observers_api
    from indico_oewg.states import find_state
    from indico_oewg.working_groups.util import get_working_group
    speaker, _sep, group = text.partition(' on behalf of ')
    if state := find_state(speaker):
        return Delegation.for_state(state.iso3), group
    if speaker.startswith(('the Chair', 'Ms.', 'Mr.')):
        return Delegation.for_office(speaker), group
    name = re.sub(r'^the ', '', speaker)
    if organization := observers_api.find_organization(name, get_working_group(event.category)):
        return Delegation.for_organization(organization), group
    return Delegation.for_named_organization(name), group


def sample_pdf(heading, session_title, agenda_item, language='en'):
    """A one-page PDF clearly marked as sample content."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=A4)
    pdf.setTitle(f'{heading} (sample)')
    pdf.setFont('Helvetica-Bold', 20)
    pdf.setFillColorRGB(0.75, 0.1, 0.1)
    pdf.drawString(72, 780, SAMPLE_HEADER[language])
    pdf.setFillColorRGB(0, 0, 0)
    pdf.setFont('Helvetica', 9)
    pdf.drawString(72, 762, SAMPLE_NOTE[:110])
    pdf.drawString(72, 750, SAMPLE_NOTE[110:])
    pdf.setFont('Helvetica-Bold', 13)
    pdf.drawString(72, 715, heading)
    pdf.setFont('Helvetica', 11)
    pdf.drawString(72, 697, session_title)
    pdf.drawString(72, 682, agenda_item)
    text = pdf.beginText(72, 650)
    words = SAMPLE_TEXT[language].split()
    line = ''
    for word in words:
        if len(line) + len(word) > 85:
            text.textLine(line)
            line = ''
        line += word + ' '
    text.textLine(line)
    pdf.drawText(text)
    pdf.showPage()
    pdf.save()
    return buf.getvalue()


def seed(ctx):
    from indico_oewg.statements.models.statements import Statement, StatementStatus
    from indico_oewg.statements.models.submitters import StatementSubmitter
    from indico_oewg.statements.operations import create_agenda_item, create_statement
    from indico_oewg.delegations import Delegation
    from indico_oewg.statements.submissions import add_submitter, submit_statement

    event = ctx['sessions']['first']
    secretariat = ctx['users']['secretariat']
    if Statement.query.filter_by(event_id=event.id).has_rows():
        return
    session_title = f'First session of the {ctx["working_group"].name}'
    items = parse_seed((ctx['data'] / 'statements_first_session.txt').read_text(encoding='utf-8'))
    existing = {item.title: item for item in event.oewg_agenda_items}
    seen = set()
    for title, speakers in items:
        agenda_item = existing.get(title) or create_agenda_item(event, title, user=secretariat)
        for speaker in speakers:
            delegation, group = parse_speaker(speaker, event)
            heading = f'Statement by {speaker}'
            uploads = [('en', f'{_slug(speaker)}_en.pdf', sample_pdf(heading, session_title, title))]
            # translations for the first statement of a delegation only
            uploads.extend((language, f'{_slug(speaker)}_{language}.pdf',
                            sample_pdf(heading, session_title, title, language))
                           for language in ('fr', 'es') if (speaker, language) in TRANSLATIONS and speaker not in seen)
            seen.add(speaker)
            date = event.start_dt.date() if title.lower() == 'opening of the session' else None
            create_statement(event, agenda_item, {'delegation': delegation, 'on_behalf_of': group,
                                                  'date': date, 'original_language': 'en'},
                             uploads, status=StatementStatus.published, user=secretariat)
    # one statement handed in by the demo delegate, waiting for the secretariat
    delegate = ctx['users']['delegate']
    nigeria = Delegation.for_state(PENDING['state'])
    if not StatementSubmitter.query.filter_by(event_id=event.id, user_id=delegate.id).has_rows():
        add_submitter(event, delegate, nigeria, by_user=secretariat)
    agenda_item = next(item for item in event.oewg_agenda_items if item.title == PENDING['agenda_item'])
    submit_statement(event, delegate, nigeria, agenda_item,
                     {'title': PENDING['title'], 'original_language': 'en'},
                     [('en', 'nigeria_en.pdf', sample_pdf('Statement by Nigeria', session_title,
                                                          agenda_item.title))])
    db.session.flush()


def _slug(text):
    return re.sub(r'[^a-z0-9]+', '-', text.lower()).strip('-')[:60]
