# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""Fixtures of the registration tests: a session's form with the OEWG field, accredited organizations."""

import pytest

from indico.modules.events.registration.models.form_fields import RegistrationFormField
from indico.modules.events.registration.models.items import RegistrationFormSection
from indico.web.flask.util import url_for

from indico_oewg.delegations import Representation
from indico_oewg.registration.util import FIELD_TYPE


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test item (the browser tests take screenshots of failures)."""
    outcome = yield
    report = outcome.get_result()
    setattr(item, f'rep_{report.when}', report)


@pytest.fixture
def accredited_organizations(db, oewg_event, dummy_working_group):
    """Organizations of the working group's registry (the observers' models); ESA and SWF are accredited.

    Returned by acronym: ``ESA`` (kind a), ``SWF`` (kind c), ``NAI`` (kind d, not accredited).
    """
    from indico_oewg.observers.models.accreditations import Accreditation
    from indico_oewg.observers.models.organizations import Organization, OrganizationKind
    organizations = {
        'ESA': Organization(working_group_id=dummy_working_group.id, name='European Space Agency',
                            name_fr='Agence spatiale européenne', acronym='ESA',
                            kind=OrganizationKind.standing_invitation),
        'SWF': Organization(working_group_id=dummy_working_group.id, name='Secure World Foundation', acronym='SWF',
                            kind=OrganizationKind.ecosoc),
        'NAI': Organization(working_group_id=dummy_working_group.id, name='Not Accredited Institute',
                            kind=OrganizationKind.other_ngo),
    }
    db.session.add_all(organizations.values())
    db.session.flush()
    for acronym in ('ESA', 'SWF'):
        db.session.add(Accreditation(organization=organizations[acronym], working_group_id=dummy_working_group.id,
                                     event=oewg_event))
    db.session.flush()
    return organizations


@pytest.fixture
def create_delegation_field(db):
    """Return a callable adding an OEWG delegation field to a form (directly, as the form setup would)."""
    def _create_delegation_field(regform, *, is_required=True, **settings):
        section = RegistrationFormSection(registration_form=regform, title='Delegation', is_enabled=True)
        field = RegistrationFormField(parent=section, registration_form=regform, title='Delegation',
                                      input_type=FIELD_TYPE, is_required=is_required, is_enabled=True)
        data = {'representations': settings.pop('representations', None) or [rep.value for rep in Representation],
                'role_required': settings.pop('role_required', True),
                'organization_quota': settings.pop('organization_quota', None)}
        assert not settings
        field.data, field.versioned_data = field.field_impl.process_field_data(data)
        db.session.add(field)
        db.session.flush()
        return field
    return _create_delegation_field


@pytest.fixture
def oewg_regform(create_regform, oewg_event):
    """An open, moderated registration form of the session (no OEWG field yet)."""
    from datetime import timedelta

    from indico.util.date_time import now_utc
    return create_regform(oewg_event, title='Registration', moderation_enabled=True,
                          start_dt=now_utc() - timedelta(days=1), end_dt=now_utc() + timedelta(days=10))


@pytest.fixture
def register(client_for, smtp):
    """Return a callable that submits a form as a user through Indico's own registration page."""
    def _register(user, regform, field, value, **extra):
        client = client_for(user)
        payload = {'email': user.email, 'first_name': user.first_name, 'last_name': user.last_name,
                   field.html_field_name: value} | extra
        return client.post(url_for('event_registration.display_regform', regform),
                           json=payload, headers={'X-CSRF-Token': client.csrf_token})
    return _register
