# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""Delegation focal points: who they are, and the scoped moderation right they hold in Indico's registrant lists.

A focal point gets Indico's ``registration_moderation`` permission on the session (through ``acl.can_manage``)
and ``filter_registration_list`` bounds it to the registrations of their own delegations, so Indico's own list,
details and approve/reject pages show them nothing else.
"""

from indico.core.db import db
from indico.core.db.sqlalchemy.principals import PrincipalType
from indico.util.user import iter_acl
from indico.modules.events.registration.models.form_fields import RegistrationFormFieldData
from indico.modules.events.registration.models.registrations import Registration, RegistrationData
from indico.util.caching import memoize_request

from indico_oewg.registration.delegations import get_accredited_organizations
from indico_oewg.registration.fields import FIELD_TYPE
from indico_oewg.registration.models.focal_points import FocalPoint
from indico_oewg.registration.settings import registration_settings


FOCAL_POINT_PERMISSION = 'registration_moderation'


def _organization_contacts(organization):
    from indico_oewg.observers import api as observers_api
    return observers_api.get_contacts(organization)


@memoize_request
def get_focal_point_delegations(event, user):
    """The delegations (ISO3 codes / organization ids as text) a user is focal point of in a session."""
    if user is None or not event.has_feature('oewg'):
        return frozenset()
    delegations = {fp.delegation for fp in FocalPoint.query.filter_by(event_id=event.id, user_id=user.id)}
    if registration_settings.get(event, 'contacts_are_focal_points'):
        delegations |= {str(org.id) for org in get_accredited_organizations(event)
                        if user in _organization_contacts(org)}
    return frozenset(delegations)


def get_focal_points(event, delegation):
    """The users who are focal points of a delegation in a session (named ones, then organization contacts)."""
    delegation = str(delegation)
    query = FocalPoint.query.filter_by(event_id=event.id)
    if delegation.isdigit():
        query = query.filter_by(organization_id=int(delegation))
    else:
        query = query.filter_by(state=delegation)
    users = [fp.user for fp in query.order_by(FocalPoint.id)]
    if delegation.isdigit() and registration_settings.get(event, 'contacts_are_focal_points'):
        organization = next((org for org in get_accredited_organizations(event) if str(org.id) == delegation), None)
        if organization is not None:
            users += [u for u in _organization_contacts(organization) if u not in users]
    return [u for u in users if not u.is_deleted]


def has_own_registration_rights(event, user):
    """Whether a user manages or moderates the session's registrations on their own (not as a focal point).

    ``can_manage(user, 'registration_moderation')`` cannot tell (it includes our grant, and Indico caches it for
    the request), so the moderation right is read from the event's ACL itself.
    """
    if event.can_manage(user, 'registration'):
        return True
    return any(user in entry.principal for entry in iter_acl(event.acl_entries)
               if entry.type != PrincipalType.email and
               entry.has_management_permission(FOCAL_POINT_PERMISSION, explicit=True))


def grant_moderation(event, user, permission):
    """``acl.can_manage``: focal points may moderate (what `scope_registrations` lets them see)."""
    if permission != FOCAL_POINT_PERMISSION or user is None:
        return None
    return True if get_focal_point_delegations(event, user) else None


def scope_registrations(regform, user):
    """``filter_registration_list``: a focal point manages only their delegations' registrations."""
    if user is None:
        return None
    event = regform.event
    delegations = get_focal_point_delegations(event, user)
    if not delegations or has_own_registration_rights(event, user):
        return None
    of_delegations = (db.select([RegistrationData.registration_id])
                      .join(RegistrationFormFieldData, RegistrationData.field_data_id == RegistrationFormFieldData.id)
                      .where(RegistrationFormFieldData.field_id.in_(_delegation_field_ids(regform)),
                             RegistrationData.data['delegation'].astext.in_(sorted(delegations))))
    return Registration.id.in_(of_delegations)


def _delegation_field_ids(regform):
    return [item.id for item in regform.form_items if item.is_field and item.input_type == FIELD_TYPE] or [-1]
