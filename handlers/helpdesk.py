"""The help desk: a person asks for a person (``/petugas``), the staff answer, staff close.

The person's side is a conversation (:data:`HELPDESK`) of one step: the message (text, or a photo
or PDF of a document). It joins the person's open ticket, or opens one, and reaches the staff
through the outbox with who wrote it and a *Balas* button. The staff side (answering with a
preview, closing, dismissing) lives in the chat's staff inbox (``handlers/staff_inbox.py``) and
the web pages' (``handlers/inbox.py``); this module delivers what the staff decided.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from sqlmodel.ext.asyncio.session import AsyncSession

from bot.config import HelpdeskSettings
from bot.dates import DAYS
from bot.enums import STAFF_ROLES, Role
from bot.messages import Button, Document, Packed, Payload
from bot.services import Services
from handlers import commands
from handlers.context import Context
from handlers.conversation import Conversation, Step
from handlers.notify import notify, queue_notice
from handlers.validators import parse_text
from models.contacts import clear_state, set_state
from models.helpdesk import add_message, admins, close, current_ticket, last_from_person, open_ticket, registration_of, staff_for, take, waiting_too_long
from models.tables import Contact, ConversationState, HelpdeskTicket, Registration

FORM = "helpdesk"
STAFF_BUTTON = Payload("inbox")  # inbox:<action>:<item>, pressed by staff (see handlers/staff_inbox.py)
MAX_FILE_BYTES = 5 * 1024 * 1024
FILE_TYPES = ("application/pdf", "image/jpeg", "image/png", "image/webp", "image/heic")
CHANNEL_NAMES = {"telegram": "Telegram", "whatsapp": "WhatsApp", "console": "Konsol"}

# Free text that asks for a person rather than a fact: a word naming staff, with a word asking
# to reach them ("mau bicara dengan petugas", "nomor admin", "hubungi operator", "no hp admin dinas").
_STAFF_WORDS = {"petugas", "admin", "admnin", "operator", "cs", "helpdesk", "orang", "manusia", "staf", "staff", "pegawai", "human", "person", "agent"}
_REACH_WORDS = {
    "hubungi", "menghubungi", "hubung", "bicara", "berbicara", "ngobrol", "chat", "nomor", "nomer", "no", "hp", "telp", "telepon", "tlp",
    "kontak", "wa", "whatsapp", "minta", "sambungkan", "call", "contact", "talk", "speak", "phone", "number", "reach",
}  # fmt: skip
_WORD_RE = re.compile(r"[a-z]+")


def asks_for_person(text: str) -> bool:
    """Whether free text asks to reach a person (or for their number)."""
    words = set(_WORD_RE.findall(text.lower()))
    return bool(words & _STAFF_WORDS) and (bool(words & _REACH_WORDS) or len(words) <= 2)


# -- what the person is told about the help desk ---------------------------------------------------


def next_opening(settings: HelpdeskSettings, now_local: datetime) -> datetime | None:
    """When the help desk opens next, in local time; ``None`` while it is open (or has no hours set)."""
    if not settings.schedule:
        return None
    for days_ahead in range(8):
        day = (now_local + timedelta(days=days_ahead)).date()
        for stretch in settings.schedule:
            if not stretch.first_day <= day.weekday() <= stretch.last_day:
                continue
            opens = datetime.combine(day, stretch.opens, tzinfo=now_local.tzinfo)
            closes = datetime.combine(day, stretch.closes, tzinfo=now_local.tzinfo)
            if days_ahead == 0 and opens <= now_local < closes:
                return None
            if opens > now_local:
                return opens
    return None


def contact_lines(ctx: Context) -> list[str]:
    """Who answers, their number (``+62…`` and a wa.me link) and hours, as far as configured."""
    settings = ctx.services.settings.helpdesk
    lines = [ctx.t("helpdesk.contact_name", name=settings.name or ctx.t("helpdesk.default_name"))]
    if settings.phone:
        lines.append(ctx.t("helpdesk.contact_phone", phone="+" + settings.phone, link=f"https://wa.me/{settings.phone}"))
    if settings.hours:
        lines.append(ctx.t("helpdesk.contact_hours", hours=settings.hours))
    return lines


def outside_hours_note(ctx: Context) -> str:
    """Outside the service hours: when to expect an answer (empty inside them)."""
    tz = ctx.services.settings.bot.timezone
    opening = next_opening(ctx.services.settings.helpdesk, ctx.now.astimezone(tz))
    if opening is None:
        return ""
    day_name = DAYS[ctx.lang if ctx.lang in DAYS else "id"][opening.weekday()]
    return ctx.t("helpdesk.outside_hours", hours=ctx.services.settings.helpdesk.hours, when=f"{day_name} {opening:%H.%M}")


def help_desk_button(ctx: Context) -> Button:
    """The "Hubungi petugas" button (main menu, "belum tahu" answers, the contact answer)."""
    return ctx.button("menu.helpdesk", commands.HELPDESK.pack())


async def show_contact(ctx: Context) -> None:
    """Someone asked for a person or their number: the configured contact and the way in."""
    ctx.say(
        "\n".join([ctx.t("helpdesk.contact_intro"), *contact_lines(ctx)]), [[help_desk_button(ctx)], [ctx.menu_button()]]
    )


# -- the person's side ------------------------------------------------------------------------------


async def start_helpdesk(ctx: Context, arg: str) -> None:
    """``/petugas`` (or the button): the next message goes to the staff; ``/petugas <text>`` sends it now."""
    if arg.strip():
        await submit(ctx, arg, None)
        return
    ticket = await current_ticket(ctx.session, ctx.contact.id)
    await set_state(ctx.session, ctx.contact.id, FORM, "message", {}, ctx.now)
    lines = [ctx.t("helpdesk.prompt_followup", id=ticket.id) if ticket else ctx.t("helpdesk.prompt"), "", *contact_lines(ctx)]
    note = outside_hours_note(ctx)
    if note:
        lines += ["", note]
    lines += ["", ctx.t("helpdesk.prompt_how", mb=MAX_FILE_BYTES // (1024 * 1024))]
    ctx.say("\n".join(lines), [[ctx.button("form.cancel", commands.CANCEL.pack())]])


async def receive_text(ctx: Context, _state: ConversationState, text: str) -> None:
    """The person's message, typed."""
    await submit(ctx, text, None)


async def receive_document(ctx: Context, _state: ConversationState, document: Document) -> None:
    """A photo or PDF of a document, within the size cap; its caption is the message."""
    if len(document.content) > MAX_FILE_BYTES:
        ctx.say(ctx.t("helpdesk.file_too_big", mb=MAX_FILE_BYTES // (1024 * 1024)))
        return
    if not document.mime_type.startswith(FILE_TYPES) and not document.filename.lower().endswith((".pdf", ".jpg", ".jpeg", ".png")):
        ctx.say(ctx.t("helpdesk.file_type"))
        return
    await submit(ctx, ctx.incoming.text, document)


async def receive_media(ctx: Context, _state: ConversationState) -> None:
    """A sticker, voice note or location: ask for text or a file."""
    ctx.say(ctx.t("helpdesk.media"))


def describe_person(contact: Contact, registration: Registration | None, kecamatan: str | None) -> str:
    """Who wrote, for the staff: name (as registered), school, kecamatan, channel, a number to call back."""
    parts = [registration.nama if registration else (contact.name or contact.id)]
    if registration:
        parts.append(registration.sekolah)
    if kecamatan:
        parts.append(f"Kec. {kecamatan}")
    channel = CHANNEL_NAMES.get(contact.channel, contact.channel)
    if contact.channel == "whatsapp":
        channel += f" +{contact.external_id}"
    parts.append(channel)
    if registration:
        parts.append(registration.phone)
    return " · ".join(parts)


async def who_wrote(session: AsyncSession, ticket: HelpdeskTicket) -> str:
    """:func:`describe_person` for the person of a ticket."""
    person = await session.get(Contact, ticket.contact_id)
    if person is None:
        return ticket.contact_id
    return describe_person(person, await registration_of(session, ticket.contact_id), ticket.kecamatan)


async def submit(ctx: Context, text: str, document: Document | None, *, joined: bool = False) -> None:
    """Add the message to the person's open ticket (or open one) and bring it to the staff.

    ``joined``: plain text that went to the open conversation on its own (not through ``/petugas``),
    so the reply also says how to leave it.
    """
    checked = ctx.checked(lambda: parse_text(text, minimum=0 if document else 2, maximum=2000, short_key="helpdesk.too_short", long_key="helpdesk.too_long"))
    if checked is None:
        return
    text = checked
    contact = ctx.contact
    registration = await registration_of(ctx.session, contact.id)
    ticket = await current_ticket(ctx.session, contact.id)
    follow_up = ticket is not None
    if ticket is None:
        kecamatan = registration.kecamatan if registration else contact.kecamatan
        ticket = await open_ticket(ctx.session, contact, kecamatan, ctx.now)
    stored = (document.filename, document.mime_type, document.content) if document else None
    await add_message(ctx.session, ticket, contact.id, text, ctx.now, document=stored)
    await clear_state(ctx.session, contact.id)
    assert ticket.id is not None
    who = describe_person(contact, registration, ticket.kecamatan)
    await notify_staff(ctx, ticket, "helpdesk.staff_followup" if follow_up else "helpdesk.staff_new", document=document, who=who, text=text or "📎")
    lines = [ctx.t("helpdesk.joined" if joined else "helpdesk.sent_followup" if follow_up else "helpdesk.sent", id=ticket.id)]
    note = outside_hours_note(ctx)
    if note:
        lines.append(note)
    buttons = [
        [ctx.button("helpdesk.add_button", commands.HELPDESK.pack()), ctx.button("helpdesk.done_button", commands.HELPDESK_DONE.pack())],
        [ctx.menu_button()],
    ]
    ctx.say("\n\n".join(lines), buttons)


async def join_open_conversation(ctx: Context, text: str) -> bool:
    """Free text from a person whose conversation with the staff is still open joins it; False when none is open.

    Until a staff member (or the person, with "Selesai") closes it, follow-ups belong there rather
    than to the FAQ; staff members' own free text is never taken for a follow-up.
    """
    if ctx.role in STAFF_ROLES or await current_ticket(ctx.session, ctx.contact.id) is None:
        return False
    await submit(ctx, text, None, joined=True)
    return True


async def close_by_person(ctx: Context, _arg: str) -> None:
    """``/selesai`` (or the "Selesai" button): the person closes their open conversation; its staff are told."""
    ticket = await current_ticket(ctx.session, ctx.contact.id)
    if ticket is None:
        ctx.say(ctx.t("helpdesk.nothing_open"), [[ctx.menu_button()]])
        return
    assert ticket.id is not None
    close(ticket, ctx.contact.id, ctx.now)
    await clear_state(ctx.session, ctx.contact.id)
    who = describe_person(ctx.contact, await registration_of(ctx.session, ctx.contact.id), ticket.kecamatan)
    await notify(ctx, await _staff_of(ctx, ticket), "helpdesk.staff_closed_by_person", id=ticket.id, who=who)
    ctx.say(ctx.t("helpdesk.closed_by_person", id=ticket.id), [[help_desk_button(ctx)], [ctx.menu_button()]])


def may_handle(staff: Contact, ticket: HelpdeskTicket) -> bool:
    """Admins handle every conversation; a coordinator those of their kecamatan and those they took."""
    if staff.role == Role.ADMIN:
        return True
    return ticket.assigned_to == staff.id or (staff.kecamatan is not None and ticket.kecamatan == staff.kecamatan)


async def deliver_answer(services: Services, session: AsyncSession, ticket: HelpdeskTicket, staff: Contact, answer: str) -> bool:
    """Queue a staff answer for the person (chat and web alike); the first to answer takes the conversation.

    Returns False, sending nothing, when another staff member has taken it. The caller commits and
    then wakes the outbox sender.
    """
    assert ticket.id is not None
    if ticket.assigned_to not in (None, staff.id):
        return False
    took = take(ticket, staff.id)
    await add_message(session, ticket, staff.id, answer, services.clock.now(), from_staff=True)
    name = staff.name or services.settings.helpdesk.name or staff.id
    person = await session.get(Contact, ticket.contact_id)
    if person is not None:
        buttons = [[("helpdesk.reply_to_staff", commands.HELPDESK.pack())]]
        await queue_notice(services, session, [person], staff.id, "helpdesk.answer", buttons=buttons, id=ticket.id, name=name, answer=answer)
    if took:
        others = [c for c in await staff_for(session, ticket.kecamatan) if c.id not in (staff.id, ticket.contact_id)]
        await queue_notice(services, session, others, staff.id, "helpdesk.taken", id=ticket.id, name=name)
    return True


def staff_buttons(ticket_id: int) -> list[list[tuple[str, Packed]]]:
    """*Balas* and *Tutup* under what the staff receive about a conversation (label keys, payloads)."""
    item = f"t{ticket_id}"
    return [[("helpdesk.reply_button", STAFF_BUTTON.pack("r", item)), ("helpdesk.close_button", STAFF_BUTTON.pack("c", item))]]


async def notify_staff(ctx: Context, ticket: HelpdeskTicket, key: str, *, document: Document | None = None, **values: str) -> int:
    """A person's message to the staff who handle the ticket: its owner once taken, else the admins and the coordinator."""
    assert ticket.id is not None
    return await notify(ctx, await _staff_of(ctx, ticket), key, buttons=staff_buttons(ticket.id), document=document, id=ticket.id, **values)


async def _staff_of(ctx: Context, ticket: HelpdeskTicket) -> list[Contact]:
    """Who hears of a conversation: the staff member who took it, else the admins and the coordinator."""
    if ticket.assigned_to is not None:
        owner = await ctx.session.get(Contact, ticket.assigned_to)
        recipients = [owner] if owner is not None else []
    else:
        recipients = await staff_for(ctx.session, ticket.kecamatan)
    return [r for r in recipients if r.id != ticket.contact_id]


HELPDESK = Conversation(
    FORM,
    receive_text,
    steps=(Step("message", free_text=True, on_document=receive_document),),
    on_media=receive_media,
)


async def remind_admins(services: Services, session: AsyncSession) -> int:
    """Bring conversations nobody answered within ``helpdesk.remind_after`` to the admins, once per wait."""
    settings, now = services.settings, services.clock.now()
    waiting = await waiting_too_long(session, now - settings.helpdesk.remind_after)
    if not waiting:
        return 0
    recipients = await admins(session)
    tz = settings.bot.timezone
    for ticket in waiting:
        assert ticket.id is not None and ticket.waiting_since is not None
        who = await who_wrote(session, ticket)
        since = ticket.waiting_since.astimezone(tz).strftime("%d/%m %H:%M")
        text = await last_from_person(session, ticket.id)
        buttons = staff_buttons(ticket.id)
        await queue_notice(services, session, recipients, None, "helpdesk.reminder", buttons=buttons, id=ticket.id, since=since, who=who, text=text)
        ticket.reminded_at = now
    return len(waiting)
