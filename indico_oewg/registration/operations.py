# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

from marshmallow import ValidationError

from indico.core.db import db

from indico_oewg.registration.delegations import is_state_representation
from indico_oewg.registration.util import get_delegation_fields, lock_delegation


def enforce_quota_before_registration(regform, data):
    """Hold the quota of representatives against concurrent submissions (``registration_pre_create``).

    The field's validator already refused a full delegation, but two people may submit at the same moment: here,
    under a lock per delegation held until the transaction commits, the count is taken again.
    """
    for field in get_delegation_fields(regform):
        impl = field.field_impl
        value = data.get(field.html_field_name)
        if not value or not impl.settings['organization_quota'] or is_state_representation(value['representation']):
            continue
        lock_delegation(field, value['delegation'])
        try:
            impl.check_quota(value['delegation'])
        except ValidationError as exc:
            raise ValidationError({field.html_field_name: exc.messages}) from exc


def notify_focal_points(registration):
    """E-mail the focal points of the delegation a new registration is for (``registration_created``)."""
    from flask import session

    from indico.core.notifications import make_email, send_email
    from indico.web.flask.templating import get_template_module

    from indico_oewg.registration.delegations import delegation_name, format_value
    from indico_oewg.registration.focal_points import get_focal_points
    from indico_oewg.working_groups.util import get_session_title, get_working_group

    event = registration.event
    if not event.has_feature('oewg'):
        return
    working_group = get_working_group(event.category)
    for field in get_delegation_fields(registration.registration_form):
        data = registration.data_by_field.get(field.id)
        value = data.data if data else None
        if not value or not value.get('delegation'):
            continue
        for user in get_focal_points(event, value['delegation']):
            if user == registration.user:
                continue
            with event.force_event_locale(user):
                template = get_template_module('oewg:registration/emails/focal_point_new_registration.txt',
                                               registration=registration, event=event, focal_point=user,
                                               delegation=delegation_name(value, event),
                                               details=format_value(value, event),
                                               session_title=get_session_title(event))
                email = make_email(user.email, template=template,
                                   reply_address=working_group.contact_email if working_group else None)
            send_email(email, event, 'OEWG', session.user if session else None,
                       log_summary=f'Registration of {registration.full_name} sent to focal point {user.full_name}')


def add_focal_points(event, delegation, users, user=None):
    """Name users focal points of a delegation (a State's ISO3 code or an organization id) for a session."""
    from indico.modules.logs import EventLogRealm, LogKind

    from indico_oewg.registration.delegations import delegation_name
    from indico_oewg.registration.models.focal_points import FocalPoint
    delegation = str(delegation)
    is_organization = delegation.isdigit()
    value = {'representation': 'igo' if is_organization else 'member_state', 'delegation': delegation}
    added = []
    for person in users:
        criteria = {'organization_id': int(delegation)} if is_organization else {'state': delegation}
        if FocalPoint.query.filter_by(event_id=event.id, user_id=person.id, **criteria).has_rows():
            continue
        focal_point = FocalPoint(event=event, user=person, **criteria)
        db.session.add(focal_point)
        added.append(focal_point)
    db.session.flush()
    if added:
        name = delegation_name(value, event, language='en')
        event.log(EventLogRealm.management, LogKind.positive, 'OEWG',
                  f'Focal points named for {name}', user,
                  data={'Delegation': name, 'Focal points': ', '.join(fp.user.full_name for fp in added)})
    return added


def remove_focal_point(focal_point, user=None):
    from indico.modules.logs import EventLogRealm, LogKind

    from indico_oewg.registration.delegations import delegation_name
    event = focal_point.event
    value = {'representation': 'member_state' if focal_point.state else 'igo', 'delegation': focal_point.delegation}
    name = delegation_name(value, event, language='en')
    event.log(EventLogRealm.management, LogKind.negative, 'OEWG', f'Focal point removed for {name}', user,
              data={'Delegation': name, 'Focal point': focal_point.user.full_name})
    db.session.delete(focal_point)
    db.session.flush()


def update_registration_settings(event, data, user=None):
    from indico.modules.logs import EventLogRealm, LogKind

    from indico_oewg.registration.settings import registration_settings
    old = registration_settings.get_all(event)
    changes = {k: (old.get(k), v) for k, v in data.items() if old.get(k) != v}
    if not changes:
        return False
    registration_settings.set_multi(event, data)
    titles = {'contacts_are_focal_points': 'Organization contacts are focal points',
              'participants_published': 'List of participants published'}
    event.log(EventLogRealm.management, LogKind.change, 'OEWG', 'Delegation settings updated', user,
              data={titles.get(k, k): f'{a} → {b}' for k, (a, b) in changes.items()})
    return True


PHOTO_RULES = ('A recent passport-style colour photograph: face and shoulders, facing the camera, plain light '
               'background, no hat or sunglasses (religious head coverings that leave the face visible are '
               'accepted). It is printed on the United Nations grounds pass.')


def add_oewg_section(regform, user=None):
    """Add the "Delegation" section to a form: the OEWG field, the note verbale / nomination letter, the photo.

    :return: the new section, or ``None`` if the form already has an OEWG delegation field
    """
    from indico.modules.events.registration.models.form_fields import RegistrationFormField
    from indico.modules.events.registration.models.items import RegistrationFormSection
    from indico.modules.logs import EventLogRealm, LogKind

    from indico_oewg import _
    from indico_oewg.registration.fields import FIELD_TYPE
    if any(f.input_type == FIELD_TYPE for f in regform.active_fields):
        return None
    position = max((s.position for s in regform.sections), default=0) + 1
    section = RegistrationFormSection(registration_form=regform, title=str(_('Delegation')), is_enabled=True,
                                      position=position,
                                      description=str(_('Whom you represent at the session, and your credentials.')))
    specs = (
        (FIELD_TYPE, _('Delegation'), '', True),
        ('file', _('Note verbale or nomination letter'),
         _('The note verbale of your Permanent Mission or the letter of your organization naming you (PDF).'), False),
        ('picture', _('Photograph for the grounds pass'), PHOTO_RULES, True),
    )
    for n, (input_type, title, description, required) in enumerate(specs, 1):
        field = RegistrationFormField(parent=section, registration_form=regform, input_type=input_type,
                                      title=str(title), description=str(description), is_required=required,
                                      is_enabled=True, position=n)
        settings = field.field_impl.create_setup_schema().load({})
        field.data, field.versioned_data = field.field_impl.process_field_data(settings)
        db.session.add(field)
    db.session.add(section)
    db.session.flush()
    regform.event.log(EventLogRealm.management, LogKind.positive, 'OEWG',
                      f'OEWG section added to "{regform.title}"', user)
    return section


def merge_focal_points(target, source):
    """``users.merged``: the focal point entries of a merged user go to the user it was merged into."""
    from indico_oewg.registration.models.focal_points import FocalPoint
    for focal_point in FocalPoint.query.filter_by(user_id=source.id).all():
        duplicate = FocalPoint.query.filter_by(event_id=focal_point.event_id, state=focal_point.state,
                                               organization_id=focal_point.organization_id,
                                               user_id=target.id).has_rows()
        if duplicate:
            db.session.delete(focal_point)
        else:
            focal_point.user_id = target.id
    db.session.flush()
