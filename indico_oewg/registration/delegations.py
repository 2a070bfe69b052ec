# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""Whom a participant represents: representations, roles in a delegation, and the delegations themselves.

A delegation is either a State (stored by its ISO3 code) or an observer organization (stored by the id of the
observers' registry entry, as a string so that both kinds compare as text in SQL).
"""

from indico_oewg import _
from indico_oewg.states import get_state, get_state_choices, get_states


#: The representations a participant may choose, in the order of the UN list of participants
REPRESENTATIONS = {
    'member_state': _('Member State'),
    'observer_state': _('Non-member observer State'),
    'igo': _('Intergovernmental organization or entity with a standing invitation'),
    'un_body': _('UN organ, body or specialized agency'),
    'ecosoc_ngo': _('NGO with ECOSOC consultative status'),
    'other_ngo': _('Other NGO, academic or research institution'),
    'commercial': _('Commercial actor'),
}
#: Representations whose delegation is a State
STATE_REPRESENTATIONS = frozenset({'member_state', 'observer_state'})

#: The representation that goes with each kind of the observers' registry (`OrganizationKind` names)
KIND_REPRESENTATIONS = {
    'standing_invitation': 'igo',
    'un_body': 'un_body',
    'ecosoc': 'ecosoc_ngo',
    'other_ngo': 'other_ngo',
    'commercial': 'commercial',
}

#: Roles in a delegation, in the order the list of participants prints them
ROLES = {
    'head': _('Head of delegation'),
    'deputy_head': _('Deputy head of delegation'),
    'representative': _('Representative'),
    'alternate': _('Alternate representative'),
    'adviser': _('Adviser'),
    'expert': _('Expert'),
    'other': _('Other'),
}

MAX_TITLE_LENGTH = 250


def representation_title(representation):
    title = REPRESENTATIONS.get(representation)
    return str(title) if title is not None else (representation or '')


def role_title(role):
    title = ROLES.get(role)
    return str(title) if title is not None else (role or '')


def is_state_representation(representation):
    return representation in STATE_REPRESENTATIONS


def state_choices(representation, language=None):
    """The States a participant may pick for a State representation, names in the UI's language."""
    want_member = representation == 'member_state'
    members = {s.iso3 for s in get_states() if s.is_member}
    return [{'value': iso3, 'text': name} for iso3, name in get_state_choices(language)
            if (iso3 in members) == want_member]


def valid_state_for(representation, iso3):
    """The State with that ISO3 code if it fits the representation (a Member State for 'member_state' etc.)."""
    state = get_state(iso3) if isinstance(iso3, str) else None
    if state is None or state.is_member != (representation == 'member_state'):
        return None
    return state


def organization_representation(organization):
    """The representation that fits an organization's kind (``None`` if its kind is not known here)."""
    kind = getattr(organization, 'kind', None)
    return KIND_REPRESENTATIONS.get(getattr(kind, 'name', kind))


def get_accredited_organizations(event):
    """The organizations accredited for a session, as the observers capability says.

    Until the observers capability answers, no organization is accredited (forms still render).
    """
    from indico_oewg.observers import api as observers_api
    try:
        return list(observers_api.get_accredited_organizations(event))
    except NotImplementedError:
        return []


def find_accredited_organization(event, organization_id):
    """The organization with that id if it is accredited for the session, else ``None``."""
    from indico_oewg.observers import api as observers_api
    from indico_oewg.working_groups.util import get_working_group
    try:
        organization_id = int(organization_id)
    except (TypeError, ValueError):
        return None
    working_group = get_working_group(event.category)
    if working_group is None:
        return None
    try:
        organization = observers_api.get_organization(organization_id, working_group)
        if organization is None or not observers_api.is_accredited(organization, event):
            return None
    except NotImplementedError:
        return None
    return organization


def organization_display_name(organization, language=None):
    """An organization's name in the UI's language (French when there is one), with its acronym."""
    if organization is None:
        return ''
    from indico_oewg.states import current_language
    language = language or current_language()
    name = (getattr(organization, 'name_fr', None) if language == 'fr' else None) or organization.name
    acronym = getattr(organization, 'acronym', None)
    return f'{name} ({acronym})' if acronym and acronym not in name else name


def delegation_name(value, event=None, language=None, organizations=None):
    """The readable name of the delegation in a field value (a State name or an organization name).

    :param organizations: optional ``{id: organization}`` cache for bulk rendering
    """
    if not value:
        return ''
    representation = value.get('representation')
    delegation = value.get('delegation')
    if is_state_representation(representation):
        state = get_state(delegation) if delegation else None
        return state.name(language) if state else (delegation or '')
    if not delegation:
        return ''
    organization = None
    if organizations is not None:
        organization = organizations.get(str(delegation))
    elif event is not None:
        organization = _get_organization(event, delegation)
    return organization_display_name(organization, language) if organization else str(delegation)


def _get_organization(event, organization_id):
    from indico_oewg.observers import api as observers_api
    from indico_oewg.working_groups.util import get_working_group
    working_group = get_working_group(event.category)
    try:
        return observers_api.get_organization(int(organization_id), working_group) if working_group else None
    except (NotImplementedError, TypeError, ValueError):
        return None


def format_value(value, event=None, language=None, organizations=None):
    """A field value as one readable line: "Japan (Member State) — Head of delegation, Ambassador"."""
    if not value or not value.get('representation'):
        return ''
    text = '{} ({})'.format(delegation_name(value, event, language, organizations),
                            representation_title(value['representation']))
    details = [x for x in (role_title(value.get('role')), value.get('title') or '') if x]
    if details:
        text += ' — ' + ', '.join(details)
    return text
