# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""Delegations hand in statements; the secretariat lists who may."""

from flask import flash, redirect, request, session
from werkzeug.exceptions import Forbidden

from indico.core.db import db
from indico.core.plugins import url_for_plugin
from indico.modules.users.util import get_user_by_email

from indico_oewg import _
from indico_oewg.statements.controllers.display import RHStatementsBase
from indico_oewg.statements.controllers.management import RHManageStatementsBase, uploads_from_request
from indico_oewg.statements.forms import SubmitStatementForm
from indico_oewg.statements.models.agenda_items import AgendaItem
from indico_oewg.statements.models.files import LANGUAGE_ORDER, language_label
from indico_oewg.statements.models.statements import Statement
from indico_oewg.statements.models.submitters import StatementSubmitter
from indico_oewg.statements.submissions import (add_submitter, get_submitter_delegations, remove_submitter,
                                                submit_statement)
from indico_oewg.statements.util import Delegation, StatementError, resolve_delegation
from indico_oewg.statements.views import WPManageStatements, display_page


class RHSubmitStatement(RHStatementsBase):
    """A delegation hands in a statement with its language versions."""

    def _check_access(self):
        RHStatementsBase._check_access(self)
        if session.user is None:
            raise Forbidden
        self.delegations = get_submitter_delegations(self.event, session.user)
        if not self.delegations:
            raise Forbidden(_('Only registered participants of the session, or users the secretariat named, '
                              'hand in statements for their delegation.'))

    def _process(self):
        form = SubmitStatementForm(event=self.event, delegations=self.delegations)
        if form.validate_on_submit():
            delegation = Delegation.from_key(form.delegation.data)
            agenda_item = AgendaItem.query.filter_by(id=form.agenda_item.data, event_id=self.event.id).one()
            data = {'on_behalf_of': form.on_behalf_of.data, 'date': form.date.data, 'title': form.title.data,
                    'original_language': form.original_language.data}
            try:
                statement = submit_statement(self.event, session.user, delegation, agenda_item, data,
                                             uploads_from_request())
            except StatementError as exc:
                db.session.rollback()
                flash(str(exc), 'error')
            else:
                flash(_('"{heading}" has been handed in. The secretariat will review it; you will get an e-mail.')
                      .format(heading=statement.heading), 'success')
                return redirect(url_for_plugin('oewg.submit_statement', self.event))
        mine = (Statement.query.filter_by(event_id=self.event.id, submitter_id=session.user.id)
                .order_by(Statement.created_dt.desc()).all())
        return display_page(self.event).render_template(
            'statements/submit_statement.html', self.event, form=form, mine=mine, languages=LANGUAGE_ORDER,
            language_label=language_label, has_agenda=bool(self.event.oewg_agenda_items),
            page_title=_('Hand in a statement'))


class RHManageSubmitters(RHManageStatementsBase):
    """The users the secretariat allows to hand in statements for a delegation."""

    def _process(self):
        if request.method == 'POST':
            email = request.form.get('email', '').strip().lower()
            user = get_user_by_email(email) if email else None
            try:
                if user is None:
                    raise StatementError(_('No Indico user has the e-mail address "{email}".').format(email=email))
                add_submitter(self.event, user, resolve_delegation(request.form.get('delegation'), self.event))
            except StatementError as exc:
                db.session.rollback()
                flash(str(exc), 'error')
            else:
                flash(_('The submitter has been added.'), 'success')
            return redirect(url_for_plugin('oewg.manage_submitters', self.event))
        entries = (StatementSubmitter.query.filter_by(event_id=self.event.id)
                   .order_by(StatementSubmitter.id).all())
        return WPManageStatements.render_template('statements/manage_submitters.html', self.event, entries=entries)


class RHRemoveSubmitter(RHManageStatementsBase):
    def _process(self):
        entry = StatementSubmitter.query.filter_by(id=request.view_args['submitter_id'],
                                                   event_id=self.event.id).first_or_404()
        remove_submitter(entry)
        flash(_('The submitter has been removed.'), 'success')
        return redirect(url_for_plugin('oewg.manage_submitters', self.event))
