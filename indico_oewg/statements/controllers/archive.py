# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""The archive across all sessions of a working group: filters, full-text search, JSON and Atom."""

from flask import jsonify, request, session
from werkzeug.exceptions import NotFound

from indico.modules.categories.controllers.base import RHDisplayCategoryBase
from indico.web.flask.util import send_file

from indico_oewg import _
from indico_oewg.statements.models.agenda_items import AgendaItem
from indico_oewg.statements.models.statements import Statement
from indico_oewg.statements.serialize import serialize_statement, statements_atom
from indico_oewg.statements.util import (Delegation, Links, delegation_choices, filter_statements,
                                         format_dates, get_file_links, get_session_events, query_statements,
                                         render_statement_items)
from indico_oewg.statements.views import WPWorkingGroupStatements
from indico_oewg.working_groups.util import get_session_title, get_working_group


#: At most this many statements on one page of the archive
PAGE_SIZE = 200


class RHWorkingGroupStatementsBase(RHDisplayCategoryBase):
    with_files = True

    def _process_args(self):
        RHDisplayCategoryBase._process_args(self)
        self.working_group = get_working_group(self.category)
        if self.working_group is None:
            raise NotFound
        # Only sessions the user may see, and only those with the archive switched on (the feature)
        self.sessions = get_session_events(self.working_group, session.user)

    def _query(self):
        event_ids = [event.id for event in self.sessions]
        try:
            session_id = int(request.args.get('session') or 0)
        except ValueError:
            session_id = 0
        if session_id:
            event_ids = [event_id for event_id in event_ids if event_id == session_id]
        self.selected = {'delegation': request.args.get('delegation', ''), 'session': session_id,
                         'agenda_item': request.args.get('agenda_item', '').strip(),
                         'q': request.args.get('q', '').strip()}
        base = query_statements(with_files=self.with_files).filter(Statement.event_id.in_(event_ids))
        query = filter_statements(base, delegation=Delegation.from_key(self.selected['delegation']),
                                  q=self.selected['q'], agenda_item_title=self.selected['agenda_item'] or None)
        return base, query.order_by(None).order_by(Statement.event_id, AgendaItem.position, Statement.position)


class RHWorkingGroupStatements(RHWorkingGroupStatementsBase):
    """Every published statement of every session, e.g. "every statement by Japan"."""

    with_files = False

    def _process(self):
        base, query = self._query()
        start_order = {event.id: index for index, event in enumerate(self.sessions)}
        statements = query.limit(PAGE_SIZE + 1).all()
        more = len(statements) > PAGE_SIZE
        statements = sorted(statements[:PAGE_SIZE],
                            key=lambda s: (start_order[s.event_id], s.agenda_item.position, s.position))
        agenda_titles = sorted({title for title, in base.with_entities(AgendaItem.title).order_by(None).distinct()})
        groups = []  # [(event, [(agenda item, [statements])])]
        for statement in statements:
            if not groups or groups[-1][0] != statement.event:
                groups.append((statement.event, []))
            items = groups[-1][1]
            if not items or items[-1][0] != statement.agenda_item:
                items.append((statement.agenda_item, []))
            items[-1][1].append(statement)
        links = Links()
        dates = format_dates(statements)
        files = get_file_links([s.id for s in statements])
        return WPWorkingGroupStatements.render_template(
            'statements/working_group_statements.html', self.category, working_group=self.working_group,
            statements=statements, groups=groups, more=more, sessions=self.sessions,
            render_items=lambda items: render_statement_items(items, files, links, dates),
            session_titles={event.id: get_session_title(event) for event in self.sessions},
            delegation_choices=delegation_choices(base), agenda_titles=agenda_titles, selected=self.selected,
            filtered=any(self.selected.values()), json_ld=[])


class RHWorkingGroupStatementsJSON(RHWorkingGroupStatementsBase):
    """All published statements of the working group (with the same filters), as JSON."""

    def _process(self):
        base, query = self._query()
        return jsonify(working_group={'id': self.working_group.id, 'name': self.working_group.name},
                       statements=[serialize_statement(s) for s in query])


class RHWorkingGroupStatementsAtom(RHWorkingGroupStatementsBase):
    def _process(self):
        base, query = self._query()
        statements = query.order_by(None).order_by(Statement.published_dt.desc(), Statement.id.desc()).limit(50)
        title = _('Statements: {name}').format(name=self.working_group.name)
        return send_file('statements.atom', statements_atom(statements.all(), title=title, url=request.url),
                         'application/atom+xml', inline=True, no_cache=True)
