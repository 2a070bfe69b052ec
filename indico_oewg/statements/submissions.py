# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""Delegations hand in their statements and written contributions; the secretariat publishes or returns them."""

from indico.core.db import db
from indico.modules.logs import EventLogRealm, LogKind

from indico_oewg import _
from indico_oewg.statements.errors import StatementError
from indico_oewg.statements.models.statements import StatementStatus
from indico_oewg.statements.models.submitters import StatementSubmitter
from indico_oewg.statements.notifications import notify_published, notify_returned
from indico_oewg.statements.operations import add_files, create_statement, publish_statement
from indico_oewg.statements.parsing import check_text
from indico_oewg.util import log_event


def get_submitter_delegations(event, user):
    """The delegations a user may hand in statements for: those of their registrations for the session (also while
    pending), those they are focal point of (e.g. as a contact of an accredited organization, where the session
    makes them so), and those the secretariat listed them for here.
    """
    if user is None:
        return []
    # imported when used: importing the registration's (and through it the observers') models with the statements'
    # (in tests, before Indico's app exists) would leave some of their relationships unresolved
    from indico_oewg.registration import api as registration_api
    delegations = [*registration_api.get_user_delegations(event, user),
                   *registration_api.get_represented_delegations(event, user)]
    delegations += [entry.delegation for entry in StatementSubmitter.query.filter_by(event_id=event.id,
                                                                                     user_id=user.id)]
    return list(dict.fromkeys(delegations))


def add_submitter(event, user, delegation, by_user=None):
    """List a user as submitter for a delegation (a State or an organization)."""
    if not delegation.is_state and not delegation.is_organization:
        raise StatementError(_('Submitters hand in statements for a State or an organization.'))
    if delegation in get_submitter_delegations(event, user):
        raise StatementError(_('{user} already hands in statements for {delegation}.')
                             .format(user=user.full_name, delegation=delegation.name()))
    entry = StatementSubmitter(event=event, user=user, delegation=delegation)
    db.session.flush()
    log_event(event, LogKind.positive, f'{user.full_name} may hand in statements for {delegation.name("en")}',
              by_user, data={'User': f'{user.full_name} <{user.email}>'})
    return entry


def remove_submitter(entry, by_user=None):
    event = entry.event
    event.oewg_statement_submitters.remove(entry)
    db.session.flush()
    log_event(event, LogKind.negative, f'{entry.user.full_name} no longer hands in statements for '
                                       f'{entry.delegation.name("en")}', by_user)


def submit_statement(event, user, delegation, agenda_item, data, uploads):
    """A delegation hands in a statement it delivered, or a written contribution: it waits in the moderation
    queue.
    """
    if delegation not in get_submitter_delegations(event, user):
        raise StatementError(_('You may not hand in statements for this delegation.'))
    if not uploads:
        raise StatementError(_('Attach the statement (PDF or Word) in at least one language.'))
    data = dict(data, delegation=delegation, position=None)
    statement = create_statement(event, agenda_item, data, uploads, status=StatementStatus.pending, user=user,
                                 submitter=user, log=False)
    log_event(event, LogKind.positive, f'Statement handed in: {statement.english_heading}', user,
              data={'Mode': statement.mode.name,
                    'Files': ', '.join(f'{f.filename} ({f.language})' for f in statement.files)},
              realm=EventLogRealm.participants)
    return statement


def can_hand_in_text(statement, user):
    """Whether the user may hand in the text of a statement delivered from the floor: its invited contact."""
    return (user is not None and statement.status == StatementStatus.awaiting_text
            and statement.contact == user)


def hand_in_text(statement, uploads, user):
    """The contact of a statement delivered from the floor hands in its text: the files are added and the statement
    is published (it was delivered; there is nothing to moderate).
    """
    if not can_hand_in_text(statement, user):
        raise StatementError(_('You may not hand in the text of this statement.'))
    if not uploads:
        raise StatementError(_('Attach the statement (PDF or Word) in at least one language.'))
    add_files(statement, uploads, user)


def accept_submission(statement, user=None):
    """Publish a statement handed in by a delegation and tell its submitter."""
    publish_statement(statement, user)
    notify_published(statement)


def return_submission(statement, reason, user=None):
    """Return a statement to its submitter with a reason; it stays stored, unpublished."""
    reason = check_text(reason, 'reason', _('The reason'))
    if not reason:
        raise StatementError(_('Give the reason for returning the statement.'))
    statement.status = StatementStatus.returned
    statement.return_reason = reason
    db.session.flush()
    log_event(statement.event, LogKind.negative,
              f'Statement returned to its submitter: {statement.english_heading}', user, data={'Reason': reason})
    notify_returned(statement, reason)
