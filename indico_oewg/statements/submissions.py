# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""Delegations hand in their statements; the secretariat publishes or returns them."""

from indico.core.db import db
from indico.core.notifications import make_email, send_email
from indico.core.plugins import get_plugin_template_module
from indico.modules.logs import LogKind

from indico_oewg import _
from indico_oewg.statements.models.statements import SpeakerKind, StatementStatus, speaker_value
from indico_oewg.statements.models.submitters import StatementSubmitter
from indico_oewg.statements.operations import _log, _user, create_statement, publish_statement
from indico_oewg.statements.util import Delegation, StatementError
from indico_oewg.working_groups.util import get_session_title, get_working_group


def _registered_delegations(event, user):
    """Delegations of the user's registration (registration capability); empty until it answers."""
    from indico_oewg.registration import api as registration_api
    try:
        entries = registration_api.get_user_delegations(event, user)
    except NotImplementedError:
        return []
    delegations = []
    for delegation in entries:
        if delegation.is_state:
            delegations.append(Delegation(SpeakerKind.state, delegation.code))
        elif organization := _get_organization(delegation.organization_id, event):
            delegations.append(Delegation(SpeakerKind.organization, organization.name, organization.id))
    return delegations


def _get_organization(organization_id, event):
    from indico_oewg.observers import api as observers_api
    working_group = get_working_group(event.category)
    try:
        return observers_api.get_organization(organization_id, working_group)
    except NotImplementedError:
        return None


def get_submitter_delegations(event, user):
    """The delegations a user may hand in statements for: registered ones and those the secretariat listed."""
    if user is None:
        return []
    delegations = list(_registered_delegations(event, user))
    for entry in StatementSubmitter.query.filter_by(event_id=event.id, user_id=user.id):
        delegations.append(Delegation(entry.speaker_kind, speaker_value(entry.speaker_kind, entry.state_code,
                                                                        entry.organization_name, '')))
    return list(dict.fromkeys(delegations))


def add_submitter(event, user, delegation, by_user=None):
    """List a user as submitter for a delegation."""
    if delegation.kind == SpeakerKind.office:
        raise StatementError(_('Submitters hand in statements for a State or an organization.'))
    if delegation in get_submitter_delegations(event, user):
        raise StatementError(_('{user} already hands in statements for {delegation}.')
                             .format(user=user.full_name, delegation=delegation.name))
    entry = StatementSubmitter(event=event, user=user, speaker_kind=delegation.kind,
                               state_code=delegation.value if delegation.kind == SpeakerKind.state else None,
                               organization_name=delegation.value if delegation.kind == SpeakerKind.organization
                               else '')
    db.session.flush()
    _log(event, LogKind.positive, f'{user.full_name} may hand in statements for {delegation.name}', by_user,
         data={'User': f'{user.full_name} <{user.email}>'})
    return entry


def remove_submitter(entry, by_user=None):
    event = entry.event
    event.oewg_statement_submitters.remove(entry)
    db.session.flush()
    _log(event, LogKind.negative, f'{entry.user.full_name} no longer hands in statements for '
                                  f'{entry.delegation_name}', by_user)


def submit_statement(event, user, delegation, agenda_item, data, uploads):
    """A delegation hands in a statement: it waits in the moderation queue."""
    if delegation not in get_submitter_delegations(event, user):
        raise StatementError(_('You may not hand in statements for this delegation.'))
    if not uploads:
        raise StatementError(_('Attach the statement (PDF or Word) in at least one language.'))
    data = dict(data, delegation=delegation, position=None)
    statement = create_statement(event, agenda_item, data, uploads, status=StatementStatus.pending, user=user,
                                 submitter=user, log=False)
    event.log(*_participants_log(), 'OEWG', f'Statement handed in: {statement.english_heading}', user,
              data={'Files': ', '.join(f'{f.filename} ({f.language})' for f in statement.files)})
    return statement


def _participants_log():
    from indico.modules.logs import EventLogRealm
    return EventLogRealm.participants, LogKind.positive


def _notify(statement, template_name, **kwargs):
    user = statement.submitter
    if user is None:
        return
    event = statement.event
    working_group = get_working_group(event.category)
    with event.force_event_locale(user):
        template = get_plugin_template_module(f'statements/emails/{template_name}', statement=statement, user=user,
                                              session_title=get_session_title(event),
                                              working_group_name=working_group.name if working_group else '',
                                              **kwargs)
        email = make_email(to_list={user.email},
                           reply_address=working_group.contact_email if working_group else None,
                           template=template)
    send_email(email, event, 'OEWG', _user(None))


def accept_submission(statement, user=None):
    """Publish a statement handed in by a delegation and tell its submitter."""
    publish_statement(statement, user)
    _notify(statement, 'statement_published.txt')


def return_submission(statement, reason, user=None):
    """Return a statement to its submitter with a reason; it stays stored, unpublished."""
    reason = (reason or '').strip()
    if not reason:
        raise StatementError(_('Give the reason for returning the statement.'))
    statement.status = StatementStatus.returned
    statement.return_reason = reason
    db.session.flush()
    _log(statement.event, LogKind.negative, f'Statement returned to its submitter: {statement.english_heading}', user,
         data={'Reason': reason})
    _notify(statement, 'statement_returned.txt', reason=reason)
