# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""Data for the observers browser test's own Indico server; run with INDICO_CONFIG set, prints ids as JSON."""

from datetime import datetime

from tests.browser import create_users


def seed():
    import pytz

    from indico.core.db import db
    from indico.modules.categories import Category
    from indico.modules.events.features.util import set_feature_enabled
    from indico.modules.events.models.events import EventType
    from indico.modules.events.operations import create_event

    from indico_oewg.working_groups.models.working_groups import WorkingGroup

    users = create_users({'newcomer': ('Nadia', 'Newcomer'), 'secretariat': ('Sara', 'Secretariat')}, affiliation='')
    category = Category(parent=Category.get_root(), title='OEWG on reducing space threats')
    db.session.add(category)
    db.session.add(WorkingGroup(category=category, name='Open-ended working group on reducing space threats',
                                resolution='76/231', symbol_prefix='A/AC.294', contact_email='oewg@example.com'))
    db.session.flush()
    tz = pytz.timezone('Europe/Zurich')
    event = create_event(category, EventType.conference, {
        'title': 'Fourth session', 'timezone': 'Europe/Zurich', 'creator': users['secretariat'],
        'start_dt': tz.localize(datetime(2031, 3, 3, 10)), 'end_dt': tz.localize(datetime(2031, 3, 7, 18)),
    })
    db.session.commit()
    set_feature_enabled(event, 'oewg', True)
    event.update_principal(users['secretariat'], add_permissions={'oewg_secretariat'})
    db.session.commit()
    return {'event': event.id, **_pending_requests(event, users['newcomer'])}


def _pending_requests(event, requester):
    """Two pending requests of organizations of the registry, for the secretariat's dialogs."""
    from io import BytesIO

    from weasyprint import HTML
    from werkzeug.datastructures import FileStorage

    from indico.core.db import db

    from indico_oewg.observers.models.organizations import OrganizationKind
    from indico_oewg.observers.operations import create_organization, create_request

    working_group = event.category.oewg_working_group
    letter = HTML(string='<p>Official letter</p>').write_pdf()
    ids = {}
    for key, name, kind in (('to_decline', 'Lunar Tourism Ltd', OrganizationKind.commercial),
                            ('to_confirm', 'Union of Space Agencies', OrganizationKind.standing_invitation)):
        organization = create_organization(working_group, {'name': name, 'kind': kind})
        request = create_request(event, requester, organization=organization,
                                 letter=FileStorage(BytesIO(letter), filename='letter.pdf'),
                                 representatives=[('Ada Lovelace', 'Director')])
        ids[key] = request.id
    db.session.commit()
    return ids


if __name__ == '__main__':
    from tests.browser import print_seed
    print_seed(seed)
