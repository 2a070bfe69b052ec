# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""Delegations: who takes part in a session, as one value every capability shares.

A delegation is a State (by its ISO3 code) or an organization of the working group's observer registry (by its
id). The statements archive also names speakers that are neither: an organization outside the registry or an
office or body (the Chair, a panel), by the name given. Whom a registrant represents (`Representation`) is finer:
a Member State or an observer State, or one of the five kinds of observer organizations.

Registration, observers, statements and speakers meet through this value; none of them reads another one's
tables to know who a delegation is.
"""

import re
from dataclasses import dataclass, field

from indico.util.caching import memoize_request
from indico.util.enum import RichIntEnum, RichStrEnum

from indico_oewg import _
from indico_oewg.states import current_language, get_state, normalize_name, sorting_language


class DelegationKind(RichIntEnum):
    """What a delegation is; stored as this number where a model keeps it."""

    __titles__ = [None, _('State'), _('Organization'), _('Office or body')]
    state = 1
    organization = 2
    office = 3


class Representation(RichStrEnum):
    """Whom a participant represents, in the order of the UN list of participants."""

    __titles__ = {
        'member_state': _('Member State'),
        'observer_state': _('Non-member observer State'),
        'igo': _('Intergovernmental organization or entity with a standing invitation'),
        'un_body': _('United Nations organ, body or specialized agency'),
        'ecosoc_ngo': _('NGO in consultative status with ECOSOC'),
        'other_ngo': _('Other NGO, academic or research institution'),
        'commercial': _('Commercial actor'),
    }
    __group_titles__ = {
        'member_state': _('Member States'),
        'observer_state': _('Non-member observer States'),
        'igo': _('Intergovernmental organizations and other entities having received a standing invitation'),
        'un_body': _('United Nations organs, bodies and specialized agencies'),
        'ecosoc_ngo': _('Non-governmental organizations in consultative status with the Economic and Social '
                        'Council'),
        'other_ngo': _('Other non-governmental organizations, academic and research institutions'),
        'commercial': _('Commercial actors'),
    }
    member_state = 'member_state'
    observer_state = 'observer_state'
    igo = 'igo'
    un_body = 'un_body'
    ecosoc_ngo = 'ecosoc_ngo'
    other_ngo = 'other_ngo'
    commercial = 'commercial'

    @property
    def group_title(self):
        """The heading of its group on lists ("Member States")."""
        return self.__group_titles__[self]

    @property
    def is_state(self):
        return self in (Representation.member_state, Representation.observer_state)

    @property
    def kind(self):
        return DelegationKind.state if self.is_state else DelegationKind.organization

    @classmethod
    def parse(cls, value):
        """The representation a stored or submitted string names, or ``None``."""
        try:
            return cls(value)
        except ValueError:
            return None


def representation_of_state(state):
    return Representation.member_state if state.is_member else Representation.observer_state


# A key names a delegation in URLs and forms: "state:JPN", "organization:12" (registry id), "organization:<name>"
# (outside the registry) or "office:<text>".
_KEY = re.compile(r'^(state|organization|office):(.+)$', re.DOTALL)


@dataclass(frozen=True)
class Delegation:
    """A delegation; create it with the ``for_*`` class methods or parse it with ``from_*``."""

    kind: DelegationKind
    #: the ISO3 code of a State
    code: str | None = None
    #: the id of an organization in the observer registry
    organization_id: int | None = None
    #: the name of an organization outside the registry, or of an office, as given
    label: str = ''
    #: an organization's names (English, French, acronym) when whoever made the value had them at hand;
    #: otherwise they are looked up once per request
    names: tuple | None = field(default=None, compare=False, repr=False)

    # --- making one ------------------------------------------------------------------------------------------

    @classmethod
    def for_state(cls, iso3):
        return cls(DelegationKind.state, code=iso3.upper())

    @classmethod
    def for_organization(cls, organization):
        """An organization of the registry (the model, or its id)."""
        if isinstance(organization, int):
            return cls(DelegationKind.organization, organization_id=organization)
        return cls(DelegationKind.organization, organization_id=organization.id,
                   names=(organization.name, organization.name_fr or '', organization.acronym or ''))

    @classmethod
    def for_named_organization(cls, name):
        """An organization outside the registry, by its name."""
        return cls(DelegationKind.organization, label=name.strip())

    @classmethod
    def for_office(cls, text):
        return cls(DelegationKind.office, label=text.strip())

    @classmethod
    def from_key(cls, key):
        """The delegation a key names (see :attr:`key`), or ``None`` for anything else."""
        match = _KEY.match((key or '').strip())
        if not match:
            return None
        kind, value = match.groups()
        value = value.strip()
        if not value:
            return None
        if kind == 'state':
            return cls.for_state(value) if get_state(value) else None
        if kind == 'office':
            return cls.for_office(value)
        return cls.for_organization(int(value)) if value.isdigit() else cls.for_named_organization(value)

    @classmethod
    def from_field_value(cls, value):
        """The delegation of a value of the OEWG registration field (``representation`` + ``delegation``)."""
        value = value or {}
        representation = Representation.parse(value.get('representation'))
        code = str(value.get('delegation') or '').strip()
        if representation is None or not code:
            return None
        if representation.is_state:
            return cls.for_state(code) if get_state(code) else None
        return cls.for_organization(int(code)) if code.isdigit() else None

    # --- what it is --------------------------------------------------------------------------------------------

    @property
    def is_state(self):
        return self.kind == DelegationKind.state

    @property
    def is_organization(self):
        return self.kind == DelegationKind.organization

    @property
    def in_registry(self):
        """Whether it is an organization of the observer registry."""
        return self.organization_id is not None

    @property
    def state(self):
        return get_state(self.code) if self.is_state else None

    @property
    def key(self):
        """E.g. "state:JPN", "organization:12": what URLs and forms use."""
        value = self.code if self.is_state else (self.organization_id if self.in_registry else self.label)
        return f'{self.kind.name}:{value}'

    @property
    def field_code(self):
        """What the OEWG registration field stores as ``delegation``: the ISO3 code or the organization id."""
        return self.code if self.is_state else str(self.organization_id)

    # --- names ------------------------------------------------------------------------------------------------

    def _organization_names(self):
        if self.names is not None:
            return self.names
        return _organization_names(self.organization_id)

    def name(self, language=None):
        """The name as lists show it, in a language (default: the UI's): "Philippines", "European Space Agency
        (ESA)" (the French name of an organization where the registry has one).
        """
        language = language or current_language()
        if self.is_state:
            state = self.state
            return state.name(language) if state else self.code
        if not self.in_registry:
            return self.label
        name, name_fr, acronym = self._organization_names()
        name = (name_fr if language == 'fr' and name_fr else name) or f'#{self.organization_id}'
        return f'{name} ({acronym})' if acronym and acronym not in name else name

    def name_in_sentence(self, language=None):
        """The name as running text needs it: in English with the article UN texts give it ("the Philippines",
        "the European Union"); in the other languages as :meth:`name`.
        """
        language = language or current_language()
        if language != 'en':
            return self.name(language)
        if self.is_state:
            state = self.state
            return state.name_in_sentence() if state else self.code
        if self.kind == DelegationKind.office:
            return self.label
        name = self.label if not self.in_registry else (self._organization_names()[0] or self.name(language))
        return name if name.lower().startswith('the ') else f'the {name}'

    def sort_key(self, language=None):
        """Where the delegation goes in a list by name in a language (default: the UI's): by its name without "the",
        case or accents; in Chinese in the English order (see :func:`~indico_oewg.states.sorting_language`).
        """
        return normalize_name(self.name(sorting_language(language or current_language())))

    def to_json(self):
        """The delegation in the plugin's JSON: ``{"kind", "code", "name"}`` (+ ``organization_id``)."""
        data = {'kind': self.kind.name, 'code': self.code, 'name': self.name_in_sentence('en')}
        if self.in_registry:
            data['organization_id'] = self.organization_id
        return data

    def __str__(self):
        return self.name()


@memoize_request
def _organization_names(organization_id):
    from indico_oewg.observers import api as observers_api
    return observers_api.get_organization_names(organization_id)
