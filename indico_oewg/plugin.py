# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

from flask import session

from indico.core import signals
from indico.core.plugins import IndicoPlugin, url_for_plugin
from indico.modules.events.models.events import Event
from indico.web.menu import SideMenuItem, SideMenuSection

from indico_oewg import _
from indico_oewg.working_groups import OEWGFeature, OEWGSecretariatPermission


class OEWGPlugin(IndicoPlugin):
    """Open-ended working groups (OEWG)

    Sessions of United Nations open-ended working groups: delegation registration fields, observer
    accreditation with no-objection lists, and the archive of statements.
    """

    def init(self):
        super().init()
        self.connect(signals.plugin.cli, self._extend_indico_cli)
        # Working group and sessions
        self.connect(signals.event.get_feature_definitions, lambda sender, **kwargs: OEWGFeature)
        self.connect(signals.acl.get_management_permissions, lambda sender, **kwargs: OEWGSecretariatPermission,
                     sender=Event)
        self.connect(signals.menu.sections, self._extend_event_management_sections, sender='event-management-sidemenu')
        self.connect(signals.menu.items, self._extend_event_management_menu, sender='event-management-sidemenu')
        self.connect(signals.menu.items, self._extend_category_management_menu, sender='category-management-sidemenu')
        # Statements
        # Observers
        # Registration

    def get_blueprints(self):
        from indico_oewg.blueprint import blueprint
        return blueprint

    def _extend_indico_cli(self, sender, **kwargs):
        from indico_oewg.cli import cli
        return cli

    def _extend_event_management_sections(self, sender, **kwargs):
        return SideMenuSection('oewg', _('OEWG'), 45, icon='users')

    def _extend_event_management_menu(self, sender, event, **kwargs):
        if not event.has_feature('oewg') or not event.can_manage(session.user, 'oewg_secretariat'):
            return
        yield SideMenuItem('oewg_overview', _('Session overview'), url_for_plugin('oewg.manage_session', event),
                           100, section='oewg')

    def _extend_category_management_menu(self, sender, category, **kwargs):
        return SideMenuItem('oewg', _('OEWG'), url_for_plugin('oewg.manage_working_group', category), 65,
                            icon='users')
