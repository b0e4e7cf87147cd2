"""End-to-end throughput through python-telegram-bot against a local fake Bot API server.

Side by side in one run, on the same fake server (this process) with each bot in its own process:
- a bare python-telegram-bot echo bot (bench/echo_bot.py), the ceiling for any PTB bot;
- `psp-bot run`: FAQ answers (100 chats, real questions with typos and slang), and registration
  form steps (100 chats filling the form at once).
Each bot first gets one message per chat (warm-up: new contacts), then the measured burst.

    .venv/bin/python bench/bench_e2e.py [messages_per_chat]
"""

from __future__ import annotations

import asyncio
import csv
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, machine

from tests.fake_telegram import FakeTelegramServer

TOKEN = "123456:BENCH-token-abcdefghijklmnopqrstuvwxyz"
CHATS = 100
FORM = ["/daftar", "Ni Made Sari", "197508172000032002", "{npsn}", "SD Negeri {n} Seririt", "SD", "Seririt", "Definitif", "0812 3456 7890", "-"]


def questions() -> list[str]:
    with (ROOT / "tests/data/faq-queries.tsv").open(encoding="utf-8") as fh:
        return [r[1] for r in csv.reader(fh, delimiter="\t") if r and not r[0].startswith("#") and r[3] == "in" and r[0] == "id"]


async def burst(fake: FakeTelegramServer, texts: dict[int, list[str]], first_chat: int) -> float:
    """Push every message at once; return seconds until every one is answered."""
    total = sum(len(t) for t in texts.values())
    before = len(fake.sent())
    started = time.perf_counter()
    for i in range(max(len(t) for t in texts.values())):
        for chat, items in texts.items():
            if i < len(items):
                await fake.send_text(chat, items[i])
    await fake.wait_for(lambda: len(fake.sent()) - before >= total, timeout=600)
    return time.perf_counter() - started


async def run_bot(fake: FakeTelegramServer, command: list[str], env: dict[str, str], ready: str) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    await fake.wait_for(lambda: any(c.method == ready for c in fake.calls), timeout=60)
    return proc


async def main() -> None:
    per_chat = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    print(f"machine: {machine()}")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PSP_")}
    qs = questions()
    results: dict[str, float] = {}

    fake = FakeTelegramServer(TOKEN)
    await fake.start()
    echo = await run_bot(fake, [sys.executable, "bench/echo_bot.py", fake.base_url, TOKEN], env, "deleteWebhook")
    try:
        await burst(fake, {1000 + c: ["halo"] for c in range(CHATS)}, 1000)
        work = {1000 + c: [qs[(c * 7 + i) % len(qs)] for i in range(per_chat)] for c in range(CHATS)}
        seconds = await burst(fake, work, 1000)
        results["echo"] = CHATS * per_chat / seconds
        print(f"echo bot (bare PTB):        {CHATS * per_chat} messages in {seconds:.2f} s = {results['echo']:.0f} msg/s")
    finally:
        echo.terminate()
        echo.wait(30)
        await fake.stop()

    with tempfile.TemporaryDirectory() as tmp:
        fake = FakeTelegramServer(TOKEN)
        await fake.start()
        config = Path(tmp) / "config.toml"
        config.write_text(
            f'[bot]\ndatabase_url = "sqlite:///{tmp}/bench.sqlite3"\nlog_level = "WARNING"\n'
            f'[telegram]\ntoken = "{TOKEN}"\nbase_url = "{fake.base_url}"\nrate_per_second = 1000\n[http]\nport = 0\n'
        )
        bot = await run_bot(fake, [sys.executable, "-m", "bot", "run", "--config", str(config)], env, "setMyCommands")
        try:
            await burst(fake, {2000 + c: ["halo"] for c in range(CHATS)}, 2000)
            work = {2000 + c: [qs[(c * 7 + i) % len(qs)] for i in range(per_chat)] for c in range(CHATS)}
            seconds = await burst(fake, work, 2000)
            results["faq"] = CHATS * per_chat / seconds
            print(f"psp-bot, FAQ questions:     {CHATS * per_chat} messages in {seconds:.2f} s = {results['faq']:.0f} msg/s "
                  f"({results['faq'] / results['echo']:.2f} of the echo bot; goal ≥ 0.5)")  # fmt: skip
            forms = {2000 + c: [s.format(npsn=f"{50200000 + c}", n=c + 1) for s in FORM] for c in range(CHATS)}
            seconds = await burst(fake, forms, 2000)
            steps = CHATS * len(FORM)
            results["form"] = steps / seconds
            print(f"psp-bot, registration form: {steps} steps in {seconds:.2f} s = {results['form']:.0f} steps/s")
        finally:
            bot.terminate()
            bot.wait(30)
            await fake.stop()


if __name__ == "__main__":
    asyncio.run(main())
