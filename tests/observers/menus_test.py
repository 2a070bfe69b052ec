# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""Where the observers pages are linked from: management menu, session overview, public pages."""

import pytest

from indico.modules.events.models.events import EventType
from indico.web.flask.util import url_for
from indico.web.menu import get_menu_item


pytestmark = pytest.mark.usefixtures('db')


@pytest.mark.parametrize(('who', 'visible'), (('secretariat', True), ('manager', True), ('other', False)))
def test_management_menu_entry(oewg_event, create_user, request_context, who, visible):
    from flask import session
    user = create_user(15)
    if who == 'secretariat':
        oewg_event.update_principal(user, add_permissions={'oewg_secretariat'})
    elif who == 'manager':
        oewg_event.update_principal(user, full_access=True)
    else:
        oewg_event.update_principal(user, add_permissions={'surveys'})
    session.set_session_user(user)
    item = get_menu_item('event-management-sidemenu', 'oewg_observers', event=oewg_event)
    assert (item is not None) == visible
    if visible:
        assert item.section == 'oewg'
        assert item.url == url_for('plugin_oewg.manage_observers', oewg_event)


def test_session_overview_links_to_the_observers_pages(oewg_event, secretariat_user, client_for):
    text = client_for(secretariat_user).get(url_for('plugin_oewg.manage_session', oewg_event)).text
    for endpoint in ('manage_observers', 'observer_period', 'observer_lists'):
        assert url_for(f'plugin_oewg.{endpoint}', oewg_event) in text


def test_conference_menu_links_to_the_observers_page(oewg_event, client_for):
    text = client_for(None).get(url_for('events.display', oewg_event)).text
    assert url_for('plugin_oewg.observers', oewg_event) in text


def test_meeting_page_links_to_the_observers_page(create_oewg_session, client_for):
    meeting = create_oewg_session('Fifth session', 5, start=(2024, 1, 8), end=(2024, 1, 12), type_=EventType.meeting)
    resp = client_for(None).get(url_for('events.display', meeting))
    assert resp.status_code == 200
    assert url_for('plugin_oewg.observers', meeting) in resp.text
    # and the observers page itself renders in the meeting layout
    assert client_for(None).get(url_for('plugin_oewg.observers', meeting)).status_code == 200
