# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""Data for the accessibility test's own Indico server (``tests/a11y_test.py``): the OEWG demo, plus a statement
delivered from the floor whose text the demo delegate is asked for. Run with INDICO_CONFIG set; prints, as JSON,
every plugin page to check (who opens it, in which state) and the ids the dialogs and the registration form need.
"""

#: the demo's logins (demo/seed.py) that open the pages; ``None`` is a visitor who is not logged in
PASSWORD = 'oewg-demo-2026'


def _pages(ctx, extra):
    from indico.web.flask.util import url_for

    from indico_oewg.observers.models.requests import ObserverRequest, RequestState
    from indico_oewg.statements.models.statements import Statement, StatementStatus

    sessions = ctx['sessions']
    category = ctx['working_group'].category
    empty, statements_full, observers_full, period_closed = (sessions['organizational'], sessions['first'],
                                                             sessions['fourth'], sessions['third'])
    pages = []

    def add(user, endpoint, obj, state, **kwargs):
        pages.append({'user': user, 'endpoint': endpoint, 'state': state,
                      'url': url_for(f'plugin_oewg.{endpoint}', obj, **kwargs)})

    # the working group (category)
    add('admin', 'manage_working_group', category, 'full')
    add(None, 'working_group_statements', category, 'full')
    add(None, 'working_group_statements', category, 'filtered, nothing found', q='no such statement')
    # a session's management pages: empty (the organizational session) and full
    for endpoint, full in (('manage_session', observers_full), ('manage_statements', statements_full),
                           ('moderation_queue', statements_full), ('manage_submitters', statements_full),
                           ('manage_observers', observers_full), ('observer_accreditations', observers_full),
                           ('manage_delegations', observers_full), ('manage_participants', observers_full)):
        add('admin', endpoint, empty, 'empty')
        add('admin', endpoint, full, 'full')
    for endpoint in ('add_statement', 'import_statements'):
        add('admin', endpoint, statements_full, 'form')
    add('admin', 'observer_registry', observers_full, 'full')
    add('admin', 'observer_settings', observers_full, 'form')
    add('admin', 'observer_period', observers_full, 'no period yet')
    add('admin', 'observer_period', period_closed, 'closed, with an objection')
    add('admin', 'observer_lists', observers_full, 'open')
    add('admin', 'observer_lists', period_closed, 'closed')
    published = (Statement.query.filter_by(event_id=statements_full.id, status=StatementStatus.published)
                 .order_by(Statement.id).first())
    pending = Statement.query.filter_by(event_id=statements_full.id, status=StatementStatus.pending).first()
    add('admin', 'edit_statement', published, 'published, with files')
    add('admin', 'statement', pending, 'not published')
    # the public pages, empty and full
    add(None, 'statements', empty, 'empty')
    add(None, 'statements', statements_full, 'full')
    add(None, 'statements', statements_full, 'filtered', language='fr')
    add(None, 'statement', published, 'published')
    add(None, 'observers', empty, 'empty')
    add(None, 'observers', observers_full, 'full')
    add(None, 'participants', observers_full, 'published')
    add('admin', 'statements', statements_full, 'as the secretariat')
    # a delegate: statements to hand in, the hand-in form, no agenda yet
    add('delegate', 'submit_statement', statements_full, 'text to hand in, form, own statements')
    add('delegate', 'submit_statement', observers_full, 'no agenda yet')
    # the requester of observer requests: their requests in every state
    add('requester', 'observers', observers_full, 'own requests')
    add('requester', 'observer_request_new', observers_full, 'form')
    requests = {state: ObserverRequest.query.filter_by(event_id=observers_full.id, state=state).first()
                for state in RequestState}
    for state in (RequestState.info_requested, RequestState.pending, RequestState.accredited, RequestState.declined):
        if requests.get(state) is not None:
            add('requester', 'observer_request', requests[state], state.name)
    add('requester', 'observer_request_edit', requests[RequestState.info_requested], 'information asked for')
    add('admin', 'manage_observer_request', requests[RequestState.pending], 'pending: every action')
    add('admin', 'manage_observer_request', requests[RequestState.declined], 'declined')
    # the list of speakers: none yet (organizational session), finished (first), open with inscriptions (fourth)
    from indico_oewg.speakers.models.inscriptions import Inscription, InscriptionStatus
    from indico_oewg.speakers.models.lists import SpeakersList
    finished = SpeakersList.query.filter_by(event_id=statements_full.id).first()
    running = SpeakersList.query.filter_by(event_id=observers_full.id).first()
    own = (Inscription.query.filter_by(list_id=running.id, status=InscriptionStatus.waiting, state_code='NGA')
           .first())
    for session, state in ((empty, 'no list'), (statements_full, 'finished'), (observers_full, 'open')):
        add('admin', 'manage_speakers', session, state)
        add(None, 'speakers', session, state)
    for lst, state in ((finished, 'finished'), (running, 'open, with inscriptions')):
        add('admin', 'speakers_console', lst.event, state, agenda_item_id=lst.agenda_item_id)
        add(None, 'speakers_screen', lst.event, state, agenda_item_id=lst.agenda_item_id)
    add('delegate', 'speakers_inscribe', observers_full, 'form', agenda_item_id=running.agenda_item_id)
    add('delegate', 'speakers_change', observers_full, 'own inscription', agenda_item_id=running.agenda_item_id,
        inscription_id=own.id)
    extra['speakers_overview_url'] = url_for('plugin_oewg.manage_speakers', observers_full)
    extra['speakers_finished_overview_url'] = url_for('plugin_oewg.manage_speakers', statements_full)
    extra['speakers_console_url'] = url_for('plugin_oewg.speakers_console', observers_full,
                                            agenda_item_id=running.agenda_item_id)
    extra['pending_request_url'] = url_for('plugin_oewg.manage_observer_request', requests[RequestState.pending])
    extra['info_request_url'] = url_for('plugin_oewg.observer_request', requests[RequestState.info_requested])
    return pages


def seed():
    from indico.core.db import db
    from indico.modules.events.registration.models.forms import RegistrationForm
    from indico.web.flask.util import url_for

    from demo.seed import seed as seed_demo
    from indico_oewg.delegations import Delegation
    from indico_oewg.statements.operations import record_delivered_statement

    ctx = seed_demo()
    first = ctx['sessions']['first']
    record_delivered_statement(first.oewg_agenda_items[0], Delegation.for_state('NGA'), language='en',
                               contact=ctx['users']['delegate'], user=ctx['users']['secretariat'])
    db.session.commit()
    extra = {}
    pages = _pages(ctx, extra)
    fourth = ctx['sessions']['fourth']
    regform = RegistrationForm.query.filter_by(event_id=fourth.id, is_deleted=False).first()
    return {'pages': pages, 'password': PASSWORD,
            'regform_url': url_for('event_registration.display_regform', regform),
            'delegations_url': url_for('plugin_oewg.manage_delegations', fourth),
            'accreditations_url': url_for('plugin_oewg.observer_accreditations', fourth),
            'manage_statements_url': url_for('plugin_oewg.manage_statements', first),
            **extra}


if __name__ == '__main__':
    from demo.maildomain import install
    install()  # the demo's registrations go through Indico's e-mail check, as in `make demo`
    from tests.browser import print_seed
    print_seed(seed)
