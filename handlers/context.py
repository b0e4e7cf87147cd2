"""The context a handler works with: who wrote, what, and where to put the answer."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, TypeVar

from sqlmodel.ext.asyncio.session import AsyncSession

from bot.messages import Button, Document, Incoming, Packed, Reply
from bot.services import Services
from handlers.commands import MENU
from handlers.validators import Invalid
from models.tables import Contact

T = TypeVar("T")


@dataclass
class Context:
    """One update being handled, inside one database transaction."""

    services: Services
    incoming: Incoming
    contact: Contact
    session: AsyncSession
    replies: list[Reply] = field(default_factory=list)
    after_commit: list[Callable[[], Awaitable[None]]] = field(default_factory=list)

    @property
    def now(self) -> datetime:
        """The current time (from the injected clock, so tests control it)."""
        return self.services.clock.now()

    @property
    def today(self) -> date:
        """Today's date in the bot's time zone (WITA)."""
        return self.now.astimezone(self.services.settings.bot.timezone).date()

    @property
    def role(self) -> str:
        """The contact's role."""
        return self.contact.role

    @property
    def lang(self) -> str:
        """The contact's language."""
        return self.contact.language

    def t(self, key: str, **values: Any) -> str:
        """Text in the contact's language."""
        return self.services.i18n.t(self.lang, key, **values)

    def button(self, label_key: str, payload: Packed, **values: Any) -> Button:
        """A button whose label is a locale key; ``payload`` comes from a route's ``Payload.pack``."""
        return Button(self.t(label_key, **values), payload)

    def checked(self, parse: Callable[[], T]) -> T | None:
        """``parse()``'s value; ``None`` after telling the contact what is wrong with what they typed."""
        try:
            return parse()
        except Invalid as problem:
            self.say(self.t(problem.key, **problem.values))
            return None

    def menu_button(self) -> Button:
        """"Menu utama": back to the main menu, under nearly every answer."""
        return self.button("menu.back_to_menu", MENU.pack())

    def say(
        self,
        text: str,
        buttons: Sequence[Sequence[Button]] = (),
        document: Document | None = None,
    ) -> None:
        """Add a reply."""
        self.replies.append(Reply(text, tuple(tuple(row) for row in buttons if row), document))
