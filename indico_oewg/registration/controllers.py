# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

from flask import flash, redirect, request, session
from werkzeug.exceptions import NotFound

from indico.core.plugins import url_for_plugin
from indico.modules.events.registration.models.forms import RegistrationForm
from indico.util.spreadsheets import send_xlsx
from indico.web.flask.util import send_file
from indico.web.forms.base import FormDefaults
from indico.web.util import jsonify_data, jsonify_form

from indico_oewg import _, ngettext
from indico_oewg.documents import DOCX_MIMETYPE
from indico_oewg.registration.focal_points import get_focal_point_rows
from indico_oewg.registration.forms import DelegationSettingsForm, FocalPointForm
from indico_oewg.registration.models.focal_points import FocalPoint
from indico_oewg.registration.operations import (add_focal_points, add_oewg_section, remove_focal_point,
                                                 update_registration_settings)
from indico_oewg.registration.participants import (format_share, get_document_context, get_list_of_participants,
                                                   get_spreadsheet_rows, get_statistics, render_participants_docx,
                                                   render_participants_pdf)
from indico_oewg.registration.settings import registration_settings
from indico_oewg.registration.util import get_regforms_with_field
from indico_oewg.registration.views import WPManageDelegations, WPManageParticipants, WPParticipantsConference
from indico_oewg.working_groups.controllers import RHManageOEWGSessionBase, RHSessionDisplayBase


class RHManageDelegations(RHManageOEWGSessionBase):
    """The delegations page of a session: the forms with the OEWG field, the focal points, the settings."""

    def _process(self):
        return WPManageDelegations.render_template('registration/manage_delegations.html', self.event,
                                                   rows=get_focal_point_rows(self.event),
                                                   regforms=get_regforms_with_field(self.event),
                                                   settings=registration_settings.get_all(self.event),
                                                   working_group=self.working_group)


class RHNameFocalPoints(RHManageOEWGSessionBase):
    """Name focal points of a delegation (a dialog)."""

    def _process(self):
        form = FocalPointForm(event=self.event)
        if form.validate_on_submit():
            added = add_focal_points(self.event, form.delegation_value, form.users_value, session.user)
            if added:
                flash(ngettext('{n} focal point named.', '{n} focal points named.', len(added))
                      .format(n=len(added)), 'success')
            return jsonify_data(flash=False)
        # .oewg-page: the plugin's stylesheet reaches the dialog's form (contrast)
        return jsonify_form(form, submit=_('Name focal points'), form_header_kwargs={'classes': 'oewg-page'})


class RHDelegationSettings(RHManageOEWGSessionBase):
    """The delegation settings of a session (a dialog)."""

    def _process(self):
        form = DelegationSettingsForm(obj=FormDefaults(**registration_settings.get_all(self.event)))
        if form.validate_on_submit():
            if update_registration_settings(self.event, form.data, session.user):
                flash(_('The delegation settings have been saved.'), 'success')
            return jsonify_data(flash=False)
        return jsonify_form(form, form_header_kwargs={'classes': 'oewg-page'})


class RHRemoveFocalPoint(RHManageOEWGSessionBase):
    """Remove a focal point."""

    def _process_args(self):
        RHManageOEWGSessionBase._process_args(self)
        self.focal_point = FocalPoint.query.filter_by(id=request.view_args['focal_point_id'],
                                                      event_id=self.event.id).first_or_404()

    def _process(self):
        remove_focal_point(self.focal_point, session.user)
        flash(_('The focal point has been removed.'), 'success')
        return redirect(url_for_plugin('oewg.manage_delegations', self.event))


class RHAddOEWGSection(RHManageOEWGSessionBase):
    """Add the "Delegation" section (OEWG field, note verbale) and the photograph to a registration form."""

    def _process_args(self):
        RHManageOEWGSessionBase._process_args(self)
        self.regform = (RegistrationForm.query
                        .filter_by(id=request.view_args['reg_form_id'], event_id=self.event.id, is_deleted=False)
                        .first_or_404())

    def _process(self):
        if add_oewg_section(self.regform, session.user):
            flash(_('The "Delegation" section has been added to "{}".').format(self.regform.title), 'success')
        else:
            flash(_('"{}" already has an OEWG delegation field.').format(self.regform.title), 'warning')
        return redirect(url_for_plugin('oewg.manage_delegations', self.event))


class RHManageParticipants(RHManageOEWGSessionBase):
    """The list of participants and the statistics of a session."""

    def _process(self):
        return WPManageParticipants.render_template(
            'registration/manage_participants.html', self.event,
            groups=get_list_of_participants(self.event), stats=get_statistics(self.event), format_share=format_share,
            published=registration_settings.get(self.event, 'participants_published'),
            **get_document_context(self.event))


class RHParticipantsDocumentBase(RHManageOEWGSessionBase):
    """The list of participants as a document for the secretariat."""

    def _process(self):
        return self._send(get_list_of_participants(self.event), f'list-of-participants-{self.event.id}')

    def _send(self, groups, filename):
        raise NotImplementedError


class RHParticipantsPDF(RHParticipantsDocumentBase):
    def _send(self, groups, filename):
        return send_file(f'{filename}.pdf', render_participants_pdf(self.event, groups), 'application/pdf')


class RHParticipantsDOCX(RHParticipantsDocumentBase):
    def _send(self, groups, filename):
        return send_file(f'{filename}.docx', render_participants_docx(self.event, groups), DOCX_MIMETYPE)


class RHParticipantsXLSX(RHParticipantsDocumentBase):
    def _send(self, groups, filename):
        headers, rows = get_spreadsheet_rows(groups)
        return send_xlsx(f'{filename}.xlsx', headers, rows)


class RHDisplayParticipants(RHSessionDisplayBase):
    """The published list of participants: those whom Indico's rules let the public see."""

    conference_view = WPParticipantsConference

    def _check_access(self):
        RHSessionDisplayBase._check_access(self)
        if not registration_settings.get(self.event, 'participants_published'):
            raise NotFound(_('The list of participants has not been published.'))

    def _process(self):
        return self._render('registration/display_participants.html',
                            groups=get_list_of_participants(self.event, audience='public'), public=True,
                            **get_document_context(self.event))
