# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

import pytest

from indico_oewg.observers import api
from indico_oewg.observers.models.organizations import OrganizationKind
from indico_oewg.observers.operations import confirm_request, merge_organization, revoke_accreditation


pytestmark = pytest.mark.usefixtures('db', 'smtp')


def test_accreditation_holds_for_later_sessions_until_revoked(create_oewg_session, make_organization, make_request,
                                                              secretariat_user):
    third = create_oewg_session('Third session', 3, start=(2023, 5, 1), end=(2023, 5, 5))
    fourth = create_oewg_session('Fourth session', 4, start=(2023, 8, 28), end=(2023, 9, 1))
    fifth = create_oewg_session('Fifth session', 5, start=(2024, 1, 8), end=(2024, 1, 12))
    unidir = make_organization('United Nations Institute for Disarmament Research', OrganizationKind.un_body,
                               acronym='UNIDIR')
    confirm_request(make_request(unidir, event=fourth), secretariat_user)

    assert not api.is_accredited(unidir, third)
    assert api.is_accredited(unidir, fourth)
    assert api.is_accredited(unidir, fifth)
    assert api.get_accredited_organizations(fifth) == [unidir]
    assert api.get_accredited_organizations(third) == []

    revoke_accreditation(unidir.accreditations[0], fifth, 'Ceased to exist', secretariat_user)
    # sessions that had begun keep their record; later ones no longer count the organization
    assert api.is_accredited(unidir, fourth)
    assert not api.is_accredited(unidir, fifth)


def test_accredited_organizations_are_alphabetical_and_exclude_pending(oewg_event, make_organization, make_request,
                                                                      secretariat_user):
    zeta = make_organization('Zeta Space Agency Network', OrganizationKind.standing_invitation)
    alpha = make_organization('alpha Intergovernmental Office', OrganizationKind.standing_invitation)
    pending = make_organization('Pending Union', OrganizationKind.standing_invitation)
    for organization in (zeta, alpha):
        confirm_request(make_request(organization), secretariat_user)
    make_request(pending)
    assert api.get_accredited_organizations(oewg_event) == [alpha, zeta]
    assert not api.is_accredited(pending, oewg_event)


def test_get_and_find_organization_resolve_merged_duplicates(dummy_working_group, oewg_event, make_organization,
                                                             secretariat_user, create_category,
                                                             create_working_group):
    original = make_organization('Secure World Foundation', acronym='SWF', name_fr='Fondation Secure World')
    duplicate = make_organization('Secure World Fdn.')
    merge_organization(duplicate, original, oewg_event, secretariat_user)

    assert api.get_organization(duplicate.id, dummy_working_group) == original
    assert api.get_organization(original.id, dummy_working_group) == original
    assert api.find_organization('swf', dummy_working_group) == original
    assert api.find_organization('  FONDATION secure world ', dummy_working_group) == original
    assert api.find_organization('Secure World Fdn.', dummy_working_group) == original
    assert api.find_organization('Unknown', dummy_working_group) is None
    assert api.find_organization('', dummy_working_group) is None

    other_group = create_working_group(create_category(77))
    assert api.get_organization(original.id, other_group) is None
    assert api.find_organization('SWF', other_group) is None


def test_contacts_and_named_representatives(oewg_event, create_oewg_session, make_organization, make_request,
                                            requester, other_requester):
    organization = make_organization('Outer Space Institute', OrganizationKind.other_ngo)
    make_request(organization, representatives=[('A. One', 'Director'), ('B. Two', 'Researcher'),
                                                ('C. Three', 'Adviser')])
    later = create_oewg_session('Fifth session', 5, start=(2024, 1, 8), end=(2024, 1, 12))
    make_request(organization, user=other_requester, event=later)

    assert api.get_contacts(organization) == [other_requester, requester]
    assert api.count_named_representatives(organization, oewg_event) == 3
    assert api.count_named_representatives(organization, later) == 1
    third = create_oewg_session('Sixth session', 6, start=(2024, 6, 1), end=(2024, 6, 5))
    assert api.count_named_representatives(organization, third) == 0
