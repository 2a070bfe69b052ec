"""The public lists of speakers: the JSON and its ETag, the page, the room screen, the Chair's script, protection."""

import re
from datetime import timedelta
from io import BytesIO

import pytest
import sqlalchemy as sa
from docx import Document

from indico.core.db import db
from indico.core.db.sqlalchemy.protection import ProtectionMode
from indico.modules.events.models.events import EventType
from indico.util.date_time import now_utc
from indico.web.flask.util import url_for

from indico_oewg.delegations import Delegation
from indico_oewg.documents import open_pdf
from indico_oewg.speakers.models.inscriptions import Inscription, InscriptionStatus
from indico_oewg.speakers.models.lists import ListStatus, SpeakerClass, SpeakersList
from indico_oewg.statements import api as statements_api
from tests.helpers import post


pytestmark = pytest.mark.usefixtures('db')


def _inscribe(lst, delegation, *, cls=SpeakerClass.state, is_reply=False, **kwargs):
    """An inscription at the end of its list, as the secretariat's operations leave it."""
    position = 1 + max((i.position for i in lst.inscriptions if i.is_reply == is_reply), default=0)
    inscription = Inscription(list=lst, delegation=delegation, position=position, delegation_class=cls,
                              is_reply=is_reply, **kwargs)
    lst.touch()
    db.session.flush()
    return inscription


@pytest.fixture
def registry_organization(dummy_working_group):
    from indico_oewg.observers.models.organizations import OrganizationKind
    from indico_oewg.observers.operations import create_organization
    return create_organization(dummy_working_group, {'name': 'European Space Agency', 'acronym': 'ESA',
                                                     'kind': OrganizationKind.standing_invitation})


@pytest.fixture
def running(oewg_event, agenda, dummy_user, registry_organization):
    """The general exchange of views under way: Japan delivered (its statement published), Egypt for the Arab
    Group speaking, ESA and Brazil waiting, Kenya withdrawn, the Chair's right of reply waiting; the opening's list
    still open.
    """
    opening = SpeakersList(event=oewg_event, agenda_item=agenda[0], deadline_dt=now_utc() + timedelta(days=1))
    general = SpeakersList(event=oewg_event, agenda_item=agenda[1], status=ListStatus.running)
    db.session.flush()
    _inscribe(opening, Delegation.for_state('FRA'))
    japan_statement = statements_api.record_delivered_statement(agenda[1], Delegation.for_state('JPN'),
                                                                user=dummy_user)
    japan = _inscribe(general, Delegation.for_state('JPN'), status=InscriptionStatus.delivered,
                      started_dt=now_utc() - timedelta(minutes=9), ended_dt=now_utc() - timedelta(minutes=4),
                      statement_id=japan_statement.id, language='en')
    egypt = _inscribe(general, Delegation.for_state('EGY'), on_behalf_of='the Group of Arab States',
                      joining_states=['JOR', 'TUN'], status=InscriptionStatus.current,
                      started_dt=now_utc() - timedelta(minutes=2))
    esa = _inscribe(general, Delegation.for_organization(registry_organization), cls=SpeakerClass.igo)
    kenya = _inscribe(general, Delegation.for_state('KEN'), status=InscriptionStatus.withdrawn)
    brazil = _inscribe(general, Delegation.for_state('BRA'))
    chair = _inscribe(general, Delegation.for_office('the Chair'), cls=SpeakerClass.other, is_reply=True)
    return {'opening': opening, 'general': general, 'japan': japan, 'egypt': egypt, 'esa': esa, 'kenya': kenya,
            'brazil': brazil, 'chair': chair, 'japan_statement': japan_statement}


def test_json_shape(test_client, oewg_event, agenda, running):
    resp = test_client.get(url_for('plugin_oewg.speakers_json', oewg_event))
    assert resp.status_code == 200
    assert resp.mimetype == 'application/json'
    data = resp.json
    assert data['session'] == {'id': oewg_event.id, 'title': 'Fourth session'}
    opening, general = data['lists']
    assert opening['agenda_item'] == {'id': agenda[0].id, 'title': 'Opening of the session', 'position': 1}
    assert opening['status'] == 'open'
    assert opening['inscriptions_open'] is True
    assert opening['deadline'] == running['opening'].deadline_dt.isoformat()
    assert opening['remaining'] == {'speakers': 1, 'seconds': 300}
    assert general['agenda_item'] == {'id': agenda[1].id, 'title': 'General exchange of views', 'position': 2}
    assert general['status'] == 'running'
    assert general['deadline'] is None
    # the waiting ones: ESA (300 s), Brazil (300 s), the Chair's reply (300 s); the current speaker apart
    assert general['remaining'] == {'speakers': 3, 'seconds': 900}
    speakers = general['speakers']
    assert [(s['position'], s['delegation']['name'], s['status'], s['right_of_reply']) for s in speakers] == [
        (1, 'Japan', 'delivered', False),
        (2, 'Egypt', 'current', False),
        (3, 'the European Space Agency', 'waiting', False),
        (4, 'Kenya', 'withdrawn', False),
        (5, 'Brazil', 'waiting', False),
        (1, 'the Chair', 'waiting', True),
    ]
    japan, egypt, esa = speakers[:3]
    assert set(japan) == {'position', 'delegation', 'on_behalf_of', 'status', 'statement_url', 'right_of_reply',
                          'time_limit', 'started_dt'}
    # the same delegation shapes as the statements JSON
    assert japan['delegation'] == {'kind': 'state', 'code': 'JPN', 'name': 'Japan'}
    assert esa['delegation'] == {'kind': 'organization', 'code': None, 'name': 'the European Space Agency',
                                 'organization_id': running['esa'].organization_id}
    assert speakers[5]['delegation'] == {'kind': 'office', 'code': None, 'name': 'the Chair'}
    assert japan['on_behalf_of'] is None
    assert egypt['on_behalf_of'] == {'group': 'the Group of Arab States', 'states': ['JOR', 'TUN']}
    assert japan['statement_url'] == statements_api.get_statement_url(running['japan_statement'])
    assert egypt['statement_url'] is None
    assert japan['started_dt'] == running['japan'].started_dt.isoformat()
    assert egypt['started_dt'] == running['egypt'].started_dt.isoformat()
    assert esa['started_dt'] is None
    assert (japan['time_limit'], egypt['time_limit'], esa['time_limit']) == (300, 420, 300)


def test_json_without_lists(test_client, oewg_event, agenda):
    data = test_client.get(url_for('plugin_oewg.speakers_json', oewg_event)).json
    assert data == {'session': {'id': oewg_event.id, 'title': 'Fourth session'}, 'lists': []}


def _plugin_queries(app):
    """Collect the SQL statements that read the speakers' inscriptions."""
    seen = []

    def _listen(conn, cursor, statement, *args, **kwargs):
        if 'speakers_inscriptions' in statement:
            seen.append(statement)

    sa.event.listen(db.engine, 'before_cursor_execute', _listen)
    return seen, lambda: sa.event.remove(db.engine, 'before_cursor_execute', _listen)


def test_etag_and_304(test_client, oewg_event, running):
    url = url_for('plugin_oewg.speakers_json', oewg_event)
    first = test_client.get(url)
    etag = first.headers['ETag']
    assert re.fullmatch(r'"[^"]+\.[0-9a-f]{24}"', etag)  # strong, signed
    assert 'no-cache' in first.headers['Cache-Control']
    seen, stop = _plugin_queries(test_client.application)
    try:
        poll = test_client.get(url, headers={'If-None-Match': etag})
    finally:
        stop()
    assert poll.status_code == 304
    assert poll.data == b''
    assert poll.headers['ETag'] == etag
    assert seen == []  # the lists were not loaded
    # another version, a forged signature or none gets the lists
    version, signature = etag.strip('"').split('.')
    for other in ('"0-0-0"', f'"{version}"', f'"{version}.{signature[::-1]}"', f'"0-0-0.{signature}"'):
        assert test_client.get(url, headers={'If-None-Match': other}).status_code == 200, other
    # an inscription made meanwhile: the poll gets the new lists and a new ETag
    _inscribe(running['general'], Delegation.for_state('MEX'))
    resp = test_client.get(url, headers={'If-None-Match': etag})
    assert resp.status_code == 200
    assert resp.headers['ETag'] != etag
    assert resp.json['lists'][1]['speakers'][-2]['delegation']['code'] == 'MEX'
    assert test_client.get(url, headers={'If-None-Match': resp.headers['ETag']}).status_code == 304
    # a speaker called changes it too
    running['egypt'].status = InscriptionStatus.delivered
    running['general'].touch()
    db.session.flush()
    assert test_client.get(url, headers={'If-None-Match': resp.headers['ETag']}).status_code == 200


def test_etag_is_the_readers(client_for, oewg_event, running, create_user):
    """Each reader has an ETag of their own; a poll with it costs the version's query and Indico's feature check."""
    url = url_for('plugin_oewg.speakers_json', oewg_event)
    anonymous = client_for(None).get(url).headers['ETag']
    client = client_for(create_user(80, email='reader@example.org'))
    reader = client.get(url).headers['ETag']
    assert anonymous != reader
    assert anonymous.split('.')[0] == reader.split('.')[0]  # the same version
    assert client.get(url, headers={'If-None-Match': anonymous}).status_code == 200
    queries = []

    def _listen(conn, cursor, statement, *args, **kwargs):
        queries.append(statement)

    sa.event.listen(db.engine, 'before_cursor_execute', _listen)
    try:
        assert client.get(url, headers={'If-None-Match': reader}).status_code == 304
    finally:
        sa.event.remove(db.engine, 'before_cursor_execute', _listen)
    assert len(queries) == 2, queries
    assert 'plugin_oewg.speakers_lists' in queries[-1]
    # the page and its part fetched by live.js carry the same one, for live.js's polls
    assert f'data-etag="&quot;{reader[1:-1]}&quot;"' in client.get(url_for('plugin_oewg.speakers', oewg_event)).text
    assert client.get(url_for('plugin_oewg.speakers', oewg_event, fragment=1)).headers['ETag'] == reader


def _text(html):
    return re.sub(r'\s+', ' ', re.sub(r'<[^>]+>', ' ', html))


def test_public_page(test_client, oewg_event, running):
    resp = test_client.get(url_for('plugin_oewg.speakers', oewg_event))
    assert resp.status_code == 200
    html = resp.text
    text = _text(html[html.index('<div class="oewg-speakers-lists"'):])
    assert text.index('Opening of the session') < text.index('General exchange of views') < text.index('Right of reply')
    lines = re.findall(r'<li class="oewg-speaker (oewg-speaker-\w+)" value="(\d)"[^>]*>\s*'
                       r'<span class="oewg-speaker-name">([^<]+)</span>', html)
    assert lines == [
        ('oewg-speaker-waiting', '1', 'France'),
        ('oewg-speaker-delivered', '1', 'Japan'),
        ('oewg-speaker-current', '2', 'Egypt, on behalf of the Group of Arab States'),
        ('oewg-speaker-waiting', '3', 'European Space Agency (ESA)'),
        ('oewg-speaker-waiting', '5', 'Brazil'),
        ('oewg-speaker-waiting', '1', 'the Chair'),  # the right of reply
    ]
    assert 'Kenya' not in text  # withdrawn
    assert 'Now speaking: Egypt, on behalf of the Group of Arab States' in text
    assert 'Next: European Space Agency (ESA)' in text
    # 3 waiting (900 s) and what Egypt has left of its 7 minutes (about 5)
    assert '3 speakers remaining, about 19 minutes.' in text
    assert 'Inscription closes on' in text
    # the timer of the current speaker, against the server's clock
    timer = re.search(r'<span class="oewg-timer" role="timer" data-oewg-timer data-started="(\d+)"\s+'
                      r'data-limit="(\d+)">', html)
    assert int(timer.group(1)) == int(running['egypt'].started_dt.timestamp() * 1000)
    assert timer.group(2) == '420'
    # Japan's statement is not published yet: no link
    assert 'oewg-speaker-statement' not in html
    # live updates: the poll's URLs and the version the page shows
    version = test_client.get(url_for('plugin_oewg.speakers_json', oewg_event)).headers['ETag']
    assert f'data-etag="&quot;{version[1:-1]}&quot;"' in html
    assert 'aria-live="polite"' in html
    assert url_for('plugin_oewg.static', filename='speakers/live.js') in html
    # no documents for the public
    assert url_for('plugin_oewg.speakers_pdf', oewg_event, agenda_item_id=running['general'].agenda_item_id) \
        not in html


def test_statement_link_once_published(test_client, oewg_event, running, dummy_user):
    statement = running['japan_statement']
    statement.status = type(statement.status).published
    db.session.flush()
    html = test_client.get(url_for('plugin_oewg.speakers', oewg_event)).text
    link = re.search(r'<a class="oewg-speaker-statement" href="([^"]+)">Statement</a>', html)
    assert link.group(1) == statements_api.get_statement_url(statement)


def test_fragment(test_client, oewg_event, running):
    resp = test_client.get(url_for('plugin_oewg.speakers', oewg_event, fragment=1))
    assert resp.status_code == 200
    assert resp.text.lstrip().startswith('<div class="oewg-speakers-lists"')
    assert '<html' not in resp.text
    assert resp.headers['ETag'] == test_client.get(url_for('plugin_oewg.speakers_json', oewg_event)).headers['ETag']
    assert ('data-oewg-announcement="General exchange of views: now speaking Egypt, on behalf of the Group of Arab '
            'States. 3 speakers waiting."') in resp.text


def test_page_without_lists(test_client, oewg_event, agenda):
    resp = test_client.get(url_for('plugin_oewg.speakers', oewg_event))
    assert resp.status_code == 200
    assert 'No list of speakers has been opened for this session yet.' in resp.text


def test_room_screen(test_client, oewg_event, running):
    for name in ('URY', 'ARG', 'CHL', 'PER', 'COL'):
        _inscribe(running['general'], Delegation.for_state(name))
    url = url_for('plugin_oewg.speakers_screen', oewg_event, agenda_item_id=running['general'].agenda_item_id)
    resp = test_client.get(url)
    assert resp.status_code == 200
    html = resp.text
    assert html.startswith('<!DOCTYPE html>')
    text = _text(html)
    assert 'Now speaking Egypt, on behalf of the Group of Arab States' in text
    assert 'data-oewg-timer' in html
    next_five = re.search(r'Next speakers</h2>\s*<ol>(.*?)</ol>', html, re.DOTALL).group(1)
    assert re.findall(r'<li>([^<]+)</li>', next_five) == ['European Space Agency (ESA)', 'Brazil', 'Uruguay',
                                                           'Argentina', 'Chile']
    assert '8 speakers remaining' in text  # 7 on the list and the Chair's right of reply
    fragment = test_client.get(url + '?fragment=1')
    assert fragment.text.lstrip().startswith('<div class="oewg-screen-inner"')
    assert 'ETag' in fragment.headers
    # an agenda item without a list, or of another session
    assert test_client.get(url_for('plugin_oewg.speakers_screen', oewg_event,
                                   agenda_item_id=running['general'].agenda_item_id + 1000)).status_code == 404


def test_room_screen_of_an_open_list(test_client, oewg_event, running):
    url = url_for('plugin_oewg.speakers_screen', oewg_event, agenda_item_id=running['opening'].agenda_item_id)
    text = _text(test_client.get(url).text)
    assert 'Now speaking Open' in text  # nobody yet: the list's status
    assert '1 speaker remaining' in text


@pytest.mark.parametrize('fmt', ('pdf', 'docx'))
def test_chairs_script(client_for, oewg_event, running, secretariat_user, create_user, fmt):
    url = url_for(f'plugin_oewg.speakers_{fmt}', oewg_event, agenda_item_id=running['general'].agenda_item_id)
    assert client_for(None).get(url).status_code in (302, 403)
    assert client_for(create_user(77, email='someone@example.org')).get(url).status_code == 403
    resp = client_for(secretariat_user).get(url)
    assert resp.status_code == 200
    data = resp.get_data()
    if fmt == 'pdf':
        assert resp.mimetype == 'application/pdf'
        reader = open_pdf(data)
        text = ' '.join(page.extract_text() for page in reader.pages)
    else:
        text = ' '.join(p.text for p in Document(BytesIO(data)).paragraphs)
    text = re.sub(r'\s+', ' ', text)
    assert 'List of speakers' in text
    assert 'General exchange of views' in text
    assert text.index('Japan') < text.index('Egypt, on behalf of the Group of Arab States') \
        < text.index('European Space Agency (ESA)') < text.index('Brazil') < text.index('Right of reply') \
        < text.index('the Chair')
    assert 'Kenya' not in text
    assert 'Delivered' in text
    assert '7 minutes' in text  # Egypt's limit, on behalf of a group
    missing = url_for(f'plugin_oewg.speakers_{fmt}', oewg_event, agenda_item_id=running['general'].agenda_item_id + 99)
    assert client_for(secretariat_user).get(missing).status_code == 404


def test_protected_session(client_for, oewg_event, running, create_user):
    oewg_event.protection_mode = ProtectionMode.protected
    allowed = create_user(78, email='allowed@example.org')
    oewg_event.update_principal(allowed, read_access=True)
    db.session.flush()
    item_id = running['general'].agenda_item_id
    urls = [url_for('plugin_oewg.speakers', oewg_event), url_for('plugin_oewg.speakers', oewg_event, fragment=1),
            url_for('plugin_oewg.speakers_json', oewg_event),
            url_for('plugin_oewg.speakers_screen', oewg_event, agenda_item_id=item_id)]
    client = client_for(allowed)
    etag = client.get(urls[2]).headers['ETag']
    for url in urls:
        assert client.get(url).status_code == 200
    for user in (None, create_user(79, email='stranger@example.org')):
        client = client_for(user)
        for url in urls:
            resp = client.get(url)
            assert resp.status_code in (302, 403), url
            assert b'Egypt' not in resp.get_data()
        # a poll with another reader's ETag learns nothing either (it is signed for that reader)
        assert client.get(urls[2], headers={'If-None-Match': etag}).status_code in (302, 403)


@pytest.mark.parametrize('event_type', (EventType.meeting, EventType.lecture))
def test_every_type_of_session(test_client, create_oewg_session, event_type, dummy_user):
    event = create_oewg_session(title='Fifth session', number=5, type_=event_type)
    from indico_oewg.statements.operations import create_agenda_item
    item = create_agenda_item(event, 'General exchange of views', user=dummy_user)
    lst = SpeakersList(event=event, agenda_item=item)
    db.session.flush()
    _inscribe(lst, Delegation.for_state('NGA'))
    for url in (url_for('plugin_oewg.speakers', event), url_for('plugin_oewg.speakers_json', event),
                url_for('plugin_oewg.speakers_screen', event, agenda_item_id=item.id)):
        resp = test_client.get(url)
        assert resp.status_code == 200, url
        assert b'Nigeria' in resp.get_data()


def test_not_a_session(test_client, dummy_event):
    for url in (url_for('plugin_oewg.speakers', dummy_event), url_for('plugin_oewg.speakers_json', dummy_event)):
        assert test_client.get(url).status_code == 404


def test_inscription_through_the_form_changes_the_etag(oewg_event, speakers_list, people, delegations, client_for):
    # (the fixtures that push a request context before the test client, which keeps the context of its last request)
    """A delegate inscribes through the inscription page: a poll with the old ETag gets the new list."""
    url = url_for('plugin_oewg.speakers_json', oewg_event)
    reader = client_for(None)
    etag = reader.get(url).headers['ETag']
    assert reader.get(url, headers={'If-None-Match': etag}).status_code == 304
    delegate = client_for(people['japan'])
    resp = post(delegate, url_for('plugin_oewg.speakers_inscribe', oewg_event,
                                  agenda_item_id=speakers_list.agenda_item_id),
                {'delegation': delegations['japan'].key, 'reply': '', 'language': 'en'})
    assert resp.status_code == 302
    reader = client_for(None)
    resp = reader.get(url, headers={'If-None-Match': etag})
    assert resp.status_code == 200
    assert resp.headers['ETag'] != etag
    (listed,) = resp.json['lists']
    assert [(s['delegation']['code'], s['status']) for s in listed['speakers']] == [('JPN', 'waiting')]


def test_inscribe_link_for_those_who_may(oewg_event, speakers_list, people, client_for):
    url = url_for('plugin_oewg.speakers', oewg_event)
    inscribe = url_for('plugin_oewg.speakers_inscribe', oewg_event, agenda_item_id=speakers_list.agenda_item_id)
    assert inscribe in client_for(people['japan']).get(url).text
    assert inscribe in client_for(people['swf']).get(url).text
    for who in (None, people['outsider'], people['pending'], people['nai']):
        assert inscribe not in client_for(who).get(url).text, who


@pytest.mark.parametrize(('lang', 'texts'), (
    ('fr_FR', ('À la parole : Égypte, au nom de the Group of Arab States', '3 orateurs restants, environ',
               'Droit de réponse')),
    ('es_ES', ('Tiene la palabra: Egipto, en nombre de the Group of Arab States', 'Quedan 3 oradores, unos',
               'Derecho de respuesta')),
    ('zh_Hans_CN', ('正在发言', '还有 3 位发言者', '答辩权')),
))
def test_pages_in_other_languages(test_client, oewg_event, running, lang, texts):
    with test_client.session_transaction() as sess:
        sess['_lang'] = lang
    text = _text(test_client.get(url_for('plugin_oewg.speakers', oewg_event)).text)
    for expected in texts:
        assert expected in text
    screen = _text(test_client.get(url_for('plugin_oewg.speakers_screen', oewg_event,
                                           agenda_item_id=running['general'].agenda_item_id)).text)
    assert texts[-1] not in screen  # (the room screen has no right of reply heading)
    assert re.search(r'\b3\b', screen)
