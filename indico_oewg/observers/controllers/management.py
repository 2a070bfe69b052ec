# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""The secretariat's pages: review queue, no-objection period, the Chair's lists, accreditations, settings."""

from flask import flash, redirect, request, session
from werkzeug.exceptions import NotFound

from indico.core.db import db
from indico.core.plugins import url_for_plugin
from indico.web.flask.util import redirect_or_jsonify, send_file
from indico.web.forms.base import FormDefaults
from indico.web.util import jsonify_form

from indico_oewg import _, ngettext
from indico_oewg.documents import DOCX_MIMETYPE
from indico_oewg.observers.documents import (EXPORT_HEADERS, LISTS_FILENAME, OBJECTION_HEADERS, build_lists_docx,
                                             build_lists_pdf, export_rows, objection_rows, send_spreadsheet)
from indico_oewg.observers.forms import (CirculateForm, DeclineForm, InfoRequestForm, MergeForm, ObjectionForm,
                                         ObserverSettingsForm, OrganizationForm, PeriodForm, QueueFilterForm,
                                         RevokeForm)
from indico_oewg.observers.models.accreditations import Accreditation
from indico_oewg.observers.models.organizations import Organization, OrganizationKind
from indico_oewg.observers.models.periods import Objection
from indico_oewg.observers.models.requests import ObserverRequest, RequestState
from indico_oewg.observers.operations import (ObserverError, ask_for_information, circulate_lists, close_period,
                                              confirm_request, decline_request, merge_organization, open_period,
                                              record_objection, reopen_period, revoke_accreditation,
                                              update_organization, update_settings)
from indico_oewg.observers.settings import observer_settings
from indico_oewg.observers.util import (accreditation_criterion, get_lists, get_period_requests,
                                        query_accredited_organizations, query_organizations, query_requests)
from indico_oewg.observers.views import WPManageObservers
from indico_oewg.states import find_state
from indico_oewg.working_groups.controllers import DialogFormMixin, RHManageOEWGSessionBase
from indico_oewg.working_groups.util import get_session_title


class RHObserversManageBase(RHManageOEWGSessionBase):
    def _render(self, template, **kwargs):
        return WPManageObservers.render_template(template, self.event, working_group=self.working_group,
                                                 session_title=get_session_title(self.event), **kwargs)


class RHManageObservers(RHObserversManageBase):
    """The review queue of a session's observer requests."""

    def _process(self):
        form = QueueFilterForm(request.args)
        states = [RequestState[form.state.data]] if form.state.data in RequestState.__members__ else None
        kinds = [OrganizationKind[form.kind.data]] if form.kind.data in OrganizationKind.__members__ else None
        requests = query_requests(self.event, states=states, kinds=kinds).all()
        return self._render('observers/management/queue.html', requests=requests, filter_form=form,
                            period=self.event.oewg_no_objection_period)


class RHObserverRequestManageBase(RHObserversManageBase):
    normalize_url_spec = {'locators': {lambda self: self.observer_request}}

    def _process_args(self):
        RHObserversManageBase._process_args(self)
        self.observer_request = (ObserverRequest.query
                                 .filter_by(id=request.view_args['request_id'], event_id=self.event.id)
                                 .first_or_404())


class RHManageObserverRequest(RHObserverRequestManageBase):
    """A request with all its data and files; what the secretariat can do with it opens in dialogs."""

    def _process(self):
        return self._render('observers/management/request.html', req=self.observer_request)


class RHConfirmObserverRequest(RHObserverRequestManageBase):
    """Confirm a request (a button asking for confirmation first)."""

    def _process_POST(self):
        try:
            confirm_request(self.observer_request)
        except ObserverError as exc:
            flash(str(exc), 'error')
        else:
            if self.observer_request.state == RequestState.accredited:
                flash(_('The request has been confirmed: the organization is accredited.'), 'success')
            else:
                flash(_('The request has been confirmed: the organization is on the list for consideration.'),
                      'success')
        return redirect(url_for_plugin('oewg.manage_observer_request', self.observer_request))


class RHObserverRequestDialog(DialogFormMixin, RHObserverRequestManageBase):
    """An action on a request in one of Indico's dialogs; success reloads the request page with a message."""

    error_class = ObserverError

    def _return_url(self):
        return url_for_plugin('oewg.manage_observer_request', self.observer_request)


class RHAskObserverInformation(RHObserverRequestDialog):
    submit = _('Send')

    def _make_form(self):
        return InfoRequestForm()

    def _act(self, form):
        ask_for_information(self.observer_request, form.message.data)
        return _('The requester has been asked for more information.')


class RHDeclineObserverRequest(RHObserverRequestDialog):
    submit = _('Decline the request')

    def _make_form(self):
        return DeclineForm()

    def _message(self):
        return (_('Decline the request of {organization}? The requester is told by e-mail, with the reason; the '
                  'request cannot be reopened.').format(organization=self.observer_request.organization.name))

    def _act(self, form):
        decline_request(self.observer_request, form.reason.data)
        return _('The request has been declined.')


class RHEditObserverOrganization(RHObserverRequestDialog):
    submit = _('Save')

    def _make_form(self):
        organization = self.observer_request.organization
        return OrganizationForm(obj=FormDefaults(organization, country=organization.country or ''))

    def _act(self, form):
        if update_organization(self.observer_request.organization, form.organization_data, self.event):
            return _('The organization has been updated.')
        return None


class RHMergeObserverOrganization(RHObserverRequestDialog):
    submit = _('Merge')

    def _others(self):
        return [o for o in query_organizations(self.working_group) if o != self.observer_request.organization]

    def _make_form(self):
        return MergeForm(organizations=self._others())

    def _message(self):
        return _('{organization} is marked as merged and its requests and accreditations move to the organization '
                 'chosen. This cannot be undone.').format(organization=self.observer_request.organization.name)

    def _act(self, form):
        source = self.observer_request.organization
        target = next(o for o in self._others() if str(o.id) == form.target.data)
        merge_organization(source, target, self.event)
        return _('"{source}" has been merged into "{target}".').format(source=source.name, target=target.name)


class RHObserverRegistry(RHObserversManageBase):
    """The organizations of the working group's registry, across its sessions."""

    def _process(self):
        organizations = (Organization.query
                         .filter_by(working_group_id=self.working_group.id)
                         .options(db.selectinload(Organization.requests).joinedload(ObserverRequest.event),
                                  db.selectinload(Organization.requests).joinedload(ObserverRequest.requester),
                                  db.joinedload(Organization.merged_into))
                         .order_by(db.func.lower(Organization.name), Organization.id)
                         .all())
        accredited = {o.id for o in query_accredited_organizations(self.event)}
        return self._render('observers/management/registry.html', organizations=organizations,
                            accredited=accredited)


class RHExportObserverRequests(RHObserversManageBase):
    """The requests of the session and their outcomes as CSV or XLSX."""

    def _process_args(self):
        RHObserversManageBase._process_args(self)
        if request.view_args['format'] not in ('csv', 'xlsx'):
            raise NotFound

    def _process(self):
        rows = list(export_rows(query_requests(self.event).all()))
        return send_spreadsheet(request.view_args['format'], f'observer-requests-{self.event.id}', EXPORT_HEADERS,
                                rows, self.event.tzinfo)


# --- the no-objection period ------------------------------------------------------------------------------------

class RHObserverPeriod(RHObserversManageBase):
    """The no-objection period of the session: open, record objections, close, reopen."""

    def _process(self):
        period = self.event.oewg_no_objection_period
        requests = get_period_requests(self.event)
        objections = []
        if period:
            objections = (Objection.query.with_parent(period)
                          .join(Objection.request).join(ObserverRequest.organization)
                          .order_by(Organization.name, Objection.state_iso3).all())
        return self._render('observers/management/period.html', period=period, requests=requests,
                            objections=objections,
                            period_form=PeriodForm(event=self.event),
                            objection_form=ObjectionForm(requests=requests))


class RHObserverPeriodAction(RHObserversManageBase):
    def _process_POST(self):
        try:
            message = self._act()
        except ObserverError as exc:
            flash(str(exc), 'error')
        else:
            flash(message, 'success')
        return redirect(url_for_plugin('oewg.observer_period', self.event))

    def _period(self):
        if self.event.oewg_no_objection_period is None:
            raise ObserverError(_('The no-objection period has not been opened.'))
        return self.event.oewg_no_objection_period

    def _form_error(self, form):
        raise ObserverError('; '.join(e for errors in form.errors.values() for e in errors))


class RHOpenObserverPeriod(RHObserverPeriodAction):
    def _act(self):
        form = PeriodForm(event=self.event)
        if not form.validate_on_submit():
            self._form_error(form)
        period = self.event.oewg_no_objection_period
        if period is None:
            open_period(self.event, form.deadline.data)
            return _('The no-objection period is open.')
        reopen_period(period, form.deadline.data)
        return _('The no-objection period has been reopened.')


class RHRecordObjection(RHObserverPeriodAction):
    def _act(self):
        period = self._period()
        form = ObjectionForm(requests=get_period_requests(self.event))
        if not form.validate_on_submit():
            self._form_error(form)
        state = find_state(form.member_state.data)
        if state is None:
            raise ObserverError(_('"{name}" is not a Member State of the United Nations.')
                                .format(name=form.member_state.data))
        req = ObserverRequest.query.filter_by(id=int(form.request.data), event_id=self.event.id).one()
        with db.session.begin_nested():
            record_objection(period, req, state.iso3, form.basis.data)
        return _('The objection to "{name}" has been recorded.').format(name=req.organization.name)


class RHCloseObserverPeriod(RHObserverPeriodAction):
    def _act(self):
        if close_period(self._period(), session.user):
            return _('The no-objection period is closed and the outcome has been sent to the requesters.')
        return _('The no-objection period was already closed; nothing changed.')


class RHObjectionsReport(RHObserversManageBase):
    """The confidential report of objections by Member State (secretariat only)."""

    def _process(self):
        period = self.event.oewg_no_objection_period
        objections = (Objection.query.with_parent(period).order_by(Objection.state_iso3).all() if period else [])
        return send_spreadsheet('csv', f'objections-{self.event.id}-confidential', OBJECTION_HEADERS,
                                objection_rows(objections), self.event.tzinfo)


# --- the Chair's lists ------------------------------------------------------------------------------------------

class RHObserverLists(RHObserversManageBase):
    """The Chair's lists: preview, download, circulate."""

    def _process(self):
        info, consideration = get_lists(self.event)
        emails = observer_settings.get(self.event.category, 'member_states_emails')
        form = CirculateForm(obj=FormDefaults(
            subject=_("{session} of the {name}: the Chair's lists of observers")
            .format(session=get_session_title(self.event), name=self.working_group.name),
            body=_("Please find attached the Chair's lists of observers for the {session}.")
            .format(session=get_session_title(self.event))))
        return self._render('observers/management/lists.html', info=info, consideration=consideration,
                            emails=emails, circulate_form=form)


class RHObserverListsDocument(RHObserversManageBase):
    """The Chair's lists as DOCX or PDF."""

    def _process_args(self):
        RHObserversManageBase._process_args(self)
        if request.view_args['format'] not in ('docx', 'pdf'):
            raise NotFound

    def _process(self):
        filename = LISTS_FILENAME.format(event=self.event)
        if request.view_args['format'] == 'pdf':
            return send_file(f'{filename}.pdf', build_lists_pdf(self.event), 'application/pdf')
        return send_file(f'{filename}.docx', build_lists_docx(self.event), DOCX_MIMETYPE)


class RHCirculateObserverLists(RHObserversManageBase):
    """E-mail the Chair's lists to the Member States' addresses."""

    def _process_POST(self):
        form = CirculateForm()
        if not form.validate_on_submit():
            flash(_('Enter a subject and a message.'), 'error')
        else:
            try:
                sent = circulate_lists(self.event, form.subject.data, form.body.data)
            except ObserverError as exc:
                flash(str(exc), 'error')
            else:
                flash(ngettext("The Chair's lists have been sent to {n} address.",
                               "The Chair's lists have been sent to {n} addresses.", sent).format(n=sent), 'success')
        return redirect(url_for_plugin('oewg.observer_lists', self.event))


# --- accreditations and settings --------------------------------------------------------------------------------

class RHObserverAccreditations(RHObserversManageBase):
    """The accreditations of the working group holding for this session, and revocation."""

    def _process(self):
        accreditations = (Accreditation.query
                          .filter(accreditation_criterion(self.event))
                          .join(Accreditation.organization)
                          .order_by(db.func.lower(Organization.name))
                          .all())
        return self._render('observers/management/accreditations.html', accreditations=accreditations)


class RHRevokeAccreditation(RHObserversManageBase):
    """Revoke an accreditation from this session on (a dialog asking for the reason)."""

    def _process_args(self):
        RHObserversManageBase._process_args(self)
        self.accreditation = (Accreditation.query
                              .filter_by(id=request.view_args['accreditation_id'],
                                         working_group_id=self.working_group.id)
                              .first_or_404())

    def _process(self):
        form = RevokeForm()
        organization = self.accreditation.organization.name
        message = _('Revoke the accreditation of {organization} from the {session} on? The earlier sessions keep '
                    'their record.').format(organization=organization, session=get_session_title(self.event))
        if form.validate_on_submit():
            try:
                revoke_accreditation(self.accreditation, self.event, form.reason.data)
            except ObserverError as exc:
                message = str(exc)
            else:
                flash(_('The accreditation of "{name}" has been revoked.').format(name=organization), 'success')
                return redirect_or_jsonify(url_for_plugin('oewg.observer_accreditations', self.event), flash=False)
        return jsonify_form(form, submit=_('Revoke'), message=message, disabled_until_change=False,
                            form_header_kwargs={'classes': 'oewg-page'})


class RHObserverSettings(RHObserversManageBase):
    """The observer settings of the working group: Member States' addresses, the outcome e-mails."""

    def _process(self):
        settings = observer_settings.get_all(self.event.category)
        defaults = dict(settings, member_states_emails='\n'.join(settings['member_states_emails']))
        form = ObserverSettingsForm(obj=FormDefaults(defaults))
        if form.validate_on_submit():
            data = form.data
            data['member_states_emails'] = form.emails
            update_settings(self.working_group, data, self.event)
            flash(_('The observer settings have been saved.'), 'success')
            return redirect(url_for_plugin('oewg.observer_settings', self.event))
        return self._render('observers/management/settings.html', form=form)
