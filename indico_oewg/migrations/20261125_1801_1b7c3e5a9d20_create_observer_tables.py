"""Create observer accreditation tables

Revision ID: 1b7c3e5a9d20
Revises: f01250a4cc33
Create Date: 2026-11-25 18:00:00
"""

import sqlalchemy as sa
from alembic import op

from indico.core.db.sqlalchemy import UTCDateTime


# revision identifiers, used by Alembic.
revision = '1b7c3e5a9d20'
down_revision = 'f01250a4cc33'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('no_objection_periods',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('state', sa.SmallInteger(), nullable=False),
    sa.Column('deadline_dt', UTCDateTime(), nullable=False),
    sa.Column('opened_dt', UTCDateTime(), nullable=False),
    sa.Column('closed_dt', UTCDateTime(), nullable=True),
    sa.Column('closed_by_id', sa.Integer(), nullable=True),
    sa.CheckConstraint('state IN (1, 2)', name=op.f('ck_no_objection_periods_valid_enum_state')),
    sa.ForeignKeyConstraint(['closed_by_id'], ['users.users.id'], name=op.f('fk_no_objection_periods_closed_by_id_users')),
    sa.ForeignKeyConstraint(['event_id'], ['events.events.id'], name=op.f('fk_no_objection_periods_event_id_events'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_no_objection_periods')),
    schema='plugin_oewg'
    )
    op.create_index(op.f('ix_no_objection_periods_closed_by_id'), 'no_objection_periods', ['closed_by_id'], unique=False, schema='plugin_oewg')
    op.create_index(op.f('ix_uq_no_objection_periods_event_id'), 'no_objection_periods', ['event_id'], unique=True, schema='plugin_oewg')
    op.create_table('observer_files',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('working_group_id', sa.Integer(), nullable=False),
    sa.Column('filename', sa.String(), nullable=False),
    sa.Column('content_type', sa.String(), nullable=False),
    sa.Column('size', sa.BigInteger(), nullable=False),
    sa.Column('md5', sa.String(), nullable=False),
    sa.Column('storage_backend', sa.String(), nullable=False),
    sa.Column('storage_file_id', sa.String(), nullable=False),
    sa.Column('created_dt', UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['working_group_id'], ['plugin_oewg.working_groups.id'], name=op.f('fk_observer_files_working_group_id_working_groups'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_observer_files')),
    schema='plugin_oewg'
    )
    op.create_index(op.f('ix_observer_files_working_group_id'), 'observer_files', ['working_group_id'], unique=False, schema='plugin_oewg')
    op.create_table('organisations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('working_group_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('name_fr', sa.String(), nullable=False),
    sa.Column('acronym', sa.String(), nullable=False),
    sa.Column('kind', sa.SmallInteger(), nullable=False),
    sa.Column('ecosoc_status', sa.SmallInteger(), nullable=False),
    sa.Column('website', sa.String(), nullable=False),
    sa.Column('country', sa.String(length=3), nullable=True),
    sa.Column('contact_email', sa.String(), nullable=False),
    sa.Column('mission_statement', sa.Text(), nullable=False),
    sa.Column('mission_statement_file_id', sa.Integer(), nullable=True),
    sa.Column('merged_into_id', sa.Integer(), nullable=True),
    sa.Column('created_dt', UTCDateTime(), nullable=False),
    sa.CheckConstraint('ecosoc_status IN (0, 1, 2, 3)', name=op.f('ck_organisations_valid_enum_ecosoc_status')),
    sa.CheckConstraint('kind IN (1, 2, 3, 4, 5)', name=op.f('ck_organisations_valid_enum_kind')),
    sa.ForeignKeyConstraint(['merged_into_id'], ['plugin_oewg.organisations.id'], name=op.f('fk_organisations_merged_into_id_organisations')),
    sa.ForeignKeyConstraint(['mission_statement_file_id'], ['plugin_oewg.observer_files.id'], name=op.f('fk_organisations_mission_statement_file_id_observer_files')),
    sa.ForeignKeyConstraint(['working_group_id'], ['plugin_oewg.working_groups.id'], name=op.f('fk_organisations_working_group_id_working_groups'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_organisations')),
    schema='plugin_oewg'
    )
    op.create_index(op.f('ix_organisations_merged_into_id'), 'organisations', ['merged_into_id'], unique=False, schema='plugin_oewg')
    op.create_index(op.f('ix_organisations_mission_statement_file_id'), 'organisations', ['mission_statement_file_id'], unique=False, schema='plugin_oewg')
    op.create_index(op.f('ix_organisations_working_group_id'), 'organisations', ['working_group_id'], unique=False, schema='plugin_oewg')
    op.create_table('observer_requests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('requester_id', sa.Integer(), nullable=False),
    sa.Column('state', sa.SmallInteger(), nullable=False),
    sa.Column('letter_file_id', sa.Integer(), nullable=False),
    sa.Column('ecosoc_status', sa.SmallInteger(), nullable=False),
    sa.Column('mission_statement', sa.Text(), nullable=False),
    sa.Column('mission_statement_file_id', sa.Integer(), nullable=True),
    sa.Column('info_request', sa.Text(), nullable=False),
    sa.Column('decline_reason', sa.Text(), nullable=False),
    sa.Column('submitted_dt', UTCDateTime(), nullable=False),
    sa.Column('modified_dt', UTCDateTime(), nullable=True),
    sa.Column('decided_dt', UTCDateTime(), nullable=True),
    sa.CheckConstraint('ecosoc_status IN (0, 1, 2, 3)', name=op.f('ck_observer_requests_valid_enum_ecosoc_status')),
    sa.CheckConstraint('state IN (1, 2, 3, 4, 5, 6, 7)', name=op.f('ck_observer_requests_valid_enum_state')),
    sa.ForeignKeyConstraint(['event_id'], ['events.events.id'], name=op.f('fk_observer_requests_event_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['letter_file_id'], ['plugin_oewg.observer_files.id'], name=op.f('fk_observer_requests_letter_file_id_observer_files')),
    sa.ForeignKeyConstraint(['mission_statement_file_id'], ['plugin_oewg.observer_files.id'], name=op.f('fk_observer_requests_mission_statement_file_id_observer_files')),
    sa.ForeignKeyConstraint(['organisation_id'], ['plugin_oewg.organisations.id'], name=op.f('fk_observer_requests_organisation_id_organisations')),
    sa.ForeignKeyConstraint(['requester_id'], ['users.users.id'], name=op.f('fk_observer_requests_requester_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_observer_requests')),
    schema='plugin_oewg'
    )
    op.create_index(op.f('ix_observer_requests_event_id'), 'observer_requests', ['event_id'], unique=False, schema='plugin_oewg')
    op.create_index(op.f('ix_observer_requests_letter_file_id'), 'observer_requests', ['letter_file_id'], unique=False, schema='plugin_oewg')
    op.create_index(op.f('ix_observer_requests_mission_statement_file_id'), 'observer_requests', ['mission_statement_file_id'], unique=False, schema='plugin_oewg')
    op.create_index(op.f('ix_observer_requests_organisation_id'), 'observer_requests', ['organisation_id'], unique=False, schema='plugin_oewg')
    op.create_index(op.f('ix_observer_requests_requester_id'), 'observer_requests', ['requester_id'], unique=False, schema='plugin_oewg')
    op.create_index(op.f('ix_uq_observer_requests_event_id_organisation_id'), 'observer_requests', ['event_id', 'organisation_id'], unique=True, schema='plugin_oewg', postgresql_where=sa.text('state IN (1, 2)'))
    op.create_table('accreditations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('working_group_id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('request_id', sa.Integer(), nullable=True),
    sa.Column('created_dt', UTCDateTime(), nullable=False),
    sa.Column('revoked_dt', UTCDateTime(), nullable=True),
    sa.Column('revoked_from_event_id', sa.Integer(), nullable=True),
    sa.Column('revoked_by_id', sa.Integer(), nullable=True),
    sa.Column('revocation_reason', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['events.events.id'], name=op.f('fk_accreditations_event_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['organisation_id'], ['plugin_oewg.organisations.id'], name=op.f('fk_accreditations_organisation_id_organisations')),
    sa.ForeignKeyConstraint(['request_id'], ['plugin_oewg.observer_requests.id'], name=op.f('fk_accreditations_request_id_observer_requests'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['revoked_by_id'], ['users.users.id'], name=op.f('fk_accreditations_revoked_by_id_users')),
    sa.ForeignKeyConstraint(['revoked_from_event_id'], ['events.events.id'], name=op.f('fk_accreditations_revoked_from_event_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['working_group_id'], ['plugin_oewg.working_groups.id'], name=op.f('fk_accreditations_working_group_id_working_groups'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_accreditations')),
    schema='plugin_oewg'
    )
    op.create_index(op.f('ix_accreditations_event_id'), 'accreditations', ['event_id'], unique=False, schema='plugin_oewg')
    op.create_index(op.f('ix_accreditations_organisation_id'), 'accreditations', ['organisation_id'], unique=False, schema='plugin_oewg')
    op.create_index(op.f('ix_accreditations_request_id'), 'accreditations', ['request_id'], unique=False, schema='plugin_oewg')
    op.create_index(op.f('ix_accreditations_revoked_by_id'), 'accreditations', ['revoked_by_id'], unique=False, schema='plugin_oewg')
    op.create_index(op.f('ix_accreditations_revoked_from_event_id'), 'accreditations', ['revoked_from_event_id'], unique=False, schema='plugin_oewg')
    op.create_index(op.f('ix_accreditations_working_group_id'), 'accreditations', ['working_group_id'], unique=False, schema='plugin_oewg')
    op.create_table('objections',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('period_id', sa.Integer(), nullable=False),
    sa.Column('request_id', sa.Integer(), nullable=False),
    sa.Column('state_iso3', sa.String(length=3), nullable=False),
    sa.Column('basis', sa.Text(), nullable=False),
    sa.Column('created_dt', UTCDateTime(), nullable=False),
    sa.Column('recorded_by_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['period_id'], ['plugin_oewg.no_objection_periods.id'], name=op.f('fk_objections_period_id_no_objection_periods'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['users.users.id'], name=op.f('fk_objections_recorded_by_id_users')),
    sa.ForeignKeyConstraint(['request_id'], ['plugin_oewg.observer_requests.id'], name=op.f('fk_objections_request_id_observer_requests'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_objections')),
    sa.UniqueConstraint('request_id', 'state_iso3', name=op.f('uq_objections_request_id_state_iso3')),
    schema='plugin_oewg'
    )
    op.create_index(op.f('ix_objections_period_id'), 'objections', ['period_id'], unique=False, schema='plugin_oewg')
    op.create_index(op.f('ix_objections_recorded_by_id'), 'objections', ['recorded_by_id'], unique=False, schema='plugin_oewg')
    op.create_index(op.f('ix_objections_request_id'), 'objections', ['request_id'], unique=False, schema='plugin_oewg')
    op.create_table('observer_representatives',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('request_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('full_name', sa.String(), nullable=False),
    sa.Column('title', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['request_id'], ['plugin_oewg.observer_requests.id'], name=op.f('fk_observer_representatives_request_id_observer_requests'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_observer_representatives')),
    schema='plugin_oewg'
    )
    op.create_index(op.f('ix_observer_representatives_request_id'), 'observer_representatives', ['request_id'], unique=False, schema='plugin_oewg')


def downgrade():
    op.drop_index(op.f('ix_observer_representatives_request_id'), table_name='observer_representatives', schema='plugin_oewg')
    op.drop_table('observer_representatives', schema='plugin_oewg')
    op.drop_index(op.f('ix_objections_request_id'), table_name='objections', schema='plugin_oewg')
    op.drop_index(op.f('ix_objections_recorded_by_id'), table_name='objections', schema='plugin_oewg')
    op.drop_index(op.f('ix_objections_period_id'), table_name='objections', schema='plugin_oewg')
    op.drop_table('objections', schema='plugin_oewg')
    op.drop_index(op.f('ix_accreditations_working_group_id'), table_name='accreditations', schema='plugin_oewg')
    op.drop_index(op.f('ix_accreditations_revoked_from_event_id'), table_name='accreditations', schema='plugin_oewg')
    op.drop_index(op.f('ix_accreditations_revoked_by_id'), table_name='accreditations', schema='plugin_oewg')
    op.drop_index(op.f('ix_accreditations_request_id'), table_name='accreditations', schema='plugin_oewg')
    op.drop_index(op.f('ix_accreditations_organisation_id'), table_name='accreditations', schema='plugin_oewg')
    op.drop_index(op.f('ix_accreditations_event_id'), table_name='accreditations', schema='plugin_oewg')
    op.drop_table('accreditations', schema='plugin_oewg')
    op.drop_index(op.f('ix_uq_observer_requests_event_id_organisation_id'), table_name='observer_requests', schema='plugin_oewg', postgresql_where=sa.text('state IN (1, 2)'))
    op.drop_index(op.f('ix_observer_requests_requester_id'), table_name='observer_requests', schema='plugin_oewg')
    op.drop_index(op.f('ix_observer_requests_organisation_id'), table_name='observer_requests', schema='plugin_oewg')
    op.drop_index(op.f('ix_observer_requests_mission_statement_file_id'), table_name='observer_requests', schema='plugin_oewg')
    op.drop_index(op.f('ix_observer_requests_letter_file_id'), table_name='observer_requests', schema='plugin_oewg')
    op.drop_index(op.f('ix_observer_requests_event_id'), table_name='observer_requests', schema='plugin_oewg')
    op.drop_table('observer_requests', schema='plugin_oewg')
    op.drop_index(op.f('ix_organisations_working_group_id'), table_name='organisations', schema='plugin_oewg')
    op.drop_index(op.f('ix_organisations_mission_statement_file_id'), table_name='organisations', schema='plugin_oewg')
    op.drop_index(op.f('ix_organisations_merged_into_id'), table_name='organisations', schema='plugin_oewg')
    op.drop_table('organisations', schema='plugin_oewg')
    op.drop_index(op.f('ix_observer_files_working_group_id'), table_name='observer_files', schema='plugin_oewg')
    op.drop_table('observer_files', schema='plugin_oewg')
    op.drop_index(op.f('ix_uq_no_objection_periods_event_id'), table_name='no_objection_periods', schema='plugin_oewg')
    op.drop_index(op.f('ix_no_objection_periods_closed_by_id'), table_name='no_objection_periods', schema='plugin_oewg')
    op.drop_table('no_objection_periods', schema='plugin_oewg')
