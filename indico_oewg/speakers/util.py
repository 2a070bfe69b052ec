# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""Small helpers of the list of speakers: naming an inscription, dates in the session's timezone, joining States."""

from datetime import timedelta


from babel.dates import format_timedelta

from indico.util.i18n import get_current_locale

from indico_oewg import _
from indico_oewg.speakers.errors import SpeakersError
from indico_oewg.states import find_states


def describe(inscription, language='en'):
    """The speaker as a line of the list: "Egypt (on behalf of the Group of Arab States)"; English by default (the
    event log's language).
    """
    name = inscription.delegation.name(language)
    if not inscription.on_behalf_of:
        return name
    if language == 'en':
        return f'{name} (on behalf of {inscription.on_behalf_of})'
    return _('{delegation} (on behalf of {group})').format(delegation=name, group=inscription.on_behalf_of)


def format_local(dt, event):
    """A UTC datetime in the session's timezone, for the event log (e.g. "2023-08-28 18:00 CEST")."""
    return dt.astimezone(event.tzinfo).strftime('%Y-%m-%d %H:%M %Z')


def parse_joining_states(text):
    """ISO3 codes of the States a text names (see `indico_oewg.states.find_states`), without repeats.

    :raise SpeakersError: naming the entries that are not States
    """
    codes, unknown = find_states(text)
    if unknown:
        raise SpeakersError(_('Not States: {names}.').format(names=', '.join(unknown)))
    if len(codes) > 200:
        raise SpeakersError(_('Too many States joining.'))
    return codes


def format_duration(seconds):
    """A number of seconds as people read it ("5 minutes", "90 minutes"), in the UI's language.

    Babel's CLDR units, not Indico's `format_human_timedelta`: the latter's Spanish catalogue turns "minutes" into
    "actas" (the minutes of a meeting).
    """
    # a meeting's remaining time reads in minutes up to a long afternoon
    return format_timedelta(timedelta(seconds=max(0, int(seconds or 0))), granularity='second', threshold=10,
                            locale=get_current_locale())

