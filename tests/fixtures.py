"""Fixtures shared by the tests of every capability: a working group, its sessions, users."""

import uuid
from datetime import datetime

import pytest
import pytz

from indico.modules.events.features.util import set_feature_enabled
from indico.modules.events.models.events import EventType

from indico_oewg.working_groups.models.working_groups import WorkingGroup


@pytest.fixture(autouse=True)
def file_storage(patch_indico_config, tmp_path):
    """Files on a file system storage, as on a server: downloads go through `StoredFileMixin.send()`, which Indico's
    in-memory test storage does not implement.
    """
    patch_indico_config('STORAGE_BACKENDS', {'default': f'fs:{tmp_path}'})


@pytest.fixture
def oewg_plugin(app):
    from indico.core.plugins import plugin_engine
    return plugin_engine.get_plugin('oewg')


@pytest.fixture
def create_working_group(db):
    """Return a callable that configures a category as a working group."""
    def _create_working_group(category, **kwargs):
        kwargs.setdefault('name', 'Open-ended working group on reducing space threats through norms, rules and '
                                  'principles of responsible behaviours')
        kwargs.setdefault('resolution', '76/231')
        kwargs.setdefault('symbol_prefix', 'A/AC.294')
        kwargs.setdefault('contact_email', 'oewg-spacethreats@un.org')
        working_group = WorkingGroup(category=category, **kwargs)
        db.session.add(working_group)
        db.session.flush()
        return working_group
    return _create_working_group


@pytest.fixture
def dummy_working_group(create_working_group, dummy_category):
    return create_working_group(dummy_category)


@pytest.fixture
def create_oewg_session(db, create_event, dummy_working_group):
    """Return a callable that creates an event that is a session of the dummy working group."""
    def _create_oewg_session(title='Fourth session', number=4, start=(2023, 8, 28), end=(2023, 9, 1), **kwargs):
        tz = pytz.timezone('Europe/Zurich')
        kwargs.setdefault('type_', EventType.conference)
        event = create_event(title=title, category=dummy_working_group.category,
                             start_dt=tz.localize(datetime(*start, 10)), end_dt=tz.localize(datetime(*end, 18)),
                             timezone='Europe/Zurich', **kwargs)
        set_feature_enabled(event, 'oewg', True)  # creates the session settings
        event.oewg_session.populate_from_dict({'title': title, 'number': number, 'room': 'Room XVIII, E Building'})
        db.session.flush()
        return event
    return _create_oewg_session


@pytest.fixture
def oewg_event(create_oewg_session):
    """An event that is the fourth session of the dummy working group."""
    return create_oewg_session()


@pytest.fixture
def secretariat_user(create_user, oewg_event):
    """A user holding the OEWG secretariat permission on ``oewg_event`` (and nothing more)."""
    user = create_user(2001, first_name='Sara', last_name='Secretariat', email='secretariat@example.org')
    oewg_event.update_principal(user, add_permissions={'oewg_secretariat'})
    return user


@pytest.fixture
def client_for(test_client):
    """Return a callable that logs a user in (or out, with ``None``) on the test client."""
    def _client_for(user):
        with test_client.session_transaction() as sess:
            if user is None:
                sess.clear()
            else:
                sess.set_session_user(user)
                # IndicoForm checks this token; tests send it like a browser would
                sess['_csrf_token'] = test_client.csrf_token = str(uuid.uuid4())
        return test_client
    return _client_for


@pytest.fixture
def organizer(create_user, dummy_working_group):
    """A manager of the working group's category (may clone its sessions and create events there)."""
    user = create_user(3001, first_name='Olga', last_name='Organizer', email='organizer@example.org')
    dummy_working_group.category.update_principal(user, full_access=True)
    return user


@pytest.fixture
def organizer_client(organizer, client_for):
    return client_for(organizer)
