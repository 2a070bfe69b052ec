# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

from indico.core.db import db
from indico.core.db.sqlalchemy import PyIntEnum
from indico.util.string import format_repr

from indico_oewg.delegations import Delegation, DelegationKind


class StatementSubmitter(db.Model):
    """A user the secretariat allows to hand in statements for a delegation at a session."""

    __tablename__ = 'statement_submitters'
    __table_args__ = (db.CheckConstraint(f'(speaker_kind = {DelegationKind.state} AND state_code IS NOT NULL) OR '
                                         f"(speaker_kind = {DelegationKind.organization} AND organization_name != '')",
                                         'delegation_given'),
                      {'schema': 'plugin_oewg'})

    #: The ID of the entry
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
    #: The user who may hand in statements
    user_id = db.Column(
        db.Integer,
        db.ForeignKey('users.users.id'),
        nullable=False,
        index=True
    )
    #: State or organization
    speaker_kind = db.Column(
        PyIntEnum(DelegationKind),
        nullable=False
    )
    #: The State's ISO3 code
    state_code = db.Column(
        db.String,
        nullable=True
    )
    #: The organization's name: what identifies one outside the registry; for one in the registry its English name
    #: when the entry was made
    organization_name = db.Column(
        db.String,
        nullable=False,
        default=''
    )
    #: The organization in the observers' registry, when it is one of its organizations: what identifies it
    organization_id = db.Column(
        db.Integer,
        db.ForeignKey('plugin_oewg.organizations.id', ondelete='SET NULL'),
        nullable=True,
        index=True
    )

    event = db.relationship(
        'Event',
        lazy=True,
        backref=db.backref(
            'oewg_statement_submitters',
            lazy=True,
            cascade='all, delete-orphan'
        )
    )
    user = db.relationship(
        'User',
        lazy=True,
        backref=db.backref(
            'oewg_statement_submitter_for',
            lazy=True
        )
    )

    @property
    def delegation(self):
        if self.speaker_kind == DelegationKind.state:
            return Delegation.for_state(self.state_code)
        if self.organization_id is not None:
            return Delegation.for_organization(self.organization_id)
        return Delegation.for_named_organization(self.organization_name)

    @delegation.setter
    def delegation(self, delegation):
        self.speaker_kind = delegation.kind
        self.state_code = delegation.code if delegation.is_state else None
        self.organization_id = delegation.organization_id if delegation.is_organization else None
        self.organization_name = delegation.name('en') if delegation.is_organization else ''

    def __repr__(self):
        return format_repr(self, 'id', 'event_id', 'user_id', _text=self.delegation.key)
