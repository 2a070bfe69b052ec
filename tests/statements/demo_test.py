from pathlib import Path

import pytest

from indico_oewg.statements.models.statements import Statement, StatementStatus
from indico_oewg.statements.queries import get_agenda_items, query_statements


pytestmark = pytest.mark.usefixtures('db')
DATA = Path(__file__).parents[2] / 'demo' / 'data'


@pytest.fixture
def demo_ctx(dummy_working_group, create_oewg_session, create_user):
    first = create_oewg_session('First session', 1, (2022, 5, 9), (2022, 5, 13))
    users = {'admin': create_user(61, admin=True), 'secretariat': create_user(62), 'delegate': create_user(63)}
    return {'working_group': dummy_working_group, 'sessions': {'first': first}, 'users': users, 'data': DATA}


def test_demo_has_the_first_session_as_the_seed_lists_it(demo_ctx):
    from demo.statements import parse_seed, seed
    seed(demo_ctx)
    seed(demo_ctx)  # idempotent
    event = demo_ctx['sessions']['first']
    expected = parse_seed((DATA / 'statements_first_session.txt').read_text())
    assert [item.title for item in get_agenda_items(event)] == [title for title, _ in expected]
    assert [title for title, _ in expected] == [
        'Opening of the Session', 'General exchange of views', 'General exchange of views (informal mode)',
        'Exchange of views on the outcome of the first session and outlook towards the second session']
    published = query_statements().filter(Statement.event_id == event.id).all()
    assert len(published) == sum(len(speakers) for _, speakers in expected) == 35
    by_item = {}
    for statement in published:
        by_item.setdefault(statement.agenda_item.title, []).append(statement)
    general = by_item['General exchange of views']
    codes = [s.state_code or s.organization_name for s in general]
    assert codes[:4] == ['IRN', 'AUS', 'BRA', 'BRA']
    for code in ('BRA', 'DEU', 'JPN', 'PHL', 'GBR'):
        assert codes.count(code) == 2, code
    assert 'European Union' in codes and 'International Committee of the Red Cross' in codes and 'VAT' in codes
    assert any(s.heading == 'Statement by the Philippines on behalf of multiple States' for s in general)
    opening = by_item['Opening of the Session']
    assert opening[1].heading == 'Statement by Ms. Izumi Nakamitsu, High Representative for Disarmament Affairs'
    # every file is a PDF that says it is sample content; some have French and Spanish versions
    languages = [f.language for s in published for f in s.files]
    assert languages.count('en') == 35
    assert languages.count('fr') >= 2 and languages.count('es') >= 2
    assert all('SAMPLE CONTENT' in f.extracted_text or 'EXEMPLE' in f.extracted_text
               or 'EJEMPLO' in f.extracted_text for s in published for f in s.files)
    pending = Statement.query.filter_by(event_id=event.id, status=StatementStatus.pending).all()
    assert [s.heading for s in pending] == ['Statement by Nigeria']
    assert pending[0].submitter == demo_ctx['users']['delegate']
