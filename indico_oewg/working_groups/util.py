# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

from indico.core.db import db
from indico.modules.events.models.events import Event


#: The event permission of the secretariat of a session
SECRETARIAT_PERMISSION = 'oewg_secretariat'


def get_working_group(category):
    """Return the working group configured on a category, or ``None``."""
    # The relationship (not a query) so that the many callers of one request share a single load.
    return category.oewg_working_group if category is not None else None


def is_session(event):
    """Whether an event is a session of a working group: the OEWG feature is on and its category is a working
    group's (the feature is offered only there, but the event may have moved since).
    """
    return event.has_feature('oewg') and get_working_group(event.category) is not None


def can_manage_session(event, user):
    """Whether a user is the secretariat of a session: the *OEWG secretariat* permission (full event managers hold
    it implicitly) on an event that is a session.
    """
    return user is not None and is_session(event) and event.can_manage(user, SECRETARIAT_PERMISSION)


def get_session_ids(working_group):
    """Ids of the working group's sessions, whoever may see them, in chronological order, in one query.

    A session is an event of the working group's category with the OEWG feature on.
    """
    from indico.modules.events.settings import EventSetting
    rows = (db.session.query(Event.id, EventSetting.value)
            .join(EventSetting, db.and_(EventSetting.event_id == Event.id, EventSetting.module == 'features',
                                        EventSetting.name == 'enabled'))
            .filter(Event.category_id == working_group.category_id, ~Event.is_deleted)
            .order_by(Event.start_dt, Event.id))
    return [event_id for event_id, features in rows if features and 'oewg' in features]


def get_sessions(working_group):
    """The sessions of a working group, in chronological order."""
    return Event.query.filter(Event.id.in_(get_session_ids(working_group))).order_by(Event.start_dt, Event.id).all()


def get_session_title(event):
    """The title of the session as the UN writes it, e.g. "Fourth session"."""
    return event.oewg_session.title if event.oewg_session else event.title
