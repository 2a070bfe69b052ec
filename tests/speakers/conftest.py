"""Fixtures of the list of speakers: an agenda, lists, delegations who may inscribe."""

import pytest

from indico_oewg.statements.operations import create_agenda_item


@pytest.fixture
def agenda(oewg_event, dummy_user):
    """Agenda items of ``oewg_event``: the opening and the general exchange of views."""
    return [create_agenda_item(oewg_event, title, user=dummy_user) for title in (
        'Opening of the session', 'General exchange of views', 'Consideration of the draft report')]
