# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

from indico.core.plugins import WPJinjaMixinPlugin
from indico.modules.categories.views import WPCategory
from indico.modules.events.management.views import WPEventManagement
from indico.modules.events.views import WPConferenceDisplayBase, WPSimpleEventDisplayBase
from indico.web.views import WPJinjaMixin


class WPManageStatements(WPJinjaMixinPlugin, WPEventManagement):
    sidemenu_option = 'oewg_statements'


class WPStatementsConference(WPJinjaMixinPlugin, WPConferenceDisplayBase):
    menu_entry_plugin = 'oewg'
    menu_entry_name = 'statements'


class WPStatementsSimpleEvent(WPJinjaMixinPlugin, WPSimpleEventDisplayBase):
    def _get_body(self, params):
        return WPJinjaMixin._get_page_content(self, params)


def display_page(event):
    """The display page class matching the event's layout (conference menu or meeting page)."""
    return WPStatementsConference if event.type == 'conference' else WPStatementsSimpleEvent


class WPWorkingGroupStatements(WPJinjaMixinPlugin, WPCategory):
    pass
