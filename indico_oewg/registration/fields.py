# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""The "OEWG delegation" registration form field: whom a participant represents and in which role."""

from marshmallow import ValidationError, fields, post_load, validate

from indico.core.db import db
from indico.core.marshmallow import mm
from indico.modules.events.registration.fields.base import RegistrationFormFieldBase
from indico.modules.events.registration.models.registrations import RegistrationData

from indico_oewg import _, ngettext
from indico_oewg.delegations import Delegation, Representation
from indico_oewg.observers import api as observers_api
from indico_oewg.registration.delegations import (MAX_TITLE_LENGTH, ROLES, delegation_name,
                                                  find_accredited_organization, format_value,
                                                  representation_choices, representation_title, role_title,
                                                  state_choices, valid_state_for)
from indico_oewg.registration.util import (FIELD_TYPE, count_delegation_registrations, get_used_delegations,
                                           lock_delegation)


#: every representation, in the order of the list of participants (what the field's settings may offer)
ALL_REPRESENTATIONS = [rep.value for rep in Representation]


class _DelegationCode(fields.String):
    """A State's ISO3 code or an organization id; the browser may send the id as a number."""

    def _deserialize(self, value, attr, data, **kwargs):
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        return super()._deserialize(value, attr, data, **kwargs).strip()


class DelegationValueSchema(mm.Schema):
    """The shape of the field's value; what the values mean is checked by the field's validator."""

    representation = fields.String(required=True)
    delegation = _DelegationCode(required=True)
    role = fields.String(load_default=None, allow_none=True)
    title = fields.String(load_default='', validate=validate.Length(max=MAX_TITLE_LENGTH))

    @post_load
    def _normalize(self, data, **kwargs):
        # with ``partial`` (Indico's first pass over the form) parts may be missing
        representation = Representation.parse(data.get('representation'))
        if representation is not None and representation.is_state and data.get('delegation'):
            data['delegation'] = data['delegation'].upper()
        data['role'] = data.get('role') or None
        data['title'] = (data.get('title') or '').strip()
        return data


class DelegationField(RegistrationFormFieldBase):
    """Representation, delegation (a State or an accredited organization), role and official title."""

    name = FIELD_TYPE
    mm_field_class = fields.Nested
    mm_field_args = (DelegationValueSchema,)
    setup_schema_fields = {
        'representations': fields.List(fields.String(validate=validate.OneOf(ALL_REPRESENTATIONS)),
                                       load_default=lambda: list(ALL_REPRESENTATIONS),
                                       validate=validate.Length(min=1)),
        'role_required': fields.Bool(load_default=True),
        'organization_quota': fields.Integer(load_default=None, allow_none=True, validate=validate.Range(1, 1000)),
    }

    @property
    def mm_field_kwargs(self):
        return {'allow_none': not self.form_item.is_required}

    @property
    def default_value(self):
        return None

    @property
    def settings(self):
        data = self.form_item.data or {}
        return {'representations': data.get('representations') or list(ALL_REPRESENTATIONS),
                'role_required': data.get('role_required', True),
                'organization_quota': data.get('organization_quota')}

    @property
    def event(self):
        return self.form_item.registration_form.event

    @classmethod
    def process_field_data(cls, data, old_data=None, old_versioned_data=None):
        data = dict(data)
        # keep the representations in the order of the list of participants, whatever order was clicked
        if 'representations' in data:
            data['representations'] = [r for r in ALL_REPRESENTATIONS if r in data['representations']]
        return super().process_field_data(data, old_data, old_versioned_data)

    @property
    def view_data(self):
        settings = self.settings
        organizations = [{'value': delegation.field_code, 'text': delegation.name(), 'kind': representation.value}
                         for delegation, representation in observers_api.get_accredited_delegations(self.event)]
        return super().view_data | settings | {
            'representation_choices': representation_choices(settings['representations']),
            'role_choices': [{'value': key, 'text': str(title)} for key, title in ROLES.items()],
            'member_states': state_choices(Representation.member_state),
            'observer_states': state_choices(Representation.observer_state),
            'organizations': organizations,
        }

    def get_validators(self, existing_registration):
        def _validate(value):
            # missing parts are reported by the value schema itself
            if value and value.get('representation') and value.get('delegation'):
                self.validate_value(value, existing_registration)
        return [_validate]

    def validate_value(self, value, existing_registration=None):
        """Check what a participant submitted; raise a `ValidationError` with a clear message."""
        settings = self.settings
        representation = Representation.parse(value['representation'])
        if representation is None:
            raise ValidationError(_('Please choose whom you represent.'))
        if representation not in settings['representations']:
            raise ValidationError(_('This form does not accept registrations as "{}".').format(representation.title))
        if representation.is_state:
            if valid_state_for(representation, value['delegation']) is None:
                if representation == Representation.member_state:
                    raise ValidationError(_('"{}" is not a Member State on the UN list.').format(value['delegation']))
                raise ValidationError(_('"{}" is not a non-member observer State on the UN list.')
                                      .format(value['delegation']))
        else:
            organization = find_accredited_organization(self.event, value['delegation'])
            if organization is None:
                raise ValidationError(_('This organization is not accredited for this session.'))
            kind_representation = organization.kind.representation
            if kind_representation != representation:
                raise ValidationError(_('{org} is accredited as "{kind}", not as "{representation}".').format(
                    org=Delegation.for_organization(organization).name(), representation=representation.title,
                    kind=kind_representation.title))
            self.check_quota(value['delegation'], existing_registration, organization=organization)
        role = value.get('role')
        if role is None:
            if settings['role_required'] and not getattr(self, 'management', False):
                raise ValidationError(_('Please indicate your role in the delegation.'))
        elif role not in ROLES:
            raise ValidationError(_('"{}" is not a role in a delegation.').format(role))

    def check_quota(self, delegation, existing_registration=None, organization=None):
        """Refuse a representative beyond the organization's quota (if the field sets one)."""
        quota = self.settings['organization_quota']
        if not quota:
            return
        # Counted under the delegation's lock, held until this request's registration (new or modified) is
        # committed: two people joining the same delegation at once cannot both take the last seat.
        lock_delegation(self.form_item, delegation)
        existing_id = existing_registration.id if existing_registration is not None else None
        if count_delegation_registrations(self.form_item, delegation, exclude_registration_id=existing_id) >= quota:
            organization = organization or find_accredited_organization(self.event, delegation)
            name = Delegation.for_organization(organization).name() if organization else delegation
            raise ValidationError(ngettext('{org} has already registered the {n} representative it may send to '
                                           'this session.',
                                           '{org} has already registered the {n} representatives it may send to '
                                           'this session.', quota)
                                  .format(org=name, n=quota))

    def get_friendly_data(self, registration_data, for_humans=False, for_search=False):
        return format_value(registration_data.data)

    def iter_placeholder_info(self):
        yield from super().iter_placeholder_info()
        field = self.form_item.title
        yield 'representation', _('Representation in "{field}"').format(field=field)
        yield 'delegation', _('Delegation in "{field}"').format(field=field)
        yield 'role', _('Role in the delegation in "{field}"').format(field=field)
        yield 'title', _('Official title in "{field}"').format(field=field)

    def render_placeholder(self, data, key=None):
        value = data.data or {}
        if key == 'representation':
            return representation_title(value.get('representation'))
        elif key == 'delegation':
            return delegation_name(value)
        elif key == 'role':
            return role_title(value.get('role'))
        elif key == 'title':
            return value.get('title') or ''
        return self.get_friendly_data(data)

    @property
    def filter_choices(self):
        # one list for both: selecting choices ORs them, as for every Indico field filter
        choices = {f'representation:{choice["value"]}': choice['text']
                   for choice in representation_choices(self.settings['representations'])}
        for value in get_used_delegations(self.form_item):
            choices[f'delegation:{value["delegation"]}'] = delegation_name(value)
        return choices

    def create_sql_filter(self, data_list):
        representations = [x.split(':', 1)[1] for x in data_list if x.startswith('representation:')]
        delegations = [x.split(':', 1)[1] for x in data_list if x.startswith('delegation:')]
        return db.or_(RegistrationData.data['representation'].astext.in_(representations),
                      RegistrationData.data['delegation'].astext.in_(delegations))
