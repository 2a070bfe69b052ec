# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

from indico.core.plugins import WPJinjaMixinPlugin
from indico.modules.categories.views import WPCategoryManagement
from indico.modules.events.management.views import WPEventManagement
from indico.modules.events.views import WPConferenceDisplayBase, WPSimpleEventDisplayBase


class WPManageWorkingGroup(WPJinjaMixinPlugin, WPCategoryManagement):
    pass


class WPManageOEWGSession(WPJinjaMixinPlugin, WPEventManagement):
    sidemenu_option = 'oewg_overview'


class _SessionDisplayMixin(WPJinjaMixinPlugin):
    menu_entry_plugin = 'oewg'

    def _get_body(self, params):
        return self._get_page_content(params)


class WPSessionConference(_SessionDisplayMixin, WPConferenceDisplayBase):
    """A public page of a conference-type session, in its menu; subclasses name their menu entry."""

    menu_entry_name = None


class WPSessionSimpleEvent(_SessionDisplayMixin, WPSimpleEventDisplayBase):
    """A public page of a meeting- or lecture-type session (they have no menu)."""
