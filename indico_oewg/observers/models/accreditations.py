# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

from indico.core.db import db
from indico.core.db.sqlalchemy import UTCDateTime
from indico.util.date_time import now_utc
from indico.util.string import format_repr


class Accreditation(db.Model):
    """An organization accredited to the working group from a session on, until revoked."""

    __tablename__ = 'accreditations'
    __table_args__ = {'schema': 'plugin_oewg'}

    #: The ID of the accreditation
    id = db.Column(
        db.Integer,
        primary_key=True
    )
    #: The accredited organization
    organization_id = db.Column(
        db.Integer,
        db.ForeignKey('plugin_oewg.organizations.id'),
        nullable=False,
        index=True
    )
    #: The working group
    working_group_id = db.Column(
        db.Integer,
        db.ForeignKey('plugin_oewg.working_groups.id', ondelete='CASCADE'),
        nullable=False,
        index=True
    )
    #: The session (event) from which the accreditation holds
    event_id = db.Column(
        db.Integer,
        db.ForeignKey('events.events.id', ondelete='CASCADE'),
        nullable=False,
        index=True
    )
    #: The request that led to it
    request_id = db.Column(
        db.Integer,
        db.ForeignKey('plugin_oewg.observer_requests.id', ondelete='SET NULL'),
        nullable=True,
        index=True
    )
    #: When it was granted
    created_dt = db.Column(
        UTCDateTime,
        nullable=False,
        default=now_utc
    )
    #: When it was revoked (empty while it holds)
    revoked_dt = db.Column(
        UTCDateTime,
        nullable=True
    )
    #: The session (event) from which the revocation applies (earlier sessions keep their record)
    revoked_from_event_id = db.Column(
        db.Integer,
        db.ForeignKey('events.events.id', ondelete='CASCADE'),
        nullable=True,
        index=True
    )
    #: Who revoked it
    revoked_by_id = db.Column(
        db.Integer,
        db.ForeignKey('users.users.id'),
        nullable=True,
        index=True
    )
    #: Why it was revoked
    revocation_reason = db.Column(
        db.Text,
        nullable=False,
        default=''
    )

    organization = db.relationship(
        'Organization',
        lazy=True,
        backref=db.backref(
            'accreditations',
            lazy=True
        )
    )
    working_group = db.relationship(
        'WorkingGroup',
        lazy=True
    )
    event = db.relationship(
        'Event',
        lazy=True,
        foreign_keys=event_id
    )
    revoked_from_event = db.relationship(
        'Event',
        lazy=True,
        foreign_keys=revoked_from_event_id
    )
    request = db.relationship(
        'ObserverRequest',
        lazy=True,
        backref=db.backref(
            'accreditation',
            uselist=False,
            lazy=True
        )
    )
    revoked_by = db.relationship(
        'User',
        lazy=True
    )

    @property
    def is_revoked(self):
        return self.revoked_dt is not None

    def __repr__(self):
        return format_repr(self, 'id', 'organization_id', 'event_id', revoked_dt=None)
