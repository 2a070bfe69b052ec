# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""Changes to agenda items and statements. Every function validates first and changes nothing on bad input."""

from flask import session

from indico.core.db import db
from indico.core.logger import Logger
from indico.modules.logs import EventLogRealm, LogKind
from indico.util.date_time import now_utc

from indico_oewg import _, ngettext
from indico_oewg.statements.files import CheckedFile, StatementFileError, check_file
from indico_oewg.statements.models.agenda_items import AgendaItem
from indico_oewg.statements.models.files import LANGUAGE_ORDER, StatementFile, language_label
from indico_oewg.statements.models.statements import DeliveryStatus, Statement, StatementStatus
from indico_oewg.statements.util import Delegation, StatementError, next_position


logger = Logger.get('plugin.oewg.statements')


def _user(user):
    if user is not None:
        return user
    return session.user if session else None


def _log(event, kind, summary, user, data=None):
    event.log(EventLogRealm.management, kind, 'OEWG', summary, _user(user), data=data)


def _statement_log_data(statement):
    data = {'Agenda item': statement.agenda_item.title, 'Position': statement.position,
            'Delegation': statement.delegation_name}
    if statement.on_behalf_of:
        data['On behalf of'] = statement.on_behalf_of
    if statement.date:
        data['Date'] = statement.date.isoformat()
    if statement.files:
        data['Files'] = ', '.join(f'{f.filename} ({f.language})' for f in statement.files_by_language)
    return data


# --- agenda items --------------------------------------------------------------------------------------------------

def create_agenda_item(event, title, user=None):
    title = (title or '').strip()
    if not title:
        raise StatementError(_('The agenda item needs a title.'))
    if any(item.title.casefold() == title.casefold() for item in event.oewg_agenda_items):
        raise StatementError(_('The agenda already has an item "{title}".').format(title=title))
    position = max((item.position for item in event.oewg_agenda_items), default=0) + 1
    item = AgendaItem(event=event, title=title, position=position)
    db.session.flush()
    _log(event, LogKind.positive, f'Agenda item "{title}" added', user)
    return item


def update_agenda_item(item, title, user=None):
    title = (title or '').strip()
    if not title:
        raise StatementError(_('The agenda item needs a title.'))
    if any(other.title.casefold() == title.casefold() for other in item.event.oewg_agenda_items if other != item):
        raise StatementError(_('The agenda already has an item "{title}".').format(title=title))
    if title == item.title:
        return
    old = item.title
    item.title = title
    db.session.flush()
    _log(item.event, LogKind.change, f'Agenda item "{old}" renamed to "{title}"', user)


def delete_agenda_item(item, user=None):
    if item.statements:
        raise StatementError(ngettext('"{title}" still has {n} statement; move or delete it first.',
                                      '"{title}" still has {n} statements; move or delete them first.',
                                      len(item.statements))
                             .format(title=item.title, n=len(item.statements)))
    event = item.event
    event.oewg_agenda_items.remove(item)
    db.session.flush()
    _log(event, LogKind.negative, f'Agenda item "{item.title}" deleted', user)


def reorder_agenda_items(event, item_ids, user=None):
    items = {item.id: item for item in event.oewg_agenda_items}
    if sorted(item_ids) != sorted(items):
        raise StatementError(_('The agenda changed meanwhile; reload the page and try again.'))
    for position, item_id in enumerate(item_ids, 1):
        items[item_id].position = position
    db.session.flush()
    _log(event, LogKind.change, 'Agenda items reordered', user,
         data={'Order': ', '.join(items[item_id].title for item_id in item_ids)})


# --- statements ----------------------------------------------------------------------------------------------------

def _check_position(agenda_item, position, statement=None):
    if position is None:
        return
    if position < 1:
        raise StatementError(_('The position must be 1 or more.'))
    clash = (Statement.query
             .filter(Statement.agenda_item_id == agenda_item.id, Statement.position == position,
                     Statement.id != (statement.id if statement and statement.id else -1))
             .first())
    if clash:
        raise StatementError(_('Position {position} under "{item}" is already taken by "{other}".')
                             .format(position=position, item=agenda_item.title, other=clash.heading))


def check_files(uploads, existing_languages=()):
    """Check ``(language, filename, data)`` uploads; return `CheckedFile` objects or raise with every problem."""
    errors = []
    checked = []
    seen = set(existing_languages)
    for language, filename, data in uploads:
        try:
            result = check_file(filename, data, language)
        except StatementFileError as exc:
            errors.append(str(exc))
            continue
        if language in seen:
            errors.append(_('"{name}": there is already a file in {language}; delete it first to replace it.')
                          .format(name=filename, language=language_label(language)))
            continue
        seen.add(language)
        checked.append(result)
    if errors:
        raise StatementError(' '.join(errors))
    return checked


def _store_files(statement, checked):
    for item in checked:
        assert isinstance(item, CheckedFile)
        file = StatementFile(statement=statement, language=item.language, filename=item.filename,
                             content_type=item.content_type, extracted_text=item.text)
        file.save(item.data)
    statement.search_text = statement.build_search_text()


def _apply(statement, data):
    delegation = data['delegation']
    assert isinstance(delegation, Delegation)
    delegation.apply(statement)
    statement.on_behalf_of = (data.get('on_behalf_of') or '').strip()
    statement.joining_states = list(data.get('joining_states') or [])
    statement.date = data.get('date')
    statement.meeting = (data.get('meeting') or '').strip()
    statement.title = (data.get('title') or '').strip()
    statement.delivery_status = data.get('delivery_status') or DeliveryStatus.not_indicated
    language = data.get('original_language') or ''
    if language and language not in LANGUAGE_ORDER:
        raise StatementError(_('Unknown language "{language}".').format(language=language))
    statement.original_language = language


def create_statement(event, agenda_item, data, uploads=(), *, status=StatementStatus.unpublished, user=None,
                     submitter=None, log=True):
    """Create a statement with its language versions.

    :param data: ``delegation`` (a `Delegation`), ``position`` (``None`` appends), ``on_behalf_of``,
                 ``joining_states``, ``date``, ``meeting``, ``title``, ``delivery_status``, ``original_language``
    :param uploads: ``(language, filename, bytes)`` tuples
    :raise StatementError: on bad input, before anything is stored
    """
    if agenda_item.event != event:
        raise StatementError(_('The agenda item belongs to another session.'))
    position = data.get('position')
    _check_position(agenda_item, position)
    checked = check_files(uploads)
    statement = Statement(event=event, agenda_item=agenda_item, status=status,
                          submitter=submitter or _user(user),
                          position=position or next_position(agenda_item))
    _apply(statement, data)
    if status == StatementStatus.published:
        statement.published_dt = now_utc()
    db.session.add(statement)
    db.session.flush()
    _store_files(statement, checked)
    db.session.flush()
    logger.info('Statement %r created by %r', statement, _user(user))
    if log:
        _log(event, LogKind.positive, f'Statement added: {statement.english_heading}', user,
             data=_statement_log_data(statement))
    return statement


def update_statement(statement, agenda_item, data, user=None):
    """Change a statement's details (not its files)."""
    position = data.get('position') or (statement.position if agenda_item == statement.agenda_item
                                        else next_position(agenda_item))
    _check_position(agenda_item, position, statement)
    before = _statement_log_data(statement)
    statement.agenda_item = agenda_item
    statement.position = position
    _apply(statement, data)
    statement.search_text = statement.build_search_text()
    db.session.flush()
    after = _statement_log_data(statement)
    changes = {key: [before.get(key, ''), after.get(key, '')] for key in after | before
               if before.get(key) != after.get(key)}
    _log(statement.event, LogKind.change, f'Statement updated: {statement.english_heading}', user,
         data={key: f'{old} → {new}' for key, (old, new) in changes.items()} or None)


def delete_statement(statement, user=None):
    event = statement.event
    data = _statement_log_data(statement)
    stored = [(file.storage, file.storage_file_id) for file in statement.files]
    db.session.delete(statement)
    db.session.flush()
    for storage, storage_file_id in stored:
        storage.delete(storage_file_id)
    _log(event, LogKind.negative, f'Statement deleted: {statement.english_heading}', user, data=data)


def add_files(statement, uploads, user=None):
    """Add language versions to a statement; all are checked first and none is stored when one is bad."""
    if not uploads:
        raise StatementError(_('Choose at least one file.'))
    checked = check_files(uploads, existing_languages={f.language for f in statement.files})
    _store_files(statement, checked)
    db.session.flush()
    _log(statement.event, LogKind.positive, f'Files added to statement: {statement.english_heading}', user,
         data={'Files': ', '.join(f'{item.filename} ({item.language})' for item in checked)})


def delete_file(file, user=None):
    statement = file.statement
    name = f'{file.filename} ({file.language})'
    statement.files.remove(file)
    file.delete(delete_from_db=True)
    statement.search_text = statement.build_search_text()
    _log(statement.event, LogKind.negative, f'File deleted from statement: {statement.english_heading}', user,
         data={'File': name})


def reorder_statements(agenda_item, statement_ids, user=None):
    """Put the statements of an agenda item in the given delivery order."""
    statements = {s.id: s for s in agenda_item.statements}
    if sorted(statement_ids) != sorted(statements):
        raise StatementError(_('The statements changed meanwhile; reload the page and try again.'))
    # Two steps because (agenda item, position) is unique at every moment: first out of the way, then in place
    offset = max((s.position for s in statements.values()), default=0) + 1
    for position, statement_id in enumerate(statement_ids, 1):
        statements[statement_id].position = offset + position
    db.session.flush()
    for position, statement_id in enumerate(statement_ids, 1):
        statements[statement_id].position = position
    db.session.flush()
    _log(agenda_item.event, LogKind.change, f'Statements under "{agenda_item.title}" reordered', user,
         data={'Order': ', '.join(statements[i].delegation_name for i in statement_ids)})


def publish_statement(statement, user=None):
    if statement.is_published:
        return False
    statement.status = StatementStatus.published
    statement.published_dt = now_utc()
    statement.return_reason = ''
    db.session.flush()
    _log(statement.event, LogKind.positive, f'Statement published: {statement.english_heading}', user)
    return True


def unpublish_statement(statement, user=None):
    if not statement.is_published:
        return False
    statement.status = StatementStatus.unpublished
    db.session.flush()
    _log(statement.event, LogKind.change, f'Statement unpublished: {statement.english_heading}', user)
    return True
