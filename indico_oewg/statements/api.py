# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""What the other capabilities (the list of speakers) may ask the statements archive.

Nothing else of `indico_oewg.statements` is to be imported from outside it. Delegations are the shared
`indico_oewg.delegations.Delegation`; ``user`` defaults to the logged-in user (`indico_oewg.util.acting_user`).
"""

from indico.core.db import db
from indico.core.plugins import url_for_plugin

from indico_oewg.statements import operations
from indico_oewg.statements.models.agenda_items import AgendaItem
from indico_oewg.statements.models.statements import Statement, StatementMode, StatementStatus
from indico_oewg.statements.queries import get_agenda_items as _get_agenda_items


def get_agenda_items(event):
    """The session's agenda items in agenda order (models with ``.id``, ``.title``, ``.position``, ``.event``)."""
    return _get_agenda_items(event)


def get_agenda_item(event, agenda_item_id):
    """One agenda item of the session, or ``None``."""
    return AgendaItem.query.filter_by(id=agenda_item_id, event_id=event.id).first()


def record_delivered_statement(agenda_item, delegation, *, on_behalf_of='', joining_states=(), language='',
                               contact=None, user=None):
    """A statement delivered from the floor.

    It goes after the last delivered statement under the agenda item (the order of delivery), mode "oral", and is
    not public until it has a file or the secretariat publishes it. When ``contact`` (a `User`) is given, they are
    invited by e-mail to hand in its text, and may attach its files through the hand-in page (which publishes it).
    Logged.

    :param joining_states: ISO3 codes of the States joining the statement
    :param language: the language of delivery (``ar``, ``zh``, ``en``, ``fr``, ``ru``, ``es``, ``other``, or empty)
    :raise indico_oewg.statements.errors.StatementError: on bad input (a text too long, an unknown language)
    :return: the `Statement`
    """
    return operations.record_delivered_statement(agenda_item, delegation, on_behalf_of=on_behalf_of,
                                                 joining_states=joining_states, language=language,
                                                 contact=contact, user=user)


def undo_delivered_statement(statement, user=None):
    """Take back a statement recorded from the floor (the secretariat pressed "previous").

    :return: ``True`` if it was deleted (it had no file and was not published), ``False`` if it stays
    """
    return operations.undo_delivered_statement(statement, user)


def get_statement_url(statement):
    """The public permalink of a statement (404 for the public while it is not published)."""
    return url_for_plugin('oewg.statement', statement, _external=True)


def get_statement_urls(event, statement_ids):
    """The public permalinks of statements of a session, ``{id: url}``, from a single routing lookup (a list of
    speakers links hundreds; nothing is loaded).
    """
    marker = '987654321'
    pattern = url_for_plugin('oewg.statement', event_id=event.id, statement_id=int(marker), _external=True)
    before, after = pattern.rsplit(marker, 1)
    return {statement_id: f'{before}{statement_id}{after}' for statement_id in statement_ids}


def get_published_ids(statement_ids):
    """Which of these statements the public can see (one query, nothing loaded)."""
    if not statement_ids:
        return set()
    return {statement_id for statement_id, in (db.session.query(Statement.id)
                                               .filter(Statement.id.in_(set(statement_ids)),
                                                       Statement.status == StatementStatus.published))}


def is_published(statement):
    """Whether the public can see it."""
    return statement.is_published


def get_statements(agenda_item, mode=None):
    """The statements under an agenda item in delivery order (published or not; the delivered ones, then the
    written contributions), optionally only ``"oral"`` or ``"written"``.

    Each has ``.id``, ``.position``, ``.delegation`` (the shared `Delegation`), ``.on_behalf_of``,
    ``.is_published``, ``.mode``.
    """
    query = Statement.query.filter_by(agenda_item_id=agenda_item.id)
    if mode is not None:
        query = query.filter_by(mode=StatementMode[mode])
    return query.order_by(Statement.mode, Statement.position).all()
