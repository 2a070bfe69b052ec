# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""What requesters and the secretariat do with observer requests, the lists and the no-objection period."""

import mimetypes

from indico.core.db import db
from indico.core.notifications import make_email, send_email
from indico.modules.logs import EventLogRealm, LogKind
from indico.modules.logs.util import make_diff_log
from indico.util.date_time import now_utc
from indico.util.fs import secure_client_filename
from indico.util.placeholders import replace_placeholders
from indico.web.flask.templating import get_template_module

from indico_oewg import _
from indico_oewg.documents import is_pdf
from indico_oewg.observers.documents import LISTS_FILENAME, build_lists_docx, build_lists_pdf
from indico_oewg.observers.models.accreditations import Accreditation
from indico_oewg.observers.models.files import ObserverFile
from indico_oewg.observers.models.organizations import EcosocStatus, Organization, OrganizationKind
from indico_oewg.observers.models.periods import NoObjectionPeriod, Objection, PeriodState
from indico_oewg.observers.models.requests import OPEN_STATES, ObserverRequest, Representative, RequestState
from indico_oewg.observers.placeholders import OUTCOME_EMAIL_CONTEXT
from indico_oewg.observers.settings import observer_settings
from indico_oewg.observers.util import get_open_request, get_period_requests
from indico_oewg.states import get_state
from indico_oewg.util import LOG_MODULE, acting_user, log_event, logger
from indico_oewg.working_groups.util import get_session_title, get_working_group


class ObserverError(Exception):
    """A request that cannot be carried out; the message is shown to the user as is."""


def _request_name(request):
    """What the logs call a request (in English, as Indico's logs are): by its organization, not its id."""
    return f'Observer request of "{request.organization.name}"'


# --- files ------------------------------------------------------------------------------------------------------

def save_file(working_group, file, *, pdf_only=False):
    """Store an uploaded file (a werkzeug `FileStorage`) in the observer registry.

    :raise ObserverError: if `pdf_only` and the content is not a PDF document.
    """
    # the name as the client gave it may hold paths or control characters: keep a safe one, as Indico does
    filename = secure_client_filename(file.filename)
    data = file.read()
    if pdf_only and not is_pdf(data):
        raise ObserverError(_('The file "{name}" is not a PDF document.').format(name=filename))
    content_type = (mimetypes.guess_type(filename)[0] or file.mimetype or 'application/octet-stream')
    stored = ObserverFile(working_group=working_group, working_group_id=working_group.id, filename=filename,
                          content_type='application/pdf' if pdf_only else content_type)
    stored.save(data)
    db.session.add(stored)
    db.session.flush()
    return stored


# --- organizations ----------------------------------------------------------------------------------------------

ORGANIZATION_FIELDS = ('name', 'name_fr', 'acronym', 'kind', 'ecosoc_status', 'website', 'country', 'contact_email',
                       'mission_statement')


def create_organization(working_group, data):
    """Add an organization to the registry of a working group."""
    organization = Organization(working_group=working_group,
                                **{k: v for k, v in data.items() if k in ORGANIZATION_FIELDS})
    if organization.kind != OrganizationKind.ecosoc:
        organization.ecosoc_status = organization.ecosoc_status or EcosocStatus.none
    db.session.add(organization)
    db.session.flush()
    logger.info('Organization %r added to the observer registry', organization)
    return organization


ORGANIZATION_LOG_FIELDS = {
    'name': 'Name',
    'name_fr': 'Name (French)',
    'acronym': 'Acronym',
    'kind': {'title': 'Kind', 'type': 'string',
             'convert': lambda changes: [f'({k.letter})' if k else '' for k in changes]},
    'ecosoc_status': {'title': 'ECOSOC status', 'type': 'string',
                      'convert': lambda changes: [s.name if s is not None else '' for s in changes]},
    'website': 'Website',
    'country': 'Headquarters',
    'contact_email': 'E-mail',
}


def update_organization(organization, data, event, user=None):
    """The secretariat corrects an organization of the registry (e.g. its kind, before confirming a request)."""
    changes = organization.populate_from_dict({k: v for k, v in data.items() if k in ORGANIZATION_LOG_FIELDS})
    db.session.flush()
    if changes:
        log_event(event, LogKind.change, f'Organization "{organization.name}" updated', user,
                  data=make_diff_log(changes, ORGANIZATION_LOG_FIELDS))
    return changes


def merge_users(target, source):
    """Keep the requests, objections and decisions of a user merged into another one."""
    for model, column in ((ObserverRequest, ObserverRequest.requester_id),
                          (Objection, Objection.recorded_by_id),
                          (NoObjectionPeriod, NoObjectionPeriod.closed_by_id),
                          (Accreditation, Accreditation.revoked_by_id)):
        model.query.filter(column == source.id).update({column: target.id}, synchronize_session=False)
    logger.info('Observer requests and decisions of %r moved to %r', source, target)


def merge_organization(source, target, event, user=None):
    """Merge a duplicate organization into another one of the same registry.

    Its requests and accreditations move to the target; the duplicate stays, marked as merged.
    """
    if source == target or source.working_group_id != target.working_group_id or target.is_merged:
        raise ObserverError(_('An organization can only be merged into another, unmerged organization of the same '
                              'working group.'))
    for request in source.requests:
        if request.state in OPEN_STATES and get_open_request(target, request.event):
            raise ObserverError(_('Both organizations have an open request for the {session}; decline or '
                                  'withdraw one of them first.').format(session=get_session_title(request.event)))
    moved_requests = list(source.requests)
    for request in moved_requests:
        request.organization = target
    for accreditation in list(source.accreditations):
        accreditation.organization = target
    source.merged_into = target
    db.session.flush()
    log_event(event, LogKind.change, f'Organization "{source.name}" merged into "{target.name}"', user,
              data={'Merged organization': source.display_name, 'Into': target.display_name,
                    'Requests moved': ', '.join(f'{get_session_title(r.event)} ({r.state.name.replace("_", " ")})'
                                                for r in moved_requests) or 'none'})


# --- requests ---------------------------------------------------------------------------------------------------

def _set_representatives(request, representatives):
    representatives = [(name.strip(), title.strip()) for name, title in representatives if name.strip()]
    if not representatives:
        raise ObserverError(_('Name at least one representative (full name and title).'))
    request.representatives = [Representative(full_name=name, title=title, position=i)
                               for i, (name, title) in enumerate(representatives)]


def _open_request_error(existing, user, working_group):
    """Why a second open request for the same organization and session is refused, without pointing to a request
    the user may not open.
    """
    organization = existing.organization.name
    if existing.requester == user:
        return ObserverError(_('You already sent a request for {organization} to this session: it is listed under '
                               '"Your requests" on the observers page, where you can complete it.')
                             .format(organization=organization))
    if working_group.contact_email:
        return ObserverError(_('{organization} already has a pending request for this session, sent by another '
                               'contact of the organization. To add to it or to change it, write to the '
                               'secretariat at {email}.')
                             .format(organization=organization, email=working_group.contact_email))
    return ObserverError(_('{organization} already has a pending request for this session, sent by another contact '
                           'of the organization. To add to it or to change it, write to the secretariat of the '
                           'working group.').format(organization=organization))


def create_request(event, user, *, organization=None, organization_data=None, letter, representatives,
                   mission_statement='', mission_statement_file=None, ecosoc_status=None):
    """Record an organization's request to follow a session as an observer.

    Either `organization` (one of the registry) or `organization_data` (a new one) is given. Nothing is saved
    unless everything is valid.

    :raise ObserverError: with a message for the requester.
    """
    working_group = get_working_group(event.category)
    with db.session.begin_nested():
        if organization is not None:
            organization = organization.canonical
            if organization.working_group_id != working_group.id:
                raise ObserverError(_('This organization is not in the registry of this working group.'))
            if existing := get_open_request(organization, event):
                raise _open_request_error(existing, user, working_group)
            is_new = False
        else:
            organization = create_organization(working_group, organization_data)
            is_new = True
        if not organization.contact_email:
            organization.contact_email = user.email
        if letter is None or not letter.filename:
            raise ObserverError(_('Attach the official letter (PDF).'))
        # What the request states stays with the request; the registry takes it over when the secretariat
        # confirms, so that a request cannot overwrite what another contact of the organization sent.
        request = ObserverRequest(event=event, organization=organization, requester=user,
                                  letter_file=save_file(working_group, letter, pdf_only=True),
                                  ecosoc_status=ecosoc_status or EcosocStatus.none,
                                  mission_statement=(mission_statement or '').strip())
        _set_representatives(request, representatives)
        if mission_statement_file is not None and mission_statement_file.filename:
            request.mission_statement_file = save_file(working_group, mission_statement_file)
        if is_new:
            _apply_request_to_organization(request)
        db.session.add(request)
        db.session.flush()
    log_event(event, LogKind.positive, f'{_request_name(request)} sent', user,
              data={'Organization': organization.display_name, 'Kind': f'({organization.kind.letter})',
                    'Representatives': len(request.representatives)}, realm=EventLogRealm.participants)
    return request


def update_request(request, user, *, letter=None, representatives, mission_statement=None,
                   mission_statement_file=None, ecosoc_status=None):
    """The requester completes a pending request (e.g. after being asked for more information)."""
    if not request.state.is_open:
        raise ObserverError(_('This request can no longer be changed.'))
    working_group = get_working_group(request.event.category)
    with db.session.begin_nested():
        if letter is not None and letter.filename:
            request.letter_file = save_file(working_group, letter, pdf_only=True)
        _set_representatives(request, representatives)
        if mission_statement_file is not None and mission_statement_file.filename:
            request.mission_statement_file = save_file(working_group, mission_statement_file)
        if mission_statement is not None:
            request.mission_statement = mission_statement.strip()
        if ecosoc_status is not None:
            request.ecosoc_status = ecosoc_status
        answered = request.state == RequestState.info_requested
        request.state = RequestState.pending
        request.modified_dt = now_utc()
        db.session.flush()
    log_event(request.event, LogKind.change,
              f'{_request_name(request)} {"completed" if answered else "updated"} by the requester', user,
              data={'Organization': request.organization.display_name}, realm=EventLogRealm.participants)


def _apply_request_to_organization(request):
    """The registry takes over what a request states about its organization."""
    organization = request.organization
    if organization.kind == OrganizationKind.ecosoc and request.ecosoc_status:
        organization.ecosoc_status = request.ecosoc_status
    if request.mission_statement:
        organization.mission_statement = request.mission_statement
    if request.mission_statement_file:
        organization.mission_statement_file = request.mission_statement_file


def withdraw_request(request, user):
    if not request.state.is_open:
        raise ObserverError(_('Only a pending request can be withdrawn.'))
    request.state = RequestState.withdrawn
    request.modified_dt = now_utc()
    db.session.flush()
    log_event(request.event, LogKind.negative, f'{_request_name(request)} withdrawn by the requester', user,
              data={'Organization': request.organization.display_name}, realm=EventLogRealm.participants)


def _send_to_requester(request, template_name, user, summary, **context):
    event = request.event
    working_group = get_working_group(event.category)
    with event.force_event_locale(request.requester):
        template = get_template_module(f'oewg:observers/emails/{template_name}.txt', request=request, event=event,
                                       working_group=working_group, session_title=get_session_title(event),
                                       **context)
        email = make_email(request.requester.email, reply_address=working_group.contact_email, template=template)
    send_email(email, event, LOG_MODULE, acting_user(user), log_summary=summary)


def ask_for_information(request, message, user=None, *, notify=True):
    """The secretariat asks the requester for more information (by e-mail)."""
    if not request.state.is_open:
        raise ObserverError(_('More information can only be asked for a pending request.'))
    if not message.strip():
        raise ObserverError(_('Say what information is needed.'))
    request.state = RequestState.info_requested
    request.info_request = message.strip()
    db.session.flush()
    log_event(request.event, LogKind.change, f'More information asked: {_request_name(request)}', user,
              data={'Organization': request.organization.display_name, 'Message': request.info_request})
    if notify:
        _send_to_requester(request, 'info_requested', user, f'{_request_name(request)}: more information asked')


def _accredit(request):
    request.state = RequestState.accredited
    request.decided_dt = now_utc()
    accreditation = Accreditation(organization=request.organization, event=request.event, request=request,
                                  working_group_id=request.organization.working_group_id)
    db.session.add(accreditation)
    return accreditation


def confirm_request(request, user=None, *, notify=True):
    """The secretariat confirms a request (and its letter).

    (a) and (b) participate and (c) go on the list for information: accredited now. (d) and (e) go on the list
    for consideration on a no-objection basis.
    """
    if not request.state.is_open:
        raise ObserverError(_('Only a pending request can be confirmed.'))
    organization = request.organization
    _apply_request_to_organization(request)
    if organization.kind.needs_no_objection:
        request.state = RequestState.under_consideration
        request.decided_dt = now_utc()
        db.session.flush()
        log_event(request.event, LogKind.positive,
                  f'{_request_name(request)} confirmed: on the list for consideration', user,
                  data={'Organization': organization.display_name, 'Kind': f'({organization.kind.letter})'})
    else:
        _accredit(request)
        db.session.flush()
        log_event(request.event, LogKind.positive, f'{_request_name(request)} confirmed: accredited', user,
                  data={'Organization': organization.display_name, 'Kind': f'({organization.kind.letter})',
                        'List': 'for information'})
        if notify:
            send_outcome_email(request, user)


def decline_request(request, reason, user=None, *, notify=True):
    """The secretariat declines a request as out of scope."""
    if not request.state.is_open:
        raise ObserverError(_('Only a pending request can be declined.'))
    if not reason.strip():
        raise ObserverError(_('Give the reason for declining the request.'))
    request.state = RequestState.declined
    request.decline_reason = reason.strip()
    request.decided_dt = now_utc()
    db.session.flush()
    log_event(request.event, LogKind.negative, f'{_request_name(request)} declined', user,
              data={'Organization': request.organization.display_name, 'Reason': request.decline_reason})
    if notify:
        _send_to_requester(request, 'declined', user, f'{_request_name(request)}: declined')


def render_outcome_email(request):
    """The subject and body of the outcome e-mail of a request, from the texts the secretariat edits.

    Their placeholders (``{organization}`` …) are Indico's placeholders of `OUTCOME_EMAIL_CONTEXT`; anything else
    in braces stays as it is.
    """
    prefix = 'accredited' if request.state == RequestState.accredited else 'not_accredited'
    settings = observer_settings.get_all(request.event.category)
    subject, body = (replace_placeholders(OUTCOME_EMAIL_CONTEXT, settings[f'{prefix}_{part}'], escape_html=False,
                                          observer_request=request)
                     for part in ('subject', 'body'))
    return subject, body


def send_outcome_email(request, user):
    subject, body = render_outcome_email(request)
    working_group = get_working_group(request.event.category)
    email = make_email(request.requester.email, reply_address=working_group.contact_email,
                       subject=subject, body=body)
    send_email(email, request.event, LOG_MODULE, acting_user(user),
               log_summary=f'{_request_name(request)}: outcome sent to the requester')


# --- the Chair's lists ------------------------------------------------------------------------------------------

def circulate_lists(event, subject, body, user=None):
    """E-mail the Chair's lists (DOCX and PDF) in blind copy to the Member States' addresses of the settings.

    :return: the number of addresses
    :raise ObserverError: if the settings have no address
    """
    emails = observer_settings.get(event.category, 'member_states_emails')
    if not emails:
        raise ObserverError(_("There are no Member States' addresses in the observer settings."))
    working_group = get_working_group(event.category)
    filename = LISTS_FILENAME.format(event=event)
    attachments = [(f'{filename}.docx', build_lists_docx(event).read()),
                   (f'{filename}.pdf', build_lists_pdf(event).read())]
    email = make_email(bcc_list=emails, reply_address=working_group.contact_email, subject=subject, body=body,
                       attachments=attachments)
    summary = "Chair's lists of observers circulated to the Member States"
    send_email(email, event, LOG_MODULE, acting_user(user), log_summary=summary)
    log_event(event, LogKind.other, summary, user, data={'Subject': subject, 'Addresses': len(emails)})
    return len(emails)


# --- the no-objection period ------------------------------------------------------------------------------------

def _lock_period(period):
    """Lock the period's row for the rest of the transaction and reload it.

    Recording an objection and closing the period both take this lock first, so they happen one after the
    other and each sees what the other committed.
    """
    return (NoObjectionPeriod.query
            .filter_by(id=period.id)
            .with_for_update()
            .populate_existing()
            .one())


def _local(dt, event):
    return dt.astimezone(event.tzinfo).strftime('%Y-%m-%d %H:%M %Z')


def open_period(event, deadline_dt, user=None):
    if event.oewg_no_objection_period is not None:
        raise ObserverError(_('The no-objection period of this session was already opened; reopen it instead.'))
    if deadline_dt <= now_utc():
        raise ObserverError(_('The deadline must be in the future.'))
    period = NoObjectionPeriod(event=event, deadline_dt=deadline_dt, state=PeriodState.open)
    db.session.add(period)
    db.session.flush()
    log_event(event, LogKind.positive, 'No-objection period opened', user,
              data={'Deadline': _local(deadline_dt, event),
                    'Organizations under consideration': len(get_period_requests(event))})
    return period


def record_objection(period, request, state_iso3, basis, user=None):
    """Record the objection of a Member State, made to the Chair, to an organization under consideration."""
    user = acting_user(user)
    state = get_state(state_iso3)
    if state is None or not state.is_member:
        raise ObserverError(_('Objections can only be made by a Member State of the United Nations.'))
    period = _lock_period(period)
    if not period.is_open:
        raise ObserverError(_('The no-objection period is closed; the objection was not recorded.'))
    if period.has_expired:
        raise ObserverError(_('The deadline of the no-objection period has passed; the objection was not '
                              'recorded.'))
    if request.event_id != period.event_id or request.state != RequestState.under_consideration:
        raise ObserverError(_('This organization is not on the list for consideration of this session.'))
    if Objection.query.filter_by(request_id=request.id, state_iso3=state.iso3).has_rows():
        raise ObserverError(_('This objection was already recorded.'))
    objection = Objection(period=period, request=request, state_iso3=state.iso3, basis=(basis or '').strip(),
                          recorded_by=user)
    db.session.add(objection)
    db.session.flush()
    # The objecting State is confidential: it is not written to the event log.
    log_event(period.event, LogKind.change, f'Objection recorded to "{request.organization.name}"', user,
              data={'Organization': request.organization.display_name})
    return objection


def close_period(period, user=None, *, notify=True):
    """Close the period and decide: organizations without objection are accredited, the others are not.

    Closed by `user`, or at the deadline when there is none. Returns `False` (and changes nothing) when the period
    was already closed.
    """
    period = _lock_period(period)
    if not period.is_open:
        return False
    event = period.event
    objected = {o.request_id for o in period.objections}
    accredited, not_accredited = [], []
    for request in get_period_requests(event):
        if request.id in objected:
            request.state = RequestState.not_accredited
            request.decided_dt = now_utc()
            not_accredited.append(request)
        else:
            _accredit(request)
            accredited.append(request)
    period.state = PeriodState.closed
    period.closed_dt = now_utc()
    period.closed_by = user
    db.session.flush()
    log_event(event, LogKind.positive, 'No-objection period closed' + (' at the deadline' if user is None else ''),
              user, data={'Accredited': ', '.join(r.organization.name for r in accredited) or 'none',
                          'Not accredited': ', '.join(r.organization.name for r in not_accredited) or 'none'})
    for request in (accredited + not_accredited) if notify else ():
        send_outcome_email(request, user)
    return True


def reopen_period(period, deadline_dt, user=None):
    """Reopen a closed period with a new deadline; its decisions are undone until it closes again."""
    period = _lock_period(period)
    if period.is_open:
        raise ObserverError(_('The no-objection period is already open.'))
    if deadline_dt <= now_utc():
        raise ObserverError(_('The deadline must be in the future.'))
    event = period.event
    decided = (ObserverRequest.query
               .filter(ObserverRequest.event_id == event.id,
                       ObserverRequest.state.in_((RequestState.accredited, RequestState.not_accredited)))
               .all())
    reopened = []
    for request in decided:
        if not request.organization.kind.needs_no_objection:
            continue
        if request.accreditation is not None:
            # undone, not revoked: the decision is taken again when the period closes (the log keeps the trace)
            db.session.delete(request.accreditation)
        request.state = RequestState.under_consideration
        request.decided_dt = None
        reopened.append(request)
    period.state = PeriodState.open
    period.deadline_dt = deadline_dt
    period.opened_dt = now_utc()
    period.closed_dt = None
    period.closed_by = None
    db.session.flush()
    log_event(event, LogKind.change, 'No-objection period reopened', user,
              data={'Deadline': _local(deadline_dt, event),
                    'Back under consideration': ', '.join(r.organization.name for r in reopened) or 'none'})
    return period


def close_expired_periods():
    """Close every open period whose deadline has passed (run by a periodic task); returns how many closed."""
    expired = (NoObjectionPeriod.query
               .filter(NoObjectionPeriod.state == PeriodState.open, NoObjectionPeriod.deadline_dt <= now_utc())
               .all())
    closed = 0
    for period in expired:
        if close_period(period, None):
            closed += 1
        db.session.commit()
    return closed


# --- accreditations ---------------------------------------------------------------------------------------------

def revoke_accreditation(accreditation, event, reason, user=None):
    """Revoke an accreditation from a session (event) on; the sessions before it keep their record."""
    if accreditation.is_revoked:
        raise ObserverError(_('This accreditation was already revoked.'))
    if not reason.strip():
        raise ObserverError(_('Give the reason for revoking the accreditation.'))
    accreditation.revoked_dt = now_utc()
    accreditation.revoked_from_event = event
    accreditation.revoked_by = acting_user(user)
    accreditation.revocation_reason = reason.strip()
    db.session.flush()
    log_event(event, LogKind.negative, f'Accreditation of "{accreditation.organization.name}" revoked', user,
              data={'Organization': accreditation.organization.display_name,
                    'Reason': accreditation.revocation_reason})


def update_settings(working_group, data, event, user=None):
    """Change the observer settings of a working group (Member States' addresses, outcome e-mails)."""
    before = observer_settings.get_all(working_group.category)
    observer_settings.set_multi(working_group.category, data)
    changed = sorted(k for k, v in data.items() if before.get(k) != v)
    if changed:
        log_event(event, LogKind.change, 'Observer settings of the working group updated', user,
                  data={'Changed': ', '.join(changed)})
    return changed
