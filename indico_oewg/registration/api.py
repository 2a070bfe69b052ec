# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""What the other capabilities (statements, observers, speakers) may ask the registration capability.

Nothing else of `indico_oewg.registration` is to be imported from outside it. Delegations are the shared
`indico_oewg.delegations.Delegation` (States and organizations of the observers' registry).
"""

from indico_oewg.registration import util
from indico_oewg.registration.focal_points import get_focal_point_delegations


def get_user_delegations(event, user):
    """The delegations a user registered for in a session, from the OEWG field of their active registrations
    (pending ones too).

    :return: a list of `Delegation`, in the order of the registrations, without repeats; ``[]`` for ``None``
    """
    return util.get_user_delegations(event, user)


def get_represented_delegations(event, user):
    """The delegations a user may act for at a session (e.g. put on the list of speakers).

    Those of their **approved** registrations (the OEWG field of a complete registration), then those they are
    focal point of: named by the secretariat, or as a contact of an accredited organization when the session's
    setting *Organization contacts are focal points* is on.

    :return: a list of `Delegation` without repeats: the registrations' in their order, then the other ones, States
             first, each part by English name; ``[]`` for ``None`` (nobody logged in)
    """
    if user is None:
        return []
    registered = util.get_user_delegations(event, user, approved_only=True)
    focal = sorted(get_focal_point_delegations(event, user), key=lambda d: (not d.is_state, d.name('en').lower()))
    return list(dict.fromkeys(registered + focal))
