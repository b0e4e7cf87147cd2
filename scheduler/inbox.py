"""The inbox processor: stores what platforms deliver, then handles it per contact, in order, fairly.

Receiving: channels hand received updates to :meth:`InboxProcessor.accept`, which returns once
they are committed; only then does a channel answer the webhook or move its polling offset.
Concurrent deliveries share one commit (group commit), so durability costs one write per batch.

Handling: a claim loop takes the oldest pending row of up to ``lanes`` contacts; each contact
gets one lane that handles its rows one after another. A row whose handling changed something
is marked handled in the same transaction as that change, with the replies it decided; the
replies are then delivered (retried through 429/5xx/timeouts with the outbox's policy), and the
row is done. A row whose handling wrote nothing (a plain FAQ answer) is not written when handled:
it stays pending behind the contact's held row until a later write marks them done together.
A crash at any point leaves a row pending (handled again: its transaction never committed, or
it wrote nothing) or with its replies stored (delivered again); either way a person may see a
few answers again, never none. One contact's flood occupies one lane only, and past
``max_backlog`` pending updates its further messages are dropped with one polite notice.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import time
from collections import deque
from collections.abc import Coroutine, Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from bot.enums import UpdateKind
from bot.messages import Inbound, Incoming, Receiver, Reply, SendError
from bot.services import Services
from handlers.router import error_reply, handle_update, handle_updates
from models import inbox
from models.contacts import mark_unreachable
from models.tables import Contact
from scheduler.outbox import MAX_ATTEMPTS, dead_local_workers, retry_delay, worker_name

log = logging.getLogger(__name__)
MAX_BACKLOG = 50  # pending updates per contact; more are dropped with one notice (README)
KEEP_FOR = timedelta(days=7)  # Meta repeats a webhook for days; Telegram's ids never come back
RECOVER_EVERY = 10.0  # seconds between looks for dead processes of this host holding contacts
# Answered rows of a contact that wrote nothing, left pending (not written) before one is written
# anyway: what a crash can make a person see twice, and how long a lane goes without a write.
UNWRITTEN_MAX = 8


@dataclass(eq=False)
class _Decision:
    """A row a lane waits to have handled."""

    row: inbox.Pending
    handled: inbox.Handled  # how its transaction records it (and whether it was written)
    ahead: deque[inbox.Pending] | None  # filled with the contact's next rows, if asked
    future: asyncio.Future[list[Reply]]
    incoming: Incoming | None  # None: the stored update could not be read (handled, nothing said)

    def resolve(self, replies: list[Reply]) -> None:
        if not self.future.done():
            self.future.set_result(replies)


class InboxProcessor:
    """Runs in every bot process; any number of them may share one PostgreSQL inbox."""

    def __init__(
        self,
        services: Services,
        *,
        lanes: int = 128,
        lease: timedelta = timedelta(minutes=2),
        poll_seconds: float = 1.0,
        max_backlog: int = MAX_BACKLOG,
        prefetch: int = 16,
        batch_size: int = 64,
    ) -> None:
        self.services = services
        self.receivers: dict[str, Receiver] = {}
        self.worker = worker_name(self)
        self.max_lanes = lanes
        self.lease = lease
        self.poll_seconds = poll_seconds
        self.max_backlog = max_backlog
        self.prefetch = prefetch
        self.batch_size = batch_size
        self._decisions: list[_Decision] = []
        self._decider: asyncio.Task[None] | None = None
        self._lanes: dict[str, asyncio.Task[None]] = {}
        self._queue: list[tuple[list[Inbound], asyncio.Future[None]]] = []
        self._writer: asyncio.Task[None] | None = None
        self._done: list[int] = []  # rows answered by lanes that ended, to be marked done together
        self._done_writer: asyncio.Task[None] | None = None
        self._loop_task: asyncio.Task[None] | None = None
        self._background: set[asyncio.Task[None]] = set()
        self._wake = asyncio.Event()
        self._pruned_at = 0.0
        self.batches = 0  # commits of received updates (each may hold many)
        self._recovered_at = time.monotonic()

    # -- receiving ----------------------------------------------------------------------------

    async def accept(self, items: Sequence[Inbound]) -> None:
        """Store ``items``; returns once they are committed (raises if they could not be)."""
        if not items:
            return
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._queue.append((list(items), future))
        if self._writer is None or self._writer.done():
            self._writer = asyncio.create_task(self._write(), name="inbox-writer")
        await future

    async def _write(self) -> None:
        # Everything that arrived while the previous batch was being committed goes in one commit.
        while self._queue:
            batch, self._queue = self._queue, []
            items = [item for group, _ in batch for item in group]
            db = self.services.db
            try:
                async with db.session() as session:
                    accepted = await inbox.add_received(session, items, self.services.clock.now(), self.max_backlog, postgres=not db.sqlite)
                    await session.commit()
                self.batches += 1
            except Exception as exc:  # noqa: BLE001 — every waiting webhook gets the error (and answers 5xx)
                log.exception("storing %d received update(s) failed", len(items))
                for _, future in batch:
                    if not future.done():
                        future.set_exception(exc)
                continue
            for _, future in batch:
                if not future.done():
                    future.set_result(None)
            self.wake()
            for contact_id in accepted.overflowing:
                self._in_background(self._tell_to_wait(contact_id))

    async def _tell_to_wait(self, contact_id: str) -> None:
        """One polite notice to a contact whose messages are being dropped."""
        channel_name, _, external_id = contact_id.partition(":")
        channel = self.services.channels.get(channel_name)
        if channel is None:
            return
        async with self.services.db.session() as session:
            contact = await session.get(Contact, contact_id)
        lang = contact.language if contact is not None else self.services.settings.bot.default_language
        try:
            await channel.send(external_id, [Reply(self.services.i18n.t(lang, "inbox.too_many", limit=self.max_backlog))])
        except SendError as exc:
            log.info("backlog notice not delivered (%s)", exc.code)
        log.warning("contact over its backlog limit: further messages dropped", extra={"contact": contact_id})

    # -- life cycle ---------------------------------------------------------------------------

    def wake(self) -> None:
        """New rows, or a lane finished: claim now instead of at the next poll."""
        self._wake.set()

    async def start(self) -> None:
        """Free the rows of crashed processes of this host, then handle (oldest first) until :meth:`stop`."""
        await self.recover()
        self._loop_task = asyncio.create_task(self._loop(), name="inbox-claims")

    async def recover(self) -> int:
        """Release rows held by dead processes of this host (others' run out with the lease)."""
        async with self.services.db.session() as session:
            released = await inbox.release_claims(session, dead_local_workers(await inbox.claim_holders(session)))
            await session.commit()
        if released:
            log.warning("inbox: %d contact(s) of a crashed process taken over", released)
        return released

    async def stop(self, timeout: float = 10.0) -> None:
        """Stop claiming, let the lanes finish (up to ``timeout``), give back what is still held."""
        if self._loop_task is not None:
            self._loop_task.cancel()
            await asyncio.gather(self._loop_task, return_exceptions=True)
            self._loop_task = None
        if self._writer is not None:
            await asyncio.gather(self._writer, return_exceptions=True)
        lanes = list(self._lanes.values())
        if lanes:
            _, running = await asyncio.wait(lanes, timeout=timeout)
            for task in running:
                task.cancel()
            await asyncio.gather(*lanes, return_exceptions=True)
        if self._decider is not None:  # a batch its lanes no longer wait for: finish or drop it
            _, running = await asyncio.wait([self._decider], timeout=timeout)
            for task in running:
                task.cancel()
            await asyncio.gather(self._decider, return_exceptions=True)
        if self._background:
            await asyncio.gather(*self._background, return_exceptions=True)
        if self._done_writer is not None:
            # Answered rows marked done before the claims go: else they would be answered again.
            _, running = await asyncio.wait([self._done_writer], timeout=timeout)
            for task in running:
                task.cancel()
            await asyncio.gather(self._done_writer, return_exceptions=True)
        try:
            async with self.services.db.session() as session:
                await inbox.release_claims(session, [self.worker])
                await session.commit()
        except Exception:  # noqa: BLE001 — the lease frees them anyway
            log.exception("releasing inbox claims failed")

    async def join(self, timeout: float = 30.0) -> None:
        """Wait until every stored update has been handled and answered (tests, shutdown)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            tasks = (self._writer, self._decider, self._done_writer, *self._lanes.values(), *self._background)
            busy = [t for t in tasks if t is not None and not t.done()]
            if busy:
                await asyncio.wait(busy, timeout=max(0.0, deadline - time.monotonic()))
                continue
            async with self.services.db.session() as session:
                if await inbox.pending_count(session) == 0:
                    return
            self.wake()
            await asyncio.sleep(0.02)

    def _in_background(self, coro: Coroutine[Any, Any, None]) -> None:
        task = asyncio.ensure_future(coro)
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    # -- claiming -----------------------------------------------------------------------------

    async def _loop(self) -> None:
        while True:
            self._wake.clear()
            free = self.max_lanes - len(self._lanes)
            claimed = 0
            if free > 0:
                try:
                    claimed = await self._claim(free)
                except asyncio.CancelledError:
                    raise
                except Exception:  # noqa: BLE001 — the database may be back at the next round
                    log.exception("inbox claim failed")
            if claimed and claimed == free:
                continue  # maybe more waiting: claim again as lanes free up
            try:
                # asyncio.timeout, not wait_for: on Python 3.11 wait_for can swallow a cancel that
                # arrives as the event is set, and stop() would wait for this loop forever.
                async with asyncio.timeout(self.poll_seconds):
                    await self._wake.wait()
            except TimeoutError:
                pass
            now = time.monotonic()
            if now - self._recovered_at > RECOVER_EVERY:
                # Another process of this host died (kill -9): take its contacts now, not after the lease.
                self._recovered_at = now
                try:
                    await self.recover()
                except Exception:  # noqa: BLE001 — tried again soon
                    log.exception("inbox recovery failed")
            if now - self._pruned_at > 3600:
                self._pruned_at = now
                await self._prune()

    async def handle_waiting(self) -> int:
        """Claim what waits (up to ``lanes`` people) and handle it to the end, here; how many people.

        For tools and tests that run the inbox step by step instead of with :meth:`start`.
        """
        claimed = await self._claim(self.max_lanes)
        lanes = list(self._lanes.values())
        if lanes:
            await asyncio.gather(*lanes, return_exceptions=True)
        if self._done_writer is not None:
            await asyncio.gather(self._done_writer, return_exceptions=True)
        return claimed

    async def _claim(self, limit: int) -> int:
        services = self.services
        async with services.db.session() as session:
            now = services.clock.now()
            rows = await inbox.claim_heads(session, self.worker, now, limit, self.lease, postgres=not services.db.sqlite, channels=sorted(self.receivers))
            await session.commit()
        for row in rows:
            task = asyncio.create_task(self._lane(row), name=f"inbox-lane-{row.contact_id}")
            self._lanes[row.contact_id] = task
        self.services.metrics.busy_contacts.set(len(self._lanes))
        return len(rows)

    async def _prune(self) -> None:
        try:
            async with self.services.db.session() as session:
                removed = await inbox.prune(session, self.services.clock.now() - KEEP_FOR)
                await session.commit()
            if removed:
                log.info("inbox: %d old row(s) forgotten", removed)
        except Exception:  # noqa: BLE001 — retried in an hour
            log.exception("pruning the inbox failed")

    # -- one contact ----------------------------------------------------------------------------

    async def _lane(self, first: inbox.Pending) -> None:
        contact_id = first.contact_id
        me = asyncio.current_task()
        # The contact's rows answered but not yet marked done, oldest first. The oldest pending row
        # of the contact is held by this worker: the first of these, else the current row. Rows
        # are marked done only in a transaction that writes (and so holds) a newer row, or once
        # the lane has nothing more to do: until then the contact stays this worker's.
        finished: list[int] = []
        held_at = time.monotonic()  # when the held row's claim was last written (the lease runs from there)
        ahead: deque[inbox.Pending] = deque()
        current: inbox.Pending | None = first
        try:
            while current is not None:
                assert current.id is not None
                looked = False  # whether the contact's next rows were read with this one's transaction
                if current.replies is not None:  # decided before a crash or stop: deliver again
                    replies = inbox.decode_replies(current.replies)
                    if finished:
                        await self._finish(finished)
                    finished = []
                else:
                    looked = not ahead
                    write = len(finished) >= UNWRITTEN_MAX or time.monotonic() - held_at > self.lease.total_seconds() / 4
                    replies, written = await self._decide(current, finished, write, ahead if looked else None)
                    if written:  # the earlier rows are done now, and this one holds the contact
                        finished = []
                        held_at = time.monotonic()
                finished.append(current.id)
                if replies:
                    await self._deliver(current, replies, held=finished[0])
                if not ahead and not looked:
                    async with self.services.db.session() as session:
                        ahead.extend(await inbox.next_pending(session, contact_id, current.id, self.prefetch))
                        if not ahead:  # the last one: done in the same turn (a crash now repeats nothing)
                            await inbox.mark_done(session, finished)
                            await session.commit()
                            finished = []
                current = ahead.popleft() if ahead else None
            if finished:
                # The lane's last rows, answered: marked done together with other lanes' last rows
                # (one commit for many). Until then they stay pending and held by this process, so
                # the contact's later rows wait (in order) and are claimed once these are done.
                self._done_later(finished)
        except asyncio.CancelledError:
            raise
        except Exception:  # noqa: BLE001 — the rows stay pending and are claimed again
            log.exception("inbox lane failed", extra={"contact": contact_id})
            await asyncio.sleep(1.0)  # a database that is down is not asked again at once
            try:
                async with self.services.db.session() as session:
                    await inbox.release_claims(session, [self.worker], contact_id=contact_id)
                    await session.commit()
            except Exception:  # noqa: BLE001 — then the lease frees it
                log.exception("releasing a failed lane's contact failed")
        finally:
            if self._lanes.get(contact_id) is me:
                del self._lanes[contact_id]
            self.services.metrics.busy_contacts.set(len(self._lanes))
            self.wake()

    async def _finish(self, ids: list[int]) -> None:
        async with self.services.db.session() as session:
            await inbox.mark_done(session, ids)
            await session.commit()

    def _done_later(self, row_ids: list[int]) -> None:
        self._done.extend(row_ids)
        if self._done_writer is None or self._done_writer.done():
            self._done_writer = asyncio.create_task(self._write_done(), name="inbox-done")

    async def _write_done(self) -> None:
        # Everything that ended while the previous batch was being committed goes in one commit.
        while self._done:
            ids, self._done = self._done, []
            try:
                await self._finish(ids)
            except Exception:  # noqa: BLE001 — kept and tried again: the rows stay held meanwhile
                log.exception("marking %d answered row(s) done failed", len(ids))
                self._done = ids + self._done
                await asyncio.sleep(1.0)
                continue
            self.wake()  # the contacts' later rows can be claimed now

    async def _decide(self, row: inbox.Pending, finished: list[int], write: bool, ahead: deque[inbox.Pending] | None = None) -> tuple[list[Reply], bool]:
        """Handle one row: its replies, and whether the row was written (with the change it caused, in one transaction).

        Rows the lanes ask for while a transaction is running wait and are then handled together,
        in one transaction (one query loads their contacts, one commit stores them all): under load
        a batch holds many people's rows, when quiet it holds one. With ``ahead``, the contact's
        next pending rows are read in that transaction too (into ``ahead``), sparing the lane a
        transaction of its own to look for them.
        """
        future: asyncio.Future[list[Reply]] = asyncio.get_running_loop().create_future()
        # Read here, in the lane: reading a pressed button answers it with a round trip to the
        # platform, and people's lanes make those side by side, not one after another in the decider.
        incoming = await self._decode(row)
        # The lane's unwritten rows are many, or its claim old: this one is written whatever its handling does.
        handled = inbox.Handled(row.id, incoming is not None, list(finished), write)
        decision = _Decision(row, handled, ahead, future, incoming)
        if incoming is not None and incoming.kind == UpdateKind.MEDIA:
            # A file may be fetched while its update is handled: in a transaction of its own, in its
            # own lane, so nobody else's update waits for the download.
            return await self._decide_alone(decision), handled.written
        self._decisions.append(decision)
        if self._decider is None or self._decider.done():
            self._decider = asyncio.create_task(self._decide_waiting(), name="inbox-decider")
        return await future, handled.written

    async def _decide_waiting(self) -> None:
        while self._decisions:
            batch, self._decisions = self._decisions[: self.batch_size], self._decisions[self.batch_size :]
            waiting = [d for d in batch if not d.future.done()]  # a lane stopped meanwhile
            alone = waiting
            if len(waiting) > 1:
                try:
                    for decision, replies in zip(waiting, await self._decide_together(waiting), strict=True):
                        decision.resolve(replies)
                    alone = []
                except asyncio.CancelledError:
                    raise
                except Exception:  # noqa: BLE001 — nothing of the batch was stored: each alone, as below
                    log.warning("a batch of %d updates failed; handling them one by one", len(waiting), exc_info=True)
            for decision in alone:
                if decision.future.done():
                    continue
                try:
                    decision.resolve(await self._decide_alone(decision))
                except asyncio.CancelledError:
                    raise
                except Exception as exc:  # noqa: BLE001 — the lane gives the contact back and retries later
                    if not decision.future.done():
                        decision.future.set_exception(exc)

    async def _decode(self, row: inbox.Pending) -> Incoming | None:
        receiver = self.receivers.get(row.channel)
        if receiver is None:
            log.error("no channel %r for a stored update", row.channel)
            return None
        try:
            return await receiver.decode(row.payload)
        except Exception:  # noqa: BLE001 — an unreadable row must not block the contact
            log.exception("stored %s update could not be read", row.channel)
            return None

    def _recorder(self, batch: Sequence[_Decision]) -> functools.partial[Coroutine[Any, Any, None]]:
        """What marks ``batch``'s rows handled (:func:`models.inbox.record_handled`).

        Run by the handler just before its commit, with the replies of the rows that could be
        read, in order, and whether handling each of them wrote anything.
        """
        return functools.partial(
            inbox.record_handled,
            rows=[d.handled for d in batch],
            worker=self.worker,
            now=self.services.clock.now(),
            ahead={d.row.contact_id: (d.row.id, d.ahead) for d in batch if d.ahead is not None},
            prefetch=self.prefetch,
        )

    async def _decide_together(self, batch: Sequence[_Decision]) -> list[list[Reply]]:
        """Updates of different contacts in one transaction (raises if any handler failed: nothing stored)."""
        incomings = [d.incoming for d in batch if d.incoming is not None]
        decided = iter(await handle_updates(self.services, incomings, self._recorder(batch)))
        return [next(decided) if d.incoming is not None else [] for d in batch]

    async def _decide_alone(self, decision: _Decision) -> list[Reply]:
        """One update in its own transaction; a failing handler gets the person an apology."""
        services = self.services
        incoming = decision.incoming
        if incoming is not None:
            try:
                return await handle_update(services, incoming, self._recorder([decision]))
            except Exception:  # noqa: BLE001 — the person gets an apology; the row is finished
                log.exception("handler failed", extra={"contact": decision.row.contact_id})
                services.metrics.handler_errors.inc()
                replies = [error_reply(services, incoming)]
            # Not handled again after a crash: the apology is kept with the row, like any change.
            changed = [True]
        else:
            replies, changed = [], []
        async with services.db.session() as session:
            await self._recorder([decision])(session, [replies] if incoming is not None else [], changed)
            await session.commit()
        return replies

    async def _deliver(self, row: inbox.Pending, replies: list[Reply], held: int) -> None:
        """Send ``replies`` in order, retrying each through rate limits and platform errors.

        ``held`` is the contact's row this worker holds (``row`` or an earlier answered one).
        """
        assert row.id is not None
        channel = self.services.channels.get(row.channel)
        if channel is None:
            log.error("no channel %r to answer on", row.channel)
            return
        external_id = row.contact_id.partition(":")[2]
        for reply in replies:
            attempts = 0
            while True:
                try:
                    await channel.send(external_id, [reply])
                    break
                except SendError as exc:
                    if exc.blocked:
                        async with self.services.db.session() as session:
                            await mark_unreachable(session, row.contact_id)
                            await session.commit()
                        return
                    attempts += 1
                    if exc.permanent or attempts >= MAX_ATTEMPTS:
                        log.warning("reply not delivered (%s) after %d attempt(s)", exc.code, attempts, extra={"contact": row.contact_id})
                        break
                    delay = exc.retry_after if exc.retry_after is not None else retry_delay(attempts)
                except Exception as exc:  # noqa: BLE001 — unexpected failures are retried like a 5xx
                    attempts += 1
                    if attempts >= MAX_ATTEMPTS:
                        log.exception("reply not delivered after %d attempt(s)", attempts, extra={"contact": row.contact_id})
                        break
                    log.warning("sending a reply failed: %s", type(exc).__name__)
                    delay = retry_delay(attempts)
                if delay > self.lease.total_seconds() / 4:
                    async with self.services.db.session() as session:  # keep holding the contact
                        await inbox.renew_claim(session, held, self.worker, self.services.clock.now())
                        await session.commit()
                await asyncio.sleep(delay)
