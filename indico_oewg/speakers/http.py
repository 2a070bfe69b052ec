# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""HTTP caching of the public lists: the version of a session's lists (`queries.list_version`) is the ``ETag``."""

from flask import make_response, request


def _cache_headers(response, version):
    response.set_etag(version)
    # every use asks the server again (a poll must see a change at once); "private": a protected session's lists
    # must not be kept by a shared cache
    response.headers['Cache-Control'] = 'private, no-cache'
    return response


def etag_matches(version):
    """Whether the request's ``If-None-Match`` names this version."""
    return request.if_none_match.contains(version)


def not_modified(version):
    """The ``304`` answer to a poll that has the current version."""
    return _cache_headers(make_response('', 304), version)


def with_version(response, version):
    """A response (or a body) with the version as its ``ETag``."""
    return _cache_headers(make_response(response), version)
