# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""The public lists of speakers (page, JSON, room screen) and the Chair's script (PDF, DOCX)."""

from flask import request, session
from werkzeug.exceptions import NotFound

from indico.core.plugins import render_plugin_template
from indico.web.flask.util import send_file

from indico_oewg import _
from indico_oewg.documents import DOCX_MIMETYPE
from indico_oewg.speakers.display_views import WPSpeakersConference
from indico_oewg.speakers.documents import build_list_docx, build_list_pdf, document_filename
from indico_oewg.speakers.http import answer_unchanged_poll, not_modified, reader_etag, with_etag
from indico_oewg.speakers.queries import get_list, get_lists, list_version
from indico_oewg.speakers.screens import (SpeakerLineRenderer, make_list_view, make_list_views, may_inscribe,
                                         server_now_ms)
from indico_oewg.speakers.serialize import lists_json_response
from indico_oewg.states import current_language
from indico_oewg.working_groups.controllers import RHManageOEWGSessionBase, RHSessionDisplayBase
from indico_oewg.working_groups.util import can_manage_session, get_session_title


class RHSpeakersBase(RHSessionDisplayBase):
    conference_view = WPSpeakersConference

    @property
    def _fragment(self):
        # live.js asks for the changing part only, to put it in place without reloading the page
        return request.args.get('fragment') == '1'


class RHSpeakers(RHSpeakersBase):
    """The rolling lists of every agenda item of the session."""

    def _process(self):
        # the version first: should a list change meanwhile, the page is older than its version, never newer
        etag = reader_etag(self.event)
        ctx = {'lists': make_list_views(self.event, get_lists(self.event)), 'server_now': server_now_ms(),
               'render_lines': SpeakerLineRenderer().render,
               'is_secretariat': can_manage_session(self.event, session.user),
               'can_inscribe': may_inscribe(self.event, session.user)}
        if self._fragment:
            return with_etag(render_plugin_template('speakers/display/_lists.html', event=self.event, **ctx), etag)
        return self._render('speakers/display/speakers.html', session_title=get_session_title(self.event),
                            etag=etag, page_title=_('List of speakers'), **ctx)


class RHSpeakersJSON(RHSpeakersBase):
    """The lists as JSON; ``304`` to a poll whose ``If-None-Match`` is the current version (nothing loaded)."""

    def process(self):
        # a poll holding the reader's signed ETag of the current version is answered at once (see speakers/http.py)
        return answer_unchanged_poll(request.view_args['event_id']) or RHSpeakersBase.process(self)

    def _process(self):
        version = list_version(self.event)
        etag = reader_etag(self.event, version)
        if request.if_none_match.contains(etag):
            return not_modified(etag)
        return with_etag(lists_json_response(self.event, version), etag)


class RHSpeakersScreen(RHSpeakersBase):
    """The room screen of one agenda item's list: large type, the current speaker with the timer, the next five."""

    def _process_args(self):
        RHSpeakersBase._process_args(self)
        self.agenda_item_id = request.view_args['agenda_item_id']

    def _process(self):
        etag = reader_etag(self.event)
        speakers_list = get_list(self.event, self.agenda_item_id)
        if speakers_list is None:
            raise NotFound
        ctx = {'view': make_list_view(speakers_list), 'server_now': server_now_ms(), 'event': self.event,
               'session_title': get_session_title(self.event)}
        if self._fragment:
            return with_etag(render_plugin_template('speakers/display/_screen.html', **ctx), etag)
        return render_plugin_template('speakers/display/screen.html', etag=etag, language=current_language(),
                                      **ctx)


class RHSpeakersDocumentBase(RHManageOEWGSessionBase):
    """The list of an agenda item for the Chair's script (the secretariat's)."""

    def _process_args(self):
        RHManageOEWGSessionBase._process_args(self)
        self.speakers_list = get_list(self.event, request.view_args['agenda_item_id'])
        if self.speakers_list is None:
            raise NotFound


class RHSpeakersPDF(RHSpeakersDocumentBase):
    def _process(self):
        return send_file(f'{document_filename(self.speakers_list)}.pdf', build_list_pdf(self.speakers_list),
                         'application/pdf')


class RHSpeakersDOCX(RHSpeakersDocumentBase):
    def _process(self):
        return send_file(f'{document_filename(self.speakers_list)}.docx', build_list_docx(self.speakers_list),
                         DOCX_MIMETYPE)
