# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""What of the statements capability a cloned session takes over: the agenda and the listed submitters.

The statements themselves are the record of what was said at the session they belong to: never cloned.
"""

from indico.core.db import db
from indico.modules.events.cloning import get_attrs_to_clone

from indico_oewg import _
from indico_oewg.statements.models.agenda_items import AgendaItem
from indico_oewg.statements.models.submitters import StatementSubmitter
from indico_oewg.util import logger
from indico_oewg.working_groups.clone import SessionSetupCloner


class AgendaItemCloner(SessionSetupCloner):
    """The agenda items, in their order (the next session's provisional agenda starts from this one)."""

    name = 'oewg_agenda_items'
    friendly_name = _('OEWG agenda items')
    conflict_message = _('The target event already has OEWG agenda items')

    def _has_content(self, event):
        return AgendaItem.query.with_parent(event).has_rows()

    def run(self, new_event, cloners, shared_data, event_exists=False):
        attrs = get_attrs_to_clone(AgendaItem)
        item_map = {}
        with db.session.no_autoflush:
            for old_item in self.old_event.oewg_agenda_items:
                item = AgendaItem(event=new_event)
                item.populate_from_attrs(old_item, attrs)
                item_map[old_item] = item
        db.session.flush()
        logger.info('%d agenda items of %r cloned to %r', len(item_map), self.old_event, new_event)
        return {'agenda_item_map': item_map}


class StatementSubmitterCloner(SessionSetupCloner):
    """Who may hand in statements for which delegation, besides the registered participants."""

    name = 'oewg_statement_submitters'
    friendly_name = _('OEWG statement submitters')
    conflict_message = _('The target event already has OEWG statement submitters')

    def _has_content(self, event):
        return StatementSubmitter.query.with_parent(event).has_rows()

    def run(self, new_event, cloners, shared_data, event_exists=False):
        attrs = get_attrs_to_clone(StatementSubmitter)
        count = 0
        with db.session.no_autoflush:
            for old_entry in StatementSubmitter.query.with_parent(self.old_event).order_by(StatementSubmitter.id).all():
                if old_entry.user.is_deleted:
                    continue
                entry = StatementSubmitter(event=new_event, user=old_entry.user)
                entry.populate_from_attrs(old_entry, attrs)
                count += 1
        db.session.flush()
        logger.info('%d statement submitters of %r cloned to %r', count, self.old_event, new_event)


def get_cloners(sender, **kwargs):
    """``event_management.get_cloners`` (connected in plugin.py)."""
    yield AgendaItemCloner
    yield StatementSubmitterCloner
