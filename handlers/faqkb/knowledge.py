"""The knowledge base file: entries, decline phrases, validation and the fact audit.

``load_file`` checks the structure (every problem listed at once). ``audit_sources`` checks the
content against the documents the answers rest on: an answer may cite a decree number or a date
only when a source its entry names holds it, so a number never enters the bot from memory.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from handlers.faqkb.normalise import raw_tokens
from handlers.faqkb.patterns import ascii_re

ID_RE = ascii_re(r"^[a-z0-9][a-z0-9-]{0,39}$")
COMMAND_RE = ascii_re(r"^[a-z]{2,32}$")
TOPIC_LIMIT = 24  # WhatsApp list row titles
ANSWER_LIMIT = 1200  # one phone screen or two
LANGS = ("id", "en")
KEYS = {"id", "questions", "keywords", "follow_up", "sources", "forward", "command"} | {f"{k}_{lang}" for k in ("topic", "answer") for lang in LANGS}


@dataclass(frozen=True)
class FaqEntry:
    """One topic of the knowledge base.

    ``forward``: the sources hold no fact for this question (fees, certificates…); the answer
    says so and the question is passed to the PMO team like an unanswered one.
    ``command``: a bot command the answer tells how to use (``hapusdata``): shown as a button too.
    """

    id: str
    topic: dict[str, str]
    questions: tuple[str, ...]
    keywords: tuple[str, ...]
    answer: dict[str, str]
    follow_up: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    forward: bool = False
    command: str = ""
    # more ways people ask, from the examples file (see ``load_examples``): they teach the matcher
    # wording, but unlike ``questions`` they do not define what the topic is about
    examples: tuple[str, ...] = ()
    # questions close to this topic asking a detail its answer and the sources lack ("siapa
    # moderator bimtek hari ketiga"): such a question is forwarded, not answered with the topic
    lacks: tuple[str, ...] = ()


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


def _parse_entry(item: dict[str, Any], where: str, problems: list[str]) -> FaqEntry | None:
    entry_id = item.get("id")
    if not isinstance(entry_id, str) or not ID_RE.match(entry_id):
        problems.append(f"{where}: id {entry_id!r} must be lower-case letters, digits and dashes (max 40)")
        return None
    where = f"entry '{entry_id}'"
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
    unknown = set(item) - KEYS
    if unknown:
        problems.append(f"{where}: unknown keys {sorted(unknown)}")
    forward = item.get("forward", False)
    if not isinstance(forward, bool):
        problems.append(f"{where}: forward must be true or false")
        forward = False
    command = item.get("command", "")
    if not isinstance(command, str) or (command and not COMMAND_RE.match(command)):
        problems.append(f'{where}: command must be a command name without the slash (e.g. "jadwal")')
        command = ""
    elif command and f"/{command}" not in answer["id"]:
        problems.append(f"{where}: answer_id should tell how to use /{command}")
    return FaqEntry(
        entry_id, topic, questions, _text_list(item, "keywords"), answer, _text_list(item, "follow_up"), _text_list(item, "sources"), forward, command
    )


def parse_entries(data: dict[str, Any]) -> list[FaqEntry]:
    """Validate parsed TOML and build the entries; raises :class:`FaqError` listing every problem."""
    problems: list[str] = []
    raw = data.get("entry")
    if not isinstance(raw, list) or not raw:
        raise FaqError(["no [[entry]] tables"])
    entries: list[FaqEntry] = []
    seen: set[str] = set()
    for n, item in enumerate(raw, start=1):
        if not isinstance(item, dict):
            problems.append(f"entry {n}: not a table")
            continue
        entry = _parse_entry(item, f"entry {n}", problems)
        if entry is None:
            continue
        if entry.id in seen:
            problems.append(f"entry '{entry.id}': duplicate id")
        seen.add(entry.id)
        entries.append(entry)
    for entry in entries:
        for target in entry.follow_up:
            if target not in seen:
                problems.append(f"entry '{entry.id}': follow_up {target!r} does not exist")
    if problems:
        raise FaqError(problems)
    return entries


@dataclass(frozen=True)
class KnowledgeBase:
    """The parsed file: entries, decline phrases, and the domain's words."""

    entries: list[FaqEntry]
    decline: tuple[tuple[str, ...], ...] = ()
    domain: tuple[tuple[str, ...], ...] = ()
    examples_path: Path | None = None  # the examples file the entries' ``examples`` came from


def parse_domain(data: dict[str, Any]) -> tuple[tuple[str, ...], ...]:
    """The ``[domain] words``: words and phrases only a question about PSP uses ("bimtek", "sekolah penggerak").

    A question with none of them that no entry answers is declined as off-topic, not queued.
    """
    table = data.get("domain", {})
    words = table.get("words", []) if isinstance(table, dict) else []
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise FaqError(["[domain] words must be a list of texts"])
    return tuple(t for t in (tuple(raw_tokens(w)) for w in words) if t)


EXAMPLE_LIMIT = 500  # characters of one example message


def examples_file(data: dict[str, Any], path: Path) -> Path | None:
    """The ``[examples] file`` the knowledge base names, relative to the knowledge base's own folder."""
    table = data.get("examples", {})
    name = table.get("file") if isinstance(table, dict) else None
    if name is None:
        return None
    if not isinstance(name, str) or not name.strip() or Path(name).is_absolute() or ".." in Path(name).parts:
        raise FaqError(['[examples] file must be a file name beside the knowledge base (e.g. "faq-examples.tsv")'])
    return path.parent / name.strip()


def load_examples(path: Path, entries: list[FaqEntry]) -> list[FaqEntry]:
    """The entries with the examples of ``path`` attached.

    One message per line: ``<entry id><TAB><message>``, or ``!<entry id><TAB><message>`` for a
    question close to that topic whose answer the sources lack; blank lines and lines starting
    with ``#`` are skipped. Raises :class:`FaqError` listing every bad line (an unknown id, a
    missing tab, an overlong message) so a typo never silently drops what it was meant to teach.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise FaqError([f"{path.name}: cannot be read ({exc})"]) from None
    known = {e.id for e in entries}
    found: dict[tuple[bool, str], list[str]] = {}
    problems: list[str] = []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        entry_id, tab, message = line.partition("\t")
        entry_id, message = entry_id.strip(), " ".join(message.split())
        lacking = entry_id.startswith("!")
        entry_id = entry_id.removeprefix("!")
        if not tab or not message:
            problems.append(f"{path.name} line {n}: needs an entry id, a tab, then the message")
        elif entry_id not in known:
            problems.append(f"{path.name} line {n}: no entry has the id {entry_id!r}")
        elif len(message) > EXAMPLE_LIMIT:
            problems.append(f"{path.name} line {n}: message longer than {EXAMPLE_LIMIT} characters")
        else:
            found.setdefault((lacking, entry_id), []).append(message)
    if problems:
        raise FaqError(problems)
    return [
        replace(e, examples=tuple(dict.fromkeys(found.get((False, e.id), ()))), lacks=tuple(dict.fromkeys(found.get((True, e.id), ()))))
        for e in entries
    ]


def load_file(path: Path) -> KnowledgeBase:
    """Read and validate the knowledge base file (and the examples file it names)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise FaqError([f"{path}: not valid TOML ({exc})"]) from None
    entries = parse_entries(data)
    examples = examples_file(data, path)
    if examples is not None:
        entries = load_examples(examples, entries)
    return KnowledgeBase(entries, parse_decline(data), parse_domain(data), examples)


# -- fact audit ---------------------------------------------------------------------------

# A source reference in an entry's ``sources``: "facts D" (a section of psp-facts.md), "seed"
# (the Disdikpora news item), "config" (the operator's settings, e.g. /jadwal), "bot" (what
# this bot itself does). Only the first two are documents a number can be checked against.
SOURCE_RE = ascii_re(r"^(?:facts [A-G]|seed|config|bot)$")
DECREE_RE = ascii_re(r"\b\d{2,4}/M/\d{4}\b")
YEAR_RE = ascii_re(r"(?<![\d/.,])(?:19|20)\d{2}(?![\d])")
_MONTHS = {
    "jan": 1, "januari": 1, "january": 1, "feb": 2, "februari": 2, "february": 2, "mar": 3, "maret": 3, "march": 3,
    "apr": 4, "april": 4, "mei": 5, "may": 5, "jun": 6, "juni": 6, "june": 6, "jul": 7, "juli": 7, "july": 7,
    "agu": 8, "agustus": 8, "aug": 8, "august": 8, "sep": 9, "september": 9, "okt": 10, "oktober": 10, "oct": 10,
    "october": 10, "nov": 11, "november": 11, "des": 12, "desember": 12, "dec": 12, "december": 12,
}  # fmt: skip
_MONTH = "(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b"
_RANGE_RE = ascii_re(r"\b(\d{1,2})\s*(?:[–-]|s\.\s?d\.|s/d|sampai|to)\s*(\d{1,2})\s+" + _MONTH, re.IGNORECASE)
_DAY_RE = ascii_re(r"\b(\d{1,2})\s+" + _MONTH, re.IGNORECASE)
PHONE_RE = ascii_re(r"(?:\+62|\b0)[\d\s-]{8,}\d")
LINK_RE = ascii_re(r"\b(?:https?://\S+|www\.\S+|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:id|com|org|net|go\.id)\b)", re.IGNORECASE)
# Spellings the KBBI does not accept, and the standard form.
NON_STANDARD = {"menghimbau": "mengimbau", "dihimbau": "diimbau", "himbauan": "imbauan", "aktifitas": "aktivitas", "ijin": "izin"}


def dates_in(text: str) -> set[tuple[int, int]]:
    """Every (day, month) a text names, both ends of ranges like ``8–11 Maret`` included."""
    found = {(int(d), _MONTHS[m.lower()]) for d, m in _DAY_RE.findall(text)}
    for first, _last, month in _RANGE_RE.findall(text):
        found.add((int(first), _MONTHS[month.lower()]))
    return found


def source_sections(facts: str) -> dict[str, str]:
    """psp-facts.md cut into its lettered ``## X.`` sections (a letter used twice is joined)."""
    sections: dict[str, str] = {}
    current = ""
    for line in facts.splitlines():
        heading = re.match(r"^## ([A-Z])\.", line)
        if heading:
            current = heading.group(1)
        if current:
            sections[current] = sections.get(current, "") + line + "\n"
    return sections


def audit_sources(entries: list[FaqEntry], facts: str, seed: str, bot: str = "") -> list[str]:
    """Problems where an answer says more than its sources: decrees, dates, phone numbers or links they do not hold.

    ``bot`` is what the bot itself tells people (its locale texts): an answer citing "bot" may
    repeat what the bot's own notices state (the privacy notice names UU No. 27 Tahun 2022).
    Also flags entries without ``sources`` and non-standard spellings (KBBI).
    """
    sections = source_sections(facts)
    problems: list[str] = []
    for entry in entries:
        where = f"entry '{entry.id}'"
        if not entry.sources:
            problems.append(f'{where}: add sources (e.g. "facts D", "seed", "config", "bot")')
        bad = [s for s in entry.sources if not SOURCE_RE.match(s)]
        if bad:
            problems.append(f"{where}: unknown sources {bad}; use 'facts A'…'facts G', 'seed', 'config' or 'bot'")
        cited = "\n".join(seed if s == "seed" else sections.get(s[-1], "") for s in entry.sources if s.startswith("facts") or s == "seed")
        if "bot" in entry.sources:
            cited += "\n" + bot
        cited_dates = dates_in(cited)
        cited_years = set(YEAR_RE.findall(cited))
        for lang, text in entry.answer.items():
            for decree in DECREE_RE.findall(text):
                if decree not in cited:
                    problems.append(f"{where}: answer_{lang} cites decree {decree}, which its sources do not hold")
            plain = DECREE_RE.sub(" ", text)
            for day, month in sorted(dates_in(plain) - cited_dates):
                problems.append(f"{where}: answer_{lang} names the date {day}/{month}, which its sources do not hold")
            for year in sorted(set(YEAR_RE.findall(plain)) - cited_years):
                problems.append(f"{where}: answer_{lang} names the year {year}, which its sources do not hold")
            for phone in PHONE_RE.findall(text):
                problems.append(f"{where}: answer_{lang} gives the number {phone.strip()}; numbers come from the config, not the FAQ")
            for link in LINK_RE.findall(text):
                if link.lower() not in cited.lower():
                    problems.append(f"{where}: answer_{lang} gives the address {link}, which its sources do not hold")
            words = set(re.findall(r"[a-z]+", text.lower()))
            for wrong in sorted(words & NON_STANDARD.keys()):
                problems.append(f"{where}: answer_{lang} spells '{wrong}'; KBBI: '{NON_STANDARD[wrong]}'")
    return problems
