# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""Signal receivers of the list of speakers (connected in plugin.py)."""

from flask import current_app, session

from indico.core.plugins import render_plugin_template, url_for_plugin
from indico.modules.events.layout.util import MenuEntryData
from indico.web.menu import SideMenuItem

from indico_oewg import _
from indico_oewg.working_groups.util import can_manage_session, is_session


#: The public page of the lists (the capability's display part)
PUBLIC_ENDPOINT = 'plugin_oewg.speakers'


def import_tasks(sender, **kwargs):
    import indico_oewg.speakers.tasks  # noqa: F401


def management_menu(sender, event, **kwargs):
    """"List of speakers" in the OEWG section of the event management menu (secretariat only)."""
    if not can_manage_session(event, session.user):
        return None
    return SideMenuItem('oewg_speakers', _('List of speakers'), url_for_plugin('oewg.manage_speakers', event), 85,
                        section='oewg')


def conference_menu(sender, **kwargs):
    """"List of speakers" in the menu of conference-type sessions, to the public lists."""
    if PUBLIC_ENDPOINT not in current_app.view_functions:
        return None
    return MenuEntryData(_('List of speakers'), 'speakers', 'oewg.speakers', position=9, visible=is_session)


def event_header(event, **kwargs):
    """A link to the lists of speakers on meeting and lecture pages (they have no menu)."""
    if event.type == 'conference' or not is_session(event) or PUBLIC_ENDPOINT not in current_app.view_functions:
        return None
    if not event.oewg_speakers_lists.count():
        return None
    return render_plugin_template('speakers/meeting_link.html', event=event)


def merge_users(target, source, **kwargs):
    """Inscriptions of a merged user go to the user they were merged into."""
    from indico_oewg.speakers.models.inscriptions import Inscription
    Inscription.query.filter_by(created_by_id=source.id).update({Inscription.created_by_id: target.id})
    Inscription.query.filter_by(contact_id=source.id).update({Inscription.contact_id: target.id})
