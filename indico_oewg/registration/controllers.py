# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

from flask import flash, redirect, request, session
from werkzeug.exceptions import NotFound

from indico.core.plugins import url_for_plugin
from indico.modules.events.controllers.base import RHDisplayEventBase
from indico.web.forms.base import FormDefaults

from indico_oewg import _, ngettext
from indico_oewg.registration.delegations import delegation_name
from indico_oewg.registration.forms import DelegationSettingsForm, FocalPointForm
from indico_oewg.registration.models.focal_points import FocalPoint
from indico_oewg.registration.operations import add_focal_points, remove_focal_point, update_registration_settings
from indico_oewg.registration.settings import registration_settings
from indico_oewg.registration.views import WPManageDelegations
from indico_oewg.working_groups.controllers import RHManageOEWGSessionBase


class RHManageDelegations(RHManageOEWGSessionBase):
    """Delegation focal points and the registration settings of a session."""

    def _process(self):
        focal_point_form = FocalPointForm(event=self.event, prefix='focal-')
        settings_form = DelegationSettingsForm(obj=FormDefaults(**registration_settings.get_all(self.event)),
                                               prefix='settings-')
        if request.method == 'POST' and 'focal-delegation' in request.form:
            if focal_point_form.validate_on_submit():
                added = add_focal_points(self.event, focal_point_form.delegation.data,
                                         [p for p in focal_point_form.users.data if p.principal_type.name == 'user'],
                                         session.user)
                if added:
                    flash(ngettext('{n} focal point named.', '{n} focal points named.', len(added))
                          .format(n=len(added)), 'success')
                return redirect(url_for_plugin('oewg.manage_delegations', self.event))
        elif request.method == 'POST':
            if settings_form.validate_on_submit():
                if update_registration_settings(self.event, settings_form.data, session.user):
                    flash(_('The delegation settings have been saved.'), 'success')
                return redirect(url_for_plugin('oewg.manage_delegations', self.event))
        focal_points = (FocalPoint.query.filter_by(event_id=self.event.id)
                        .order_by(FocalPoint.state.nullslast(), FocalPoint.organization_id, FocalPoint.id).all())
        rows = [(fp, delegation_name({'representation': 'member_state' if fp.state else 'igo',
                                      'delegation': fp.delegation}, self.event)) for fp in focal_points]
        rows.sort(key=lambda row: (row[0].state is None, row[1].lower()))
        return WPManageDelegations.render_template('registration/manage_delegations.html', self.event,
                                                   focal_point_form=focal_point_form, settings_form=settings_form,
                                                   rows=rows, working_group=self.working_group,
                                                   regforms=self._regforms())

    def _regforms(self):
        from indico_oewg.registration.util import get_delegation_fields
        return [(regform, bool(get_delegation_fields(regform)))
                for regform in sorted(self.event.registration_forms, key=lambda r: r.title.lower())
                if not regform.is_deleted]


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


def _document_context(event, working_group):
    from indico.util.date_time import format_date

    from indico_oewg.working_groups.util import get_session_title
    dates = '{} – {}'.format(format_date(event.start_dt.astimezone(event.tzinfo), 'd MMMM'),
                             format_date(event.end_dt.astimezone(event.tzinfo), 'd MMMM y'))
    return {'heading': _('List of participants'),
            'subtitle': f'{working_group.name} — {get_session_title(event)}, {dates}',
            'symbol': ''}


class RHManageParticipants(RHManageOEWGSessionBase):
    """The list of participants and the statistics of a session."""

    def _process(self):
        from indico_oewg.registration.participants import get_list_of_participants, get_statistics
        from indico_oewg.registration.views import WPManageParticipants
        return WPManageParticipants.render_template(
            'registration/manage_participants.html', self.event,
            groups=get_list_of_participants(self.event), stats=get_statistics(self.event),
            published=registration_settings.get(self.event, 'participants_published'),
            **_document_context(self.event, self.working_group))


class RHParticipantsDocument(RHManageOEWGSessionBase):
    """The list of participants as PDF or DOCX."""

    FORMAT = None

    def _process(self):
        from indico.web.flask.util import send_file

        from indico_oewg.registration.participants import get_list_of_participants, render_docx, render_pdf
        groups = get_list_of_participants(self.event)
        context = _document_context(self.event, self.working_group)
        name = f'list-of-participants-{self.event.id}'
        if self.FORMAT == 'pdf':
            return send_file(f'{name}.pdf', render_pdf(self.event, groups, context), 'application/pdf')
        elif self.FORMAT == 'xlsx':
            from indico.util.spreadsheets import send_xlsx

            from indico_oewg.registration.participants import spreadsheet_rows
            headers, rows = spreadsheet_rows(groups)
            return send_xlsx(f'{name}.xlsx', headers, rows)
        return send_file(f'{name}.docx', render_docx(self.event, groups, context),
                         'application/vnd.openxmlformats-officedocument.wordprocessingml.document')


class RHParticipantsPDF(RHParticipantsDocument):
    FORMAT = 'pdf'


class RHParticipantsDOCX(RHParticipantsDocument):
    FORMAT = 'docx'


class RHParticipantsXLSX(RHParticipantsDocument):
    FORMAT = 'xlsx'


class RHDisplayParticipants(RHDisplayEventBase):
    """The published list of participants (those who consented to be shown to everyone)."""

    def _check_access(self):
        RHDisplayEventBase._check_access(self)
        if not registration_settings.get(self.event, 'participants_published'):
            raise NotFound(_('The list of participants has not been published.'))

    def _process(self):
        from indico_oewg.registration.participants import get_list_of_participants
        from indico_oewg.registration.views import WPParticipantsConference, WPParticipantsSimpleEvent
        from indico_oewg.working_groups.util import get_working_group
        view_class = WPParticipantsConference if self.event.type == 'conference' else WPParticipantsSimpleEvent
        return view_class.render_template('registration/display_participants.html', self.event,
                                          groups=get_list_of_participants(self.event, audience='public'),
                                          **_document_context(self.event, get_working_group(self.event.category)))


class RHAddOEWGSection(RHManageOEWGSessionBase):
    """Add the "Delegation" section (OEWG field, note verbale, photograph) to a registration form."""

    def _process_args(self):
        from indico.modules.events.registration.models.forms import RegistrationForm
        RHManageOEWGSessionBase._process_args(self)
        self.regform = (RegistrationForm.query
                        .filter_by(id=request.view_args['reg_form_id'], event_id=self.event.id, is_deleted=False)
                        .first_or_404())

    def _process(self):
        from indico_oewg.registration.operations import add_oewg_section
        if add_oewg_section(self.regform, session.user):
            flash(_('The "Delegation" section has been added to "{}".').format(self.regform.title), 'success')
        else:
            flash(_('"{}" already has an OEWG delegation field.').format(self.regform.title), 'warning')
        return redirect(url_for_plugin('oewg.manage_delegations', self.event))
