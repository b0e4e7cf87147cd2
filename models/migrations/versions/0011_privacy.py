"""where a role came from, consent to the privacy notice, erased registrations

Revision ID: 0011_privacy
Revises: 0008_inbox
Create Date: 2026-11-28 23:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

import models.types

revision = "0011_privacy"
down_revision = "0008_inbox"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply."""
    with op.batch_alter_table("contact", schema=None) as batch_op:
        # "config" or "peran": which roles the config may take back on start. Roles stored before
        # this column existed stay NULL until the next start sorts them out.
        batch_op.add_column(sa.Column("role_source", sqlmodel.sql.sqltypes.AutoString(length=8), nullable=True))
    with op.batch_alter_table("registration", schema=None) as batch_op:
        batch_op.add_column(sa.Column("consent_at", models.types.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column("erased_at", models.types.UTCDateTime(), nullable=True))
        # An erased registration keeps only what the counts need: no person, school number or birth date.
        batch_op.alter_column("contact_id", existing_type=sqlmodel.sql.sqltypes.AutoString(length=80), nullable=True)
        batch_op.alter_column("npsn", existing_type=sqlmodel.sql.sqltypes.AutoString(length=8), nullable=True)
        batch_op.alter_column("birth_date", existing_type=sa.Date(), nullable=True)


def downgrade() -> None:
    """Revert (erased registrations cannot be kept by the older schema)."""
    op.execute("DELETE FROM registration WHERE erased_at IS NOT NULL")
    with op.batch_alter_table("registration", schema=None) as batch_op:
        batch_op.alter_column("birth_date", existing_type=sa.Date(), nullable=False)
        batch_op.alter_column("npsn", existing_type=sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False)
        batch_op.alter_column("contact_id", existing_type=sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False)
        batch_op.drop_column("erased_at")
        batch_op.drop_column("consent_at")
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.drop_column("role_source")
