"""The demo seed (`make demo`) builds the real working group from the shipped data; running it again adds nothing."""

from datetime import date

import pytest

from indico.core.db import db
from indico.modules.categories import Category
from indico.modules.events import Event
from indico.modules.events.layout.util import menu_entries_for_event
from indico.modules.users import User

from demo.seed import USERS, seed
from indico_oewg.working_groups.util import get_sessions


pytestmark = pytest.mark.usefixtures('db', 'request_context')


def _counts():
    models = {mapper.class_ for mapper in db.Model.registry.mappers}
    return {model.__name__: model.query.count() for model in models
            if model.__table__.schema in ('plugin_oewg', 'events', 'categories', 'users')}


def test_demo_seeds_the_working_group_and_is_idempotent(oewg_plugin):
    with oewg_plugin.plugin_context():
        ctx = seed()
    working_group = ctx['working_group']
    assert working_group.resolution == '76/231'
    assert working_group.symbol_prefix == 'A/AC.294'
    sessions = get_sessions(working_group)
    assert [e.oewg_session.title for e in sessions] == ['Organizational session', 'First session', 'Second session',
                                                        'Third session', 'Fourth session']
    assert [(e.start_dt_local.date(), e.end_dt_local.date()) for e in sessions] == [
        (date(2022, 2, 7), date(2022, 2, 9)),
        (date(2022, 5, 9), date(2022, 5, 13)),
        (date(2022, 9, 12), date(2022, 9, 16)),
        (date(2023, 1, 30), date(2023, 2, 3)),
        (date(2023, 8, 28), date(2023, 9, 1)),
    ]
    fourth = ctx['sessions']['fourth']
    assert fourth.oewg_session.number == 4
    assert fourth.oewg_session.room == 'Room XVIII, E Building'
    assert fourth.venue_name == 'Palais des Nations, Geneva'
    titles = {entry.title for entry in menu_entries_for_event(fourth) if entry.is_page}
    assert titles == {'The Chair', 'Information for participants'}
    chair = next(entry for entry in menu_entries_for_event(fourth) if entry.title == 'The Chair')
    assert 'Hellmut Lagos is a career diplomatic officer from Chile' in chair.page.html
    assert ctx['users']['admin'].is_admin
    secretariat = ctx['users']['secretariat']
    assert ctx['sessions']['first'].can_manage(secretariat, 'oewg_secretariat')
    assert not fourth.can_manage(secretariat, 'oewg_secretariat')

    before = _counts()
    with oewg_plugin.plugin_context():
        seed()
    assert _counts() == before
    assert Category.query.filter_by(title='Open-ended working group on reducing space threats').count() == 1
    assert Event.query.filter(Event.category_id == working_group.category_id).count() == 5
    for data in USERS.values():
        assert User.query.filter(User.all_emails == data['email']).count() == 1
