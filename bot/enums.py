"""The fixed vocabularies the layers exchange: who someone is, where an outbox row stands.

``StrEnum`` so the values stored in the database and written in ``config.toml`` stay the same
plain strings, while the code names each one once.
"""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    """What a contact may do; a contact has exactly one."""

    PUBLIC = "public"
    PRINCIPAL = "principal"
    COORDINATOR = "coordinator"
    ADMIN = "admin"


ALL_ROLES = frozenset(Role)
STAFF_ROLES = frozenset({Role.COORDINATOR, Role.ADMIN})


class RoleSource(StrEnum):
    """Who gave a contact its staff role: the config (taken back when the config drops it) or ``/peran``."""

    CONFIG = "config"
    PERAN = "peran"


class UpdateKind(StrEnum):
    """What a person's update is, whatever the channel (the channels decide, the router acts on it)."""

    TEXT = "text"
    BUTTON = "button"  # a press whose payload was verified
    BAD_BUTTON = "bad_button"  # a stale or forged press
    MEDIA = "media"  # photo, sticker, voice, location…, or a document
    EDITED = "edited"  # an edited old message
    BLOCKED = "blocked"  # the person blocked the bot (never answered)
    UNBLOCKED = "unblocked"  # the person allowed the bot again (never answered)


class InboxStatus(StrEnum):
    """Where one received update stands."""

    PENDING = "pending"  # stored, not handled and answered yet
    DONE = "done"  # handled and answered (kept a while to drop repeats)
    DROPPED = "dropped"  # over its sender's backlog limit: never handled (kept to drop repeats)


class OutboxStatus(StrEnum):
    """Where one outbox item (one message to one recipient) stands."""

    PENDING = "pending"  # due at ``next_attempt_at``
    SENDING = "sending"  # claimed by a sender (a claim whose lease ran out is taken again)
    SENT = "sent"
    FAILED = "failed"  # for good (blocked, permanent error, attempts used up)
    CANCELLED = "cancelled"  # its circular was withdrawn before it was due


class MessageKind(StrEnum):
    """What an outbox message is: it decides its header, its read button and WhatsApp's template."""

    BROADCAST = "broadcast"  # a circular (/siaran, the staff pages)
    REMINDER = "reminder"  # a Zoom reminder before a session
    NOTICE = "notice"  # a message to one or a few people (an answer, an alert, a role change)


class MessageStatus(StrEnum):
    """Where one outbox message (a circular, reminder or notice for many recipients) stands."""

    DRAFT = "draft"  # a circular being composed: no items yet
    PENDING = "pending"  # items queued, not all settled
    DONE = "done"  # every item sent or failed, final report given
    CANCELLED = "cancelled"  # a scheduled circular withdrawn before it was due (/siaran daftar or the staff pages)


class TicketStatus(StrEnum):
    """Where a help-desk conversation (a person asking for a person) stands."""

    OPEN = "open"  # waiting for a staff member
    TAKEN = "taken"  # a staff member answered first and now owns it
    CLOSED = "closed"  # closed by staff (the person is told, unless it was dismissed as noise)
