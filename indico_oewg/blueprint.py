# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

from indico.core.plugins import IndicoPluginBlueprint

from indico_oewg.working_groups.controllers import RHManageOEWGSession, RHManageWorkingGroup


# Every URL with an event in it answers 404 while the event's "oewg" feature is off.
blueprint = IndicoPluginBlueprint('oewg', __name__, event_feature='oewg')

# Working group (category) and session (event)
blueprint.add_url_rule('/category/<int:category_id>/manage/oewg/', 'manage_working_group', RHManageWorkingGroup,
                       methods=('GET', 'POST'))
blueprint.add_url_rule('/event/<int:event_id>/manage/oewg/', 'manage_session', RHManageOEWGSession,
                       methods=('GET', 'POST'))

# Statements

# Observers

# Registration
