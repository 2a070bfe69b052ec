# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

from indico.modules.events.management.views import WPEventManagement

from indico_oewg.working_groups.views import WPOEWGMixin, WPSessionConference


class WPManageDelegations(WPOEWGMixin, WPEventManagement):
    sidemenu_option = 'oewg_delegations'


class WPManageParticipants(WPOEWGMixin, WPEventManagement):
    sidemenu_option = 'oewg_participants'


class WPParticipantsConference(WPSessionConference):
    """The public list of participants of a conference-type session, in its menu (*List of participants*)."""

    menu_entry_name = 'participants'
