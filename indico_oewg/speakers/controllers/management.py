# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""The secretariat's pages of the list of speakers: the overview of a session's lists and the console of one.

Every action is a POST (a button, or the form of one of Indico's dialogs); a refused action or bad input shows
its message and changes nothing.
"""

from datetime import timedelta

from flask import flash, redirect, request
from werkzeug.exceptions import NotFound

from indico.core.db import db
from indico.core.plugins import url_for_plugin
from indico.modules.users.util import get_user_by_email
from indico.util.date_time import now_utc
from indico.web.forms.base import FormDefaults

from indico_oewg import _
from indico_oewg.speakers import operations
from indico_oewg.speakers.access import get_all_session_delegations
from indico_oewg.speakers.errors import SpeakersError
from indico_oewg.speakers.forms import (DeadlineForm, EditInscriptionForm, ExchangeForm, MoveForm, RulesForm,
                                        SecretariatInscriptionForm)
from indico_oewg.speakers.models.inscriptions import Inscription, InscriptionStatus
from indico_oewg.speakers.queries import current_speaker, get_lists, get_list, remaining, speaking_order
from indico_oewg.speakers.util import format_duration
from indico_oewg.speakers.views import WPManageSpeakers
from indico_oewg.statements import api as statements_api
from indico_oewg.working_groups.controllers import DialogFormMixin, RHManageOEWGSessionBase


def _optional_int(value):
    try:
        return int(value) if value not in (None, '') else None
    except (TypeError, ValueError):
        raise SpeakersError(_('The page sent something unexpected; reload it and try again.'))


class RHManageSpeakersBase(RHManageOEWGSessionBase):
    pass


class RHManageSpeakers(RHManageSpeakersBase):
    """The session's agenda items with their lists of speakers: open, close, deadline, rules, console."""

    def _process(self):
        lists = {lst.agenda_item_id: lst for lst in get_lists(self.event)}
        rows = [(item, lists.get(item.id)) for item in statements_api.get_agenda_items(self.event)]
        return WPManageSpeakers.render_template('speakers/manage_speakers.html', self.event, rows=rows,
                                                remaining=remaining, format_duration=format_duration)


class RHSpeakersItemBase(RHManageSpeakersBase):
    """A page or action of the list of one agenda item."""

    #: whether the agenda item must already have a list
    LIST_REQUIRED = True

    def _process_args(self):
        RHManageSpeakersBase._process_args(self)
        self.agenda_item = statements_api.get_agenda_item(self.event, request.view_args['agenda_item_id'])
        if self.agenda_item is None:
            raise NotFound
        self.speakers_list = get_list(self.event, self.agenda_item.id)
        if self.LIST_REQUIRED and self.speakers_list is None:
            raise NotFound(_('The agenda item has no list of speakers yet.'))

    @property
    def console_url(self):
        return url_for_plugin('oewg.speakers_console', self.event, agenda_item_id=self.agenda_item.id)

    @property
    def return_url(self):
        if request.values.get('back') == 'overview':
            return url_for_plugin('oewg.manage_speakers', self.event)
        return self.console_url


class RHSpeakersConsole(RHSpeakersItemBase):
    """The console of a list: who speaks, who is next, the timer, the actions."""

    LIST_REQUIRED = False

    def _process(self):
        if self.speakers_list is None:
            flash(_('Open the list of speakers of "{item}" first.').format(item=self.agenda_item.title), 'warning')
            return redirect(url_for_plugin('oewg.manage_speakers', self.event))
        order = speaking_order(self.speakers_list)
        return WPManageSpeakers.render_template(
            'speakers/console.html', self.event, speakers_list=self.speakers_list, agenda_item=self.agenda_item,
            main=[i for i in order if not i.is_reply], replies=[i for i in order if i.is_reply],
            current=current_speaker(self.speakers_list), remaining=remaining(self.speakers_list),
            now=now_utc(), format_duration=format_duration)


class RHSpeakersAction(RHSpeakersItemBase):
    """A button of the overview or the console (a POST); the message is flashed, the page shown again."""

    def _act(self):
        """Carry the action out; return the message for the secretariat (or ``None``)."""
        raise NotImplementedError

    def _process_POST(self):
        try:
            with db.session.begin_nested():
                message = self._act()
        except SpeakersError as exc:
            flash(str(exc), 'error')
        else:
            if message:
                flash(message, 'success')
        return redirect(self.return_url)


class RHSpeakersInscriptionAction(RHSpeakersAction):
    """A button of one speaker of the console."""

    def _process_args(self):
        RHSpeakersAction._process_args(self)
        self.inscription = Inscription.query.filter_by(id=request.view_args['inscription_id'],
                                                       list_id=self.speakers_list.id).first_or_404()


class RHSpeakersDialog(DialogFormMixin, RHSpeakersItemBase):
    """An action on a list of speakers in one of Indico's dialogs."""

    error_class = SpeakersError

    def _return_url(self):
        return self.return_url


# --- the list: open, close, deadline, rules ----------------------------------------------------------------------

class RHOpenSpeakersList(RHSpeakersDialog):
    LIST_REQUIRED = False
    submit = _('Open')

    def _make_form(self):
        return DeadlineForm(event=self.event)

    def _message(self):
        return _('Delegations may inscribe on the list of "{item}" once it is open.').format(
            item=self.agenda_item.title)

    def _act(self, form):
        operations.open_list(self.event, self.agenda_item, deadline_dt=form.deadline.data)
        return _('The list of speakers of "{item}" is open.').format(item=self.agenda_item.title)


class RHSpeakersDeadline(RHSpeakersDialog):
    submit = _('Save')

    def _make_form(self):
        return DeadlineForm(event=self.event, obj=FormDefaults(deadline=self.speakers_list.deadline_dt))

    def _act(self, form):
        operations.set_deadline(self.speakers_list, form.deadline.data)
        return _('The deadline has been saved.')


class RHSpeakersRules(RHSpeakersDialog):
    submit = _('Save')

    def _make_form(self):
        lst = self.speakers_list
        defaults = {name: getattr(lst, name) for name in ('groups_first', 'protocol_level_first', 'allow_multiple')}
        defaults |= {name: timedelta(seconds=getattr(lst, name)) for name in RulesForm.LIMITS}
        return RulesForm(obj=FormDefaults(**defaults))

    def _message(self):
        return _('When the order rules change, the waiting speakers are ordered by them again.')

    def _act(self, form):
        if operations.update_rules(self.speakers_list, form.rules):
            return _('The rules have been saved.')
        return None


class RHCloseSpeakersList(RHSpeakersAction):
    def _act(self):
        operations.close_list(self.speakers_list)
        return _('Inscription to the list of "{item}" is closed.').format(item=self.agenda_item.title)


class RHReorderSpeakersList(RHSpeakersAction):
    def _act(self):
        operations.reorder_by_rules(self.speakers_list)
        return _('The waiting speakers are in the order of the rules again.')


# --- the console -----------------------------------------------------------------------------------------------

class RHSpeakersNext(RHSpeakersAction):
    def _act(self):
        moved, current = operations.call_next(self.speakers_list, _optional_int(request.form.get('expected')))
        if not moved:
            flash(_('The list had moved on meanwhile (another console?); here is where it stands.'), 'warning')
            return None
        if current is None:
            return _('Nobody is waiting any more.')
        return _('{speaker} has the floor.').format(speaker=current.delegation.name())


class RHSpeakersPrevious(RHSpeakersAction):
    def _act(self):
        moved, current = operations.call_previous(self.speakers_list, _optional_int(request.form.get('expected')))
        if not moved:
            flash(_('The list had moved on meanwhile (another console?); here is where it stands.'), 'warning')
            return None
        return _('{speaker} has the floor again.').format(speaker=current.delegation.name())


class RHFinishSpeakersList(RHSpeakersAction):
    def _act(self):
        operations.finish_list(self.speakers_list)
        return _('The list of speakers of "{item}" is finished.').format(item=self.agenda_item.title)


class RHResumeSpeakersList(RHSpeakersAction):
    def _act(self):
        operations.resume_list(self.speakers_list)
        return _('The list of speakers of "{item}" runs again.').format(item=self.agenda_item.title)


class RHSpeakerDelivered(RHSpeakersInscriptionAction):
    def _act(self):
        operations.mark_delivered(self.inscription)
        return _('{speaker} has delivered; the statement is in the archive.').format(
            speaker=self.inscription.delegation.name())


class RHSpeakerAbsent(RHSpeakersInscriptionAction):
    def _act(self):
        to_end = request.form.get('drop') != '1'
        operations.mark_absent(self.inscription, to_end=to_end)
        if to_end:
            return _('{speaker} is absent and goes to the end of the list.').format(
                speaker=self.inscription.delegation.name())
        return _('{speaker} is absent and dropped from the list.').format(speaker=self.inscription.delegation.name())


class RHSpeakerWithdraw(RHSpeakersInscriptionAction):
    def _act(self):
        operations.withdraw(self.inscription, as_secretariat=True)
        return _('{speaker} has been withdrawn.').format(speaker=self.inscription.delegation.name())


class RHSpeakerMoveStep(RHSpeakersInscriptionAction):
    """Up or down one place among the waiting speakers (the arrows)."""

    def _act(self):
        direction = request.form.get('direction')
        if direction not in ('up', 'down'):
            raise SpeakersError(_('The page sent something unexpected; reload it and try again.'))
        waiting = [i for i in speaking_order(self.speakers_list)
                   if i.is_reply == self.inscription.is_reply and i.status == InscriptionStatus.waiting]
        if self.inscription not in waiting:
            raise SpeakersError(_('Only a waiting speaker can be moved.'))
        index = waiting.index(self.inscription) + (-1 if direction == 'up' else 1)
        if not 0 <= index < len(waiting):
            return None
        operations.exchange_inscriptions(self.inscription, waiting[index])
        return None


# --- dialogs of the console ------------------------------------------------------------------------------------

class RHAddSpeaker(RHSpeakersDialog):
    """The secretariat inscribes a delegation on its behalf, asks the right of reply for it, or adds a speaker from
    the floor (``?floor=1``).
    """

    submit = _('Add')

    @property
    def from_floor(self):
        return request.args.get('floor') == '1'

    def _make_form(self):
        return SecretariatInscriptionForm(delegations=get_all_session_delegations(self.event),
                                          allow_reply=not self.from_floor)

    def _message(self):
        if self.from_floor:
            return _('The speaker goes to the end of the list.')
        return _('The delegation takes the place the rules give it; the contact, if given, gets an acknowledgement.')

    def _act(self, form):
        contact = None
        if email := (form.contact.data or '').strip():
            contact = get_user_by_email(email)
            if contact is None:
                raise SpeakersError(_('No Indico user has the e-mail address "{email}".').format(email=email))
        delegation = form.selected_delegation
        inscription = operations.inscribe(self.speakers_list, delegation, form.details, as_secretariat=True,
                                          contact=contact, is_reply=form.is_reply, from_floor=self.from_floor)
        return _('{speaker} is number {position}.').format(speaker=delegation.name(), position=inscription.position)


class RHSpeakersInscriptionDialog(RHSpeakersDialog):
    def _process_args(self):
        RHSpeakersDialog._process_args(self)
        self.inscription = Inscription.query.filter_by(id=request.view_args['inscription_id'],
                                                       list_id=self.speakers_list.id).first_or_404()


class RHEditSpeaker(RHSpeakersInscriptionDialog):
    submit = _('Save')

    def _make_form(self):
        inscription = self.inscription
        return EditInscriptionForm(inscription=inscription, obj=FormDefaults(
            on_behalf_of=inscription.on_behalf_of, joining_states=', '.join(inscription.joining_states),
            level=inscription.level.name if inscription.level else '', language=inscription.language,
            note=inscription.note))

    def _message(self):
        return _('A correction by the secretariat keeps the speaker in their place.')

    def _act(self, form):
        if operations.change_inscription(self.inscription, form.details, as_secretariat=True):
            return _('The inscription has been changed.')
        return None


class RHMoveSpeaker(RHSpeakersInscriptionDialog):
    submit = _('Move')

    def _make_form(self):
        return MoveForm(obj=FormDefaults(position=self.inscription.position))

    def _act(self, form):
        if operations.move_inscription(self.inscription, form.position.data):
            return _('{speaker} is now number {position}.').format(speaker=self.inscription.delegation.name(),
                                                                   position=self.inscription.position)
        return None


class RHExchangeSpeakers(RHSpeakersInscriptionDialog):
    submit = _('Exchange')

    def _make_form(self):
        others = [i for i in speaking_order(self.speakers_list)
                  if i.is_reply == self.inscription.is_reply and i.status == InscriptionStatus.waiting
                  and i != self.inscription]
        return ExchangeForm(others=others)

    def _message(self):
        return _('{speaker} (number {position}) exchanges places with:').format(
            speaker=self.inscription.delegation.name(), position=self.inscription.position)

    def _act(self, form):
        other = Inscription.query.filter_by(id=form.other.data, list_id=self.speakers_list.id).first()
        if other is None:
            raise SpeakersError(_('Choose two different speakers of the same list.'))
        operations.exchange_inscriptions(self.inscription, other)
        return _('{first} and {second} have exchanged places.').format(first=self.inscription.delegation.name(),
                                                                       second=other.delegation.name())
