"""Inbound path: nothing acknowledged is lost, one flooder delays nobody, durability is cheap.

1. kill -9 of `psp-bot run` right after N acknowledged updates (webhook 200s; in polling mode the
   next getUpdates offset), then a restart: how many of the N people were never answered.
2. One chat floods 600 messages (each send takes 50 ms at the fake server): how long another
   person waits for the answer to /start, sent after the flood.
3. The cost of storing before acknowledging: webhook acknowledgements per second with 64
   concurrent deliveries, with the inbox, and with storing switched off (same process, same run).
4. With ``--postgres URL`` (an empty database the bench may wipe): two `psp-bot run` processes in
   webhook mode sharing one PostgreSQL inbox behind one webhook URL — a round-robin HTTP
   forwarder on 127.0.0.1 in front of them, as a load balancer would be — against one process
   behind the same forwarder, in the same run: answers per second, every chat's answers in order,
   none lost, none twice, and the CPU it all took.

    .venv/bin/python bench/bench_inbound.py [N] [--postgres URL]
"""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

import aiohttp
from common import ROOT, machine, percentile, take_option

from tests.fake_telegram import FakeTelegramServer
from tests.test_inbox import wait_ready_http

TOKEN = "123456:BENCH-token-abcdefghijklmnopqrstuvwxyz"
SECRET = "bench-webhook-secret"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def config(tmp: str, fake: FakeTelegramServer, port: int, mode: str) -> Path:
    path = Path(tmp) / f"{mode}.toml"
    webhook = f'mode = "webhook"\nwebhook_url = "https://bot.example.go.id/telegram/webhook"\nwebhook_secret = "{SECRET}"\n' if mode == "webhook" else ""
    path.write_text(
        f'[bot]\ndatabase_url = "sqlite:///{tmp}/{mode}.sqlite3"\nlog_level = "ERROR"\n'
        f'[telegram]\ntoken = "{TOKEN}"\nbase_url = "{fake.base_url}"\nrate_per_second = 1000\n{webhook}[http]\nport = {port}\n'
    )
    return path


def spawn(path: Path) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PSP_")}
    return subprocess.Popen(
        [sys.executable, "-m", "bot", "run", "--config", str(path)], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )


async def ready(fake: FakeTelegramServer, count: int) -> None:
    await fake.wait_for(lambda: len([c for c in fake.calls if c.method == "setMyCommands"]) >= 2 * count, timeout=60)


async def post(http: aiohttp.ClientSession, port: int, update: dict[str, Any]) -> int:
    async with http.post(f"http://127.0.0.1:{port}/telegram/webhook", json=update, headers={"X-Telegram-Bot-Api-Secret-Token": SECRET}) as resp:
        return resp.status


def answered(fake: FakeTelegramServer, chats: range) -> Counter[int]:
    return Counter(c.chat_id for c in fake.sent() if c.chat_id in chats)  # type: ignore[operator]


async def kill_9(mode: str, n: int) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        fake = FakeTelegramServer(TOKEN)
        await fake.start()
        # Slow sends, so the kill comes while most answers are still being sent; polling confirms
        # the updates sooner (at the next getUpdates), so it needs slower ones.
        fake.delay = 0.05 if mode == "webhook" else 0.5
        port = free_port()
        path = config(tmp, fake, port, mode)
        proc = spawn(path)
        chats = range(70_000, 70_000 + n)
        try:
            await ready(fake, 1)
            await asyncio.sleep(0.5)
            if mode == "webhook":
                async with aiohttp.ClientSession() as http:
                    updates = [dict(fake.text_update(chat, "/start"), update_id=1 + i) for i, chat in enumerate(chats)]
                    statuses = await asyncio.gather(*(post(http, port, u) for u in updates))
                acknowledged = statuses.count(200)
            else:
                last = 0
                for chat in chats:
                    last = await fake.send_text(chat, "/start")
                await fake.wait_for(lambda: fake.confirmed >= last, timeout=60)
                acknowledged = n
            proc.send_signal(signal.SIGKILL)
            await asyncio.to_thread(proc.wait, 10)
            before = len(answered(fake, chats))
            fake.delay = 0.0
            started = time.perf_counter()
            proc = spawn(path)
            deadline = time.monotonic() + 60
            while len(answered(fake, chats)) < n and time.monotonic() < deadline:
                await asyncio.sleep(0.05)
            recovered_in = time.perf_counter() - started
            await asyncio.sleep(1.0)
            counts = answered(fake, chats)
        finally:
            proc.send_signal(signal.SIGTERM)
            await asyncio.to_thread(proc.wait, 30)
            await fake.stop()
    lost = n - len(counts)
    twice = sum(1 for v in counts.values() if v > 1)
    return (f"{mode:8} {acknowledged} acknowledged, {before} answered before kill -9; after restart: "
            f"**{lost} lost**, {twice} answered twice, all answered {recovered_in:.1f} s after the restart")  # fmt: skip


async def flood(samples: int = 5) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        fake = FakeTelegramServer(TOKEN)
        await fake.start()
        proc = spawn(config(tmp, fake, 0, "polling"))
        latencies: list[float] = []
        try:
            await ready(fake, 1)
            fake.delay = 0.05
            for _ in range(600):
                await fake.send_text(80_000, "/start")
            for k in range(samples):
                await asyncio.sleep(0.5)
                chat = 80_001 + k
                started = time.perf_counter()
                await fake.send_text(chat, "/start")
                await fake.wait_for_messages(chat, 1, timeout=60)
                latencies.append(time.perf_counter() - started)
            await fake.wait_for(lambda: len(fake.sent(80_000)) >= 51, timeout=60)  # the backlog it was allowed, and the notice
            await asyncio.sleep(2.0)  # nothing more comes
            flooder = len(fake.sent(80_000))
        finally:
            proc.send_signal(signal.SIGTERM)
            await asyncio.to_thread(proc.wait, 30)
            await fake.stop()
    return (f"flood of 600 from one chat (50 ms per send): another person's /start answered in median {statistics.median(latencies):.2f} s, "
            f"max **{max(latencies):.2f} s** ({samples} people, one every 0.5 s); the flooder got {flooder} messages (its accepted backlog answered + 1 notice; the rest dropped)")  # fmt: skip


async def ack_rate(store: bool, n: int, concurrency: int) -> str:
    from bot.app import BotApp
    from bot.config import parse_settings

    with tempfile.TemporaryDirectory() as tmp:
        fake = FakeTelegramServer(TOKEN)
        await fake.start()
        settings = parse_settings(
            {
                "bot": {"database_url": f"sqlite:///{tmp}/cost.sqlite3", "log_level": "ERROR"},
                "telegram": {
                    "token": TOKEN,
                    "base_url": fake.base_url,
                    "mode": "webhook",
                    "webhook_url": "https://bot.example.go.id/telegram/webhook",
                    "webhook_secret": SECRET,
                    "rate_per_second": 1000,
                },  # fmt: skip
                "http": {"port": 0},
            },
            env={},
        )
        app = BotApp(settings)
        await app.start(outbox=False, scheduler=False)
        await app.inbox.stop()  # measure receiving only: nothing is handled meanwhile
        telegram: Any = app.services.channels["telegram"]

        async def nothing(items: Any) -> None:
            return None

        if not store:
            telegram._accept = nothing
        assert app.http is not None
        port = app.http.port
        latencies: list[float] = []
        queue: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        for i in range(n):
            queue.put_nowait(dict(fake.text_update(90_000 + i % 500, "halo"), update_id=i + 1))

        async def worker(http: aiohttp.ClientSession) -> None:
            while not queue.empty():
                update = queue.get_nowait()
                t = time.perf_counter()
                assert await post(http, port, update) == 200
                latencies.append(time.perf_counter() - t)

        async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=concurrency)) as http:
            started = time.perf_counter()
            await asyncio.gather(*(worker(http) for _ in range(concurrency)))
            seconds = time.perf_counter() - started
        batches = app.inbox.batches
        await app.stop()
        await fake.stop()
    how = "stored in the inbox before the 200" if store else "not stored (acknowledged only)"
    line = f"{how:36} {n / seconds:6.0f} acks/s, p50 {percentile(latencies, 50) * 1000:.1f} ms, p99 {percentile(latencies, 99) * 1000:.1f} ms"
    return line + (f", {n} deliveries in {batches} commits" if store else "")


async def durability_cost(n: int = 3000, concurrency: int = 64) -> str:
    return "\n".join([await ack_rate(True, n, concurrency), await ack_rate(False, n, concurrency)])


# -- several processes behind one webhook URL ------------------------------------------------


class Forwarder:
    """A round-robin HTTP forwarder on 127.0.0.1: each request to the next backend, its answer passed back."""

    def __init__(self, ports: list[int]) -> None:
        self.ports = ports
        self.turn = 0
        self.port = free_port()
        self.http: aiohttp.ClientSession | None = None
        self.runner: Any = None

    async def start(self) -> None:
        from aiohttp import web

        self.http = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0))
        app = web.Application()
        app.router.add_route("*", "/{path:.*}", self._forward)
        self.runner = web.AppRunner(app, access_log=None)
        await self.runner.setup()
        await web.TCPSite(self.runner, "127.0.0.1", self.port).start()

    async def _forward(self, request: Any) -> Any:
        from aiohttp import web

        assert self.http is not None
        port = self.ports[self.turn % len(self.ports)]
        self.turn += 1
        headers = {k: v for k, v in request.headers.items() if k.lower() in ("content-type", "x-telegram-bot-api-secret-token")}
        async with self.http.request(request.method, f"http://127.0.0.1:{port}{request.rel_url}", data=await request.read(), headers=headers) as resp:
            return web.Response(status=resp.status, body=await resp.read())

    async def stop(self) -> None:
        if self.http is not None:
            await self.http.close()
        if self.runner is not None:
            await self.runner.cleanup()


def shared_config(tmp: str, fake: FakeTelegramServer, port: int, database_url: str, index: int) -> Path:
    path = Path(tmp) / f"shared{index}.toml"
    path.write_text(
        f'[bot]\ndatabase_url = "{database_url}"\nlog_level = "ERROR"\n'
        f'[telegram]\ntoken = "{TOKEN}"\nbase_url = "{fake.base_url}"\nrate_per_second = 1000\n'
        f'mode = "webhook"\nwebhook_url = "https://bot.example.go.id/telegram/webhook"\nwebhook_secret = "{SECRET}"\n[http]\nport = {port}\n'
    )
    return path


async def deliver(fake: FakeTelegramServer, port: int, texts: dict[int, list[str]], first_id: int, connections: int = 40) -> int:
    """Every chat's messages POSTed to ``port`` one after another (the next once the last was acknowledged),
    the chats side by side over at most ``connections`` connections (Telegram's default for a webhook)."""
    next_id = iter(range(first_id, first_id + 10_000_000))
    failed = 0

    async def chat(http: aiohttp.ClientSession, chat_id: int, items: list[str]) -> None:
        nonlocal failed
        for text in items:
            if await post(http, port, dict(fake.text_update(chat_id, text), update_id=next(next_id))) != 200:
                failed += 1

    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=connections)) as http:
        await asyncio.gather(*(chat(http, c, items) for c, items in texts.items()))
    return failed


async def shared_inbox(database_url: str, processes: int, chats: int = 100, per_chat: int = 10) -> str:
    """``processes`` webhook processes on one PostgreSQL inbox behind the forwarder: FAQ answers/s, order, losses."""
    from bench_e2e import questions, wipe
    from pgprobe import PgProbe, cpu_seconds

    wipe(database_url)
    qs = questions()
    pool = [qs[i * 7 % len(qs)] for i in range(20)]  # 20 different questions, each chat asks them in its own order
    work = {100_000 + c: [pool[(c * 3 + i) % len(pool)] for i in range(per_chat)] for c in range(chats)}
    with tempfile.TemporaryDirectory() as tmp:
        fake = FakeTelegramServer(TOKEN)
        await fake.start()
        ports = [free_port() for _ in range(processes)]
        procs = []
        for i, port in enumerate(ports):  # one after the other: the first one migrates the database
            procs.append(spawn(shared_config(tmp, fake, port, database_url, i)))
            await wait_ready_http(port)
        forwarder = Forwarder(ports)
        await forwarder.start()
        probe = PgProbe(database_url)
        try:
            # What each question is answered with: asked once, each by a chat of its own (no order involved).
            calibration = {200_000 + i: [q] for i, q in enumerate(pool)}
            warm = {c: ["halo"] for c in list(work) + list(calibration)}
            await deliver(fake, forwarder.port, warm, 1)
            await fake.wait_for(lambda: len({c.chat_id for c in fake.sent()}) >= len(warm), timeout=60)
            await deliver(fake, forwarder.port, calibration, 100_000)
            await fake.wait_for(lambda: all(len(fake.sent(c)) >= 2 for c in calibration), timeout=60)
            await asyncio.sleep(1.0)  # every answer in (some questions get two messages)
            answer = {items[0]: [call.params["text"] for call in fake.sent(c)[1:]] for c, items in calibration.items()}
            expected = {c: [text for q in items for text in answer[q]] for c, items in work.items()}
            before = {c: len(fake.sent(c)) for c in work}
            total = sum(len(v) for v in expected.values())
            s0 = await asyncio.to_thread(probe.snapshot)
            cpu0, own0 = sum(cpu_seconds(p.pid) for p in procs), time.process_time()
            started = time.perf_counter()
            sent_before = fake.sent_count
            failed = await deliver(fake, forwarder.port, work, 1_000_000)
            try:
                await fake.wait_for(lambda: fake.sent_count - sent_before >= total, timeout=300)
            except TimeoutError:
                pass
            seconds = time.perf_counter() - started
            cpu1, own1 = sum(cpu_seconds(p.pid) for p in procs), time.process_time()
            await asyncio.sleep(1.0)  # a late second answer would show now
            server = PgProbe.work(s0, await asyncio.to_thread(probe.snapshot), sum(len(t) for t in work.values()))
            got = {c: [call.params["text"] for call in fake.sent(c)[before[c] :]] for c in work}
        finally:
            probe.close()
            await forwarder.stop()
            for proc in procs:
                proc.send_signal(signal.SIGTERM)
            for proc in procs:
                await asyncio.to_thread(proc.wait, 30)
            await fake.stop()
    n = sum(len(t) for t in work.values())
    in_order = sum(1 for c in work if got[c] == expected[c])
    missing = sum(max(0, len(expected[c]) - len(got[c])) for c in work)
    extra = sum(max(0, len(got[c]) - len(expected[c])) for c in work)
    return (
        f"{processes} process{'es' if processes > 1 else ''} behind the forwarder: {n} FAQ questions ({chats} chats x {per_chat}, "
        f"each chat's next sent once the last was acknowledged; {failed} not acknowledged) answered in {seconds:.2f} s = **{n / seconds:.0f} answers/s**; "
        f"chats with every answer in order: {in_order}/{chats}; answers lost {missing}, extra {extra}; "
        f"CPU per answer: bot processes {(cpu1 - cpu0) * 1000 / n:.2f} ms, forwarder + fake Bot API {(own1 - own0) * 1000 / n:.2f} ms, PostgreSQL {server.cpu_ms:.2f} ms"
    )


async def main() -> None:
    args = sys.argv[1:]
    postgres = take_option(args, "--postgres")
    n = int(args[0]) if args else 300
    print(f"machine: {machine()}")
    if postgres:
        for processes in (1, 2, 1, 2):  # alternating: the machine's other work falls on both alike
            print(await shared_inbox(postgres, processes), flush=True)
        return
    print(await kill_9("webhook", n))
    print(await kill_9("polling", n))
    print(await flood())
    print(await durability_cost())


if __name__ == "__main__":
    asyncio.run(main())
