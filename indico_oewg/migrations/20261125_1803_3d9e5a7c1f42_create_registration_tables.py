"""Create delegation registration tables

Revision ID: 3d9e5a7c1f42
Revises: 2c8d4f6b0e31
Create Date: 2026-11-25 18:00:00
"""

import sqlalchemy as sa
from alembic import op

from indico.core.db.sqlalchemy import UTCDateTime


# revision identifiers, used by Alembic.
revision = '3d9e5a7c1f42'
down_revision = '2c8d4f6b0e31'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('focal_points',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('state', sa.String(length=3), nullable=True),
    sa.Column('organisation_id', sa.Integer(), nullable=True),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('created_dt', UTCDateTime(), nullable=False),
    sa.CheckConstraint('(state IS NULL) != (organisation_id IS NULL)', name=op.f('ck_focal_points_state_xor_organisation')),
    sa.ForeignKeyConstraint(['event_id'], ['events.events.id'], name=op.f('fk_focal_points_event_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['organisation_id'], ['plugin_oewg.organisations.id'], name=op.f('fk_focal_points_organisation_id_organisations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.users.id'], name=op.f('fk_focal_points_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_focal_points')),
    schema='plugin_oewg'
    )
    op.create_index(op.f('ix_focal_points_event_id'), 'focal_points', ['event_id'], unique=False, schema='plugin_oewg')
    op.create_index(op.f('ix_focal_points_organisation_id'), 'focal_points', ['organisation_id'], unique=False, schema='plugin_oewg')
    op.create_index(op.f('ix_focal_points_user_id'), 'focal_points', ['user_id'], unique=False, schema='plugin_oewg')
    op.create_index(op.f('ix_uq_focal_points_event_id_state_user_id'), 'focal_points', ['event_id', 'state', 'user_id'], unique=True, schema='plugin_oewg', postgresql_where=sa.text('state IS NOT NULL'))
    op.create_index(op.f('ix_uq_focal_points_event_id_organisation_id_user_id'), 'focal_points', ['event_id', 'organisation_id', 'user_id'], unique=True, schema='plugin_oewg', postgresql_where=sa.text('organisation_id IS NOT NULL'))


def downgrade():
    op.drop_index(op.f('ix_uq_focal_points_event_id_organisation_id_user_id'), table_name='focal_points', schema='plugin_oewg')
    op.drop_index(op.f('ix_uq_focal_points_event_id_state_user_id'), table_name='focal_points', schema='plugin_oewg')
    op.drop_index(op.f('ix_focal_points_user_id'), table_name='focal_points', schema='plugin_oewg')
    op.drop_index(op.f('ix_focal_points_organisation_id'), table_name='focal_points', schema='plugin_oewg')
    op.drop_index(op.f('ix_focal_points_event_id'), table_name='focal_points', schema='plugin_oewg')
    op.drop_table('focal_points', schema='plugin_oewg')
