# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""The quota of representatives under concurrent submissions, with real committed transactions.

Indico's ``db`` fixture never commits, so concurrent requests could not see each other's registrations. This test
commits its own data instead, submits from many threads through Indico's registration page (each request in its own
transaction, as in production), and removes every row it added afterwards.
"""

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
import pytz
from sqlalchemy import text
from sqlalchemy.pool import QueuePool

from indico.core.db import db
from indico.modules.categories import Category
from indico.modules.events import Event
from indico.modules.events.features.util import set_feature_enabled
from indico.modules.events.models.events import EventType
from indico.modules.events.registration.models.form_fields import RegistrationFormField
from indico.modules.events.registration.models.forms import RegistrationForm
from indico.modules.events.registration.models.items import RegistrationFormSection
from indico.modules.events.registration.models.registrations import Registration
from indico.modules.events.registration.util import create_personal_data_fields
from indico.modules.users import User
from indico.util.date_time import now_utc
from indico.web.flask.util import url_for

from indico_oewg.registration.util import FIELD_TYPE


SUBMISSIONS = int(__import__('os').environ.get('OEWG_SUBMISSIONS', 50))
SEATS = 2
ANONYMOUS_CSRF_TOKEN = '00000000-0000-0000-0000-000000000000'


def _table_rows():
    """Every row of every table, as text, by table (a snapshot to prove the cleanup)."""
    tables = db.session.execute(text("SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) "
                                     "FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND "
                                     "table_schema NOT IN ('pg_catalog', 'information_schema')")).scalars().all()
    # (table names from the catalogue, quoted by PostgreSQL)
    return {table: sorted(db.session.execute(text(f'SELECT t::text FROM {table} t')).scalars().all())  # noqa: S608
            for table in tables}


def _delete_rows_added_since(before):
    # foreign keys would impose an order across Indico's ~200 tables; replica mode skips their triggers
    db.session.execute(text('SET LOCAL session_replication_role = replica'))
    for table in _table_rows():
        old = before.get(table, [])
        if old:
            db.session.execute(text(f'DELETE FROM {table} t WHERE NOT (t::text = ANY(:old))'),  # noqa: S608
                               {'old': old})
        else:
            db.session.execute(text(f'DELETE FROM {table}'))  # noqa: S608
    db.session.commit()


def _create_committed_session_form():
    """A working group, a session with a moderated form with the OEWG field (quota 2), ESA accredited."""
    # (imported late: the plugin's models are all mapped only once the app is loaded)
    from indico_oewg.observers.models.accreditations import Accreditation
    from indico_oewg.observers.models.organizations import Organization, OrganizationKind
    from indico_oewg.working_groups.models.working_groups import WorkingGroup
    tz = pytz.timezone('Europe/Zurich')
    creator = User(first_name='Quota', last_name='Tester', email='quota-tester@example.org')
    category = Category(parent=Category.get_root(), title='OEWG concurrency test')
    working_group = WorkingGroup(category=category, name='Concurrency OEWG', resolution='76/231',
                                 symbol_prefix='A/AC.294', contact_email='oewg@example.org')
    start = now_utc() + timedelta(days=30)
    event = Event(category=category, title='Fourth session', type_=EventType.conference, creator=creator,
                  start_dt=start, end_dt=start + timedelta(days=4), timezone=tz.zone, acl_entries=set())
    db.session.add_all([creator, category, working_group, event])
    db.session.flush()
    set_feature_enabled(event, 'oewg', True)
    regform = RegistrationForm(event=event, title='Registration', currency='EUR', moderation_enabled=True,
                               require_captcha=False,
                               start_dt=now_utc() - timedelta(days=1), end_dt=now_utc() + timedelta(days=10))
    create_personal_data_fields(regform)
    for field in regform.sections[0].fields:
        field.is_enabled = True
    section = RegistrationFormSection(registration_form=regform, title='Delegation', is_enabled=True)
    field = RegistrationFormField(parent=section, registration_form=regform, title='Delegation',
                                  input_type=FIELD_TYPE, is_required=True, is_enabled=True)
    field.data, field.versioned_data = field.field_impl.process_field_data({
        'representations': ['member_state', 'igo'], 'role_required': True, 'organization_quota': SEATS})
    esa = Organization(working_group_id=working_group.id, name='European Space Agency', acronym='ESA',
                       kind=OrganizationKind.standing_invitation)
    db.session.add_all([regform, field, esa])
    db.session.flush()
    db.session.add(Accreditation(organization=esa, working_group_id=working_group.id, event=event))
    db.session.commit()
    return regform.id, field.html_field_name, esa.id


@pytest.fixture
def connection_per_request():
    """A connection pool big enough for every submission at once.

    Each waiting request holds a connection, and the one holding the lock needs a second (Indico takes the
    registration's friendly id in a separate transaction); in production every worker process has its own pool.
    """
    engine = db.engine
    old_pool = engine.pool
    engine.pool = QueuePool(old_pool._creator, pool_size=SUBMISSIONS + 5, max_overflow=0, timeout=120,
                            recycle=old_pool._recycle, pre_ping=old_pool._pre_ping,
                            reset_on_return=old_pool._reset_on_return, _dispatch=old_pool.dispatch,
                            dialect=old_pool._dialect)
    try:
        yield
    finally:
        engine.pool.dispose()
        engine.pool = old_pool


@pytest.mark.usefixtures('database', 'smtp', 'connection_per_request')
def test_quota_holds_under_concurrent_submissions(app):
    before = _table_rows()
    try:
        regform_id, html_name, esa_id = _create_committed_session_form()
        url = url_for('event_registration.display_regform', RegistrationForm.get(regform_id))
        db.session.rollback()
        start = threading.Barrier(SUBMISSIONS)

        def _submit(n):
            client = app.test_client()
            start.wait(timeout=60)
            resp = client.post(url, json={
                'email': f'esa-{n}@example.org', 'first_name': 'Representative', 'last_name': f'No {n}',
                html_name: {'representation': 'igo', 'delegation': str(esa_id), 'role': 'representative'},
            }, headers={'X-CSRF-Token': ANONYMOUS_CSRF_TOKEN})
            return resp.status_code, resp.get_data(as_text=True)

        # every request runs in its own thread, application context, database session and transaction
        with ThreadPoolExecutor(max_workers=SUBMISSIONS) as executor:
            results = list(executor.map(_submit, range(SUBMISSIONS)))

        statuses = sorted(status for status, __ in results)
        assert statuses == [200] * SEATS + [422] * (SUBMISSIONS - SEATS), results
        refused = [body for status, body in results if status == 422]
        assert all('has already registered the 2 representatives' in body for body in refused)
        db.session.expire_all()
        registrations = Registration.query.filter_by(registration_form_id=regform_id).all()
        assert len(registrations) == SEATS
        assert all(r.data_by_field for r in registrations)
    finally:
        db.session.rollback()
        _delete_rows_added_since(before)
        assert _table_rows() == before


@pytest.mark.usefixtures('database', 'smtp', 'connection_per_request')
def test_quota_holds_when_registrations_change_delegation_at_once(app):
    """Registrations moved to an organization at the same moment cannot take more than its free seats."""
    from indico.modules.events.registration.util import create_registration
    before = _table_rows()
    movers = 10
    try:
        regform_id, html_name, esa_id = _create_committed_session_form()
        regform = RegistrationForm.get(regform_id)
        admin = User(first_name='Quota', last_name='Admin', email='quota-admin@example.org', is_admin=True)
        db.session.add(admin)

        def _register(n, value):
            return create_registration(regform, {'email': f'delegate-{n}@example.org', 'first_name': 'Delegate',
                                                 'last_name': f'No {n}', html_name: value},
                                       management=True, notify_user=False)

        # ESA has one of its two seats taken; ten Japanese delegates will all move to ESA at once
        _register(0, {'representation': 'igo', 'delegation': str(esa_id), 'role': 'representative'})
        registrations = [_register(n, {'representation': 'member_state', 'delegation': 'JPN', 'role': 'adviser'})
                         for n in range(1, movers + 1)]
        db.session.commit()
        admin_id = admin.id
        urls = [url_for('event_registration.edit_registration', r) for r in registrations]
        people = [(r.email, r.first_name, r.last_name) for r in registrations]
        db.session.rollback()
        start = threading.Barrier(movers)

        def _move(n):
            client = app.test_client()
            with app.app_context(), client.session_transaction() as sess:
                sess.set_session_user(User.get(admin_id))
                sess['_csrf_token'] = token = f'quota-move-{n}'
            email, first_name, last_name = people[n]
            start.wait(timeout=60)
            resp = client.post(urls[n], json={
                'email': email, 'first_name': first_name, 'last_name': last_name,
                html_name: {'representation': 'igo', 'delegation': str(esa_id), 'role': 'representative'},
            }, headers={'X-CSRF-Token': token})
            return resp.status_code, resp.get_data(as_text=True)

        with ThreadPoolExecutor(max_workers=movers) as executor:
            results = list(executor.map(_move, range(movers)))

        statuses = sorted(status for status, __ in results)
        assert statuses == [200] + [422] * (movers - 1), results
        db.session.expire_all()
        field = RegistrationFormField.query.filter_by(registration_form_id=regform_id, input_type=FIELD_TYPE).one()
        at_esa = [r for r in Registration.query.filter_by(registration_form_id=regform_id, is_deleted=False)
                  if r.data_by_field[field.id].data['delegation'] == str(esa_id)]
        assert len(at_esa) == SEATS
    finally:
        db.session.rollback()
        _delete_rows_added_since(before)
        assert _table_rows() == before
