# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

import pytest

from indico_oewg.observers import api
from indico_oewg.observers.models.organizations import Organization, OrganizationKind
from indico_oewg.observers.models.periods import Objection, PeriodState
from indico_oewg.observers.models.requests import ObserverRequest, RequestState


pytestmark = pytest.mark.usefixtures('db')


def test_demo_seeds_sample_observers_once(create_oewg_session, dummy_working_group, secretariat_user, create_user,
                                          tmp_path):
    from demo.observers import seed
    sessions = {'third': create_oewg_session('Third session', 3, start=(2023, 1, 30), end=(2023, 2, 3)),
                'fourth': create_oewg_session('Fourth session', 4, start=(2023, 8, 28), end=(2023, 9, 1))}
    ctx = {'working_group': dummy_working_group, 'sessions': sessions, 'data': tmp_path,
           'users': {'secretariat': secretariat_user, 'admin': create_user(1), 'delegate': create_user(2)}}
    seed(ctx)
    seed(ctx)  # idempotent

    organizations = Organization.query.all()
    assert len(organizations) == 15
    assert all(o.name.endswith('(sample)') for o in organizations)
    assert {o.kind for o in organizations} == set(OrganizationKind)
    fourth_states = {r.state for r in ObserverRequest.query.filter_by(event_id=sessions['fourth'].id)}
    assert fourth_states == {RequestState.pending, RequestState.info_requested, RequestState.withdrawn,
                             RequestState.declined, RequestState.under_consideration, RequestState.accredited}
    period = sessions['third'].oewg_no_objection_period
    assert period.state == PeriodState.closed
    assert Objection.query.count() == 1
    third = {r.organization.acronym or r.organization.name: r.state
             for r in ObserverRequest.query.filter_by(event_id=sessions['third'].id)}
    assert third['SOF'] == RequestState.accredited
    assert third['Astra Launch Services SA (sample)'] == RequestState.not_accredited
    # accreditations of the third session carry to the fourth
    assert {o.acronym for o in api.get_accredited_organizations(sessions['fourth'])} >= {'ISCO', 'UNOOSA', 'SGAC',
                                                                                          'SOF', 'ITU', 'WSLA'}
