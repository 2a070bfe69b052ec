# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

from flask import flash, redirect, session
from werkzeug.exceptions import NotFound

from indico.core.db import db
from indico.core.plugins import url_for_plugin
from indico.modules.categories.controllers.base import RHManageCategoryBase
from indico.modules.events.controllers.base import RHDisplayEventBase
from indico.modules.events.management.controllers.base import RHManageEventBase
from indico.modules.events.models.events import EventType
from indico.web.flask.util import redirect_or_jsonify
from indico.web.forms.base import FormDefaults
from indico.web.util import jsonify_form

from indico_oewg import _
from indico_oewg.working_groups.forms import SessionForm, WorkingGroupForm
from indico_oewg.working_groups.operations import (create_working_group, ensure_session, update_session,
                                                   update_working_group)
from indico_oewg.working_groups.util import SECRETARIAT_PERMISSION, get_sessions, get_working_group, is_session
from indico_oewg.working_groups.views import (WPManageOEWGSession, WPManageWorkingGroup, WPSessionConference,
                                              WPSessionSimpleEvent)


class DialogFormMixin:
    """An action with a form in one of Indico's dialogs: GET shows the form, POST carries it out.

    Bad input or a refused action (``error_class``) shows the form again with the message and changes nothing;
    success flashes the message `_act` returns and goes to `_return_url` (a redirect for a plain POST).
    """

    #: the submit button's title
    submit = None
    #: the capability's exception whose message a refused action shows in the dialog
    error_class = None

    def _make_form(self):
        raise NotImplementedError

    def _act(self, form):
        """Carry the action out; return the message for the secretariat (or ``None``)."""
        raise NotImplementedError

    def _return_url(self):
        raise NotImplementedError

    def _message(self):
        """What the dialog says above the form, if anything."""
        return None

    def _process(self):
        form = self._make_form()
        message = self._message()
        if form.validate_on_submit():
            try:
                with db.session.begin_nested():
                    done = self._act(form)
            except self.error_class as exc:
                message = str(exc)
            else:
                if done:
                    flash(done, 'success')
                return redirect_or_jsonify(self._return_url(), flash=False)
        # .oewg-page: the plugin's stylesheet and the accessibility test reach the dialog's form
        return jsonify_form(form, submit=self.submit, message=message, disabled_until_change=False,
                            form_header_kwargs={'classes': 'oewg-page'})


class RHManageWorkingGroup(RHManageCategoryBase):
    """Configure a category as an open-ended working group."""

    def _process(self):
        working_group = get_working_group(self.category)
        form = WorkingGroupForm(obj=working_group or FormDefaults(name=self.category.title))
        if form.validate_on_submit():
            if working_group is None:
                create_working_group(self.category, form.data)
                flash(_('The category is now an open-ended working group.'), 'success')
            elif update_working_group(working_group, form.data):
                flash(_('The working group settings have been saved.'), 'success')
            return redirect(url_for_plugin('oewg.manage_working_group', self.category))
        sessions = get_sessions(working_group) if working_group else []
        return WPManageWorkingGroup.render_template('working_groups/manage_working_group.html', self.category,
                                                    'oewg', form=form, working_group=working_group,
                                                    sessions=sessions)


class RHManageOEWGSessionBase(RHManageEventBase):
    """Base for the OEWG management pages of a session (secretariat only)."""

    PERMISSION = SECRETARIAT_PERMISSION

    def _process_args(self):
        RHManageEventBase._process_args(self)
        if not is_session(self.event):
            raise NotFound(_('This event is not in a category configured as an open-ended working group.'))
        self.working_group = get_working_group(self.event.category)


class RHSessionDisplayBase(RHDisplayEventBase):
    """Base for the public OEWG pages of a session, whatever the event's type (conference, meeting, lecture)."""

    #: the page class of conference-type sessions (a `WPSessionConference` naming its menu entry)
    conference_view = WPSessionConference

    def _process_args(self):
        RHDisplayEventBase._process_args(self)
        if not is_session(self.event):
            raise NotFound
        self.working_group = get_working_group(self.event.category)

    @property
    def view_class(self):
        return self.conference_view if self.event.type_ == EventType.conference else WPSessionSimpleEvent

    def _render(self, template, **kwargs):
        return self.view_class.render_template(template, self.event, working_group=self.working_group, **kwargs)


class RHManageOEWGSession(RHManageOEWGSessionBase):
    """Overview and settings of a session."""

    def _process(self):
        oewg_session = ensure_session(self.event)
        form = SessionForm(obj=FormDefaults(oewg_session))
        if form.validate_on_submit():
            if update_session(self.event, form.data):
                flash(_('The session settings have been saved.'), 'success')
            return redirect(url_for_plugin('oewg.manage_session', self.event))
        return WPManageOEWGSession.render_template('working_groups/manage_session.html', self.event,
                                                   form=form, oewg_session=oewg_session,
                                                   working_group=self.working_group,
                                                   sessions=get_sessions(self.working_group),
                                                   can_manage_category=self.event.category.can_manage(session.user))
