"""Telegram channel: python-telegram-bot as transport only.

One ``TypeHandler(Update, …)`` turns every update into an :class:`Incoming` for the
Dispatcher; replies are rendered as plain text (never parsed as Markdown, so user text
cannot break them) with inline keyboards whose callback data is signed.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from aiohttp import web
from telegram import (
    BotCommand,
    BotCommandScopeChat,
    BotCommandScopeDefault,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputFile,
    Message,
    Update,
)
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError, TimedOut
from telegram.ext import AIORateLimiter, Application, ApplicationBuilder, ContextTypes, TypeHandler

from bot.config import TelegramSettings
from bot.enums import Role
from bot.messages import Delivery, Document, Incoming, PayloadSigner, Reply, SendError, split_text
from bot.metrics import Metrics

log = logging.getLogger(__name__)

MESSAGE_LIMIT = 4096
INTERACTIVE_RETRIES = 3
MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
CAPTION_LIMIT = 1024
ALLOWED_UPDATES = ["message", "edited_message", "callback_query"]
WEBHOOK_PATH = "/telegram/webhook"
_MEDIA_KINDS = (
    "photo",
    "sticker",
    "voice",
    "audio",
    "video",
    "video_note",
    "animation",
    "document",
    "location",
    "venue",
    "contact",
    "poll",
    "dice",
)

Submit = Callable[[Incoming], Awaitable[Any]]
CommandsFor = Callable[[str, str], list[tuple[str, str]]]


def _classify(exc: TelegramError) -> SendError:
    """Telegram's errors as the outbox understands them."""
    if isinstance(exc, RetryAfter):
        after = exc.retry_after
        seconds = after.total_seconds() if hasattr(after, "total_seconds") else float(after)
        return SendError(str(exc), retry_after=seconds, code="429")
    if isinstance(exc, Forbidden):
        return SendError(str(exc), blocked=True, code="403")
    if isinstance(exc, BadRequest):
        return SendError(str(exc), permanent=True, code="400")
    if isinstance(exc, TimedOut | NetworkError):
        return SendError(str(exc), code="network")
    return SendError(str(exc), code="error")


def _media_kind(message: Message) -> str:
    for kind in _MEDIA_KINDS:
        if getattr(message, kind, None):
            return kind
    return "other"


class TelegramChannel:
    """Receives updates (polling or webhook) and sends replies through the Bot API."""

    name = "telegram"

    def __init__(self, settings: TelegramSettings, signer: PayloadSigner, metrics: Metrics) -> None:
        self.settings = settings
        self.signer = signer
        self.metrics = metrics
        self._submit: Submit | None = None
        self._file_ids: dict[str, str] = {}  # sha256 of a document → Telegram file_id (upload once)
        self._upload_locks: dict[str, asyncio.Lock] = {}
        builder = (
            ApplicationBuilder()
            .token(settings.token)
            .base_url(settings.base_url)
            .base_file_url(settings.base_file_url)
            # No automatic retries by default: the outbox decides itself when to retry. Replies to a
            # person's own message ask for retries per call (INTERACTIVE_RETRIES).
            .rate_limiter(AIORateLimiter(overall_max_rate=settings.rate_per_second, overall_time_period=1, max_retries=0))
            .concurrent_updates(256)
            # httpcore scans its whole pool on every request: 32 connections keep that cheap and are
            # plenty for Telegram's ~30 messages per second (PTB's default is 256).
            .connection_pool_size(32)
        )
        if settings.mode == "webhook":
            builder = builder.updater(None)
        self.application: Application[Any, Any, Any, Any, Any, Any] = builder.build()
        self.application.add_handler(TypeHandler(Update, self._on_update))
        self.application.add_error_handler(self._on_error)

    # -- receiving -------------------------------------------------------------------

    def to_incoming(self, update: Update) -> Incoming | None:
        """The channel-neutral form of ``update``; ``None`` for what the bot ignores."""
        user = update.effective_user
        chat = update.effective_chat
        if user is None or user.is_bot or (chat is not None and chat.type != "private"):
            return None  # the bot serves private chats only
        common: dict[str, Any] = {"channel": self.name, "external_id": str(user.id), "name": user.full_name or ""}
        if update.callback_query is not None:
            query = update.callback_query
            payload = self.signer.verify(f"{self.name}:{user.id}", query.data)
            kind = "button" if payload is not None else "bad_button"
            message_id = str(query.message.message_id) if query.message else ""
            return Incoming(kind=kind, payload=payload, message_id=message_id, **common)
        if update.edited_message is not None:
            return Incoming(kind="edited", message_id=str(update.edited_message.message_id), **common)
        message = update.message
        if message is None:
            return None
        if message.text is not None:
            return Incoming(kind="text", text=message.text, message_id=str(message.message_id), **common)
        return Incoming(kind="media", media=_media_kind(message), message_id=str(message.message_id), **common)

    async def _on_update(self, update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
        incoming = self.to_incoming(update)
        if update.callback_query is not None:
            # Always answer the press so the phone stops showing a spinner.
            try:
                await update.callback_query.answer()
            except TelegramError as exc:
                log.info("answerCallbackQuery failed: %s", exc)
        if incoming is None or self._submit is None:
            return
        message = update.message
        if message is not None and message.document is not None:
            incoming = await self._with_attachment(incoming, message)
        await self._submit(incoming)

    async def _with_attachment(self, incoming: Incoming, message: Message) -> Incoming:
        """Download a sent document (a circular's PDF) so handlers get its bytes."""
        doc = message.document
        if doc is None or (doc.file_size or 0) > MAX_ATTACHMENT_BYTES:
            return incoming
        try:
            file = await doc.get_file()
            content = bytes(await file.download_as_bytearray())
        except TelegramError as exc:
            log.warning("could not download a document: %s", exc)
            return incoming
        attachment = Document(doc.file_name or "dokumen", content, doc.mime_type or "application/octet-stream")
        return Incoming(**{**incoming.__dict__, "attachment": attachment, "text": message.caption or ""})

    async def _on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        log.error("telegram error: %s", context.error, exc_info=context.error)

    async def handle_webhook(self, request: web.Request) -> web.Response:
        """``POST /telegram/webhook``: check the secret header, queue the update, answer fast."""
        given = request.headers.get("X-Telegram-Bot-Api-Secret-Token", "")
        if not self.settings.webhook_secret or not hmac.compare_digest(given.encode(), self.settings.webhook_secret.encode()):
            self.metrics.webhook_rejected.labels(self.name, "secret").inc()
            return web.json_response({"ok": False, "error": "forbidden"}, status=403)
        try:
            data = json.loads(await request.read())
            if not isinstance(data, dict) or not isinstance(data.get("update_id"), int):
                raise ValueError("not an update")
            update = Update.de_json(data, self.application.bot)
        except (ValueError, TypeError, KeyError) as exc:
            self.metrics.webhook_rejected.labels(self.name, "malformed").inc()
            log.warning("malformed telegram webhook body: %s", type(exc).__name__)
            return web.json_response({"ok": False, "error": "malformed update"}, status=400)
        await self.application.update_queue.put(update)
        return web.json_response({"ok": True})

    # -- sending ---------------------------------------------------------------------

    def _markup(self, external_id: str, reply: Reply) -> InlineKeyboardMarkup | None:
        if not reply.buttons:
            return None
        contact_id = f"{self.name}:{external_id}"
        return InlineKeyboardMarkup(
            [[InlineKeyboardButton(b.label[:64], callback_data=self.signer.sign(contact_id, b.payload)) for b in row] for row in reply.buttons]
        )

    async def _send_document(self, chat_id: int, doc: Document, caption: str | None, markup: InlineKeyboardMarkup | None, retries: int | None) -> Message:
        digest = hashlib.sha256(doc.content).hexdigest()
        lock = self._upload_locks.setdefault(digest, asyncio.Lock())
        async with lock:  # the first send uploads; the others reuse Telegram's file_id
            file: Any = self._file_ids.get(digest) or InputFile(doc.content, filename=doc.filename)
            message = await self.application.bot.send_document(chat_id, file, caption=caption, reply_markup=markup, rate_limit_args=retries)
            if message.document is not None:
                self._file_ids[digest] = message.document.file_id
        return message

    async def _send_reply(self, chat_id: int, external_id: str, reply: Reply, retries: int | None) -> list[str]:
        bot = self.application.bot
        markup = self._markup(external_id, reply)
        sent: list[str] = []
        if reply.document is not None:
            caption = reply.text if len(reply.text) <= CAPTION_LIMIT else None
            if caption is None:
                for chunk in split_text(reply.text, MESSAGE_LIMIT):
                    sent.append(str((await bot.send_message(chat_id, chunk, rate_limit_args=retries)).message_id))
            sent.append(str((await self._send_document(chat_id, reply.document, caption, markup, retries)).message_id))
            return sent
        chunks = split_text(reply.text, MESSAGE_LIMIT)
        for i, chunk in enumerate(chunks):
            last = i == len(chunks) - 1
            message = await bot.send_message(chat_id, chunk, reply_markup=markup if last else None, rate_limit_args=retries)
            sent.append(str(message.message_id))
        return sent

    async def send(self, external_id: str, replies: Sequence[Reply]) -> list[str]:
        """Send ``replies`` in order; buttons go on the last piece of each reply."""
        chat_id = int(external_id)
        sent: list[str] = []
        try:
            for reply in replies:
                sent += await self._send_reply(chat_id, external_id, reply, INTERACTIVE_RETRIES)
        except TelegramError as exc:
            raise _classify(exc) from exc
        return sent

    async def deliver(self, external_id: str, reply: Reply, *, delivery: Delivery | None = None) -> str:
        """Send one outbox message once (no automatic retry); errors classified as :class:`SendError`."""
        try:
            return (await self._send_reply(int(external_id), external_id, reply, None))[-1]
        except TelegramError as exc:
            raise _classify(exc) from exc

    async def edit(self, external_id: str, message_id: str, reply: Reply) -> None:
        """Replace the text of a message sent earlier (progress reports)."""
        try:
            await self.application.bot.edit_message_text(
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
        bot = self.application.bot
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

    async def start(self, submit: Submit) -> None:
        """Connect to the Bot API and start receiving updates."""
        self._submit = submit
        app = self.application
        await app.initialize()
        await app.start()
        if self.settings.mode == "webhook":
            await app.bot.set_webhook(
                self.settings.webhook_url,
                secret_token=self.settings.webhook_secret,
                allowed_updates=ALLOWED_UPDATES,
            )
        elif app.updater is not None:
            await app.updater.start_polling(allowed_updates=ALLOWED_UPDATES, timeout=20)
        me = app.bot.bot
        log.info("telegram channel started as @%s (%s)", me.username, self.settings.mode)

    async def stop(self) -> None:
        """Stop receiving and close the connections."""
        app = self.application
        if app.updater is not None and app.updater.running:
            await app.updater.stop()
        if app.running:
            await app.stop()
        await app.shutdown()
