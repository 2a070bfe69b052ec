# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""Lists of speakers for the OEWG demo.

- First session, "General exchange of views": the finished list of the seed's speakers, delivered in the seed's
  order, each linked to the statement the statements demo created for it (no statement is added).
- Fourth session, "General exchange of views": an open list with a few inscriptions — Nigeria on behalf of the
  Group of African States by the demo delegate (its focal point), an accredited organization by its contact (the
  demo requester), and three sample delegations inscribed by the secretariat on their behalf (requests by e-mail).

Running it again creates nothing new.
"""

from datetime import datetime, time, timedelta

from indico.core.db import db


GENERAL = 'General exchange of views'
GROUP = 'the Group of African States'
#: Sample delegations of the registration demo the secretariat inscribes on their behalf (ISO3, language, level)
BY_SECRETARIAT = (('JPN', 'en', 'head_of_delegation'), ('CHL', 'es', 'head_of_delegation'), ('CHN', 'zh', ''))


def _speaker_class(delegation, working_group):
    from indico_oewg.delegations import Representation
    from indico_oewg.observers import api as observers_api
    from indico_oewg.speakers.models.lists import SpeakerClass
    if delegation.is_state:
        return SpeakerClass.state
    if delegation.in_registry:
        organization = observers_api.get_organization(delegation.organization_id, working_group)
        if organization and organization.kind.representation in (Representation.igo, Representation.un_body):
            return SpeakerClass.igo
    return SpeakerClass.other


def _seed_finished_list(ctx):
    """The first session's general exchange of views as the list it was: every speaker delivered, in order."""
    from indico_oewg.speakers.models.inscriptions import Inscription, InscriptionStatus
    from indico_oewg.speakers.models.lists import ListStatus, SpeakersList
    from indico_oewg.statements import api as statements_api
    event = ctx['sessions']['first']
    agenda_item = next((item for item in statements_api.get_agenda_items(event) if item.title == GENERAL), None)
    if agenda_item is None or SpeakersList.query.filter_by(agenda_item_id=agenda_item.id).has_rows():
        return
    statements = statements_api.get_statements(agenda_item, mode='oral')
    secretariat = ctx['users']['secretariat']
    # the afternoon of the first day, five minutes a speaker
    start = event.tzinfo.localize(datetime.combine(event.start_dt_local.date(), time(15)))
    speakers_list = SpeakersList(event=event, agenda_item=agenda_item, status=ListStatus.finished,
                                 inscriptions_open=False, created_dt=start - timedelta(days=7))
    db.session.add(speakers_list)
    for position, statement in enumerate(statements, 1):
        started = start + timedelta(minutes=5 * (position - 1))
        db.session.add(Inscription(
            list=speakers_list, position=position, delegation=statement.delegation,
            delegation_class=_speaker_class(statement.delegation, ctx['working_group']),
            on_behalf_of=statement.on_behalf_of, joining_states=list(statement.joining_states),
            language=statement.original_language if statement.original_language != 'other' else '',
            status=InscriptionStatus.delivered, by_secretariat=True, created_by=secretariat,
            created_dt=speakers_list.created_dt, inscribed_dt=speakers_list.created_dt + timedelta(minutes=position),
            started_dt=started, ended_dt=started + timedelta(minutes=4, seconds=30), statement=statement))
    db.session.flush()


def _seed_open_list(ctx):
    """The fourth session's general exchange of views, open, with a few inscriptions."""
    from indico_oewg.delegations import Delegation
    from indico_oewg.speakers import api as speakers_api
    from indico_oewg.speakers.operations import inscribe
    from indico_oewg.statements import api as statements_api
    from indico_oewg.statements.operations import create_agenda_item
    event = ctx['sessions']['fourth']
    admin = ctx['users']['admin']
    agenda_item = next((item for item in statements_api.get_agenda_items(event) if item.title == GENERAL), None)
    if agenda_item is None:
        agenda_item = create_agenda_item(event, GENERAL, user=admin)
    if speakers_api.get_list(event, agenda_item.id) is not None:
        return
    speakers_list = speakers_api.open_list(event, agenda_item, user=admin)
    # the demo delegate, focal point of Nigeria, for a group
    delegate = ctx['users']['delegate']
    nigeria = Delegation.for_state('NGA')
    if nigeria in speakers_api.get_inscribing_delegations(event, delegate):
        inscribe(speakers_list, nigeria, {'on_behalf_of': GROUP, 'language': 'en', 'level': 'head_of_delegation'},
                 user=delegate)
    # an accredited organization, by its contact (the demo requester)
    requester = next((user for user in _users_by_login('requester')), None)
    if requester is not None:
        organizations = [d for d in speakers_api.get_inscribing_delegations(event, requester) if not d.is_state]
        if organizations:
            inscribe(speakers_list, organizations[0], {'language': 'en'}, user=requester)
    # sample delegations whose requests came by e-mail
    for code, language, level in BY_SECRETARIAT:
        inscribe(speakers_list, Delegation.for_state(code),
                 {'language': language, 'level': level, 'note': 'Request received by e-mail (sample).'},
                 user=admin, as_secretariat=True)
    db.session.flush()


def _users_by_login(login):
    from indico.modules.auth import Identity
    identity = Identity.query.filter_by(provider='indico', identifier=login).first()
    return [identity.user] if identity else []


def seed(ctx):
    from indico.core.notifications import init_email_queue

    # acknowledgements wait for the commit, as in a request; `demo/seed.py` sends them then
    init_email_queue()
    _seed_finished_list(ctx)
    _seed_open_list(ctx)
    _seed_written_contribution(ctx)


def _seed_written_contribution(ctx):
    """What was not spoken: a published written contribution of an accredited organization, fourth session."""
    from demo.statements import sample_pdf
    from indico_oewg.delegations import Delegation
    from indico_oewg.observers import api as observers_api
    from indico_oewg.statements import api as statements_api
    from indico_oewg.statements.models.statements import StatementMode, StatementStatus
    from indico_oewg.statements.operations import create_statement
    event = ctx['sessions']['fourth']
    agenda_item = next(item for item in statements_api.get_agenda_items(event) if item.title == GENERAL)
    if statements_api.get_statements(agenda_item, mode='written'):
        return
    organization = next(iter(observers_api.get_accredited_organizations(event)), None)
    if organization is None:
        return
    heading = f'Written contribution of {organization.name}'
    create_statement(event, agenda_item,
                     {'delegation': Delegation.for_organization(organization), 'mode': StatementMode.written,
                      'title': 'Views on norms of responsible behaviour in outer space', 'original_language': 'en'},
                     [('en', 'written_contribution_en.pdf', sample_pdf(heading, event.title, GENERAL))],
                     status=StatementStatus.published, user=ctx['users']['secretariat'])
