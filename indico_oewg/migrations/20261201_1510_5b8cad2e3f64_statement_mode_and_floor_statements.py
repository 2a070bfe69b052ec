"""Statement mode (oral or written) and statements delivered from the floor

Revision ID: 5b8cad2e3f64
Revises: 4a7b9c1d2e53
Create Date: 2026-12-01 15:10:00

A statement is delivered (oral, all existing ones) or a written contribution; positions count within each mode
under an agenda item. A statement recorded from the list of speakers has a contact (the user invited to hand in its
text) and the status "delivered, awaiting its text" (5).
"""

import sqlalchemy as sa
from alembic import op


# revision identifiers, used by Alembic.
revision = '5b8cad2e3f64'
down_revision = '4a7b9c1d2e53'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('statements', sa.Column('mode', sa.SmallInteger(), nullable=False, server_default='1'),
                  schema='plugin_oewg')
    op.alter_column('statements', 'mode', server_default=None, schema='plugin_oewg')
    op.create_check_constraint(op.f('ck_statements_valid_enum_mode'), 'statements', 'mode IN (1, 2)', schema='plugin_oewg')
    op.drop_constraint('uq_statements_agenda_item_id_position', 'statements', schema='plugin_oewg')
    op.create_unique_constraint(op.f('uq_statements_agenda_item_id_mode_position'), 'statements',
                                ['agenda_item_id', 'mode', 'position'], schema='plugin_oewg')
    op.add_column('statements', sa.Column('contact_id', sa.Integer(), nullable=True), schema='plugin_oewg')
    op.create_foreign_key(op.f('fk_statements_contact_id_users'), 'statements', 'users', ['contact_id'], ['id'],
                          source_schema='plugin_oewg', referent_schema='users')
    op.create_index(op.f('ix_statements_contact_id'), 'statements', ['contact_id'], unique=False,
                    schema='plugin_oewg')
    op.drop_constraint('ck_statements_valid_enum_status', 'statements', schema='plugin_oewg')
    op.create_check_constraint(op.f('ck_statements_valid_enum_status'), 'statements', 'status IN (1, 2, 3, 4, 5)', schema='plugin_oewg')


def downgrade():
    # statements delivered from the floor and still waiting for their text become plain unpublished ones
    op.execute('UPDATE plugin_oewg.statements SET status = 1 WHERE status = 5')
    op.drop_constraint('ck_statements_valid_enum_status', 'statements', schema='plugin_oewg')
    op.create_check_constraint(op.f('ck_statements_valid_enum_status'), 'statements', 'status IN (1, 2, 3, 4)', schema='plugin_oewg')
    op.drop_index(op.f('ix_statements_contact_id'), table_name='statements', schema='plugin_oewg')
    op.drop_constraint(op.f('fk_statements_contact_id_users'), 'statements', schema='plugin_oewg')
    op.drop_column('statements', 'contact_id', schema='plugin_oewg')
    # written contributions go after the delivered statements of their agenda item
    op.execute('''
        UPDATE plugin_oewg.statements s SET position = s.position + oral.last
        FROM (SELECT agenda_item_id, max(position) AS last FROM plugin_oewg.statements WHERE mode = 1
              GROUP BY agenda_item_id) oral
        WHERE s.mode = 2 AND s.agenda_item_id = oral.agenda_item_id
    ''')
    op.drop_constraint('uq_statements_agenda_item_id_mode_position', 'statements', schema='plugin_oewg')
    op.create_unique_constraint(op.f('uq_statements_agenda_item_id_position'), 'statements',
                                ['agenda_item_id', 'position'], schema='plugin_oewg')
    op.drop_constraint('ck_statements_valid_enum_mode', 'statements', schema='plugin_oewg')
    op.drop_column('statements', 'mode', schema='plugin_oewg')
