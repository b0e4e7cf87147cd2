"""One Telegram update reaches its reply through few modules, none of them called back."""

from __future__ import annotations

from bench.message_path import trace


async def test_a_telegram_update_crosses_few_modules_once() -> None:
    order, again = await trace("/start")
    # The path this suite was written against crossed 12 modules and re-entered bot.core.
    assert len(order) < 12, order
    assert again == [], again
    assert order[0] == "bot.channels.telegram" and "handlers.router" in order
