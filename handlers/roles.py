"""``/peran``: admins make a contact a coordinator of a kecamatan, or take the role back."""

from __future__ import annotations

from bot.config import CONTACT_RE
from bot.enums import Role
from handlers.context import Context
from models.contacts import plain_role, set_contact_role
from models.registrations import registration_by_npsn
from models.tables import Contact


async def assign_role(ctx: Context, arg: str) -> None:
    """``/peran <kontak|NPSN> <kecamatan>`` makes a coordinator; ``/peran <kontak|NPSN> -`` takes it back."""
    parts = arg.split()
    if len(parts) != 2:
        ctx.say(ctx.t("roles.usage", kecamatan=", ".join(ctx.services.settings.registration.kecamatan)))
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
        ctx.say(ctx.t("roles.revoked", contact=contact_id))
        return
    match = [k for k in ctx.services.settings.registration.kecamatan if k.lower() == where.lower()]
    if not match:
        ctx.say(ctx.t("roles.unknown_kecamatan", kecamatan=", ".join(ctx.services.settings.registration.kecamatan)))
        return
    await set_contact_role(ctx.session, contact_id, Role.COORDINATOR, match[0], now)
    ctx.say(ctx.t("roles.assigned", contact=contact_id, kecamatan=match[0]))
