# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""The page classes of the public list of speakers."""

from indico_oewg.working_groups.views import WPSessionConference


class WPSpeakersConference(WPSessionConference):
    menu_entry_name = 'speakers'
