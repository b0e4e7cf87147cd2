"""Admin work on the FAQ: grouping unanswered questions, answering the askers (chat and web), reloading the knowledge base."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from rapidfuzz import fuzz
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.services import Services
from handlers.context import Context
from handlers.faqkb.knowledge import FaqError
from handlers.notify import queue_notice
from handlers.validators import parse_text
from models.questions import QuestionGroup, mark_answered
from models.tables import Contact, Question

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
