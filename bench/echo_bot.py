"""The baseline: a bare python-telegram-bot echo bot (concurrent updates, no rate limiter).

python bench/echo_bot.py BASE_URL TOKEN
"""

from __future__ import annotations

import sys

from telegram import Update
from telegram.ext import ApplicationBuilder, ContextTypes, MessageHandler, filters


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if update.message and update.message.text:
        await update.message.reply_text(update.message.text)


def main() -> None:
    base_url, token = sys.argv[1], sys.argv[2]
    app = ApplicationBuilder().token(token).base_url(base_url).concurrent_updates(256).build()
    app.add_handler(MessageHandler(filters.TEXT, echo))
    app.run_polling(allowed_updates=["message"], timeout=1)


if __name__ == "__main__":
    main()
