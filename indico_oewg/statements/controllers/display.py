# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""Public pages of the statements archive: a session's statements, a statement, its files, JSON and Atom."""

from flask import jsonify, request, session
from werkzeug.exceptions import NotFound

from indico.modules.events.controllers.base import RHDisplayEventBase
from indico.web.flask.util import send_file

from indico_oewg import _
from indico_oewg.statements.models.files import LANGUAGE_ORDER, StatementFile, language_label
from indico_oewg.statements.models.statements import Statement
from indico_oewg.statements.serialize import serialize_statement, statements_atom
from indico_oewg.statements.util import (Delegation, StatementListRenderer, can_see_statement, citation,
                                         filter_statements, get_agenda_items, group_by_agenda_item,
                                         is_secretariat, published_delegation_choices, published_statements,
                                         query_statements, statement_lines)
from indico_oewg.statements.submissions import get_submitter_delegations
from indico_oewg.statements.views import display_page
from indico_oewg.working_groups.util import get_session_title, get_working_group


class RHStatementsBase(RHDisplayEventBase):
    def _process_args(self):
        RHDisplayEventBase._process_args(self)
        self.working_group = get_working_group(self.event.category)
        if self.working_group is None:
            raise NotFound


class RHStatements(RHStatementsBase):
    """A session's published statements by agenda item in delivery order, with filters and search."""

    def _process(self):
        delegation = Delegation.from_key(request.args.get('delegation'))
        language = request.args.get('language') or None
        q = request.args.get('q', '').strip()
        filtered = bool(delegation or language in LANGUAGE_ORDER or q)
        lines = statement_lines(filter_statements(published_statements().filter(Statement.event_id == self.event.id),
                                                  delegation=delegation, language=language, q=q)).all()
        groups = group_by_agenda_item(get_agenda_items(self.event), lines)
        if filtered:
            groups = [(item, items) for item, items in groups if items]
        choices = published_delegation_choices([self.event.id])
        return display_page(self.event).render_template(
            'statements/display_statements.html', self.event, groups=groups, filtered=filtered,
            render_items=StatementListRenderer().render, delegation_choices=choices,
            languages=[(code, language_label(code)) for code in LANGUAGE_ORDER],
            selected={'delegation': delegation.key if delegation else '', 'language': language or '', 'q': q},
            session_title=get_session_title(self.event), statement_count=len(lines),
            is_secretariat=is_secretariat(self.event), page_title=_('Statements'),
            can_hand_in=bool(get_submitter_delegations(self.event, session.user)),
            working_group=self.working_group)


class RHStatementBase(RHStatementsBase):
    normalize_url_spec = {'locators': {lambda self: self.statement}}

    def _process_args(self):
        RHStatementsBase._process_args(self)
        self.statement = Statement.query.filter_by(id=request.view_args['statement_id'],
                                                   event_id=self.event.id).first_or_404()

    def _check_access(self):
        RHStatementsBase._check_access(self)
        # Unpublished statements do not exist for the public
        if not can_see_statement(self.statement, session.user):
            raise NotFound


class RHStatement(RHStatementBase):
    """The permalink of a statement, with its citation."""

    def _process(self):
        return display_page(self.event).render_template(
            'statements/display_statement.html', self.event, statement=self.statement,
            citation=citation(self.statement), session_title=get_session_title(self.event),
            page_title=self.statement.heading)


class RHDownloadStatementFile(RHStatementBase):
    """A language version of a statement, only after the access checks."""

    normalize_url_spec = {'locators': {lambda self: self.file}}

    def _process_args(self):
        RHStatementBase._process_args(self)
        self.file = StatementFile.query.filter_by(id=request.view_args['file_id'],
                                                  statement_id=self.statement.id).first_or_404()

    def _process(self):
        try:
            return self.file.send(inline=True)
        except NotImplementedError:
            # backends without their own way of sending (e.g. the in-memory one) are streamed by us
            return send_file(self.file.filename, self.file.open(), self.file.content_type, inline=True)


class RHStatementsJSON(RHStatementsBase):
    """The published statements of a session in delivery order, as JSON."""

    def _process(self):
        statements = query_statements().filter(Statement.event_id == self.event.id).all()
        return jsonify(session={'id': self.event.id, 'title': get_session_title(self.event)},
                       statements=[serialize_statement(s) for s in statements])


class RHStatementsAtom(RHStatementsBase):
    """An Atom feed of the session's newly published statements."""

    def _process(self):
        statements = (query_statements()
                      .filter(Statement.event_id == self.event.id)
                      .order_by(None)
                      .order_by(Statement.published_dt.desc(), Statement.id.desc())
                      .limit(50)
                      .all())
        title = _('Statements: {session}').format(session=get_session_title(self.event))
        return send_file('statements.atom', statements_atom(statements, title=title, url=request.url),
                         'application/atom+xml', inline=True, no_cache=True)
