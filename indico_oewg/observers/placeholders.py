# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""The placeholders of the outcome e-mails the secretariat edits (Indico's placeholders: `{organization}` …)."""

from indico.util.placeholders import Placeholder

from indico_oewg import _
from indico_oewg.working_groups.util import get_session_title, get_working_group


#: The context of the placeholders (the sender of ``signals.core.get_placeholders``); they are rendered with
#: ``observer_request=<ObserverRequest>``
OUTCOME_EMAIL_CONTEXT = 'oewg-observer-outcome-email'


class OrganizationPlaceholder(Placeholder):
    name = 'organization'
    description = _('The name of the organization')

    @classmethod
    def render(cls, observer_request):
        return observer_request.organization.name


class RequesterPlaceholder(Placeholder):
    name = 'requester'
    description = _('The full name of the person who sent the request')

    @classmethod
    def render(cls, observer_request):
        return observer_request.requester.full_name


class SessionPlaceholder(Placeholder):
    name = 'session'
    description = _('The title of the session, e.g. "Fourth session"')

    @classmethod
    def render(cls, observer_request):
        return get_session_title(observer_request.event)


class WorkingGroupPlaceholder(Placeholder):
    name = 'working_group'
    description = _('The name of the working group')

    @classmethod
    def render(cls, observer_request):
        return get_working_group(observer_request.event.category).name


class EventURLPlaceholder(Placeholder):
    name = 'event_url'
    description = _("The address of the session's page")

    @classmethod
    def render(cls, observer_request):
        return observer_request.event.external_url


OUTCOME_EMAIL_PLACEHOLDERS = (OrganizationPlaceholder, RequesterPlaceholder, SessionPlaceholder,
                              WorkingGroupPlaceholder, EventURLPlaceholder)
