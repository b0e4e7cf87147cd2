"""Help-desk conversations: a person's messages to the staff and the staff's answers.

A ticket stays one conversation from the person's first message until a staff member closes it:
whatever the person writes meanwhile joins it. The staff member who answers first takes it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import and_, exists, func, or_
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.enums import Role, TicketStatus
from models.tables import Contact, HelpdeskMessage, HelpdeskTicket, Registration

MAX_TEXT_CHARS = 2000
OPEN_STATUSES = (TicketStatus.OPEN, TicketStatus.TAKEN)


# Contacts a session already knows to have no open conversation: every free-text message asks,
# and almost nobody has one open, so the contact's query answers it too (models.contacts).
NONE_OPEN = "psp.no_open_ticket"
HAS_OPEN_TICKET = exists().where(col(HelpdeskTicket.contact_id) == col(Contact.id), col(HelpdeskTicket.status).in_(OPEN_STATUSES))


async def current_ticket(session: AsyncSession, contact_id: str) -> HelpdeskTicket | None:
    """The person's conversation with the staff that is not closed yet, if any."""
    if contact_id in session.info.get(NONE_OPEN, ()):
        return None
    result = await session.exec(
        select(HelpdeskTicket)
        .where(HelpdeskTicket.contact_id == contact_id, col(HelpdeskTicket.status).in_(OPEN_STATUSES))
        .order_by(col(HelpdeskTicket.id).desc())
        .limit(1)
    )
    return result.first()


async def open_ticket(session: AsyncSession, contact: Contact, kecamatan: str | None, now: datetime) -> HelpdeskTicket:
    """Start a new conversation for ``contact``."""
    ticket = HelpdeskTicket(contact_id=contact.id, kecamatan=kecamatan, opened_at=now, last_message_at=now)
    session.add(ticket)
    session.info.get(NONE_OPEN, set()).discard(contact.id)
    await session.flush()
    return ticket


async def add_message(
    session: AsyncSession,
    ticket: HelpdeskTicket,
    author_id: str,
    text: str,
    now: datetime,
    *,
    from_staff: bool = False,
    document: tuple[str, str, bytes] | None = None,
) -> HelpdeskMessage:
    """Append a message (``document``: name, MIME type, bytes) and keep the ticket's clocks right."""
    message = HelpdeskMessage(ticket_id=ticket.id or 0, author_id=author_id, from_staff=from_staff, text=text[:MAX_TEXT_CHARS], created_at=now)
    if document is not None:
        message.document_name, message.document_mime, message.document = document[0][:200], document[1][:100], document[2]
    session.add(message)
    ticket.last_message_at = now
    if from_staff:
        ticket.waiting_since = None
        ticket.answered_at = ticket.answered_at or now
    elif ticket.waiting_since is None:
        ticket.waiting_since = now
        ticket.reminded_at = None
    await session.flush()
    return message


def take(ticket: HelpdeskTicket, staff_id: str) -> bool:
    """The staff member answering takes the ticket if nobody has; return whether they just took it."""
    if ticket.assigned_to is not None:
        return False
    ticket.assigned_to = staff_id
    ticket.status = TicketStatus.TAKEN
    return True


def close(ticket: HelpdeskTicket, staff_id: str, now: datetime, *, dismissed: bool = False) -> None:
    """Close the conversation (``dismissed``: it was noise, nobody is told)."""
    ticket.status = TicketStatus.CLOSED
    ticket.closed_at = now
    ticket.closed_by = staff_id
    ticket.waiting_since = None
    ticket.dismissed = dismissed


async def ticket_messages(session: AsyncSession, ticket_id: int, limit: int = 20) -> list[HelpdeskMessage]:
    """The last ``limit`` messages of a ticket, oldest first."""
    result = await session.exec(
        select(HelpdeskMessage).where(HelpdeskMessage.ticket_id == ticket_id).order_by(col(HelpdeskMessage.id).desc()).limit(limit)
    )
    return list(reversed(list(result)))


async def last_from_person(session: AsyncSession, ticket_id: int) -> str:
    """The person's latest message in a ticket (a file stands as 📎 and its name)."""
    result = await session.exec(
        select(HelpdeskMessage)
        .where(HelpdeskMessage.ticket_id == ticket_id, col(HelpdeskMessage.from_staff).is_(False))
        .order_by(col(HelpdeskMessage.id).desc())
        .limit(1)
    )
    message = result.first()
    if message is None:
        return ""
    return message.text or f"📎 {message.document_name or ''}".strip()


async def open_tickets(session: AsyncSession, kecamatan: str | None = None, limit: int = 2000) -> list[HelpdeskTicket]:
    """Conversations not closed yet, newest message first; ``kecamatan`` narrows to one (a coordinator's view).

    The staff inbox in the chat (``/pertanyaan``) and the staff web pages both list these.
    """
    query = select(HelpdeskTicket).where(col(HelpdeskTicket.status).in_(OPEN_STATUSES))
    if kecamatan is not None:
        query = query.where(HelpdeskTicket.kecamatan == kecamatan)
    result = await session.exec(query.order_by(col(HelpdeskTicket.last_message_at).desc(), col(HelpdeskTicket.id).desc()).limit(limit))
    return list(result)


async def count_open_tickets(session: AsyncSession) -> int:
    """How many help-desk conversations are not closed."""
    result = await session.exec(select(func.count()).select_from(HelpdeskTicket).where(col(HelpdeskTicket.status).in_(OPEN_STATUSES)))
    return int(result.one())


async def message_counts(session: AsyncSession, ticket_ids: Sequence[int]) -> dict[int, int]:
    """How many messages each ticket holds."""
    if not ticket_ids:
        return {}
    result = await session.exec(
        select(HelpdeskMessage.ticket_id, func.count()).where(col(HelpdeskMessage.ticket_id).in_(list(ticket_ids))).group_by(col(HelpdeskMessage.ticket_id))
    )
    return {int(ticket_id): int(count) for ticket_id, count in result}


async def waiting_too_long(session: AsyncSession, cutoff: datetime) -> list[HelpdeskTicket]:
    """Tickets whose person has waited since before ``cutoff`` with no staff answer and no reminder yet."""
    result = await session.exec(
        select(HelpdeskTicket).where(
            col(HelpdeskTicket.status).in_(OPEN_STATUSES),
            col(HelpdeskTicket.waiting_since).is_not(None),
            col(HelpdeskTicket.waiting_since) <= cutoff,
            or_(col(HelpdeskTicket.reminded_at).is_(None), col(HelpdeskTicket.reminded_at) < col(HelpdeskTicket.waiting_since)),
        )
    )
    return list(result)


async def staff_for(session: AsyncSession, kecamatan: str | None) -> list[Contact]:
    """Who a person's message goes to: the admins, and the coordinators of ``kecamatan`` when known."""
    admin = col(Contact.role) == Role.ADMIN
    if kecamatan:
        query = select(Contact).where(or_(admin, and_(col(Contact.role) == Role.COORDINATOR, col(Contact.kecamatan) == kecamatan)))
    else:
        query = select(Contact).where(admin)
    result = await session.exec(query.order_by(col(Contact.id)))
    return list(result)


async def admins(session: AsyncSession) -> list[Contact]:
    """Every admin."""
    return list(await session.exec(select(Contact).where(Contact.role == Role.ADMIN).order_by(Contact.id)))


async def registration_of(session: AsyncSession, contact_id: str) -> Registration | None:
    """The person's registration (school and kecamatan), if they registered."""
    return (await session.exec(select(Registration).where(Registration.contact_id == contact_id))).first()
