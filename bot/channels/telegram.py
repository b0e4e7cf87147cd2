"""Telegram channel: python-telegram-bot as transport only, its HTTP on aiohttp.

Every update is stored in the inbox before Telegram is told it arrived (the webhook's 200,
or the next ``getUpdates`` offset); the inbox later hands it back to :meth:`TelegramChannel.decode`,
which makes it an :class:`Incoming`. Replies are rendered as plain text (never parsed as
Markdown, so user text cannot break them) with inline keyboards whose callback data is signed.

python-telegram-bot's HTTP layer is :class:`AiohttpRequest` (aiohttp is the project's HTTP stack)
instead of httpx: on a small machine the Bot API client's own CPU cost bounds a bot's throughput,
and aiohttp's client costs several times less per request than httpx's pool here (BENCHMARKS.md).
"""

from __future__ import annotations

import asyncio
import functools
import hashlib
import hmac
import json
import logging
import warnings
from collections.abc import Callable, Sequence
from typing import Any

import aiohttp
from aiohttp import web
from telegram import (
    BotCommand,
    BotCommandScopeChat,
    BotCommandScopeDefault,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputFile,
    Message,
)
from telegram._utils.defaultvalue import DefaultValue
from telegram._utils.types import ODVInput
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError, TimedOut
from telegram.ext import AIORateLimiter, ExtBot
from telegram.request import BaseRequest, RequestData
from telegram.warnings import PTBUserWarning

from bot.config import TelegramSettings
from bot.enums import Role, UpdateKind
from bot.messages import (
    MAX_FILE_BYTES,
    Accept,
    Delivery,
    Document,
    FetchError,
    FileRef,
    Inbound,
    Incoming,
    PayloadSigner,
    Reply,
    SendError,
    read_capped,
    split_text,
)
from bot.metrics import Metrics

log = logging.getLogger(__name__)
# PTB's limiter logs every 429 it passes on with a traceback; the inbox and the outbox log
# what they do about it themselves.
logging.getLogger("telegram.ext.AIORateLimiter").setLevel(logging.CRITICAL)
# getUpdates and sendMessage go through do_api_request with raw JSON (see _poll and _send_text);
# PTB would suggest get_updates / send_message each time.
warnings.filterwarnings("ignore", message=r"Please use 'Bot\.(getUpdates|sendMessage)'", category=PTBUserWarning)

MESSAGE_LIMIT = 4096
POLL_TIMEOUT = 20  # seconds a getUpdates call waits for updates
SEND_POOL = 32  # connections for sending (measured: see BENCHMARKS.md)
CAPTION_LIMIT = 1024
# my_chat_member: a person blocking the bot (kicked) or unblocking it (member).
ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "my_chat_member"]
PERSON_PARTS = ("message", "edited_message", "callback_query", "my_chat_member")
FETCH_TIMEOUT = aiohttp.ClientTimeout(total=120, sock_read=30)
WEBHOOK_PATH = "/telegram/webhook"
CommandsFor = Callable[[str, str], list[tuple[str, str]]]


# -- python-telegram-bot's HTTP on aiohttp ------------------------------------------------------


class AiohttpRequest(BaseRequest):
    """A :class:`telegram.request.BaseRequest` over one :class:`aiohttp.ClientSession`."""

    def __init__(
        self,
        connection_pool_size: int = 32,
        read_timeout: float | None = 5.0,
        write_timeout: float | None = 5.0,
        connect_timeout: float | None = 5.0,
        media_write_timeout: float = 20.0,
    ) -> None:
        self._pool_size = connection_pool_size
        self._read_timeout = read_timeout
        self._write_timeout = write_timeout
        self._connect_timeout = connect_timeout
        self._media_write_timeout = media_write_timeout
        self._session: aiohttp.ClientSession | None = None

    @property
    def read_timeout(self) -> float | None:
        """The default read timeout, in seconds."""
        return self._read_timeout

    async def initialize(self) -> None:
        """Open the session (connections are made on first use)."""
        if self._session is None or self._session.closed:
            connector = aiohttp.TCPConnector(limit=self._pool_size, ttl_dns_cache=300)
            # No cookie jar: the Bot API sets none, and looking through one cost a share of every request.
            self._session = aiohttp.ClientSession(connector=connector, headers={"User-Agent": self.USER_AGENT}, cookie_jar=aiohttp.DummyCookieJar())

    async def shutdown(self) -> None:
        """Close the session and its connections."""
        if self._session is not None and not self._session.closed:
            await self._session.close()
        self._session = None

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        write_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        connect_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        pool_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        """Send one request; the status and raw body come back (PTB parses them)."""
        if self._session is None or self._session.closed:
            raise RuntimeError("AiohttpRequest is not initialized")
        files = request_data.multipart_data if request_data else None
        params = request_data.json_parameters if request_data else None
        read = self._read_timeout if isinstance(read_timeout, DefaultValue) else read_timeout
        write = (self._media_write_timeout if files else self._write_timeout) if isinstance(write_timeout, DefaultValue) else write_timeout
        connect = self._connect_timeout if isinstance(connect_timeout, DefaultValue) else connect_timeout
        pool = None if isinstance(pool_timeout, DefaultValue) else pool_timeout
        timeout = _timeout(connect, write, read, pool)
        body: Any
        headers = None
        if files:
            form = aiohttp.FormData()
            for name, value in (params or {}).items():
                form.add_field(name, value)
            for name, item in files.items():
                filename, content, mime = _file_part(item)
                form.add_field(name, content, filename=filename, content_type=mime)
            body = form
        elif request_data is not None and params:
            # JSON, which the Bot API takes for every method without an upload: one C-level dump
            # instead of percent-encoding each character of a long answer in Python.
            body = json.dumps(request_data.parameters, ensure_ascii=False).encode()
            headers = _JSON
        else:
            body = None
        try:
            async with self._session.request(method, url, data=body, headers=headers, timeout=timeout) as response:
                return response.status, await response.read()
        except TimeoutError as exc:
            raise TimedOut from exc
        except asyncio.CancelledError:
            raise
        except aiohttp.ClientError as exc:
            raise NetworkError(f"aiohttp.{type(exc).__name__}: {exc}") from exc


_JSON = {"Content-Type": "application/json"}


@functools.lru_cache(maxsize=64)
def _timeout(connect: float | None, write: float | None, read: float | None, pool: float | None) -> aiohttp.ClientTimeout:
    """The aiohttp timeout for PTB's four (built once per combination: every request asks)."""
    # aiohttp has no separate write timeout: a request may take connect + write + read in all.
    parts = [t for t in (connect, write, read, pool) if t is not None]
    return aiohttp.ClientTimeout(total=sum(parts) if len(parts) == 4 else None, connect=connect, sock_read=read)


def _file_part(item: Any) -> tuple[str, Any, str]:
    """``(filename, content, mime type)`` of one of PTB's upload tuples."""
    if isinstance(item, tuple):
        filename = str(item[0]) if len(item) > 0 and item[0] else "file"
        content = item[1] if len(item) > 1 else b""
        mime = str(item[2]) if len(item) > 2 and item[2] else "application/octet-stream"
        return filename, content, mime
    return "file", item, "application/octet-stream"


# -- the channel -------------------------------------------------------------------------------


def _seconds(after: Any) -> float:
    return float(after.total_seconds()) if hasattr(after, "total_seconds") else float(after)


def _classify(exc: TelegramError) -> SendError:
    """Telegram's errors as the outbox understands them."""
    if isinstance(exc, RetryAfter):
        return SendError(str(exc), retry_after=_seconds(exc.retry_after), code="429")
    if isinstance(exc, Forbidden):
        return SendError(str(exc), blocked=True, code="403")
    if isinstance(exc, BadRequest):
        return SendError(str(exc), permanent=True, code="400")
    if isinstance(exc, TimedOut | NetworkError):
        return SendError(str(exc), code="network")
    return SendError(str(exc), code="error")



def _largest_photo(sizes: Any) -> dict[str, Any] | None:
    """Of a photo's sizes (Telegram lists them smallest first), the largest within the file cap."""
    if not isinstance(sizes, list):
        return None
    fitting = [
        p for p in sizes if isinstance(p, dict) and isinstance(p.get("file_id"), str) and p["file_id"] and int(p.get("file_size") or 0) <= MAX_FILE_BYTES
    ]
    return fitting[-1] if fitting else None

class TelegramChannel:
    """Receives updates (polling or webhook) into the inbox and sends replies through the Bot API.

    python-telegram-bot is the transport (its ``ExtBot``, with the aiohttp request class of
    :class:`AiohttpRequest`); its ``Application`` is not used, because an update is
    first stored and handled later from the inbox, not dispatched when it arrives.
    """

    name = "telegram"

    def __init__(self, settings: TelegramSettings, signer: PayloadSigner, metrics: Metrics) -> None:
        self.settings = settings
        self.signer = signer
        self.metrics = metrics
        self._accept: Accept | None = None
        self._poller: asyncio.Task[None] | None = None
        self._file_ids: dict[str, str] = {}  # sha256 of a document → Telegram file_id (upload once)
        self._upload_locks: dict[str, asyncio.Lock] = {}
        self.bot: ExtBot[Any] = ExtBot(
            settings.token,
            base_url=settings.base_url,
            base_file_url=settings.base_file_url,
            request=AiohttpRequest(connection_pool_size=SEND_POOL),
            # Long polls hold their connection for up to POLL_TIMEOUT seconds: a pool of their own.
            get_updates_request=AiohttpRequest(connection_pool_size=1, read_timeout=POLL_TIMEOUT + 10),
            # No automatic retries: the inbox (replies) and the outbox (everything else) retry themselves.
            rate_limiter=AIORateLimiter(overall_max_rate=settings.rate_per_second, overall_time_period=1, max_retries=0),
        )

    # -- receiving -------------------------------------------------------------------

    def _username(self) -> str | None:
        try:
            return self.bot.username
        except RuntimeError:  # not initialised yet: the bot's own name is unknown
            return None

    def _command_for_us(self, text: str) -> str | None:
        """``/jadwal@OurBot args`` → ``/jadwal args``; ``None`` for a command addressed to another bot."""
        if not text.startswith("/"):
            return text
        word, space, rest = text.partition(" ")
        command, at, addressee = word.partition("@")
        if not at:
            return text
        ours = self._username()
        if ours is None or addressee.lower() != ours.lower():
            return None
        return command + space + rest

    def to_incoming(self, data: dict[str, Any]) -> Incoming | None:
        """The channel-neutral form of an update's JSON; ``None`` for what the bot ignores.

        Read from the JSON itself: building python-telegram-bot objects for it cost more than
        the rest of receiving (BENCHMARKS.md). A document becomes a :class:`FileRef`: nothing is
        downloaded here.
        """
        part = next((p for p in PERSON_PARTS if isinstance(data.get(p), dict)), None)
        if part is None:
            return None
        body: dict[str, Any] = data[part]
        user = body.get("from")
        if not isinstance(user, dict) or not isinstance(user.get("id"), int) or user.get("is_bot"):
            return None
        message = body.get("message") if part == "callback_query" else body
        if part == "callback_query" and not isinstance(message, dict):
            return None  # a press on an inline-mode message: the bot has none, and no chat to answer in
        chat = message.get("chat") if isinstance(message, dict) else None
        if isinstance(chat, dict) and chat.get("type") != "private":
            return None  # the bot serves private chats only
        name = " ".join(str(user[k]) for k in ("first_name", "last_name") if user.get(k))
        common: dict[str, Any] = {"channel": self.name, "external_id": str(user["id"]), "name": name}
        if part == "my_chat_member":
            status = (body.get("new_chat_member") or {}).get("status") if isinstance(body.get("new_chat_member"), dict) else None
            if status == "kicked":
                return Incoming(kind=UpdateKind.BLOCKED, **common)
            if status == "member":
                return Incoming(kind=UpdateKind.UNBLOCKED, **common)
            return None
        message_id = str(message.get("message_id") or "") if isinstance(message, dict) else ""
        if part == "callback_query":
            payload = self.signer.verify(f"{self.name}:{user['id']}", body.get("data") if isinstance(body.get("data"), str) else None)
            return Incoming(kind=UpdateKind.BUTTON if payload is not None else UpdateKind.BAD_BUTTON, payload=payload, message_id=message_id, **common)
        if part == "edited_message":
            return Incoming(kind=UpdateKind.EDITED, message_id=message_id, **common)
        if isinstance(body.get("text"), str):
            text = self._command_for_us(body["text"])
            if text is None:
                log.info("a command addressed to another bot ignored")
                return None
            return Incoming(kind=UpdateKind.TEXT, text=text, message_id=message_id, **common)
        doc = body.get("document")
        if isinstance(doc, dict) and isinstance(doc.get("file_id"), str) and doc["file_id"]:
            size = doc.get("file_size")
            ref = FileRef(
                self.name,
                doc["file_id"],
                str(doc.get("file_name") or "dokumen"),
                str(doc.get("mime_type") or "application/octet-stream"),
                size if isinstance(size, int) else None,
            )
            return Incoming(kind=UpdateKind.MEDIA, file=ref, text=str(body.get("caption") or ""), message_id=message_id, **common)
        photo = _largest_photo(body.get("photo"))
        if photo is not None:  # a photo of a document (the help desk takes one)
            ref = FileRef(self.name, photo["file_id"], "foto.jpg", "image/jpeg", photo.get("file_size") if isinstance(photo.get("file_size"), int) else None)
            return Incoming(kind=UpdateKind.MEDIA, file=ref, text=str(body.get("caption") or ""), message_id=message_id, **common)
        return Incoming(kind=UpdateKind.MEDIA, message_id=message_id, **common)

    def to_inbound(self, data: dict[str, Any]) -> Inbound | None:
        """An update's JSON as an inbox row; ``None`` for updates from no person (nothing to store)."""
        update_id = data.get("update_id")
        for part in PERSON_PARTS:
            body = data.get(part)
            if isinstance(body, dict):
                sender = body.get("from")
                if isinstance(sender, dict) and isinstance(sender.get("id"), int) and isinstance(update_id, int):
                    return Inbound(f"{self.name}:{update_id}", self.name, str(sender["id"]), json.dumps(data, ensure_ascii=False))
                log.info("telegram %s update without from.id: not stored", part)
                return None
        # Reactions, polls, boosts, channel posts, members of groups…: nothing for a person to be answered.
        log.debug("telegram update of kinds %s not handled", sorted(k for k in data if k != "update_id"))
        return None

    async def decode(self, payload: str) -> Incoming | None:
        """A stored update as an :class:`Incoming` (a sent document only as a reference)."""
        data = json.loads(payload)
        if not isinstance(data, dict):
            return None
        query = data.get("callback_query")
        if isinstance(query, dict) and query.get("id"):
            # Always answer the press so the phone stops showing a spinner.
            try:
                await self.bot.answer_callback_query(str(query["id"]))
            except TelegramError as exc:
                log.info("answerCallbackQuery failed: %s", exc)
        return self.to_incoming(data)

    async def fetch(self, ref: FileRef, limit: int) -> bytes:
        """A sent document's bytes, streamed into a buffer of at most ``limit`` bytes."""
        try:
            file = await self.bot.get_file(ref.file_id)
        except TelegramError as exc:
            raise FetchError(f"getFile failed: {type(exc).__name__}") from exc
        if file.file_size is not None and file.file_size > limit:
            raise FetchError(f"stated size {file.file_size} over the cap", too_large=True)
        if not file.file_path:
            raise FetchError("getFile gave no file path")
        try:
            # The URL holds the token: it is never logged.
            async with aiohttp.ClientSession(timeout=FETCH_TIMEOUT) as session, session.get(file.file_path) as response:
                if response.status >= 400:
                    raise FetchError(f"download answered HTTP {response.status}")
                return await read_capped(response.content.iter_chunked(64 * 1024), limit)
        except (TimeoutError, aiohttp.ClientError) as exc:
            raise FetchError(f"download failed: {type(exc).__name__}") from exc

    async def handle_webhook(self, request: web.Request) -> web.Response:
        """``POST /telegram/webhook``: check the secret header, store the update, then answer 200."""
        given = request.headers.get("X-Telegram-Bot-Api-Secret-Token", "")
        if not self.settings.webhook_secret or not hmac.compare_digest(given.encode(), self.settings.webhook_secret.encode()):
            self.metrics.webhook_rejected.labels(self.name, "secret").inc()
            return web.json_response({"ok": False, "error": "forbidden"}, status=403)
        # The secret is checked first: a stranger learns nothing, not even which content type we take.
        if request.content_type != "application/json":
            return web.json_response({"ok": False, "error": "expected application/json"}, status=415)
        try:
            data = json.loads(await request.read())
        except (ValueError, RecursionError) as exc:  # RecursionError: absurdly deep nesting
            self.metrics.webhook_rejected.labels(self.name, "malformed").inc()
            log.warning("malformed telegram webhook body: %s", type(exc).__name__)
            return web.json_response({"ok": False, "error": "malformed update"}, status=400)
        problem = "the body is not a JSON object" if not isinstance(data, dict) else "update_id (an integer) is missing"
        if not isinstance(data, dict) or not isinstance(data.get("update_id"), int):
            self.metrics.webhook_rejected.labels(self.name, "malformed").inc()
            log.warning("telegram webhook body refused: %s", problem)
            return web.json_response({"ok": False, "error": "malformed update"}, status=400)
        inbound = self.to_inbound(data)
        if inbound is not None and self._accept is not None:
            try:
                await self._accept([inbound])
            except Exception:  # noqa: BLE001 — not stored, so not acknowledged: Telegram sends it again
                log.exception("storing a telegram update failed")
                return web.json_response({"ok": False, "error": "try again later"}, status=503)
        return web.json_response({"ok": True})

    async def _poll(self) -> None:
        """Poll ``getUpdates`` in a loop; the offset moves past an update only once it is stored."""
        offset: int | None = None
        pause = 1.0
        while True:
            try:
                # The raw JSON (get_updates would build PTB objects, only to be turned back into JSON).
                updates = await self.bot.do_api_request(
                    "getUpdates",
                    api_kwargs={"offset": offset, "timeout": POLL_TIMEOUT, "allowed_updates": ALLOWED_UPDATES},
                    read_timeout=POLL_TIMEOUT + 10,
                )
                updates = [u for u in updates if isinstance(u, dict) and isinstance(u.get("update_id"), int)] if isinstance(updates, list) else []
                inbound = [i for i in (self.to_inbound(u) for u in updates) if i is not None]
                if inbound and self._accept is not None:
                    await self._accept(inbound)
                if updates:
                    offset = max(u["update_id"] for u in updates) + 1  # the next call confirms these to Telegram
                pause = 1.0
            except asyncio.CancelledError:
                raise
            except RetryAfter as exc:
                await asyncio.sleep(_seconds(exc.retry_after))
            except Exception as exc:  # noqa: BLE001 — network, database: wait and ask again from the same offset
                log.warning("polling failed (%s); again in %.0f s", type(exc).__name__, pause)
                await asyncio.sleep(pause)
                pause = min(30.0, pause * 2)

    # -- sending ---------------------------------------------------------------------

    def _keyboard(self, external_id: str, reply: Reply) -> list[list[tuple[str, str]]]:
        """The buttons as (label, signed callback data) rows."""
        contact_id = f"{self.name}:{external_id}"
        return [[(b.label[:64], self.signer.sign(contact_id, b.payload)) for b in row] for row in reply.buttons]

    def _markup(self, external_id: str, reply: Reply) -> InlineKeyboardMarkup | None:
        if not reply.buttons:
            return None
        return InlineKeyboardMarkup([[InlineKeyboardButton(label, callback_data=data) for label, data in row] for row in self._keyboard(external_id, reply)])

    async def _send_text(self, chat_id: int, text: str, keyboard: list[list[tuple[str, str]]] | None) -> str:
        """One sendMessage; returns its message id.

        Through PTB's documented ``do_api_request`` (same request class, rate limiter and error
        mapping as ``send_message``) with the parameters as plain JSON, and without building a
        ``Message`` of the answer for its id only: ``send_message``'s objects cost about a third
        of sending (BENCHMARKS.md).
        """
        params: dict[str, Any] = {"chat_id": chat_id, "text": text}
        if keyboard:
            params["reply_markup"] = {"inline_keyboard": [[{"text": label, "callback_data": data} for label, data in row] for row in keyboard]}
        result = await self.bot.do_api_request("sendMessage", api_kwargs=params)
        if not isinstance(result, dict) or "message_id" not in result:
            raise NetworkError(f"sendMessage answered without a message: {str(result)[:100]}")
        return str(result["message_id"])

    async def _send_document(self, chat_id: int, doc: Document, caption: str | None, markup: InlineKeyboardMarkup | None) -> Message:
        digest = hashlib.sha256(doc.content).hexdigest()
        lock = self._upload_locks.setdefault(digest, asyncio.Lock())
        async with lock:  # the first send uploads; the others reuse Telegram's file_id
            file: Any = self._file_ids.get(digest) or InputFile(doc.content, filename=doc.filename)
            message = await self.bot.send_document(chat_id, file, caption=caption, reply_markup=markup)
            if message.document is not None:
                self._file_ids[digest] = message.document.file_id
        return message

    async def _send_reply(self, chat_id: int, external_id: str, reply: Reply) -> list[str]:
        sent: list[str] = []
        if reply.document is not None:
            caption = reply.text if len(reply.text) <= CAPTION_LIMIT else None
            if caption is None:
                for chunk in split_text(reply.text, MESSAGE_LIMIT):
                    sent.append(await self._send_text(chat_id, chunk, None))
            sent.append(str((await self._send_document(chat_id, reply.document, caption, self._markup(external_id, reply))).message_id))
            return sent
        keyboard = self._keyboard(external_id, reply)
        chunks = split_text(reply.text, MESSAGE_LIMIT)
        for i, chunk in enumerate(chunks):
            sent.append(await self._send_text(chat_id, chunk, keyboard if i == len(chunks) - 1 else None))
        return sent

    async def send(self, external_id: str, replies: Sequence[Reply]) -> list[str]:
        """Send ``replies`` in order; buttons go on the last piece of each reply."""
        chat_id = int(external_id)
        sent: list[str] = []
        try:
            for reply in replies:
                sent += await self._send_reply(chat_id, external_id, reply)
        except TelegramError as exc:
            raise _classify(exc) from exc
        return sent

    async def deliver(self, external_id: str, reply: Reply, *, delivery: Delivery | None = None) -> str:
        """Send one outbox message once (no automatic retry); errors classified as :class:`SendError`."""
        try:
            return (await self._send_reply(int(external_id), external_id, reply))[-1]
        except TelegramError as exc:
            raise _classify(exc) from exc

    async def edit(self, external_id: str, message_id: str, reply: Reply) -> None:
        """Replace the text of a message sent earlier (progress reports)."""
        try:
            await self.bot.edit_message_text(
                split_text(reply.text, MESSAGE_LIMIT)[0],
                chat_id=int(external_id),
                message_id=int(message_id),
                reply_markup=self._markup(external_id, reply),
            )
        except BadRequest as exc:
            if "not modified" not in str(exc).lower():
                raise _classify(exc) from exc
        except TelegramError as exc:
            raise _classify(exc) from exc

    # -- life cycle ------------------------------------------------------------------

    async def set_commands(self, commands_for: CommandsFor, languages: Sequence[str], staff: dict[str, str]) -> None:
        """Register the command menu: public commands per language, more for staff chats."""
        bot = self.bot
        for lang in languages:
            commands = [BotCommand(n, d[:256]) for n, d in commands_for(Role.PUBLIC, lang)]
            await bot.set_my_commands(commands, scope=BotCommandScopeDefault(), language_code=None if lang == "id" else lang)
        for contact_id, role in staff.items():
            channel, _, external_id = contact_id.partition(":")
            if channel != self.name or not external_id.isdigit():
                continue
            commands = [BotCommand(n, d[:256]) for n, d in commands_for(role, "id")]
            try:
                await bot.set_my_commands(commands, scope=BotCommandScopeChat(int(external_id)))
            except TelegramError as exc:  # the person may never have opened the chat
                log.info("could not set commands for a staff chat: %s", exc)

    async def start(self, accept: Accept) -> None:
        """Connect to the Bot API and start receiving updates into ``accept`` (the inbox)."""
        self._accept = accept
        await self.bot.initialize()
        if self.settings.mode == "webhook":
            await self.bot.set_webhook(self.settings.webhook_url, secret_token=self.settings.webhook_secret, allowed_updates=ALLOWED_UPDATES)
        else:
            await self.bot.delete_webhook()
            self._poller = asyncio.create_task(self._poll(), name="telegram-polling")
        log.info("telegram channel started as @%s (%s)", self.bot.username, self.settings.mode)

    async def stop(self) -> None:
        """Stop receiving and close the connections."""
        self._accept = None
        if self._poller is not None:
            self._poller.cancel()
            await asyncio.gather(self._poller, return_exceptions=True)
            self._poller = None
        await self.bot.shutdown()
