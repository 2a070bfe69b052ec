# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""Queries and helpers of the statements archive."""

from dataclasses import dataclass, field
from datetime import timedelta
from urllib.parse import quote

from flask import session
from markupsafe import Markup, escape
from sqlalchemy.dialects.postgresql import aggregate_order_by
from sqlalchemy.dialects.postgresql import array as pg_array
from sqlalchemy.orm import contains_eager, defer, joinedload, selectinload, subqueryload

from indico.core.cache import make_scoped_cache
from indico.core.db import db
from indico.core.plugins import url_for_plugin
from indico.modules.events.models.events import Event
from indico.util.date_time import format_date

from indico_oewg import _
from indico_oewg.states import find_state, normalize_name
from indico_oewg.statements.models.agenda_items import AgendaItem
from indico_oewg.statements.models.files import LANGUAGE_ORDER, StatementFile, language_label
from indico_oewg.statements.models.statements import (SEARCH_VECTOR_SQL, SpeakerKind, Statement, StatementStatus,
                                                      heading_language, speaker_display_name, speaker_value,
                                                      statement_heading)
from indico_oewg.working_groups.util import get_session_ids, get_session_title, get_working_group


#: The delegations of a session's published statements (its filter choices), by event id
_delegations_cache = make_scoped_cache('oewg-statement-delegations')
#: How long they are kept at most, should a change ever be missed (a statement is also dropped when changed)
DELEGATIONS_CACHE_TTL = timedelta(hours=6)


class StatementError(ValueError):
    """Input that cannot be accepted; the message says why."""


@dataclass(frozen=True)
class Delegation:
    """Who speaks: a State (ISO3 code), an organization (name) or an office/body (text)."""

    kind: SpeakerKind
    value: str
    #: The organization of the observers' registry, if it is one (names stay what identifies a delegation)
    organization_id: int = field(default=None, compare=False)

    @property
    def name(self):
        """E.g. "the Philippines", in French "Philippines" (see :func:`speaker_display_name`)."""
        return speaker_display_name(self.kind, self.value, heading_language())

    @property
    def key(self):
        return f'{self.kind.name}:{self.value}'

    def apply(self, statement):
        statement.speaker_kind = self.kind
        statement.state_code = self.value if self.kind == SpeakerKind.state else None
        statement.organization_name = self.value if self.kind == SpeakerKind.organization else ''
        statement.office = self.value if self.kind == SpeakerKind.office else ''
        statement.organization_id = self.organization_id if self.kind == SpeakerKind.organization else None

    @classmethod
    def of(cls, statement):
        return cls(statement.speaker_kind, statement.speaker_value, statement.organization_id)

    @classmethod
    def from_key(cls, key):
        kind, _sep, value = (key or '').partition(':')
        if kind not in SpeakerKind.__members__ or not value:
            return None
        return cls(SpeakerKind[kind], value)


def known_organizations(event):
    """Names of organizations the archive knows for a session's working group (used until the registry is linked)."""
    working_group = get_working_group(event.category)
    query = (db.session.query(Statement.organization_name)
             .join(Statement.event)
             .filter(Statement.speaker_kind == SpeakerKind.organization, ~Event.is_deleted)
             .distinct())
    if working_group:
        query = query.filter(Event.category_id == working_group.category_id)
    else:
        query = query.filter(Statement.event_id == event.id)
    return {name for name, in query}


def resolve_delegation(text, event):
    """Resolve a delegation written as ISO3 code, a UN short name in any of the six languages or an organization name.

    ``office: <text>`` names an office or body (e.g. a Chair), ``organization: <name>`` (or ``organization:``) a new
    organization.

    :raise StatementError: when nothing matches
    """
    text = (text or '').strip()
    if not text:
        raise StatementError(_('The delegation is missing.'))
    prefix, sep, rest = text.partition(':')
    if sep and prefix.strip().lower() in ('office', 'body') and rest.strip():
        return Delegation(SpeakerKind.office, rest.strip())
    if sep and prefix.strip().lower() in ('organization', 'organization') and rest.strip():
        return Delegation(SpeakerKind.organization, rest.strip())
    if state := find_state(text):
        return Delegation(SpeakerKind.state, state.iso3)
    if organization := find_registry_organization(text, event):
        return Delegation(SpeakerKind.organization, organization.name, organization.id)
    folded = text.casefold().removeprefix('the ')
    for name in known_organizations(event):
        if name.casefold().removeprefix('the ') == folded:
            return Delegation(SpeakerKind.organization, name)
    raise StatementError(_('Unknown delegation "{text}": not a UN Member or observer State, nor a known '
                           'organization.').format(text=text))


def find_registry_organization(text, event):
    """Look the name up in the observers' registry, once that capability answers."""
    from indico_oewg.observers import api
    working_group = get_working_group(event.category)
    if working_group is None:
        return None
    try:
        organization = api.find_organization(text, working_group)
    except NotImplementedError:
        return None
    return organization


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

def published_statements():
    """Published statements joined with their agenda item, in delivery order (no loader options)."""
    return (Statement.query
            .join(Statement.agenda_item)
            .filter(Statement.status == StatementStatus.published)
            .order_by(AgendaItem.position, AgendaItem.id, Statement.position))


def query_statements(*, published_only=True):
    """Statements with their agenda item and files loaded: two queries however many there are."""
    query = (Statement.query
             .join(Statement.agenda_item)
             .options(defer(Statement.search_text),
                      contains_eager(Statement.agenda_item),
                      subqueryload(Statement.files).defer(StatementFile.extracted_text))
             .order_by(AgendaItem.position, AgendaItem.id, Statement.position))
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
        elif delegation.kind == SpeakerKind.organization:
            query = query.filter(Statement.speaker_kind == delegation.kind,
                                 Statement.organization_name == delegation.value)
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


def published_delegation_choices(event_ids):
    """The delegations with published statements at these sessions, for a filter: ``[(key, name)]`` by name.

    Kept per session in the cache until its statements change (see :func:`forget_session_delegations`): the archive
    offers them on every page view and finding them means reading every statement of the working group.
    """
    cached = _delegations_cache.get_dict(*map(str, event_ids))
    missing = [event_id for event_id in event_ids if cached[str(event_id)] is None]
    if missing:
        found = {str(event_id): [] for event_id in missing}
        rows = (db.session.query(Statement.event_id, Statement.speaker_kind, Statement.state_code,
                                 Statement.organization_name, Statement.office)
                .filter(Statement.event_id.in_(missing), Statement.status == StatementStatus.published)
                .distinct())
        for event_id, kind, *columns in rows:
            found[str(event_id)].append((int(kind), speaker_value(kind, *columns)))
        _delegations_cache.set_many(found, timeout=DELEGATIONS_CACHE_TTL)
        cached.update(found)
    delegations = {Delegation(SpeakerKind(kind), value) for pairs in cached.values() for kind, value in pairs}
    return _sorted_choices({delegation.key: delegation.name for delegation in delegations})


def forget_session_delegations(event_ids):
    """Drop the cached delegations of sessions whose statements changed."""
    if event_ids:
        _delegations_cache.delete_many(*map(str, event_ids))


def archive_filter_choices(event_ids):
    """The archive's filter choices over the published statements of these sessions: ``(delegations, agenda item
    titles)``; the titles straight from the agenda items (no join over every statement).
    """
    titles = (db.session.query(AgendaItem.title)
              .filter(AgendaItem.event_id.in_(event_ids),
                      AgendaItem.statements.any(Statement.status == StatementStatus.published))
              .distinct())
    return published_delegation_choices(event_ids), sorted(title for title, in titles)


def _sorted_choices(names):
    # by name without "the", case and accents ("Équateur" with the E's)
    return sorted(names.items(), key=lambda item: normalize_name(item[1]))


def get_session_events(working_group, user=None):
    """Sessions of a working group the user may see, in chronological order (a fixed number of queries)."""
    user = session.user if user is None else user
    event_ids = get_session_ids(working_group)
    events = (Event.query
              .filter(Event.id.in_(event_ids))
              .options(selectinload(Event.acl_entries), joinedload(Event.oewg_session))
              .order_by(Event.start_dt, Event.id)
              .all())
    return [event for event in events if event.can_access(user)]


def citation(statement):
    """E.g. "Statement by Japan, First session of the Open-ended working group on ..., General exchange of views,
    9 May 2022"; in English whatever the UI's language.
    """
    event = statement.event
    working_group = get_working_group(event.category)
    session_title = get_session_title(event)
    if working_group:
        session_title = f'{session_title} of the {working_group.name}'
    parts = [statement.english_heading, session_title, statement.agenda_item.title]
    if statement.meeting:
        parts.append(statement.meeting)
    if statement.date:
        parts.append(format_date(statement.date, format='d MMMM y', locale='en_GB'))
    return ', '.join(parts)


def next_position(agenda_item):
    last = (db.session.query(db.func.max(Statement.position))
            .filter(Statement.agenda_item_id == agenda_item.id).scalar())
    return (last or 0) + 1


def statement_lines(query):
    """What a statement list shows of each statement the query selects, in one query: the statement's columns, its
    agenda item's title and position and its files (``[[id, language, filename], ...]`` in the UN's language order).

    Plain rows, not ORM objects: a session page lists thousands of statements and loading full objects (and their
    files) is several times slower. ``query`` is a :func:`published_statements`-style query without loader options;
    the result is a query of rows.
    """
    files = StatementFile.__table__
    file_list = (db.select(db.func.json_agg(aggregate_order_by(
                     db.func.json_build_array(files.c.id, files.c.language, files.c.filename),
                     db.func.array_position(pg_array(LANGUAGE_ORDER), files.c.language))))
                 .where(files.c.statement_id == Statement.id)
                 .scalar_subquery())
    return query.with_entities(Statement.id, Statement.event_id, Statement.agenda_item_id, Statement.position,
                               Statement.speaker_kind, Statement.state_code, Statement.organization_name,
                               Statement.office, Statement.on_behalf_of, Statement.date, Statement.meeting,
                               Statement.title, AgendaItem.title.label('agenda_item_title'),
                               AgendaItem.position.label('agenda_item_position'),
                               file_list.label('files'))


class StatementListRenderer:
    """The ``<li>`` lines of statement lists, built here rather than in Jinja.

    A session page lists up to thousands of statements: every Jinja call in a plugin template goes through the
    plugin-context wrapper, and URL building, translations and escaping per line add up, so whatever repeats
    (headings of the same delegation, dates, URL patterns, language labels) is computed once.
    """

    _SID, _FID, _NAME = 987654321, 987654322, 'F1L3N4M3'

    def __init__(self):
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
        # in the UI's language, which is the same for every line: a renderer serves one request
        key = (line.speaker_kind, line.state_code, line.organization_name, line.office, line.on_behalf_of)
        if key not in self._headings:
            self._headings[key] = escape(statement_heading(line.speaker_kind, speaker_value(*key[:4]),
                                                           line.on_behalf_of))
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
        """HTML of the lines (from :func:`statement_lines`)."""
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
                parts.append(f' <a class="i-button text-color subtle icon-file-pdf" lang="{escape(language)}" '
                             f'href="{file_pre}{line.id}{file_mid}{file_id}{file_name_pre}'
                             f'{self._filename(filename)}{file_post}">{self._label(language)}</a>')
            parts.append('</li>')
            out.append(''.join(parts))
        return Markup('\n'.join(out))
