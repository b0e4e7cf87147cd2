"""Outbox: bot-side capacity with the rate limit lifted, and the achieved rate when limited.

Side by side in one run on the same SQLite file:
- psp-bot's sender (batched claims, concurrent sends, outcomes recorded in small groups);
- a baseline that sends row by row and commits each row (the simplest crash-safe loop).
The channel is an in-process stub that answers at once, so the numbers are the bot's own cost.

    .venv/bin/python bench/bench_outbox.py
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from common import machine

from bot.app import BotApp
from bot.config import parse_settings
from bot.messages import Delivery, Reply
from models.outbox import create_message, enqueue
from models.tables import Contact, OutboxItem
from scheduler.outbox import OutboxSender


class InstantChannel:
    name = "telegram"

    def __init__(self) -> None:
        self.count = 0

    async def send(self, external_id: str, replies: Sequence[Reply]) -> list[str]:
        self.count += len(replies)
        return [str(self.count)]

    async def deliver(self, external_id: str, reply: Reply, *, delivery: Delivery | None = None) -> str:
        self.count += 1
        return str(self.count)

    async def edit(self, external_id: str, message_id: str, reply: Reply) -> None:
        return None


async def setup(path: Path, n: int) -> BotApp:
    settings = parse_settings({"bot": {"database_url": f"sqlite:///{path}"}}, env={})
    app = BotApp(settings)
    await app.prepare_database()
    async with app.services.db.session() as session:
        for i in range(n):
            session.add(Contact(id=f"telegram:{i}", channel="telegram", external_id=str(i), role="principal"))
        await session.commit()
    return app


async def queue(app: BotApp, text: str) -> None:
    from sqlmodel import select

    async with app.services.db.session() as session:
        contacts = list(await session.exec(select(Contact)))
        message = await create_message(session, "notice", text, now=app.services.clock.now())
        await enqueue(session, message, contacts, app.services.clock.now())
        await session.commit()


async def run_ours(app: BotApp, channel: InstantChannel, rate: float) -> float:
    sender = OutboxSender(app.services, rates={"telegram": rate}, per_chat_seconds=0, batch=500, concurrency=64, record_every=64)
    started = time.perf_counter()
    while await sender.run_once():
        pass
    return time.perf_counter() - started


async def run_baseline(app: BotApp, channel: InstantChannel) -> float:
    from sqlmodel import col, select

    started = time.perf_counter()
    while True:
        async with app.services.db.session() as session:
            item = (await session.exec(select(OutboxItem).where(OutboxItem.status == "pending").order_by(col(OutboxItem.id)).limit(1))).first()
            if item is None:
                break
            await channel.deliver(item.external_id, Reply("x"))
            item.status = "sent"
            await session.commit()
    return time.perf_counter() - started


async def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    print(f"machine: {machine()}")
    with tempfile.TemporaryDirectory() as tmp:
        app = await setup(Path(tmp) / "bench.sqlite3", n)
        channel = InstantChannel()
        app.services.channels["telegram"] = channel  # type: ignore[assignment]
        await queue(app, "capacity")
        seconds = await run_ours(app, channel, rate=1_000_000)
        print(f"psp-bot sender, unlimited:  {n} messages in {seconds:.2f} s = {n / seconds:,.0f} msg/s (goal ≥ 1,000)")
        await queue(app, "baseline")
        seconds = await run_baseline(app, channel)
        print(f"baseline row-by-row:        {n} messages in {seconds:.2f} s = {n / seconds:,.0f} msg/s")
        for rate, count in ((25, 250), (60, 600)):
            app2 = await setup(Path(tmp) / f"rate{rate}.sqlite3", count)
            app2.services.channels["telegram"] = channel  # type: ignore[assignment]
            await queue(app2, "limited")
            seconds = await run_ours(app2, channel, rate=rate)
            achieved = count / seconds
            share = achieved / rate
            print(f"psp-bot sender, limited to {rate}/s: {count} messages in {seconds:.2f} s = {achieved:.1f} msg/s ({share:.1%} of the limit; goal ≥ 95%)")
            await app2.services.db.close()
        await app.services.db.close()


if __name__ == "__main__":
    asyncio.run(main())
