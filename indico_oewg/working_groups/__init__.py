# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""The working group (a category) and its sessions (events): the base the other capabilities hang on."""

from indico.core.permissions import ManagementPermission
from indico.modules.events.features.base import EventFeature

from indico_oewg import _


class OEWGFeature(EventFeature):
    name = 'oewg'
    friendly_name = _('OEWG session')
    description = _('Makes this event a session of the open-ended working group configured on its category: '
                    'statements, observer accreditation and delegation registration.')

    @classmethod
    def is_allowed_for_event(cls, event):
        from indico_oewg.working_groups.util import get_working_group
        return get_working_group(event.category) is not None

    @classmethod
    def enabled(cls, event, cloning):
        from indico_oewg.working_groups.operations import ensure_session
        ensure_session(event)


class OEWGSecretariatPermission(ManagementPermission):
    name = 'oewg_secretariat'
    friendly_name = _('OEWG secretariat')
    description = _('Grants access to the OEWG pages of the session: statements, observer accreditation and '
                    'delegations.')
    user_selectable = True
    color = 'teal'
