# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

from indico.modules.events.management.views import WPEventManagement

from indico_oewg.working_groups.views import WPOEWGMixin, WPSessionConference


class WPManageSpeakers(WPOEWGMixin, WPEventManagement):
    sidemenu_option = 'oewg_speakers'


class WPInscribeConference(WPSessionConference):
    """The inscription pages of a conference-type session, under the menu entry of the list of speakers."""

    menu_entry_name = 'speakers'
