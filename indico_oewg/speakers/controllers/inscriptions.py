# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""Delegations inscribe on a list of speakers, change and withdraw their inscriptions."""

from flask import flash, redirect, request, session
from werkzeug.exceptions import Forbidden, NotFound

from indico.core.db import db
from indico.core.plugins import url_for_plugin
from indico.web.forms.base import FormDefaults

from indico_oewg import _
from indico_oewg.speakers import operations
from indico_oewg.speakers.access import get_inscribing_delegations, is_secretariat
from indico_oewg.speakers.errors import SpeakersError
from indico_oewg.speakers.forms import EditInscriptionForm, GROUP_SUGGESTIONS, InscriptionForm
from indico_oewg.speakers.models.inscriptions import ACTIVE_STATUSES, Inscription
from indico_oewg.speakers.models.lists import ListStatus
from indico_oewg.speakers.queries import get_list, speaking_order
from indico_oewg.speakers.views import WPInscribeConference
from indico_oewg.statements import api as statements_api
from indico_oewg.working_groups.controllers import RHSessionDisplayBase


class RHInscriptionBase(RHSessionDisplayBase):
    """A page of the delegations of a session (logged in, representing a delegation) about one agenda item."""

    conference_view = WPInscribeConference

    def _process_args(self):
        RHSessionDisplayBase._process_args(self)
        self.agenda_item = statements_api.get_agenda_item(self.event, request.view_args['agenda_item_id'])
        if self.agenda_item is None:
            raise NotFound
        self.speakers_list = get_list(self.event, self.agenda_item.id)

    def _check_access(self):
        RHSessionDisplayBase._check_access(self)
        if session.user is None:
            raise Forbidden
        self.delegations = get_inscribing_delegations(self.event, session.user)
        if not self.delegations:
            raise Forbidden(_('Only the approved registrants and the focal points of a delegation of the session '
                              'inscribe it on a list of speakers.'))

    @property
    def page_url(self):
        return url_for_plugin('oewg.speakers_inscribe', self.event, agenda_item_id=self.agenda_item.id)

    def _mine(self):
        if self.speakers_list is None:
            return []
        return [i for i in speaking_order(self.speakers_list) if i.delegation in self.delegations]


class RHInscribe(RHInscriptionBase):
    """The list of an agenda item for a delegation: its inscriptions and, while the list is open, the form."""

    def _process(self):
        lst = self.speakers_list
        is_open = lst is not None and operations.is_open_to_delegations(lst)
        form = InscriptionForm(delegations=self.delegations,
                               allow_reply=lst is not None and lst.status == ListStatus.running)
        if request.method == 'POST':
            if lst is None:
                flash(_('There is no list of speakers for "{item}".').format(item=self.agenda_item.title), 'error')
                return redirect(self.page_url)
            if form.validate_on_submit():
                try:
                    with db.session.begin_nested():
                        inscription = operations.inscribe(lst, form.selected_delegation, form.details,
                                                          is_reply=form.is_reply)
                except SpeakersError as exc:
                    flash(str(exc), 'error')
                else:
                    flash(_('{delegation} is inscribed, for now as number {position}. An acknowledgement is on '
                            'its way by e-mail.').format(delegation=inscription.delegation.name(),
                                                         position=inscription.position), 'success')
                    return redirect(self.page_url)
        return self._render('speakers/inscribe.html', agenda_item=self.agenda_item, speakers_list=lst, form=form,
                            is_open=is_open, mine=self._mine(), group_suggestions=GROUP_SUGGESTIONS,
                            active=ACTIVE_STATUSES, is_secretariat=is_secretariat(self.event, session.user),
                            may_change=lambda i: operations.may_change(i, session.user),
                            page_title=_('List of speakers'))


class RHInscriptionChangeBase(RHInscriptionBase):
    def _process_args(self):
        RHInscriptionBase._process_args(self)
        if self.speakers_list is None:
            raise NotFound
        self.inscription = Inscription.query.filter_by(id=request.view_args['inscription_id'],
                                                       list_id=self.speakers_list.id).first_or_404()

    def _check_access(self):
        RHInscriptionBase._check_access(self)
        # another delegation's inscription does not exist for this user
        if self.inscription.delegation not in self.delegations:
            raise NotFound


class RHChangeInscription(RHInscriptionChangeBase):
    """The delegation changes its inscription (which places it again at the end)."""

    def _process(self):
        inscription = self.inscription
        form = EditInscriptionForm(inscription=inscription, obj=FormDefaults(
            on_behalf_of=inscription.on_behalf_of, joining_states=', '.join(inscription.joining_states),
            level=inscription.level.name if inscription.level else '', language=inscription.language,
            note=inscription.note))
        if form.validate_on_submit():
            try:
                with db.session.begin_nested():
                    changed = operations.change_inscription(inscription, form.details)
            except SpeakersError as exc:
                flash(str(exc), 'error')
            else:
                if changed:
                    flash(_('The inscription has been changed; it is now number {position}.')
                          .format(position=inscription.position), 'success')
                return redirect(self.page_url)
        return self._render('speakers/change_inscription.html', agenda_item=self.agenda_item, form=form,
                            inscription=inscription, may_change=operations.may_change(inscription, session.user),
                            group_suggestions=GROUP_SUGGESTIONS, page_title=_('List of speakers'))


class RHWithdrawInscription(RHInscriptionChangeBase):
    def _process_POST(self):
        try:
            with db.session.begin_nested():
                operations.withdraw(self.inscription)
        except SpeakersError as exc:
            flash(str(exc), 'error')
        else:
            flash(_('The inscription of {delegation} has been withdrawn.')
                  .format(delegation=self.inscription.delegation.name()), 'success')
        return redirect(self.page_url)
