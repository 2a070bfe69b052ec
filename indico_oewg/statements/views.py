# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

from indico.modules.categories.views import WPCategory
from indico.modules.events.management.views import WPEventManagement

from indico_oewg.working_groups.views import WPOEWGMixin, WPSessionConference


class WPManageStatements(WPOEWGMixin, WPEventManagement):
    sidemenu_option = 'oewg_statements'


class WPStatementsConference(WPSessionConference):
    menu_entry_name = 'statements'


class WPWorkingGroupStatements(WPOEWGMixin, WPCategory):
    pass
