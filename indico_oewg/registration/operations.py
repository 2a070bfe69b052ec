# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""What changes something in the registration capability; each operation is written to the event log."""

from datetime import timedelta

from marshmallow import ValidationError

from indico.core.db import db
from indico.core.notifications import make_email, send_email
from indico.modules.events.registration.models.form_fields import RegistrationFormField
from indico.modules.events.registration.models.items import (PersonalDataType, RegistrationFormItemType,
                                                             RegistrationFormSection)
from indico.modules.events.registration.util import create_personal_data_fields
from indico.modules.events.settings import data_retention_settings
from indico.modules.logs import LogKind
from indico.web.flask.templating import get_template_module

from indico_oewg import _
from indico_oewg.delegations import Representation
from indico_oewg.registration.delegations import delegation_of, format_value
from indico_oewg.registration.focal_points import get_focal_points
from indico_oewg.registration.models.focal_points import FocalPoint
from indico_oewg.registration.settings import registration_settings
from indico_oewg.registration.util import FIELD_TYPE, get_delegation_fields, lock_delegation
from indico_oewg.util import LOG_MODULE, acting_user, log_event, logger
from indico_oewg.working_groups.util import get_session_title, get_working_group, is_session


#: The description of the photograph on the forms "Add OEWG section" sets up
PHOTO_RULES = _('A recent passport-style colour photograph: face and shoulders, facing the camera, plain light '
                'background, no hat or sunglasses (religious head coverings that leave the face visible are '
                'accepted). It is printed on the United Nations grounds pass.')

#: How long after the end of the session the photograph and the note verbale are kept (Indico purges them then):
#: long enough for the grounds passes, the credentials and the session's report, which is adopted within months
#: of the session; not so long that they serve the next sessions, for which participants register again.
DEFAULT_RETENTION_PERIOD = timedelta(weeks=52)


def enforce_quota_before_registration(regform, data):
    """Hold the quota of representatives against concurrent submissions (``registration_pre_create``).

    The field's validator already refused a full delegation, but two people may submit at the same moment: here,
    under a lock per delegation held until the transaction commits, the count is taken again.
    """
    for field in get_delegation_fields(regform):
        impl = field.field_impl
        value = data.get(field.html_field_name)
        if not value or not impl.settings['organization_quota']:
            continue
        representation = Representation.parse(value.get('representation'))
        if representation is None or representation.is_state:
            continue
        lock_delegation(field, value['delegation'])
        try:
            impl.check_quota(value['delegation'])
        except ValidationError as exc:
            raise ValidationError({field.html_field_name: exc.messages}) from exc


def notify_focal_points(registration):
    """E-mail the focal points of the delegation a new registration is for (``registration_created``)."""
    event = registration.event
    if not is_session(event):
        return
    working_group = get_working_group(event.category)
    for field in get_delegation_fields(registration.registration_form):
        data = registration.data_by_field.get(field.id)
        value = data.data if data else None
        delegation = delegation_of(value)
        if delegation is None:
            continue
        for user in get_focal_points(event, delegation):
            if user == registration.user:
                continue
            with event.force_event_locale(user):
                template = get_template_module('oewg:registration/emails/focal_point_new_registration.txt',
                                               registration=registration, event=event, focal_point=user,
                                               delegation=delegation.name(), details=format_value(value),
                                               session_title=get_session_title(event))
                email = make_email(user.email, template=template, reply_address=working_group.contact_email)
            send_email(email, event, LOG_MODULE, acting_user(),
                       log_summary=f'Registration of {registration.full_name} sent to focal point {user.full_name}')
            logger.info('%s: registration %r sent to focal point %r', event, registration, user)


def add_focal_points(event, delegation, users, user=None):
    """Name users focal points of a delegation (a State or an organization of the registry) for a session.

    :return: the new `FocalPoint` entries (users who already are focal points of the delegation are skipped)
    """
    columns = FocalPoint.columns_for(delegation)
    added = []
    for person in users:
        if FocalPoint.query.filter_by(event_id=event.id, user_id=person.id, **columns).has_rows():
            continue
        focal_point = FocalPoint(event=event, user=person, **columns)
        db.session.add(focal_point)
        added.append(focal_point)
    db.session.flush()
    if added:
        name = delegation.name('en')
        log_event(event, LogKind.positive, f'Focal points named for {name}', user,
                  data={'Delegation': name, 'Focal points': ', '.join(fp.user.full_name for fp in added)})
    return added


def remove_focal_point(focal_point, user=None):
    event = focal_point.event
    name = focal_point.delegation.name('en')
    log_event(event, LogKind.negative, f'Focal point removed for {name}', user,
              data={'Delegation': name, 'Focal point': focal_point.user.full_name})
    db.session.delete(focal_point)
    db.session.flush()


def update_registration_settings(event, data, user=None):
    """Save the delegation settings of a session; ``False`` if nothing changed."""
    old = registration_settings.get_all(event)
    changes = {k: (old.get(k), v) for k, v in data.items() if old.get(k) != v}
    if not changes:
        return False
    registration_settings.set_multi(event, data)
    titles = {'contacts_are_focal_points': 'Organization contacts are focal points',
              'participants_published': 'List of participants published'}
    log_event(event, LogKind.change, 'Delegation settings updated', user,
              data={titles.get(k, k): f'{a} → {b}' for k, (a, b) in changes.items()})
    return True


def get_retention_period(regform):
    """The retention period "Add OEWG section" gives the personal data it asks for: `DEFAULT_RETENTION_PERIOD`
    within what Indico allows (its minimum and maximum, and no longer than the form's own).
    """
    period = DEFAULT_RETENTION_PERIOD
    if maximum := data_retention_settings.get('maximum_data_retention'):
        period = min(period, maximum)
    if regform.retention_period:
        period = min(period, regform.retention_period)
    return max(period, data_retention_settings.get('minimum_data_retention'))


def _add_field(section, position, input_type, title, description='', *, is_required=False, retention_period=None):
    field = RegistrationFormField(parent=section, registration_form=section.registration_form,
                                  input_type=input_type, title=str(title), description=str(description),
                                  is_required=is_required, is_enabled=True, position=position,
                                  retention_period=retention_period)
    settings = field.field_impl.create_setup_schema().load({})
    field.data, field.versioned_data = field.field_impl.process_field_data(settings)
    db.session.add(field)
    return field


def _enable_picture(regform, retention_period):
    """Indico's own "Picture" of the personal data, required, with the UN's rules for the grounds pass."""
    create_personal_data_fields(regform)  # (a form made before Indico had the picture lacks it)
    picture = next(item for item in regform.form_items
                   if item.type == RegistrationFormItemType.field_pd and not item.is_deleted
                   and item.personal_data_type == PersonalDataType.picture)
    picture.is_enabled = True
    picture.is_required = True
    if picture.title == PersonalDataType.picture.get_title():
        picture.title = str(_('Photograph for the grounds pass'))
    if not picture.description:
        picture.description = str(PHOTO_RULES)
    if picture.retention_period is None:
        picture.retention_period = retention_period
    return picture


def add_oewg_section(regform, user=None):
    """Add the "Delegation" section to a form: the OEWG field and the note verbale / nomination letter; and ask for
    the photograph in Indico's own "Picture" of the personal data.

    The note verbale and the photograph are personal data: they get a retention period (`get_retention_period`),
    after which Indico's daily task deletes them; the secretariat may change it in the form setup.

    :return: the new section, or ``None`` if the form already has an OEWG delegation field
    """
    if get_delegation_fields(regform):
        return None
    event = regform.event
    retention_period = get_retention_period(regform)
    position = max((s.position for s in regform.sections), default=0) + 1
    # what the form says is stored in it, in the language of the session (of those who register)
    with event.force_event_locale():
        section = RegistrationFormSection(registration_form=regform, title=str(_('Delegation')), is_enabled=True,
                                          position=position,
                                          description=str(_('Whom you represent at the session, and your '
                                                            'credentials.')))
        _add_field(section, 1, FIELD_TYPE, _('Delegation'), is_required=True)
        _add_field(section, 2, 'file', _('Note verbale or nomination letter'),
                   _('The note verbale of your Permanent Mission or the letter of your organization naming you '
                     '(PDF).'),
                   retention_period=retention_period)
        picture = _enable_picture(regform, retention_period)
    db.session.add(section)
    db.session.flush()
    log_event(event, LogKind.positive, f'OEWG section added to "{regform.title}"', user,
              data={'Photograph': picture.title,
                    'Retention of the note verbale and the photograph': f'{retention_period.days // 7} weeks '
                                                                       f'after the session'})
    return section


def merge_focal_points(target, source):
    """``users.merged``: the focal point entries of a merged user go to the user it was merged into."""
    for focal_point in FocalPoint.query.filter_by(user_id=source.id).all():
        duplicate = FocalPoint.query.filter_by(event_id=focal_point.event_id, state=focal_point.state,
                                               organization_id=focal_point.organization_id,
                                               user_id=target.id).has_rows()
        if duplicate:
            db.session.delete(focal_point)
        else:
            focal_point.user_id = target.id
    db.session.flush()
    logger.info('Focal points of %r moved to %r (merged users)', source, target)
