# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""The parts of the OEWG field's value: whom a participant represents (the shared `Representation`), the delegation
(the shared `Delegation`), the role in it and the official title; and how a value reads.

The stored value is ``{"representation", "delegation", "role", "title"}``, ``delegation`` being a State's ISO3 code
or an organization's registry id as text (`Delegation.field_code`).
"""

from indico.util.i18n import force_locale, get_all_locales

from indico_oewg import _
from indico_oewg.delegations import Delegation, Representation
from indico_oewg.observers import api as observers_api
from indico_oewg.states import get_state, get_state_choices
from indico_oewg.working_groups.util import get_working_group


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


def representation_title(value):
    """The title of a stored representation ("Member State"), or the stored text if it is not one."""
    representation = Representation.parse(value)
    return str(representation.title) if representation else (value or '')


def role_title(role):
    title = ROLES.get(role)
    return str(title) if title is not None else (role or '')


def representation_choices(representations=None):
    """``[{'value', 'text'}]`` of representations (default: all of them), in the order of the list of participants."""
    return [{'value': rep.value, 'text': str(rep.title)} for rep in Representation
            if representations is None or rep in representations]


def get_client_representations():
    """The representations for the field's JavaScript (Indico's ``vars.js``, the same for every page): per locale
    (``fr_FR``), ``[{'value', 'text', 'isState'}]`` in the order of the list of participants. The script picks the
    page's locale; the server stays the only source of the titles.
    """
    data = {}
    for locale in sorted(get_all_locales()):
        with force_locale(locale):
            data[locale] = [{'value': rep.value, 'text': str(rep.title), 'isState': rep.is_state}
                            for rep in Representation]
    return data


def state_choices(representation, language=None):
    """The States a participant may pick for a State representation, names in the UI's language."""
    want_member = representation == Representation.member_state
    return [{'value': iso3, 'text': name} for iso3, name in get_state_choices(language)
            if get_state(iso3).is_member == want_member]


def valid_state_for(representation, iso3):
    """The State with that ISO3 code if it fits the representation (a Member State for 'member_state' etc.)."""
    state = get_state(iso3) if isinstance(iso3, str) else None
    if state is None or state.is_member != (representation == Representation.member_state):
        return None
    return state


def find_accredited_organization(event, organization_id):
    """The organization of the working group's registry with that id if it is accredited for the session."""
    try:
        organization_id = int(organization_id)
    except (TypeError, ValueError):
        return None
    working_group = get_working_group(event.category)
    if working_group is None:
        return None
    organization = observers_api.get_organization(organization_id, working_group)
    if organization is None or not observers_api.is_accredited(organization, event):
        return None
    return organization


def get_accredited_by_code(event):
    """``{field code: (Delegation, Representation)}`` of the organizations accredited for a session, in one query:
    for lists that name many delegations (their names come with them).
    """
    return {delegation.field_code: (delegation, representation)
            for delegation, representation in observers_api.get_accredited_delegations(event)}


def delegation_of(value, accredited=None):
    """The `Delegation` of a field value (``None`` if it names none).

    :param accredited: what `get_accredited_by_code` returned, to name many organizations without a query each
    """
    delegation = Delegation.from_field_value(value)
    if delegation is not None and accredited and delegation.field_code in accredited:
        return accredited[delegation.field_code][0]
    return delegation


def delegation_name(value, accredited=None, language=None):
    """The name of the delegation in a field value (a State's or an organization's), in the UI's language."""
    delegation = delegation_of(value, accredited)
    if delegation is None:
        return str((value or {}).get('delegation') or '')
    return delegation.name(language)


def format_value(value, accredited=None):
    """A field value as one readable line: "Japan (Member State) — Head of delegation, Ambassador"."""
    if not value or not value.get('representation'):
        return ''
    text = '{} ({})'.format(delegation_name(value, accredited), representation_title(value['representation']))
    details = [x for x in (role_title(value.get('role')), value.get('title') or '') if x]
    if details:
        text += ' — ' + ', '.join(details)
    return text
