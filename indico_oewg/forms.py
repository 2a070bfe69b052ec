# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""The plugin's settings in Indico's administration (*Plugins* → *Open-ended working groups*)."""

from wtforms.fields import IntegerField
from wtforms.validators import DataRequired, NumberRange

from indico.web.forms.base import IndicoForm

from indico_oewg import _


class PluginSettingsForm(IndicoForm):
    statement_max_file_size_mb = IntegerField(_('Largest statement file (MB)'),
                                              [DataRequired(), NumberRange(min=1, max=1024)],
                                              description=_('Statement files (PDF or Word) larger than this are '
                                                            'refused, whoever uploads them.'))
