"""The one object that carries every dependency to the handlers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from bot.config import Settings
from bot.i18n import I18n
from bot.messages import Channel, Clock, Fetcher, PayloadSigner
from bot.metrics import Metrics
from models.db import Database


class KnowledgeBase(Protocol):
    """What handlers ask of the FAQ engine.

    A protocol rather than the engine's class: the engine lives with the handlers, and this module
    sits below them, so naming the class here would make the imports run in a circle.
    """

    def get(self, entry_id: str) -> Any:
        """The entry with this id, or None."""
        ...

    def match(self, text: str) -> Any:
        """The best entry for a question, with its score."""
        ...

    def answer(self, text: str, lang: str) -> tuple[Any, str]:
        """The match and the text to send."""
        ...

    def words(self, text: str) -> list[str]:
        """The normalised content words of a question."""
        ...

    def asks_other_meeting(self, text: str) -> bool:
        """Whether a question is about another meeting than the Bimtek."""
        ...

    def asks_zoom_details(self, entry_id: str, text: str) -> bool:
        """Whether a question answered with the Zoom topic asks for the Bimtek's Zoom details themselves."""
        ...

    def asks_session_hours(self, entry_id: str, text: str) -> bool:
        """Whether a question answered with the Bimtek's dates asks for its sessions' hours."""
        ...

    def reload(self) -> int:
        """Re-read the knowledge base now; return the number of entries."""
        ...

    def maybe_reload(self, every: float = 2.0) -> bool:
        """Re-read it when the file changed."""
        ...

    def reload_due(self, every: float = 2.0) -> bool:
        """Time to look at the file again (no I/O)."""
        ...

    def reload_if_changed(self) -> bool:
        """Re-read the file when it changed (blocking file I/O: call it in a thread)."""
        ...


@dataclass
class Services:
    """Config, database, clock, texts, channels: built once in ``bot.app``."""

    settings: Settings
    db: Database
    i18n: I18n
    clock: Clock
    signer: PayloadSigner
    metrics: Metrics
    channels: dict[str, Channel] = field(default_factory=dict)
    fetchers: dict[str, Fetcher] = field(default_factory=dict)  # per channel: sent files, fetched on demand
    faq: KnowledgeBase | None = None
    wake_outbox: Callable[[], None] = lambda: None  # set by the app when the outbox sender runs
