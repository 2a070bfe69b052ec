"""The pages of the list of speakers through Indico: who may do what on every route, bad input, the pages the
secretariat and the delegations see.
"""

import html
from datetime import timedelta

import pytest

from indico.modules.logs import EventLogRealm
from indico.util.date_time import now_utc
from indico.web.flask.util import url_for

from indico_oewg.speakers import operations
from indico_oewg.speakers.models.inscriptions import Inscription, InscriptionStatus
from indico_oewg.speakers.models.lists import ListStatus, SpeakersList
from indico_oewg.speakers.queries import speaking_order
from tests.helpers import log_summaries, post
from tests.speakers.conftest import mail_body


pytestmark = pytest.mark.usefixtures('db')


def _flashes(client):
    with client.session_transaction() as sess:
        return [message for _category, message in sess.get('_flashes', [])]


def _item_url(endpoint, speakers_list, **kwargs):
    return url_for(f'plugin_oewg.{endpoint}', speakers_list.event, agenda_item_id=speakers_list.agenda_item_id,
                   **kwargs)


def _one_url(endpoint, inscription):
    return url_for(f'plugin_oewg.{endpoint}', inscription.list.event, agenda_item_id=inscription.list.agenda_item_id,
                   inscription_id=inscription.id)


@pytest.fixture
def inscribed(speakers_list, people, delegations):
    for who in ('japan', 'egypt', 'esa'):
        operations.inscribe(speakers_list, delegations[who], {}, user=people[who])
    return speakers_list


def _management_routes(speakers_list):
    japan = speaking_order(speakers_list)[0]
    routes = [('GET', url_for('plugin_oewg.manage_speakers', speakers_list.event)),
              ('GET', _item_url('speakers_console', speakers_list))]
    routes += [('GET', _item_url(name, speakers_list)) for name in ('speakers_open', 'speakers_deadline',
                                                                     'speakers_rules', 'speakers_add')]
    routes += [('POST', _item_url(name, speakers_list)) for name in (
        'speakers_open', 'speakers_close', 'speakers_deadline', 'speakers_rules', 'speakers_reorder', 'speakers_next',
        'speakers_previous', 'speakers_finish', 'speakers_resume', 'speakers_add')]
    routes += [('GET', _one_url(name, japan)) for name in ('speaker_move', 'speaker_exchange', 'speaker_edit')]
    routes += [('POST', _one_url(name, japan)) for name in (
        'speaker_delivered', 'speaker_absent', 'speaker_withdraw', 'speaker_step', 'speaker_move', 'speaker_exchange',
        'speaker_edit')]
    return routes


@pytest.mark.parametrize('who', ('anonymous', 'japan', 'outsider'))
def test_management_routes_are_the_secretariat_s(inscribed, people, client_for, who):
    client = client_for(None if who == 'anonymous' else people[who])
    if who == 'anonymous':
        # a valid CSRF token: the access check is what refuses
        with client.session_transaction() as sess:
            sess['_csrf_token'] = client.csrf_token = 'anonymous-token'
    before = [(i.id, i.status, i.position) for i in speaking_order(inscribed)]
    version = inscribed.version
    for method, url in _management_routes(inscribed):
        resp = client.get(url) if method == 'GET' else post(client, url)
        if who == 'anonymous':
            assert resp.status_code == 302 and '/login/' in resp.location, (method, url)
        else:
            assert resp.status_code == 403, (method, url)
    SpeakersList.query.session.expire_all()
    assert [(i.id, i.status, i.position) for i in speaking_order(inscribed)] == before
    assert inscribed.version == version


def test_secretariat_pages(inscribed, secretariat_user, client_for, oewg_event, agenda):
    client = client_for(secretariat_user)
    page = client.get(url_for('plugin_oewg.manage_speakers', oewg_event))
    assert page.status_code == 200
    assert 'General exchange of views' in page.text and 'Opening of the session' in page.text
    assert 'No list of speakers yet.' in page.text
    assert '3 speakers waiting' in page.text
    assert _item_url('speakers_console', inscribed) in page.text
    operations.call_next(inscribed, None, user=secretariat_user)
    page = client.get(_item_url('speakers_console', inscribed))
    assert page.status_code == 200
    assert 'oewg-page' in page.text
    assert 'js-oewg-timer' in page.text and 'speakers/console.js' in page.text
    current = speaking_order(inscribed)[0]
    assert f'data-params="{{&#34;expected&#34;:{current.id}}}"' in page.text
    for url in (_item_url('speakers_open', inscribed), _item_url('speakers_rules', inscribed),
                _item_url('speakers_deadline', inscribed), _item_url('speakers_add', inscribed),
                _item_url('speakers_add', inscribed, floor=1), _one_url('speaker_move', current),
                _one_url('speaker_exchange', speaking_order(inscribed)[1]), _one_url('speaker_edit', current)):
        resp = client.get(url)
        assert resp.status_code == 200, url
        assert resp.json['html']
    # a console for an item without a list sends back to the overview; an unknown item is not found
    resp = client.get(url_for('plugin_oewg.speakers_console', oewg_event, agenda_item_id=agenda[0].id))
    assert resp.status_code == 302
    assert client.get(url_for('plugin_oewg.speakers_console', oewg_event, agenda_item_id=999999)).status_code == 404
    assert post(client, url_for('plugin_oewg.speakers_next', oewg_event, agenda_item_id=agenda[0].id)).status_code \
        == 404


def test_secretariat_runs_a_list_through_the_pages(oewg_event, agenda, people, delegations, secretariat_user,
                                                    client_for, smtp):
    client = client_for(secretariat_user)
    deadline = (now_utc() + timedelta(days=2)).astimezone(oewg_event.tzinfo)
    resp = post(client, url_for('plugin_oewg.speakers_open', oewg_event, agenda_item_id=agenda[1].id),
                 {'deadline': [deadline.strftime('%Y-%m-%d'), '18:00']})
    assert resp.status_code == 302
    lst = SpeakersList.query.filter_by(agenda_item_id=agenda[1].id).one()
    local = lst.deadline_dt.astimezone(oewg_event.tzinfo)
    assert (local.date(), local.hour) == (deadline.date(), 18)
    # the rules, in minutes
    resp = post(client, _item_url('speakers_rules', lst),
                 {'groups_first': 'y', 'limit_group': ['7', 'minutes'], 'limit_state': ['4', 'minutes'],
                  'limit_igo': ['5', 'minutes'], 'limit_other': ['90', 'seconds'], 'limit_reply': ['3', 'minutes']})
    assert resp.status_code == 302
    assert (lst.limit_state, lst.limit_other, lst.protocol_level_first) == (240, 90, False)
    # on a delegation's behalf, with a contact
    resp = post(client, _item_url('speakers_add', lst),
                 {'delegation': delegations['brazil'].key, 'on_behalf_of': 'the Group of 77 and China',
                  'language': 'es', 'contact': 'brazil.focal@example.org'})
    assert resp.status_code == 302
    [brazil] = lst.inscriptions
    assert brazil.by_secretariat and brazil.contact == people['brazil']
    assert smtp.outbox[-1]['To'] == 'brazil.focal@example.org'
    # from the floor
    resp = post(client, _item_url('speakers_add', lst, floor=1), {'delegation': delegations['esa'].key})
    assert resp.status_code == 302
    esa = speaking_order(lst)[-1]
    assert esa.from_floor
    # the console: first speaker, then next with what the console showed
    assert post(client, _item_url('speakers_next', lst), {'expected': ''}).status_code == 302
    assert brazil.status == InscriptionStatus.current
    post(client, _item_url('speakers_next', lst), {'expected': str(brazil.id)})
    assert brazil.status == InscriptionStatus.delivered and brazil.statement is not None
    assert esa.status == InscriptionStatus.current
    # a second console that did not see it: nothing moves
    _flashes(client)
    post(client, _item_url('speakers_next', lst), {'expected': str(brazil.id)})
    assert esa.status == InscriptionStatus.current
    assert any('moved on meanwhile' in m for m in _flashes(client))
    post(client, _one_url('speaker_absent', esa), {'drop': '1'})
    assert esa.status == InscriptionStatus.absent
    post(client, _item_url('speakers_finish', lst))
    assert lst.status == ListStatus.finished
    summaries = log_summaries(oewg_event, EventLogRealm.management)
    assert 'Speaker added from the floor: European Space Agency (ESA), "General exchange of views"' in summaries


@pytest.mark.parametrize(('endpoint', 'data', 'message'), (
    ('speakers_next', {'expected': 'abc'}, 'unexpected'),
    ('speakers_previous', {'expected': '1.5'}, 'unexpected'),
    ('speakers_previous', {}, 'no previous speaker'),
))
def test_bad_console_input_changes_nothing(inscribed, secretariat_user, client_for, endpoint, data, message):
    client = client_for(secretariat_user)
    version = inscribed.version
    resp = post(client, _item_url(endpoint, inscribed), data)
    assert resp.status_code == 302
    assert any(message in m for m in _flashes(client))
    assert inscribed.version == version


@pytest.mark.parametrize(('endpoint', 'data', 'message'), (
    ('speakers_rules', {'limit_group': ['0', 'minutes'], 'limit_state': ['5', 'minutes'],
                        'limit_igo': ['5', 'minutes'], 'limit_other': ['3', 'minutes'],
                        'limit_reply': ['3', 'minutes']}, 'Between 1 second'),
    ('speakers_rules', {'limit_group': ['x', 'minutes']}, 'valid'),
    ('speakers_deadline', {'deadline': ['2001-01-01', '10:00']}, 'future'),
    ('speakers_add', {'delegation': 'organization:999999'}, 'Not a valid choice'),
    ('speakers_add', {'delegation': 'state:JPN'}, 'already'),
    ('speakers_add', {'delegation': 'state:FRA', 'contact': 'nobody@example.org'}, 'No Indico user'),
    ('speakers_add', {'delegation': 'state:FRA', 'language': 'xx'}, 'Not a valid choice'),
    ('speakers_add', {'delegation': 'state:FRA', 'note': 'x' * 2001}, '2000'),
))
def test_bad_dialog_input_changes_nothing(inscribed, secretariat_user, client_for, endpoint, data, message):
    client = client_for(secretariat_user)
    version = inscribed.version
    count = Inscription.query.count()
    resp = post(client, _item_url(endpoint, inscribed), data, headers={'X-Requested-With': 'XMLHttpRequest'})
    assert resp.status_code == 200
    assert message in resp.json['html']
    assert inscribed.version == version
    assert Inscription.query.count() == count


def test_bad_move_input(inscribed, secretariat_user, client_for):
    client = client_for(secretariat_user)
    japan = speaking_order(inscribed)[0]
    xhr = {'X-Requested-With': 'XMLHttpRequest'}
    resp = post(client, _one_url('speaker_move', japan), {'position': '9'}, headers=xhr)
    assert 'from 1 to 3' in resp.json['html']
    resp = post(client, _one_url('speaker_move', japan), {'position': 'first'}, headers=xhr)
    assert resp.status_code == 200 and 'success' not in resp.json
    resp = post(client, _one_url('speaker_exchange', japan), {'other': str(japan.id)}, headers=xhr)
    assert resp.status_code == 200 and 'success' not in resp.json
    resp = post(client, _one_url('speaker_step', japan), {'direction': 'sideways'})
    assert resp.status_code == 302
    assert [i.delegation.code for i in speaking_order(inscribed)][:2] == ['JPN', 'EGY']
    # moved down with the arrow
    post(client, _one_url('speaker_step', japan), {'direction': 'down'})
    assert [i.delegation.code for i in speaking_order(inscribed)][:2] == ['EGY', 'JPN']
    # an inscription of another list is not found here
    other = operations.open_list(inscribed.event, inscribed.agenda_item.event.oewg_agenda_items[0],
                                 user=secretariat_user)
    assert post(client, url_for('plugin_oewg.speaker_withdraw', inscribed.event, agenda_item_id=other.agenda_item_id,
                                 inscription_id=japan.id)).status_code == 404


# --- the delegations' pages -------------------------------------------------------------------------------------

def test_delegate_inscribes_through_the_page(speakers_list, people, delegations, client_for, smtp):
    client = client_for(people['japan'])
    url = _item_url('speakers_inscribe', speakers_list)
    page = client.get(url)
    assert page.status_code == 200
    assert 'id="inscription-form"' in page.text
    assert 'oewg-group-suggestions' in page.text
    # the form offers only the user's own delegations
    assert 'value="state:JPN"' in page.text and 'value="state:EGY"' not in page.text
    resp = post(client, url, {'delegation': 'state:JPN', 'language': 'fr', 'level': 'deputy_minister',
                               'note': 'Please call us after lunch'})
    assert resp.status_code == 302
    [japan] = speakers_list.inscriptions
    assert (japan.language, japan.level.name, japan.note) == ('fr', 'deputy_minister', 'Please call us after lunch')
    assert 'Japan is inscribed' in mail_body(smtp.outbox[-1])
    page = client.get(url)
    assert f'id="inscription-{japan.id}"' in page.text
    assert _one_url('speakers_withdraw', japan) in page.text
    # change: back to the end
    operations.inscribe(speakers_list, delegations['egypt'], {}, user=people['egypt'])
    assert client.get(_one_url('speakers_change', japan)).status_code == 200
    resp = post(client, _one_url('speakers_change', japan), {'language': 'es', 'level': '', 'note': ''})
    assert resp.status_code == 302
    assert [i.delegation.code for i in speaking_order(speakers_list)] == ['EGY', 'JPN']
    # withdraw
    assert post(client, _one_url('speakers_withdraw', japan)).status_code == 302
    assert japan.status == InscriptionStatus.withdrawn


def test_delegation_cannot_touch_another_s_inscription(speakers_list, people, delegations, client_for):
    egypt = operations.inscribe(speakers_list, delegations['egypt'], {}, user=people['egypt'])
    client = client_for(people['japan'])
    # inscribe Egypt: not among Japan's choices
    resp = post(client, _item_url('speakers_inscribe', speakers_list), {'delegation': 'state:EGY'})
    assert resp.status_code == 200
    assert 'Not a valid choice' in resp.text
    assert len(speakers_list.inscriptions) == 1
    # change or withdraw Egypt's: not found for Japan
    assert client.get(_one_url('speakers_change', egypt)).status_code == 404
    assert post(client, _one_url('speakers_change', egypt), {'language': 'en'}).status_code == 404
    assert post(client, _one_url('speakers_withdraw', egypt)).status_code == 404
    assert egypt.status == InscriptionStatus.waiting and egypt.language == ''


@pytest.mark.parametrize('who', ('nai', 'pending', 'outsider'))
def test_who_has_no_delegation_of_the_session_cannot_inscribe(speakers_list, people, client_for, who):
    client = client_for(people[who])
    url = _item_url('speakers_inscribe', speakers_list)
    assert client.get(url).status_code == 403
    assert post(client, url, {'delegation': 'state:FRA'}).status_code == 403
    assert speakers_list.inscriptions == []


def test_anonymous_is_sent_to_log_in(speakers_list, client_for):
    client = client_for(None)
    resp = client.get(_item_url('speakers_inscribe', speakers_list))
    assert resp.status_code == 302 and '/login/' in resp.location


def test_after_closing_the_page_refuses(speakers_list, people, delegations, secretariat_user, client_for):
    japan = operations.inscribe(speakers_list, delegations['japan'], {}, user=people['japan'])
    operations.close_list(speakers_list, user=secretariat_user)
    client = client_for(people['japan'])
    page = client.get(_item_url('speakers_inscribe', speakers_list))
    assert page.status_code == 200
    assert 'id="inscription-form"' not in page.text
    assert _one_url('speakers_withdraw', japan) not in page.text
    client = client_for(people['egypt'])
    resp = post(client, _item_url('speakers_inscribe', speakers_list), {'delegation': 'state:EGY'})
    assert resp.status_code == 200
    assert 'Inscription to the list of speakers of &#34;General exchange of views&#34; is closed' in resp.text
    client = client_for(people['japan'])
    post(client, _one_url('speakers_withdraw', japan))
    assert any('closed' in m for m in _flashes(client))
    post(client, _one_url('speakers_change', japan), {'language': 'en'})
    assert japan.status == InscriptionStatus.waiting and japan.language == ''
    assert len(speakers_list.inscriptions) == 1


@pytest.mark.parametrize(('data', 'message'), (
    ({'delegation': 'state:JPN', 'language': 'de'}, 'Not a valid choice'),
    ({'delegation': 'state:JPN', 'level': 'king'}, 'Not a valid choice'),
    ({'delegation': 'state:JPN', 'on_behalf_of': 'G' * 301}, '300'),
    ({'delegation': 'state:JPN', 'on_behalf_of': 'a group', 'joining_states': 'Narnia'}, 'Not States: Narnia'),
    ({'delegation': ''}, 'This field is required'),
))
def test_bad_inscription_input(speakers_list, people, client_for, data, message):
    client = client_for(people['japan'])
    resp = post(client, _item_url('speakers_inscribe', speakers_list), data)
    assert resp.status_code == 200
    assert message in html.unescape(resp.text)
    assert speakers_list.inscriptions == []


def test_nul_characters_are_refused(speakers_list, people, client_for):
    # Indico itself refuses form data with NUL characters, before any of ours runs
    client = client_for(people['japan'])
    resp = post(client, _item_url('speakers_inscribe', speakers_list), {'delegation': 'state:JPN', 'note': 'a\x00b'})
    assert resp.status_code == 400
    assert speakers_list.inscriptions == []


def test_item_without_list_and_unknown_item(oewg_event, agenda, people, client_for):
    client = client_for(people['japan'])
    page = client.get(url_for('plugin_oewg.speakers_inscribe', oewg_event, agenda_item_id=agenda[0].id))
    assert page.status_code == 200
    assert 'There is no list of speakers for this agenda item yet.' in page.text
    resp = post(client, url_for('plugin_oewg.speakers_inscribe', oewg_event, agenda_item_id=agenda[0].id),
                 {'delegation': 'state:JPN'})
    assert resp.status_code == 302
    assert client.get(url_for('plugin_oewg.speakers_inscribe', oewg_event, agenda_item_id=424242)).status_code == 404


def test_menu_entry_for_the_secretariat(oewg_event, secretariat_user, client_for, people):
    client = client_for(secretariat_user)
    page = client.get(url_for('plugin_oewg.manage_speakers', oewg_event))
    assert 'List of speakers' in page.text
    client = client_for(people['japan'])
    assert client.get(url_for('plugin_oewg.manage_speakers', oewg_event)).status_code == 403
