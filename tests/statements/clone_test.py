"""Cloning a session copies its agenda items and statement submitters when ticked; never its statements."""

import pytest

from indico.modules.events.cloning import EventCloner
from indico.modules.logs.models.entries import EventLogEntry

from indico_oewg.statements.models.agenda_items import AgendaItem
from indico_oewg.delegations import Delegation, DelegationKind
from indico_oewg.statements.models.statements import Statement
from indico_oewg.statements.models.submitters import StatementSubmitter
from indico_oewg.statements.submissions import get_submitter_delegations
from tests.working_groups.clone_test import clone_dialog_options, clone_via_dialog, import_from_event


pytestmark = pytest.mark.usefixtures('db')

OPTIONS = {'oewg_agenda_items', 'oewg_statement_submitters'}


@pytest.fixture
def submitters(db, oewg_event, create_user):
    """Mission staff listed as submitters: Japan's, the European Union's, and a deleted user's (France)."""
    japan = create_user(3101, first_name='Jun', last_name='Japan', email='jun@mission.example.org')
    eu = create_user(3102, first_name='Eva', last_name='Union', email='eva@eeas.example.org')
    gone = create_user(3103, first_name='Gone', last_name='Away', email='gone@example.org')
    db.session.add_all([
        StatementSubmitter(event=oewg_event, user=japan, speaker_kind=DelegationKind.state, state_code='JPN'),
        StatementSubmitter(event=oewg_event, user=eu, speaker_kind=DelegationKind.organization,
                           organization_name='European Union'),
        StatementSubmitter(event=oewg_event, user=gone, speaker_kind=DelegationKind.state, state_code='FRA'),
    ])
    gone.is_deleted = True
    db.session.flush()
    return {'JPN': japan, 'EU': eu, 'FRA': gone}


def _agenda(event):
    return [(item.position, item.title) for item in event.oewg_agenda_items]


def _submitters(event):
    return sorted((entry.user.email, entry.state_code, entry.organization_name)
                  for entry in StatementSubmitter.query.filter_by(event_id=event.id))


def test_clone_copies_agenda_and_submitters_not_statements(oewg_event, agenda, add_statement, submitters,
                                                           organizer_client, dummy_working_group):
    add_statement('JPN', item=1, position=1)
    add_statement('BRA', item=1, position=2)
    (new_event,) = clone_via_dialog(organizer_client, oewg_event, dummy_working_group.category, OPTIONS)

    assert _agenda(new_event) == [(1, 'Opening of the session'), (2, 'General exchange of views'),
                                  (3, 'General exchange of views (informal mode)')]
    assert not {item.id for item in new_event.oewg_agenda_items} & {item.id for item in agenda}
    assert _submitters(new_event) == [('eva@eeas.example.org', None, 'European Union'),
                                      ('jun@mission.example.org', 'JPN', '')]
    # the statements are the record of the session they were delivered at
    assert Statement.query.filter_by(event_id=new_event.id).count() == 0
    assert Statement.query.filter_by(event_id=oewg_event.id).count() == 2
    # the source keeps everything
    assert len(_agenda(oewg_event)) == 3
    assert len(_submitters(oewg_event)) == 3
    # the copies work: the listed users may hand in statements at the new session
    assert Delegation.for_state('JPN') in get_submitter_delegations(new_event, submitters['JPN'])
    assert (Delegation.for_named_organization('European Union')
            in get_submitter_delegations(new_event, submitters['EU']))


def test_unticked_options_copy_nothing(oewg_event, agenda, add_statement, submitters, organizer_client,
                                       dummy_working_group):
    add_statement('JPN', item=1, position=1)
    (new_event,) = clone_via_dialog(organizer_client, oewg_event, dummy_working_group.category, set())
    assert AgendaItem.query.filter_by(event_id=new_event.id).count() == 0
    assert StatementSubmitter.query.filter_by(event_id=new_event.id).count() == 0
    assert Statement.query.filter_by(event_id=new_event.id).count() == 0


@pytest.mark.parametrize(('option', 'agenda_copied', 'submitters_copied'), (
    ('oewg_agenda_items', True, False),
    ('oewg_statement_submitters', False, True),
))
def test_each_option_copies_its_own(oewg_event, agenda, submitters, organizer_client, dummy_working_group,
                                    option, agenda_copied, submitters_copied):
    (new_event,) = clone_via_dialog(organizer_client, oewg_event, dummy_working_group.category, {option})
    assert bool(_agenda(new_event)) == agenda_copied
    assert bool(_submitters(new_event)) == submitters_copied


def test_clone_repeatedly_copies_into_each(oewg_event, agenda, organizer_client, dummy_working_group):
    clones = clone_via_dialog(organizer_client, oewg_event, dummy_working_group.category, {'oewg_agenda_items'},
                              times=2)
    assert [len(_agenda(event)) for event in clones] == [3, 3]


@pytest.mark.usefixtures('agenda', 'submitters')
def test_options_ticked_by_default_once_there_is_something_to_copy(oewg_event, organizer_client):
    options = clone_dialog_options(organizer_client, oewg_event)
    assert options['oewg_agenda_items'] is True
    assert options['oewg_statement_submitters'] is True
    defaults = {c.name for c in EventCloner.get_cloners(oewg_event) if c.is_default}
    assert defaults >= OPTIONS


@pytest.mark.usefixtures('agenda', 'submitters')
def test_import_into_an_existing_session(oewg_event, create_oewg_session, create_event, dummy_working_group,
                                         organizer, request_context):
    """Indico's "Import from event" into a session that has no agenda yet."""
    fifth = create_oewg_session('Fifth session', 5, (2024, 1, 8), (2024, 1, 12))
    plain = create_event(title='Not a session', category=dummy_working_group.category)
    cloners = {c.name: c for c in EventCloner.get_cloners(oewg_event)}
    assert [str(m) for m in cloners['oewg_agenda_items'].get_conflicts(plain)] == [
        'The target event is not an OEWG session']
    assert not cloners['oewg_agenda_items'].get_conflicts(fifth)
    assert not cloners['oewg_statement_submitters'].get_conflicts(fifth)

    import_from_event(oewg_event, fifth, OPTIONS, organizer)
    assert len(_agenda(fifth)) == 3
    assert len(_submitters(fifth)) == 2
    # Indico logs the import, naming the options
    log = EventLogEntry.query.filter_by(event_id=fifth.id, summary='Data imported').one()
    assert set(log.data['Modules'].split(', ')) == {'OEWG agenda items', 'OEWG statement submitters'}
    # the session record of an existing session is never touched by an import
    assert (fifth.oewg_session.title, fifth.oewg_session.number) == ('Fifth session', 5)
    # now there is something: importing again is refused
    assert [str(m) for m in cloners['oewg_agenda_items'].get_conflicts(fifth)] == [
        'The target event already has OEWG agenda items']
    assert [str(m) for m in cloners['oewg_statement_submitters'].get_conflicts(fifth)] == [
        'The target event already has OEWG statement submitters']
