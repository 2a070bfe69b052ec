# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""Reading what people type or send: delegations, the States joining a statement, text limits."""


from indico.core.db import db
from indico.modules.events.models.events import Event

from indico_oewg import _
from indico_oewg.delegations import Delegation, DelegationKind
from indico_oewg.states import find_state, find_states
from indico_oewg.statements.errors import StatementError
from indico_oewg.working_groups.util import get_working_group


#: The longest text each field takes (the forms and the import apply the same limits)
MAX_LENGTHS = {
    'agenda_item': 300,
    'organization': 300,
    'office': 500,
    'on_behalf_of': 300,
    'joining_states': 5000,
    'meeting': 100,
    'title': 500,
    'reason': 5000,
}


def check_text(value, field, label):
    """The text stripped, or :class:`StatementError` when it is longer than its field takes or has a NUL byte
    (which PostgreSQL cannot store in text).
    """
    value = (value or '').strip()
    if '\x00' in value:
        raise StatementError(_('{field} contains a NUL character.').format(field=label))
    if len(value) > MAX_LENGTHS[field]:
        raise StatementError(_('{field} is longer than {limit} characters.').format(field=label,
                                                                                   limit=MAX_LENGTHS[field]))
    return value


def _observers_api():
    # imported when used: importing the observers' models with the statements' (in tests, before Indico's app
    # exists) would leave some of their relationships unresolved
    from indico_oewg.observers import api
    return api


def _registry_organization(text, working_group):
    return _observers_api().find_organization(text, working_group) if working_group else None


def _known_organization_names(event):
    """Names of organizations outside the registry that the archive of the session's working group already has."""
    from indico_oewg.statements.models.statements import Statement
    working_group = get_working_group(event.category)
    query = (db.session.query(Statement.organization_name)
             .join(Statement.event)
             .filter(Statement.speaker_kind == DelegationKind.organization, Statement.organization_id.is_(None),
                     ~Event.is_deleted)
             .distinct())
    if working_group:
        query = query.filter(Event.category_id == working_group.category_id)
    else:
        query = query.filter(Statement.event_id == event.id)
    return [name for name, in query]


def organization_delegation(name, event):
    """The organization of that name: the registry's (by name, French name or acronym) if it has it, else one
    outside the registry by the name given.
    """
    if organization := _registry_organization(name, get_working_group(event.category)):
        return Delegation.for_organization(organization)
    return Delegation.for_named_organization(name)


def organization_name_for_form(delegation):
    """The name of an organization as a form shows it for editing: for one of the registry its English name, which
    :func:`organization_delegation` finds in the registry again.
    """
    if delegation.in_registry:
        return _observers_api().get_organization_names(delegation.organization_id)[0]
    return delegation.label


def resolve_delegation(text, event):
    """The delegation written as an ISO3 code, a UN short name in any of the six languages or an organization's name
    (of the registry, or one the archive already has).

    ``office: <text>`` names an office or body (e.g. a Chair), ``organization: <name>`` an organization the archive
    does not know yet.

    :raise StatementError: when nothing matches
    """
    text = (text or '').strip()
    if not text:
        raise StatementError(_('The delegation is missing.'))
    prefix, sep, rest = text.partition(':')
    prefix, rest = prefix.strip().lower(), rest.strip()
    if sep and prefix in ('office', 'body') and rest:
        return Delegation.for_office(check_text(rest, 'office', _('The office or body')))
    if sep and prefix == 'organization' and rest:
        return organization_delegation(check_text(rest, 'organization', _('The organization')), event)
    if state := find_state(text):
        return Delegation.for_state(state.iso3)
    if organization := _registry_organization(text, get_working_group(event.category)):
        return Delegation.for_organization(organization)
    folded = text.casefold().removeprefix('the ')
    for name in _known_organization_names(event):
        if name.casefold().removeprefix('the ') == folded:
            return Delegation.for_named_organization(name)
    raise StatementError(_('Unknown delegation "{text}": not a UN Member or observer State, nor a known '
                           'organization.').format(text=text))


def delegation_from_key(key, working_group):
    """The delegation a filter or form key names ("state:JPN", "organization:12", ...), or ``None``.

    A registry organization is named by its id (of the working group's registry); an old link naming it by its
    name still finds it.
    """
    delegation = Delegation.from_key(key)
    if delegation is None or not delegation.is_organization:
        return delegation
    if delegation.in_registry:
        if working_group and _observers_api().get_organization(delegation.organization_id, working_group):
            return delegation
        return None
    if organization := _registry_organization(delegation.label, working_group):
        return Delegation.for_organization(organization)
    return delegation


def parse_joining_states(text):
    """Parse a list of States (see `indico_oewg.states.find_states`) into ISO3 codes.

    :raise StatementError: naming the entries that are not States
    """
    codes, unknown = find_states(check_text(text, 'joining_states', _('States joining')))
    if unknown:
        raise StatementError(_('Not States: {names}.').format(names=', '.join(unknown)))
    return codes
