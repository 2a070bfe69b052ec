# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""How the observers pages are built: on every type of session, Indico's lists, dialogs and confirmations, no raw
ids in titles, links marked by more than colour, the exports and documents in one language.
"""

import csv
from datetime import timedelta
from io import BytesIO, StringIO

import lxml.html
import pytest
from docx import Document
from pypdf import PdfReader

from indico.modules.events.models.events import EventType
from indico.modules.logs.models.entries import EventLogEntry
from indico.util.date_time import now_utc
from indico.web.flask.util import url_for

from indico_oewg.observers.models.organizations import OrganizationKind
from indico_oewg.observers.models.requests import ObserverRequest, RequestState
from indico_oewg.observers.operations import (ask_for_information, close_period, confirm_request, merge_organization,
                                              open_period, record_objection)
from indico_oewg.observers.settings import observer_settings


pytestmark = pytest.mark.usefixtures('db')


def _html(resp):
    assert resp.status_code == 200, resp.status_code
    return lxml.html.fromstring(resp.json['html'] if resp.is_json else resp.text)


def _content(doc):
    """The page's own content (not Indico's frame around it)."""
    [content] = doc.xpath('//div[contains(@class, "page-content")]') or doc.xpath('//body')
    return content


# --- every public page on every type of session -------------------------------------------------------------------

@pytest.mark.parametrize('type_', (EventType.conference, EventType.meeting, EventType.lecture))
def test_public_pages_work_on_every_type_of_session(create_oewg_session, make_organization, make_request,
                                                    requester, secretariat_user, client_for, type_):
    event = create_oewg_session('Fifth session', 5, start=(2024, 1, 8), end=(2024, 1, 12), type_=type_)
    accredited = make_request(make_organization('Union of Space Agencies', OrganizationKind.standing_invitation),
                              event=event)
    confirm_request(accredited, secretariat_user, notify=False)
    req = make_request(make_organization('Orbital Research Network'), event=event)

    public = client_for(None)
    page = public.get(url_for('plugin_oewg.observers', event))
    assert page.status_code == 200
    assert 'Union of Space Agencies' in page.text
    assert 'Send a request' in page.text
    assert public.get(url_for('plugin_oewg.observers_json', event)).json['organizations'][0]['name'] == \
        'Union of Space Agencies'

    client = client_for(requester)
    for endpoint, text in (('observer_request_new', 'Request accreditation as an observer'),
                           ('observer_request', 'Orbital Research Network'),
                           ('observer_request_edit', 'Complete the request')):
        resp = client.get(url_for(f'plugin_oewg.{endpoint}', req if endpoint != 'observer_request_new' else event))
        assert resp.status_code == 200, endpoint
        assert text in resp.text, endpoint
    with client.get(url_for('plugin_oewg.observer_file', req, file_id=req.letter_file_id)) as resp:
        assert resp.status_code == 200
    if type_ == EventType.conference:
        assert 'Observers' in page.text  # the entry of the conference menu
    else:
        # a meeting or lecture has no menu: the page is the meeting page with the plugin's content in it
        assert 'meeting-page' in page.text or 'event-wrapper' in page.text


# --- the request page: Indico's action box and dialogs ------------------------------------------------------------

DIALOGS = ('observer_ask_information', 'observer_decline', 'observer_edit_organization', 'observer_merge')


def test_request_page_opens_its_actions_in_dialogs(oewg_event, make_organization, make_request, secretariat_user,
                                                   client_for):
    req = make_request(make_organization('Orbital Research Network'))
    client = client_for(secretariat_user)
    content = _content(_html(client.get(url_for('plugin_oewg.manage_observer_request', req))))
    # no form stacked on the page: each action is a button of the action box
    assert not content.xpath('.//form')
    box = content.xpath('.//div[contains(@class, "action-box")]')[0]
    for endpoint in DIALOGS:
        [button] = box.xpath(f'.//button[@data-href="{url_for(f"plugin_oewg.{endpoint}", req)}"]')
        assert button.get('data-ajax-dialog') is not None, endpoint
        assert button.get('data-reload-after') is not None
        assert button.get('data-title')
    [confirm] = box.xpath(f'.//button[@data-href="{url_for("plugin_oewg.observer_confirm", req)}"]')
    assert confirm.get('data-method') == 'POST'
    assert 'Orbital Research Network' in confirm.get('data-confirm')
    # each dialog is Indico's form, which posts back to its own address
    for endpoint in DIALOGS:
        dialog = _html(client.get(url_for(f'plugin_oewg.{endpoint}', req)))
        [form] = dialog.xpath('//form')
        assert not form.get('action'), endpoint
        assert form.xpath('.//input[@type="submit"]')


def test_decline_dialog_asks_for_confirmation(oewg_event, make_organization, make_request, secretariat_user,
                                              client_for):
    req = make_request(make_organization('Orbital Research Network'))
    dialog = _html(client_for(secretariat_user).get(url_for('plugin_oewg.observer_decline', req)))
    text = dialog.text_content()
    assert 'Decline the request of Orbital Research Network?' in text
    assert 'cannot be reopened' in text
    [checkbox] = dialog.xpath('//input[@type="checkbox"][@name="confirm"]')
    assert checkbox.get('checked') is None
    assert dialog.xpath('//input[@type="submit"]/@value') == ['Decline the request']


def test_revoking_an_accreditation_is_an_action_icon_with_a_dialog(oewg_event, make_organization, make_request,
                                                                  secretariat_user, client_for):
    req = make_request(make_organization('Union of Space Agencies', OrganizationKind.standing_invitation))
    confirm_request(req, secretariat_user, notify=False)
    client = client_for(secretariat_user)
    content = _content(_html(client.get(url_for('plugin_oewg.observer_accreditations', oewg_event))))
    assert not content.xpath('.//form')
    url = url_for('plugin_oewg.observer_revoke', oewg_event, accreditation_id=req.accreditation.id)
    [icon] = content.xpath(f'.//a[@data-href="{url}"]')
    assert 'action-icon' in icon.get('class') and 'icon-remove' in icon.get('class')
    assert icon.get('data-ajax-dialog') is not None
    dialog = _html(client.get(url))
    assert 'Revoke the accreditation of Union of Space Agencies' in dialog.text_content()
    assert dialog.xpath('//textarea[@name="reason"]')


# --- Indico's management lists -------------------------------------------------------------------------------------

def test_review_queue_is_a_full_width_list_with_a_toolbar(oewg_event, make_organization, make_request,
                                                          secretariat_user, client_for):
    make_request(make_organization('Orbital Research Network'))
    doc = _html(client_for(secretariat_user).get(url_for('plugin_oewg.manage_observers', oewg_event)))
    # as Indico's own lists (registrations, contributions): the page uses the whole width
    assert doc.xpath('//div[contains(@class, "full-width-content-wrapper")]//table[contains(@class, "i-table-widget")]')
    [toolbars] = doc.xpath('//form[contains(@class, "toolbars")]')
    assert toolbars.xpath('.//select[@name="state"]') and toolbars.xpath('.//select[@name="kind"]')
    export = toolbars.xpath('.//ul[contains(@class, "i-dropdown")]//a/@href')
    assert export == [url_for('plugin_oewg.observer_export', oewg_event, format=fmt) for fmt in ('csv', 'xlsx')]
    # the status labels and dates do not wrap
    [status] = doc.xpath('//table//span[contains(@class, "i-tag")]/..')
    assert 'small-column' in status.get('class')


def test_numbered_lists_stay_inside_the_content_column(oewg_event, make_organization, make_request,
                                                       secretariat_user, client_for):
    req = make_request(make_organization('Orbital Research Network'))
    confirm_request(req, secretariat_user, notify=False)
    client = client_for(secretariat_user)
    for endpoint in ('observer_period', 'observer_lists'):
        lists = _content(_html(client.get(url_for(f'plugin_oewg.{endpoint}', oewg_event)))).xpath('.//ol')
        assert lists, endpoint
        # Indico resets the padding of lists; Semantic UI's list (loaded on every page) gives the numbers room
        assert all({'ui', 'list'} <= set(ol.get('class').split()) for ol in lists), endpoint


# --- what every page keeps to ---------------------------------------------------------------------------------------

@pytest.fixture
def every_page(oewg_event, make_organization, make_request, secretariat_user, requester, smtp):
    """The observers pages of a session with data on all of them, and who sees each."""
    accredited = make_request(make_organization('Union of Space Agencies', OrganizationKind.standing_invitation,
                                                website='https://usa.example.org'))
    confirm_request(accredited, secretariat_user, notify=False)
    considered = make_request(make_organization('Orbital Research Network'))
    confirm_request(considered, secretariat_user, notify=False)
    pending = make_request(make_organization('Pending Foundation'))
    ask_for_information(pending, 'Your statute, please.', secretariat_user, notify=False)
    open_period(oewg_event, now_utc() + timedelta(days=2), secretariat_user)
    management = [url_for(f'plugin_oewg.{endpoint}', oewg_event)
                  for endpoint in ('manage_observers', 'observer_period', 'observer_lists', 'observer_accreditations',
                                   'observer_registry', 'observer_settings')]
    management += [url_for('plugin_oewg.manage_observer_request', r) for r in (accredited, considered, pending)]
    management += [url_for(f'plugin_oewg.{endpoint}', pending) for endpoint in DIALOGS]
    display = [url_for('plugin_oewg.observers', oewg_event), url_for('plugin_oewg.observer_request_new', oewg_event)]
    display += [url_for('plugin_oewg.observer_request', pending), url_for('plugin_oewg.observer_request_edit', pending)]
    return [(secretariat_user, url) for url in management] + [(requester, url) for url in display]


def test_pages_have_no_inline_scripts_or_styles(every_page, client_for):
    for user, url in every_page:
        content = _content(_html(client_for(user).get(url)))
        for attribute in ('style', 'onsubmit', 'onclick'):
            assert not content.xpath(f'.//*[@{attribute}]'), (url, attribute)
        assert not content.xpath('.//script[not(@src)]'), url


def test_links_in_running_text_are_underlined(every_page, client_for):
    """Links inside sentences are not marked by their colour alone (WCAG 1.4.1)."""
    for user, url in every_page:
        content = _content(_html(client_for(user).get(url)))
        for link in content.xpath('.//p//a[not(contains(@class, "i-button"))] | .//dd//a'):
            # (Indico's a:link rule beats its .underline class on the link itself: the text inside carries it)
            assert link.xpath('./span[contains(concat(" ", @class, " "), " underline ")]'), (url, link.text_content())


def test_titles_name_requests_by_organization_and_session(every_page, oewg_event, client_for, make_organization,
                                                          make_request, secretariat_user):
    for user, url in every_page:
        doc = _html(client_for(user).get(url))
        for title in doc.xpath('//h1 | //h2 | //h3 | //title'):
            assert '#' not in title.text_content(), (url, title.text_content())
    pending = ObserverRequest.query.filter_by(state=RequestState.info_requested).one()
    doc = _html(client_for(secretariat_user).get(url_for('plugin_oewg.manage_observer_request', pending)))
    assert doc.xpath('//h2[normalize-space()="Request of Pending Foundation for the Fourth session"]')
    # the registry names a session's requests by the session, not by their ids
    duplicate = make_organization('Union of Space Agencies (duplicate)')
    merge_organization(duplicate, make_organization('Another Union'), oewg_event, secretariat_user)
    registry = _content(_html(client_for(secretariat_user).get(url_for('plugin_oewg.observer_registry',
                                                                       oewg_event))))
    assert '#' not in registry.text_content()
    assert registry.xpath('.//a[normalize-space()="Fourth session"]')
    for entry in EventLogEntry.query.filter_by(event_id=oewg_event.id):
        assert '#' not in entry.summary, entry.summary
        assert '#' not in str(entry.data), entry.data


# --- placeholders ----------------------------------------------------------------------------------------------------

def test_settings_show_the_placeholders_as_indico_does(oewg_event, secretariat_user, client_for):
    doc = _html(client_for(secretariat_user).get(url_for('plugin_oewg.observer_settings', oewg_event)))
    for field in ('accredited_body', 'not_accredited_body'):
        [row] = doc.xpath(f'//textarea[@name="{field}"]/ancestor::div[contains(@class, "form-group")][1]')
        codes = row.xpath('.//code[contains(@class, "placeholder")]/text()')
        assert codes == ['{event_url}', '{organization}', '{requester}', '{session}', '{working_group}']
        assert 'The name of the organization' in row.text_content()
    assert 'organisation' not in doc.text_content().lower()


# --- exports and documents -------------------------------------------------------------------------------------------

def test_csv_exports_show_dates_in_the_session_timezone_and_kinds_by_title(oewg_event, make_organization,
                                                                            make_request, secretariat_user,
                                                                            client_for, smtp):
    req = make_request(make_organization('Orbital Research Network', OrganizationKind.commercial))
    confirm_request(req, secretariat_user, notify=False)
    period = open_period(oewg_event, now_utc() + timedelta(days=2), secretariat_user)
    record_objection(period, req, 'FRA', '', secretariat_user)
    close_period(period, secretariat_user, notify=False)
    client = client_for(secretariat_user)
    local = lambda dt: dt.astimezone(oewg_event.tzinfo).strftime('%Y-%m-%d %H:%M')
    [row] = csv.DictReader(StringIO(client.get(url_for('plugin_oewg.observer_export', oewg_event,
                                                       format='csv')).text))
    assert row['Submitted'] == local(req.submitted_dt)
    assert row['Decided'] == local(req.decided_dt)
    assert row['Kind'] == '(e) Commercial actor'
    [row] = csv.DictReader(StringIO(client.get(url_for('plugin_oewg.observer_objections_report', oewg_event)).text))
    assert row['Recorded'] == local(req.objections[0].created_dt)


def test_the_chairs_lists_are_in_english_whatever_the_page_language(oewg_event, make_organization, make_request,
                                                                    secretariat_user, client_for):
    req = make_request(make_organization('Orbital Research Network', name_fr='Réseau de recherche orbitale'))
    confirm_request(req, secretariat_user, notify=False)
    client = client_for(secretariat_user)
    with client.session_transaction() as sess:
        sess.lang = 'fr_FR'
    page = client.get(url_for('plugin_oewg.observer_lists', oewg_event)).text
    assert 'DOCX (anglais)' in page and 'PDF (anglais)' in page
    docx = client.get(url_for('plugin_oewg.observer_lists_document', oewg_event, format='docx'))
    document = Document(BytesIO(docx.data))
    assert document.core_properties.language == 'en-GB'
    docx_text = '\n'.join(p.text for p in document.paragraphs)
    pdf = client.get(url_for('plugin_oewg.observer_lists_document', oewg_event, format='pdf'))
    pdf_text = ' '.join(' '.join(page.extract_text() for page in PdfReader(BytesIO(pdf.data)).pages).split())
    for text in (' '.join(docx_text.split()), pdf_text):
        assert '28 August – 1 September 2023' in text
        assert 'for consideration on a no-' in text  # (the PDF breaks the line after the hyphen)
        assert 'Orbital Research Network' in text
        for french in ('août', 'Liste', 'Aucune', 'Réseau'):
            assert french not in text


def test_public_page_names_organizations_in_its_language(oewg_event, make_organization, make_request,
                                                         secretariat_user, client_for):
    req = make_request(make_organization('Union of Space Agencies', OrganizationKind.standing_invitation,
                                         name_fr='Union des agences spatiales', acronym='USA'))
    confirm_request(req, secretariat_user, notify=False)
    client = client_for(None)
    assert 'Union of Space Agencies (USA)' in client.get(url_for('plugin_oewg.observers', oewg_event)).text
    with client.session_transaction() as sess:
        sess.lang = 'fr_FR'
    text = client.get(url_for('plugin_oewg.observers', oewg_event)).text
    assert 'Union des agences spatiales (USA)' in text
    assert 'Union of Space Agencies' not in text


def test_outcome_placeholders_are_indicos_in_un_spelling(oewg_event, make_organization, make_request,
                                                         secretariat_user, smtp):
    assert '{organization}' in observer_settings.get(oewg_event.category, 'accredited_body')
    # only the placeholders are replaced: braces of any other kind stay as they are (no Python formatting of what
    # the secretariat typed)
    observer_settings.set(oewg_event.category, 'accredited_body',
                          'Dear {requester}, {organization} is in. Fees: {0} {requester.__class__} { none.')
    req = make_request(make_organization('Union of Space Agencies', OrganizationKind.standing_invitation))
    confirm_request(req, secretariat_user)
    assert req.state == RequestState.accredited
    [mail] = smtp.outbox
    assert 'Union of Space Agencies' in mail['Subject'] and '{' not in mail['Subject']
    assert ('Dear Rita Requester, Union of Space Agencies is in. Fees: {0} {requester.__class__} { none.'
            in mail.get_payload(decode=True).decode())
