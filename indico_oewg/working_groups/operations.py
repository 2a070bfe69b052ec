# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

from flask import session

from indico.core.db import db
from indico.modules.logs import EventLogRealm, LogKind
from indico.modules.logs.models.entries import CategoryLogRealm
from indico.modules.logs.util import make_diff_log

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


def _current_user():
    return session.user if session else None


def create_working_group(category, data, user=None):
    """Configure a category as an open-ended working group."""
    user = user or _current_user()
    working_group = WorkingGroup(category=category, **data)
    db.session.add(working_group)
    db.session.flush()
    category.log(CategoryLogRealm.category, LogKind.positive, 'OEWG',
                 f'Configured as the working group "{working_group.name}"', user,
                 data={'GA resolution': working_group.resolution,
                       'Document symbol prefix': working_group.symbol_prefix,
                       'Secretariat contact': working_group.contact_email})
    return working_group


def update_working_group(working_group, data, user=None):
    """Change the settings of a working group, logging what changed."""
    changes = working_group.populate_from_dict(data)
    db.session.flush()
    if changes:
        working_group.category.log(CategoryLogRealm.category, LogKind.change, 'OEWG', 'Working group updated',
                                   user or _current_user(), data=make_diff_log(changes, WORKING_GROUP_LOG_FIELDS))
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
        event.log(EventLogRealm.management, LogKind.change, 'OEWG', 'Session settings updated',
                  user or _current_user(), data=make_diff_log(changes, SESSION_LOG_FIELDS))
    return changes
