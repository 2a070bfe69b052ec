# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""The lists of speakers of a session as JSON (documented in README, "List of speakers: pages and JSON").

Everything here depends only on what bumps a list's version (see `queries.list_version`), never on the clock or on
the reader: the JSON is served with that version as its ``ETag``, and a ``304`` must mean "nothing changed".
"""

from datetime import timedelta

from flask import current_app, json

from indico.core.cache import make_scoped_cache

from indico_oewg.speakers.models.inscriptions import InscriptionStatus
from indico_oewg.speakers.queries import get_lists, speaking_order
from indico_oewg.statements import api as statements_api
from indico_oewg.working_groups.util import get_session_title


#: The JSON of a session's lists by version: after each change every screen and page in the room asks for it
_json_cache = make_scoped_cache('oewg-speakers-json')
#: How long it is kept at most (what the version does not follow, e.g. a renamed agenda item, shows after this)
JSON_CACHE_TTL = timedelta(minutes=10)


def _isoformat(dt):
    return dt.isoformat() if dt else None


def serialize_speaker(inscription, statement_urls, speakers_list):
    """One speaker; ``started_dt`` and ``time_limit`` (seconds) let a screen run the timer of the current one.

    :param statement_urls: the permalinks of the statements, by id (`statements_api.get_statement_urls`)
    """
    return {
        'position': inscription.position,
        'delegation': inscription.delegation.to_json(),
        'on_behalf_of': ({'group': inscription.on_behalf_of, 'states': list(inscription.joining_states)}
                         if inscription.on_behalf_of or inscription.joining_states else None),
        'status': inscription.status.name,
        'statement_url': statement_urls.get(inscription.statement_id),
        'right_of_reply': inscription.is_reply,
        # (from the list at hand: ``inscription.time_limit`` would look the list up again for each speaker)
        'time_limit': speakers_list.limit_for(inscription.speaker_class, inscription.is_reply),
        'started_dt': (_isoformat(inscription.started_dt)
                       if inscription.status in (InscriptionStatus.current, InscriptionStatus.delivered) else None),
    }


def serialize_list(speakers_list, statement_urls):
    """One agenda item's list, its speakers in speaking order (the right of reply last)."""
    speakers = speaking_order(speakers_list)
    waiting = [i for i in speakers if i.status == InscriptionStatus.waiting]
    limit_for = speakers_list.limit_for
    item = speakers_list.agenda_item
    return {
        'agenda_item': {'id': item.id, 'title': item.title, 'position': item.position},
        'status': speakers_list.status.name,
        'inscriptions_open': speakers_list.inscriptions_open,
        'deadline': _isoformat(speakers_list.deadline_dt),
        # the waiting speakers and their speaking limits; the current speaker is not counted (the clock would be)
        'remaining': {'speakers': len(waiting),
                      'seconds': sum(limit_for(i.speaker_class, i.is_reply) for i in waiting)},
        'speakers': [serialize_speaker(i, statement_urls, speakers_list) for i in speakers],
    }


def serialize_lists(event, lists):
    """``{"session": {...}, "lists": [...]}``: the lists of `queries.get_lists`, in agenda order.

    A delivered speaker's ``statement_url`` is its statement's permalink, published or not (whether it is must not
    change the JSON: publishing a statement does not change the lists' version).
    """
    urls = statements_api.get_statement_urls(event, {i.statement_id for lst in lists for i in lst.inscriptions
                                                     if i.statement_id is not None})
    return {'session': {'id': event.id, 'title': get_session_title(event)},
            'lists': [serialize_list(lst, urls) for lst in lists]}


def lists_json_response(event, version):
    """The JSON response of the session's lists at a version (read before): built once per version and kept."""
    key = f'{event.id}:{version}'
    body = _json_cache.get(key)
    if body is None:
        body = json.dumps(serialize_lists(event, get_lists(event)))
        _json_cache.set(key, body, timeout=JSON_CACHE_TTL)
    return current_app.response_class(body, mimetype='application/json')
