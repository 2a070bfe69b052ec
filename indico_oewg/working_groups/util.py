# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

from indico.modules.events.models.events import Event


def get_working_group(category):
    """Return the working group configured on a category, or ``None``."""
    # The relationship (not a query) so that the many callers of one request share a single load.
    return category.oewg_working_group if category is not None else None


def is_session(event):
    """Whether an event is a session of a working group (its category has one and the feature is on)."""
    return event.has_feature('oewg') and get_working_group(event.category) is not None


def get_sessions(working_group):
    """The sessions of a working group, in chronological order.

    A session is an event of the working group's category with the OEWG feature on.
    """
    events = (Event.query
              .filter(Event.category_id == working_group.category_id, ~Event.is_deleted)
              .order_by(Event.start_dt, Event.id)
              .all())
    return [event for event in events if event.has_feature('oewg')]


def get_session_title(event):
    """The title of the session as the UN writes it, e.g. "Fourth session"."""
    return event.oewg_session.title if event.oewg_session else event.title
