# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

from indico.core.db import db
from indico.modules.logs import LogKind
from indico.modules.logs.util import make_diff_log

from indico_oewg.util import log_category, log_event
from indico_oewg.working_groups.models.sessions import WorkingGroupSession
from indico_oewg.working_groups.models.working_groups import WorkingGroup


WORKING_GROUP_LOG_FIELDS = {
    'name': 'Name',
    'resolution': 'GA resolution',
    'symbol_prefix': 'Document symbol prefix',
    'contact_email': 'Secretariat contact',
}

SESSION_LOG_FIELDS = {
    'title': 'Title',
    'number': {'title': 'Session number', 'type': 'string'},
    'room': 'Room',
}


def create_working_group(category, data, user=None):
    """Configure a category as an open-ended working group."""
    working_group = WorkingGroup(category=category, **data)
    db.session.add(working_group)
    db.session.flush()
    log_category(category, LogKind.positive, f'Configured as the working group "{working_group.name}"', user,
                 data={'GA resolution': working_group.resolution,
                       'Document symbol prefix': working_group.symbol_prefix,
                       'Secretariat contact': working_group.contact_email})
    return working_group


def update_working_group(working_group, data, user=None):
    """Change the settings of a working group, logging what changed."""
    changes = working_group.populate_from_dict(data)
    db.session.flush()
    if changes:
        log_category(working_group.category, LogKind.change, 'Working group updated', user,
                     data=make_diff_log(changes, WORKING_GROUP_LOG_FIELDS))
    return changes


def ensure_session(event):
    """Return the session settings of an event, creating them with defaults taken from the event."""
    if event.oewg_session is None:
        event.oewg_session = WorkingGroupSession(title=event.title, room=event.room_name or '')
        db.session.flush()
    return event.oewg_session


def update_session(event, data, user=None):
    """Change the settings of a session, logging what changed."""
    oewg_session = ensure_session(event)
    changes = oewg_session.populate_from_dict(data)
    db.session.flush()
    if changes:
        log_event(event, LogKind.change, 'Session settings updated', user,
                  data=make_diff_log(changes, SESSION_LOG_FIELDS))
    return changes
