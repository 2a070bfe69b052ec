# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""What every capability does the same way: who acts, and writing it to the event or category log."""

from flask import has_request_context, session

from indico.core.logger import Logger
from indico.modules.logs import EventLogRealm
from indico.modules.logs.models.entries import CategoryLogRealm


#: The plugin's logger (Indico's ``plugin.oewg``); every operation that changes something writes to it
logger = Logger.get('plugin.oewg')
#: The module name of the plugin's entries in Indico's event and category logs
LOG_MODULE = 'OEWG'


def acting_user(user=None):
    """The user an operation acts for: the one given, else the one logged in (``None`` in tasks and scripts)."""
    if user is not None:
        return user
    return session.user if has_request_context() and session else None


def log_event(event, kind, summary, user=None, *, data=None, realm=EventLogRealm.management):
    """Write an operation to the event's log (module "OEWG") and to the plugin's logger.

    Log entries are in English whatever the UI's language, as Indico's own are.

    :param kind: a `LogKind` (positive, change, negative, other)
    """
    user = acting_user(user)
    event.log(realm, kind, LOG_MODULE, summary, user, data=data)
    logger.info('%s: %s (by %r)', event, summary, user)


def log_category(category, kind, summary, user=None, *, data=None):
    """Write an operation to the category's log (module "OEWG") and to the plugin's logger."""
    user = acting_user(user)
    category.log(CategoryLogRealm.category, kind, LOG_MODULE, summary, user, data=data)
    logger.info('%s: %s (by %r)', category, summary, user)

