"""Organization in UN spelling

Revision ID: e565e40a08fb
Revises: 3d9e5a7c1f42
Create Date: 2026-12-01 14:30:00

Tables, columns, constraints and indexes say "organization" as the UN spells it; so do the OEWG field's setting
(``organization_quota``) and the placeholder of the outcome e-mails the secretariat edited (``{organization}``).
"""

from alembic import op


# revision identifiers, used by Alembic.
revision = 'e565e40a08fb'
down_revision = '3d9e5a7c1f42'
branch_labels = None
depends_on = None


COLUMNS = [
    ('observer_requests', 'organisation_id'),
    ('accreditations', 'organisation_id'),
    ('statements', 'organisation_id'),
    ('statements', 'organisation_name'),
    ('statement_submitters', 'organisation_name'),
    ('focal_points', 'organisation_id'),
]
CONSTRAINTS = [
    ('organisations', 'pk_organisations'),
    ('organisations', 'ck_organisations_valid_enum_ecosoc_status'),
    ('organisations', 'ck_organisations_valid_enum_kind'),
    ('organisations', 'fk_organisations_merged_into_id_organisations'),
    ('organisations', 'fk_organisations_mission_statement_file_id_observer_files'),
    ('organisations', 'fk_organisations_working_group_id_working_groups'),
    ('observer_requests', 'fk_observer_requests_organisation_id_organisations'),
    ('accreditations', 'fk_accreditations_organisation_id_organisations'),
    ('statements', 'fk_statements_organisation_id_organisations'),
    ('focal_points', 'fk_focal_points_organisation_id_organisations'),
    ('focal_points', 'ck_focal_points_state_xor_organisation'),
]
INDEXES = [
    'ix_organisations_merged_into_id',
    'ix_organisations_mission_statement_file_id',
    'ix_organisations_working_group_id',
    'ix_observer_requests_organisation_id',
    'ix_uq_observer_requests_event_id_organisation_id',
    'ix_accreditations_organisation_id',
    'ix_statements_organisation_id',
    'ix_focal_points_organisation_id',
    'ix_uq_focal_points_event_id_organisation_id_user_id',
]


def _un(name):
    return name.replace('organisation', 'organization')


def _rename(old, new):
    """Rename every schema object from one spelling to the other (``old``/``new``: functions of the UK name)."""
    op.rename_table(old('organisations'), new('organisations'), schema='plugin_oewg')
    # a renamed column is renamed inside the check constraints' expressions too
    for table, column in COLUMNS:
        op.alter_column(table, old(column), new_column_name=new(column), schema='plugin_oewg')
    for table, constraint in CONSTRAINTS:
        op.execute(f'ALTER TABLE plugin_oewg.{new(table)} RENAME CONSTRAINT {old(constraint)} TO {new(constraint)}')
    for index in INDEXES:
        op.execute(f'ALTER INDEX plugin_oewg.{old(index)} RENAME TO {new(index)}')


def _data(old, new):
    op.execute(f'''
        UPDATE event_registration.form_items
        SET data = (data - '{old}_quota') || jsonb_build_object('{new}_quota', data -> '{old}_quota')
        WHERE input_type = 'ext__oewg_delegation' AND data ? '{old}_quota'
    ''')
    op.execute(f'''
        UPDATE categories.settings
        SET value = to_jsonb(replace(value #>> '{{}}', '{{{old}}}', '{{{new}}}'))
        WHERE module = 'plugin_oewg_observers' AND jsonb_typeof(value) = 'string'
    ''')


def upgrade():
    _rename(lambda name: name, _un)
    _data('organisation', 'organization')


def downgrade():
    _data('organization', 'organisation')
    _rename(_un, lambda name: name)
