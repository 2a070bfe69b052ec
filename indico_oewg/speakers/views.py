# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

from indico.core.plugins import WPJinjaMixinPlugin
from indico.modules.events.management.views import WPEventManagement

from indico_oewg.working_groups.views import WPSessionConference


class WPManageSpeakers(WPJinjaMixinPlugin, WPEventManagement):
    sidemenu_option = 'oewg_speakers'


class WPInscribeConference(WPSessionConference):
    """The inscription pages of a conference-type session, under the menu entry of the list of speakers."""

    menu_entry_name = 'speakers'
