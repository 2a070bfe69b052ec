# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""What the other capabilities (registration, statements) may ask the observers capability.

Nothing else of `indico_oewg.observers` is to be imported from outside it.
"""

from sqlalchemy import func

from indico.core.db import db
from indico.modules.users import User

from indico_oewg.delegations import Delegation
from indico_oewg.observers.models.accreditations import Accreditation
from indico_oewg.observers.models.organizations import Organization
from indico_oewg.observers.models.requests import ObserverRequest, RequestState, Representative


def get_accredited_organizations(event):
    """The organizations accredited for a session (event), sorted by English name.

    Accreditation holds for the later sessions of the same working group until revoked.
    """
    from indico_oewg.observers.util import query_accredited_organizations
    return query_accredited_organizations(event).all()


def get_accredited_delegations(event):
    """The delegations of the organizations accredited for a session, each with its `Representation` (whom it
    represents: its kind of organization), sorted by English name.
    """
    return [(Delegation.for_organization(organization), organization.kind.representation)
            for organization in get_accredited_organizations(event)]


def is_accredited(organization, event):
    """Whether an organization is accredited for a session (event)."""
    from indico_oewg.observers.util import accreditation_criterion
    organization = organization.canonical
    return db.session.query(Accreditation.query
                            .filter(Accreditation.organization_id == organization.id, accreditation_criterion(event))
                            .exists()).scalar()


def get_organization(organization_id, working_group):
    """An organization of a working group's registry by id (merged ones resolve to what they were merged into)."""
    organization = Organization.query.filter_by(id=organization_id, working_group_id=working_group.id).first()
    return organization.canonical if organization else None


def get_organization_names(organization_id):
    """``(name, French name, acronym)`` of an organization of any registry by id (of the one it was merged into);
    empty strings if there is none.
    """
    organization = Organization.get(organization_id)
    if organization is None:
        return '', '', ''
    organization = organization.canonical
    return organization.name, organization.name_fr, organization.acronym


def get_organizations_names(organization_ids):
    """``{id: (name, French name, acronym)}`` for many organizations of any registry at once (for one merged into
    another, the names of that one); ids not found are left out. One query, whatever the number of ids.
    """
    ids = set(organization_ids)
    if not ids:
        return {}
    organizations = Organization.query.filter(Organization.id.in_(ids)).all()
    result = {}
    for organization in organizations:
        canonical = organization.canonical
        result[organization.id] = (canonical.name, canonical.name_fr, canonical.acronym)
    return result


def find_organization(text, working_group):
    """An organization of the working group's registry by its English/French name or acronym (case-insensitive)."""
    text = (text or '').strip().lower()
    if not text:
        return None
    organization = (Organization.query
                    .filter(Organization.working_group_id == working_group.id,
                            db.or_(func.lower(Organization.name) == text,
                                   func.lower(Organization.name_fr) == text,
                                   func.lower(Organization.acronym) == text))
                    .order_by(Organization.merged_into_id.isnot(None), Organization.id)
                    .first())
    return organization.canonical if organization else None


def get_contacts(organization):
    """The users who are contacts of an organization (requesters of its requests)."""
    organization = organization.canonical
    ids = [organization.id] + [o.id for o in organization.merged_from]
    requesters = (db.select([ObserverRequest.requester_id])
                  .where(ObserverRequest.organization_id.in_(ids)))
    return (User.query
            .filter(User.id.in_(requesters), ~User.is_deleted)
            .order_by(func.lower(User.last_name), func.lower(User.first_name), User.id)
            .all())


def count_named_representatives(organization, event):
    """How many representatives the organization named in its request for a session.

    The latest request that was not withdrawn or declined counts; 0 if there is none.
    """
    organization = organization.canonical
    request = (ObserverRequest.query
               .filter(ObserverRequest.event_id == event.id, ObserverRequest.organization_id == organization.id,
                       ~ObserverRequest.state.in_((RequestState.withdrawn, RequestState.declined)))
               .order_by(ObserverRequest.submitted_dt.desc(), ObserverRequest.id.desc())
               .first())
    if request is None:
        return 0
    return Representative.query.filter_by(request_id=request.id).count()
