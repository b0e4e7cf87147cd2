"""The inbox: every received update stored before it is acknowledged, then handled from here.

It mirrors the outbox. A platform gets its 200 (or the next ``getUpdates`` offset) only after
the update's row is committed; a repeated delivery hits the unique ``key`` and is dropped.
A contact is worked on by one process at a time: that process holds the contact's oldest
pending row (``claimed_by``), and only the oldest pending row of a contact can be claimed, so
the contact's updates are handled strictly in order even with several processes on PostgreSQL.
"""

from __future__ import annotations

import base64
import functools
import json
from collections.abc import MutableSequence, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Table, and_, bindparam, delete, exists, func, or_, select, update
from sqlalchemy.dialects import sqlite
from sqlmodel import col
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.enums import InboxStatus
from bot.messages import Button, Clock, Document, Inbound, Reply
from models.db import Database, is_postgres, one_of
from models.tables import InboxItem, NumberedMenu

# Plain UPDATEs: the session need not look for the rows among the objects it holds (that search
# cost more than the statement itself).
_PLAIN = {"synchronize_session": False}

# The statements every answer runs, built once as plain Core on the table: no ORM bulk-update
# machinery and no statement construction per call (together most of their cost, BENCHMARKS.md).
_INBOX: Table = InboxItem.__table__  # type: ignore[attr-defined]
# By dialect (``one_of``): a list parameter is one array on PostgreSQL.
_MARK_DONE = {pg: update(_INBOX).where(one_of(_INBOX.c.id, "ids", pg)).values(status=InboxStatus.DONE, replies=None) for pg in (False, True)}
# A pending row as the lanes read it (:class:`Pending`, in this order)
_PENDING = (_INBOX.c.id, _INBOX.c.key, _INBOX.c.channel, _INBOX.c.contact_id, _INBOX.c.payload, _INBOX.c.replies)
_DECIDED = update(_INBOX).where(_INBOX.c.id == bindparam("row_id")).values(claimed_by=bindparam("by"), claimed_at=bindparam("at"), replies=bindparam("decided"))
_AHEAD = (
    select(*_PENDING)
    .where(_INBOX.c.contact_id == bindparam("contact"), _INBOX.c.status == InboxStatus.PENDING, _INBOX.c.id > bindparam("after"))
    .order_by(_INBOX.c.id)
    .limit(bindparam("n"))
)
# The pending rows of several contacts, for the lanes to take next (each contact's backlog is
# bounded by MAX_BACKLOG, so this is never large).
_AHEAD_OF = {
    pg: select(*_PENDING)
    .where(one_of(_INBOX.c.contact_id, "contacts", pg), _INBOX.c.status == InboxStatus.PENDING, _INBOX.c.id > bindparam("after"))
    .order_by(_INBOX.c.id)
    for pg in (False, True)
}
# How many rows each contact has pending, and the oldest.
_BACKLOG = {
    pg: select(_INBOX.c.contact_id, func.count(), func.min(_INBOX.c.id))
    .where(one_of(_INBOX.c.contact_id, "contacts", pg), _INBOX.c.status == InboxStatus.PENDING)
    .group_by(_INBOX.c.contact_id)
    for pg in (False, True)
}
# The oldest pending row of each contact nobody (alive) holds, of the channels this process runs.
_OLDER = _INBOX.alias("older")
_HEADS = {
    pg: select(*_PENDING)
    .where(
        _INBOX.c.status == InboxStatus.PENDING,
        one_of(_INBOX.c.channel, "channels", pg),
        or_(_INBOX.c.claimed_by.is_(None), and_(_INBOX.c.claimed_by != bindparam("worker"), _INBOX.c.claimed_at < bindparam("stale"))),
        ~exists().where(_OLDER.c.contact_id == _INBOX.c.contact_id, _OLDER.c.status == InboxStatus.PENDING, _OLDER.c.id < _INBOX.c.id),
    )
    .order_by(_INBOX.c.id)
    .limit(bindparam("n"))
    for pg in (False, True)
}
_HEADS[True] = _HEADS[True].with_for_update(skip_locked=True)
_CLAIM = {pg: update(_INBOX).where(one_of(_INBOX.c.id, "ids", pg)).values(claimed_by=bindparam("worker"), claimed_at=bindparam("at")) for pg in (False, True)}


_RECEIVED_SQLITE = sqlite.insert(_INBOX).on_conflict_do_nothing(index_elements=["key"])


@functools.cache
def _received_pg() -> Any:
    """The PostgreSQL form, built on first use: a bot on SQLite never imports that dialect (2.3 MB resident)."""
    from sqlalchemy.dialects import postgresql

    return postgresql.insert(_INBOX).on_conflict_do_nothing(index_elements=["key"])


@dataclass(frozen=True, slots=True)
class Pending:
    """A pending row as a lane works on it: a plain copy (ORM objects cost more to load than the query)."""

    id: int
    key: str
    channel: str
    contact_id: str
    payload: str
    replies: str | None


@dataclass(frozen=True)
class Accepted:
    """What one batch of received updates became."""

    overflowing: tuple[str, ...]  # contacts that just went past their backlog limit (tell them once)


async def add_received(session: AsyncSession, items: Sequence[Inbound], now: datetime, max_backlog: int, postgres: bool) -> Accepted:
    """Store received updates; repeats of a stored key are ignored.

    A contact with ``max_backlog`` updates still pending gets its further ones stored as
    ``dropped`` (kept for dedupe, never handled). ``overflowing`` names the contacts whose
    overflow starts now, i.e. no update of theirs was dropped since their oldest pending one.
    """
    if not items:
        return Accepted(())
    contacts = sorted({i.contact_id for i in items})
    connection = await session.connection()
    backlog: dict[str, list[Any]] = {c: [n, oldest] for c, n, oldest in await connection.execute(_BACKLOG[postgres], {"contacts": contacts})}
    values = []
    over: set[str] = set()
    seen: set[str] = set()
    for item in items:
        if item.key in seen:
            continue
        seen.add(item.key)
        counts = backlog.setdefault(item.contact_id, [0, None])
        status = InboxStatus.PENDING
        if counts[0] >= max_backlog:
            status = InboxStatus.DROPPED
            over.add(item.contact_id)
        else:
            counts[0] += 1
        values.append(
            {
                "key": item.key,
                "channel": item.channel,
                "contact_id": item.contact_id,
                "payload": item.payload if status == InboxStatus.PENDING else "",
                "status": status,
                "received_at": now,
            }
        )
    overflowing: list[str] = []
    for contact_id in sorted(over):
        oldest = backlog[contact_id][1]
        query = select(col(InboxItem.id)).where(col(InboxItem.contact_id) == contact_id, col(InboxItem.status) == InboxStatus.DROPPED)
        if oldest is not None:
            query = query.where(col(InboxItem.id) > oldest)
        if (await session.exec(query.limit(1))).first() is None:  # type: ignore
            overflowing.append(contact_id)
    # One statement with the rows as parameters, on the table (Core: the ORM's bulk-insert
    # machinery cost more per row than the statement), built once per dialect.
    await connection.execute(_received_pg() if postgres else _RECEIVED_SQLITE, values)
    return Accepted(tuple(overflowing))


async def claim_heads(
    session: AsyncSession, worker: str, now: datetime, limit: int, lease: timedelta, postgres: bool, channels: Sequence[str]
) -> list[Pending]:
    """Claim up to ``limit`` contacts of ``channels``: for each, its oldest pending row, oldest contacts first.

    Rows of a channel this process does not run wait for one that does.

    A row can be claimed when nobody holds it, or another worker's claim ran out (it died).
    On PostgreSQL ``FOR UPDATE SKIP LOCKED`` keeps two processes off the same row; a contact
    whose head another process holds has no other claimable row (its head is older).
    """
    connection = await session.connection()
    found = await connection.execute(_HEADS[postgres], {"channels": list(channels), "worker": worker, "stale": now - lease, "n": limit})
    heads = [Pending(*row) for row in found]
    if heads:
        await connection.execute(_CLAIM[postgres], {"ids": [row.id for row in heads], "worker": worker, "at": now})
    return heads


async def next_pending(session: AsyncSession, contact_id: str, after: int, limit: int) -> list[Pending]:
    """The contact's pending rows after ``after`` (the row this worker holds), oldest first."""
    connection = await session.connection()
    result = await connection.execute(_AHEAD, {"contact": contact_id, "after": after, "n": limit})
    return [Pending(*row) for row in result]


@dataclass(eq=False)
class Handled:
    """A row being handled, as the handling transaction records it (:func:`record_handled`)."""

    row_id: int
    readable: bool  # False: the stored update could not be read (handled, nothing said)
    finished: Sequence[int]  # the contact's earlier rows, answered: marked done when this one is written
    write: bool  # written even if its handling writes nothing (its lane asks for it)
    written: bool = False  # set by the transaction: the row was written (and holds its contact)


async def record_handled(
    session: AsyncSession,
    replies: list[list[Reply]],
    changed: list[bool],
    *,
    rows: Sequence[Handled],
    worker: str,
    now: datetime,
    ahead: dict[str, tuple[int, MutableSequence[Pending]]] | None = None,
    prefetch: int = 16,
) -> None:
    """The update handler's ``before_commit``: ``replies`` and ``changed`` are those of the readable ``rows``, in order.

    A row is written when its handling wrote (the change and "handled" commit together), or when
    its lane asks for it; otherwise it can simply be handled again after a crash. See :func:`record_decided`.
    """
    readable = iter(zip(replies, changed, strict=True))
    decided: list[tuple[int, Sequence[Reply]]] = []
    finished: list[int] = []
    for row in rows:
        said, wrote = next(readable) if row.readable else ([], False)
        row.written = wrote or row.write
        if row.written:
            decided.append((row.row_id, said))
            finished.extend(row.finished)
    await record_decided(session, decided, worker=worker, now=now, finished=finished, ahead=ahead, prefetch=prefetch)


async def record_decided(
    session: AsyncSession,
    decided: Sequence[tuple[int, Sequence[Reply]]],
    *,
    worker: str,
    now: datetime,
    finished: Sequence[int] = (),
    ahead: dict[str, tuple[int, MutableSequence[Pending]]] | None = None,
    prefetch: int = 16,
) -> None:
    """In the transaction that handled some rows: keep the replies of the ``decided`` ones until delivered.

    ``decided`` holds (row id, its replies, possibly none). Those rows stay pending and held, so their contacts stay this worker's; ``finished`` are the
    contacts' earlier rows, whose replies went out, marked done in the same transaction.
    A handled row not named (its handling wrote nothing) is not written at all: it stays pending
    and unheld behind its contact's held row, and after a crash it is simply handled again.
    ``ahead`` maps a contact to (its row just handled, a list to fill): the contact's next pending
    rows (up to ``prefetch``) are read into it in the same transaction too, for all of them in one query.
    Called as the update handler's ``before_commit``; called again after a failed handler, so the
    lists in ``ahead`` are refilled.
    """
    await mark_done(session, finished)
    connection = await session.connection()
    if decided:
        await connection.execute(_DECIDED, [{"row_id": row_id, "by": worker, "at": now, "decided": encode_replies(said)} for row_id, said in decided])
    if ahead:
        for _, into in ahead.values():
            into.clear()
        # Not the rows answered but not yet done (older than each contact's current row): the
        # oldest current row bounds them all; the rest are left out below.
        oldest = min(after for after, _ in ahead.values())
        for row in await connection.execute(_AHEAD_OF[is_postgres(session)], {"contacts": list(ahead), "after": oldest}):
            after, into = ahead[row.contact_id]
            if row.id > after and len(into) < prefetch:
                into.append(Pending(*row))


async def mark_done(session: AsyncSession, ids: Sequence[int]) -> None:
    """Rows handled and answered."""
    if ids:
        connection = await session.connection()
        await connection.execute(_MARK_DONE[is_postgres(session)], {"ids": list(ids)})


async def renew_claim(session: AsyncSession, row_id: int, worker: str, now: datetime) -> None:
    """Keep holding a contact's held row while a lane works on (the lease would run out)."""
    statement = update(InboxItem).execution_options(**_PLAIN).where(col(InboxItem.id) == row_id, col(InboxItem.claimed_by) == worker)
    await session.exec(statement.values(claimed_at=now))  # type: ignore


async def release_claims(session: AsyncSession, workers: Sequence[str], contact_id: str | None = None) -> int:
    """Give back the rows held by these (dead) workers (of one contact) so they are handled at once."""
    if not workers:
        return 0
    statement = update(InboxItem).execution_options(**_PLAIN).where(col(InboxItem.status) == InboxStatus.PENDING, col(InboxItem.claimed_by).in_(list(workers)))
    if contact_id is not None:
        statement = statement.where(col(InboxItem.contact_id) == contact_id)
    statement = statement.values(claimed_by=None, claimed_at=None)
    result = await session.exec(statement)  # type: ignore
    return int(result.rowcount or 0)


async def claim_holders(session: AsyncSession) -> list[str]:
    """Workers that hold rows now."""
    holding = select(col(InboxItem.claimed_by)).where(col(InboxItem.status) == InboxStatus.PENDING, col(InboxItem.claimed_by).is_not(None))
    result = await session.exec(holding.distinct())  # type: ignore
    return [w for (w,) in result if w]


async def pending_count(session: AsyncSession) -> int:
    """Rows not handled yet."""
    result = await session.exec(select(func.count()).select_from(InboxItem).where(col(InboxItem.status) == InboxStatus.PENDING))  # type: ignore
    return int(result.scalar_one())


async def prune(session: AsyncSession, before: datetime) -> int:
    """Forget finished rows older than ``before`` (platforms repeat a delivery for days at most)."""
    statement = delete(InboxItem).where(col(InboxItem.status).in_([InboxStatus.DONE, InboxStatus.DROPPED]), col(InboxItem.received_at) < before)
    result = await session.exec(statement)  # type: ignore
    return int(result.rowcount or 0)


# -- replies kept on a row -----------------------------------------------------------------


def encode_replies(replies: Sequence[Reply]) -> str:
    """Replies as JSON (documents base64)."""
    out = []
    for reply in replies:
        item: dict[str, Any] = {"text": reply.text, "buttons": [[[b.label, b.payload] for b in row] for row in reply.buttons]}
        if reply.document is not None:
            doc = reply.document
            item["document"] = [doc.filename, doc.mime_type, base64.b64encode(doc.content).decode()]
        out.append(item)
    return json.dumps(out, ensure_ascii=False)


def decode_replies(data: str) -> list[Reply]:
    """The replies :func:`encode_replies` stored."""
    replies = []
    for item in json.loads(data):
        document = None
        if item.get("document"):
            name, mime, content = item["document"]
            document = Document(name, base64.b64decode(content), mime)
        buttons = tuple(tuple(Button(label, payload) for label, payload in row) for row in item.get("buttons") or [])
        replies.append(Reply(item["text"], buttons, document))
    return replies


# -- numbered menus (WhatsApp text menus whose number is typed back) ------------------------


async def remember_menu(session: AsyncSession, contact_id: str, payloads: Sequence[str] | None, now: datetime) -> None:
    """Store the choices of the numbered menu just sent (``None``: the last message had no such menu)."""
    menu = await session.get(NumberedMenu, contact_id)
    if payloads is None:
        if menu is not None:
            await session.delete(menu)
        return
    if menu is None:
        menu = NumberedMenu(contact_id=contact_id, payloads="[]", sent_at=now)
        session.add(menu)
    menu.payloads = json.dumps(list(payloads), ensure_ascii=False)
    menu.sent_at = now


async def menu_choice(session: AsyncSession, contact_id: str, number: int) -> str | None:
    """The payload of choice ``number`` (1-based) of the contact's last numbered menu."""
    menu = await session.get(NumberedMenu, contact_id)
    if menu is None:
        return None
    payloads = json.loads(menu.payloads)
    return str(payloads[number - 1]) if 1 <= number <= len(payloads) else None


class NumberedMenus:
    """The numbered-menu store a channel is given (it keeps no rows itself)."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock

    async def remember(self, contact_id: str, payloads: Sequence[str] | None) -> None:
        """See :func:`remember_menu`."""
        async with self.db.session() as session:
            await remember_menu(session, contact_id, payloads, self.clock.now())
            await session.commit()

    async def choice(self, contact_id: str, number: int) -> str | None:
        """See :func:`menu_choice`."""
        async with self.db.session() as session:
            return await menu_choice(session, contact_id, number)
