# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""Queries on the OEWG delegation field's values: which forms have it, who registered for which delegation."""

from indico.core.db import db
from indico.modules.events.registration.models.form_fields import RegistrationFormField, RegistrationFormFieldData
from indico.modules.events.registration.models.forms import RegistrationForm
from indico.modules.events.registration.models.registrations import (Registration, RegistrationData,
                                                                     RegistrationState)

from indico_oewg.delegations import Delegation


#: The field type (``input_type``) of the OEWG delegation field; the key of its JavaScript in Indico's registry
FIELD_TYPE = 'ext__oewg_delegation'


def get_delegation_fields(regform):
    """The active OEWG delegation fields of a registration form."""
    return [field for field in regform.active_fields if field.input_type == FIELD_TYPE]


def get_regforms_with_field(event):
    """The session's registration forms by title, each with whether it has an OEWG delegation field."""
    return [(regform, bool(get_delegation_fields(regform)))
            for regform in sorted(event.registration_forms, key=lambda r: r.title.lower())
            if not regform.is_deleted]


def query_field_data(field):
    """Query the stored values of a field in the active registrations of its form."""
    return (RegistrationData.query
            .join(RegistrationData.field_data)
            .join(RegistrationData.registration)
            .filter(RegistrationFormFieldData.field_id == field.id,
                    Registration.is_active,
                    RegistrationData.data.op('?')('delegation')))


def count_delegation_registrations(field, delegation, exclude_registration_id=None):
    """How many active registrations of the field's form are for a delegation (the value's ``delegation``)."""
    query = query_field_data(field).filter(RegistrationData.data['delegation'].astext == str(delegation))
    if exclude_registration_id is not None:
        query = query.filter(RegistrationData.registration_id != exclude_registration_id)
    return query.count()


def get_used_delegations(field):
    """The distinct ``{representation, delegation}`` pairs present in a field's active registrations."""
    rows = (query_field_data(field)
            .with_entities(RegistrationData.data['representation'].astext,
                           RegistrationData.data['delegation'].astext)
            .distinct()
            .all())
    return [{'representation': rep, 'delegation': code} for rep, code in rows if rep and code]


def lock_delegation(field, delegation):
    """Serialize registrations for one delegation of one field until the transaction ends.

    A transaction-level advisory lock keyed on the field and the delegation: a second submission for the same
    delegation waits until the first one has committed (or rolled back), then counts again.
    """
    key = f'oewg-delegation:{field.id}:{delegation}'
    db.session.execute(db.text('SELECT pg_advisory_xact_lock(hashtext(:key))'), {'key': key})


def get_user_delegations(event, user, *, approved_only=False):
    """The `Delegation`s in the OEWG fields of a user's registrations in a session, without repeats.

    :param approved_only: only approved (complete) registrations; otherwise every active one (pending too)
    """
    if user is None:
        return []
    query = (db.session.query(RegistrationData.data)
             .join(RegistrationData.field_data)
             .join(RegistrationFormField, RegistrationFormFieldData.field_id == RegistrationFormField.id)
             .join(RegistrationData.registration)
             .join(RegistrationForm, Registration.registration_form_id == RegistrationForm.id)
             .filter(RegistrationForm.event_id == event.id, ~RegistrationForm.is_deleted,
                     Registration.user_id == user.id, Registration.is_active,
                     RegistrationFormField.input_type == FIELD_TYPE))
    if approved_only:
        query = query.filter(Registration.state == RegistrationState.complete)
    delegations = [Delegation.from_field_value(data) for data, in query.order_by(Registration.id)]
    return list(dict.fromkeys(d for d in delegations if d is not None))
