# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

from indico.core.db import db
from indico.core.db.sqlalchemy import PyIntEnum
from indico.util.string import format_repr

from indico_oewg.statements.models.statements import SpeakerKind


class StatementSubmitter(db.Model):
    """A user the secretariat allows to hand in statements for a delegation at a session."""

    __tablename__ = 'statement_submitters'
    __table_args__ = (db.CheckConstraint(f'(speaker_kind = {SpeakerKind.state} AND state_code IS NOT NULL) OR '
                                         f"(speaker_kind = {SpeakerKind.organization} AND organization_name != '')",
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
        PyIntEnum(SpeakerKind),
        nullable=False
    )
    #: The State's ISO3 code
    state_code = db.Column(
        db.String,
        nullable=True
    )
    #: The organization's name
    organization_name = db.Column(
        db.String,
        nullable=False,
        default=''
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
    def delegation_name(self):
        from indico_oewg.states import get_state
        from indico_oewg.statements.models.statements import organization_display_name, state_display_name
        if self.speaker_kind == SpeakerKind.state:
            state = get_state(self.state_code)
            return state_display_name(state) if state else self.state_code
        return organization_display_name(self.organization_name)

    def __repr__(self):
        return format_repr(self, 'id', 'event_id', 'user_id', state_code=None, organization_name='')
