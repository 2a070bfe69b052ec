"""Cloning a session with Indico's "Clone event": the new event is the next session of the working group.

The clones are made through Indico's own dialog (`event_management.clone`, its last step), which runs
`indico.modules.events.operations.clone_event` once or, when cloning repeatedly, once per date.
"""

import json
from datetime import date

import pytest

from indico.modules.events.cloning import EventCloner
from indico.modules.events.features.util import get_enabled_features
from indico.modules.events.models.events import Event
from indico.modules.events.operations import clone_into_event
from indico.web.flask.util import url_for

from indico_oewg.working_groups.clone import next_session_number, ordinal_word, renumber_title
from indico_oewg.working_groups.models.sessions import WorkingGroupSession


pytestmark = pytest.mark.usefixtures('db')

#: Every option the plugin adds to Indico's clone dialog
OEWG_OPTIONS = {'oewg_agenda_items', 'oewg_statement_submitters', 'oewg_focal_points'}


def clone_via_dialog(client, event, category, selected, start=(2024, 1, 8), times=None):
    """Submit the last step of Indico's clone dialog; return the new events (oldest first).

    :param selected: the names of the ticked options ("What to clone")
    :param times: clone repeatedly, once a year, that many times (``None``: clone once)
    """
    data = {
        'step': '5',
        'repeatability': 'once' if times is None else 'interval',
        'selected_items': sorted(selected),
        'selected_items_set': '1',
        'category': json.dumps({'id': category.id}),
        'start_dt': [f'{start[0]:04}-{start[1]:02}-{start[2]:02}', '10:00:00'],
        'csrf_token': client.csrf_token,
    }
    if times is not None:
        data |= {'recurrence': ['1', 'years'], 'stop_criterion': 'num_times', 'num_times': str(times)}
    before = {e.id for e in Event.query.filter_by(cloned_from_id=event.id)}
    resp = client.post(url_for('event_management.clone', event), data=data,
                       headers={'X-CSRF-Token': client.csrf_token})
    assert resp.status_code == 200, resp.text
    assert 'redirect' in resp.json, resp.json
    return (Event.query
            .filter(Event.cloned_from_id == event.id, Event.id.notin_(before))
            .order_by(Event.start_dt)
            .all())


def import_from_event(source, target, selected, user):
    """Indico's "Import from event" into ``target``: the operation its dialog (`event_management.import`) runs.

    The dialog itself cannot be driven here: its URL field wants a top-level domain, and tests run on localhost.
    """
    from flask import session
    session.set_session_user(user)
    clone_into_event(source, target, set(selected))


def clone_dialog_options(client, event):
    """The options of step 2 of Indico's clone dialog ("What to clone"): ``{name: available}``."""
    resp = client.post(url_for('event_management.clone', event),
                       data={'step': '2', 'repeatability': 'once', 'csrf_token': client.csrf_token},
                       headers={'X-CSRF-Token': client.csrf_token})
    assert resp.status_code == 200
    html = resp.json['html']
    assert 'value="event_protection"' in html  # Indico's own options are there
    options = {}
    for name in OEWG_OPTIONS:
        marker = f'value="{name}"'
        if marker in html:
            tag = html[html.rindex('<input', 0, html.index(marker)):html.index('>', html.index(marker))]
            options[name] = 'disabled' not in tag
    return options


@pytest.fixture
def session_setup(db, oewg_event, dummy_user):
    """Something for each option to copy: an agenda item, a statement submitter, a State's focal point."""
    from indico_oewg.delegations import DelegationKind
    from indico_oewg.registration.models.focal_points import FocalPoint
    from indico_oewg.statements.models.agenda_items import AgendaItem
    from indico_oewg.statements.models.submitters import StatementSubmitter
    db.session.add_all([
        AgendaItem(event=oewg_event, position=1, title='General exchange of views'),
        StatementSubmitter(event=oewg_event, user=dummy_user, speaker_kind=DelegationKind.state, state_code='JPN'),
        FocalPoint(event=oewg_event, user=dummy_user, state='JPN'),
    ])
    db.session.flush()


# --- the session record -------------------------------------------------------------------------------------------

def test_clone_is_the_next_session(oewg_event, organizer_client, dummy_working_group):
    (new_event,) = clone_via_dialog(organizer_client, oewg_event, dummy_working_group.category, set())
    assert 'oewg' in get_enabled_features(new_event)
    assert new_event.oewg_session.title == 'Fifth session'
    assert new_event.oewg_session.number == 5
    assert new_event.oewg_session.room == 'Room XVIII, E Building'
    # the source is untouched, and each event has exactly one record
    assert (oewg_event.oewg_session.title, oewg_event.oewg_session.number) == ('Fourth session', 4)
    assert WorkingGroupSession.query.filter_by(event_id=new_event.id).count() == 1
    # the dialog's date (in the user's timezone, UTC here)
    assert new_event.start_dt.date() == date(2024, 1, 8)


def test_clone_repeatedly_numbers_each_session(oewg_event, organizer_client, dummy_working_group):
    clones = clone_via_dialog(organizer_client, oewg_event, dummy_working_group.category, set(), times=3)
    assert [(e.oewg_session.number, e.oewg_session.title) for e in clones] == [
        (5, 'Fifth session'), (6, 'Sixth session'), (7, 'Seventh session')]


def test_clone_of_an_earlier_session_takes_the_next_free_number(create_oewg_session, organizer_client,
                                                              dummy_working_group):
    first = create_oewg_session('First session', 1, (2022, 5, 9), (2022, 5, 13))
    create_oewg_session('Fourth session', 4, (2023, 8, 28), (2023, 9, 1))
    (new_event,) = clone_via_dialog(organizer_client, first, dummy_working_group.category, set())
    assert (new_event.oewg_session.number, new_event.oewg_session.title) == (5, 'Fifth session')


def test_clone_of_the_organizational_session_stays_unnumbered(create_oewg_session, organizer_client,
                                                              dummy_working_group):
    organizational = create_oewg_session('Organizational session', None, (2022, 2, 7), (2022, 2, 9))
    (new_event,) = clone_via_dialog(organizer_client, organizational, dummy_working_group.category, set())
    assert new_event.oewg_session.number is None
    assert new_event.oewg_session.title == 'Organizational session'


@pytest.mark.usefixtures('session_setup')
def test_clone_into_another_working_group_is_numbered_there(oewg_event, organizer, organizer_client,
                                                          create_category, create_working_group):
    other = create_working_group(create_category(44, title='OEWG on ICT'), name='OEWG on ICT security',
                                 resolution='75/240', symbol_prefix='A/AC.292')
    other.category.update_principal(organizer, full_access=True)
    (new_event,) = clone_via_dialog(organizer_client, oewg_event, other.category, OEWG_OPTIONS)
    assert (new_event.oewg_session.number, new_event.oewg_session.title) == (1, 'First session')


@pytest.mark.usefixtures('session_setup')
def test_clone_into_a_category_that_is_no_working_group(oewg_event, organizer, organizer_client, create_category):
    """Nothing breaks; the event keeps Indico's copy of its features but is no session there (pages 404)."""
    plain = create_category(45, title='Other meetings')
    plain.update_principal(organizer, full_access=True)
    (new_event,) = clone_via_dialog(organizer_client, oewg_event, plain, OEWG_OPTIONS)
    assert new_event.category == plain
    assert 'oewg' in get_enabled_features(new_event)
    # not renumbered: the record is the default one enabling the feature made
    assert new_event.oewg_session.number is None
    assert WorkingGroupSession.query.filter_by(event_id=new_event.id).count() == 1
    # what the options copy is plain data of the event (kept should it move into a working group's category)
    assert [item.title for item in new_event.oewg_agenda_items] == ['General exchange of views']
    assert [fp.state for fp in new_event.oewg_focal_points] == ['JPN']
    assert organizer_client.get(url_for('plugin_oewg.manage_session', new_event)).status_code == 404
    assert organizer_client.get(url_for('events.display', new_event)).status_code == 200
    assert organizer_client.get(url_for('event_management.settings', new_event)).status_code == 200


def test_clone_of_an_event_that_is_no_session(create_event, organizer, organizer_client, dummy_working_group):
    event = create_event(title='Informal consultations', category=dummy_working_group.category)
    event.update_principal(organizer, full_access=True)
    assert not clone_dialog_options(organizer_client, event).keys() & OEWG_OPTIONS
    (new_event,) = clone_via_dialog(organizer_client, event, dummy_working_group.category, set())
    assert new_event.oewg_session is None
    assert 'oewg' not in get_enabled_features(new_event)


def test_import_into_an_existing_session_keeps_its_record(oewg_event, create_oewg_session, organizer,
                                                          request_context):
    fifth = create_oewg_session('Fifth session', 5, (2024, 1, 8), (2024, 1, 12))
    fifth.oewg_session.room = 'Room XX'
    import_from_event(oewg_event, fifth, set(), organizer)
    assert (fifth.oewg_session.title, fifth.oewg_session.number, fifth.oewg_session.room) == (
        'Fifth session', 5, 'Room XX')


# --- the options: offered for sessions only -------------------------------------------------------------------

def test_options_offered_only_for_sessions(oewg_event, create_event, dummy_working_group, organizer,
                                           organizer_client):
    # nothing to copy yet: offered, but not selectable
    assert clone_dialog_options(organizer_client, oewg_event) == dict.fromkeys(OEWG_OPTIONS, False)
    plain = create_event(title='Not a session', category=dummy_working_group.category)
    plain.update_principal(organizer, full_access=True)
    assert not clone_dialog_options(organizer_client, plain).keys() & OEWG_OPTIONS
    visible = {c.name for c in EventCloner.get_cloners(plain) if c.is_visible}
    assert not visible & (OEWG_OPTIONS | {'oewg_session'})
    assert {c.name for c in EventCloner.get_cloners(oewg_event) if c.is_visible} >= OEWG_OPTIONS


@pytest.mark.parametrize('option', sorted(OEWG_OPTIONS))
def test_options_refused_for_events_that_are_no_session(oewg_event, session_setup, dummy_working_group, organizer,
                                                        request_context, option):
    """A former session (feature switched off since) keeps its data, but the options are not offered: Indico
    refuses to run an option that is not offered.
    """
    from flask import session

    from indico.modules.events.features.util import set_feature_enabled
    from indico.modules.events.operations import clone_event
    session.set_session_user(organizer)
    set_feature_enabled(oewg_event, 'oewg', False)
    cloner = next(c for c in EventCloner.get_cloners(oewg_event) if c.name == option)
    assert cloner.is_available
    assert not cloner.is_visible
    with pytest.raises(Exception, match='invisible/unavailable'):
        clone_event(oewg_event, 0, oewg_event.start_dt, {option}, dummy_working_group.category)


def test_session_cloner_is_internal(oewg_event):
    cloner = next(c for c in EventCloner.get_cloners(oewg_event) if c.name == 'oewg_session')
    assert cloner.is_internal
    assert not cloner.is_visible
    assert str(cloner.friendly_name) == 'OEWG session'


# --- numbering -----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(('number', 'word'), (
    (1, 'first'), (4, 'fourth'), (12, 'twelfth'), (20, 'twentieth'), (21, 'twenty-first'), (42, 'forty-second'),
    (99, 'ninety-ninth'), (0, None), (100, None), (None, None),
))
def test_ordinal_word(number, word):
    assert ordinal_word(number) == word


@pytest.mark.parametrize(('title', 'old', 'new', 'expected'), (
    ('Fourth session', 4, 5, 'Fifth session'),
    ('fourth session', 4, 5, 'fifth session'),
    ('FOURTH SESSION', 4, 5, 'FIFTH SESSION'),
    ('Resumed fourth session', 4, 5, 'Resumed fifth session'),
    ('Twentieth session', 20, 21, 'Twenty-first session'),
    ('Twenty-fourth session', 24, 25, 'Twenty-fifth session'),
    # "fourth" inside "twenty-fourth" is not session 4's ordinal
    ('Twenty-fourth session', 4, 5, 'Twenty-fourth session'),
    ('Session 4 (2023)', 4, 5, 'Session 5 (2023)'),
    ('Substantive session', 4, 5, 'Substantive session'),
    ('Organizational session', None, None, 'Organizational session'),
))
def test_renumber_title(title, old, new, expected):
    assert renumber_title(title, old, new) == expected


def test_next_session_number_ignores_deleted_events(create_oewg_session, dummy_working_group):
    assert next_session_number(dummy_working_group) == 1
    create_oewg_session('Fourth session', 4)
    sixth = create_oewg_session('Sixth session', 6, (2024, 8, 1), (2024, 8, 5))
    assert next_session_number(dummy_working_group) == 7
    sixth.is_deleted = True
    assert next_session_number(dummy_working_group) == 5
