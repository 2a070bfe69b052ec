# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

from indico.util.i18n import make_bound_gettext, make_bound_ngettext, make_bound_pgettext


_ = make_bound_gettext('oewg')
ngettext = make_bound_ngettext('oewg')
pgettext = make_bound_pgettext('oewg')
