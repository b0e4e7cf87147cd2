"""Shared fixtures: the network guard, a clean database per test, a bot driven through a recording channel."""

from __future__ import annotations

import ipaddress
import os
import shutil
import socket
from collections.abc import AsyncIterator, Iterator, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlmodel import SQLModel

from bot.app import BotApp
from bot.config import DEFAULT_FAQ_PATH, Settings, parse_settings
from bot.messages import Button, Delivery, Incoming, Reply
from models.db import is_sqlite, sync_url, upgrade_schema

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
TEST_TOKEN = "123456:TEST-token-abcdefghijklmnopqrstuvwxyz"


def copy_faq(folder: Path, text: str | None = None) -> Path:
    """The shipped knowledge base copied into ``folder`` with its examples file and sources (as `faq check` reads them).

    ``text``: the knowledge base's own text instead of the shipped one.
    """
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "faq.toml"
    path.write_text(DEFAULT_FAQ_PATH.read_text(encoding="utf-8") if text is None else text, encoding="utf-8")
    shutil.copy(DEFAULT_FAQ_PATH.parent / "faq-examples.tsv", folder)
    if not (folder / "sources").exists():
        shutil.copytree(DEFAULT_FAQ_PATH.parent / "sources", folder / "sources")
    return path


def clean_env() -> dict[str, str]:
    """This process's environment without PSP_* (a subprocess reads only the config it is given)."""
    return {k: v for k, v in os.environ.items() if not k.startswith("PSP_")}


# -- no internet --------------------------------------------------------------------------


def _local(host: Any) -> bool:
    if not isinstance(host, str):
        return True
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


@pytest.fixture(autouse=True)
def no_internet(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail any connection that is not to the loopback address."""
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex
    real_getaddrinfo = socket.getaddrinfo

    def check(address: Any) -> None:
        if isinstance(address, tuple) and not _local(address[0]):
            raise ConnectionRefusedError(f"tests may not connect to {address[0]!r}")

    def connect(self: socket.socket, address: Any) -> Any:
        check(address)
        return real_connect(self, address)

    def connect_ex(self: socket.socket, address: Any) -> Any:
        check(address)
        return real_connect_ex(self, address)

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(host, bytes):
            host = host.decode()
        if host is not None and not _local(host):
            raise socket.gaierror(f"tests may not resolve {host!r}")
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


# -- database -----------------------------------------------------------------------------


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """On the PostgreSQL run, only the tests that use the test database.

    The others (the FAQ's understanding, validators, config parsing…) never touch it: they ran on
    the SQLite run already, and a second run on the same code proves nothing. PSP_TEST_ALL=1 keeps them.
    """
    if not os.environ.get("PSP_TEST_DATABASE_URL") or os.environ.get("PSP_TEST_ALL"):
        return
    keep = [item for item in items if "migrated_url" in getattr(item, "fixturenames", ())]
    if len(keep) < len(items):
        kept = set(keep)
        config.hook.pytest_deselected(items=[item for item in items if item not in kept])
        items[:] = keep


@pytest.fixture(scope="session")
def migrated_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The test database, migrated once: PostgreSQL when PSP_TEST_DATABASE_URL says so, else SQLite."""
    url = os.environ.get("PSP_TEST_DATABASE_URL") or f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite3'}"
    if not is_sqlite(url):
        engine = create_engine(sync_url(url))
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
        engine.dispose()
    upgrade_schema(url)
    return url


def wipe(url: str) -> None:
    """Delete every row of every table (schema stays)."""
    engine = create_engine(sync_url(url))
    tables = [t.name for t in reversed(SQLModel.metadata.sorted_tables)]
    with engine.begin() as conn:
        existing = {
            row[0]
            for row in conn.execute(
                text("SELECT name FROM sqlite_master WHERE type='table'" if is_sqlite(url) else "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
            )
        }
        extra = sorted(existing - set(tables) - {"alembic_version"})
        if is_sqlite(url):
            for name in tables + extra:
                if name in existing:
                    conn.execute(text(f'DELETE FROM "{name}"'))
        else:
            names = ", ".join(f'"{n}"' for n in tables + extra if n in existing)
            if names:
                conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    engine.dispose()


@pytest.fixture
def database_url(migrated_url: str) -> Iterator[str]:
    """A migrated, empty database for one test."""
    wipe(migrated_url)
    yield migrated_url


def make_settings(database_url: str, **tables: Any) -> Settings:
    """Settings from TOML-like tables, on the test database, no real network."""
    data: dict[str, Any] = {"bot": {"database_url": database_url}, "http": {"port": 0}}
    for name, value in tables.items():
        if isinstance(value, dict) and isinstance(data.get(name), dict):
            data[name] = {**data[name], **value}
        else:
            data[name] = value
    return parse_settings(data, env={})


# -- a bot driven through a recording channel ---------------------------------------------


class RecordingChannel:
    """Keeps every reply instead of sending it."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.sent: list[tuple[str, Reply]] = []
        self.delivered: list[tuple[str, Reply]] = []
        self.edits: list[tuple[str, str, Reply]] = []
        self.fail_for: dict[str, Exception] = {}

    async def send(self, external_id: str, replies: Sequence[Reply]) -> list[str]:
        self.sent.extend((external_id, r) for r in replies)
        return [str(len(self.sent) - len(replies) + i + 1) for i in range(len(replies))]

    async def deliver(self, external_id: str, reply: Reply, *, delivery: Delivery | None = None) -> str:
        if external_id in self.fail_for:
            raise self.fail_for[external_id]
        self.delivered.append((external_id, reply))
        return (await self.send(external_id, [reply]))[-1]

    async def edit(self, external_id: str, message_id: str, reply: Reply) -> None:
        self.edits.append((external_id, message_id, reply))


class Harness:
    """A bot whose channels record: say something as a contact, read what it answered."""

    def __init__(self, app: BotApp) -> None:
        self.app = app
        self.services = app.services
        self.channels: dict[str, RecordingChannel] = {}
        for name in ("telegram", "whatsapp", "console"):
            self.channels[name] = RecordingChannel(name)
            app.services.channels[name] = self.channels[name]  # type: ignore[assignment]
        self.last: dict[str, list[Reply]] = {}

    async def say(self, who: str, text: str, name: str = "") -> list[Reply]:
        channel, external_id = who.split(":", 1)
        return await self.send(Incoming(channel=channel, external_id=external_id, text=text, name=name))

    async def send(self, incoming: Incoming) -> list[Reply]:
        replies = await self.app.dispatcher.dispatch(incoming)
        self.last[incoming.contact_id] = replies
        return replies

    async def press(self, who: str, label_or_payload: str) -> list[Reply]:
        """Press a button of the last replies, by label (or part of it) or exact payload."""
        buttons: list[Button] = [b for r in self.last.get(who, []) for b in r.all_buttons()]
        match = [b for b in buttons if b.payload == label_or_payload] or [b for b in buttons if label_or_payload.lower() in b.label.lower()]
        if not match:
            raise AssertionError(f"no button {label_or_payload!r} in {[b.label for b in buttons]}")
        channel, external_id = who.split(":", 1)
        return await self.send(Incoming(channel=channel, external_id=external_id, kind="button", payload=match[0].payload))

    async def payload(self, who: str, payload: str) -> list[Reply]:
        channel, external_id = who.split(":", 1)
        return await self.send(Incoming(channel=channel, external_id=external_id, kind="button", payload=payload))


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self, start: datetime | None = None) -> None:
        self.current = start or datetime(2022, 3, 1, 2, 0, tzinfo=UTC)

    def now(self) -> datetime:
        return self.current

    def advance(self, **kwargs: float) -> None:
        self.current += timedelta(**kwargs)


def text_of(replies: Sequence[Reply]) -> str:
    return "\n".join(r.text for r in replies)


def labels(replies: Sequence[Reply]) -> list[str]:
    return [b.label for r in replies for b in r.all_buttons()]


@pytest.fixture
async def fake_api() -> AsyncIterator[Any]:
    """A fake Telegram Bot API server on 127.0.0.1."""
    from tests.fake_telegram import FakeTelegramServer

    server = FakeTelegramServer(TEST_TOKEN)
    await server.start()
    yield server
    await server.stop()


@pytest.fixture
async def harness_factory(database_url: str) -> AsyncIterator[Any]:
    apps: list[BotApp] = []

    async def build(clock: Any = None, **tables: Any) -> Harness:
        app = BotApp(make_settings(database_url, **tables), clock=clock)
        await app.prepare_database()
        apps.append(app)
        return Harness(app)

    yield build
    for app in apps:
        await app.dispatcher.join()
        await app.services.db.close()


@pytest.fixture
async def harness(harness_factory: Any) -> Harness:
    return await harness_factory(roles={"admins": ["telegram:1"], "coordinators": [{"contact": "telegram:2", "kecamatan": "Seririt"}]})
