# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

from wtforms.fields import EmailField, IntegerField, StringField
from wtforms.validators import DataRequired, Email, Length, NumberRange, Optional, Regexp

from indico.web.forms.base import IndicoForm

from indico_oewg import _


class WorkingGroupForm(IndicoForm):
    name = StringField(_('Name'), [DataRequired(), Length(max=500)],
                       description=_('The full name of the working group, e.g. "Open-ended working group on reducing '
                                     'space threats through norms, rules and principles of responsible '
                                     'behaviours".'))
    resolution = StringField(_('GA resolution'),
                             [DataRequired(), Regexp(r'^\d{1,3}/\d{1,4}$',
                                                     message=_('Enter the resolution number as session/number, '
                                                               'e.g. 76/231.'))],
                             description=_('The General Assembly resolution establishing the working group, '
                                           'e.g. 76/231.'))
    symbol_prefix = StringField(_('Document symbol prefix'),
                                [DataRequired(), Length(max=50),
                                 Regexp(r'^[A-Z]+(/[A-Za-z0-9.\-]+)*$',
                                        message=_('A document symbol has no spaces and looks like A/AC.294.'))],
                                description=_("The prefix of the working group's document symbols, e.g. A/AC.294."))
    contact_email = EmailField(_('Secretariat contact'), [DataRequired(), Email(), Length(max=200)],
                               description=_('The e-mail address of the secretariat, e.g. oewg-spacethreats@un.org.'))


class SessionForm(IndicoForm):
    title = StringField(_('Title'), [DataRequired(), Length(max=200)],
                        description=_('The title of the session, e.g. "Fourth session".'))
    number = IntegerField(_('Session number'), [Optional(), NumberRange(min=1, max=99)],
                          description=_('The number of a substantive session; leave empty for the organizational '
                                        'session.'))
    room = StringField(_('Room'), [Optional(), Length(max=200)],
                       description=_('Where the session meets, e.g. "Room XVIII, E Building".'))

