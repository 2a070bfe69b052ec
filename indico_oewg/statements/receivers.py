# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""Signal receivers of the statements archive (connected in plugin.py)."""

from flask import g, session

from indico.core.plugins import render_plugin_template, url_for_plugin
from indico.modules.events.layout.util import MenuEntryData
from indico.web.menu import SideMenuItem

from indico_oewg import _
from indico_oewg.working_groups.util import can_manage_session, is_session


def management_menu(sender, event, **kwargs):
    """"Statements" in the OEWG section of the event management menu (secretariat only)."""
    if not can_manage_session(event, session.user):
        return
    return SideMenuItem('oewg_statements', _('Statements'), url_for_plugin('oewg.manage_statements', event),
                        90, section='oewg')


def conference_menu(sender, **kwargs):
    """"Statements" in the menu of conference-type sessions."""
    return MenuEntryData(_('Statements'), 'statements', 'oewg.statements', position=8, visible=is_session)


def event_header(event, **kwargs):
    """A link to the statements on meeting and lecture pages (they have no menu)."""
    if event.type == 'conference' or not is_session(event):
        return None
    from indico_oewg.statements.models.statements import Statement, StatementStatus
    count = Statement.query.filter_by(event_id=event.id, status=StatementStatus.published).count()
    return render_plugin_template('statements/meeting_link.html', event=event, count=count)


def category_sidebar(category, **kwargs):
    """A link to the archive of all sessions in the sidebar of a working group's category page."""
    from indico_oewg.working_groups.util import get_working_group
    if get_working_group(category) is None:
        return None
    return render_plugin_template('statements/category_sidebar.html', category=category)


def merge_users(target, source, **kwargs):
    """Statements and submitter entries of a merged user go to the user they were merged into."""
    from indico_oewg.statements.models.statements import Statement
    from indico_oewg.statements.models.submitters import StatementSubmitter
    Statement.query.filter_by(submitter_id=source.id).update({Statement.submitter_id: target.id})
    Statement.query.filter_by(contact_id=source.id).update({Statement.contact_id: target.id})
    StatementSubmitter.query.filter_by(user_id=source.id).update({StatementSubmitter.user_id: target.id})


def statement_changed(mapper, connection, statement):
    """A statement was added, changed or deleted: its session's cached delegations are stale.

    Dropped at once (later reads in this transaction see the change) and again after the commit, in case another
    request cached the old list in between.
    """
    from indico_oewg.statements.cache import forget_session_delegations
    forget_session_delegations([statement.event_id])
    g.setdefault('oewg_changed_sessions', set()).add(statement.event_id)


def after_commit(sender, **kwargs):
    from indico_oewg.statements.cache import forget_session_delegations
    if changed := g.pop('oewg_changed_sessions', None):
        forget_session_delegations(changed)
