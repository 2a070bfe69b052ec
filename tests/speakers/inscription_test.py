"""Inscription: who may inscribe which delegation, one active inscription per delegation, changes, withdrawals,
the acknowledgement by e-mail, the deadline and the periodic task.
"""

from datetime import timedelta

import pytest

from indico.modules.logs import EventLogEntry, EventLogRealm
from indico.util.date_time import now_utc

from indico_oewg.speakers import operations
from indico_oewg.speakers.errors import SpeakersError
from indico_oewg.speakers.models.inscriptions import InscriptionStatus, ProtocolLevel
from indico_oewg.speakers.models.lists import ListStatus, SpeakerClass
from indico_oewg.speakers.queries import speaking_order
from tests.speakers.conftest import mail_body


pytestmark = pytest.mark.usefixtures('db')


def _last_log(speakers_list):
    return (EventLogEntry.query.filter_by(event_id=speakers_list.event_id, realm=EventLogRealm.management)
            .order_by(EventLogEntry.id.desc()).first())


def _names(speakers_list):
    return [i.delegation.name('en') for i in speaking_order(speakers_list)]


def test_delegations_inscribe_and_get_an_acknowledgement(speakers_list, people, delegations, smtp):
    inscription = operations.inscribe(speakers_list, delegations['japan'],
                                      {'language': 'en', 'level': 'minister', 'note': 'Minister arrives on Tuesday'},
                                      user=people['japan'])
    assert inscription.position == 1
    assert inscription.status == InscriptionStatus.waiting
    assert inscription.level == ProtocolLevel.minister
    assert inscription.contact == people['japan']
    assert inscription.created_by == people['japan']
    assert not inscription.by_secretariat
    assert inscription.delegation_class == SpeakerClass.state
    [mail] = smtp.outbox
    assert mail['To'] == 'japan@example.org'
    assert 'List of speakers: your inscription is registered' in mail['Subject']
    body = mail_body(mail)
    assert 'Japan is inscribed on the list of speakers under "General exchange of views"' in body
    assert 'speaker number 1' in body
    assert f'/speakers/{speakers_list.agenda_item_id}/inscribe' in body
    entry = _last_log(speakers_list)
    assert entry.summary == 'Inscribed: Japan, "General exchange of views"'
    assert entry.data['Language'] == 'en'


@pytest.mark.parametrize(('who', 'delegation'), (
    ('japan', 'japan'), ('holy_see', 'holy_see'), ('esa', 'esa'), ('swf', 'swf'), ('brazil', 'brazil'),
))
def test_who_may_inscribe(speakers_list, people, delegations, who, delegation):
    inscription = operations.inscribe(speakers_list, delegations[delegation], {}, user=people[who])
    assert inscription.delegation == delegations[delegation]


@pytest.mark.parametrize(('who', 'delegation'), (
    ('japan', 'egypt'),      # another delegation
    ('pending', 'france'),   # a registration not approved yet
    ('nai', 'nai'),          # an organization not accredited for the session
    ('outsider', 'japan'),
    ('esa', 'swf'),
))
def test_who_may_not_inscribe(speakers_list, people, delegations, who, delegation, smtp):
    with pytest.raises(SpeakersError, match='You cannot inscribe'):
        operations.inscribe(speakers_list, delegations[delegation], {}, user=people[who])
    assert speakers_list.inscriptions == []
    assert smtp.outbox == []


def test_secretariat_inscribes_anyone_of_the_session(speakers_list, people, delegations, secretariat_user, smtp):
    inscription = operations.inscribe(speakers_list, delegations['france'], {'on_behalf_of': 'the European Union'},
                                      user=secretariat_user, as_secretariat=True, contact=people['pending'])
    assert inscription.by_secretariat
    assert inscription.contact == people['pending']
    assert [m['To'] for m in smtp.outbox] == ['pending@example.org']
    # but not an organization the session has not accredited
    with pytest.raises(SpeakersError, match='not a delegation of this session'):
        operations.inscribe(speakers_list, delegations['nai'], {}, user=secretariat_user, as_secretariat=True)
    # and only the secretariat
    with pytest.raises(SpeakersError, match='Only the secretariat'):
        operations.inscribe(speakers_list, delegations['egypt'], {}, user=people['egypt'], as_secretariat=True)
    with pytest.raises(SpeakersError, match='Only the secretariat'):
        operations.inscribe(speakers_list, delegations['egypt'], {}, user=people['egypt'], from_floor=True)
    assert len(speakers_list.inscriptions) == 1


def test_one_active_inscription_per_delegation(speakers_list, people, delegations, secretariat_user):
    first = operations.inscribe(speakers_list, delegations['japan'], {}, user=people['japan'])
    with pytest.raises(SpeakersError, match='Japan is on this list of speakers already'):
        operations.inscribe(speakers_list, delegations['japan'], {'on_behalf_of': 'a group'}, user=people['japan'])
    with pytest.raises(SpeakersError, match='already'):
        operations.inscribe(speakers_list, delegations['japan'], {}, user=secretariat_user, as_secretariat=True)
    # a right of reply is a list of its own
    reply = operations.inscribe(speakers_list, delegations['japan'], {}, user=people['japan'], is_reply=True)
    assert reply.is_reply and reply.position == 1
    # once withdrawn, the delegation may inscribe again
    operations.withdraw(first, user=people['japan'])
    again = operations.inscribe(speakers_list, delegations['japan'], {}, user=people['japan'])
    assert again.position == 2
    # when the secretariat allows more, a delegation inscribes twice
    operations.update_rules(speakers_list, {'allow_multiple': True}, user=secretariat_user)
    operations.inscribe(speakers_list, delegations['japan'], {}, user=people['japan'])
    assert [i.status for i in speaking_order(speakers_list) if not i.is_reply] == [
        InscriptionStatus.withdrawn, InscriptionStatus.waiting, InscriptionStatus.waiting]


@pytest.mark.parametrize(('data', 'message'), (
    ({'language': 'de'}, 'official languages'),
    ({'level': 'emperor'}, 'Unknown protocol level'),
    ({'on_behalf_of': 'x' * 301}, 'longer than 300'),
    ({'note': 'a\x00b'}, 'NUL'),
    ({'on_behalf_of': 'a group', 'joining_states': 'France, Atlantis'}, 'Not States: Atlantis'),
    ({'joining_states': 'France'}, 'say on whose behalf'),
))
def test_bad_details_change_nothing(speakers_list, people, delegations, data, message, smtp):
    version = speakers_list.version
    with pytest.raises(SpeakersError, match=message):
        operations.inscribe(speakers_list, delegations['japan'], data, user=people['japan'])
    assert speakers_list.inscriptions == []
    assert speakers_list.version == version
    assert smtp.outbox == []


def test_joining_states_by_names_in_any_language(speakers_list, people, delegations):
    inscription = operations.inscribe(speakers_list, delegations['egypt'],
                                      {'on_behalf_of': 'a group of States (joint statement)',
                                       'joining_states': 'Japon; Brazil, egy, Brasil'}, user=people['egypt'])
    assert inscription.joining_states == ['JPN', 'BRA', 'EGY']
    assert inscription.speaker_class == SpeakerClass.group


def test_change_places_again_at_the_end(speakers_list, people, delegations, secretariat_user, smtp):
    japan = operations.inscribe(speakers_list, delegations['japan'], {}, user=people['japan'])
    operations.inscribe(speakers_list, delegations['egypt'], {}, user=people['egypt'])
    operations.inscribe(speakers_list, delegations['brazil'], {}, user=people['brazil'])
    smtp.outbox.clear()
    assert operations.change_inscription(japan, {'language': 'fr'}, user=people['japan'])
    assert _names(speakers_list) == ['Egypt', 'Brazil', 'Japan']
    assert japan.language == 'fr'
    assert 'your inscription was changed' in smtp.outbox[0]['Subject']
    # nothing changed: nothing moves
    assert not operations.change_inscription(japan, {'language': 'fr'}, user=people['japan'])
    # another delegation cannot change it, nor withdraw it
    with pytest.raises(SpeakersError, match='Only the representatives and focal points of Japan'):
        operations.change_inscription(japan, {'language': 'es'}, user=people['egypt'])
    with pytest.raises(SpeakersError, match='Only the representatives and focal points of Japan'):
        operations.withdraw(japan, user=people['egypt'])
    assert japan.status == InscriptionStatus.waiting
    # the secretariat's correction keeps the place
    egypt = speaking_order(speakers_list)[0]
    assert operations.change_inscription(egypt, {'level': 'head_of_state'}, as_secretariat=True,
                                         user=secretariat_user)
    assert _names(speakers_list) == ['Egypt', 'Brazil', 'Japan']


def test_nothing_after_closing_except_by_the_secretariat(speakers_list, people, delegations, secretariat_user):
    japan = operations.inscribe(speakers_list, delegations['japan'], {}, user=people['japan'])
    operations.close_list(speakers_list, user=secretariat_user)
    assert speakers_list.status == ListStatus.closed
    for action in (lambda: operations.inscribe(speakers_list, delegations['egypt'], {}, user=people['egypt']),
                   lambda: operations.change_inscription(japan, {'language': 'es'}, user=people['japan']),
                   lambda: operations.withdraw(japan, user=people['japan'])):
        with pytest.raises(SpeakersError, match='closed'):
            action()
    assert japan.status == InscriptionStatus.waiting and japan.language == ''
    assert len(speakers_list.inscriptions) == 1
    operations.inscribe(speakers_list, delegations['egypt'], {}, user=secretariat_user, as_secretariat=True)
    operations.withdraw(japan, user=secretariat_user, as_secretariat=True)
    assert japan.status == InscriptionStatus.withdrawn
    # reopening lets delegations in again
    operations.open_list(speakers_list.event, speakers_list.agenda_item, user=secretariat_user)
    assert speakers_list.status == ListStatus.open
    operations.inscribe(speakers_list, delegations['brazil'], {}, user=people['brazil'])


def test_deadline_closes_inscription(speakers_list, people, delegations, secretariat_user):
    speakers_list.deadline_dt = now_utc() - timedelta(minutes=1)
    # refused at once, even before the task has run
    with pytest.raises(SpeakersError, match='closed'):
        operations.inscribe(speakers_list, delegations['japan'], {}, user=people['japan'])
    assert operations.close_expired_lists() == 1
    assert speakers_list.status == ListStatus.closed
    assert not speakers_list.inscriptions_open
    assert operations.close_expired_lists() == 0
    entry = _last_log(speakers_list)
    assert entry.summary == 'List of speakers closed at its deadline, "General exchange of views"'
    assert entry.user is None


def test_deadline_in_the_past_is_refused(oewg_event, agenda, secretariat_user, speakers_list):
    with pytest.raises(SpeakersError, match='future'):
        operations.open_list(oewg_event, agenda[0], deadline_dt=now_utc() - timedelta(minutes=1),
                             user=secretariat_user)
    with pytest.raises(SpeakersError, match='future'):
        operations.set_deadline(speakers_list, now_utc() - timedelta(minutes=1), user=secretariat_user)
    assert oewg_event.oewg_speakers_lists.count() == 1


def test_periodic_task_closes_expired_lists(speakers_list):
    from indico_oewg.speakers.tasks import close_speakers_lists
    close_speakers_lists.apply().get()
    assert speakers_list.inscriptions_open
    speakers_list.deadline_dt = now_utc() - timedelta(seconds=1)
    close_speakers_lists.apply().get()
    assert not speakers_list.inscriptions_open
