# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

from indico.core.db import db
from indico.core.db.sqlalchemy import PyIntEnum, UTCDateTime
from indico.util.date_time import now_utc
from indico.util.enum import RichIntEnum
from indico.util.string import format_repr

from indico_oewg import _


class PeriodState(RichIntEnum):
    __titles__ = [None, _('Open'), _('Closed')]
    open = 1
    closed = 2


class NoObjectionPeriod(db.Model):
    """The silence period of a session during which Member States may object to the list for consideration."""

    __tablename__ = 'no_objection_periods'
    __table_args__ = {'schema': 'plugin_oewg'}

    #: The ID of the period
    id = db.Column(
        db.Integer,
        primary_key=True
    )
    #: The session (event)
    event_id = db.Column(
        db.Integer,
        db.ForeignKey('events.events.id', ondelete='CASCADE'),
        nullable=False,
        unique=True,
        index=True
    )
    #: Open or closed
    state = db.Column(
        PyIntEnum(PeriodState),
        nullable=False,
        default=PeriodState.open
    )
    #: No objection is accepted after this moment
    deadline_dt = db.Column(
        UTCDateTime,
        nullable=False
    )
    #: When the period was opened (or last reopened)
    opened_dt = db.Column(
        UTCDateTime,
        nullable=False,
        default=now_utc
    )
    #: When the period was closed (empty while open)
    closed_dt = db.Column(
        UTCDateTime,
        nullable=True
    )
    #: Who closed it (empty when it closed by itself at the deadline)
    closed_by_id = db.Column(
        db.Integer,
        db.ForeignKey('users.users.id'),
        nullable=True,
        index=True
    )

    event = db.relationship(
        'Event',
        lazy=True,
        backref=db.backref(
            'oewg_no_objection_period',
            uselist=False,
            lazy=True,
            cascade='all, delete-orphan'
        )
    )
    closed_by = db.relationship(
        'User',
        lazy=True
    )

    # relationship backrefs:
    # - objections (Objection.period)

    @property
    def is_open(self):
        return self.state == PeriodState.open

    @property
    def has_expired(self):
        return self.deadline_dt <= now_utc()

    @property
    def accepts_objections(self):
        return self.is_open and not self.has_expired

    def __repr__(self):
        return format_repr(self, 'id', 'event_id', 'state', 'deadline_dt')


class Objection(db.Model):
    """A Member State's objection to an organization on the list for consideration.

    Which State objected is confidential: only holders of the secretariat permission may see it.
    """

    __tablename__ = 'objections'
    __table_args__ = (db.UniqueConstraint('request_id', 'state_iso3'),
                      {'schema': 'plugin_oewg'})

    #: The ID of the objection
    id = db.Column(
        db.Integer,
        primary_key=True
    )
    #: The no-objection period it was made in
    period_id = db.Column(
        db.Integer,
        db.ForeignKey('plugin_oewg.no_objection_periods.id', ondelete='CASCADE'),
        nullable=False,
        index=True
    )
    #: The request of the organization objected to
    request_id = db.Column(
        db.Integer,
        db.ForeignKey('plugin_oewg.observer_requests.id', ondelete='CASCADE'),
        nullable=False,
        index=True
    )
    #: The ISO 3166 alpha-3 code of the objecting Member State
    state_iso3 = db.Column(
        db.String(3),
        nullable=False
    )
    #: The basis the State gave, if any
    basis = db.Column(
        db.Text,
        nullable=False,
        default=''
    )
    #: When the secretariat recorded it
    created_dt = db.Column(
        UTCDateTime,
        nullable=False,
        default=now_utc
    )
    #: The secretariat member who recorded it
    recorded_by_id = db.Column(
        db.Integer,
        db.ForeignKey('users.users.id'),
        nullable=False,
        index=True
    )

    period = db.relationship(
        'NoObjectionPeriod',
        lazy=True,
        backref=db.backref(
            'objections',
            lazy=True,
            cascade='all, delete-orphan'
        )
    )
    request = db.relationship(
        'ObserverRequest',
        lazy=True,
        backref=db.backref(
            'objections',
            lazy=True
        )
    )
    recorded_by = db.relationship(
        'User',
        lazy=True
    )

    @property
    def member_state(self):
        from indico_oewg.states import get_state
        return get_state(self.state_iso3)

    def __repr__(self):
        # no State here: a repr can end up in logs others read
        return format_repr(self, 'id', 'period_id', 'request_id')
