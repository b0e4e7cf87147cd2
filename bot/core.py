"""Channel-neutral messages and the Dispatcher.

A channel adapter turns a platform update into an :class:`Incoming`; handlers answer with
:class:`Reply` objects; the adapter renders them within its platform's limits.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import logging
from collections import deque
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Protocol

log = logging.getLogger(__name__)

# Telegram allows 64 bytes of callback data; the signature takes 9 of them.
MAX_PAYLOAD_BYTES = 55


@dataclass(frozen=True)
class Button:
    """A choice the user can press; ``payload`` is what comes back."""

    label: str
    payload: str


@dataclass(frozen=True)
class Document:
    """A file sent with a reply (XLSX export, ``.ics`` calendar, circular PDF)."""

    filename: str
    content: bytes
    mime_type: str = "application/octet-stream"


@dataclass(frozen=True)
class Reply:
    """What the bot says: text, optional rows of buttons, optional document."""

    text: str
    buttons: tuple[tuple[Button, ...], ...] = ()
    document: Document | None = None

    def all_buttons(self) -> list[Button]:
        """The buttons in reading order."""
        return [b for row in self.buttons for b in row]


_CONTROL = {c: None for c in range(32) if chr(c) not in "\t\n\r"} | {0x7F: None}


def clean_text(text: str) -> str:
    """Drop control characters and lone surrogates from user text."""
    cleaned = text.translate(_CONTROL)
    try:
        cleaned.encode("utf-8")
    except UnicodeEncodeError:
        cleaned = cleaned.encode("utf-8", "replace").decode("utf-8")
    return cleaned


@dataclass(frozen=True)
class Incoming:
    """One update from a person, whatever the channel.

    ``kind`` is ``text``, ``button`` (``payload`` verified), ``bad_button`` (stale or
    forged press), ``media`` (photo, sticker, voice, location…; ``media`` names it) or
    ``edited`` (an edited old message).
    """

    channel: str
    external_id: str
    kind: str = "text"
    text: str = ""
    payload: str | None = None
    media: str = ""
    attachment: Document | None = None
    name: str = ""
    message_id: str = ""
    received_at: datetime = field(default_factory=lambda: datetime.now(UTC))

    def __post_init__(self) -> None:
        # Whatever a client sends, handlers and the database only ever see clean text:
        # no NUL or other control characters (PostgreSQL rejects NUL), no lone surrogates.
        for name in ("text", "name"):
            value = getattr(self, name)
            cleaned = clean_text(value)
            if cleaned != value:
                object.__setattr__(self, name, cleaned)

    @property
    def contact_id(self) -> str:
        """``CHANNEL:ID``."""
        return f"{self.channel}:{self.external_id}"


class Clock(Protocol):
    """Source of the current time (injected so tests never sleep)."""

    def now(self) -> datetime:
        """The current time, aware."""
        ...


class SystemClock:
    """The real clock."""

    def now(self) -> datetime:
        """The current time in UTC."""
        return datetime.now(UTC)


class PayloadSigner:
    """Signs button payloads per contact so forged presses are refused.

    The token is ``payload|sig`` where ``sig`` is 8 characters of HMAC-SHA256 over the
    contact id and the payload.
    """

    def __init__(self, key: bytes) -> None:
        self._key = key

    def _sig(self, contact_id: str, payload: str) -> str:
        digest = hmac.new(self._key, f"{contact_id}\n{payload}".encode(), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest[:6]).decode()

    def sign(self, contact_id: str, payload: str) -> str:
        """The token to put in the button."""
        if "|" in payload or len(payload.encode()) > MAX_PAYLOAD_BYTES:
            raise ValueError(f"button payload not allowed: {payload!r}")
        return f"{payload}|{self._sig(contact_id, payload)}"

    def verify(self, contact_id: str, token: str | None) -> str | None:
        """The payload if the token is genuine for this contact, else ``None``."""
        if not token or token.count("|") != 1 or len(token) > 128:
            return None
        payload, sig = token.split("|")
        try:
            # Bytes on both sides: a lone surrogate or non-ASCII text in forged data is simply not genuine.
            genuine = hmac.compare_digest(sig.encode(), self._sig(contact_id, payload).encode())
        except UnicodeEncodeError:
            return None
        return payload if genuine else None


class SendError(Exception):
    """A delivery the platform refused, classified for the outbox.

    ``retry_after``: the platform asked to wait (Telegram 429, WhatsApp pair limit);
    ``blocked``: the person blocked the bot or cannot be reached (Telegram 403);
    ``permanent``: retrying cannot help (bad request, unknown chat); otherwise transient (5xx, timeout).
    """

    def __init__(self, message: str, *, retry_after: float | None = None, blocked: bool = False, permanent: bool = False, code: str = "") -> None:
        super().__init__(message)
        self.retry_after = retry_after
        self.blocked = blocked
        self.permanent = permanent or blocked
        self.code = code


@dataclass(frozen=True)
class Delivery:
    """What the outbox knows about one delivery, for channels with rules about it (WhatsApp)."""

    kind: str = "notice"  # broadcast | reminder | notice
    last_inbound: datetime | None = None  # when the person last wrote to us
    force_template: bool = False  # the platform said the conversation window is closed


class Channel(Protocol):
    """A transport that can deliver replies to one of its contacts."""

    name: str

    async def send(self, external_id: str, replies: Sequence[Reply]) -> list[str]:
        """Deliver ``replies`` in order (answers to the person's own message); return the platform ids."""
        ...

    async def deliver(self, external_id: str, reply: Reply, *, delivery: Delivery | None = None) -> str:
        """Deliver one outbox message, once, raising :class:`SendError`; return the platform id."""
        ...

    async def edit(self, external_id: str, message_id: str, reply: Reply) -> None:
        """Replace a message sent earlier (progress reports)."""
        ...


Handler = Callable[[Incoming], Awaitable[list[Reply]]]


class _Lane:
    __slots__ = ("items", "task")

    def __init__(self) -> None:
        self.items: deque[tuple[Incoming, asyncio.Future[list[Reply]]]] = deque()
        self.task: asyncio.Task[None] | None = None


class Dispatcher:
    """Handles one contact's updates strictly in order and different contacts concurrently.

    Each contact with pending updates has a lane: a queue and one worker task that exits when
    the queue is empty, so idle contacts cost nothing.
    """

    def __init__(self, handler: Handler, channels: dict[str, Channel], error_reply: Callable[[Incoming], Reply]) -> None:
        self._handler = handler
        self.channels = channels
        self._error_reply = error_reply
        self._lanes: dict[str, _Lane] = {}
        self.on_blocked: Callable[[str], Awaitable[None]] | None = None  # a reply hit "blocked by the user"
        self.handled = 0
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
        self.handled += 1
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
