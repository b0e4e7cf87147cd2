"""Structured logs: one JSON line per event, with tokens, phone numbers and NIPs masked."""

from __future__ import annotations

import json
import logging
import re
from datetime import UTC, datetime
from typing import Any

# A bot token wherever it stands, also inside a URL ("…/bot123456:AA…/getMe").
_TOKEN_RE = re.compile(r"(?<!\d)\d{5,15}:[A-Za-z0-9_-]{30,}(?![A-Za-z0-9_-])")
# Digit runs with spaces inside ("19750817 200003 1 002") count whole, and so do phone numbers written
# with dashes or dots ("+62 812-3456-7890", "0812.3456.7890"); ISO dates and times stay readable.
_GROUPED_DIGITS_RE = re.compile(r"(?<![\d])(?:\+?\d(?: ?\d){8,}|(?:\+62|62|0)[ .-]?8\d(?:[ .-]?\d){6,})(?![\d])")
_EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Libraries that log request bodies, SQL parameters or URLs with the token at DEBUG: never below INFO.
_CHATTY = ("telegram", "httpx", "httpcore", "aiosqlite", "sqlalchemy", "psycopg", "aiohttp", "asyncio", "hpack", "apscheduler")


def _mask_digits(match: re.Match[str]) -> str:
    # Any run of 9+ digits (phones, NIPs, WhatsApp ids): keep the first 4 and the last 2.
    digits = re.sub(r"\D", "", match.group(0))
    prefix = "+" if match.group(0).startswith("+") else ""
    return f"{prefix}{digits[:4]}…{digits[-2:]}"
_STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime", "taskName"}


def redact(text: str) -> str:
    """Mask bot tokens and long digit runs (phone numbers, NIPs)."""
    text = _TOKEN_RE.sub("<token>", text)
    text = _EMAIL_RE.sub("<email>", text)
    return _GROUPED_DIGITS_RE.sub(_mask_digits, text)


class JsonFormatter(logging.Formatter):
    """Formats a record as one JSON object per line, redacted."""

    def format(self, record: logging.LogRecord) -> str:
        """One JSON line."""
        entry: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "msg": redact(record.getMessage()),
        }
        for key, value in vars(record).items():
            if key not in _STANDARD and not key.startswith("_"):
                entry[key] = redact(str(value)) if not isinstance(value, int | float | bool) else value
        if record.exc_info:
            entry["exc"] = redact(self.formatException(record.exc_info))
        return json.dumps(entry, ensure_ascii=False)


def setup_logging(level: str = "INFO") -> None:
    """Send JSON lines to stderr; keep chatty HTTP clients (which log URLs with tokens) quiet."""
    handler = logging.StreamHandler()
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for noisy in ("httpx", "httpcore", "aiohttp.access", "apscheduler.executors.default", "alembic"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    # DEBUG is for this project's own lines: libraries stay at INFO, where they log no payloads.
    floor = max(logging.getLevelName(level) if isinstance(level, str) else level, logging.INFO)
    for chatty in _CHATTY:
        logger = logging.getLogger(chatty)
        if logger.level == logging.NOTSET or logger.level < floor:
            logger.setLevel(floor)
