"""Data for the list of speakers' browser test's own Indico server; run with INDICO_CONFIG set, prints ids as JSON.

A working group with one conference-type session, the OEWG feature on, and its general exchange of views under way:
Japan has spoken, Egypt on behalf of the Group of Arab States has the floor (for a minute already), Brazil waits.
Users: ``secretariat`` (the OEWG secretariat permission only) and ``delegate``, focal point of Mexico.
"""

from datetime import datetime, timedelta

from tests.browser import create_users
from tests.statements.browser_seed import WORKING_GROUP


def seed():
    import pytz

    from indico.core.db import db
    from indico.modules.categories import Category
    from indico.modules.events.features.util import set_feature_enabled
    from indico.modules.events.models.events import EventType
    from indico.modules.events.operations import create_event
    from indico.util.date_time import now_utc

    from indico_oewg.delegations import Delegation
    from indico_oewg.speakers.models.inscriptions import Inscription, InscriptionStatus
    from indico_oewg.speakers.models.lists import ListStatus, SpeakerClass, SpeakersList
    from indico_oewg.statements.operations import create_agenda_item
    from indico_oewg.working_groups.models.working_groups import WorkingGroup

    from indico_oewg.registration.operations import add_focal_points

    users = create_users({'secretariat': ('Sara', 'Secretariat'), 'delegate': ('Marta', 'Delegate')})
    secretariat, delegate = users['secretariat'], users['delegate']
    category = Category(parent=Category.get_root(), title='OEWG on reducing space threats (browser test)',
                        timezone='Europe/Zurich')
    db.session.add(category)
    db.session.add(WorkingGroup(category=category, name=WORKING_GROUP, resolution='76/231',
                                symbol_prefix='A/AC.294', contact_email='oewg@example.org'))
    db.session.flush()
    tz = pytz.timezone('Europe/Zurich')
    event = create_event(category, EventType.conference, {
        'title': 'Fourth session', 'timezone': 'Europe/Zurich', 'creator': secretariat,
        'start_dt': tz.localize(datetime(2031, 3, 3, 10)), 'end_dt': tz.localize(datetime(2031, 3, 7, 18)),
    }, add_creator_as_manager=False)
    db.session.commit()
    set_feature_enabled(event, 'oewg', True)
    event.update_principal(secretariat, add_permissions={'oewg_secretariat'})
    add_focal_points(event, Delegation.for_state('MEX'), [delegate], user=secretariat)
    item = create_agenda_item(event, 'General exchange of views', user=secretariat)
    lst = SpeakersList(event=event, agenda_item=item, status=ListStatus.running)
    now = now_utc()
    for position, (code, status, extra) in enumerate((
            ('JPN', InscriptionStatus.delivered, {'started_dt': now - timedelta(minutes=6),
                                                  'ended_dt': now - timedelta(minutes=1)}),
            ('EGY', InscriptionStatus.current, {'started_dt': now - timedelta(minutes=1),
                                                'on_behalf_of': 'the Group of Arab States'}),
            ('BRA', InscriptionStatus.waiting, {})), 1):
        Inscription(list=lst, delegation=Delegation.for_state(code), position=position,
                    delegation_class=SpeakerClass.state, status=status, **extra)
    db.session.commit()
    return {'event_id': event.id, 'agenda_item_id': item.id, 'list_id': lst.id}


if __name__ == '__main__':
    from tests.browser import print_seed
    print_seed(seed)
