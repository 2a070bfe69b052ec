# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""What the other capabilities (registration, statements) may ask the observers capability.

Nothing else of `indico_oewg.observers` is to be imported from outside it.
"""


def get_accredited_organisations(event):
    """The organisations accredited for a session (event), sorted by English name.

    Accreditation holds for the later sessions of the same working group until revoked.
    """
    raise NotImplementedError


def is_accredited(organisation, event):
    """Whether an organisation is accredited for a session (event)."""
    raise NotImplementedError


def get_organisation(organisation_id, working_group):
    """An organisation of a working group's registry by id (merged ones resolve to what they were merged into)."""
    raise NotImplementedError


def find_organisation(text, working_group):
    """An organisation of the working group's registry by its English/French name or acronym (case-insensitive)."""
    raise NotImplementedError


def get_contacts(organisation):
    """The users who are contacts of an organisation (requesters of its requests)."""
    raise NotImplementedError


def count_named_representatives(organisation, event):
    """How many representatives the organisation named in its request for a session."""
    raise NotImplementedError
