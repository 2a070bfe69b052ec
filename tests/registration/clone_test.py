"""Cloning a session copies its delegations' focal points when ticked; observer accreditation needs no copy."""

from datetime import timedelta
from io import BytesIO

import pytest
from pypdf import PdfWriter
from werkzeug.datastructures import FileStorage

from indico.modules.events.cloning import EventCloner
from indico.util.date_time import now_utc

from indico_oewg.registration.settings import registration_settings
from tests.working_groups.clone_test import clone_dialog_options, clone_via_dialog, import_from_event


pytestmark = pytest.mark.usefixtures('db')


def _focal_point_model():
    # (imported late, as in the other registration tests: the plugin's models are all mapped only once the app
    # is loaded, and FocalPoint refers to the observers' Organization)
    from indico_oewg.registration.models.focal_points import FocalPoint
    return FocalPoint


def get_focal_point_delegations(event, user):
    from indico_oewg.registration.focal_points import get_focal_point_delegations
    return get_focal_point_delegations(event, user)


OPTION = 'oewg_focal_points'


@pytest.fixture
def people(create_user):
    return {
        'jun': create_user(3201, first_name='Jun', last_name='Japan', email='jun@mission.example.org'),
        'esa': create_user(3202, first_name='Erik', last_name='Agency', email='erik@esa.example.org'),
        'nai': create_user(3203, first_name='Nora', last_name='Institute', email='nora@nai.example.org'),
        'gone': create_user(3204, first_name='Gone', last_name='Away', email='gone@example.org'),
    }


@pytest.fixture
def focal_points(db, oewg_event, accredited_organizations, dummy_working_group, people):
    """Focal points of Japan, ESA (also under a duplicate since merged into it), NAI (not accredited), SWF (a
    deleted user); organization contacts are not focal points at this session, and its list is published.
    """
    from indico_oewg.observers.models.organizations import Organization, OrganizationKind
    FocalPoint = _focal_point_model()  # noqa: N806
    esa, swf, nai = (accredited_organizations[k] for k in ('ESA', 'SWF', 'NAI'))
    duplicate = Organization(working_group_id=dummy_working_group.id, name='ESA (duplicate)',
                             kind=OrganizationKind.standing_invitation, merged_into=esa)
    db.session.add(duplicate)
    db.session.flush()
    db.session.add_all([
        FocalPoint(event=oewg_event, user=people['jun'], state='JPN'),
        FocalPoint(event=oewg_event, user=people['jun'], organization_id=esa.id),
        FocalPoint(event=oewg_event, user=people['esa'], organization_id=esa.id),
        FocalPoint(event=oewg_event, user=people['esa'], organization_id=duplicate.id),
        FocalPoint(event=oewg_event, user=people['nai'], organization_id=nai.id),
        FocalPoint(event=oewg_event, user=people['gone'], organization_id=swf.id),
    ])
    people['gone'].is_deleted = True
    registration_settings.set_multi(oewg_event, {'contacts_are_focal_points': False, 'participants_published': True})
    db.session.flush()
    return accredited_organizations


def _focal_points(event):
    FocalPoint = _focal_point_model()  # noqa: N806
    return sorted(((fp.user.email, fp.state, fp.organization.acronym if fp.organization else None)
                   for fp in FocalPoint.query.filter_by(event_id=event.id)), key=lambda row: tuple(map(str, row)))


def test_clone_copies_focal_points(oewg_event, focal_points, people, organizer_client, dummy_working_group):
    esa = focal_points['ESA']
    (new_event,) = clone_via_dialog(organizer_client, oewg_event, dummy_working_group.category, {OPTION})
    assert _focal_points(new_event) == [
        ('erik@esa.example.org', None, 'ESA'),  # once, though named under ESA and under its merged duplicate
        ('jun@mission.example.org', 'JPN', None),
        ('jun@mission.example.org', None, 'ESA'),
        # not NAI's: not accredited, it has no delegation there; not the deleted user's
    ]
    assert len(_focal_points(oewg_event)) == 6
    # the setting that goes with them is copied; publishing the list of participants is decided per session
    assert registration_settings.get(new_event, 'contacts_are_focal_points') is False
    assert registration_settings.get(new_event, 'participants_published') is False
    # the copies hold the right: Jun moderates Japan's and ESA's registrations at the new session
    from indico_oewg.delegations import Delegation
    assert get_focal_point_delegations(new_event, people['jun']) == {Delegation.for_state('JPN'),
                                                                      Delegation.for_organization(esa)}
    assert new_event.can_manage(people['jun'], 'registration_moderation')


def test_unticked_option_copies_nothing(oewg_event, focal_points, people, organizer_client, dummy_working_group):
    (new_event,) = clone_via_dialog(organizer_client, oewg_event, dummy_working_group.category, set())
    assert not _focal_points(new_event)
    assert registration_settings.get_all(new_event, no_defaults=True) == {}
    assert registration_settings.get(new_event, 'contacts_are_focal_points') is True
    assert not get_focal_point_delegations(new_event, people['jun'])


def test_clone_into_another_working_group_keeps_only_state_focal_points(oewg_event, focal_points, organizer,
                                                                        organizer_client, create_category,
                                                                        create_working_group):
    other = create_working_group(create_category(44, title='OEWG on ICT'), name='OEWG on ICT security',
                                 resolution='75/240', symbol_prefix='A/AC.292')
    other.category.update_principal(organizer, full_access=True)
    (new_event,) = clone_via_dialog(organizer_client, oewg_event, other.category, {OPTION})
    # the organizations are in the registry of the other working group: none of theirs goes along
    assert _focal_points(new_event) == [('jun@mission.example.org', 'JPN', None)]


def test_clone_into_a_category_that_is_no_working_group(oewg_event, focal_points, organizer, organizer_client,
                                                        create_category):
    plain = create_category(45, title='Other meetings')
    plain.update_principal(organizer, full_access=True)
    (new_event,) = clone_via_dialog(organizer_client, oewg_event, plain, {OPTION})
    assert _focal_points(new_event) == [('jun@mission.example.org', 'JPN', None)]


def test_focal_points_of_an_organization_revoked_before_the_new_session_stay_behind(
        oewg_event, focal_points, create_oewg_session, organizer_client, dummy_working_group):
    from indico_oewg.observers.models.accreditations import Accreditation
    fifth = create_oewg_session('Fifth session', 5, (2024, 1, 8), (2024, 1, 12))
    accreditation = Accreditation.query.filter_by(organization_id=focal_points['ESA'].id).one()
    accreditation.revoked_dt = now_utc()
    accreditation.revoked_from_event = fifth
    (new_event,) = clone_via_dialog(organizer_client, oewg_event, dummy_working_group.category, {OPTION},
                                    start=(2024, 8, 5))
    assert _focal_points(new_event) == [('jun@mission.example.org', 'JPN', None)]


def test_option_offered_for_sessions_and_available_with_content(oewg_event, organizer_client, db):
    assert clone_dialog_options(organizer_client, oewg_event)[OPTION] is False
    # a changed setting alone is something to copy
    registration_settings.set(oewg_event, 'contacts_are_focal_points', False)
    db.session.flush()
    assert clone_dialog_options(organizer_client, oewg_event)[OPTION] is True


@pytest.mark.usefixtures('focal_points')
def test_import_into_an_existing_session(oewg_event, create_oewg_session, create_event, dummy_working_group,
                                         organizer, request_context):
    fifth = create_oewg_session('Fifth session', 5, (2024, 1, 8), (2024, 1, 12))
    plain = create_event(title='Not a session', category=dummy_working_group.category)
    cloner = next(c for c in EventCloner.get_cloners(oewg_event) if c.name == OPTION)
    assert [str(m) for m in cloner.get_conflicts(plain)] == ['The target event is not an OEWG session']
    assert not cloner.get_conflicts(fifth)
    import_from_event(oewg_event, fifth, {OPTION}, organizer)
    assert len(_focal_points(fifth)) == 3
    assert [str(m) for m in cloner.get_conflicts(fifth)] == ['The target event already has OEWG focal points']


def test_observer_records_are_not_cloned_but_accreditation_holds(oewg_event, focal_points, people,
                                                                 organizer_client, dummy_working_group):
    """Requests, no-objection periods and objections stay with their session; accreditation is the working
    group's and holds for the later sessions, so the clone has the same accredited organizations.
    """
    from indico_oewg.observers import api as observers_api
    from indico_oewg.observers.models.accreditations import Accreditation
    from indico_oewg.observers.models.periods import NoObjectionPeriod
    from indico_oewg.observers.models.requests import ObserverRequest
    from indico_oewg.observers.operations import create_request

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    letter = BytesIO()
    writer.write(letter)
    letter.seek(0)
    create_request(oewg_event, people['nai'], organization=focal_points['NAI'],
                   letter=FileStorage(letter, filename='letter.pdf', content_type='application/pdf'),
                   representatives=[('Nora Institute', 'Director')])
    oewg_event.oewg_no_objection_period = NoObjectionPeriod(deadline_dt=now_utc() + timedelta(days=7))
    accreditations = Accreditation.query.count()

    (new_event,) = clone_via_dialog(organizer_client, oewg_event, dummy_working_group.category, {OPTION})
    assert ObserverRequest.query.filter_by(event_id=oewg_event.id).count() == 1
    assert ObserverRequest.query.filter_by(event_id=new_event.id).count() == 0
    assert NoObjectionPeriod.query.filter_by(event_id=oewg_event.id).count() == 1
    assert NoObjectionPeriod.query.filter_by(event_id=new_event.id).count() == 0
    assert Accreditation.query.count() == accreditations
    assert ([o.acronym for o in observers_api.get_accredited_organizations(new_event)] ==
            [o.acronym for o in observers_api.get_accredited_organizations(oewg_event)] == ['ESA', 'SWF'])
