# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""Columns and filters "Representation" and "Delegation" in Indico's registrant list and its CSV/XLSX/PDF exports."""

from indico.core.db import db
from indico.modules.events.registration.custom import CustomRegistrationListItem, RegistrationListColumn
from indico.modules.events.registration.models.form_fields import RegistrationFormFieldData
from indico.modules.events.registration.models.registrations import Registration, RegistrationData

from indico_oewg import _
from indico_oewg.registration.delegations import (delegation_name, get_accredited_by_code, representation_choices,
                                                  representation_title)
from indico_oewg.registration.util import FIELD_TYPE, get_used_delegations


class _DelegationPartItem(CustomRegistrationListItem):
    #: the key of the OEWG field's value shown by this item
    part = None

    @property
    def field_ids(self):
        return [item.id for item in self.regform.form_items if item.is_field and item.input_type == FIELD_TYPE]

    def get_filter_criterion(self, values):
        matching = (db.select([RegistrationData.registration_id])
                    .join(RegistrationFormFieldData, RegistrationData.field_data_id == RegistrationFormFieldData.id)
                    .where(RegistrationFormFieldData.field_id.in_(self.field_ids or [-1]),
                           RegistrationData.data[self.part].astext.in_(values)))
        return Registration.id.in_(matching)

    def _values(self, registrations):
        # the registrant list already loaded every registration's data: no query per registration
        field_ids = set(self.field_ids)
        for registration in registrations:
            value = next((d.data for d in registration.data if d.field_data.field_id in field_ids and d.data), None)
            yield registration, value or {}

    def _text(self, value, accredited):
        """The column's text for a registration's value (subclasses say which part)."""
        raise NotImplementedError

    def load_data(self, registrations):
        accredited = get_accredited_by_code(self.event)
        data = {}
        for registration, value in self._values(registrations):
            text = self._text(value, accredited) if value.get('representation') else ''
            data[registration] = RegistrationListColumn(text, text)
        return data


class RepresentationListItem(_DelegationPartItem):
    name = 'oewg_representation'
    title = _('Representation')
    part = 'representation'

    @property
    def filter_choices(self):
        return {choice['value']: choice['text'] for choice in representation_choices()}

    def _text(self, value, accredited):
        return representation_title(value['representation'])


class DelegationListItem(_DelegationPartItem):
    name = 'oewg_delegation'
    title = _('Delegation')
    part = 'delegation'

    @property
    def filter_choices(self):
        accredited = get_accredited_by_code(self.event)
        choices = {}
        for field in self.regform.active_fields:
            if field.input_type == FIELD_TYPE:
                for value in get_used_delegations(field):
                    choices[value['delegation']] = delegation_name(value, accredited)
        return dict(sorted(choices.items(), key=lambda item: item[1].lower()))

    def _text(self, value, accredited):
        return delegation_name(value, accredited)
