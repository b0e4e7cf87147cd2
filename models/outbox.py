"""The persistent outbox: one row per (message, recipient), claimed, sent, retried, reported."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, or_, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.enums import MessageKind, MessageStatus, OutboxStatus
from models.tables import Contact, OutboxItem, OutboxMessage, Registration


async def create_message(
    session: AsyncSession,
    kind: str,
    text: str,
    *,
    created_by: str | None = None,
    ack_button: bool = False,
    status: str = MessageStatus.PENDING,
    now: datetime,
) -> OutboxMessage:
    """A message row (``draft`` while an admin is still composing)."""
    message = OutboxMessage(
        kind=kind,
        text=text,
        created_by=created_by,
        ack_button=ack_button,
        status=status,
        created_at=now,
        send_at=now,
    )
    session.add(message)
    await session.flush()
    return message


async def delete_drafts_of(session: AsyncSession, contact_id: str) -> int:
    """Delete the circulars ``contact_id`` is composing (text and document live in the draft row)."""
    drafts = await session.exec(select(OutboxMessage).where(OutboxMessage.created_by == contact_id, OutboxMessage.status == MessageStatus.DRAFT))
    count = 0
    for message in drafts:
        await session.delete(message)
        count += 1
    return count


async def enqueue(session: AsyncSession, message: OutboxMessage, recipients: Sequence[Contact], send_at: datetime) -> int:
    """One pending row per recipient (each contact once), due at ``send_at``."""
    assert message.id is not None
    seen: set[str] = set()
    for contact in recipients:
        if contact.id in seen:
            continue
        seen.add(contact.id)
        session.add(OutboxItem(message_id=message.id, contact_id=contact.id, channel=contact.channel, external_id=contact.external_id, next_attempt_at=send_at))
    message.total = len(seen)
    message.send_at = send_at
    message.status = MessageStatus.PENDING
    await session.flush()
    return len(seen)


async def enqueue_once(session: AsyncSession, dedupe_key: str, build: OutboxMessage, recipients: Sequence[Contact], send_at: datetime) -> int | None:
    """Enqueue unless a message with ``dedupe_key`` exists already (a reminder job that ran twice)."""
    existing = await session.exec(select(OutboxMessage).where(OutboxMessage.dedupe_key == dedupe_key))
    if existing.first() is not None:
        return None
    build.dedupe_key = dedupe_key
    session.add(build)
    try:
        async with session.begin_nested():
            await session.flush()
    except IntegrityError:  # another process won the race
        return None
    return await enqueue(session, build, recipients, send_at)


async def claim_due(session: AsyncSession, worker: str, now: datetime, limit: int, lease: timedelta, postgres: bool) -> list[OutboxItem]:
    """Take up to ``limit`` due rows for this worker.

    Due: pending and past its next attempt, or ``sending`` under a lease that ran out (the
    worker that held it crashed). On PostgreSQL ``FOR UPDATE SKIP LOCKED`` keeps concurrent
    senders off each other's rows.
    """
    due = or_(
        (col(OutboxItem.status) == OutboxStatus.PENDING) & (col(OutboxItem.next_attempt_at) <= now),
        (col(OutboxItem.status) == OutboxStatus.SENDING) & (col(OutboxItem.claimed_at) < now - lease),
    )
    query = select(OutboxItem).where(due).order_by(col(OutboxItem.next_attempt_at), col(OutboxItem.id)).limit(limit)
    if postgres:
        query = query.with_for_update(skip_locked=True)
    items = list(await session.exec(query))
    if items:
        ids = [i.id for i in items]
        await session.exec(update(OutboxItem).where(col(OutboxItem.id).in_(ids)).values(status=OutboxStatus.SENDING, claimed_by=worker, claimed_at=now))  # type: ignore[call-overload]
        for item in items:
            item.status, item.claimed_by, item.claimed_at = OutboxStatus.SENDING, worker, now
    return items


async def release_claims(session: AsyncSession, workers: Sequence[str]) -> int:
    """Give back the rows claimed by these (dead) workers, so they are sent without waiting for the lease."""
    if not workers:
        return 0
    result = await session.exec(  # type: ignore[call-overload]
        update(OutboxItem)
        .where(col(OutboxItem.status) == OutboxStatus.SENDING, col(OutboxItem.claimed_by).in_(list(workers)))
        .values(status=OutboxStatus.PENDING, claimed_by=None, claimed_at=None)
    )
    return int(result.rowcount or 0)


async def claim_holders(session: AsyncSession) -> list[str]:
    """Workers that hold claimed rows now."""
    result = await session.exec(select(OutboxItem.claimed_by).where(OutboxItem.status == OutboxStatus.SENDING).distinct())
    return [w for w in result if w]


@dataclass
class Progress:
    """Delivery counts of one message."""

    total: int
    sent: int
    failed: int
    blocked: int
    acknowledged: int

    @property
    def left(self) -> int:
        """Rows not finished yet."""
        return self.total - self.sent - self.failed


async def progress_of(session: AsyncSession, message_id: int) -> Progress:
    """Counts by status for one message."""
    rows = await session.exec(
        select(OutboxItem.status, func.count(), func.count(col(OutboxItem.acknowledged_at)))  # type: ignore[call-overload]
        .where(OutboxItem.message_id == message_id)
        .group_by(OutboxItem.status)
    )
    counts = {status: (n, acks) for status, n, acks in rows}
    blocked = await session.exec(
        select(func.count())
        .select_from(OutboxItem)
        .where(OutboxItem.message_id == message_id, OutboxItem.status == OutboxStatus.FAILED, OutboxItem.error == "blocked")
    )
    return Progress(
        total=sum(n for n, _ in counts.values()),
        sent=counts.get(OutboxStatus.SENT, (0, 0))[0],
        failed=counts.get(OutboxStatus.FAILED, (0, 0))[0],
        blocked=int(blocked.one()),
        acknowledged=sum(a for _, a in counts.values()),
    )


async def acknowledge(session: AsyncSession, message_id: int, contact_id: str, now: datetime) -> bool | None:
    """Record "Sudah dibaca"; None when the contact never got that message, False when already recorded."""
    result = await session.exec(select(OutboxItem).where(OutboxItem.message_id == message_id, OutboxItem.contact_id == contact_id))
    item = result.first()
    if item is None:
        return None
    if item.acknowledged_at is not None:
        return False
    item.acknowledged_at = now
    return True


async def recent_broadcasts(session: AsyncSession, limit: int = 5) -> list[OutboxMessage]:
    """The latest circulars, newest first."""
    result = await session.exec(
        select(OutboxMessage)
        .where(OutboxMessage.kind == MessageKind.BROADCAST, OutboxMessage.status != MessageStatus.DRAFT)
        .order_by(col(OutboxMessage.created_at).desc())
        .limit(limit)
    )
    return list(result)


# -- scheduled circulars: listed, called off or corrected before their time ----------------------------
# Used by /siaran; the staff pages withdraw one with cancel_scheduled below, the same rule.


async def scheduled_broadcasts(session: AsyncSession, now: datetime) -> list[OutboxMessage]:
    """Circulars queued for a later time that have not started, soonest first."""
    result = await session.exec(
        select(OutboxMessage)
        .where(OutboxMessage.kind == MessageKind.BROADCAST, OutboxMessage.status == MessageStatus.PENDING, col(OutboxMessage.send_at) > now)
        .order_by(col(OutboxMessage.send_at), col(OutboxMessage.id))
    )
    return [m for m in result if m.id is not None and not await _started(session, m.id)]


async def _started(session: AsyncSession, message_id: int) -> bool:
    """Whether any item of the message has left the pending state (claimed, sent or failed)."""
    result = await session.exec(
        select(func.count()).select_from(OutboxItem).where(OutboxItem.message_id == message_id, OutboxItem.status != OutboxStatus.PENDING)
    )
    return int(result.one()) > 0


async def still_scheduled(session: AsyncSession, message_id: int, now: datetime) -> OutboxMessage | None:
    """The circular if it is queued for later and nothing of it has gone out yet, else None."""
    message = await session.get(OutboxMessage, message_id)
    if message is None or message.kind != MessageKind.BROADCAST or message.status != MessageStatus.PENDING:
        return None
    if message.send_at <= now or await _started(session, message_id):
        return None
    return message


async def edit_scheduled(session: AsyncSession, message_id: int, text: str, now: datetime) -> bool:
    """Replace the text of a scheduled circular that has not started."""
    message = await still_scheduled(session, message_id, now)
    if message is None:
        return False
    message.text = text
    await session.flush()
    return True


async def audience_contacts(session: AsyncSession, groups: Sequence[str], jenjang: Sequence[str], kecamatan: Sequence[str]) -> list[Contact]:
    """Reachable contacts in any of ``groups`` (``all``, ``principal``, ``coordinator``), narrowed by jenjang and kecamatan."""
    query = select(Contact).where(col(Contact.reachable).is_(True))
    if "all" not in groups:
        query = query.where(col(Contact.role).in_(list(groups) or ["-"]))
    if jenjang:
        query = query.join(Registration, col(Registration.contact_id) == col(Contact.id)).where(col(Registration.jenjang).in_(list(jenjang)))
    if kecamatan:
        query = query.where(col(Contact.kecamatan).in_(list(kecamatan)))
    return list(await session.exec(query.order_by(col(Contact.id))))


@dataclass
class Figures:
    """Delivery figures of one circular: rows by status, acknowledgements, and who has not read it per kecamatan."""

    total: int = 0
    sent: int = 0
    failed: int = 0
    pending: int = 0
    cancelled: int = 0
    acknowledged: int = 0
    unread_by_kecamatan: dict[str, int] = field(default_factory=dict)

    @property
    def read_percent(self) -> int | None:
        """Share of delivered messages marked "Sudah dibaca", None before any was delivered."""
        return round(100 * self.acknowledged / self.sent) if self.sent else None


async def broadcast_figures(session: AsyncSession, message_ids: Sequence[int], kecamatan: str | None = None) -> dict[int, Figures]:
    """:class:`Figures` of each message in one query; only ``kecamatan``'s recipients when given."""
    figures = {i: Figures() for i in message_ids}
    if not message_ids:
        return figures
    query = (
        select(OutboxItem.message_id, Contact.kecamatan, OutboxItem.status, func.count(), func.count(col(OutboxItem.acknowledged_at)))  # type: ignore[call-overload]
        .join(Contact, col(Contact.id) == col(OutboxItem.contact_id))
        .where(col(OutboxItem.message_id).in_(list(message_ids)))
        .group_by(col(OutboxItem.message_id), col(Contact.kecamatan), col(OutboxItem.status))
    )
    if kecamatan is not None:
        query = query.where(Contact.kecamatan == kecamatan)
    for message_id, kec, status, count, acks in await session.exec(query):
        row = figures[message_id]
        row.total += count
        row.acknowledged += acks
        if status in (OutboxStatus.SENT, OutboxStatus.FAILED, OutboxStatus.CANCELLED):
            setattr(row, status, getattr(row, status) + count)
        else:  # pending or being sent right now
            row.pending += count
        if status == OutboxStatus.SENT and count > acks:
            row.unread_by_kecamatan[kec or "-"] = row.unread_by_kecamatan.get(kec or "-", 0) + count - acks
    return figures


async def unread_in(session: AsyncSession, message_id: int, kecamatan: str) -> list[tuple[str, str, str | None, str | None]]:
    """Who in ``kecamatan`` got the message and has not pressed "Sudah dibaca": ``(contact id, name, school, principal)``.

    Plain columns rather than rows: a kecamatan can have hundreds of recipients.
    """
    query = (
        select(Contact.id, Contact.name, Registration.sekolah, Registration.nama)
        .join(OutboxItem, col(OutboxItem.contact_id) == col(Contact.id))
        .join(Registration, col(Registration.contact_id) == col(Contact.id), isouter=True)
        .where(OutboxItem.message_id == message_id, OutboxItem.status == OutboxStatus.SENT, col(OutboxItem.acknowledged_at).is_(None))
        .where(Contact.kecamatan == kecamatan)
        .order_by(col(Registration.sekolah), col(Contact.name))
    )
    return [tuple(row) for row in await session.exec(query)]  # type: ignore[misc]


async def cancel_scheduled(session: AsyncSession, message_id: int, now: datetime) -> int | None:
    """Withdraw a circular not yet due: its pending rows become ``cancelled``. None when it cannot be cancelled."""
    message = await session.get(OutboxMessage, message_id)
    if message is None or message.kind != MessageKind.BROADCAST or message.status != MessageStatus.PENDING or message.send_at <= now:
        return None
    result = await session.exec(  # type: ignore[call-overload]
        update(OutboxItem).where(col(OutboxItem.message_id) == message_id, col(OutboxItem.status) == OutboxStatus.PENDING).values(status=OutboxStatus.CANCELLED)
    )
    message.status = MessageStatus.CANCELLED
    message.finished_at = now
    return int(result.rowcount or 0)


async def record_platform_statuses(session: AsyncSession, statuses: Sequence[Any], now: datetime) -> None:
    """A platform's delivery reports (sent / delivered / read / failed) against the outbox rows.

    WhatsApp's 131047 (the 24-hour window closed) makes the row pending again, marked to go out
    as the template.
    """
    for status in statuses:
        if not isinstance(status, dict) or not status.get("id"):
            continue
        item = (await session.exec(select(OutboxItem).where(OutboxItem.platform_message_id == str(status["id"])))).first()
        if item is None:
            continue
        item.platform_status = str(status.get("status") or "")[:16]
        if status.get("status") == "failed":
            errors = status.get("errors") or [{}]
            code = str((errors[0] or {}).get("code") or "")
            title = str((errors[0] or {}).get("title") or "")
            item.error = f"{code}: {title}"[:300]
            if code == "131047":
                item.status = OutboxStatus.PENDING
                item.needs_template = True
                item.next_attempt_at = now
            else:
                item.status = OutboxStatus.FAILED
