# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

import json
from datetime import timedelta

import pytest

from indico.modules.events.registration.models.registrations import Registration, RegistrationState
from indico.modules.logs.models.entries import EventLogEntry
from indico.web.flask.util import url_for

from indico_oewg.delegations import Delegation


def add_focal_points(event, code, users, user=None):
    """Name focal points of a State (ISO3 code) or an organization (its id)."""
    # (imported late: the plugin's models are all mapped only once the app is loaded)
    from indico_oewg.registration.operations import add_focal_points
    delegation = Delegation.for_organization(code) if isinstance(code, int) else Delegation.for_state(code)
    return add_focal_points(event, delegation, users, user)


pytestmark = [pytest.mark.usefixtures('db'),
              pytest.mark.filterwarnings('ignore:The `context` parameter is deprecated:DeprecationWarning')]


@pytest.fixture
def delegations(oewg_regform, create_delegation_field, create_user, register, accredited_organizations):
    """Registrations for Japan (2), France (1) and ESA (1); the focal point of Japan."""
    field = create_delegation_field(oewg_regform)
    people = {}
    for n, (key, value) in enumerate((
        ('jp_head', {'representation': 'member_state', 'delegation': 'JPN', 'role': 'head'}),
        ('jp_expert', {'representation': 'member_state', 'delegation': 'JPN', 'role': 'expert'}),
        ('fr_head', {'representation': 'member_state', 'delegation': 'FRA', 'role': 'head'}),
        ('esa', {'representation': 'igo', 'delegation': str(accredited_organizations['ESA'].id),
                 'role': 'representative'}),
    )):
        user = create_user(100 + n, first_name=key, last_name='Sample', email=f'{key}@example.org')
        assert register(user, oewg_regform, field, value).status_code == 200
        people[key] = Registration.query.filter_by(registration_form=oewg_regform, user=user).one()
    focal = create_user(200, first_name='Fumiko', last_name='Focal', email='focal@example.org')
    add_focal_points(oewg_regform.event, 'JPN', [focal])
    return field, people, focal


def test_secretariat_names_and_removes_focal_points(oewg_event, secretariat_user, create_user, client_for,
                                                    accredited_organizations):
    focal = create_user(200, first_name='Fumiko', last_name='Focal', email='focal@example.org')
    client = client_for(secretariat_user)
    url = url_for('plugin_oewg.manage_delegations', oewg_event)
    resp = client.get(url)
    assert resp.status_code == 200
    assert 'No focal point has been named' in resp.text
    dialog_url = url_for('plugin_oewg.add_focal_points', oewg_event)
    assert f'data-href="{dialog_url}"' in resp.text
    resp = client.get(dialog_url)
    assert resp.status_code == 200
    assert 'European Space Agency (ESA)' in resp.json['html']  # an accredited organization is offered
    assert 'Not Accredited Institute' not in resp.json['html']
    resp = client.post(dialog_url, data={'delegation': 'state:JPN', 'users': json.dumps([focal.identifier]),
                                         'csrf_token': client.csrf_token})
    assert resp.status_code == 200, resp.text[:3000]
    assert resp.json['success']
    from indico_oewg.registration.models.focal_points import FocalPoint
    focal_point = FocalPoint.query.filter_by(event_id=oewg_event.id).one()
    assert (focal_point.state, focal_point.user) == ('JPN', focal)
    log = EventLogEntry.query.filter_by(event_id=oewg_event.id, module='OEWG').one()
    assert log.summary == 'Focal points named for Japan'
    assert 'Fumiko Focal' in client.get(url).text
    # an unknown delegation, or an organization not accredited, changes nothing
    for bad in ('state:XYZ', 'JPN', f'organization:{accredited_organizations["NAI"].id}'):
        resp = client.post(dialog_url, data={'delegation': bad, 'users': json.dumps([focal.identifier]),
                                             'csrf_token': client.csrf_token})
        assert resp.status_code == 200
        assert not resp.json.get('success')
        assert 'Not a valid choice' in resp.json['html']
    assert FocalPoint.query.filter_by(event_id=oewg_event.id).count() == 1
    # an organization's focal point
    resp = client.post(dialog_url, data={'delegation': f'organization:{accredited_organizations["ESA"].id}',
                                         'users': json.dumps([focal.identifier]), 'csrf_token': client.csrf_token})
    assert resp.json['success']
    esa_focal_point = FocalPoint.query.filter_by(event_id=oewg_event.id, state=None).one()
    assert esa_focal_point.delegation == Delegation.for_organization(accredited_organizations['ESA'])
    # removed with Indico's confirm-and-POST button
    page = client.get(url).text
    remove_url = url_for('plugin_oewg.remove_focal_point', oewg_event, focal_point_id=focal_point.id)
    assert f'data-href="{remove_url}"' in page
    assert 'data-method="POST"' in page and 'data-confirm=' in page
    assert 'onsubmit' not in page
    resp = client.post(remove_url, data={'csrf_token': client.csrf_token})
    assert resp.status_code == 302
    assert FocalPoint.query.filter_by(event_id=oewg_event.id).all() == [esa_focal_point]
    assert EventLogEntry.query.filter_by(event_id=oewg_event.id, summary='Focal point removed for Japan').count() == 1


def test_settings_are_saved_and_logged(oewg_event, secretariat_user, client_for):
    from indico_oewg.registration.settings import registration_settings
    client = client_for(secretariat_user)
    url = url_for('plugin_oewg.delegation_settings', oewg_event)
    assert 'Publish the list of participants' in client.get(url).json['html']
    resp = client.post(url, data={'participants_published': 'y', 'csrf_token': client.csrf_token})
    assert resp.status_code == 200
    assert resp.json['success']
    assert registration_settings.get(oewg_event, 'participants_published') is True
    assert registration_settings.get(oewg_event, 'contacts_are_focal_points') is False
    assert EventLogEntry.query.filter_by(event_id=oewg_event.id, summary='Delegation settings updated').count() == 1


@pytest.mark.parametrize('who', ('anonymous', 'delegate', 'focal', 'registration_manager'))
def test_delegations_page_is_for_the_secretariat(oewg_event, create_user, client_for, who):
    user = None if who == 'anonymous' else create_user(50, email=f'{who}@example.org')
    if who == 'focal':
        add_focal_points(oewg_event, 'JPN', [user])
    elif who == 'registration_manager':
        oewg_event.update_principal(user, add_permissions={'registration'})
    client = client_for(user)
    url = url_for('plugin_oewg.manage_delegations', oewg_event)
    resp = client.get(url)
    if user is None:
        assert resp.status_code == 302
        assert '/login/' in resp.headers['Location']
    else:
        assert resp.status_code == 403
    for url in (url_for('plugin_oewg.delegation_settings', oewg_event),
                url_for('plugin_oewg.add_focal_points', oewg_event)):
        assert client.get(url).status_code == (302 if user is None else 403)
    resp = client.post(url_for('plugin_oewg.delegation_settings', oewg_event),
                       data={'participants_published': 'y', 'csrf_token': getattr(client, 'csrf_token', '')})
    assert resp.status_code in ((302, 400) if user is None else (403,))
    from indico_oewg.registration.settings import registration_settings
    assert registration_settings.get(oewg_event, 'participants_published') is False


def test_focal_point_sees_only_their_delegation(oewg_regform, delegations, client_for):
    __, people, focal = delegations
    client = client_for(focal)
    resp = client.get(url_for('event_registration.manage_reglist', oewg_regform))
    assert resp.status_code == 200
    assert 'jp_head' in resp.text and 'jp_expert' in resp.text
    assert 'fr_head' not in resp.text and 'esa Sample' not in resp.text
    assert oewg_regform.get_managed_registration_count(focal) == 2
    # no other delegation's registration by any route: details, approval, rejection, edit, export, e-mail
    other = people['fr_head']
    for endpoint, method in (('event_registration.registration_details', 'get'),
                             ('event_registration.approve_registration', 'post'),
                             ('event_registration.reject_registration', 'post'),
                             ('event_registration.edit_registration', 'get')):
        resp = getattr(client, method)(url_for(endpoint, other), headers={'X-CSRF-Token': client.csrf_token})
        assert resp.status_code == 403, endpoint
    assert other.state == RegistrationState.pending
    for endpoint in ('event_registration.registrations_approve', 'event_registration.registrations_reject'):
        resp = client.post(url_for(endpoint, oewg_regform), data={'registration_id': [other.id],
                                                                  'csrf_token': client.csrf_token})
        assert other.state == RegistrationState.pending, endpoint
    for endpoint in ('event_registration.registrations_csv_export', 'event_registration.registrations_excel_export',
                     'event_registration.modify_regform', 'event_registration.manage_regform'):
        resp = client.post(url_for(endpoint, oewg_regform), data={'registration_id': [other.id],
                                                                  'csrf_token': client.csrf_token})
        assert resp.status_code in (403, 405), endpoint
    assert client.get(url_for('event_registration.modify_regform', oewg_regform)).status_code == 403
    resp = client.get(url_for('event_management.settings', oewg_regform.event))
    assert resp.status_code in (302, 403)
    assert 'manage/registration' in resp.headers.get('Location', 'manage/registration')


def test_focal_point_approves_and_rejects_their_delegation(oewg_regform, delegations, client_for):
    __, people, focal = delegations
    client = client_for(focal)
    resp = client.get(url_for('event_registration.registration_details', people['jp_head']))
    assert resp.status_code == 200
    resp = client.post(url_for('event_registration.approve_registration', people['jp_head']),
                       headers={'X-CSRF-Token': client.csrf_token})
    assert resp.status_code == 200, resp.text
    assert people['jp_head'].state == RegistrationState.complete
    # bulk approval through the registrant list: only their own delegation's registrations are touched
    resp = client.post(url_for('event_registration.registrations_approve', oewg_regform),
                       data={'registration_id': [people['jp_expert'].id, people['fr_head'].id],
                             'csrf_token': client.csrf_token})
    assert resp.status_code == 200, resp.text
    assert people['jp_expert'].state == RegistrationState.complete
    assert people['fr_head'].state == RegistrationState.pending


@pytest.mark.usefixtures('delegations')
def test_organization_contacts_are_focal_points(oewg_regform, client_for, create_user, monkeypatch,
                                                accredited_organizations):
    from indico_oewg.observers import api
    from indico_oewg.registration.settings import registration_settings
    contact = create_user(300, first_name='Erika', last_name='Contact', email='contact@esa.example.org')
    esa_id = accredited_organizations['ESA'].id
    # requesters of the ESA's accreditation are its contacts (the observers' registry answers that)
    monkeypatch.setattr(api, 'get_contacts', lambda organization: [contact] if organization.id == esa_id else [])
    client = client_for(contact)
    resp = client.get(url_for('event_registration.manage_reglist', oewg_regform))
    assert resp.status_code == 200
    assert 'esa' in resp.text and 'jp_head' not in resp.text
    registration_settings.set(oewg_regform.event, 'contacts_are_focal_points', False)
    assert client_for(contact).get(url_for('event_registration.manage_reglist', oewg_regform)).status_code == 403


def test_registration_managers_are_not_scoped(oewg_regform, delegations, create_user, client_for):
    __, __, focal = delegations
    manager = create_user(60, email='registrations@example.org')
    oewg_regform.event.update_principal(manager, add_permissions={'registration'})
    resp = client_for(manager).get(url_for('event_registration.manage_reglist', oewg_regform))
    assert 'fr_head' in resp.text and 'jp_head' in resp.text
    # a focal point who also moderates registrations on their own sees everything
    oewg_regform.event.update_principal(focal, add_permissions={'registration_moderation'})
    assert oewg_regform.get_managed_registration_count(focal) == 4


def test_focal_points_get_an_email(oewg_regform, delegations, create_user, register, smtp):
    field, __, __ = delegations
    smtp.outbox.clear()
    newcomer = create_user(110, first_name='Kenji', last_name='Newcomer', email='kenji@example.org')
    register(newcomer, oewg_regform, field, {'representation': 'member_state', 'delegation': 'JPN',
                                             'role': 'adviser', 'title': 'Counsellor'})
    to_focal = [m for m in smtp.outbox if 'focal@example.org' in m['To']]
    assert len(to_focal) == 1
    body = to_focal[0].get_payload(decode=True).decode() if not to_focal[0].is_multipart() else \
        to_focal[0].get_payload()[0].get_payload(decode=True).decode()
    assert 'New registration for Japan: Kenji Newcomer' in to_focal[0]['Subject']
    assert 'Japan (Member State) — Adviser, Counsellor' in body
    # no e-mail to France's focal point (there is none) and none for other delegations
    register(create_user(111, email='fr2@example.org'), oewg_regform, field,
             {'representation': 'member_state', 'delegation': 'FRA', 'role': 'adviser'})
    assert len([m for m in smtp.outbox if 'focal@example.org' in m['To']]) == 1


def test_get_user_delegations(oewg_regform, delegations, accredited_organizations):
    from indico_oewg.delegations import Delegation
    from indico_oewg.registration.api import get_user_delegations
    __, people, focal = delegations
    event = oewg_regform.event
    assert get_user_delegations(event, people['jp_head'].user) == [Delegation.for_state('JPN')]
    assert get_user_delegations(event, people['esa'].user) == [
        Delegation.for_organization(accredited_organizations['ESA'])]
    assert get_user_delegations(event, focal) == []
    people['fr_head'].update_state(withdrawn=True)
    assert get_user_delegations(event, people['fr_head'].user) == []


def test_add_oewg_section(oewg_regform, secretariat_user, client_for, create_user):
    from indico.modules.events.registration.models.form_fields import RegistrationFormField
    from indico.modules.events.registration.models.items import PersonalDataType

    from indico_oewg.registration.fields import FIELD_TYPE
    client = client_for(secretariat_user)
    page = client.get(url_for('plugin_oewg.manage_delegations', oewg_regform.event))
    assert 'Add OEWG section' in page.text
    url = url_for('plugin_oewg.add_oewg_section', oewg_regform.event, reg_form_id=oewg_regform.id)
    # a confirm-and-POST button of Indico's, no form of our own
    assert f'data-href="{url}"' in page.text and 'onsubmit' not in page.text
    assert client.post(url, data={'csrf_token': client.csrf_token}).status_code == 302
    section = next(s for s in oewg_regform.sections if s.title == 'Delegation')
    oewg_field, letter = sorted(section.children, key=lambda f: f.position)
    assert [(f.input_type, f.is_required) for f in (oewg_field, letter)] == [(FIELD_TYPE, True), ('file', False)]
    # one photograph: Indico's own "Picture" of the personal data, required, with the UN's rules
    pictures = [f for f in oewg_regform.active_fields if f.input_type == 'picture']
    assert len(pictures) == 1
    picture = pictures[0]
    assert picture.personal_data_type == PersonalDataType.picture
    assert picture.is_required
    assert picture.title == 'Photograph for the grounds pass'
    assert 'passport-style' in picture.description
    # personal data kept one year after the session, then purged by Indico's own task
    assert letter.retention_period == picture.retention_period == timedelta(weeks=52)
    assert oewg_field.retention_period is None
    assert EventLogEntry.query.filter_by(event_id=oewg_regform.event_id,
                                         summary='OEWG section added to "Registration"').count() == 1
    # a second time adds nothing
    client = client_for(secretariat_user)
    assert client.post(url, data={'csrf_token': client.csrf_token}).status_code == 302
    assert RegistrationFormField.query.filter_by(registration_form=oewg_regform, input_type=FIELD_TYPE).count() == 1
    # the form still renders for a participant, and only the secretariat may add the section
    delegate = create_user(90, email='d@example.org')
    client = client_for(delegate)
    assert client.get(url_for('event_registration.display_regform', oewg_regform)).status_code == 200
    assert client.post(url, data={'csrf_token': client.csrf_token}).status_code == 403
    # the retention period is Indico's: a manager changes it in the form setup
    manager = create_user(91, email='manager@example.org')
    oewg_regform.event.update_principal(manager, full_access=True)
    client = client_for(manager)
    resp = client.patch(url_for('event_registration.modify_field', letter),
                        json={'fieldData': {'title': letter.title, 'retentionPeriod': 10}},
                        headers={'X-CSRF-Token': client.csrf_token})
    assert resp.status_code == 200, resp.text
    assert letter.retention_period == timedelta(weeks=10)


def test_add_oewg_section_within_indico_retention_limits(oewg_regform, secretariat_user, client_for):
    """The default never exceeds what Indico allows: the form's own retention period, the server's maximum."""
    from indico.modules.events.settings import data_retention_settings
    oewg_regform.retention_period = timedelta(weeks=30)
    client = client_for(secretariat_user)
    url = url_for('plugin_oewg.add_oewg_section', oewg_regform.event, reg_form_id=oewg_regform.id)
    assert client.post(url, data={'csrf_token': client.csrf_token}).status_code == 302
    assert {f.retention_period for f in oewg_regform.active_fields if f.input_type in ('file', 'picture')} == {
        timedelta(weeks=30)}
    from indico_oewg.registration.operations import get_retention_period
    oewg_regform.retention_period = None
    data_retention_settings.set('maximum_data_retention', timedelta(weeks=26))
    assert get_retention_period(oewg_regform) == timedelta(weeks=26)
    data_retention_settings.set('maximum_data_retention', None)
    assert get_retention_period(oewg_regform) == timedelta(weeks=52)


def test_merged_users_keep_their_focal_points(oewg_event, create_user):
    from indico.modules.users.util import merge_users

    from indico_oewg.registration.models.focal_points import FocalPoint
    old = create_user(80, email='old@example.org')
    new = create_user(81, email='new@example.org')
    add_focal_points(oewg_event, 'JPN', [old, new])
    add_focal_points(oewg_event, 'FRA', [old])
    merge_users(source=old, target=new)
    assert sorted((fp.state, fp.user_id) for fp in FocalPoint.query.filter_by(event_id=oewg_event.id)) == [
        ('FRA', 81), ('JPN', 81)]


def test_focal_point_does_not_moderate_their_own_registration(oewg_regform, delegations, register, client_for):
    """Their own registration goes to the secretariat: not listed for them, and closed by every route."""
    field, people, focal = delegations
    assert register(focal, oewg_regform, field, {'representation': 'member_state', 'delegation': 'JPN',
                                                 'role': 'adviser'}).status_code == 200
    own = Registration.query.filter_by(registration_form=oewg_regform, user=focal).one()
    client = client_for(focal)
    resp = client.get(url_for('event_registration.manage_reglist', oewg_regform))
    assert resp.status_code == 200
    assert f'id="registration-{people["jp_head"].id}"' in resp.text
    assert f'id="registration-{own.id}"' not in resp.text
    assert oewg_regform.get_managed_registration_count(focal) == 2
    for endpoint, method in (('event_registration.registration_details', 'get'),
                             ('event_registration.approve_registration', 'post'),
                             ('event_registration.reject_registration', 'post')):
        resp = getattr(client, method)(url_for(endpoint, own), headers={'X-CSRF-Token': client.csrf_token})
        assert resp.status_code == 403, endpoint
    for endpoint in ('event_registration.registrations_approve', 'event_registration.registrations_reject'):
        client.post(url_for(endpoint, oewg_regform), data={'registration_id': [own.id],
                                                           'csrf_token': client.csrf_token})
    assert own.state == RegistrationState.pending
    # the same without a link to their account: a registration made with their e-mail address
    own.user = None
    assert f'id="registration-{own.id}"' not in client.get(url_for('event_registration.manage_reglist',
                                                                   oewg_regform)).text
    resp = client.post(url_for('event_registration.approve_registration', own),
                       headers={'X-CSRF-Token': client.csrf_token})
    assert resp.status_code == 403
    assert not own.can_manage(focal, 'registration_moderation')


def test_get_represented_delegations(oewg_regform, delegations, accredited_organizations, create_user, register,
                                     monkeypatch):
    from indico_oewg.observers import api as observers_api
    from indico_oewg.registration.api import get_represented_delegations
    field, people, focal = delegations
    event = oewg_regform.event
    japan, france = Delegation.for_state('JPN'), Delegation.for_state('FRA')
    esa = Delegation.for_organization(accredited_organizations['ESA'])
    assert get_represented_delegations(event, None) == []
    # a registration counts once approved
    assert get_represented_delegations(event, people['fr_head'].user) == []
    people['fr_head'].update_state(approved=True)
    assert get_represented_delegations(event, people['fr_head'].user) == [france]
    # a named focal point, also registered (and approved) for Japan: Japan once
    assert get_represented_delegations(event, focal) == [japan]
    register(focal, oewg_regform, field, {'representation': 'member_state', 'delegation': 'JPN', 'role': 'adviser'})
    Registration.query.filter_by(registration_form=oewg_regform, user=focal).one().update_state(approved=True)
    assert get_represented_delegations(event, focal) == [japan]
    # an organization's contact, while contacts are focal points
    contact = create_user(300, email='contact@esa.example.org')
    monkeypatch.setattr(observers_api, 'get_contacts',
                        lambda organization: [contact] if organization.id == esa.organization_id else [])
    add_focal_points(event, 'FRA', [contact])
    assert get_represented_delegations(event, contact) == [france, esa]
    from indico_oewg.registration.settings import registration_settings
    registration_settings.set(event, 'contacts_are_focal_points', False)
    assert get_represented_delegations(event, contact) == [france]
    # a pending registration does not count; one withdrawn no longer does
    people['fr_head'].update_state(withdrawn=True)
    assert get_represented_delegations(event, people['fr_head'].user) == []
    assert get_represented_delegations(event, people['jp_expert'].user) == []
