"""outbox items say whether they must go as a template

Revision ID: 0007_tidy
Revises: 0006
Create Date: 2026-11-28 22:25:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_tidy"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply."""
    with op.batch_alter_table("outbox_item", schema=None) as batch_op:
        batch_op.add_column(sa.Column("needs_template", sa.Boolean(), nullable=False, server_default=sa.false()))
    # Rows queued again by an older version carried the need only in their error text.
    op.execute("UPDATE outbox_item SET needs_template = true WHERE status = 'pending' AND error LIKE '131047%'")


def downgrade() -> None:
    """Revert."""
    with op.batch_alter_table("outbox_item", schema=None) as batch_op:
        batch_op.drop_column("needs_template")
