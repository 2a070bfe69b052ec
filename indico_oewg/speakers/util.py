# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""Small helpers of the list of speakers: naming an inscription, dates in the session's timezone, joining States."""

from datetime import timedelta


from indico.util.date_time import format_human_timedelta

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
    """A number of seconds as people read it ("5 minutes", "1 hour 5 minutes"), in the UI's language."""
    if not seconds:
        return format_human_timedelta(timedelta(0))
    return format_human_timedelta(timedelta(seconds=seconds), granularity='seconds' if seconds < 600 else 'minutes')

