import warnings
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.operations import Operations
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.exc import SAWarning

import indico
import indico_oewg


MIGRATIONS = Path(indico_oewg.__file__).parent / 'migrations'
PLUGIN_ALEMBIC = Path(indico.__file__).parent / 'core' / 'plugins' / 'alembic'


def _script():
    return ScriptDirectory(str(PLUGIN_ALEMBIC), version_locations=[str(MIGRATIONS)])


def _include_plugin_tables(object_, name, type_, reflected, compare_to):
    return type_ != 'table' or object_.schema == 'plugin_oewg'


def test_migrations_create_exactly_what_the_models_describe(db):
    """The plugin's migrations, run on an empty schema, give the tables the models describe.

    A model changed without a migration (or the reverse) makes this fail.
    """
    connection = db.session.connection()
    # Everything below happens in the test's transaction and is rolled back afterwards.
    connection.execute(text('DROP SCHEMA plugin_oewg CASCADE'))
    script = _script()
    heads = script.get_heads()
    assert len(heads) == 1, f'the migrations must form one line, not {len(heads)} heads'

    context = MigrationContext.configure(connection, opts={
        'script': script,
        'fn': lambda rev, ctx: script._upgrade_revs('head', rev),
        'version_table': 'alembic_version_plugin_oewg_test',
        'version_table_schema': 'public',
    })
    with Operations.context(context):
        context.run_migrations()

    compare_context = MigrationContext.configure(connection, opts={
        'include_schemas': True,
        'include_object': _include_plugin_tables,
        'compare_type': True,
    })
    with warnings.catch_warnings():
        # Sorting all of Indico's tables warns about cycles among core tables, not ours.
        warnings.simplefilter('ignore', SAWarning)
        diff = compare_metadata(compare_context, db.metadata)
    assert diff == []


def test_migrations_downgrade_removes_the_schema(db):
    connection = db.session.connection()
    connection.execute(text('DROP SCHEMA plugin_oewg CASCADE'))
    script = _script()
    opts = {'script': script, 'version_table': 'alembic_version_plugin_oewg_test', 'version_table_schema': 'public'}
    upgrade = MigrationContext.configure(connection,
                                         opts=opts | {'fn': lambda rev, ctx: script._upgrade_revs('head', rev)})
    with Operations.context(upgrade):
        upgrade.run_migrations()
    downgrade = MigrationContext.configure(connection,
                                           opts=opts | {'fn': lambda rev, ctx: script._downgrade_revs('base', rev)})
    with Operations.context(downgrade):
        downgrade.run_migrations()
    schemas = {row[0] for row in connection.execute(text('SELECT nspname FROM pg_namespace'))}
    assert 'plugin_oewg' not in schemas
