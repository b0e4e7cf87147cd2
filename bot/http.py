"""One aiohttp app on ``http.host:http.port``: webhooks, ``/healthz``, ``/metrics`` and the staff pages."""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from aiohttp import web

from bot.services import Services
from bot.web import build_web_app, web_prefix

log = logging.getLogger(__name__)
RouteHandler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@dataclass(frozen=True)
class HttpRoute:
    """A route a channel adds to the shared app (its webhook)."""

    method: str
    path: str
    handler: RouteHandler  # checks the platform's secret or signature before anything else about the request


def build_http_app(services: Services, routes: list[HttpRoute]) -> web.Application:
    """The aiohttp application; bodies over ``http.max_body_bytes`` get 413."""
    app = web.Application(client_max_size=services.settings.http.max_body_bytes)

    async def healthz(_request: web.Request) -> web.Response:
        db_ok = await services.db.ping()
        body = {"status": "ok" if db_ok else "degraded", "database": db_ok, "channels": sorted(services.channels)}
        return web.json_response(body, status=200 if db_ok else 503, dumps=json.dumps)

    async def metrics(_request: web.Request) -> web.Response:
        return web.Response(body=services.metrics.render(), headers={"Content-Type": "text/plain; version=0.0.4; charset=utf-8"})

    app.router.add_get("/healthz", healthz)
    app.router.add_get("/metrics", metrics)
    for route in routes:
        app.router.add_route(route.method, route.path, route.handler)
    app.add_subapp(web_prefix(services), build_web_app(services))  # the staff pages
    return app


class HttpServer:
    """Runs the app; ``port`` is the bound port (useful when configured as 0)."""

    def __init__(self, app: web.Application, host: str, port: int) -> None:
        self.runner = web.AppRunner(app, access_log=None)
        self.host = host
        self.port = port

    async def start(self) -> None:
        """Bind and serve."""
        await self.runner.setup()
        site = web.TCPSite(self.runner, self.host, self.port)
        await site.start()
        sockets = getattr(site._server, "sockets", None)  # aiohttp exposes the bound port only here
        if sockets:
            self.port = sockets[0].getsockname()[1]
        log.info("http server listening on %s:%s", self.host, self.port)

    async def stop(self) -> None:
        """Stop serving."""
        await self.runner.cleanup()
