"""FAQ in the conversation: answers, "belum tahu" with the nearest topics, topic buttons.

The engine itself (knowledge base, normaliser, matcher) lives in :mod:`handlers.faqkb`, which
imports nothing from the chat side; this module only turns its verdicts into replies.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from bot.config import EventSettings
from bot.messages import Button, Payload
from handlers import commands
from handlers.context import Context
from handlers.faqkb.knowledge import FaqEntry
from handlers.faqkb.language import answer_language, question_language
from handlers.faqkb.matcher import ZOOM_ENTRY, Match, answer_text, reply_text
from handlers.faqkb.normalise import fold
from handlers.helpdesk import contact_lines, help_desk_button
from handlers.schedule import session_lines, with_zoom_details

CONTACT_ENTRY = "bot-kontak"  # its answer also gives the help desk's contact (config [helpdesk])
TOPIC = Payload("faq")  # faq:<entry id>: a topic's answer


def _topic_buttons(lang: str, entries: list[FaqEntry] | tuple[FaqEntry, ...]) -> list[list[Button]]:
    return [[Button(e.topic.get(lang, e.topic["id"]), TOPIC.pack(e.id))] for e in entries]


async def show_entry(ctx: Context, entry: FaqEntry, lang: str | None = None, first: FaqEntry | None = None, question: str = "") -> None:
    """Say an entry's answer with its follow-up topics (``first``: another topic the message asked about)."""
    lang = lang or ctx.lang
    engine = ctx.services.faq
    follow = [f for f in (engine.get(i) for i in entry.follow_up) if f is not None] if engine else []
    if first is not None:
        follow = [first, *(f for f in follow if f.id != first.id)]
    buttons = _topic_buttons(lang, follow[:3])
    command = commands.BY_NAME.get(entry.command)
    if command is not None:  # "how do I delete my data": the answer names /hapusdata, the button runs it
        buttons.insert(0, [Button(ctx.services.i18n.t(lang, "faq.run_command", command=entry.command), command.pack())])
    text = answer_text(entry, lang, question)
    if entry.id == CONTACT_ENTRY:
        text = "\n".join([text, "", *contact_lines(ctx)])
        buttons.append([help_desk_button(ctx)])
    # The Bimtek's Zoom details and session hours: the sources have neither, only the operator's config
    # ([[events]]) may. Given there, they come with the answer; not given (or only the example's
    # placeholders), the answer says so and the question is queued for the PMO team like any other the
    # base cannot answer.
    sessions: list[EventSettings] = []
    unknown = ""
    if entry.id == ZOOM_ENTRY and not (engine is not None and question and engine.asks_other_meeting(question)):
        sessions = with_zoom_details(list(ctx.services.settings.events))  # "link zoom bimtek apa?": the details themselves
        if not sessions and engine is not None and engine.asks_zoom_details(entry.id, question):
            unknown = "faq.zoom_unknown"
    elif engine is not None and engine.asks_session_hours(entry.id, question):
        sessions = list(ctx.services.settings.events)  # "bimtek mulai jam brp tiap harinya?": each session's hours in WITA
        unknown = "faq.hours_unknown"
    if sessions:
        text = "\n".join([text, *session_lines(ctx, sessions, lang)])
        buttons.insert(0, [Button(ctx.services.i18n.t(lang, "faq.run_command", command=commands.SCHEDULE.route), commands.SCHEDULE.pack())])
    elif unknown:
        await _queue(ctx, question, lang)
        text = "\n\n".join([text, ctx.services.i18n.t(lang, unknown)])
        buttons.append([help_desk_button(ctx)])
    buttons.append([ctx.menu_button()])
    ctx.say(text, buttons)


async def _queue(ctx: Context, text: str, lang: str) -> None:
    """Put a question in the PMO team's queue (/pertanyaan), grouped with the same question asked in other words."""
    from models.questions import record_question

    engine = ctx.services.faq
    assert engine is not None
    group_key = " ".join(sorted(engine.words(text))) or text.strip().lower()
    await record_question(ctx.session, ctx.contact.id, text, lang, True, ctx.services.clock.now(), group_key)


async def forward_question(ctx: Context, text: str, match: Match, lang: str) -> None:
    """A PSP question without an answer: "belum tahu / belum yakin", the nearest topics, queued for the PMO team.

    The one place this reply is built.
    """
    await _queue(ctx, text, lang)
    answer = match.entry.answer.get(lang) or match.entry.answer["id"] if match.entry else ""
    buttons = _topic_buttons(lang, match.suggestions if match.outcome == "ask_back" else ())
    # "belum tahu": a person can answer what the knowledge base cannot
    buttons.append([help_desk_button(ctx)])
    buttons.append([ctx.menu_button()])
    ctx.say(reply_text(lambda key: ctx.services.i18n.t(lang, key), match, answer), buttons)


def _count(ctx: Context, outcome: str) -> None:
    """Count the question once its transaction has stuck: a batch that failed is handled again, and counted then."""

    async def count() -> None:
        ctx.services.metrics.faq.labels(outcome).inc()

    ctx.after_commit.append(count)


async def answer_question(ctx: Context, text: str, greet: Callable[[Context], Awaitable[None]] | None = None) -> None:
    """Free text: an answer, a question back, "diteruskan ke Tim PMO", a polite scope note, or small talk.

    ``greet`` shows the greeting with the main menu (the router owns the menu's routes).
    """
    engine = ctx.services.faq
    assert engine is not None
    if engine.reload_due():  # the file is read in a thread: the event loop never waits on the disk
        await asyncio.to_thread(engine.reload_if_changed)
    match = engine.match(text)
    outcome = match.outcome
    _count(ctx, outcome)
    lang = answer_language(text, ctx.lang, match.english) if outcome in ("answer", "ask_back", "forward", "decline") else ctx.lang
    if outcome == "small_talk" and match.small_talk == "greeting" and greet is not None:
        await greet(ctx)
    elif outcome == "answer":
        assert match.entry is not None
        await show_entry(ctx, match.entry, lang, match.also, text)
    elif match.queued:
        await forward_question(ctx, text, match, lang)
    else:  # small talk, a lone number, or not about PSP: kind words, never queued
        ctx.say(
            reply_text(ctx.t if lang == ctx.lang else lambda key: ctx.services.i18n.t(lang, key), match),
            [[ctx.menu_button()]],
        )
    if lang != ctx.lang:
        ctx.say(ctx.services.i18n.t(lang, "faq.language_hint"))


_QUESTION_CUES = frozenset("apa apakah siapa kapan kpn pidan bagaimana gimana gmn berapa brp dimana mana bisakah bolehkah kenapa mengapa".split())


def looks_like_question(text: str) -> bool:
    """A question mark or an Indonesian/Balinese/English question word: not a name or a number."""
    if "?" in text:
        return True
    words = set(fold(text).split())
    return bool(words & _QUESTION_CUES) or question_language(text) == "en" and bool(words & {"what", "when", "who", "how", "where", "which"})


async def answer_inside_form(ctx: Context, text: str) -> bool:
    """A question typed in the middle of a form ("bimtek kapan ya pak?" at the NIP step).

    When the FAQ answers it confidently, say the answer and return True: the form then asks its
    current question again instead of calling the question a wrong answer.
    """
    engine = ctx.services.faq
    if engine is None or not looks_like_question(text):
        return False
    match = engine.match(text)
    if match.outcome != "answer" or match.entry is None:
        return False
    _count(ctx, "in_form")
    await show_entry(ctx, match.entry, answer_language(text, ctx.lang, match.english), question=text)
    return True


async def ask_prompt(ctx: Context, arg: str) -> None:
    """``/tanya``: a topic when one is named, else how to ask and some popular topics."""
    engine = ctx.services.faq
    if engine is None:
        ctx.say(ctx.t("faq.unavailable"))
        return
    if arg:
        await answer_question(ctx, arg)
        return
    popular = [e for e in (engine.get(i) for i in ("daftar-cara", "syarat-kepsek", "bimtek-jadwal", "usia")) if e]
    ctx.say(ctx.t("faq.ask_prompt"), [*_topic_buttons(ctx.lang, popular), [ctx.menu_button()]])


async def show_topic(ctx: Context, arg: str) -> None:
    """Button ``faq:<id>``: the answer of that topic."""
    engine = ctx.services.faq
    entry = engine.get(arg) if engine else None
    if entry is None:
        ctx.say(ctx.t("button.expired"), [[ctx.menu_button()]])
        return
    await show_entry(ctx, entry)
