# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""Signal receivers of the registration capability; `plugin.py` connects them, the work happens elsewhere."""

from flask import session

from indico.core.plugins import url_for_plugin
from indico.modules.events.layout.util import MenuEntryData
from indico.web.flask.templating import get_template_module
from indico.web.menu import SideMenuItem

from indico_oewg import _
from indico_oewg.registration.fields import DelegationField
from indico_oewg.registration.focal_points import grant_moderation, scope_registrations
from indico_oewg.registration.lists import DelegationListItem, RepresentationListItem
from indico_oewg.registration.operations import (enforce_quota_before_registration, merge_focal_points,
                                                 notify_focal_points)
from indico_oewg.registration.settings import registration_settings
from indico_oewg.registration.util import get_delegation_fields
from indico_oewg.working_groups.util import can_manage_session, is_session


def get_fields(sender, **kwargs):
    return DelegationField


def registration_pre_create(regform, user, data, management, **kwargs):
    enforce_quota_before_registration(regform, data)


def can_manage_event(sender, obj, user, permission, **kwargs):
    return grant_moderation(obj, user, permission)


def filter_registration_list(regform, user, **kwargs):
    return scope_registrations(regform, user)


def registration_created(registration, **kwargs):
    notify_focal_points(registration)


def management_menu(sender, event, **kwargs):
    """"Delegations" and "List of participants" in the OEWG section of the management menu (secretariat only)."""
    if not can_manage_session(event, session.user):
        return
    yield SideMenuItem('oewg_delegations', _('Delegations'), url_for_plugin('oewg.manage_delegations', event),
                       80, section='oewg')
    yield SideMenuItem('oewg_participants', _('List of participants'),
                       url_for_plugin('oewg.manage_participants', event), 70, section='oewg')


def _participants_published(event):
    return is_session(event) and registration_settings.get(event, 'participants_published')


def conference_menu(sender, **kwargs):
    """"List of participants" in the menu of conference-type sessions, once the secretariat published it."""
    return MenuEntryData(_('List of participants'), 'participants', 'oewg.participants', position=9,
                         visible=_participants_published)


def event_header(event, **kwargs):
    """A link to the published list of participants on meeting and lecture pages (they have no menu)."""
    if event.type != 'conference' and _participants_published(event):
        return get_template_module('oewg:registration/_header_link.html').link(event)


def registrant_list_items(regform, **kwargs):
    if get_delegation_fields(regform):
        yield RepresentationListItem
        yield DelegationListItem


def users_merged(target, source, **kwargs):
    merge_focal_points(target, source)
