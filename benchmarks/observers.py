# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""Speed of the observers pages against Indico's own comparable pages, measured in the same run.

    .venv/bin/python benchmarks/observers.py

- the review queue with 500 requests against Indico's registrant management list with 500 registrations
  (target <= 0.5x), and the number of SQL queries of the queue at 50 and at 500 requests (target: equal);
- the Chair's lists as PDF for 300 organizations against Indico's registrant PDF export (table) of 300
  registrations (target <= 0.25x).

Database, Redis, SMTP sink and rounds: see benchmarks/harness.py (OEWG_BENCH_PG, OEWG_BENCH_REDIS,
OEWG_BENCH_ROUNDS). Times are medians after a warm-up, through Flask's test client, logged in as an administrator.
"""

import sys
import uuid
from datetime import datetime
from io import BytesIO
from pathlib import Path

import pytz


ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.harness import ROUNDS, bench_app, logged_in_client, measure  # noqa: E402


def _pdf_letter():
    from pypdf import PdfWriter
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buf = BytesIO()
    writer.write(buf)
    return buf.getvalue()


def _seed():
    """Create the sessions, requests and registrations measured; return their ids."""
    from werkzeug.datastructures import FileStorage

    from indico.core.db import db
    from indico.modules.categories import Category
    from indico.modules.events.features.util import set_feature_enabled
    from indico.modules.events.models.events import Event, EventType
    from indico.modules.events.registration.models.forms import RegistrationForm
    from indico.modules.events.registration.models.registrations import (Registration, RegistrationData,
                                                                         RegistrationState)
    from indico.modules.events.registration.util import create_personal_data_fields
    from indico.modules.users import User

    from indico_oewg.observers.models.organizations import OrganizationKind
    from indico_oewg.observers.operations import confirm_request, create_organization, create_request
    from indico_oewg.working_groups.models.working_groups import WorkingGroup

    admin = User(first_name='Bench', last_name='Admin', email='bench.admin@example.org', is_admin=True)
    requester = User(first_name='Rita', last_name='Requester', email='rita@example.org')
    category = Category(parent=Category.get_root(), title='OEWG benchmark')
    working_group = WorkingGroup(category=category, name='OEWG benchmark', resolution='76/231',
                                 symbol_prefix='A/AC.294', contact_email='oewg@example.org')
    db.session.add_all([admin, requester, category, working_group])
    db.session.flush()
    tz = pytz.timezone('Europe/Zurich')
    letter = _pdf_letter()
    kinds = list(OrganizationKind)

    def _event(title):
        event = Event(creator=admin, category=category, title=title, timezone='Europe/Zurich',
                      start_dt=tz.localize(datetime(2030, 1, 7, 10)), end_dt=tz.localize(datetime(2030, 1, 11, 18)),
                      type_=EventType.conference, acl_entries=set())
        db.session.add(event)
        db.session.flush()
        set_feature_enabled(event, 'oewg', True)
        return event

    def _requests(event, count, confirm=False):
        for i in range(count):
            organization = create_organization(working_group, {
                'name': f'Organization {uuid.uuid4().hex[:8]} {i:04d}', 'acronym': f'O{i}',
                'kind': kinds[i % len(kinds)], 'website': 'https://example.org', 'country': 'CHE'})
            req = create_request(event, requester, organization=organization,
                                 letter=FileStorage(BytesIO(letter), filename='letter.pdf'),
                                 representatives=[('Ada Lovelace', 'Director'), ('Alan Turing', 'Adviser')],
                                 mission_statement='Research on the sustainability of outer space activities.')
            if confirm:
                confirm_request(req, admin, notify=False)
        db.session.flush()

    def _registrations(event, count):
        regform = RegistrationForm(event=event, title='Registration', currency='EUR')
        create_personal_data_fields(regform)
        for field in regform.sections[0].fields:
            field.is_enabled = True
        db.session.add(regform)
        db.session.flush()
        fields = {f.personal_data_type.name: f for f in regform.active_fields if f.personal_data_type}
        for i in range(count):
            values = {'first_name': f'First{i}', 'last_name': f'Last{i:04d}', 'email': f'person{i}@example.org',
                      'position': 'Delegate', 'affiliation': {'id': None, 'text': 'Permanent Mission'}}
            reg = Registration(registration_form=regform, event_id=event.id, friendly_id=i + 1,
                               first_name=values['first_name'],
                               last_name=values['last_name'], email=values['email'],
                               state=RegistrationState.complete, currency='EUR')
            for name, value in values.items():
                if name in fields:
                    reg.data.append(RegistrationData(field_data=fields[name].current_data, data=value))
            db.session.add(reg)
        db.session.flush()
        return regform

    ids = {}
    for count in (50, 500):
        event = _event(f'Queue {count}')
        _requests(event, count)
        ids[f'queue{count}'] = event.id
    event = _event('Lists 300')
    _requests(event, 300, confirm=True)
    ids['lists300'] = event.id
    for count in (500, 300):
        event = _event(f'Registrations {count}')
        ids[f'regform{count}'] = (event.id, _registrations(event, count).id)
    ids['admin'] = admin.id
    db.session.commit()
    return ids


def main():
    with bench_app('oewg_bench_observers') as app:
        with app.test_request_context():
            from indico.core.plugins import plugin_engine
            with plugin_engine.get_plugin('oewg').plugin_context():
                ids = _seed()
        from indico.web.flask.util import url_for
        client = logged_in_client(app, ids['admin'])
        with app.test_request_context():
            urls = {
                'queue50': url_for('plugin_oewg.manage_observers', event_id=ids['queue50']),
                'queue500': url_for('plugin_oewg.manage_observers', event_id=ids['queue500']),
                'reglist500': url_for('event_registration.manage_reglist', event_id=ids['regform500'][0],
                                      reg_form_id=ids['regform500'][1]),
                'lists300': url_for('plugin_oewg.observer_lists_document', event_id=ids['lists300'], format='pdf'),
                'regpdf300': url_for('event_registration.registrations_pdf_export', event_id=ids['regform300'][0],
                                     reg_form_id=ids['regform300'][1], export_type='table'),
            }
        results = {}
        for name, url in urls.items():
            measured = measure(app, client, url)
            results[name] = (measured.seconds, measured.queries)

    def _row(label, name):
        seconds, queries = results[name]
        print(f'  {label:<58} {seconds:8.3f} s {queries:6d} queries')

    print(f'\nMedians of {ROUNDS} requests after warm-up:')
    _row('Review queue, 50 requests', 'queue50')
    _row('Review queue, 500 requests', 'queue500')
    _row("Indico's registrant management list, 500 registrations", 'reglist500')
    _row("Chair's lists as PDF, 300 organizations", 'lists300')
    _row("Indico's registrant PDF export (table), 300 registrations", 'regpdf300')
    queue_ratio = results['queue500'][0] / results['reglist500'][0]
    pdf_ratio = results['lists300'][0] / results['regpdf300'][0]
    same_queries = results['queue50'][1] == results['queue500'][1]
    print()
    print(f'  Review queue / registrant list:   {queue_ratio:5.2f}x  (target <= 0.50x) '
          f'{"OK" if queue_ratio <= 0.5 else "MISSED"}')
    print(f'  Queries of the queue at 50 / 500: {results["queue50"][1]} / {results["queue500"][1]}  (target: equal) '
          f'{"OK" if same_queries else "MISSED"}')
    print(f'  Lists PDF / registrant PDF:       {pdf_ratio:5.2f}x  (target <= 0.25x) '
          f'{"OK" if pdf_ratio <= 0.25 else "MISSED"}')
    return 0 if queue_ratio <= 0.5 and same_queries and pdf_ratio <= 0.25 else 1


if __name__ == '__main__':
    sys.exit(main())
