"""One Telegram update reaches its reply through few modules, none of them called back."""

from __future__ import annotations

from bench.message_path import trace


async def test_a_telegram_update_crosses_few_modules_once() -> None:
    order, again = await trace("/start")
    # The path this suite was written against crossed 12 modules and re-entered bot.core. Storing
    # the update before it is acknowledged adds the inbox (scheduler.inbox, models.inbox) in place
    # of the in-memory lanes, and python-telegram-bot's HTTP goes through bot.channels.ptb_aiohttp: 13.
    assert len(order) <= 13, order
    assert again == [], again
    assert order[0] == "bot.channels.telegram" and "handlers.router" in order
    assert order.index("models.inbox") < order.index("handlers.router")  # stored first, then handled
