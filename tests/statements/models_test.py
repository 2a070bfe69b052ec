import pytest
from sqlalchemy.exc import IntegrityError

from indico.core.db import db
from indico.modules.logs.models.entries import EventLogEntry
from indico.util.i18n import force_locale

from indico_oewg.statements.models.files import StatementFile
from indico_oewg.delegations import DelegationKind
from indico_oewg.statements.models.statements import Statement, StatementStatus
from indico_oewg.statements.operations import (add_files, delete_agenda_item, delete_file, delete_statement,
                                               reorder_statements)
from indico_oewg.statements.errors import StatementError
from indico_oewg.statements.headings import citation
from indico_oewg.statements.queries import query_statements, search_criterion

from .conftest import make_docx, make_pdf


pytestmark = pytest.mark.usefixtures('db')


def test_heading_and_delegation_names(add_statement):
    assert add_statement('JPN').heading == 'Statement by Japan'
    assert add_statement('PHL').heading == 'Statement by the Philippines'
    assert (add_statement('PHL', on_behalf_of='multiple States').heading ==
            'Statement by the Philippines on behalf of multiple States')
    assert add_statement('IRN').heading == 'Statement by Iran (Islamic Republic of)'
    assert add_statement('European Union', kind=DelegationKind.organization).heading == \
        'Statement by the European Union'
    office = add_statement('Chair of the GGE on Prevention of an Arms Race in Outer Space', item=0,
                           kind=DelegationKind.office)
    assert office.heading == 'Statement by Chair of the GGE on Prevention of an Arms Race in Outer Space'
    assert office.delegation.code is None


def test_heading_follows_the_language_but_not_the_citation(add_statement):
    japan = add_statement('JPN', joining_states=['FRA', 'PHL'])
    philippines = add_statement('PHL', on_behalf_of='plusieurs États')
    european_union = add_statement('European Union', kind=DelegationKind.organization)
    with force_locale('fr_FR'):
        assert japan.heading == 'Déclaration du Japon'
        assert philippines.heading == 'Déclaration des Philippines au nom de plusieurs États'
        assert european_union.heading == 'Déclaration – European Union'
        assert japan.joining_state_names == ['France', 'Philippines']
        # in English whatever the language: the citation, the event log and the JSON's names
        assert japan.english_heading == 'Statement by Japan'
        assert citation(japan).startswith('Statement by Japan, ')
        assert philippines.delegation.to_json()['name'] == 'the Philippines'
    assert philippines.heading == 'Statement by the Philippines on behalf of plusieurs États'
    assert japan.joining_state_names == ['France', 'the Philippines']


def test_positions_follow_delivery_order_and_are_unique(add_statement, agenda):
    first = add_statement('BRA')
    second = add_statement('BRA')  # a delegation may speak twice
    assert (first.position, second.position) == (1, 2)
    with pytest.raises(StatementError, match='Position 1 under "General exchange of views" is already taken'):
        add_statement('CAN', position=1)
    assert Statement.query.count() == 2
    # the database refuses it too
    clash = Statement(event=first.event, agenda_item=agenda[1], position=1, speaker_kind=DelegationKind.state,
                      state_code='CAN')

    def insert():
        with db.session.begin_nested():
            db.session.add(clash)
            db.session.flush()

    with pytest.raises(IntegrityError):
        insert()


def test_files_are_stored_and_their_text_searchable(add_statement, oewg_event):
    statement = add_statement('JPN', files=[('en', 'japan.pdf', make_pdf('Debris mitigation guidelines')),
                                            ('fr', 'japon.docx', make_docx('Débris spatiaux et sécurité'))])
    assert [f.language for f in statement.files_by_language] == ['en', 'fr']
    english = statement.files_by_language[0]
    assert english.content_type == 'application/pdf'
    with english.open() as f:
        assert f.read().startswith(b'%PDF-')
    assert 'Debris mitigation' in english.extracted_text
    add_statement('CAN', files=[('en', 'canada.pdf', make_pdf('Something else entirely'))])
    base = query_statements().filter(Statement.event_id == oewg_event.id)
    assert base.filter(search_criterion('mitigation')).all() == [statement]
    # accent-insensitive both ways, and words only found inside the DOCX
    assert base.filter(search_criterion('debris spatiaux')).all() == [statement]
    assert base.filter(search_criterion('sécurité')).all() == [statement]
    assert base.filter(search_criterion('securite')).all() == [statement]
    # the State's names in other languages
    assert base.filter(search_criterion('Japon')).all() == [statement]
    assert base.filter(search_criterion('nowhere')).all() == []


def test_search_uses_the_full_text_index(db, add_statement):
    """The GIN index exists in the test database (created with the table) and in migrations."""
    add_statement('JPN')
    indexes = {row[0] for row in db.session.execute(db.text(
        "SELECT indexname FROM pg_indexes WHERE schemaname = 'plugin_oewg' AND tablename = 'statements'"))}
    assert 'ix_statements_search_text_fts' in indexes


def test_second_file_for_a_language_is_refused(add_statement):
    statement = add_statement('JPN', files=[('en', 'japan.pdf', make_pdf())])
    with pytest.raises(StatementError, match='already a file in English'):
        add_files(statement, [('fr', 'japon.pdf', make_pdf()), ('en', 'japan-2.pdf', make_pdf())])
    db.session.expire_all()
    assert [f.language for f in statement.files] == ['en']


def test_delete_file_and_statement(add_statement, oewg_event):
    statement = add_statement('JPN', files=[('en', 'japan.pdf', make_pdf('orbital')), ('fr', 'j.pdf', make_pdf())])
    english = statement.files_by_language[0]
    delete_file(english)
    assert [f.language for f in statement.files] == ['fr']
    assert 'orbital' not in statement.search_text
    delete_statement(statement)
    assert Statement.query.count() == 0
    assert StatementFile.query.count() == 0
    summaries = [e.summary for e in EventLogEntry.query.filter_by(event_id=oewg_event.id, module='OEWG')]
    assert 'Statement deleted: Statement by Japan' in summaries


def test_reorder_statements(add_statement, agenda):
    a, b, c = add_statement('AUS'), add_statement('BRA'), add_statement('CAN')
    reorder_statements(agenda[1], [c.id, a.id, b.id])
    assert [s.state_code for s in sorted(agenda[1].statements, key=lambda s: s.position)] == \
        ['CAN', 'AUS', 'BRA']
    with pytest.raises(StatementError):
        reorder_statements(agenda[1], [c.id, a.id])


def test_agenda_item_with_statements_cannot_be_deleted(add_statement, agenda):
    add_statement('JPN')
    with pytest.raises(StatementError, match='still has 1 statement; move or delete it first'):
        delete_agenda_item(agenda[1])
    delete_agenda_item(agenda[2])
    assert [item.title for item in agenda[0].event.oewg_agenda_items] == [
        'Opening of the session', 'General exchange of views']


def test_citation(add_statement, oewg_event):
    statement = add_statement('JPN')
    assert citation(statement) == (
        'Statement by Japan, Fourth session of the Open-ended working group on reducing space threats through '
        'norms, rules and principles of responsible behaviours, General exchange of views, 9 May 2022')


def test_unpublished_status(add_statement):
    statement = add_statement('JPN', published=False)
    assert statement.status == StatementStatus.unpublished
    assert query_statements().all() == []
    assert query_statements(published_only=False).all() == [statement]


def test_merged_users_keep_their_statements(add_statement, create_user, oewg_event):
    from indico.modules.users.util import merge_users

    from indico_oewg.delegations import Delegation
    from indico_oewg.statements.submissions import add_submitter
    source, target = create_user(71), create_user(72)
    statement = add_statement('JPN')
    statement.submitter = source
    add_submitter(oewg_event, source, Delegation.for_state('JPN'))
    merge_users(source, target)
    db.session.expire_all()
    assert statement.submitter == target
    assert [entry.user for entry in oewg_event.oewg_statement_submitters] == [target]
