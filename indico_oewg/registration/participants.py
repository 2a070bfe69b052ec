# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""The list of participants as the UN prints it, and the statistics of a session.

Built from a fixed number of SQL queries whatever the number of registrants: one for the registrations with their
OEWG field values (and their users), one for the titles (Mr/Ms) they gave, one for the accredited organizations.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from io import BytesIO

from sqlalchemy.orm import aliased

from indico.core.db import db
from indico.modules.events.registration.models.form_fields import RegistrationFormField, RegistrationFormFieldData
from indico.modules.events.registration.models.forms import RegistrationForm
from indico.modules.events.registration.models.registrations import (Registration, RegistrationData,
                                                                     RegistrationState, RegistrationVisibility)
from indico.modules.users import User
from indico.util.i18n import orig_string

from indico_oewg import _
from indico_oewg.registration.delegations import (REPRESENTATIONS, ROLES, STATE_REPRESENTATIONS,
                                                  get_accredited_organizations, organization_display_name,
                                                  role_title)
from indico_oewg.registration.fields import FIELD_TYPE
from indico_oewg.states import get_state, normalize_name


#: Group headings of the list, in its order
GROUP_TITLES = {
    'member_state': _('Member States'),
    'observer_state': _('Non-member observer States'),
    'igo': _('Intergovernmental organizations and other entities having received a standing invitation'),
    'un_body': _('United Nations organs, bodies and specialized agencies'),
    'ecosoc_ngo': _('Non-governmental organizations in consultative status with the Economic and Social Council'),
    'other_ngo': _('Other non-governmental organizations, academic and research institutions'),
    'commercial': _('Commercial actors'),
}
_ROLE_ORDER = {role: n for n, role in enumerate(ROLES)}
_WOMEN = {'Ms', 'Mrs'}
_MEN = {'Mr'}


@dataclass
class Participant:
    first_name: str
    last_name: str
    salutation: str
    role: str
    title: str

    @property
    def line(self):
        """"Mr. Hellmut Lagos, Head of delegation, Ambassador"."""
        name = f'{self.first_name} {self.last_name}'
        if self.salutation:
            name = f'{self.salutation}. {name}' if not self.salutation.endswith('.') else f'{self.salutation} {name}'
        return ', '.join(x for x in (name, role_title(self.role), self.title) if x)


@dataclass
class Delegation:
    name: str
    code: str
    participants: list = field(default_factory=list)


@dataclass
class Group:
    representation: str
    title: str
    delegations: list = field(default_factory=list)


def _query_rows(event, consent):
    user = aliased(User)
    query = (db.session.query(Registration.id, Registration.first_name, Registration.last_name,
                              RegistrationData.data, user.title)
             .select_from(Registration)
             .join(RegistrationForm, Registration.registration_form_id == RegistrationForm.id)
             .join(RegistrationData, RegistrationData.registration_id == Registration.id)
             .join(RegistrationFormFieldData, RegistrationData.field_data_id == RegistrationFormFieldData.id)
             .join(RegistrationFormField, RegistrationFormFieldData.field_id == RegistrationFormField.id)
             .outerjoin(user, Registration.user_id == user.id)
             .filter(RegistrationForm.event_id == event.id, ~RegistrationForm.is_deleted,
                     ~Registration.is_deleted, Registration.state == RegistrationState.complete,
                     RegistrationFormField.input_type == FIELD_TYPE,
                     RegistrationData.data.op('?')('delegation')))
    if consent is not None:
        # a form that never asked for consent publishes nobody's name against their will: it keeps the default
        query = query.filter(Registration.consent_to_publish.in_(consent))
    return query.all()


def _query_titles(event):
    """The salutation (caption of Indico's "Title" personal data field) of each registration of a session."""
    from indico.modules.events.registration.models.items import PersonalDataType
    rows = (db.session.query(RegistrationData.registration_id, RegistrationData.data, RegistrationFormField.data)
            .join(RegistrationFormFieldData, RegistrationData.field_data_id == RegistrationFormFieldData.id)
            .join(RegistrationFormField, RegistrationFormFieldData.field_id == RegistrationFormField.id)
            .join(RegistrationForm, RegistrationFormField.registration_form_id == RegistrationForm.id)
            .filter(RegistrationForm.event_id == event.id,
                    RegistrationFormField.personal_data_type == PersonalDataType.title)
            .all())
    titles = {}
    for registration_id, data, field_data in rows:
        captions = (field_data or {}).get('captions', {})
        chosen = next((key for key, n in (data or {}).items() if n), None) if isinstance(data, dict) else None
        if chosen in captions:
            titles[registration_id] = captions[chosen]
    return titles


def get_list_of_participants(event, *, audience='documents'):
    """The approved participants grouped as on a UN list of participants.

    :param audience: ``'documents'`` (the secretariat's PDF/DOCX: everyone who did not refuse publication),
                     ``'public'`` (everyone who consented to be shown to everyone) or ``'all'`` (no consent
                     filter, for statistics)
    """
    consent = {'documents': (RegistrationVisibility.participants, RegistrationVisibility.all),
               'public': (RegistrationVisibility.all,), 'all': None}[audience]
    organizations = {str(org.id): org for org in get_accredited_organizations(event)}
    titles = _query_titles(event)
    by_delegation = defaultdict(list)
    for registration_id, first_name, last_name, data, user_title in _query_rows(event, consent):
        representation = data.get('representation')
        if representation not in REPRESENTATIONS:
            continue
        salutation = titles.get(registration_id) or (orig_string(user_title.title) if user_title else '')
        by_delegation[(representation, data['delegation'])].append(Participant(
            first_name=first_name, last_name=last_name, salutation=salutation,
            role=data.get('role'), title=data.get('title') or ''))
    groups = {rep: Group(rep, str(title)) for rep, title in GROUP_TITLES.items()}
    for (representation, code), participants in by_delegation.items():
        if representation in STATE_REPRESENTATIONS:
            state = get_state(code)
            name = state.name() if state else code
        else:
            name = organization_display_name(organizations.get(code)) or _delegation_fallback(event, code)
        participants.sort(key=lambda p: (_ROLE_ORDER.get(p.role, len(_ROLE_ORDER)), normalize_name(p.last_name),
                                         normalize_name(p.first_name)))
        groups[representation].delegations.append(Delegation(name=name, code=code, participants=participants))
    for group in groups.values():
        group.delegations.sort(key=lambda d: normalize_name(d.name))
    return [group for group in groups.values() if group.delegations]


def _delegation_fallback(event, code):
    # an organization no longer accredited (revoked after approval): one lookup for this rare case
    from indico_oewg.registration.delegations import delegation_name
    return delegation_name({'representation': 'igo', 'delegation': code}, event)


def get_statistics(event):
    """Counts for a session: States, observer delegations, persons; share of women where the title says."""
    groups = get_list_of_participants(event, audience='all')
    states = sum(len(g.delegations) for g in groups if g.representation in STATE_REPRESENTATIONS)
    observers = sum(len(g.delegations) for g in groups if g.representation not in STATE_REPRESENTATIONS)
    people = [p for g in groups for d in g.delegations for p in d.participants]
    heads = [p for p in people if p.role == 'head']

    def _share_of_women(persons):
        known = [p for p in persons if p.salutation.rstrip('.') in _WOMEN | _MEN]
        if not known:
            return None
        return round(100 * sum(p.salutation.rstrip('.') in _WOMEN for p in known) / len(known), 1)

    return {'states': states, 'observer_delegations': observers, 'persons': len(people),
            'women_share': _share_of_women(people), 'women_share_heads': _share_of_women(heads),
            'by_group': [(g.title, len(g.delegations), sum(len(d.participants) for d in g.delegations))
                         for g in groups]}


def render_pdf(event, groups, context):
    """The list as PDF (WeasyPrint, as Indico's own documents)."""
    from weasyprint import HTML

    from indico.core.plugins import render_plugin_template
    html = render_plugin_template('registration/participants_document.html', event=event, groups=groups,
                                  standalone=True, **context)
    return BytesIO(HTML(string=html).write_pdf())


def render_docx(event, groups, context):
    """The list as a Word document (python-docx), for the secretariat to edit before issuing it."""
    from docx import Document
    from docx.shared import Pt

    document = Document()
    style = document.styles['Normal']
    style.font.name = 'Times New Roman'
    style.font.size = Pt(11)
    if context.get('symbol'):
        document.add_paragraph(context['symbol']).alignment = 2
    document.add_heading(context['heading'], level=1)
    document.add_paragraph(context['subtitle'])
    for group in groups:
        document.add_heading(group.title, level=2)
        for delegation in group.delegations:
            document.add_heading(delegation.name, level=3)
            for participant in delegation.participants:
                document.add_paragraph(participant.line)
    buf = BytesIO()
    document.save(buf)
    buf.seek(0)
    return buf


def spreadsheet_rows(groups):
    """Headers and rows of the list as a spreadsheet (one row per participant)."""
    headers = ['Group', 'Delegation', 'Salutation', 'First name', 'Last name', 'Role', 'Official title']
    rows = [dict(zip(headers, (group.title, delegation.name, p.salutation, p.first_name, p.last_name,
                               role_title(p.role), p.title), strict=True))
            for group in groups for delegation in group.delegations for p in delegation.participants]
    return headers, rows
