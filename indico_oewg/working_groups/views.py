# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

from indico.core.plugins import WPJinjaMixinPlugin
from indico.modules.categories.views import WPCategoryManagement
from indico.modules.events.management.views import WPEventManagement


class WPManageWorkingGroup(WPJinjaMixinPlugin, WPCategoryManagement):
    pass


class WPManageOEWGSession(WPJinjaMixinPlugin, WPEventManagement):
    sidemenu_option = 'oewg_overview'
