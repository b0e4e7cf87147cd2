"""The staff inbox of the web pages: everything waiting for a staff member's answer, one kind per section.

Two kinds: help-desk conversations (``/petugas``; admins, and the coordinator of the person's
kecamatan) and questions the FAQ could not answer (admins). The chat's ``/pertanyaan``
(``handlers/staff_inbox.py``) lists the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel.ext.asyncio.session import AsyncSession

from bot.enums import Role, TicketStatus
from bot.services import Services
from handlers.admin import answer_questions, group_questions, parse_answer
from handlers.helpdesk import deliver_answer, may_handle, who_wrote
from models import helpdesk as tickets
from models.questions import open_questions
from models.registrations import who_are
from models.tables import Contact, HelpdeskTicket, Registration

KIND_FAQ = "faq"
KIND_TICKET = "ticket"
SHOWN_ASKERS = 3


@dataclass(frozen=True)
class InboxItem:
    """One thing to answer: ``ref`` is what the answer form posts back (``kind:id``)."""

    kind: str
    ref: str
    text: str
    count: int
    askers: int
    last_at: datetime
    off_topic: bool = False
    who: tuple[str, ...] = ()  # the first askers: name, school, kecamatan as far as known


def can_answer_faq(viewer: Contact) -> bool:
    """Unanswered FAQ questions are the admins' (as ``/pertanyaan`` and its answer button)."""
    return viewer.role == Role.ADMIN


async def faq_items(session: AsyncSession, viewer: Contact) -> list[InboxItem]:
    """Unanswered FAQ questions, grouped as in the chat, most asked first."""
    if not can_answer_faq(viewer):
        return []
    groups = group_questions(await open_questions(session))
    shown = {g.key: sorted(g.askers)[:SHOWN_ASKERS] for g in groups}
    people = await who_are(session, [c for ids in shown.values() for c in ids])
    return [
        InboxItem(KIND_FAQ, f"{KIND_FAQ}:{g.ids[0]}", g.example, g.count, len(g.askers), g.last_asked, not g.in_domain, _describe(people, shown[g.key]))
        for g in groups
    ]


def _describe(people: dict[str, tuple[Contact, Registration | None]], contact_ids: list[str]) -> tuple[str, ...]:
    """Each contact as "name (school, kecamatan)", as much as the bot knows."""
    described = []
    for contact_id in contact_ids:
        contact, registration = people.get(contact_id, (None, None))
        name = (registration.nama if registration else None) or (contact.name if contact else "") or contact_id
        where = [registration.sekolah] if registration else []
        kecamatan = registration.kecamatan if registration else contact.kecamatan if contact else None
        where += [kecamatan] if kecamatan else []
        described.append(f"{name} ({', '.join(where)})" if where else name)
    return tuple(described)


async def ticket_items(session: AsyncSession, viewer: Contact) -> list[InboxItem]:
    """Open help-desk conversations ``viewer`` handles, the latest message first."""
    open_ones = await tickets.open_tickets(session, None if viewer.role == Role.ADMIN else (viewer.kecamatan or ""))
    counts = await tickets.message_counts(session, [t.id for t in open_ones if t.id is not None])
    items = []
    for ticket in open_ones:
        assert ticket.id is not None
        text = await tickets.last_from_person(session, ticket.id)
        items.append(InboxItem(KIND_TICKET, f"{KIND_TICKET}:{ticket.id}", text, counts.get(ticket.id, 0), 1, ticket.last_message_at,
                               who=(await who_wrote(session, ticket),)))  # fmt: skip
    return items


async def inbox_items(session: AsyncSession, viewer: Contact) -> list[InboxItem]:
    """Everything waiting for ``viewer``'s answer, section by section."""
    return await ticket_items(session, viewer) + await faq_items(session, viewer)


async def answer_item(services: Services, session: AsyncSession, viewer: Contact, ref: str, text: str) -> int | None:
    """Answer the item ``ref`` as ``viewer``: how many people it is queued for, None when already answered.

    Raises :class:`PermissionError` when the viewer may not answer it and
    :class:`handlers.validators.Invalid` when the text is not acceptable. The caller commits and
    then wakes the outbox sender.
    """
    kind, _, ident = ref.partition(":")
    if kind == KIND_TICKET and ident.isdigit():
        return await _answer_ticket(services, session, viewer, int(ident), text)
    if kind != KIND_FAQ or not ident.isdigit():
        return None
    if not can_answer_faq(viewer):
        raise PermissionError(ref)
    answer = parse_answer(text)
    groups = group_questions(await open_questions(session))
    group = next((g for g in groups if int(ident) in g.ids), None)
    if group is None:
        return None
    return await answer_questions(services, session, group.ids, answer, viewer.id)


async def _answer_ticket(services: Services, session: AsyncSession, viewer: Contact, ticket_id: int, text: str) -> int | None:
    ticket = await session.get(HelpdeskTicket, ticket_id)
    if ticket is None or ticket.status == TicketStatus.CLOSED:
        return None
    if not may_handle(viewer, ticket):
        raise PermissionError(ticket_id)
    answer = parse_answer(text)
    return 1 if await deliver_answer(services, session, ticket, viewer, answer) else None
