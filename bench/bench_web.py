"""Staff web pages: server-side time of each page with 10,000 registrations (issue target < 100 ms).

One SQLite file with 10,000 registrations (9 kecamatan × 3 jenjang), a circular to all of them
(sent, a third read), a scheduled one, and 300 open questions. Each page is requested through the
real aiohttp app by an admin and by a coordinator; the time is the page's own ``Server-Timing``
(session check, queries, template), 30 requests per page after a warm-up request.

    .venv/bin/python bench/bench_web.py
"""

from __future__ import annotations

import asyncio
import re
import statistics
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from aiohttp.test_utils import TestClient, TestServer
from common import machine, percentile
from sqlmodel import select

from bot.app import BotApp
from bot.config import parse_settings
from bot.http import build_http_app
from bot.web.pages import COOKIE
from models.outbox import create_message, enqueue
from models.tables import Contact, OutboxItem, Registration
from tests.web_support import open_session, seed_question, seed_registrations

REGISTRATIONS = 10_000
ROUNDS = 30
TIMING = re.compile(r"app;dur=([0-9.]+)")


async def seed(app: BotApp) -> tuple[int, int]:
    services = app.services
    now = services.clock.now()
    await seed_registrations(services.db, REGISTRATIONS, now)
    async with services.db.session() as session:
        principals = list(await session.exec(select(Contact).where(Contact.role == "principal")))
        sent = await create_message(session, "broadcast", "Surat edaran untuk semua kepala sekolah.", created_by="telegram:1", ack_button=True, now=now)
        await enqueue(session, sent, principals, now - timedelta(hours=3))
        later = await create_message(session, "broadcast", "Siaran terjadwal.", created_by="telegram:1", ack_button=True, now=now)
        await enqueue(session, later, principals, now + timedelta(days=1))
        await session.flush()
        for n, item in enumerate(await session.exec(select(OutboxItem).where(OutboxItem.message_id == sent.id))):
            item.status = "sent"
            if n % 3 == 0:
                item.acknowledged_at = now
        await session.commit()
        assert sent.id is not None
        middle = (await session.exec(select(Registration).where(Registration.kecamatan == "Seririt").offset(500))).first()
        assert middle is not None and middle.id is not None
    for n in range(300):
        await seed_question(services.db, f"whatsapp:62812{n:07d}", f"pertanyaan nomor {n} tentang psp yang belum terjawab?", now - timedelta(minutes=n))
    return sent.id, middle.id


async def measure(client: TestClient, cookie: str, path: str) -> tuple[list[float], float]:
    """Server-side milliseconds of ``ROUNDS`` requests, and the mean wall-clock time seen by the client."""
    client.session.cookie_jar.clear()
    client.session.cookie_jar.update_cookies({COOKIE: cookie})
    server: list[float] = []
    started = time.perf_counter()
    for n in range(ROUNDS + 1):
        response = await client.get(path)
        assert response.status == 200, (path, response.status)
        await response.read()
        if n:  # the first request warms the template cache
            server.append(float(TIMING.search(response.headers["Server-Timing"]).group(1)))  # type: ignore[union-attr]
    return server, (time.perf_counter() - started) * 1000 / (ROUNDS + 1)


async def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        settings = parse_settings(
            {"bot": {"database_url": url}, "http": {"port": 0, "public_url": "http://127.0.0.1"},
             "roles": {"admins": ["telegram:1"], "coordinators": [{"contact": "telegram:2", "kecamatan": "Seririt"}]}},
            env={},
        )  # fmt: skip
        app = BotApp(settings)
        await app.prepare_database()  # also creates the configured admin and coordinator
        started = time.perf_counter()
        circular, record = await seed(app)
        print(f"seeded {REGISTRATIONS:,} registrations, 2 circulars × {REGISTRATIONS:,} recipients, 300 questions in {time.perf_counter() - started:.1f} s")
        client = TestClient(TestServer(build_http_app(app.services, [])))
        await client.start_server()
        pages = [
            ("Ringkasan", "/dasbor/"),
            ("Pendaftaran, first page", "/dasbor/pendaftaran"),
            ("Pendaftaran, search 'sari'", "/dasbor/pendaftaran?q=sari&urut=nama"),
            ("Pendaftaran, SD not eligible, page 20", "/dasbor/pendaftaran?jenjang=SD&syarat=tidak&hal=20"),
            ("Pendaftaran detail", f"/dasbor/pendaftaran/{record}"),
            ("Siaran", "/dasbor/siaran"),
            ("Siaran: unread counts per kecamatan", f"/dasbor/siaran/{circular}"),
            ("Siaran: who has not read in Seririt", f"/dasbor/siaran/{circular}?kecamatan=Seririt"),
            ("Pertanyaan (300 open)", "/dasbor/pertanyaan"),
        ]
        print(f"machine: {machine()}")
        print(f"{'page':44} {'viewer':12} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'client ms':>10}")
        try:
            for role, contact in (("admin", "telegram:1"), ("coordinator", "telegram:2")):
                cookie = await open_session(app.services, contact)
                for name, path in pages:
                    server, wall = await measure(client, cookie, path)
                    print(f"{name:44} {role:12} {statistics.median(server):8.1f} {percentile(server, 95):8.1f} {max(server):8.1f} {wall:10.1f}")
            cookie = await open_session(app.services, "telegram:1")
            for fmt in ("xlsx", "csv"):
                client.session.cookie_jar.update_cookies({COOKIE: cookie})
                started = time.perf_counter()
                response = await client.get(f"/dasbor/unduh/pendaftaran.{fmt}")
                body = await response.read()
                print(f"download all {REGISTRATIONS:,} as {fmt}: {(time.perf_counter() - started) * 1000:.0f} ms, {len(body) / 1024:.0f} KiB")
        finally:
            await client.close()
            await app.services.db.close()


if __name__ == "__main__":
    asyncio.run(main())
