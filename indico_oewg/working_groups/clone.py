# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""Cloning a session: the new event becomes the next session of the working group."""

import re

from indico.core.db import db
from indico.core.logger import Logger
from indico.modules.events.cloning import EventCloner
from indico.modules.events.models.events import Event

from indico_oewg import _
from indico_oewg.working_groups.models.sessions import WorkingGroupSession
from indico_oewg.working_groups.operations import ensure_session
from indico_oewg.working_groups.util import get_working_group


logger = Logger.get('plugin.oewg.working_groups')

_UNITS = ('', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth',
          'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth',
          'nineteenth')
_TENS = {2: ('twenty', 'twentieth'), 3: ('thirty', 'thirtieth'), 4: ('forty', 'fortieth'), 5: ('fifty', 'fiftieth'),
         6: ('sixty', 'sixtieth'), 7: ('seventy', 'seventieth'), 8: ('eighty', 'eightieth'),
         9: ('ninety', 'ninetieth')}


def ordinal_word(number):
    """The English ordinal of 1–99 the way UN session titles spell it ("fourth", "twenty-first"), else ``None``."""
    if number is None or not 1 <= number <= 99:
        return None
    if number < 20:
        return _UNITS[number]
    tens, units = divmod(number, 10)
    return _TENS[tens][1] if not units else f'{_TENS[tens][0]}-{_UNITS[units]}'


def renumber_title(title, old_number, new_number):
    """The title with the old session number (as an ordinal word or a numeral) replaced by the new one.

    "Fourth session" becomes "Fifth session"; a title that does not name its number stays as it is.
    """
    old_word, new_word = ordinal_word(old_number), ordinal_word(new_number)
    if old_word and new_word:
        pattern = re.compile(rf'(?<![\w-]){re.escape(old_word)}(?![\w-])', re.IGNORECASE)
        if pattern.search(title):
            def _same_case(match):
                text = match.group(0)
                if text.isupper():
                    return new_word.upper()
                return new_word.capitalize() if text[0].isupper() else new_word
            return pattern.sub(_same_case, title, count=1)
    if old_number is not None and new_number is not None:
        pattern = re.compile(rf'(?<![\w.-]){old_number}(?![\w.-])')
        return pattern.sub(str(new_number), title, count=1)
    return title


def next_session_number(working_group, exclude_event=None):
    """One more than the highest session number in the working group's category (1 if there is none)."""
    query = (db.session.query(db.func.max(WorkingGroupSession.number))
             .join(Event, Event.id == WorkingGroupSession.event_id)
             .filter(Event.category_id == working_group.category_id, ~Event.is_deleted))
    if exclude_event is not None:
        query = query.filter(Event.id != exclude_event.id)
    return (query.scalar() or 0) + 1


class OEWGSessionCloner(EventCloner):
    """The session record (title, number, room) of a cloned session, as the next session of its working group.

    Internal: an event cloned with the OEWG feature is a session too, whatever is ticked. Indico copies the
    features, and enabling ours already gave the new event a record with default values; this fills it in.
    """

    name = 'oewg_session'
    friendly_name = _('OEWG session')
    is_internal = True
    is_default = True

    # `is_available` is not overridden: Indico refuses a run in which an internal default cloner is unavailable,
    # and this one runs for every cloned event (it does nothing unless the source is a session).

    def get_conflicts(self, target_event):
        # importing into an existing event never touches its session record (see `run`)
        return []

    def run(self, new_event, cloners, shared_data, event_exists=False):
        old_session = self.old_event.oewg_session
        if event_exists or old_session is None or not new_event.has_feature('oewg'):
            return
        working_group = get_working_group(new_event.category)
        if working_group is None:
            # not a working group's category: the event is no session there (its OEWG pages answer 404);
            # numbering it in a working group it does not belong to would make no sense
            return
        number = (next_session_number(working_group, exclude_event=new_event)
                  if old_session.number is not None else None)
        new_session = ensure_session(new_event)
        new_session.populate_from_dict({
            'title': renumber_title(old_session.title, old_session.number, number),
            'number': number,
            'room': old_session.room,
        })
        db.session.flush()
        logger.info('Session settings of %r cloned from %r', new_session, old_session)


class SessionSetupCloner(EventCloner):
    """Base of the options that copy a session's setup: offered when the source event is a session.

    Subclasses set `name`, `friendly_name`, `conflict_message` and implement `_has_content` and `run`.
    Importing into an existing event is possible when that event is a session without such setup yet.
    """

    is_default = True
    conflict_message = None

    @property
    def is_visible(self):
        return self.old_event.has_feature('oewg')

    @property
    def is_available(self):
        return self._has_content(self.old_event)

    def get_conflicts(self, target_event):
        if not target_event.has_feature('oewg'):
            return [_('The target event is not an OEWG session')]
        if self._has_content(target_event):
            return [self.conflict_message]
        return []

    def _has_content(self, event):
        raise NotImplementedError


def get_cloners(sender, **kwargs):
    """``event_management.get_cloners`` (connected in plugin.py)."""
    return OEWGSessionCloner
