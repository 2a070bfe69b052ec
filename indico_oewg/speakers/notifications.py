# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""E-mails of the list of speakers, each in its recipient's language."""

from indico.core.notifications import make_email, send_email
from indico.core.plugins import get_plugin_template_module

from indico_oewg.util import acting_user
from indico_oewg.working_groups.util import get_session_title, get_working_group


def _send(inscription, recipient, template_name, **kwargs):
    from indico_oewg.plugin import OEWGPlugin
    event = inscription.list.event
    working_group = get_working_group(event.category)
    with OEWGPlugin.instance.plugin_context(), event.force_event_locale(recipient):
        template = get_plugin_template_module(f'speakers/emails/{template_name}', inscription=inscription,
                                              event=event, user=recipient, session_title=get_session_title(event),
                                              working_group_name=working_group.name if working_group else '',
                                              **kwargs)
        email = make_email(to_list={recipient.email},
                           reply_address=working_group.contact_email if working_group else None,
                           template=template)
    send_email(email, event, 'OEWG', acting_user())


def notify_inscribed(inscription, *, changed=False):
    """Acknowledge an inscription (or its change) to its contact."""
    if inscription.contact is not None:
        _send(inscription, inscription.contact, 'inscription_acknowledged.txt', changed=changed)
