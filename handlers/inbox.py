"""The staff inbox of the web pages: everything waiting for a staff member's answer, one kind per section.

Two kinds: help-desk conversations (``/petugas``; admins, and the coordinator of the person's
kecamatan) and questions the FAQ could not answer (admins). The chat's ``/pertanyaan``
(``handlers/staff_inbox.py``) lists the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlmodel.ext.asyncio.session import AsyncSession

from bot.enums import Role, TicketStatus
from bot.services import Services
from handlers.admin import answer_questions, group_questions, parse_answer
from handlers.helpdesk import deliver_answer, may_handle, who_wrote
from models import helpdesk as tickets
from models.questions import open_questions
from models.registrations import who_are
from models.tables import Contact, HelpdeskTicket, Registration

SHOWN_ASKERS = 3


class ItemKind(StrEnum):
    """The two kinds of waiting item (also the first part of an item's ``ref``)."""

    FAQ = "faq"  # a group of unanswered questions, by its first question's id
    TICKET = "ticket"  # a help-desk conversation, by its ticket id


def item_ref(kind: ItemKind, ident: int | None) -> str:
    """What an item's answer form posts back: ``kind:id``."""
    return f"{kind}:{ident}"


def parse_ref(ref: str) -> tuple[ItemKind, int] | None:
    """The kind and id of a posted ``ref``; None when it is not one :func:`item_ref` makes."""
    kind, _, ident = ref.partition(":")
    if kind not in {k.value for k in ItemKind} or not (ident.isascii() and ident.isdigit()) or len(ident) > 18:
        return None
    return ItemKind(kind), int(ident)


@dataclass(frozen=True)
class InboxItem:
    """One thing to answer: ``ref`` is what the answer form posts back (``kind:id``)."""

    kind: ItemKind
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
        InboxItem(ItemKind.FAQ, item_ref(ItemKind.FAQ, g.ids[0]), g.example, g.count, len(g.askers), g.last_asked, not g.in_domain,
                  _describe(people, shown[g.key]))  # fmt: skip
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
        items.append(InboxItem(ItemKind.TICKET, item_ref(ItemKind.TICKET, ticket.id), text, counts.get(ticket.id, 0), 1, ticket.last_message_at,
                               who=(await who_wrote(session, ticket),)))  # fmt: skip
    return items


async def inbox_items(session: AsyncSession, viewer: Contact) -> list[InboxItem]:
    """Everything waiting for ``viewer``'s answer, section by section."""
    return await ticket_items(session, viewer) + await faq_items(session, viewer)


@dataclass(frozen=True)
class Preview:
    """An answer checked but not sent: the item, the answer, and the message as its first reader will see it."""

    item: InboxItem
    answer: str
    message: str


async def preview_item(services: Services, session: AsyncSession, viewer: Contact, ref: str, text: str) -> Preview | None:
    """What answering ``ref`` with ``text`` would send, checked exactly as :func:`answer_item` checks; nothing is queued.

    None when the item is already answered (or taken by another staff member); raises as :func:`answer_item`.
    """
    parsed = parse_ref(ref)
    if parsed is None:
        return None
    kind, ident = parsed
    if kind == ItemKind.TICKET:
        ticket = await session.get(HelpdeskTicket, ident)
        if ticket is None or ticket.status == TicketStatus.CLOSED:
            return None
        if not may_handle(viewer, ticket):
            raise PermissionError(ref)
        answer = parse_answer(text)
        if ticket.assigned_to not in (None, viewer.id):
            return None
        assert ticket.id is not None
        counts = await tickets.message_counts(session, [ticket.id])
        item = InboxItem(ItemKind.TICKET, ref, await tickets.last_from_person(session, ticket.id), counts.get(ticket.id, 0), 1, ticket.last_message_at,
                         who=(await who_wrote(session, ticket),))  # fmt: skip
        person = await session.get(Contact, ticket.contact_id)
        name = viewer.name or services.settings.helpdesk.name or viewer.id
        lang = person.language if person is not None else services.settings.bot.default_language
        return Preview(item, answer, services.i18n.t(lang, "helpdesk.answer", id=ticket.id, name=name, answer=answer))
    if not can_answer_faq(viewer):
        raise PermissionError(ref)
    answer = parse_answer(text)
    group = next((g for g in group_questions(await open_questions(session)) if ident in g.ids), None)
    if group is None:
        return None
    shown = sorted(group.askers)[:SHOWN_ASKERS]
    people = await who_are(session, shown)
    item = InboxItem(ItemKind.FAQ, ref, group.example, group.count, len(group.askers), group.last_asked, not group.in_domain, _describe(people, shown))
    first = people.get(shown[0], (None, None))[0] if shown else None
    lang = first.language if first is not None else services.settings.bot.default_language
    return Preview(item, answer, services.i18n.t(lang, "questions.delivered", question=group.example[:300], answer=answer))


async def answer_item(services: Services, session: AsyncSession, viewer: Contact, ref: str, text: str) -> int | None:
    """Answer the item ``ref`` as ``viewer``: how many people it is queued for, None when already answered.

    Raises :class:`PermissionError` when the viewer may not answer it and
    :class:`handlers.validators.Invalid` when the text is not acceptable. The caller commits and
    then wakes the outbox sender.
    """
    parsed = parse_ref(ref)
    if parsed is None:
        return None
    kind, ident = parsed
    if kind == ItemKind.TICKET:
        return await _answer_ticket(services, session, viewer, ident, text)
    if not can_answer_faq(viewer):
        raise PermissionError(ref)
    answer = parse_answer(text)
    groups = group_questions(await open_questions(session))
    group = next((g for g in groups if ident in g.ids), None)
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
