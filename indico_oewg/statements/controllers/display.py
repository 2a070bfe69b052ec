# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""Public pages of the statements archive: a session's statements, a statement, its files, JSON and Atom."""

from flask import jsonify, request, session
from werkzeug.exceptions import NotFound

from indico.web.flask.util import send_file

from indico_oewg import _
from indico_oewg.statements.access import can_see_statement
from indico_oewg.statements.cache import published_delegation_choices
from indico_oewg.statements.headings import citation
from indico_oewg.statements.models.files import LANGUAGE_ORDER, StatementFile, language_label
from indico_oewg.statements.models.statements import Statement, StatementMode
from indico_oewg.statements.parsing import delegation_from_key
from indico_oewg.statements.queries import (filter_statements, get_agenda_items, get_statements_to_hand_in,
                                            group_by_agenda_item, parse_mode, published_statements,
                                            query_statements, statement_lines)
from indico_oewg.statements.render import StatementListRenderer, format_count
from indico_oewg.statements.serialize import serialize_statement, statements_atom
from indico_oewg.statements.submissions import get_submitter_delegations
from indico_oewg.statements.views import WPStatementsConference
from indico_oewg.working_groups.controllers import RHSessionDisplayBase
from indico_oewg.working_groups.util import can_manage_session, get_session_title


class RHStatementsBase(RHSessionDisplayBase):
    conference_view = WPStatementsConference


class RHStatements(RHStatementsBase):
    """A session's published statements by agenda item in delivery order (written contributions apart), with
    filters and search.
    """

    def _process(self):
        delegation = delegation_from_key(request.args.get('delegation'), self.working_group)
        language = request.args.get('language') or None
        mode = parse_mode(request.args.get('mode'))
        q = request.args.get('q', '').strip()
        filtered = bool(delegation or language in LANGUAGE_ORDER or q or mode)
        lines = statement_lines(filter_statements(published_statements().filter(Statement.event_id == self.event.id),
                                                  delegation=delegation, language=language, q=q, mode=mode)).all()
        groups = group_by_agenda_item(get_agenda_items(self.event), lines)
        if filtered:
            groups = [group for group in groups if group[1] or group[2]]
        user = session.user
        can_hand_in = bool(get_submitter_delegations(self.event, user) or get_statements_to_hand_in(self.event, user))
        return self._render('statements/display_statements.html', groups=groups, filtered=filtered,
                            render_items=StatementListRenderer().render,
                            delegation_choices=published_delegation_choices([self.event.id]),
                            languages=[(code, language_label(code)) for code in LANGUAGE_ORDER],
                            modes=[(m.name, m.title) for m in StatementMode],
                            selected={'delegation': delegation.key if delegation else '',
                                      'language': language or '', 'q': q, 'mode': mode.name if mode else ''},
                            session_title=get_session_title(self.event), statement_count=len(lines),
                            statement_count_text=format_count(len(lines)),
                            is_secretariat=can_manage_session(self.event, user), page_title=_('Statements'),
                            can_hand_in=can_hand_in)


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
        return self._render('statements/display_statement.html', statement=self.statement,
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
        return self.file.send(inline=True)


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
