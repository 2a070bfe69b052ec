# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""Delegations hand in statements and written contributions, and the texts of statements delivered from the floor;
the secretariat lists who may.
"""

from flask import flash, redirect, request, session
from werkzeug.exceptions import Forbidden, NotFound

from indico.core.db import db
from indico.core.plugins import url_for_plugin
from indico.modules.users.util import get_user_by_email

from indico_oewg import _
from indico_oewg.statements.controllers.display import RHStatementsBase
from indico_oewg.statements.controllers.management import RHManageStatementsBase, uploads_from_request
from indico_oewg.statements.errors import StatementError
from indico_oewg.statements.forms import SubmitStatementForm
from indico_oewg.statements.models.agenda_items import AgendaItem
from indico_oewg.statements.models.files import LANGUAGE_ORDER, language_label
from indico_oewg.statements.models.statements import Statement
from indico_oewg.statements.models.submitters import StatementSubmitter
from indico_oewg.statements.parsing import resolve_delegation
from indico_oewg.statements.queries import get_statements_to_hand_in
from indico_oewg.statements.submissions import (add_submitter, can_hand_in_text, get_submitter_delegations,
                                                hand_in_text, remove_submitter, submit_statement)
from indico_oewg.statements.views import WPManageStatements


class RHSubmitStatement(RHStatementsBase):
    """A delegation hands in a statement or a written contribution with its language versions; the texts of
    statements delivered from the floor are handed in here too.
    """

    def _check_access(self):
        RHStatementsBase._check_access(self)
        if session.user is None:
            raise Forbidden
        self.delegations = get_submitter_delegations(self.event, session.user)
        self.to_hand_in = get_statements_to_hand_in(self.event, session.user)
        if not self.delegations and not self.to_hand_in:
            raise Forbidden(_('Only registered participants of the session, or users the secretariat named, '
                              'hand in statements for their delegation.'))

    def _process(self):
        form = SubmitStatementForm(event=self.event, delegations=self.delegations) if self.delegations else None
        if form and form.validate_on_submit():
            delegation = next(d for d in self.delegations if d.key == form.delegation.data)
            agenda_item = AgendaItem.query.filter_by(id=form.agenda_item.data, event_id=self.event.id).one()
            data = {'on_behalf_of': form.on_behalf_of.data, 'date': form.date.data, 'title': form.title.data,
                    'original_language': form.original_language.data, 'mode': form.mode.data}
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
        return self._render('statements/submit_statement.html', form=form, mine=mine, to_hand_in=self.to_hand_in,
                            languages=LANGUAGE_ORDER, language_label=language_label,
                            has_agenda=bool(self.event.oewg_agenda_items), page_title=_('Hand in a statement'))


class RHHandInStatementText(RHStatementsBase):
    """The contact of a statement delivered from the floor hands in its text (it is then published)."""

    normalize_url_spec = {'locators': {lambda self: self.statement}}

    def _process_args(self):
        RHStatementsBase._process_args(self)
        self.statement = Statement.query.filter_by(id=request.view_args['statement_id'],
                                                   event_id=self.event.id).first_or_404()

    def _check_access(self):
        RHStatementsBase._check_access(self)
        if session.user is None:
            raise Forbidden
        if not can_hand_in_text(self.statement, session.user):
            raise NotFound

    def _process(self):
        try:
            hand_in_text(self.statement, uploads_from_request(), session.user)
        except StatementError as exc:
            db.session.rollback()
            flash(str(exc), 'error')
            return redirect(url_for_plugin('oewg.submit_statement', self.event,
                                           _anchor=f'statement-{self.statement.id}'))
        flash(_('Thank you: "{heading}" is published with its text.').format(heading=self.statement.heading),
              'success')
        return redirect(url_for_plugin('oewg.statement', self.statement))


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
