"""Queries on unanswered questions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.tables import Question

MAX_QUESTION_CHARS = 500
# Waiting for an answer: neither answered nor dismissed as noise.
_OPEN = (col(Question.answered_at).is_(None), col(Question.dismissed_at).is_(None))


async def record_question(session: AsyncSession, contact_id: str, text: str, language: str, in_domain: bool, now: datetime, group_key: str = "") -> Question:
    """Keep a question the bot could not answer."""
    question = Question(
        contact_id=contact_id,
        text=text.strip()[:MAX_QUESTION_CHARS],
        group_key=(group_key or text.strip().lower())[:200],
        language=language,
        in_domain=in_domain,
        asked_at=now,
    )
    session.add(question)
    await session.flush()
    return question


@dataclass
class QuestionGroup:
    """Open questions that say the same thing."""

    key: str
    example: str
    ids: list[int]
    askers: set[str]
    in_domain: bool
    last_asked: datetime

    @property
    def count(self) -> int:
        """How many times it was asked."""
        return len(self.ids)


async def open_questions(session: AsyncSession, limit: int = 2000) -> list[Question]:
    """Unanswered questions, newest first."""
    result = await session.exec(select(Question).where(*_OPEN).order_by(col(Question.asked_at).desc()).limit(limit))
    return list(result)


async def count_open_questions(session: AsyncSession) -> int:
    """How many questions wait for an answer."""
    from sqlalchemy import func

    result = await session.exec(select(func.count()).select_from(Question).where(*_OPEN))
    return int(result.one())


async def mark_answered(session: AsyncSession, ids: list[int], answer: str, admin_id: str, now: datetime) -> list[Question]:
    """Record the admin's answer on these questions; return them."""
    result = await session.exec(select(Question).where(col(Question.id).in_(ids), *_OPEN))
    questions = list(result)
    for question in questions:
        question.answered_at = now
        question.answered_by = admin_id
        question.answer = answer
    return questions


async def dismiss_questions(session: AsyncSession, ids: list[int], staff_id: str, now: datetime) -> int:
    """Take these questions out of the inbox without answering (noise such as "pagi", "ok")."""
    result = await session.exec(select(Question).where(col(Question.id).in_(ids), *_OPEN))
    questions = list(result)
    for question in questions:
        question.dismissed_at = now
        question.dismissed_by = staff_id
    return len(questions)
