# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""Queries about organizations, requests and accreditations."""

from sqlalchemy import func
from sqlalchemy.orm import aliased, joinedload

from indico.core.db import db
from indico.modules.events.models.events import Event

from indico_oewg.observers.models.accreditations import Accreditation
from indico_oewg.observers.models.organizations import Organization, OrganizationKind
from indico_oewg.observers.models.requests import OPEN_STATES, ObserverRequest, RequestState
from indico_oewg.working_groups.util import can_manage_session, get_working_group


def query_organizations(working_group):
    """The organizations of a working group's registry that were not merged into another one."""
    return (Organization.query
            .filter(Organization.working_group_id == working_group.id, Organization.merged_into_id.is_(None))
            .order_by(func.lower(Organization.name)))


def accreditation_criterion(event):
    """SQL criterion on ``Accreditation`` for those that hold for a session (event).

    An accreditation holds from its session on, until the session from which it was revoked.
    """
    working_group = get_working_group(event.category)
    if working_group is None:
        return db.false()
    from_event = aliased(Event)
    revoked_event = aliased(Event)
    holds_from = (db.select([from_event.start_dt])
                  .where(from_event.id == Accreditation.event_id)
                  .scalar_subquery())
    revoked_from = (db.select([revoked_event.start_dt])
                    .where(revoked_event.id == Accreditation.revoked_from_event_id)
                    .scalar_subquery())
    return db.and_(Accreditation.working_group_id == working_group.id,
                   holds_from <= event.start_dt,
                   db.or_(Accreditation.revoked_from_event_id.is_(None), revoked_from > event.start_dt))


def query_accredited_organizations(event):
    """Query the organizations accredited for a session, alphabetical by English name."""
    accredited = db.select([Accreditation.organization_id]).where(accreditation_criterion(event))
    return (Organization.query
            .filter(Organization.id.in_(accredited), Organization.merged_into_id.is_(None))
            .order_by(func.lower(Organization.name), Organization.id))


def group_by_kind(organizations):
    """The organizations grouped by kind in the order of the lists: [(kind, [organization, ...]), ...]."""
    groups = [(kind, [o for o in organizations if o.kind == kind]) for kind in OrganizationKind]
    return [(kind, items) for kind, items in groups if items]


def get_open_request(organization, event):
    """The request of an organization for a session that is still pending or waiting for information."""
    return (ObserverRequest.query
            .filter(ObserverRequest.event_id == event.id, ObserverRequest.organization_id == organization.id,
                    ObserverRequest.state.in_(OPEN_STATES))
            .first())


def query_requests(event, states=None, kinds=None):
    """The requests for a session, with what the review queue shows loaded in the same query."""
    query = (ObserverRequest.query
             .filter(ObserverRequest.event_id == event.id)
             .join(ObserverRequest.organization)
             .options(db.contains_eager(ObserverRequest.organization),
                      joinedload(ObserverRequest.requester),
                      db.selectinload(ObserverRequest.representatives))
             .order_by(ObserverRequest.submitted_dt.desc(), ObserverRequest.id.desc()))
    if states:
        query = query.filter(ObserverRequest.state.in_(states))
    if kinds:
        query = query.filter(Organization.kind.in_(kinds))
    return query


def get_lists(event):
    """The Chair's two lists for a session.

    :return: (for_information, for_consideration): organizations of kinds (a)-(c) whose requests for the
             session were confirmed, and those of kinds (d)-(e) put on the list for consideration, each
             alphabetical by English name.
    """
    listed_states = (RequestState.under_consideration, RequestState.accredited, RequestState.not_accredited)
    requests = (ObserverRequest.query
                .filter(ObserverRequest.event_id == event.id, ObserverRequest.state.in_(listed_states))
                .options(joinedload(ObserverRequest.organization))
                .all())
    organizations = {r.organization.canonical for r in requests}
    key = lambda o: (o.name.lower(), o.id)
    info = sorted((o for o in organizations if not o.kind.needs_no_objection), key=key)
    consideration = sorted((o for o in organizations if o.kind.needs_no_objection), key=key)
    return info, consideration


def get_period_requests(event):
    """The requests under consideration on a no-objection basis for a session."""
    return (ObserverRequest.query
            .filter(ObserverRequest.event_id == event.id,
                    ObserverRequest.state == RequestState.under_consideration)
            .join(ObserverRequest.organization)
            .options(db.contains_eager(ObserverRequest.organization))
            .order_by(func.lower(Organization.name))
            .all())


def can_see_request(request, user):
    """The requester and the secretariat of its session may see a request."""
    return user is not None and (request.requester == user or can_manage_session(request.event, user))
