from xml.etree import ElementTree

import pytest

from indico.core.db.sqlalchemy.protection import ProtectionMode
from indico.modules.events.models.events import EventType
from indico.web.flask.util import url_for

from indico_oewg.statements.models.statements import DeliveryStatus, StatementStatus

from .conftest import make_docx, make_pdf


pytestmark = pytest.mark.usefixtures('db')


def _status(client, url):
    """The status of a GET, the response closed (a file download holds the stored file open until then)."""
    with client.get(url) as resp:
        return resp.status_code


@pytest.fixture
def statements(add_statement):
    """Published and unpublished statements of the session."""
    chair = add_statement('Chair of the GGE on Transparency and Confidence-Building Measures in Outer Space '
                          'Activities', item=0, kind=3, files=[('en', 'chair.pdf', make_pdf('Opening words'))])
    japan = add_statement('JPN', files=[('en', 'japan.pdf', make_pdf('Japan supports debris norms')),
                                        ('fr', 'japon.docx', make_docx('Le Japon soutient les normes')),
                                        ('es', 'japon_es.pdf', make_pdf('Japon apoya'))],
                          delivery_status=DeliveryStatus.as_delivered, meeting='2nd meeting')
    philippines = add_statement('PHL', on_behalf_of='multiple States', joining_states=['AUS', 'JPN'],
                                files=[('en', 'phl.pdf', make_pdf('Kinetic anti-satellite tests moratorium'))])
    hidden = add_statement('GBR', published=False, files=[('en', 'uk.pdf', make_pdf('Draft not yet published'))])
    return {'chair': chair, 'japan': japan, 'philippines': philippines, 'hidden': hidden}


def test_session_page_groups_by_agenda_item(test_client, oewg_event, statements):
    resp = test_client.get(url_for('plugin_oewg.statements', oewg_event))
    assert resp.status_code == 200
    text = resp.text
    assert text.index('Opening of the session') < text.index('Statement by Chair of the GGE on Transparency') \
        < text.index('General exchange of views') < text.index('Statement by Japan') \
        < text.index('Statement by the Philippines on behalf of multiple States')
    assert 'English' in text and 'Français' in text and 'Español' in text
    assert '9 May 2022' in text
    # unpublished ones are not there, not even for the secretariat on the public page
    assert 'Statement by the United Kingdom' not in text


def test_session_page_links(test_client, oewg_event, statements):
    """Each line links the statement's permalink and its files in the UN's language order, labelled in them."""
    import re
    japan = statements['japan']
    text = test_client.get(url_for('plugin_oewg.statements', oewg_event)).text
    line = re.search(rf'<li class="oewg-statement" id="statement-{japan.id}">(.*?)</li>', text, re.DOTALL).group(1)
    links = re.findall(r'<a [^>]*href="([^"]+)"[^>]*>([^<]+)</a>', line)
    files = {f.language: f for f in japan.files}
    assert links == [
        (url_for('plugin_oewg.statement', japan), 'Statement by Japan'),
        (url_for('plugin_oewg.download_statement_file', files['en']), 'English'),
        (url_for('plugin_oewg.download_statement_file', files['fr']), 'Français'),
        (url_for('plugin_oewg.download_statement_file', files['es']), 'Español'),
    ]
    for url, __ in links:
        assert _status(test_client, url) == 200
    # the delegation filter offers the delegations with published statements, by name
    options = re.findall(r'<option value="((?:state|organization|office):[^"]*)"', text)
    assert options == ['office:Chair of the GGE on Transparency and Confidence-Building Measures in Outer Space '
                       'Activities', 'state:JPN', 'state:PHL']
    filtered = test_client.get(url_for('plugin_oewg.statements', oewg_event), query_string={'q': 'Japan'}).text
    assert re.findall(r'<option value="((?:state|organization|office):[^"]*)"', filtered) == options


def test_delegation_filter_follows_changes(test_client, oewg_event, statements, add_statement):
    """The cached delegation choices follow every change of the session's statements, also across requests."""
    import re

    from indico.core import signals

    from indico_oewg.statements.operations import delete_statement, unpublish_statement
    from indico_oewg.statements.cache import _delegations_cache

    def choices():
        text = test_client.get(url_for('plugin_oewg.statements', oewg_event)).text
        return re.findall(r'<option value="(state:[^"]*)"', text)

    assert choices() == ['state:JPN', 'state:PHL']
    brazil = add_statement('BRA')
    assert choices() == ['state:BRA', 'state:JPN', 'state:PHL']
    unpublish_statement(brazil)
    assert choices() == ['state:JPN', 'state:PHL']
    delete_statement(statements['philippines'])
    assert choices() == ['state:JPN']
    # another request cached the list of before the commit: the commit drops it again
    add_statement('DEU')
    _delegations_cache.set(str(oewg_event.id), [])
    signals.core.after_commit.send()  # what a commit sends (Indico's test fixtures turn commits into flushes)
    assert choices() == ['state:DEU', 'state:JPN']


def test_filters_and_search(test_client, oewg_event, statements):
    url = url_for('plugin_oewg.statements', oewg_event)
    text = test_client.get(url, query_string={'delegation': 'state:JPN'}).text
    assert 'Statement by Japan' in text and 'Statement by the Philippines on' not in text
    text = test_client.get(url, query_string={'language': 'fr'}).text
    assert 'Statement by Japan' in text and 'Statement by the Philippines on' not in text
    assert '1 statement found.' in text
    text = test_client.get(url, query_string={'language': 'en'}).text
    assert '3 statements found.' in text
    # words only inside a file
    text = test_client.get(url, query_string={'q': 'moratorium'}).text
    assert 'Statement by the Philippines' in text and 'Statement by Japan' not in text
    text = test_client.get(url, query_string={'q': 'unpublished Draft'}).text
    assert 'No statements found' in text


def test_conference_menu_entry(request_context, oewg_event, statements):
    from indico.modules.events.layout.util import menu_entries_for_event
    entry = next(e for e in menu_entries_for_event(oewg_event) if e.name == 'oewg:statements')
    assert entry.is_visible
    assert entry.url == url_for('plugin_oewg.statements', oewg_event)


@pytest.mark.parametrize('event_type', (EventType.meeting, EventType.lecture))
def test_meeting_and_lecture_pages_link_to_statements(test_client, create_oewg_session, event_type):
    """They have no menu: the event page itself links to the statements, once."""
    event = create_oewg_session('Organizational session', None, (2022, 2, 7), (2022, 2, 9), type_=event_type)
    resp = test_client.get(url_for('events.display', event))
    assert resp.status_code == 200
    assert resp.text.count(f'href="{url_for("plugin_oewg.statements", event)}"') == 1
    resp = test_client.get(url_for('plugin_oewg.statements', event))
    assert resp.status_code == 200


def test_permalink_with_citation(test_client, statements):
    japan = statements['japan']
    resp = test_client.get(url_for('plugin_oewg.statement', japan))
    assert resp.status_code == 200
    assert ('Statement by Japan, Fourth session of the Open-ended working group on reducing space threats through '
            'norms, rules and principles of responsible behaviours, General exchange of views, 2nd meeting, '
            '9 May 2022') in resp.text
    assert 'As delivered' in resp.text


@pytest.mark.parametrize(('who', 'sees_unpublished'), (
    ('anonymous', False),
    ('unrelated', False),
    ('submitter_other', False),
    ('secretariat', True),
))
def test_unpublished_statements_and_their_files(client_for, create_user, oewg_event, statements, who,
                                                sees_unpublished):
    user = None if who == 'anonymous' else create_user(31)
    if who == 'secretariat':
        oewg_event.update_principal(user, add_permissions={'oewg_secretariat'})
    client = client_for(user)
    hidden = statements['hidden']
    file = hidden.files[0]
    expected = 200 if sees_unpublished else 404
    assert client.get(url_for('plugin_oewg.statement', hidden)).status_code == expected
    assert _status(client, url_for('plugin_oewg.download_statement_file', file)) == expected
    published_file = statements['japan'].files_by_language[0]
    with client.get(url_for('plugin_oewg.download_statement_file', published_file)) as resp:
        assert resp.status_code == 200
        assert resp.headers['Content-Type'] == 'application/pdf'
        assert resp.get_data().startswith(b'%PDF-')


def test_protected_event_hides_everything(client_for, create_user, oewg_event, statements):
    oewg_event.protection_mode = ProtectionMode.protected
    allowed = create_user(32)
    oewg_event.update_principal(allowed, read_access=True)
    file = statements['japan'].files_by_language[0]
    urls = [url_for('plugin_oewg.statements', oewg_event), url_for('plugin_oewg.statements_json', oewg_event),
            url_for('plugin_oewg.statements_atom', oewg_event), url_for('plugin_oewg.statement', statements['japan']),
            url_for('plugin_oewg.download_statement_file', file)]
    stranger = client_for(create_user(33))
    for url in urls:
        assert _status(stranger, url) == 403, url
    anonymous = client_for(None)
    for url in urls:
        assert _status(anonymous, url) in (302, 403), url
    reader = client_for(allowed)
    for url in urls:
        assert _status(reader, url) == 200, url


def test_json(test_client, oewg_event, statements):
    resp = test_client.get(url_for('plugin_oewg.statements_json', oewg_event))
    assert resp.status_code == 200
    data = resp.json
    assert [s['delegation']['name'] for s in data['statements']] == [
        'Chair of the GGE on Transparency and Confidence-Building Measures in Outer Space Activities', 'Japan',
        'the Philippines']
    japan = data['statements'][1]
    assert japan['delegation'] == {'kind': 'state', 'code': 'JPN', 'name': 'Japan'}
    assert japan['agenda_item']['title'] == 'General exchange of views'
    assert japan['session'] == {'id': oewg_event.id, 'title': 'Fourth session'}
    assert japan['position'] == 1
    assert japan['date'] == '2022-05-09'
    assert japan['meeting'] == '2nd meeting'
    assert japan['delivery_status'] == 'as_delivered'
    assert [f['language'] for f in japan['files']] == ['en', 'fr', 'es']
    assert japan['files'][1]['content_type'] == ('application/vnd.openxmlformats-officedocument.'
                                                 'wordprocessingml.document')
    assert japan['files'][0]['url'].endswith(url_for('plugin_oewg.download_statement_file',
                                                     statements['japan'].files_by_language[0]))
    assert japan['url'].endswith(url_for('plugin_oewg.statement', statements['japan']))
    philippines = data['statements'][2]
    assert philippines['on_behalf_of'] == {'group': 'multiple States', 'states': ['AUS', 'JPN']}
    assert data['statements'][0]['delegation']['code'] is None


def test_atom_feed(test_client, oewg_event, statements):
    resp = test_client.get(url_for('plugin_oewg.statements_atom', oewg_event))
    assert resp.status_code == 200
    assert resp.headers['Content-Type'].startswith('application/atom+xml')
    root = ElementTree.fromstring(resp.get_data())  # noqa: S314 (our own feed)
    ns = {'atom': 'http://www.w3.org/2005/Atom'}
    titles = [entry.find('atom:title', ns).text for entry in root.findall('atom:entry', ns)]
    assert 'Statement by Japan' in titles
    assert 'Statement by the United Kingdom of Great Britain and Northern Ireland' not in titles
    assert len(titles) == 3


@pytest.mark.parametrize('event_type', (EventType.conference, EventType.meeting, EventType.lecture))
def test_every_display_page_on_every_type_of_session(client_for, create_oewg_session, create_user, event_type,
                                                     secretariat_user):
    """The session's statements, a permalink and the hand-in page work whatever the event's type."""
    from indico_oewg.delegations import Delegation
    from indico_oewg.statements.operations import create_agenda_item, create_statement
    from indico_oewg.statements.submissions import add_submitter
    event = create_oewg_session('Organizational session', None, (2022, 2, 7), (2022, 2, 9), type_=event_type)
    item = create_agenda_item(event, 'General exchange of views')
    statement = create_statement(event, item, {'delegation': Delegation.for_state('JPN')},
                                 [('en', 'japan.pdf', make_pdf('Japan'))], status=StatementStatus.published)
    delegate = create_user(35)
    add_submitter(event, delegate, Delegation.for_state('JPN'))
    client = client_for(delegate)
    pages = {
        url_for('plugin_oewg.statements', event): 'Statement by Japan',
        url_for('plugin_oewg.statement', statement): 'Cite as',
        url_for('plugin_oewg.submit_statement', event): 'submit-statement-form',
    }
    for url, expected in pages.items():
        resp = client.get(url)
        assert resp.status_code == 200, url
        assert expected in resp.text, url
        # the page sits in the event's own frame: the conference menu, or the meeting/lecture header
        assert ('id="confSectionsBox"' in resp.text) == (event_type == EventType.conference), url
        assert ('class="meeting-header"' in resp.text) == (event_type != EventType.conference), url


def test_registry_organizations_are_filtered_by_id(test_client, oewg_event, add_statement, registry_organization):
    """A registry organization is one delegation (its key has its id) whatever name a statement gave it; old
    links naming it still find it; an organization outside the registry stays its name.
    """
    import re

    from indico_oewg.delegations import Delegation
    eu = add_statement(Delegation.for_organization(registry_organization))
    icrc = add_statement('International Committee of the Red Cross', kind=2)
    url = url_for('plugin_oewg.statements', oewg_event)
    text = test_client.get(url).text
    assert re.findall(r'<option value="(organization:[^"]*)"', text) == [
        f'organization:{registry_organization.id}', 'organization:International Committee of the Red Cross']
    for key in (f'organization:{registry_organization.id}', 'organization:European Union', 'organization:EU'):
        text = test_client.get(url, query_string={'delegation': key}).text
        assert f'id="statement-{eu.id}"' in text and f'id="statement-{icrc.id}"' not in text, key
    icrc_key = 'organization:International Committee of the Red Cross'
    text = test_client.get(url, query_string={'delegation': icrc_key}).text
    assert f'id="statement-{eu.id}"' not in text and f'id="statement-{icrc.id}"' in text
    # in French, the registry's French name
    with test_client.session_transaction() as sess:
        sess.lang = 'fr_FR'
    text = test_client.get(url).text
    assert '>Déclaration – Union européenne (EU)</a>' in text
