"""The statements' migrations keep what was there: organizations named in statements and submitters are linked to
the registry, existing statements are delivered (oral) ones, the file size limit moves to the plugin's settings.
"""

from alembic.migration import MigrationContext
from alembic.operations import Operations
from sqlalchemy import text

from tests.working_groups.migrations_test import _script


BEFORE = 'e565e40a08fb'


def _migrate(connection, script, destination, down=False):
    steps = script._downgrade_revs if down else script._upgrade_revs
    context = MigrationContext.configure(connection, opts={
        'script': script, 'fn': lambda rev, ctx: steps(destination, rev),
        'version_table': 'alembic_version_plugin_oewg_test', 'version_table_schema': 'public'})
    with Operations.context(context):
        context.run_migrations()


def test_migrations_keep_the_data(db, create_category, create_event, dummy_user):
    category = create_category(501, title='OEWG')
    other_category = create_category(502, title='Another working group')
    event = create_event(501, category=category)
    elsewhere = create_event(502, category=other_category)
    db.session.flush()
    connection = db.session.connection()
    # Everything below happens in the test's transaction and is rolled back afterwards.
    connection.execute(text('DROP SCHEMA plugin_oewg CASCADE'))
    script = _script()
    _migrate(connection, script, BEFORE)

    def sql(query, **params):
        result = connection.execute(text(query), params)
        return result.fetchall() if result.returns_rows else None

    values = {'c': category.id, 'o': other_category.id, 'e': event.id, 'x': elsewhere.id, 'u': dummy_user.id}
    sql('''INSERT INTO plugin_oewg.working_groups (id, category_id, name, resolution, symbol_prefix, contact_email)
           VALUES (1, :c, 'OEWG', '76/231', 'A/AC.294', 'oewg@un.org'),
                  (2, :o, 'Other', '1/1', 'A/AC.1', 'other@un.org')''', **values)
    sql('''INSERT INTO plugin_oewg.organizations (id, working_group_id, name, name_fr, acronym, kind, ecosoc_status,
                                                 website, contact_email, mission_statement, created_dt)
           VALUES (11, 1, 'European Union', 'Union européenne', 'EU', 1, 0, '', '', '', now()),
                  (12, 1, 'European Space Agency', '', 'ESA', 1, 0, '', '', '', now()),
                  (21, 2, 'European Union', '', '', 1, 0, '', '', '', now())''')
    sql("INSERT INTO plugin_oewg.agenda_items (id, event_id, position, title) VALUES (1, :e, 1, 'General'), "
        "(2, :x, 1, 'General')", **values)
    statement = '''INSERT INTO plugin_oewg.statements (id, event_id, agenda_item_id, position, speaker_kind,
                       state_code, organization_name, office, on_behalf_of, joining_states, meeting, title,
                       delivery_status, original_language, status, return_reason, created_dt, search_text)
                   VALUES (:id, :event, :item, :position, :kind, :state, :name, :office, '', '{}', '', '', 0, '',
                           2, '', now(), '')'''
    for row in ((1, event.id, 1, 1, 1, 'JPN', '', ''), (2, event.id, 1, 2, 2, None, 'european union', ''),
                (3, event.id, 1, 3, 2, None, 'ESA', ''), (4, event.id, 1, 4, 2, None, 'Unknown Alliance', ''),
                (5, event.id, 1, 5, 3, None, '', 'the Chair'), (6, elsewhere.id, 2, 1, 2, None, 'European Union', '')):
        sql(statement, **dict(zip(('id', 'event', 'item', 'position', 'kind', 'state', 'name', 'office'), row,
                                  strict=True)))
    sql('''INSERT INTO plugin_oewg.statement_submitters (id, event_id, user_id, speaker_kind, state_code,
                                                         organization_name)
           VALUES (1, :e, :u, 2, NULL, 'Union européenne'), (2, :e, :u, 1, 'JPN', '')''', **values)
    sql("INSERT INTO indico.settings (module, name, value) VALUES ('plugin_oewg_statements', 'max_file_size_mb', '5')")

    _migrate(connection, script, 'head')
    assert sql('SELECT id, organization_id, organization_name, mode, position FROM plugin_oewg.statements '
               'ORDER BY id') == [
        (1, None, '', 1, 1), (2, 11, 'european union', 1, 2), (3, 12, 'ESA', 1, 3), (4, None, 'Unknown Alliance', 1, 4),
        (5, None, '', 1, 5), (6, 21, 'European Union', 1, 1)]
    assert sql('SELECT id, organization_id FROM plugin_oewg.statement_submitters ORDER BY id') == [(1, 11), (2, None)]
    assert sql("SELECT module, name, value FROM indico.settings WHERE name LIKE '%max_file_size_mb'") == [
        ('plugin_oewg', 'statement_max_file_size_mb', 5)]

    # and back: written contributions after the delivered statements, the setting where it was
    sql("INSERT INTO plugin_oewg.statements (id, event_id, agenda_item_id, mode, position, speaker_kind, state_code, "
        "organization_name, office, on_behalf_of, joining_states, meeting, title, delivery_status, original_language, "
        "status, return_reason, created_dt, search_text) "
        "VALUES (7, :e, 1, 2, 1, 1, 'CHE', '', '', '', '{}', '', '', 0, '', 5, '', now(), '')", **values)
    _migrate(connection, script, BEFORE, down=True)
    assert sql("SELECT position, status FROM plugin_oewg.statements WHERE state_code = 'CHE'") == [(6, 1)]
    assert sql("SELECT module, name FROM indico.settings WHERE name LIKE '%max_file_size_mb'") == [
        ('plugin_oewg_statements', 'max_file_size_mb')]
