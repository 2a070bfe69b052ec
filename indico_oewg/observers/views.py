# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

from indico.core.plugins import WPJinjaMixinPlugin
from indico.modules.events.management.views import WPEventManagement
from indico.modules.events.views import WPConferenceDisplayBase, WPSimpleEventDisplayBase


class WPManageObservers(WPJinjaMixinPlugin, WPEventManagement):
    sidemenu_option = 'oewg_observers'


class _DisplayObserversMixin(WPJinjaMixinPlugin):
    menu_entry_plugin = 'oewg'
    menu_entry_name = 'observers'

    def _get_body(self, params):
        return self._get_page_content(params)


class WPObserversConference(_DisplayObserversMixin, WPConferenceDisplayBase):
    pass


class WPObserversSimpleEvent(_DisplayObserversMixin, WPSimpleEventDisplayBase):
    pass
