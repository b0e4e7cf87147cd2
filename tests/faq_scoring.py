"""Scoring a query file against the FAQ engine (shared by the tests and the benchmark).

A query file has four tab-separated columns: the language, the message, the facts the answer must
hold (';'-groups of '|'-alternatives, case-insensitive) and the scope:

- ``in``: about PSP and answerable: must be answered with the facts;
- ``nofact``: about PSP but the sources hold no answer: must be forwarded to the PMO team (never
  answered with a fact from another topic, never refused as off-topic);
- ``out``: about something else: must get the scope note, not be queued;
- ``chat``: a greeting, thanks, an acknowledgement: must get a small-talk reply.

A question for the Bimtek's Zoom link, meeting ID or passcode is answered with the Zoom topic (where
the details are: /jadwal), and one for its sessions' hours with its dates; the sources hold neither, and
without them in the operator's config the chat reply also says so and queues the question for the PMO
team (``FaqEngine.asks_config_details``, ``handlers.faq.show_entry``). A ``nofact`` row of that kind
counts as passed on, as the chat passes it on (``Score.config_passed_on``); an ``in`` row still needs its
facts in the answer.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from handlers.faqkb.language import answer_language
from handlers.faqkb.matcher import FaqEngine

# Whole-message command words the router answers with the greeting and menu ("halo", "start").
GREETING_COMMANDS = {"start", "halo", "hai", "hi", "hello", "mulai", "menu"}


@dataclass
class Score:
    in_total: int = 0
    in_ok: int = 0  # answered with the expected facts
    in_asked_back: int = 0
    in_declined: int = 0  # forwarded as unknown or refused as off-topic
    in_refused_out: int = 0  # of those: the off-topic note for a PSP question
    in_wrong: int = 0  # answered confidently without the expected facts
    out_total: int = 0
    out_ok: int = 0  # declined with the scope note, not queued
    out_forwarded: int = 0
    out_wrong: int = 0
    nofact_total: int = 0
    nofact_ok: int = 0  # forwarded
    nofact_answered: int = 0
    nofact_refused: int = 0
    chat_total: int = 0
    chat_ok: int = 0
    chat_wrong: int = 0  # answered from the FAQ
    config_passed_on: int = 0  # of nofact_ok: Zoom details or session hours asked, answered and queued (see above)
    misses: list[str] = field(default_factory=list)

    @property
    def in_rate(self) -> float:
        return self.in_ok / self.in_total if self.in_total else 1.0

    @property
    def out_rate(self) -> float:
        return self.out_ok / self.out_total if self.out_total else 1.0

    @property
    def total(self) -> int:
        return self.in_total + self.out_total + self.nofact_total + self.chat_total

    @property
    def wrong(self) -> int:
        """Confident answers that are wrong: another topic's facts, or an answer where none was due."""
        return self.in_wrong + self.out_wrong + self.nofact_answered + self.chat_wrong

    def report(self) -> str:
        """The figures issue #11 asks for, one line each."""

        def pct(n: int, d: int) -> str:
            return f"{n}/{d} ({n / d:.0%})" if d else "0/0"

        return "\n".join(
            [
                f"in-scope answered with the right facts: {pct(self.in_ok, self.in_total)}",
                f"in-scope asked back: {self.in_asked_back}, declined: {self.in_declined} (as off-topic: {self.in_refused_out}), wrong topic: {self.in_wrong}",
                f"wrong-topic answers, all rows: {self.wrong} of {self.total} ({100 * self.wrong / max(self.total, 1):.1f} per 100)",
                f"off-topic declined: {pct(self.out_ok, self.out_total)} (queued instead: {self.out_forwarded}, answered: {self.out_wrong})",
                f"no fact in the sources, forwarded: {pct(self.nofact_ok, self.nofact_total)} "
                f"(answered: {self.nofact_answered}, refused: {self.nofact_refused}; Zoom details or hours answered and queued: {self.config_passed_on})",
                f"small talk answered kindly: {pct(self.chat_ok, self.chat_total)}",
            ]
        )


def has_facts(answer: str, facts: str) -> bool:
    """Every ';'-group has one of its '|'-alternatives in the answer (case-insensitive)."""
    text = answer.lower()
    return all(any(alt.strip().lower() in text for alt in group.split("|")) for group in facts.split(";") if group.strip() and group.strip() != "-")


def read_rows(path: Path) -> list[tuple[str, str, str, str]]:
    """The rows of a query file, comments skipped."""
    with path.open(encoding="utf-8") as fh:
        return [(r[0], r[1], r[2], r[3].strip()) for r in csv.reader(fh, delimiter="\t") if r and not r[0].startswith("#")]


def score_rows(engine: FaqEngine, rows: list[tuple[str, str, str, str]]) -> Score:
    score = Score()
    for lang, query, facts, scope in rows:
        lang = answer_language(query, lang)
        match, answer = engine.answer(query, lang)
        outcome = match.outcome
        got = f"{outcome}:{match.entry.id if match.entry else '-'} ({match.score})"
        if scope == "in":
            score.in_total += 1
            if outcome == "answer" and has_facts(answer, facts):
                score.in_ok += 1
                continue
            if outcome == "answer":
                score.in_wrong += 1
            elif outcome == "ask_back":
                score.in_asked_back += 1
            else:
                score.in_declined += 1
                score.in_refused_out += outcome == "decline"
            score.misses.append(f"in    : {query!r} → {got}")
        elif scope == "nofact":
            score.nofact_total += 1
            if outcome in ("forward", "ask_back"):
                score.nofact_ok += 1
                continue
            if outcome == "answer" and match.entry is not None and engine.asks_config_details(match.entry.id, query):
                score.nofact_ok += 1
                score.config_passed_on += 1
                continue
            if outcome == "answer":
                score.nofact_answered += 1
            else:
                score.nofact_refused += 1
            score.misses.append(f"nofact: {query!r} → {got}")
        elif scope == "chat":
            score.chat_total += 1
            word = query.strip().lower()
            if outcome == "small_talk" or word in GREETING_COMMANDS:
                score.chat_ok += 1
                continue
            score.chat_wrong += outcome == "answer"
            score.misses.append(f"chat  : {query!r} → {got}")
        else:
            score.out_total += 1
            if outcome == "decline":
                score.out_ok += 1
                continue
            if outcome == "answer":
                score.out_wrong += 1
            else:
                score.out_forwarded += 1
            score.misses.append(f"out   : {query!r} → {got}")
    return score


def score_file(engine: FaqEngine, path: Path) -> Score:
    return score_rows(engine, read_rows(path))
