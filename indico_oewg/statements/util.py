# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""Queries and helpers of the statements archive."""

from dataclasses import dataclass, field

from flask import session
from sqlalchemy.orm import contains_eager, defer, subqueryload

from indico.core.db import db
from indico.modules.events.models.events import Event
from indico.util.date_time import format_date

from indico_oewg import _
from indico_oewg.states import find_state, get_state
from indico_oewg.statements.models.agenda_items import AgendaItem
from indico_oewg.statements.models.files import LANGUAGE_LABELS, LANGUAGE_ORDER, StatementFile
from indico_oewg.statements.models.statements import (SEARCH_VECTOR_SQL, SpeakerKind, Statement, StatementStatus,
                                                      organisation_display_name, state_display_name)
from indico_oewg.working_groups.util import get_session_title, get_working_group


class StatementError(ValueError):
    """Input that cannot be accepted; the message says why."""


@dataclass(frozen=True)
class Delegation:
    """Who speaks: a State (ISO3 code), an organisation (name) or an office/body (text)."""

    kind: SpeakerKind
    value: str
    #: The organisation of the observers' registry, if it is one (names stay what identifies a delegation)
    organisation_id: int = field(default=None, compare=False)

    @property
    def name(self):
        if self.kind == SpeakerKind.state:
            return state_display_name(get_state(self.value))
        elif self.kind == SpeakerKind.organisation:
            return organisation_display_name(self.value)
        return self.value

    @property
    def key(self):
        return f'{self.kind.name}:{self.value}'

    def apply(self, statement):
        statement.speaker_kind = self.kind
        statement.state_code = self.value if self.kind == SpeakerKind.state else None
        statement.organisation_name = self.value if self.kind == SpeakerKind.organisation else ''
        statement.office = self.value if self.kind == SpeakerKind.office else ''
        statement.organisation_id = self.organisation_id if self.kind == SpeakerKind.organisation else None

    @classmethod
    def of(cls, statement):
        value = {SpeakerKind.state: statement.state_code,
                 SpeakerKind.organisation: statement.organisation_name}.get(statement.speaker_kind, statement.office)
        return cls(statement.speaker_kind, value, statement.organisation_id)

    @classmethod
    def from_key(cls, key):
        kind, _sep, value = (key or '').partition(':')
        if kind not in SpeakerKind.__members__ or not value:
            return None
        return cls(SpeakerKind[kind], value)


def known_organisations(event):
    """Names of organisations the archive knows for a session's working group (used until the registry is linked)."""
    working_group = get_working_group(event.category)
    query = (db.session.query(Statement.organisation_name)
             .join(Statement.event)
             .filter(Statement.speaker_kind == SpeakerKind.organisation, ~Event.is_deleted)
             .distinct())
    if working_group:
        query = query.filter(Event.category_id == working_group.category_id)
    else:
        query = query.filter(Statement.event_id == event.id)
    return {name for name, in query}


def resolve_delegation(text, event):
    """Resolve a delegation written as ISO3 code, a UN short name in any of the six languages or an organisation name.

    ``office: <text>`` names an office or body (e.g. a Chair), ``organisation: <name>`` a new organisation.

    :raise StatementError: when nothing matches
    """
    text = (text or '').strip()
    if not text:
        raise StatementError(_('The delegation is missing.'))
    prefix, sep, rest = text.partition(':')
    if sep and prefix.strip().lower() in ('office', 'body') and rest.strip():
        return Delegation(SpeakerKind.office, rest.strip())
    if sep and prefix.strip().lower() == 'organisation' and rest.strip():
        return Delegation(SpeakerKind.organisation, rest.strip())
    if state := find_state(text):
        return Delegation(SpeakerKind.state, state.iso3)
    if organisation := find_registry_organisation(text, event):
        return Delegation(SpeakerKind.organisation, organisation.name, organisation.id)
    folded = text.casefold().removeprefix('the ')
    for name in known_organisations(event):
        if name.casefold().removeprefix('the ') == folded:
            return Delegation(SpeakerKind.organisation, name)
    raise StatementError(_('Unknown delegation "{text}": not a UN Member or observer State, nor a known '
                           'organisation.').format(text=text))


def find_registry_organisation(text, event):
    """Look the name up in the observers' registry, once that capability answers."""
    from indico_oewg.observers import api
    working_group = get_working_group(event.category)
    if working_group is None:
        return None
    try:
        organisation = api.find_organisation(text, working_group)
    except NotImplementedError:
        return None
    return organisation


def parse_joining_states(text):
    """Parse a list of States (ISO3 codes or names, separated by commas or semicolons) into ISO3 codes.

    :raise StatementError: naming the entries that are not States
    """
    codes = []
    unknown = []
    for part in (text or '').replace(';', ',').split(','):
        part = part.strip()
        if not part:
            continue
        state = find_state(part)
        if state is None:
            unknown.append(part)
        elif state.iso3 not in codes:
            codes.append(state.iso3)
    if unknown:
        raise StatementError(_('Not States: {names}.').format(names=', '.join(unknown)))
    return codes


# --- access ------------------------------------------------------------------------------------------------------

def is_secretariat(event, user=None):
    user = session.user if user is None else user
    return bool(user) and event.can_manage(user, 'oewg_secretariat')


def can_see_statement(statement, user=None):
    """Published statements of an accessible event; the others only for the secretariat (and their submitter)."""
    user = session.user if user is None else user
    event = statement.event
    if is_secretariat(event, user):
        return True
    if not event.can_access(user):
        return False
    if statement.is_published:
        return True
    return user is not None and statement.submitter == user and statement.status != StatementStatus.unpublished


# --- queries -----------------------------------------------------------------------------------------------------

def query_statements(*, published_only=True, with_files=True):
    """Statements with their agenda item (and files) loaded: two queries however many there are."""
    query = (Statement.query
             .join(Statement.agenda_item)
             .options(defer(Statement.search_text),
                      contains_eager(Statement.agenda_item))
             .order_by(AgendaItem.position, AgendaItem.id, Statement.position))
    if with_files:
        # one query for all files however many statements (selectinload batches by 500)
        query = query.options(subqueryload(Statement.files).defer(StatementFile.extracted_text))
    if published_only:
        query = query.filter(Statement.status == StatementStatus.published)
    return query


def search_criterion(text):
    """Full-text criterion over delegation names, group, title and the text inside the files (accents ignored)."""
    return db.text(f"{SEARCH_VECTOR_SQL} @@ plainto_tsquery('simple'::regconfig, indico.indico_unaccent(:q))"
                   ).bindparams(q=text)


def filter_statements(query, *, delegation=None, language=None, q=None, agenda_item_title=None):
    if delegation:
        if delegation.kind == SpeakerKind.state:
            query = query.filter(Statement.speaker_kind == delegation.kind, Statement.state_code == delegation.value)
        elif delegation.kind == SpeakerKind.organisation:
            query = query.filter(Statement.speaker_kind == delegation.kind,
                                 Statement.organisation_name == delegation.value)
        else:
            query = query.filter(Statement.speaker_kind == delegation.kind, Statement.office == delegation.value)
    if language in LANGUAGE_ORDER:
        query = query.filter(Statement.files.any(StatementFile.language == language))
    if q and q.strip():
        query = query.filter(search_criterion(q.strip()))
    if agenda_item_title:
        query = query.filter(AgendaItem.title == agenda_item_title)
    return query


def group_by_agenda_item(agenda_items, statements):
    """``[(agenda_item, [statements])]`` in agenda order, including items without statements."""
    by_item = {item.id: [] for item in agenda_items}
    for statement in statements:
        by_item.setdefault(statement.agenda_item_id, []).append(statement)
    return [(item, by_item[item.id]) for item in agenda_items]


def get_agenda_items(event):
    return AgendaItem.query.filter_by(event_id=event.id).order_by(AgendaItem.position, AgendaItem.id).all()


def delegation_choices(query):
    """The delegations of the statements a query selects, for a filter: ``[(key, name)]`` sorted by name."""
    rows = (query.with_entities(Statement.speaker_kind, Statement.state_code, Statement.organisation_name,
                                Statement.office)
            .order_by(None)
            .distinct())
    seen = {}
    for kind, code, organisation, office in rows:
        value = {SpeakerKind.state: code, SpeakerKind.organisation: organisation}.get(kind, office)
        delegation = Delegation(kind, value)
        seen[delegation.key] = delegation.name
    return sorted(seen.items(), key=lambda item: item[1].casefold().removeprefix('the '))


def get_session_events(working_group, user=None):
    """Sessions of a working group the user may see, in chronological order (a fixed number of queries)."""
    from indico.modules.events.settings import EventSetting
    user = session.user if user is None else user
    events = (Event.query
              .filter(Event.category_id == working_group.category_id, ~Event.is_deleted)
              .options(subqueryload(Event.acl_entries))
              .order_by(Event.start_dt, Event.id)
              .all())
    # the feature setting of every event at once instead of one query per event
    enabled = {event_id for event_id, value in (db.session.query(EventSetting.event_id, EventSetting.value)
                                                .filter(EventSetting.module == 'features',
                                                        EventSetting.name == 'enabled',
                                                        EventSetting.event_id.in_([e.id for e in events])))
               if value and 'oewg' in value}
    return [event for event in events if event.id in enabled and event.can_access(user)]


def citation(statement):
    """E.g. "Statement by Japan, First session of the Open-ended working group on ..., General exchange of views,
    9 May 2022".
    """
    event = statement.event
    working_group = get_working_group(event.category)
    session_title = get_session_title(event)
    if working_group:
        session_title = f'{session_title} of the {working_group.name}'
    parts = [statement.heading, session_title, statement.agenda_item.title]
    if statement.meeting:
        parts.append(statement.meeting)
    if statement.date:
        parts.append(format_date(statement.date, format='d MMMM y', locale='en_GB'))
    return ', '.join(parts)


def next_position(agenda_item):
    last = (db.session.query(db.func.max(Statement.position))
            .filter(Statement.agenda_item_id == agenda_item.id).scalar())
    return (last or 0) + 1



class Links:
    """Build statement and file URLs without a routing lookup per link (thousands on a session page)."""

    _SID, _FID, _NAME = 987654321, 987654322, 'F1L3N4M3'

    def __init__(self):
        self._bases = {}

    def _base(self, endpoint, event_id, **kwargs):
        from indico.core.plugins import url_for_plugin
        key = (endpoint, event_id)
        if key not in self._bases:
            self._bases[key] = url_for_plugin(endpoint, event_id=event_id, statement_id=self._SID, **kwargs)
        return self._bases[key]

    def statement(self, statement):
        return self._base('oewg.statement', statement.event_id).replace(str(self._SID), str(statement.id), 1)

    def file(self, statement, file):
        from urllib.parse import quote
        base = self._base('oewg.download_statement_file', statement.event_id, file_id=self._FID,
                          filename=self._NAME)
        return (base.replace(str(self._SID), str(file.statement_id), 1).replace(str(self._FID), str(file.id), 1)
                .replace(self._NAME, quote(file.filename), 1))


def format_dates(statements):
    """Each distinct date of the statements formatted once (``{date: '9 May 2022'}``)."""
    return {d: format_date(d, 'long') for d in {s.date for s in statements if s.date}}


@dataclass(frozen=True)
class FileLink:
    """What a list needs of a statement file (loading thousands of full ORM objects is slow)."""

    id: int
    statement_id: int
    language: str
    filename: str

    @property
    def language_label(self):
        return LANGUAGE_LABELS.get(self.language) or _('Other language')


def get_file_links(statement_ids):
    """``{statement id: [FileLink, ...]}`` in the UN's language order, in one query."""
    links = {}
    if not statement_ids:
        return links
    rows = (db.session.query(StatementFile.id, StatementFile.statement_id, StatementFile.language,
                             StatementFile.filename)
            .filter(StatementFile.statement_id.in_(statement_ids)))
    for row in sorted(rows, key=lambda r: LANGUAGE_ORDER.index(r.language)):
        links.setdefault(row.statement_id, []).append(FileLink(row.id, row.statement_id, row.language,
                                                               row.filename))
    return links


def render_statement_items(statements, files, links, dates):
    """The ``<li>`` lines of a statement list, built here rather than in Jinja.

    A session page lists up to thousands of statements; every Jinja call in a plugin template goes through the
    plugin-context wrapper, which made the page several times slower than this.
    """
    from markupsafe import Markup, escape
    out = []
    for statement in statements:
        parts = [f'<li class="oewg-statement" id="statement-{statement.id}">'
                 f'<a href="{escape(links.statement(statement))}">{escape(statement.heading)}</a>']
        if statement.title:
            parts.append(f' — <em>{escape(statement.title)}</em>')
        if statement.date:
            parts.append(f' · {escape(dates[statement.date])}')
        if statement.meeting:
            parts.append(f' · {escape(statement.meeting)}')
        for file in files.get(statement.id, ()):
            parts.append(f' <a class="i-button text-color subtle icon-file-pdf" lang="{file.language}" '
                         f'href="{escape(links.file(statement, file))}">{escape(file.language_label)}</a>')
        parts.append('</li>')
        out.append(''.join(parts))
    return Markup('\n'.join(out))
