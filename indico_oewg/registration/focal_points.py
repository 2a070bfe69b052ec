# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""Delegation focal points: who they are, and the scoped moderation right they hold in Indico's registrant lists.

A focal point gets Indico's ``registration_moderation`` permission on the session (through ``acl.can_manage``)
and ``filter_registration_list`` bounds it to the registrations of their own delegations, so Indico's own list,
details and approve/reject pages show them nothing else. Their own registration is not among them: it goes to the
secretariat like anyone else's.
"""

from indico.core.db import db
from indico.core.db.sqlalchemy.principals import PrincipalType
from indico.modules.events.registration.models.form_fields import RegistrationFormFieldData
from indico.modules.events.registration.models.registrations import Registration, RegistrationData
from indico.util.caching import memoize_request
from indico.util.user import iter_acl

from indico_oewg.delegations import Delegation
from indico_oewg.observers import api as observers_api
from indico_oewg.registration.models.focal_points import FocalPoint
from indico_oewg.registration.settings import registration_settings
from indico_oewg.registration.util import FIELD_TYPE
from indico_oewg.working_groups.util import is_session


FOCAL_POINT_PERMISSION = 'registration_moderation'


def _contacts_are_focal_points(event):
    return registration_settings.get(event, 'contacts_are_focal_points')


@memoize_request
def get_focal_point_delegations(event, user):
    """The delegations a user is focal point of in a session: those they were named for, and the accredited
    organizations whose contact they are (when organization contacts are focal points).

    :return: a frozenset of `Delegation`
    """
    if user is None or not is_session(event):
        return frozenset()
    delegations = {fp.delegation for fp in FocalPoint.query.filter_by(event_id=event.id, user_id=user.id)}
    if _contacts_are_focal_points(event):
        delegations |= {Delegation.for_organization(organization)
                        for organization in observers_api.get_accredited_organizations(event)
                        if user in observers_api.get_contacts(organization)}
    return frozenset(delegations)


def get_focal_points(event, delegation):
    """The users who are focal points of a delegation in a session (named ones, then organization contacts)."""
    query = FocalPoint.query.filter_by(event_id=event.id, **FocalPoint.columns_for(delegation))
    users = [fp.user for fp in query.order_by(FocalPoint.id)]
    if delegation.in_registry and _contacts_are_focal_points(event):
        organization = next((org for org in observers_api.get_accredited_organizations(event)
                             if org.id == delegation.organization_id), None)
        if organization is not None:
            users += [u for u in observers_api.get_contacts(organization) if u not in users]
    return [u for u in users if not u.is_deleted]


def get_focal_point_rows(event):
    """The session's focal points with their delegations, States first, each part by the delegation's name."""
    focal_points = FocalPoint.query.filter_by(event_id=event.id).order_by(FocalPoint.id).all()
    rows = [(fp, fp.delegation) for fp in focal_points]
    rows.sort(key=lambda row: (not row[1].is_state, row[1].name().lower(), row[0].user.full_name.lower()))
    return rows


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
    """``filter_registration_list``: a focal point manages only their delegations' registrations, not their own."""
    if user is None:
        return None
    event = regform.event
    delegations = get_focal_point_delegations(event, user)
    if not delegations or has_own_registration_rights(event, user):
        return None
    of_delegations = (db.select([RegistrationData.registration_id])
                      .join(RegistrationFormFieldData, RegistrationData.field_data_id == RegistrationFormFieldData.id)
                      .where(RegistrationFormFieldData.field_id.in_(_delegation_field_ids(regform)),
                             RegistrationData.data['delegation'].astext.in_(sorted(d.field_code
                                                                                   for d in delegations))))
    # their own registration, linked to their account or made with one of their addresses, is the secretariat's
    not_their_own = db.and_(db.or_(Registration.user_id.is_(None), Registration.user_id != user.id),
                            ~db.func.lower(Registration.email).in_(sorted(user.all_emails)))
    return db.and_(Registration.id.in_(of_delegations), not_their_own)


def _delegation_field_ids(regform):
    return [item.id for item in regform.form_items if item.is_field and item.input_type == FIELD_TYPE] or [-1]
