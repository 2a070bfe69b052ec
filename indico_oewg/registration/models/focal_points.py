# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

from indico.core.db import db
from indico.core.db.sqlalchemy import UTCDateTime
from indico.util.date_time import now_utc
from indico.util.string import format_repr

from indico_oewg.delegations import Delegation


class FocalPoint(db.Model):
    """A person the secretariat named focal point of a delegation (a State or an organization) for a session.

    A focal point sees, approves and rejects the registrations of their delegation, and only those.
    """

    __tablename__ = 'focal_points'
    __table_args__ = (db.CheckConstraint('(state IS NULL) != (organization_id IS NULL)', 'state_xor_organization'),
                      db.Index(None, 'event_id', 'state', 'user_id', unique=True,
                               postgresql_where=db.text('state IS NOT NULL')),
                      db.Index(None, 'event_id', 'organization_id', 'user_id', unique=True,
                               postgresql_where=db.text('organization_id IS NOT NULL')),
                      {'schema': 'plugin_oewg'})

    #: The ID of the focal point entry
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
    #: The ISO3 code of the State, for a State's delegation
    state = db.Column(
        db.String(3),
        nullable=True
    )
    #: The organization, for an observer organization's delegation
    organization_id = db.Column(
        db.Integer,
        db.ForeignKey('plugin_oewg.organizations.id', ondelete='CASCADE'),
        nullable=True,
        index=True
    )
    #: The focal point
    user_id = db.Column(
        db.Integer,
        db.ForeignKey('users.users.id'),
        nullable=False,
        index=True
    )
    #: When the secretariat named them
    created_dt = db.Column(
        UTCDateTime,
        nullable=False,
        default=now_utc
    )

    event = db.relationship(
        'Event',
        lazy=True,
        backref=db.backref(
            'oewg_focal_points',
            lazy='dynamic',
            cascade='all, delete-orphan'
        )
    )
    organization = db.relationship(
        'Organization',
        lazy=True
    )
    user = db.relationship(
        'User',
        lazy=False,
        backref=db.backref(
            'oewg_focal_points',
            lazy='dynamic'
        )
    )

    @property
    def delegation(self):
        """The delegation: a State or an organization of the registry."""
        if self.state is not None:
            return Delegation.for_state(self.state)
        return Delegation.for_organization(self.organization_id)

    @staticmethod
    def columns_for(delegation):
        """The columns that name a delegation here: ``{'state': 'JPN'}`` or ``{'organization_id': 12}``."""
        if delegation.is_state:
            return {'state': delegation.code}
        if delegation.in_registry:
            return {'organization_id': delegation.organization_id}
        raise ValueError(f'Focal points are named for States and organizations of the registry, not {delegation!r}')

    def __repr__(self):
        return format_repr(self, 'id', 'event_id', 'user_id', state=None, organization_id=None)
