# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""The delegations of each session's published statements, cached: every statements page offers them as filter."""

from datetime import timedelta
from functools import lru_cache

from indico.core.cache import make_scoped_cache
from indico.core.db import db

from indico_oewg.delegations import Delegation
from indico_oewg.statements.headings import delegation_name, heading_language
from indico_oewg.statements.models.statements import Statement, StatementStatus, delegation_of


#: The delegation keys of a session's published statements (its filter choices), by event id
_delegations_cache = make_scoped_cache('oewg-statement-delegation-keys')
#: How long they are kept at most, should a change ever be missed (a statement is also dropped when changed)
DELEGATIONS_CACHE_TTL = timedelta(hours=6)


def published_delegation_choices(event_ids):
    """The delegations with published statements at these sessions, for a filter: ``[(key, name)]`` by name.

    Kept per session in the cache until its statements change (see :func:`forget_session_delegations`): the archive
    offers them on every page view and finding them means reading every statement of the working group.
    """
    cached = _delegations_cache.get_dict(*map(str, event_ids))
    missing = [event_id for event_id in event_ids if cached[str(event_id)] is None]
    if missing:
        found = {str(event_id): [] for event_id in missing}
        rows = (db.session.query(Statement.event_id, Statement.speaker_kind, Statement.state_code,
                                 Statement.organization_id, Statement.organization_name, Statement.office)
                .filter(Statement.event_id.in_(missing), Statement.status == StatementStatus.published)
                .distinct())
        for event_id, *columns in rows:
            found[str(event_id)].append(delegation_of(*columns).key)
        _delegations_cache.set_many(found, timeout=DELEGATIONS_CACHE_TTL)
        cached.update(found)
    keys = {key for keys in cached.values() for key in keys}
    language = heading_language()
    delegations = [delegation for key in keys if (delegation := Delegation.from_key(key))]
    # by name without "the", case and accents ("Équateur" with the E's); in Chinese in the English order
    delegations.sort(key=lambda delegation: (_state_sort_key(delegation.code, language) if delegation.state
                                             else delegation.sort_key(language)))
    return [(delegation.key, delegation_name(delegation, language)) for delegation in delegations]


@lru_cache(maxsize=4096)
def _state_sort_key(iso3, language):
    # the same States come back on every page view and their names never change: each is folded once per process
    return Delegation.for_state(iso3).sort_key(language)


def forget_session_delegations(event_ids):
    """Drop the cached delegations of sessions whose statements changed."""
    if event_ids:
        _delegations_cache.delete_many(*map(str, event_ids))
