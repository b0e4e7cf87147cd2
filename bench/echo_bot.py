"""The baselines: a bare python-telegram-bot echo bot.

    python bench/echo_bot.py BASE_URL TOKEN            # exactly as SPEC §9 writes it: PTB's defaults
    python bench/echo_bot.py BASE_URL TOKEN --aiohttp  # the ceiling: aiohttp transport, 32 concurrent updates
    python bench/echo_bot.py BASE_URL TOKEN --aiohttp=16  # … with a pool of 16 connections (default 32)
"""

from __future__ import annotations

import sys
from pathlib import Path

from telegram import Update
from telegram.ext import ApplicationBuilder, ContextTypes, MessageHandler, filters


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if update.message and update.message.text:
        await update.message.reply_text(update.message.text)


def main() -> None:
    base_url, token = sys.argv[1], sys.argv[2]
    flag = next((a for a in sys.argv if a.startswith("--aiohttp")), None)
    if flag is not None:
        sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
        from bot.channels.telegram import AiohttpRequest

        pool = int(flag.partition("=")[2] or 32)
        builder = ApplicationBuilder().token(token).base_url(base_url).request(AiohttpRequest(pool)).get_updates_request(AiohttpRequest(1, read_timeout=30))
        app = builder.concurrent_updates(32).build()
    else:
        app = ApplicationBuilder().token(token).base_url(base_url).build()
    app.add_handler(MessageHandler(filters.TEXT, echo))
    app.run_polling()


if __name__ == "__main__":
    main()
