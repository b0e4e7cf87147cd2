"""A fake WhatsApp Cloud (Graph) API server on 127.0.0.1."""

from __future__ import annotations

import asyncio
import itertools
from dataclasses import dataclass
from typing import Any

from aiohttp import web


@dataclass
class GraphCall:
    path: str
    body: dict[str, Any]
    auth: str
    ok: bool = True


@dataclass
class GraphFailure:
    code: int
    status: int = 400
    count: int = 1
    to: str | None = None
    kinds: tuple[str, ...] = ("text", "interactive", "document")


class FakeGraphServer:
    """Records messages and media uploads; errors can be injected per recipient and message type."""

    def __init__(self, token: str = "graph-test-token") -> None:
        self.token = token
        self.calls: list[GraphCall] = []
        self.failures: list[GraphFailure] = []
        self._ids = itertools.count(1)
        self._changed = asyncio.Condition()
        self.runner: web.AppRunner | None = None
        self.port = 0
        self.files: dict[str, bytes] = {}  # media id → bytes people "sent"
        self.downloads = 0  # media downloads started
        self.state_sizes = True  # False: the media info carries no file_size
        self.delay = 0.0  # seconds every message send takes (a slow platform)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v21.0"

    async def start(self) -> None:
        app = web.Application(client_max_size=20 * 1024 * 1024)
        app.router.add_post("/v21.0/{phone}/messages", self._messages)
        app.router.add_post("/v21.0/{phone}/media", self._media)
        app.router.add_get("/v21.0/{media_id}", self._media_info)
        app.router.add_get("/download/{media_id}", self._media_download)
        self.runner = web.AppRunner(app, access_log=None)
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    async def stop(self) -> None:
        if self.runner is not None:
            await self.runner.cleanup()

    def fail(
        self, code: int, *, status: int = 400, count: int = 1, to: str | None = None, kinds: tuple[str, ...] = ("text", "interactive", "document")
    ) -> None:
        self.failures.append(GraphFailure(code, status, count, to, kinds))

    def messages(self, to: str | None = None) -> list[dict[str, Any]]:
        return [c.body for c in self.calls if c.ok and c.path == "messages" and (to is None or c.body.get("to") == to)]

    async def wait_for(self, predicate: Any, timeout: float = 10.0) -> None:
        async def wait() -> None:
            async with self._changed:
                await self._changed.wait_for(predicate)

        await asyncio.wait_for(wait(), timeout)

    async def _record(self, call: GraphCall) -> None:
        async with self._changed:
            self.calls.append(call)
            self._changed.notify_all()

    def _authorized(self, request: web.Request) -> bool:
        return request.headers.get("Authorization") == f"Bearer {self.token}"

    async def _messages(self, request: web.Request) -> web.Response:
        if not self._authorized(request):
            return web.json_response({"error": {"message": "Invalid OAuth access token.", "type": "OAuthException", "code": 190}}, status=401)
        body = await request.json()
        if self.delay:
            await asyncio.sleep(self.delay)
        call = GraphCall("messages", body, request.headers.get("Authorization", ""))
        for failure in self.failures:
            if failure.count > 0 and (failure.to is None or failure.to == body.get("to")) and body.get("type") in failure.kinds:
                failure.count -= 1
                call.ok = False
                await self._record(call)
                error = {"message": f"(#{failure.code}) injected", "type": "OAuthException", "code": failure.code, "fbtrace_id": "Ax1"}
                return web.json_response({"error": error}, status=failure.status)
        await self._record(call)
        return web.json_response({"messaging_product": "whatsapp", "contacts": [{"input": body.get("to"), "wa_id": body.get("to")}],
                                  "messages": [{"id": f"wamid.fake{next(self._ids)}"}]})  # fmt: skip

    async def _media_info(self, request: web.Request) -> web.Response:
        media_id = request.match_info["media_id"]
        if not self._authorized(request) or media_id not in self.files:
            return web.json_response({"error": {"message": "not found", "code": 100}}, status=404)
        url = f"http://127.0.0.1:{self.port}/download/{media_id}"
        info: dict[str, Any] = {"url": url, "mime_type": "application/pdf", "id": media_id}
        if self.state_sizes:
            info["file_size"] = len(self.files[media_id])
        return web.json_response(info)

    async def _media_download(self, request: web.Request) -> web.Response:
        if not self._authorized(request):
            return web.Response(status=401)
        self.downloads += 1
        return web.Response(body=self.files.get(request.match_info["media_id"], b""))

    async def _media(self, request: web.Request) -> web.Response:
        if not self._authorized(request):
            return web.json_response({"error": {"message": "Invalid OAuth access token.", "code": 190}}, status=401)
        form = await request.post()
        upload = form.get("file")
        size = len(upload.file.read()) if hasattr(upload, "file") else 0
        await self._record(GraphCall("media", {"type": form.get("type"), "size": size, "filename": getattr(upload, "filename", "")}, ""))
        return web.json_response({"id": f"media{next(self._ids)}"})
