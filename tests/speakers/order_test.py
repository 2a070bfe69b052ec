"""The order of a list: the rules' classes (groups, States, IGOs and UN entities, other observers), protocol levels,
speakers already called, moves and exchanges, speakers from the floor, time limits.
"""

import pytest

from indico_oewg.speakers import operations
from indico_oewg.speakers.errors import SpeakersError
from indico_oewg.speakers.models.inscriptions import InscriptionStatus
from indico_oewg.speakers.queries import remaining, speaking_order


pytestmark = pytest.mark.usefixtures('db')


def _order(speakers_list, replies=False):
    return [(i.position, i.delegation.name('en')) for i in speaking_order(speakers_list) if i.is_reply == replies]


def _names(speakers_list):
    return [name for _position, name in _order(speakers_list)]


@pytest.fixture
def inscribed(speakers_list, people, delegations):
    """Six delegations inscribed in this order: SWF, Japan, ESA, Egypt (for a group), the Holy See, Brazil."""
    for who, data in (('swf', {}), ('japan', {'level': 'minister'}), ('esa', {}),
                      ('egypt', {'on_behalf_of': 'the Group of Arab States'}), ('holy_see', {}),
                      ('brazil', {'level': 'head_of_state'})):
        operations.inscribe(speakers_list, delegations[who], data, user=people[who])
    return speakers_list


def test_default_rules_order_by_class_then_inscription(inscribed):
    assert _order(inscribed) == [(1, 'Egypt'), (2, 'Japan'), (3, 'Holy See'), (4, 'Brazil'),
                                 (5, 'European Space Agency (ESA)'), (6, 'Secure World Foundation (SWF)')]


def test_rules_change_reorders_the_waiting_speakers(inscribed, secretariat_user):
    assert operations.update_rules(inscribed, {'groups_first': False}, user=secretariat_user)
    assert _names(inscribed)[:4] == ['Japan', 'Egypt', 'Holy See', 'Brazil']
    assert operations.update_rules(inscribed, {'groups_first': True, 'protocol_level_first': True},
                                   user=secretariat_user)
    # Brazil (Head of State) before Japan (Minister) before the Holy See (level not given)
    assert _names(inscribed)[:4] == ['Egypt', 'Brazil', 'Japan', 'Holy See']
    assert not operations.update_rules(inscribed, {'protocol_level_first': True}, user=secretariat_user)


def test_new_inscriptions_never_go_before_called_speakers(inscribed, people, delegations, secretariat_user):
    operations.call_next(inscribed, None, user=secretariat_user)  # Egypt has the floor
    operations.call_next(inscribed, speaking_order(inscribed)[0].id, user=secretariat_user)  # Japan has it
    operations.inscribe(inscribed, delegations['france'], {'on_behalf_of': 'the European Union'},
                        user=secretariat_user, as_secretariat=True)
    assert _names(inscribed)[:4] == ['Egypt', 'Japan', 'France', 'Holy See']
    assert [i.status for i in speaking_order(inscribed)][:3] == [
        InscriptionStatus.delivered, InscriptionStatus.current, InscriptionStatus.waiting]


def test_from_the_floor_goes_to_the_end(inscribed, delegations, secretariat_user):
    inscription = operations.inscribe(inscribed, delegations['france'], {}, user=secretariat_user,
                                      as_secretariat=True, from_floor=True)
    assert inscription.from_floor
    assert _names(inscribed)[-1] == 'France'


def test_move_and_exchange(inscribed, people, secretariat_user):
    egypt, japan, holy_see, brazil, esa, swf = speaking_order(inscribed)
    assert operations.move_inscription(swf, 2, user=secretariat_user)
    assert _names(inscribed) == ['Egypt', 'Secure World Foundation (SWF)', 'Japan', 'Holy See', 'Brazil',
                                 'European Space Agency (ESA)']
    assert not operations.move_inscription(swf, 2, user=secretariat_user)
    operations.exchange_inscriptions(japan, esa, user=secretariat_user)
    assert [i.position for i in (japan, esa)] == [6, 3]
    # order by the rules again
    operations.reorder_by_rules(inscribed, user=secretariat_user)
    assert _names(inscribed)[-1] == 'Secure World Foundation (SWF)'
    # nobody goes before a speaker already called; only the secretariat moves
    operations.call_next(inscribed, None, user=secretariat_user)
    with pytest.raises(SpeakersError, match='from 2 to 6'):
        operations.move_inscription(brazil, 1, user=secretariat_user)
    with pytest.raises(SpeakersError, match='from 2 to 6'):
        operations.move_inscription(brazil, 7, user=secretariat_user)
    with pytest.raises(SpeakersError, match='Only waiting speakers'):
        operations.exchange_inscriptions(brazil, egypt, user=secretariat_user)
    with pytest.raises(SpeakersError, match='Only the secretariat'):
        operations.move_inscription(brazil, 3, user=people['brazil'])
    with pytest.raises(SpeakersError, match='Only the secretariat'):
        operations.exchange_inscriptions(brazil, holy_see, user=people['brazil'])
    assert egypt.position == 1 and egypt.status == InscriptionStatus.current


def test_positions_stay_dense(inscribed, secretariat_user):
    egypt, japan, *_rest = speaking_order(inscribed)
    operations.withdraw(japan, user=secretariat_user, as_secretariat=True)
    operations.mark_absent(egypt, to_end=True, user=secretariat_user)
    assert [p for p, _name in _order(inscribed)] == [1, 2, 3, 4, 5, 6]
    assert _names(inscribed)[-1] == 'Egypt'


def test_time_limits_and_remaining(inscribed, secretariat_user):
    # group 7 min, three States 5 min each, an IGO 5 min, an NGO 3 min
    assert remaining(inscribed) == (6, 420 + 3 * 300 + 300 + 180)
    operations.update_rules(inscribed, {'limit_state': 240, 'limit_other': 120}, user=secretariat_user)
    assert remaining(inscribed) == (6, 420 + 3 * 240 + 300 + 120)
    with pytest.raises(SpeakersError, match='between 1 second and 60 minutes'):
        operations.update_rules(inscribed, {'limit_state': 0}, user=secretariat_user)
    with pytest.raises(SpeakersError, match='between 1 second and 60 minutes'):
        operations.update_rules(inscribed, {'limit_igo': 3601}, user=secretariat_user)
    assert inscribed.limit_state == 240
