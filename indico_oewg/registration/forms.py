# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

from wtforms.fields import BooleanField, SelectField
from wtforms.validators import DataRequired

from indico.core.db.sqlalchemy.principals import PrincipalType
from indico.web.forms.base import IndicoForm
from indico.web.forms.fields import PrincipalListField
from indico.web.forms.widgets import SwitchWidget

from indico_oewg import _
from indico_oewg.delegations import Delegation
from indico_oewg.observers import api as observers_api
from indico_oewg.states import get_state_choices


class FocalPointForm(IndicoForm):
    delegation = SelectField(_('Delegation'), [DataRequired()],
                             description=_('A State, or an organization accredited for this session.'))
    users = PrincipalListField(_('Focal points'), [DataRequired()],
                               description=_('They will see, approve and reject the registrations of this '
                                             'delegation (not their own), and nothing else.'))

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        states = [(Delegation.for_state(iso3).key, name) for iso3, name in get_state_choices()]
        organizations = [(delegation.key, delegation.name())
                         for delegation, __ in observers_api.get_accredited_delegations(event)]
        self.delegation.choices = [('', _('Choose a delegation')), *states, *organizations]

    @property
    def delegation_value(self):
        """The chosen `Delegation` (one of the choices: a State or an accredited organization)."""
        return Delegation.from_key(self.delegation.data)

    @property
    def users_value(self):
        return [principal for principal in self.users.data if principal.principal_type == PrincipalType.user]


class DelegationSettingsForm(IndicoForm):
    contacts_are_focal_points = BooleanField(_('Organization contacts are focal points'), widget=SwitchWidget(),
                                             description=_('The contacts of an accredited organization (who '
                                                           'requested its accreditation) are focal points of its '
                                                           'delegation.'))
    participants_published = BooleanField(_('Publish the list of participants'), widget=SwitchWidget(),
                                          description=_('Anyone who can see the session can read the list of '
                                                        'participants: those whom the registration form lets '
                                                        'everyone see (its participant list settings and their '
                                                        'consent).'))
