"""Queries on registrations."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, or_
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.enums import Role
from models.tables import Contact, Registration


async def registration_of(session: AsyncSession, contact_id: str) -> Registration | None:
    """The contact's registration, if any."""
    result = await session.exec(select(Registration).where(Registration.contact_id == contact_id))
    return result.first()


async def registration_by_npsn(session: AsyncSession, npsn: str) -> Registration | None:
    """The registration of a school, if any."""
    result = await session.exec(select(Registration).where(Registration.npsn == npsn))
    return result.first()


async def list_registrations(session: AsyncSession, kecamatan: str | None = None, *, erased: bool = False) -> list[Registration]:
    """Registrations, by kecamatan and school name; only ``kecamatan``'s when given.

    Erased ones (``/hapusdata``) only with ``erased=True``: they count, but name nobody.
    """
    query = select(Registration).order_by(col(Registration.kecamatan), col(Registration.jenjang), col(Registration.sekolah))
    if kecamatan is not None:
        query = query.where(Registration.kecamatan == kecamatan)
    if not erased:
        query = query.where(col(Registration.erased_at).is_(None))
    return list(await session.exec(query))


async def coordinators_of(session: AsyncSession, kecamatan: str) -> list[Contact]:
    """The reachable coordinators of a kecamatan."""
    result = await session.exec(select(Contact).where(Contact.role == Role.COORDINATOR, Contact.kecamatan == kecamatan, col(Contact.reachable).is_(True)))
    return list(result)


@dataclass(frozen=True)
class RegistrationFilter:
    """What a staff member narrowed the list to; ``kecamatan`` is forced for a coordinator."""

    search: str = ""  # part of the name, the school or the NPSN
    kecamatan: str | None = None
    jenjang: str | None = None
    eligible: bool | None = None


SORTS: dict[str, tuple[Any, ...]] = {
    "baru": (col(Registration.submitted_at).desc(), col(Registration.id).desc()),
    "nama": (func.lower(col(Registration.nama)), col(Registration.id)),
    "sekolah": (func.lower(col(Registration.sekolah)), col(Registration.id)),
    "kecamatan": (col(Registration.kecamatan), func.lower(col(Registration.sekolah)), col(Registration.id)),
}


def _filtered(query: Any, where: RegistrationFilter) -> Any:
    query = query.where(col(Registration.erased_at).is_(None))  # lists name people; erased ones only count
    if where.search:
        # LIKE wildcards typed by the user are matched literally.
        needle = "%" + where.search.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        query = query.where(
            or_(
                func.lower(col(Registration.nama)).like(needle, escape="\\"),
                func.lower(col(Registration.sekolah)).like(needle, escape="\\"),
                func.lower(col(Registration.npsn)).like(needle, escape="\\"),
            )
        )
    if where.kecamatan is not None:
        query = query.where(Registration.kecamatan == where.kecamatan)
    if where.jenjang is not None:
        query = query.where(Registration.jenjang == where.jenjang)
    if where.eligible is not None:
        query = query.where(Registration.eligible == where.eligible)
    return query


async def search_registrations(
    session: AsyncSession, where: RegistrationFilter, sort: str = "baru", offset: int = 0, limit: int | None = 50
) -> tuple[list[Registration], int]:
    """One page of the registrations matching ``where`` in ``sort`` order, and how many match in all."""
    total = await session.exec(_filtered(select(func.count()).select_from(Registration), where))
    query = _filtered(select(Registration), where).order_by(*SORTS.get(sort, SORTS["baru"])).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    return list(await session.exec(query)), int(total.one())


async def registration_counts(session: AsyncSession, kecamatan: str | None = None) -> list[tuple[str, str, bool, int]]:
    """``(kecamatan, jenjang, eligible, count)`` for every combination that has registrations."""
    query = select(Registration.kecamatan, Registration.jenjang, Registration.eligible, func.count()).group_by(
        col(Registration.kecamatan), col(Registration.jenjang), col(Registration.eligible)
    )
    if kecamatan is not None:
        query = query.where(Registration.kecamatan == kecamatan)
    return [(k, j, bool(e), int(n)) for k, j, e, n in await session.exec(query)]


async def who_are(session: AsyncSession, contact_ids: Sequence[str]) -> dict[str, tuple[Contact, Registration | None]]:
    """Contacts by id with their registration, if any, in one query (to say who wrote)."""
    if not contact_ids:
        return {}
    query = (
        select(Contact, Registration)
        .join(Registration, col(Registration.contact_id) == col(Contact.id), isouter=True)
        .where(col(Contact.id).in_(list(contact_ids)))
    )
    return {contact.id: (contact, registration) for contact, registration in await session.exec(query)}
