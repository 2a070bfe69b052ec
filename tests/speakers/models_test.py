"""The models of the list of speakers: a list per agenda item, inscriptions with their delegations, the queries."""

from datetime import timedelta

import pytest
from sqlalchemy.exc import IntegrityError

from indico.util.date_time import now_utc

from indico_oewg.delegations import Delegation
from indico_oewg.speakers.models.inscriptions import Inscription, InscriptionStatus
from indico_oewg.speakers.models.lists import ListStatus, SpeakerClass, SpeakersList
from indico_oewg.speakers.queries import get_list, get_lists, list_version, remaining, speaking_order


def _inscribe(lst, delegation, position, cls=SpeakerClass.state, **kwargs):
    inscription = Inscription(list=lst, delegation=delegation, position=position, delegation_class=cls, **kwargs)
    lst.touch()
    return inscription


def test_lists_and_inscriptions(db, oewg_event, agenda):
    general = SpeakersList(event=oewg_event, agenda_item=agenda[1])
    opening = SpeakersList(event=oewg_event, agenda_item=agenda[0])
    db.session.flush()
    _inscribe(general, Delegation.for_state('jpn'), 2)
    _inscribe(general, Delegation.for_state('EGY'), 1, on_behalf_of='the Group of Arab States')
    _inscribe(general, Delegation.for_office('the Chair'), 1, is_reply=True, cls=SpeakerClass.other)
    _inscribe(general, Delegation.for_named_organization('Secure World Foundation'), 3, cls=SpeakerClass.other)
    db.session.flush()
    db.session.expire_all()

    assert [lst.agenda_item.title for lst in get_lists(oewg_event)] == ['Opening of the session',
                                                                         'General exchange of views']
    lst = get_list(oewg_event, agenda[1].id)
    assert lst.status == ListStatus.open
    assert lst.inscriptions_open
    order = speaking_order(lst)
    assert [(i.delegation.name('en'), i.is_reply) for i in order] == [
        ('Egypt', False), ('Japan', False), ('Secure World Foundation', False), ('the Chair', True)]
    assert order[0].speaker_class == SpeakerClass.group
    assert order[0].time_limit == 420
    assert order[1].time_limit == 300
    assert order[2].time_limit == 180
    assert order[3].time_limit == 300  # a right of reply
    assert remaining(lst) == (4, 420 + 300 + 180 + 300)
    order[0].status = InscriptionStatus.current
    now = now_utc()
    order[0].started_dt = now - timedelta(seconds=20)
    assert remaining(lst, now) == (3, 400 + 300 + 180 + 300)
    assert get_list(oewg_event, agenda[2].id) is None
    assert opening.inscriptions == []


def test_list_version_changes_with_every_change(db, oewg_event, agenda):
    before = list_version(oewg_event)
    lst = SpeakersList(event=oewg_event, agenda_item=agenda[1])
    db.session.flush()
    created = list_version(oewg_event)
    assert created != before
    _inscribe(lst, Delegation.for_state('FRA'), 1)
    db.session.flush()
    assert list_version(oewg_event) not in (before, created)


def test_one_list_per_agenda_item(db, oewg_event, agenda):
    SpeakersList(event=oewg_event, agenda_item=agenda[1])
    db.session.flush()
    SpeakersList(event=oewg_event, agenda_item=agenda[1])
    with pytest.raises(IntegrityError):
        db.session.flush()


def test_positions_are_unique_at_commit(db, oewg_event, agenda):
    lst = SpeakersList(event=oewg_event, agenda_item=agenda[1])
    _inscribe(lst, Delegation.for_state('FRA'), 1)
    _inscribe(lst, Delegation.for_state('DEU'), 1)
    db.session.flush()  # deferred: checked at the end of the transaction
    with pytest.raises(IntegrityError):
        db.session.execute('SET CONSTRAINTS ALL IMMEDIATE')
