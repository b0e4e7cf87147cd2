"""The one object that carries every dependency to the handlers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bot.config import Settings
from bot.core import Channel, Clock, PayloadSigner
from bot.i18n import I18n
from bot.metrics import Metrics
from models.db import Database

if TYPE_CHECKING:
    from handlers.faq import FaqEngine


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
    faq: FaqEngine | None = None
    wake_outbox: Callable[[], None] = lambda: None  # set by the app when the outbox sender runs
