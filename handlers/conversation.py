"""Multi-step exchanges: one kind of object for every conversation, declared step by step.

A conversation is what a contact is in between two messages: the registration form, composing a
circular, typing the answer to grouped questions. Its place is one ``ConversationState`` row (its
``name``, the current ``step``, the data so far), so it survives restarts and works with several
processes. The router's table lists every conversation explicitly (``handlers/router.py:
CONVERSATIONS``) and hands it the contact's free text, button presses and files.

A conversation declares its steps (:class:`Step`), each saying what it waits for:

- ``on_text``: typed text at that step (without one, the conversation's ``on_text``);
- ``free_text``: the step waits for free text (a name, a circular, an answer): there a message
  that merely begins with a command word ("Pengingat besok Bimtek…") is the text; only a slash
  command or a lone word meaning "leave" (``batal``) interrupts;
- ``on_document``: a file is an answer at that step (elsewhere a file is only media);
- ``buttons``: the actions of the conversation's buttons (``BUTTON.pack(action, …)``, i.e.
  ``form:<action>:<rest>``, or a conversation's own route such as ``siaran:``) that are valid at
  that step; the conversation's ``buttons`` are valid at every step (e.g. cancel). A press valid
  nowhere is stale (:meth:`Conversation.press` says so by returning ``False``).

And for the whole conversation:

- ``on_button``: every ``form:`` press, for a conversation that reads them itself (the form
  engine: its buttons name their own step);
- ``on_media``: anything else that is not text (a photo, a sticker, a file where none is asked);
  ``None`` answers as outside any conversation;
- ``on_cancel``: what to say after ``/batal`` closed it (``None``: nothing was kept);
- ``on_leave``: tidies up what the conversation left behind when the contact leaves it
  (``/batal``, a role change);
- ``roles``: who may be in it: a contact whose role changed meanwhile leaves it.

A declarative form (``handlers/forms.py``) is one conversation whose steps are its questions
(``forms.conversation(form)``).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field

from bot.enums import ALL_ROLES
from bot.messages import Document, Payload
from handlers.context import Context
from models.tables import ConversationState

TextHandler = Callable[[Context, ConversationState, str], Awaitable[None]]
DocumentHandler = Callable[[Context, ConversationState, Document], Awaitable[None]]
MediaHandler = Callable[[Context, ConversationState], Awaitable[None]]
CancelHandler = Callable[[Context], Awaitable[None]]
LeaveHandler = Callable[[Context, ConversationState], Awaitable[None]]
# Buttons of the conversation the contact is in: ``form:<action>:<rest>`` (a form's: ``form:<step>:<value>``).
# The router hands a press to the open conversation; with none open, or not valid at its step, it is stale.
BUTTON = Payload("form")
# A press of one of the conversation's buttons: what followed ``<route>:<action>:``.
ButtonHandler = Callable[[Context, ConversationState, str], Awaitable[None]]


@dataclass(frozen=True)
class Step:
    """One point of a conversation where it waits for the contact, and what it does with each input."""

    name: str
    on_text: TextHandler | None = None
    free_text: bool = False
    on_document: DocumentHandler | None = None
    buttons: Mapping[str, ButtonHandler] = field(default_factory=dict)


@dataclass(frozen=True)
class Conversation:
    """A named multi-step exchange: its steps and what it does with each kind of input."""

    name: str
    on_text: TextHandler  # typed text at a step without its own on_text (also a step this version no longer has)
    steps: tuple[Step, ...] = ()
    on_button: TextHandler | None = None
    buttons: Mapping[str, ButtonHandler] = field(default_factory=dict)
    on_media: MediaHandler | None = None
    on_cancel: CancelHandler | None = None
    roles: frozenset[str] = ALL_ROLES
    on_leave: LeaveHandler | None = None
    by_name: dict[str, Step] = field(default_factory=dict, init=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        self.by_name.update({s.name: s for s in self.steps})
        if len(self.by_name) != len(self.steps):
            raise ValueError(f"two steps with one name in {self.name}")

    def takes_text(self, step: str) -> bool:
        """Whether ``step`` waits for free text (so command words inside it are text)."""
        declared = self.by_name.get(step)
        return declared is not None and declared.free_text

    def document_handler(self, step: str) -> DocumentHandler | None:
        """What takes a file at ``step`` (``None``: a file is not an answer there)."""
        declared = self.by_name.get(step)
        return declared.on_document if declared is not None else None

    async def text(self, ctx: Context, state: ConversationState, text: str) -> None:
        """Typed text: to the current step's handler, else the conversation's."""
        declared = self.by_name.get(state.step)
        handler = declared.on_text if declared is not None and declared.on_text is not None else self.on_text
        await handler(ctx, state, text)

    async def press(self, ctx: Context, state: ConversationState, arg: str) -> bool:
        """A press of the conversation's button ``<action>:<rest>``; ``False`` when it is not valid at this step (stale)."""
        action, rest = Payload.unpack(arg, 2)
        declared = self.by_name.get(state.step)
        handler = declared.buttons.get(action) if declared is not None else None
        handler = handler or self.buttons.get(action)
        if handler is None:
            return False
        await handler(ctx, state, rest)
        return True
