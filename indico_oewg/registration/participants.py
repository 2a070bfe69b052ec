# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""The list of participants as the UN prints it, and the statistics of a session.

Built from a fixed number of SQL queries whatever the number of registrants: one for the registrations with their
OEWG field values (and their users), one for the titles (Mr/Ms) they gave, one for the accredited organizations.

Who is on it is decided by Indico's own publication rules (`Registration.is_publishable`: what the form lets
registrants consent to, their consent, the secretariat's "hidden" flag, the publication period): the public page
shows whom Indico would show to the public, the secretariat's documents whom it would show to the session's
participants.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from babel.numbers import format_percent
from sqlalchemy.orm import aliased

from indico.core.db import db
from indico.core.plugins import render_plugin_template
from indico.modules.events.registration.models.form_fields import RegistrationFormField, RegistrationFormFieldData
from indico.modules.events.registration.models.forms import RegistrationForm
from indico.modules.events.registration.models.items import PersonalDataType
from indico.modules.events.registration.models.registrations import (Registration, RegistrationData,
                                                                     RegistrationState)
from indico.modules.users import User
from indico.util.i18n import get_current_locale, orig_string

from indico_oewg import _
from indico_oewg.delegations import Representation
from indico_oewg.documents import WordDocument, format_session_dates, render_pdf
from indico_oewg.registration.delegations import ROLES, delegation_of, get_accredited_by_code, role_title
from indico_oewg.registration.util import FIELD_TYPE
from indico_oewg.states import current_language, normalize_name
from indico_oewg.working_groups.util import get_session_title, get_working_group


_ROLE_ORDER = {role: n for n, role in enumerate(ROLES)}
_WOMEN = {'Ms', 'Mrs'}
_MEN = {'Mr'}

#: Who may be on the list, by audience: Indico's publication rules for the public, for participants, or anyone
#: approved (for the statistics, which name nobody)
AUDIENCES = ('public', 'documents', 'all')

#: The page of the PDF (the rest of its style is in the template)
PDF_PAGE_CSS = '@page { margin: 2cm 2cm 2.5cm; @bottom-center { content: counter(page); font-size: 9pt; } }'


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
class ListedDelegation:
    """A delegation (the shared `Delegation`) on the list, with its participants in role order."""

    delegation: object
    participants: list = field(default_factory=list)

    @property
    def name(self):
        return self.delegation.name()


@dataclass
class Group:
    """The delegations of one representation, under its heading."""

    representation: Representation
    delegations: list = field(default_factory=list)

    @property
    def title(self):
        """The heading ("Member States"), translated when it is rendered."""
        return self.representation.group_title


def _query_rows(event, audience):
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
    if audience != 'all':
        # Indico's own rules, as its participant list applies them
        query = query.filter(Registration.is_publishable(audience == 'documents'))
    return query.all()


def _query_titles(event):
    """The salutation (caption of Indico's "Title" personal data field) of each registration of a session."""
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

    :param audience: ``'public'`` (whom Indico shows to everyone), ``'documents'`` (the secretariat's
                     PDF/DOCX/XLSX: whom Indico shows to the session's participants) or ``'all'`` (every approved
                     participant, for statistics)
    """
    assert audience in AUDIENCES
    accredited = get_accredited_by_code(event)
    titles = _query_titles(event)
    by_delegation = defaultdict(list)
    for registration_id, first_name, last_name, data, user_title in _query_rows(event, audience):
        representation = Representation.parse(data.get('representation'))
        delegation = delegation_of(data, accredited)
        if representation is None or delegation is None:
            continue
        salutation = titles.get(registration_id) or (orig_string(user_title.title) if user_title else '')
        by_delegation[(representation, delegation)].append(Participant(
            first_name=first_name, last_name=last_name, salutation=salutation,
            role=data.get('role'), title=data.get('title') or ''))
    groups = {representation: Group(representation) for representation in Representation}
    language = current_language()
    for (representation, delegation), participants in by_delegation.items():
        participants.sort(key=lambda p: (_ROLE_ORDER.get(p.role, len(_ROLE_ORDER)), normalize_name(p.last_name),
                                         normalize_name(p.first_name)))
        groups[representation].delegations.append(ListedDelegation(delegation, participants))
    for group in groups.values():
        group.delegations.sort(key=lambda d: d.delegation.sort_key(language))
    return [group for group in groups.values() if group.delegations]


def format_share(value):
    """A percentage (``55.9``) as the UI's language writes it: "55.9%", "55,9 %"."""
    if value is None:
        return None
    return format_percent(Decimal(str(value)) / 100, locale=get_current_locale(), decimal_quantization=False)


def get_statistics(event):
    """Counts for a session: States, observer delegations, persons; share of women where the title says."""
    groups = get_list_of_participants(event, audience='all')
    states = sum(len(g.delegations) for g in groups if g.representation.is_state)
    observers = sum(len(g.delegations) for g in groups if not g.representation.is_state)
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


def get_document_context(event):
    """What every form of the list says on top: its heading and the session it is of."""
    working_group = get_working_group(event.category)
    return {'heading': _('List of participants'),
            'subtitle': f'{working_group.name} — {get_session_title(event)}, {format_session_dates(event)}'}


def render_participants_pdf(event, groups):
    """The list as PDF."""
    html = render_plugin_template('registration/participants_document.html', event=event, groups=groups,
                                  standalone=True, language=current_language(), **get_document_context(event))
    return render_pdf(html, PDF_PAGE_CSS)


def render_participants_docx(event, groups):
    """The list as a Word document, for the secretariat to edit before issuing it."""
    context = get_document_context(event)
    document = WordDocument()
    document.heading(str(context['heading']), level=1)
    document.paragraph(context['subtitle'])
    for group in groups:
        document.heading(str(group.title), level=2)
        for listed in group.delegations:
            document.heading(listed.name, level=3)
            for participant in listed.participants:
                document.paragraph(participant.line)
    return document.save()


def get_spreadsheet_rows(groups):
    """Headers and rows of the list as a spreadsheet (one row per participant), in the UI's language."""
    headers = [str(_('Group')), str(_('Delegation')), str(_('Salutation')), str(_('First name')),
               str(_('Last name')), str(_('Role')), str(_('Official title'))]
    rows = [dict(zip(headers, (str(group.title), listed.name, p.salutation, p.first_name, p.last_name,
                               role_title(p.role), p.title), strict=True))
            for group in groups for listed in group.delegations for p in listed.participants]
    return headers, rows
