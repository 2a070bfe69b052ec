# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""Speed of the registration capability against Indico's own comparable pages, measured in the same run.

    .venv/bin/python benchmarks/registration.py

- submitting a registration form with the OEWG delegation field against the same form without it (target <= 1.1x);
- the list of participants as PDF for 1,000 approved registrants against Indico's registrant PDF export (table) of
  the same registrants (target <= 0.25x), and as XLSX against Indico's XLSX export (target <= 0.25x);
- the number of SQL queries of the list at 100 and at 1,000 registrants (target: equal).

Database, Redis, SMTP sink and rounds: see benchmarks/harness.py (OEWG_BENCH_PG, OEWG_BENCH_REDIS, OEWG_BENCH_ROUNDS).
"""

import os
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytz


sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.harness import bench_app, logged_in_client, measure, report


# Offline, Indico refuses every e-mail address by DNS unless it believes it runs tests (same for both forms).
os.environ.setdefault('PYTEST_CURRENT_TEST', 'benchmarks/registration.py')
REGISTRANTS = 1000
STATES = ['AFG', 'ARG', 'AUS', 'BRA', 'CAN', 'CHL', 'CHN', 'DEU', 'EGY', 'ESP', 'FRA', 'GBR', 'IND', 'ITA', 'JPN',
          'KEN', 'MEX', 'NGA', 'NOR', 'PAK', 'RUS', 'SGP', 'SWE', 'USA', 'ZAF']
ROLES = ['head', 'deputy_head', 'representative', 'alternate', 'adviser', 'expert', 'other']


def _seed(app):
    """Two open forms (with and without the OEWG field) and a third one with the approved registrants."""
    from indico.core.db import db
    from indico.modules.categories import Category
    from indico.modules.events import Event
    from indico.modules.events.features.util import set_feature_enabled
    from indico.modules.events.models.events import EventType
    from indico.modules.events.registration.models.form_fields import RegistrationFormField
    from indico.modules.events.registration.models.forms import RegistrationForm
    from indico.modules.events.registration.models.items import RegistrationFormSection
    from indico.modules.events.registration.models.registrations import (Registration, RegistrationData,
                                                                         RegistrationState, RegistrationVisibility)
    from indico.modules.events.registration.util import create_personal_data_fields
    from indico.modules.users import User
    from indico.util.date_time import now_utc

    from indico_oewg.registration.fields import FIELD_TYPE
    from indico_oewg.working_groups.models.working_groups import WorkingGroup

    with app.app_context():
        admin = User(first_name='Bench', last_name='Admin', email='admin@example.com', is_admin=True)
        category = Category(parent=Category.get_root(), title='OEWG benchmark')
        db.session.add_all([admin, category, WorkingGroup(category=category, name='OEWG', resolution='76/231',
                                                          symbol_prefix='A/AC.294',
                                                          contact_email='oewg@example.com')])
        tz = pytz.timezone('Europe/Zurich')
        event = Event(category=category, title='Fourth session', type_=EventType.conference, creator=admin,
                      start_dt=tz.localize(datetime(2030, 8, 28, 10)), end_dt=tz.localize(datetime(2030, 9, 1, 18)),
                      timezone='Europe/Zurich', acl_entries=set())
        db.session.add(event)
        db.session.flush()
        set_feature_enabled(event, 'registration', True)
        set_feature_enabled(event, 'oewg', True)
        forms = {}
        for key in ('plain', 'oewg', 'list'):
            regform = RegistrationForm(event=event, title=key, currency='CHF', require_captcha=False,
                                       start_dt=now_utc() - timedelta(days=1), end_dt=now_utc() + timedelta(days=9))
            create_personal_data_fields(regform)
            for field in regform.sections[0].fields:
                field.is_enabled = True
            db.session.add(regform)
            forms[key] = regform
            if key != 'plain':
                section = RegistrationFormSection(registration_form=regform, title='Delegation', is_enabled=True)
                field = RegistrationFormField(parent=section, registration_form=regform, title='Delegation',
                                              input_type=FIELD_TYPE, is_required=True, is_enabled=True)
                field.data, field.versioned_data = field.field_impl.process_field_data({})
                db.session.add(field)
                forms[f'{key}_field'] = field
        # (Indico numbers registrations in a separate transaction, which must see the event)
        db.session.commit()
        pd = {f.personal_data_type.name: f for f in forms['list'].active_fields if f.personal_data_type}
        for n in range(REGISTRANTS):
            registration = Registration(registration_form=forms['list'], first_name=f'First{n}',
                                        last_name=f'Last{n:04d}', email=f'person{n}@example.com', currency='CHF',
                                        state=RegistrationState.complete,
                                        consent_to_publish=RegistrationVisibility.all)
            for name, value in (('first_name', f'First{n}'), ('last_name', f'Last{n:04d}'),
                                ('email', f'person{n}@example.com')):
                registration.data.append(RegistrationData(field_data=pd[name].current_data, data=value))
            registration.data.append(RegistrationData(field_data=forms['list_field'].current_data, data={
                'representation': 'member_state', 'delegation': STATES[n % len(STATES)],
                'role': ROLES[n % len(ROLES)], 'title': 'Counsellor'}))
            db.session.add(registration)
        db.session.commit()
        return {'admin': admin.id, 'event': event.id, 'plain': forms['plain'].id, 'oewg': forms['oewg'].id,
                'oewg_field': forms['oewg_field'].html_field_name, 'list': forms['list'].id}


def _delete_registrations_beyond(app, form_id, keep):
    from indico.core.db import db
    from indico.modules.events.registration.models.registrations import Registration
    with app.app_context():
        ids = [r.id for r in Registration.query.filter_by(registration_form_id=form_id)
               .order_by(Registration.id).offset(keep)]
        Registration.query.filter(Registration.id.in_(ids)).update({'is_deleted': True}, synchronize_session=False)
        db.session.commit()


def main():
    with bench_app('oewg_bench_registration') as app:
        _run(app)


def _run(app):
    ids = _seed(app)
    client = logged_in_client(app, ids['admin'])
    # Indico's exports are POSTs: they need the session's CSRF token
    with app.app_context(), client.session_transaction() as sess:
        sess['_csrf_token'] = csrf_token = 'benchmark-csrf-token'  # noqa: S105 (a test session's)

    with app.test_request_context():
        from indico.core.plugins import url_for_plugin
        from indico.modules.events import Event
        from indico.modules.events.registration.models.forms import RegistrationForm
        from indico.web.flask.util import url_for
        event = Event.get(ids['event'])
        plain_url = url_for('event_registration.display_regform', RegistrationForm.get(ids['plain']))
        oewg_url = url_for('event_registration.display_regform', RegistrationForm.get(ids['oewg']))
        list_form = RegistrationForm.get(ids['list'])
        pdf_url = url_for_plugin('oewg.participants_pdf', event)
        xlsx_url = url_for_plugin('oewg.participants_xlsx', event)
        indico_pdf = url_for('event_registration.registrations_pdf_export', list_form, export_type='table')
        indico_xlsx = url_for('event_registration.registrations_excel_export', list_form)
        registration_ids = [r.id for r in list_form.registrations]
    counter = iter(range(10**6))

    def _submission(extra):
        def _data():
            n = next(counter)
            return None, ({'email': f'submit{n}@example.com', 'first_name': 'Sub', 'last_name': f'Mitter{n}',
                           'consent_to_publish': 'all'} | extra)
        return _data

    def _submit(url, extra):
        # a new anonymous submission each time (a logged-in user may register only once)
        import json
        anonymous = app.test_client()
        make = _submission(extra)

        class _Client:
            def open(self, url, method, data):
                __, payload = make()
                resp = anonymous.open(url, method='POST', data=json.dumps(payload),
                                      content_type='application/json',
                                      headers={'X-CSRF-Token': '00000000-0000-0000-0000-000000000000'})
                if resp.status_code != 200:
                    print(resp.get_data(as_text=True)[:500], file=sys.stderr)
                return resp
        return measure(app, _Client(), url, method='POST')

    print(f'Registration benchmark ({REGISTRANTS} registrants)', flush=True)
    report('Submitting a form: with the OEWG field vs. the same form without it',
           _submit(oewg_url, {ids['oewg_field']: {'representation': 'member_state', 'delegation': 'JPN',
                                                  'role': 'head', 'title': 'Ambassador'}}),
           _submit(plain_url, {}), 1.1)
    form = {'registration_id': registration_ids, 'csrf_token': csrf_token}
    report(f"List of participants as PDF vs. Indico's registrant PDF export (table), {REGISTRANTS} registrants",
           measure(app, client, pdf_url, rounds=3, warmup=1),
           measure(app, client, indico_pdf, method='POST', data=form, rounds=1, warmup=0), 0.25)
    report(f"List of participants as XLSX vs. Indico's XLSX export, {REGISTRANTS} registrants",
           measure(app, client, xlsx_url, rounds=3, warmup=1),
           measure(app, client, indico_xlsx, method='POST', data=form, rounds=3, warmup=1), 0.25)
    at_1000 = measure(app, client, pdf_url, rounds=1, warmup=0)
    _delete_registrations_beyond(app, ids['list'], 100)
    at_100 = measure(app, client, pdf_url, rounds=1, warmup=0)
    verdict = 'ok' if at_100.queries == at_1000.queries else 'MISSED'
    print(f'SQL queries of the list of participants: {at_100.queries} at 100 registrants, '
          f'{at_1000.queries} at {REGISTRANTS} (target: equal) {verdict}', flush=True)


if __name__ == '__main__':
    main()
