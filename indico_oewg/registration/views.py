# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

from indico.core.plugins import WPJinjaMixinPlugin
from indico.modules.events.management.views import WPEventManagement
from indico.modules.events.views import WPConferenceDisplayBase, WPSimpleEventDisplayBase


class WPManageDelegations(WPJinjaMixinPlugin, WPEventManagement):
    sidemenu_option = 'oewg_delegations'


class WPManageParticipants(WPJinjaMixinPlugin, WPEventManagement):
    sidemenu_option = 'oewg_participants'


class WPParticipantsConference(WPJinjaMixinPlugin, WPConferenceDisplayBase):
    menu_entry_plugin = 'oewg'
    menu_entry_name = 'participants'


class WPParticipantsSimpleEvent(WPJinjaMixinPlugin, WPSimpleEventDisplayBase):
    pass
