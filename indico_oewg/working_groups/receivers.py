# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""Signal receivers of the working group and its sessions (connected in plugin.py)."""

from flask import session

from indico.core.plugins import url_for_plugin
from indico.web.menu import SideMenuItem, SideMenuSection

from indico_oewg import _
from indico_oewg.working_groups import OEWGFeature, OEWGSecretariatPermission
from indico_oewg.working_groups.util import can_manage_session


def get_feature_definitions(sender, **kwargs):
    return OEWGFeature


def get_management_permissions(sender, **kwargs):
    return OEWGSecretariatPermission


def management_sections(sender, **kwargs):
    return SideMenuSection('oewg', _('OEWG'), 45, icon='users')


def management_menu(sender, event, **kwargs):
    if can_manage_session(event, session.user):
        return SideMenuItem('oewg_overview', _('Session overview'), url_for_plugin('oewg.manage_session', event),
                            100, section='oewg')


def management_url(event, **kwargs):
    # where the event's "Manage" link takes the secretariat, who may not manage the whole event
    if can_manage_session(event, session.user):
        return url_for_plugin('oewg.manage_session', event)


def category_management_menu(sender, category, **kwargs):
    return SideMenuItem('oewg', _('OEWG'), url_for_plugin('oewg.manage_working_group', category), 65, icon='users')
