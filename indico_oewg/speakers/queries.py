# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""Reading lists of speakers: a session's lists with their inscriptions in few queries, the speaking order, what
remains and a cheap version for HTTP caching. The public pages (the DISPLAY part) read through these.
"""

from sqlalchemy.orm import selectinload

from indico.core.db import db
from indico.util.date_time import now_utc

from indico_oewg.speakers.models.inscriptions import Inscription, InscriptionStatus
from indico_oewg.speakers.models.lists import SpeakersList
from indico_oewg.statements import api as statements_api


def _load_inscriptions(with_statements=False):
    """The inscriptions, and with ``with_statements`` the statements of those delivered: one query each, whatever
    the number of speakers. The public lists and the JSON need only the statements' ids, which the inscriptions have.

    (Built when used: building it configures the mappers, which must wait until every model is imported.)
    """
    option = selectinload(SpeakersList.inscriptions)
    return option.selectinload(Inscription.statement) if with_statements else option


def _observers_api():
    # imported when used: importing the observers' models with ours (in tests, before Indico's app exists) would
    # leave some of their relationships unresolved
    from indico_oewg.observers import api
    return api


def _preload_names(lists):
    """Give every inscription of a registry organization its names, from one query for all of them."""
    inscriptions = [i for lst in lists for i in lst.inscriptions if i.organization_id is not None]
    names = _observers_api().get_organizations_names({i.organization_id for i in inscriptions})
    for inscription in inscriptions:
        inscription._delegation_names = names.get(inscription.organization_id)


def get_lists(event):
    """The session's lists of speakers in agenda order, their inscriptions loaded (a constant number of queries:
    the agenda, the lists, their inscriptions and the names of the registry organizations among them).
    """
    # the agenda items stay in the session: each list's ``agenda_item`` is then found without a query
    order = {item.id: index for index, item in enumerate(statements_api.get_agenda_items(event))}
    lists = (SpeakersList.query
             .filter(SpeakersList.event_id == event.id)
             .options(_load_inscriptions())
             .all())
    lists = sorted((lst for lst in lists if lst.agenda_item_id in order), key=lambda lst: order[lst.agenda_item_id])
    _preload_names(lists)
    return lists


def get_list(event, agenda_item_id):
    """The list of speakers of an agenda item of the session (its inscriptions and their statements loaded: the
    console links them), or ``None``.
    """
    lst = (SpeakersList.query
           .filter(SpeakersList.event_id == event.id, SpeakersList.agenda_item_id == agenda_item_id)
           .options(_load_inscriptions(with_statements=True))
           .first())
    if lst is not None:
        _preload_names([lst])
    return lst


def speaking_order(speakers_list):
    """The inscriptions of a list in speaking order: the list itself, then its right of reply; every status (the
    withdrawn and absent ones keep their place, for the record).
    """
    return sorted(speakers_list.inscriptions, key=lambda i: (i.is_reply, i.position))


def current_speaker(speakers_list):
    """The inscription that has the floor, or ``None``."""
    return next((i for i in speakers_list.inscriptions if i.status == InscriptionStatus.current), None)


def remaining(speakers_list, now=None):
    """``(count, seconds)``: how many speakers still wait (the current one not counted) and an estimate of the time
    left — the speaking limits of those waiting plus what the current speaker has left of theirs.
    """
    now = now or now_utc()
    count = seconds = 0
    for inscription in speakers_list.inscriptions:
        if inscription.status == InscriptionStatus.waiting:
            count += 1
            seconds += inscription.time_limit
        elif inscription.status == InscriptionStatus.current:
            elapsed = (now - inscription.started_dt).total_seconds() if inscription.started_dt else 0
            seconds += max(0, int(inscription.time_limit - elapsed))
    return count, seconds


def list_version(event):
    """A value that changes whenever any list of speakers of the session (or its inscriptions) changes, from one
    query: for the public list's ``ETag``.
    """
    count, total, last = (db.session.query(db.func.count(SpeakersList.id),
                                           db.func.coalesce(db.func.sum(SpeakersList.version), 0),
                                           db.func.coalesce(db.func.max(SpeakersList.id), 0))
                          .filter(SpeakersList.event_id == event.id)
                          .one())
    return f'{count}-{total}-{last}'


def get_active_inscriptions(speakers_list, delegation):
    """The inscriptions of a delegation on a list that still hold a place (waiting or speaking)."""
    return [i for i in speakers_list.inscriptions if i.is_active and i.delegation == delegation]
