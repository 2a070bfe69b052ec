# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""Who may put which delegation on a list of speakers, and in which class of speakers each delegation speaks."""

from indico.util.caching import memoize_request

from indico_oewg.delegations import Delegation, Representation
from indico_oewg.observers import api as observers_api
from indico_oewg.registration import api as registration_api
from indico_oewg.speakers.models.lists import SpeakerClass
from indico_oewg.states import get_states
from indico_oewg.working_groups.util import can_manage_session


_IGO_REPRESENTATIONS = {Representation.igo, Representation.un_body}


@memoize_request
def get_session_organizations(event):
    """``{Delegation: Representation}`` of the organizations accredited for the session."""
    return dict(observers_api.get_accredited_delegations(event))


def is_session_delegation(event, delegation):
    """Whether a delegation takes part in the session: a State (Member or observer) or an accredited organization."""
    if delegation is None:
        return False
    if delegation.is_state:
        return delegation.state is not None
    return delegation.in_registry and delegation in get_session_organizations(event)


def delegation_class(event, delegation):
    """The `SpeakerClass` of a delegation of the session itself (a group statement is in the group class)."""
    if delegation.is_state:
        return SpeakerClass.state
    if get_session_organizations(event).get(delegation) in _IGO_REPRESENTATIONS:
        return SpeakerClass.igo
    return SpeakerClass.other


def get_inscribing_delegations(event, user):
    """The delegations a user may inscribe: those they represent at the session (approved registrations, focal
    points) that take part in it — an organization only while accredited for the session.
    """
    return [d for d in registration_api.get_represented_delegations(event, user) if is_session_delegation(event, d)]


def get_all_session_delegations(event):
    """Every delegation the secretariat may inscribe: the States (Member States, then observer States), then the
    accredited organizations.
    """
    states = [Delegation.for_state(state.iso3) for state in get_states()]
    return states + list(get_session_organizations(event))


def is_secretariat(event, user):
    return can_manage_session(event, user)
