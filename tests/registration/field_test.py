# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

import pytest

from indico.modules.events.registration.models.form_fields import RegistrationFormField
from indico.modules.events.registration.models.registrations import Registration, RegistrationState
from indico.modules.events.registration.util import generate_spreadsheet_from_registrations
from indico.web.flask.util import url_for

from indico_oewg.registration.util import FIELD_TYPE


pytestmark = [pytest.mark.usefixtures('db'),
              # Indico's form setup passes a marshmallow context to the field's setup schema
              pytest.mark.filterwarnings('ignore:The `context` parameter is deprecated:DeprecationWarning')]

JAPAN_HEAD = {'representation': 'member_state', 'delegation': 'JPN', 'role': 'head', 'title': 'Ambassador'}


def _registrations(regform):
    return Registration.query.with_parent(regform).filter(~Registration.is_deleted).all()


def test_field_type_is_registered(oewg_regform):
    from indico.modules.events.registration.fields import get_field_types

    # (imported late: the field refers to the observers' models, all mapped only once the app is loaded)
    from indico_oewg.registration.fields import DelegationField
    assert get_field_types()[FIELD_TYPE] is DelegationField


def test_manager_adds_field_through_form_setup(oewg_regform, create_user, client_for):
    manager = create_user(20, first_name='Mona', last_name='Manager', email='manager@example.org')
    oewg_regform.event.update_principal(manager, full_access=True)
    client = client_for(manager)
    section = oewg_regform.sections[0]
    url = url_for('event_registration.add_field', section)
    resp = client.post(url, json={'fieldData': {
        'title': 'Delegation', 'description': '', 'isRequired': True, 'inputType': FIELD_TYPE,
        'representations': ['ecosoc_ngo', 'member_state'], 'roleRequired': False, 'organizationQuota': 3,
    }}, headers={'X-CSRF-Token': client.csrf_token})
    assert resp.status_code == 200, resp.text
    view_data = resp.json['view_data']
    assert view_data['inputType'] == FIELD_TYPE
    # stored in the order of the list of participants
    assert view_data['representations'] == ['member_state', 'ecosoc_ngo']
    assert [c['value'] for c in view_data['representationChoices']] == ['member_state', 'ecosoc_ngo']
    assert view_data['roleRequired'] is False
    assert view_data['organizationQuota'] == 3
    assert {'value': 'JPN', 'text': 'Japan'} in view_data['memberStates']
    assert not any(s['value'] == 'VAT' for s in view_data['memberStates'])
    assert {s['value'] for s in view_data['observerStates']} == {'VAT', 'PSE'}
    field = RegistrationFormField.query.filter_by(registration_form=oewg_regform, input_type=FIELD_TYPE).one()
    assert field.data == {'representations': ['member_state', 'ecosoc_ngo'], 'role_required': False,
                          'organization_quota': 3}


@pytest.mark.parametrize('settings', (
    {'representations': []},
    {'representations': ['space_agency']},
    {'organizationQuota': 0},
    {'unknownSetting': True},
))
def test_bad_field_settings_are_refused(oewg_regform, create_user, client_for, settings):
    manager = create_user(20, email='manager@example.org')
    oewg_regform.event.update_principal(manager, full_access=True)
    client = client_for(manager)
    url = url_for('event_registration.add_field', oewg_regform.sections[0])
    resp = client.post(url, json={'fieldData': {'title': 'Delegation', 'isRequired': True,
                                                'inputType': FIELD_TYPE} | settings},
                       headers={'X-CSRF-Token': client.csrf_token})
    # (Indico's RH rolls the transaction back after the error)
    assert resp.status_code == 422


def test_delegate_registers_for_a_state(oewg_regform, create_delegation_field, create_user, register):
    field = create_delegation_field(oewg_regform)
    delegate = create_user(30, first_name='Hellmut', last_name='Lagos', email='lagos@example.org')
    resp = register(delegate, oewg_regform, field, {'representation': 'member_state', 'delegation': 'jpn',
                                                    'role': 'head', 'title': ' Ambassador '})
    assert resp.status_code == 200, resp.text
    registration = _registrations(oewg_regform)[0]
    assert registration.state == RegistrationState.pending
    data = registration.data_by_field[field.id]
    assert data.data == JAPAN_HEAD
    assert data.friendly_data == 'Japan (Member State) — Head of delegation, Ambassador'


def test_observer_registers_for_an_accredited_organization(oewg_regform, create_delegation_field, create_user,
                                                          register, accredited_organizations):
    field = create_delegation_field(oewg_regform)
    observer = create_user(31, email='observer@example.org')
    swf = accredited_organizations['SWF']
    resp = register(observer, oewg_regform, field, {'representation': 'ecosoc_ngo', 'delegation': swf.id,
                                                    'role': 'representative', 'title': ''})
    assert resp.status_code == 200, resp.text
    data = _registrations(oewg_regform)[0].data_by_field[field.id]
    assert data.data == {'representation': 'ecosoc_ngo', 'delegation': str(swf.id), 'role': 'representative',
                         'title': ''}
    assert data.friendly_data == ('Secure World Foundation (SWF) (NGO in consultative status with ECOSOC) — '
                                  'Representative')


@pytest.mark.parametrize(('value', 'message'), (
    ({'representation': 'member_state', 'delegation': 'XYZ', 'role': 'head'}, '"XYZ" is not a Member State'),
    ({'representation': 'member_state', 'delegation': 'VAT', 'role': 'head'}, '"VAT" is not a Member State'),
    ({'representation': 'observer_state', 'delegation': 'FRA', 'role': 'head'}, 'not a non-member observer State'),
    ({'representation': 'member_state', 'delegation': 'JPN', 'role': 'king'}, '"king" is not a role'),
    ({'representation': 'member_state', 'delegation': 'JPN', 'role': None}, 'indicate your role'),
    ({'representation': 'space_agency', 'delegation': 'JPN', 'role': 'head'}, 'choose whom you represent'),
    ({'representation': 'other_ngo', 'delegation': 'NAI', 'role': 'head'}, 'not accredited for this session'),
    ({'representation': 'igo', 'delegation': '99999', 'role': 'head'}, 'not accredited for this session'),
    ({'representation': 'ecosoc_ngo', 'delegation': 'ESA', 'role': 'head'}, 'accredited as "Intergovernmental'),
    ({'representation': 'igo', 'delegation': 'European Space Agency', 'role': 'head'}, 'not accredited'),
    ({'representation': 'member_state', 'role': 'head'}, 'Missing data'),
    ({'representation': 'member_state', 'delegation': 'JPN', 'role': 'head', 'title': 'x' * 251}, 'Longer than'),
    ({'representation': 'member_state', 'delegation': 'JPN', 'role': 'head', 'rank': 1}, 'Unknown field'),
    (None, 'Field may not be null'),
    ({}, 'Missing data'),
))
def test_invalid_values_are_refused(oewg_regform, create_delegation_field, create_user, register,
                                    accredited_organizations, value, message):
    field = create_delegation_field(oewg_regform)
    delegate = create_user(30, email='lagos@example.org')
    if value and value.get('delegation') in accredited_organizations:
        value |= {'delegation': str(accredited_organizations[value['delegation']].id)}
    resp = register(delegate, oewg_regform, field, value)
    assert resp.status_code == 422
    assert message.lower() in str(resp.json['webargs_errors'][field.html_field_name]).lower()
    assert not _registrations(oewg_regform)


def test_representation_not_offered_is_refused(oewg_regform, create_delegation_field, create_user, register):
    field = create_delegation_field(oewg_regform, representations=['member_state'])
    resp = register(create_user(30, email='x@example.org'), oewg_regform, field,
                    {'representation': 'observer_state', 'delegation': 'VAT', 'role': 'head'})
    assert resp.status_code == 422
    assert 'does not accept registrations as "Non-member observer State"' in str(resp.json['webargs_errors'])
    assert not _registrations(oewg_regform)


def test_role_optional_when_configured(oewg_regform, create_delegation_field, create_user, register):
    field = create_delegation_field(oewg_regform, role_required=False)
    resp = register(create_user(30, email='x@example.org'), oewg_regform, field,
                    {'representation': 'observer_state', 'delegation': 'VAT', 'role': ''})
    assert resp.status_code == 200, resp.text
    assert _registrations(oewg_regform)[0].data_by_field[field.id].data['role'] is None


def test_optional_field_may_stay_empty(oewg_regform, create_delegation_field, create_user, register):
    field = create_delegation_field(oewg_regform, is_required=False)
    resp = register(create_user(30, email='x@example.org'), oewg_regform, field, None)
    assert resp.status_code == 200, resp.text
    data = _registrations(oewg_regform)[0].data_by_field[field.id]
    assert data.friendly_data == ''


def test_organization_quota(oewg_regform, create_delegation_field, create_user, register, accredited_organizations):
    field = create_delegation_field(oewg_regform, organization_quota=2)
    value = {'representation': 'igo', 'delegation': str(accredited_organizations['ESA'].id), 'role': 'representative'}
    for n in range(2):
        assert register(create_user(40 + n, email=f'esa{n}@example.org'), oewg_regform, field, value).status_code == 200
    resp = register(create_user(42, email='esa2@example.org'), oewg_regform, field, value)
    assert resp.status_code == 422
    assert ('European Space Agency (ESA) has already registered the 2 representatives'
            in str(resp.json['webargs_errors']))
    assert len(_registrations(oewg_regform)) == 2
    # a withdrawn representative frees the seat; States have no quota
    _registrations(oewg_regform)[0].update_state(withdrawn=True)
    assert register(create_user(43, email='esa3@example.org'), oewg_regform, field, value).status_code == 200
    assert register(create_user(44, email='jp@example.org'), oewg_regform, field, JAPAN_HEAD).status_code == 200


def test_quota_is_enforced_before_creation(oewg_regform, create_delegation_field, create_user, dummy_user,
                                           accredited_organizations, smtp):
    """The ``registration_pre_create`` check, which runs under the lock, refuses on its own too."""
    from marshmallow import ValidationError

    from indico.core import signals
    field = create_delegation_field(oewg_regform, organization_quota=1)
    value = {'representation': 'igo', 'delegation': str(accredited_organizations['ESA'].id), 'role': 'head',
             'title': ''}
    signals.event.registration_pre_create.send(oewg_regform, user=dummy_user, data={field.html_field_name: value},
                                               management=False)
    from indico.modules.events.registration.util import create_registration
    create_registration(oewg_regform, {'email': 'a@example.org', 'first_name': 'A', 'last_name': 'B',
                                       field.html_field_name: value})
    with pytest.raises(ValidationError) as exc_info:
        signals.event.registration_pre_create.send(oewg_regform, user=dummy_user,
                                                   data={field.html_field_name: value}, management=False)
    assert field.html_field_name in exc_info.value.messages


def test_summary_export_and_placeholders(oewg_regform, create_delegation_field, create_user, register,
                                         accredited_organizations):
    field = create_delegation_field(oewg_regform)
    register(create_user(30, email='lagos@example.org', first_name='Hellmut', last_name='Lagos'), oewg_regform,
             field, JAPAN_HEAD)
    register(create_user(31, email='esa@example.org'), oewg_regform, field,
             {'representation': 'igo', 'delegation': str(accredited_organizations['ESA'].id), 'role': 'expert',
              'title': 'Legal officer'})
    registrations = sorted(_registrations(oewg_regform), key=lambda r: r.user.id)
    headers, rows = generate_spreadsheet_from_registrations(registrations, [field], [])
    column = next(h for h in headers if (h[0] if isinstance(h, tuple) else h).startswith('Delegation'))
    assert [row[column] for row in rows] == [
        'Japan (Member State) — Head of delegation, Ambassador',
        'European Space Agency (ESA) (Intergovernmental organization or entity with a standing invitation) — '
        'Expert, Legal officer',
    ]
    from indico.modules.events.registration.placeholders.registrations import FieldPlaceholder
    assert FieldPlaceholder.render(str(field.id), oewg_regform, registrations[0]) == rows[0][column]
    assert FieldPlaceholder.render(f'{field.id}:delegation', oewg_regform, registrations[0]) == 'Japan'
    assert FieldPlaceholder.render(f'{field.id}:role', oewg_regform, registrations[1]) == 'Expert'
    assert FieldPlaceholder.render(f'{field.id}:representation', oewg_regform, registrations[0]) == 'Member State'
    assert FieldPlaceholder.render(f'{field.id}:title', oewg_regform, registrations[1]) == 'Legal officer'
    assert [k for k, __ in field.field_impl.iter_placeholder_info()] == [None, 'representation', 'delegation',
                                                                         'role', 'title']


def test_registrant_list_filter(oewg_regform, create_delegation_field, create_user, register,
                                accredited_organizations):
    from indico.modules.events.registration.lists import RegistrationListGenerator
    field = create_delegation_field(oewg_regform)
    register(create_user(30, email='jp@example.org'), oewg_regform, field, JAPAN_HEAD)
    register(create_user(31, email='esa@example.org'), oewg_regform, field,
             {'representation': 'igo', 'delegation': str(accredited_organizations['ESA'].id), 'role': 'expert'})
    esa = f'delegation:{accredited_organizations["ESA"].id}'
    choices = field.field_impl.filter_choices
    assert choices['delegation:JPN'] == 'Japan'
    assert choices[esa] == 'European Space Agency (ESA)'
    assert choices['representation:member_state'] == 'Member State'
    generator = RegistrationListGenerator(oewg_regform)
    query = generator._build_query()
    for selected, expected in (([esa], {31}), (['representation:member_state'], {30}),
                               ([esa, 'representation:member_state'], {30, 31})):
        all_states = [str(state.value) for state in RegistrationState]
        filtered = generator._filter_list_entries(query, {'fields': {str(field.id): selected},
                                                          'items': {'state': all_states}})
        assert {r.user.id for r in filtered} == expected


def test_representation_and_delegation_columns(oewg_regform, create_delegation_field, create_user, register,
                                               accredited_organizations, count_queries):
    from indico.modules.events.registration.lists import RegistrationListGenerator
    field = create_delegation_field(oewg_regform)
    esa = str(accredited_organizations['ESA'].id)
    register(create_user(30, email='jp@example.org'), oewg_regform, field, JAPAN_HEAD)
    register(create_user(31, email='esa@example.org'), oewg_regform, field,
             {'representation': 'igo', 'delegation': esa, 'role': 'expert'})
    generator = RegistrationListGenerator(oewg_regform)
    items = generator.extra_filters
    representation, delegation = items['ext__oewg_representation'], items['ext__oewg_delegation']
    assert str(representation.title) == 'Representation' and str(delegation.title) == 'Delegation'
    assert delegation.filter_choices == {esa: 'European Space Agency (ESA)', 'JPN': 'Japan'}
    registrations = generator._build_query().all()
    with count_queries() as count:
        data = delegation.load_data(registrations)
    assert count() <= 2  # the working group and its accredited organizations, whatever the number of registrations
    assert {r.user.id: c.text_value for r, c in data.items()} == {30: 'Japan', 31: 'European Space Agency (ESA)'}
    assert {r.user.id: c.text_value for r, c in representation.load_data(registrations).items()} == {
        30: 'Member State', 31: 'Intergovernmental organization or entity with a standing invitation'}
    all_states = [str(state.value) for state in RegistrationState]
    for key, values, expected in (('ext__oewg_delegation', ['JPN'], {30}),
                                  ('ext__oewg_representation', ['igo'], {31}),
                                  ('ext__oewg_representation', ['igo', 'member_state'], {30, 31})):
        query = generator._filter_list_entries(generator._build_query(), {
            'fields': {}, 'items': {'state': all_states}, 'extra': {key: values}})
        assert {r.user.id for r in query} == expected
    # the export gets the same readable columns
    delegation.data = data
    __, rows = generate_spreadsheet_from_registrations(registrations, [], [], extra_columns=[delegation])
    assert sorted(row['Delegation'] for row in rows) == ['European Space Agency (ESA)', 'Japan']
