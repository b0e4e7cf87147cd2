"""WhatsApp Cloud API channel: the webhook on the shared aiohttp app, and a Graph API client.

Inbound: the verification handshake; every POST is checked against ``X-Hub-Signature-256``
(HMAC-SHA256 of the raw body with the app secret) before it is parsed; its messages are stored in
the inbox (keyed by message id, so a repeated delivery is dropped) and its ``statuses`` recorded
against outbox rows before the 200 goes back; the inbox then hands each message to
:meth:`WhatsAppChannel.decode`. The adapter keeps no rows itself: numbered menus and statuses go
through the stores it is given.

Outbound: a :class:`Reply` is rendered within WhatsApp's limits — up to 3 reply buttons (titles
≤ 20), else a list (≤ 10 rows, titles ≤ 24, descriptions ≤ 72), else a numbered text menu whose
numbers are accepted back. Outside the 24-hour customer-service window reminders and circulars go
out as the configured templates.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import re
from collections.abc import Awaitable, Callable, Sequence
from datetime import timedelta
from typing import Any, Protocol

import aiohttp
from aiohttp import web

from bot.config import WhatsAppSettings
from bot.enums import MessageKind, UpdateKind
from bot.http import HttpRoute
from bot.i18n import I18n
from bot.messages import (
    Accept,
    Button,
    Clock,
    Delivery,
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

WEBHOOK_PATH = "/whatsapp/webhook"
TEXT_LIMIT = 4096
BODY_LIMIT = 1024
CAPTION_LIMIT = 1024
BUTTON_TITLE = 20
ROW_TITLE = 24
ROW_DESCRIPTION = 72
WINDOW = timedelta(hours=24)
_TEMPLATE_KINDS = (MessageKind.REMINDER, MessageKind.BROADCAST)  # may reach people outside the window, as templates
PAIR_LIMIT_SECONDS = 6.0  # about one message per 6 s to the same person (error 131056)
RATE_LIMIT_SECONDS = 60.0  # error 130429: the throughput limit of the number
TEMPLATE_PARAM_LIMIT = 1000
# Messages that are events about other messages or about the account, not something a person
# said: a reaction (added or removed), a deleted or edited message, a number or identity change, the
# chat being opened. They are acknowledged and never answered.
SILENT_TYPES = frozenset({"reaction", "revoke", "edit", "system", "request_welcome"})
# Delivery reports (sent, delivered, read, failed), stored before the webhook is answered.
RecordStatuses = Callable[[list[dict[str, Any]]], Awaitable[None]]


class MenuStore(Protocol):
    """Where the choices of the last numbered menu per contact are kept (the database)."""

    async def remember(self, contact_id: str, payloads: Sequence[str] | None) -> None:
        """Store the menu just sent (``None``: no numbered menu is open)."""
        ...

    async def choice(self, contact_id: str, number: int) -> str | None:
        """The payload behind a typed number."""
        ...


def _fits_buttons(buttons: list[Button]) -> bool:
    return 0 < len(buttons) <= 3 and all(len(b.label) <= BUTTON_TITLE for b in buttons)


def _fits_list(buttons: list[Button]) -> bool:
    return 0 < len(buttons) <= 10


def _flat(text: str) -> str:
    """Template parameters may not hold new lines, tabs or long runs of spaces."""
    return re.sub(r"\s{2,}|\n|\t", " · ", text.strip())[:TEMPLATE_PARAM_LIMIT]


class WhatsAppChannel:
    """Receives the Cloud API webhook and sends through the Graph API."""

    name = "whatsapp"

    def __init__(
        self,
        settings: WhatsAppSettings,
        signer: PayloadSigner,
        metrics: Metrics,
        clock: Clock,
        i18n: I18n,
        menus: MenuStore,
        record_statuses: RecordStatuses,
    ) -> None:
        self.settings = settings
        self.signer = signer
        self.metrics = metrics
        self.clock = clock
        self.i18n = i18n
        self.menus = menus  # numbered text menus live in the database: any process reads the number back
        self._record_statuses = record_statuses
        self._accept: Accept | None = None
        self._http: aiohttp.ClientSession | None = None
        self._media_ids: dict[str, str] = {}  # sha256 of a document → uploaded media id

    # -- life cycle --------------------------------------------------------------------------

    def routes(self) -> list[HttpRoute]:
        """The webhook routes for the shared HTTP app."""
        return [HttpRoute("GET", WEBHOOK_PATH, self.verify), HttpRoute("POST", WEBHOOK_PATH, self.receive)]

    async def start(self, accept: Accept) -> None:
        """Open the Graph API session and accept webhook deliveries (stored through ``accept``)."""
        self._accept = accept
        self._http = aiohttp.ClientSession(
            headers={"Authorization": f"Bearer {self.settings.access_token}"},
            timeout=aiohttp.ClientTimeout(total=30),
        )
        log.info("whatsapp channel started (phone number id %s)", self.settings.phone_number_id)

    async def stop(self) -> None:
        """Close the Graph API session."""
        self._accept = None
        if self._http is not None:
            await self._http.close()
            self._http = None

    # -- webhook -------------------------------------------------------------------------------

    async def verify(self, request: web.Request) -> web.Response:
        """``GET``: Meta's subscription handshake."""
        mode = request.query.get("hub.mode", "")
        token = request.query.get("hub.verify_token", "")
        challenge = request.query.get("hub.challenge", "")
        if mode == "subscribe" and self.settings.verify_token and hmac.compare_digest(token.encode(), self.settings.verify_token.encode()):
            return web.Response(text=challenge)
        self.metrics.webhook_rejected.labels(self.name, "verify").inc()
        return web.Response(status=403, text="forbidden")

    async def receive(self, request: web.Request) -> web.Response:
        """``POST``: check the signature on the raw body, store the messages, then answer 200."""
        raw = await request.read()
        given = request.headers.get("X-Hub-Signature-256", "")
        if not given:
            self.metrics.webhook_rejected.labels(self.name, "unsigned").inc()
            return web.json_response({"error": "missing signature"}, status=401)
        expected = "sha256=" + hmac.new(self.settings.app_secret.encode(), raw, hashlib.sha256).hexdigest()
        if not hmac.compare_digest(given.encode(), expected.encode()):
            self.metrics.webhook_rejected.labels(self.name, "signature").inc()
            return web.json_response({"error": "bad signature"}, status=403)
        try:
            payload = json.loads(raw)
            if not isinstance(payload, dict) or not isinstance(payload.get("entry", []), list):
                raise ValueError("not a webhook payload (an object with an entry list)")
        except (ValueError, RecursionError) as exc:  # RecursionError: absurdly deep nesting
            self.metrics.webhook_rejected.labels(self.name, "malformed").inc()
            log.warning("whatsapp webhook body refused: %s", exc if isinstance(exc, ValueError) and "webhook" in str(exc) else type(exc).__name__)
            return web.json_response({"error": "malformed body"}, status=400)
        statuses, messages = self._split(payload)
        try:
            # Meta sends nothing again once it has its 200: what it delivered is stored first.
            if statuses:
                await self._record_statuses(statuses)
            if messages and self._accept is not None:
                await self._accept(messages)
        except Exception:  # noqa: BLE001 — a 503 makes Meta deliver again later
            log.exception("storing a whatsapp webhook failed")
            return web.json_response({"error": "try again later"}, status=503)
        return web.json_response({"ok": True})

    def _split(self, payload: dict[str, Any]) -> tuple[list[dict[str, Any]], list[Inbound]]:
        """The delivery reports, and the messages as inbox rows (one per message id).

        Each change is read on its own: one of an unexpected shape is logged and skipped, and
        the rest of the delivery still counts.
        """
        statuses: list[dict[str, Any]] = []
        messages: list[Inbound] = []
        for entry in payload.get("entry") or []:
            changes = entry.get("changes") if isinstance(entry, dict) else None
            if not isinstance(changes, list):
                log.warning("whatsapp webhook entry without a changes list skipped")
                continue
            for change in changes:
                value = change.get("value") if isinstance(change, dict) else None
                if not isinstance(value, dict):
                    log.warning("whatsapp webhook change without a value object skipped")
                    continue
                try:
                    found_statuses, found_messages = self._read_value(value)
                except (TypeError, AttributeError, ValueError) as exc:
                    log.warning("whatsapp webhook change of an unexpected shape skipped: %s", exc)
                    continue
                statuses += found_statuses
                messages += found_messages
        return statuses, messages

    def _read_value(self, value: dict[str, Any]) -> tuple[list[dict[str, Any]], list[Inbound]]:
        metadata = value.get("metadata")
        to_number = str(metadata.get("phone_number_id") or "") if isinstance(metadata, dict) else ""
        if to_number and self.settings.phone_number_id and to_number != str(self.settings.phone_number_id):
            # Another number of the same business account: not ours to answer.
            log.info("whatsapp webhook change for another phone_number_id acknowledged and skipped")
            return [], []
        statuses = [s for s in value.get("statuses") or [] if isinstance(s, dict)]
        names = {str(c.get("wa_id")): str((c.get("profile") or {}).get("name", "")) for c in value.get("contacts") or [] if isinstance(c, dict)}
        messages: list[Inbound] = []
        for message in value.get("messages") or []:
            if not isinstance(message, dict):
                log.warning("whatsapp webhook message that is not an object skipped")
                continue
            wa_id = str(message.get("from") or "")
            message_id = str(message.get("id") or "")
            if not wa_id.isdigit() or not message_id or len(wa_id) > 32:
                log.warning("whatsapp webhook message without a usable from or id skipped")
                continue
            if message.get("type") in SILENT_TYPES:
                log.debug("whatsapp %s event acknowledged, not answered", message.get("type"))
                continue
            body = json.dumps({"message": message, "name": names.get(wa_id, "")}, ensure_ascii=False)
            messages.append(Inbound(f"{self.name}:{message_id}"[:200], self.name, wa_id, body))
        return statuses, messages

    async def decode(self, payload: str) -> Incoming | None:
        """A stored message as an :class:`Incoming` (documents are downloaded now, not on receipt)."""
        data = json.loads(payload)
        message = data.get("message") if isinstance(data, dict) else None
        if not isinstance(message, dict):
            return None
        wa_id = str(message.get("from") or "")
        common: dict[str, Any] = {"channel": self.name, "external_id": wa_id, "name": str(data.get("name") or ""), "message_id": str(message.get("id") or "")}
        kind = message.get("type")
        if kind == "text":
            body = str((message.get("text") or {}).get("body") or "")
            payload_choice = await self._menu_choice(wa_id, body)
            if payload_choice is not None:
                return Incoming(kind=UpdateKind.BUTTON, payload=payload_choice, **common)
            return Incoming(kind=UpdateKind.TEXT, text=body, **common)
        if kind == "interactive":
            interactive = message.get("interactive") or {}
            reply = interactive.get("button_reply") or interactive.get("list_reply") or {}
            verified = self.signer.verify(f"{self.name}:{wa_id}", str(reply.get("id") or ""))
            return Incoming(kind=UpdateKind.BUTTON if verified is not None else UpdateKind.BAD_BUTTON, payload=verified, **common)
        if kind == "button":  # a quick-reply button of a template: its text is the answer
            return Incoming(kind=UpdateKind.TEXT, text=str((message.get("button") or {}).get("text") or ""), **common)
        if kind in SILENT_TYPES:  # stored by an older version: still not answered
            return None
        doc = message.get(kind)
        if kind in ("document", "image") and isinstance(doc, dict) and doc.get("id"):  # a photo of a document: the help desk takes one
            default_name = "dokumen" if kind == "document" else "foto.jpg"
            ref = FileRef(self.name, str(doc["id"]), str(doc.get("filename") or default_name), str(doc.get("mime_type") or "application/octet-stream"))
            return Incoming(kind=UpdateKind.MEDIA, file=ref, text=str(doc.get("caption") or ""), **common)
        return Incoming(kind=UpdateKind.MEDIA, **common)

    async def fetch(self, ref: FileRef, limit: int) -> bytes:
        """A sent document's bytes: its URL from the Graph API, then the file streamed into a capped buffer."""
        if self._http is None:
            raise FetchError("whatsapp channel not started")
        try:
            async with self._http.get(f"{self.settings.api_base_url}/{ref.file_id}") as response:
                if response.status >= 400:
                    raise FetchError(f"media info answered HTTP {response.status}")
                info = await response.json(content_type=None)
            url = str(info.get("url") or "") if isinstance(info, dict) else ""
            if not url:
                raise FetchError("media info without a url")
            stated = info.get("file_size")
            if isinstance(stated, int) and stated > limit:
                raise FetchError(f"stated size {stated} over the cap", too_large=True)
            async with self._http.get(url) as response:
                if response.status >= 400:
                    raise FetchError(f"download answered HTTP {response.status}")
                return await read_capped(response.content.iter_chunked(64 * 1024), limit)
        except (TimeoutError, aiohttp.ClientError, ValueError) as exc:
            raise FetchError(f"download failed: {type(exc).__name__}") from exc

    async def _menu_choice(self, wa_id: str, body: str) -> str | None:
        text = body.strip().rstrip(".")
        if not text.isdigit() or len(text) > 2:
            return None
        return await self.menus.choice(f"{self.name}:{wa_id}", int(text))

    # -- sending ---------------------------------------------------------------------------------

    async def _post(self, path: str, **kwargs: Any) -> dict[str, Any]:
        if self._http is None:
            raise SendError("whatsapp channel not started", code="closed")
        url = f"{self.settings.api_base_url}/{self.settings.phone_number_id}/{path}"
        try:
            async with self._http.post(url, **kwargs) as response:
                try:
                    body = await response.json(content_type=None)
                except (ValueError, aiohttp.ContentTypeError):
                    body = {}
                if response.status < 400:
                    return body if isinstance(body, dict) else {}
                raise _classify(response.status, body)
        except (TimeoutError, aiohttp.ClientError) as exc:
            raise SendError(f"network: {type(exc).__name__}", code="network") from exc

    async def _send_message(self, to: str, content: dict[str, Any]) -> str:
        body = {"messaging_product": "whatsapp", "recipient_type": "individual", "to": to, **content}
        result = await self._post("messages", json=body)
        messages = result.get("messages") or [{}]
        return str(messages[0].get("id") or "")

    def _interactive(self, to: str, body: str, buttons: list[Button]) -> dict[str, Any]:
        contact_id = f"{self.name}:{to}"
        if _fits_buttons(buttons):
            return {
                "type": "interactive",
                "interactive": {
                    "type": "button",
                    "body": {"text": body},
                    "action": {"buttons": [{"type": "reply", "reply": {"id": self.signer.sign(contact_id, b.payload), "title": b.label}} for b in buttons]},
                },
            }
        lang = self.i18n.default
        rows = []
        for b in buttons:
            row: dict[str, Any] = {
                "id": self.signer.sign(contact_id, b.payload),
                "title": b.label if len(b.label) <= ROW_TITLE else b.label[: ROW_TITLE - 1] + "…",
            }
            if len(b.label) > ROW_TITLE:
                row["description"] = b.label[:ROW_DESCRIPTION]
            rows.append(row)
        return {
            "type": "interactive",
            "interactive": {
                "type": "list",
                "body": {"text": body},
                "action": {
                    "button": self.i18n.t(lang, "whatsapp.list_button")[:BUTTON_TITLE],
                    "sections": [{"title": self.i18n.t(lang, "whatsapp.list_section")[:ROW_TITLE], "rows": rows}],
                },
            },
        }

    def _numbered(self, text: str, buttons: list[Button]) -> str:
        lines = [text, "", self.i18n.t(self.i18n.default, "whatsapp.numbered_menu")]
        lines += [f"{n}. {b.label}" for n, b in enumerate(buttons, start=1)]
        return "\n".join(lines)

    async def _upload(self, content: bytes, filename: str, mime: str) -> str:
        digest = hashlib.sha256(content).hexdigest()
        if digest in self._media_ids:
            return self._media_ids[digest]
        form = aiohttp.FormData()
        form.add_field("messaging_product", "whatsapp")
        form.add_field("type", mime)
        form.add_field("file", content, filename=filename, content_type=mime)
        result = await self._post("media", data=form)
        media_id = str(result.get("id") or "")
        if not media_id:
            raise SendError("media upload returned no id", code="media")
        self._media_ids[digest] = media_id
        return media_id

    async def _send_reply(self, to: str, reply: Reply) -> list[str]:
        ids: list[str] = []
        buttons = reply.all_buttons()
        text = reply.text
        if reply.document is not None:
            doc = reply.document
            media_id = await self._upload(doc.content, doc.filename, doc.mime_type)
            caption = text if len(text) <= CAPTION_LIMIT and not buttons else ""
            content: dict[str, Any] = {"type": "document", "document": {"id": media_id, "filename": doc.filename}}
            if caption:
                content["document"]["caption"] = caption
            ids.append(await self._send_message(to, content))
            if caption:
                return ids
        if buttons and (_fits_buttons(buttons) or _fits_list(buttons)):
            chunks = split_text(text, TEXT_LIMIT)
            if len(chunks[-1]) > BODY_LIMIT:  # the interactive body is short: text first, then the choice
                for chunk in chunks:
                    ids.append(await self._send_message(to, {"type": "text", "text": {"body": chunk}}))
                chunks = [self.i18n.t(self.i18n.default, "whatsapp.choose")]
            for chunk in chunks[:-1]:
                ids.append(await self._send_message(to, {"type": "text", "text": {"body": chunk}}))
            ids.append(await self._send_message(to, self._interactive(to, chunks[-1], buttons)))
            await self.menus.remember(f"{self.name}:{to}", None)  # a number typed now means no old menu
            return ids
        if buttons:
            text = self._numbered(text, buttons)
            await self.menus.remember(f"{self.name}:{to}", [b.payload for b in buttons])
        for chunk in split_text(text, TEXT_LIMIT):
            ids.append(await self._send_message(to, {"type": "text", "text": {"body": chunk}}))
        return ids

    async def send(self, external_id: str, replies: Sequence[Reply]) -> list[str]:
        """Answer a person who just wrote (always inside the 24-hour window)."""
        ids: list[str] = []
        for reply in replies:
            ids += await self._send_reply(external_id, reply)
        return ids

    def _template_for(self, kind: str) -> str:
        return self.settings.reminder_template if kind == MessageKind.REMINDER else self.settings.broadcast_template

    async def _send_template(self, to: str, reply: Reply, kind: str) -> str:
        name = self._template_for(kind)
        if not name:
            raise SendError(f"outside the 24-hour window and no {kind} template configured", permanent=True, code="no_template")
        content = {
            "type": "template",
            "template": {
                "name": name,
                "language": {"code": self.settings.template_language},
                "components": [{"type": "body", "parameters": [{"type": "text", "text": _flat(reply.text)}]}],
            },
        }
        return await self._send_message(to, content)

    async def deliver(self, external_id: str, reply: Reply, *, delivery: Delivery | None = None) -> str:
        """An outbox message: free-form inside the 24-hour window, else the configured template."""
        delivery = delivery or Delivery()
        now = self.clock.now()
        open_window = delivery.last_inbound is not None and now - delivery.last_inbound < WINDOW
        if delivery.force_template or (not open_window and delivery.kind in _TEMPLATE_KINDS):
            return await self._send_template(external_id, reply, delivery.kind)
        try:
            return (await self._send_reply(external_id, reply))[-1]
        except SendError as exc:
            if exc.code == "131047" and delivery.kind in _TEMPLATE_KINDS:
                return await self._send_template(external_id, reply, delivery.kind)
            raise

    async def edit(self, external_id: str, message_id: str, reply: Reply) -> None:
        """WhatsApp cannot edit a sent message: progress goes out as a new one."""
        await self._send_reply(external_id, reply)


def _classify(status: int, body: Any) -> SendError:
    error = (body or {}).get("error") or {} if isinstance(body, dict) else {}
    code = str(error.get("code") or status)
    message = str(error.get("message") or f"HTTP {status}")[:200]
    if code == "131056":
        return SendError(message, retry_after=PAIR_LIMIT_SECONDS, code=code)
    if code in ("130429", "80007", "4"):
        return SendError(message, retry_after=RATE_LIMIT_SECONDS, code=code)
    if status >= 500 or code in ("1", "2", "131000", "131016"):  # Meta's side: try again later
        return SendError(message, code=code)
    return SendError(message, permanent=True, code=code)  # 131026 not on WhatsApp, 131051, 100 …
