"""python-telegram-bot's HTTP layer on aiohttp (the project's HTTP stack) instead of httpx.

On a small machine the Bot API client's own CPU cost bounds a bot's throughput; aiohttp's
client costs several times less per request than httpx's pool here (BENCHMARKS.md).
"""

from __future__ import annotations

import asyncio
import functools
import json
from typing import Any

import aiohttp
from telegram._utils.defaultvalue import DefaultValue
from telegram._utils.types import ODVInput
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData


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
