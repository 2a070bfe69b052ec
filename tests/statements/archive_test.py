
import pytest

from indico.core.db.sqlalchemy.protection import ProtectionMode
from indico.web.flask.util import url_for

from indico_oewg.delegations import Delegation
from indico_oewg.statements.models.statements import StatementStatus
from indico_oewg.statements.operations import create_agenda_item, create_statement

from .conftest import make_pdf


pytestmark = pytest.mark.usefixtures('db')


@pytest.fixture
def two_sessions(create_oewg_session, dummy_user):
    first = create_oewg_session('First session', 1, (2022, 5, 9), (2022, 5, 13))
    second = create_oewg_session('Second session', 2, (2022, 9, 12), (2022, 9, 16))

    def add(event, item, code, text, **kwargs):
        return create_statement(event, item, {'delegation': Delegation.for_state(code),
                                              'date': event.start_dt.date()},
                                [('en', f'{code}.pdf', make_pdf(text))], user=dummy_user,
                                status=kwargs.get('status', StatementStatus.published))

    general_1 = create_agenda_item(first, 'General exchange of views')
    general_2 = create_agenda_item(second, 'General exchange of views')
    thematic = create_agenda_item(second, 'Thematic discussion')
    statements = {
        'jpn1': add(first, general_1, 'JPN', 'Japan on debris removal'),
        'deu1': add(first, general_1, 'DEU', 'Germany on rendezvous and proximity operations'),
        'jpn2': add(second, general_2, 'JPN', 'Japan on kinetic tests'),
        'jpn3': add(second, thematic, 'JPN', 'Japan on thematic issues'),
        'hidden': add(second, thematic, 'FRA', 'France unpublished', status=StatementStatus.unpublished),
    }
    return first, second, statements


def test_every_statement_by_a_delegation(test_client, dummy_working_group, two_sessions):
    url = url_for('plugin_oewg.working_group_statements', dummy_working_group.category)
    resp = test_client.get(url, query_string={'delegation': 'state:JPN'})
    assert resp.status_code == 200
    text = resp.text
    assert text.count('Statement by Japan') == 3
    assert 'Statement by Germany' not in text
    assert text.index('First session') < text.index('Second session')


def test_filter_by_session_and_agenda_item(test_client, dummy_working_group, two_sessions):
    first = two_sessions[0]
    url = url_for('plugin_oewg.working_group_statements', dummy_working_group.category)
    text = test_client.get(url, query_string={'session': first.id}).text
    assert 'Statement by Germany' in text and text.count('Statement by Japan') == 1
    text = test_client.get(url, query_string={'agenda_item': 'Thematic discussion'}).text
    assert text.count('Statement by Japan') == 1 and 'Statement by Germany' not in text
    assert 'Statement by France' not in text


def test_full_text_search_finds_words_inside_files(test_client, dummy_working_group, two_sessions):
    url = url_for('plugin_oewg.working_group_statements', dummy_working_group.category)
    text = test_client.get(url, query_string={'q': 'rendezvous proximity'}).text
    assert 'Statement by Germany' in text and 'Statement by Japan' not in text
    assert '1 statement found.' in text
    text = test_client.get(url, query_string={'q': 'unpublished'}).text
    assert 'No statements found' in text
    data = test_client.get(url_for('plugin_oewg.working_group_statements_json', dummy_working_group.category),
                           query_string={'q': 'kinetic'}).json
    assert [s['delegation']['code'] for s in data['statements']] == ['JPN']
    assert data['statements'][0]['session']['title'] == 'Second session'


def test_protected_session_is_left_out(client_for, create_user, dummy_working_group, two_sessions):
    first, second = two_sessions[:2]
    second.protection_mode = ProtectionMode.protected
    url = url_for('plugin_oewg.working_group_statements_json', dummy_working_group.category)
    outsider = client_for(create_user(41))
    data = outsider.get(url).json
    assert {s['session']['title'] for s in data['statements']} == {'First session'}
    # nor when asked for by name, searched for, or in the page and the feed
    assert outsider.get(url, query_string={'session': second.id}).json['statements'] == []
    for page in ('plugin_oewg.working_group_statements', 'plugin_oewg.working_group_statements_atom'):
        text = outsider.get(url_for(page, dummy_working_group.category)).text
        assert url_for('plugin_oewg.statements', first) in text
        assert url_for('plugin_oewg.statements', second) not in text
    reader = create_user(42)
    second.update_principal(reader, read_access=True)
    data = client_for(reader).get(url).json
    assert {s['session']['title'] for s in data['statements']} == {'First session', 'Second session'}
    assert len(data['statements']) == 4


def test_working_group_atom_and_json_in_order(test_client, dummy_working_group, two_sessions):
    data = test_client.get(url_for('plugin_oewg.working_group_statements_json', dummy_working_group.category)).json
    assert [(s['session']['title'], s['delegation']['code']) for s in data['statements']] == [
        ('First session', 'JPN'), ('First session', 'DEU'), ('Second session', 'JPN'), ('Second session', 'JPN')]
    resp = test_client.get(url_for('plugin_oewg.working_group_statements_atom', dummy_working_group.category))
    assert resp.status_code == 200
    assert resp.get_data().count(b'<entry>') == 4


def test_category_without_working_group(test_client, create_category):
    category = create_category(77, title='Elsewhere')
    assert test_client.get(url_for('plugin_oewg.working_group_statements', category)).status_code == 404


def test_category_page_links_to_archive(test_client, create_category, dummy_working_group):
    archive = url_for('plugin_oewg.working_group_statements', dummy_working_group.category)
    assert archive in test_client.get(url_for('categories.display', dummy_working_group.category)).text
    elsewhere = create_category(78, title='Elsewhere')
    assert '/statements/' not in test_client.get(url_for('categories.display', elsewhere)).text


def test_protected_category(client_for, create_user, dummy_working_group, two_sessions):
    dummy_working_group.category.protection_mode = ProtectionMode.protected
    resp = client_for(create_user(43)).get(url_for('plugin_oewg.working_group_statements',
                                                   dummy_working_group.category))
    assert resp.status_code == 403
