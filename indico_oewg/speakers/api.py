# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""What the other capabilities may ask the list of speakers.

Nothing else of `indico_oewg.speakers` is to be imported from outside it. Delegations are the shared
`indico_oewg.delegations.Delegation`; ``user`` defaults to the logged-in user. Lists are `SpeakersList` models
(``.agenda_item``, ``.status`` — a `ListStatus` whose ``.name`` is "open", "closed", "running" or "finished",
``.inscriptions_open``, ``.deadline_dt``); inscriptions are `Inscription` models (``.position``, ``.is_reply``,
``.delegation``, ``.on_behalf_of``, ``.status`` — an `InscriptionStatus` whose ``.name`` is "waiting",
"current", "delivered", "absent" or "withdrawn", ``.statement`` — the statement of the archive once delivered).
"""

from indico.core.plugins import url_for_plugin

from indico_oewg.speakers import operations, queries
from indico_oewg.speakers.access import get_inscribing_delegations as _get_inscribing_delegations
from indico_oewg.speakers.errors import SpeakersError
from indico_oewg.speakers.models.inscriptions import InscriptionStatus
from indico_oewg.speakers.models.lists import ListStatus


__all__ = ['InscriptionStatus', 'ListStatus', 'SpeakersError', 'get_delivered', 'get_inscribing_delegations',
           'get_inscription_url', 'get_list', 'get_lists', 'is_open_to_delegations', 'open_list']


def get_lists(event):
    """The lists of speakers of a session, in agenda order, their inscriptions loaded (a constant number of
    queries, whatever the number of speakers).
    """
    return queries.get_lists(event)


def get_list(event, agenda_item_id):
    """The list of speakers of an agenda item of the session, or ``None``."""
    return queries.get_list(event, agenda_item_id)


def get_delivered(speakers_list):
    """The inscriptions of a list that were delivered, in the order of delivery (each with its ``.statement``)."""
    delivered = [i for i in speakers_list.inscriptions if i.status == InscriptionStatus.delivered]
    return sorted(delivered, key=lambda i: (i.ended_dt is None, i.ended_dt, i.is_reply, i.position))


def is_open_to_delegations(speakers_list):
    """Whether delegations may inscribe on the list now (the secretariat always may until it is finished)."""
    return operations.is_open_to_delegations(speakers_list)


def get_inscribing_delegations(event, user):
    """The delegations a user may put on the session's lists of speakers: those they represent (approved
    registrations, focal points) that take part in the session (States; organizations accredited for it).

    :return: a list of `Delegation`; ``[]`` for ``None``
    """
    return _get_inscribing_delegations(event, user)


def get_inscription_url(speakers_list):
    """The page where delegations inscribe on a list (and change or withdraw their inscriptions)."""
    return url_for_plugin('oewg.speakers_inscribe', speakers_list.event, agenda_item_id=speakers_list.agenda_item_id)


def open_list(event, agenda_item, *, deadline_dt=None, user=None):
    """Open the list of speakers of an agenda item (created the first time; logged).

    :raise SpeakersError: e.g. when the list is open already or the deadline has passed
    """
    return operations.open_list(event, agenda_item, deadline_dt=deadline_dt, user=user)
