# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""The plugin's stylesheet reaches the plugin's pages and the registration pages, and nothing else of Indico's; the
plugin's pages mark their own content (``.oewg-page``), which the stylesheet and the axe test are scoped to.
"""

import json
from pathlib import Path

import pytest

from indico.modules.events.features.util import set_feature_enabled
from indico.web.flask.util import url_for

import indico_oewg


pytestmark = [pytest.mark.usefixtures('db'),
              pytest.mark.filterwarnings('ignore:The `context` parameter is deprecated:DeprecationWarning')]

DIST = Path(indico_oewg.__file__).parent / 'static' / 'dist'


def _stylesheet_url():
    return json.loads((DIST / 'manifest.json').read_text())['main.css']


def test_manifest_points_to_the_committed_stylesheet(test_client):
    url = _stylesheet_url()
    assert url.startswith('/static/plugins/oewg/dist/css/main.')
    path = DIST / url.removeprefix('/static/plugins/oewg/dist/')
    css = path.read_text()
    assert '.oewg-page:not(#oewg-scope)' in css
    assert '.oewg-delegation:not(#oewg-scope)' in css
    resp = test_client.get(url)
    assert resp.status_code == 200
    assert resp.get_data() == path.read_bytes()
    resp.close()


def test_stylesheet_on_the_plugins_pages_and_the_registration_form(oewg_event, dummy_working_group, dummy_regform,
                                                                   client_for, create_user):
    admin = create_user(1, email='admin@example.org', admin=True)
    set_feature_enabled(dummy_regform.event, 'registration', True)
    link = f'<link rel="stylesheet" href="{_stylesheet_url()}"'
    client = client_for(admin)
    for url in (url_for('plugin_oewg.manage_session', oewg_event),
                url_for('plugin_oewg.manage_statements', oewg_event),
                url_for('plugin_oewg.manage_observers', oewg_event),
                url_for('plugin_oewg.manage_delegations', oewg_event),
                url_for('plugin_oewg.statements', oewg_event),
                url_for('plugin_oewg.observers', oewg_event),
                url_for('plugin_oewg.manage_working_group', dummy_working_group.category),
                url_for('plugin_oewg.working_group_statements', dummy_working_group.category)):
        resp = client.get(url)
        assert resp.status_code == 200, url
        assert link in resp.text, url
        assert '<div class="oewg-page">' in resp.text, url
    for url in (url_for('event_registration.display_regform', dummy_regform),
                url_for('event_registration.modify_regform', dummy_regform)):
        resp = client.get(url)
        assert resp.status_code == 200, url
        assert link in resp.text, url
    # Indico's own pages keep their look
    for url in (url_for('events.display', oewg_event), url_for('event_management.settings', oewg_event),
                url_for('categories.display', dummy_working_group.category)):
        resp = client.get(url)
        assert resp.status_code == 200, url
        assert _stylesheet_url() not in resp.text, url
