"""Fixtures of the list of speakers: an agenda, accredited organizations, the people who may (or may not)
inscribe a delegation, an open list.
"""

from datetime import timedelta

import pytest

from indico.core.db.sqlalchemy.util.models import import_all_models
from indico.modules.events.registration.util import create_registration, make_registration_schema
from indico.util.date_time import now_utc

from indico_oewg.delegations import Delegation
from indico_oewg.statements.operations import create_agenda_item
# the registration tests' fixtures (the parameters of the same names below are these fixtures)
from tests.registration.conftest import accredited_organizations, create_delegation_field, oewg_regform  # noqa: F401


# The speakers' modules import the other capabilities' APIs, and with them some of their models; all of the plugin's
# models are loaded before any test module imports ours, as Indico does when it loads the plugin.
import_all_models('indico_oewg')

pytestmark = pytest.mark.filterwarnings('ignore:The `context` parameter is deprecated:DeprecationWarning')


@pytest.fixture
def agenda(oewg_event, dummy_user):
    """Agenda items of ``oewg_event``: the opening, the general exchange of views, the draft report."""
    return [create_agenda_item(oewg_event, title, user=dummy_user) for title in (
        'Opening of the session', 'General exchange of views', 'Consideration of the draft report')]


def _register(regform, field, user, value):
    """Register a user as Indico's form does (its schema validates, `create_registration` stores; the plugin's
    signal handlers run), without the page around it.
    """
    schema = make_registration_schema(regform)()
    data = schema.load({'email': user.email, 'first_name': user.first_name, 'last_name': user.last_name,
                        field.html_field_name: value})
    return create_registration(regform, data, notify_user=False)


@pytest.fixture
def people(app, oewg_regform, create_delegation_field, create_user, accredited_organizations,  # noqa: F811
           smtp):
    """Users and the delegations they act for.

    ``japan``, ``egypt``: approved registrants of a Member State; ``holy_see``: approved registrant of an observer
    State; ``esa``: approved representative of an accredited IGO; ``swf``: focal point of an accredited NGO
    (ECOSOC); ``brazil``: named focal point of Brazil (not registered); ``nai``: focal point of an organization not
    accredited for the session; ``pending``: a registrant for France not yet approved; ``outsider``: nobody.
    """
    from indico_oewg.registration.operations import add_focal_points
    field = create_delegation_field(oewg_regform)
    orgs = accredited_organizations
    users = {}
    for n, (key, value, approve) in enumerate((
        ('japan', {'representation': 'member_state', 'delegation': 'JPN', 'role': 'head'}, True),
        ('egypt', {'representation': 'member_state', 'delegation': 'EGY', 'role': 'head'}, True),
        ('holy_see', {'representation': 'observer_state', 'delegation': 'VAT', 'role': 'head'}, True),
        ('esa', {'representation': 'igo', 'delegation': str(orgs['ESA'].id), 'role': 'representative'}, True),
        ('pending', {'representation': 'member_state', 'delegation': 'FRA', 'role': 'head'}, False),
    )):
        user = create_user(600 + n, first_name=key.title(), last_name='Delegate', email=f'{key}@example.org')
        with app.test_request_context():
            registration = _register(oewg_regform, field, user, value)
            if approve:
                registration.update_state(approved=True)
        users[key] = user
    for n, (key, delegation) in enumerate((
        ('brazil', Delegation.for_state('BRA')),
        ('swf', Delegation.for_organization(orgs['SWF'].id)),
        ('nai', Delegation.for_organization(orgs['NAI'].id)),
    )):
        user = create_user(700 + n, first_name=key.title(), last_name='Focal', email=f'{key}.focal@example.org')
        add_focal_points(oewg_regform.event, delegation, [user])
        users[key] = user
    users['outsider'] = create_user(800, first_name='Otto', last_name='Outsider', email='outsider@example.org')
    smtp.outbox.clear()
    return users


@pytest.fixture
def delegations(accredited_organizations):  # noqa: F811
    orgs = accredited_organizations
    return {'japan': Delegation.for_state('JPN'), 'egypt': Delegation.for_state('EGY'),
            'holy_see': Delegation.for_state('VAT'), 'brazil': Delegation.for_state('BRA'),
            'france': Delegation.for_state('FRA'), 'esa': Delegation.for_organization(orgs['ESA'].id),
            'swf': Delegation.for_organization(orgs['SWF'].id), 'nai': Delegation.for_organization(orgs['NAI'].id)}


@pytest.fixture
def speakers_list(oewg_event, agenda, secretariat_user):
    """The open list of speakers of the general exchange of views."""
    from indico_oewg.speakers.operations import open_list
    return open_list(oewg_event, agenda[1], deadline_dt=now_utc() + timedelta(days=1), user=secretariat_user)


def mail_body(mail):
    """The text of a captured e-mail, its lines joined (it is wrapped at 72 characters)."""
    part = mail.get_payload()[0] if mail.is_multipart() else mail
    return ' '.join(part.get_payload(decode=True).decode().split())
