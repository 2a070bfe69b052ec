"""Create statement tables

Revision ID: 2c8d4f6b0e31
Revises: 1b7c3e5a9d20
Create Date: 2026-11-25 18:00:00
"""

import sqlalchemy as sa
from alembic import op


# revision identifiers, used by Alembic.
revision = '2c8d4f6b0e31'
down_revision = '1b7c3e5a9d20'
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
