# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""Signal receivers of the registration capability; `plugin.py` connects them, the work happens elsewhere."""


def get_fields(sender, **kwargs):
    from indico_oewg.registration.fields import DelegationField
    return DelegationField


def registration_pre_create(regform, user, data, management, **kwargs):
    from indico_oewg.registration.operations import enforce_quota_before_registration
    enforce_quota_before_registration(regform, data)


def can_manage_event(sender, obj, user, permission, **kwargs):
    from indico_oewg.registration.focal_points import grant_moderation
    return grant_moderation(obj, user, permission)


def filter_registration_list(regform, user, **kwargs):
    from indico_oewg.registration.focal_points import scope_registrations
    return scope_registrations(regform, user)


def registration_created(registration, **kwargs):
    from indico_oewg.registration.operations import notify_focal_points
    notify_focal_points(registration)


def management_menu(sender, event, **kwargs):
    """"Delegations" in the OEWG section of the event management menu (secretariat only)."""
    from flask import session

    from indico.core.plugins import url_for_plugin
    from indico.web.menu import SideMenuItem

    from indico_oewg import _
    from indico_oewg.working_groups.util import can_manage_session
    if not can_manage_session(event, session.user):
        return
    yield SideMenuItem('oewg_delegations', _('Delegations'), url_for_plugin('oewg.manage_delegations', event),
                       80, section='oewg')
    yield SideMenuItem('oewg_participants', _('List of participants'),
                       url_for_plugin('oewg.manage_participants', event), 70, section='oewg')


def registrant_list_items(regform, **kwargs):
    from indico_oewg.registration.lists import DelegationListItem, RepresentationListItem
    from indico_oewg.registration.util import get_delegation_fields
    if get_delegation_fields(regform):
        yield RepresentationListItem
        yield DelegationListItem


def users_merged(target, source, **kwargs):
    from indico_oewg.registration.operations import merge_focal_points
    merge_focal_points(target, source)
