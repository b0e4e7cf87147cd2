"""Memory: RSS of an idle `psp-bot run` with 10,000 contacts and 1,000 registrations (goal < 100 MB).

Side by side: the bare python-telegram-bot echo bot on the same fake Bot API server.

    .venv/bin/python bench/bench_memory.py
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

from common import ROOT, machine

from bot.config import parse_settings
from models.db import Database, upgrade_schema
from models.tables import Contact, Registration
from tests.fake_telegram import FakeTelegramServer

TOKEN = "123456:BENCH-token-abcdefghijklmnopqrstuvwxyz"


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def fill(url: str) -> None:
    upgrade_schema(url)
    db = Database(url)
    kecamatan = parse_settings({}, env={}).registration.kecamatan
    async with db.session() as session:
        for n in range(10_000):
            session.add(Contact(id=f"telegram:{100_000 + n}", channel="telegram", external_id=str(100_000 + n), role="principal" if n < 1000 else "public",
                                name=f"Kontak {n}", kecamatan=kecamatan[n % 9]))  # fmt: skip
        await session.commit()
        for n in range(1000):
            session.add(Registration(contact_id=f"telegram:{100_000 + n}", nama=f"Kepala Sekolah {n}", birth_date=date(1970, 1, 1 + n % 28),
                                     npsn=f"{50_000_000 + n}", sekolah=f"SD Negeri {n} {kecamatan[n % 9]}", jenjang="SD", kecamatan=kecamatan[n % 9],
                                     status="Definitif", phone=f"+62812{n:08d}", eligible=True))  # fmt: skip
        await session.commit()
    await db.close()


async def measure(fake: FakeTelegramServer, command: list[str], ready: str, env: dict[str, str]) -> float:
    proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        await fake.wait_for(lambda: any(c.method == ready for c in fake.calls), timeout=60)
        for n in range(20):  # some traffic first (greetings and FAQ questions: the FAQ's word lists load), then idle
            await fake.send_text(100_000 + n, "/start" if n % 2 else "sy kepsek plt, blh daftar psp? trims")
        await fake.wait_for(lambda: len(fake.sent()) >= 20, timeout=60)
        await asyncio.sleep(5)
        return rss_mb(proc.pid)
    finally:
        proc.terminate()
        proc.wait(30)


async def main() -> None:
    print(f"machine: {machine()}")
    # (the bot's own settings are not inherited, except which FAQ engine runs: compiled when built, PSP_FAQ_COMPILED=0 plain)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PSP_") or k.startswith("PSP_FAQ_COMPILED")}
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/memory.sqlite3"
        await fill(url)
        fake = FakeTelegramServer(TOKEN)
        await fake.start()
        echo = await measure(fake, [sys.executable, "bench/echo_bot.py", fake.base_url, TOKEN], "deleteWebhook", env)
        await fake.stop()
        fake = FakeTelegramServer(TOKEN)
        await fake.start()
        config = Path(tmp) / "config.toml"
        config.write_text(
            f'[bot]\ndatabase_url = "{url}"\nlog_level = "WARNING"\n[telegram]\ntoken = "{TOKEN}"\nbase_url = "{fake.base_url}"\n[http]\nport = 0\n'
        )
        ours = await measure(fake, [sys.executable, "-m", "bot", "run", "--config", str(config)], "setMyCommands", env)
        await fake.stop()
    print(f"echo bot (bare PTB), idle:                          RSS {echo:.1f} MB")
    print(f"psp-bot run, idle, 10,000 contacts, 1,000 registrations: RSS {ours:.1f} MB (goal < 100 MB)")


if __name__ == "__main__":
    asyncio.run(main())
