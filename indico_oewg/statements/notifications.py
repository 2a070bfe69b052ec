# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""E-mails of the statements archive, each in its recipient's language."""

from indico.core.notifications import make_email, send_email
from indico.core.plugins import get_plugin_template_module

from indico_oewg.util import acting_user
from indico_oewg.working_groups.util import get_session_title, get_working_group


def _send(statement, recipient, template_name, **kwargs):
    from indico_oewg.plugin import OEWGPlugin
    event = statement.event
    working_group = get_working_group(event.category)
    # in the plugin's context also when another capability calls from its own code (templates, translations)
    with OEWGPlugin.instance.plugin_context(), event.force_event_locale(recipient):
        template = get_plugin_template_module(f'statements/emails/{template_name}', statement=statement,
                                              user=recipient, session_title=get_session_title(event),
                                              working_group_name=working_group.name if working_group else '',
                                              **kwargs)
        email = make_email(to_list={recipient.email},
                           reply_address=working_group.contact_email if working_group else None,
                           template=template)
    send_email(email, event, 'OEWG', acting_user())


def notify_published(statement):
    """Tell the submitter of a statement handed in that the secretariat published it."""
    if statement.submitter is not None:
        _send(statement, statement.submitter, 'statement_published.txt')


def notify_returned(statement, reason):
    """Tell the submitter of a statement handed in why the secretariat returned it."""
    if statement.submitter is not None:
        _send(statement, statement.submitter, 'statement_returned.txt', reason=reason)


def notify_text_invitation(statement):
    """Invite the contact of a statement delivered from the floor to hand in its text."""
    if statement.contact is not None:
        _send(statement, statement.contact, 'statement_text_invitation.txt')
