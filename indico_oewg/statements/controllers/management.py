# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""Secretariat pages: statements of a session, agenda items, moderation."""

from flask import flash, redirect, request
from werkzeug.exceptions import BadRequest

from indico.core.db import db
from indico.core.plugins import url_for_plugin
from indico.web.forms.base import FormDefaults

from indico_oewg import _, ngettext
from indico_oewg.statements.errors import StatementError
from indico_oewg.statements.files import max_file_size_mb
from indico_oewg.statements.forms import (AddStatementForm, AgendaItemForm, ImportStatementsForm, ReturnStatementForm,
                                          StatementForm)
from indico_oewg.statements.importer import COLUMNS, import_from_csv, import_from_zip
from indico_oewg.statements.models.agenda_items import AgendaItem
from indico_oewg.statements.models.files import LANGUAGE_ORDER, StatementFile, language_label
from indico_oewg.statements.models.statements import Statement, StatementMode, StatementStatus
from indico_oewg.statements.operations import (add_files, create_agenda_item, create_statement, delete_agenda_item,
                                               delete_file, delete_statement, publish_statement,
                                               reorder_agenda_items, reorder_statements, unpublish_statement,
                                               update_agenda_item, update_statement)
from indico_oewg.statements.parsing import organization_name_for_form
from indico_oewg.statements.queries import get_agenda_items, group_by_agenda_item, parse_mode, query_statements
from indico_oewg.statements.submissions import accept_submission, return_submission
from indico_oewg.statements.views import WPManageStatements
from indico_oewg.working_groups.controllers import RHManageOEWGSessionBase


#: The statuses the secretariat's list shows (those handed in by delegations are in the moderation queue)
LISTED_STATUSES = (StatementStatus.published, StatementStatus.unpublished, StatementStatus.awaiting_text)


def uploads_from_request(prefix='file_'):
    """``(language, filename, bytes)`` for each non-empty file input named ``file_<language>``.

    Never more than one byte over the size limit is read: that is enough to refuse the file.
    """
    uploads = []
    limit = max_file_size_mb() * 1024 * 1024
    for language in LANGUAGE_ORDER:
        for storage in request.files.getlist(prefix + language):
            if storage and storage.filename:
                with storage.stream:  # large uploads are spooled to a temporary file
                    uploads.append((language, storage.filename, storage.stream.read(limit + 1)))
    return uploads


class RHManageStatementsBase(RHManageOEWGSessionBase):
    def _list_url(self, anchor=None):
        return url_for_plugin('oewg.manage_statements', self.event, _anchor=anchor)


class RHManageStatementBase(RHManageStatementsBase):
    normalize_url_spec = {'locators': {lambda self: self.statement}}

    def _process_args(self):
        RHManageStatementsBase._process_args(self)
        self.statement = Statement.query.filter_by(id=request.view_args['statement_id'],
                                                   event_id=self.event.id).first_or_404()


class RHManageAgendaItemBase(RHManageStatementsBase):
    def _process_args(self):
        RHManageStatementsBase._process_args(self)
        self.agenda_item = AgendaItem.query.filter_by(id=request.view_args['agenda_item_id'],
                                                      event_id=self.event.id).first_or_404()


class RHManageStatements(RHManageStatementsBase):
    """The statements of a session by agenda item in delivery order, with the agenda."""

    def _process(self):
        agenda_items = get_agenda_items(self.event)
        statements = (query_statements(published_only=False)
                      .filter(Statement.event_id == self.event.id, Statement.status.in_(LISTED_STATUSES))
                      .all())
        pending_count = Statement.query.filter_by(event_id=self.event.id, status=StatementStatus.pending).count()
        return WPManageStatements.render_template('statements/manage_statements.html', self.event,
                                                  groups=group_by_agenda_item(agenda_items, statements),
                                                  agenda_items=agenda_items, agenda_item_form=AgendaItemForm(),
                                                  pending_count=pending_count,
                                                  statement_count=len(statements),
                                                  published_count=sum(s.is_published for s in statements))


class RHAddStatement(RHManageStatementsBase):
    """Add a statement with its language versions."""

    def _process(self):
        if not self.event.oewg_agenda_items:
            flash(_('Add the agenda items of the session first.'), 'warning')
            return redirect(self._list_url())
        defaults = FormDefaults(agenda_item=request.args.get('agenda_item_id', type=int))
        form = AddStatementForm(obj=defaults, event=self.event)
        if form.validate_on_submit():
            agenda_item = AgendaItem.get_or_404(form.agenda_item.data)
            try:
                statement = create_statement(
                    self.event, agenda_item, form.statement_data, uploads_from_request(),
                    status=StatementStatus.published if form.publish.data else StatementStatus.unpublished)
            except StatementError as exc:
                db.session.rollback()
                flash(str(exc), 'error')
            else:
                flash(_('"{heading}" has been added.').format(heading=statement.heading), 'success')
                return redirect(self._list_url(f'statement-{statement.id}'))
        return WPManageStatements.render_template('statements/edit_statement.html', self.event, form=form,
                                                  statement=None, languages=LANGUAGE_ORDER,
                                                  language_label=language_label)


class RHEditStatement(RHManageStatementBase):
    """Change a statement; add or remove its language versions."""

    def _process(self):
        delegation = self.statement.delegation
        form = StatementForm(obj=FormDefaults(self.statement, skip_attrs={'organization_name'},
                                              agenda_item=self.statement.agenda_item_id,
                                              state=delegation.code,
                                              organization_name=(organization_name_for_form(delegation)
                                                                 if delegation.is_organization else ''),
                                              joining_states=', '.join(self.statement.joining_states)),
                             event=self.event)
        if form.validate_on_submit():
            agenda_item = AgendaItem.get_or_404(form.agenda_item.data)
            try:
                update_statement(self.statement, agenda_item, form.statement_data)
            except StatementError as exc:
                db.session.rollback()
                flash(str(exc), 'error')
            else:
                flash(_('The statement has been saved.'), 'success')
                return redirect(self._list_url(f'statement-{self.statement.id}'))
        return WPManageStatements.render_template('statements/edit_statement.html', self.event, form=form,
                                                  statement=self.statement, languages=LANGUAGE_ORDER,
                                                  language_label=language_label)


class RHDeleteStatement(RHManageStatementBase):
    def _process(self):
        heading = self.statement.heading
        delete_statement(self.statement)
        flash(_('"{heading}" has been deleted.').format(heading=heading), 'success')
        return redirect(self._list_url())


class RHUploadStatementFiles(RHManageStatementBase):
    """Add language versions (several at once) to a statement."""

    def _process(self):
        try:
            add_files(self.statement, uploads_from_request())
        except StatementError as exc:
            db.session.rollback()
            flash(str(exc), 'error')
        else:
            flash(_('The files have been added.'), 'success')
        return redirect(url_for_plugin('oewg.edit_statement', self.statement))


class RHDeleteStatementFile(RHManageStatementBase):
    normalize_url_spec = {'locators': {lambda self: self.file}}

    def _process_args(self):
        RHManageStatementBase._process_args(self)
        self.file = StatementFile.query.filter_by(id=request.view_args['file_id'],
                                                  statement_id=self.statement.id).first_or_404()

    def _process(self):
        delete_file(self.file)
        flash(_('The file has been deleted.'), 'success')
        return redirect(url_for_plugin('oewg.edit_statement', self.statement))


class RHPublishStatement(RHManageStatementBase):
    def _process(self):
        if request.form.get('publish') == '1':
            if self.statement.status in (StatementStatus.pending, StatementStatus.returned):
                raise BadRequest(_('Statements handed in by delegations are published from the moderation queue.'))
            if publish_statement(self.statement):
                flash(_('"{heading}" is published.').format(heading=self.statement.heading), 'success')
        elif unpublish_statement(self.statement):
            flash(_('"{heading}" is no longer published.').format(heading=self.statement.heading), 'success')
        return redirect(self._list_url(f'statement-{self.statement.id}'))


class RHMoveStatement(RHManageStatementBase):
    """Move a statement one place up or down in the order of delivery (of its mode)."""

    def _process(self):
        item = self.statement.agenda_item
        mode = self.statement.mode
        ids = [s.id for s in sorted(item.statements, key=lambda s: s.position) if s.mode == mode]
        index = ids.index(self.statement.id)
        target = index + (-1 if request.form.get('direction') == 'up' else 1)
        if 0 <= target < len(ids):
            ids[index], ids[target] = ids[target], ids[index]
            reorder_statements(item, ids, mode=mode)
        return redirect(self._list_url(f'statement-{self.statement.id}'))


class RHReorderStatements(RHManageAgendaItemBase):
    """Put the statements of an agenda item in a given order (``order``: statement ids, comma-separated; ``mode``:
    ``oral``, the default, or ``written``).
    """

    def _process(self):
        try:
            ids = [int(x) for x in request.form.get('order', '').split(',') if x.strip()]
            reorder_statements(self.agenda_item, ids, mode=parse_mode(request.form.get('mode')) or StatementMode.oral)
        except (ValueError, StatementError) as exc:
            db.session.rollback()
            flash(str(exc) if isinstance(exc, StatementError) else _('Invalid order.'), 'error')
        return redirect(self._list_url(f'agenda-item-{self.agenda_item.id}'))


class RHAddAgendaItem(RHManageStatementsBase):
    def _process(self):
        form = AgendaItemForm()
        if not form.validate_on_submit():
            flash(_('The agenda item needs a title (at most 300 characters).'), 'error')
            return redirect(self._list_url())
        try:
            create_agenda_item(self.event, form.title.data)
        except StatementError as exc:
            db.session.rollback()
            flash(str(exc), 'error')
        return redirect(self._list_url('agenda'))


class RHEditAgendaItem(RHManageAgendaItemBase):
    def _process(self):
        form = AgendaItemForm()
        if not form.validate_on_submit():
            flash(_('The agenda item needs a title (at most 300 characters).'), 'error')
            return redirect(self._list_url('agenda'))
        try:
            update_agenda_item(self.agenda_item, form.title.data)
        except StatementError as exc:
            db.session.rollback()
            flash(str(exc), 'error')
        return redirect(self._list_url('agenda'))


class RHDeleteAgendaItem(RHManageAgendaItemBase):
    def _process(self):
        try:
            delete_agenda_item(self.agenda_item)
        except StatementError as exc:
            db.session.rollback()
            flash(str(exc), 'error')
        return redirect(self._list_url('agenda'))


class RHMoveAgendaItem(RHManageAgendaItemBase):
    def _process(self):
        ids = [item.id for item in get_agenda_items(self.event)]
        index = ids.index(self.agenda_item.id)
        target = index + (-1 if request.form.get('direction') == 'up' else 1)
        if 0 <= target < len(ids):
            ids[index], ids[target] = ids[target], ids[index]
            reorder_agenda_items(self.event, ids)
        return redirect(self._list_url('agenda'))


class RHModerationQueue(RHManageStatementsBase):
    """Statements handed in by delegations, waiting for the secretariat."""

    def _process(self):
        pending = (Statement.query
                   .filter_by(event_id=self.event.id, status=StatementStatus.pending)
                   .order_by(Statement.created_dt)
                   .all())
        returned = (Statement.query
                    .filter_by(event_id=self.event.id, status=StatementStatus.returned)
                    .order_by(Statement.created_dt.desc())
                    .all())
        return WPManageStatements.render_template('statements/moderation.html', self.event, pending=pending,
                                                  returned=returned, return_form=ReturnStatementForm())


class RHModerateStatement(RHManageStatementBase):
    """Publish a statement handed in by a delegation, or return it with a reason."""

    def _process(self):
        if self.statement.status != StatementStatus.pending:
            flash(_('This statement is not waiting for moderation.'), 'warning')
            return redirect(url_for_plugin('oewg.moderation_queue', self.event))
        if request.form.get('action') == 'publish':
            accept_submission(self.statement)
            flash(_('"{heading}" is published and its submitter informed.').format(heading=self.statement.heading),
                  'success')
        else:
            form = ReturnStatementForm()
            if not form.validate_on_submit():
                flash(_('Give the reason for returning the statement.'), 'error')
                return redirect(url_for_plugin('oewg.moderation_queue', self.event))
            return_submission(self.statement, form.reason.data)
            flash(_('"{heading}" has been returned to its submitter.').format(heading=self.statement.heading),
                  'success')
        return redirect(url_for_plugin('oewg.moderation_queue', self.event))


class RHImportStatements(RHManageStatementsBase):
    """Upload a ZIP (CSV + files) or a CSV alone; every row is checked; dry run shows the report only."""

    def _process(self):
        form = ImportStatementsForm()
        report = None
        if form.validate_on_submit():
            upload = form.archive.data
            options = {'dry_run': form.dry_run.data, 'publish': form.publish.data}
            with upload.stream:  # spooled to a temporary file: never read whole (see the importer)
                if upload.filename.lower().endswith('.csv'):
                    report = import_from_csv(self.event, upload.stream, **options)
                else:
                    report = import_from_zip(self.event, upload.stream, **options)
            if not report.ok or form.dry_run.data:
                db.session.rollback()
            if report.imported:
                flash(ngettext('{n} statement imported.', '{n} statements imported.', report.statements)
                      .format(n=report.statements), 'success')
                return redirect(self._list_url())
        return WPManageStatements.render_template('statements/import.html', self.event, form=form, report=report,
                                                  columns=COLUMNS)
