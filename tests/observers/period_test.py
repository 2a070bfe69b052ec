# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""The no-objection procedure: opening, objections, closing by hand or at the deadline, reopening."""

from functools import partial
import re
from datetime import timedelta

import pytest

from indico.modules.logs.models.entries import EventLogRealm
from indico.util.date_time import now_utc
from indico.web.flask.util import url_for

from indico_oewg.observers import api
from indico_oewg.observers.models.organizations import OrganizationKind
from indico_oewg.observers.models.periods import NoObjectionPeriod, Objection, PeriodState
from indico_oewg.observers.models.requests import RequestState
from indico_oewg.observers.operations import (ObserverError, close_expired_periods, close_period, confirm_request,
                                              open_period, record_objection, reopen_period)
from indico_oewg.observers.settings import observer_settings
from tests.helpers import log_summaries, post


pytestmark = pytest.mark.usefixtures('db')

_logs = partial(log_summaries, realm=EventLogRealm.management)


@pytest.fixture
def consideration(oewg_event, make_organization, make_request, secretariat_user, other_requester):
    """Two organizations on the list for consideration of the session."""
    alpha = make_request(make_organization('Alpha Space Industries', OrganizationKind.commercial))
    beta = make_request(make_organization('Beta Research Institute', OrganizationKind.other_ngo),
                        user=other_requester)
    for req in (alpha, beta):
        confirm_request(req, secretariat_user)
    return alpha, beta


def test_secretariat_opens_the_period_in_the_event_timezone(oewg_event, consideration, secretariat_user,
                                                            client_for):
    client = client_for(secretariat_user)
    deadline = (now_utc() + timedelta(days=3)).astimezone(oewg_event.tzinfo)
    resp = post(client, url_for('plugin_oewg.observer_period_open', oewg_event),
                 {'deadline': [deadline.strftime('%Y-%m-%d'), '18:00']})
    assert resp.status_code == 302
    period = oewg_event.oewg_no_objection_period
    assert period.state == PeriodState.open
    local = period.deadline_dt.astimezone(oewg_event.tzinfo)
    assert (local.date(), local.hour, local.minute) == (deadline.date(), 18, 0)
    assert 'No-objection period opened' in _logs(oewg_event)
    resp = client.get(url_for('plugin_oewg.observer_period', oewg_event))
    assert 'Alpha Space Industries' in resp.text and 'Record the objection' in resp.text


def test_the_button_opens_the_period_and_the_state_is_open(oewg_event, consideration, secretariat_user, client_for):
    """"Open" the button and "Open" the state of the period are different strings: French tells them apart."""
    client = client_for(secretariat_user)
    with client.session_transaction() as sess:
        sess.lang = 'fr_FR'
    url = url_for('plugin_oewg.observer_period', oewg_event)
    assert 'value="Ouvrir la période"' in client.get(url).text
    period = open_period(oewg_event, now_utc() + timedelta(days=1), secretariat_user)
    assert re.search(r'<dd>\s*Ouverte\s*</dd>', client.get(url).text)
    close_period(period, secretariat_user)
    assert 'value="Rouvrir la période"' in client.get(url).text
    with client.session_transaction() as sess:
        sess.lang = 'en_GB'
    assert 'value="Reopen the period"' in client.get(url).text


def test_a_deadline_in_the_past_is_refused(oewg_event, consideration, secretariat_user, client_for):
    post(client_for(secretariat_user), url_for('plugin_oewg.observer_period_open', oewg_event),
          {'deadline': ['2020-01-01', '10:00']})
    assert NoObjectionPeriod.query.count() == 0


@pytest.mark.parametrize('endpoint', ('observer_period_open', 'observer_objection', 'observer_period_close'))
def test_period_actions_are_for_the_secretariat(oewg_event, consideration, requester, unrelated_user, client_for,
                                                endpoint, secretariat_user):
    period = open_period(oewg_event, now_utc() + timedelta(days=1), secretariat_user)
    for user in (requester, unrelated_user):
        resp = post(client_for(user), url_for(f'plugin_oewg.{endpoint}', oewg_event),
                     {'request': str(consideration[0].id), 'member_state': 'France',
                      'deadline': ['2030-01-01', '10:00']})
        assert resp.status_code == 403
    assert period.state == PeriodState.open
    assert Objection.query.count() == 0


def test_objection_and_close_decide_the_list(smtp, oewg_event, consideration, secretariat_user, client_for):
    alpha, beta = consideration
    open_period(oewg_event, now_utc() + timedelta(days=1), secretariat_user)
    client = client_for(secretariat_user)
    resp = post(client, url_for('plugin_oewg.observer_objection', oewg_event),
                 {'request': str(alpha.id), 'member_state': 'Freedonia', 'basis': ''})
    assert Objection.query.count() == 0
    resp = post(client, url_for('plugin_oewg.observer_objection', oewg_event),
                 {'request': str(alpha.id), 'member_state': 'Holy See', 'basis': ''})
    assert Objection.query.count() == 0, 'only Member States may object'
    resp = post(client, url_for('plugin_oewg.observer_objection', oewg_event),
                 {'request': str(alpha.id), 'member_state': 'FRA', 'basis': 'Not relevant to the mandate.'})
    assert resp.status_code == 302
    objection = Objection.query.one()
    assert (objection.state_iso3, objection.basis, objection.recorded_by) == \
        ('FRA', 'Not relevant to the mandate.', secretariat_user)
    # the same State objecting twice is recorded once
    post(client, url_for('plugin_oewg.observer_objection', oewg_event),
          {'request': str(alpha.id), 'member_state': 'France'})
    assert Objection.query.count() == 1

    resp = post(client, url_for('plugin_oewg.observer_period_close', oewg_event))
    assert resp.status_code == 302
    period = oewg_event.oewg_no_objection_period
    assert period.state == PeriodState.closed
    assert period.closed_by == secretariat_user
    assert alpha.state == RequestState.not_accredited
    assert beta.state == RequestState.accredited
    assert not api.is_accredited(alpha.organization, oewg_event)
    assert api.is_accredited(beta.organization, oewg_event)
    assert sorted(m['To'] for m in smtp.outbox) == ['otto@ngo.example.org', 'rita@ngo.example.org']
    assert 'No-objection period closed' in _logs(oewg_event)

    # closing twice decides nothing again
    resp = post(client, url_for('plugin_oewg.observer_period_close', oewg_event))
    assert resp.status_code == 302
    assert len(smtp.outbox) == 2
    assert len(beta.organization.accreditations) == 1
    assert _logs(oewg_event).count('No-objection period closed') == 1

    # no objection once closed
    post(client, url_for('plugin_oewg.observer_objection', oewg_event),
          {'request': str(beta.id), 'member_state': 'DEU'})
    assert Objection.query.count() == 1


def test_no_objection_after_the_deadline(oewg_event, consideration, secretariat_user):
    alpha, _beta = consideration
    period = open_period(oewg_event, now_utc() + timedelta(days=1), secretariat_user)
    period.deadline_dt = now_utc() - timedelta(minutes=1)
    with pytest.raises(ObserverError, match='deadline of the no-objection period has passed'):
        record_objection(period, alpha, 'FRA', '', secretariat_user)
    assert Objection.query.count() == 0


def test_periodic_task_closes_expired_periods_once(smtp, oewg_event, consideration, secretariat_user):
    alpha, beta = consideration
    period = open_period(oewg_event, now_utc() + timedelta(days=1), secretariat_user)
    record_objection(period, beta, 'BRA', '', secretariat_user)
    assert close_expired_periods() == 0
    assert period.state == PeriodState.open
    period.deadline_dt = now_utc() - timedelta(seconds=1)
    assert close_expired_periods() == 1
    assert period.state == PeriodState.closed
    assert period.closed_by is None
    assert (alpha.state, beta.state) == (RequestState.accredited, RequestState.not_accredited)
    assert close_expired_periods() == 0
    assert len(smtp.outbox) == 2
    assert 'No-objection period closed at the deadline' in _logs(oewg_event)


def test_outcome_emails_use_the_templates_of_the_secretariat(smtp, oewg_event, consideration, secretariat_user):
    alpha, _beta = consideration
    category = oewg_event.category
    observer_settings.set_multi(category, {'accredited_subject': 'Welcome {organization}',
                                           'accredited_body': 'Dear {requester}, {organization} is in for the '
                                                              '{session}.',
                                           'not_accredited_subject': 'Sorry {organization}',
                                           'not_accredited_body': 'Not this time, {requester}. {unknown}'})
    period = open_period(oewg_event, now_utc() + timedelta(days=1), secretariat_user)
    record_objection(period, alpha, 'FRA', 'secret reasons', secretariat_user)
    close_period(period, secretariat_user)
    mails = {m['Subject']: m for m in smtp.outbox}
    assert set(mails) == {'Welcome Beta Research Institute', 'Sorry Alpha Space Industries'}
    assert 'Dear Otto Other, Beta Research Institute is in for the Fourth session.' in \
        str(mails['Welcome Beta Research Institute'])
    assert 'Not this time, Rita Requester. {unknown}' in str(mails['Sorry Alpha Space Industries'])


def test_reopen_is_explicit_and_logged(smtp, oewg_event, consideration, secretariat_user, client_for):
    alpha, beta = consideration
    period = open_period(oewg_event, now_utc() + timedelta(days=1), secretariat_user)
    record_objection(period, alpha, 'FRA', '', secretariat_user)
    close_period(period, secretariat_user)
    assert api.is_accredited(beta.organization, oewg_event)

    with pytest.raises(ObserverError):
        reopen_period(period, now_utc() - timedelta(days=1), secretariat_user)
    client = client_for(secretariat_user)
    deadline = (now_utc() + timedelta(days=2)).astimezone(oewg_event.tzinfo)
    resp = post(client, url_for('plugin_oewg.observer_period_open', oewg_event),
                 {'deadline': [deadline.strftime('%Y-%m-%d'), '12:00']})
    assert resp.status_code == 302
    assert period.state == PeriodState.open
    assert (alpha.state, beta.state) == (RequestState.under_consideration, RequestState.under_consideration)
    assert not api.is_accredited(beta.organization, oewg_event)
    assert Objection.query.count() == 1, 'the objections made stay'
    assert 'No-objection period reopened' in _logs(oewg_event)

    close_period(period, secretariat_user)
    assert (alpha.state, beta.state) == (RequestState.not_accredited, RequestState.accredited)
    assert api.is_accredited(beta.organization, oewg_event)


def test_the_periodic_task_is_registered_and_closes_expired_periods(smtp, oewg_event, consideration,
                                                                     secretariat_user):
    from indico.core.celery import celery
    from indico_oewg.observers.tasks import close_no_objection_periods
    entry = celery.conf['beat_schedule']['oewg_close_no_objection_periods']
    assert entry['task'] == 'oewg_close_no_objection_periods'
    period = open_period(oewg_event, now_utc() + timedelta(days=1), secretariat_user)
    period.deadline_dt = now_utc() - timedelta(seconds=1)
    close_no_objection_periods()
    assert period.state == PeriodState.closed
