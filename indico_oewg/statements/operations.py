# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""Changes to agenda items and statements. Every function validates first and changes nothing on bad input."""

from indico.core.db import db
from indico.modules.logs import LogKind
from indico.util.date_time import now_utc

from indico_oewg import _, ngettext
from indico_oewg.delegations import Delegation
from indico_oewg.statements.errors import StatementError
from indico_oewg.statements.files import CheckedFile, StatementFileError, check_file
from indico_oewg.statements.models.agenda_items import AgendaItem
from indico_oewg.statements.models.files import LANGUAGE_ORDER, StatementFile, language_label
from indico_oewg.statements.models.statements import DeliveryStatus, Statement, StatementMode, StatementStatus
from indico_oewg.statements.notifications import notify_text_invitation
from indico_oewg.statements.parsing import check_text
from indico_oewg.statements.queries import next_position
from indico_oewg.util import acting_user, log_event


def _statement_log_data(statement):
    data = {'Agenda item': statement.agenda_item.title, 'Position': statement.position,
            'Delegation': statement.delegation.name_in_sentence('en')}
    if statement.mode == StatementMode.written:
        data['Mode'] = 'written contribution'
    if statement.on_behalf_of:
        data['On behalf of'] = statement.on_behalf_of
    if statement.date:
        data['Date'] = statement.date.isoformat()
    if statement.files:
        data['Files'] = ', '.join(f'{f.filename} ({f.language})' for f in statement.files_by_language)
    return data


# --- agenda items --------------------------------------------------------------------------------------------------

def check_agenda_item_title(event, title, item=None):
    """The title stripped; :class:`StatementError` when empty, too long or already on the session's agenda."""
    title = check_text(title, 'agenda_item', _('The title of the agenda item'))
    if not title:
        raise StatementError(_('The agenda item needs a title.'))
    if any(other.title.casefold() == title.casefold() for other in event.oewg_agenda_items if other != item):
        raise StatementError(_('The agenda already has an item "{title}".').format(title=title))
    return title


def create_agenda_item(event, title, user=None):
    title = check_agenda_item_title(event, title)
    position = max((item.position for item in event.oewg_agenda_items), default=0) + 1
    item = AgendaItem(event=event, title=title, position=position)
    db.session.flush()
    log_event(event, LogKind.positive, f'Agenda item "{title}" added', user)
    return item


def update_agenda_item(item, title, user=None):
    title = check_agenda_item_title(item.event, title, item)
    if title == item.title:
        return
    old = item.title
    item.title = title
    db.session.flush()
    log_event(item.event, LogKind.change, f'Agenda item "{old}" renamed to "{title}"', user)


def delete_agenda_item(item, user=None):
    if item.statements:
        raise StatementError(ngettext('"{title}" still has {n} statement; move or delete it first.',
                                      '"{title}" still has {n} statements; move or delete them first.',
                                      len(item.statements))
                             .format(title=item.title, n=len(item.statements)))
    event = item.event
    event.oewg_agenda_items.remove(item)
    db.session.flush()
    log_event(event, LogKind.negative, f'Agenda item "{item.title}" deleted', user)


def reorder_agenda_items(event, item_ids, user=None):
    items = {item.id: item for item in event.oewg_agenda_items}
    if sorted(item_ids) != sorted(items):
        raise StatementError(_('The agenda changed meanwhile; reload the page and try again.'))
    for position, item_id in enumerate(item_ids, 1):
        items[item_id].position = position
    db.session.flush()
    log_event(event, LogKind.change, 'Agenda items reordered', user,
              data={'Order': ', '.join(items[item_id].title for item_id in item_ids)})


# --- statements ----------------------------------------------------------------------------------------------------

def _check_position(agenda_item, mode, position, statement=None):
    if position is None:
        return
    if position < 1:
        raise StatementError(_('The position must be 1 or more.'))
    clash = (Statement.query
             .filter(Statement.agenda_item_id == agenda_item.id, Statement.mode == mode,
                     Statement.position == position,
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
                          .format(name=result.filename, language=language_label(language)))
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


def check_statement_data(data):
    """The details of a statement checked as every way in (forms, import, list of speakers) must check them.

    :param data: ``delegation`` (a `Delegation`), ``on_behalf_of``, ``joining_states`` (ISO3 codes), ``date``,
                 ``meeting``, ``title``, ``delivery_status``, ``original_language``, ``mode``
    :return: the data with its texts stripped
    :raise StatementError: naming the first problem
    """
    delegation = data.get('delegation')
    if not isinstance(delegation, Delegation):
        raise StatementError(_('The delegation is missing.'))
    if not delegation.is_state:
        field, label = ('organization', _('The organization')) if delegation.is_organization else \
            ('office', _('The office or body'))
        if not delegation.in_registry and not check_text(delegation.label, field, label):
            raise StatementError(_('The delegation is missing.'))
    language = data.get('original_language') or ''
    if language and language not in LANGUAGE_ORDER:
        raise StatementError(_('Unknown language "{language}".').format(language=language))
    return dict(data,
                on_behalf_of=check_text(data.get('on_behalf_of'), 'on_behalf_of', _('On behalf of')),
                joining_states=list(data.get('joining_states') or []),
                meeting=check_text(data.get('meeting'), 'meeting', _('The meeting')),
                title=check_text(data.get('title'), 'title', _('The title')),
                delivery_status=data.get('delivery_status') or DeliveryStatus.not_indicated,
                original_language=language,
                mode=data.get('mode') or StatementMode.oral)


def _apply(statement, data):
    statement.delegation = data['delegation']
    statement.on_behalf_of = data['on_behalf_of']
    statement.joining_states = data['joining_states']
    statement.date = data.get('date')
    statement.meeting = data['meeting']
    statement.title = data['title']
    statement.delivery_status = data['delivery_status']
    statement.original_language = data['original_language']
    statement.mode = data['mode']


def create_statement(event, agenda_item, data, uploads=(), *, status=StatementStatus.unpublished, user=None,
                     submitter=None, contact=None, log=True):
    """Create a statement with its language versions.

    :param data: as :func:`check_statement_data`, and ``position`` (``None`` appends)
    :param uploads: ``(language, filename, bytes)`` tuples
    :raise StatementError: on bad input, before anything is stored
    """
    if agenda_item.event != event:
        raise StatementError(_('The agenda item belongs to another session.'))
    data = check_statement_data(data)
    position = data.get('position')
    _check_position(agenda_item, data['mode'], position)
    checked = check_files(uploads)
    statement = Statement(event=event, agenda_item=agenda_item, status=status,
                          submitter=submitter or acting_user(user), contact=contact,
                          position=position or next_position(agenda_item, data['mode']))
    _apply(statement, data)
    if status == StatementStatus.published:
        statement.published_dt = now_utc()
    db.session.add(statement)
    db.session.flush()
    _store_files(statement, checked)
    db.session.flush()
    if log:
        log_event(event, LogKind.positive, f'Statement added: {statement.english_heading}', user,
                  data=_statement_log_data(statement))
    return statement


def update_statement(statement, agenda_item, data, user=None):
    """Change a statement's details (not its files)."""
    data = check_statement_data(data)
    moved = agenda_item != statement.agenda_item or data['mode'] != statement.mode
    position = data.get('position') or (next_position(agenda_item, data['mode']) if moved else statement.position)
    _check_position(agenda_item, data['mode'], position, statement)
    before = _statement_log_data(statement)
    statement.agenda_item = agenda_item
    statement.position = position
    _apply(statement, data)
    statement.search_text = statement.build_search_text()
    db.session.flush()
    after = _statement_log_data(statement)
    changes = {key: [before.get(key, ''), after.get(key, '')] for key in after | before
               if before.get(key) != after.get(key)}
    log_event(statement.event, LogKind.change, f'Statement updated: {statement.english_heading}', user,
              data={key: f'{old} → {new}' for key, (old, new) in changes.items()} or None)


def delete_statement(statement, user=None):
    event = statement.event
    data = _statement_log_data(statement)
    heading = statement.english_heading
    stored = [(file.storage, file.storage_file_id) for file in statement.files]
    db.session.delete(statement)
    db.session.flush()
    for storage, storage_file_id in stored:
        storage.delete(storage_file_id)
    log_event(event, LogKind.negative, f'Statement deleted: {heading}', user, data=data)


def add_files(statement, uploads, user=None):
    """Add language versions to a statement; all are checked first and none is stored when one is bad.

    A statement delivered from the floor and waiting for its text is published with its first file.
    """
    if not uploads:
        raise StatementError(_('Choose at least one file.'))
    checked = check_files(uploads, existing_languages={f.language for f in statement.files})
    _store_files(statement, checked)
    db.session.flush()
    log_event(statement.event, LogKind.positive, f'Files added to statement: {statement.english_heading}', user,
              data={'Files': ', '.join(f'{item.filename} ({item.language})' for item in checked)})
    if statement.status == StatementStatus.awaiting_text:
        publish_statement(statement, user)


def delete_file(file, user=None):
    statement = file.statement
    name = f'{file.filename} ({file.language})'
    statement.files.remove(file)
    file.delete(delete_from_db=True)
    statement.search_text = statement.build_search_text()
    log_event(statement.event, LogKind.negative, f'File deleted from statement: {statement.english_heading}', user,
              data={'File': name})


def reorder_statements(agenda_item, statement_ids, user=None, mode=StatementMode.oral):
    """Put the statements of an agenda item of one mode (delivered or written) in the given order."""
    statements = {s.id: s for s in agenda_item.statements if s.mode == mode}
    if sorted(statement_ids) != sorted(statements):
        raise StatementError(_('The statements changed meanwhile; reload the page and try again.'))
    # Two steps because (agenda item, mode, position) is unique at every moment: first out of the way, then in place
    offset = max((s.position for s in statements.values()), default=0) + 1
    for position, statement_id in enumerate(statement_ids, 1):
        statements[statement_id].position = offset + position
    db.session.flush()
    for position, statement_id in enumerate(statement_ids, 1):
        statements[statement_id].position = position
    db.session.flush()
    what = 'Written contributions' if mode == StatementMode.written else 'Statements'
    log_event(agenda_item.event, LogKind.change, f'{what} under "{agenda_item.title}" reordered', user,
              data={'Order': ', '.join(statements[i].delegation.name_in_sentence('en') for i in statement_ids)})


def publish_statement(statement, user=None):
    if statement.is_published:
        return False
    statement.status = StatementStatus.published
    statement.published_dt = now_utc()
    statement.return_reason = ''
    db.session.flush()
    log_event(statement.event, LogKind.positive, f'Statement published: {statement.english_heading}', user)
    return True


def unpublish_statement(statement, user=None):
    if not statement.is_published:
        return False
    statement.status = StatementStatus.unpublished
    db.session.flush()
    log_event(statement.event, LogKind.change, f'Statement unpublished: {statement.english_heading}', user)
    return True


# --- from the floor (the list of speakers) -------------------------------------------------------------------------

def record_delivered_statement(agenda_item, delegation, *, on_behalf_of='', joining_states=(), language='',
                               contact=None, user=None):
    """A statement delivered from the floor, after the last delivered one under the agenda item; it waits for its
    text (public once it has a file, or when the secretariat publishes it). The contact, if any, is invited by
    e-mail to hand the text in.
    """
    event = agenda_item.event
    statement = create_statement(event, agenda_item, {
        'delegation': delegation, 'on_behalf_of': on_behalf_of, 'joining_states': list(joining_states),
        'original_language': language, 'mode': StatementMode.oral, 'date': now_utc().astimezone(event.tzinfo).date(),
    }, status=StatementStatus.awaiting_text, user=user, contact=contact, log=False)
    log_event(event, LogKind.positive, f'Statement delivered from the floor: {statement.english_heading}', user,
              data=_statement_log_data(statement) | ({'Contact': contact.full_name} if contact else {}))
    if contact is not None:
        notify_text_invitation(statement)
    return statement


def undo_delivered_statement(statement, user=None):
    """Take back a statement recorded from the floor: deleted (``True``) if it has no file and is not published."""
    if statement.files or statement.is_published:
        return False
    delete_statement(statement, user)
    return True
