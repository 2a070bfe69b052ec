# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

from sqlalchemy.dialects.postgresql import ARRAY

from indico.core.db import db
from indico.core.db.sqlalchemy import PyIntEnum, UTCDateTime
from indico.util.date_time import now_utc
from indico.util.enum import RichIntEnum
from indico.util.string import format_repr

from indico_oewg import _
from indico_oewg.delegations import Delegation, DelegationKind
from indico_oewg.speakers.models.lists import SpeakerClass


class InscriptionStatus(RichIntEnum):
    """Where a speaker stands; the JSON gives the name ("waiting", "current", ...)."""

    __titles__ = [None, _('Waiting'), _('Speaking'), _('Delivered'), _('Absent'), _('Withdrawn')]
    waiting = 1
    current = 2
    delivered = 3
    absent = 4
    withdrawn = 5


#: An inscription holds its delegation's place while it is in one of these states
ACTIVE_STATUSES = (InscriptionStatus.waiting, InscriptionStatus.current)


class ProtocolLevel(RichIntEnum):
    """The protocol level of the speaker, highest first (the optional rule "by protocol level first")."""

    __titles__ = [None, _('Head of State'), _('Head of Government'), _('Minister'), _('Deputy minister'),
                  _('Head of delegation'), _('Other representative')]
    head_of_state = 1
    head_of_government = 2
    minister = 3
    deputy_minister = 4
    head_of_delegation = 5
    other = 6


#: The languages of delivery: the official languages of the United Nations, in the order of the UN's pages
DELIVERY_LANGUAGES = ('en', 'fr', 'es', 'ru', 'zh', 'ar')


def delivery_language_title(code):
    return {'en': _('English'), 'fr': _('French'), 'es': _('Spanish'), 'ru': _('Russian'), 'zh': _('Chinese'),
            'ar': _('Arabic')}.get(code, '')


class Inscription(db.Model):
    """A delegation on a list of speakers (or on its list of the right of reply)."""

    __tablename__ = 'speakers_inscriptions'
    __table_args__ = (db.UniqueConstraint('list_id', 'is_reply', 'position', deferrable=True,
                                          initially='deferred'),
                      db.CheckConstraint('position > 0', 'position_positive'),
                      db.CheckConstraint(f'(delegation_kind = {DelegationKind.state} AND state_code IS NOT NULL) OR '
                                         f"(delegation_kind != {DelegationKind.state} AND delegation_name != '')",
                                         'delegation_given'),
                      db.CheckConstraint("language IN ('', 'en', 'fr', 'es', 'ru', 'zh', 'ar')", 'valid_language'),
                      {'schema': 'plugin_oewg'})

    #: The ID of the inscription
    id = db.Column(
        db.Integer,
        primary_key=True
    )
    #: The list of speakers
    list_id = db.Column(
        db.Integer,
        db.ForeignKey('plugin_oewg.speakers_lists.id', ondelete='CASCADE'),
        nullable=False,
        index=True
    )
    #: Its place in the speaking order of its list (1, 2, ...; the right of reply counts apart)
    position = db.Column(
        db.Integer,
        nullable=False
    )
    #: Whether it is on the list of the right of reply (after the last speaker)
    is_reply = db.Column(
        db.Boolean,
        nullable=False,
        default=False
    )
    #: State, organization or office/body
    delegation_kind = db.Column(
        PyIntEnum(DelegationKind),
        nullable=False
    )
    #: The State's ISO3 code
    state_code = db.Column(
        db.String,
        nullable=True
    )
    #: The organization in the observers' registry
    organization_id = db.Column(
        db.Integer,
        db.ForeignKey('plugin_oewg.organizations.id', ondelete='SET NULL'),
        nullable=True,
        index=True
    )
    #: The delegation's English name when inscribed (what identifies an organization outside the registry or an
    #: office)
    delegation_name = db.Column(
        db.String,
        nullable=False,
        default=''
    )
    #: The class of the delegation itself (State, IGO/UN entity, other observer) when inscribed; a statement on
    #: behalf of a group is in the group class whatever this says
    delegation_class = db.Column(
        PyIntEnum(SpeakerClass),
        nullable=False
    )
    #: The group on whose behalf it speaks, e.g. "the Group of 77 and China", "multiple States"
    on_behalf_of = db.Column(
        db.String,
        nullable=False,
        default=''
    )
    #: ISO3 codes of the States joining the statement
    joining_states = db.Column(
        ARRAY(db.String),
        nullable=False,
        default=[]
    )
    #: The protocol level of the speaker, if given
    level = db.Column(
        PyIntEnum(ProtocolLevel),
        nullable=True
    )
    #: The language of delivery (an official language; empty if not given)
    language = db.Column(
        db.String,
        nullable=False,
        default=''
    )
    #: A note to the secretariat
    note = db.Column(
        db.Text,
        nullable=False,
        default=''
    )
    #: Waiting, current, delivered, absent or withdrawn
    status = db.Column(
        PyIntEnum(InscriptionStatus),
        nullable=False,
        default=InscriptionStatus.waiting,
        index=True
    )
    #: Added by the secretariat from the floor during the meeting
    from_floor = db.Column(
        db.Boolean,
        nullable=False,
        default=False
    )
    #: Inscribed by the secretariat (on the delegation's behalf)
    by_secretariat = db.Column(
        db.Boolean,
        nullable=False,
        default=False
    )
    #: When it was first inscribed
    created_dt = db.Column(
        UTCDateTime,
        nullable=False,
        default=now_utc
    )
    #: When it took its place in the order of inscription (a change by the delegation places it again at the end)
    inscribed_dt = db.Column(
        UTCDateTime,
        nullable=False,
        default=now_utc
    )
    #: The user who inscribed it
    created_by_id = db.Column(
        db.Integer,
        db.ForeignKey('users.users.id'),
        nullable=True,
        index=True
    )
    #: The user who gets its acknowledgement and is invited to hand in the text once delivered
    contact_id = db.Column(
        db.Integer,
        db.ForeignKey('users.users.id'),
        nullable=True,
        index=True
    )
    #: When the speaker was given the floor
    started_dt = db.Column(
        UTCDateTime,
        nullable=True
    )
    #: When the speaker finished (delivered, absent or withdrawn)
    ended_dt = db.Column(
        UTCDateTime,
        nullable=True
    )
    #: The statement of the archive recorded when it was delivered
    statement_id = db.Column(
        db.Integer,
        db.ForeignKey('plugin_oewg.statements.id', ondelete='SET NULL'),
        nullable=True,
        index=True
    )

    list = db.relationship(
        'SpeakersList',
        lazy=True,
        back_populates='inscriptions'
    )
    created_by = db.relationship(
        'User',
        lazy=True,
        foreign_keys=created_by_id,
        backref=db.backref(
            'oewg_speaker_inscriptions',
            lazy='dynamic'
        )
    )
    contact = db.relationship(
        'User',
        lazy=True,
        foreign_keys=contact_id,
        backref=db.backref(
            'oewg_speaker_contact_for',
            lazy='dynamic'
        )
    )
    statement = db.relationship(
        'Statement',
        lazy=True
    )

    #: Names of a registry organization loaded once for many inscriptions (`queries.get_lists`)
    _delegation_names = None

    @property
    def delegation(self):
        """The delegation as the shared `Delegation` value."""
        if self.delegation_kind == DelegationKind.state:
            return Delegation.for_state(self.state_code)
        if self.delegation_kind == DelegationKind.organization:
            if self.organization_id is not None:
                return Delegation(DelegationKind.organization, organization_id=self.organization_id,
                                  names=self._delegation_names)
            return Delegation.for_named_organization(self.delegation_name)
        return Delegation.for_office(self.delegation_name)

    @delegation.setter
    def delegation(self, delegation):
        self.delegation_kind = delegation.kind
        self.state_code = delegation.code if delegation.is_state else None
        self.organization_id = delegation.organization_id if delegation.is_organization else None
        self.delegation_name = delegation.name('en') if not delegation.is_state else ''
        if delegation.kind == DelegationKind.office or (delegation.is_organization and not delegation.in_registry):
            self.delegation_name = delegation.label

    @property
    def speaker_class(self):
        """The class the order rules place it in: a group statement is in the group class."""
        if self.on_behalf_of and not self.is_reply:
            return SpeakerClass.group
        return self.delegation_class

    @property
    def time_limit(self):
        """Its speaking time limit in seconds."""
        return self.list.limit_for(self.speaker_class, self.is_reply)

    @property
    def is_active(self):
        return self.status in ACTIVE_STATUSES

    @property
    def language_title(self):
        return delivery_language_title(self.language)

    @property
    def locator(self):
        return dict(self.list.locator, inscription_id=self.id)

    def __repr__(self):
        return format_repr(self, 'id', 'list_id', 'position', is_reply=False, status=None,
                           _text=f'{self.delegation_kind.name}:{self.state_code or self.delegation_name}')
