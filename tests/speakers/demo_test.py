"""The demo's lists of speakers: the first session's general exchange of views finished, each speaker linked to
the statement the statements demo made (none added); the fourth session's list open with a few inscriptions.
"""

import pytest

from demo.seed import seed
from indico_oewg.speakers.models.inscriptions import InscriptionStatus
from indico_oewg.speakers.models.lists import ListStatus
from indico_oewg.speakers.queries import get_lists, speaking_order
from indico_oewg.statements import api as statements_api
from indico_oewg.statements.models.statements import Statement


pytestmark = pytest.mark.usefixtures('db', 'request_context')


def test_demo_lists_of_speakers(oewg_plugin):
    with oewg_plugin.plugin_context():
        ctx = seed()
        statements_before = Statement.query.count()
        seed()  # idempotent
    assert Statement.query.count() == statements_before
    first, fourth = ctx['sessions']['first'], ctx['sessions']['fourth']

    [finished] = get_lists(first)
    assert finished.agenda_item.title == 'General exchange of views'
    assert finished.status == ListStatus.finished and not finished.inscriptions_open
    order = speaking_order(finished)
    assert len(order) == 31
    assert all(i.status == InscriptionStatus.delivered for i in order)
    # in the seed's order, each linked to its statement of the archive (the statements demo's, not new ones)
    statements = statements_api.get_statements(finished.agenda_item, mode='oral')
    assert [i.statement for i in order] == statements
    assert [i.delegation for i in order] == [s.delegation for s in statements]
    assert [i.delegation.name('en') for i in order[:4]] == ['Iran (Islamic Republic of)', 'Australia', 'Brazil',
                                                           'Brazil']
    philippines = next(i for i in order if i.on_behalf_of)
    assert (philippines.delegation.code, philippines.on_behalf_of) == ('PHL', 'multiple States')
    assert [i.started_dt for i in order] == sorted(i.started_dt for i in order)

    [open_list] = get_lists(fourth)
    assert open_list.status == ListStatus.open and open_list.inscriptions_open
    waiting = speaking_order(open_list)
    assert all(i.status == InscriptionStatus.waiting for i in waiting)
    names = [(i.delegation.code or 'organization', i.on_behalf_of, i.by_secretariat) for i in waiting]
    # the group statement first, then the States, then the organization
    assert names[0] == ('NGA', 'the Group of African States', False)
    assert names[1:4] == [('JPN', '', True), ('CHL', '', True), ('CHN', '', True)]
    assert names[4][0] == 'organization' and not names[4][2]
    assert waiting[0].created_by == ctx['users']['delegate']

    # what was not spoken: a published written contribution of an accredited organization
    [written] = statements_api.get_statements(open_list.agenda_item, mode='written')
    assert written.is_published and written.delegation.organization_id is not None
