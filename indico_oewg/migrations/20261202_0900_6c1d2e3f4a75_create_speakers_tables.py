"""Create the tables of the list of speakers

Revision ID: 6c1d2e3f4a75
Revises: 5b8cad2e3f64
Create Date: 2026-12-02 09:00:00

A list of speakers per agenda item (its status, deadline and rules) and its inscriptions.
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from indico.core.db.sqlalchemy import UTCDateTime


# revision identifiers, used by Alembic.
revision = '6c1d2e3f4a75'
down_revision = '5b8cad2e3f64'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('speakers_lists',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('agenda_item_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.SmallInteger(), nullable=False),
    sa.Column('inscriptions_open', sa.Boolean(), nullable=False),
    sa.Column('deadline_dt', UTCDateTime(), nullable=True),
    sa.Column('groups_first', sa.Boolean(), nullable=False),
    sa.Column('protocol_level_first', sa.Boolean(), nullable=False),
    sa.Column('allow_multiple', sa.Boolean(), nullable=False),
    sa.Column('limit_group', sa.Integer(), nullable=False),
    sa.Column('limit_state', sa.Integer(), nullable=False),
    sa.Column('limit_igo', sa.Integer(), nullable=False),
    sa.Column('limit_other', sa.Integer(), nullable=False),
    sa.Column('limit_reply', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_dt', UTCDateTime(), nullable=False),
    sa.CheckConstraint('status IN (1, 2, 3, 4)', name=op.f('ck_speakers_lists_valid_enum_status')),
    sa.CheckConstraint('limit_group > 0 AND limit_state > 0 AND limit_igo > 0 AND limit_other > 0 AND '
                       'limit_reply > 0', name=op.f('ck_speakers_lists_limits_positive')),
    sa.ForeignKeyConstraint(['agenda_item_id'], ['plugin_oewg.agenda_items.id'],
                            name=op.f('fk_speakers_lists_agenda_item_id_agenda_items'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['event_id'], ['events.events.id'], name=op.f('fk_speakers_lists_event_id_events'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_speakers_lists')),
    sa.UniqueConstraint('agenda_item_id', name=op.f('uq_speakers_lists_agenda_item_id')),
    schema='plugin_oewg'
    )
    op.create_index(op.f('ix_speakers_lists_event_id'), 'speakers_lists', ['event_id'], unique=False,
                    schema='plugin_oewg')
    op.create_index(op.f('ix_speakers_lists_deadline_dt'), 'speakers_lists', ['deadline_dt'], unique=False,
                    schema='plugin_oewg')
    op.create_table('speakers_inscriptions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('list_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('is_reply', sa.Boolean(), nullable=False),
    sa.Column('delegation_kind', sa.SmallInteger(), nullable=False),
    sa.Column('state_code', sa.String(), nullable=True),
    sa.Column('organization_id', sa.Integer(), nullable=True),
    sa.Column('delegation_name', sa.String(), nullable=False),
    sa.Column('delegation_class', sa.SmallInteger(), nullable=False),
    sa.Column('on_behalf_of', sa.String(), nullable=False),
    sa.Column('joining_states', postgresql.ARRAY(sa.String()), nullable=False),
    sa.Column('level', sa.SmallInteger(), nullable=True),
    sa.Column('language', sa.String(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('status', sa.SmallInteger(), nullable=False),
    sa.Column('from_floor', sa.Boolean(), nullable=False),
    sa.Column('by_secretariat', sa.Boolean(), nullable=False),
    sa.Column('created_dt', UTCDateTime(), nullable=False),
    sa.Column('inscribed_dt', UTCDateTime(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('contact_id', sa.Integer(), nullable=True),
    sa.Column('started_dt', UTCDateTime(), nullable=True),
    sa.Column('ended_dt', UTCDateTime(), nullable=True),
    sa.Column('statement_id', sa.Integer(), nullable=True),
    sa.CheckConstraint('delegation_kind IN (1, 2, 3)', name=op.f('ck_speakers_inscriptions_valid_enum_delegation_kind')),
    sa.CheckConstraint('delegation_class IN (1, 2, 3, 4)',
                       name=op.f('ck_speakers_inscriptions_valid_enum_delegation_class')),
    sa.CheckConstraint('level IN (1, 2, 3, 4, 5, 6)', name=op.f('ck_speakers_inscriptions_valid_enum_level')),
    sa.CheckConstraint('status IN (1, 2, 3, 4, 5)', name=op.f('ck_speakers_inscriptions_valid_enum_status')),
    sa.CheckConstraint('position > 0', name=op.f('ck_speakers_inscriptions_position_positive')),
    sa.CheckConstraint("(delegation_kind = 1 AND state_code IS NOT NULL) OR (delegation_kind != 1 AND "
                       "delegation_name != '')", name=op.f('ck_speakers_inscriptions_delegation_given')),
    sa.CheckConstraint("language IN ('', 'en', 'fr', 'es', 'ru', 'zh', 'ar')",
                       name=op.f('ck_speakers_inscriptions_valid_language')),
    sa.ForeignKeyConstraint(['list_id'], ['plugin_oewg.speakers_lists.id'],
                            name=op.f('fk_speakers_inscriptions_list_id_speakers_lists'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['organization_id'], ['plugin_oewg.organizations.id'],
                            name=op.f('fk_speakers_inscriptions_organization_id_organizations'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.users.id'],
                            name=op.f('fk_speakers_inscriptions_created_by_id_users')),
    sa.ForeignKeyConstraint(['contact_id'], ['users.users.id'], name=op.f('fk_speakers_inscriptions_contact_id_users')),
    sa.ForeignKeyConstraint(['statement_id'], ['plugin_oewg.statements.id'],
                            name=op.f('fk_speakers_inscriptions_statement_id_statements'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_speakers_inscriptions')),
    sa.UniqueConstraint('list_id', 'is_reply', 'position', deferrable=True, initially='deferred',
                        name=op.f('uq_speakers_inscriptions_list_id_is_reply_position')),
    schema='plugin_oewg'
    )
    for column in ('list_id', 'organization_id', 'status', 'created_by_id', 'contact_id', 'statement_id'):
        op.create_index(op.f(f'ix_speakers_inscriptions_{column}'), 'speakers_inscriptions', [column], unique=False,
                        schema='plugin_oewg')


def downgrade():
    op.drop_table('speakers_inscriptions', schema='plugin_oewg')
    op.drop_table('speakers_lists', schema='plugin_oewg')
