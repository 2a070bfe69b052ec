from functools import partial
import gc
import io
import warnings


import pytest

from indico.core.db import db
from indico.modules.events.features.util import set_feature_enabled
from indico.web.flask.util import url_for
from indico.web.menu import get_menu_item

from indico_oewg.statements.models.agenda_items import AgendaItem
from indico_oewg.statements.models.files import StatementFile
from indico_oewg.statements.models.statements import Statement, StatementStatus
from tests.helpers import log_summaries, post

from .conftest import make_docx, make_pdf


pytestmark = pytest.mark.usefixtures('db')

_post = partial(post, multipart=True)


def _statement_form(agenda_item, **overrides):
    data = {'agenda_item': str(agenda_item.id), 'position': '', 'speaker_kind': 'state', 'state': 'JPN',
            'on_behalf_of': '', 'joining_states': '', 'date': '2022-05-09', 'meeting': '3rd meeting', 'title': '',
            'delivery_status': 'check_against_delivery', 'original_language': 'en'} | overrides
    # like a browser: the fields of the other kinds of speaker are hidden and not sent
    for field, kind in (('state', 'state'), ('organization_name', 'organization'), ('office', 'office')):
        if data['speaker_kind'] != kind:
            data.pop(field, None)
    return data


@pytest.fixture
def secretariat_client(secretariat_user, client_for):
    return client_for(secretariat_user)


MANAGEMENT_ENDPOINTS = (
    ('manage_statements', 'GET', {}),
    ('add_statement', 'GET', {}),
    ('import_statements', 'GET', {}),
    ('moderation_queue', 'GET', {}),
    ('manage_submitters', 'GET', {}),
    ('edit_statement', 'GET', {'statement': True}),
    ('delete_statement', 'POST', {'statement': True}),
    ('publish_statement', 'POST', {'statement': True}),
    ('move_statement', 'POST', {'statement': True}),
    ('moderate_statement', 'POST', {'statement': True}),
    ('upload_statement_files', 'POST', {'statement': True}),
    ('add_agenda_item', 'POST', {}),
    ('edit_agenda_item', 'POST', {'agenda_item': True}),
    ('delete_agenda_item', 'POST', {'agenda_item': True}),
    ('move_agenda_item', 'POST', {'agenda_item': True}),
    ('reorder_statements', 'POST', {'agenda_item': True}),
    ('delete_statement_file', 'POST', {'file': True}),
    ('remove_submitter', 'POST', {'submitter': True}),
)


@pytest.mark.parametrize(('who', 'allowed'), (
    ('anonymous', False),
    ('unrelated', False),
    ('other_permission', False),
    ('secretariat', True),
    ('event_manager', True),
))
def test_management_access(oewg_event, create_user, client_for, add_statement, agenda, who, allowed):
    from indico_oewg.delegations import Delegation
    from indico_oewg.statements.submissions import add_submitter
    statement = add_statement('JPN', files=[('en', 'japan.pdf', make_pdf())])
    submitter = add_submitter(oewg_event, create_user(29), Delegation.for_state('JPN'))
    user = None if who == 'anonymous' else create_user(21)
    if who == 'secretariat':
        oewg_event.update_principal(user, add_permissions={'oewg_secretariat'})
    elif who == 'other_permission':
        oewg_event.update_principal(user, add_permissions={'surveys'})
    elif who == 'event_manager':
        oewg_event.update_principal(user, full_access=True)
    client = client_for(user)
    for endpoint, method, args in MANAGEMENT_ENDPOINTS:
        kwargs = {}
        if args.get('statement'):
            kwargs['statement_id'] = statement.id
        if args.get('agenda_item'):
            kwargs['agenda_item_id'] = agenda[2].id
        if args.get('file'):
            kwargs.update(statement_id=statement.id, file_id=statement.files[0].id, filename='japan.pdf')
        if args.get('submitter'):
            kwargs['submitter_id'] = submitter.id
        url = url_for(f'plugin_oewg.{endpoint}', oewg_event, **kwargs)
        if method == 'GET':
            resp = client.get(url)
            if allowed:
                assert resp.status_code == 200, endpoint
            else:
                assert resp.status_code in (302, 403), endpoint
        elif not allowed:
            resp = client.post(url, data={'csrf_token': getattr(client, 'csrf_token', '')})
            assert resp.status_code in (302, 400, 403), endpoint
            assert resp.status_code != 302 or '/login' in resp.location, endpoint
    if not allowed:
        db.session.expire_all()
        assert Statement.query.count() == 1
        assert StatementFile.query.count() == 1
        assert len(oewg_event.oewg_statement_submitters) == 1
        assert statement.is_published
        assert len(agenda[0].event.oewg_agenda_items) == 3


def test_list_groups_statements_by_agenda_item(secretariat_client, oewg_event, add_statement):
    add_statement('BRA')
    add_statement('European Union', kind=2, published=False)
    add_statement('Chair of the GGE on Prevention of an Arms Race in Outer Space', item=0, kind=3)
    resp = secretariat_client.get(url_for('plugin_oewg.manage_statements', oewg_event))
    assert resp.status_code == 200
    text = resp.text
    assert text.index('Opening of the session') < text.index('Statement by Chair of the GGE') \
        < text.index('General exchange of views') < text.index('Statement by Brazil') \
        < text.index('Statement by the European Union')
    assert '3 statements, 2 published' in text


def test_add_statement_with_several_files(secretariat_client, oewg_event, agenda):
    resp = _post(secretariat_client, url_for('plugin_oewg.add_statement', oewg_event),
                 _statement_form(agenda[1], publish='y', on_behalf_of='multiple States',
                                 joining_states='Australia, JPN, Allemagne')
                 | {'file_en': (io.BytesIO(make_pdf('English text')), 'japan_en.pdf'),
                    'file_fr': (io.BytesIO(make_docx('Texte français')), 'japon_fr.docx')})
    assert resp.status_code == 302, resp.text
    statement = Statement.query.one()
    assert statement.heading == 'Statement by Japan on behalf of multiple States'
    assert statement.joining_states == ['AUS', 'JPN', 'DEU']
    assert statement.is_published
    assert statement.meeting == '3rd meeting'
    assert statement.delivery_status.name == 'check_against_delivery'
    assert sorted(f.language for f in statement.files) == ['en', 'fr']
    assert 'Statement added: Statement by Japan on behalf of multiple States' in log_summaries(oewg_event)


@pytest.mark.parametrize(('overrides', 'files', 'message'), (
    ({'state': ''}, {}, 'Choose the State.'),
    ({'speaker_kind': 'organization', 'organization_name': ''}, {}, 'Enter the organization.'),
    ({'speaker_kind': 'office', 'office': ' '}, {}, 'Enter the office or body.'),
    ({'joining_states': 'Japan, Atlantis'}, {}, 'Not States: Atlantis.'),
    ({'position': '0'}, {}, 'Number must be at least 1'),
    ({}, {'file_en': (b'just text', 'fake.pdf')}, 'neither a PDF nor a Word'),
    ({}, {'file_en': (b'', 'empty.pdf')}, None),  # an empty file input counts as no file only without a name
    ({}, {'file_en': (b'%PDF-1.4 broken', 'broken.pdf'), 'file_fr': (make_pdf(), 'ok.pdf')}, 'cannot be read'),
))
def test_bad_statement_input_stores_nothing(secretariat_client, oewg_event, agenda, overrides, files, message):
    data = _statement_form(agenda[1], **overrides)
    data |= {key: (io.BytesIO(content), name) for key, (content, name) in files.items()}
    resp = _post(secretariat_client, url_for('plugin_oewg.add_statement', oewg_event), data)
    if message is None:
        message = 'is empty'
    assert resp.status_code == 200
    assert message in resp.text
    assert Statement.query.count() == 0
    assert StatementFile.query.count() == 0
    assert not any(s.startswith('Statement added') for s in log_summaries(oewg_event))


def test_position_clash_is_refused(secretariat_client, oewg_event, agenda, add_statement):
    add_statement('BRA')
    resp = _post(secretariat_client, url_for('plugin_oewg.add_statement', oewg_event),
                 _statement_form(agenda[1], position='1'))
    assert resp.status_code == 200
    assert 'Position 1 under &#34;General exchange of views&#34; is already taken by &#34;Statement by Brazil' \
        in resp.text or 'Position 1 under' in resp.text
    assert Statement.query.count() == 1


@pytest.mark.filterwarnings('ignore::ResourceWarning', 'ignore::pytest.PytestUnraisableExceptionWarning')
def test_too_large_file_is_refused(secretariat_client, oewg_event, agenda):
    from indico_oewg.plugin import OEWGPlugin
    OEWGPlugin.settings.set('statement_max_file_size_mb', 1)
    big = make_pdf() + b'%' + b'0' * (1024 * 1024)
    resp = _post(secretariat_client, url_for('plugin_oewg.add_statement', oewg_event),
                 _statement_form(agenda[1]) | {'file_en': (io.BytesIO(big), 'big.pdf')})
    assert 'larger than the limit of 1 MB' in resp.text
    assert Statement.query.count() == 0
    # Werkzeug's test client spools a body this large into a temporary file it never closes
    with warnings.catch_warnings():
        warnings.simplefilter('ignore', ResourceWarning)
        del resp
        gc.collect()


def test_edit_statement(secretariat_client, oewg_event, agenda, add_statement):
    statement = add_statement('BRA')
    add_statement('CAN')
    url = url_for('plugin_oewg.edit_statement', statement)
    assert 'Statement by Brazil' in secretariat_client.get(url).text
    # moving it onto Canada's place is a clash
    resp = _post(secretariat_client, url, _statement_form(agenda[1], state='BRA', position='2'))
    assert 'already taken by' in resp.text
    db.session.expire_all()
    assert statement.position == 1
    resp = _post(secretariat_client, url, _statement_form(agenda[0], state='DEU', title='Opening remarks'))
    assert resp.status_code == 302
    db.session.expire_all()
    assert statement.heading == 'Statement by Germany'
    assert statement.agenda_item == agenda[0]
    assert statement.position == 1
    assert statement.title == 'Opening remarks'
    assert 'Statement updated: Statement by Germany' in log_summaries(oewg_event)


def test_upload_and_delete_files(secretariat_client, oewg_event, add_statement):
    statement = add_statement('JPN', files=[('en', 'japan.pdf', make_pdf())])
    url = url_for('plugin_oewg.upload_statement_files', statement)
    # a second English file and a good Spanish one: nothing is stored
    _post(secretariat_client, url, {'file_en': (io.BytesIO(make_pdf()), 'again.pdf'),
                                    'file_es': (io.BytesIO(make_pdf()), 'japon_es.pdf')})
    db.session.expire_all()
    assert [f.language for f in statement.files] == ['en']
    resp = _post(secretariat_client, url, {'file_es': (io.BytesIO(make_pdf('Texto')), 'japon_es.pdf'),
                                           'file_ru': (io.BytesIO(make_docx('Текст')), 'japan_ru.docx')})
    assert resp.status_code == 302
    db.session.expire_all()
    assert sorted(f.language for f in statement.files) == ['en', 'es', 'ru']
    english = next(f for f in statement.files if f.language == 'en')
    resp = _post(secretariat_client, url_for('plugin_oewg.delete_statement_file', english))
    assert resp.status_code == 302, resp.text
    db.session.expire_all()
    assert sorted(f.language for f in statement.files) == ['es', 'ru']
    summaries = log_summaries(oewg_event)
    assert 'Files added to statement: Statement by Japan' in summaries
    assert 'File deleted from statement: Statement by Japan' in summaries


def test_publish_unpublish_delete_move(secretariat_client, oewg_event, add_statement):
    a = add_statement('AUS', published=False)
    b = add_statement('BRA')
    _post(secretariat_client, url_for('plugin_oewg.publish_statement', a), {'publish': '1'})
    _post(secretariat_client, url_for('plugin_oewg.publish_statement', b), {'publish': '0'})
    db.session.expire_all()
    assert a.is_published and a.published_dt
    assert b.status == StatementStatus.unpublished
    _post(secretariat_client, url_for('plugin_oewg.move_statement', b), {'direction': 'up'})
    db.session.expire_all()
    assert (a.position, b.position) == (2, 1)
    _post(secretariat_client, url_for('plugin_oewg.delete_statement', a))
    assert Statement.query.all() == [b]
    summaries = log_summaries(oewg_event)
    for summary in ('Statement published: Statement by Australia', 'Statement unpublished: Statement by Brazil',
                    'Statements under "General exchange of views" reordered',
                    'Statement deleted: Statement by Australia'):
        assert summary in summaries


def test_manage_agenda_items(secretariat_client, oewg_event, agenda, add_statement):
    add_statement('JPN', item=1)
    url = url_for('plugin_oewg.add_agenda_item', oewg_event)
    _post(secretariat_client, url, {'title': 'Exchange of views on the outcome of the first session'})
    _post(secretariat_client, url, {'title': 'general exchange of views'})  # duplicate
    _post(secretariat_client, url, {'title': ''})
    titles = [item.title for item in AgendaItem.query.filter_by(event_id=oewg_event.id).order_by('position')]
    assert titles[-1] == 'Exchange of views on the outcome of the first session'
    assert len(titles) == 4
    _post(secretariat_client, url_for('plugin_oewg.edit_agenda_item', agenda[0]), {'title': 'Opening'})
    _post(secretariat_client, url_for('plugin_oewg.move_agenda_item', agenda[2]), {'direction': 'up'})
    resp = _post(secretariat_client, url_for('plugin_oewg.delete_agenda_item', agenda[1]), follow_redirects=True)
    assert 'still has 1 statement; move or delete it first.' in resp.text
    db.session.expire_all()
    assert [item.title for item in oewg_event.oewg_agenda_items] == [
        'Opening', 'General exchange of views (informal mode)', 'General exchange of views',
        'Exchange of views on the outcome of the first session']
    summaries = log_summaries(oewg_event)
    assert 'Agenda item "Opening of the session" renamed to "Opening"' in summaries
    assert 'Agenda items reordered' in summaries


def test_management_menu_entry(oewg_event, secretariat_user, create_user, request_context):
    from flask import session
    session.set_session_user(secretariat_user)
    assert get_menu_item('event-management-sidemenu', 'oewg_statements', event=oewg_event) is not None
    session.set_session_user(create_user(22))
    assert get_menu_item('event-management-sidemenu', 'oewg_statements', event=oewg_event) is None


def test_session_overview_links_to_statements(secretariat_client, oewg_event):
    resp = secretariat_client.get(url_for('plugin_oewg.manage_session', oewg_event))
    assert url_for('plugin_oewg.manage_statements', oewg_event) in resp.text


def test_pages_404_while_feature_off(secretariat_client, oewg_event):
    set_feature_enabled(oewg_event, 'oewg', False)
    assert secretariat_client.get(url_for('plugin_oewg.manage_statements', oewg_event)).status_code == 404


def test_lists_use_indicos_action_icons_with_confirmation(secretariat_client, oewg_event, add_statement, agenda,
                                                         create_user):
    """No solid red button on every row: Indico's action icons, deleting after Indico's confirmation dialog."""
    import re

    from indico_oewg.delegations import Delegation
    from indico_oewg.statements.submissions import add_submitter
    statement = add_statement('JPN', files=[('en', 'japan.pdf', make_pdf())])
    entry = add_submitter(oewg_event, create_user(27), Delegation.for_state('JPN'))
    pages = {
        url_for('plugin_oewg.manage_statements', oewg_event): (
            rf'<tr id="statement-{statement.id}".*?</tr>', url_for('plugin_oewg.delete_statement', statement)),
        url_for('plugin_oewg.edit_statement', statement): (
            r'<table class="i-table-widget oewg-statement-files">.*?</table>',
            url_for('plugin_oewg.delete_statement_file', statement.files[0])),
        url_for('plugin_oewg.manage_submitters', oewg_event): (
            r'<table class="i-table-widget">.*?</table>',
            url_for('plugin_oewg.remove_submitter', oewg_event, submitter_id=entry.id)),
    }
    for url, (row_pattern, delete_url) in pages.items():
        row = re.search(row_pattern, secretariat_client.get(url).text, re.DOTALL).group()
        assert 'i-button' not in row, url
        assert '<form' not in row and 'onsubmit' not in row, url
        delete = _attributes(row, delete_url)
        assert delete['class'] == 'icon-remove i-link danger'
        assert delete['data-method'] == 'POST'
        assert len(delete['data-confirm']) > 20 and delete['data-title'], delete
    # the agenda items: the same icons
    text = secretariat_client.get(url_for('plugin_oewg.manage_statements', oewg_event)).text
    row = re.search(rf'<tr id="agenda-item-row-{agenda[2].id}".*?</tr>', text, re.DOTALL).group()
    delete = _attributes(row, url_for('plugin_oewg.delete_agenda_item', agenda[2]))
    assert delete['class'] == 'icon-remove i-link danger'
    assert delete['data-confirm'] == 'Delete the agenda item "General exchange of views (informal mode)"?'
    # the statement's confirmation names it, quotation marks and all
    row = re.search(rf'<tr id="statement-{statement.id}".*?</tr>', text, re.DOTALL).group()
    assert _attributes(row, url_for('plugin_oewg.delete_statement', statement))['data-confirm'] == \
        'Delete "Statement by Japan" and its files?'


def _attributes(html, data_href):
    """The attributes of the element of the HTML whose ``data-href`` is given, as a browser reads them."""
    from html.parser import HTMLParser

    found = []

    class Parser(HTMLParser):
        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            if attrs.get('data-href') == data_href:
                found.append(attrs)

    Parser().feed(html)
    assert len(found) == 1, data_href
    return found[0]


def test_templates_have_no_inline_handlers_or_styles():
    from pathlib import Path

    import indico_oewg
    templates = Path(indico_oewg.__file__).parent / 'templates' / 'statements'
    for path in templates.rglob('*.html'):
        text = path.read_text()
        assert 'onsubmit=' not in text and 'onclick=' not in text, path.name
        assert ' style="' not in text, path.name


def test_links_in_running_text_are_underlined(secretariat_client, oewg_event, add_statement):
    """A link inside a sentence is not told apart by its colour alone: Indico's ``underline`` class, on a span (on
    the link itself Indico's ``a:link`` rule wins; the browser test checks the computed style).
    """
    statement = add_statement('JPN')
    checks = {
        url_for('plugin_oewg.statements', oewg_event): url_for('plugin_oewg.manage_statements', oewg_event),
        url_for('plugin_oewg.statement', statement): url_for('plugin_oewg.statements', oewg_event),
        url_for('plugin_oewg.moderation_queue', oewg_event): url_for('plugin_oewg.manage_statements', oewg_event),
        url_for('plugin_oewg.manage_submitters', oewg_event): url_for('plugin_oewg.manage_statements', oewg_event),
        url_for('plugin_oewg.manage_statements', oewg_event): url_for('plugin_oewg.statements', oewg_event),
    }
    for page, link in checks.items():
        assert f'<a href="{link}"><span class="underline">' in secretariat_client.get(page).text, page


def test_editing_keeps_an_organization_of_the_registry(secretariat_client, oewg_event, agenda, add_statement,
                                                      registry_organization):
    import re

    from indico_oewg.delegations import Delegation
    statement = add_statement(Delegation.for_organization(registry_organization))
    url = url_for('plugin_oewg.edit_statement', statement)
    text = secretariat_client.get(url).text
    field = re.search(r'<input[^>]*name="organization_name"[^>]*>', text).group()
    assert 'value="European Union"' in field  # the name the registry knows it by, not "European Union (EU)"
    resp = _post(secretariat_client, url, _statement_form(agenda[1], speaker_kind='organization',
                                                          organization_name='European Union', title='On norms'))
    assert resp.status_code == 302
    db.session.expire_all()
    assert statement.organization_id == registry_organization.id
    assert statement.title == 'On norms'
