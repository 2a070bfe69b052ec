# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""Finding statements: delivery order, filters, full-text search, the rows statement lists are built from."""

from sqlalchemy.dialects.postgresql import aggregate_order_by
from sqlalchemy.dialects.postgresql import array as pg_array
from sqlalchemy.orm import contains_eager, defer, joinedload, selectinload, subqueryload

from indico.core.db import db
from indico.modules.events.models.events import Event

from indico_oewg.delegations import DelegationKind
from indico_oewg.statements.models.agenda_items import AgendaItem
from indico_oewg.statements.models.files import LANGUAGE_ORDER, StatementFile
from indico_oewg.statements.models.statements import SEARCH_VECTOR_SQL, Statement, StatementMode, StatementStatus
from indico_oewg.util import acting_user
from indico_oewg.working_groups.util import get_session_ids


#: Delivery order: agenda item, then the delivered statements, then the written contributions, each by position
DELIVERY_ORDER = (AgendaItem.position, AgendaItem.id, Statement.mode, Statement.position)


def published_statements():
    """Published statements joined with their agenda item, in delivery order (no loader options)."""
    return (Statement.query
            .join(Statement.agenda_item)
            .filter(Statement.status == StatementStatus.published)
            .order_by(*DELIVERY_ORDER))


def query_statements(*, published_only=True):
    """Statements with their agenda item and files loaded: two queries however many there are."""
    query = (Statement.query
             .join(Statement.agenda_item)
             .options(defer(Statement.search_text),
                      contains_eager(Statement.agenda_item),
                      subqueryload(Statement.files).defer(StatementFile.extracted_text))
             .order_by(*DELIVERY_ORDER))
    if published_only:
        query = query.filter(Statement.status == StatementStatus.published)
    return query


def search_criterion(text):
    """Full-text criterion over delegation names, group, title and the text inside the files (accents ignored)."""
    return db.text(f"{SEARCH_VECTOR_SQL} @@ plainto_tsquery('simple'::regconfig, indico.indico_unaccent(:q))"
                   ).bindparams(q=text)


def delegation_criterion(delegation):
    """The statements of a delegation: a State by its code, a registry organization by its id, others by name."""
    if delegation.is_state:
        return db.and_(Statement.speaker_kind == DelegationKind.state, Statement.state_code == delegation.code)
    if delegation.in_registry:
        return db.and_(Statement.speaker_kind == DelegationKind.organization,
                       Statement.organization_id == delegation.organization_id)
    if delegation.is_organization:
        return db.and_(Statement.speaker_kind == DelegationKind.organization, Statement.organization_id.is_(None),
                       Statement.organization_name == delegation.label)
    return db.and_(Statement.speaker_kind == DelegationKind.office, Statement.office == delegation.label)


def filter_statements(query, *, delegation=None, language=None, q=None, agenda_item_title=None, mode=None):
    if delegation:
        query = query.filter(delegation_criterion(delegation))
    if language in LANGUAGE_ORDER:
        query = query.filter(Statement.files.any(StatementFile.language == language))
    if q and q.strip():
        query = query.filter(search_criterion(q.strip()))
    if agenda_item_title:
        query = query.filter(AgendaItem.title == agenda_item_title)
    if mode is not None:
        query = query.filter(Statement.mode == mode)
    return query


def parse_mode(value):
    """The mode a URL or form names ("oral", "written"), or ``None``."""
    return StatementMode.__members__.get(value or '')


def group_by_agenda_item(agenda_items, statements):
    """``[(agenda_item, [delivered statements], [written contributions])]`` in agenda order, including items
    without statements.
    """
    by_item = {item.id: ([], []) for item in agenda_items}
    for statement in statements:
        by_item[statement.agenda_item_id][statement.mode == StatementMode.written].append(statement)
    return [(item, *by_item[item.id]) for item in agenda_items]


def get_agenda_items(event):
    return AgendaItem.query.filter_by(event_id=event.id).order_by(AgendaItem.position, AgendaItem.id).all()


def archive_agenda_titles(event_ids):
    """The titles of the agenda items with published statements at these sessions (the archive's filter), straight
    from the agenda items (no join over every statement).
    """
    titles = (db.session.query(AgendaItem.title)
              .filter(AgendaItem.event_id.in_(event_ids),
                      AgendaItem.statements.any(Statement.status == StatementStatus.published))
              .distinct())
    return sorted(title for title, in titles)


def get_session_events(working_group, user=None):
    """Sessions of a working group the user may see, in chronological order (a fixed number of queries)."""
    user = acting_user(user)
    event_ids = get_session_ids(working_group)
    events = (Event.query
              .filter(Event.id.in_(event_ids))
              .options(selectinload(Event.acl_entries), joinedload(Event.oewg_session))
              .order_by(Event.start_dt, Event.id)
              .all())
    return [event for event in events if event.can_access(user)]


def next_position(agenda_item, mode=StatementMode.oral):
    """The position after the last statement of that mode under the agenda item."""
    last = (db.session.query(db.func.max(Statement.position))
            .filter(Statement.agenda_item_id == agenda_item.id, Statement.mode == mode)
            .scalar())
    return (last or 0) + 1


def get_statements_to_hand_in(event, user):
    """Statements delivered from the floor whose text the user was invited to hand in and has not yet."""
    if user is None:
        return []
    return (Statement.query
            .filter_by(event_id=event.id, contact_id=user.id, status=StatementStatus.awaiting_text)
            .order_by(Statement.created_dt)
            .all())


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
    return query.with_entities(Statement.id, Statement.event_id, Statement.agenda_item_id, Statement.mode,
                               Statement.position, Statement.speaker_kind, Statement.state_code,
                               Statement.organization_id, Statement.organization_name, Statement.office,
                               Statement.on_behalf_of, Statement.date, Statement.meeting, Statement.title,
                               AgendaItem.title.label('agenda_item_title'),
                               AgendaItem.position.label('agenda_item_position'),
                               file_list.label('files'))
