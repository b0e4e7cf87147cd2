"""Everything stored about one person, and erasing it (``/datasaya``, ``/hapusdata``; UU 27/2022)."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import delete, func, update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.enums import OutboxStatus, Role
from models.registrations import registration_of
from models.tables import Contact, ConversationState, OutboxItem, OutboxMessage, Question, Registration, WebLogin, WebSession

ERASED_CHANNEL = "erased"


@dataclass
class PersonalData:
    """What the bot keeps about one contact."""

    contact: Contact
    registration: Registration | None
    state: ConversationState | None
    questions: list[Question] = field(default_factory=list)
    messages_received: int = 0


async def personal_data(session: AsyncSession, contact: Contact) -> PersonalData:
    """Everything stored about ``contact``: the contact row, registration, open form, questions, deliveries."""
    questions = await session.exec(select(Question).where(Question.contact_id == contact.id).order_by(col(Question.asked_at)))
    received = await session.exec(select(func.count()).select_from(OutboxItem).where(OutboxItem.contact_id == contact.id))
    return PersonalData(
        contact=contact,
        registration=await registration_of(session, contact.id),
        state=await session.get(ConversationState, contact.id),
        questions=list(questions),
        messages_received=int(received.one()),
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
    - the contact row (channel id, name, language, role) and any staff page log-ins are deleted.
    """
    contact_id = contact.id
    record = await registration_of(session, contact_id)
    sekolah, npsn = (record.sekolah, record.npsn or "") if record else ("", "")
    if record is not None:
        record.contact_id = record.npsn = record.birth_date = record.nip = record.gender = record.tmt = record.email = None
        record.nama = record.sekolah = record.phone = ""
        record.erased_at = record.updated_at = now
    await session.exec(delete(ConversationState).where(col(ConversationState.contact_id) == contact_id))  # type: ignore[call-overload]
    for table in (WebLogin, WebSession):  # staff page log-ins and sessions
        await session.exec(delete(table).where(col(table.contact_id) == contact_id))  # type: ignore[call-overload]
    questions = await session.exec(delete(Question).where(col(Question.contact_id) == contact_id))  # type: ignore[call-overload]
    caused = select(OutboxMessage.id).where(OutboxMessage.created_by == contact_id, OutboxMessage.kind == "notice")
    await session.exec(delete(OutboxItem).where(col(OutboxItem.message_id).in_(caused)))  # type: ignore[call-overload]
    await session.exec(delete(OutboxMessage).where(col(OutboxMessage.created_by) == contact_id, col(OutboxMessage.kind) == "notice"))  # type: ignore[call-overload]
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
    await session.flush()
    await session.delete(contact)
    await session.flush()
    return Erased(record, sekolah, npsn, int(questions.rowcount or 0))
