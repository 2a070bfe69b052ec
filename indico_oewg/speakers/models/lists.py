# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

from indico.core.db import db
from indico.core.db.sqlalchemy import PyIntEnum, UTCDateTime
from indico.util.date_time import now_utc
from indico.util.enum import RichIntEnum
from indico.util.string import format_repr

from indico_oewg import _


class ListStatus(RichIntEnum):
    """Where a list of speakers stands; the JSON gives the name ("open", "closed", "running", "finished")."""

    __titles__ = [None, _('Open'), _('Closed'), _('Running'), _('Finished')]
    #: delegations inscribe; the meeting has not reached it yet
    open = 1
    #: inscription closed (by the secretariat or its deadline); the meeting has not reached it yet
    closed = 2
    #: the secretariat is calling the speakers (delegations still inscribe while ``inscriptions_open``)
    running = 3
    #: every speaker was called
    finished = 4


class SpeakerClass(RichIntEnum):
    """The classes of speakers in the order the usual practice of General Assembly working groups calls them."""

    __titles__ = [None, _('Statements on behalf of groups of States'), _('Member States and observer States'),
                  _('Intergovernmental organizations and United Nations entities'), _('Other observers')]
    group = 1
    state = 2
    igo = 3
    other = 4


class SpeakersList(db.Model):
    """The list of speakers under an agenda item of a session, with the rules of its order."""

    __tablename__ = 'speakers_lists'
    __table_args__ = (db.CheckConstraint('limit_group > 0 AND limit_state > 0 AND limit_igo > 0 AND '
                                         'limit_other > 0 AND limit_reply > 0', 'limits_positive'),
                      {'schema': 'plugin_oewg'})

    #: The ID of the list
    id = db.Column(
        db.Integer,
        primary_key=True
    )
    #: The session (event)
    event_id = db.Column(
        db.Integer,
        db.ForeignKey('events.events.id', ondelete='CASCADE'),
        nullable=False,
        index=True
    )
    #: The agenda item (of the statements archive) the list is for; one list per item
    agenda_item_id = db.Column(
        db.Integer,
        db.ForeignKey('plugin_oewg.agenda_items.id', ondelete='CASCADE'),
        nullable=False,
        unique=True
    )
    #: Open, closed, running or finished
    status = db.Column(
        PyIntEnum(ListStatus),
        nullable=False,
        default=ListStatus.open
    )
    #: Whether delegations may inscribe (also while the list runs; the secretariat always may)
    inscriptions_open = db.Column(
        db.Boolean,
        nullable=False,
        default=True
    )
    #: When inscription closes by itself (the periodic task); UTC
    deadline_dt = db.Column(
        UTCDateTime,
        nullable=True,
        index=True
    )
    #: Rule: statements on behalf of groups of States speak first
    groups_first = db.Column(
        db.Boolean,
        nullable=False,
        default=True
    )
    #: Rule: among States, higher protocol levels first (then in order of inscription)
    protocol_level_first = db.Column(
        db.Boolean,
        nullable=False,
        default=False
    )
    #: Rule: a delegation may have more than one active inscription
    allow_multiple = db.Column(
        db.Boolean,
        nullable=False,
        default=False
    )
    #: Speaking time limit (seconds) of a statement on behalf of a group
    limit_group = db.Column(
        db.Integer,
        nullable=False,
        default=420
    )
    #: Speaking time limit (seconds) of a State
    limit_state = db.Column(
        db.Integer,
        nullable=False,
        default=300
    )
    #: Speaking time limit (seconds) of an intergovernmental organization or UN entity
    limit_igo = db.Column(
        db.Integer,
        nullable=False,
        default=300
    )
    #: Speaking time limit (seconds) of other observers
    limit_other = db.Column(
        db.Integer,
        nullable=False,
        default=180
    )
    #: Speaking time limit (seconds) of a right of reply
    limit_reply = db.Column(
        db.Integer,
        nullable=False,
        default=300
    )
    #: Bumped on every change of the list or its inscriptions (the public list's ETag)
    version = db.Column(
        db.Integer,
        nullable=False,
        default=1
    )
    #: When the list was opened
    created_dt = db.Column(
        UTCDateTime,
        nullable=False,
        default=now_utc
    )

    event = db.relationship(
        'Event',
        lazy=True,
        backref=db.backref(
            'oewg_speakers_lists',
            lazy='dynamic',
            cascade='all, delete-orphan',
            passive_deletes=True
        )
    )
    agenda_item = db.relationship(
        'AgendaItem',
        lazy=True
    )
    #: The speakers, in speaking order (the list, then the right of reply)
    inscriptions = db.relationship(
        'Inscription',
        lazy=True,
        order_by='(Inscription.is_reply, Inscription.position)',
        cascade='all, delete-orphan',
        passive_deletes=True,
        back_populates='list'
    )

    @property
    def locator(self):
        return dict(self.event.locator, agenda_item_id=self.agenda_item_id)

    @property
    def is_started(self):
        return self.status in (ListStatus.running, ListStatus.finished)

    def limit_for(self, speaker_class, is_reply=False):
        """The speaking time limit in seconds for a class of speakers (a `SpeakerClass`)."""
        if is_reply:
            return self.limit_reply
        return {SpeakerClass.group: self.limit_group, SpeakerClass.state: self.limit_state,
                SpeakerClass.igo: self.limit_igo}.get(speaker_class, self.limit_other)

    def touch(self):
        """Mark a change: the public list's ETag changes."""
        self.version = (self.version or 0) + 1

    def __repr__(self):
        return format_repr(self, 'id', 'event_id', 'agenda_item_id', status=None)
