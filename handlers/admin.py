"""Admin work on the FAQ: unanswered questions, answering the askers, reloading the knowledge base."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from rapidfuzz import fuzz
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.enums import Role
from bot.services import Services
from handlers.context import Context
from handlers.conversation import Conversation, Payload
from handlers.faqkb.knowledge import FaqError
from handlers.notify import queue_notice
from handlers.validators import Invalid, parse_text
from models.questions import QuestionGroup, mark_answered, open_questions
from models.state import set_state, state_data
from models.tables import Contact, ConversationState, Question

ANSWER_FORM = "faq_answer"
ANSWER_BUTTON = Payload("jawab")  # jawab:<id of one question of the group>
SHOWN_GROUPS = 8
MAX_ANSWER_CHARS = 2000


def group_questions(questions: Sequence[Question]) -> list[QuestionGroup]:
    """Group open questions that say the same thing, most asked first.

    Same normalised words form a group; groups whose keys are near-identical (typos, word
    order) are merged.
    """
    groups: list[QuestionGroup] = []
    for q in questions:
        assert q.id is not None
        for group in groups:
            if group.key == q.group_key or fuzz.token_sort_ratio(group.key, q.group_key) >= 90:
                group.ids.append(q.id)
                group.askers.add(q.contact_id)
                group.in_domain = group.in_domain or q.in_domain
                break
        else:
            groups.append(QuestionGroup(q.group_key, q.text, [q.id], {q.contact_id}, q.in_domain, q.asked_at))
    return sorted(groups, key=lambda g: (not g.in_domain, -g.count, -g.last_asked.timestamp()))


async def list_questions(ctx: Context, _arg: str) -> None:
    """``/pertanyaan``: open questions grouped, most frequent first, each with an answer button."""
    groups = group_questions(await open_questions(ctx.session))
    if not groups:
        ctx.say(ctx.t("questions.none"))
        return
    tz = ctx.services.settings.bot.timezone
    lines = [ctx.t("questions.title", count=sum(g.count for g in groups), groups=len(groups))]
    buttons = []
    for n, group in enumerate(groups[:SHOWN_GROUPS], start=1):
        when = group.last_asked.astimezone(tz).strftime("%d/%m %H:%M")
        scope = "" if group.in_domain else " " + ctx.t("questions.off_topic")
        lines.append(f"{n}. ({group.count}×) “{group.example[:160]}” — {when} WITA{scope}")
        buttons.append(ctx.button("questions.answer_button", ANSWER_BUTTON.pack(group.ids[0]), n=n))
    if len(groups) > SHOWN_GROUPS:
        lines.append(ctx.t("questions.more", count=len(groups) - SHOWN_GROUPS))
    ctx.say("\n".join(lines), [buttons[i : i + 4] for i in range(0, len(buttons), 4)])


async def start_answer(ctx: Context, arg: str) -> None:
    """Button ``jawab:<question id>``: ask the admin for the answer text."""
    groups = group_questions(await open_questions(ctx.session))
    group = next((g for g in groups if arg.isdigit() and int(arg) in g.ids), None)
    if group is None:
        ctx.say(ctx.t("questions.already_answered"))
        return
    await set_state(ctx.session, ctx.contact.id, ANSWER_FORM, "answer", {"ids": group.ids, "example": group.example}, ctx.now)
    ctx.say(ctx.t("questions.type_answer", question=group.example[:300], askers=len(group.askers)))


async def receive_answer(ctx: Context, state: ConversationState, text: str) -> None:
    """The admin's typed answer: store it, close the form, deliver it to every asker after commit."""
    data = state_data(state)
    ids = [i for i in data.get("ids", []) if isinstance(i, int)]
    try:
        answer = parse_answer(text)
    except Invalid as problem:
        ctx.say(ctx.t(problem.key, **problem.values))
        return
    await ctx.session.delete(state)
    askers = await answer_questions(ctx.services, ctx.session, ids, answer, ctx.contact.id)
    if askers is None:
        ctx.say(ctx.t("questions.already_answered"))
        return
    if askers:

        async def wake() -> None:
            ctx.services.wake_outbox()

        ctx.after_commit.append(wake)
    ctx.say(ctx.t("questions.sent", count=askers))


def parse_answer(text: str) -> str:
    """A staff member's answer text, or :class:`Invalid` saying what is wrong with it."""
    return parse_text(text, minimum=2, maximum=MAX_ANSWER_CHARS, short_key="questions.answer_too_short", long_key="questions.answer_too_long")


async def answer_questions(services: Services, session: AsyncSession, ids: list[int], answer: str, staff_id: str) -> int | None:
    """Record ``answer`` on the open questions ``ids`` and queue it for each asker once (chat and web alike).

    Returns how many askers it was queued for, or None when the questions were answered already.
    The caller commits and then wakes the outbox sender.
    """
    questions = await mark_answered(session, ids, answer, staff_id, services.clock.now())
    if not questions:
        return None
    first_by_asker: dict[str, Question] = {}
    for q in questions:
        first_by_asker.setdefault(q.contact_id, q)
    askers = 0
    for question in first_by_asker.values():
        contact = await session.get(Contact, question.contact_id)
        if contact is not None:
            askers += await queue_notice(services, session, [contact], staff_id, "questions.delivered", question=question.text[:300], answer=answer)
    return askers


# The admin's next text is the answer; files and photos are not answers (they get the usual reply).
ANSWER = Conversation(ANSWER_FORM, receive_answer, roles=frozenset({Role.ADMIN}), text_steps=frozenset({"answer"}))


async def reload_faq(ctx: Context, _arg: str) -> None:
    """``/muatulang``: re-read the knowledge base; a broken file leaves the current one in use."""
    engine = ctx.services.faq
    if engine is None:
        ctx.say(ctx.t("faq.unavailable"))
        return
    try:
        count = await asyncio.to_thread(engine.reload)  # file I/O off the event loop
    except (FaqError, OSError) as exc:
        problems = exc.problems if isinstance(exc, FaqError) else [str(exc)]
        ctx.say(ctx.t("faq.reload_failed", problems="\n".join(f"• {p}" for p in problems[:10])))
        return
    ctx.say(ctx.t("faq.reloaded", count=count))
