"""Create observer accreditation tables

Revision ID: 1b7c3e5a9d20
Revises: f01250a4cc33
Create Date: 2026-11-25 18:00:00
"""

import sqlalchemy as sa
from alembic import op


# revision identifiers, used by Alembic.
revision = '1b7c3e5a9d20'
down_revision = 'f01250a4cc33'
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
