# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

from indico.modules.events.settings import EventSettingsProxy


registration_settings = EventSettingsProxy('plugin_oewg_registration', {
    # the contacts of an accredited organization (its requesters) are its focal points
    'contacts_are_focal_points': True,
    # the list of participants is public on the session's pages
    'participants_published': False,
})
