"""Builds everything once; the start and stop order lives in one readable place."""

from __future__ import annotations

import asyncio
import dataclasses
import functools
import gc
import logging
import signal
from typing import Any

from bot.channels.console import ConsoleChannel
from bot.config import ConfigError, Settings
from bot.core import Dispatcher
from bot.enums import Role
from bot.http import HttpRoute, HttpServer, build_http_app
from bot.i18n import I18n
from bot.messages import Clock, Incoming, PayloadSigner, Reply, SystemClock
from bot.metrics import Metrics
from bot.services import Services
from handlers.faqkb import ENGINE as FAQ_ENGINE
from handlers.faqkb.knowledge import FaqError
from handlers.faqkb.matcher import FaqEngine
from handlers.router import error_reply, handle_update, routes_for
from models.contacts import mark_unreachable, sync_configured_roles
from models.db import Database, upgrade_schema
from models.inbox import NumberedMenus
from scheduler.inbox import InboxProcessor

log = logging.getLogger(__name__)


def build_services(settings: Settings, clock: Clock | None = None) -> Services:
    """Config, database, texts, clock and signer: no network yet."""
    services = Services(
        settings=settings,
        db=Database(settings.bot.database_url),
        i18n=I18n(default=settings.bot.default_language),
        clock=clock or SystemClock(),
        signer=PayloadSigner(settings.signing_key),
        metrics=Metrics(),
    )
    services.faq = load_faq(settings)
    return services


def load_faq(settings: Settings) -> FaqEngine:
    """The FAQ engine; a missing or broken knowledge base stops start-up with the problems listed."""
    try:
        return FaqEngine.from_file(settings.bot.faq_path, apart=True)
    except FileNotFoundError:
        raise ConfigError("bot.faq_path", f"{settings.bot.faq_path} not found", "point it at the knowledge base (default data/faq.toml)") from None
    except FaqError as exc:
        problems = "; ".join(exc.problems[:5])
        raise ConfigError("bot.faq_path", f"the knowledge base has problems: {problems}", "fix the file; `psp-bot faq check` lists every problem") from None


def commands_for(services: Services, role: str, lang: str) -> list[tuple[str, str]]:
    """Telegram command menu entries for a role in a language."""
    return [(r.name, services.i18n.t(lang, r.description_key)) for r in routes_for(role)]


class BotApp:
    """One bot process: channels, dispatcher, HTTP server."""

    def __init__(self, settings: Settings, *, clock: Clock | None = None, console: ConsoleChannel | None = None) -> None:
        self.settings = settings
        self.services = build_services(settings, clock)
        self.console = console
        # The console (and tests) answer in memory, the lanes calling the router directly; platform
        # updates go through the inbox.
        self.dispatcher = Dispatcher(functools.partial(handle_update, self.services), self.services.channels, self._error_reply)
        self.dispatcher.on_blocked = self._mark_unreachable
        self.inbox = InboxProcessor(self.services)
        self.http: HttpServer | None = None
        self.outbox: Any = None
        self.reminders: Any = None
        self._started: list[Any] = []

    async def _mark_unreachable(self, contact_id: str) -> None:
        async with self.services.db.session() as session:
            await mark_unreachable(session, contact_id)
            await session.commit()

    def _error_reply(self, incoming: Incoming) -> Reply:
        self.services.metrics.handler_errors.inc()
        return error_reply(self.services, incoming)

    async def prepare_database(self) -> None:
        """Apply migrations and make stored roles follow the config."""
        await asyncio.to_thread(upgrade_schema, self.settings.bot.database_url)
        async with self.services.db.session() as session:
            await sync_configured_roles(session, self.settings, self.services.clock.now())
            await session.commit()

    async def start(self, *, http: bool = True, outbox: bool = True, scheduler: bool = True) -> None:
        """Start in order: database, HTTP server, receiving (into the inbox), handling the inbox."""
        await self.prepare_database()
        routes: list[HttpRoute] = []
        telegram = None
        if self.settings.telegram.enabled:
            from bot.channels.telegram import WEBHOOK_PATH, TelegramChannel

            telegram = TelegramChannel(self.settings.telegram, self.services.signer, self.services.metrics)
            self.services.channels[telegram.name] = telegram
            self.services.fetchers[telegram.name] = telegram
            self.inbox.receivers[telegram.name] = telegram
            if self.settings.telegram.mode == "webhook":
                routes.append(HttpRoute("POST", WEBHOOK_PATH, telegram.handle_webhook))
        whatsapp = None
        if self.settings.whatsapp.enabled:
            from bot.channels.whatsapp import WhatsAppChannel

            services = self.services
            menus = NumberedMenus(services.db, services.clock)
            whatsapp = WhatsAppChannel(self.settings.whatsapp, services.signer, services.metrics, services.clock, services.i18n, menus, self._record_statuses)
            self.services.channels[whatsapp.name] = whatsapp
            self.services.fetchers[whatsapp.name] = whatsapp
            self.inbox.receivers[whatsapp.name] = whatsapp
            routes += whatsapp.routes()
        if self.console is not None:
            self.services.channels[self.console.name] = self.console
        if http:
            self.http = HttpServer(build_http_app(self.services, routes), self.settings.http.host, self.settings.http.port)
            try:
                await self.http.start()
                self._started.append(self.http)
            except OSError as exc:
                if routes or self.console is None:
                    raise  # webhooks need the port: fail loudly
                # The console needs no HTTP: say why /healthz is missing and carry on.
                log.warning("HTTP server not started on %s:%s (%s)", self.settings.http.host, self.settings.http.port, exc.strerror)
                print(f"Catatan: port HTTP {self.settings.http.port} sedang dipakai; /healthz dan /metrics tidak aktif.", flush=True)
                await self.http.stop()
                self.http = None
        if scheduler:
            # Before receiving: APScheduler's SQLite job store writes synchronously on the event loop, and a
            # write lock held meanwhile by a handler's transaction (which then cannot finish) stalls start-up.
            from scheduler.reminders import ReminderScheduler

            self.reminders = ReminderScheduler(self.services)
            await self.reminders.start()
            self._started.append(self.reminders)
        if whatsapp is not None:
            await whatsapp.start(self.inbox.accept)
            self._started.append(whatsapp)
        if telegram is not None:
            await telegram.start(self.inbox.accept)
            self._started.append(telegram)
            staff: dict[str, str] = {a: Role.ADMIN for a in self.settings.roles.admins}
            staff.update({c.contact: Role.COORDINATOR for c in self.settings.roles.coordinators})
            try:
                await telegram.set_commands(lambda role, lang: commands_for(self.services, role, lang), self.services.i18n.languages, staff)
            except Exception:  # noqa: BLE001 — a missing command menu must not stop the bot
                log.exception("setMyCommands failed")
        if self.inbox.receivers:
            # After the channels: what they store waits until now; what an earlier run left
            # unfinished is oldest, so it is handled first.
            await self.inbox.start()
            self._started.append(self.inbox)
        if outbox:
            from scheduler.outbox import OutboxSender

            self.outbox = OutboxSender(self.services)
            self.services.wake_outbox = self.outbox.wake
            await self.outbox.start()
            self._started.append(self.outbox)

    async def _record_statuses(self, statuses: list[dict[str, Any]]) -> None:
        from models.outbox import record_platform_statuses

        async with self.services.db.session() as session:
            await record_platform_statuses(session, statuses, self.services.clock.now())
            await session.commit()
        self.services.wake_outbox()

    async def stop(self) -> None:
        """Stop in reverse order, letting queued updates finish first."""
        while self._started:
            part = self._started.pop()
            try:
                await part.stop()
            except Exception:  # noqa: BLE001 — keep stopping the rest
                log.exception("stopping %s failed", type(part).__name__)
            if part is not self.http:
                await self.dispatcher.join()
        await self.dispatcher.join()
        await self.services.db.close()


def with_console_role(settings: Settings, user: str, role: str, kecamatan: str | None) -> Settings:
    """Settings in which the console contact has ``role`` (``chat --as``)."""
    from bot.config import CoordinatorAssignment

    contact = f"console:{user}"
    roles = settings.roles
    if role == Role.ADMIN:
        roles = dataclasses.replace(roles, admins=(*roles.admins, contact))
    elif role == Role.COORDINATOR:
        kec = kecamatan or settings.registration.kecamatan[0]
        roles = dataclasses.replace(roles, coordinators=(*roles.coordinators, CoordinatorAssignment(contact, kec)))
    return dataclasses.replace(settings, roles=roles)


# Young-object collections after this many allocations (the default is 700): a FAQ answer allocates
# a few thousand short-lived objects; collecting them in fewer, larger passes costs less per answer.
GC_THRESHOLDS = (7000, 20, 20)


def settle_after_start() -> None:
    """Keep the collector off what lives as long as the process.

    Everything built while starting (the FAQ index's tuples and dicts, the libraries' modules) is
    moved out of the collector's reach, so the full collections a busy bot triggers walk only what
    was made since; measured in bench/bench_e2e.py (BENCHMARKS.md, "Garbage collector").
    """
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


async def run_bot(settings: Settings, *, console_user: str = "operator") -> None:
    """``psp-bot run``: every configured channel until SIGTERM/SIGINT; the console when none is."""
    console = None
    if not settings.channel_names():
        console = ConsoleChannel(console_user)
        print(
            "Tidak ada kanal yang dikonfigurasi (telegram.token kosong, whatsapp.enabled = false): "
            "memulai mode konsol.\nNo channel configured (no telegram.token, whatsapp.enabled = false): "
            "starting the console channel.",
            flush=True,
        )
    app = BotApp(settings, console=console)
    # Handlers first: a SIGTERM that arrives while starting still stops cleanly.
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    await app.start()
    settle_after_start()
    log.info("FAQ engine: %s", FAQ_ENGINE)  # compiled or plain Python, and why (handlers.faqkb.compiled)
    try:
        if console is not None:
            intro = app.services.i18n.t(settings.bot.default_language, "console.intro")
            console_task = asyncio.create_task(console.run(app.dispatcher.dispatch, intro))
            stop_task = asyncio.create_task(stop.wait())
            await asyncio.wait({console_task, stop_task}, return_when=asyncio.FIRST_COMPLETED)
            for task in (console_task, stop_task):
                task.cancel()
        else:
            await stop.wait()
    finally:
        await app.stop()


async def run_chat(settings: Settings, *, user: str, role: str, kecamatan: str | None, display_name: str = "") -> None:
    """``psp-bot chat``: the console channel only, with no HTTP server."""
    console = ConsoleChannel(user, display_name=display_name)
    app = BotApp(with_console_role(settings, user, role, kecamatan), console=console)
    await app.start(http=False)
    if role == Role.PRINCIPAL:
        from models.contacts import set_contact_role

        async with app.services.db.session() as session:
            await set_contact_role(session, f"console:{user}", role, kecamatan, app.services.clock.now())
            await session.commit()
    try:
        intro = app.services.i18n.t(settings.bot.default_language, "console.intro")
        await console.run(app.dispatcher.dispatch, intro)
    finally:
        await app.stop()
