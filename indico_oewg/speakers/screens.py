# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""What the public rolling list and the room screen show of a list of speakers, in the UI's language."""

from dataclasses import dataclass
from datetime import timedelta

from markupsafe import Markup, escape
from sqlalchemy.orm.attributes import set_committed_value

from indico.core.cache import make_scoped_cache
from indico.util.date_time import format_datetime, format_human_timedelta, now_utc

from indico_oewg import _, ngettext
from indico_oewg.speakers.access import get_inscribing_delegations
from indico_oewg.speakers.models.inscriptions import InscriptionStatus
from indico_oewg.speakers.queries import remaining, speaking_order
from indico_oewg.states import current_language
from indico_oewg.statements import api as statements_api


#: How many speakers after the current one the room screen shows
SCREEN_NEXT = 5

#: Whether a user may inscribe a delegation at a session, by event and user id (only for showing the links)
_may_inscribe_cache = make_scoped_cache('oewg-speakers-may-inscribe')
#: For how long: the page's changing part is fetched again by every reader after each change of the lists
MAY_INSCRIBE_TTL = timedelta(minutes=5)


def may_inscribe(event, user):
    """Whether to offer a user the inscription page: they represent a delegation of the session.

    Kept for a few minutes per user (finding the delegations a user represents reads the registrations, focal points
    and accreditations); the inscription page itself checks every time.
    """
    if user is None:
        return False
    key = f'{event.id}:{user.id}'
    value = _may_inscribe_cache.get(key)
    if value is None:
        value = bool(get_inscribing_delegations(event, user))
        _may_inscribe_cache.set(key, value, timeout=MAY_INSCRIBE_TTL)
    return value


def speaker_label(inscription, language=None):
    """E.g. "Philippines, on behalf of the Group of 77 and China", in the UI's language (or the one given)."""
    name = inscription.delegation.name(language)
    if inscription.on_behalf_of:
        return _('{delegation}, on behalf of {group}').format(delegation=name, group=inscription.on_behalf_of)
    return name


def format_duration(seconds):
    """A speaking time or an estimate, e.g. "1 hour 5 minutes", "45 seconds"."""
    return format_human_timedelta(timedelta(seconds=max(0, int(seconds))), granularity='minutes')


class SpeakerLineRenderer:
    """The ``<li>`` lines of the public lists, built here rather than by a Jinja macro: a list has hundreds of them,
    and every Jinja call in a plugin template goes through the plugin-context wrapper. Translated texts are looked
    up once. One renderer serves one request (one UI language).
    """

    def __init__(self):
        self._statuses = {status: escape(status.title) for status in InscriptionStatus}
        self._statement = escape(_('Statement'))

    def render(self, speakers):
        out = []
        for speaker in speakers:
            status = speaker.status
            current = ' aria-current="true"' if status == InscriptionStatus.current else ''
            line = (f'<li class="oewg-speaker oewg-speaker-{status.name}" value="{speaker.inscription.position}"'
                    f'{current}><span class="oewg-speaker-name">{escape(speaker.label)}</span>')
            if status != InscriptionStatus.waiting:
                line += f' <span class="i-label oewg-speaker-status">{self._statuses[status]}</span>'
            if speaker.statement_url:
                line += (f' <a class="oewg-speaker-statement" href="{escape(speaker.statement_url)}">'
                         f'{self._statement}</a>')
            out.append(line + '</li>')
        return Markup('\n'.join(out))  # every part is escaped above


@dataclass
class Speaker:
    """A line of a rolling list."""

    inscription: object
    label: str
    status: InscriptionStatus
    statement_url: str | None

    @property
    def started_ms(self):
        """When the speaker was given the floor, in ms since the epoch (for live.js's timer), or ``''``."""
        started = self.inscription.started_dt
        return int(started.timestamp() * 1000) if started else ''

    @property
    def css_status(self):
        return f'oewg-speaker-{self.status.name}'


@dataclass
class ListView:
    """One agenda item's list as the public page and the room screen show it."""

    speakers_list: object
    agenda_item: object
    #: the list in speaking order (withdrawn inscriptions left out: they no longer take a place)
    speakers: list
    #: the right of reply, after the last speaker
    replies: list
    current: Speaker | None
    #: the waiting speakers in speaking order
    waiting: list
    remaining_count: int
    remaining_seconds: int
    deadline: str

    @property
    def status(self):
        return self.speakers_list.status

    @property
    def next_speakers(self):
        return self.waiting[:SCREEN_NEXT]

    @property
    def delivered_count(self):
        return sum(1 for s in self.speakers + self.replies if s.status == InscriptionStatus.delivered)

    @property
    def remaining_time(self):
        return format_duration(self.remaining_seconds)

    @property
    def announcement(self):
        """What a screen reader hears when the list changes."""
        title = self.agenda_item.title
        if self.current:
            state = _('{item}: now speaking {speaker}.').format(item=title, speaker=self.current.label)
        else:
            state = _('{item}: {status}.').format(item=title, status=self.status.title)
        count = self.remaining_count
        return ' '.join((state, ngettext('{count} speaker waiting.', '{count} speakers waiting.', count)
                         .format(count=count)))


def published_statement_urls(event, lists):
    """The permalinks of the published statements of the lists' speakers, by statement id (one query)."""
    ids = {i.statement_id for lst in lists for i in lst.inscriptions if i.statement_id is not None}
    return statements_api.get_statement_urls(event, statements_api.get_published_ids(ids))


def make_list_view(speakers_list, now=None, statement_urls=None):
    """What to show of a list; ``statement_urls``: the links of the speakers' published statements, by id."""
    statement_urls = statement_urls or {}
    language = current_language()
    for inscription in speakers_list.inscriptions:
        # each inscription's list is this one: said once here rather than looked up for each speaker's time limit
        set_committed_value(inscription, 'list', speakers_list)
    deadline = (format_datetime(speakers_list.deadline_dt, timezone=speakers_list.event.tzinfo)
                if speakers_list.deadline_dt else '')
    lines = [Speaker(i, speaker_label(i, language), i.status, statement_urls.get(i.statement_id))
             for i in speaking_order(speakers_list) if i.status != InscriptionStatus.withdrawn]
    count, seconds = remaining(speakers_list, now or now_utc())
    return ListView(speakers_list=speakers_list, agenda_item=speakers_list.agenda_item,
                    speakers=[s for s in lines if not s.inscription.is_reply],
                    replies=[s for s in lines if s.inscription.is_reply],
                    current=next((s for s in lines if s.status == InscriptionStatus.current), None),
                    waiting=[s for s in lines if s.status == InscriptionStatus.waiting],
                    remaining_count=count, remaining_seconds=seconds, deadline=deadline)


def make_list_views(event, lists):
    """What to show of a session's lists, with the links of the published statements."""
    now = now_utc()
    urls = published_statement_urls(event, lists)
    return [make_list_view(lst, now, urls) for lst in lists]


def server_now_ms():
    """The server's clock for live.js, which runs the timers against it rather than the reader's clock."""
    return int(now_utc().timestamp() * 1000)
