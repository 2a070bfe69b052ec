# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""The archive across all sessions of a working group: filters, full-text search, JSON and Atom."""

from functools import cached_property

from flask import jsonify, request, session
from werkzeug.exceptions import NotFound

from indico.modules.categories.controllers.base import RHDisplayCategoryBase
from indico.web.flask.util import send_file

from indico_oewg import _
from indico_oewg.statements.models.agenda_items import AgendaItem
from indico_oewg.statements.models.statements import Statement, StatementMode
from indico_oewg.statements.serialize import serialize_statement, statements_atom
from indico_oewg.statements.cache import published_delegation_choices
from indico_oewg.statements.parsing import delegation_from_key
from indico_oewg.statements.queries import (archive_agenda_titles, filter_statements, get_session_events,
                                            parse_mode, published_statements, query_statements, statement_lines)
from indico_oewg.statements.render import StatementListRenderer, format_count
from indico_oewg.statements.views import WPWorkingGroupStatements
from indico_oewg.working_groups.util import get_session_ids, get_session_title, get_working_group


#: At most this many statements on one page of the archive
PAGE_SIZE = 200


class RHWorkingGroupStatementsBase(RHDisplayCategoryBase):
    def _process_args(self):
        RHDisplayCategoryBase._process_args(self)
        self.working_group = get_working_group(self.category)
        if self.working_group is None:
            raise NotFound

    @cached_property
    def sessions(self):
        """The sessions the user may see (with the archive switched on: the feature), in chronological order."""
        return get_session_events(self.working_group, session.user)

    def _query(self, base, event_ids):
        """The statements of these sessions, filtered as the URL asks."""
        try:
            session_id = int(request.args.get('session') or 0)
        except ValueError:
            session_id = 0
        if session_id:
            event_ids = [event_id for event_id in event_ids if event_id == session_id]
        mode = parse_mode(request.args.get('mode'))
        self.selected = {'delegation': request.args.get('delegation', ''), 'session': session_id,
                         'agenda_item': request.args.get('agenda_item', '').strip(),
                         'q': request.args.get('q', '').strip(), 'mode': mode.name if mode else ''}
        query = filter_statements(base.filter(Statement.event_id.in_(event_ids)),
                                  delegation=delegation_from_key(self.selected['delegation'], self.working_group),
                                  q=self.selected['q'], agenda_item_title=self.selected['agenda_item'] or None,
                                  mode=mode)
        return query.order_by(None).order_by(Statement.event_id, AgendaItem.position, Statement.mode,
                                             Statement.position)


class RHWorkingGroupStatements(RHWorkingGroupStatementsBase):
    """Every published statement of every session, e.g. "every statement by Japan"."""

    def _process(self):
        start_order = {event.id: index for index, event in enumerate(self.sessions)}
        lines = (statement_lines(self._query(published_statements(), [event.id for event in self.sessions]))
                 .limit(PAGE_SIZE + 1)
                 .all())
        more = len(lines) > PAGE_SIZE
        lines = sorted(lines[:PAGE_SIZE], key=lambda s: (start_order[s.event_id], s.agenda_item_position, s.mode,
                                                         s.position))
        events = {event.id: event for event in self.sessions}
        groups = []  # [(event, [(agenda item title, [delivered statement lines], [written contribution lines])])]
        for line in lines:
            if not groups or groups[-1][0].id != line.event_id:
                groups.append((events[line.event_id], []))
            items = groups[-1][1]
            if not items or items[-1][0] != line.agenda_item_id:
                items.append((line.agenda_item_id, line.agenda_item_title, [], []))
            items[-1][2 if line.mode == StatementMode.oral else 3].append(line)
        event_ids = [event.id for event in self.sessions]
        delegations, agenda_titles = published_delegation_choices(event_ids), archive_agenda_titles(event_ids)
        session_titles = {event.id: get_session_title(event) for event in self.sessions}
        return WPWorkingGroupStatements.render_template(
            'statements/working_group_statements.html', self.category, working_group=self.working_group,
            statement_count=len(lines), statement_count_text=format_count(len(lines)), groups=groups, more=more,
            render_items=StatementListRenderer().render,
            session_titles=session_titles, delegation_choices=delegations, selected=self.selected,
            session_choices=[(event.id, session_titles[event.id]) for event in self.sessions],
            agenda_choices=[(title, title) for title in agenda_titles],
            mode_choices=[(mode.name, mode.title) for mode in StatementMode],
            filtered=any(self.selected.values()), json_ld=[])


class RHWorkingGroupStatementsJSON(RHWorkingGroupStatementsBase):
    """All published statements of the working group (with the same filters), as JSON."""

    def _process(self):
        # All the sessions are searched first and access is checked only where something was found: an API
        # search that finds nothing then costs no access checks
        statements = self._query(query_statements(), get_session_ids(self.working_group)).all()
        if statements:
            visible = {event.id for event in self.sessions}
            statements = [statement for statement in statements if statement.event_id in visible]
        return jsonify(working_group={'id': self.working_group.id, 'name': self.working_group.name},
                       statements=[serialize_statement(statement) for statement in statements])


class RHWorkingGroupStatementsAtom(RHWorkingGroupStatementsBase):
    def _process(self):
        statements = (self._query(query_statements(), [event.id for event in self.sessions])
                      .order_by(None)
                      .order_by(Statement.published_dt.desc(), Statement.id.desc())
                      .limit(50))
        title = _('Statements: {name}').format(name=self.working_group.name)
        return send_file('statements.atom', statements_atom(statements.all(), title=title, url=request.url),
                         'application/atom+xml', inline=True, no_cache=True)
