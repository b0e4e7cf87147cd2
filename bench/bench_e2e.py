"""End-to-end throughput through python-telegram-bot against a local fake Bot API server.

Side by side in one run, on the same fake server (this process), each bot in its own process,
one after the other (so they never share the CPU), in ``rounds`` alternating rounds:
- the echo bot exactly as SPEC §9 writes it (PTB defaults: httpx, sequential ``run_polling()``) — the baseline;
- the same echo bot on the aiohttp transport with 32 concurrent updates — the ceiling of any PTB bot here;
- `psp-bot run`: FAQ answers (100 chats, real questions with typos and slang), and registration
  form steps (100 chats filling the form at once: each opened with /daftar and the privacy
  consent pressed before the clock starts, then the nine typed answers timed).
Each bot first gets one message per chat (warm-up: new contacts), then the measured burst.
With ``--postgres URL`` (an empty database the bench may wipe), `psp-bot run` is measured a second
time in each round on PostgreSQL.

    .venv/bin/python bench/bench_e2e.py [messages_per_chat] [rounds] [--postgres URL]
"""

from __future__ import annotations

import asyncio
import csv
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, machine, take_option
from pgprobe import PgProbe, Work, cpu_seconds

from tests.fake_telegram import FakeTelegramServer

TOKEN = "123456:BENCH-token-abcdefghijklmnopqrstuvwxyz"
CHATS = 100
# The form's nine typed steps, after /daftar and the privacy consent (see open_forms).
FORM = ["Ni Made Sari", "197508172000032002", "{npsn}", "SD Negeri {n} Seririt", "SD", "Seririt", "Definitif", "0812 3456 7890", "-"]


def questions() -> list[str]:
    with (ROOT / "tests/data/faq-queries.tsv").open(encoding="utf-8") as fh:
        return [r[1] for r in csv.reader(fh, delimiter="\t") if r and not r[0].startswith("#") and r[3] == "in" and r[0] == "id"]


async def wait_sent(fake: FakeTelegramServer, count: int, timeout: float = 600) -> None:
    deadline = time.monotonic() + timeout
    while fake.sent_count < count:
        if time.monotonic() > deadline:
            raise TimeoutError(f"{fake.sent_count} of {count} answers")
        await asyncio.sleep(0.005)


async def burst(fake: FakeTelegramServer, texts: dict[int, list[str]]) -> float:
    """Queue every message at once; return seconds until every one is answered."""
    total = sum(len(t) for t in texts.values())
    before = fake.sent_count
    started = time.perf_counter()
    for i in range(max(len(t) for t in texts.values())):
        for chat, items in texts.items():
            if i < len(items):
                await fake.send_text(chat, items[i])
    await wait_sent(fake, before + total)
    return time.perf_counter() - started


async def open_forms(fake: FakeTelegramServer, chats: list[int]) -> None:
    """/daftar and the privacy consent's "Setuju" in every chat: the form waits for its first typed answer."""
    before = {chat: len(fake.sent(chat)) for chat in chats}
    await burst(fake, {chat: ["/daftar"] for chat in chats})
    answers = fake.sent_count
    for chat in chats:
        consent = fake.sent(chat)[before[chat]]
        await fake.press(chat, next(b["callback_data"] for b in fake.buttons(consent) if b["callback_data"].startswith("privasi:setuju")))
    await wait_sent(fake, answers + len(chats))


async def started(command: list[str], fake: FakeTelegramServer, ready: str, env: dict[str, str]) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    await fake.wait_for(lambda: any(c.method == ready for c in fake.calls), timeout=60)
    return proc


async def echo_round(env: dict[str, str], work: dict[int, list[str]], aiohttp: bool) -> float:
    fake = FakeTelegramServer(TOKEN)
    await fake.start()
    command = [sys.executable, "bench/echo_bot.py", fake.base_url, TOKEN] + (["--aiohttp"] if aiohttp else [])
    proc = await started(command, fake, "deleteWebhook", env)
    try:
        await burst(fake, {chat: ["halo"] for chat in work})
        seconds = await burst(fake, work)
    finally:
        proc.terminate()
        await asyncio.to_thread(proc.wait, 30)
        await fake.stop()
    return sum(len(t) for t in work.values()) / seconds


def wipe(postgres: str) -> None:
    """An empty schema: every round starts with no contacts and no registrations."""
    import sqlalchemy

    from models.db import sync_url

    engine = sqlalchemy.create_engine(sync_url(postgres))
    with engine.begin() as conn:
        conn.execute(sqlalchemy.text("DROP SCHEMA public CASCADE"))
        conn.execute(sqlalchemy.text("CREATE SCHEMA public"))
    engine.dispose()


async def psp_round(
    env: dict[str, str], work: dict[int, list[str]], forms: dict[int, list[str]], postgres: str | None = None
) -> tuple[float, float, float, float, list[Work]]:
    """FAQ answers/s, form steps/s, the bot process's CPU milliseconds per answer and per step,
    and on PostgreSQL the server's work per answer and per step."""
    with tempfile.TemporaryDirectory() as tmp:
        fake = FakeTelegramServer(TOKEN)
        await fake.start()
        config = Path(tmp) / "config.toml"
        if postgres:
            wipe(postgres)
        database_url = postgres or f"sqlite:///{tmp}/bench.sqlite3"
        config.write_text(
            f'[bot]\ndatabase_url = "{database_url}"\nlog_level = "WARNING"\n'
            f'[telegram]\ntoken = "{TOKEN}"\nbase_url = "{fake.base_url}"\nrate_per_second = 1000\n[http]\nport = 0\n'
        )
        proc = await started([sys.executable, "-m", "bot", "run", "--config", str(config)], fake, "setMyCommands", env)
        probe = PgProbe(postgres) if postgres else None
        server: list[Work] = []
        try:
            await burst(fake, {chat: ["halo"] for chat in work})
            n_faq, n_form = sum(len(t) for t in work.values()), sum(len(t) for t in forms.values())
            # Between the bursts (not timed): the server's statistics settle before each snapshot.
            s0 = await asyncio.to_thread(probe.snapshot) if probe else None
            cpu0, own0 = cpu_seconds(proc.pid), time.process_time()
            faq = n_faq / await burst(fake, work)
            cpu1, own1 = cpu_seconds(proc.pid), time.process_time()
            if probe:
                print(f"  the benchmark process (fake Bot API server) CPU: {(own1 - own0) * 1000 / n_faq:.2f} ms per FAQ answer", flush=True)
            s1 = await asyncio.to_thread(probe.snapshot) if probe else None
            await open_forms(fake, list(forms))
            cpu1b = cpu_seconds(proc.pid)
            form = n_form / await burst(fake, forms)
            cpu2 = cpu_seconds(proc.pid)
            if probe and s0 and s1:
                s2 = await asyncio.to_thread(probe.snapshot)
                server = [PgProbe.work(s0, s1, n_faq), PgProbe.work(s1, s2, n_form)]
        finally:
            proc.terminate()
            await asyncio.to_thread(proc.wait, 30)
            await fake.stop()
            if probe:
                probe.close()
    return faq, form, (cpu1 - cpu0) * 1000 / n_faq, (cpu2 - cpu1b) * 1000 / n_form, server


async def main() -> None:
    args = sys.argv[1:]
    postgres = take_option(args, "--postgres")
    per_chat = int(args[0]) if len(args) > 0 else 10
    rounds = int(args[1]) if len(args) > 1 else 3
    print(f"machine: {machine()}")
    print(f"{CHATS} chats x {per_chat} messages per burst, {rounds} alternating rounds; median of the rounds")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PSP_")}
    qs = questions()
    work = {2000 + c: [qs[(c * 7 + i) % len(qs)] for i in range(per_chat)] for c in range(CHATS)}
    forms = {2000 + c: [s.format(npsn=f"{50200000 + c}", n=c + 1) for s in FORM] for c in range(CHATS)}
    results: dict[str, list[float]] = {"echo": [], "ceiling": [], "faq": [], "form": []} | ({"faq_pg": [], "form_pg": []} if postgres else {})
    cpu: dict[str, list[float]] = {"faq": [], "form": [], "faq_pg": [], "form_pg": []}
    served: dict[str, list[Work]] = {"faq": [], "form": []}
    for r in range(rounds):
        results["echo"].append(await echo_round(env, work, aiohttp=False))
        results["ceiling"].append(await echo_round(env, work, aiohttp=True))
        faq, form, cpu_faq, cpu_form, _ = await psp_round(env, work, forms)
        results["faq"].append(faq)
        results["form"].append(form)
        cpu["faq"].append(cpu_faq)
        cpu["form"].append(cpu_form)
        if postgres:
            faq, form, cpu_faq_pg, cpu_form_pg, server = await psp_round(env, work, forms, postgres)
            results["faq_pg"].append(faq)
            results["form_pg"].append(form)
            cpu["faq_pg"].append(cpu_faq_pg)
            cpu["form_pg"].append(cpu_form_pg)
            served["faq"].append(server[0])
            served["form"].append(server[1])
            print(f"  PostgreSQL per FAQ answer: {server[0]}\n  PostgreSQL per form step: {server[1]}", flush=True)
        print(
            f"round {r + 1}: " + ", ".join(f"{k} {v[-1]:.0f}/s" for k, v in results.items()) + f"; psp-bot CPU {cpu_faq:.2f} ms/answer, {cpu_form:.2f} ms/step",
            flush=True,
        )
    med = {k: statistics.median(v) for k, v in results.items()}
    print(f"echo bot, PTB defaults (SPEC §9 baseline): {med['echo']:.0f} msg/s")
    print(f"echo bot, aiohttp + 32 concurrent (ceiling): {med['ceiling']:.0f} msg/s")
    print(f"psp-bot run, FAQ answers:       {med['faq']:.0f} msg/s = {med['faq'] / med['echo']:.2f}x the baseline (goal >= 1.5)")
    print(f"psp-bot run, registration steps: {med['form']:.0f} steps/s = {med['form'] / med['echo']:.2f}x the baseline (goal >= 1.0)")
    print(f"psp-bot process CPU: {statistics.median(cpu['faq']):.2f} ms per FAQ answer, {statistics.median(cpu['form']):.2f} ms per form step (medians)")
    if postgres:
        print(f"on PostgreSQL, FAQ answers:       {med['faq_pg']:.0f} msg/s = {med['faq_pg'] / med['echo']:.2f}x the baseline")
        print(f"on PostgreSQL, registration steps: {med['form_pg']:.0f} steps/s = {med['form_pg'] / med['echo']:.2f}x the baseline")
        print(f"on PostgreSQL, psp-bot CPU: {statistics.median(cpu['faq_pg']):.2f} ms per FAQ answer, {statistics.median(cpu['form_pg']):.2f} ms per form step")
        for what, label in (("faq", "FAQ answer"), ("form", "form step")):
            ms = statistics.median(w.cpu_ms for w in served[what])
            print(f"on PostgreSQL, the server's own CPU: {ms:.3f} ms per {label} (median; its backends, from /proc)")


if __name__ == "__main__":
    asyncio.run(main())
