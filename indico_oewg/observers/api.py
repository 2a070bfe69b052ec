# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""What the other capabilities (registration, statements) may ask the observers capability.

Nothing else of `indico_oewg.observers` is to be imported from outside it.
"""

from sqlalchemy import func

from indico.core.db import db
from indico.modules.users import User

from indico_oewg.observers.models.accreditations import Accreditation
from indico_oewg.observers.models.organisations import Organisation
from indico_oewg.observers.models.requests import ObserverRequest, RequestState, Representative


def get_accredited_organisations(event):
    """The organisations accredited for a session (event), sorted by English name.

    Accreditation holds for the later sessions of the same working group until revoked.
    """
    from indico_oewg.observers.util import query_accredited_organisations
    return query_accredited_organisations(event).all()


def is_accredited(organisation, event):
    """Whether an organisation is accredited for a session (event)."""
    from indico_oewg.observers.util import accreditation_criterion
    organisation = organisation.canonical
    return db.session.query(Accreditation.query
                            .filter(Accreditation.organisation_id == organisation.id, accreditation_criterion(event))
                            .exists()).scalar()


def get_organisation(organisation_id, working_group):
    """An organisation of a working group's registry by id (merged ones resolve to what they were merged into)."""
    organisation = Organisation.query.filter_by(id=organisation_id, working_group_id=working_group.id).first()
    return organisation.canonical if organisation else None


def find_organisation(text, working_group):
    """An organisation of the working group's registry by its English/French name or acronym (case-insensitive)."""
    text = (text or '').strip().lower()
    if not text:
        return None
    organisation = (Organisation.query
                    .filter(Organisation.working_group_id == working_group.id,
                            db.or_(func.lower(Organisation.name) == text,
                                   func.lower(Organisation.name_fr) == text,
                                   func.lower(Organisation.acronym) == text))
                    .order_by(Organisation.merged_into_id.isnot(None), Organisation.id)
                    .first())
    return organisation.canonical if organisation else None


def get_contacts(organisation):
    """The users who are contacts of an organisation (requesters of its requests)."""
    organisation = organisation.canonical
    ids = [organisation.id] + [o.id for o in organisation.merged_from]
    requesters = (db.select([ObserverRequest.requester_id])
                  .where(ObserverRequest.organisation_id.in_(ids)))
    return (User.query
            .filter(User.id.in_(requesters), ~User.is_deleted)
            .order_by(func.lower(User.last_name), func.lower(User.first_name), User.id)
            .all())


def count_named_representatives(organisation, event):
    """How many representatives the organisation named in its request for a session.

    The latest request that was not withdrawn or declined counts; 0 if there is none.
    """
    organisation = organisation.canonical
    request = (ObserverRequest.query
               .filter(ObserverRequest.event_id == event.id, ObserverRequest.organisation_id == organisation.id,
                       ~ObserverRequest.state.in_((RequestState.withdrawn, RequestState.declined)))
               .order_by(ObserverRequest.submitted_dt.desc(), ObserverRequest.id.desc())
               .first())
    if request is None:
        return 0
    return Representative.query.filter_by(request_id=request.id).count()
