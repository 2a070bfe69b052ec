# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

from wtforms.fields import BooleanField, DateField, FileField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional, ValidationError
from wtforms.widgets import DateInput

from indico.web.forms.base import IndicoForm
from indico.web.forms.fields import IndicoEnumRadioField, IndicoEnumSelectField
from indico.web.forms.validators import HiddenUnless
from indico.web.forms.widgets import SwitchWidget

from indico_oewg import _
from indico_oewg.delegations import Delegation, DelegationKind
from indico_oewg.states import get_state_choices
from indico_oewg.statements.errors import StatementError
from indico_oewg.statements.models.files import LANGUAGE_ORDER, language_label
from indico_oewg.statements.models.statements import DeliveryStatus, StatementMode
from indico_oewg.statements.parsing import MAX_LENGTHS, organization_delegation, parse_joining_states


def language_choices(blank=True):
    choices = [(code, language_label(code)) for code in LANGUAGE_ORDER]
    return [('', _('Not indicated')), *choices] if blank else choices


def _length(field):
    return Length(max=MAX_LENGTHS[field])


class AgendaItemForm(IndicoForm):
    title = StringField(_('Title'), [DataRequired(), _length('agenda_item')],
                        description=_('E.g. "General exchange of views".'))


class StatementForm(IndicoForm):
    agenda_item = SelectField(_('Agenda item'), [DataRequired()], coerce=int)
    mode = IndicoEnumRadioField(_('Mode'), enum=StatementMode, default=StatementMode.oral,
                                description=_('Delivered in the room, or handed in in writing only (a written '
                                              'contribution, listed apart).'))
    position = IntegerField(_('Position'), [Optional(), NumberRange(min=1)],
                            description=_('Its place in the order of delivery under the agenda item (written '
                                          'contributions have an order of their own). Leave empty to put it last.'))
    speaker_kind = IndicoEnumRadioField(_('Speaker'), enum=DelegationKind, default=DelegationKind.state)
    state = SelectField(_('State'), [HiddenUnless('speaker_kind', DelegationKind.state),
                                     DataRequired(_('Choose the State.'))], choices=[])
    organization_name = StringField(_('Organization'),
                                    [HiddenUnless('speaker_kind', DelegationKind.organization),
                                     DataRequired(_('Enter the organization.')), _length('organization')],
                                    description=_('E.g. "European Union", "International Committee of the Red '
                                                  'Cross". An organization of the observers\' registry is '
                                                  'recognised by its name, French name or acronym.'))
    office = StringField(_('Office or body'), [HiddenUnless('speaker_kind', DelegationKind.office),
                                               DataRequired(_('Enter the office or body.')), _length('office')],
                         description=_('E.g. "Chair of the Group of Governmental Experts on Transparency and '
                                       'Confidence-Building Measures in Outer Space Activities".'))
    on_behalf_of = StringField(_('On behalf of'), [_length('on_behalf_of')],
                               description=_('A group, e.g. "multiple States", "the Group of Arab States".'))
    joining_states = TextAreaField(_('States joining'), [_length('joining_states')],
                                   description=_('The States joining the statement, separated by commas (names in '
                                                 'any official language or ISO codes).'))
    date = DateField(_('Date'), [Optional()], widget=DateInput())
    meeting = StringField(_('Meeting'), [_length('meeting')], description=_('E.g. "3rd meeting".'))
    title = StringField(_('Title'), [_length('title')])
    delivery_status = IndicoEnumSelectField(_('Delivery status'), enum=DeliveryStatus,
                                            default=DeliveryStatus.not_indicated)
    original_language = SelectField(_('Original language'), choices=language_choices())

    def __init__(self, *args, event, **kwargs):
        self.event = event
        super().__init__(*args, **kwargs)
        self.agenda_item.choices = [(item.id, item.title) for item in event.oewg_agenda_items]
        self.state.choices = [('', ''), *get_state_choices()]
        self.joining_state_codes = []

    def validate_joining_states(self, field):
        try:
            self.joining_state_codes = parse_joining_states(field.data)
        except StatementError as exc:
            raise ValidationError(str(exc)) from exc

    def get_delegation(self):
        kind = self.speaker_kind.data
        if kind == DelegationKind.state:
            return Delegation.for_state(self.state.data)
        elif kind == DelegationKind.organization:
            return organization_delegation(self.organization_name.data.strip(), self.event)
        return Delegation.for_office(self.office.data)

    @property
    def statement_data(self):
        return {'delegation': self.get_delegation(), 'position': self.position.data, 'mode': self.mode.data,
                'on_behalf_of': self.on_behalf_of.data, 'joining_states': self.joining_state_codes,
                'date': self.date.data, 'meeting': self.meeting.data, 'title': self.title.data,
                'delivery_status': self.delivery_status.data, 'original_language': self.original_language.data}


class AddStatementForm(StatementForm):
    publish = BooleanField(_('Publish now'), widget=SwitchWidget(), default=False,
                           description=_('Published statements are visible to everyone who may see the session.'))


class ReturnStatementForm(IndicoForm):
    reason = TextAreaField(_('Reason'), [DataRequired(), _length('reason')],
                           description=_('Sent to the submitter by e-mail.'))


class SubmitStatementForm(IndicoForm):
    delegation = SelectField(_('Delegation'), [DataRequired()])
    mode = IndicoEnumRadioField(_('What you hand in'), enum=StatementMode, default=StatementMode.oral,
                                description=_('The statement your delegation delivered, or a written contribution '
                                              '(e.g. a statement there was no time to deliver).'))
    agenda_item = SelectField(_('Agenda item'), [DataRequired()], coerce=int)
    on_behalf_of = StringField(_('On behalf of'), [_length('on_behalf_of')],
                               description=_('A group, e.g. "the Group of Arab States" (optional).'))
    date = DateField(_('Date'), [Optional()], widget=DateInput())
    title = StringField(_('Title'), [_length('title')])
    original_language = SelectField(_('Original language'), choices=language_choices())

    def __init__(self, *args, event, delegations, **kwargs):
        super().__init__(*args, **kwargs)
        self.agenda_item.choices = [(item.id, item.title) for item in event.oewg_agenda_items]
        self.delegation.choices = [(d.key, d.name()) for d in delegations]


class ImportStatementsForm(IndicoForm):
    archive = FileField(_('ZIP or CSV file'), [DataRequired(_('Choose a ZIP file (a CSV file and the statement '
                                                             'files) or a CSV file.'))],
                        render_kw={'accept': '.zip,.csv'})
    dry_run = BooleanField(_('Dry run'), widget=SwitchWidget(), default=True,
                           description=_('Check every row and show the report; import nothing.'))
    publish = BooleanField(_('Publish'), widget=SwitchWidget(), default=False,
                           description=_('Publish the imported statements right away.'))
