# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""HTTP caching of the public lists: their ``ETag`` and the cheap answer to a poll that has the current version.

The ``ETag`` is the version of the session's lists (`queries.list_version`) signed for the reader (the session's
user, or anonymous) with the server's secret key: ``"<version>.<signature>"``. Whoever holds one got it with the
lists, through all of Indico's access checks, for that version; so a poll that sends it back while the version is
still the same can be answered ``304`` from that one query, before the access checks (which cost more than the rest
of the poll together). It learns only that nothing changed since it last had the right to see the lists. A poll
with any other value, or from a reader authenticated otherwise than by the session, takes the full way.
"""

import hashlib
import hmac
from types import SimpleNamespace

from flask import current_app, make_response, request, session

from indico_oewg.speakers.queries import list_version


def make_etag(event_id, version, user_id):
    """The reader's ``ETag`` (unquoted) of a version of the session's lists."""
    message = f'oewg-speakers:{event_id}:{user_id or ""}:{version}'.encode()
    signature = hmac.new(current_app.secret_key.encode() if isinstance(current_app.secret_key, str)
                         else current_app.secret_key, message, hashlib.sha256).hexdigest()[:24]
    return f'{version}.{signature}'


def _cache_headers(response, etag):
    response.set_etag(etag)
    # every use asks the server again (a poll must see a change at once); "private": a protected session's lists
    # must not be kept by a shared cache
    response.headers['Cache-Control'] = 'private, no-cache'
    return response


def not_modified(etag):
    """The ``304`` answer to a poll that has the current version."""
    return _cache_headers(make_response('', 304), etag)


def with_etag(response, etag):
    """A response (or a body) with its ``ETag``."""
    return _cache_headers(make_response(response), etag)


def _session_user_id():
    """The id of the user logged in by the session cookie, without loading the user; ``False`` when the request is
    authenticated some other way (a token), which only the full access checks know how to handle.
    """
    if 'Authorization' in request.headers or 'user_token' in request.args:
        return False
    return session.get('_user_id')


def answer_unchanged_poll(event_id):
    """The ``304`` for a poll whose ``If-None-Match`` is the reader's ``ETag`` of the current version, or ``None``."""
    if not request.if_none_match:
        return None
    user_id = _session_user_id()
    if user_id is False:
        return None
    # (the version query needs nothing of the event but its id: the event is not loaded)
    etag = make_etag(event_id, list_version(SimpleNamespace(id=event_id)), user_id)
    return not_modified(etag) if request.if_none_match.contains(etag) else None


def reader_etag(event, version=None):
    """The reader's ``ETag`` of the current version (read it before the lists) or of the version given."""
    user = session.user
    return make_etag(event.id, version or list_version(event), user.id if user else None)
