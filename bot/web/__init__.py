"""The staff web pages (Ringkasan, Pendaftaran, Siaran, Pertanyaan) on the bot's own aiohttp server."""

from bot.web.pages import build_web_app, web_prefix

__all__ = ["build_web_app", "web_prefix"]
