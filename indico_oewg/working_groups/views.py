# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

from indico.core.plugins import WPJinjaMixinPlugin
from indico.modules.categories.views import WPCategoryManagement
from indico.modules.events.management.views import WPEventManagement
from indico.modules.events.views import WPConferenceDisplayBase, WPSimpleEventDisplayBase


class WPOEWGMixin(WPJinjaMixinPlugin):
    """Every page of the plugin: renders the plugin's templates and gets the plugin's stylesheet (see plugin.py)."""


class WPManageWorkingGroup(WPOEWGMixin, WPCategoryManagement):
    pass


class WPManageOEWGSession(WPOEWGMixin, WPEventManagement):
    sidemenu_option = 'oewg_overview'


class _SessionDisplayMixin(WPOEWGMixin):
    menu_entry_plugin = 'oewg'

    def _get_body(self, params):
        return self._get_page_content(params)


class WPSessionConference(_SessionDisplayMixin, WPConferenceDisplayBase):
    """A public page of a conference-type session, in its menu; subclasses name their menu entry."""

    menu_entry_name = None


class WPSessionSimpleEvent(_SessionDisplayMixin, WPSimpleEventDisplayBase):
    """A public page of a meeting- or lecture-type session (they have no menu)."""
