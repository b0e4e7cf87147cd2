"""Personal data (UU 27/2022, SPEC §4a): the notice and consent before ``/daftar``, ``/datasaya``, ``/hapusdata``."""

from __future__ import annotations

from datetime import datetime

from bot.dates import format_date
from bot.messages import Payload
from handlers import commands, registration
from handlers.context import Context
from handlers.conversation import Conversation, Step
from handlers.notify import notify_anonymously
from models.contacts import clear_state, get_state, set_state, state_data
from models.privacy import erase_person, personal_data
from models.registrations import coordinators_of, registration_of
from models.tables import ConversationState

CONSENT_FORM = "privacy_consent"
CONSENT = Payload("privasi")  # privasi:setuju | privasi:tolak, under the notice before /daftar
ERASE = Payload("hapus")  # hapus:ya | hapus:tidak, under the /hapusdata question
AGREE_WORDS = {"setuju", "ya", "saya setuju", "agree", "yes", "i agree", "ok"}
DECLINE_WORDS = {"tolak", "tidak", "tidak setuju", "no", "decline"}


# -- the notice before the form --------------------------------------------------------------------


async def register(ctx: Context, arg: str) -> None:
    """``/daftar``: the privacy notice first, unless consent is on record or the form is already open."""
    state = await get_state(ctx.session, ctx.contact.id)
    if state is not None and state.form == registration.REGISTRATION.name:
        await registration.start_registration(ctx, arg)
        return
    record = await registration_of(ctx.session, ctx.contact.id)
    if record is not None and record.consent_at is not None:
        await registration.start_registration(ctx, arg)
        return
    await set_state(ctx.session, ctx.contact.id, CONSENT_FORM, "notice", {}, ctx.now)
    _say_notice(ctx)


def _say_notice(ctx: Context, note: str = "") -> None:
    privacy = ctx.services.settings.privacy
    text = ctx.t("privacy.notice", controller=privacy.controller, retention=privacy.retention)
    buttons = [[ctx.button("privacy.agree", CONSENT.pack("setuju")), ctx.button("privacy.decline", CONSENT.pack("tolak"))]]
    ctx.say(f"{note}\n\n{text}" if note else text, buttons)


async def consent_button(ctx: Context, arg: str) -> None:
    """Button ``privasi:<setuju|tolak>`` under the notice."""
    state = await get_state(ctx.session, ctx.contact.id)
    if state is None or state.form != CONSENT_FORM or arg not in ("setuju", "tolak"):
        ctx.say(ctx.t("button.expired"), [[ctx.menu_button()]])
        return
    await _decide(ctx, arg == "setuju")


async def _decide(ctx: Context, agreed: bool) -> None:
    if not agreed:
        await clear_state(ctx.session, ctx.contact.id)
        ctx.say(ctx.t("privacy.declined"), [[ctx.menu_button()]])
        return
    # The registration form replaces the notice's state; the consent time travels with the answers.
    await registration.start_registration(ctx, "", consent_at=ctx.now)


async def _consent_text(ctx: Context, state: ConversationState, text: str) -> None:
    word = text.strip().lower().strip(".!")
    if word in AGREE_WORDS or word in DECLINE_WORDS:
        await _decide(ctx, word in AGREE_WORDS)
    else:
        _say_notice(ctx, ctx.t("form.use_buttons"))


async def _consent_media(ctx: Context, state: ConversationState) -> None:
    _say_notice(ctx, ctx.t("form.use_buttons"))


CONSENT_CONVERSATION = Conversation(CONSENT_FORM, _consent_text, steps=(Step("notice"),), on_media=_consent_media)


# -- /datasaya ---------------------------------------------------------------------------------------


def _when(ctx: Context, moment: datetime | None) -> str:
    if moment is None:
        return "–"
    local = moment.astimezone(ctx.services.settings.bot.timezone)
    return f"{format_date(local.date())} {local:%H:%M} WITA"


def _open_form(ctx: Context, state: ConversationState) -> str:
    """The unfinished conversation and every answer kept in it, labelled as the form asks them."""
    form = registration.REGISTRATION
    steps = form.by_name if state.form == form.name else {}
    shown = []
    for key, value in state_data(state).items():
        if key.startswith("_"):  # bookkeeping (editing, consent time), not answers
            continue
        if isinstance(value, dict):
            value = ", ".join(str(v) for v in value.values() if v)
        label = ctx.t(steps[key].label_key) if key in steps else key
        shown.append(f"{label}: {value if value not in (None, '') else '–'}")
    title = ctx.t(form.title_key) if steps else state.form
    step = ctx.t(steps[state.step].label_key) if state.step in steps else state.step
    return ctx.t("privacy.mine_form", form=title, step=step, answers="; ".join(shown) or "–")


async def show_my_data(ctx: Context, _arg: str) -> None:
    """``/datasaya``: everything the bot keeps about the person who asks."""
    data = await personal_data(ctx.session, ctx.contact)
    contact = data.contact
    lines = [
        ctx.t("privacy.mine_title", controller=ctx.services.settings.privacy.controller),
        "",
        ctx.t(
            "privacy.mine_contact",
            id=contact.id,
            name=contact.name or "–",
            language=contact.language,
            role=ctx.t(f"privacy.role_{contact.role}"),
            kecamatan=contact.kecamatan or "–",
            reminders=ctx.t("reminders.on" if contact.reminders else "reminders.off"),
            first=_when(ctx, contact.created_at),
            last=_when(ctx, contact.last_inbound_at),
        ),  # fmt: skip
        "",
    ]
    if data.registration is not None:
        lines.append(registration.describe(ctx, data.registration))
        lines.append(ctx.t("privacy.mine_registered", submitted=_when(ctx, data.registration.submitted_at), consent=_when(ctx, data.registration.consent_at)))
    else:
        lines.append(ctx.t("privacy.mine_no_registration"))
    lines.append("")
    if data.state is not None and data.state.form != CONSENT_FORM:
        lines.append(_open_form(ctx, data.state))
    else:
        lines.append(ctx.t("privacy.mine_no_form"))
    lines.append("")
    if data.questions:
        lines.append(ctx.t("privacy.mine_questions", count=len(data.questions)))
        for q in data.questions:
            answered = ctx.t("privacy.answered") if q.answered_at else ctx.t("privacy.unanswered")
            lines.append(f"• {_when(ctx, q.asked_at)}: “{q.text[:300]}” ({answered})")
    else:
        lines.append(ctx.t("privacy.mine_no_questions"))
    if data.helpdesk:
        lines.append(ctx.t("privacy.mine_helpdesk", count=len(data.helpdesk)))
        for ticket, messages in data.helpdesk:
            for m in messages:
                who = ctx.t("privacy.helpdesk_staff") if m.from_staff else ctx.t("privacy.helpdesk_me")
                attached = f" [{m.document_name}]" if m.document_name else ""
                lines.append(f"• #{ticket.id} {_when(ctx, m.created_at)} {who}: “{m.text[:300]}”{attached}")
    else:
        lines.append(ctx.t("privacy.mine_no_helpdesk"))
    lines.append(ctx.t("privacy.mine_messages", count=data.messages_received))
    lines += ["", ctx.t("privacy.mine_footer", retention=ctx.services.settings.privacy.retention)]
    ctx.say("\n".join(lines), [[ctx.button("privacy.erase_button", commands.ERASE_DATA.pack()), ctx.menu_button()]])


# -- /hapusdata --------------------------------------------------------------------------------------


async def ask_erase(ctx: Context, _arg: str) -> None:
    """``/hapusdata``: say what will be erased and ask for a confirmation."""
    ctx.say(
        ctx.t("privacy.erase_question"),
        [[ctx.button("privacy.erase_yes", ERASE.pack("ya")), ctx.button("privacy.erase_no", ERASE.pack("tidak"))]],
    )


async def erase_button(ctx: Context, arg: str) -> None:
    """Button ``hapus:<ya|tidak>``: erase the person's data, and tell their kecamatan's coordinator."""
    if arg != "ya":
        ctx.say(ctx.t("privacy.erase_kept"), [[ctx.menu_button()]])
        return
    erased = await erase_person(ctx.session, ctx.contact, ctx.now)
    record = erased.registration
    if record is not None:
        coordinators = await coordinators_of(ctx.session, record.kecamatan)
        await notify_anonymously(ctx, coordinators, "privacy.erased_alert", sekolah=erased.sekolah, npsn=erased.npsn, kecamatan=record.kecamatan)
    ctx.say(ctx.t("privacy.erased", questions=erased.questions))
