"""Channel-neutral messages: the bottom layer every other one speaks.

A channel adapter turns a platform update into an :class:`Incoming`; handlers answer with
:class:`Reply` objects; the adapter renders them within its platform's limits (:func:`split_text`).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import NewType, Protocol

from bot.enums import MessageKind, UpdateKind

log = logging.getLogger(__name__)

# Telegram allows 64 bytes of callback data; the signature takes 9 of them.
MAX_PAYLOAD_BYTES = 55
# The largest file a person may send (a circular's PDF); a download stops as soon as it passes this.
MAX_FILE_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class Button:
    """A choice the user can press; ``payload`` is what comes back."""

    label: str
    payload: str


# What pack() returns: a payload string known to have the route's shape.
Packed = NewType("Packed", str)


@dataclass(frozen=True)
class Payload:
    """The button payloads of one route: ``<route>:<part>:<part>…`` (like aiogram's ``CallbackData``).

    Handlers make every button's payload with :meth:`pack`; the router reads the route with
    :meth:`route_of` and hands the rest to the route's handler, which splits it with :meth:`unpack`.
    Channels only sign and carry the text.
    """

    route: str

    def __post_init__(self) -> None:
        if not self.route or ":" in self.route or "|" in self.route:
            raise ValueError(f"not a route name: {self.route!r}")

    def pack(self, *parts: object) -> Packed:
        """The payload for a button; parts must not contain ``:`` (except the last)."""
        texts = [str(p) for p in parts]
        if any(":" in t for t in texts[:-1]):
            raise ValueError(f"':' inside a payload part of {self.route}: {texts!r}")
        return Packed(":".join([self.route, *texts]))

    @staticmethod
    def unpack(arg: str, count: int) -> list[str]:
        """``count`` parts of what the router passed on (missing ones are empty)."""
        parts = arg.split(":", count - 1)
        return parts + [""] * (count - len(parts))

    @staticmethod
    def route_of(payload: str) -> tuple[str, str]:
        """``(route, rest)`` of a pressed button's payload."""
        route, _, rest = payload.partition(":")
        return route, rest


@dataclass(frozen=True)
class Document:
    """A file sent with a reply (XLSX export, ``.ics`` calendar, circular PDF)."""

    filename: str
    content: bytes
    mime_type: str = "application/octet-stream"


@dataclass(frozen=True)
class FileRef:
    """A file a person sent, not yet fetched: the platform's id for it and what the update says.

    Updates carry only this; the bytes are fetched (through the channel's :class:`Fetcher`, with a
    cap) only when the person's conversation step expects a file, so nobody can make the bot hold
    files it never asked for. ``size`` is the size the platform stated, if any (not trusted).
    """

    channel: str
    file_id: str
    filename: str = "dokumen"
    mime_type: str = "application/octet-stream"
    size: int | None = None


class FetchError(Exception):
    """A sent file could not be fetched; ``too_large``: it is bigger than the cap."""

    def __init__(self, message: str, *, too_large: bool = False) -> None:
        super().__init__(message)
        self.too_large = too_large


class Fetcher(Protocol):
    """Fetches the bytes of a sent file from its platform (each receiving channel is one)."""

    async def fetch(self, ref: FileRef, limit: int) -> bytes:
        """At most ``limit`` bytes, streamed; :class:`FetchError` (``too_large``) past the cap."""
        ...


async def read_capped(chunks: AsyncIterator[bytes], limit: int) -> bytes:
    """Collect a download into one bounded buffer, aborting as soon as it passes ``limit``.

    The cap holds whether or not the platform stated the size beforehand.
    """
    buffer = bytearray()
    async for chunk in chunks:
        buffer += chunk
        if len(buffer) > limit:
            raise FetchError(f"file larger than {limit} bytes", too_large=True)
    return bytes(buffer)


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
    forged press), ``media`` (photo, sticker, voice, location…, or a document: ``file`` refers
    to it, fetched only when a conversation step expects one; ``attachment`` holds bytes already
    at hand, as on the console), ``edited`` (an edited old message), or ``blocked`` /
    ``unblocked`` (the person blocked the bot or allowed it again; never answered).
    """

    channel: str
    external_id: str
    kind: UpdateKind = UpdateKind.TEXT
    text: str = ""
    payload: str | None = None
    attachment: Document | None = None
    file: FileRef | None = None
    name: str = ""
    message_id: str = ""

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


@dataclass(frozen=True)
class Inbound:
    """A platform update as received, before it is understood: what the inbox stores.

    ``key`` is the platform's id of the delivery (a repeat has the same key); ``payload`` is
    the platform's JSON, turned into an :class:`Incoming` by the channel when it is handled.
    """

    key: str
    channel: str
    external_id: str
    payload: str

    @property
    def contact_id(self) -> str:
        """``CHANNEL:ID``."""
        return f"{self.channel}:{self.external_id}"


# Stores received updates durably; returns once they are committed (then the platform may be told).
Accept = Callable[[Sequence[Inbound]], Awaitable[None]]


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

    kind: MessageKind = MessageKind.NOTICE
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


class Receiver(Channel, Protocol):
    """A channel that receives updates from a platform through the inbox."""

    async def start(self, accept: Accept) -> None:
        """Start receiving; every update goes to ``accept`` before the platform is told it arrived."""
        ...

    async def stop(self) -> None:
        """Stop receiving and close connections."""
        ...

    async def decode(self, payload: str) -> Incoming | None:
        """The update stored by the inbox as an :class:`Incoming` (``None``: nothing to handle)."""
        ...


def split_text(text: str, limit: int) -> list[str]:
    """Split ``text`` into chunks of at most ``limit`` characters.

    Cuts at paragraph boundaries first, then at line ends, then at spaces, and only as a last
    resort inside a word, so a long answer reads naturally on a phone.
    """
    if limit < 1:
        raise ValueError("limit must be positive")
    chunks: list[str] = []
    rest = text.strip()
    while len(rest) > limit:
        window = rest[: limit + 1]
        cut = -1
        for separator in ("\n\n", "\n", " "):
            cut = window.rfind(separator, 0, limit + 1)
            if cut > limit // 3:  # never leave a uselessly short chunk
                break
        if cut <= 0:
            cut = limit
        chunk = rest[:cut].rstrip()
        if chunk:
            chunks.append(chunk)
        rest = rest[cut:].lstrip()
    if rest:
        chunks.append(rest)
    return chunks or [""]


def shorten(text: str, limit: int) -> str:
    """``text`` on one line, at most ``limit`` characters: cut at a word boundary and ended with "…"."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat.rfind(" ", 0, limit)  # room for the "…"
    if cut < limit // 3:  # one very long word: cut inside it rather than leave almost nothing
        cut = limit - 1
    return flat[:cut].rstrip(" ,.;:–-") + "…"
