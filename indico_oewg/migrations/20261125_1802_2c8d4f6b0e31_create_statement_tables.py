"""Create statement tables

Revision ID: 2c8d4f6b0e31
Revises: 1b7c3e5a9d20
Create Date: 2026-11-25 18:00:00
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from indico.core.db.sqlalchemy import UTCDateTime


# revision identifiers, used by Alembic.
revision = '2c8d4f6b0e31'
down_revision = '1b7c3e5a9d20'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('agenda_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['events.events.id'], name=op.f('fk_agenda_items_event_id_events'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agenda_items')),
    schema='plugin_oewg'
    )
    op.create_index(op.f('ix_agenda_items_event_id'), 'agenda_items', ['event_id'], unique=False, schema='plugin_oewg')
    op.create_table('statements',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('agenda_item_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('speaker_kind', sa.SmallInteger(), nullable=False),
    sa.Column('state_code', sa.String(), nullable=True),
    sa.Column('organisation_name', sa.String(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=True),
    sa.Column('office', sa.String(), nullable=False),
    sa.Column('on_behalf_of', sa.String(), nullable=False),
    sa.Column('joining_states', postgresql.ARRAY(sa.String()), nullable=False),
    sa.Column('date', sa.Date(), nullable=True),
    sa.Column('meeting', sa.String(), nullable=False),
    sa.Column('title', sa.String(), nullable=False),
    sa.Column('delivery_status', sa.SmallInteger(), nullable=False),
    sa.Column('original_language', sa.String(), nullable=False),
    sa.Column('status', sa.SmallInteger(), nullable=False),
    sa.Column('submitter_id', sa.Integer(), nullable=True),
    sa.Column('return_reason', sa.Text(), nullable=False),
    sa.Column('created_dt', UTCDateTime(), nullable=False),
    sa.Column('published_dt', UTCDateTime(), nullable=True),
    sa.Column('search_text', sa.Text(), nullable=False),
    sa.CheckConstraint('speaker_kind IN (1, 2, 3)', name=op.f('ck_statements_valid_enum_speaker_kind')),
    sa.CheckConstraint('delivery_status IN (0, 1, 2)', name=op.f('ck_statements_valid_enum_delivery_status')),
    sa.CheckConstraint('status IN (1, 2, 3, 4)', name=op.f('ck_statements_valid_enum_status')),
    sa.CheckConstraint('position > 0', name=op.f('ck_statements_position_positive')),
    sa.CheckConstraint("(speaker_kind = 1 AND state_code IS NOT NULL) OR (speaker_kind = 2 AND organisation_name != '') OR (speaker_kind = 3 AND office != '')", name=op.f('ck_statements_speaker_given')),
    sa.ForeignKeyConstraint(['agenda_item_id'], ['plugin_oewg.agenda_items.id'], name=op.f('fk_statements_agenda_item_id_agenda_items')),
    sa.ForeignKeyConstraint(['event_id'], ['events.events.id'], name=op.f('fk_statements_event_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['submitter_id'], ['users.users.id'], name=op.f('fk_statements_submitter_id_users')),
    sa.ForeignKeyConstraint(['organisation_id'], ['plugin_oewg.organisations.id'], name=op.f('fk_statements_organisation_id_organisations'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_statements')),
    sa.UniqueConstraint('agenda_item_id', 'position', name=op.f('uq_statements_agenda_item_id_position')),
    schema='plugin_oewg'
    )
    op.create_index(op.f('ix_statements_agenda_item_id'), 'statements', ['agenda_item_id'], unique=False, schema='plugin_oewg')
    op.create_index(op.f('ix_statements_event_id'), 'statements', ['event_id'], unique=False, schema='plugin_oewg')
    op.create_index(op.f('ix_statements_organisation_id'), 'statements', ['organisation_id'], unique=False, schema='plugin_oewg')
    op.create_index(op.f('ix_statements_published_dt'), 'statements', ['published_dt'], unique=False, schema='plugin_oewg')
    op.create_index(op.f('ix_statements_state_code'), 'statements', ['state_code'], unique=False, schema='plugin_oewg')
    op.create_index(op.f('ix_statements_status'), 'statements', ['status'], unique=False, schema='plugin_oewg')
    op.create_index(op.f('ix_statements_submitter_id'), 'statements', ['submitter_id'], unique=False, schema='plugin_oewg')
    op.execute('CREATE INDEX ix_statements_search_text_fts ON plugin_oewg.statements '
               "USING gin (to_tsvector('simple'::regconfig, indico.indico_unaccent(search_text)))")
    op.create_table('statement_files',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('statement_id', sa.Integer(), nullable=False),
    sa.Column('language', sa.String(), nullable=False),
    sa.Column('extracted_text', sa.Text(), nullable=False),
    sa.Column('filename', sa.String(), nullable=False),
    sa.Column('content_type', sa.String(), nullable=False),
    sa.Column('size', sa.BigInteger(), nullable=False),
    sa.Column('md5', sa.String(), nullable=False),
    sa.Column('storage_backend', sa.String(), nullable=False),
    sa.Column('storage_file_id', sa.String(), nullable=False),
    sa.Column('created_dt', UTCDateTime(), nullable=False),
    sa.CheckConstraint("language IN ('ar', 'zh', 'en', 'fr', 'ru', 'es', 'other')", name=op.f('ck_statement_files_valid_language')),
    sa.ForeignKeyConstraint(['statement_id'], ['plugin_oewg.statements.id'], name=op.f('fk_statement_files_statement_id_statements'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_statement_files')),
    sa.UniqueConstraint('statement_id', 'language', name=op.f('uq_statement_files_statement_id_language')),
    schema='plugin_oewg'
    )
    op.create_index(op.f('ix_statement_files_statement_id'), 'statement_files', ['statement_id'], unique=False, schema='plugin_oewg')
    op.create_table('statement_submitters',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('speaker_kind', sa.SmallInteger(), nullable=False),
    sa.Column('state_code', sa.String(), nullable=True),
    sa.Column('organisation_name', sa.String(), nullable=False),
    sa.CheckConstraint('speaker_kind IN (1, 2, 3)', name=op.f('ck_statement_submitters_valid_enum_speaker_kind')),
    sa.CheckConstraint("(speaker_kind = 1 AND state_code IS NOT NULL) OR (speaker_kind = 2 AND organisation_name != '')", name=op.f('ck_statement_submitters_delegation_given')),
    sa.ForeignKeyConstraint(['event_id'], ['events.events.id'], name=op.f('fk_statement_submitters_event_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.users.id'], name=op.f('fk_statement_submitters_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_statement_submitters')),
    schema='plugin_oewg'
    )
    op.create_index(op.f('ix_statement_submitters_event_id'), 'statement_submitters', ['event_id'], unique=False, schema='plugin_oewg')
    op.create_index(op.f('ix_statement_submitters_user_id'), 'statement_submitters', ['user_id'], unique=False, schema='plugin_oewg')


def downgrade():
    op.drop_table('statement_submitters', schema='plugin_oewg')
    op.drop_table('statement_files', schema='plugin_oewg')
    op.drop_table('statements', schema='plugin_oewg')
    op.drop_table('agenda_items', schema='plugin_oewg')
