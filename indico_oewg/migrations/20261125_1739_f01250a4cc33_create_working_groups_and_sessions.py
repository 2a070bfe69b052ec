"""Create working groups and sessions

Revision ID: f01250a4cc33
Revises:
Create Date: 2026-11-25 17:39:52.559805
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.sql.ddl import CreateSchema, DropSchema


# revision identifiers, used by Alembic.
revision = 'f01250a4cc33'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute(CreateSchema('plugin_oewg'))
    op.create_table('sessions',
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=True),
    sa.Column('room', sa.String(), nullable=False),
    sa.CheckConstraint('number >= 0', name=op.f('ck_sessions_number_not_negative')),
    sa.ForeignKeyConstraint(['event_id'], ['events.events.id'], name=op.f('fk_sessions_event_id_events'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('event_id', name=op.f('pk_sessions')),
    schema='plugin_oewg'
    )
    op.create_table('working_groups',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('category_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('resolution', sa.String(), nullable=False),
    sa.Column('symbol_prefix', sa.String(), nullable=False),
    sa.Column('contact_email', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['category_id'], ['categories.categories.id'], name=op.f('fk_working_groups_category_id_categories'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_working_groups')),
    schema='plugin_oewg'
    )
    op.create_index(op.f('ix_uq_working_groups_category_id'), 'working_groups', ['category_id'], unique=True, schema='plugin_oewg')


def downgrade():
    op.drop_index(op.f('ix_uq_working_groups_category_id'), table_name='working_groups', schema='plugin_oewg')
    op.drop_table('working_groups', schema='plugin_oewg')
    op.drop_table('sessions', schema='plugin_oewg')
    op.execute(DropSchema('plugin_oewg'))
