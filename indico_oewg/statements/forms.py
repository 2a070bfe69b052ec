# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

from wtforms.fields import BooleanField, DateField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional, ValidationError
from wtforms.widgets import DateInput

from indico.web.forms.base import IndicoForm
from indico.web.forms.fields import IndicoEnumRadioField, IndicoEnumSelectField
from indico.web.forms.validators import HiddenUnless

from indico_oewg import _
from indico_oewg.states import get_state_choices
from indico_oewg.statements.models.files import LANGUAGE_ORDER, language_label
from indico_oewg.statements.models.statements import DeliveryStatus, SpeakerKind
from indico_oewg.statements.util import (Delegation, StatementError, find_registry_organization, parse_joining_states,
                                         resolve_delegation)


def language_choices(blank=True):
    choices = [(code, language_label(code)) for code in LANGUAGE_ORDER]
    return [('', _('Not indicated')), *choices] if blank else choices


class AgendaItemForm(IndicoForm):
    title = StringField(_('Title'), [DataRequired(), Length(max=300)],
                        description=_('E.g. "General exchange of views".'))


class StatementForm(IndicoForm):
    agenda_item = SelectField(_('Agenda item'), [DataRequired()], coerce=int)
    position = IntegerField(_('Position'), [Optional(), NumberRange(min=1)],
                            description=_('Its place in the order of delivery under the agenda item. Leave empty '
                                          'to put it last.'))
    speaker_kind = IndicoEnumRadioField(_('Speaker'), enum=SpeakerKind, default=SpeakerKind.state)
    state = SelectField(_('State'), [HiddenUnless('speaker_kind', SpeakerKind.state),
                                     DataRequired(_('Choose the State.'))], choices=[])
    organization_name = StringField(_('Organization'),
                                    [HiddenUnless('speaker_kind', SpeakerKind.organization),
                                     DataRequired(_('Enter the organization.')), Length(max=300)],
                                    description=_('E.g. "European Union", "International Committee of the Red '
                                                  'Cross".'))
    office = StringField(_('Office or body'), [HiddenUnless('speaker_kind', SpeakerKind.office),
                                               DataRequired(_('Enter the office or body.')), Length(max=500)],
                         description=_('E.g. "Chair of the Group of Governmental Experts on Transparency and '
                                       'Confidence-Building Measures in Outer Space Activities".'))
    on_behalf_of = StringField(_('On behalf of'), [Length(max=300)],
                               description=_('A group, e.g. "multiple States", "the Group of Arab States".'))
    joining_states = TextAreaField(_('States joining'), [Length(max=5000)],
                                   description=_('The States joining the statement, separated by commas (names in '
                                                 'any official language or ISO codes).'))
    date = DateField(_('Date'), [Optional()], widget=DateInput())
    meeting = StringField(_('Meeting'), [Length(max=100)], description=_('E.g. "3rd meeting".'))
    title = StringField(_('Title'), [Length(max=500)])
    delivery_status = IndicoEnumSelectField(_('Delivery status'), enum=DeliveryStatus,
                                            default=DeliveryStatus.not_indicated)
    original_language = SelectField(_('Original language'), choices=language_choices())

    def __init__(self, *args, event, **kwargs):
        self.event = event
        super().__init__(*args, **kwargs)
        self.agenda_item.choices = [(item.id, item.title) for item in event.oewg_agenda_items]
        self.state.choices = [('', ''), *get_state_choices()]
        self.delegation = None
        self.joining_state_codes = []

    def validate_joining_states(self, field):
        try:
            self.joining_state_codes = parse_joining_states(field.data)
        except StatementError as exc:
            raise ValidationError(str(exc)) from exc

    def get_delegation(self):
        kind = self.speaker_kind.data
        if kind == SpeakerKind.state:
            return resolve_delegation(self.state.data, self.event)
        elif kind == SpeakerKind.organization:
            name = self.organization_name.data.strip()
            if organization := find_registry_organization(name, self.event):
                return Delegation(kind, organization.name, organization.id)
            return Delegation(kind, name)
        return Delegation(kind, self.office.data.strip())

    @property
    def statement_data(self):
        return {'delegation': self.get_delegation(), 'position': self.position.data,
                'on_behalf_of': self.on_behalf_of.data, 'joining_states': self.joining_state_codes,
                'date': self.date.data, 'meeting': self.meeting.data, 'title': self.title.data,
                'delivery_status': self.delivery_status.data, 'original_language': self.original_language.data}


class AddStatementForm(StatementForm):
    publish = BooleanField(_('Publish now'), default=False,
                           description=_('Published statements are visible to everyone who may see the session.'))


class ReturnStatementForm(IndicoForm):
    reason = TextAreaField(_('Reason'), [DataRequired(), Length(max=5000)],
                           description=_('Sent to the submitter by e-mail.'))


class SubmitStatementForm(IndicoForm):
    delegation = SelectField(_('Delegation'), [DataRequired()])
    agenda_item = SelectField(_('Agenda item'), [DataRequired()], coerce=int)
    on_behalf_of = StringField(_('On behalf of'), [Length(max=300)],
                               description=_('A group, e.g. "the Group of Arab States" (optional).'))
    date = DateField(_('Date'), [Optional()], widget=DateInput())
    title = StringField(_('Title'), [Length(max=500)])
    original_language = SelectField(_('Original language'), choices=language_choices())

    def __init__(self, *args, event, delegations, **kwargs):
        super().__init__(*args, **kwargs)
        self.agenda_item.choices = [(item.id, item.title) for item in event.oewg_agenda_items]
        self.delegation.choices = [(d.key, d.name) for d in delegations]
