"""The staff inbox in the chat (``/pertanyaan``): help-desk conversations and unanswered FAQ questions.

Items are listed newest or most-asked first, a page at a time (*Berikutnya* / *Sebelumnya*);
each opens to *Balas*, *Abaikan* (noise: out of the inbox, nobody is messaged), *Tutup* for a
conversation and *Jadikan FAQ* for a question. Every answer is shown as a preview first and goes
out only on *Kirim*. Coordinators see the conversations of their own kecamatan; admins see all,
and the questions.

The staff web pages list the same items (``handlers/inbox.py``). Item keys in button payloads: ``t<ticket id>`` for a conversation, ``q<question id>`` for the
group of questions that question belongs to.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.enums import Role, TicketStatus
from bot.messages import Button
from handlers import commands, faq_file
from handlers.admin import answer_questions, group_questions, parse_answer
from handlers.context import Context
from handlers.conversation import BUTTON, Conversation, Step
from handlers.faqkb.knowledge import TOPIC_LIMIT, FaqError
from handlers.helpdesk import STAFF_BUTTON, deliver_answer, may_handle, who_wrote
from handlers.notify import notify
from handlers.validators import parse_text
from models import helpdesk as tickets
from models.contacts import clear_state, set_state, state_data
from models.questions import QuestionGroup, dismiss_questions, open_questions
from models.tables import Contact, ConversationState, HelpdeskTicket

PAGE_SIZE = 5  # with the paging buttons, within a WhatsApp list's 10 rows
REPLY_FORM = "inbox_reply"
FAQ_FORM = "faq_add"
ORDERS = ("n", "m")  # newest first, most asked first


@dataclass
class Item:
    """One line of the inbox: a help-desk conversation or a group of questions."""

    key: str
    last: datetime
    count: int
    ticket: HelpdeskTicket | None = None
    group: QuestionGroup | None = None


async def inbox_items(ctx: Context, order: str) -> list[Item]:
    """Everything waiting for this staff member, in ``order``."""
    admin = ctx.role == Role.ADMIN
    open_tickets = await tickets.open_tickets(ctx.session, None if admin else (ctx.contact.kecamatan or ""))
    counts = await tickets.message_counts(ctx.session, [t.id for t in open_tickets if t.id is not None])
    items = [Item(f"t{t.id}", t.last_message_at, counts.get(t.id or 0, 0), ticket=t) for t in open_tickets]
    if admin:
        items += [Item(f"q{g.ids[0]}", g.last_asked, g.count, group=g) for g in group_questions(await open_questions(ctx.session))]
    if order == "m":
        items.sort(key=lambda i: (i.group is not None and not i.group.in_domain, -i.count, -i.last.timestamp()))
    else:
        items.sort(key=lambda i: -i.last.timestamp())
    return items


def _when(ctx: Context, moment: datetime) -> str:
    return moment.astimezone(ctx.services.settings.bot.timezone).strftime("%d/%m %H:%M")


async def _staff_name(ctx: Context, contact_id: str | None) -> str:
    staff = await ctx.session.get(Contact, contact_id) if contact_id else None
    return (staff.name if staff and staff.name else contact_id) or "–"


async def _line(ctx: Context, n: int, item: Item) -> str:
    if item.ticket is not None:
        ticket = item.ticket
        assert ticket.id is not None
        preview = await tickets.last_from_person(ctx.session, ticket.id)
        who = await who_wrote(ctx.session, ticket)
        line = ctx.t("staff_inbox.line_ticket", n=n, id=ticket.id, who=who, text=preview[:120], count=item.count, when=_when(ctx, item.last))
        if ticket.assigned_to:
            line += " " + ctx.t("staff_inbox.taken_mark", name=await _staff_name(ctx, ticket.assigned_to))
        return line
    assert item.group is not None
    scope = "" if item.group.in_domain else " " + ctx.t("questions.off_topic")
    return ctx.t("staff_inbox.line_question", n=n, count=item.count, text=item.group.example[:160], when=_when(ctx, item.last)) + scope


async def list_inbox(ctx: Context, arg: str) -> None:
    """``/pertanyaan``: page 1, most asked first (the paging buttons show the others)."""
    await _show_page(ctx, "m", 0)


async def _show_page(ctx: Context, order: str, page: int) -> None:
    items = await inbox_items(ctx, order)
    if not items:
        ctx.say(ctx.t("questions.none"))
        return
    pages = (len(items) + PAGE_SIZE - 1) // PAGE_SIZE
    page = max(0, min(page, pages - 1))
    shown = items[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
    n_tickets = sum(i.ticket is not None for i in items)
    order_name = ctx.t(f"staff_inbox.order_{order}")
    lines = [ctx.t("staff_inbox.title", tickets=n_tickets, questions=len(items) - n_tickets, page=page + 1, pages=pages, order=order_name)]
    for n, item in enumerate(shown, start=page * PAGE_SIZE + 1):
        lines.append(await _line(ctx, n, item))
    lines.append(ctx.t("staff_inbox.pick"))
    picks = [Button(str(n), STAFF_BUTTON.pack("o", item.key)) for n, item in enumerate(shown, start=page * PAGE_SIZE + 1)]
    nav = []
    if page > 0:
        nav.append(ctx.button("staff_inbox.previous", STAFF_BUTTON.pack("p", order, page - 1)))
    if page + 1 < pages:
        nav.append(ctx.button("staff_inbox.next", STAFF_BUTTON.pack("p", order, page + 1)))
    other = "m" if order == "n" else "n"
    nav.append(ctx.button(f"staff_inbox.sort_{other}", STAFF_BUTTON.pack("p", other, 0)))
    ctx.say("\n".join(lines), [picks, nav])


async def _load(ctx: Context, key: str) -> Item | None:
    """The item behind a key, if it is still open and this staff member may see it."""
    kind, number = key[:1], key[1:]
    if not number.isdigit():
        return None
    if kind == "t":
        ticket = await ctx.session.get(HelpdeskTicket, int(number))
        if ticket is None or ticket.status == TicketStatus.CLOSED or not may_handle(ctx.contact, ticket):
            return None
        return Item(key, ticket.last_message_at, 0, ticket=ticket)
    if kind == "q" and ctx.role == Role.ADMIN:
        group = next((g for g in group_questions(await open_questions(ctx.session)) if int(number) in g.ids), None)
        return Item(key, group.last_asked, group.count, group=group) if group else None
    return None


def _back(ctx: Context) -> list[Button]:
    return [ctx.button("staff_inbox.back", STAFF_BUTTON.pack("p", "m", 0))]


async def handle_button(ctx: Context, arg: str) -> None:
    """Button ``inbox:<action>:…`` (staff): page, open, reply, close, dismiss, make FAQ."""
    action, rest = STAFF_BUTTON.unpack(arg, 2)
    if action == "p":
        order, page = STAFF_BUTTON.unpack(rest, 2)
        await _show_page(ctx, order if order in ORDERS else "n", int(page) if page.isdigit() else 0)
        return
    item = await _load(ctx, rest)
    if item is None:
        ctx.say(ctx.t("staff_inbox.gone"), [_back(ctx)])
        return
    actions = {"o": _open, "r": _start_reply, "c": _close, "x": _dismiss, "f": _start_faq}
    handler = actions.get(action)
    if handler is None or (action == "c" and item.ticket is None) or (action == "f" and item.group is None):
        ctx.say(ctx.t("button.expired"), [_back(ctx)])
        return
    await handler(ctx, item)


async def _open(ctx: Context, item: Item) -> None:
    buttons = [[ctx.button("staff_inbox.reply", STAFF_BUTTON.pack("r", item.key)), ctx.button("staff_inbox.dismiss", STAFF_BUTTON.pack("x", item.key))]]
    if item.ticket is not None:
        ticket = item.ticket
        assert ticket.id is not None
        lines = [ctx.t("staff_inbox.ticket_head", id=ticket.id, who=await who_wrote(ctx.session, ticket))]
        if ticket.assigned_to:
            lines.append(ctx.t("staff_inbox.taken_mark", name=await _staff_name(ctx, ticket.assigned_to)))
        for message in await tickets.ticket_messages(ctx.session, ticket.id, limit=8):
            author = ctx.t("staff_inbox.from_staff") if message.from_staff else ctx.t("staff_inbox.from_person")
            attached = f" 📎 {message.document_name}" if message.document_name else ""
            lines.append(f"[{_when(ctx, message.created_at)}] {author}: {message.text[:400]}{attached}")
        buttons[0].insert(1, ctx.button("staff_inbox.close", STAFF_BUTTON.pack("c", item.key)))
    else:
        group = item.group
        assert group is not None
        lines = [ctx.t("staff_inbox.question_head", text=group.example[:400], count=group.count, askers=len(group.askers), when=_when(ctx, group.last_asked))]
        buttons.append([ctx.button("staff_inbox.make_faq", STAFF_BUTTON.pack("f", item.key))])
    buttons.append(_back(ctx))
    ctx.say("\n".join(lines), buttons)


# -- answering, with a preview --------------------------------------------------------------------


async def _start_reply(ctx: Context, item: Item) -> None:
    if item.ticket is not None:
        ticket = item.ticket
        if ticket.assigned_to not in (None, ctx.contact.id):
            ctx.say(ctx.t("staff_inbox.taken_by_other", id=ticket.id, name=await _staff_name(ctx, ticket.assigned_to)), [_back(ctx)])
            return
        prompt = ctx.t("staff_inbox.type_answer_ticket", id=ticket.id, who=await who_wrote(ctx.session, ticket))
    else:
        assert item.group is not None
        prompt = ctx.t("questions.type_answer", question=item.group.example[:300], askers=len(item.group.askers))
    await set_state(ctx.session, ctx.contact.id, REPLY_FORM, "text", {"item": item.key}, ctx.now)
    ctx.say(prompt, [[_cancel_button(ctx)]])


def _cancel_button(ctx: Context) -> Button:
    return ctx.button("form.cancel", BUTTON.pack("batal"))


def _preview_buttons(ctx: Context) -> list[list[Button]]:
    return [[ctx.button("staff_inbox.send", BUTTON.pack("kirim")), ctx.button("form.edit", BUTTON.pack("ubah")), _cancel_button(ctx)]]


def _read_answer(ctx: Context, text: str) -> str | None:
    return ctx.checked(lambda: parse_answer(text))


async def receive_reply(ctx: Context, state: ConversationState, text: str) -> None:
    """The typed answer (also a new one typed at the preview): show it as it will go out."""
    answer = _read_answer(ctx, text)
    if answer is None:
        return
    data = state_data(state)
    item = await _load(ctx, str(data.get("item", "")))
    if item is None:
        await clear_state(ctx.session, ctx.contact.id)
        ctx.say(ctx.t("staff_inbox.gone"), [_back(ctx)])
        return
    data["answer"] = answer
    await set_state(ctx.session, ctx.contact.id, REPLY_FORM, "preview", data, ctx.now)
    to = await who_wrote(ctx.session, item.ticket) if item.ticket else ctx.t("staff_inbox.askers", count=len(item.group.askers) if item.group else 0)
    ctx.say(ctx.t("staff_inbox.preview", to=to, answer=answer), _preview_buttons(ctx))


async def _not_sent(ctx: Context, _state: ConversationState, _rest: str) -> None:
    """*Batal* (any step): nothing goes out."""
    await clear_state(ctx.session, ctx.contact.id)
    ctx.say(ctx.t("staff_inbox.not_sent"), [_back(ctx)])


async def _type_again(ctx: Context, state: ConversationState, _rest: str) -> None:
    """*Ubah* under the preview: type the answer again."""
    await set_state(ctx.session, ctx.contact.id, REPLY_FORM, "text", state_data(state), ctx.now)
    ctx.say(ctx.t("staff_inbox.type_again"), [[_cancel_button(ctx)]])


async def _send_reply(ctx: Context, state: ConversationState, _rest: str) -> None:
    """*Kirim* under the preview."""
    data = state_data(state)
    answer = data.get("answer")
    if not isinstance(answer, str):
        ctx.say(ctx.t("button.expired"))
        return
    await _send_answer(ctx, str(data.get("item", "")), answer)


async def _send_answer(ctx: Context, key: str, answer: str) -> None:
    await clear_state(ctx.session, ctx.contact.id)
    item = await _load(ctx, key)
    if item is None:
        ctx.say(ctx.t("staff_inbox.gone"), [_back(ctx)])
        return
    if item.ticket is not None:
        await answer_ticket(ctx, item.ticket, answer)
    else:
        assert item.group is not None
        count = await deliver_to_askers(ctx, item.group.ids, answer)
        ctx.say(ctx.t("questions.sent", count=count), [_back(ctx)])


async def answer_ticket(ctx: Context, ticket: HelpdeskTicket, answer: str) -> None:
    """Send the staff answer to the person; the first to answer takes the conversation."""
    assert ticket.id is not None
    if not await deliver_answer(ctx.services, ctx.session, ticket, ctx.contact, answer):
        ctx.say(ctx.t("staff_inbox.taken_by_other", id=ticket.id, name=await _staff_name(ctx, ticket.assigned_to)), [_back(ctx)])
        return
    _wake_after_commit(ctx)
    ctx.say(ctx.t("staff_inbox.sent_ticket", id=ticket.id), [[ctx.button("staff_inbox.close", STAFF_BUTTON.pack("c", f"t{ticket.id}"))], _back(ctx)])


def _wake_after_commit(ctx: Context) -> None:
    async def wake() -> None:
        ctx.services.wake_outbox()

    ctx.after_commit.append(wake)


async def deliver_to_askers(ctx: Context, ids: list[int], answer: str) -> int:
    """Record ``answer`` on these questions and queue it for each asker once (as the web pages do); return how many."""
    count = await answer_questions(ctx.services, ctx.session, ids, answer, ctx.contact.id) or 0
    if count:
        _wake_after_commit(ctx)
    return count


async def _close(ctx: Context, item: Item) -> None:
    ticket = item.ticket
    assert ticket is not None and ticket.id is not None
    tickets.close(ticket, ctx.contact.id, ctx.now)
    person = await ctx.session.get(Contact, ticket.contact_id)
    if person is not None:
        await notify(ctx, [person], "helpdesk.closed", buttons=[[("menu.helpdesk", commands.HELPDESK.pack())]], id=ticket.id)
    ctx.say(ctx.t("staff_inbox.closed", id=ticket.id), [_back(ctx)])


async def _dismiss(ctx: Context, item: Item) -> None:
    if item.ticket is not None:
        tickets.close(item.ticket, ctx.contact.id, ctx.now, dismissed=True)
    else:
        assert item.group is not None
        await dismiss_questions(ctx.session, item.group.ids, ctx.contact.id, ctx.now)
    ctx.say(ctx.t("staff_inbox.dismissed"), [_back(ctx)])


# -- "Jadikan FAQ": the answer joins the knowledge base -------------------------------------------


async def _start_faq(ctx: Context, item: Item) -> None:
    group = item.group
    assert group is not None
    data: dict[str, Any] = {"item": item.key, "question": group.example[:300]}
    await set_state(ctx.session, ctx.contact.id, FAQ_FORM, "choose", data, ctx.now)
    await _ask_kind(ctx, data)


async def _ask_kind(ctx: Context, data: dict[str, Any]) -> None:
    engine = ctx.services.faq
    match = engine.match(str(data["question"])) if engine is not None else None
    near = ([match.entry] if match is not None and match.entry is not None else []) + list(match.suggestions if match is not None else ())
    rows = [[ctx.button("faq_add.new_entry", BUTTON.pack("baru"))]]
    rows += [[Button(ctx.t("faq_add.as_variant", topic=e.topic.get(ctx.lang, e.topic["id"])), BUTTON.pack("varian", e.id))] for e in near[:3]]
    rows.append([_cancel_button(ctx)])
    ctx.say(ctx.t("faq_add.choose", question=data["question"]), rows)


# A new entry: its answer, topic label and English answer, one step at a time, then the preview.


async def _take_faq_answer(ctx: Context, state: ConversationState, text: str) -> None:
    answer = _read_answer(ctx, text)
    if answer is None:
        return
    data = state_data(state)
    data["answer"] = answer
    await set_state(ctx.session, ctx.contact.id, FAQ_FORM, "topic", data, ctx.now)
    ctx.say(ctx.t("faq_add.ask_topic", limit=TOPIC_LIMIT))


async def _take_faq_topic(ctx: Context, state: ConversationState, text: str) -> None:
    topic = ctx.checked(lambda: parse_text(text, minimum=3, maximum=TOPIC_LIMIT, short_key="faq_add.topic_short", long_key="faq_add.topic_long", one_line=True))
    if topic is None:
        return
    data = state_data(state)
    data["topic"] = topic
    await set_state(ctx.session, ctx.contact.id, FAQ_FORM, "answer_en", data, ctx.now)
    ctx.say(ctx.t("faq_add.ask_answer_en"))


async def _take_faq_answer_en(ctx: Context, state: ConversationState, text: str) -> None:
    data = state_data(state)
    answer_en = str(data.get("answer", "")) if text.strip() == "-" else _read_answer(ctx, text)
    if answer_en is None:
        return
    data["answer_en"] = answer_en
    await _faq_preview(ctx, data)


async def _use_buttons(ctx: Context, _state: ConversationState, _text: str) -> None:
    ctx.say(ctx.t("form.use_buttons"))


async def _faq_preview(ctx: Context, data: dict[str, Any]) -> None:
    item = await _load(ctx, str(data.get("item", "")))
    if item is None or item.group is None:
        await clear_state(ctx.session, ctx.contact.id)
        ctx.say(ctx.t("staff_inbox.gone"), [_back(ctx)])
        return
    await set_state(ctx.session, ctx.contact.id, FAQ_FORM, "preview", data, ctx.now)
    askers = len(item.group.askers)
    if data.get("entry"):
        engine = ctx.services.faq
        entry = engine.get(str(data["entry"])) if engine is not None else None
        if entry is None:
            await _ask_kind(ctx, data)
            return
        topic, answer = entry.topic.get(ctx.lang, entry.topic["id"]), entry.answer.get(ctx.lang, entry.answer["id"])
        text = ctx.t("faq_add.preview_variant", question=data["question"], topic=topic, answer=answer, askers=askers)
    else:
        text = ctx.t("faq_add.preview_new", question=data["question"], topic=data["topic"], answer=data["answer"], answer_en=data["answer_en"], askers=askers)
    ctx.say(text, _preview_buttons(ctx))


async def _new_entry(ctx: Context, state: ConversationState, _rest: str) -> None:
    """*Entri baru*: the answer is typed next."""
    data = state_data(state)
    data.pop("entry", None)
    await set_state(ctx.session, ctx.contact.id, FAQ_FORM, "answer", data, ctx.now)
    ctx.say(ctx.t("faq_add.ask_answer", question=data.get("question", "")))


async def _as_variant(ctx: Context, state: ConversationState, entry_id: str) -> None:
    """A topic pressed: the question becomes a variant of it (the preview first)."""
    if ctx.services.faq is None or ctx.services.faq.get(entry_id) is None:
        ctx.say(ctx.t("button.expired"))
        return
    data = state_data(state)
    data["entry"] = entry_id
    await _faq_preview(ctx, data)


async def _choose_again(ctx: Context, state: ConversationState, _rest: str) -> None:
    """*Ubah* under the preview: choose new entry or variant again."""
    data = state_data(state)
    data.pop("entry", None)
    await set_state(ctx.session, ctx.contact.id, FAQ_FORM, "choose", data, ctx.now)
    await _ask_kind(ctx, data)


async def _save_button(ctx: Context, state: ConversationState, _rest: str) -> None:
    await _save_faq(ctx, state_data(state))


async def _save_faq(ctx: Context, data: dict[str, Any]) -> None:
    await clear_state(ctx.session, ctx.contact.id)
    item = await _load(ctx, str(data.get("item", "")))
    engine = ctx.services.faq
    if item is None or item.group is None or engine is None:
        ctx.say(ctx.t("staff_inbox.gone" if engine is not None else "faq.unavailable"), [_back(ctx)])
        return
    path = ctx.services.settings.bot.faq_path
    question = str(data["question"])
    try:
        # File work off the event loop: other contacts' messages go on meanwhile.
        if data.get("entry"):
            entry_id = str(data["entry"])
            await asyncio.to_thread(faq_file.add_variant, path, entry_id, question)
        else:
            entry_id = await asyncio.to_thread(faq_file.add_entry, path, str(data["topic"]), question, str(data["answer"]), str(data["answer_en"]))
        await asyncio.to_thread(engine.reload)  # indexing (in a child process) off the event loop too
    except (FaqError, OSError) as exc:
        problems = exc.problems if isinstance(exc, FaqError) else [str(exc)]
        ctx.say(ctx.t("faq_add.refused", problems="\n".join(f"• {p}" for p in problems[:10])), [_back(ctx)])
        return
    entry = engine.get(entry_id)
    answer = entry.answer["id"] if entry is not None else str(data.get("answer", ""))
    count = await deliver_to_askers(ctx, item.group.ids, answer)
    ctx.say(ctx.t("faq_add.saved", id=entry_id, count=count), [_back(ctx)])


STAFF = frozenset({Role.COORDINATOR, Role.ADMIN})
# Answering: the text (a new one also typed at the preview), then Kirim / Ubah / Batal.
REPLY = Conversation(
    REPLY_FORM,
    receive_reply,
    steps=(Step("text", free_text=True), Step("preview", buttons={"kirim": _send_reply, "ubah": _type_again})),
    buttons={"batal": _not_sent},
    roles=STAFF,
)
# "Jadikan FAQ": new entry or variant of a near topic, a new entry's texts, then Kirim / Ubah / Batal.
MAKE_FAQ = Conversation(
    FAQ_FORM,
    _use_buttons,
    steps=(
        Step("choose", buttons={"baru": _new_entry, "varian": _as_variant}),
        Step("answer", _take_faq_answer, free_text=True),
        Step("topic", _take_faq_topic, free_text=True),
        Step("answer_en", _take_faq_answer_en, free_text=True),
        Step("preview", buttons={"kirim": _save_button, "ubah": _choose_again}),
    ),
    buttons={"batal": _not_sent},
    roles=frozenset({Role.ADMIN}),
)
