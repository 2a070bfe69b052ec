# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""Signal receivers of the observers capability (connected in the plugin's ``init``)."""

from flask import session

from indico.core.plugins import url_for_plugin
from indico.modules.events.layout.util import MenuEntryData
from indico.web.flask.templating import get_template_module
from indico.web.menu import SideMenuItem

from indico_oewg import _
from indico_oewg.observers.placeholders import OUTCOME_EMAIL_PLACEHOLDERS
from indico_oewg.working_groups.util import can_manage_session, is_session


def import_tasks(sender, **kwargs):
    import indico_oewg.observers.tasks  # noqa: F401


def management_menu(sender, event, **kwargs):
    if not can_manage_session(event, session.user):
        return
    yield SideMenuItem('oewg_observers', _('Observers'), url_for_plugin('oewg.manage_observers', event), 80,
                       section='oewg')


def conference_menu(sender, **kwargs):
    return MenuEntryData(_('Observers'), 'observers', 'oewg.observers', position=-1, visible=is_session)


def event_header(event, **kwargs):
    """A link to the observers page on meeting and lecture pages (they have no menu)."""
    if event.type != 'conference' and is_session(event):
        return get_template_module('oewg:observers/display/_header_link.html').link(event)


def merge_users(target, source, **kwargs):
    from indico_oewg.observers.operations import merge_users
    merge_users(target, source)


def get_placeholders(sender, observer_request, **kwargs):
    """The placeholders of the outcome e-mails (`OUTCOME_EMAIL_CONTEXT`)."""
    yield from OUTCOME_EMAIL_PLACEHOLDERS
