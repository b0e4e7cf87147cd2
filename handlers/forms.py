"""One engine for declarative forms, on every channel.

A form is a tuple of named steps (prompt, parser, choices, skip condition). The engine keeps
the state in the database per contact, re-asks a wrong answer on the same step with what was
wrong and an example, goes back on ``kembali``, leaves on ``/batal``, shows a summary with
**Kirim / Ubah / Batal**, lets *Ubah* redo one field and return, and resumes after a restart or a
long pause with a short note. A step may take a file instead of text (``Question.document``).

A form is one kind of :class:`~handlers.conversation.Conversation`: :func:`conversation` makes
the entry for the router's table.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from bot.messages import Button, Document
from handlers.context import Context
from handlers.conversation import BUTTON, Conversation, Step
from handlers.faq import answer_inside_form
from handlers.faqkb.normalise import fold
from handlers.validators import Invalid
from models.contacts import clear_state, get_state, set_state, state_data
from models.tables import ConversationState

SUMMARY = "summary"
EDIT = "edit"
BACK_WORDS = {"kembali", "back", "sebelumnya", "mundur", "balik"}
RESUME_AFTER = timedelta(hours=1)
MAX_ANSWER_CHARS = 500

Parser = Callable[[str, Context, dict[str, Any]], Any]
DocumentParser = Callable[[Document, Context, dict[str, Any]], Any]
# After parsing: may refuse the value for a reason only the database knows (it said why); False stays on the step.
Check = Callable[[Context, Any], Awaitable[bool]]
Choices = Callable[[Context], tuple[str, ...]]


@dataclass(frozen=True)
class Question:
    """One question of a form.

    ``parse`` turns the typed text into the stored value (JSON-serialisable) or raises
    :class:`Invalid`; ``choices`` (if any) become buttons and button presses bypass typing;
    ``skip`` returns True when the step is not needed given the answers so far;
    ``show`` formats the stored value (also ``None``) for the summary and labels the choice
    buttons; ``document`` (if any) makes the step take a file as its answer, turning it into the
    stored value or raising :class:`Invalid`; ``check`` looks at a parsed value in the database
    and may refuse it (after saying why); a ``follow_up`` step is asked only because of the
    answer before it and shares that step's number, so the count does not jump when it is skipped.
    """

    name: str
    prompt_key: str
    label_key: str
    example_key: str
    parse: Parser
    choices: Choices | None = None
    skip: Callable[[dict[str, Any]], bool] | None = None
    show: Callable[[Any, Context], str] | None = None
    optional: bool = False
    columns: int = 2
    document: DocumentParser | None = None
    check: Check | None = None
    follow_up: bool = False


@dataclass(frozen=True)
class Form:
    """A named sequence of steps and what to do with the answers."""

    name: str
    title_key: str
    steps: tuple[Question, ...]
    on_submit: Callable[[Context, dict[str, Any]], Awaitable[bool]]  # True: done, close the form
    summary_note: Callable[[Context, dict[str, Any]], Awaitable[str]] | None = None
    # What leaving says (e.g. that an earlier submission is kept); default: nothing was stored.
    cancelled_text: Callable[[Context], Awaitable[str]] | None = None
    by_name: dict[str, Question] = field(default_factory=dict, init=False, compare=False)

    def __post_init__(self) -> None:
        self.by_name.update({s.name: s for s in self.steps})

    def needed(self, data: dict[str, Any]) -> list[Question]:
        """The steps that apply given the answers so far."""
        return [s for s in self.steps if not (s.skip and s.skip(data))]

    def next_step(self, data: dict[str, Any]) -> Question | None:
        """The first needed step without an answer."""
        return next((s for s in self.needed(data) if s.name not in data), None)




def conversation(form: Form) -> Conversation:
    """The form as an entry of the router's table of conversations."""

    async def on_text(ctx: Context, state: ConversationState, text: str) -> None:
        # A question typed in the middle of a form ("bimtek kapan ya pak?" at the NIP step) is
        # answered, then the form asks its question again instead of calling it a wrong answer.
        if state.step not in (SUMMARY, EDIT) and await answer_inside_form(ctx, text):
            await reprompt(ctx, form, state)
            return
        await handle_text(ctx, form, state, text)

    async def on_button(ctx: Context, state: ConversationState, arg: str) -> None:
        await handle_button(ctx, form, state, arg)

    async def on_document(ctx: Context, state: ConversationState, document: Document) -> None:
        await handle_document(ctx, form, state, document)

    async def on_media(ctx: Context, state: ConversationState) -> None:
        await reprompt(ctx, form, state, ctx.t("media.not_understood"))

    async def on_cancel(ctx: Context) -> None:
        await say_cancelled(ctx, form)

    # Each question is a step of the conversation: answered by typing (free text: a name, a school,
    # a number), by a choice button, or by a file. Summary and Ubah are steps without free text.
    steps = tuple(
        Step(s.name, free_text=s.choices is None and s.document is None, on_document=on_document if s.document is not None else None)
        for s in form.steps
    )
    return Conversation(
        form.name,
        on_text,
        steps=(*steps, Step(SUMMARY), Step(EDIT)),
        on_button=on_button,
        on_cancel=on_cancel,
        on_media=on_media,
    )


# -- asking -----------------------------------------------------------------------------------


def _choice_buttons(ctx: Context, form: Form, step: Question) -> list[list[Button]]:
    if step.choices is None:
        return []
    options = step.choices(ctx)
    buttons = [Button(step.show(label, ctx) if step.show else label, BUTTON.pack(step.name, i)) for i, label in enumerate(options)]
    return [buttons[i : i + step.columns] for i in range(0, len(buttons), step.columns)]


def _number(form: Form, step: Question, data: dict[str, Any]) -> tuple[int, int]:
    """``(n, total)`` of the counter: follow-up steps count with the step they follow."""
    needed = form.needed(data)
    counted = [s for s in needed if not s.follow_up]
    names = [s.name for s in needed]
    n = sum(1 for s in needed[: names.index(step.name) + 1] if not s.follow_up) if step.name in names else 1
    return max(n, 1), len(counted)


async def ask(ctx: Context, form: Form, step: Question, data: dict[str, Any], note: str = "") -> None:
    """Say the prompt of ``step`` (with its choice buttons and how to go back or leave)."""
    n, total = _number(form, step, data)
    lines = [note] if note else []
    lines.append(ctx.t("form.progress", n=n, total=total) + " " + ctx.t(step.prompt_key))
    lines.append(ctx.t("form.example", example=ctx.t(step.example_key)))
    if step.optional:
        lines.append(ctx.t("form.optional"))
    lines.append(ctx.t("form.nav_first" if n == 1 else "form.nav"))
    ctx.say("\n".join(lines), _choice_buttons(ctx, form, step))


def _show(ctx: Context, step: Question, value: Any) -> str:
    if step.show is not None:
        return step.show(value, ctx)
    return "–" if value is None else str(value)


async def show_summary(ctx: Context, form: Form, data: dict[str, Any]) -> None:
    """The answers, numbered, with **Kirim / Ubah / Batal**."""
    lines = [ctx.t("form.summary_title", title=ctx.t(form.title_key))]
    for n, step in enumerate(form.needed(data), start=1):
        lines.append(f"{n}. {ctx.t(step.label_key)}: {_show(ctx, step, data.get(step.name))}")
    if form.summary_note is not None:
        note = await form.summary_note(ctx, data)
        if note:
            lines += ["", note]
    lines += ["", ctx.t("form.summary_question")]
    buttons = [
        [ctx.button("form.submit", BUTTON.pack(SUMMARY, "kirim")), ctx.button("form.edit", BUTTON.pack(SUMMARY, "ubah"))],
        [ctx.button("form.cancel", BUTTON.pack(SUMMARY, "batal"))],
    ]
    ctx.say("\n".join(lines), buttons)


async def _ask_edit(ctx: Context, form: Form, data: dict[str, Any]) -> None:
    buttons = [ctx.button(step.label_key, BUTTON.pack(EDIT, step.name)) for step in form.needed(data)]
    ctx.say(ctx.t("form.edit_which"), [buttons[i : i + 2] for i in range(0, len(buttons), 2)])


async def _save(ctx: Context, form: Form, step: str, data: dict[str, Any]) -> None:
    await set_state(ctx.session, ctx.contact.id, form.name, step, data, ctx.now)


async def _advance(ctx: Context, form: Form, data: dict[str, Any], note: str = "") -> None:
    """Ask the next unanswered step, or show the summary when all are answered."""
    step = form.next_step(data)
    if step is None:
        data.pop("_editing", None)
        await _save(ctx, form, SUMMARY, data)
        if note:
            ctx.say(note)
        await show_summary(ctx, form, data)
        return
    await _save(ctx, form, step.name, data)
    await ask(ctx, form, step, data, note)


# -- starting and resuming ------------------------------------------------------------------------


async def start(ctx: Context, form: Form, prefill: dict[str, Any] | None = None) -> None:
    """Open ``form`` (or resume it if it is already open)."""
    state = await get_state(ctx.session, ctx.contact.id)
    if state is not None and state.form == form.name:
        await reprompt(ctx, form, state, ctx.t("form.resumed"))
        return
    data = dict(prefill or {})
    fresh = not any(step.name in data for step in form.steps)  # keys starting with "_" are no answers
    await _advance(ctx, form, data, ctx.t("form.intro", title=ctx.t(form.title_key)) if fresh else "")


async def reprompt(ctx: Context, form: Form, state: ConversationState, note: str = "") -> None:
    """Ask the current question of an open form again (after media, a stale button, a pause)."""
    data = state_data(state)
    if state.step == SUMMARY:
        if note:
            ctx.say(note)
        await show_summary(ctx, form, data)
    elif state.step == EDIT:
        if note:
            ctx.say(note)
        await _ask_edit(ctx, form, data)
    elif state.step in form.by_name:
        await ask(ctx, form, form.by_name[state.step], data, note)
    else:  # a step this version no longer has: continue with the first unanswered one
        await _advance(ctx, form, data, note)


# -- answers ------------------------------------------------------------------------------------


def _previous(form: Form, data: dict[str, Any], current: str) -> Question | None:
    needed = form.needed(data)
    names = [s.name for s in needed]
    if current == SUMMARY:
        return needed[-1] if needed else None
    i = names.index(current) if current in names else 0
    return needed[i - 1] if i > 0 else None


async def _go_back(ctx: Context, form: Form, state: ConversationState, data: dict[str, Any]) -> None:
    previous = _previous(form, data, state.step)
    if previous is None:
        await reprompt(ctx, form, state, ctx.t("form.at_first"))
        return
    data.pop(previous.name, None)
    await _save(ctx, form, previous.name, data)
    await ask(ctx, form, previous, data)


async def _accept(ctx: Context, form: Form, step: Question, data: dict[str, Any], text: str) -> None:
    await _take(ctx, form, step, data, lambda: step.parse(text, ctx, data))


async def _take(ctx: Context, form: Form, step: Question, data: dict[str, Any], parse: Callable[[], Any]) -> None:
    """Store the parsed answer of ``step`` and move on; an :class:`Invalid` answer is asked again."""
    try:
        value = parse()
    except Invalid as problem:
        n, total = _number(form, step, data)
        ctx.say(
            ctx.t(problem.key, **problem.values) + "\n" + ctx.t("form.example", example=ctx.t(step.example_key)),
            _choice_buttons(ctx, form, step),
        )
        await _save(ctx, form, step.name, data)  # still on the same step
        return
    if step.check is not None and not await step.check(ctx, value):
        await _save(ctx, form, step.name, data)  # the check said why; still on the same step
        return
    data[step.name] = value
    editing = bool(data.get("_editing"))
    # A changed answer can make later answers stale (a new NIP decides whether the birth date
    # is asked): drop answers of steps that no longer apply.
    for other in form.steps:
        if other.skip and other.skip(data):
            data.pop(other.name, None)
    if editing and form.next_step(data) is None:
        data.pop("_editing", None)
        await _save(ctx, form, SUMMARY, data)
        await show_summary(ctx, form, data)
        return
    await _advance(ctx, form, data)


async def handle_text(ctx: Context, form: Form, state: ConversationState, text: str) -> None:
    """Free text while a form is open: the answer to the current step (or kembali / kirim / ubah)."""
    data = state_data(state)
    if ctx.now - state.updated_at > RESUME_AFTER:
        # Coming back after a pause or a restart: remind where we were instead of guessing.
        await reprompt(ctx, form, state, ctx.t("form.welcome_back", title=ctx.t(form.title_key)))
        await _save(ctx, form, state.step, data)
        return
    word = fold(text).strip().strip(".!")
    if word in BACK_WORDS:
        await _go_back(ctx, form, state, data)
        return
    if len(text) > MAX_ANSWER_CHARS:
        ctx.say(ctx.t("form.error.too_long", limit=MAX_ANSWER_CHARS))
        await reprompt(ctx, form, state)
        return
    if state.step == SUMMARY:
        if word in ("kirim", "submit", "send", "ya", "benar", "ok"):
            await _summary_action(ctx, form, state, data, "kirim")
        elif word in ("ubah", "edit", "ganti"):
            await _summary_action(ctx, form, state, data, "ubah")
        else:
            await reprompt(ctx, form, state, ctx.t("form.use_buttons"))
        return
    if state.step == EDIT:
        step = _typed_step(ctx, form, data, word)
        if step is None:
            await reprompt(ctx, form, state, ctx.t("form.use_buttons"))
        else:
            await _start_edit(ctx, form, data, step)
        return
    step = form.by_name.get(state.step)
    if step is None:
        await _advance(ctx, form, data)
        return
    await _accept(ctx, form, step, data, text)


def _typed_step(ctx: Context, form: Form, data: dict[str, Any], word: str) -> Question | None:
    needed = form.needed(data)
    if word.isdigit() and 1 <= int(word) <= len(needed):
        return needed[int(word) - 1]
    return next((s for s in needed if fold(ctx.t(s.label_key)) == word or s.name == word), None)


async def _start_edit(ctx: Context, form: Form, data: dict[str, Any], step: Question) -> None:
    data.pop(step.name, None)
    data["_editing"] = True
    await _save(ctx, form, step.name, data)
    await ask(ctx, form, step, data)


async def _summary_action(ctx: Context, form: Form, state: ConversationState, data: dict[str, Any], action: str) -> None:
    if action == "kirim":
        missing = form.next_step(data)
        if missing is not None:  # never submit a half-filled form
            await _advance(ctx, form, data)
            return
        if await form.on_submit(ctx, data):
            await clear_state(ctx.session, ctx.contact.id)
    elif action == "ubah":
        await _save(ctx, form, EDIT, data)
        await _ask_edit(ctx, form, data)
    elif action == "batal":
        await clear_state(ctx.session, ctx.contact.id)
        await say_cancelled(ctx, form)


async def say_cancelled(ctx: Context, form: Form) -> None:
    """After leaving ``form``: what was (not) kept."""
    text = await form.cancelled_text(ctx) if form.cancelled_text is not None else ctx.t("cancel.done")
    ctx.say(text, [[ctx.menu_button()]])


async def handle_button(ctx: Context, form: Form, state: ConversationState, arg: str) -> None:
    """Button ``form:<step>:<value>``; a press for another step than the current one is stale."""
    step_name, value = BUTTON.unpack(arg, 2)
    if step_name != state.step:
        await reprompt(ctx, form, state, ctx.t("button.expired"))
        return
    data = state_data(state)
    if step_name == SUMMARY:
        if value in ("kirim", "ubah", "batal"):
            await _summary_action(ctx, form, state, data, value)
        else:
            await reprompt(ctx, form, state, ctx.t("button.expired"))
        return
    if step_name == EDIT:
        target = form.by_name.get(value)
        if target is None or target not in form.needed(data):
            await reprompt(ctx, form, state, ctx.t("button.expired"))
        else:
            await _start_edit(ctx, form, data, target)
        return
    step = form.by_name.get(step_name)
    options = step.choices(ctx) if step is not None and step.choices else ()
    if step is None or not value.isdigit() or int(value) >= len(options):
        await reprompt(ctx, form, state, ctx.t("button.expired"))
        return
    await _accept(ctx, form, step, data, options[int(value)])


async def handle_document(ctx: Context, form: Form, state: ConversationState, document: Document) -> None:
    """A file sent on a step that takes one (the router asks the step for its ``on_document``)."""
    step = form.by_name.get(state.step)
    if step is None or step.document is None:
        await reprompt(ctx, form, state, ctx.t("media.not_understood"))
        return
    parse = step.document
    data = state_data(state)
    await _take(ctx, form, step, data, lambda: parse(document, ctx, data))
