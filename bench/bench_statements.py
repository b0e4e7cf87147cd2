"""SQL statements per answer: what the bot asks of the database for each FAQ answer and form step.

The bot runs in this process (polling the fake Bot API server, also here), so every statement
it sends is counted (SQLAlchemy's ``before_cursor_execute``; an executemany counts once as a
call and once per parameter set as a server execution). Counted from the moment an update is
received (stored, claimed, handled, marked done) until every answer went out. Unlike the
throughput figures, these do not depend on what else runs on the machine — except through the
batch sizes: the busier the bot, the more people share a transaction.

    .venv/bin/python bench/bench_statements.py [chats] [messages_per_chat] [--postgres URL]

It also prints this process's CPU per answer (the bot and the fake server together): steadier than
throughput on a shared machine, for comparing two versions of the bot run one after the other.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from collections import Counter
from typing import Any

from bench_e2e import FORM, TOKEN, burst, open_forms, questions, wipe
from common import machine, take_option
from sqlalchemy import event

from tests.fake_telegram import FakeTelegramServer


class Counting:
    """Statements sent on an engine, by their first word (and the first table for writes)."""

    def __init__(self) -> None:
        self.calls: Counter[str] = Counter()
        self.executions: Counter[str] = Counter()
        self.commits = 0

    def statement(self, conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, executemany: bool) -> None:
        words = statement.split(None, 3)
        kind = words[0].upper()
        if kind in ("INSERT", "DELETE") and len(words) > 2:
            kind = f"{kind} {words[2]}"
        elif kind == "UPDATE" and len(words) > 1:
            kind = f"UPDATE {words[1]}"
        self.calls[kind] += 1
        self.executions[kind] += len(parameters) if executemany and parameters else 1

    def commit(self, conn: Any) -> None:
        self.commits += 1

    def report(self, label: str, n: int) -> str:
        lines = [
            f"{label}: {sum(self.calls.values()) / n:.3f} statements per answer ({sum(self.executions.values()) / n:.3f} executions "
            f"on the server, an executemany counting each row), {self.commits / n:.3f} commits"
        ]
        for kind, calls in self.calls.most_common():
            lines.append(f"    {kind:34} {calls / n:6.3f} per answer ({self.executions[kind] / n:.3f} executions)")
        return "\n".join(lines)


async def measure(database_url: str, chats: int, per_chat: int) -> list[str]:
    from bot.app import BotApp
    from tests.conftest import make_settings

    fake = FakeTelegramServer(TOKEN)
    await fake.start()
    settings = make_settings(database_url, telegram={"token": TOKEN, "base_url": fake.base_url, "rate_per_second": 1000}, bot={"log_level": "WARNING"})
    app = BotApp(settings)
    await app.start(outbox=False, scheduler=False)
    engine = app.services.db.engine.sync_engine
    qs = questions()
    work = {3000 + c: [qs[(c * 7 + i) % len(qs)] for i in range(per_chat)] for c in range(chats)}
    forms = {3000 + c: [s.format(npsn=f"{50200000 + c}", n=c + 1) for s in FORM] for c in range(chats)}
    out = []
    try:
        await burst(fake, {chat: ["halo"] for chat in work})  # new contacts: not what is counted
        await app.inbox.join()
        for label, texts in (("FAQ answers", work), ("form steps", forms)):
            if texts is forms:
                await open_forms(fake, list(forms))
                await app.inbox.join()
            counting = Counting()
            event.listen(engine, "before_cursor_execute", counting.statement)
            event.listen(engine, "commit", counting.commit)
            cpu = time.process_time()
            await burst(fake, texts)
            await app.inbox.join()
            cpu = time.process_time() - cpu
            event.remove(engine, "before_cursor_execute", counting.statement)
            event.remove(engine, "commit", counting.commit)
            n = sum(len(t) for t in texts.values())
            out.append(counting.report(label, n))
            # the bot and the fake server share this process: a figure for A/B runs of the same
            # command (two versions of the bot, alternating), not the bot's own CPU
            out.append(f"    this process's CPU (bot + fake Bot API server): {1000 * cpu / n:.3f} ms per {label[:-1]}")
    finally:
        await app.stop()
        await fake.stop()
    return out


async def main() -> None:
    args = sys.argv[1:]
    postgres = take_option(args, "--postgres")
    chats = int(args[0]) if args else 100
    per_chat = int(args[1]) if len(args) > 1 else 10
    print(f"machine: {machine()}")
    print(f"{chats} chats x {per_chat} messages, after one warm-up message per chat; the bot and the fake Bot API in one process")
    with tempfile.TemporaryDirectory() as tmp:
        for name, url in (("SQLite", f"sqlite:///{tmp}/statements.sqlite3"), ("PostgreSQL", postgres)):
            if url is None:
                continue
            if url == postgres:
                wipe(url)
            print(f"-- {name}")
            for line in await measure(url, chats, per_chat):
                print(line)


if __name__ == "__main__":
    asyncio.run(main())
