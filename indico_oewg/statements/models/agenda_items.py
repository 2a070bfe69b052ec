# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

from indico.core.db import db
from indico.util.string import format_repr


class AgendaItem(db.Model):
    """An item of the agenda of a session; statements are delivered under one."""

    __tablename__ = 'agenda_items'
    __table_args__ = {'schema': 'plugin_oewg'}

    #: The ID of the agenda item
    id = db.Column(
        db.Integer,
        primary_key=True
    )
    #: The session (event) whose agenda it is on
    event_id = db.Column(
        db.Integer,
        db.ForeignKey('events.events.id', ondelete='CASCADE'),
        nullable=False,
        index=True
    )
    #: Its place on the agenda (1, 2, ...)
    position = db.Column(
        db.Integer,
        nullable=False
    )
    #: The title, e.g. "General exchange of views"
    title = db.Column(
        db.String,
        nullable=False
    )

    event = db.relationship(
        'Event',
        lazy=True,
        backref=db.backref(
            'oewg_agenda_items',
            lazy=True,
            order_by='AgendaItem.position',
            cascade='all, delete-orphan'
        )
    )

    # relationship backrefs:
    # - statements (Statement.agenda_item)

    @property
    def locator(self):
        return dict(self.event.locator, agenda_item_id=self.id)

    def __repr__(self):
        return format_repr(self, 'id', 'event_id', 'position', _text=self.title)
