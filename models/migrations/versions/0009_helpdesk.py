"""help desk: tickets and their messages, dismissed questions, buttons under notices

Revision ID: 0009_helpdesk
Revises: 0008_inbox
Create Date: 2026-11-28 23:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from models.types import UTCDateTime

revision = "0009_helpdesk"
down_revision = "0011_privacy"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply."""
    op.create_table(
        "helpdesk_ticket",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("contact_id", sa.String(length=80), sa.ForeignKey("contact.id"), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("kecamatan", sa.String(length=64), nullable=True),
        sa.Column("assigned_to", sa.String(length=80), nullable=True),
        sa.Column("opened_at", UTCDateTime(), nullable=False),
        sa.Column("last_message_at", UTCDateTime(), nullable=False),
        sa.Column("answered_at", UTCDateTime(), nullable=True),
        sa.Column("waiting_since", UTCDateTime(), nullable=True),
        sa.Column("reminded_at", UTCDateTime(), nullable=True),
        sa.Column("closed_at", UTCDateTime(), nullable=True),
        sa.Column("closed_by", sa.String(length=80), nullable=True),
        sa.Column("dismissed", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.create_index("ix_helpdesk_ticket_contact_id", "helpdesk_ticket", ["contact_id"])
    op.create_index("ix_helpdesk_ticket_status", "helpdesk_ticket", ["status"])
    op.create_index("ix_helpdesk_ticket_kecamatan", "helpdesk_ticket", ["kecamatan"])
    op.create_table(
        "helpdesk_message",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("ticket_id", sa.Integer(), sa.ForeignKey("helpdesk_ticket.id"), nullable=False),
        sa.Column("author_id", sa.String(length=80), nullable=False),
        sa.Column("from_staff", sa.Boolean(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("document_name", sa.String(length=200), nullable=True),
        sa.Column("document_mime", sa.String(length=100), nullable=True),
        sa.Column("document", sa.LargeBinary(), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
    )
    op.create_index("ix_helpdesk_message_ticket_id", "helpdesk_message", ["ticket_id"])
    with op.batch_alter_table("question", schema=None) as batch_op:
        batch_op.add_column(sa.Column("dismissed_at", UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column("dismissed_by", sa.String(length=80), nullable=True))
    with op.batch_alter_table("outbox_message", schema=None) as batch_op:
        batch_op.add_column(sa.Column("buttons", sa.Text(), nullable=True))


def downgrade() -> None:
    """Revert."""
    with op.batch_alter_table("outbox_message", schema=None) as batch_op:
        batch_op.drop_column("buttons")
    with op.batch_alter_table("question", schema=None) as batch_op:
        batch_op.drop_column("dismissed_by")
        batch_op.drop_column("dismissed_at")
    op.drop_table("helpdesk_message")
    op.drop_table("helpdesk_ticket")
