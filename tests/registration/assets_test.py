# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

import json
from pathlib import Path

import pytest

from indico.web.flask.util import url_for

import indico_oewg


pytestmark = [pytest.mark.usefixtures('db'),
              pytest.mark.filterwarnings('ignore:The `context` parameter is deprecated:DeprecationWarning')]

DIST = Path(indico_oewg.__file__).parent / 'static' / 'dist'


def _bundle_url():
    return json.loads((DIST / 'manifest.json').read_text())['main.js']


def test_manifest_points_to_the_committed_bundle(test_client):
    url = _bundle_url()
    assert url.startswith('/static/plugins/oewg/dist/js/main.')
    path = DIST / url.removeprefix('/static/plugins/oewg/dist/')
    assert path.is_file()
    code = path.read_text()
    assert 'ext__oewg_delegation' in code
    assert 'regformCustomFields' in code
    resp = test_client.get(url)
    assert resp.status_code == 200
    assert resp.get_data() == path.read_bytes()
    resp.close()


def test_bundle_on_every_registration_page(oewg_regform, create_delegation_field, create_user, register,
                                           client_for):
    field = create_delegation_field(oewg_regform)
    delegate = create_user(30, email='lagos@example.org')
    register(delegate, oewg_regform, field, {'representation': 'member_state', 'delegation': 'JPN', 'role': 'head'})
    manager = create_user(20, email='manager@example.org')
    oewg_regform.event.update_principal(manager, full_access=True)
    registration = oewg_regform.registrations[0]
    script = f'<script src="{_bundle_url()}"></script>'

    client = client_for(manager)
    for url in (url_for('event_registration.manage_regform', oewg_regform),
                url_for('event_registration.modify_regform', oewg_regform),
                url_for('event_registration.manage_reglist', oewg_regform),
                url_for('event_registration.registration_details', registration),
                url_for('event_registration.edit_registration', registration),
                url_for('event_registration.display_regform', oewg_regform)):
        resp = client.get(url)
        assert resp.status_code == 200, (url, resp.headers.get('Location'))
        assert script in resp.text, url
    client = client_for(delegate)
    resp = client.get(url_for('event_registration.display_regform', oewg_regform))
    assert script in resp.text
    # the registration summary shows the delegation readably
    assert 'Japan (Member State) — Head of delegation' in resp.text
    # someone not yet registered gets the form with the field and its choices
    resp = client_for(create_user(31, email='new@example.org')).get(
        url_for('event_registration.display_regform', oewg_regform))
    assert script in resp.text
    assert 'ext__oewg_delegation' in resp.text
    assert 'Non-member observer State' in resp.text


def test_bundle_not_on_other_pages(oewg_event, client_for, create_user):
    manager = create_user(20, email='manager@example.org')
    oewg_event.update_principal(manager, full_access=True)
    resp = client_for(manager).get(url_for('event_management.settings', oewg_event))
    assert resp.status_code == 200, resp.headers.get('Location')
    assert _bundle_url() not in resp.text


def test_representations_come_from_the_server(oewg_plugin, request_context):
    """The field's script reads the representations from Indico's vars.js, in every locale: one source of titles."""
    from indico.web.flask.templating import call_template_hook

    from indico_oewg.delegations import Representation
    code = str(call_template_hook('vars-js'))
    prefix = 'var OewgPlugin = '
    start = code.index(prefix) + len(prefix)
    data, __ = json.JSONDecoder().raw_decode(code[start:])
    representations = data['representations']
    assert [r['value'] for r in representations['en_GB']] == [rep.value for rep in Representation]
    assert representations['en_GB'][1] == {'value': 'observer_state', 'text': 'Non-member observer State',
                                           'isState': True}
    assert representations['fr_FR'][1]['text'] == 'État non membre observateur'
    assert not representations['fr_FR'][2]['isState']
    # the bundle holds no title of its own
    bundle = (DIST / _bundle_url().removeprefix('/static/plugins/oewg/dist/')).read_text()
    assert 'Non-member observer State' not in bundle
    assert 'OewgPlugin' in bundle
