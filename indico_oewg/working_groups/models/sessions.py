# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

from indico.core.db import db
from indico.util.string import format_repr


class WorkingGroupSession(db.Model):
    """The OEWG settings of an event that is a session of a working group.

    The working group itself is not stored here: it is the one configured on the
    event's category, so moving an event moves its session along.
    """

    __tablename__ = 'sessions'
    __table_args__ = (db.CheckConstraint('number >= 0', 'number_not_negative'),
                      {'schema': 'plugin_oewg'})

    #: The event that is the session
    event_id = db.Column(
        db.Integer,
        db.ForeignKey('events.events.id', ondelete='CASCADE'),
        primary_key=True
    )
    #: The session's title, e.g. "Fourth session"
    title = db.Column(
        db.String,
        nullable=False
    )
    #: The number of a substantive session (none for the organizational session)
    number = db.Column(
        db.Integer,
        nullable=True
    )
    #: The meeting room, e.g. "Room XVIII, E Building"
    room = db.Column(
        db.String,
        nullable=False,
        default=''
    )

    event = db.relationship(
        'Event',
        lazy=True,
        backref=db.backref(
            'oewg_session',
            uselist=False,
            lazy=True,
            cascade='all, delete-orphan'
        )
    )

    @property
    def locator(self):
        return self.event.locator

    @property
    def working_group(self):
        from indico_oewg.working_groups.util import get_working_group
        return get_working_group(self.event.category)

    def __repr__(self):
        return format_repr(self, 'event_id', 'number', _text=self.title)
