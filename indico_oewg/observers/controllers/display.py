# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""The public pages: accredited observers, and the requests of organizations."""

from flask import flash, jsonify, redirect, request, session
from werkzeug.exceptions import Forbidden, NotFound

from indico.core.db import db
from indico.core.plugins import url_for_plugin
from indico.web.forms.base import FormDefaults

from indico_oewg import _
from indico_oewg.observers.forms import NEW, CompleteRequestForm, RequestForm
from indico_oewg.observers.models.files import ObserverFile
from indico_oewg.observers.models.requests import ObserverRequest
from indico_oewg.observers.operations import ObserverError, create_request, update_request, withdraw_request
from indico_oewg.observers.schemas import AccreditedOrganizationSchema
from indico_oewg.observers.util import (can_see_request, group_by_kind, query_accredited_organizations,
                                        query_organizations)
from indico_oewg.observers.views import WPObserversConference
from indico_oewg.working_groups.controllers import RHSessionDisplayBase
from indico_oewg.working_groups.util import get_session_title


class RHObserversBase(RHSessionDisplayBase):
    """A public observers page of a session (conference, meeting or lecture)."""

    conference_view = WPObserversConference

    def _render(self, template, **kwargs):
        return RHSessionDisplayBase._render(self, template, session_title=get_session_title(self.event), **kwargs)


class RHObservers(RHObserversBase):
    """The accredited observers of a session, grouped as the Chair's lists are; and the user's requests."""

    def _process(self):
        organizations = query_accredited_organizations(self.event).all()
        my_requests = []
        if session.user:
            my_requests = (self.event.oewg_observer_requests
                           .filter(ObserverRequest.requester == session.user)
                           .order_by(ObserverRequest.submitted_dt.desc())
                           .all())
        return self._render('observers/display/observers.html', groups=group_by_kind(organizations),
                            my_requests=my_requests)


class RHObserversJSON(RHObserversBase):
    """The accredited observers of a session as JSON."""

    def _process(self):
        organizations = query_accredited_organizations(self.event).all()
        return jsonify(session=get_session_title(self.event),
                       organizations=AccreditedOrganizationSchema(many=True).dump(organizations))


class RHObserverRequestBase(RHObserversBase):
    """Pages of the requester (login required)."""

    def _check_access(self):
        if session.user is None:
            raise Forbidden
        RHObserversBase._check_access(self)


class RHNewObserverRequest(RHObserverRequestBase):
    """The request form of an organization."""

    def _process(self):
        organizations = query_organizations(self.working_group).all()
        form = RequestForm(organizations=organizations, obj=FormDefaults(organization=NEW))
        if form.validate_on_submit():
            organization = None
            if form.organization.data != NEW:
                organization = next((o for o in organizations if str(o.id) == form.organization.data), None)
            try:
                req = create_request(self.event, session.user, organization=organization,
                                     organization_data=form.organization_data, **form.request_data)
            except ObserverError as exc:
                flash(str(exc), 'error')
            else:
                flash(_('Your request has been sent to the secretariat.'), 'success')
                return redirect(url_for_plugin('oewg.observer_request', req))
        return self._render('observers/display/request_form.html', form=form)


class RHObserverRequest(RHObserverRequestBase):
    """The status of a request, as its requester (or the secretariat) sees it."""

    normalize_url_spec = {'locators': {lambda self: self.observer_request}}

    def _process_args(self):
        RHObserverRequestBase._process_args(self)
        self.observer_request = (ObserverRequest.query
                                 .filter_by(id=request.view_args['request_id'], event_id=self.event.id)
                                 .first_or_404())

    def _check_access(self):
        RHObserverRequestBase._check_access(self)
        if not can_see_request(self.observer_request, session.user):
            raise Forbidden(_('Only the requester and the secretariat can see this request.'))

    def _process(self):
        return self._render('observers/display/request.html', req=self.observer_request,
                            is_requester=self.observer_request.requester == session.user)


class RHObserverRequestOwnerBase(RHObserverRequest):
    """Actions only the requester takes."""

    def _check_access(self):
        RHObserverRequestBase._check_access(self)
        if self.observer_request.requester != session.user:
            raise Forbidden(_('Only the requester can change this request.'))


class RHEditObserverRequest(RHObserverRequestOwnerBase):
    """The requester completes a pending request."""

    def _process(self):
        req = self.observer_request
        if not req.state.is_open:
            flash(_('This request can no longer be changed.'), 'warning')
            return redirect(url_for_plugin('oewg.observer_request', req))
        defaults = FormDefaults(ecosoc_status=req.ecosoc_status,
                                mission_statement=req.mission_statement,
                                representatives=[{'full_name': r.full_name, 'title': r.title}
                                                 for r in req.representatives])
        form = CompleteRequestForm(obj=defaults)
        if form.validate_on_submit():
            try:
                update_request(req, session.user, **form.request_data)
            except ObserverError as exc:
                flash(str(exc), 'error')
            else:
                flash(_('Your request has been updated.'), 'success')
                return redirect(url_for_plugin('oewg.observer_request', req))
        return self._render('observers/display/request_edit.html', req=req, form=form)


class RHWithdrawObserverRequest(RHObserverRequestOwnerBase):
    """The requester withdraws a pending request."""

    def _process(self):
        try:
            withdraw_request(self.observer_request, session.user)
        except ObserverError as exc:
            flash(str(exc), 'error')
        else:
            flash(_('Your request has been withdrawn.'), 'success')
        return redirect(url_for_plugin('oewg.observer_request', self.observer_request))


class RHObserverFile(RHObserverRequest):
    """A file of a request (the letter or the mission statement), for its requester and the secretariat."""

    normalize_url_spec = {'locators': {lambda self: dict(self.observer_request.locator, file_id=self.file.id)}}

    def _process_args(self):
        RHObserverRequest._process_args(self)
        file_id = request.view_args['file_id']
        req = self.observer_request
        allowed = {f.id for f in (req.letter_file, req.mission_statement_file, req.organization.mission_statement_file)
                   if f}
        if file_id not in allowed:
            raise NotFound
        self.file = db.session.get(ObserverFile, file_id)

    def _process(self):
        return self.file.send(inline=False)
