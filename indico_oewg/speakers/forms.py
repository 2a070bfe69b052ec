# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

from datetime import timedelta

from wtforms.fields import BooleanField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Email, Length, NumberRange, Optional, ValidationError

from indico.util.date_time import now_utc
from indico.web.forms.base import IndicoForm
from indico.web.forms.fields import IndicoDateTimeField, TimeDeltaField
from indico.web.forms.widgets import JinjaWidget
from indico.web.forms.widgets import SwitchWidget

from indico_oewg import _
from indico_oewg.delegations import Delegation
from indico_oewg.speakers.models.inscriptions import DELIVERY_LANGUAGES, ProtocolLevel, delivery_language_title
from indico_oewg.speakers.operations import MAX_LENGTHS, MAX_LIMIT


#: Groups that usually speak at General Assembly working groups (suggestions; any group may be typed)
GROUP_SUGGESTIONS = ('the Group of 77 and China', 'the European Union', 'the Group of African States',
                     'the Group of Arab States', 'the Movement of Non-Aligned Countries',
                     'the Association of Southeast Asian Nations', 'the Caribbean Community',
                     'the Pacific Islands Forum', 'a group of States (joint statement)')


def delegation_choices(delegations):
    return [(d.key, d.name()) for d in delegations]


class DeadlineForm(IndicoForm):
    deadline = IndicoDateTimeField(_('Deadline'), [Optional()],
                                   description=_("Date and time in the session's timezone when inscription closes "
                                                 'by itself. Leave empty to close it by hand.'))

    def __init__(self, *args, event, **kwargs):
        self.timezone = event.timezone
        super().__init__(*args, **kwargs)

    def validate_deadline(self, field):
        if field.data and field.data <= now_utc():
            raise ValidationError(_('The deadline must be in the future.'))


class DurationField(TimeDeltaField):
    """Indico's time span field, its number and unit each named for assistive technology."""

    widget = JinjaWidget('forms/duration_widget.html', plugin='oewg', single_line=True, single_kwargs=True)


def _limit_field(label):
    return DurationField(label, [DataRequired()], units=('minutes', 'seconds'))


class RulesForm(IndicoForm):
    groups_first = BooleanField(_('Groups of States first'), widget=SwitchWidget(),
                                description=_('Statements on behalf of groups of States speak before the other '
                                              'delegations.'))
    protocol_level_first = BooleanField(_('States by protocol level'), widget=SwitchWidget(),
                                        description=_('Among States, higher protocol levels (Heads of State, '
                                                      'Ministers, ...) speak first, each level in order of '
                                                      'inscription.'))
    allow_multiple = BooleanField(_('Several inscriptions per delegation'), widget=SwitchWidget(),
                                  description=_('Otherwise a delegation is on the list once at a time.'))
    limit_group = _limit_field(_('Time limit for groups'))
    limit_state = _limit_field(_('Time limit for States'))
    limit_igo = _limit_field(_('Time limit for intergovernmental organizations and UN entities'))
    limit_other = _limit_field(_('Time limit for other observers'))
    limit_reply = _limit_field(_('Time limit for a right of reply'))

    LIMITS = ('limit_group', 'limit_state', 'limit_igo', 'limit_other', 'limit_reply')

    def validate(self, extra_validators=None):
        valid = super().validate(extra_validators)
        for name in self.LIMITS:
            field = self[name]
            if field.data is not None and not timedelta(0) < field.data <= timedelta(seconds=MAX_LIMIT):
                field.errors.append(_('Between 1 second and {minutes} minutes.').format(minutes=MAX_LIMIT // 60))
                valid = False
        return valid

    @property
    def rules(self):
        rules = {name: self[name].data for name in ('groups_first', 'protocol_level_first', 'allow_multiple')}
        return rules | {name: int(self[name].data.total_seconds()) for name in self.LIMITS}


class InscriptionForm(IndicoForm):
    """A delegation inscribes (or changes its inscription)."""

    delegation = SelectField(_('Delegation'), [DataRequired()])
    reply = SelectField(_('List'), choices=[('', _('List of speakers')),
                                            ('1', _('Right of reply (after the last speaker)'))],
                        default='')
    on_behalf_of = StringField(_('On behalf of'), [Optional(), Length(max=MAX_LENGTHS['on_behalf_of'])],
                               description=_('A group of States on whose behalf the statement is delivered, e.g. '
                                             '"the Group of 77 and China"; empty for a national statement.'))
    joining_states = TextAreaField(_('States joining'), [Optional(), Length(max=5000)],
                                   description=_('For a joint statement: the States joining it, separated by '
                                                 'commas (names in any official language, or ISO codes).'))
    level = SelectField(_('Level of the speaker'), [Optional()])
    language = SelectField(_('Language of delivery'), [Optional()])
    note = TextAreaField(_('Note to the secretariat'), [Optional(), Length(max=MAX_LENGTHS['note'])])

    def __init__(self, *args, delegations, allow_reply=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.delegations = list(delegations)
        self.delegation.choices = delegation_choices(self.delegations)
        self.level.choices = [('', _('Not indicated')), *((lv.name, lv.title) for lv in ProtocolLevel)]
        self.language.choices = [('', _('Not indicated')),
                                 *((code, delivery_language_title(code)) for code in DELIVERY_LANGUAGES)]
        if not allow_reply:
            del self.reply

    @property
    def selected_delegation(self):
        return next((d for d in self.delegations if d.key == self.delegation.data), None)

    @property
    def details(self):
        return {'on_behalf_of': self.on_behalf_of.data, 'joining_states': self.joining_states.data,
                'level': self.level.data, 'language': self.language.data, 'note': self.note.data}

    @property
    def is_reply(self):
        return 'reply' in self and self.reply.data == '1'


class SecretariatInscriptionForm(InscriptionForm):
    """The secretariat inscribes a delegation on its behalf (or adds a speaker from the floor)."""

    contact = StringField(_('Contact'), [Optional(), Email()],
                          description=_('The e-mail address of the Indico user who is sent the acknowledgement '
                                        'and is asked for the text once delivered (optional).'))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # every State and accredited organization: no delegation chosen by accident
        self.delegation.choices = [('', _('Choose a delegation')), *self.delegation.choices]


class EditInscriptionForm(InscriptionForm):
    """The details of an inscription; its delegation stays."""

    def __init__(self, *args, inscription, **kwargs):
        super().__init__(*args, delegations=[inscription.delegation], allow_reply=False, **kwargs)
        del self.delegation


class MoveForm(IndicoForm):
    position = IntegerField(_('New place'), [DataRequired(), NumberRange(min=1)])


class ExchangeForm(IndicoForm):
    other = SelectField(_('Exchange with'), [DataRequired()], coerce=int)

    def __init__(self, *args, others, **kwargs):
        super().__init__(*args, **kwargs)
        self.other.choices = [(i.id, f'{i.position}. {i.delegation.name()}') for i in others]


def delegation_from_choice(key, delegations):
    """The delegation among the offered ones that a submitted key names, or ``None``."""
    delegation = Delegation.from_key(key)
    return delegation if delegation in delegations else None
