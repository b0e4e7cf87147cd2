"""inbox of received updates (replaces seen_message), numbered menus

Revision ID: 0008_inbox
Revises: 0010_web
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

import models.types


revision = "0008_inbox"
down_revision = "0010_web"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply."""
    op.create_table(
        "inbox",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("channel", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("contact_id", sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("claimed_by", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
        sa.Column("claimed_at", models.types.UTCDateTime(), nullable=True),
        sa.Column("replies", sa.Text(), nullable=True),
        sa.Column("received_at", models.types.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("key"),
    )
    with op.batch_alter_table("inbox", schema=None) as batch_op:
        batch_op.create_index("ix_inbox_contact_status", ["contact_id", "status", "id"], unique=False)
        batch_op.create_index("ix_inbox_status", ["status", "id"], unique=False)
        batch_op.create_index(batch_op.f("ix_inbox_received_at"), ["received_at"], unique=False)
    op.create_table(
        "numbered_menu",
        sa.Column("contact_id", sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
        sa.Column("payloads", sa.Text(), nullable=False),
        sa.Column("sent_at", models.types.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("contact_id"),
    )
    # WhatsApp message ids seen before this version stay known: a late repeat is still dropped.
    op.execute(
        "INSERT INTO inbox (key, channel, contact_id, payload, status, received_at) "
        "SELECT id, 'whatsapp', '', '', 'done', seen_at FROM seen_message"
    )
    with op.batch_alter_table("seen_message", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_seen_message_seen_at"))
    op.drop_table("seen_message")


def downgrade() -> None:
    """Revert."""
    op.create_table(
        "seen_message",
        sa.Column("id", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("seen_at", models.types.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("seen_message", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_seen_message_seen_at"), ["seen_at"], unique=False)
    op.execute("INSERT INTO seen_message (id, seen_at) SELECT key, received_at FROM inbox WHERE channel = 'whatsapp'")
    op.drop_table("numbered_menu")
    with op.batch_alter_table("inbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_inbox_received_at"))
        batch_op.drop_index("ix_inbox_status")
        batch_op.drop_index("ix_inbox_contact_status")
    op.drop_table("inbox")
