# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""Who may see a statement that is not public."""

from indico_oewg.statements.models.statements import StatementStatus
from indico_oewg.util import acting_user
from indico_oewg.working_groups.util import can_manage_session


def can_see_statement(statement, user=None):
    """Published statements of an accessible session; the others only for the secretariat, for their submitter
    while in moderation or returned, and for the contact invited to hand in the text of one delivered from the floor.
    """
    user = acting_user(user)
    event = statement.event
    if can_manage_session(event, user):
        return True
    if not event.can_access(user):
        return False
    if statement.is_published:
        return True
    if user is None:
        return False
    if statement.status == StatementStatus.awaiting_text:
        return statement.contact == user
    return statement.submitter == user and statement.status != StatementStatus.unpublished
