# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""The data of `make load` (run by ``benchmarks/load.py`` with INDICO_CONFIG set): the demo, and for the load.

- the second session with STATEMENTS published statements (each with a one-page PDF), the page the readers read;
- in the fourth session a form "Registration (load test)": personal data and the OEWG delegation field with a quota
  of SEATS representatives per organization, open for Member States and the accredited organization chosen here.

Prints what the load test needs as JSON on its last line.
"""

import json
import os
import sys
from datetime import timedelta
from pathlib import Path


sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

STATEMENTS = int(os.environ.get('OEWG_LOAD_STATEMENTS', '200'))
SEATS = 2
FORM_TITLE = 'Registration (load test)'


def _statements(event, user):
    from demo.statements import sample_pdf
    from indico_oewg.delegations import Delegation
    from indico_oewg.states import get_states
    from indico_oewg.statements.models.statements import StatementStatus
    from indico_oewg.statements.operations import create_agenda_item, create_statement

    states = [s for s in get_states() if s.is_member]
    items = [create_agenda_item(event, title, user=user) for title in (
        'General exchange of views', 'Existing and potential threats to space systems',
        'Norms, rules and principles of responsible behaviours', 'Recommendations and conclusions')]
    pdfs = {}
    for n in range(STATEMENTS):
        state = states[n % len(states)]
        item = items[n % len(items)]
        key = (state.iso3, item.id)
        if key not in pdfs:
            pdfs[key] = sample_pdf(f'Statement by {state.name_en}', event.title, item.title)
        create_statement(event, item, {'delegation': Delegation.for_state(state.iso3),
                                       'date': event.start_dt.date(), 'original_language': 'en'},
                         [('en', f'{state.iso3.lower()}-{n}.pdf', pdfs[key])],
                         status=StatementStatus.published, user=user, log=False)


def _load_form(event):
    """A form with the OEWG field (quota SEATS); the organization it is tried with: accredited, no one registered."""
    from indico.core.db import db
    from indico.modules.events.registration.models.form_fields import RegistrationFormField
    from indico.modules.events.registration.models.forms import RegistrationForm
    from indico.modules.events.registration.models.items import RegistrationFormSection
    from indico.modules.events.registration.util import create_personal_data_fields
    from indico.util.date_time import now_utc

    from indico_oewg.observers import api as observers_api
    from indico_oewg.registration.fields import FIELD_TYPE

    # no CAPTCHA (a setting of Indico's form): the load's people are programs, and they register without an account
    regform = RegistrationForm(event=event, title=FORM_TITLE, currency='CHF', moderation_enabled=True,
                               require_captcha=False,
                               start_dt=now_utc() - timedelta(days=1), end_dt=now_utc() + timedelta(days=30))
    create_personal_data_fields(regform)
    section = RegistrationFormSection(registration_form=regform, title='Delegation', is_enabled=True)
    field = RegistrationFormField(parent=section, registration_form=regform, title='Delegation',
                                  input_type=FIELD_TYPE, is_required=True, is_enabled=True)
    organization = observers_api.get_accredited_organizations(event)[0]
    representation = str(organization.kind.representation)
    field.data, field.versioned_data = field.field_impl.process_field_data({
        'representations': sorted({'member_state', representation}), 'role_required': True,
        'organization_quota': SEATS})
    db.session.add_all([regform, section, field])
    db.session.flush()
    return regform, field, organization, representation


def seed():
    from indico.core.db import db

    import demo.seed
    from indico_oewg.states import get_states

    ctx = demo.seed.seed()
    second, fourth = ctx['sessions']['second'], ctx['sessions']['fourth']
    _statements(second, ctx['users']['secretariat'])
    regform, field, organization, representation = _load_form(fourth)
    db.session.commit()
    return {'statements_event': second.id, 'observers_event': fourth.id,
            'category': ctx['working_group'].category_id, 'regform': regform.id, 'regform_event': fourth.id,
            'field': field.html_field_name, 'organization': organization.id, 'representation': representation,
            'seats': SEATS, 'states': [s.iso3 for s in get_states() if s.is_member]}


def main():
    from demo.maildomain import install
    install()

    from indico.core.notifications import flush_email_queue
    from indico.core.plugins import plugin_engine
    from indico.web.flask.app import make_app

    app = make_app()
    with app.test_request_context(), plugin_engine.get_plugin('oewg').plugin_context():
        data = seed()
        flush_email_queue()
    print(json.dumps(data))


if __name__ == '__main__':
    main()
