# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""What the other capabilities (statements, observers) may ask the registration capability.

Nothing else of `indico_oewg.registration` is to be imported from outside it.
"""


def get_user_delegations(event, user):
    """The delegations a user registered for in a session, from the OEWG field of their active registrations.

    :return: a list of `indico_oewg.delegations.Delegation` (States and organizations of the registry), in the
             order of the registrations
    """
    from indico_oewg.registration.util import get_user_delegations as _get_user_delegations
    return _get_user_delegations(event, user)
