"""The database tables."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, Index, LargeBinary, Text, UniqueConstraint, false
from sqlmodel import Field, SQLModel

from bot.enums import InboxStatus, MessageStatus, OutboxStatus, Role, TicketStatus
from models.types import UTCDateTime, utcnow


class Contact(SQLModel, table=True):
    """A person reachable on one channel, identified as ``CHANNEL:ID``."""

    id: str = Field(primary_key=True, max_length=80)
    channel: str = Field(max_length=16, index=True)
    external_id: str = Field(max_length=64)
    name: str = Field(default="", max_length=200)
    role: str = Field(default=Role.PUBLIC, max_length=16, index=True)
    role_source: str | None = Field(default=None, max_length=8)  # RoleSource: who gave the staff role
    language: str = Field(default="id", max_length=4)
    kecamatan: str | None = Field(default=None, max_length=64, index=True)
    reminders: bool = Field(default=False)
    reachable: bool = Field(default=True)
    last_inbound_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime(), nullable=True))
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))
    updated_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))


class ConversationState(SQLModel, table=True):
    """Where a contact is inside a form; one row per contact while a form is open."""

    __tablename__ = "conversation_state"

    contact_id: str = Field(primary_key=True, foreign_key="contact.id", max_length=80)
    form: str = Field(max_length=32)
    step: str = Field(max_length=32)
    data: str = Field(default="{}", sa_column=Column(Text(), nullable=False))
    started_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))
    updated_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))


class Question(SQLModel, table=True):
    """A question the FAQ could not answer, kept for the admins (``/pertanyaan``)."""

    id: int | None = Field(default=None, primary_key=True)
    contact_id: str = Field(foreign_key="contact.id", max_length=80, index=True)
    text: str = Field(sa_column=Column(Text(), nullable=False))
    group_key: str = Field(max_length=200, index=True)
    language: str = Field(default="id", max_length=4)
    in_domain: bool = Field(default=True)
    asked_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))
    answered_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime(), nullable=True))
    answered_by: str | None = Field(default=None, max_length=80)
    answer: str | None = Field(default=None, sa_column=Column(Text(), nullable=True))
    # Dismissed as noise by staff ("Abaikan"): out of the inbox, the asker is not messaged.
    dismissed_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime(), nullable=True))
    dismissed_by: str | None = Field(default=None, max_length=80)


class Registration(SQLModel, table=True):
    """A principal's PSP registration: one per NPSN, one per contact.

    ``/hapusdata`` erases the person but keeps the row for the counts: ``contact_id``, ``npsn``
    and ``birth_date`` become NULL, the texts empty, ``erased_at`` is set. Queries for people
    (:func:`models.registrations.registration_of`, exports, lists) never see such a row.
    """

    id: int | None = Field(default=None, primary_key=True)
    contact_id: str | None = Field(default=None, foreign_key="contact.id", max_length=80, unique=True)
    nama: str = Field(max_length=100)
    nip: str | None = Field(default=None, max_length=18)
    birth_date: date | None = Field(default=None)
    gender: str | None = Field(default=None, max_length=1)
    tmt: str | None = Field(default=None, max_length=7)
    npsn: str | None = Field(default=None, max_length=8, unique=True)
    sekolah: str = Field(max_length=120)
    jenjang: str = Field(max_length=16, index=True)
    kecamatan: str = Field(max_length=64, index=True)
    status: str = Field(max_length=16)
    phone: str = Field(max_length=16)
    email: str | None = Field(default=None, max_length=254)
    eligible: bool = Field(default=False, index=True)
    reasons: str = Field(default="[]", sa_column=Column(Text(), nullable=False))
    submitted_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))
    updated_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))
    consent_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime(), nullable=True))  # privacy notice accepted
    erased_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime(), nullable=True))


class OutboxMessage(SQLModel, table=True):
    """Something to deliver to many contacts: a circular, a reminder, a notice."""

    __tablename__ = "outbox_message"

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=16, index=True)  # MessageKind: broadcast | reminder | notice
    text: str = Field(sa_column=Column(Text(), nullable=False))
    text_en: str | None = Field(default=None, sa_column=Column(Text(), nullable=True))  # for English contacts
    document_name: str | None = Field(default=None, max_length=200)
    document_mime: str | None = Field(default=None, max_length=100)
    document: bytes | None = Field(default=None, sa_column=Column(LargeBinary(), nullable=True))
    ack_button: bool = Field(default=False)
    audience: str = Field(default="{}", sa_column=Column(Text(), nullable=False))
    created_by: str | None = Field(default=None, max_length=80)
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))
    send_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))
    total: int = Field(default=0)
    status: str = Field(default=MessageStatus.PENDING, max_length=16, index=True)  # MessageStatus
    progress_message_id: str | None = Field(default=None, max_length=64)
    finished_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime(), nullable=True))
    dedupe_key: str | None = Field(default=None, max_length=120, unique=True)
    # Buttons under a notice, as JSON rows of [label locale key, payload]: labels are rendered in
    # each recipient's language when sent, payloads signed for each recipient by the channel.
    buttons: str | None = Field(default=None, sa_column=Column(Text(), nullable=True))


class OutboxItem(SQLModel, table=True):
    """One message to one recipient: the unit the sender claims, sends, retries."""

    __tablename__ = "outbox_item"
    __table_args__ = (UniqueConstraint("message_id", "contact_id"), Index("ix_outbox_item_due", "status", "next_attempt_at"))

    id: int | None = Field(default=None, primary_key=True)
    message_id: int = Field(foreign_key="outbox_message.id", index=True)
    contact_id: str = Field(foreign_key="contact.id", max_length=80, index=True)
    channel: str = Field(max_length=16)
    external_id: str = Field(max_length=64)
    status: str = Field(default=OutboxStatus.PENDING, max_length=16)  # OutboxStatus
    attempts: int = Field(default=0)
    next_attempt_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))
    claimed_by: str | None = Field(default=None, max_length=64)
    claimed_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime(), nullable=True))
    error: str | None = Field(default=None, max_length=300)
    # The platform said the conversation window is closed (WhatsApp 131047): send it as a template.
    needs_template: bool = Field(default=False, sa_column_kwargs={"server_default": false()})
    platform_message_id: str | None = Field(default=None, max_length=128, index=True)
    platform_status: str | None = Field(default=None, max_length=16)
    sent_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime(), nullable=True))
    acknowledged_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime(), nullable=True))


class InboxItem(SQLModel, table=True):
    """One update a platform delivered, stored before it is acknowledged; handled from here.

    ``key`` is the platform's own id (``telegram:<update_id>``, ``whatsapp:<message id>``), so a
    repeated delivery hits the unique index and is dropped. A row is ``pending`` until handled,
    then ``done``; ``dropped`` when it came past the contact's backlog limit. While a process
    works on a contact it holds the contact's oldest pending row (``claimed_by``); ``replies``
    holds the decided answers until they are delivered (a crash in between sends them again).
    """

    __tablename__ = "inbox"
    __table_args__ = (Index("ix_inbox_contact_status", "contact_id", "status", "id"), Index("ix_inbox_status", "status", "id"))

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(max_length=200, unique=True)
    channel: str = Field(max_length=16)
    contact_id: str = Field(max_length=80)
    payload: str = Field(sa_column=Column(Text(), nullable=False))
    status: str = Field(default=InboxStatus.PENDING, max_length=16)  # InboxStatus
    claimed_by: str | None = Field(default=None, max_length=64)
    claimed_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime(), nullable=True))
    replies: str | None = Field(default=None, sa_column=Column(Text(), nullable=True))
    received_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False, index=True))


class NumberedMenu(SQLModel, table=True):
    """The choices of the last numbered text menu sent to a contact, so a typed number can be read back."""

    __tablename__ = "numbered_menu"

    contact_id: str = Field(primary_key=True, max_length=80)
    payloads: str = Field(sa_column=Column(Text(), nullable=False))  # JSON list, choice 1 first
    sent_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))


class WebLogin(SQLModel, table=True):
    """A one-time link into the staff web pages, sent by ``/dasbor``; only its hash is stored."""

    __tablename__ = "web_login"

    token_hash: str = Field(primary_key=True, max_length=64)
    contact_id: str = Field(foreign_key="contact.id", max_length=80, index=True)
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))
    expires_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    used_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime(), nullable=True))


class WebSession(SQLModel, table=True):
    """A staff member logged into the web pages; the cookie holds the token, the table its hash."""

    __tablename__ = "web_session"

    token_hash: str = Field(primary_key=True, max_length=64)
    contact_id: str = Field(foreign_key="contact.id", max_length=80, index=True)
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))
    expires_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False, index=True))


class HelpdeskTicket(SQLModel, table=True):
    """A conversation between one person and the staff (``/petugas``), open until staff close it."""

    __tablename__ = "helpdesk_ticket"

    id: int | None = Field(default=None, primary_key=True)
    contact_id: str = Field(foreign_key="contact.id", max_length=80, index=True)
    status: str = Field(default=TicketStatus.OPEN, max_length=16, index=True)  # TicketStatus
    kecamatan: str | None = Field(default=None, max_length=64, index=True)  # routes it to that coordinator
    assigned_to: str | None = Field(default=None, max_length=80)  # the staff member who answered first
    opened_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))
    last_message_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))
    answered_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime(), nullable=True))
    waiting_since: datetime | None = Field(default=None, sa_column=Column(UTCDateTime(), nullable=True))  # person wrote, staff not yet
    reminded_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime(), nullable=True))
    closed_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime(), nullable=True))
    closed_by: str | None = Field(default=None, max_length=80)
    dismissed: bool = Field(default=False, sa_column_kwargs={"server_default": false()})


class HelpdeskMessage(SQLModel, table=True):
    """One message of a help-desk conversation, from the person or from staff."""

    __tablename__ = "helpdesk_message"

    id: int | None = Field(default=None, primary_key=True)
    ticket_id: int = Field(foreign_key="helpdesk_ticket.id", index=True)
    author_id: str = Field(max_length=80)
    from_staff: bool = Field(default=False)
    text: str = Field(default="", sa_column=Column(Text(), nullable=False))
    document_name: str | None = Field(default=None, max_length=200)
    document_mime: str | None = Field(default=None, max_length=100)
    document: bytes | None = Field(default=None, sa_column=Column(LargeBinary(), nullable=True))
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))
