"""Structured logs: one JSON line per event, with tokens, phone numbers and NIPs masked."""

from __future__ import annotations

import json
import logging
import re
from datetime import UTC, datetime
from typing import Any

_TOKEN_RE = re.compile(r"\b\d{5,15}:[A-Za-z0-9_-]{30,}\b")
# Any run of 9+ digits (phones, NIPs, WhatsApp ids): keep the first 4 and the last 2.
_LONG_DIGITS_RE = re.compile(r"(?<!\d)(\+?\d{4})\d{3,}(\d{2})(?!\d)")
_STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime", "taskName"}


def redact(text: str) -> str:
    """Mask bot tokens and long digit runs (phone numbers, NIPs)."""
    text = _TOKEN_RE.sub("<token>", text)
    return _LONG_DIGITS_RE.sub(lambda m: f"{m.group(1)}…{m.group(2)}", text)


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
