"""Circulars (``/siaran``) and their acknowledgements.

Composing is a conversation (:data:`CIRCULAR`): the text, then a file (its one step that takes a
document), then the audience picked with toggle buttons, a preview (where the text can still be
changed), and send now or at a time. A circular scheduled for later is listed with
``/siaran daftar``, and can be called off or get a corrected text until its time comes.
"""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta
from typing import Any

from bot.dates import format_moment
from bot.enums import MessageKind, MessageStatus, Role
from bot.messages import Button, Document, Payload, shorten
from handlers import commands
from handlers.context import Context
from handlers.conversation import Conversation, Step
from handlers.validators import Invalid, parse_text, read_date
from models.contacts import clear_state, get_state, set_state, state_data
from models.outbox import (
    acknowledge,
    audience_contacts,
    cancel_scheduled,
    create_message,
    delete_drafts_of,
    edit_scheduled,
    enqueue,
    scheduled_broadcasts,
    still_scheduled,
)
from models.tables import Contact, ConversationState, OutboxMessage

FORM = "siaran"
BUTTON = commands.BROADCAST  # siaran:<action>[:<kind>:<index>] while composing
ACK_BUTTON = Payload("baca")  # baca:<message id> under a delivered circular
MAX_TEXT = 3500
MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
GROUPS = ("all", Role.PRINCIPAL.value, Role.COORDINATOR.value)
LIST_WORDS = ("daftar", "list", "terjadwal", "jadwal")
# Presses that work outside composing: list, and per scheduled circular edit / cancel (ask, then confirm).
SCHEDULED_ACTIONS = ("list", "edit", "drop", "dropok")


# -- composing -----------------------------------------------------------------------------------------


async def start_broadcast(ctx: Context, arg: str) -> None:
    """``/siaran`` (admin): the text first; buttons drive the rest (``siaran:<action>``).

    ``/siaran daftar`` lists the circulars scheduled for later.
    """
    if arg.strip().lower() in LIST_WORDS:
        await list_scheduled(ctx)
        return
    if arg:
        action, rest = BUTTON.unpack(arg, 2)
        if action in SCHEDULED_ACTIONS:
            await _scheduled_action(ctx, action, rest)
        else:
            await _press(ctx, arg)
        return
    # Starting again: any circular this admin left half-composed goes (also one whose composing
    # was replaced by another conversation, which left its draft behind).
    await delete_drafts_of(ctx.session, ctx.contact.id)
    await set_state(ctx.session, ctx.contact.id, FORM, "text", {}, ctx.now)
    waiting = await scheduled_broadcasts(ctx.session, ctx.now)
    buttons = [[ctx.button("broadcast.list_button", BUTTON.pack("list"), count=len(waiting))]] if waiting else []
    ctx.say(ctx.t("broadcast.ask_text"), buttons)


def _circular_text(ctx: Context, text: str) -> str | None:
    """The circular's text checked (5 to 3,500 characters); ``None`` after saying what is wrong."""
    return ctx.checked(lambda: parse_text(text, minimum=5, maximum=MAX_TEXT, short_key="broadcast.text_short", long_key="broadcast.text_long"))


async def _take_text(ctx: Context, state: ConversationState, typed: str) -> None:
    """Step ``text``: the circular's text (a new draft), or its new text from the preview's "Ubah teks"."""
    text = _circular_text(ctx, typed)
    if text is None:
        return
    data = state_data(state)
    draft = await ctx.session.get(OutboxMessage, data["message"]) if data.get("message") else None
    if draft is not None and draft.status == MessageStatus.DRAFT:
        draft.text = text
        await _preview(ctx, data)
        return
    message = await create_message(
        ctx.session, MessageKind.BROADCAST, text, created_by=ctx.contact.id, ack_button=True, status=MessageStatus.DRAFT, now=ctx.now
    )
    await set_state(ctx.session, ctx.contact.id, FORM, "document", {"message": message.id}, ctx.now)
    _ask_document(ctx)


async def _take_scheduled_text(ctx: Context, state: ConversationState, typed: str) -> None:
    """Step ``retext``: a scheduled circular's new text, shown before it is saved."""
    text = _circular_text(ctx, typed)
    if text is None:
        return
    data = state_data(state)
    data["text"] = text
    await _preview_scheduled_edit(ctx, data)


def _ask_document(ctx: Context) -> None:
    ctx.say(ctx.t("broadcast.ask_document"), [[ctx.button("broadcast.no_document", BUTTON.pack("nodoc"))]])


async def _document_typed(ctx: Context, state: ConversationState, text: str) -> None:
    """Step ``document``: "-" (or "tidak") for no file; anything else asks for the file again."""
    if text.strip() in ("-", "tidak", "tanpa", "tidak ada"):
        await _ask_audience(ctx, state_data(state))
    else:
        _ask_document(ctx)


async def _schedule_typed(ctx: Context, state: ConversationState, text: str) -> None:
    """Step ``schedule``: the day and time to send at."""
    await _schedule(ctx, state_data(state), text)


async def _use_buttons(ctx: Context, state: ConversationState, _text: str) -> None:
    """Text where buttons are expected: back to choosing the audience, with a note."""
    await _ask_audience(ctx, state_data(state), ctx.t("form.use_buttons"))


async def _use_buttons_scheduled(ctx: Context, state: ConversationState, _text: str) -> None:
    """Text where the scheduled edit's buttons are expected: its preview again, with a note."""
    await _preview_scheduled_edit(ctx, state_data(state), ctx.t("form.use_buttons"))


async def receive_document(ctx: Context, state: ConversationState, doc: Document) -> None:
    """A file sent at the document step: the circular's document (PDF)."""
    if len(doc.content) > MAX_DOCUMENT_BYTES:
        ctx.say(ctx.t("broadcast.document_big"))
        return
    data = state_data(state)
    message = await ctx.session.get(OutboxMessage, data.get("message"))
    if message is None:
        await clear_state(ctx.session, ctx.contact.id)
        ctx.say(ctx.t("button.expired"))
        return
    message.document_name, message.document_mime, message.document = doc.filename[:200], doc.mime_type[:100], doc.content
    ctx.say(ctx.t("broadcast.document_ok", name=doc.filename))
    await _ask_audience(ctx, data)


async def _document_unexpected(ctx: Context, _state: ConversationState) -> None:
    ctx.say(ctx.t("broadcast.document_unexpected"))


def _audience(data: dict[str, Any]) -> dict[str, list[str]]:
    raw = data.get("audience") or {}
    return {k: [v for v in raw.get(k, []) if isinstance(v, str)] for k in ("groups", "jenjang", "kecamatan")}


async def _ask_audience(ctx: Context, data: dict[str, Any], note: str = "") -> None:
    audience = _audience(data)
    data["audience"] = audience
    await set_state(ctx.session, ctx.contact.id, FORM, "audience", data, ctx.now)
    settings = ctx.services.settings.registration

    def toggle(label: str, kind: str, value: str, index: int) -> Button:
        mark = "✅ " if value in audience[kind] else "▫️ "
        return Button(mark + label, BUTTON.pack("t", kind[0], index))

    rows = [[toggle(ctx.t(f"broadcast.group_{g}"), "groups", g, i) for i, g in enumerate(GROUPS)]]
    rows.append([toggle(j, "jenjang", j, i) for i, j in enumerate(settings.jenjang)])
    kec = [toggle(k, "kecamatan", k, i) for i, k in enumerate(settings.kecamatan)]
    rows += [kec[i : i + 3] for i in range(0, len(kec), 3)]
    rows.append([ctx.button("broadcast.preview", BUTTON.pack("preview")), ctx.button("form.cancel", BUTTON.pack("cancel"))])
    lines = [note] if note else []
    lines.append(ctx.t("broadcast.ask_audience"))
    ctx.say("\n".join(lines), rows)


async def _recipients(ctx: Context, data: dict[str, Any]) -> list[Contact]:
    audience = _audience(data)
    return await audience_contacts(ctx.session, audience["groups"], audience["jenjang"], audience["kecamatan"])


async def _preview(ctx: Context, data: dict[str, Any]) -> None:
    audience = _audience(data)
    if not audience["groups"]:
        await _ask_audience(ctx, data, ctx.t("broadcast.pick_group"))
        return
    message = await ctx.session.get(OutboxMessage, data.get("message"))
    if message is None:
        await clear_state(ctx.session, ctx.contact.id)
        ctx.say(ctx.t("button.expired"))
        return
    recipients = await _recipients(ctx, data)
    per_channel = ", ".join(f"{name} {sum(c.channel == name for c in recipients)}" for name in sorted({c.channel for c in recipients}))
    describe = " + ".join(ctx.t(f"broadcast.group_{g}") for g in audience["groups"])
    if audience["jenjang"]:
        describe += " · " + "/".join(audience["jenjang"])
    if audience["kecamatan"]:
        describe += " · " + ", ".join(audience["kecamatan"])
    await set_state(ctx.session, ctx.contact.id, FORM, "preview", data, ctx.now)
    lines = [
        ctx.t("broadcast.preview_title"),
        "",
        message.text,
        "",
        ctx.t("broadcast.preview_document", name=message.document_name) if message.document_name else ctx.t("broadcast.preview_no_document"),
        ctx.t("broadcast.preview_audience", audience=describe, count=len(recipients), channels=per_channel or "–"),
    ]
    buttons = [[ctx.button("broadcast.send_now", BUTTON.pack("send")), ctx.button("broadcast.schedule", BUTTON.pack("schedule"))],
               [ctx.button("broadcast.change_text", BUTTON.pack("retext")), ctx.button("broadcast.change_audience", BUTTON.pack("audience"))],
               [ctx.button("form.cancel", BUTTON.pack("cancel"))]]  # fmt: skip
    ctx.say("\n".join(lines), buttons if recipients else buttons[1:])


async def _commit_send(ctx: Context, data: dict[str, Any], when: datetime) -> None:
    message = await ctx.session.get(OutboxMessage, data.get("message"))
    if message is None or message.status != MessageStatus.DRAFT:
        await clear_state(ctx.session, ctx.contact.id)
        ctx.say(ctx.t("button.expired"))
        return
    recipients = await _recipients(ctx, data)
    if not recipients:
        await _ask_audience(ctx, data, ctx.t("broadcast.nobody"))
        return
    message.audience = json.dumps(_audience(data))
    count = await enqueue(ctx.session, message, recipients, when)
    await clear_state(ctx.session, ctx.contact.id)
    ctx.after_commit.append(_wake(ctx))
    now = ctx.now
    if when <= now:
        ctx.say(ctx.t("broadcast.queued", count=count, id=message.id))
    else:
        ctx.say(ctx.t("broadcast.scheduled", count=count, id=message.id, when=format_moment(when, ctx.services.settings.bot.timezone)))


def _wake(ctx: Context) -> Any:
    async def wake() -> None:
        ctx.services.wake_outbox()

    return wake


_TIME_RE = re.compile(r"^(.*?)[\s,]+(?:jam|pukul|pkl)?\s*(\d{1,2})[.:](\d{2})\s*(?:wita)?$")


async def _schedule(ctx: Context, data: dict[str, Any], text: str) -> None:
    tz = ctx.services.settings.bot.timezone
    now = ctx.now
    match = _TIME_RE.match(text.strip().lower())
    try:
        if not match:
            raise Invalid("broadcast.time_format")
        day = read_date(match[1], now.astimezone(tz).date())
        hour, minute = int(match[2]), int(match[3])
        if hour > 23 or minute > 59:
            raise Invalid("broadcast.time_format")
        when = datetime(day.year, day.month, day.day, hour, minute, tzinfo=tz)
    except Invalid:
        ctx.say(ctx.t("broadcast.time_format"))
        return
    if when <= now + timedelta(minutes=1):
        ctx.say(ctx.t("broadcast.time_past"))
        return
    await _commit_send(ctx, data, when)


async def _press(ctx: Context, arg: str) -> None:
    """A composing button (``siaran:<action>…``): valid only at the step that offered it."""
    state = await get_state(ctx.session, ctx.contact.id)
    if state is None or state.form != FORM or not await CIRCULAR.press(ctx, state, arg):
        ctx.say(ctx.t("button.expired"))


async def _cancel(ctx: Context, state: ConversationState, _rest: str) -> None:
    """*Batal* (any step): the draft and its PDF go; a scheduled circular keeps its old text."""
    await discard_draft(ctx, state)
    await clear_state(ctx.session, ctx.contact.id)
    ctx.say(ctx.t("broadcast.edit_dropped" if state_data(state).get("scheduled") else "cancel.done"))


async def _to_audience(ctx: Context, state: ConversationState, _rest: str) -> None:
    """*Tanpa lampiran*, or *Ubah penerima* from the preview: choose the audience."""
    await _ask_audience(ctx, state_data(state))


async def _to_preview(ctx: Context, state: ConversationState, _rest: str) -> None:
    await _preview(ctx, state_data(state))


async def _send_now(ctx: Context, state: ConversationState, _rest: str) -> None:
    await _commit_send(ctx, state_data(state), ctx.now)


async def _ask_time(ctx: Context, state: ConversationState, _rest: str) -> None:
    await set_state(ctx.session, ctx.contact.id, FORM, "schedule", state_data(state), ctx.now)
    ctx.say(ctx.t("broadcast.ask_time"))


async def _ask_new_text(ctx: Context, state: ConversationState, _rest: str) -> None:
    """*Ubah teks*: from the preview back to step ``text``, from a scheduled edit's preview to ``retext``."""
    await set_state(ctx.session, ctx.contact.id, FORM, "text" if state.step == "preview" else "retext", state_data(state), ctx.now)
    ctx.say(ctx.t("broadcast.ask_new_text"))


async def _save(ctx: Context, state: ConversationState, _rest: str) -> None:
    await _save_scheduled_edit(ctx, state_data(state))


async def discard_draft(ctx: Context, state: ConversationState) -> None:
    """Delete the circular being composed (its text and PDF live in its draft outbox row)."""
    message_id = state_data(state).get("message")
    message = await ctx.session.get(OutboxMessage, message_id) if isinstance(message_id, int) else None
    if message is not None and message.status == MessageStatus.DRAFT:
        await ctx.session.delete(message)


async def _toggle(ctx: Context, state: ConversationState, rest: str) -> None:
    """A group, jenjang or kecamatan pressed on or off (``t:<kind>:<index>``)."""
    data = state_data(state)
    kind_code, index = BUTTON.unpack(rest, 2)
    settings = ctx.services.settings.registration
    options = {"g": ("groups", GROUPS), "j": ("jenjang", settings.jenjang), "k": ("kecamatan", settings.kecamatan)}.get(kind_code)
    if options is None or not index.isdigit() or int(index) >= len(options[1]):
        ctx.say(ctx.t("button.expired"))
        return
    kind, values = options
    audience = _audience(data)
    value = values[int(index)]
    chosen = audience[kind]
    if kind == "groups" and value not in chosen:
        # "Semua kontak" already holds every group: it stands alone, and another group replaces it.
        audience[kind] = [value] if value == "all" else [*(v for v in chosen if v != "all"), value]
    else:
        audience[kind] = [v for v in chosen if v != value] if value in chosen else [*chosen, value]
    data["audience"] = audience
    await _ask_audience(ctx, data)


# -- scheduled circulars ------------------------------------------------------------------------------


def _scheduled_line(ctx: Context, message: OutboxMessage) -> str:
    when = format_moment(message.send_at, ctx.services.settings.bot.timezone)
    return ctx.t("broadcast.scheduled_line", id=message.id, when=when, count=message.total, text=shorten(message.text, 60))


async def list_scheduled(ctx: Context) -> None:
    """``/siaran daftar``: circulars waiting for their time, each with Ubah teks / Batalkan."""
    waiting = await scheduled_broadcasts(ctx.session, ctx.now)
    if not waiting:
        ctx.say(ctx.t("broadcast.none_scheduled"), [[ctx.menu_button()]])
        return
    lines = [ctx.t("broadcast.scheduled_title", count=len(waiting))]
    buttons = []
    for message in waiting[:10]:
        lines.append(_scheduled_line(ctx, message))
        buttons.append([ctx.button("broadcast.edit_button", BUTTON.pack("edit", message.id), id=message.id),
                        ctx.button("broadcast.drop_button", BUTTON.pack("drop", message.id), id=message.id)])  # fmt: skip
    ctx.say("\n\n".join(lines), buttons)


async def _scheduled_action(ctx: Context, action: str, arg: str) -> None:
    if action == "list":
        await list_scheduled(ctx)
        return
    message = await still_scheduled(ctx.session, int(arg), ctx.now) if arg.isdigit() else None
    if message is None or message.id is None:
        ctx.say(ctx.t("broadcast.not_scheduled"), [[ctx.button("broadcast.list_button_plain", BUTTON.pack("list"))]])
        return
    if action == "drop":
        ctx.say(ctx.t("broadcast.drop_confirm", line=_scheduled_line(ctx, message)),
                [[ctx.button("broadcast.drop_yes", BUTTON.pack("dropok", message.id)), ctx.button("broadcast.drop_no", BUTTON.pack("list"))]])  # fmt: skip
    elif action == "dropok":
        await cancel_scheduled(ctx.session, message.id, ctx.now)
        ctx.say(ctx.t("broadcast.dropped", id=message.id), [[ctx.button("broadcast.list_button_plain", BUTTON.pack("list"))]])
    else:  # edit: the new text is typed next, then shown before it is saved
        when = format_moment(message.send_at, ctx.services.settings.bot.timezone)
        await set_state(ctx.session, ctx.contact.id, FORM, "retext", {"message": message.id, "scheduled": True}, ctx.now)
        ctx.say(ctx.t("broadcast.ask_scheduled_text", id=message.id, when=when, text=message.text))


async def _preview_scheduled_edit(ctx: Context, data: dict[str, Any], note: str = "") -> None:
    message = await still_scheduled(ctx.session, data.get("message") or 0, ctx.now)
    if message is None:
        await clear_state(ctx.session, ctx.contact.id)
        ctx.say(ctx.t("broadcast.not_scheduled"))
        return
    when = format_moment(message.send_at, ctx.services.settings.bot.timezone)
    await set_state(ctx.session, ctx.contact.id, FORM, "repreview", data, ctx.now)
    lines = [note] if note else []
    lines += [ctx.t("broadcast.edit_preview_title", id=message.id), "", data["text"], "", ctx.t("broadcast.edit_preview_when", when=when, count=message.total)]
    ctx.say("\n".join(lines), [[ctx.button("broadcast.save_text", BUTTON.pack("save")), ctx.button("broadcast.change_text", BUTTON.pack("retext"))],
                               [ctx.button("broadcast.keep_old", BUTTON.pack("cancel"))]])  # fmt: skip


async def _save_scheduled_edit(ctx: Context, data: dict[str, Any]) -> None:
    await clear_state(ctx.session, ctx.contact.id)
    message_id = data.get("message") or 0
    message = await still_scheduled(ctx.session, message_id, ctx.now)
    if message is None or not await edit_scheduled(ctx.session, message_id, data.get("text", ""), ctx.now):
        ctx.say(ctx.t("broadcast.not_scheduled"))
        return
    when = format_moment(message.send_at, ctx.services.settings.bot.timezone)
    ctx.say(ctx.t("broadcast.text_saved", id=message_id, when=when), [[ctx.button("broadcast.list_button_plain", BUTTON.pack("list"))]])


# -- acknowledgements ----------------------------------------------------------------------


async def acknowledge_read(ctx: Context, arg: str) -> None:
    """Button ``baca:<message id>``: the recipient read the circular."""
    result = await acknowledge(ctx.session, int(arg), ctx.contact.id, ctx.now) if arg.isdigit() else None
    if result is None:
        ctx.say(ctx.t("button.expired"))
    else:
        ctx.say(ctx.t("broadcast.ack_thanks" if result else "broadcast.ack_again"))


# Composing, step by step: what each step waits for. A new circular goes text → document →
# audience → preview → (send now | schedule); a scheduled one's new text goes retext → repreview.
CIRCULAR = Conversation(
    FORM,
    _use_buttons,
    steps=(
        Step("text", _take_text, free_text=True),
        Step("document", _document_typed, on_document=receive_document, buttons={"nodoc": _to_audience}),
        Step("audience", _use_buttons, buttons={"t": _toggle, "preview": _to_preview}),
        Step("preview", _use_buttons, buttons={"send": _send_now, "schedule": _ask_time, "retext": _ask_new_text, "audience": _to_audience}),
        Step("schedule", _schedule_typed, free_text=True),
        Step("retext", _take_scheduled_text, free_text=True),
        Step("repreview", _use_buttons_scheduled, buttons={"save": _save, "retext": _ask_new_text}),
    ),
    buttons={"cancel": _cancel},
    on_media=_document_unexpected,
    roles=frozenset({Role.ADMIN}),
    on_leave=discard_draft,
)
