# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

from pathlib import Path

import pytest

from indico.modules.events.registration.models.registrations import Registration


pytestmark = [pytest.mark.usefixtures('db'),
              pytest.mark.filterwarnings('ignore:The `context` parameter is deprecated:DeprecationWarning')]


def test_demo_seed_is_idempotent(oewg_event, create_user, accredited_organizations):
    import demo.registration
    from indico_oewg.delegations import Delegation
    from indico_oewg.registration.focal_points import get_focal_point_delegations
    from indico_oewg.registration.participants import get_list_of_participants, get_statistics
    from indico_oewg.registration.settings import registration_settings
    users = {'admin': create_user(1, email='admin@example.org'), 'delegate': create_user(2, email='d@example.org'),
             'secretariat': create_user(3, email='s@example.org')}
    ctx = {'sessions': {'fourth': oewg_event}, 'users': users, 'data': Path(demo.registration.__file__).parent}
    demo.registration.seed(ctx)
    count = Registration.query.filter(Registration.event_id == oewg_event.id).count()
    assert 30 <= count <= 45
    assert all('(sample)' in r.last_name for r in Registration.query.filter_by(event_id=oewg_event.id))
    demo.registration.seed(ctx)
    assert Registration.query.filter(Registration.event_id == oewg_event.id).count() == count
    assert get_focal_point_delegations(oewg_event, users['delegate']) == {Delegation.for_state('NGA')}
    assert registration_settings.get(oewg_event, 'participants_published')
    groups = get_list_of_participants(oewg_event)
    assert {g.representation for g in groups} >= {'member_state', 'observer_state', 'igo', 'ecosoc_ngo'}
    chile = next(d for d in groups[0].delegations if d.name == 'Chile')
    assert chile.participants[0].line == 'Mr. Hellmut Lagos (sample), Head of delegation, Ambassador'
    stats = get_statistics(oewg_event)
    assert stats['women_share'] is not None and stats['women_share_heads'] is not None
