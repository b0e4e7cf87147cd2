"""Queries on registrations."""

from __future__ import annotations

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


async def list_registrations(session: AsyncSession, kecamatan: str | None = None) -> list[Registration]:
    """Registrations, by kecamatan and school name; only ``kecamatan``'s when given."""
    query = select(Registration).order_by(col(Registration.kecamatan), col(Registration.jenjang), col(Registration.sekolah))
    if kecamatan is not None:
        query = query.where(Registration.kecamatan == kecamatan)
    return list(await session.exec(query))


async def coordinators_of(session: AsyncSession, kecamatan: str) -> list[Contact]:
    """The reachable coordinators of a kecamatan."""
    result = await session.exec(select(Contact).where(Contact.role == Role.COORDINATOR, Contact.kecamatan == kecamatan, col(Contact.reachable).is_(True)))
    return list(result)
