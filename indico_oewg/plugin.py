# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

from sqlalchemy import event as sqlalchemy_event

from indico.core import signals
from indico.core.plugins import IndicoPlugin
from indico.modules.events.models.events import Event

from indico_oewg.forms import PluginSettingsForm


class OEWGPlugin(IndicoPlugin):
    """Open-ended working groups (OEWG)

    Sessions of United Nations open-ended working groups: delegation registration fields, observer
    accreditation with no-objection lists, the archive of statements and the list of speakers.
    """  # noqa: D400 (the first line is the plugin's title in Indico's administration)

    configurable = True
    settings_form = PluginSettingsForm
    default_settings = {
        'statement_max_file_size_mb': 20,
    }

    def init(self):
        super().init()
        self.connect(signals.plugin.cli, self._extend_indico_cli)
        # Working group and sessions
        from indico_oewg.working_groups import clone as working_groups_clone
        from indico_oewg.working_groups import receivers as working_groups
        self.connect(signals.event.get_feature_definitions, working_groups.get_feature_definitions)
        self.connect(signals.acl.get_management_permissions, working_groups.get_management_permissions,
                     sender=Event)
        self.connect(signals.menu.sections, working_groups.management_sections, sender='event-management-sidemenu')
        self.connect(signals.menu.items, working_groups.management_menu, sender='event-management-sidemenu')
        self.connect(signals.menu.items, working_groups.category_management_menu,
                     sender='category-management-sidemenu')
        self.connect(signals.event_management.management_url, working_groups.management_url)
        self.connect(signals.event_management.get_cloners, working_groups_clone.get_cloners)
        # Statements
        from indico_oewg.statements import receivers as statements
        self.connect(signals.menu.items, statements.management_menu, sender='event-management-sidemenu')
        self.connect(signals.event.sidemenu, statements.conference_menu)
        self.template_hook('event-header', statements.event_header)
        self.template_hook('category-sidebar', statements.category_sidebar)
        self.connect(signals.users.merged, statements.merge_users)
        self.connect(signals.core.after_commit, statements.after_commit)
        from indico_oewg.statements.models.statements import Statement
        for change in ('after_insert', 'after_update', 'after_delete'):
            sqlalchemy_event.listen(Statement, change, statements.statement_changed)
        from indico_oewg.statements import clone as statements_clone
        self.connect(signals.event_management.get_cloners, statements_clone.get_cloners)
        # Observers
        from indico_oewg.observers import receivers as observers
        from indico_oewg.observers.placeholders import OUTCOME_EMAIL_CONTEXT
        self.connect(signals.core.import_tasks, observers.import_tasks)
        self.connect(signals.menu.items, observers.management_menu, sender='event-management-sidemenu')
        self.connect(signals.event.sidemenu, observers.conference_menu)
        self.template_hook('event-header', observers.event_header)
        self.connect(signals.users.merged, observers.merge_users)
        self.connect(signals.core.get_placeholders, observers.get_placeholders,
                     sender=OUTCOME_EMAIL_CONTEXT)
        # Registration
        from indico.modules.events.registration.fields.base import RegistrationFormFieldBase
        from indico_oewg.registration import receivers as registration
        self.connect(signals.core.get_fields, registration.get_fields, sender=RegistrationFormFieldBase)
        self.connect(signals.event.registration_pre_create, registration.registration_pre_create)
        self.connect(signals.event.registration_created, registration.registration_created)
        self.connect(signals.event.filter_registration_list, registration.filter_registration_list)
        self.connect(signals.event.registrant_list_items, registration.registrant_list_items)
        self.connect(signals.users.merged, registration.users_merged)
        self.connect(signals.acl.can_manage, registration.can_manage_event, sender=Event)
        self.connect(signals.menu.items, registration.management_menu, sender='event-management-sidemenu')
        self.connect(signals.event.sidemenu, registration.conference_menu)
        self.template_hook('event-header', registration.event_header)
        from indico_oewg.registration import clone as registration_clone
        self.connect(signals.event_management.get_cloners, registration_clone.get_cloners)
        # List of speakers
        from indico_oewg.speakers import receivers as speakers
        self.connect(signals.core.import_tasks, speakers.import_tasks)
        self.connect(signals.menu.items, speakers.management_menu, sender='event-management-sidemenu')
        self.connect(signals.event.sidemenu, speakers.conference_menu)
        self.template_hook('event-header', speakers.event_header)
        self.connect(signals.users.merged, speakers.merge_users)
        # the field's JavaScript on every registration page: the form editor fails on an unknown field type
        from indico.modules.events.registration.views import DisplayRegistrationFormMixin, WPManageRegistration
        self.inject_bundle('main.js', WPManageRegistration)
        self.inject_bundle('main.js', DisplayRegistrationFormMixin)
        # the plugin's stylesheet (client/oewg.css: contrast and focus inside the plugin's own content only) on its
        # pages and on the registration pages showing the OEWG field
        from indico_oewg.working_groups.views import WPOEWGMixin
        for view_class in (WPOEWGMixin, WPManageRegistration, DisplayRegistrationFormMixin):
            self.inject_bundle('main.css', view_class)

    def get_vars_js(self):
        # the OEWG field's script reads the representations from here (window.OewgPlugin)
        from indico_oewg.registration.delegations import get_client_representations
        return {'representations': get_client_representations()}

    def get_blueprints(self):
        from indico_oewg.blueprint import blueprint
        return blueprint

    def _extend_indico_cli(self, sender, **kwargs):
        from indico_oewg.cli import cli
        return cli
