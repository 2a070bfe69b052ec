# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

import re
import zipfile
from io import BytesIO

import pytest

from indico.modules.events.models.events import EventType
from indico.modules.events.registration.models.registrations import (PublishRegistrationsMode, Registration,
                                                                     RegistrationData, RegistrationState,
                                                                     RegistrationVisibility)
from indico.modules.events.registration.util import get_published_registrations
from indico.modules.users.models.users import UserTitle
from indico.web.flask.util import url_for

from indico_oewg.delegations import Delegation
from indico_oewg.registration.settings import registration_settings


pytestmark = [pytest.mark.usefixtures('db'),
              pytest.mark.filterwarnings('ignore:The `context` parameter is deprecated:DeprecationWarning')]


@pytest.fixture
def add_participant(db, create_user):
    """Return a callable adding a registration (approved by default) with an OEWG field value."""
    counter = iter(range(1000, 100000))

    def _add_participant(regform, field, first, last, value, *, title=UserTitle.none,
                         state=RegistrationState.complete, consent=RegistrationVisibility.all):
        n = next(counter)
        user = create_user(n, first_name=first, last_name=last, email=f'p{n}@example.org')
        user.title = title
        registration = Registration(registration_form=regform, first_name=first, last_name=last,
                                    email=user.email, user=user, state=state, currency='EUR',
                                    consent_to_publish=consent)
        registration.data.append(RegistrationData(field_data=field.current_data,
                                                  data={'title': '', 'role': None} | value))
        db.session.add(registration)
        db.session.flush()
        return registration
    return _add_participant


@pytest.fixture
def participants(oewg_regform, create_delegation_field, add_participant, accredited_organizations):
    field = create_delegation_field(oewg_regform)
    esa = str(accredited_organizations['ESA'].id)
    add = add_participant
    add(oewg_regform, field, 'Hellmut', 'Lagos', {'representation': 'member_state', 'delegation': 'CHL',
                                                  'role': 'adviser'}, title=UserTitle.mr)
    add(oewg_regform, field, 'Ana', 'Zapata', {'representation': 'member_state', 'delegation': 'CHL',
                                               'role': 'head', 'title': 'Ambassador'}, title=UserTitle.ms)
    add(oewg_regform, field, 'Aiko', 'Sato', {'representation': 'member_state', 'delegation': 'JPN',
                                              'role': 'head'}, title=UserTitle.ms)
    add(oewg_regform, field, 'Paolo', 'Rossi', {'representation': 'observer_state', 'delegation': 'VAT',
                                                'role': 'representative'}, title=UserTitle.mr)
    add(oewg_regform, field, 'Erika', 'Weber', {'representation': 'igo', 'delegation': esa, 'role': 'expert'})
    # not on the list: pending, refused publication, withdrawn
    add(oewg_regform, field, 'Pending', 'Person', {'representation': 'member_state', 'delegation': 'FRA',
                                                   'role': 'head'}, state=RegistrationState.pending)
    add(oewg_regform, field, 'Secret', 'Person', {'representation': 'member_state', 'delegation': 'DEU',
                                                  'role': 'head'}, consent=RegistrationVisibility.nobody)
    add(oewg_regform, field, 'Only', 'Participants', {'representation': 'member_state', 'delegation': 'BRA',
                                                      'role': 'head'}, consent=RegistrationVisibility.participants)
    return field


def test_list_order_and_consent(oewg_event, participants):
    from indico_oewg.registration.participants import get_list_of_participants
    groups = get_list_of_participants(oewg_event)
    assert [g.representation for g in groups] == ['member_state', 'observer_state', 'igo']
    member_states = groups[0].delegations
    assert [d.name for d in member_states] == ['Brazil', 'Chile', 'Japan']
    assert [p.line for p in member_states[1].participants] == [
        'Ms. Ana Zapata, Head of delegation, Ambassador',
        'Mr. Hellmut Lagos, Adviser',
    ]
    assert groups[2].delegations[0].name == 'European Space Agency (ESA)'
    public = get_list_of_participants(oewg_event, audience='public')
    assert 'Brazil' not in [d.name for g in public for d in g.delegations]
    everyone = [p.last_name for g in get_list_of_participants(oewg_event, audience='all')
                for d in g.delegations for p in d.participants]
    assert 'Secret' not in [p.last_name for g in groups for d in g.delegations for p in d.participants]
    assert 'Person' in everyone  # the secret one, for statistics only
    assert 'Pending' not in [p.first_name for g in get_list_of_participants(oewg_event, audience='all')
                             for d in g.delegations for p in d.participants]


def test_statistics(oewg_event, participants):
    from indico_oewg.registration.participants import get_statistics
    stats = get_statistics(oewg_event)
    assert stats['states'] == 5  # BRA, CHL, DEU, JPN, VAT
    assert stats['observer_delegations'] == 1
    assert stats['persons'] == 7
    # titles known: Lagos (Mr), Zapata (Ms), Sato (Ms), Rossi (Mr) -> 50 %; heads known: Zapata, Sato -> 100 %
    assert stats['women_share'] == 50.0
    assert stats['women_share_heads'] == 100.0


def test_queries_do_not_grow_with_participants(oewg_event, oewg_regform, participants, add_participant,
                                               count_queries):
    from indico_oewg.registration.participants import get_list_of_participants
    with count_queries() as count:
        get_list_of_participants(oewg_event)
    few = count()
    for n in range(30):
        add_participant(oewg_regform, participants, f'Person{n}', 'Extra',
                        {'representation': 'member_state', 'delegation': ('ITA', 'ESP', 'MEX')[n % 3],
                         'role': 'expert'})
    with count_queries() as count:
        groups = get_list_of_participants(oewg_event)
    assert count() == few
    assert sum(len(d.participants) for g in groups for d in g.delegations) == 36


def test_documents(oewg_event, participants, secretariat_user, client_for):
    from docx import Document
    client = client_for(secretariat_user)
    resp = client.get(url_for('plugin_oewg.participants_pdf', oewg_event))
    assert resp.status_code == 200
    assert resp.headers['Content-Type'] == 'application/pdf'
    assert resp.get_data()[:5] == b'%PDF-'
    resp.close()
    client = client_for(secretariat_user)  # (the test client drops the session after a file download)
    resp = client.get(url_for('plugin_oewg.participants_docx', oewg_event))
    assert resp.status_code == 200
    text = [p.text for p in Document(BytesIO(resp.get_data())).paragraphs]
    resp.close()
    client = client_for(secretariat_user)
    assert 'List of participants' in text
    assert text.index('Member States') < text.index('Chile') < text.index('Ms. Ana Zapata, Head of delegation, '
                                                                          'Ambassador')
    assert text.index('Non-member observer States') < text.index('Holy See')
    assert 'Secret' not in ' '.join(text)
    resp = client_for(secretariat_user).get(url_for('plugin_oewg.participants_xlsx', oewg_event))
    assert resp.status_code == 200
    with zipfile.ZipFile(BytesIO(resp.get_data())) as xlsx:
        strings = re.findall(r'<t[^>]*>([^<]*)</t>', xlsx.read('xl/sharedStrings.xml').decode())
    resp.close()
    for value in ('Group', 'Delegation', 'Official title', 'Member States', 'Chile', 'Zapata', 'Head of delegation',
                  'European Space Agency (ESA)', 'Holy See'):
        assert value in strings
    assert 'Secret' not in strings
    resp = client.get(url_for('plugin_oewg.manage_participants', oewg_event))
    assert resp.status_code == 200
    assert 'Women among heads of delegation' in resp.text
    assert 'Mr. Hellmut Lagos, Adviser' in resp.text


@pytest.mark.parametrize('who', ('anonymous', 'delegate', 'focal'))
def test_documents_are_for_the_secretariat(oewg_event, participants, create_user, client_for, who):
    from indico_oewg.registration.operations import add_focal_points
    user = None if who == 'anonymous' else create_user(70, email='someone@example.org')
    if who == 'focal':
        add_focal_points(oewg_event, Delegation.for_state('CHL'), [user])
    for url in (url_for('plugin_oewg.participants_pdf', oewg_event),
                url_for('plugin_oewg.participants_docx', oewg_event),
                url_for('plugin_oewg.participants_xlsx', oewg_event),
                url_for('plugin_oewg.manage_participants', oewg_event)):
        resp = client_for(user).get(url)
        assert resp.status_code == (302 if user is None else 403), url


def test_public_page_only_when_published(oewg_event, participants, client_for, create_user):
    participants.registration_form.publish_registrations_public = PublishRegistrationsMode.show_with_consent
    url = url_for('plugin_oewg.participants', oewg_event)
    client = client_for(create_user(71, email='reader@example.org'))
    assert client.get(url).status_code == 404
    registration_settings.set(oewg_event, 'participants_published', True)
    resp = client.get(url)
    assert resp.status_code == 200
    assert 'Ms. Ana Zapata, Head of delegation, Ambassador' in resp.text
    assert 'Only Participants' not in resp.text  # consented to be shown to participants only
    assert 'Secret' not in resp.text


def _names(groups):
    return {f'{p.first_name} {p.last_name}' for g in groups for d in g.delegations for p in d.participants}


@pytest.mark.parametrize('public_mode', PublishRegistrationsMode)
def test_public_list_is_whom_indico_shows_the_public(oewg_event, participants, client_for, public_mode):
    """Indico's own rules decide: what the form lets the public see, the consent, the "hidden" flag."""
    from indico_oewg.registration.participants import get_list_of_participants
    regform = participants.registration_form
    regform.publish_registrations_participants = PublishRegistrationsMode.show_all
    regform.publish_registrations_public = public_mode
    hidden = Registration.query.filter_by(registration_form=regform, last_name='Sato').one()
    hidden.participant_hidden = True
    indico_public = {f'{r.first_name} {r.last_name}' for r in get_published_registrations(oewg_event, False)
                     if r.state == RegistrationState.complete}
    public = _names(get_list_of_participants(oewg_event, audience='public'))
    assert public == indico_public
    assert 'Aiko Sato' not in public
    registration_settings.set(oewg_event, 'participants_published', True)
    page = client_for(None).get(url_for('plugin_oewg.participants', oewg_event)).text
    if public_mode == PublishRegistrationsMode.hide_all:
        # a form that hides registrations from the public publishes nobody, whatever the stored consent
        assert public == set()
        assert 'Nobody is listed publicly yet.' in page
        assert 'Zapata' not in page
    elif public_mode == PublishRegistrationsMode.show_with_consent:
        assert public == {'Hellmut Lagos', 'Ana Zapata', 'Paolo Rossi', 'Erika Weber'}
        assert 'Ms. Ana Zapata' in page and 'Only Participants' not in page
    else:
        assert public == {'Hellmut Lagos', 'Ana Zapata', 'Paolo Rossi', 'Erika Weber', 'Secret Person',
                          'Only Participants'}
    assert 'Pending' not in page and 'Sato' not in page


def test_documents_are_whom_indico_shows_participants(oewg_event, participants):
    from indico_oewg.registration.participants import get_list_of_participants
    regform = participants.registration_form
    assert _names(get_list_of_participants(oewg_event)) == {'Hellmut Lagos', 'Ana Zapata', 'Aiko Sato',
                                                            'Paolo Rossi', 'Erika Weber', 'Only Participants'}
    regform.publish_registrations_participants = PublishRegistrationsMode.hide_all
    assert _names(get_list_of_participants(oewg_event)) == set()
    # the statistics count every approved participant, named nowhere
    assert _names(get_list_of_participants(oewg_event, audience='all')) == {
        'Hellmut Lagos', 'Ana Zapata', 'Aiko Sato', 'Paolo Rossi', 'Erika Weber', 'Only Participants',
        'Secret Person'}


@pytest.mark.parametrize('event_type', EventType)
def test_public_page_on_every_type_of_session(oewg_event, participants, client_for, event_type):
    participants.registration_form.publish_registrations_public = PublishRegistrationsMode.show_with_consent
    registration_settings.set(oewg_event, 'participants_published', True)
    oewg_event.type_ = event_type
    url = url_for('plugin_oewg.participants', oewg_event)
    resp = client_for(None).get(url)
    assert resp.status_code == 200
    assert 'Ms. Ana Zapata, Head of delegation, Ambassador' in resp.text
    # reached from the session's page: its menu (conferences) or its header (meetings, lectures)
    home = client_for(None).get(url_for('events.display', oewg_event)).text
    assert f'href="{url}"' in home
    registration_settings.set(oewg_event, 'participants_published', False)
    assert f'href="{url}"' not in client_for(None).get(url_for('events.display', oewg_event)).text


def test_list_of_participants_in_french(oewg_event, oewg_regform, participants, add_participant, secretariat_user,
                                        client_for):
    for n in range(2):
        add_participant(oewg_regform, participants, f'Marie{n}', 'Extra',
                        {'representation': 'member_state', 'delegation': 'FRA', 'role': 'expert'},
                        title=UserTitle.ms)
    oewg_regform.publish_registrations_public = PublishRegistrationsMode.show_with_consent
    registration_settings.set(oewg_event, 'participants_published', True)
    client = client_for(secretariat_user)
    with client.session_transaction() as sess:
        sess.lang = 'fr_FR'
    text = client.get(url_for('plugin_oewg.manage_participants', oewg_event)).text
    # 4 women of 6 whose title tells, 2 of 2 heads of delegation
    assert '66,7\N{NARROW NO-BREAK SPACE}%' in text or '66,7\N{NO-BREAK SPACE}%' in text
    assert '100\N{NARROW NO-BREAK SPACE}%' in text or '100\N{NO-BREAK SPACE}%' in text
    for french in ('<h2>États Membres</h2>', '<td>États Membres</td>', '<h2>États non membres observateurs</h2>',
                   'Liste des participants'):
        assert french in text, french
    assert 'Member States' not in text and '66.7' not in text
    text = client.get(url_for('plugin_oewg.participants', oewg_event)).text
    assert '<h2>États Membres</h2>' in text and 'Member States' not in text
    with client.session_transaction() as sess:
        sess.lang = 'en_GB'
    text = client.get(url_for('plugin_oewg.manage_participants', oewg_event)).text
    assert '66.7%' in text and '<h2>Member States</h2>' in text

