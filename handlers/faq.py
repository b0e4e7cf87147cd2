"""FAQ: the knowledge base, the matcher, and the conversation around it.

Matching: every entry's question variants, keywords and topic labels are normalised
(:mod:`handlers.nlp`) into canonical words weighted by IDF. A question scores against an entry
by how much of the question's information the entry explains (unknown words count against it,
so out-of-scope questions stay low) blended with its closest question variant (weighted
Jaccard). Below the threshold the bot says it does not know, offers the nearest topics and
records the question for the admins.
"""

from __future__ import annotations

import json
import math
import os
import re
import threading
import time
import tomllib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.messages import Button
from handlers.nlp import STOPWORDS, Vocabulary, raw_tokens

if TYPE_CHECKING:  # kept out of the import path of `psp-bot ask`, which must start fast
    from handlers.context import Context

ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")
TOPIC_LIMIT = 24  # WhatsApp list row titles
ANSWER_LIMIT = 1200  # one phone screen or two
LANGS = ("id", "en")

# Calibrated on shared/faq-dev-queries.tsv and tests/data/faq-queries.tsv (see BENCHMARKS.md).
THRESHOLD = 0.5
DOMAIN_THRESHOLD = 0.3
COVERAGE_WEIGHT = 0.6
SHORTLIST = 12


@dataclass(frozen=True)
class FaqEntry:
    """One topic of the knowledge base."""

    id: str
    topic: dict[str, str]
    questions: tuple[str, ...]
    keywords: tuple[str, ...]
    answer: dict[str, str]
    follow_up: tuple[str, ...] = ()


@dataclass(frozen=True)
class Match:
    """The matcher's verdict on one question."""

    entry: FaqEntry | None
    score: float
    suggestions: tuple[FaqEntry, ...] = ()
    in_domain: bool = False


class FaqError(Exception):
    """The knowledge base file is not valid; ``problems`` lists every problem."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def _text_list(item: dict[str, Any], key: str) -> tuple[str, ...]:
    value = item.get(key, [])
    if not isinstance(value, list):
        return ()
    return tuple(v.strip() for v in value if isinstance(v, str) and v.strip())


def parse_decline(data: dict[str, Any]) -> tuple[tuple[str, ...], ...]:
    """The ``[decline] phrases``: other programmes and topics the bot must not answer from PSP facts."""
    table = data.get("decline", {})
    phrases = table.get("phrases", []) if isinstance(table, dict) else []
    if not isinstance(phrases, list) or not all(isinstance(p, str) for p in phrases):
        raise FaqError(["[decline] phrases must be a list of texts"])
    return tuple(t for t in (tuple(raw_tokens(p)) for p in phrases) if t)


def parse_entries(data: dict[str, Any]) -> list[FaqEntry]:
    """Validate parsed TOML and build the entries; raises :class:`FaqError` listing every problem."""
    problems: list[str] = []
    raw = data.get("entry")
    if not isinstance(raw, list) or not raw:
        raise FaqError(["no [[entry]] tables"])
    entries: list[FaqEntry] = []
    seen: set[str] = set()
    for n, item in enumerate(raw, start=1):
        where = f"entry {n}"
        if not isinstance(item, dict):
            problems.append(f"{where}: not a table")
            continue
        entry_id = item.get("id")
        if not isinstance(entry_id, str) or not ID_RE.match(entry_id):
            problems.append(f"{where}: id {entry_id!r} must be lower-case letters, digits and dashes (max 40)")
            continue
        where = f"entry '{entry_id}'"
        if entry_id in seen:
            problems.append(f"{where}: duplicate id")
        seen.add(entry_id)
        topic, answer = {}, {}
        for lang in LANGS:
            label = item.get(f"topic_{lang}")
            text = item.get(f"answer_{lang}")
            if not isinstance(label, str) or not label.strip():
                problems.append(f"{where}: topic_{lang} is missing")
            elif len(label.strip()) > TOPIC_LIMIT:
                problems.append(f"{where}: topic_{lang} is longer than {TOPIC_LIMIT} characters")
            if not isinstance(text, str) or not text.strip():
                problems.append(f"{where}: answer_{lang} is missing or empty")
            elif len(text.strip()) > ANSWER_LIMIT:
                problems.append(f"{where}: answer_{lang} is longer than {ANSWER_LIMIT} characters")
            topic[lang] = label.strip() if isinstance(label, str) else ""
            answer[lang] = text.strip() if isinstance(text, str) else ""
        questions = _text_list(item, "questions")
        if not questions:
            problems.append(f"{where}: needs at least one question")
        unknown = set(item) - {"id", "questions", "keywords", "follow_up"} - {f"{k}_{lang}" for k in ("topic", "answer") for lang in LANGS}
        if unknown:
            problems.append(f"{where}: unknown keys {sorted(unknown)}")
        entries.append(FaqEntry(entry_id, topic, questions, _text_list(item, "keywords"), answer, _text_list(item, "follow_up")))
    for entry in entries:
        for target in entry.follow_up:
            if target not in seen:
                problems.append(f"entry '{entry.id}': follow_up {target!r} does not exist")
    if problems:
        raise FaqError(problems)
    return entries


def load_file(path: Path) -> tuple[list[FaqEntry], tuple[tuple[str, ...], ...]]:
    """Read and validate the knowledge base file: its entries and decline phrases."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise FaqError([f"{path}: not valid TOML ({exc})"]) from None
    return parse_entries(data), parse_decline(data)


@dataclass
class _Index:
    entries: list[FaqEntry]
    vocab: Vocabulary
    idf: dict[str, float]
    unknown_idf: float
    postings: dict[str, list[int]]
    entry_words: list[frozenset[str]]
    variants: list[list[frozenset[str]]]
    decline: tuple[tuple[str, ...], ...] = ()
    by_id: dict[str, FaqEntry] = field(default_factory=dict)


def _content(words: list[str]) -> list[str]:
    return [w for w in words if w not in STOPWORDS and (len(w) > 1 or w.isdigit())]


class FaqEngine:
    """Answers questions from the knowledge base; reloads itself when the file changes."""

    def __init__(self, entries: list[FaqEntry], path: Path | None = None, decline: tuple[tuple[str, ...], ...] = ()) -> None:
        self.path = path
        self._mtime = path.stat().st_mtime if path is not None else 0.0
        self._checked = time.monotonic()
        self._lock = threading.Lock()
        self._index = self._build(entries, decline)

    @classmethod
    def from_file(cls, path: Path) -> FaqEngine:
        """Load and index the knowledge base at ``path``."""
        entries, decline = load_file(path)
        return cls(entries, path, decline)

    @property
    def entries(self) -> list[FaqEntry]:
        """The entries, in file order."""
        return self._index.entries

    def get(self, entry_id: str) -> FaqEntry | None:
        """The entry with this id."""
        return self._index.by_id.get(entry_id)

    # -- index ---------------------------------------------------------------------------

    @staticmethod
    def _build(entries: list[FaqEntry], decline: tuple[tuple[str, ...], ...] = ()) -> _Index:
        texts = [[*e.questions, *e.keywords, *e.topic.values()] for e in entries]
        raw_words = {w for parts in texts for part in parts for w in _content(raw_tokens(part))}
        vocab = Vocabulary(raw_words)

        def canon(text: str) -> frozenset[str]:
            return frozenset(vocab.canonical(w) for w in _content(raw_tokens(text)))

        variants = [[canon(q) for q in e.questions] for e in entries]
        entry_words = [frozenset().union(*(canon(p) for p in parts)) for parts in texts]
        df: dict[str, int] = defaultdict(int)
        postings: dict[str, list[int]] = defaultdict(list)
        for i, words in enumerate(entry_words):
            for w in words:
                df[w] += 1
                postings[w].append(i)
        n = len(entries)
        idf = {w: math.log(1 + n / d) for w, d in df.items()}
        return _Index(
            entries=entries,
            vocab=vocab,
            idf=idf,
            unknown_idf=math.log(1 + n) * 1.2,  # a word the base never uses weighs more than its rarest word
            postings=dict(postings),
            entry_words=entry_words,
            variants=variants,
            decline=decline,
            by_id={e.id: e for e in entries},
        )

    def reload(self) -> int:
        """Re-read the file now; on a bad file keep the current base and raise :class:`FaqError`."""
        if self.path is None:
            return len(self.entries)
        entries, decline = load_file(self.path)
        index = self._build(entries, decline)
        with self._lock:
            self._index = index
            self._mtime = self.path.stat().st_mtime
        return len(entries)

    def maybe_reload(self, every: float = 2.0) -> bool:
        """Reload when the file changed (checked at most every ``every`` seconds); never raises."""
        if self.path is None or time.monotonic() - self._checked < every:
            return False
        self._checked = time.monotonic()
        try:
            if os.stat(self.path).st_mtime == self._mtime:
                return False
            self.reload()
            return True
        except (OSError, FaqError):
            return False

    # -- matching ------------------------------------------------------------------------

    def words(self, text: str) -> list[str]:
        """The canonical content words of a question (after slang, typos and joined words)."""
        index = self._index
        vocab = index.vocab
        out: list[str] = []
        for word in _content(raw_tokens(text)[:60]):
            canonical = vocab.canonical(word)
            if canonical in index.idf:
                out.append(canonical)
                continue
            parts = vocab.split_joined(word)
            if parts:
                out.extend(vocab.canonical(p) for p in parts)
                continue
            corrected = vocab.correct(word)
            out.append(vocab.canonical(corrected) if corrected else word)
        return list(dict.fromkeys(out))

    def match(self, text: str) -> Match:
        """Score ``text`` against every entry sharing a word with it."""
        index = self._index
        if index.decline:
            typed = raw_tokens(text)
            for phrase in index.decline:
                n = len(phrase)
                if any(tuple(typed[i : i + n]) == phrase for i in range(len(typed) - n + 1)):
                    return Match(None, 0.0)
        query = self.words(text)
        if not query:
            return Match(None, 0.0)
        # An unknown number (an age, a year) says less about the topic than an unknown word.
        weights = {w: index.idf.get(w, index.unknown_idf / (2 if w.isdigit() else 1)) for w in query}
        total = sum(weights.values())
        candidates = {i for w in query for i in index.postings.get(w, ())}
        if not candidates:
            return Match(None, 0.0)
        # Coverage first (cheap); the variant similarity only for the entries that can still win.
        coverage = {i: sum(weights[w] for w in query if w in index.entry_words[i]) / total for i in candidates}
        shortlist = sorted(candidates, key=lambda i: (-coverage[i], i))[:SHORTLIST]
        qset = frozenset(query)
        scored: list[tuple[float, int]] = []
        for i in shortlist:
            best_variant = 0.0
            for variant in index.variants[i]:
                inter = sum(weights[w] for w in qset & variant)
                whole = total + sum(index.idf.get(w, 0.0) for w in variant - qset)
                best_variant = max(best_variant, inter / whole)
            scored.append((COVERAGE_WEIGHT * coverage[i] + (1 - COVERAGE_WEIGHT) * best_variant, i))
        if not scored:
            return Match(None, 0.0)
        scored.sort(key=lambda s: (-s[0], s[1]))
        best_score, best = scored[0]
        known = sum(weights[w] for w in query if w in index.idf) / total
        in_domain = known >= DOMAIN_THRESHOLD or best_score >= DOMAIN_THRESHOLD
        if best_score >= THRESHOLD:
            return Match(index.entries[best], round(best_score, 4), in_domain=True)
        suggestions = tuple(index.entries[i] for s, i in scored[:3] if s >= 0.15)
        return Match(None, round(best_score, 4), suggestions if in_domain else (), in_domain)

    def answer(self, text: str, lang: str) -> tuple[Match, str]:
        """The match and the text the bot would say (``not_found`` templates filled by the caller)."""
        match = self.match(text)
        return match, match.entry.answer.get(lang, match.entry.answer["id"]) if match.entry else ""


# -- conversation --------------------------------------------------------------------------


def _topic_buttons(ctx: Context, entries: list[FaqEntry] | tuple[FaqEntry, ...]) -> list[list[Button]]:
    return [[Button(e.topic.get(ctx.lang, e.topic["id"]), f"faq:{e.id}")] for e in entries]


def not_found_text(lang_t: Any, match: Match) -> str:
    """What the bot says when it has no answer (``lang_t`` is a translate function)."""
    if match.in_domain:
        return lang_t("faq.not_sure" if match.suggestions else "faq.unknown")
    return lang_t("faq.out_of_scope")


async def show_entry(ctx: Context, entry: FaqEntry) -> None:
    """Say an entry's answer with its follow-up topics."""
    engine = ctx.services.faq
    follow = [f for f in (engine.get(i) for i in entry.follow_up) if f is not None] if engine else []
    buttons = _topic_buttons(ctx, follow[:3])
    buttons.append([ctx.button("menu.back_to_menu", "menu")])
    ctx.say(entry.answer.get(ctx.lang) or entry.answer["id"], buttons)


async def answer_question(ctx: Context, text: str) -> None:
    """Free text: the best answer, or "belum tahu" with the nearest topics and the question recorded."""
    engine = ctx.services.faq
    assert engine is not None
    engine.maybe_reload()
    match = engine.match(text)
    outcome = "answered" if match.entry else ("unknown" if match.in_domain else "out_of_scope")
    ctx.services.metrics.faq.labels(outcome).inc()
    if match.entry is not None:
        await show_entry(ctx, match.entry)
        return
    from models.questions import record_question

    group_key = " ".join(sorted(engine.words(text))) or text.strip().lower()
    await record_question(ctx.session, ctx.contact.id, text, ctx.lang, match.in_domain, ctx.services.clock.now(), group_key)
    buttons = _topic_buttons(ctx, match.suggestions)
    buttons.append([ctx.button("menu.back_to_menu", "menu")])
    ctx.say(not_found_text(ctx.t, match), buttons)


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
    ctx.say(ctx.t("faq.ask_prompt"), _topic_buttons(ctx, popular))


async def show_topic(ctx: Context, arg: str) -> None:
    """Button ``faq:<id>``: the answer of that topic."""
    engine = ctx.services.faq
    entry = engine.get(arg) if engine else None
    if entry is None:
        ctx.say(ctx.t("button.expired"), [[ctx.button("menu.back_to_menu", "menu")]])
        return
    await show_entry(ctx, entry)


def ask_json(engine: FaqEngine, text: str, lang: str, translate: Any) -> str:
    """``psp-bot ask --json`` output: ``{"faq_id", "score", "answer"}``."""
    match, answer = engine.answer(text, lang)
    if match.entry is None:
        answer = not_found_text(translate, match)
    return json.dumps({"faq_id": match.entry.id if match.entry else None, "score": match.score, "answer": answer}, ensure_ascii=False)
