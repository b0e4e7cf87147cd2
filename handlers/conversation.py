"""Multi-step exchanges: one kind of object for every conversation.

A conversation is what a contact is in between two messages: the registration form, composing a
circular, typing the answer to grouped questions. Its place is one ``ConversationState`` row (its
``name``, the current ``step``, the data so far), so it survives restarts and works with several
processes. The router's table lists every conversation explicitly (``handlers/router.py:
CONVERSATIONS``) and hands it the contact's free text, button presses and files:

- ``on_text``: typed text that is not a command;
- ``on_button``: a press of one of its ``form:`` buttons (conversations with their own route, such
  as ``siaran:``, receive their buttons through that route instead);
- ``on_document``: a file, but only on the steps named in ``document_steps``;
- ``on_media``: anything else that is not text (a photo, a sticker, a file where none is asked);
  ``None`` answers as outside any conversation;
- ``on_cancel``: what to say after ``/batal`` closed it (``None``: nothing was kept).

``roles`` are who may be in it: a contact whose role changed meanwhile leaves it.

``text_steps`` are the steps that wait for free text (a name, a circular, an answer): there a
message that merely begins with a command word ("Pengingat besok Bimtek…") is the text; only a
slash command or a lone word meaning "leave" (``batal``) interrupts. ``on_leave`` tidies up what
the conversation left behind when the contact leaves it (``/batal``, a role change).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from bot.enums import ALL_ROLES
from bot.messages import Document
from handlers.context import Context
from models.tables import ConversationState

TextHandler = Callable[[Context, ConversationState, str], Awaitable[None]]
DocumentHandler = Callable[[Context, ConversationState, Document], Awaitable[None]]
MediaHandler = Callable[[Context, ConversationState], Awaitable[None]]
CancelHandler = Callable[[Context], Awaitable[None]]
LeaveHandler = Callable[[Context, ConversationState], Awaitable[None]]


@dataclass(frozen=True)
class Conversation:
    """A named multi-step exchange and what it does with each kind of input."""

    name: str
    on_text: TextHandler
    on_button: TextHandler | None = None
    on_document: DocumentHandler | None = None
    document_steps: frozenset[str] = frozenset()
    on_media: MediaHandler | None = None
    on_cancel: CancelHandler | None = None
    roles: frozenset[str] = ALL_ROLES
    text_steps: frozenset[str] = frozenset()
    on_leave: LeaveHandler | None = None

    def takes_text(self, step: str) -> bool:
        """Whether ``step`` waits for free text (so command words inside it are text)."""
        return step in self.text_steps

    def takes_document(self, step: str) -> bool:
        """Whether a file is an answer at ``step``."""
        return self.on_document is not None and step in self.document_steps
