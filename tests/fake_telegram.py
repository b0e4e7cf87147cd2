"""A fake Telegram Bot API server on 127.0.0.1 for the real python-telegram-bot client."""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

# Parameters python-telegram-bot sends as plain strings (everything else is JSON-encoded).
_STRING_PARAMS = {"text", "caption", "callback_query_id", "url", "secret_token", "language_code", "parse_mode", "ip_address", "description"}

BOT_USER = {
    "id": 7000000001,
    "is_bot": True,
    "first_name": "PSP Bot",
    "username": "psp_test_bot",
    "can_join_groups": False,
    "can_read_all_group_messages": False,
    "supports_inline_queries": False,
}


@dataclass
class Call:
    """One Bot API request the fake received."""

    method: str
    params: dict[str, Any]
    at: float = field(default_factory=time.monotonic)
    files: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    ok: bool = True

    @property
    def chat_id(self) -> int | None:
        value = self.params.get("chat_id")
        return int(value) if value is not None else None


@dataclass
class Failure:
    """An injected error for the next matching calls."""

    method: str
    status: int
    count: int
    retry_after: int | None = None
    chat_id: int | None = None


class FakeTelegramServer:
    """Speaks enough of the Bot API for polling, webhooks, messages, documents and buttons."""

    def __init__(self, token: str = "123456:TEST-token-abcdefghijklmnopqrstuvwxyz") -> None:
        self.token = token
        self.calls: list[Call] = []
        self.updates: list[dict[str, Any]] = []
        self.blocked: set[int] = set()
        self.failures: list[Failure] = []
        self._next_update = itertools.count(1)
        self._next_message = itertools.count(1000)
        self._changed = asyncio.Condition()
        self.runner: web.AppRunner | None = None
        self.port = 0
        self.delay = 0.0  # seconds each send takes (to make a broadcast last)
        self.slow: dict[str, float] = {}  # seconds a method (or "download", a file's) takes
        self.in_flight: Counter[str] = Counter()  # requests of each method being answered now
        self.most_in_flight: Counter[str] = Counter()  # the most of each method answered at once
        self.stored_files: dict[str, bytes] = {}
        self.allowed_updates: Any = None  # what the last getUpdates asked for
        self.downloads = 0  # file downloads started (getFile alone does not count)
        self.state_sizes = True  # False: getFile says nothing about a file's size, as it may
        self.confirmed = 0  # the highest update_id a getUpdates offset has confirmed
        self.sent_count = 0  # successful send* calls (cheap to poll in benchmarks)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    async def start(self) -> None:
        app = web.Application(client_max_size=50 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        app.router.add_get("/file/bot{token}/{path:.+}", self._download)
        self.runner = web.AppRunner(app, access_log=None)
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    async def stop(self) -> None:
        if self.runner is not None:
            await self.runner.cleanup()

    # -- what tests put in ------------------------------------------------------------

    async def push(self, update: dict[str, Any], update_id: int | None = None) -> int:
        """Queue an update for getUpdates (``update_id`` given: a repeated delivery of that id)."""
        update_id = update_id if update_id is not None else next(self._next_update)
        update["update_id"] = update_id
        async with self._changed:
            self.updates.append(update)
            self._changed.notify_all()
        return update_id

    @staticmethod
    def user(user_id: int, first_name: str = "Made") -> dict[str, Any]:
        return {"id": user_id, "is_bot": False, "first_name": first_name, "language_code": "id"}

    def text_update(self, user_id: int, text: str, first_name: str = "Made") -> dict[str, Any]:
        return {
            "message": {
                "message_id": next(self._next_message),
                "date": int(time.time()),
                "chat": {"id": user_id, "type": "private", "first_name": first_name},
                "from": self.user(user_id, first_name),
                "text": text,
            }
        }

    async def send_text(self, user_id: int, text: str, first_name: str = "Made") -> int:
        return await self.push(self.text_update(user_id, text, first_name))

    async def press(self, user_id: int, data: str, message_id: int = 1) -> int:
        return await self.push(
            {
                "callback_query": {
                    "id": f"cb{next(self._next_message)}",
                    "from": self.user(user_id),
                    "chat_instance": "1",
                    "data": data,
                    "message": {
                        "message_id": message_id,
                        "date": int(time.time()),
                        "chat": {"id": user_id, "type": "private"},
                        "from": BOT_USER,
                        "text": "…",
                    },
                }
            }
        )

    def fail(self, method: str, status: int, count: int = 1, retry_after: int | None = None, chat_id: int | None = None) -> None:
        self.failures.append(Failure(method, status, count, retry_after, chat_id))

    # -- what tests read back ---------------------------------------------------------

    def sent(self, chat_id: int | None = None, method: str = "sendMessage") -> list[Call]:
        """Successful calls of ``method`` (to ``chat_id``)."""
        return [c for c in self.calls if c.ok and c.method == method and (chat_id is None or c.chat_id == chat_id)]

    async def send_document(self, user_id: int, filename: str, content: bytes, caption: str = "", stated_size: bool = True) -> int:
        file_id = f"doc{len(self.stored_files) + 1}"
        self.stored_files[file_id] = content
        update = self.text_update(user_id, "")
        del update["message"]["text"]
        update["message"]["document"] = {
            "file_id": file_id,
            "file_unique_id": file_id,
            "file_name": filename,
            "mime_type": "application/pdf",
        }
        if stated_size:
            update["message"]["document"]["file_size"] = len(content)
        if caption:
            update["message"]["caption"] = caption
        return await self.push(update)

    def texts(self, chat_id: int) -> list[str]:
        return [
            c.params.get("text") or c.params.get("caption") or "" for c in self.calls if c.method in ("sendMessage", "sendDocument") and c.chat_id == chat_id
        ]

    async def wait_for(self, predicate: Any, timeout: float = 10.0) -> None:
        async def _wait() -> None:
            async with self._changed:
                await self._changed.wait_for(predicate)

        await asyncio.wait_for(_wait(), timeout)

    async def wait_for_messages(self, chat_id: int, count: int, timeout: float = 10.0) -> list[Call]:
        await self.wait_for(lambda: len(self.sent(chat_id) + self.sent(chat_id, "sendDocument")) >= count, timeout)
        return self.sent(chat_id)

    @staticmethod
    def buttons(call: Call) -> list[dict[str, Any]]:
        markup = call.params.get("reply_markup") or {}
        return [b for row in markup.get("inline_keyboard", []) for b in row]

    # -- the API ------------------------------------------------------------------------

    async def _params(self, request: web.Request) -> tuple[dict[str, Any], dict[str, tuple[str, bytes]]]:
        params: dict[str, Any] = {}
        files: dict[str, tuple[str, bytes]] = {}
        if request.content_type == "application/json":
            body = await request.json()
            return (body if isinstance(body, dict) else {}), files
        if request.content_type.startswith("multipart/"):
            reader = await request.multipart()
            async for part in reader:
                if part.filename:
                    files[part.name or ""] = (part.filename, bytes(await part.read()))
                else:
                    params[part.name or ""] = await part.text()
        else:
            params.update(await request.post())
        decoded: dict[str, Any] = {}
        for key, value in params.items():
            if key in _STRING_PARAMS or not isinstance(value, str):
                decoded[key] = value
            else:
                try:
                    decoded[key] = json.loads(value)
                except ValueError:
                    decoded[key] = value
        return decoded, files

    def _message(self, chat_id: int, **extra: Any) -> dict[str, Any]:
        return {"message_id": next(self._next_message), "date": int(time.time()), "chat": {"id": chat_id, "type": "private"}, "from": BOT_USER, **extra}

    def _take_failure(self, method: str, chat_id: int | None) -> Failure | None:
        for failure in self.failures:
            if failure.method == method and failure.count > 0 and (failure.chat_id is None or failure.chat_id == chat_id):
                failure.count -= 1
                return failure
        return None

    async def _handle(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return web.json_response({"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401)
        method = request.match_info["method"]
        params, files = await self._params(request)
        call = Call(method, params, files=files)
        if method != "getUpdates":
            async with self._changed:
                self.calls.append(call)
                self._changed.notify_all()
        if self.delay and method.startswith("send"):
            await asyncio.sleep(self.delay)
        if method in self.slow:
            await self._slowly(method)
        failure = self._take_failure(method, call.chat_id)
        if failure is not None:
            call.ok = False
            body: dict[str, Any] = {"ok": False, "error_code": failure.status, "description": f"injected {failure.status}"}
            if failure.retry_after is not None:
                body["parameters"] = {"retry_after": failure.retry_after}
                body["description"] = f"Too Many Requests: retry after {failure.retry_after}"
            return web.json_response(body, status=failure.status)
        if call.chat_id is not None and call.chat_id in self.blocked and method.startswith("send"):
            call.ok = False
            return web.json_response({"ok": False, "error_code": 403, "description": "Forbidden: bot was blocked by the user"}, status=403)
        handler = getattr(self, f"_api_{method}", None)
        if handler is None:
            return web.json_response({"ok": False, "error_code": 404, "description": "Not Found: method not found"}, status=404)
        result = await handler(params, files)
        if method.startswith("send"):
            self.sent_count += 1
        return web.json_response({"ok": True, "result": result})

    async def _download(self, request: web.Request) -> web.Response:
        file_id = request.match_info["path"].rsplit("/", 1)[-1]
        if file_id not in self.stored_files:
            return web.Response(status=404)
        self.downloads += 1
        if "download" in self.slow:
            await self._slowly("download")
        return web.Response(body=self.stored_files[file_id])

    async def _slowly(self, what: str) -> None:
        """Take ``slow[what]`` seconds, counting how many such requests overlap."""
        self.in_flight[what] += 1
        self.most_in_flight[what] = max(self.most_in_flight[what], self.in_flight[what])
        try:
            await asyncio.sleep(self.slow[what])
        finally:
            self.in_flight[what] -= 1

    async def _api_getFile(self, params: dict[str, Any], files: Any) -> Any:
        file_id = params["file_id"]
        result: dict[str, Any] = {"file_id": file_id, "file_unique_id": file_id, "file_path": f"documents/{file_id}"}
        if self.state_sizes:
            result["file_size"] = len(self.stored_files.get(file_id, b""))
        return result

    async def _api_getMe(self, params: dict[str, Any], files: Any) -> Any:
        return BOT_USER

    async def _api_getUpdates(self, params: dict[str, Any], files: Any) -> Any:
        offset = int(params.get("offset") or 0)
        self.allowed_updates = params.get("allowed_updates")
        timeout = min(float(params.get("timeout") or 0), 1.0)  # short polls keep shutdown quick
        limit = int(params.get("limit") or 100)

        def pending() -> list[dict[str, Any]]:
            return [u for u in self.updates if u["update_id"] >= offset][:limit]

        if not pending() and timeout > 0:
            try:
                await self.wait_for(lambda: bool(pending()), timeout)
            except TimeoutError:
                pass
        # Confirmed updates are forgotten, as Telegram does.
        self.updates = [u for u in self.updates if u["update_id"] >= offset]
        if offset - 1 > self.confirmed:
            async with self._changed:
                self.confirmed = offset - 1
                self._changed.notify_all()
        return pending()

    async def _api_sendMessage(self, params: dict[str, Any], files: Any) -> Any:
        return self._message(int(params["chat_id"]), text=params.get("text", ""))

    async def _api_sendDocument(self, params: dict[str, Any], files: Any) -> Any:
        name = next(iter(files.values()))[0] if files else "file"
        return self._message(int(params["chat_id"]), document={"file_id": "f1", "file_unique_id": "u1", "file_name": name}, caption=params.get("caption"))

    async def _api_editMessageText(self, params: dict[str, Any], files: Any) -> Any:
        return self._message(int(params["chat_id"]), text=params.get("text", ""))

    async def _api_answerCallbackQuery(self, params: dict[str, Any], files: Any) -> Any:
        return True

    async def _api_setMyCommands(self, params: dict[str, Any], files: Any) -> Any:
        return True

    async def _api_deleteWebhook(self, params: dict[str, Any], files: Any) -> Any:
        return True

    async def _api_setWebhook(self, params: dict[str, Any], files: Any) -> Any:
        return True

    async def _api_getWebhookInfo(self, params: dict[str, Any], files: Any) -> Any:
        return {"url": "", "has_custom_certificate": False, "pending_update_count": 0}
