"""Per-contact conversation state: which form a contact is in, at which step, with what answers."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from models.tables import ConversationState


async def get_state(session: AsyncSession, contact_id: str) -> ConversationState | None:
    """The open form of a contact, if any."""
    return await session.get(ConversationState, contact_id)


def state_data(state: ConversationState) -> dict[str, Any]:
    """The answers stored in a state (an unreadable blob reads as empty, never raises)."""
    try:
        data = json.loads(state.data)
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


async def set_state(session: AsyncSession, contact_id: str, form: str, step: str, data: dict[str, Any], now: datetime) -> ConversationState:
    """Open or move a form: store its step and answers."""
    state = await session.get(ConversationState, contact_id)
    if state is None or state.form != form:
        if state is not None:
            await session.delete(state)
            await session.flush()
        state = ConversationState(contact_id=contact_id, form=form, step=step, started_at=now)
        session.add(state)
    state.step = step
    state.data = json.dumps(data, ensure_ascii=False, default=str)
    state.updated_at = now
    return state


async def clear_state(session: AsyncSession, contact_id: str) -> bool:
    """Close the contact's form; return whether one was open."""
    state = await session.get(ConversationState, contact_id)
    if state is None:
        return False
    await session.delete(state)
    return True
