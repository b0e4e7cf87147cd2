"""One Telegram update reaches its reply through few modules, none of them called back."""

from __future__ import annotations

from bench.message_path import trace


async def test_a_telegram_update_crosses_few_modules_once() -> None:
    order, again = await trace("/start")
    # The path this suite was written against crossed 12 modules and re-entered bot.core. The goal
    # is fewer than 12, none entered twice, with the update stored before it is handled (the inbox,
    # scheduler.inbox and models.inbox) and python-telegram-bot's HTTP on aiohttp.
    assert len(order) < 12, order
    assert again == [], again
    assert order[0] == "bot.channels.telegram" and "handlers.router" in order
    assert order.index("models.inbox") < order.index("handlers.router")  # stored first, then handled
