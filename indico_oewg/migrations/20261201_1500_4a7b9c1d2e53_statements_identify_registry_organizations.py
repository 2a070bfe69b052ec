"""Statements identify registry organizations by id; their file size limit is a plugin setting

Revision ID: 4a7b9c1d2e53
Revises: e565e40a08fb
Create Date: 2026-12-01 15:00:00

Statement submitters get the organization of the observers' registry (as statements already had). Statements and
submitters naming an organization of their working group's registry by its name, French name or acronym are linked
to it. The statements' file size limit moves from the free-standing settings module ``plugin_oewg_statements``
(``max_file_size_mb``) to the plugin's own settings (``statement_max_file_size_mb``), which Indico's administration
shows.
"""

import sqlalchemy as sa
from alembic import op


# revision identifiers, used by Alembic.
revision = '4a7b9c1d2e53'
down_revision = 'e565e40a08fb'
branch_labels = None
depends_on = None


def _link_registry_organizations(table):
    # the registry organization (not merged) of the working group of the row's session whose name, French name or
    # acronym is the name given; the lowest id wins should two match
    op.execute(f'''
        UPDATE plugin_oewg.{table} t
        SET organization_id = match.organization_id
        FROM (
            SELECT DISTINCT ON (t.id) t.id, o.id AS organization_id
            FROM plugin_oewg.{table} t
            JOIN events.events e ON e.id = t.event_id
            JOIN plugin_oewg.working_groups wg ON wg.category_id = e.category_id
            JOIN plugin_oewg.organizations o ON o.working_group_id = wg.id AND o.merged_into_id IS NULL
            WHERE t.speaker_kind = 2 AND t.organization_id IS NULL AND (
                lower(o.name) = lower(t.organization_name) OR lower(o.name_fr) = lower(t.organization_name) OR
                (o.acronym != '' AND lower(o.acronym) = lower(t.organization_name)))
            ORDER BY t.id, o.id
        ) match
        WHERE t.id = match.id
    ''')


def upgrade():
    op.add_column('statement_submitters', sa.Column('organization_id', sa.Integer(), nullable=True),
                  schema='plugin_oewg')
    op.create_foreign_key(op.f('fk_statement_submitters_organization_id_organizations'), 'statement_submitters',
                          'organizations', ['organization_id'], ['id'], source_schema='plugin_oewg',
                          referent_schema='plugin_oewg', ondelete='SET NULL')
    op.create_index(op.f('ix_statement_submitters_organization_id'), 'statement_submitters', ['organization_id'],
                    unique=False, schema='plugin_oewg')
    _link_registry_organizations('statements')
    _link_registry_organizations('statement_submitters')
    op.execute('''
        UPDATE indico.settings SET module = 'plugin_oewg', name = 'statement_max_file_size_mb'
        WHERE module = 'plugin_oewg_statements' AND name = 'max_file_size_mb'
    ''')


def downgrade():
    op.execute('''
        UPDATE indico.settings SET module = 'plugin_oewg_statements', name = 'max_file_size_mb'
        WHERE module = 'plugin_oewg' AND name = 'statement_max_file_size_mb'
    ''')
    # the names stay as they were, so the links can go
    op.drop_index(op.f('ix_statement_submitters_organization_id'), table_name='statement_submitters',
                  schema='plugin_oewg')
    op.drop_constraint(op.f('fk_statement_submitters_organization_id_organizations'), 'statement_submitters',
                       schema='plugin_oewg')
    op.drop_column('statement_submitters', 'organization_id', schema='plugin_oewg')
