"""Per-contact conversation state: which form a contact is in, at which step, with what answers."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from models.tables import ConversationState

# Contacts whose missing state a session already knows (loaded with the contact, see
# models.contacts.load_contact): most updates are FAQ questions outside any form, and asking the
# database again for a row known to be absent cost a query per answer.
_ABSENT = "psp.state_absent"


_HELD = "psp.states_held"


def remember_absent(session: AsyncSession, contact_id: str) -> None:
    """In this session, the contact has no open form (until :func:`set_state` opens one)."""
    session.info.setdefault(_ABSENT, set()).add(contact_id)


def hold(session: AsyncSession, state: ConversationState) -> None:
    """Keep a state loaded along with its contact in the session's identity map.

    The session holds its objects weakly: without a reference the state would be dropped at once
    and :func:`get_state` would ask the database for it again.
    """
    session.info.setdefault(_HELD, []).append(state)


async def get_state(session: AsyncSession, contact_id: str) -> ConversationState | None:
    """The open form of a contact, if any."""
    if contact_id in session.info.get(_ABSENT, ()):
        return None
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
    state = await get_state(session, contact_id)
    if state is None or state.form != form:
        if state is not None:
            await session.delete(state)
            await session.flush()
        state = ConversationState(contact_id=contact_id, form=form, step=step, started_at=now)
        session.add(state)
        session.info.get(_ABSENT, set()).discard(contact_id)
    state.step = step
    state.data = json.dumps(data, ensure_ascii=False, default=str)
    state.updated_at = now
    return state


async def clear_state(session: AsyncSession, contact_id: str) -> bool:
    """Close the contact's form; return whether one was open."""
    state = await get_state(session, contact_id)
    if state is None:
        return False
    await session.delete(state)
    remember_absent(session, contact_id)
    return True
