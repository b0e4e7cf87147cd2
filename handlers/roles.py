"""``/peran``: admins make a contact a coordinator of a kecamatan, or take the role back."""

from __future__ import annotations

from sqlmodel import col, select

from bot.config import CONTACT_RE
from bot.enums import Role
from handlers.context import Context
from handlers.notify import notify
from models.contacts import plain_role, set_contact_role
from models.registrations import registration_by_npsn, registration_of
from models.tables import Contact


async def _who(ctx: Context, contact: Contact | None, contact_id: str) -> str:
    """A contact as an admin knows them: the registered name, else the chat name; the id only when nothing else is known."""
    registration = await registration_of(ctx.session, contact_id)
    if registration is not None:
        return f"{registration.nama} ({registration.sekolah})"
    return contact.name if contact is not None and contact.name else contact_id


async def _current_coordinators(ctx: Context) -> list[str]:
    """``• Seririt: Komang Ayu — console:komang`` per coordinator (the id is what /peran takes to revoke)."""
    result = await ctx.session.exec(select(Contact).where(Contact.role == Role.COORDINATOR).order_by(col(Contact.kecamatan), col(Contact.id)))
    lines = []
    for contact in result:
        name = await _who(ctx, contact, contact.id)
        lines.append(f"• {contact.kecamatan or '–'}: {name}" + (f" — {contact.id}" if name != contact.id else ""))
    return lines


async def assign_role(ctx: Context, arg: str) -> None:
    """``/peran <kontak|NPSN> <kecamatan>`` makes a coordinator; ``/peran <kontak|NPSN> -`` takes it back."""
    parts = arg.split()
    if len(parts) != 2:
        current = await _current_coordinators(ctx)
        listing = ctx.t("roles.current", count=len(current)) + "\n" + "\n".join(current) if current else ctx.t("roles.none")
        ctx.say(listing + "\n\n" + ctx.t("roles.usage", kecamatan=", ".join(ctx.services.settings.registration.kecamatan)))
        return
    who, where = parts
    contact_id = who if ":" in who else None
    if contact_id is None:
        registration = await registration_by_npsn(ctx.session, who.upper())
        contact_id = registration.contact_id if registration else None
    if contact_id is None or not CONTACT_RE.fullmatch(contact_id):
        ctx.say(ctx.t("roles.unknown_contact", who=who[:40]))
        return
    now = ctx.now
    if contact_id in ctx.services.settings.roles.admins:
        ctx.say(ctx.t("roles.is_admin"))
        return
    if where in ("-", "cabut", "hapus"):
        contact = await ctx.session.get(Contact, contact_id)
        if contact is None or contact.role != Role.COORDINATOR:
            ctx.say(ctx.t("roles.not_coordinator"))
            return
        contact.role = await plain_role(ctx.session, contact_id)
        contact.role_source = None
        contact.updated_at = now
        ctx.say(ctx.t("roles.revoked", contact=await _who(ctx, contact, contact_id)))
        return
    match = [k for k in ctx.services.settings.registration.kecamatan if k.lower() == where.lower()]
    if not match:
        ctx.say(ctx.t("roles.unknown_kecamatan", kecamatan=", ".join(ctx.services.settings.registration.kecamatan)))
        return
    contact = await set_contact_role(ctx.session, contact_id, Role.COORDINATOR, match[0], now)
    told = await notify(ctx, [contact], "roles.welcome", kecamatan=match[0])
    text = ctx.t("roles.assigned", contact=await _who(ctx, contact, contact_id), kecamatan=match[0])
    ctx.say(text + " " + ctx.t("roles.told" if told else "roles.not_told"))
