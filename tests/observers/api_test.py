# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

import pytest

from indico_oewg.observers import api
from indico_oewg.observers.models.organisations import OrganisationKind
from indico_oewg.observers.operations import confirm_request, merge_organisation, revoke_accreditation


pytestmark = pytest.mark.usefixtures('db', 'smtp')


def test_accreditation_holds_for_later_sessions_until_revoked(create_oewg_session, make_organisation, make_request,
                                                              secretariat_user):
    third = create_oewg_session('Third session', 3, start=(2023, 5, 1), end=(2023, 5, 5))
    fourth = create_oewg_session('Fourth session', 4, start=(2023, 8, 28), end=(2023, 9, 1))
    fifth = create_oewg_session('Fifth session', 5, start=(2024, 1, 8), end=(2024, 1, 12))
    unidir = make_organisation('United Nations Institute for Disarmament Research', OrganisationKind.un_body,
                               acronym='UNIDIR')
    confirm_request(make_request(unidir, event=fourth), secretariat_user)

    assert not api.is_accredited(unidir, third)
    assert api.is_accredited(unidir, fourth)
    assert api.is_accredited(unidir, fifth)
    assert api.get_accredited_organisations(fifth) == [unidir]
    assert api.get_accredited_organisations(third) == []

    revoke_accreditation(unidir.accreditations[0], fifth, 'Ceased to exist', secretariat_user)
    # sessions that had begun keep their record; later ones no longer count the organisation
    assert api.is_accredited(unidir, fourth)
    assert not api.is_accredited(unidir, fifth)


def test_accredited_organisations_are_alphabetical_and_exclude_pending(oewg_event, make_organisation, make_request,
                                                                      secretariat_user):
    zeta = make_organisation('Zeta Space Agency Network', OrganisationKind.standing_invitation)
    alpha = make_organisation('alpha Intergovernmental Office', OrganisationKind.standing_invitation)
    pending = make_organisation('Pending Union', OrganisationKind.standing_invitation)
    for organisation in (zeta, alpha):
        confirm_request(make_request(organisation), secretariat_user)
    make_request(pending)
    assert api.get_accredited_organisations(oewg_event) == [alpha, zeta]
    assert not api.is_accredited(pending, oewg_event)


def test_get_and_find_organisation_resolve_merged_duplicates(dummy_working_group, oewg_event, make_organisation,
                                                             secretariat_user, create_category,
                                                             create_working_group):
    original = make_organisation('Secure World Foundation', acronym='SWF', name_fr='Fondation Secure World')
    duplicate = make_organisation('Secure World Fdn.')
    merge_organisation(duplicate, original, oewg_event, secretariat_user)

    assert api.get_organisation(duplicate.id, dummy_working_group) == original
    assert api.get_organisation(original.id, dummy_working_group) == original
    assert api.find_organisation('swf', dummy_working_group) == original
    assert api.find_organisation('  FONDATION secure world ', dummy_working_group) == original
    assert api.find_organisation('Secure World Fdn.', dummy_working_group) == original
    assert api.find_organisation('Unknown', dummy_working_group) is None
    assert api.find_organisation('', dummy_working_group) is None

    other_group = create_working_group(create_category(77))
    assert api.get_organisation(original.id, other_group) is None
    assert api.find_organisation('SWF', other_group) is None


def test_contacts_and_named_representatives(oewg_event, create_oewg_session, make_organisation, make_request,
                                            requester, other_requester):
    organisation = make_organisation('Outer Space Institute', OrganisationKind.other_ngo)
    make_request(organisation, representatives=[('A. One', 'Director'), ('B. Two', 'Researcher'),
                                                ('C. Three', 'Adviser')])
    later = create_oewg_session('Fifth session', 5, start=(2024, 1, 8), end=(2024, 1, 12))
    make_request(organisation, user=other_requester, event=later)

    assert api.get_contacts(organisation) == [other_requester, requester]
    assert api.count_named_representatives(organisation, oewg_event) == 3
    assert api.count_named_representatives(organisation, later) == 1
    third = create_oewg_session('Sixth session', 6, start=(2024, 6, 1), end=(2024, 6, 5))
    assert api.count_named_representatives(organisation, third) == 0
