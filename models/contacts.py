"""Contacts and their conversation state: load or create, roles from config, recipients, the open form.

A contact and its open form (which conversation, at which step, with what answers) are one
record to the handlers: every update loads both, in one query.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.config import Settings
from bot.enums import STAFF_ROLES, Role, RoleSource
from models.db import is_postgres, one_of
from models.helpdesk import HAS_OPEN_TICKET, NONE_OPEN
from models.registrations import registration_of
from models.tables import Contact, ConversationState

log = logging.getLogger(__name__)

# last_inbound_at only matters to the minute (WhatsApp's 24-hour window): refreshing it at most
# once a minute spares a write on most answers.
INBOUND_RESOLUTION = timedelta(minutes=1)

# The contacts with their open forms, if any, and whether they have an open help-desk
# conversation, in one query: every update needs all three.
_WITH_STATE = {
    pg: select(Contact, ConversationState, HAS_OPEN_TICKET)
    .outerjoin(ConversationState, col(ConversationState.contact_id) == col(Contact.id))
    .where(one_of(col(Contact.id), "contacts", pg))
    for pg in (False, True)
}


def configured_role(settings: Settings, contact_id: str) -> tuple[str, str | None] | None:
    """The role (and kecamatan) the config gives ``contact_id``, if any."""
    if contact_id in settings.roles.admins:
        return Role.ADMIN, None
    for assignment in settings.roles.coordinators:
        if assignment.contact == contact_id:
            return Role.COORDINATOR, assignment.kecamatan
    return None


def apply_configured_role(contact: Contact, settings: Settings) -> bool:
    """Give the contact the role the config names, if any; return whether it changed.

    Taking a role back (someone the config no longer names) needs the database and is done by
    :func:`drop_unconfigured_role`.
    """
    wanted = configured_role(settings, contact.id)
    if wanted is None:
        return False
    before = (contact.role, contact.kecamatan, contact.role_source)
    if contact.role not in STAFF_ROLES:
        contact.reminders = True  # staff get Bimtek reminders unless they opt out
    contact.role, kecamatan = wanted
    contact.kecamatan = kecamatan or contact.kecamatan
    contact.role_source = RoleSource.CONFIG
    return (contact.role, contact.kecamatan, contact.role_source) != before


def _config_may_take_back(contact: Contact) -> bool:
    """Whether the contact's staff role came from the config (so leaving the config ends it).

    Admins exist only by config. A coordinator keeps a role given with ``/peran``.
    """
    return contact.role == Role.ADMIN or (contact.role == Role.COORDINATOR and contact.role_source == RoleSource.CONFIG)


async def plain_role(session: AsyncSession, contact_id: str) -> str:
    """The role of someone without a staff role: principal once registered, else public."""
    return Role.PRINCIPAL if await registration_of(session, contact_id) is not None else Role.PUBLIC


async def drop_unconfigured_role(session: AsyncSession, settings: Settings, contact: Contact) -> bool:
    """Take back a config-given staff role the config no longer names; return whether it changed."""
    if configured_role(settings, contact.id) is not None or not _config_may_take_back(contact):
        return False
    contact.role = await plain_role(session, contact.id)
    contact.role_source = None
    return True


async def load_contact(
    session: AsyncSession,
    settings: Settings,
    channel: str,
    external_id: str,
    now: datetime,
    name: str = "",
) -> Contact:
    """The contact for ``channel:external_id``, created on first contact, marked as just heard from.

    Its open form comes along into the session (``get_state`` then needs no query).
    """
    return (await load_contacts(session, settings, [(channel, external_id, name)], now))[f"{channel}:{external_id}"]


async def load_contacts(session: AsyncSession, settings: Settings, people: Sequence[tuple[str, str, str]], now: datetime) -> dict[str, Contact]:
    """:func:`load_contact` for many people (``(channel, external_id, name)``) in one query, by contact id."""
    wanted = {f"{channel}:{external_id}": (channel, external_id, name) for channel, external_id, name in people}
    found = {row[0].id: row for row in await session.exec(_WITH_STATE[is_postgres(session)], params={"contacts": list(wanted)})}  # type: ignore[call-overload]
    contacts: dict[str, Contact] = {}
    for contact_id, (channel, external_id, name) in wanted.items():
        row = found.get(contact_id)
        if row is None or row[1] is None:
            remember_absent(session, contact_id)
        else:
            hold(session, row[1])
        if row is None or not row[2]:
            session.info.setdefault(NONE_OPEN, set()).add(contact_id)
        if row is not None:
            contact = row[0]
        else:
            contact = Contact(id=contact_id, channel=channel, external_id=external_id, language=settings.bot.default_language, created_at=now)
            session.add(contact)
        await _heard_from(session, settings, contact, name, now)
        contacts[contact_id] = contact
    return contacts


async def _heard_from(session: AsyncSession, settings: Settings, contact: Contact, name: str, now: datetime) -> None:
    """The contact just wrote: role per config, name, reachable, last heard from."""
    changed = apply_configured_role(contact, settings)
    if not changed and contact.role in STAFF_ROLES:
        changed = await drop_unconfigured_role(session, settings, contact)
    if name and contact.name != name[:200]:
        contact.name = name[:200]
        changed = True
    if not contact.reachable:
        contact.reachable = True  # they wrote to us, so they have not blocked the bot
        changed = True
    if changed or contact.last_inbound_at is None or now - contact.last_inbound_at >= INBOUND_RESOLUTION:
        contact.last_inbound_at = now
    if changed:
        contact.updated_at = now


async def mark_unreachable(session: AsyncSession, contact_id: str) -> None:
    """The person blocked the bot: later audiences skip them until they write again."""
    contact = await session.get(Contact, contact_id)
    if contact is not None:
        contact.reachable = False


async def sync_configured_roles(session: AsyncSession, settings: Settings, now: datetime) -> int:
    """Create or update the contacts the config names; take back config-given roles it no longer names.

    Coordinators stored before the source of a role was recorded (``role_source`` NULL) and not
    in the config are kept, counted as given with ``/peran``, and logged once.
    """
    changed = 0
    named = list(settings.roles.admins) + [c.contact for c in settings.roles.coordinators]
    for contact_id in dict.fromkeys(named):
        contact = await session.get(Contact, contact_id)
        if contact is None:
            channel, external_id = contact_id.split(":", 1)
            contact = Contact(id=contact_id, channel=channel, external_id=external_id, language=settings.bot.default_language, created_at=now)
            session.add(contact)
        if apply_configured_role(contact, settings):
            contact.updated_at = now
            changed += 1
    others = await session.exec(select(Contact).where(col(Contact.role).in_(list(STAFF_ROLES)), col(Contact.id).not_in(named or [""])))
    for contact in list(others):
        if contact.role == Role.COORDINATOR and contact.role_source is None:
            log.warning("coordinator %s is not in roles.coordinators: kept as assigned with /peran", contact.id)
            contact.role_source = RoleSource.PERAN
        elif await drop_unconfigured_role(session, settings, contact):
            log.info("%s is no longer named in the config: staff role taken back", contact.id)
            changed += 1
        contact.updated_at = now
    return changed


async def set_contact_role(session: AsyncSession, contact_id: str, role: str, kecamatan: str | None, now: datetime) -> Contact:
    """Give a contact a role (creating the contact if needed); ``kecamatan`` for coordinators."""
    contact = await session.get(Contact, contact_id)
    if contact is None:
        channel, external_id = contact_id.split(":", 1)
        contact = Contact(id=contact_id, channel=channel, external_id=external_id, created_at=now)
        session.add(contact)
    if role in STAFF_ROLES and contact.role not in STAFF_ROLES:
        contact.reminders = True
    contact.role = role
    contact.role_source = RoleSource.PERAN if role in STAFF_ROLES else None
    if kecamatan is not None:
        contact.kecamatan = kecamatan
    contact.updated_at = now
    return contact


# -- the open form ------------------------------------------------------------------------------

# Contacts whose missing state a session already knows (loaded with the contact, see
# load_contacts): most updates are FAQ questions outside any form, and asking the database
# again for a row known to be absent cost a query per answer.
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
