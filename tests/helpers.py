# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""What HTTP tests share: a form POST as a browser sends it, and the plugin's entries in an event's log."""

from indico.modules.logs.models.entries import EventLogEntry


def post(client, url, data=None, *, multipart=False, **kwargs):
    """POST ``data`` with the CSRF token the ``client_for`` fixture put in the session (as a browser would).

    ``multipart`` sends it as ``multipart/form-data`` (forms with file fields).
    """
    if multipart:
        kwargs['content_type'] = 'multipart/form-data'
    return client.post(url, data=(data or {}) | {'csrf_token': client.csrf_token}, **kwargs)


def log_summaries(event, realm=None):
    """The summaries of the plugin's event log entries (module "OEWG"), oldest first; optionally of one realm."""
    query = EventLogEntry.query.filter_by(event_id=event.id, module='OEWG')
    if realm is not None:
        query = query.filter_by(realm=realm)
    return [entry.summary for entry in query.order_by(EventLogEntry.id)]
