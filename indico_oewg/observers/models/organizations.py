# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

from indico.core.db import db
from indico.core.db.sqlalchemy import PyIntEnum, UTCDateTime
from indico.util.date_time import now_utc
from indico.util.enum import RichIntEnum
from indico.util.string import format_repr

from indico_oewg import _
from indico_oewg.delegations import Delegation, Representation


class OrganizationKind(RichIntEnum):
    """The kinds of observer organizations, (a) to (e), as the seed page of the working group lists them.

    Each is one of the shared `Representation`s, whose titles and list headings it uses.
    """

    standing_invitation = 1
    un_body = 2
    ecosoc = 3
    other_ngo = 4
    commercial = 5

    @property
    def representation(self):
        return _KIND_REPRESENTATIONS[self]

    @property
    def letter(self):
        return 'abcde'[self.value - 1]

    @property
    def title(self):
        return f'({self.letter}) {self.representation.title}'

    @property
    def group_title(self):
        return self.representation.group_title

    @property
    def needs_no_objection(self):
        """Kinds (d) and (e) go on the list for consideration on a no-objection basis."""
        return self in (OrganizationKind.other_ngo, OrganizationKind.commercial)

    @classmethod
    def for_representation(cls, representation):
        return next((kind for kind, rep in _KIND_REPRESENTATIONS.items() if rep == representation), None)


_KIND_REPRESENTATIONS = {
    OrganizationKind.standing_invitation: Representation.igo,
    OrganizationKind.un_body: Representation.un_body,
    OrganizationKind.ecosoc: Representation.ecosoc_ngo,
    OrganizationKind.other_ngo: Representation.other_ngo,
    OrganizationKind.commercial: Representation.commercial,
}


class EcosocStatus(RichIntEnum):
    __titles__ = [_('None'), _('General'), _('Special'), _('Roster')]
    none = 0
    general = 1
    special = 2
    roster = 3


class Organization(db.Model):
    """An organization in the observer registry of a working group (kept across its sessions)."""

    __tablename__ = 'organizations'
    __table_args__ = {'schema': 'plugin_oewg'}

    #: The ID of the organization
    id = db.Column(
        db.Integer,
        primary_key=True
    )
    #: The working group whose registry holds the organization
    working_group_id = db.Column(
        db.Integer,
        db.ForeignKey('plugin_oewg.working_groups.id', ondelete='CASCADE'),
        nullable=False,
        index=True
    )
    #: The name in English
    name = db.Column(
        db.String,
        nullable=False
    )
    #: The name in French (optional)
    name_fr = db.Column(
        db.String,
        nullable=False,
        default=''
    )
    #: The acronym, e.g. "UNIDIR"
    acronym = db.Column(
        db.String,
        nullable=False,
        default=''
    )
    #: The kind, (a) to (e)
    kind = db.Column(
        PyIntEnum(OrganizationKind),
        nullable=False
    )
    #: The ECOSOC consultative status, if any
    ecosoc_status = db.Column(
        PyIntEnum(EcosocStatus),
        nullable=False,
        default=EcosocStatus.none
    )
    #: The website
    website = db.Column(
        db.String,
        nullable=False,
        default=''
    )
    #: The ISO 3166 alpha-3 code of the country of the headquarters
    country = db.Column(
        db.String(3),
        nullable=True
    )
    #: The e-mail address of the organization
    contact_email = db.Column(
        db.String,
        nullable=False,
        default=''
    )
    #: The mission statement or summary of work
    mission_statement = db.Column(
        db.Text,
        nullable=False,
        default=''
    )
    #: The mission statement as a file (optional)
    mission_statement_file_id = db.Column(
        db.Integer,
        db.ForeignKey('plugin_oewg.observer_files.id'),
        nullable=True,
        index=True
    )
    #: The organization this duplicate was merged into
    merged_into_id = db.Column(
        db.Integer,
        db.ForeignKey('plugin_oewg.organizations.id'),
        nullable=True,
        index=True
    )
    #: When the organization was added to the registry
    created_dt = db.Column(
        UTCDateTime,
        nullable=False,
        default=now_utc
    )

    working_group = db.relationship(
        'WorkingGroup',
        lazy=True,
        backref=db.backref(
            'observer_organizations',
            lazy='dynamic',
            cascade='all, delete-orphan'
        )
    )
    mission_statement_file = db.relationship(
        'ObserverFile',
        lazy=True
    )
    merged_into = db.relationship(
        'Organization',
        remote_side=[id],
        lazy=True,
        backref=db.backref(
            'merged_from',
            lazy=True
        )
    )

    # relationship backrefs:
    # - accreditations (Accreditation.organization)
    # - merged_from (Organization.merged_into)
    # - requests (ObserverRequest.organization)

    @property
    def is_merged(self):
        return self.merged_into_id is not None

    @property
    def delegation(self):
        """The organization as the shared `Delegation` value (its names in the UI's language, JSON, keys)."""
        return Delegation.for_organization(self)

    @property
    def display_name(self):
        """The English name with the acronym: "European Space Agency (ESA)"."""
        return self.delegation.name('en')

    @property
    def country_name(self):
        from indico_oewg.states import get_state
        state = get_state(self.country) if self.country else None
        return state.name() if state else ''

    @property
    def canonical(self):
        """The organization itself, or the one it was (eventually) merged into."""
        organization = self
        while organization.merged_into is not None:
            organization = organization.merged_into
        return organization

    def __repr__(self):
        return format_repr(self, 'id', 'working_group_id', 'kind', merged_into_id=None, _text=self.name)
