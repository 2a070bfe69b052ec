# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""Data for the statements browser test's own Indico server; run with INDICO_CONFIG set, prints the ids as JSON.

A working group (category) with one conference-type session, the OEWG feature on; a secretariat user (the
``oewg_secretariat`` permission only, not a manager), a delegate, a reader with no rights at all and a speaker; one
published statement by Germany under "Opening of the session" so that the public filters have something to leave out,
and one by Nigeria delivered from the floor (as the list of speakers records it), whose text the speaker was invited
to hand in. Everything else (the agenda item, the statements, the submitter) is done through the browser.
"""

from datetime import date, datetime

from tests.browser import create_users
from tests.statements.samples import make_pdf


USERS = {
    'secretariat': ('Sara', 'Secretariat'),
    'delegate': ('Daisuke', 'Delegate'),
    'reader': ('Rita', 'Reader'),
    'speaker': ('Ngozi', 'Speaker'),
}
WORKING_GROUP = 'Open-ended working group on reducing space threats'


def seed():
    import pytz

    from indico.core.db import db
    from indico.modules.categories import Category
    from indico.modules.events.features.util import set_feature_enabled
    from indico.modules.events.models.events import EventType
    from indico.modules.events.operations import create_event

    from indico_oewg.delegations import Delegation
    from indico_oewg.statements import api as statements_api
    from indico_oewg.statements.models.statements import StatementStatus
    from indico_oewg.statements.operations import create_agenda_item, create_statement
    from indico_oewg.working_groups.models.working_groups import WorkingGroup

    users = create_users(USERS)
    category = Category(parent=Category.get_root(), title='OEWG on reducing space threats (browser test)',
                        timezone='Europe/Zurich')
    db.session.add(category)
    db.session.add(WorkingGroup(category=category, name=WORKING_GROUP, resolution='76/231',
                                symbol_prefix='A/AC.294', contact_email='oewg@example.org'))
    db.session.flush()
    tz = pytz.timezone('Europe/Zurich')
    event = create_event(category, EventType.conference, {
        'title': 'Fourth session', 'timezone': 'Europe/Zurich', 'creator': users['secretariat'],
        'start_dt': tz.localize(datetime(2031, 3, 3, 10)), 'end_dt': tz.localize(datetime(2031, 3, 7, 18)),
    }, add_creator_as_manager=False)
    db.session.commit()
    set_feature_enabled(event, 'oewg', True)
    # the OEWG permission only: not a manager of the event (create_event would have made the creator one)
    event.update_principal(users['secretariat'], add_permissions={'oewg_secretariat'})
    opening = create_agenda_item(event, 'Opening of the session', user=users['secretariat'])
    create_statement(event, opening, {'delegation': Delegation.for_state('DEU'), 'date': date(2031, 3, 3),
                                      'meeting': '1st meeting'},
                     [('en', 'germany_en.pdf', make_pdf('Statement by Germany\nOpening of the session'))],
                     user=users['secretariat'], status=StatementStatus.published)
    statements_api.record_delivered_statement(opening, Delegation.for_state('NGA'), contact=users['speaker'],
                                              user=users['secretariat'])
    db.session.commit()
    return {'event_id': event.id, 'category_id': category.id, 'users': {k: u.id for k, u in users.items()}}


if __name__ == '__main__':
    from tests.browser import print_seed
    print_seed(seed)
