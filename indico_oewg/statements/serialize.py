# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""The JSON and Atom forms of statements (schema documented in README, section Statements)."""

from io import BytesIO

from feedgen.feed import FeedGenerator

from indico.core.plugins import url_for_plugin

from indico_oewg.working_groups.util import get_session_title


def serialize_statement(statement):
    return {
        'id': statement.id,
        'session': {'id': statement.event_id, 'title': get_session_title(statement.event)},
        'agenda_item': {'id': statement.agenda_item_id, 'title': statement.agenda_item.title,
                        'position': statement.agenda_item.position},
        'mode': statement.mode.name,
        'position': statement.position,
        'delegation': statement.delegation.to_json(),
        'on_behalf_of': ({'group': statement.on_behalf_of, 'states': list(statement.joining_states)}
                         if statement.on_behalf_of or statement.joining_states else None),
        'date': statement.date.isoformat() if statement.date else None,
        'meeting': statement.meeting or None,
        'title': statement.title or None,
        'delivery_status': statement.delivery_status.name if statement.delivery_status else None,
        'original_language': statement.original_language or None,
        'files': [{'language': f.language, 'filename': f.filename, 'content_type': f.content_type,
                   'size': f.size, 'url': url_for_plugin('oewg.download_statement_file', f, _external=True)}
                  for f in statement.files_by_language],
        'url': url_for_plugin('oewg.statement', statement, _external=True),
    }


def statements_atom(statements, *, title, url):
    """An Atom feed of published statements, newest first."""
    feed = FeedGenerator()
    feed.id(url)
    feed.title(title)
    feed.link(href=url, rel='self')
    for statement in statements:
        entry = feed.add_entry(order='append')
        link = url_for_plugin('oewg.statement', statement, _external=True)
        entry.id(link)
        entry.title(statement.heading)
        entry.link(href=link)
        entry.summary(f'{get_session_title(statement.event)} — {statement.agenda_item.title}')
        entry.updated(statement.published_dt or statement.created_dt)
    return BytesIO(feed.atom_str(pretty=True))
