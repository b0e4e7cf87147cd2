"""Everything stored about one person, and erasing it (``/datasaya``, ``/hapusdata``; UU 27/2022)."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Column, delete, func, update
from sqlmodel import SQLModel, col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.enums import InboxStatus, MessageKind, OutboxStatus, Role
from models.registrations import registration_of
from models.tables import (
    Contact,
    ConversationState,
    HelpdeskMessage,
    HelpdeskTicket,
    InboxItem,
    NumberedMenu,
    OutboxItem,
    OutboxMessage,
    Question,
    Registration,
)

ERASED_CHANNEL = "erased"


@dataclass
class PersonalData:
    """What the bot keeps about one contact."""

    contact: Contact
    registration: Registration | None
    state: ConversationState | None
    questions: list[Question] = field(default_factory=list)
    messages_received: int = 0
    helpdesk: list[tuple[HelpdeskTicket, list[HelpdeskMessage]]] = field(default_factory=list)  # conversations with the staff


async def personal_data(session: AsyncSession, contact: Contact) -> PersonalData:
    """Everything stored about ``contact``: the contact row, registration, open form, questions, deliveries."""
    questions = await session.exec(select(Question).where(Question.contact_id == contact.id).order_by(col(Question.asked_at)))
    received = await session.exec(select(func.count()).select_from(OutboxItem).where(OutboxItem.contact_id == contact.id))
    tickets = list(await session.exec(select(HelpdeskTicket).where(HelpdeskTicket.contact_id == contact.id).order_by(col(HelpdeskTicket.opened_at))))
    helpdesk = []
    for ticket in tickets:
        messages = await session.exec(select(HelpdeskMessage).where(HelpdeskMessage.ticket_id == ticket.id).order_by(col(HelpdeskMessage.created_at)))
        helpdesk.append((ticket, list(messages)))
    return PersonalData(
        contact=contact,
        registration=await registration_of(session, contact.id),
        state=await session.get(ConversationState, contact.id),
        questions=list(questions),
        messages_received=int(received.one()),
        helpdesk=helpdesk,
    )


@dataclass(frozen=True)
class Erased:
    """What was removed, and the school of the registration (for its coordinator)."""

    registration: Registration | None  # the anonymised row: kecamatan and jenjang only
    sekolah: str
    npsn: str
    questions: int


async def erase_person(session: AsyncSession, contact: Contact, now: datetime) -> Erased:
    """Delete or anonymise everything stored about ``contact``, keeping the counts.

    - the registration stays as a row without person: jenjang, kecamatan, status and the
      eligibility result keep counting in ``/rekap`` and ``/statistik``;
    - the open form, the questions asked, notices the person caused (coordinator alerts naming
      them) are deleted, and so are messages still waiting to reach them;
    - messages already delivered stay for the circulars' delivery and read rates, under a
      placeholder contact that names nobody and is never sent to;
    - the contact row (channel id, name, language, role) is deleted, and so is every other row
      that refers to it (staff page log-ins, and any table added later: see :func:`_rows_of`).
    """
    contact_id = contact.id
    record = await registration_of(session, contact_id)
    sekolah, npsn = (record.sekolah, record.npsn or "") if record else ("", "")
    if record is not None:
        record.contact_id = record.npsn = record.birth_date = record.nip = record.gender = record.tmt = record.email = None
        record.nama = record.sekolah = record.phone = ""
        record.erased_at = record.updated_at = now
    questions = await session.exec(select(func.count()).select_from(Question).where(Question.contact_id == contact_id))
    asked = int(questions.one())
    await session.exec(update(Question).where(col(Question.answered_by) == contact_id).values(answered_by=None))  # type: ignore[call-overload]
    caused = select(OutboxMessage.id).where(OutboxMessage.created_by == contact_id, OutboxMessage.kind == MessageKind.NOTICE)
    await session.exec(delete(OutboxItem).where(col(OutboxItem.message_id).in_(caused)))  # type: ignore[call-overload]
    await session.exec(delete(OutboxMessage).where(col(OutboxMessage.created_by) == contact_id, col(OutboxMessage.kind) == MessageKind.NOTICE))  # type: ignore[call-overload]
    await session.exec(update(OutboxMessage).where(col(OutboxMessage.created_by) == contact_id).values(created_by=None))  # type: ignore[call-overload]
    settled = (OutboxStatus.SENT, OutboxStatus.FAILED, OutboxStatus.CANCELLED)
    await session.exec(delete(OutboxItem).where(col(OutboxItem.contact_id) == contact_id, col(OutboxItem.status).not_in(settled)))  # type: ignore[call-overload]
    delivered = await session.exec(select(func.count()).select_from(OutboxItem).where(OutboxItem.contact_id == contact_id))
    if int(delivered.one()):
        token = secrets.token_hex(8)
        placeholder = Contact(id=f"{ERASED_CHANNEL}:{token}", channel=ERASED_CHANNEL, external_id=token, role=Role.PUBLIC, reachable=False,
                              created_at=now, updated_at=now)  # fmt: skip
        session.add(placeholder)
        await session.flush()
        await session.exec(update(OutboxItem).where(col(OutboxItem.contact_id) == contact_id).values(contact_id=placeholder.id, external_id=token))  # type: ignore[call-overload]
    for column in _rows_of():  # the open form, questions, staff page log-ins, and whatever refers to the contact
        owned = column == contact_id
        for child, parent in _children_of(column.table):  # e.g. the messages of the person's help-desk conversations
            await session.exec(delete(child.table).where(child.in_(select(parent).where(owned))))  # type: ignore[call-overload]
        await session.exec(delete(column.table).where(owned))  # type: ignore[call-overload]
    await session.exec(delete(NumberedMenu).where(col(NumberedMenu.contact_id) == contact_id))  # type: ignore[call-overload]
    # Received updates are kept a few days so a repeated delivery is answered once: the finished
    # ones keep only their platform id; pending ones (this very press among them) are handled
    # first and pruned with the rest.
    await session.exec(  # type: ignore[call-overload]
        update(InboxItem)
        .where(col(InboxItem.contact_id) == contact_id, col(InboxItem.status).in_([InboxStatus.DONE, InboxStatus.DROPPED]))
        .values(contact_id="", payload="{}", replies=None)
    )
    await session.flush()
    await session.delete(contact)
    await session.flush()
    return Erased(record, sekolah, npsn, asked)


def _children_of(table: Any) -> list[tuple[Column[Any], Column[Any]]]:
    """(child column, the ``table`` column it refers to) for rows that belong to rows of ``table``."""
    return [(fk.parent, fk.column) for other in SQLModel.metadata.sorted_tables for fk in other.foreign_keys if fk.column.table is table]


def _rows_of() -> list[Column[Any]]:
    """Columns of every table that refers to a contact and whose rows are the person's own.

    Read from the tables' foreign keys, so a table added later cannot keep a person's rows (or
    block deleting the contact). The registration (kept without person) and the deliveries (kept
    under a placeholder) are handled by :func:`erase_person` itself.
    """
    kept = {Registration.__tablename__, OutboxItem.__tablename__}
    columns = []
    for table in reversed(SQLModel.metadata.sorted_tables):
        for fk in table.foreign_keys:
            if fk.column.table.name == Contact.__tablename__ and table.name not in kept:
                columns.append(fk.parent)
    return columns
