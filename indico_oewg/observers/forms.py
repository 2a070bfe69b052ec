# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

from wtforms.fields import BooleanField, EmailField, FileField, SelectField, StringField, TextAreaField
from wtforms.validators import URL, DataRequired, Email, Length, Optional, StopValidation, ValidationError

from indico.util.date_time import now_utc
from indico.util.placeholders import render_placeholder_info
from indico.util.string import validate_email
from indico.web.forms.base import IndicoForm
from indico.web.forms.fields import IndicoDateTimeField, IndicoEnumSelectField, MultipleItemsField
from indico.web.forms.validators import HiddenUnless

from indico_oewg import _, pgettext
from indico_oewg.observers.models.organizations import EcosocStatus, OrganizationKind
from indico_oewg.observers.models.requests import RequestState
from indico_oewg.observers.placeholders import OUTCOME_EMAIL_CONTEXT
from indico_oewg.states import get_state_choices


NEW = 'new'
REPRESENTATIVE_FIELDS = [{'id': 'full_name', 'caption': _('Full name'), 'required': True},
                         {'id': 'title', 'caption': pgettext('of a person: their function, e.g. "Head of delegation"',
                                                             'Title'), 'required': True}]


class _FileRequired:
    """A file must be uploaded (marks the field as required in the form)."""

    field_flags = {'required': True}

    def __init__(self, message):
        self.message = message

    def __call__(self, form, field):
        if not field.data or not getattr(field.data, 'filename', None):
            raise StopValidation(self.message)


class _RequestFormBase(IndicoForm):
    ecosoc_status = IndicoEnumSelectField(_('ECOSOC consultative status'), enum=EcosocStatus,
                                          description=_('The consultative status with the Economic and Social '
                                                        'Council, if any.'))
    representatives = MultipleItemsField(_('Representatives'), fields=REPRESENTATIVE_FIELDS,
                                         unique_field='full_name',
                                         description=_('The full names and titles of the persons who will '
                                                       'represent the organization (at least one).'))
    mission_statement = TextAreaField(_('Mission statement'), [Optional(), Length(max=5000)],
                                      description=_('The mission statement of the organization or a summary of '
                                                    'its work.'))
    mission_statement_file = FileField(_('Mission statement (file)'),
                                       description=_('Optionally, the mission statement as a document.'))

    def validate_representatives(self, field):
        if not [r for r in (field.data or []) if (r.get('full_name') or '').strip()]:
            raise ValidationError(_('Name at least one representative (full name and title).'))

    @property
    def representative_pairs(self):
        return [(r.get('full_name') or '', r.get('title') or '') for r in self.representatives.data or []]

    @property
    def request_data(self):
        """The keyword arguments of `create_request`/`update_request` this form gives."""
        return {'letter': self.letter.data, 'representatives': self.representative_pairs,
                'mission_statement': self.mission_statement.data or '',
                'mission_statement_file': self.mission_statement_file.data, 'ecosoc_status': self.ecosoc_status.data}


class RequestForm(_RequestFormBase):
    """The public request of an organization to attend a session as an observer."""

    organization = SelectField(_('Organization'), [DataRequired()],
                               description=_('Pick your organization if it is already listed; otherwise describe '
                                             'it below.'))
    name = StringField(_('Name (English)'), [HiddenUnless('organization', NEW), DataRequired(), Length(max=300)])
    name_fr = StringField(_('Name (French)'), [HiddenUnless('organization', NEW), Optional(), Length(max=300)])
    acronym = StringField(_('Acronym'), [HiddenUnless('organization', NEW), Optional(), Length(max=50)])
    kind = IndicoEnumSelectField(_('Kind'), [HiddenUnless('organization', NEW), DataRequired()],
                                 enum=OrganizationKind, none=_('Choose the kind of organization'))
    website = StringField(_('Website'), [HiddenUnless('organization', NEW), Optional(), URL(), Length(max=300)])
    country = SelectField(_('Headquarters'), [HiddenUnless('organization', NEW), Optional()],
                          description=_('The country of the headquarters.'))
    contact_email = EmailField(_('Contact e-mail'), [HiddenUnless('organization', NEW), Optional(), Email()],
                               description=_('The e-mail address of the organization; yours if left empty.'))
    letter = FileField(_('Official letter (PDF)'), [_FileRequired(_('Attach the official letter (PDF).'))],
                       description=_('The official letter of the organization, as a PDF document.'))

    field_order = ('organization', 'name', 'name_fr', 'acronym', 'kind', 'website', 'country', 'contact_email',
                   'ecosoc_status', 'letter', 'representatives', 'mission_statement', 'mission_statement_file')

    def __init__(self, *args, organizations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.organization.choices = ([(NEW, _('My organization is not listed (describe it below)'))] +
                                     [(str(o.id), o.display_name) for o in organizations])
        self.country.choices = [('', ''), *get_state_choices()]

    def __iter__(self):
        fields = {f.name: f for f in super().__iter__()}
        ordered = [fields.pop(name) for name in ('csrf_token', *self.field_order) if name in fields]
        return iter(ordered + list(fields.values()))

    @property
    def organization_data(self):
        """What the form says about a new organization (see `create_organization`)."""
        data = {k: getattr(self, k).data or '' for k in ('name', 'name_fr', 'acronym', 'website', 'contact_email')}
        return data | {'kind': self.kind.data, 'country': self.country.data or None}


class CompleteRequestForm(_RequestFormBase):
    """The requester completes a pending request."""

    letter = FileField(_('Official letter (PDF)'),
                       description=_('Upload a new letter only to replace the one sent.'))


class OrganizationForm(IndicoForm):
    """The secretariat corrects an organization of the registry."""

    name = StringField(_('Name (English)'), [DataRequired(), Length(max=300)])
    name_fr = StringField(_('Name (French)'), [Optional(), Length(max=300)])
    acronym = StringField(_('Acronym'), [Optional(), Length(max=50)])
    kind = IndicoEnumSelectField(_('Kind'), [DataRequired()], enum=OrganizationKind,
                                 description=_('Decides the list the organization goes on when a request is '
                                               'confirmed.'))
    ecosoc_status = IndicoEnumSelectField(_('ECOSOC consultative status'), enum=EcosocStatus)
    website = StringField(_('Website'), [Optional(), URL(), Length(max=300)])
    country = SelectField(_('Headquarters'), [Optional()])
    contact_email = EmailField(_('E-mail'), [Optional(), Email()])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.country.choices = [('', ''), *get_state_choices()]

    @property
    def organization_data(self):
        data = self.data
        data['country'] = data['country'] or None
        return {k: ('' if v is None and k != 'country' else v) for k, v in data.items()}


class InfoRequestForm(IndicoForm):
    message = TextAreaField(_('Information needed'), [DataRequired(), Length(max=5000)],
                            description=_('Sent by e-mail to the requester.'))


class DeclineForm(IndicoForm):
    reason = TextAreaField(_('Reason'), [DataRequired(), Length(max=5000)],
                           description=_('Why the request is out of scope; sent by e-mail to the requester.'))
    confirm = BooleanField(_('Confirm'), [DataRequired(_('Confirm that the request is to be declined.'))],
                           description=_('The request is declined for good and the requester is told by e-mail.'))


class MergeForm(IndicoForm):
    target = SelectField(_('Merge into'), [DataRequired()],
                         description=_('The organization of the registry this one duplicates. Its requests and '
                                       'accreditations move there.'))

    def __init__(self, *args, organizations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.target.choices = [('', '')] + [(str(o.id), o.display_name) for o in organizations]


class QueueFilterForm(IndicoForm):
    class Meta:
        csrf = False

    state = SelectField(_('Status'), [Optional()])
    kind = SelectField(_('Kind'), [Optional()])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.state.choices = [('', _('All'))] + [(s.name, s.title) for s in RequestState]
        self.kind.choices = [('', _('All'))] + [(k.name, k.title) for k in OrganizationKind]


class PeriodForm(IndicoForm):
    deadline = IndicoDateTimeField(_('Deadline'), [DataRequired()],
                                   description=_("Date and time in the session's timezone after which no "
                                                 'objection is accepted.'))

    def __init__(self, *args, event, **kwargs):
        self.timezone = event.timezone
        super().__init__(*args, **kwargs)

    def validate_deadline(self, field):
        if field.data and field.data <= now_utc():
            raise ValidationError(_('The deadline must be in the future.'))


class ObjectionForm(IndicoForm):
    request = SelectField(_('Organization'), [DataRequired()])
    member_state = StringField(_('Member State'), [DataRequired()],
                               description=_('The Member State objecting (name or ISO code). It stays '
                                             'confidential.'))
    basis = TextAreaField(_('Stated basis'), [Optional(), Length(max=5000)],
                          description=_('The reasons the State gave, if any.'))

    def __init__(self, *args, requests=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.request.choices = [('', '')] + [(str(r.id), r.organization.display_name) for r in requests]


class RevokeForm(IndicoForm):
    reason = TextAreaField(_('Reason'), [DataRequired(), Length(max=5000)])


class ObserverSettingsForm(IndicoForm):
    member_states_emails = TextAreaField(_("Member States' addresses"),
                                         description=_('The e-mail addresses of the permanent missions the '
                                                       "Chair's lists are circulated to, one per line."))
    accredited_subject = StringField(_('Subject (accredited)'), [DataRequired(), Length(max=300)],
                                     description=_('The placeholders of the message can be used here too.'))
    accredited_body = TextAreaField(_('Body (accredited)'), [DataRequired()], render_kw={'rows': 10})
    not_accredited_subject = StringField(_('Subject (not accredited)'), [DataRequired(), Length(max=300)],
                                         description=_('The placeholders of the message can be used here too.'))
    not_accredited_body = TextAreaField(_('Body (not accredited)'), [DataRequired()], render_kw={'rows': 10})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # as Indico's own e-mail settings: the placeholders the text may use, under the field
        placeholders = render_placeholder_info(OUTCOME_EMAIL_CONTEXT, observer_request=None)
        self.accredited_body.description = self.not_accredited_body.description = placeholders

    def validate_member_states_emails(self, field):
        emails = [line.strip() for line in (field.data or '').splitlines() if line.strip()]
        for email in emails:
            if not validate_email(email, check_dns=False):
                raise ValidationError(_('"{email}" is not a valid e-mail address.').format(email=email))
        self.emails = emails


class CirculateForm(IndicoForm):
    subject = StringField(_('Subject'), [DataRequired(), Length(max=300)])
    body = TextAreaField(_('Message'), [DataRequired()], render_kw={'rows': 8})
