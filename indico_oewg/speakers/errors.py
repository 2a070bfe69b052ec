# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.


class SpeakersError(ValueError):
    """Input or an action that cannot be accepted; the message says why (and is shown to the user)."""
