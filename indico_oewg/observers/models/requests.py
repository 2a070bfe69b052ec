# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

from indico.core.db import db
from indico.core.db.sqlalchemy import PyIntEnum, UTCDateTime
from indico.util.date_time import now_utc
from indico.util.enum import RichIntEnum
from indico.util.string import format_repr

from indico_oewg import _
from indico_oewg.observers.models.organizations import EcosocStatus


class RequestState(RichIntEnum):
    """Where an observer request stands.

    (a)-(c) become accredited when the secretariat confirms them; (d) and (e) are put under consideration
    on a no-objection basis and are accredited or not when the period closes.
    """

    __titles__ = [None, _('Pending'), _('More information requested'), _('Withdrawn'), _('Declined'),
                  _('Under consideration (no-objection)'), _('Accredited'), _('Not accredited')]
    __css_classes__ = [None, 'warning', 'warning', 'disabled', 'error', 'highlight', 'success', 'error']
    pending = 1
    info_requested = 2
    withdrawn = 3
    declined = 4
    under_consideration = 5
    accredited = 6
    not_accredited = 7

    @property
    def css_class(self):
        return self.__css_classes__[self]

    @property
    def is_open(self):
        """The requester may still complete or withdraw the request."""
        return self in (RequestState.pending, RequestState.info_requested)


OPEN_STATES = (RequestState.pending, RequestState.info_requested)


class ObserverRequest(db.Model):
    """A request by an organization to follow a session (event) as an observer."""

    __tablename__ = 'observer_requests'
    # An organization has at most one open request per session
    __table_args__ = (db.Index(None, 'event_id', 'organization_id', unique=True,
                               postgresql_where=db.text('state IN ({})'.format(', '.join(str(int(s))
                                                                                      for s in OPEN_STATES)))),
                      {'schema': 'plugin_oewg'})

    #: The ID of the request
    id = db.Column(
        db.Integer,
        primary_key=True
    )
    #: The session (event) the request is for
    event_id = db.Column(
        db.Integer,
        db.ForeignKey('events.events.id', ondelete='CASCADE'),
        nullable=False,
        index=True
    )
    #: The organization asking
    organization_id = db.Column(
        db.Integer,
        db.ForeignKey('plugin_oewg.organizations.id'),
        nullable=False,
        index=True
    )
    #: The user who sent the request (the organization's contact)
    requester_id = db.Column(
        db.Integer,
        db.ForeignKey('users.users.id'),
        nullable=False,
        index=True
    )
    #: Where the request stands
    state = db.Column(
        PyIntEnum(RequestState),
        nullable=False,
        default=RequestState.pending
    )
    #: The official letter (PDF)
    letter_file_id = db.Column(
        db.Integer,
        db.ForeignKey('plugin_oewg.observer_files.id'),
        nullable=False,
        index=True
    )
    #: The ECOSOC consultative status the request states
    ecosoc_status = db.Column(
        PyIntEnum(EcosocStatus),
        nullable=False,
        default=EcosocStatus.none
    )
    #: The mission statement or summary of work sent with the request
    mission_statement = db.Column(
        db.Text,
        nullable=False,
        default=''
    )
    #: The mission statement as a file, if one was sent
    mission_statement_file_id = db.Column(
        db.Integer,
        db.ForeignKey('plugin_oewg.observer_files.id'),
        nullable=True,
        index=True
    )
    #: What the secretariat asked the requester to add
    info_request = db.Column(
        db.Text,
        nullable=False,
        default=''
    )
    #: Why the secretariat declined the request
    decline_reason = db.Column(
        db.Text,
        nullable=False,
        default=''
    )
    #: When the request was sent
    submitted_dt = db.Column(
        UTCDateTime,
        nullable=False,
        default=now_utc
    )
    #: When the requester last changed it
    modified_dt = db.Column(
        UTCDateTime,
        nullable=True
    )
    #: When the request was decided on (confirmed, declined, accredited or not)
    decided_dt = db.Column(
        UTCDateTime,
        nullable=True
    )

    event = db.relationship(
        'Event',
        lazy=True,
        backref=db.backref(
            'oewg_observer_requests',
            lazy='dynamic',
            cascade='all, delete-orphan'
        )
    )
    organization = db.relationship(
        'Organization',
        lazy=True,
        backref=db.backref(
            'requests',
            lazy=True
        )
    )
    requester = db.relationship(
        'User',
        lazy=True,
        backref=db.backref(
            'oewg_observer_requests',
            lazy='dynamic'
        )
    )
    letter_file = db.relationship(
        'ObserverFile',
        lazy=True,
        foreign_keys=letter_file_id
    )
    mission_statement_file = db.relationship(
        'ObserverFile',
        lazy=True,
        foreign_keys=mission_statement_file_id
    )

    # relationship backrefs:
    # - objections (Objection.request)
    # - representatives (Representative.request)

    @property
    def locator(self):
        return dict(self.event.locator, request_id=self.id)

    def __repr__(self):
        return format_repr(self, 'id', 'event_id', 'organization_id', state=None)


class Representative(db.Model):
    """A person an organization names to represent it at a session."""

    __tablename__ = 'observer_representatives'
    __table_args__ = {'schema': 'plugin_oewg'}

    #: The ID of the representative
    id = db.Column(
        db.Integer,
        primary_key=True
    )
    #: The request naming the representative
    request_id = db.Column(
        db.Integer,
        db.ForeignKey('plugin_oewg.observer_requests.id', ondelete='CASCADE'),
        nullable=False,
        index=True
    )
    #: The order in which the request names the representatives
    position = db.Column(
        db.Integer,
        nullable=False,
        default=0
    )
    #: The full name
    full_name = db.Column(
        db.String,
        nullable=False
    )
    #: The title, e.g. "Head of delegation", "Senior researcher"
    title = db.Column(
        db.String,
        nullable=False,
        default=''
    )

    request = db.relationship(
        'ObserverRequest',
        lazy=True,
        backref=db.backref(
            'representatives',
            lazy=True,
            order_by='Representative.position',
            cascade='all, delete-orphan'
        )
    )

    def __repr__(self):
        return format_repr(self, 'id', 'request_id', _text=self.full_name)
