"""The outbox sender: claims due rows, sends them under rate limits, retries, reports progress.

Crash safety: a row is ``sending`` only while claimed; a claim whose lease ran out (the process
died) is claimed again, so nobody is skipped and at most the rows in flight at the crash are sent
twice. Several senders on PostgreSQL never take the same row (``FOR UPDATE SKIP LOCKED``).
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import time
from dataclasses import dataclass
from datetime import timedelta

from sqlmodel import select

from bot.enums import MessageKind, MessageStatus, OutboxStatus
from bot.messages import Delivery, Reply, SendError
from bot.services import Services
from handlers.notify import progress_text, render_outbox, report_text
from models.outbox import Progress, claim_due, claim_holders, progress_of, release_claims
from models.tables import Contact, OutboxItem, OutboxMessage

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 8
MAX_BACKOFF = 600.0


class TokenBucket:
    """At most ``rate`` takes per second on average, bursts up to ``burst``; can be paused (429)."""

    def __init__(self, rate: float, burst: float | None = None) -> None:
        self.rate = rate
        # A tenth of a second's worth: sends spread evenly instead of a burst at each second's
        # start, which platforms punish and which would put a whole burst in flight at a crash.
        self.capacity = burst if burst is not None else max(1.0, rate / 10)
        self.tokens = self.capacity
        self.updated = time.monotonic()
        self.paused_until = 0.0
        self._lock = asyncio.Lock()

    def pause(self, seconds: float) -> None:
        """Send nothing for ``seconds`` (the platform asked us to wait)."""
        self.paused_until = max(self.paused_until, time.monotonic() + seconds)
        self.tokens = 0.0

    async def take(self) -> None:
        """Wait for a token."""
        async with self._lock:
            while True:
                now = time.monotonic()
                if now < self.paused_until:
                    await asyncio.sleep(self.paused_until - now)
                    continue
                self.tokens = min(self.capacity, self.tokens + (now - self.updated) * self.rate)
                self.updated = now
                if self.tokens >= 1:
                    self.tokens -= 1
                    return
                await asyncio.sleep((1 - self.tokens) / self.rate)


def retry_delay(attempts: int) -> float:
    """Seconds before the next try after ``attempts`` failed ones (5xx, timeouts): 2, 4, 8 … up to 10 minutes."""
    return min(MAX_BACKOFF, 2.0**attempts)


def worker_name(owner: object) -> str:
    """``host:pid:object``: who holds a claimed row (a dead pid on this host frees its rows)."""
    return f"{socket.gethostname()}:{os.getpid()}:{id(owner):x}"[:64]


def dead_local_workers(workers: list[str]) -> list[str]:
    """The workers among ``workers`` that ran on this host in a process that is gone (a crash, kill -9).

    Claims of other hosts are left to their lease: only they can tell whether they live.
    """
    host = socket.gethostname()
    return [w for w in workers if _dead_local_worker(w, host)]


def _dead_local_worker(worker: str, host: str) -> bool:
    name, _, rest = worker.partition(":")
    pid = rest.partition(":")[0]
    if name != host or not pid.isdigit() or int(pid) == os.getpid():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


@dataclass
class Outcome:
    """What happened to one claimed row."""

    item_id: int
    status: OutboxStatus  # sent | pending (retry or deferred) | failed
    platform_id: str | None = None
    error: str | None = None
    delay: float = 0.0
    blocked: bool = False
    attempted: bool = True


class OutboxSender:
    """Runs in every bot process; any number of them may share one PostgreSQL database."""

    def __init__(
        self,
        services: Services,
        *,
        batch: int = 200,
        concurrency: int = 32,
        poll_seconds: float = 0.5,
        lease: timedelta = timedelta(seconds=60),
        rates: dict[str, float] | None = None,
        per_chat_seconds: float | None = None,
        progress_every: float = 2.0,
        record_every: int = 8,
    ) -> None:
        self.services = services
        settings = services.settings
        self.worker = worker_name(self)
        self.batch = batch
        self.concurrency = concurrency
        self.poll_seconds = poll_seconds
        self.lease = lease
        rates = rates or {"telegram": settings.telegram.rate_per_second, "whatsapp": settings.whatsapp.rate_per_second}
        self.buckets = {name: TokenBucket(rate) for name, rate in rates.items()}
        self.per_chat = per_chat_seconds if per_chat_seconds is not None else 1.0 / settings.telegram.per_chat_per_second
        self._chat_free_at: dict[str, float] = {}
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._last_progress: dict[int, float] = {}
        self.progress_every = progress_every
        self.record_every = record_every
        self.sent = 0

    def wake(self) -> None:
        """New rows were queued: look now instead of at the next poll."""
        self._wake.set()

    async def start(self) -> None:
        """Recover this host's crashed claims, then run in the background until :meth:`stop`."""
        await self.recover()
        self._task = asyncio.create_task(self._loop(), name="outbox-sender")

    async def recover(self) -> int:
        """Release rows held by senders of this host whose process is gone (a crash, kill -9).

        Claims of other hosts are left to their lease: only they can tell whether they live.
        """
        async with self.services.db.session() as session:
            dead = dead_local_workers(await claim_holders(session))
            released = await release_claims(session, dead)
            await session.commit()
        if released:
            log.warning("outbox: %d row(s) of a crashed sender released for sending", released)
        return released

    async def stop(self) -> None:
        """Stop after the current batch is recorded."""
        if self._task is not None:
            self._task.cancel()
            try:
                await self._task
            except asyncio.CancelledError:
                pass
            self._task = None

    async def _loop(self) -> None:
        while True:
            try:
                handled = await self.run_once()
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("outbox round failed")
                handled = 0
            if handled == 0:
                self._wake.clear()
                try:
                    # asyncio.timeout, not wait_for: on Python 3.11 wait_for can swallow a cancel
                    # that arrives as the event is set, and stop() would hang.
                    async with asyncio.timeout(self.poll_seconds):
                        await self._wake.wait()
                except TimeoutError:
                    pass

    async def run_once(self) -> int:
        """Claim one batch, send it, record the outcomes; return how many rows were handled."""
        services = self.services
        now = services.clock.now()
        async with services.db.session() as session:
            items = await claim_due(session, self.worker, now, self.batch, self.lease, postgres=not services.db.sqlite)
            await session.commit()
        if not items:
            return 0
        message_ids = {i.message_id for i in items}
        async with services.db.session() as session:
            messages = {m.id: m for m in await session.exec(select(OutboxMessage).where(OutboxMessage.id.in_(message_ids)))}  # type: ignore[union-attr]
            contacts = {c.id: c for c in await session.exec(select(Contact).where(Contact.id.in_({i.contact_id for i in items})))}  # type: ignore[attr-defined]
        semaphore = asyncio.Semaphore(self.concurrency)

        async def one(item: OutboxItem) -> Outcome:
            async with semaphore:
                return await self._send(item, messages[item.message_id], contacts.get(item.contact_id))

        # Outcomes are recorded as they come, in small groups: a crash then repeats at most the
        # sends in flight plus one unrecorded group, never the whole batch.
        buffer: list[Outcome] = []
        last_flush = time.monotonic()
        for next_done in asyncio.as_completed([asyncio.ensure_future(one(i)) for i in items]):
            buffer.append(await next_done)
            if len(buffer) >= self.record_every or time.monotonic() - last_flush >= 0.1:
                await self._record(buffer)
                buffer, last_flush = [], time.monotonic()
        if buffer:
            await self._record(buffer)
        await self._report(message_ids)
        return len(items)

    async def _send(self, item: OutboxItem, message: OutboxMessage, contact: Contact | None) -> Outcome:
        assert item.id is not None
        channel = self.services.channels.get(item.channel)
        if channel is None:
            return Outcome(item.id, OutboxStatus.PENDING, error=f"channel {item.channel} not running", delay=60, attempted=False)
        chat_key = f"{item.channel}:{item.external_id}"
        free_at = self._chat_free_at.get(chat_key, 0.0)
        now = time.monotonic()
        if free_at > now:  # this chat just got a message: keep ≤ 1 per second per chat
            return Outcome(item.id, OutboxStatus.PENDING, delay=free_at - now, attempted=False)
        self._chat_free_at[chat_key] = now + self.per_chat
        bucket = self.buckets.get(item.channel)
        if bucket is not None:
            await bucket.take()
        try:
            delivery = Delivery(
                kind=MessageKind(message.kind),
                last_inbound=contact.last_inbound_at if contact else None,
                force_template=item.needs_template,
            )
            reply = render_outbox(self.services.i18n, message, contact.language if contact else "id")
            platform_id = await channel.deliver(item.external_id, reply, delivery=delivery)
        except SendError as exc:
            if exc.retry_after is not None:
                if bucket is not None:
                    bucket.pause(exc.retry_after)
                return Outcome(item.id, OutboxStatus.PENDING, error=f"{exc.code}: retry after {exc.retry_after:g}s", delay=exc.retry_after)
            if exc.blocked:
                return Outcome(item.id, OutboxStatus.FAILED, error="blocked", blocked=True)
            if exc.permanent:
                return Outcome(item.id, OutboxStatus.FAILED, error=f"{exc.code}: {str(exc)[:200]}")
            return self._retry(item, f"{exc.code}: {str(exc)[:200]}")
        except Exception as exc:  # an unexpected failure is treated as transient
            log.warning("outbox send failed: %s", type(exc).__name__)
            return self._retry(item, f"{type(exc).__name__}: {str(exc)[:200]}")
        self.sent += 1
        return Outcome(item.id, OutboxStatus.SENT, platform_id=platform_id)

    def _retry(self, item: OutboxItem, error: str) -> Outcome:
        assert item.id is not None
        if item.attempts + 1 >= MAX_ATTEMPTS:
            return Outcome(item.id, OutboxStatus.FAILED, error=error)
        return Outcome(item.id, OutboxStatus.PENDING, error=error, delay=retry_delay(item.attempts + 1))

    async def _record(self, outcomes: list[Outcome]) -> None:
        now = self.services.clock.now()
        by_id = {o.item_id: o for o in outcomes}
        async with self.services.db.session() as session:
            rows = {r.id: r for r in await session.exec(select(OutboxItem).where(OutboxItem.id.in_(list(by_id))))}  # type: ignore[union-attr]
            blocked: set[str] = set()
            for item_id, outcome in by_id.items():
                row = rows.get(item_id)
                if row is None or row.claimed_by != self.worker:
                    continue  # our lease ran out and another sender took it over
                row.status = outcome.status
                row.claimed_by = None
                row.claimed_at = None
                row.attempts += 1 if outcome.attempted else 0
                if outcome.error is not None:
                    row.error = outcome.error[:300]
                if outcome.status == OutboxStatus.SENT:
                    row.platform_message_id = outcome.platform_id
                    row.sent_at = now
                    row.error = None
                elif outcome.status == OutboxStatus.PENDING:
                    row.next_attempt_at = now + timedelta(seconds=outcome.delay)
                if outcome.blocked:
                    blocked.add(row.contact_id)
            for contact_id in blocked:
                contact = await session.get(Contact, contact_id)
                if contact is not None:
                    contact.reachable = False  # skipped by later audiences until they write again
            await session.commit()

    async def _report(self, message_ids: set[int]) -> None:
        """Progress to the admin who sent a circular (edited in place), and a final report.

        The final report goes out before the message is marked done: a stop in between repeats
        the report rather than losing it.
        """
        for message_id in message_ids:
            async with self.services.db.session() as session:
                message = await session.get(OutboxMessage, message_id)
                if message is None:
                    continue
                progress = await progress_of(session, message_id)
            finished = progress.left == 0 and message.status != MessageStatus.DONE
            if message.kind == MessageKind.BROADCAST and message.created_by:
                due = time.monotonic() - self._last_progress.get(message_id, 0.0) >= self.progress_every
                if finished or due:
                    self._last_progress[message_id] = time.monotonic()
                    await self._show_progress(message, progress, finished)
            if finished:
                async with self.services.db.session() as session:
                    row = await session.get(OutboxMessage, message_id)
                    if row is not None and row.status != MessageStatus.DONE:
                        row.status = MessageStatus.DONE
                        row.finished_at = self.services.clock.now()
                        await session.commit()

    async def _show_progress(self, message: OutboxMessage, progress: Progress, finished: bool) -> None:
        admin_id = message.created_by or ""
        channel_name, _, external_id = admin_id.partition(":")
        channel = self.services.channels.get(channel_name)
        if channel is None:
            return
        async with self.services.db.session() as session:
            admin = await session.get(Contact, admin_id)
        lang = admin.language if admin else "id"
        text = progress_text(self.services.i18n, lang, message, progress)
        try:
            if message.progress_message_id is None:
                platform_id = await channel.deliver(external_id, Reply(text))
                async with self.services.db.session() as session:
                    row = await session.get(OutboxMessage, message.id)
                    if row is not None:
                        row.progress_message_id = platform_id
                        await session.commit()
                message.progress_message_id = platform_id
            else:
                await channel.edit(external_id, message.progress_message_id, Reply(text))
            if finished:
                await channel.deliver(external_id, Reply(report_text(self.services.i18n, lang, message, progress)))
        except SendError as exc:
            log.info("progress report not delivered: %s", exc.code)
