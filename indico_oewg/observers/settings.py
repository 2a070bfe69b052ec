# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""Observer settings of a working group, stored on its category.

The outcome e-mails use the placeholders of `indico_oewg.observers.placeholders`.
"""

from indico.modules.categories.settings import CategorySettingsProxy


DEFAULT_ACCREDITED_SUBJECT = 'Accreditation of {organization} to the {session} of the {working_group}'
DEFAULT_ACCREDITED_BODY = '''Dear {requester},

We are pleased to inform you that {organization} is accredited to attend the public meetings of the {session} of the
{working_group}.

The accreditation holds for the later sessions of the working group unless it is revoked.

Secretariat of the {working_group}
'''
DEFAULT_NOT_ACCREDITED_SUBJECT = 'Request of {organization} for the {session} of the {working_group}'
DEFAULT_NOT_ACCREDITED_BODY = '''Dear {requester},

Following the consideration of the list of organizations on a no-objection basis, we regret to inform you that
{organization} has not been accredited to the {session} of the {working_group}.

Secretariat of the {working_group}
'''

observer_settings = CategorySettingsProxy('plugin_oewg_observers', {
    # The e-mail addresses of the Member States' permanent missions the Chair's lists are circulated to
    'member_states_emails': [],
    'accredited_subject': DEFAULT_ACCREDITED_SUBJECT,
    'accredited_body': DEFAULT_ACCREDITED_BODY,
    'not_accredited_subject': DEFAULT_NOT_ACCREDITED_SUBJECT,
    'not_accredited_body': DEFAULT_NOT_ACCREDITED_BODY,
})
