# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

from sqlalchemy import DDL
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.event import listens_for

from indico.core.db import db
from indico.core.db.sqlalchemy import PyIntEnum, UTCDateTime
from indico.util.date_time import now_utc
from indico.util.enum import RichIntEnum
from indico.util.string import format_repr

from indico_oewg import _
from indico_oewg.delegations import Delegation, DelegationKind
from indico_oewg.statements.headings import english_heading, heading_language, statement_heading


class DeliveryStatus(RichIntEnum):
    __titles__ = [_('Not indicated'), _('Check against delivery'), _('As delivered')]
    not_indicated = 0
    check_against_delivery = 1
    as_delivered = 2


class StatementStatus(RichIntEnum):
    """Where a statement stands: only published ones are public."""

    __titles__ = [None, _('Unpublished'), _('Published'), _('Awaiting moderation'), _('Returned'),
                  _('Delivered, awaiting its text')]
    unpublished = 1
    published = 2
    pending = 3
    returned = 4
    #: delivered from the floor (list of speakers); published as soon as its text (a file) is handed in
    awaiting_text = 5


class StatementMode(RichIntEnum):
    """Whether a statement was delivered in the room or handed in in writing only."""

    __titles__ = [None, _('Delivered statement'), _('Written contribution')]
    oral = 1
    written = 2


def delegation_of(kind, state_code, organization_id, organization_name, office):
    """The `Delegation` that a statement's columns (or a row of them) describe."""
    if kind == DelegationKind.state:
        return Delegation.for_state(state_code)
    if kind == DelegationKind.organization:
        if organization_id is not None:
            return Delegation.for_organization(organization_id)
        return Delegation.for_named_organization(organization_name)
    return Delegation.for_office(office)


class Statement(db.Model):
    """A statement of a session under an agenda item, by a State, an organization or an office: delivered in the
    room (oral) or handed in in writing only (a written contribution).
    """

    __tablename__ = 'statements'
    __table_args__ = (db.UniqueConstraint('agenda_item_id', 'mode', 'position'),
                      db.CheckConstraint('position > 0', 'position_positive'),
                      db.CheckConstraint(f'(speaker_kind = {DelegationKind.state} AND state_code IS NOT NULL) OR '
                                         f"(speaker_kind = {DelegationKind.organization} AND organization_name != '') "
                                         f"OR (speaker_kind = {DelegationKind.office} AND office != '')",
                                         'speaker_given'),
                      {'schema': 'plugin_oewg'})

    #: The ID of the statement
    id = db.Column(
        db.Integer,
        primary_key=True
    )
    #: The session (event) at which it was delivered
    event_id = db.Column(
        db.Integer,
        db.ForeignKey('events.events.id', ondelete='CASCADE'),
        nullable=False,
        index=True
    )
    #: The agenda item under which it was delivered
    agenda_item_id = db.Column(
        db.Integer,
        db.ForeignKey('plugin_oewg.agenda_items.id'),
        nullable=False,
        index=True
    )
    #: Delivered in the room (oral) or a written contribution
    mode = db.Column(
        PyIntEnum(StatementMode),
        nullable=False,
        default=StatementMode.oral
    )
    #: Its place under the agenda item among those of its mode (1, 2, ...): the order of delivery, for written
    #: contributions the order in which they came
    position = db.Column(
        db.Integer,
        nullable=False
    )
    #: Who spoke: a State, an organization or an office/body
    speaker_kind = db.Column(
        PyIntEnum(DelegationKind),
        nullable=False
    )
    #: The State's ISO 3166 alpha-3 code (speaker kind "state")
    state_code = db.Column(
        db.String,
        nullable=True,
        index=True
    )
    #: The organization's name (speaker kind "organization"): what identifies one outside the registry; for one in
    #: the registry its English name when the statement was recorded (the registry's names are shown)
    organization_name = db.Column(
        db.String,
        nullable=False,
        default=''
    )
    #: The organization in the observers' registry, when the speaker is one of its organizations: what identifies it
    organization_id = db.Column(
        db.Integer,
        db.ForeignKey('plugin_oewg.organizations.id', ondelete='SET NULL'),
        nullable=True,
        index=True
    )
    #: The office or body, e.g. "Chair of the Group of Governmental Experts on ..." (speaker kind "office")
    office = db.Column(
        db.String,
        nullable=False,
        default=''
    )
    #: The group on whose behalf it was delivered, e.g. "multiple States"
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
    #: The day it was delivered
    date = db.Column(
        db.Date,
        nullable=True
    )
    #: The meeting, e.g. "3rd meeting"
    meeting = db.Column(
        db.String,
        nullable=False,
        default=''
    )
    #: An optional title
    title = db.Column(
        db.String,
        nullable=False,
        default=''
    )
    #: "Check against delivery" or "as delivered"
    delivery_status = db.Column(
        PyIntEnum(DeliveryStatus),
        nullable=False,
        default=DeliveryStatus.not_indicated
    )
    #: The language it was delivered in (ar, zh, en, fr, ru, es, other; empty if unknown)
    original_language = db.Column(
        db.String,
        nullable=False,
        default=''
    )
    #: Published, unpublished, awaiting moderation or returned to its submitter
    status = db.Column(
        PyIntEnum(StatementStatus),
        nullable=False,
        default=StatementStatus.unpublished,
        index=True
    )
    #: The user who handed it in (delegations) or created it
    submitter_id = db.Column(
        db.Integer,
        db.ForeignKey('users.users.id'),
        nullable=True,
        index=True
    )
    #: The user invited to hand in its text (a statement delivered from the floor)
    contact_id = db.Column(
        db.Integer,
        db.ForeignKey('users.users.id'),
        nullable=True,
        index=True
    )
    #: Why the secretariat returned it to its submitter
    return_reason = db.Column(
        db.Text,
        nullable=False,
        default=''
    )
    #: When it was created
    created_dt = db.Column(
        UTCDateTime,
        nullable=False,
        default=now_utc
    )
    #: When it was (last) published
    published_dt = db.Column(
        UTCDateTime,
        nullable=True,
        index=True
    )
    #: Delegation names, group, title and the text of its files, for full-text search
    search_text = db.Column(
        db.Text,
        nullable=False,
        default=''
    )

    event = db.relationship(
        'Event',
        lazy=True,
        backref=db.backref(
            'oewg_statements',
            lazy='dynamic',
            cascade='all, delete-orphan'
        )
    )
    agenda_item = db.relationship(
        'AgendaItem',
        lazy=True,
        backref=db.backref(
            'statements',
            lazy=True,
            order_by='Statement.position'
        )
    )
    submitter = db.relationship(
        'User',
        lazy=True,
        foreign_keys=submitter_id,
        backref=db.backref(
            'oewg_statements',
            lazy='dynamic'
        )
    )
    contact = db.relationship(
        'User',
        lazy=True,
        foreign_keys=contact_id,
        backref=db.backref(
            'oewg_statements_to_hand_in',
            lazy='dynamic'
        )
    )

    # relationship backrefs:
    # - files (StatementFile.statement)

    @property
    def locator(self):
        return dict(self.event.locator, statement_id=self.id)

    @property
    def is_published(self):
        return self.status == StatementStatus.published

    @property
    def delegation(self):
        """Who spoke, as the shared `Delegation` value."""
        return delegation_of(self.speaker_kind, self.state_code, self.organization_id, self.organization_name,
                             self.office)

    @delegation.setter
    def delegation(self, delegation):
        self.speaker_kind = delegation.kind
        self.state_code = delegation.code if delegation.is_state else None
        self.organization_id = delegation.organization_id if delegation.is_organization else None
        # an organization of the registry keeps its English name of today, should it ever leave the registry
        self.organization_name = delegation.name('en') if delegation.is_organization else ''
        self.office = delegation.label if delegation.kind == DelegationKind.office else ''

    @property
    def heading(self):
        """E.g. "Statement by the Philippines", in the UI's language (see `statement_heading`)."""
        return statement_heading(self.delegation, self.on_behalf_of)

    @property
    def english_heading(self):
        """The heading in English whatever the UI's language: for citations and the event log."""
        return english_heading(self.delegation, self.on_behalf_of)

    @property
    def joining_state_names(self):
        language = heading_language()
        return [Delegation.for_state(code).name_in_sentence(language) for code in self.joining_states]

    @property
    def joining_states_text(self):
        """The States joining as one line: "France, the Philippines"; Chinese enumerates with "、" ("法国、菲律宾")."""
        return ('、' if heading_language() == 'zh' else ', ').join(self.joining_state_names)

    @property
    def files_by_language(self):
        from indico_oewg.statements.models.files import LANGUAGE_ORDER
        return sorted(self.files, key=lambda f: LANGUAGE_ORDER.index(f.language))

    def build_search_text(self):
        """The text indexed for full-text search: names in all languages, group, title and the files' text."""
        delegation = self.delegation
        parts = [self.organization_name, self.office, self.on_behalf_of, self.title, self.meeting]
        if state := delegation.state:
            parts += [state.iso3, state.name_en, *state.unterm.values()]
        elif delegation.in_registry:
            parts += [delegation.name('en'), delegation.name('fr')]
        parts += [f.extracted_text for f in self.files]
        return '\n'.join(filter(None, parts))

    def __repr__(self):
        return format_repr(self, 'id', 'event_id', 'agenda_item_id', 'mode', 'position', status=None,
                           _text=self.delegation.key)


#: The full-text index: accent-insensitive, no stemming (statements come in six languages).  Created by DDL rather
#: than as a model ``Index`` because SQLAlchemy 1.4 cannot reflect expression indexes (alembic would warn).
SEARCH_VECTOR_SQL = "to_tsvector('simple'::regconfig, indico.indico_unaccent(search_text))"


@listens_for(Statement.__table__, 'after_create')
def _create_search_index(target, conn, **kw):
    DDL(f'CREATE INDEX ix_statements_search_text_fts ON plugin_oewg.statements USING gin ({SEARCH_VECTOR_SQL})'
        ).execute(conn)
