# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

from indico.modules.events.management.views import WPEventManagement

from indico_oewg.working_groups.views import WPOEWGMixin, WPSessionConference


class WPManageObservers(WPOEWGMixin, WPEventManagement):
    sidemenu_option = 'oewg_observers'


class WPObserversConference(WPSessionConference):
    """The observers pages of a conference-type session: the "Observers" entry of its menu is the active one."""

    menu_entry_name = 'observers'
