# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""Indico accepts what the demo seeds: as admin, every page of every seeded session answers without a server error.

Indico's own pages are opened by name (event page, timetable, contributions, registration forms, registrant lists,
every registration's details and edit form, participant list, protection, logs); the plugin's pages are found by
following the links of its pages, and every page of the plugin must have been reached. In Indico's testing mode an
error in a page raises here, so a broken page fails the test with its traceback.
"""

import re
from collections import deque
from urllib.parse import urljoin, urlsplit

import pytest
from werkzeug.exceptions import HTTPException

from indico.modules.events.registration.models.forms import RegistrationForm
from indico.modules.users.util import get_user_by_email
from indico.web.flask.util import url_for

from demo.maildomain import address
from demo.seed import seed


pytestmark = [pytest.mark.usefixtures('db', 'request_context'),
              pytest.mark.filterwarnings('ignore:The `context` parameter is deprecated:DeprecationWarning')]

#: the plugin's GET pages that no link leads to (opened directly): JSON, feeds, the Chair's list documents
DIRECT = ('statements_json', 'statements_atom', 'working_group_statements_json', 'working_group_statements_atom',
          'observers_json')
#: values of URL parts that are not ids of seeded objects
FORMATS = {'observer_export': ('csv', 'xlsx'), 'observer_lists_document': ('pdf', 'docx')}
LINK = re.compile(r'''(?:href|src|action|data-href|data-url)=["']([^"'#]+)''')
#: a bound on the crawl (the demo has about 600 plugin URLs)
MAX_REQUESTS = 3000


def _indico_pages(event):
    """Indico's own pages of a session, by endpoint."""
    urls = [url_for('events.display', event), url_for('timetable.timetable', event),
            url_for('contributions.contribution_list', event), url_for('event_registration.display_regform_list',
                                                                       event),
            url_for('event_registration.participant_list', event),
            url_for('event_registration.api_participant_list', event),
            url_for('event_management.settings', event), url_for('event_management.protection', event),
            url_for('timetable.management', event), url_for('contributions.manage_contributions', event),
            url_for('event_registration.manage_regform_list', event),
            url_for('logs.event', event), url_for('logs.api_event_logs', event)]
    for regform in RegistrationForm.query.filter_by(event_id=event.id, is_deleted=False):
        urls += [url_for('event_registration.display_regform', regform),
                 url_for('event_registration.manage_regform', regform),
                 url_for('event_registration.modify_regform', regform),
                 url_for('event_registration.manage_reglist', regform)]
        for registration in regform.registrations:
            urls += [url_for('event_registration.registration_details', registration),
                     url_for('event_registration.edit_registration', registration)]
    return urls


def _plugin_start_pages(app, ctx):
    """The plugin's pages reached from Indico's (menus, the category page) and those no link leads to."""
    urls = [url_for('categories.display', ctx['working_group'].category)]
    for rule in app.url_map.iter_rules():
        if not rule.endpoint.startswith('plugin_oewg.') or 'GET' not in rule.methods:
            continue
        name = rule.endpoint.removeprefix('plugin_oewg.')
        if rule.arguments == {'category_id'}:
            urls.append(url_for(rule.endpoint, ctx['working_group'].category))
        elif rule.arguments <= {'event_id', 'format'} and (rule.arguments == {'event_id'} or name in FORMATS):
            urls.extend(url_for(rule.endpoint, event, **({'format': fmt} if fmt else {}))
                        for event in ctx['sessions'].values() for fmt in FORMATS.get(name, (None,)))
    return urls


def _plugin_endpoint(adapter, url):
    try:
        endpoint, __ = adapter.match(urlsplit(url).path, method='GET')
    except HTTPException:
        return None
    return endpoint if endpoint.startswith('plugin_oewg.') else None


def _open(client, url):
    resp = client.get(url)
    assert resp.status_code < 500, (url, resp.status_code)
    return resp


def _crawl(client, adapter, urls, reached):
    """Open the URLs and every plugin page their pages link to; add the plugin endpoints reached to ``reached``."""
    queue = deque(urls)
    seen = set()
    while queue:
        url = queue.popleft()
        if url in seen:
            continue
        seen.add(url)
        assert len(seen) <= MAX_REQUESTS
        resp = _open(client, url)
        if endpoint := _plugin_endpoint(adapter, url):
            reached.add(endpoint.removeprefix('plugin_oewg.'))
        if resp.mimetype != 'text/html':
            resp.close()  # a file download streams from the storage until closed
            continue
        for link in LINK.findall(resp.get_data(as_text=True)):
            target = urljoin(url, link.replace('&amp;', '&'))
            parts = urlsplit(target)
            if parts.netloc not in ('', 'localhost'):
                continue
            target = parts.path + (f'?{parts.query}' if parts.query else '')
            if target not in seen and _plugin_endpoint(adapter, target):
                queue.append(target)


def test_indico_and_the_plugin_accept_the_seeded_demo(app, oewg_plugin, client_for):
    with oewg_plugin.plugin_context():
        ctx = seed()
    sessions = list(ctx['sessions'].values())
    assert sum(event.registrations.count() for event in sessions) >= 30

    client = client_for(ctx['users']['admin'])
    opened = 0
    for event in sessions:
        for url in _indico_pages(event):
            _open(client, url)
            opened += 1
    assert opened > 100

    # the plugin's pages: everything its pages link to, from the pages Indico's menus lead to; as admin, then as
    # the requester of the sample observer requests (the pages of one's own requests)
    adapter = app.url_map.bind('localhost')
    reached = set()
    _crawl(client, adapter, _plugin_start_pages(app, ctx), reached)
    requester = get_user_by_email(address('requester'))
    _crawl(client_for(requester), adapter, [url_for('plugin_oewg.observers', event) for event in sessions], reached)
    # and as the demo delegate, on the pages where their delegation inscribes on the lists of speakers
    # (imported late: the plugin's models are all mapped only once the app is loaded)
    from indico_oewg.speakers import api as speakers_api
    _crawl(client_for(ctx['users']['delegate']), adapter,
           [speakers_api.get_inscription_url(lst) for event in sessions for lst in speakers_api.get_lists(event)],
           reached)

    pages = {rule.endpoint.removeprefix('plugin_oewg.') for rule in app.url_map.iter_rules()
             if rule.endpoint.startswith('plugin_oewg.') and 'GET' in rule.methods}
    pages.discard('static')  # the plugin's static files (its JavaScript), not a page
    assert set(DIRECT) <= pages
    assert pages - reached == set()
