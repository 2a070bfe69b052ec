"""Create delegation registration tables

Revision ID: 3d9e5a7c1f42
Revises: 2c8d4f6b0e31
Create Date: 2026-11-25 18:00:00
"""

import sqlalchemy as sa
from alembic import op


# revision identifiers, used by Alembic.
revision = '3d9e5a7c1f42'
down_revision = '2c8d4f6b0e31'
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
