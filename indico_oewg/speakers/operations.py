# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""Changes to lists of speakers. Every function checks first and changes nothing on bad input
(:class:`SpeakersError`); every change takes the list's row lock, bumps its version and is written to the event log.

The row lock (``SELECT ... FOR UPDATE`` on the list) serializes everything that touches one list: two consoles
pressing "next" at once advance it once (the second sees that the floor moved on), and concurrent inscriptions take
their places one after the other, in the order they got the lock.
"""

from indico.core.db import db
from indico.modules.logs import LogKind
from indico.util.date_time import now_utc

from indico_oewg import _
from indico_oewg.speakers.access import (delegation_class, get_inscribing_delegations, is_secretariat,
                                         is_session_delegation)
from indico_oewg.speakers.errors import SpeakersError
from indico_oewg.speakers.models.inscriptions import (ACTIVE_STATUSES, DELIVERY_LANGUAGES, Inscription,
                                                      InscriptionStatus, ProtocolLevel)
from indico_oewg.speakers.models.lists import ListStatus, SpeakerClass, SpeakersList
from indico_oewg.speakers.notifications import notify_inscribed
from indico_oewg.speakers.util import describe, format_local, parse_joining_states
from indico_oewg.statements import api as statements_api
from indico_oewg.util import acting_user, log_event


#: The longest texts the fields take
MAX_LENGTHS = {'on_behalf_of': 300, 'note': 2000}
#: The longest speaking time limit one may set (seconds)
MAX_LIMIT = 3600

#: Statuses of inscriptions that had their turn: a new inscription never goes before them
_CALLED = (InscriptionStatus.delivered, InscriptionStatus.current, InscriptionStatus.absent)


# --- locking and order -------------------------------------------------------------------------------------------

def lock_list(speakers_list):
    """Take the list's row lock until the transaction ends, and reload it and its inscriptions as committed."""
    SpeakersList.query.filter_by(id=speakers_list.id).with_for_update().populate_existing().one()
    Inscription.query.filter_by(list_id=speakers_list.id).populate_existing().all()
    db.session.expire(speakers_list, ['inscriptions'])
    return speakers_list


def _entries(speakers_list, is_reply):
    return sorted((i for i in speakers_list.inscriptions if i.is_reply == is_reply), key=lambda i: i.position)


def _renumber(entries):
    for position, inscription in enumerate(entries, 1):
        inscription.position = position


def order_key(speakers_list, inscription):
    """Where the list's rules place an inscription: its class (groups first if the rule says so), then the
    protocol level among States when that rule is on.
    """
    cls = inscription.delegation_class
    if inscription.on_behalf_of and speakers_list.groups_first:
        cls = SpeakerClass.group
    level = 0
    if speakers_list.protocol_level_first and cls == SpeakerClass.state:
        level = inscription.level.value if inscription.level else len(ProtocolLevel) + 1
    return int(cls), level


def _place(speakers_list, inscription):
    """Put a new (or changed) inscription where the rules say: after every speaker already called and after the
    last one the rules place before or with it (the order of inscription within a class). A right of reply goes
    to the end of its list.
    """
    entries = [i for i in _entries(speakers_list, inscription.is_reply) if i is not inscription]
    index = len(entries)
    if not inscription.is_reply:
        key = order_key(speakers_list, inscription)
        index = 0
        for n, other in enumerate(entries, 1):
            if other.status in _CALLED or (other.status == InscriptionStatus.waiting
                                           and order_key(speakers_list, other) <= key):
                index = n
        # withdrawn inscriptions right there keep their place before the newcomer
        while index < len(entries) and entries[index].status == InscriptionStatus.withdrawn:
            index += 1
    entries.insert(index, inscription)
    _renumber(entries)


def _to_end(speakers_list, inscription):
    entries = [i for i in _entries(speakers_list, inscription.is_reply) if i is not inscription]
    _renumber([*entries, inscription])


def apply_rules(speakers_list, user=None):
    """Order the waiting speakers of the list by its rules again (order of inscription within each class); those
    already called stay where they are.
    """
    entries = _entries(speakers_list, False)
    waiting = [i for i in entries if i.status == InscriptionStatus.waiting]
    slots = [i.position for i in waiting]
    ordered = sorted(waiting, key=lambda i: (order_key(speakers_list, i), i.inscribed_dt, i.id))
    for position, inscription in zip(slots, ordered, strict=True):
        inscription.position = position
    # withdrawn ones keep their slot; pull everything together again
    _renumber(sorted(entries, key=lambda i: i.position))
    speakers_list.touch()
    db.session.flush()
    return ordered


# --- the list: open, close, deadline, rules ----------------------------------------------------------------------

def _item_title(speakers_list):
    return speakers_list.agenda_item.title


def _log(speakers_list, kind, summary, user, data=None):
    """Write to the event log, naming the agenda item of the list."""
    log_event(speakers_list.event, kind, f'{summary}, "{_item_title(speakers_list)}"', user, data=data)


def _check_deadline(deadline_dt):
    if deadline_dt is not None and deadline_dt <= now_utc():
        raise SpeakersError(_('The deadline must be in the future.'))


def open_list(event, agenda_item, *, deadline_dt=None, user=None):
    """Open the list of speakers of an agenda item (created the first time), optionally with a deadline (UTC)."""
    if agenda_item is None or agenda_item.event_id != event.id:
        raise SpeakersError(_('This agenda item is not on the agenda of the session.'))
    _check_deadline(deadline_dt)
    speakers_list = SpeakersList.query.filter_by(agenda_item_id=agenda_item.id).first()
    if speakers_list is None:
        speakers_list = SpeakersList(event=event, agenda_item=agenda_item, deadline_dt=deadline_dt)
        db.session.add(speakers_list)
        db.session.flush()
        lock_list(speakers_list)
        summary = f'List of speakers opened: "{agenda_item.title}"'
    else:
        lock_list(speakers_list)
        if speakers_list.status == ListStatus.finished:
            raise SpeakersError(_('The list of speakers of "{item}" is finished; resume it first.')
                                .format(item=agenda_item.title))
        if speakers_list.inscriptions_open:
            raise SpeakersError(_('The list of speakers of "{item}" is open already.').format(item=agenda_item.title))
        speakers_list.inscriptions_open = True
        speakers_list.deadline_dt = deadline_dt
        if speakers_list.status == ListStatus.closed:
            speakers_list.status = ListStatus.open
        summary = f'List of speakers reopened: "{agenda_item.title}"'
    speakers_list.touch()
    db.session.flush()
    log_event(event, LogKind.positive, summary, user,
         data={'Deadline': format_local(deadline_dt, event)} if deadline_dt else None)
    return speakers_list


def close_list(speakers_list, user=None, *, by_deadline=False):
    """Close inscription (the secretariat may still add speakers). Returns ``False`` if it was closed already."""
    lock_list(speakers_list)
    if not speakers_list.inscriptions_open:
        if by_deadline:
            return False
        raise SpeakersError(_('Inscription to this list is closed already.'))
    if by_deadline and (speakers_list.deadline_dt is None or speakers_list.deadline_dt > now_utc()):
        return False
    speakers_list.inscriptions_open = False
    if speakers_list.status == ListStatus.open:
        speakers_list.status = ListStatus.closed
    speakers_list.touch()
    db.session.flush()
    reason = ' at its deadline' if by_deadline else ''
    _log(speakers_list, LogKind.change, f'List of speakers closed{reason}', None if by_deadline else user)
    return True


def close_expired_lists():
    """Close inscription to every list whose deadline has passed (the periodic task); returns how many closed."""
    expired = (SpeakersList.query
               .filter(SpeakersList.inscriptions_open, SpeakersList.deadline_dt <= now_utc())
               .order_by(SpeakersList.id)
               .all())
    closed = 0
    for speakers_list in expired:
        if close_list(speakers_list, by_deadline=True):
            closed += 1
        db.session.commit()
    return closed


def set_deadline(speakers_list, deadline_dt, user=None):
    """Set (or with ``None`` remove) the deadline of inscription (UTC)."""
    _check_deadline(deadline_dt)
    lock_list(speakers_list)
    if not speakers_list.inscriptions_open:
        raise SpeakersError(_('Inscription to this list is closed; open it again with a new deadline.'))
    speakers_list.deadline_dt = deadline_dt
    speakers_list.touch()
    db.session.flush()
    _log(speakers_list, LogKind.change, 'Deadline of the list of speakers set', user,
         data={'Deadline': format_local(deadline_dt, speakers_list.event) if deadline_dt else 'none'})


_RULES = {
    'groups_first': 'Groups of States first',
    'protocol_level_first': 'States by protocol level first',
    'allow_multiple': 'More than one inscription per delegation',
}
_LIMITS = {
    'limit_group': 'Limit for groups (s)',
    'limit_state': 'Limit for States (s)',
    'limit_igo': 'Limit for intergovernmental organizations and UN entities (s)',
    'limit_other': 'Limit for other observers (s)',
    'limit_reply': 'Limit for a right of reply (s)',
}


def update_rules(speakers_list, rules, user=None):
    """Change the rules of a list: ``groups_first``, ``protocol_level_first``, ``allow_multiple`` (bools) and the
    limits ``limit_group``, ``limit_state``, ``limit_igo``, ``limit_other``, ``limit_reply`` (seconds). When the
    order rules change, the waiting speakers are ordered by them again.
    """
    for name in _LIMITS:
        if name in rules:
            value = rules[name]
            if not isinstance(value, int) or isinstance(value, bool) or not 0 < value <= MAX_LIMIT:
                raise SpeakersError(_('A speaking time limit is between 1 second and {minutes} minutes.')
                                    .format(minutes=MAX_LIMIT // 60))
    lock_list(speakers_list)
    changes = {}
    for name in (*_RULES, *_LIMITS):
        if name in rules and getattr(speakers_list, name) != rules[name]:
            old = getattr(speakers_list, name)
            changes[(_RULES | _LIMITS)[name]] = (old, rules[name])
            setattr(speakers_list, name, bool(rules[name]) if name in _RULES else rules[name])
    if not changes:
        return False
    if _RULES['groups_first'] in changes or _RULES['protocol_level_first'] in changes:
        apply_rules(speakers_list)
    speakers_list.touch()
    db.session.flush()
    _log(speakers_list, LogKind.change, 'Rules of the list of speakers changed', user,
         data={name: f'{old} → {new}' for name, (old, new) in changes.items()})
    return True


def reorder_by_rules(speakers_list, user=None):
    """Order the waiting speakers by the rules again (after moves the secretariat made)."""
    lock_list(speakers_list)
    apply_rules(speakers_list)
    _log(speakers_list, LogKind.change, 'List of speakers ordered by its rules', user)


# --- inscriptions --------------------------------------------------------------------------------------------------

def _check_text(value, field, label):
    value = (value or '').strip()
    if '\x00' in value:
        raise SpeakersError(_('{field} contains a NUL character.').format(field=label))
    if len(value) > MAX_LENGTHS[field]:
        raise SpeakersError(_('{field} is longer than {limit} characters.').format(field=label,
                                                                                  limit=MAX_LENGTHS[field]))
    return value


def check_details(data):
    """The details of an inscription checked: ``on_behalf_of``, ``joining_states`` (ISO3 codes, or a text of
    names/codes separated by commas), ``level`` (a `ProtocolLevel`, its name, or empty), ``language`` (an official
    language code, or empty), ``note``.

    :return: the details cleaned up
    :raise SpeakersError: naming the first problem
    """
    on_behalf_of = _check_text(data.get('on_behalf_of'), 'on_behalf_of', _('On behalf of'))
    joining = data.get('joining_states') or []
    joining = parse_joining_states(joining) if isinstance(joining, str) else parse_joining_states(', '.join(joining))
    if joining and not on_behalf_of:
        raise SpeakersError(_('States join a statement on behalf of a group: say on whose behalf it is delivered.'))
    level = data.get('level')
    if isinstance(level, str):
        level = level.strip()
        if level and level not in ProtocolLevel.__members__:
            raise SpeakersError(_('Unknown protocol level.'))
        level = ProtocolLevel[level] if level else None
    elif level is not None and not isinstance(level, ProtocolLevel):
        raise SpeakersError(_('Unknown protocol level.'))
    language = (data.get('language') or '').strip()
    if language and language not in DELIVERY_LANGUAGES:
        raise SpeakersError(_('The language of delivery must be one of the official languages.'))
    note = _check_text(data.get('note'), 'note', _('The note to the secretariat'))
    return {'on_behalf_of': on_behalf_of, 'joining_states': joining, 'level': level, 'language': language,
            'note': note}


def _may_act_for(speakers_list, delegation, user, as_secretariat):
    event = speakers_list.event
    if as_secretariat:
        if not is_secretariat(event, user):
            raise SpeakersError(_('Only the secretariat may do this.'))
        if not is_session_delegation(event, delegation):
            raise SpeakersError(_('{delegation} is not a delegation of this session: a State, or an organization '
                                  'accredited for the session.').format(delegation=delegation))
        return
    if user is None or delegation not in get_inscribing_delegations(event, user):
        raise SpeakersError(_('You cannot inscribe {delegation}: only its registered representatives and focal '
                              'points may, for a delegation of the session (an organization accredited for it).')
                            .format(delegation=delegation))


def is_open_to_delegations(speakers_list):
    """Whether delegations may inscribe now: open, not finished, and its deadline (if any) not passed."""
    deadline = speakers_list.deadline_dt
    return (speakers_list.inscriptions_open and speakers_list.status != ListStatus.finished
            and (deadline is None or deadline > now_utc()))


def _check_open_for_delegations(speakers_list):
    if speakers_list.status == ListStatus.finished:
        raise SpeakersError(_('The list of speakers of "{item}" is finished.').format(item=_item_title(speakers_list)))
    deadline = speakers_list.deadline_dt
    if not speakers_list.inscriptions_open or (deadline is not None and deadline <= now_utc()):
        raise SpeakersError(_('Inscription to the list of speakers of "{item}" is closed; the secretariat may still '
                              'help.').format(item=_item_title(speakers_list)))


def _check_one_active(speakers_list, delegation, is_reply, exclude=None):
    if speakers_list.allow_multiple:
        return
    for other in speakers_list.inscriptions:
        if (other is not exclude and other.is_reply == is_reply and other.status in ACTIVE_STATUSES
                and other.delegation == delegation):
            if is_reply:
                raise SpeakersError(_('{delegation} has asked for the right of reply on this item already.')
                                    .format(delegation=delegation))
            raise SpeakersError(_('{delegation} is on this list of speakers already (number {position}).')
                                .format(delegation=delegation, position=other.position))


def inscribe(speakers_list, delegation, data, *, user=None, as_secretariat=False, contact=None, is_reply=False,
             from_floor=False):
    """Put a delegation on a list of speakers (or on its list of the right of reply), where the list's rules place
    it; a speaker from the floor goes to the end. The contact (the inscribing delegate; for the secretariat the
    contact they name, if any) gets an acknowledgement by e-mail.

    :param data: the details, see :func:`check_details`
    :param as_secretariat: the secretariat inscribes on the delegation's behalf (also after closing)
    """
    user = acting_user(user)
    details = check_details(data)
    if from_floor and not as_secretariat:
        raise SpeakersError(_('Only the secretariat adds speakers from the floor.'))
    _may_act_for(speakers_list, delegation, user, as_secretariat)
    lock_list(speakers_list)
    if as_secretariat:
        if speakers_list.status == ListStatus.finished:
            raise SpeakersError(_('The list of speakers of "{item}" is finished; resume it first.')
                                .format(item=_item_title(speakers_list)))
    else:
        _check_open_for_delegations(speakers_list)
        contact = user
    _check_one_active(speakers_list, delegation, is_reply)
    now = now_utc()
    inscription = Inscription(list=speakers_list, delegation=delegation,
                              delegation_class=delegation_class(speakers_list.event, delegation),
                              is_reply=is_reply, from_floor=from_floor, by_secretariat=as_secretariat,
                              created_by=user, contact=contact, created_dt=now, inscribed_dt=now,
                              position=len(_entries(speakers_list, is_reply)) + 1, **details)
    if from_floor:
        _to_end(speakers_list, inscription)
    else:
        _place(speakers_list, inscription)
    speakers_list.touch()
    db.session.flush()
    what = 'Right of reply asked' if is_reply else ('Speaker added from the floor' if from_floor else 'Inscribed')
    _log(speakers_list, LogKind.positive, f'{what}: {describe(inscription)}', user, data=_log_data(inscription))
    if contact is not None:
        notify_inscribed(inscription)
    return inscription


def _log_data(inscription):
    data = {'Agenda item': _item_title(inscription.list), 'Position': inscription.position,
            'Delegation': inscription.delegation.name_in_sentence('en')}
    if inscription.is_reply:
        data['List'] = 'right of reply'
    if inscription.on_behalf_of:
        data['On behalf of'] = inscription.on_behalf_of
    if inscription.joining_states:
        data['Joining'] = ', '.join(inscription.joining_states)
    if inscription.level:
        data['Level'] = inscription.level.name
    if inscription.language:
        data['Language'] = inscription.language
    if inscription.by_secretariat:
        data['By the secretariat'] = 'yes'
    if inscription.contact:
        data['Contact'] = inscription.contact.full_name
    return data


def may_change(inscription, user):
    """Whether a user may change or withdraw an inscription as its delegation: while inscription is open, a
    representative or focal point of its delegation, before it is called.
    """
    speakers_list = inscription.list
    if user is None or inscription.status != InscriptionStatus.waiting or not is_open_to_delegations(speakers_list):
        return False
    return inscription.delegation in get_inscribing_delegations(speakers_list.event, user)


def _check_delegation_change(inscription, user):
    if inscription.delegation not in get_inscribing_delegations(inscription.list.event, user):
        raise SpeakersError(_('Only the representatives and focal points of {delegation} may change its '
                              'inscription.').format(delegation=inscription.delegation))
    _check_open_for_delegations(inscription.list)
    if inscription.status != InscriptionStatus.waiting:
        raise SpeakersError(_('This inscription can no longer be changed: it is {status}.')
                            .format(status=inscription.status.title.lower()))


def change_inscription(inscription, data, *, user=None, as_secretariat=False):
    """Change the details of an inscription. A delegation's change places it again at the end of its class (the
    usual rule for lists of speakers); the secretariat's corrections keep its place.
    """
    user = acting_user(user)
    details = check_details(data)
    speakers_list = inscription.list
    if as_secretariat and not is_secretariat(speakers_list.event, user):
        raise SpeakersError(_('Only the secretariat may do this.'))
    lock_list(speakers_list)
    if as_secretariat:
        if inscription.status not in ACTIVE_STATUSES:
            raise SpeakersError(_('This inscription can no longer be changed: it is {status}.')
                                .format(status=inscription.status.title.lower()))
    else:
        _check_delegation_change(inscription, user)
    changes = {name: value for name, value in details.items() if getattr(inscription, name) != value}
    if not changes:
        return False
    for name, value in changes.items():
        setattr(inscription, name, value)
    if not as_secretariat:
        inscription.inscribed_dt = now_utc()
        _place(speakers_list, inscription)
    speakers_list.touch()
    db.session.flush()
    _log(speakers_list, LogKind.change, f'Inscription changed: {describe(inscription)}', user,
         data=_log_data(inscription) | {'Changed': ', '.join(sorted(changes))})
    if not as_secretariat and inscription.contact is not None:
        notify_inscribed(inscription, changed=True)
    return True


def withdraw(inscription, *, user=None, as_secretariat=False):
    """Withdraw an inscription: by its delegation while inscription is open and it waits; by the secretariat also
    when it is speaking (e.g. the delegation gave up the floor).
    """
    user = acting_user(user)
    speakers_list = inscription.list
    if as_secretariat and not is_secretariat(speakers_list.event, user):
        raise SpeakersError(_('Only the secretariat may do this.'))
    lock_list(speakers_list)
    if as_secretariat:
        if inscription.status not in ACTIVE_STATUSES:
            raise SpeakersError(_('Only a waiting or speaking delegation can be withdrawn.'))
    else:
        _check_delegation_change(inscription, user)
    inscription.status = InscriptionStatus.withdrawn
    inscription.ended_dt = now_utc()
    speakers_list.touch()
    db.session.flush()
    _log(speakers_list, LogKind.negative, f'Inscription withdrawn: {describe(inscription)}', user,
         data=_log_data(inscription))


# --- the secretariat arranges the order ----------------------------------------------------------------------------

def _check_secretariat(speakers_list, user):
    if not is_secretariat(speakers_list.event, user):
        raise SpeakersError(_('Only the secretariat may do this.'))


def move_inscription(inscription, position, user=None):
    """Move a waiting speaker to another place (1, 2, ...) among the waiting ones of its list."""
    user = acting_user(user)
    speakers_list = inscription.list
    _check_secretariat(speakers_list, user)
    lock_list(speakers_list)
    if inscription.status != InscriptionStatus.waiting:
        raise SpeakersError(_('Only a waiting speaker can be moved.'))
    entries = _entries(speakers_list, inscription.is_reply)
    first_free = max((i.position for i in entries if i.status in _CALLED), default=0) + 1
    if not isinstance(position, int) or not first_free <= position <= len(entries):
        raise SpeakersError(_('A waiting speaker can only go to a place from {first} to {last}.')
                            .format(first=first_free, last=len(entries)))
    old = inscription.position
    if old == position:
        return False
    entries.remove(inscription)
    entries.insert(position - 1, inscription)
    _renumber(entries)
    speakers_list.touch()
    db.session.flush()
    _log(speakers_list, LogKind.change, f'Speaker moved: {describe(inscription)}', user,
         data={'From': old, 'To': position} | _log_data(inscription))
    return True


def exchange_inscriptions(first, second, user=None):
    """Exchange the places of two waiting speakers of the same list (at the delegations' request)."""
    user = acting_user(user)
    speakers_list = first.list
    _check_secretariat(speakers_list, user)
    lock_list(speakers_list)
    if second.list_id != first.list_id or second.is_reply != first.is_reply or second is first:
        raise SpeakersError(_('Choose two different speakers of the same list.'))
    if first.status != InscriptionStatus.waiting or second.status != InscriptionStatus.waiting:
        raise SpeakersError(_('Only waiting speakers can exchange their places.'))
    first.position, second.position = second.position, first.position
    speakers_list.touch()
    db.session.flush()
    _log(speakers_list, LogKind.change, f'Speakers exchanged places: {describe(first)} and {describe(second)}', user,
         data={describe(first): first.position, describe(second): second.position})


# --- the console ---------------------------------------------------------------------------------------------------

def _current(speakers_list):
    return next((i for i in speakers_list.inscriptions if i.status == InscriptionStatus.current), None)


def _next_waiting(speakers_list):
    for is_reply in (False, True):
        waiting = [i for i in _entries(speakers_list, is_reply) if i.status == InscriptionStatus.waiting]
        if waiting:
            return waiting[0]
    return None


def _check_expected(speakers_list, expected_current_id):
    """The console acts on what it showed: if the floor moved on meanwhile (another console), do nothing."""
    current = _current(speakers_list)
    return (current.id if current else None) == expected_current_id


def _deliver(inscription, user):
    """Mark delivered and record it as a statement of the archive, in the order of delivery."""
    inscription.status = InscriptionStatus.delivered
    inscription.ended_dt = now_utc()
    if inscription.statement is None:
        try:
            inscription.statement = statements_api.record_delivered_statement(
                inscription.list.agenda_item, inscription.delegation, on_behalf_of=inscription.on_behalf_of,
                joining_states=inscription.joining_states, language=inscription.language,
                contact=inscription.contact, user=user)
        except ValueError as exc:
            # the archive refused it (its errors are ValueErrors with a message for the user): nothing changes
            raise SpeakersError(str(exc)) from exc


def _give_floor(inscription):
    inscription.status = InscriptionStatus.current
    inscription.started_dt = now_utc()
    inscription.ended_dt = None


def call_next(speakers_list, expected_current_id, user=None):
    """The current speaker has delivered; the next waiting one (the list, then the right of reply) gets the floor.

    :param expected_current_id: the id of the speaker the console showed as current (``None`` if nobody): when
                                the floor moved on meanwhile, nothing happens
    :return: ``(moved, current)``: whether the list advanced, and who has the floor now
    """
    user = acting_user(user)
    _check_secretariat(speakers_list, user)
    lock_list(speakers_list)
    if speakers_list.status == ListStatus.finished:
        raise SpeakersError(_('The list of speakers is finished; resume it first.'))
    if not _check_expected(speakers_list, expected_current_id):
        return False, _current(speakers_list)
    current = _current(speakers_list)
    if current is not None:
        _deliver(current, user)
    following = _next_waiting(speakers_list)
    if following is None and current is None:
        raise SpeakersError(_('Nobody is waiting on this list.'))
    if following is not None:
        _give_floor(following)
    speakers_list.status = ListStatus.running
    speakers_list.touch()
    db.session.flush()
    data = {'Delivered': describe(current) if current else '—', 'Floor': describe(following) if following else '—'}
    _log(speakers_list, LogKind.change, 'List of speakers: next speaker', user, data=data)
    return True, following


def call_previous(speakers_list, expected_current_id, user=None):
    """Back to the previous speaker (pressed by mistake): the current one waits again in their place, the one
    before gets the floor again; the statement recorded for them is taken back unless it has a file or was
    published.

    :return: ``(moved, current)``
    """
    user = acting_user(user)
    _check_secretariat(speakers_list, user)
    lock_list(speakers_list)
    if speakers_list.status == ListStatus.finished:
        raise SpeakersError(_('The list of speakers is finished; resume it first.'))
    if not _check_expected(speakers_list, expected_current_id):
        return False, _current(speakers_list)
    current = _current(speakers_list)
    called = [i for i in speakers_list.inscriptions
              if i.status in (InscriptionStatus.delivered, InscriptionStatus.absent) and i.ended_dt]
    previous = max(called, key=lambda i: (i.ended_dt, i.id), default=None)
    if previous is None:
        raise SpeakersError(_('There is no previous speaker.'))
    if current is not None:
        current.status = InscriptionStatus.waiting
        current.started_dt = None
    if previous.statement is not None and statements_api.undo_delivered_statement(previous.statement, user):
        previous.statement = None
    _give_floor(previous)
    speakers_list.status = ListStatus.running
    speakers_list.touch()
    db.session.flush()
    _log(speakers_list, LogKind.change, 'List of speakers: back to the previous speaker', user,
         data={'Floor': describe(previous), 'Waiting again': describe(current) if current else '—'})
    return True, previous


def mark_delivered(inscription, user=None):
    """The speaker (speaking, or called without the console) has delivered; nobody else gets the floor."""
    user = acting_user(user)
    speakers_list = inscription.list
    _check_secretariat(speakers_list, user)
    lock_list(speakers_list)
    if inscription.status not in ACTIVE_STATUSES:
        raise SpeakersError(_('Only a waiting or speaking delegation can be marked as delivered.'))
    _deliver(inscription, user)
    speakers_list.status = ListStatus.running
    speakers_list.touch()
    db.session.flush()
    _log(speakers_list, LogKind.positive, f'Speaker delivered: {describe(inscription)}', user,
         data=_log_data(inscription))


def mark_absent(inscription, *, to_end=True, user=None):
    """The delegation is not in the room when called: moved to the end of its list, or dropped."""
    user = acting_user(user)
    speakers_list = inscription.list
    _check_secretariat(speakers_list, user)
    lock_list(speakers_list)
    if inscription.status not in ACTIVE_STATUSES:
        raise SpeakersError(_('Only a waiting or speaking delegation can be marked as absent.'))
    inscription.started_dt = None
    if to_end:
        inscription.status = InscriptionStatus.waiting
        _to_end(speakers_list, inscription)
    else:
        inscription.status = InscriptionStatus.absent
        inscription.ended_dt = now_utc()
    speakers_list.touch()
    db.session.flush()
    what = 'moved to the end' if to_end else 'dropped'
    _log(speakers_list, LogKind.change, f'Speaker absent, {what}: {describe(inscription)}', user,
         data=_log_data(inscription))


def finish_list(speakers_list, user=None):
    """The list is finished: whoever is speaking has delivered; those still waiting were not called (absent)."""
    user = acting_user(user)
    _check_secretariat(speakers_list, user)
    lock_list(speakers_list)
    if speakers_list.status == ListStatus.finished:
        raise SpeakersError(_('The list of speakers is finished already.'))
    current = _current(speakers_list)
    if current is not None:
        _deliver(current, user)
    not_called = [i for i in speakers_list.inscriptions if i.status == InscriptionStatus.waiting]
    for inscription in not_called:
        inscription.status = InscriptionStatus.absent
        inscription.ended_dt = now_utc()
    speakers_list.status = ListStatus.finished
    speakers_list.inscriptions_open = False
    speakers_list.touch()
    db.session.flush()
    _log(speakers_list, LogKind.change, 'List of speakers finished', user,
         data={'Not called': ', '.join(describe(i) for i in not_called) or '—'})


def resume_list(speakers_list, user=None):
    """A finished list runs again (e.g. to call a speaker dropped as absent): inscription stays closed."""
    user = acting_user(user)
    _check_secretariat(speakers_list, user)
    lock_list(speakers_list)
    if speakers_list.status != ListStatus.finished:
        raise SpeakersError(_('Only a finished list can be resumed.'))
    speakers_list.status = ListStatus.running
    speakers_list.touch()
    db.session.flush()
    _log(speakers_list, LogKind.change, 'List of speakers resumed', user)
