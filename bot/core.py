"""The Dispatcher: one contact's updates strictly in order, different contacts concurrently."""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Awaitable, Callable

from bot.messages import Channel, Incoming, Reply, SendError

log = logging.getLogger(__name__)


Handler = Callable[[Incoming], Awaitable[list[Reply]]]


class _Lane:
    __slots__ = ("items", "task")

    def __init__(self) -> None:
        self.items: deque[tuple[Incoming, asyncio.Future[list[Reply]]]] = deque()
        self.task: asyncio.Task[None] | None = None


class Dispatcher:
    """Handles one contact's updates strictly in order and different contacts concurrently, in memory.

    For the console and tests, where nothing was acknowledged to a platform; Telegram and
    WhatsApp updates go through the inbox (``scheduler.inbox``) instead.

    Each contact with pending updates has a lane: a queue and one worker task that exits when
    the queue is empty, so idle contacts cost nothing.
    """

    def __init__(self, handler: Handler, channels: dict[str, Channel], error_reply: Callable[[Incoming], Reply]) -> None:
        self._handler = handler
        self.channels = channels
        self._error_reply = error_reply
        self._lanes: dict[str, _Lane] = {}
        self.on_blocked: Callable[[str], Awaitable[None]] | None = None  # a reply hit "blocked by the user"
        self.failed = 0

    def submit(self, incoming: Incoming) -> asyncio.Future[list[Reply]]:
        """Queue ``incoming`` behind the contact's earlier updates; the future gives the replies."""
        future: asyncio.Future[list[Reply]] = asyncio.get_running_loop().create_future()
        lane = self._lanes.get(incoming.contact_id)
        if lane is None:
            lane = self._lanes[incoming.contact_id] = _Lane()
        lane.items.append((incoming, future))
        if lane.task is None:
            lane.task = asyncio.create_task(self._drain(incoming.contact_id, lane))
        return future

    async def dispatch(self, incoming: Incoming) -> list[Reply]:
        """Queue ``incoming`` and wait until it has been handled and answered."""
        return await self.submit(incoming)

    @property
    def busy_contacts(self) -> int:
        """How many contacts have updates waiting or in progress."""
        return len(self._lanes)

    async def _drain(self, contact_id: str, lane: _Lane) -> None:
        try:
            while lane.items:
                incoming, future = lane.items.popleft()
                replies = await self._process(incoming)
                if not future.done():
                    future.set_result(replies)
        finally:
            for _, future in lane.items:
                if not future.done():
                    future.cancel()
            self._lanes.pop(contact_id, None)

    async def _process(self, incoming: Incoming) -> list[Reply]:
        try:
            replies = await self._handler(incoming)
        except Exception:
            self.failed += 1
            log.exception("handler failed", extra={"contact": incoming.contact_id, "kind": incoming.kind})
            replies = [self._error_reply(incoming)]
        channel = self.channels.get(incoming.channel)
        if channel is None:
            log.error("no channel %r to answer on", incoming.channel)
            return replies
        try:
            await channel.send(incoming.external_id, replies)
        except SendError as exc:
            log.warning("reply not delivered (%s)", exc.code, extra={"contact": incoming.contact_id})
            if exc.blocked and self.on_blocked is not None:
                await self.on_blocked(incoming.contact_id)
        except Exception:
            log.exception("sending the reply failed", extra={"contact": incoming.contact_id})
        return replies

    async def join(self) -> None:
        """Wait until every queued update has been handled."""
        while self._lanes:
            tasks = [lane.task for lane in self._lanes.values() if lane.task is not None]
            if tasks:
                await asyncio.gather(*tasks, return_exceptions=True)
            else:  # pragma: no cover — a lane always has its task set before yielding
                await asyncio.sleep(0)
