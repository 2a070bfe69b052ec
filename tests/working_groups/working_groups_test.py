import pytest

from indico.core.db import db
from indico.modules.events.features.util import get_enabled_features, set_feature_enabled
from indico.modules.logs.models.entries import CategoryLogEntry, EventLogEntry
from indico.web.flask.util import url_for
from indico.web.menu import get_menu_item

from indico_oewg.working_groups import OEWGFeature
from indico_oewg.working_groups.models.working_groups import WorkingGroup
from indico_oewg.working_groups.util import get_sessions, get_working_group, is_session
from tests.helpers import post


pytestmark = pytest.mark.usefixtures('db')

VALID_WORKING_GROUP = {
    'name': 'Open-ended working group on reducing space threats through norms, rules and principles of '
            'responsible behaviours',
    'resolution': '76/231',
    'symbol_prefix': 'A/AC.294',
    'contact_email': 'oewg-spacethreats@un.org',
}


# --- working group (category) ---------------------------------------------------------------------------------

def test_category_manager_configures_working_group(dummy_category, create_user, client_for):
    manager = create_user(10, email='manager@example.org')
    dummy_category.update_principal(manager, full_access=True)
    client = client_for(manager)
    url = url_for('plugin_oewg.manage_working_group', dummy_category)

    resp = client.get(url)
    assert resp.status_code == 200
    assert 'Configure as working group' in resp.text

    resp = post(client, url, VALID_WORKING_GROUP)
    assert resp.status_code == 302
    working_group = get_working_group(dummy_category)
    assert working_group.resolution == '76/231'
    assert working_group.symbol_prefix == 'A/AC.294'
    log = CategoryLogEntry.query.filter_by(category_id=dummy_category.id, module='OEWG').one()
    assert 'working group' in log.summary
    assert log.user == manager

    resp = post(client, url, VALID_WORKING_GROUP | {'contact_email': 'oewg@un.org'})
    assert resp.status_code == 302
    assert working_group.contact_email == 'oewg@un.org'
    change = (CategoryLogEntry.query.filter_by(category_id=dummy_category.id, module='OEWG')
              .order_by(CategoryLogEntry.id.desc()).first())
    assert change.summary == 'Working group updated'
    assert change.data['Secretariat contact'][:2] == ['oewg-spacethreats@un.org', 'oewg@un.org']


@pytest.mark.parametrize(('field', 'value', 'message'), (
    ('name', '', 'This field is required'),
    ('name', 'x' * 501, 'Field cannot be longer than 500 characters'),
    ('resolution', 'seventy-six', 'e.g. 76/231'),
    ('symbol_prefix', 'A/AC 294', 'no spaces'),
    ('symbol_prefix', '', 'This field is required'),
    ('contact_email', 'not-an-address', 'Invalid email address'),
))
def test_bad_working_group_input_changes_nothing(dummy_category, create_user, client_for, field, value, message):
    manager = create_user(10)
    dummy_category.update_principal(manager, full_access=True)
    client = client_for(manager)
    url = url_for('plugin_oewg.manage_working_group', dummy_category)
    resp = post(client, url, VALID_WORKING_GROUP | {field: value})
    assert resp.status_code == 200
    assert message in resp.text
    assert WorkingGroup.query.count() == 0
    assert CategoryLogEntry.query.filter_by(category_id=dummy_category.id, module='OEWG').count() == 0


def test_bad_update_keeps_the_stored_working_group(dummy_working_group, create_user, client_for):
    manager = create_user(10)
    dummy_working_group.category.update_principal(manager, full_access=True)
    client = client_for(manager)
    resp = post(client, url_for('plugin_oewg.manage_working_group', dummy_working_group.category),
                 VALID_WORKING_GROUP | {'symbol_prefix': 'A/AC 294', 'name': 'Changed'})
    assert resp.status_code == 200
    db.session.expire_all()
    assert dummy_working_group.name == VALID_WORKING_GROUP['name']
    assert dummy_working_group.symbol_prefix == 'A/AC.294'


@pytest.mark.parametrize('who', ('anonymous', 'unrelated', 'event_manager'))
def test_only_category_managers_configure_working_group(dummy_category, create_user, client_for, oewg_event, who):
    user = None
    if who != 'anonymous':
        user = create_user(11)
    if who == 'event_manager':
        oewg_event.update_principal(user, full_access=True)
    client = client_for(user)
    url = url_for('plugin_oewg.manage_working_group', dummy_category)
    resp = client.get(url)
    assert resp.status_code in (302, 403) if who == 'anonymous' else resp.status_code == 403
    resp = client.post(url, data=VALID_WORKING_GROUP)
    assert resp.status_code in (302, 400, 403)
    assert get_working_group(dummy_category).contact_email == 'oewg-spacethreats@un.org'


def test_category_menu_has_oewg_entry(dummy_category, create_user, request_context):
    from flask import session
    session.set_session_user(create_user(10, admin=True))
    assert get_menu_item('category-management-sidemenu', 'oewg', category=dummy_category) is not None


# --- feature, permission, menu --------------------------------------------------------------------------------

def test_feature_only_offered_in_working_group_categories(create_event, create_category, dummy_working_group):
    other = create_event(1, category=create_category(43, title='Other meetings'))
    inside = create_event(2, category=dummy_working_group.category)
    assert not OEWGFeature.is_allowed_for_event(other)
    assert OEWGFeature.is_allowed_for_event(inside)


def test_enabling_feature_makes_event_a_session(create_event, dummy_working_group):
    event = create_event(2, title='Fifth session', category=dummy_working_group.category)
    assert not is_session(event)
    set_feature_enabled(event, 'oewg', True)
    assert 'oewg' in get_enabled_features(event)
    assert is_session(event)
    assert event.oewg_session.title == 'Fifth session'
    assert event in get_sessions(dummy_working_group)
    set_feature_enabled(event, 'oewg', False)
    assert event not in get_sessions(dummy_working_group)
    # switching it off keeps what the secretariat entered
    assert event.oewg_session is not None


def test_sessions_in_chronological_order(create_oewg_session, dummy_working_group):
    fourth = create_oewg_session('Fourth session', 4, (2023, 8, 28), (2023, 9, 1))
    first = create_oewg_session('First session', 1, (2022, 5, 9), (2022, 5, 13))
    assert get_sessions(dummy_working_group) == [first, fourth]


@pytest.mark.parametrize(('who', 'allowed'), (
    ('anonymous', False),
    ('unrelated', False),
    ('other_permission', False),
    ('secretariat', True),
    ('event_manager', True),
    ('admin', True),
))
def test_session_page_access(oewg_event, create_user, client_for, who, allowed):
    user = None
    if who != 'anonymous':
        user = create_user(12, admin=(who == 'admin'))
    if who == 'secretariat':
        oewg_event.update_principal(user, add_permissions={'oewg_secretariat'})
    elif who == 'other_permission':
        oewg_event.update_principal(user, add_permissions={'surveys'})
    elif who == 'event_manager':
        oewg_event.update_principal(user, full_access=True)
    resp = client_for(user).get(url_for('plugin_oewg.manage_session', oewg_event))
    if allowed:
        assert resp.status_code == 200
        assert 'Fourth session' in resp.text
        assert 'A/AC.294' in resp.text
    else:
        assert resp.status_code in (302, 403)


def test_session_page_404_while_feature_off(oewg_event, secretariat_user, client_for):
    client = client_for(secretariat_user)
    url = url_for('plugin_oewg.manage_session', oewg_event)
    assert client.get(url).status_code == 200
    set_feature_enabled(oewg_event, 'oewg', False)
    assert client.get(url).status_code == 404
    set_feature_enabled(oewg_event, 'oewg', True)
    assert client.get(url).status_code == 200


def test_every_plugin_event_url_requires_the_feature(app, oewg_event, create_user, client_for):
    """Every plugin URL of an event answers 404 while the feature is off, whoever asks."""
    set_feature_enabled(oewg_event, 'oewg', False)
    client = client_for(create_user(13, admin=True))
    rules = [rule for rule in app.url_map.iter_rules()
             if rule.endpoint.startswith('plugin_oewg.') and 'event_id' in rule.arguments]
    assert rules
    for rule in rules:
        values = dict.fromkeys(rule.arguments, 1) | {'event_id': oewg_event.id}
        url = app.url_map.bind('localhost').build(rule.endpoint, values)
        method = 'GET' if 'GET' in rule.methods else min(rule.methods - {'HEAD', 'OPTIONS'})
        assert client.open(url, method=method).status_code == 404, rule.rule


@pytest.mark.parametrize(('who', 'visible'), (
    ('secretariat', True),
    ('event_manager', True),
    ('other_permission', False),
))
def test_management_menu_entry(oewg_event, create_user, request_context, who, visible):
    from flask import session
    user = create_user(14)
    if who == 'secretariat':
        oewg_event.update_principal(user, add_permissions={'oewg_secretariat'})
    elif who == 'other_permission':
        oewg_event.update_principal(user, add_permissions={'surveys'})
    else:
        oewg_event.update_principal(user, full_access=True)
    session.set_session_user(user)
    assert (get_menu_item('event-management-sidemenu', 'oewg_overview', event=oewg_event) is not None) == visible
    set_feature_enabled(oewg_event, 'oewg', False)
    assert get_menu_item('event-management-sidemenu', 'oewg_overview', event=oewg_event) is None


def test_secretariat_permission_is_selectable():
    from indico.core.permissions import get_available_permissions
    from indico.modules.events.models.events import Event
    permission = get_available_permissions(Event)['oewg_secretariat']
    assert permission.user_selectable
    assert permission.friendly_name == 'OEWG secretariat'


# --- session settings -----------------------------------------------------------------------------------------

def test_secretariat_updates_session_settings(oewg_event, secretariat_user, client_for):
    client = client_for(secretariat_user)
    url = url_for('plugin_oewg.manage_session', oewg_event)
    resp = post(client, url, {'title': 'Fourth session', 'number': '4', 'room': 'Room XIX, E Building'})
    assert resp.status_code == 302
    assert oewg_event.oewg_session.room == 'Room XIX, E Building'
    entry = EventLogEntry.query.filter_by(event_id=oewg_event.id, module='OEWG').one()
    assert entry.summary == 'Session settings updated'
    assert entry.user == secretariat_user
    assert entry.data['Room'][:2] == ['Room XVIII, E Building', 'Room XIX, E Building']


@pytest.mark.parametrize(('data', 'message'), (
    ({'title': '', 'number': '4', 'room': ''}, 'This field is required'),
    ({'title': 'x' * 201, 'number': '4', 'room': ''}, 'Field cannot be longer than 200 characters'),
    ({'title': 'Fourth session', 'number': 'four', 'room': ''}, 'Not a valid integer value'),
    ({'title': 'Fourth session', 'number': '0', 'room': ''}, 'Number must be between 1 and 99'),
))
def test_bad_session_input_changes_nothing(oewg_event, secretariat_user, client_for, data, message):
    client = client_for(secretariat_user)
    resp = post(client, url_for('plugin_oewg.manage_session', oewg_event), data)
    assert resp.status_code == 200
    assert message in resp.text
    db.session.expire_all()
    assert oewg_event.oewg_session.title == 'Fourth session'
    assert oewg_event.oewg_session.number == 4
    assert EventLogEntry.query.filter_by(event_id=oewg_event.id, module='OEWG').count() == 0


def test_event_not_in_working_group_category(create_event, create_category, create_user, client_for):
    event = create_event(3, category=create_category(44, title='Elsewhere'))
    set_feature_enabled(event, 'oewg', True)  # e.g. the category was configured and then moved away
    client = client_for(create_user(15, admin=True))
    assert client.get(url_for('plugin_oewg.manage_session', event)).status_code == 404


def test_event_manage_link_takes_secretariat_to_session_overview(oewg_event, secretariat_user, create_user,
                                                                  client_for):
    """The secretariat does not manage the whole event: Indico's "Manage" link sends them to the OEWG overview."""
    manage_url = url_for('event_management.settings', oewg_event)
    resp = client_for(secretariat_user).get(manage_url)
    assert resp.status_code == 302
    assert resp.location.endswith(url_for('plugin_oewg.manage_session', oewg_event))
    assert client_for(create_user(77)).get(manage_url).status_code == 403
    set_feature_enabled(oewg_event, 'oewg', False)
    assert client_for(secretariat_user).get(manage_url).status_code == 403
