"""The FAQ matcher: which entry of the knowledge base answers a question, and how surely.

Every entry's question variants, keywords and topic labels are normalised
(:mod:`handlers.faqkb.normalise`) into canonical words weighted by IDF. A question scores against
an entry by how much of the question's information the entry explains (unknown words count
against it, so out-of-scope questions stay low) blended with its closest question variant
(weighted Jaccard). Below the threshold the caller says it does not know.
"""

from __future__ import annotations

import bisect
import heapq
import json
import logging
import math
import os
import pickle
import re
import subprocess
import sys
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from bot.config import BULELENG_KECAMATAN
from handlers.faqkb import lexicon
from handlers.faqkb.affixes import stem_candidates
from handlers.faqkb.knowledge import FaqEntry, FaqError, KnowledgeBase, load_file
from handlers.faqkb.language import question_language
from handlers.faqkb.normalise import (
    ABBREVIATIONS,
    ASKING_RE,
    BALINESE,
    KECAMATAN_NAMES,
    MONTH_NAMES,
    MONTH_WORDS,
    NUMBERED,
    RELAYED_RE,
    ROMAN,
    STOPWORD_SKELETONS,
    STOPWORDS,
    SYNONYMS,
    Vocabulary,
    clauses,
    clock_words,
    english_bases,
    english_shorthand,
    english_typo,
    expand,
    fold,
    join_dictated,
    month_name,
    name_programme,
    numbered_pairs,
    raw_tokens,
    skeleton,
    spelled_abbreviations,
    spoken_dates,
    tokens,
    without_addressee,
    without_hearsay,
    without_interjections,
    without_relay,
    without_where_heard,
)
from handlers.faqkb.patterns import ascii_re
from handlers.faqkb.smalltalk import ADDRESS, GREETED, NAMES, courtesy, introduction, small_talk, thanks_with_news

# Calibrated on shared/faq-dev-queries.tsv and tests/data/faq-queries.tsv (see BENCHMARKS.md).
THRESHOLD = 0.5
DOMAIN_THRESHOLD = 0.4
COVERAGE_WEIGHT = 0.6
SHORTLIST = 10
ANSWER_WEIGHT = 0.6
SUGGEST_THRESHOLD = 0.15
CLAUSE_WORDS = 4  # a message with this many words may hold context besides its question
KIND_MARGIN = 0.05
KIND_STRONG_MARGIN = 0.3  # …unless it uses this much less of the message's own words (its questions and keywords)
EXACT_SCORE = 0.95  # a clause this near a topic's way of asking is that question, generic words or not
REGENCIES_MARGIN = 0.2  # "Buleleng sama Badung …": a topic naming both regencies compared this near the best answers it
HEAD_MARGIN = 0.15  # "tujuan … itu apa": a topic about the thing asked this near the best answers it
WHEN_SHARE = 0.5  # a topic at least this share of whose ways of asking ask "kapan" is about when something happens
WHEN_MARGIN = 0.25  # "pendaftaran psp kapan": such a topic this near the best answers a "when" its generic rivals cannot
MAX_CLAUSES = 3
ALSO_WORDS = 4  # a message this long may ask two things
CLEAR_THRESHOLD = 0.4
CLEAR_MARGIN = 0.1
LACKING_NEAR = 0.75  # unsure of the best topic: a lacking detail's topic must score this near it
ANCHOR_MISMATCH = 0.85  # a topic every question of which names a programme word ("bimtek") the message lacks
MONTH_MISMATCH = 0.85  # a topic whose answer does not name the month asked about
NUMBER_MISMATCH = 0.7  # a topic about another stage than the one asked (or a lacking detail not named) keeps this much
SPECIFIC_SHARE = 8  # a word at most one entry in eight uses (IDF log(1 + 8)) names a topic of its own
CLEAR_STRONG = 0.3  # …and the winner's own questions and keywords (not only its answer) explain this much
HOW_MARGIN = 0.15  # "how can a principal register": a topic about how it is done this near a "who" topic answers it
TIE_MARGIN = 0.01  # best and second best this close, …
TIE_HIGH = 0.6  # …and the best below this: ask back with both rather than pick one
OFFICE_ONLY_FLOOR = 0.3  # a message naming only an office (the Disdikpora) is about PSP from this score on
LACKS_NEAR = 0.5  # as near (weighted Jaccard) a question the topic is known not to answer: forwarded, not answered


@dataclass(frozen=True)
class Match:
    """The matcher's verdict on one message.

    Exactly one ``outcome``: ``answer`` (confident), ``ask_back`` (not sure: 2–3 topics to pick),
    ``forward`` (about PSP but nothing to say: passed to the PMO team), ``decline`` (not about
    PSP), ``small_talk`` (a greeting, thanks…: ``small_talk`` says which) or ``number`` (a lone
    number with no menu open).
    """

    entry: FaqEntry | None
    score: float
    suggestions: tuple[FaqEntry, ...] = ()
    in_domain: bool = False
    small_talk: str | None = None
    lone_number: bool = False
    also: FaqEntry | None = None  # a second topic the same message asks about, offered as a button
    english: bool | None = None  # the question reads as English (None: not looked at, e.g. small talk)

    @property
    def outcome(self) -> str:
        """What the bot does with the message (see the class docstring)."""
        if self.small_talk:
            return "small_talk"
        if self.lone_number:
            return "number"
        if self.entry is not None:
            return "forward" if self.entry.forward else "answer"
        if self.suggestions:
            return "ask_back"
        return "forward" if self.in_domain else "decline"

    @property
    def queued(self) -> bool:
        """Whether the question goes to the PMO team's list (/pertanyaan)."""
        return self.outcome in ("ask_back", "forward")


@dataclass
class _Index:
    entries: list[FaqEntry]
    vocab: Vocabulary
    idf: dict[str, float]
    unknown_idf: float
    postings: dict[str, list[int]]  # word → entries whose questions, keywords or topics use it
    weak_postings: dict[str, list[int]]  # word → entries whose answer or examples alone use it
    entry_words: list[frozenset[str]]
    answer_words: list[frozenset[str]]
    # canonical words of each question variant and example (a sorted tuple: thousands of them, a
    # tuple is a third of a set's size), their IDF mass
    variants: list[list[tuple[Words, float]]]
    lacks: list[list[tuple[Words, float]]]  # …of each question near the entry that its answer does not answer
    # each entry's variants by the specific words they use (IDF ≥ specific_idf): the variants a question can be near
    variant_postings: list[dict[str, Sequence[int]]]
    decline: tuple[tuple[str, ...], ...] = ()
    decline_by_first: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)
    compared: re.Pattern[str] | None = None  # another programme named only to compare ("… kayak guru penggerak")
    domain: tuple[frozenset[str], ...] = ()
    by_id: dict[str, FaqEntry] = field(default_factory=dict)
    # word → the forward entries (facts the sources lack) that alone use it: "sertifikat", "narasumber"
    lacking: dict[str, tuple[int, ...]] = field(default_factory=dict)
    numbers: list[frozenset[tuple[str, str]]] = field(default_factory=list)  # each entry's "tahap 2", "angkatan 3"
    number_words: list[frozenset[str]] = field(default_factory=list)  # …and the words numbered ("tahap")
    keyword_words: list[frozenset[str]] = field(default_factory=list)
    months: list[frozenset[str]] = field(default_factory=list)  # the months each answer names
    years: list[frozenset[str]] = field(default_factory=list)  # the years each answer names ("2022")
    answer_places: list[frozenset[str]] = field(default_factory=list)  # the regency and kecamatan each answer names
    answer_regencies: list[frozenset[str]] = field(default_factory=list)  # the regencies of Bali each answer names
    answer_cohorts: list[frozenset[str]] = field(default_factory=list)  # the cohorts each answer names ("*": others too)
    # the programme words every question of an entry uses ("bimtek" for the Bimtek's topics), "psp" aside
    anchors: list[frozenset[str]] = field(default_factory=list)
    anchor_words: frozenset[str] = frozenset()
    # the [domain] phrases that name the programme itself ("psp", "bimtek", "sekolah penggerak"),
    # not an ordinary word it shares with other things ("seleksi", "angkatan", "komite")
    programme: tuple[frozenset[str], ...] = ()
    offices: frozenset[str] = frozenset()  # OFFICE_WORDS as the index reads them
    specific_idf: float = 0.0  # a word this rare names a topic of its own
    # examples that teach nothing and are left out: (entry id, example, why)
    left_out: tuple[tuple[str, str, str], ...] = ()
    when_topics: frozenset[int] = frozenset()  # the entries about when something happens (WHEN_SHARE)
    # entry id → the words of each answer sentence saying the sources name no such thing (filled when first needed)
    silent: dict[str, list[frozenset[str]]] = field(default_factory=dict)
    commands: frozenset[str] = frozenset()  # the bot's commands the knowledge base names ("rekap" for /rekap)
    known: frozenset[str] = frozenset()  # the base's words and the abbreviation table's (FaqEngine._known): every word is looked up

    def __reduce__(self) -> tuple[type[_Index], tuple[object, ...]]:
        # Pickled in index_apart. Compiled to C, a class is unpickled by calling it with no
        # arguments: its fields go to the constructor instead, in order.
        return _Index, tuple(getattr(self, f.name) for f in fields(self))


Words = tuple[str, ...]  # a variant's canonical words, sorted

# Entries by score (best first), the word weights, each entry's coverage by its own questions and keywords.
_Scored = tuple[list[tuple[float, int]], dict[str, float], list[float]]
QUESTION_WORDS = frozenset(
    "apa apakah siapa kapan bagaimana berapa dimana kemana darimana mana bisa boleh what when who how which where can whats whos hows wheres whens "
    "napi punapi kenken sira pidan kuda dija".split()
)


def _content(words: list[str]) -> list[str]:
    return [w for w in words if w not in STOPWORDS and (len(w) > 1 or w.isdigit())]


log = logging.getLogger(__name__)
INDEX_APART_TIMEOUT = 120.0  # seconds a child process may take to index the knowledge base
# What the child runs: a module imported by its name, so the index pickles as handlers.faqkb.matcher._Index.
_INDEX_CHILD = "import sys; from handlers.faqkb.matcher import index_to_stdout; index_to_stdout(sys.argv[1])"


def index_to_stdout(path: str) -> None:
    """In the child process: read and index ``path``; write the result (or why not) pickled to stdout."""
    try:
        base = load_file(Path(path))
        result: tuple[Any, ...] = ("ok", FaqEngine._build(base), base.examples_path)
    except FileNotFoundError as exc:
        result = ("missing", str(exc))
    except FaqError as exc:
        result = ("invalid", exc.problems)
    sys.stdout.buffer.write(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))


def index_apart(path: Path) -> tuple[_Index, KnowledgeBase]:
    """Read and index ``path`` in a child process; raises like :func:`load_file` for a missing or bad file.

    When no child process can do it (none can be started, it crashed or took too long), this
    process does it, and says so in the log.
    """
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    try:
        done = subprocess.run([sys.executable, "-c", _INDEX_CHILD, str(path)], capture_output=True, env=env, timeout=INDEX_APART_TIMEOUT, check=False)
        result = pickle.loads(done.stdout) if done.returncode == 0 else None
        why = "" if result is not None else (done.stderr.decode(errors="replace").strip().splitlines() or ["no output"])[-1]
    except (OSError, subprocess.SubprocessError, pickle.UnpicklingError, EOFError, TypeError, AttributeError, ImportError) as exc:
        result, why = None, repr(exc)
    if result is None:
        log.warning("indexing the knowledge base in a child process failed (%s): indexing it here", why)
        base = load_file(path)
        return FaqEngine._build(base), base
    if result[0] == "missing":
        raise FileNotFoundError(result[1])
    if result[0] == "invalid":
        raise FaqError(result[1])
    index: _Index = result[1]
    return index, KnowledgeBase(index.entries, examples_path=result[2])


def _numbers_told_apart(folded: str, asking: str) -> frozenset[tuple[str, str]]:
    """The numbered things of the sentence that asks, when every other sentence naming one only tells (else none).

    "temen tiang … udah selesai tahap 2 PSP dan skrg nunggu hasil. pleno kelulusan angkatan 3 itu kapan nggih": cohort III,
    not stage 2 (but not "Pengumuman tahap 1 … tanggal berapa, trus tahap 2 mulai kapan?", one sentence asking of both).
    """
    own: frozenset[tuple[str, str]] = frozenset()
    told = False
    for sentence in _SENTENCE_END_RE.split(folded):
        pairs = numbered_pairs(expand(tokens(sentence, folded=True)))
        if not pairs:
            continue
        if asking in sentence:
            own = pairs
        elif _asks(sentence):
            return frozenset()
        else:
            told = True
    return own if told else frozenset()


def _ahead(scored: list[tuple[float, int]]) -> bool:
    """Whether the best topic is clearly ahead of the second (or alone)."""
    return len(scored) < 2 or scored[0][0] - scored[1][0] >= CLEAR_MARGIN


def _question_breaks_tie(parts: list[tuple[list[str], _Scored, bool, str]] | None, best: int, second: int) -> bool:
    """Whether the one clause that asks picks ``best`` with ``second`` a clear margin behind it.

    "… sy kepsek TK swasta di Singaraja. surat keterangan sisa masa jabatan utk sekolah swasta itu yg ngeluarin siapa?": the
    whole message ties the letter's topic with private schools'; the question alone does not.
    """
    asking = [found for _, found, asks, _ in parts or () if asks and found[0]]
    if len(asking) != 1 or asking[0][0][0][1] != best:
        return False
    top = asking[0][0]
    return top[0][0] - next((score for score, i in top if i == second), 0.0) >= CLEAR_MARGIN


def _clear(scored: list[tuple[float, int]]) -> bool:
    """Whether the best topic is confident and clearly ahead of the second."""
    return scored[0][0] >= THRESHOLD and _ahead(scored)


class FaqEngine:
    """Answers questions from the knowledge base; reloads itself when the file changes."""

    def __init__(self, base: KnowledgeBase, path: Path | None = None, *, apart: bool = False, index: _Index | None = None) -> None:
        self.path = path
        self._apart = apart  # reloads index in a child process too
        self._examples = base.examples_path
        self._mtime = self._stamp()
        self._checked = time.monotonic()
        self._lock = threading.Lock()
        self._index = index if index is not None else self._build(base)

    def _stamp(self) -> tuple[float, ...]:
        """When the knowledge base and its examples file last changed (either one changing reloads)."""
        return tuple(os.stat(p).st_mtime if p.exists() else 0.0 for p in (self.path, self._examples) if p is not None)

    @classmethod
    def from_file(cls, path: Path, *, apart: bool = False) -> FaqEngine:
        """Load and index the knowledge base at ``path``.

        ``apart`` (the running bot): read and index it in a child process and keep only the
        finished index. Reading thousands of examples leaves several MB of freed but still held
        memory in the process that does it; the index alone takes about 2 MB (BENCHMARKS.md, Memory).
        """
        if not apart:
            return cls(load_file(path), path)
        index, base = index_apart(path)
        return cls(base, path, apart=True, index=index)

    @property
    def entries(self) -> list[FaqEntry]:
        """The entries, in file order."""
        return self._index.entries

    @property
    def left_out(self) -> tuple[tuple[str, str, str], ...]:
        """The examples that teach nothing and were left out: (entry id, example, why)."""
        return self._index.left_out

    def get(self, entry_id: str) -> FaqEntry | None:
        """The entry with this id."""
        return self._index.by_id.get(entry_id)

    # -- index ---------------------------------------------------------------------------

    @staticmethod
    def _build(base: KnowledgeBase) -> _Index:
        """The index: first of the entries alone, then with the examples read by it.

        An example is read the way a person's message is (slang, typos, dictated words joined)
        by the index of the entries, so it adds what it says about its topic but never a chat
        spelling or a dictation fragment ("bim", "tek") to the words the matcher knows.
        """
        index = FaqEngine._index_of(base, None)
        index.when_topics = _when_topics(base.entries)
        if not any(e.examples or e.lacks for e in base.entries):
            return index

        def read(text: str) -> frozenset[str]:
            folded = fold(text)
            # thousands of examples share their words: one string object each keeps the index small
            return frozenset(map(sys.intern, _query_words(index, folded, question_language(folded, folded=True) == "en")[0]))

        read_examples = [tuple(read(t) for t in e.examples) for e in base.entries]
        # An example whose words another topic's example or question reads the same ("siapa yg daftar",
        # "daftar gimana": the question word that told them apart says nothing to the matcher) cannot
        # teach which topic it is: it is left out.
        owners: dict[frozenset[str], set[int]] = defaultdict(set)
        for i, read_words in enumerate(read_examples):
            for words in (*read_words, *(frozenset(v) for v, _ in index.variants[i])):
                owners[words].add(i)
        # Nor can an example that says a single word another topic's questions or keywords use too
        # ("what's the bimtek for": "bimtek"); "akreditasi?" can.
        ids = [e.id for e in base.entries]
        left_out: list[tuple[str, str, str]] = []  # (entry id, example, why) for `psp-bot faq check`
        kept: list[tuple[frozenset[str], ...]] = []
        for i, (entry, read_words) in enumerate(zip(base.entries, read_examples, strict=True)):
            keep = []
            for text, words in zip(entry.examples, read_words, strict=True):
                others = sorted(ids[j] for j in owners[words] - {i})
                if not words:
                    left_out.append((entry.id, text, "no word the matcher weighs"))
                elif others:
                    left_out.append((entry.id, text, "reads the same as a way of asking " + ", ".join(others)))
                elif len(words) == 1 and not set(index.postings.get(next(iter(words)), ())) <= {i}:
                    left_out.append((entry.id, text, f"one word other topics use ({next(iter(words))})"))
                else:
                    keep.append(words)
            kept.append(tuple(keep))
        read_lacks = [tuple(read(t) for t in e.lacks) for e in base.entries]
        # once read, the examples' texts are not needed: the entries the engine keeps go without them
        entries = [replace(e, examples=(), lacks=()) for e in base.entries]
        # the same words make the same vocabulary: reused, without what reading the examples cached
        index.vocab.forget()
        built = FaqEngine._index_of(replace(base, entries=entries), (kept, read_lacks), index.vocab)
        built.left_out = tuple(left_out)
        built.when_topics = index.when_topics
        return built

    @staticmethod
    def _index_of(
        base: KnowledgeBase, examples: tuple[list[tuple[frozenset[str], ...]], list[tuple[frozenset[str], ...]]] | None, vocab: Vocabulary | None = None
    ) -> _Index:
        """The index of the entries, with their examples and near misses already read (``examples``), and its vocabulary if built."""
        entries = base.entries
        read_examples, read_lacks = examples or ([() for _ in entries], [() for _ in entries])
        texts = [[*e.questions, *e.keywords, *e.topic.values()] for e in entries]
        answers = [list(e.answer.values()) for e in entries]
        strong_words = {w for parts in texts for part in parts for w in _content(raw_tokens(part))}
        # the domain's own words are words the base knows, typos of them included ("pnggerak")
        strong_words |= {w for phrase in base.domain for w in _content(list(phrase))}
        raw_words = strong_words | {w for parts in answers for part in parts for w in _content(raw_tokens(part))}
        vocab = vocab or Vocabulary(raw_words, correct_to=strong_words)

        def canon(text: str) -> frozenset[str]:
            return frozenset(vocab.canonical(w) for w in _content(raw_tokens(text)))

        variants = [[*(canon(q) for q in e.questions), *read] for e, read in zip(entries, read_examples, strict=True)]
        entry_words = [frozenset().union(*(canon(p) for p in parts)) for parts in texts]
        # Every fact an answer states is reachable by its words, but an answer's words say less
        # about what the entry is for than its questions and keywords do (ANSWER_WEIGHT).
        answer_words = [frozenset().union(*(canon(p) for p in parts)) - strong for parts, strong in zip(answers, entry_words, strict=True)]
        # An example's words point to its topic as weakly as the answer's do (ANSWER_WEIGHT); they are not what the
        # topic holds ("brp sekolah yg lolos" in an example does not make the count an answer).
        example_words = [frozenset().union(*read) - strong - weak for read, strong, weak in zip(read_examples, entry_words, answer_words, strict=True)]
        df: dict[str, int] = defaultdict(int)
        df_weak: dict[str, int] = defaultdict(int)
        postings: dict[str, list[int]] = defaultdict(list)
        weak_postings: dict[str, list[int]] = defaultdict(list)
        for i, (strong, weak, seen) in enumerate(zip(entry_words, answer_words, example_words, strict=True)):
            for w in strong:
                df[w] += 1
                postings[w].append(i)
            for w in weak | seen:
                df_weak[w] += 1
                weak_postings[w].append(i)
        numbers = [frozenset().union(*(numbered_pairs(raw_tokens(p)) for p in parts)) for parts in texts]
        # single programme words of the [domain] list, "psp" aside (every topic is about the programme)
        anchor_words = frozenset(w for phrase in base.domain if len(phrase) == 1 for w in canon(phrase[0])) - {"psp"}
        n = len(entries)
        idf = {w: math.log(1 + n / (df.get(w) or df_weak[w])) for w in {*postings, *weak_postings}}
        unknown_idf = math.log(1 + n) * 1.2  # a word the base never uses weighs more than its rarest word
        specific_idf = math.log(1 + SPECIFIC_SHARE)
        # each entry's distinct variants with their IDF mass, lightest first (see _nearest)
        # (a mass is summed in word order, not a set's: the same on every run, whatever the hash seed —
        # two topics tied on a question must not be told apart by rounding that changes between runs)
        sorted_variants = [sorted({_massed(v, idf, 0.0) for v in vs if v}, key=lambda vm: (vm[1], vm[0])) for vs in variants]
        return _Index(
            entries=entries,
            vocab=vocab,
            idf=idf,
            unknown_idf=unknown_idf,
            postings=dict(postings),
            weak_postings=dict(weak_postings),
            entry_words=entry_words,
            answer_words=answer_words,
            variants=sorted_variants,
            lacks=[sorted({_massed(v, idf, unknown_idf) for v in read}, key=lambda vm: (vm[1], vm[0])) for read in read_lacks],
            variant_postings=[FaqEngine._variant_postings([v for v, _ in vs], idf, specific_idf) for vs in sorted_variants],
            decline=base.decline,
            decline_by_first={p[0]: [q for q in base.decline if q[0] == p[0]] for p in base.decline},
            compared=ascii_re(_COMPARED + r"(?:" + "|".join(re.escape(" ".join(p)) for p in base.decline) + r")\b") if base.decline else None,
            domain=tuple(frozenset(vocab.canonical(w) for w in _content(list(phrase))) for phrase in base.domain),
            by_id={e.id: e for e in entries},
            lacking=FaqEngine._lacking_words(entries, canon),
            numbers=numbers,
            number_words=[frozenset(w for w, _ in pairs) for pairs in numbers],
            keyword_words=[frozenset().union(*(canon(k) for k in e.keywords)) for e in entries],
            months=[frozenset(w for w in raw_tokens(e.answer["id"]) if w in MONTH_NAMES) for e in entries],
            years=[frozenset(w for w in raw_tokens(e.answer["id"]) if _is_year(w)) for e in entries],
            answer_places=[frozenset(w for w in fold(e.answer["id"]).split() if w.strip(".,;:()") in KECAMATAN_NAMES) for e in entries],
            answer_regencies=[frozenset(raw_tokens(e.answer["id"])) & BALI_REGENCIES for e in entries],
            answer_cohorts=[_cohorts_named(fold(e.answer["id"])) for e in entries],
            anchors=[
                frozenset.intersection(*vs[: len(e.questions)]) & anchor_words if e.questions else frozenset() for vs, e in zip(variants, entries, strict=True)
            ],
            anchor_words=anchor_words,
            programme=tuple(
                frozenset(vocab.canonical(w) for w in _content(list(phrase)))
                for phrase in base.domain
                if len(phrase) > 1 or not lexicon.is_real_word(phrase[0])
            ),
            specific_idf=specific_idf,
            offices=frozenset(vocab.canonical(w) for w in OFFICE_WORDS),
            commands=frozenset(e.command for e in base.entries if e.command)
            | {c.lower() for e in base.entries for answer in e.answer.values() for c in _SLASH_COMMAND_RE.findall(answer)},
            known=frozenset(vocab.words).union(ABBREVIATIONS),
        )

    @staticmethod
    def _variant_postings(variants: list[Words], idf: dict[str, float], specific: float) -> dict[str, Sequence[int]]:
        found: dict[str, list[int]] = defaultdict(list)
        for k, variant in enumerate(variants):
            for word in variant:
                if idf.get(word, specific) >= specific:
                    found[word].append(k)
        # positions as bytes when they fit (a fifth of a tuple's size; thousands of them)
        return {w: bytes(ks) if len(variants) <= 256 else tuple(ks) for w, ks in found.items()}

    @staticmethod
    def _lacking_words(entries: list[FaqEntry], canon: Any) -> dict[str, tuple[int, ...]]:
        """Words of forward entries' keywords: the things the sources lack ("sertifikat", "narasumber")."""
        lacking: dict[str, tuple[int, ...]] = {}
        for i, entry in enumerate(entries):
            if entry.forward:
                # single-word keywords only: "angkatan berikutnya" says nothing lacking about "angkatan"
                for word in frozenset().union(*(canon(k) for k in entry.keywords if " " not in k)):
                    if word not in STOPWORDS and not word.isdigit():
                        lacking[word] = (*lacking.get(word, ()), i)
        return lacking

    def reload(self) -> int:
        """Re-read the file now; on a bad file keep the current base and raise :class:`FaqError`."""
        if self.path is None:
            return len(self.entries)
        if self._apart:
            index, base = index_apart(self.path)
        else:
            base = load_file(self.path)
            index = self._build(base)
        with self._lock:
            self._index = index
            self._examples = base.examples_path
            self._mtime = self._stamp()
        return len(base.entries)

    def reload_due(self, every: float = 2.0) -> bool:
        """True at most once every ``every`` seconds: time to look at the file again (no I/O)."""
        if self.path is None or time.monotonic() - self._checked < every:
            return False
        self._checked = time.monotonic()
        return True

    def reload_if_changed(self) -> bool:
        """Reload when the file changed since it was read; never raises (blocking: file I/O)."""
        if self.path is None:
            return False
        try:
            if self._stamp() == self._mtime:
                return False
            self.reload()
            return True
        except (OSError, FaqError):
            return False

    def maybe_reload(self, every: float = 2.0) -> bool:
        """Reload when the file changed (checked at most every ``every`` seconds); never raises."""
        return self.reload_due(every) and self.reload_if_changed()

    # -- matching ------------------------------------------------------------------------

    def _known(self, word: str) -> bool:
        """A word of the knowledge base or of the abbreviation table."""
        return word in self._index.known

    def _is_topic_word(self, word: str) -> bool:
        """Whether ``word``, as the index reads it, is a word of some topic."""
        return self._index.vocab.canonical(ABBREVIATIONS.get(word, word)) in self._index.idf

    def asks_other_meeting(self, text: str) -> bool:
        """Whether a question is about another meeting than the Bimtek ("link zoom rapat korwil besok")."""
        return bool(_OTHER_MEETINGS & set(self.words(text)))

    def asks_zoom_details(self, entry_id: str, text: str) -> bool:
        """Whether a question answered with the Zoom topic asks for the Bimtek's Zoom details themselves (link, ID, passcode).

        The sources have none: only the operator's config ([[events]]) may. Without them the chat reply says so
        and queues the question for the PMO team (:func:`handlers.faq.show_entry`); the scoring counts it as passed on.
        """
        if entry_id != ZOOM_ENTRY or not text:
            return False
        asked = set(self.words(text))
        return bool(_ZOOM_DETAILS & asked) and not _OTHER_MEETINGS & asked

    def asks_session_hours(self, entry_id: str, text: str) -> bool:
        """Whether a question answered with the Bimtek's dates asks for its sessions' hours ("bimtek mulai jam brp tiap harinya?").

        The sources name no hours: only the operator's config ([[events]]) does. The chat reply gives them from
        there, or says they are not known and queues the question (:func:`handlers.faq.show_entry`).
        A time named in the message is converted, not asked ("13.00 WIB, di Bali jam brp?").
        """
        if entry_id != SCHEDULE_ENTRY or not text:
            return False
        folded = clock_words(fold(text))
        return _CLOCK_ASKED_RE.search(folded) is not None and _CLOCK_RE.search(folded) is None and not self.asks_other_meeting(text)

    def asks_config_details(self, entry_id: str, text: str) -> bool:
        """Whether the chat reply to this question adds what only the config holds, or queues it (Zoom details, session hours)."""
        return self.asks_zoom_details(entry_id, text) or self.asks_session_hours(entry_id, text)

    def words(self, text: str) -> list[str]:
        """The canonical content words of a question (after slang, typos, joined and split words)."""
        folded = fold(text)
        return self._query(folded, question_language(folded, folded=True) == "en")[0]

    def _query(self, folded: str, english: bool) -> tuple[list[str], set[str]]:
        """The canonical content words of folded text, and the numbers that follow a numbered word ("angkatan 4")."""
        return _query_words(self._index, folded, english)

    def _score(
        self, query: list[str], numbered: set[str], floor: float = 0.0, other_than: int | None = None, include: frozenset[int] = frozenset()
    ) -> _Scored:
        """Entries by score (best first), the word weights, and each entry's coverage by its own questions and keywords.

        An entry that cannot reach ``floor`` is left out (a caller that only asks whether some topic
        scores that well saves comparing their variants); with ``other_than``, nothing is scored
        unless an entry besides that one can reach THRESHOLD (a second topic's clear winner). The
        entries in ``include`` are scored whenever a word of the question touches them, even
        when more than SHORTLIST others cover it as well.
        """
        index = self._index
        # An unknown number (an age, a year) says less about the topic than an unknown word, unless
        # it numbers something the base knows ("angkatan 4" when the base knows cohorts I–III).
        weights = {w: index.idf.get(w, index.unknown_idf / (1 if w in numbered or not w.isdigit() else 2)) for w in query}
        total = sum(weights.values())
        # Coverage by walking the postings of the question's words (only entries that share one
        # are touched; the sums live in lists by entry, far cheaper to add to than dicts).
        count = len(index.entries)
        strong = [0.0] * count
        # the share only an entry's answer or examples use, already weighted
        weak = [0.0] * count
        postings, weak_postings = index.postings, index.weak_postings
        for w in query:
            share = weights[w] / total
            for i in postings.get(w, ()):
                strong[i] += share
            share *= ANSWER_WEIGHT
            for i in weak_postings.get(w, ()):
                weak[i] += share
        # (best first, ties by entry order; an entry no word of the question touched is not a candidate) — the SHORTLIST best
        # kept in order in one pass, as sorting every entry would (a sort of them all cost 5% of a long message's time)
        shortlist: list[int] = []
        best: list[float] = []  # (their coverage, in the same order)
        lowest = 0.0
        for i in range(count):
            covered = weak[i] + strong[i]
            if covered <= lowest:  # (0 until the shortlist is full, then the coverage of its last)
                continue
            at = len(shortlist)
            while at and best[at - 1] < covered:
                at -= 1
            shortlist.insert(at, i)
            best.insert(at, covered)
            if len(shortlist) > SHORTLIST:
                shortlist.pop()
                best.pop()
            lowest = best[-1] if len(shortlist) == SHORTLIST else 0.0
        coverage = dict(zip(shortlist, best, strict=True))
        for i in sorted(include) if include else ():
            if i not in coverage and (covered := weak[i] + strong[i]):
                shortlist.append(i)
                coverage[i] = covered
        if not shortlist:
            return [], weights, strong

        def reach(i: int) -> float:
            # A variant shares at most the question's words the entry's questions, keywords and
            # examples use (and what only its answer or examples share, unweighted again): the most
            # the entry can score.
            return COVERAGE_WEIGHT * coverage[i] + (1 - COVERAGE_WEIGHT) * min(1.0, strong[i] + (coverage[i] - strong[i]) / ANSWER_WEIGHT)

        if other_than is not None and not any(reach(i) >= THRESHOLD for i in shortlist if i != other_than):
            return [], weights, strong
        scored: list[tuple[float, int]] = []
        third = 0.0  # the third best score so far (0 until three are known)
        top = [0.0, 0.0, 0.0]  # the three best scores so far, a heap
        specific = index.specific_idf
        idf = index.idf
        # the weight of the question's words many entries use: all a variant sharing none of its
        # specific words can share with it
        generic = sum(weight for w, weight in weights.items() if idf.get(w, specific) < specific)
        # …and its words rare enough to index the variants by (a word the base never uses indexes none)
        rare = [w for w in weights if idf.get(w, 0.0) >= specific]
        for i in shortlist:
            # (when even its reach cannot lift the entry into the top three, or to the floor, skip it)
            most = reach(i)
            if most < floor or third and most < third:
                continue
            # A variant sharing none of the question's specific words shares at most its generic
            # weight: only when that could beat the nearest found and lift the entry into the top
            # three are those variants compared too.
            best_variant = self._nearest_specific(i, rare, weights, total)
            could = generic / total
            if could > best_variant and (not third or COVERAGE_WEIGHT * coverage[i] + (1 - COVERAGE_WEIGHT) * could >= third):
                best_variant = self._nearest(index.variants[i], weights, total, generic, best_variant)
            score = COVERAGE_WEIGHT * coverage[i] + (1 - COVERAGE_WEIGHT) * best_variant
            scored.append((score, i))
            if score > top[0]:
                heapq.heapreplace(top, score)
                third = top[0]
        scored.sort(key=lambda s: (-s[0], s[1]))
        return scored, weights, strong

    def match(self, text: str) -> Match:
        """Score ``text`` against every entry sharing a word with it."""
        found, english = self._decide(text)
        return replace(found, english=english)

    def _decide(self, text: str) -> tuple[Match, bool | None]:
        """The verdict on ``text``, and whether it is English (None when that was not needed)."""
        index = self._index
        folded = fold(text)  # (once: small talk reads it too)
        as_typed = folded  # (the message as typed, folded: where the news was heard from included)
        talk = small_talk(text, folded) or courtesy(text, folded, self._near_topic) or thanks_with_news(text, folded) or introduction(text, folded)
        if talk:
            return Match(None, 0.0, small_talk=talk), None
        if text.strip().strip(".").isdigit():
            return Match(None, 0.0, lone_number=True), None
        if (calm := without_interjections(folded)) is not folded:
            folded, text = calm, without_interjections(text)  # "Ya Tuhan, tahap 2 itu isinya apa?": a feeling, no name of another thing
        folded = spoken_dates(clock_words(folded))  # ("bimtek pmo tanggal delapan sampai sebelas maret": 8 to 11 March)
        for hint, pattern, said, count in _MESSAGE_REWRITES:
            if hint in folded:
                folded = pattern.sub(said, folded, count=count)  # (see _MESSAGE_REWRITES; read here, on the message only)
        if "/" in folded and (typed := _SLASH_COMMAND_RE.findall(folded)) and any(c in self._index.commands for c in typed):
            # "ketik /daftar atau /registrasi?": a command this bot does not have, beside one it has, names no topic
            folded = _SLASH_COMMAND_RE.sub(lambda found: found.group() if found.group(1) in self._index.commands else " ", folded)
        if "km" in folded and ("KM" in text or "ikm" in folded):
            # "KM thn 1 SD kls brp", "IKM": the Kurikulum Merdeka (its implementation), as typed in capitals (not "km", chat's "kamu")
            folded = _KM_RE.sub(lambda m: "implementasi kurikulum merdeka" if m.group(1) else ("kurikulum merdeka" if "KM" in text else m.group()), folded)
        if "rarti" in folded or "rrti" in folded:
            folded = _SO_START_RE.sub(r"\1", folded)  # "berarti kalau kepsek PSP dipindah …": "so", not a meaning asked
        english = question_language(folded, folded=True) == "en"
        if english:
            folded = english_shorthand(folded)  # "when ws the pmo bimtek", "how many yrs …"
        if ":" in folded and (plain := _PURPOSE_LEAD_RE.sub(r"\1", folded, count=1)) != folded and len(self._query(plain, english)[0]) >= 2:
            folded = plain  # "…. Buat gambaran adik tingkat tiang: tahap 2 itu ngapain aja?": what the answer is for, then the question
        if (plain := _AS_OF_RE.sub("", folded, count=1)) != folded and len(self._query(plain, english)[0]) >= 2:
            folded = plain  # "Per Maret 2022, Badung dan Klungkung sedang di tahapan apa?": the time the question is about, told first
        if (plain := _WANTED_FOR_RE.sub("", folded, count=1)) != folded and len(self._query(plain, english)[0]) >= 2:
            folded = plain  # "For a briefing note: which regencies … belonged to Angkatan I?": what the answer is for
        if ("tuk" in folded or "utk" in folded or "buat" in folded or "for" in folded) and (
            (plain := _WANTED_FOR_END_RE.sub("", folded, count=1)) != folded and len(self._query(plain, english)[0]) >= 2
        ):
            folded = plain  # (…or closing it: "… nama-nama kecamatan di Buleleng untuk lampiran laporan.")
        bare = without_addressee(folded)
        if bare != folded and len(self._query(bare, english)[0]) >= 2:
            folded = bare  # "Yth. Tim PMO …. Dengan hormat, … tanggal bimtek": the addressee is not the topic
        folded = without_where_heard(folded)  # "I heard in the MKKS meeting that registration closes …": the claim, not the meeting
        relayed = without_relay(folded)
        if relayed != folded and self._enough_left(relayed, english):
            folded = relayed  # "kepsek di Gerokgak nanya siapa penyelenggara …": the question passed on, not who passed it
        rest = without_hearsay(folded, _asks)
        if rest != folded and (talk := small_talk(rest)):
            return Match(None, 0.0, small_talk=talk), english  # "dapat info dari korwil, terima kasih pak"
        # (unless the question that ends the message names nothing itself: "… dengar dari kepsek Angkatan I ada BOS khusus
        # untuk sekolah penggerak buat beli buku. Namanya apa ya?" asks about what was heard)
        last = clauses(folded)[-1] if rest != folded else ""
        # (…or points back at it with "begituan", "seperti itu": "dengar2 dari kepsek angkatan 1 dulu ada tes bakat skolastik …. skrg
        # tes begituan masih ada ga pak")
        if (
            rest != folded
            and self._enough_left(rest, english)
            and not (_asks(last) and len(self._query(last, english)[0]) <= 1 or _SUCH_RE.search(last))
            # (…or a question of the rest starts by pointing at it: "td dpt info dr gugus katanya ada surat edaran dr disdikpora soal
            # psp, itu isinya ngapain ya, kepsek disuruh apa")
            and not any(_ITU_START_RE.match(piece) and _asks(piece) for piece in clauses(rest))
        ):
            folded = rest  # "kami dapat edaran psp. …": where the news came from is context, not the question
        polite = _COURTESY_RE.sub(" ", folded)
        if polite != folded and len(self._query(polite, english)[0]) >= (1 if _LATE_RE.search(folded) else 2):
            folded = polite  # "Boleh dibantu, siapa saja …": a courtesy, not a question about what the bot helps with
        asked_end = _question_end(folded)
        if asked_end is not None and not _asks(folded[asked_end:]):
            before = folded[:asked_end]
            words = self._query(before, english)[0]
            # (who asks only when the question names something of its own: "boleh daftar? sy kepsek swasta" needs it)
            # (…or an exclamation after it, when the question names a thing only a few topics know: "Dananya dari mana pak?
            # Sekolah tiang ga punya uang untuk ikut program beginian!!")
            exclaimed = folded.rstrip().endswith("!") and any(self._index.idf.get(w, 0.0) >= self._index.specific_idf for w in words)
            # (…or one clear on its own, when what follows only says who asks: "apa saja yg bisa dilakukan bot ini? Sy kepsek
            # baru di Busungbiu." — not "syaratnya apa? saya kepsek plt", whose asker's case is the topic)
            asker_after = bool(words) and _ASKER_START_RE.match(folded, asked_end) is not None
            if asker_after and not self._specific(words):
                tail = folded[asked_end:].strip(" .,!")
                alone = self._score(words, set())[0] if self._introduces_asker(tail, self._query(tail, english)[0]) else []
                asker_after = bool(alone) and _clear(alone)
            why_after = (
                _REASON_START_RE.match(folded, asked_end) is not None
                or _WANTS_START_RE.match(folded, asked_end) is not None and self._specific(words)
                or _NOT_UNDERSTOOD_START_RE.match(folded, asked_end) is not None and not _ABOUT_SUBJECT_RE.search(folded, asked_end)
            )
            if words and (why_after or asker_after or exclaimed):
                folded = before  # "kapan bimtek? soalnya sy ada rapat …", "…? takut kepotong": why, after the question
        elif "?" not in folded and (why := _UNMARKED_REASON_RE.search(folded)) is not None:
            # "… atau gimana pak soalnya tiang ditanya pengawas …": why, after a question no mark ends (the clause before it asks;
            # not "…, isinya apa ya pak, tiang blm terima krn email sekolah error terus", which tells)
            start = max(folded.rfind(mark, 0, why.start()) for mark in ".!,;") + 1
            reasoned = folded[start : why.start()]
            # (…or a choice: "itu dikumpul pas daftar awal atau nanti nggih, soalnya RSUD jauh dr tempat tiang")
            # (not after a yes-or-no, whose condition it may be: "kepsek boleh daftar ga soalnya sekolahnya swasta")
            if (_question_words(reasoned) - _YES_NO or _CHOICE_RE.search(reasoned)) and self._query(reasoned, english)[0]:
                folded = folded[: why.start()]
        folded = without_described_dates(folded)  # "… dilaksanakan pada bulan Maret 2022": which event, not what is asked
        # ("smpn 1 singaraja sekolah penggerak?": whether that school is one, which no source lists; read before its name goes)
        # (a sentence of its own, after a greeting: "selamat siang, SDN 1 Seririt itu termasuk sekolah penggerak atau bukan ya pak? anak
        # sy mau pindah kesana")
        # (…a sentence marked as a question: not "SMPN 2 Seririt sudah jadi sekolah penggerak\nmohon info tujuan bimtek PMO apa?")
        school_is_psp = (
            "penggerak" in folded
            and _SCHOOL_NUMBERED_RE.search(folded) is not None
            and (
                _SCHOOL_IS_PSP_RE.search(folded) is not None
                or any(
                    "?" in sentence and _SCHOOL_IS_PSP_RE.search(_GREETING_LEAD_RE.sub("", sentence))
                    for sentence in _WHOLE_SENTENCE_RE.findall(folded)
                )
            )
        )
        folded = without_school_names(folded, self._is_topic_word)  # "sy Plt di SD N 3 Tejakula": the asker's school, not the topic
        if "kepanjangan" in folded and "pmo" not in folded:  # (the PMO's own topic spells it out: "PMO itu kepanjangannya apa?")
            # "PSP kepanjangannya": what the letters stand for, not "panjang" (long) (read here, on the message only: the
            # knowledge base's own questions read as before)
            folded = _STANDS_FOR_RE.sub("singkatan", folded)
        if "tuju" in folded or "maksud" in folded or "purpose" in folded or "goal" in folded or "aim" in folded or "objective" in folded:
            # "apa tujuan pelaksanaan Bimtek …", "the purpose of holding the Bimtek": why it was held, not when (read here, on the
            # message only)
            folded = _PURPOSE_OF_HOLDING_RE.sub(r"\1 ", folded)
        if ("currently" in folded or "saat ini" in folded or "kini" in folded) and _OFFICE_HOLDER_RE.search(folded):
            # "who currently serves as Head of Disdikpora?": the office's present holder, not the sources' latest figures
            # (read here, on the message only)
            folded = _CURRENTLY_RE.sub(lambda found: "current" if found.group() == "currently" else "sekarang", folded)
        if "bimtek" in folded and ("siapa" in folded or "sapa" in folded or "who" in folded) and _OFFICE_HOLDER_RE.search(folded):
            # "kadis disdikpora pas bimtek PMO maret 2022 tu siapa?", "Head of Disdikpora at the time of the March 2022 Bimtek": who
            # held the office then, the Bimtek only dates it (read here, on the message only)
            folded = _AT_THE_BIMTEK_RE.sub(" ", folded, count=1)
        if ("lagi" in folded or "lg" in folded or "kembali" in folded or "again" in folded) and _REAPPLY_RE.search(folded):
            # "kalau ga lolos tahap 2, th depan boleh daftar lagi?": applying again after failing, which the sources do not say
            # (the negation alone is a stop word, leaving "lolos"; read here, on the message only)
            folded = _REAPPLY_RE.sub(" gagal seleksi mendaftar lagi ", folded, count=1)
        if "bimtek" in folded and ("buka" in folded or "open" in folded) and _OPENED_BY_RE.search(folded):
            # "siapa yang membuka bimtek PMO?", "who opened the Bimtek?": who spoke at its opening, a speaker the sources do not
            # name (not the dashboard opened, nor registration opening; read here, on the message only)
            folded = _OPENED_BY_RE.sub("siapa narasumber", folded, count=1)
        if "jawab" in folded or "answer" in folded:
            # "pertanyaan yg bot ga bisa jawab nanti gimana?", "what if the bot can't answer": a question left unanswered (where
            # it goes), not where the bot's answers come from (read here, on the message only)
            folded = _NOT_ANSWERED_RE.sub(" unanswered ", folded)
        if "mail" in folded and _MAIL_REQUIRED_RE.search(folded):
            # "email wajib ga pak? tiang ga punya email aktif": whether the form's e-mail field must be filled in ("wajib" is a
            # word every topic may use; read here, on the message only)
            folded = _MAIL_REQUIRED_RE.sub(lambda found: found.group() + " isian", folded, count=1)
        if (
            ("isi" in folded or "ketik" in folded or "tulis" in folded or "type" in folded or "leave" in folded or "fill" in folded or "enter" in folded)
            and (no_field := _NO_FIELD_RE.search(folded)) is not None
        ):
            # "kepsek sekolah yayasan ga punya NIP, di form diisi apa?": what to fill in for the field one lacks, not the form in general
            # (read here, on the message only)
            field_named = no_field.group("field")
            folded = _FILL_ASKED_RE.sub(lambda found: f"{field_named} {found.group()}", folded, count=1)
        if not english and "siapa" in folded and _OWN_DATA_RE.search(folded) and (seen_by := _WHO_SEES_DATA_RE.search(folded)):
            # "data pendaftaran kepsek bisa dilihat siapa aja?": access to the data (English "who can see …" was measured: one
            # row better, one worse)
            # (read here, on the message only: the knowledge base's own questions read as before)
            folded = folded[: seen_by.end()] + " akses " + folded[seen_by.end() :]
        if (
            "bimtek" in folded
            and (other_day := _BIMTEK_DAY_RE.sub(" ", folded)) != folded
            and _ZOOM_DETAILS & set(other := self._query(other_day, english)[0])
            and ("zoom" in other or not {"passcode", "password", "pw", "sandi", "meeting"}.isdisjoint(other))
            and len(other) >= 2
        ):
            # "passcode zoom bimtek hari ke 3": which session's Zoom details (the config's, whatever the day), not a topic's
            # "1 hari sebelum" (not "bimtek hari ketiga materinya apa?": that day's content is what the sources lack)
            folded = other_day
        if (
            "bimtek" in folded
            and _STAGE_REACHED_RE.search(folded)
            and (after := _DURING_EVENT_RE.sub(" ", folded)) != folded
            and len(self._query(after, english)[0]) >= 2
        ):
            folded = after  # "pas bimtek pmo maret 2022 psp buleleng udh smpe tahap apa": the stage reached then, not the Bimtek
        if (
            "tahap" in folded
            and (after := _STAGE_DONE_RE.sub(" ", folded)) != folded
            and _WH_WORD_RE.search(after)  # (not "setelah tahap 2 selesai berarti sudah jadi sekolah penggerak?": the stage is the subject)
            and len(self._query(after, english)[0]) >= 2
        ):
            folded = after  # "setelah tahap 2 selesai, kapan verifikasi dan penilaiannya?": when, told by the stage before it
        if (
            ("tahap" in folded or "stage" in folded)
            and (after := _STAGE_PASSED_RE.sub(" ", folded)) != folded
            and (_STAGE_NUMBER_RE.search(after) or _STAGE_ORDINAL_RE.search(after))
            and _WH_WORD_RE.search(after)
        ):
            folded = after  # "my principal passed stage 1. During which period is stage 2 held?": the stage passed is told, not asked
        typed = expand(tokens(folded, folded=True))
        if (
            index.compared is not None
            and (unlike := index.compared.sub(" ", folded)) != folded
            and _PSP_OWN_RE.search(unlike)
            and not _DIFFERENCE_RE.search(folded)
            and len(self._query(unlike, english)[0]) >= 2
        ):
            # "daftarnya lewat mana? masih pakai SIMPKB kayak guru penggerak?": the other programme is what PSP is
            # compared with, not what is asked about
            folded, typed = unlike, expand(tokens(unlike, folded=True))
        if (
            index.decline
            and not _PSP_ITSELF_RE.search(folded)
            and not _PSP_JOINED_RE.search(folded)
            and self._declined(typed)
            and not self._asks_psp_apart(folded)
            # (…nor one whose other business is only told: "email wajib diisi ga pak di form pendaftaran? tiang blm pernah bikin email")
            and not self._business_told_only(folded, as_typed, english)
        ):
            # (a message naming PSP itself asks about it too: "ikut seleksi guru penggerak, boleh daftar PSP sekaligus?")
            return Match(None, 0.0), english
        query, numbered = self._query(folded, english)
        if not query:
            return Match(None, 0.0), english
        # ("pendaftaran kapan": the topic about when registration is, among the many that speak of registering)
        scored, weights, strong = self._score(query, numbered, include=index.when_topics if _WHEN_RE.search(folded) else frozenset())
        whole = set(query)  # the domain is judged on the whole message, context included
        asked = ASKING_RE.search(folded) if len(query) >= CLAUSE_WORDS else None
        if asked is not None and 0 <= (mark := folded.rfind("?")) < asked.start() and (before_mark := self._best(folded[:mark], english)):
            # "… tanggal berapa ya pak? Teman sy ikut dan sy ingin tahu gambaran waktunya.": the question was marked before
            # (not "ini benar bot PSP? Saya mau tanya kapan bimtek PMO dilaksanakan", whose asking phrase asks more clearly)
            if _ITS_TAIL_RE.match(folded, asked.end()) or self._best(folded[asked.end() :], english) < before_mark:
                asked = None
        if asked is not None and _RELUCTANT_BEFORE_RE.search(folded, 0, asked.start()):
            asked = None  # "… PMO itu singkatan apa sih pak? malu mau nanya langsung ke kepsek": shy to ask someone, not asking this
        relayed_only = False
        if asked is None and len(query) >= CLAUSE_WORDS and (not scored or scored[0][0] < THRESHOLD):
            asked = RELAYED_RE.search(folded)  # (only when the whole message, who asks included, is unclear)
            relayed_only = asked is not None
        asking_text = folded  # what the question kinds are read from: the asking clause that wins, if one does
        if asked is not None:
            # "… mau tanya X": X is the question, whatever the greeting and context before it said.
            # …up to the end of its sentence: "Atas perhatiannya …" after it is the letter's closing
            tail = _SENTENCE_END_RE.split(folded[asked.end() :].lstrip(" .,:!?"), maxsplit=1)[0]
            words, tail_numbered = self._query(tail, english)
            # (not "…, mau tanya kepala dinas": the person to ask, not what is asked; nor "… usia saya 57.
            # Mohon informasi apakah saya masih dapat mengikuti": a question about what was told before)
            # (a relay telling that people ask about something, with the question itself marked later, is context: "teman2
            # lama … nanya2 soal PSP ke tiang, tiang sendiri kurang paham. Klungkung sama Badung itu dulu masuk angkatan brp ya?")
            # (…and so is an introduction after "mau tanya": "Bu maaf mau tanya, tiang kepala TK swasta di Kec. Banjar. … jenjang apa saja …?")
            later_question = (
                (
                    relayed_only
                    or _ASKER_INTRO_RE.match(tail) is not None and all(w in _TAIL_INTRO_WORDS or w not in index.idf for w in words)
                    # (…and a question passed on, then how or why: "dia titip tanya lewat tiang soalnya ga punya telegram. … kapan?")
                    or asked.group(0).startswith(("nitip", "titip", "menitip", "titipan"))
                )
                and not _question_words(tail)
                and "?" in folded[folded.find(tail) + len(tail) :]
            )
            # (nor "… padahal sy cuma mau nanya2 dulu, skrg botnya nanya nama lengkap terus": only wanting to ask, for now)
            wish_only = _ASK_ONLY_RE.match(tail) is not None and not _asks(tail)
            # (nor "… minimal brp sekolah per kecamatan nike? mohon info nggih biar ga salah kirim": why the information is asked for,
            # after the question itself)
            wish_only = wish_only or (
                (lead := _POLITE_LEAD_RE.match(tail)) is not None
                and _REASON_START_RE.match(tail, lead.end()) is not None
                # (not a reason told before the question itself: "mau tanya nggih, soalnya tiang belum paham, tugas pmo apa?")
                and not _question_words(tail)
                and "?" not in tail
            )
            if words and not later_question and not _SOMEONE_RE.fullmatch(tail) and not _points_back(tail) and not wish_only:
                found = self._score(words, tail_numbered)
                # (one word only when it names the programme, clearly: "nitip tanya: psp itu program apa")
                enough = len(words) >= 2 or bool(found[0]) and self._clear_alone(words, found[0])
                if enough and found[0] and found[0][0][0] >= THRESHOLD and (not scored or found[0][0][0] > scored[0][0] or found[0][0][1] != scored[0][1]):
                    scored, weights, strong = found
                    query = words
                    asking_text = tail
        parts: list[tuple[list[str], _Scored, bool, str]] | None = None
        if len(query) >= CLAUSE_WORDS and (not scored or scored[0][0] < THRESHOLD):
            # A long message: greeting, context, then the question. Each clause is scored on
            # its own and the clearest one wins, so the context does not drown the question.
            parts = self._clauses(folded, english, query)
            # A clause that asks nothing is context ("sekolah kami sudah jadi sekolah penggerak")
            # when another clause asks about something of its own: it must not outvote the question
            # with its generic words. When the asking clause says nothing specific ("beliau tanya
            # apakah masih bisa daftar"), the context holds the topic ("umurnya 57").
            asking = any(asks and self._specific(words) for words, _, asks, _ in parts)
            for words, found, asks, clause in parts:
                if asking and not asks:
                    continue
                if not asks and (any(p[2] for p in parts) or len(parts) > 1) and self._introduces_asker(clause, words):
                    # "tiang kepsek SD di Tejakula, …, sekolah boleh diliburkan ndak ya pak": who asks and where is not the question
                    continue
                if not asks and folded.rstrip(" .!").endswith(clause) and _REASON_START_RE.match(clause) and len(parts) > 1:
                    # "… yg daftar itu atas nama sekolah atau kepala sekolahnya pak, biar ga salah isi": the purpose closing the
                    # message is why it is asked, not what
                    continue
                if (
                    (len(words) < 2 or len(words) == 2 and not self._specific(words) and not _WH_WORD_RE.search(clause))
                    and len(found[0]) > 1
                    and found[0][0][0] - found[0][1][0] < CLEAR_MARGIN
                ):
                    # a one-word question ("…, can I register?") that fits several topics says too little, and so do two
                    # generic words asking yes or no ("sekolah tiang di pelosok, fasilitas minim. emg bisa ikut PSP? kirain cm sekolah
                    # unggulan"; not "who actually signs up for PSP, …?")
                    continue
                if found[0] and (not scored or found[0][0][0] > scored[0][0]):
                    scored, weights, strong = found
                    query = words
                    # ("1) … berapa lama? 2) … kapan?": the first question's "berapa", not the second's "kapan")
                    asking_text = clause if asks else folded
            # Two questions each clearly answered: the first asked is the main one, the other is offered
            # ("Apa sy msh memenuhi syarat umur? trs daftarnya lewat mana?": the age, then how to register)
            clear_questions = [
                p for p in parts if p[2] and p[1][0] and _clear(p[1][0])
            ]
            if len(clear_questions) > 1:
                words, found, _, clause = min(clear_questions, key=lambda p: folded.find(p[3]))
                scored, weights, strong = found
                query = words
                asking_text = clause
        disagree: tuple[int, int] | None = None
        confirmed: int | None = None  # the topic an asking clause on its own clearly picks, agreeing with the whole message
        main: int | None = None
        if parts is None and asked is None and scored and len(query) >= CLAUSE_WORDS:
            # Sure of the whole message, but is that what its question asks? Context words
            # ("umur 54 tahun", "sekolah kami belum pernah ikut") may outvote the question. When a
            # clause asks about something of its own and no asking clause agrees with the whole
            # message, the asking clause decides — or, unsure itself, the bot asks back with both.
            # (a clause that asks nothing only counts here, and for a second topic, when it has a clear winner)
            parts = self._clauses(folded, english, query, context_floor=THRESHOLD - CLEAR_MARGIN)
            # (or one that is, word for word, a way of asking a topic, clearly: "tiang kepsek SD di Seririt. utk PSP itu yg
            # daftar sekolahnya atau kepseknya ya?" — generic words, but exactly the question of who registers)
            # (not a month guessed after the question, to be checked: "pengumuman tahap 1 … tgl brp? akhir maret kan?")
            questions = [
                p
                for p in parts
                if p[2]
                and p[1][0]
                and (self._specific(p[0]) or self._clear_alone(p[0], p[1][0]) or self._asked_exactly(p[0], p[1][0]))
                and not (_CHECKED_MONTH_RE.search(p[3]) and not _question_words(p[3]))
            ]
            agreeing = [p for p in questions if p[1][0][0][1] == scored[0][1]]
            if any(_ahead(p[1][0]) for p in agreeing):
                confirmed = scored[0][1]
            if confirmed is None:
                # (the topic the first question asked clearly picks: the main question, see below)
                picks = [(folded.find(p[3]), p[1][0][0][1]) for p in questions if _ahead(p[1][0])]
                main = min(picks)[1] if picks else None
            # (or the one question, clearly agreeing, with context after it: "komite pembelajaran isinya siapa aja? kepsek
            # … bingung mau nunjuk siapa" asks who is in it, not a person's name)
            if agreeing and (len(questions) > 1 or confirmed is not None and not folded.rstrip(" ?.!").endswith(agreeing[0][3].rstrip(" ?.!"))):
                # "1) umur maksimal berapa? 2) bimtek kapan?": the question the answer's topic answers
                # says what it asks ("berapa"), not the other one ("kapan")
                asking_text = agreeing[0][3]
            if questions and len(questions) < len(parts) and not agreeing:
                words, found, _, clause = max(questions, key=lambda p: p[1][0][0][0])
                # (unless the whole message clearly picks its topic and the asking clause, alone, picks none clearly:
                # "sekolah tiang akreditasi C, pasti ga boleh ikut PSP kan?", "… didampingi LPMP saja, tidak ada lembaga lain kan?")
                if found[0][0][0] < THRESHOLD:
                    if not _clear(scored):
                        disagree = (found[0][0][1], scored[0][1])
                # (…nor when the asking clause, unsure between three topics, has the whole message's clear winner among them: "… sdh ngumpulin
                # nama sd buat dikirim ke dinas utk PSP, tp bingung kriteria milihnya. sekolah yg dikirim itu kepseknya harus memenuhi
                # syarat apa aja sih?" is the korwil's five schools and their criteria, not the age limit alone)
                elif not (
                    _clear(scored)
                    and not _clear(found[0])
                    and (
                        scored[0][0] >= found[0][0][0]
                        or scored[0][0] >= found[0][0][0] - CLEAR_MARGIN
                        and len(found[0]) > 2
                        and found[0][0][0] - found[0][2][0] < CLEAR_MARGIN
                        and any(i == scored[0][1] for _, i in found[0][:3])
                    )
                ):
                    scored, weights, strong = found
                    query = words
                    asking_text = clause
            elif not questions and len(asking_parts := [p for p in parts if p[2]]) == 1 and index.decline and self._declined(typed):
                # "Kalau Guru Penggerak gurunya sendiri yang daftar. Kalau Sekolah Penggerak yang daftar
                # siapa?": the other programme told of is context; the one clause that asks is unsure between
                # topics the whole message's winner is not among: ask back with both rather than answer the context
                words, found, _, _ = asking_parts[0]
                if len(words) >= 2 and found[0] and all(i != scored[0][1] for _, i in found[0][:3]):
                    disagree = (found[0][0][1], scored[0][1])
        if not scored:
            return Match(None, 0.0), english
        # (the asker's own guess is no number asked: "buleleng masuk angkatan brp? tiang kira angkatan 3 bareng gianyar")
        asked_numbers = numbered_pairs(expand(tokens(_GUESS_RE.sub(" ", folded), folded=True)) if _GUESS_RE.search(folded) else typed)
        if (
            asking_text is not folded
            and _WHICH_NUMBER_ASKED_RE.search(asking_text)
            and _CLAIMED_BY_OTHERS_RE.search(folded.replace(asking_text, " "))
        ):
            # (…nor a number others claimed, told before the clause that asks for it: "… ada yg ngotot kita baru angkatan 2. jd yg
            # bener buleleng ini angkatan brp?")
            asked_numbers = numbered_pairs(expand(tokens(asking_text, folded=True)))
        elif asking_text is not folded and len(asked_numbers) > 1 and (own_numbers := _numbers_told_apart(folded, asking_text)):
            # (…nor a number of the story when the clause that asks names its own: "temen tiang … udah selesai tahap 2 PSP dan skrg
            # nunggu hasil. pleno kelulusan angkatan 3 itu kapan nggih" asks about cohort III's plenary, no stage 2)
            asked_numbers = own_numbers
        choice = len({word for word, _ in asked_numbers}) < len(asked_numbers) and _OR_RE.search(folded) is not None
        # (…nor a month the asker guesses and wants checked: "pendaftaran angkatan III ditutup 28 maret kan?" is answered with February)
        # (not a coming one: "katanya bimtek PMO diadakan lagi bulan Agustus?")
        checked = _CHECKED_MONTH_RE.search(folded) is not None or bool(
            _CLAIM_CHECKED_RE.search(folded) and _MONTH_AT_END_RE.search(folded) and not _AGAIN_RE.search(folded)
        )
        guessed = MONTH_NAMES if checked else frozenset()
        if asking_text is not folded and confirmed is not None and MONTH_NAMES & set(query):
            # "Tiang lagi nyusun laporan kegiatan bulan maret …. Tujuan bimtek … itu apa?": a month in the context, not in the
            # question the topic was confirmed by, is no month the answer must name
            guessed = guessed | (MONTH_NAMES - set(self._query(asking_text, english)[0]))
        told_months = described_months(folded) | _months_since(folded)
        unadjusted = scored[0][1]
        scored = self._adjusted(scored, asked_numbers, set(query) - told_months - _regions_come_from(folded) - guessed, choice)
        # (the list of abbreviations answers an abbreviation only when nothing more is asked about its thing: "PMO itu
        # singkatan apa? Apa saja tugasnya?" is answered by the PMO's topic, which spells it out too)
        if main is not None and index.entries[main].id == ABBREVIATIONS_ENTRY:
            main = None
        near_main = next((k for k, (sc, i) in enumerate(scored[1:3], 1) if i == main and scored[0][0] - sc < CLEAR_MARGIN), None)
        if near_main is not None:
            # "Buleleng masuk angkatan brp? bareng kab mana lg?": the whole message nearly ties between topics
            # and the first question asked clearly picks another than the best (none the best): the main question decides
            scored = [scored[near_main], *(x for k, x in enumerate(scored) if k != near_main)]
            confirmed = main
        elif (
            len(scored) > 1
            and scored[0][0] - scored[1][0] < TIE_MARGIN
            and strong[scored[1][1]] - strong[scored[0][1]] >= CLEAR_MARGIN
            # (not against the topic the asking clause confirmed: "bimtek pmo ini tujuannya apa ya, kok sekretaris dinas yg ikut")
            and confirmed != scored[0][1]
        ):
            # "pendaftaran angkatan 3 kapan": of two topics tied, the one whose own questions and
            # keywords use more of the message's words (registration, not just "angkatan 3")
            scored = [scored[1], scored[0], *scored[2:]]
        elif (
            len(scored) > 1
            # (…also a clearer lead of a topic about who does it: "How can a principal register for PSP through this bot?")
            and scored[0][0] - scored[1][0] < (HOW_MARGIN if "who" in index.entries[scored[0][1]].keywords else TIE_MARGIN)
            and _HOW_ASKED_RE.search(asking_text)
            and ("cara" in index.keyword_words[scored[0][1]]) != ("cara" in index.keyword_words[scored[1][1]])
        ):
            # "gimana daftar psp", "how do I register for PSP?", "through which portal …": of two topics tied, the one about
            # how it is done (not who registers)
            if "cara" in index.keyword_words[scored[1][1]]:
                scored = [scored[1], scored[0], *scored[2:]]
            confirmed = scored[0][1]
        kind = question_kind(asking_text if asking_text is not folded else _marked_sentences(folded))
        if school_is_psp:
            kind = kind._replace(result=True)
        if asking_text is not folded and not kind.head and "siapa" in folded and _head_across_and(folded, asking_text):
            # "kepala dinas waktu PSP angkatan 1 dan bimtek 2022 itu siapa": the head asked for, across the "dan"
            kind = kind._replace(head=True)
        # (with a date told: not "katanya bimtek hari kedua dibatalkan, bener?", which the sources do not say)
        if kind.day and _CLAIM_CHECKED_RE.search(folded) and not _CLOCK_ASKED_RE.search(folded) and _DIGIT_RE.search(folded):
            kind = kind._replace(day=False)  # "katanya bimtek PMO cuma sehari tgl 10 maret, bener gak?": a day heard, checked
        if any(kind):
            # "kapan …" prefers a topic whose answer holds a date, "berapa …" one with a number,
            # when it scores nearly as well as the best.
            # (a command's topic does not hold the date itself: "bimtek kapan" is the dates, not /jadwal's calendar file)
            fitting = [(sc, i) for sc, i in scored if answers_kind(kind, index.entries[i], strict=True)]
            # (for a number, not a topic using far fewer of the message's own words: "surat edaran psp … nomornya brp" is the
            # circular's number, which the sources lack, not the decree numbers of the legal basis; a "when" is asked in
            # fewer words: "kapan SMP 2 Seririt bisa daftar PSP?")
            if (
                fitting
                and fitting[0][0] >= scored[0][0] - KIND_MARGIN
                and (kind.date or strong[fitting[0][1]] >= strong[scored[0][1]] - KIND_STRONG_MARGIN)
            ):
                scored = fitting + [x for x in scored if x not in fitting]
            elif kind.date and scored[0][1] not in index.when_topics:
                # "pendaftaran psp kapan": the topics about registering in general score best, but
                # the question is when; the topic about when it happens, using as much of the
                # message, answers it (a date another topic mentions in passing does not)
                for sc, i in scored[1:]:
                    if sc < scored[0][0] - WHEN_MARGIN:
                        break
                    if i in index.when_topics and strong[i] >= strong[scored[0][1]] and answers_kind(kind, index.entries[i], strict=True):
                        scored = [(sc, i), *(x for x in scored if x[1] != i)]
                        break
        if (head := self._head_asked(asking_text, english)) is not None and head not in index.entry_words[scored[0][1]]:
            # "Tujuan dilaksanakannya Bimtek … itu apa?", "what was the purpose of the Bimtek held by …": the
            # thing asked for heads the question; a topic about it, nearly as near, answers it (not the one
            # matching the words that only say which Bimtek)
            for sc, i in scored[1:]:
                if sc < scored[0][0] - HEAD_MARGIN:
                    break
                if head in index.keyword_words[i]:
                    scored = [(sc, i), *(x for x in scored if x[1] != i)]
                    break
        if (
            sum(regency in folded for regency in BALI_REGENCIES) >= 2
            and len(regencies := _compared_regencies(folded)) >= 2
            and len(regencies & index.answer_regencies[scored[0][1]]) <= 1
        ):
            # "Buleleng sama Badung itu satu angkatan?", "… where Buleleng was and where Badung was": regencies of two cohorts
            # compared; the topic naming them all answers, not the one about either (one naming all but one of three
            # answers too: "apakah Jembrana dan Karangasem juga ikut PSP seperti Buleleng?")
            for sc, i in scored[1:]:
                if sc < scored[0][0] - REGENCIES_MARGIN:
                    break
                if regencies <= index.answer_regencies[i]:
                    scored = [(sc, i), *(x for x in scored if x[1] != i)]
                    break
        best_score, best = scored[0]
        # (the offices alone — the Disdikpora, the ministry — deal with much besides PSP: with
        # nothing else of the programme, a message naming one must also be near a topic)
        named = [phrase for phrase in index.domain if phrase and phrase <= whole]
        domain_word = any(not phrase <= index.offices for phrase in named) or (bool(named) and best_score >= OFFICE_ONLY_FLOOR)
        # (…and so is one naming the bot's commands: "What's the difference between /rekap and /statistik?")
        domain_word = domain_word or "/" in text and any(c.lower() in index.commands for c in _SLASH_COMMAND_RE.findall(text))
        # (a message none of whose words any topic's questions or keywords use — only answers or
        # examples, in passing: "tinggal" — is not about PSP by its score)
        in_domain = best_score >= DOMAIN_THRESHOLD and any(w in index.postings for w in whole) or domain_word
        if index.entries[best].forward and best_score < THRESHOLD and not domain_word:
            # "lagu bali terbaru": a weak match on a topic the sources lack, with no word of the
            # programme, is not a PSP question to pass on
            in_domain = False
        # (the programme named only as what is not asked about names it not: "maaf nanya diluar PSP, … KIP kuliah …")
        named_in = _OUTSIDE_PSP_RE.sub(" ", folded) if ("luar" in folded or "bukan" in folded or "outside" in folded) else folded
        if (
            (self._names_another(text) or self._spells_another(folded, whole))
            and not self._names_programme(named_in, whole)
            and not _THIS_BOT_RE.search(folded)  # ("… studied in the Netherlands … can this bot reply in English")
            or _other_business(folded)
            and not _PSP_NAMED_RE.search(named_in)
            and not self._business_told_only(folded, as_typed, english)
            or _PUPIL_ADMISSION_RE.search(folded)
            and not _PSP_ITSELF_RE.search(folded)
            # ("program adiwiyata pendaftarannya kapan": "program" alone is read as PSP, but it names another)
            or not english
            and self._names_unknown_programme(folded, whole)
            and not _PSP_NAMED_RE.search(folded)
            and not _PSP_ITSELF_RE.search(folded)
        ):
            # "… ikut lomba O2SN, kapan pendaftarannya?", "… akta kelahiran di Dinas Kependudukan …":
            # a message naming a programme, office or event the base does not know, and no word of
            # PSP, asks about that other thing — its registration dates are not PSP's
            return Match(None, round(best_score, 4)), english
        runner_up = scored[1][0] if len(scored) > 1 else 0.0
        # Sure enough: a high score, or a fair one in the domain that clearly beats every other topic.
        clear = best_score - runner_up >= CLEAR_MARGIN and strong[best] >= CLEAR_STRONG
        confident = disagree is None and (best_score >= THRESHOLD or (in_domain and best_score >= CLEAR_THRESHOLD and clear))
        tied = 0 <= best_score - runner_up < TIE_MARGIN and best_score < TIE_HIGH
        if (
            confident
            and tied
            and best != confirmed
            and not self._number_decides(best, scored, asked_numbers)
            and not _question_breaks_tie(parts, best, scored[1][1])
        ):
            # two topics fit a middling message equally well ("… bimtek bulan Maret, tanggal berapa
            # sampai tanggal berapa?" — the Bimtek's dates or the registration's): picking one is a
            # coin toss, and a wrong answer is worse than asking back with both (unless the message's
            # question, read alone, clearly picks the best: "…, apa boleh ikut PSP? trs surat ket … siapa yg keluarkan")
            confident = False
        entry = index.entries[best]
        if (
            confident
            and not entry.forward
            and (self._other_number(best, asked_numbers) or kind.date and self._other_cohort(best, self._cohorts_asked(folded, asking_text)))
        ):
            # "pelatihan komite pembelajaran angkatan 3 kpn": the topic gives Angkatan II's dates only
            # (…or a date is asked and its answer gives another cohort's only: "pengumuman kelulusan angkatan 2 tgl brp", answered
            # for Angkatan III)
            confident = False
        if (
            confident
            and kind.date
            and best != unadjusted
            and not entry.forward
            and unadjusted in index.when_topics
            and strong[unadjusted] > strong[best]
            and (asked_cohorts := {n for w, n in self._cohorts_asked(folded, asking_text) if w == "angkatan"})
            and (told_cohorts := index.answer_cohorts[unadjusted] - {"*"})
            and not asked_cohorts & told_cohorts
        ):
            # "pendaftaran angkatan 2 dulu dibuka tgl brp?": the dates of the thing asked are another cohort's only (the later ones
            # "not in our sources"); a topic about that cohort's other business (its training's dates) is no answer either
            confident = False
        if (
            confident
            and not entry.forward
            and "*" not in index.answer_cohorts[best]
            # (a count only: not "angkatan 4 ada tes bakat skolastik ga?", whose answer speaks of every cohort's test)
            and (kind.number or kind.schools or kind.people)
            # (a cohort's number, not a school year: "the very first national batch 2021/22")
            and (asked_cohorts := {n for w, n in self._cohorts_asked(folded, asking_text) if w == "angkatan" and len(n) <= 2})
            and asked_cohorts - set().union(*index.answer_cohorts)
            and not asked_cohorts & index.answer_cohorts[best]
        ):
            # "Berapa kabupaten/kota … yang ikut PSP angkatan IV?": a cohort no source tells of, and an answer that does not
            # speak of it (not the targets by school year)
            confident = False
        kind_missed = confident and not answers_kind(kind, entry) and not self._says_lacking(query, entry)
        if confident and not entry.forward and not kind_missed and ("lpmp" in folded or "bpmp" in folded or "paud" in folded or "kemen" in folded):
            # "kepala lpmp bali sp", "who was the LPMP Bali head that opened the PMO bimtek?": the head of an office the answer
            # names no head of (it names the office, or the Disdikpora's head)
            # (only when who it is, or the name, is asked: not "apakah kepala LPMP yang jadi penanggung jawab PMO kabupaten?")
            kind_missed = (
                _WHO_NAMED_ASKED_RE.search(asking_text) is not None
                and (office := _office_head_asked(asking_text)) is not None
                and not _names_head_of(entry.answer["id"], office)
            )
        if confident and kind.who and not entry.forward and not kind_missed and any(region in folded for region in OTHER_REGENCIES):
            # "yg ikut bimtek pmo dr denpasar siapa aja?": who of another regency, which the answer does not name (not where the
            # asker comes from: "sy baru mutasi dari Jembrana, …")
            from_there = {
                found.group(1)
                for found in _FROM_REGENCY_RE.finditer(asking_text)
                if not _ASKER_FROM_RE.search(asking_text, max(0, found.start() - 50), found.end())
            }
            kind_missed = bool(from_there - index.answer_regencies[best])
        if kind_missed:
            confident = False  # "kapan …?" answered by a topic without a date: ask back rather than mislead
        # (a date asked or checked is answered by the right one: "Bimtek PMO nya tgl 8 April kan?")
        # …and a month checked: "Pleno kelulusan angkatan III itu bulan Agustus kan?" is answered with its month)
        # (…or one told as hearsay to be checked: "Pengumuman tahap 1 angkatan III katanya bulan mei 2022?"; see `checked`)
        months = set(query) & MONTH_NAMES - told_months if confident and not kind.date and not checked and index.months[best] else set()
        if "mei" in months and not _MAY_MONTH_RE.search(folded):
            months.discard("mei")  # "May I know who organised the Bimtek?": the modal, not the month
        if months and not entry.forward and not months & index.months[best]:
            confident = False  # "juli 2022 angkatan 3 lagi ngapain": the topic tells what happened in March, not in July
        if (
            confident
            and not entry.forward
            and index.years[best]
            # ("kayak e-rapor K13?": the curriculum's name; "katanya baru ada tahun 2023, benar?": a claim the answer corrects)
            and (years := {w for k, w in enumerate(query) if _is_year(w) and (not k or query[k - 1] != "kurikulum")})
            and not years & index.years[best]
            # (only of something asked again or still to be: "bimtek pmo 2023 ada lg?", "… 2025 masih ada?"; not a year told as
            # context, "syarat kepsek ikut PSP tahun 2022 apa saja?", nor a claim the answer corrects)
            and (_AGAIN_RE.search(asking_text) is not None or _STILL_HELD_RE.search(asking_text) is not None)
        ):
            confident = False  # "bimtek pmo 2023 ada lg?": the topic tells of 2022, not of the year asked
        if confident and not (entry.forward or entry.command) and (place := _counted_place(asking_text)) and place not in index.answer_places[best]:
            confident = False  # "target … untuk Kecamatan Busungbiu berapa sekolah": the topic's figures are not that place's
        # (…also when the date is asked in another clause than the one that won: "Rapat PMO kabupaten berikutnya kapan dan
        # tempatnya di mana?")
        future = kind.date and _asks_future(asking_text)
        if confident and not future and asking_text is not folded and _WHEN_RE.search(folded):
            # (in the same sentence only: not "Tujuan bimtek PMO apa? Kapan bimtek berikutnya?", two questions)
            # (…or a question of its own before it: "Is another cohort planned after 2024, and when would registration open?")
            future = any(
                (_WHEN_RE.search(p) or _YES_NO_START_RE.match(p)) and _asks_future(p) and _one_sentence(folded, p, asking_text)
                for p in clauses(folded)
            )
        if confident and future and not (entry.forward or entry.command or self._config_knows(query, best)):
            confident = False  # "rapat berikutnya tanggal berapa": the sources' dates are past; only /jadwal (config) knows coming ones
        if confident and not entry.forward and not self._answers_asked_thing(folded, english, best):
            confident = False  # "berapa honor …": a number asked about something this topic never mentions
        if (confident or in_domain) and not entry.forward:
            asked_words = self._asked_words(folded, english, query, whole)
            if "email" in asked_words and _EMAIL_ACCOUNT_RE.search(folded):
                asked_words = [w for w in asked_words if w != "email"]  # ("login PMM pake akun apa? email gmail biasa bisa?": an account, no address asked)
            lacking = self._lacking(asked_words, best, scored)
            if lacking is not None and not confident:
                # not sure of the best topic either: the lacking thing must be what the message is
                # about, not a word of its context ("info dari grup wa …, bimtek kapan?")
                near = dict((i, sc) for sc, i in scored).get(lacking, 0.0)
                # (…and the topic must speak of another thing asked, besides the lacking one: "bimtek pmo wajib pake baju dinas atau
                # bebas ya" is the Bimtek's dress, "pakaian dinas kepsek hari senin apa" no topic's)
                held_there = index.entry_words[lacking] | index.answer_words[lacking]
                shared = any(w not in index.lacking and w not in STOPWORDS and w in held_there for w in asked_words)
                lacking = lacking if near >= LACKING_NEAR * best_score and shared else None
            if lacking is not None:
                # "apakah peserta bimtek dapat sertifikat?": the message asks for a thing only a
                # "not in our sources" topic names, and the best topic never mentions it: say
                # that the sources lack it (and pass it on) rather than answer the general topic
                # or offer topics that do not hold it either.
                return Match(index.entries[lacking], round(best_score, 4), in_domain=True), english
        if (confident or kind_missed) and not entry.forward and self._lacks_detail(self._without_reason(folded, english, weights), best):
            # "siapa moderator bimtek hari ketiga": nearer a question the topic is known not to answer
            # than any way of asking what it does answer — the sources lack it; pass it on
            # (also when the answer lacks the kind asked: "siapa saja nama pengawas yg masuk PMO buleleng?")
            return Match(None, round(best_score, 4), in_domain=True), english
        if confident:
            if len(whole) < ALSO_WORDS:
                also = None
            else:
                # (for a second topic only a clause's clear winner counts: no topic below the margin under the threshold)
                also = self._also(parts if parts is not None else self._clauses(folded, english, query, THRESHOLD - CLEAR_MARGIN, other_than=best), best)
            return Match(entry, round(best_score, 4), in_domain=True, also=also), english
        picked = list(disagree) if disagree is not None else [i for sc, i in scored[:3] if sc >= SUGGEST_THRESHOLD]
        if len(picked) == 1 and len(scored) > 1:
            picked.append(scored[1][1])  # "maksudnya …?" offers a choice: two topics at least
        if any(kind) and disagree is None:
            # "siapa kadis waktu bimtek …?": the topics that can answer that kind of question come first
            picked.sort(key=lambda i: not answers_kind(kind, index.entries[i], strict=True))
        suggestions = tuple(index.entries[i] for i in picked)
        return Match(None, round(best_score, 4), suggestions if in_domain else (), in_domain), english

    @staticmethod
    def _nearest(
        variants: list[tuple[Words, float]], weights: dict[str, float], total: float, share: float = 0.0, best: float = 0.0
    ) -> float:
        """The weighted Jaccard similarity of the query to its closest variant (``variants`` lightest first), if above ``best``.

        Shared weight over the question's weight plus the variant's rest (a shared word is a known
        word, so its weight is its IDF). A variant can share at most ``share`` of the question's
        weight (all of it by default) and at most its own mass m: it can reach no more than
        min(share, m) / (total + m - min(share, m)), highest at m = share. The walk starts at the
        variants of that mass and goes both ways until neither side can beat the best found — the
        same result as comparing every variant, looking at few of them.
        """
        share = share or total
        count = len(variants)
        up = bisect.bisect_left(variants, share, key=lambda vm: vm[1])
        down = up - 1
        while True:
            heavier = share / (total + variants[up][1] - share) if up < count else 0.0
            lighter = variants[down][1] / total if down >= 0 else 0.0
            if heavier >= lighter:
                if heavier <= best:
                    return best
                variant, mass = variants[up]
                up += 1
            else:
                if lighter <= best:
                    return best
                variant, mass = variants[down]
                down -= 1
            inter = 0.0  # (one pass over the variant, no set built: a plain loop is the cheapest here)
            for w in variant:
                if w in weights:
                    inter += weights[w]
            similarity = inter / (total + mass - inter)
            if similarity > best:
                best = similarity

    def _nearest_specific(self, entry: int, specific: list[str], weights: dict[str, float], total: float) -> float:
        """The similarity of the query to the closest of the entry's variants that share one of its ``specific`` words."""
        postings = self._index.variant_postings[entry]
        found = [postings[w] for w in specific if w in postings]
        if not found:
            return 0.0
        variants = self._index.variants[entry]
        best = 0.0
        for k in found[0] if len(found) == 1 else set().union(*found):
            variant, mass = variants[k]
            if mass * best >= total or total * best >= mass:
                continue  # this much heavier or lighter than the question, it cannot be nearer
            inter = 0.0  # (one pass over the variant, no set built: a plain loop is the cheapest here)
            for w in variant:
                if w in weights:
                    inter += weights[w]
            similarity = inter / (total + mass - inter)
            if similarity > best:
                best = similarity
        return best

    def _without_reason(self, folded: str, english: bool, weights: dict[str, float]) -> dict[str, float]:
        """The question's word weights without the words only a reason or a remark after the question uses.

        "… masih plt bisa ikut daftar atau tidak ya soalnya sk definitif belum keluar", "… apa aja?
        mau sy laporkan ke kepsek": why the asker asks is context; it does not make the question
        one the topic is known not to answer.
        """
        # (what the question sets aside is not asked either: "anggotanya siapa aja selain orang dinas?")
        if (aside := _SET_ASIDE_RE.search(folded)) is not None:
            rest = set(self._query(folded[: aside.start()] + folded[aside.end() :], english)[0])
            kept = {w: weight for w, weight in weights.items() if w in rest}
            if len(kept) >= 2:
                weights = kept
        found = _REASON_RE.search(folded)
        if found is not None and not _asks(folded[: found.start()]):
            found = None  # "ujian tahap 1 soalnya ada berapa": the questions of the test, no reason yet
        # …and what follows the last question mark: "materi bimtek apa aja? mau sy laporkan ke kepsek"
        asked = _question_end(folded)
        end = found.start() if found is not None else len(folded)
        if asked is not None and asked - 1 < end:
            end = asked - 1
        if end >= len(folded):
            return weights
        before = set(self._query(folded[:end], english)[0])
        kept = {w: weight for w, weight in weights.items() if w in before}
        return kept if len(kept) >= 2 else weights

    def _lacks_detail(self, weights: dict[str, float], entry: int) -> bool:
        """Whether the question is closer to one the entry is known not to answer than to any it answers."""
        index = self._index
        lacks = index.lacks[entry]
        if not lacks:
            return False
        # A near miss lacks what it adds to the topic (a word neither the topic's ways of asking nor
        # its answer hold: "pendidikan *tinggi*"); a question without any such word asks what the
        # topic answers, however near it is ("kementerian pendidikan dasar sekarang namanya apa").
        held = index.entry_words[entry] | index.answer_words[entry]
        extra = frozenset(w for w in weights if w not in held)
        if not extra:
            return False  # every word of the question is the topic's own
        lacks = [(v, m) for v, m in lacks if not extra.isdisjoint(v)]
        if not lacks:
            return False
        total = sum(weights.values())  # the weights of the question's words, from its scoring
        lacking = self._nearest(lacks, weights, total)
        # strictly nearer: a near miss as near as a way of asking the topic does not outweigh it
        # (and sums of the same weights in another order must not decide: 1e-9)
        return lacking >= LACKS_NEAR and lacking > self._nearest(self._index.variants[entry], weights, total) + 1e-9

    def _ordinary(self, word: str) -> bool:
        # (a month or a day of the week is capitalised in English: "in March 2022", "on Monday")
        return (
            self._known(word)
            or word in STOPWORDS
            or word in SYNONYMS
            or word in BALINESE
            or word in lexicon.slang()
            or word in _SCHOOL_KINDS
            or word in _WEEKDAYS
            or word in _NAMES_OF_NO_PROGRAMME
            or word in ADDRESS  # ("… bareng angkatan III itu Ratu?", "Jero operator, …": whom the question is put to)
            or month_name(word) is not None
        )

    def _names_programme(self, folded: str, whole: set[str]) -> bool:
        """Whether the message names PSP: one of its own words or a phrase of them.

        A single word counts as written or spelled out ("Bimbingan Teknis"), not as a synonym's
        reading ("Dinas Kependudukan" is not the Disdikpora).
        """
        # ("bimteknya", "psp-nya": the name with "-nya" is still the name)
        typed = tokens(folded, folded=True)
        typed += [w[:-3] for w in typed if w.endswith("nya") and len(w) > 5]
        literal = {w if lexicon.is_real_word(w) else ABBREVIATIONS.get(w, w) for w in name_programme(typed)}
        return any(phrase and (phrase <= literal or len(phrase) > 1 and phrase <= whole) for phrase in self._index.programme)

    def _spells_another(self, folded: str, whole: set[str]) -> bool:
        """Whether dictation spelled out an abbreviation the base does not know ("pe pe de be es de": PPDB), as a typed acronym would name it."""
        spelled = spelled_abbreviations(folded)
        return bool(spelled) and any(w in spelled and w not in self._index.postings for w in whole)

    def _names_another(self, text: str) -> bool:
        """Whether ``text`` names something the base does not know.

        An acronym (``O2SN``, ``PPPK``) or a capitalised name in mid-sentence (``Paskibraka``,
        ``Dinas Kependudukan``).
        """
        # (in a message typed in capitals a capital says nothing: "DAFTARNYA DI WEB APA PAK")
        shouted = not any(ch.islower() for ch in text)
        for found in _PROPER_NAME_RE.finditer(text):
            word = found.group(0)
            # ("Anak2", "Guru2": a plural written with a 2, not a name with a number)
            numbered = any(ch.isdigit() for ch in word) and not (word[-1] == "2" and word[:-1].isalpha() and len(word) > 3)
            if shouted and not numbered:
                continue  # (there only a number names a thing of its own: "O2SN", "K13")
            acronym = word.isupper() and len(word) >= 3 or numbered
            before = text[max(0, found.start() - 60) : found.start()].rstrip()  # the few words before it
            if not acronym and (not before or before[-1] in ".!?\n"):
                continue  # "Sekolah kami …": a capital that only starts a sentence
            # fold() reads "O2SN" as "o 2sn"; the word as typed is what names the thing ("K13" folds
            # into "kurikulum 2013", "PPPK" into the base's "pk": words the base knows)
            if self._ordinary(word.lower()) or all(self._ordinary(w) for w in tokens(word)):
                continue
            if not acronym and word.lower() in self._index.idf:
                continue  # "… itu Pemda didampingi oleh siapa?": a word the base itself uses, capitalised, names nothing else
            if acronym and (
                _GROUP_CHAT_BEFORE_RE.search(before)
                or _GROUP_CHAT_AFTER_RE.match(text, found.end())
                or _MEETING_AFTER_RE.match(text, found.end())
                and _AT_BEFORE_RE.search(before)
            ):
                continue  # "Our K3S chat says 'stage 1 results coming soon'. When was …": where the news was read
            if _LIKE_BEFORE_RE.search(before):
                continue  # "apa ada tes tulis lagi kyk CPNS?": the other thing named only to compare, not asked about
            if acronym and word.upper() in _ASSOCIATIONS and _TO_PEERS_BEFORE_RE.search(before):
                continue  # "… utk berbagi pengalaman ke kepsek2 baru di K3S": the principals' own group, where it is shared
            if not acronym and _PLACE_BEFORE_RE.search(before) and _TERMINATOR_RE.search(text) and not _asks(_sentence_at(text, found.start()).lower()):
                # "… sekolahnya banyak di sini dari Pemuteran sampai Sumberklampok, …. nama2 SD … syarat apa?": a place (or a
                # time) told in a sentence that asks nothing (not "anak saya mau ikut seleksi Paskibraka. Syaratnya apa?")
                continue
            if not acronym and (
                word.lower() in NAMES
                or _after_given_name(before)
                or _INTRODUCED_RE.search(before)
                or _SCHOOL_NAMED_RE.search(before)
                or _PLACE_NAMED_RE.search(before)
                or _WHERE_FROM_RE.search(before)
                or "(" in before and (bracketed := _NAME_IN_BRACKETS_RE.search(before)) is not None and (bracketed.group("first") or "").lower() in NAMES
            ):
                # "sy Wayan pengawas SD", "Saya Ni Kadek", "SDN 2 Kalibukbuk", "sy admin dinas (Ayu Sriwahyuni)": a person or the
                # asker's school, not a thing
                continue
            if acronym and "?" in text and not (told_in := _sentence_at(text, found.start())).rstrip().endswith("?") and not _ITS_OWN_EVENT_RE.search(told_in):
                # "… sy lg bikin timeline … buat dipajang pas HUT sekolah. waktu berita dinas bulan Maret 2022 itu angkatan I posisinya
                # lg di tahap apa ya?": a thing told in a sentence that asks nothing, when the marked question names the programme's
                # own (not "Anak saya ikut O2SN. Pendaftarannya kapan?", whose question points back at it)
                asked = _marked_sentences(fold(text))
                words = set(self._query(asked, question_language(asked, folded=True) == "en")[0]) if word.lower() not in asked else set()
                if not _THAT_AT_END_RE.search(asked) and any(phrase and phrase <= words for phrase in self._index.domain):
                    continue
            return True
        return False

    def _head_asked(self, text: str, english: bool) -> str | None:
        """The thing a "what is the X of …" question asks for, when a word rare enough to name a topic: "tujuan … itu apa"."""
        found = _HEAD_NOUN_RE.search(text) or (_WHICH_NOUN_RE.search(text) if "mana" in text or "mn" in text or "which" in text else None)
        if found is None:
            return None
        words = self._query(next(head for head in found.groups() if head), english)[0]
        if len(words) != 1 or self._index.idf.get(words[0], 0.0) < self._index.specific_idf or words[0] in _DATE_HEADS:
            return None  # ("what were the dates of stage 1 …": a date is a kind of answer, not a topic's thing)
        return words[0]

    def _best(self, text: str, english: bool) -> float:
        """The best score of a piece of a message on its own (0 when it names nothing the base knows)."""
        words, numbered = self._query(text, english)
        found = self._score(words, numbered)[0] if words else []
        return found[0][0] if found else 0.0

    def _declined(self, typed: list[str]) -> bool:
        """Whether typed words hold a phrase of the base's [decline] list ("guru penggerak", "cpns")."""
        by_first = self._index.decline_by_first
        return any(any(tuple(typed[i : i + len(p)]) == p for p in by_first.get(word, ())) for i, word in enumerate(typed))

    def _asks_psp_apart(self, folded: str) -> bool:
        """Whether a clause of its own asks about Sekolah Penggerak by name, without the other programme.

        "Kalau Guru Penggerak gurunya yang daftar. Kalau Sekolah Penggerak yang daftar siapa?" asks
        about PSP; "program guru penggerak daftarnya gmn? beda kan sama sekolah penggerak" does not.
        """
        if not _PSP_BY_NAME_RE.search(folded):
            return False
        # (something of its own besides the name: "… guru penggerak kapan? sekolah penggerak apa sama?" compares, it asks no more)
        return any(
            _PSP_BY_NAME_RE.search(clause)
            and _asks(clause)
            and not self._declined(expand(tokens(clause, folded=True)))
            and len(self._query(clause, False)[0]) >= 2
            for clause in clauses(folded)
        )

    def _names_unknown_programme(self, folded: str, whole: set[str]) -> bool:
        """Whether a lowercase message names a programme the base does not know: "program adiwiyata".

        The name is a word the base never uses and no dictionary knows, read as typed (not a typo
        the matcher corrected: "program pengerak" is PSP).
        """
        if "program" not in folded:
            return False
        idf = self._index.idf
        return any(
            name in whole and name not in idf and not lexicon.is_real_word(name) and not self._known(name)
            for name in _PROGRAMME_NAMED_RE.findall(folded)
        )

    def _config_knows(self, query: list[str], entry: int) -> bool:
        """Whether a config-fed topic (/jadwal knows the coming sessions) is about what the message names.

        "bimtek berikutnya kapan" is; "rapat pokja berikutnya tanggal berapa" is not (no meeting in it).
        """
        index = self._index
        if "config" not in index.entries[entry].sources:
            return False
        known = index.entry_words[entry] | index.answer_words[entry] | _FUTURE_WORDS
        return all(w in known for w in query if index.idf.get(w, 0.0) >= index.specific_idf)

    def _near_topic(self, words: list[str]) -> bool:
        """Whether typed words ask, or say something near a topic (a courtesy's other words: "keadaan sehat" is not, "program penggerak" is)."""
        if any(_question_words(w) for w in words):
            return True  # (a question word asks, with or without its question mark)
        query = self._query(" ".join(words), False)[0]
        index = self._index
        if any(w in index.postings and index.idf[w] >= index.specific_idf for w in query):
            return True  # ("terima kasih, NUPTK sudah masuk": a word only a few topics ask about)
        scored = self._score(query, set())[0] if query else []
        return bool(scored) and scored[0][0] >= THRESHOLD

    def _specific(self, words: list[str]) -> bool:
        """Whether a clause's words name something of their own.

        Two words or more, one of which only a few topics know ("mutasi", "paud"): not only
        "sekolah", "daftar", "psp" — nor a lone "caranya gmn?" that points back to the context.
        """
        idf = self._index.idf
        return len(words) >= 2 and any(idf.get(w, 0.0) >= self._index.specific_idf for w in words)

    def _business_told_only(self, folded: str, typed: str, english: bool) -> bool:
        """Whether the other business is only told, in a message about the programme whose marked question names a topic.

        ``typed``: the whole message folded, where it was heard from included.

        "… ada nama sekdis trus didampingi kasi kurikulum SD, tapi hp tiang keburu mati 🙈 nama kasi kurikulum SD yg ikut
        itu siapa ya?": the phone that died is the story, the question is who attended (not "hp sy rusak. gimana benerinnya?",
        whose question points back at the trouble, nor "… akreditasi … pengajuan di sispena gmn ya?", which names it).
        """
        asked = _marked_sentences(folded)
        # (…or one whose question names the Bimtek or its reminders: "sering lupa jadwal zoom krn sibuk upakara di desa. bisa ga bot
        # ini ngingetin sy sebelum zoom bimtek mulai?"; not "anak sy mau daftar SMP. bot ini bisa bantu daftar?")
        # (…or by a korwil, whose business here is the programme's: "sy korwil Sukasada. yg kirim minimal lima nama SD ke dinas itu
        # deadline nya kpn ya? sy takut telat krn kmrn sibuk ngurus lomba porsenijar")
        named = (
            _PSP_ITSELF_RE.search(typed)
            or "bimtek" in asked
            or _REMINDER_ASKED_RE.search(asked)
            or _KORWIL_ASKS_RE.match(typed) and _KORWIL_SCHOOLS_RE.search(asked)
            or _FORM_ASKED_RE.search(asked)  # (…or this bot's form: "email wajib diisi ga pak di form pendaftaran?")
        )
        if asked is folded or not named or _other_business(asked):
            return False
        # (…nor when the question itself names a programme of the declined list: "sy korwil Banjar. pendaftaran guru penggerak kapan?")
        marked = " ".join(m.group(0) for m in _WHOLE_SENTENCE_RE.finditer(folded) if m.group(0).rstrip().endswith("?"))
        if self._declined(expand(tokens(marked or asked, folded=True))):
            return False
        pieces = clauses(asked)
        last = pieces[-1]
        if len(pieces) > 1 and _points_back(last) and _asks(pieces[-2]):
            last = pieces[-2]  # ("… bisa ga bot ini ngingetin sy sebelum zoom bimtek mulai? gmn nyalainnya": how, of the question before)
        return not _points_back(last) and self._specific(self._query(asked, english)[0])

    def _follows_up(self, clause: str, before: str, english: bool) -> bool:
        """Whether ``clause`` asks about "its" thing that the question ``before`` it named ("alamat webnya apa?" after "… lewat portal apa?").

        (With the same question word only: "kapan? … bimteknya siapa yg ngadain?" is a second question.)
        """
        asked = _question_words(clause)
        if not asked or not asked <= _question_words(before):
            return False
        its = [word[:-3] for word in clause.split() if word.endswith("nya") and len(word) >= 6]
        return bool(its) and not set(self._query(" ".join(its), english)[0]).isdisjoint(self._query(before, english)[0])

    def _introduces_asker(self, clause: str, words: list[str]) -> bool:
        """Whether a clause only says who asks and where ("tiang kepsek SD di Tejakula", "saya operator sd negeri 1 sukasada")."""
        return _ASKER_INTRO_RE.match(clause) is not None and all(w in _INTRO_WORDS or w.isdigit() or w not in self._index.idf for w in words)

    def _enough_left(self, rest: str, english: bool) -> bool:
        """Whether ``rest`` asks on its own: two words, or one asked that clearly picks a topic ("what is PMO actually? I hear it … in the bimtek")."""
        words, numbered = self._query(rest, english)
        if len(words) != 1:
            return len(words) >= 2
        scored = self._score(words, numbered)[0]
        return _asks(rest) and bool(scored) and scored[0][0] >= THRESHOLD and _ahead(scored)

    def _clear_alone(self, words: list[str], scored: list[tuple[float, int]]) -> bool:
        """Whether a one-word asking clause is the programme's name asked about, clearly ("…, PSP niki napi?": what PSP is).

        (Or this bot's: "…. What is this bot and what can it do?")
        """
        return (
            len(words) == 1
            and (frozenset(words) in self._index.programme or words[0] == "bot")
            and scored[0][0] >= THRESHOLD
            and _ahead(scored)
        )

    def _asked_exactly(self, words: list[str], scored: list[tuple[float, int]]) -> bool:
        """Whether a clause of two words or more is a way of asking its best topic, word for word, and clearly no other's."""
        return len(words) >= 2 and scored[0][0] >= EXACT_SCORE and _ahead(scored)

    def _says_lacking(self, query: list[str], entry: FaqEntry) -> bool:
        """Whether the answer says the sources name no such figure, about the thing asked ("biaya daftar berapa")."""
        return any(len((set(query) & words) - _EVERYWHERE) >= 2 for words in self._silent(entry))

    def _silent(self, entry: FaqEntry) -> list[frozenset[str]]:
        """The words of each sentence of the entry's answer that says the sources name no such thing (read once)."""
        index = self._index
        found = index.silent.get(entry.id)
        if found is None:
            sentences = (s for s in _SENTENCE_RE.split(entry.answer["id"]) if _SILENT_PHRASES.search(s))
            found = index.silent[entry.id] = [frozenset(self._query(fold(s), False)[0]) for s in sentences]
        return found

    def _adjusted(
        self, scored: list[tuple[float, int]], asked: frozenset[tuple[str, str]], query: set[str], choice: bool = False
    ) -> list[tuple[float, int]]:
        """Scores lowered where the words mislead.

        "tahap 1 isinya apa": a topic about "tahap 2" only (never "tahap 1"); "Klungkung … tahap apa?": one about
        other regencies only (its keywords). "bimtek kapan": a
        topic on what the sources lack about the Bimtek (speakers) when the message names none
        of the lacking things (its keywords). "juli 2022 angkatan 3 lagi apa": a topic whose
        answer never names July.
        """
        index = self._index
        months = query & MONTH_NAMES
        named = "psp" in query
        # (Buleleng alone, the bot's own regency, is often where the asker is: "sekolah angkatan 2 di buleleng siapa aja")
        regions = query & BALI_REGENCIES if query & OTHER_REGENCIES else frozenset()
        out = []
        changed = False
        for sc, i in scored:
            factor = 1.0
            if regions and (own_regions := index.keyword_words[i] & BALI_REGENCIES) and not own_regions & regions:
                # "Klungkung per Maret 2022 sdh di tahap apa?": a topic about other regencies (Buleleng's cohort) only
                factor *= NUMBER_MISMATCH
            anchors = index.anchors[i]
            if named and anchors and not anchors & query:
                # "program sekolah penggerak tujuannya apa" names the programme, not the Bimtek
                factor *= ANCHOR_MISMATCH
            if months and not months & index.months[i]:
                factor *= MONTH_MISMATCH
            own = index.numbers[i]
            # (of a choice, one is enough: "badung sama klungkung itu angkatan dua ya pak atau angkatan tiga")
            if asked and own and (not asked & own if choice else any(pair not in own and pair[0] in index.number_words[i] for pair in asked)):
                factor *= NUMBER_MISMATCH
            elif asked and own and not asked & own and any(n == m and w != v for w, n in own for v, m in asked):
                # "tahap 1 mulai kpn": the number is another thing's only (cohort I's "angkatan 1"), not the stage asked
                factor *= NUMBER_MISMATCH
            if index.entries[i].forward and not index.keyword_words[i] & query:
                factor *= NUMBER_MISMATCH
            if factor != 1.0:
                changed = True
            out.append((sc * factor, i))
        if changed:
            out.sort(key=lambda s: (-s[0], s[1]))
        return out

    def _number_decides(self, best: int, scored: list[tuple[float, int]], asked: frozenset[tuple[str, str]]) -> bool:
        """Whether the best topic is about the numbered thing asked and the runner-up about none ("tahap 1 … apa saja": stage 1's topic, not the stages')."""
        numbers = self._index.numbers
        if len(scored) < 2 or numbers[scored[1][1]]:
            return False
        # (…the runner-up being the general topic of the thing numbered: "tahap" without a number)
        general = self._index.entry_words[scored[1][1]]
        return any(pair[0] in general for pair in numbers[best] & asked)

    def _other_number(self, entry: int, asked: frozenset[tuple[str, str]]) -> bool:
        """Whether the entry is about another "tahap"/"angkatan" only, none of those asked ("PKP angkatan 3" of a topic on Angkatan II's)."""
        own = self._index.numbers[entry]
        named = [pair for pair in asked if pair[0] in self._index.number_words[entry]]
        return bool(own and named and not any(pair in own for pair in named))

    @staticmethod
    def _cohorts_asked(folded: str, asking_text: str) -> frozenset[tuple[str, str]]:
        """The numbered things the asking sentence names (not the context's: "saya dulu ikut angkatan 2 … kapan pengumuman …?")."""
        return numbered_pairs(raw_tokens(asking_text if asking_text is not folded else _marked_sentences(folded)))

    def _other_cohort(self, entry: int, asked: frozenset[tuple[str, str]]) -> bool:
        """Whether the entry's answer tells of other cohorts only, none of those asked."""
        told = self._index.answer_cohorts[entry]
        cohorts = {n for w, n in asked if w == "angkatan"}
        return bool(cohorts and told and "*" not in told and not cohorts & told)

    def _asked_words(self, folded: str, english: bool, query: list[str], whole: set[str]) -> list[str]:
        """The words of the clause that asks (the last one with a question word, else the last): not the context's.

        In the message's order (the first thing named is the one a forward entry is picked for,
        whatever the process's string hashing).
        """
        if not any(w in self._index.lacking for w in whole):
            return []  # nothing lacking named anywhere in the message: no need to find the clause
        pieces = clauses(folded)
        # (not "saya tdk bisa ikut krn …": a can't is told, not asked; "rekaman … ada gak pak": a yes-or-no is asked)
        asking = [p for p in pieces if _question_words(p) or _YES_NO_END_RE.search(p)]
        if "?" in folded and len(asking) > 1:
            # (in a message that marks its question, a clause after the last mark that does not start with a question word is
            # why it is asked: "Tim PMO kabupaten itu anggotanya siapa aja nggih? tiang perlu tau siapa yg bisa dihubungi …"; not
            # "Is there a PDF …? where can I download it", a second question left unmarked)
            last_mark = folded.rfind("?")
            asking = [p for p in asking if _ends_with_question(folded, p) or folded.rfind(p) < last_mark or _WH_WORD_RE.match(p)] or asking
        if not asking and "?" not in folded:
            # "surat ket sehat … hrs dilampirin pas daftar ga pak, antri di rsud lama bgt": the clause ending on "ga" asks, and
            # so does a choice put with "ya" ("bimtek pmo itu wajib pake baju dinas atau bebas ya, kan dr rumah zoomnya");
            # the complaint or the reason after it is context
            asking = [p for p in pieces if _NOT_TAG_END_RE.search(p) or _choice_put(p)]
        if not asking and "?" in folded:
            # "… itu wajib dilampirkan waktu pendaftaran atau nanti? Soalnya puskesmas …": the
            # sentence with the question mark asks; the reason after it is context
            asking = [p for p in pieces if _ends_with_question(folded, p)]
        # (the one ending last, and of two ending together the shorter: the last sentence, not all that follows "pertanyaan
        # tiang …" — "Pertanyaan tiang agak ribet soal sekolah yg baru merger, …. Bisa ga ngobrol sama orang dinas?")
        clause = max(asking, key=lambda p: (len(folded[: folded.rfind(p) + len(p)].rstrip(" ?.!")), -len(p))) if asking else (pieces[-1] if pieces else folded)
        if clause in pieces and (at := pieces.index(clause)) and not _question_words(clause) - _YES_NO and not self._query(clause, english)[0]:
            clause = pieces[at - 1]  # "… ada kisi-kisinya kan? boleh saya minta?": the request points back at what was said before it
        relayed = RELAYED_RE.search(clause)
        if relayed is not None and (told := self._query(clause[relayed.end() :], english)[0]):
            return told  # "ada kepsek telp ke kantor nanya pengumuman tahap 1 tgl brp": what is asked, not how it came
        if len(pieces) < 2:
            return query
        # …with the condition it rests on: "kalau SD sy mau digabung (regrouping) …, statusnya gimana?"
        at = pieces.index(clause) if clause in pieces else 0
        if at and _CONDITION_START_RE.match(pieces[at - 1]) and not any(question_kind(clause)):
            clause = pieces[at - 1] + " " + clause
        return self._query(clause, english)[0]

    def _lacking(self, words: list[str], best: int, scored: list[tuple[float, int]]) -> int | None:
        """The forward entry naming a word of the message that the best entry does not hold, if any."""
        index = self._index
        held = index.entry_words[best] | index.answer_words[best]
        # (a topic near the best that does speak of it — "rekap … bisa diunduh?": the export — is not lacking it)
        near = [i for _, i in scored[:3] if not index.entries[i].forward]
        for word in words:
            ids = index.lacking.get(word)
            if ids and word not in held and not any(word in index.entry_words[i] for i in near):
                ranked = [i for _, i in scored if i in ids]
                return ranked[0] if ranked else ids[0]
        return None

    def _answers_asked_thing(self, folded: str, english: bool, entry: int) -> bool:
        """Whether the entry speaks of the thing asked: "berapa honor …", "ranking … brp", "judul esai … apa saja"."""
        index = self._index
        found = _ASKED_THING_RE.search(folded)
        if found is None:
            listed = _LISTED_LAST_RE.search(folded) is not None
            if not listed and not _ASKED_LAST_RE.search(folded):
                return True
            # "ranking … brp": the number of what the question's own clause begins with. A
            # thing no topic is about (unknown, or at most a word in passing in an answer) is a
            # detail the base lacks.
            # (after a time it is about: "waktu awal sosialisasi … lembaga apa aja" lists institutions of the socialisation)
            last = _AT_THE_TIME_RE.sub("", clauses(folded)[-1], count=1)
            if (place := _AT_PLACE_RE.search(last)) is not None and place.group(1) not in index.postings:
                last = last[: place.start()] + last[place.end() :]  # "di jakarta jam berapa": where, not the thing whose number is asked
            asking = ASKING_RE.search(last)
            words = self._query(last[asking.end() :] if asking else last, english)[0]
            # ("Isi seleksi tahap 1 itu apa saja?", "tahap 1 nya isi apa aja": what the thing holds, the thing named after it)
            content_only = bool(words) and all(w in _CONTENT_WORDS for w in words)
            words = [w for w in words if w not in _CONTENT_WORDS] or words
            if content_only and len(clauses(folded)) > 1:
                return True  # "Seleksi tahap 2 … berlangsung kapan dan bentuknya apa saja?": what the thing named before holds
            # ("… tiang dengar gianyar terus yang lainnya apa saja": the others of what was named before)
            # (when a question before it asked for a list: not "Tiang sudah daftar PSP lewat SIMPKB, yang lainnya apa saja?")
            if not words or not words[0].isalpha() or words == ["lain"] and any(_question_words(p) for p in clauses(folded)[:-1]):
                return True
            if words[0] in index.entry_words[entry] or words[0] in index.answer_words[entry]:
                return True
            # "judul esai … apa saja": the list of a thing this topic never names is not in its answer
            return not listed and words[0] in index.postings
        words = self._query(found.group(1) or found.group(2), english)[0]
        if not words or not words[0].isalpha() or _WHICH_UNIT_RE.search(folded, 0, found.start()):
            return True  # (…nor "Tahun berapa sekolah penggerak … mulai jalan?": which year, not how many schools)
        if found.group(2):  # "are there any schools from Buleleng …": the first word that names something
            asked = next((w for w in words if index.idf.get(w, 0.0) >= index.specific_idf), "")
            if not asked:
                return True
        else:
            asked = words[0]
        if asked in index.entry_words[entry] or asked in index.answer_words[entry]:
            return True
        if asked not in index.idf and (before := _THING_BEFORE_RE.search(folded, 0, found.end())) is not None:
            # "smp kls brp dluan yg pake kurikulum merdeka": a word no topic uses after "brp"; the thing
            # before it is what "berapa" asks ("kelas berapa": which grade), when this topic names it
            thing = self._query(before.group(1), english)[0]
            if thing and thing[0] in index.entry_words[entry] and index.idf.get(thing[0], 0.0) >= index.specific_idf:
                return True
        if asked in _SCHOOL_KINDS:
            # "brp SD yg sdh daftar …", "berapa TK/PAUD … lolos": schools of a kind, counted only where the topic counts schools
            # (not "kepala sekolah" in passing: "how many PAUD registered for angkatan 3" is not the cohort's regencies)
            # (a command's topic gives the count: "/rekap")
            return bool(index.entries[entry].command) or _held(index.entries[entry].answer["id"]).schools
        # Not this topic's word: fine unless the base never uses it, or it names a topic the
        # sources have no answer for ("honor", "sertifikat").
        return asked in index.idf and not any(index.entries[i].forward for i in index.postings.get(asked, ()))

    def _clauses(
        self, folded: str, english: bool, whole: list[str], floor: float = 0.0, context_floor: float = 0.0, other_than: int | None = None
    ) -> list[tuple[list[str], _Scored, bool, str]]:
        """The message's clauses that may hold a question, scored: at most MAX_CLAUSES, questions first.

        Topics below ``floor`` are left out of a clause's scores, and below ``context_floor`` out of
        those of a clause that asks nothing, for callers that need no more (``other_than``: see _score).
        """
        seen = {tuple(whole)}
        found: list[tuple[int, list[str], set[str], bool, str]] = []
        pieces = clauses(folded)
        if len(pieces) < 2:
            return []  # one clause: the whole message, already scored
        # A message that marks its questions with "?" asks nothing in its other sentences ("…
        # berapa? Supaya usulan kami bisa disesuaikan."): those are context, whatever words they use.
        marked = folded.count("?") > 0
        for n, clause in enumerate(pieces):
            words, numbered = self._query(clause, english)
            told_about = False
            # A clause with a question word or mark, or near the end, is likelier the question.
            # "belum pernah ikut program apa pun" asks nothing: "apa pun", "siapa pun" are not question words
            question = _question_words(clause)
            asks = bool(question)
            if marked:
                asks = "?" in clause or (asks and _ends_with_question(folded, clause))
            # ("tp tiang lupa hasilnya apa. gimana cara cek lagi …": what the asker forgot is told, when a question follows it)
            if asks and _FORGOT_RE.match(clause) and "?" not in clause and any(_asks(piece) for piece in pieces[n + 1 :]):
                asks = False
            # "PSP ini jg cuma utk sekolah unggulan kan?": a tag asks for confirmation
            asks = asks or bool(marked and _TAG_END_RE.search(clause) and _marked_itself(folded, clause))
            # …and so does an English yes-or-no marked by its own mark, whatever its subject ("… Our school's accreditation is still C
            # because we are quite new. Is accreditation a requirement to join PSP?")
            # (not one pointing back: "wasn't there a TBS aptitude test …? did cohort 3 still have it?")
            asks = asks or bool(
                marked and english and _AUXILIARY_ANY_START_RE.match(clause) and _marked_itself(folded, clause) and not _THAT_AT_END_RE.search(clause)
            )
            # …and so does a yes-or-no ending on "ga", marked by its own mark, the one question at the end of a story no other clause
            # asks in ("… kemarin sy lg isi form pendaftaran tiba2 sinyal ilang, maklum di gunung. baru skrg bisa buka lg. harus
            # ngulang dr awal ga ya?"; not "kalo ada surat edaran dikirim lewat bot, sy perlu konfirmasi sudah baca gak?", whose
            # condition is part of it)
            asks = asks or bool(
                marked
                and n >= 3
                and _NOT_TAG_END_RE.search(clause)
                and _marked_itself(folded, clause)
                and folded.count("?") == 1
                and not any(_question_words(p) - _YES_NO for p in pieces)
                # (one that names a thing the story named too is read with the story: "… tmn tiang angkatan 1 cerita ada wawancara.
                # angkatan 3 masih ada wawancara ga ya?" is the interview, not cohort III)
                and (not self._specific(words) or not any(set(words) & set(self._query(piece, english)[0]) for piece in pieces[:n]))
                # (…and only when its own best topic is one of the whole message's two best: not "… masa tugas tiang tinggal 3 tahun
                # lagi. masih memenuhi syarat ga nggih?", the term's question, not the bot's eligibility check)
                and bool(alone_top := self._score(words, numbered)[0])
                and alone_top[0][1] in {i for _, i in self._score(whole, set())[0][:2]}
            )
            # …and so does "is there … or not?" marked by its own mark ("… daftarnya di mana ya? ada link pendaftaran buat guru ga?")
            # (a sentence of its own: not "kalo edaran dikirim lewat bot, ada tanda sdh dibaca ga?", asked with its condition)
            asks = asks or bool(
                marked and _THERE_IS_ASKED_RE.match(clause) and _marked_itself(folded, clause) and not (n and _one_sentence(folded, pieces[n - 1], clause))
            )
            # …and so does a choice marked as a question by its own mark, the message's first question ("…. yg daftar
            # sekolahnya atau kepseknya ya?"; not "pewawancaranya siapa? dari kementerian atau pelatih ahli?", which
            # offers choices for the question before it)
            asks = asks or bool(
                marked
                and " atau " in f" {clause} "
                and _marked_itself(folded, clause)
                # (a question word told, not asked, does not count: "… gak jelas isinya siapa aja. Cuma orang dinas aja atau …?")
                and not any(_asks(piece) and _ends_with_question(folded, piece) for piece in pieces[:n])
            )
            # (not "…. bimteknya yg ngadain siapa?": what "-nya" points at is named, the programme itself)
            points_back = all(w in _POINTS_BACK for w in words) or _points_back(clause) and not _NAMED_ITSELF_RE.search(clause)
            # ("sy kepsek swasta gapunya NIP, di form diisi apa?": what to fill in for the field told just before)
            points_back = points_back or bool(n and _FILLED_WITH_RE.fullmatch(clause) and _FORM_FIELD_RE.search(pieces[n - 1]))
            # ("guru sy mau daftar jd komite pembelajaran, dftr nya lewat mana ya": the registering told before, in the same
            # sentence, for the thing it names — not registering in general)
            points_back = points_back or bool(
                n
                and _ITS_FIRST_RE.match(clause)
                and not _asks(pieces[n - 1])
                and _one_sentence(folded, pieces[n - 1], clause)
                and set(words) <= set(told_words := self._query(pieces[n - 1], english)[0]) | _POINTS_BACK
                and self._specific(told_words)
            )
            # (…and so does one opening with "nah itu" after the thing told in the same sentence: "angkatan III kan seleksinya th
            # 2022, nah itu mulai jalan beneran di sklh th brp ya?" — when cohort III started at school)
            points_back = points_back or bool(
                n
                and _NAH_THAT_START_RE.match(clause)
                and _question_words(clause)
                and not self._specific(words)
                and not _asks(pieces[n - 1])
                and _one_sentence(folded, pieces[n - 1], clause)
                and self._specific(self._query(pieces[n - 1], english)[0])
            )
            if n and _DATES_ONLY_RE.fullmatch(clause) and _asks(pieces[n - 1]) and _marked_itself(folded, pieces[n - 1]):
                # "… pelatihan komite pembelajaran utk angkatan 3 itu jadwalnya kapan ya? tgl brp mulai?": the date question before
                # it, asked again
                continue
            if not points_back and "maksud" in words:
                words = [w for w in words if w != "maksud"]
            # (a yes-or-no marked as a question by its own mark asks too: "kepsek sy masih Plt, blh daftar PSP gk?")
            asks = asks or bool(n and points_back and marked and _marked_itself(folded, clause))
            if n and points_back and asks and folded.find(pieces[n - 1]) > folded.find(clause):
                continue  # what follows a "mohon informasi" read again, pointing back at nothing before it
            # (a choice before it names its subject and asks no more: "bimteknya daring atau tatap muka? pakai aplikasi apa?")
            choice = " atau " in f" {pieces[n - 1]} " if n else False
            # (or one asking in the same sentence: "napi artinya verifikasi dan penilaian itu pak, tgl brp dilaksanakan")
            # (in a message that marks its questions, only a sentence ending with "?" asks: not "…, nobody knows when it will finish.")
            before_asks = n > 0 and _asks(pieces[n - 1]) and not _one_sentence(folded, pieces[n - 1], clause)
            before_asks = before_asks and (not marked or _ends_with_question(folded, pieces[n - 1]))
            if (
                n
                and words
                and (
                    _ALTERNATIVE_START_RE.match(clause)
                    and (not _asks(clause) or _ALTERNATIVE_ASKED_RE.match(clause))
                    # (…or "only this or that too" after a count asked: not "kapan? apa cuma SD atau SMP juga bisa?", a question of its own)
                    or _ONLY_OR_RE.match(clause)
                    and _HOW_MANY_RE.search(pieces[n - 1]) is not None
                )
                and not any(_asks(piece) for piece in pieces[n + 1 :])
            ):
                # "materi bimtek ada digitalisasi sekolah gak? atau cuma perencanaan berbasis data?": the other half of
                # a choice; the two together are the question
                words, numbered = self._query(f"{pieces[n - 1]} {clause}", english)
                asks = asks or marked or _asks(pieces[n - 1])
            elif (
                n
                and asks
                and points_back
                # (a claim checked with only its mark is told, all the same: "Katanya ada tahap verifikasi sama penilaian ya? itu
                # jalannya kapan sampe kapan pak?")
                and (not (before_asks or marked and not choice and _marked_itself(folded, pieces[n - 1])) or _CLAIM_ONLY_RE.match(pieces[n - 1]))
            ):
                # "Kami ingin mengirim edaran lewat bot ini. Bagaimana caranya?", "Kami dengar ada
                # komite pembelajaran. Siapa saja anggotanya?": the question points back at the
                # sentence before it, which asks nothing itself; the two together are the question
                # (two pieces back when the one before asks nothing either: "kami ikut wawancara
                # tahap 2 tapi listrik padam, bs diulang gk?" is about the interview)
                # (…past the purpose told just before it: "… pengen liat rekap kepsek yg udh daftar, per jenjang, biar tau udh nyampe
                # target blm. caranya gmn?" is how to see the recap, not the target)
                end = n - 1 if n >= 2 and _REASON_START_RE.match(pieces[n - 1]) and not _asks(pieces[n - 2]) else n
                two = (
                    end >= 2
                    and not _asks(pieces[end - 2])
                    and _one_sentence(folded, pieces[end - 2], pieces[end - 1])
                )
                start = end - 2 if two else end - 1
                # (past a remark naming nothing the base knows: "… asked me what the five interventions … are and I totally
                # blanked out haha, embarrassing. Could you list them for me?")
                while start > max(0, end - 3) and not any(w in self._index.idf for w in self._query(" ".join(pieces[start:end]), english)[0]):
                    start -= 1
                # (…the remarks walked past left out: their words are no part of what is asked)
                told = " ".join(p for k, p in enumerate(pieces[start:end]) if k == 0 or any(w in self._index.idf for w in self._query(p, english)[0]))
                # (…or, past a remark between, the sentence that names what the question's own words name: "sy mau daftar PSP tp
                # bingung daftarnya di web mana, anak sy yg biasa ngajarin buka hp jg ga tau. daftarnya lewat portal apa bu?")
                named_there = [
                    k
                    for k in range(n - 1, max(-1, n - 4), -1)
                    if words
                    and (
                        set(words) <= (there := set(self._query(pieces[k], english)[0])) | _POINTS_BACK
                        or len(set(words) & there) >= 2
                    )
                ]
                if named_there and named_there[0] < start:
                    told = pieces[named_there[0]]
                # ("Ada pesan WA terusan soal Program Sekolah Penggerak, napi niki sebenarnya?": what the
                # message was about is what is asked about, not the message; not "… surat edaran soal PSP, isinya
                # apa?", which asks for the circular's content)
                about = _ABOUT_THING_RE.search(told) if not words else None
                if about is not None and self._query(told[about.end() :], english)[0]:
                    told = told[about.end() :]
                    told_about = True
                words, numbered = self._query(f"{told}. {clause}", english)
            elif (
                n
                and asks
                and len(words) <= 2
                and (_PURPOSE_RE.match(pieces[n - 1]) or _FRAME_RE.match(pieces[n - 1]))
                and not _asks(pieces[n - 1])
                and _one_sentence(folded, pieces[n - 1], clause)
            ):
                # "Untuk daftar di bot, data apa saja yang perlu disiapkan?": what it is for says which
                # data; the two together are the question (not "buat laporan ke kepsek, jadwal bimteknya
                # kapan?": a reason for asking is context)
                # (…and "Dalam intervensi pendampingan konsultatif, lembaga apa mendampingi siapa?": what it is
                # asked within)
                words, numbered = self._query(f"{pieces[n - 1]} {clause}", english)
            elif n and asks and not points_back and (named := _named_before(pieces, n, clause)) is not None:
                # "… bingung soal surat keterangan sisa masa jabatan itu karena …. Untuk sekolah swasta seperti kami, surat
                # itu dikeluarkan oleh siapa?": "surat itu" is the one named before; the question is about it
                words, numbered = self._query(named, english)
            elif n and asks and marked and 0 < len(words) <= 3 and before_asks and self._follows_up(clause, pieces[n - 1], english):
                # "… pendaftaran kepsek utk PSP itu online lewat portal apa ya? alamat webnya apa?": "its web" is the portal just asked
                # about; the two together are the question
                words, numbered = self._query(f"{pieces[n - 1]} {clause}", english)
            if n and asks and words and _ATTENDED_THEN_RE.search(clause) and not _EVENT_RE.search(clause):
                # "tiang baca berita soal bimtek PMO …, lupa siapa saja dari dinas yg ikut waktu itu": who attended the
                # event named before, not the office's officials
                event = next((m.group(0) for piece in reversed(pieces[:n]) if (m := _EVENT_RE.search(piece))), None)
                if event is not None:
                    words, numbered = self._query(f"{clause} {event}", english)
            # "…, sekolah penggerak itu apa?": the programme's name alone is a question when asked
            # "…, materinya tentang apa aja?": one word is the question when the clause asks what
            # (not "…, bs jd sekolah penggerak?": a yes-or-no about the context's generic word)
            alone = asks and bool(question - _YES_NO or self._index.idf.get(words[0] if words else "", 0.0) >= self._index.specific_idf)
            # "…. Maksudnya bagaimana?", "caranya gmn?": the word points back at the context, it names nothing
            # (nor does a one-word question about the thing told before, when that was a question of its own: "…? brp hari?")
            alone = alone and not (len(words) == 1 and (words[0] in _POINTS_BACK or points_back and not told_about))
            # (a question pointing back that reads the whole message is kept: the whole is then what it
            # asks, and a context clause must not outvote it — "form saya belum selesai, bisa dilanjutkan besok?")
            whole_asked = asks and points_back and tuple(words) == tuple(whole)
            # (…and one that reads the sentence before it, which asks nothing itself, makes that sentence the question:
            # "… ada yang bilang PSP punya lima intervensi. Apa saja itu?")
            if asks and points_back and tuple(words) in seen and not whole_asked and (_WHAT_THAT_IS_RE.fullmatch(clause) or _HOW_DONE_RE.fullmatch(clause)):
                found = [f for f in found if not (not f[3] and f[1] == words)]
                seen.discard(tuple(words))
            if not words or (len(words) < 2 and not alone) or tuple(words) in seen and not whole_asked:
                continue
            seen.add(tuple(words))
            found.append((-(2 * len(pieces)) * asks - n, words, numbered, asks, clause))
        found.sort(key=lambda f: f[0])
        return [
            (words, self._score(words, numbered, floor if asks else max(floor, context_floor), other_than), asks, clause)
            for _, words, numbered, asks, clause in found[:MAX_CLAUSES]
        ]

    def _also(self, parts: list[tuple[list[str], _Scored, bool, str]], first: int) -> FaqEntry | None:
        """A second topic the message asks about in a clause of its own ("… dan apakah plt boleh daftar")."""
        for _, (scored, _, _), _, _ in parts:
            if scored and scored[0][1] != first and _clear(scored):
                return self._index.entries[scored[0][1]]
        return None

    def answer(self, text: str, lang: str) -> tuple[Match, str]:
        """The match and the text the bot would say (``not_found`` templates filled by the caller)."""
        match = self.match(text)
        return match, answer_text(match.entry, lang, text) if match.entry else ""


def _when_topics(entries: list[FaqEntry]) -> frozenset[int]:
    """The entries most of whose ways of asking (questions and examples) ask when: about when something happens."""
    found = set()
    for i, entry in enumerate(entries):
        asked = [*entry.questions, *entry.examples]
        if asked and sum(1 for q in asked if _WHEN_RE.search(fold(q))) >= WHEN_SHARE * len(asked):
            found.add(i)
    return frozenset(found)


def _massed(words: frozenset[str], idf: dict[str, float], unknown: float) -> tuple[Words, float]:
    """A variant as a sorted tuple of its words, and its IDF mass (``unknown`` for a word the base lacks)."""
    ordered = tuple(sorted(words))
    return ordered, sum(idf.get(w, unknown) for w in ordered)


def _query_words(index: _Index, folded: str, english: bool) -> tuple[list[str], set[str]]:
    """The canonical content words of folded text, and the numbers that follow a numbered word ("angkatan 4")."""
    vocab = index.vocab
    if any(name in folded for name in _VOCATIVE_HINTS):
        # "bu komang bimtek itu kapan": whom the question is put to; "tiang made suarjana kepala sd …": the asker
        folded = _VOCATIVE_RE.sub(lambda m: m.group(1) + (_own_name_dropped(index.known, m.group(2)) if m.group(1) in _INTRODUCING else m.group(2)), folded)
    if ", " in folded and _NAME_APART_RE.search(folded):
        # "tiang korwil kecamatan sawan, nyoman sadia. …": the asker's name set apart after who they are
        folded = _NAME_APART_RE.sub(lambda m: m.group(1) + _own_name_dropped(index.known, m.group(2)), folded)
    if " bot" in folded:
        folded = _GREETED_BOT_RE.sub(r"\1", folded)
    if any(verb in folded for verb in _ADDED_HINTS):
        folded = _ADDED_HERE_RE.sub(" ", folded)
    if ("korwil" in folded or "koordinator" in folded or "coordinator" in folded) and _KORWIL_CHOOSES_RE.search(folded):
        folded = _KORWIL_CHOOSES_RE.sub(" usul ", folded)  # "syarat yg dipakai korwil pilih SD": the schools a korwil proposes
    if english and "check" in folded:
        folded = _QUICK_CHECK_RE.sub(" ", folded)  # "quick check: what are the PSP interventions again?": no check of one's own
    if english and "map" in folded:
        folded = _MAP_PEOPLE_RE.sub("pemetaan", folded)  # "did disdikpora map the principals for PSP?": the office's mapping, not a map
    if ("luar" in folded or "bukan" in folded or "not about" in folded or "unrelated" in folded or "outside" in folded) and _OUTSIDE_PSP_RE.search(folded):
        folded = _OUTSIDE_PSP_RE.sub(" ", folded)  # "pak maaf diluar PSP, dana PIP …": the programme named as what is not asked about
    if "langsung" in folded:
        folded = _ASK_DIRECTLY_RE.sub(r"\1", folded)  # "malu mau nanya langsung, …": how one asks, no topic
    if any(kind in folded for kind in _QUESTION_KINDS) and _KIND_OF_QUESTION_RE.search(folded):
        folded = _KIND_OF_QUESTION_RE.sub(" ", folded)  # "mau tanya hal yg agak pribadi": the kind of question, no topic
    if "(" in folded and _EXAMPLES_ASIDE_RE.search(folded):
        folded = _EXAMPLES_ASIDE_RE.sub(" ", folded)  # "data sy (NIP, tgl lahir dll) dihapus": the examples are an aside
    if ("berita" in folded or "koran" in folded) and _IN_THE_NEWS_RE.search(folded):
        folded = _IN_THE_NEWS_RE.sub(" ", folded)  # "bimtek PMO yg di berita itu …": the one meant, not the news
    if "namanya" in folded and not _PERSON_NAMED_RE.search(folded) and not _ROLE_DESCRIBED_RE.search(folded):
        folded = _WHAT_NAME_RE.sub(" apa ", folded)  # "kurikulum apa ya namanya?": the curriculum itself, not a name list
    if "1" in folded or "2" in folded or "3" in folded or "4" in folded:
        folded = _DEGREE_RE.sub(lambda m: _DEGREES.get(m.group(1) + m.group(2), m.group(0)), folded)  # "harus minimal S1?": a degree, not "s" and "1"
    if "principle" in folded:
        folded = _PRINCIPLE_RE.sub("principal", folded)  # "if the principle pass the selection": a principal, misspelt
    if english and "for" in folded:
        # "What was the Bimtek … actually for?": an event's aim (not "what is this bot for?", "what is the NPSN for?")
        folded = _WHAT_FOR_RE.sub(lambda m: f" purpose {m.group(0)}" if _EVENT_RE.search(m.group(0)) else m.group(0), folded)
    if "akreditasi" in folded or "accreditation" in folded:
        folded = _ACCREDITATION_GRADE_RE.sub(" akreditasi ", folded)  # "accreditation grade (A or B)": the accreditation itself
    if any(word in folded for word in _OBLIGED_HINTS) and _OBLIGED_TO_JOIN_RE.search(folded) and not _OBLIGED_ELSEWHERE_RE.search(folded):
        folded = _OBLIGATION_RE.sub("imbauan", folded)
    if ("about" in folded or "apa" in folded or "ttg" in folded) and _EVENT_RE.search(folded) and (about := _ABOUT_WHAT_RE.search(folded)):
        # "bimtek itu tentang apa", "what was the Bimtek about?": an event's content (not "what is the programme about")
        folded = folded[: about.end()] + " materi" + folded[about.end() :]
    if ("berubah" in folded or "chang" in folded) and _AT_SCHOOL_RE.search(folded) and not _DATA_CHANGED_RE.search(folded):
        # "apa yang berubah di sekolah kalau jadi sekolah penggerak", "what changes at school if we join":
        # what the programme brings, not changing one's data or a principal replaced
        folded = _WHAT_CHANGES_RE.sub(" intervensi ", folded)
    if english and " bot" in folded and (through := _THROUGH_BOT_RE.search(folded)):
        # "How do I register as a principal through this bot?", "Can I register my school … through this bot?": the bot's form
        folded = folded[: through.end()] + " cara daftar lewat bot" + folded[through.end() :]
    if english and ("do" in folded or "start" in folded or "offer" in folded):
        folded = _BOT_DOES_RE.sub(" fitur bot ", folded)  # "what can this bot do for a principal": its features
        folded = _HOW_TO_START_RE.sub(" cara ", folded)  # "how do I start?": how to go about it, not when PSP started
    if ("bulan" in folded or "minggu" in folded or "pekan" in folded) and ("pmo" in folded or "pokja" in folded or "koordinasi" in folded):
        if _MEETING_WORD_RE.search(folded):
            folded = _EVERY_MONTH_RE.sub(" berkala ", folded)  # "rapat PMO tiap bulan atau per triwulan?": how often, not a date
    if not english and any(word in folded for word in _ONLY_HINTS) and _ONLY_LEVEL_RE.search(folded):
        folded += " jenjang"  # (see _ONLY_LEVEL_RE)
    if "bimtek" in folded and not english and _WHAT_FOR_ID_RE.search(folded):
        folded = _WHAT_FOR_ID_RE.sub(" tujuan ", folded)  # "bimtek pmo buat apa?", "untuk apa bimtek pmo diadakan?": its purpose
    if "bimtek" in folded and _LASTING_RE.search(folded):
        folded += " hari"  # "bimtek berapa lama?", "how long was the bimtek?": its days, not the programme's three years
    if ("siapa" in folded or "for" in folded) and _EVENT_RE.search(folded) and _FOR_WHOM_RE.search(folded):
        folded = _FOR_WHOM_RE.sub(lambda m: f" peserta {m.group('event') or ''} ", folded)  # "bimtek pmo itu untuk siapa?", "who was the bimtek for?"
    if _ORDER_HINTS.search(folded) and _ORDER_ASKED_RE.search(folded) and len(_STAGE_NAMED_RE.findall(folded)) >= 2:
        folded = _ORDER_ASKED_RE.sub(" urutan ", folded)  # "pengumuman tahap 1 itu sebelum atau sesudah tahap 2?": the stages' order
    if "status" in folded and not english and _SCHOOL_KIND_RE.search(folded) and not _REGISTERED_RE.search(folded):
        folded = _SCHOOL_STATUS_RE.sub(" sekolah negeri swasta ", folded)  # "status sekolah yang dapat ikut": public or private, not /profil
    if ("essay" in folded or "esai" in folded or "interview" in folded or "wawancara" in folded) and _CONTENT_ASKED_RE.search(folded):
        # "the exact essay questions in stage 1", "pertanyaan wawancara tahap 2 persisnya apa saja": its prompts, topics
        folded = _PROMPTS_RE.sub(lambda m: f" {m.group(1) or m.group(2) or m.group(3)} topik ", folded)
    if english and "hour" in folded and _ZONE_WORD_RE.search(folded):
        folded = _HOURS_RE.sub(" jam ", folded)  # "… in WIB, how many hours do I add for Buleleng?": the clocks' difference
    if english and "last" in folded and "long" in folded:
        folded = _HOW_LONG_LAST_RE.sub(r"\1", folded)  # "how long does the interview last?": "long" asks the length; "last" is no "final"
    if english and "currently" in folded:
        folded = _CURRENTLY_DOING_RE.sub(r"\1 ", folded)  # "a principal who is currently involved in a legal case": the condition, not current figures
    if english and "organi" in folded:
        folded = _ORGANISED_RE.sub(" pmo struktur ", folded)  # "At what levels is the PMO organised": its structure, not who held a Bimtek
    if english and ("besides" in folded or "apart from" in folded or "other than" in folded):
        folded = _BESIDES_RE.sub(" selain ", folded)  # "Apart from Buleleng, which other place …": as "selain Buleleng"
    if english and ("covered" in folded or "level" in folded):
        # "How many kecamatan … are covered by the PSP registration?": taken in, not topics covered; "education levels": jenjang
        folded = _LEVELS_RE.sub(" jenjang ", _COVERED_BY_RE.sub(" in ", folded))
    if english and "meet" in folded:
        if _REQUIREMENTS_RE.search(folded):
            folded = _MEET_RE.sub(" ", folded)  # "which requirements must she meet": fulfil them
        else:
            folded = _MEET_VERB_RE.sub(r"\1 pertemuan", folded)  # "does the PMO meet": a meeting, not Google Meet
    typed = expand(join_dictated(tokens(folded, folded=True)[:80], index.known.__contains__))
    numbered = {w for prev, w in zip(typed, typed[1:], strict=False) if w.isdigit() and prev in NUMBERED}
    out: list[str] = []
    slang = lexicon.slang()
    for word in _content(typed):
        canonical = vocab.canonical(word)
        if canonical in index.idf:
            out.append(canonical)
            continue
        if word.endswith("nya") and len(word) <= 7 and (short := vocab.canonical(word[:-3])) in index.idf:
            out.append(short)  # "botnya", "nipnya": a short word of the base with "-nya" (longer ones are the vocabulary's roots)
            continue
        if english and (inflected := _english_inflected(index, word)):
            out.append(inflected)  # "how is the PMO structured": the base's "structure"
            continue
        real = lexicon.is_real_word(word)
        if real and not english and (root := _known_root(index, word)):
            out.append(root)  # "memindahkan": the base's "pindah", a dictionary word's root the base knows
            continue
        if not real and not english and (whole_word := vocab.letter_dropped(word)):
            out.append(vocab.canonical(whole_word))  # "penilain": "penilaian" with a letter left out, not "peni" + "lain"
            continue
        parts = vocab.split_joined(word, strict=real or english)
        if parts:
            out.extend(vocab.canonical(p) for p in _content(expand(parts)))
            continue
        standard = slang.get(word)
        if standard and real and not all(vocab.canonical(w) in index.idf for w in _content(expand(standard.split()))):
            standard = None  # (a real word is read as chat spelling only for words the base knows: "taun" is tahun)
        if standard:  # chat spelling from the published colloquial lexicon ("jdi", "smga")
            out.extend(vocab.canonical(w) for w in _content(expand(standard.split())))
            continue
        root = None if real or english else _colloquial_root(index, word, slang)
        if root:  # "benerinnya": "bener" (benar) with chat's -in and -nya, as "benarkan" is
            out.append(root)
            continue
        # Only a word that is not a real Indonesian word may be a typo: "tinggal" is not "tanggal";
        # and English words are not Indonesian typos ("france" is not "face").
        corrected = None if real or english else vocab.devowelled(word)
        if corrected is None and not real and not english and skeleton(word) in STOPWORD_SKELETONS:
            continue  # "sbnrnya": "sebenarnya" without its vowels, a word that says nothing
        if corrected is None and not real and not english and _VOWEL_DROPPED_RE.match(word) and (restored := lexicon.vowel_restored(word)) is not None:
            # "sgala": the real word "segala" with its first vowel left out, not a typo of the base's "salah" (only a word
            # opening with two consonants: "pemda", "kabid" are abbreviations, not "pemuda", "kabid…")
            if not _content([restored]) or restored in STOPWORDS:
                continue
            out.append(vocab.canonical(restored))
            continue
        corrected = corrected or (None if real or english else vocab.transposed(word) or vocab.correct(word))
        if english and not real and (fixed := english_typo(word)):
            out.extend(vocab.canonical(w) for w in _content(expand([fixed])))  # "remindrs": a letter left out of a word the tables know
            continue
        out.append(vocab.canonical(corrected) if corrected else word)
    # a corrected "sekolah pnggerak" is the programme's name too
    return list(dict.fromkeys(name_programme(out))), numbered


def _known_root(index: _Index, word: str) -> str | None:
    """The root of a verb's dictionary form, canonical, when the base knows it ("memindahkan" → "pindah").

    Only a transitive verb's affixes: a noun made with pe-/ke-/-an, a ter- or a ber- form means something else than
    its root ("pendirian" is not "diri", "bulanan" not "bulan", "tertinggal" not "tinggal", "berlangsung" not "langsung").
    """
    bare = word[:-3] if word.endswith("nya") else word
    # (only me-/di- verbs: "berlangsung" is not "langsung")
    if not bare.startswith(("me", "di")) or bare.endswith("an") and not bare.endswith("kan") or word in lexicon.root_words():
        return None  # (nor a root itself: "nyala" is not "sala")
    for candidate in lexicon.stem_candidates(word)[1:]:
        if len(candidate) >= 5 and candidate in lexicon.root_words():  # ("mendirikan" is not "diri")
            # (as the base's words are read: "pindah" is "mutasi")
            read = [index.vocab.canonical(w) for w in _content(expand([candidate]))]
            if len(read) == 1 and read[0] in index.idf:
                return read[0]
    return None


def _english_inflected(index: _Index, word: str) -> str | None:
    """The base's word an English inflection is of ("structured" → "structure", "certificates" → "certificate")."""
    return next((c for c in (index.vocab.canonical(base) for base in english_bases(word, shortest=4)) if c in index.idf), None)


def _colloquial_root(index: _Index, word: str, slang: dict[str, str]) -> str | None:
    """The base's word for a chat spelling under affixes: "benerinnya" → "bener" → benar."""
    for stem in stem_candidates(word)[1:]:
        standard = slang.get(stem)
        if standard and " " not in standard:
            canonical = index.vocab.canonical(standard)
            if canonical in index.idf:
                return canonical
    return None


_CLOCK_RE = ascii_re(r"\b([01]?\d|2[0-3])(?:[.:]([0-5]\d))?\s*(wib|wita|wit)\b")
_ZONES = {"wib": 7, "wita": 8, "wit": 9}
_ZONE_RE = ascii_re(r"\b(?:wib|wita|wit)\b")
_ZONE_NAMED_RE = ascii_re(r"wi[bt]", re.IGNORECASE)  # "WIB", "Wita", "WIT" (a cheap look before folding)


def time_conversion(text: str, lang: str) -> str:
    """``13.00 WIB = 14.00 WITA`` for each clock time the question names with a zone (Bali is WITA)."""
    if not _ZONE_NAMED_RE.search(text):
        return ""  # most questions name no time zone: not worth folding again
    lines = []
    for hour, minute, zone in _CLOCK_RE.findall(fold(text))[:3]:
        target = "wib" if zone == "wita" else "wita"
        shifted = (int(hour) + _ZONES[target] - _ZONES[zone]) % 24
        sep = ":" if lang == "en" else "."
        lines.append(f"{int(hour):02d}{sep}{minute or '00'} {zone.upper()} = {shifted:02d}{sep}{minute or '00'} {target.upper()}")
    return "\n".join(lines)


def answer_text(entry: FaqEntry, lang: str, question: str = "") -> str:
    """An entry's answer in ``lang``, with the question's clock times converted when it names any."""
    text = entry.answer.get(lang) or entry.answer["id"]
    converted = time_conversion(question, lang) if question else ""
    return f"{converted}\n\n{text}" if converted else text


def _question_words(clause: str) -> frozenset[str]:
    """The question words of a clause, abbreviated ones too ("kpn", "gmn").

    Not "apa pun"/"siapa pun" (anything, anyone), nor a can't told ("saya tdk bisa ikut krn …").
    """
    words = _ANY_RE.sub(" ", clause) if "pun" in clause else clause
    found = QUESTION_WORDS & {ABBREVIATIONS.get(w, w) for w in _CANNOT_RE.sub(" ", words).split()}
    # an English yes-or-no begins with its auxiliary ("do we need …", "is there …"); mid-sentence it asks nothing
    return found | {"do"} if _AUXILIARY_START_RE.match(clause) else found


def _question_end(folded: str) -> int | None:
    """Where the text after the last question mark starts, when something follows it ("…? soalnya …")."""
    asked = folded.rfind("?")
    return asked + 1 if 0 < asked < len(folded.rstrip(" ?!.")) else None


def _asks(clause: str) -> bool:
    """Whether a clause asks something: a question mark or a question word."""
    return "?" in clause or bool(_question_words(clause))


def _choice_put(clause: str) -> bool:
    """Whether a clause puts a choice with "ya" at its end, which asks without a question mark."""
    return " atau " in clause and _CHOICE_PUT_RE.search(clause) is not None


_NOT_TAG_END_RE = ascii_re(r"\b(?:ga|gak|gk|nggak|ngga|enggak|ndak|nda|tidak|tdk)(?:\s+(?:ya|sih|nih|pak|bu|bapak|ibu|min|bli|mbok|nggih))*\s*$")
# "bimtek pmo itu wajib pake baju dinas atau bebas ya": a choice put with "ya" at its end asks, without a question mark
_CHOICE_PUT_RE = ascii_re(r"\batau\s+(?:\w+\s+){0,3}?\w+\s+(?:ya|kah|yah)(?:\s+(?:pak|bu|bapak|ibu|min|bli|mbok|nggih))*\s*$")


def _points_back(clause: str) -> bool:
    """Whether a clause's question is about what was told before it ("syaratnya apa?", "masih bisa?", "bisa lewat bot?")."""
    asking = ASKING_RE.match(clause)
    if asking:
        clause = clause[asking.end() :]  # "mohon informasi apakah saya masih dapat mengikuti program ini"
    # "…, itu jadwalnya tanggal berapa sampai tanggal berapa?": the thing told before, pointed at and then asked about
    that = _THAT_START_RE.match(clause)
    if that:
        clause = clause[that.end() :]
        if _WH_ALONE_RE.fullmatch(clause):
            return True  # "…, itu kapan?"
        if _ITS_GENERIC_ASKED_RE.fullmatch(clause):
            return True  # "… ada verifikasi dan penilaian sebelum pleno, itu jadwalnya kapan ya pak untuk angkatan III": its schedule
    if (at_that_time := _AT_THAT_TIME_RE.match(clause)) and _STAGE_ASKED_RE.fullmatch(clause, at_that_time.end()):
        # "…per Maret 2022 sesuai berita Bimtek itu…. Waktu itu Buleleng sudah sampai tahap apa?": the stage at the time told
        # before (not "Waktu itu siapa penanggung jawab PMO kabupaten?", which names what it asks)
        return True
    # ("… katanya ada bimtek PMO bulan Maret, kira2 tanggal berapa sampai tanggal berapa ya itu pak?": the dates of the thing told)
    trimmed = _ROUGHLY_RE.sub("", _THAT_END_RE.sub("", clause) if "itu" in clause else clause)
    if trimmed != clause and _DATES_ONLY_RE.fullmatch(trimmed):
        return True
    its = _ITS_RE.match(clause)
    if its and (_DATES_ONLY_RE.fullmatch(clause, its.end()) or _YEAR_ONLY_RE.fullmatch(clause, its.end())):
        return True  # "…, jadwalnya tgl brp sampai tgl brp?", "Angkatan III kan seleksinya 2022, terus pelaksanaannya tahun berapa?"
    return any(pattern.fullmatch(clause) for pattern in _POINTING_BACK) or _STILL_RE.match(clause) is not None or _MY_REGION_RE.search(clause) is not None


# who asks, then their name in brackets ("sy admin dinas (Ayu Sriwahyuni)")
_NAME_IN_BRACKETS_RE = ascii_re(
    r"\b(?:saya|sy|tiang|titiang|aku|kami|i am|i'm|this is|ini)(?:\s+[a-z]+){1,3}\s*\((?P<first>[a-z]+)?(?:\s*[a-z]+){0,2}$", re.IGNORECASE
)


# "Angkatan III", "angkatan I–III"; "angkatan lain/berikutnya/sesudahnya": cohorts in general
_COHORT_NAMED_RE = ascii_re(
    r"\bangkatan\s+(?:(i{1,3}|iv|v|[1-9])(?:\s*[–-]\s*(i{1,3}|iv|v|[1-9]))?\b|(lain|berikutnya|sesudahnya|selanjutnya|tertentu|mana)\b)"
)


def _cohorts_named(folded: str) -> frozenset[str]:
    """The cohorts a (folded) answer names, as digits; "*" when it speaks of cohorts in general too."""
    told: set[str] = set()
    for found in _COHORT_NAMED_RE.finditer(folded):
        if found.group(3):
            told.add("*")
            continue
        first = int(ROMAN.get(found.group(1), found.group(1)))
        last = int(ROMAN.get(found.group(2), found.group(2))) if found.group(2) else first
        told.update(str(n) for n in range(first, last + 1))
    return frozenset(told)


def _marked_sentences(folded: str) -> str:
    """The sentences a message marks as questions with "?", when it also has others (those tell, they do not ask).

    "kepala bidang minta sy tulis siapa penyelenggaranya. bimtek PMO itu diadakan oleh lembaga mana?": no head is asked for.
    """
    if "?" not in folded:
        return folded
    sentences = [m.group(0) for m in _WHOLE_SENTENCE_RE.finditer(folded)]
    # (…and an unmarked tail: "tahun depan ada seleksi lagi? kapan"; not one that gives a reason: "…? sy takut telat krn …")
    marked = [
        sentence for sentence in sentences if sentence.rstrip().endswith("?") or sentence.rstrip()[-1:] not in ".!" and not _REASONS_RE.search(sentence)
    ]
    return " ".join(marked) if marked and len(marked) < len(sentences) else folded


# a clause whose first word is "its" thing ("dftr nya lewat mana", "daftarnya kapan")
# (not an adverb ending in "-nya": "sbnrnya yg terdaftar itu …", "katanya", "biasanya")
_ITS_FIRST_RE = ascii_re(
    r"\s*(?!(?:sebenar|sbnr|sbenar|benar|bener|biasa|rupa|kata|akhir|kayak|kaya|seperti|spt|misal|pokok|inti|mesti|harus|seharus|hrs"
    r"|kira|nampak|tampak|jelas|soal|sisa|lain|selanjut)(?:\s+nya|nya)\b)[a-z]{3,}(?:\s+nya|nya)\b"
)
# (…unless that sentence tells of another selection, contest or test: "Teman sy ikut seleksi CASN.")
_ITS_OWN_EVENT_RE = ascii_re(r"\b(?i:seleksi|ikut|lomba|tes|test|ujian|daftar|mendaftar|selection|exam|contest)\b")
# a question ending on what it points back at ("Which office in Singaraja handles that?", "… did cohort 3 still have it?")
_THAT_AT_END_RE = ascii_re(r"\b(?:it|one|them|that|this|itu|ini|tsb|tersebut)(?:\s+(?:too|as well|also|still|now|anymore))?\W*$")
_PLACE_BEFORE_RE = ascii_re(r"\b(?i:dari|dr|sampai|sampe|hingga|ke|di|in|from|to|around|near|dekat|deket)$")


def _sentence_at(text: str, at: int) -> str:
    """The sentence of ``text`` (up to its mark) that holds position ``at``."""
    start = max(text.rfind(mark, 0, at) for mark in ".!?\n") + 1
    end = min((i for i in (text.find(mark, at) for mark in ".!?\n") if i >= 0), default=len(text) - 1)
    return text[start : end + 1]


def _named_before(pieces: list[str], n: int, clause: str) -> str | None:
    """The clause with the thing it points at ("surat itu …") named in full as an earlier piece (at most two back) did.

    "surat keterangan sisa masa jabatan itu karena …. …, surat itu dikeluarkan oleh siapa?" → "surat keterangan sisa
    masa jabatan dikeluarkan oleh siapa" (only when the earlier name is longer: "pleno itu" after "pleno" alone is the same).
    """
    that = _THAT_THING_RE.match(clause)
    if that is None or _question_words(that.group(1)):
        return None
    if that.group(1) in _GENERIC_EVENTS:
        # "… ringkasan tujuan bimtek tim pokja PMO …, intinya kegiatan itu buat apa sih?": the event named just before
        # (not past another step named after it: "habis bimtek PMO ada pengimbasan ke sekolah lain. kegiatan itu kapan?")
        named = list(_EVENT_NAMED_RE.finditer(pieces[n - 1])) if n else []
        if not named or _OTHER_STEP_RE.search(pieces[n - 1], named[-1].end()):
            return None
        return clause[: that.start(1)] + named[-1].group(0) + clause[that.end(1) :]
    thing = ascii_re(r"\b" + that.group(1) + r"\b((?:\s+(?!" + _NAME_ENDS + r"\b)[a-z]+){1,5})")
    for k in range(n - 1, max(n - 3, 0) - 1, -1):
        if found := thing.search(pieces[k]):
            return clause[: that.start(1)] + that.group(1) + found.group(1) + clause[that.end() :]
    return None


def _one_sentence(folded: str, first: str, second: str) -> bool:
    """Whether ``second`` follows ``first`` in the same sentence (a comma or "tapi" between them, no full stop)."""
    at = folded.find(first)
    end = folded.find(second, at + len(first)) if at >= 0 else -1
    return end >= 0 and _TERMINATOR_RE.search(folded, at + len(first), end) is None


# "katanya ada tahap verifikasi ya", "kabarnya bimtek diundur ya": hearsay put to the bot, with no question word of its own
_CLAIM_ONLY_RE = ascii_re(
    r"\s*(?:katanya|kabarnya|denger\w*|dengar\w*|konon|infonya)\b"
    r"(?![^.?!\n]*\b(?:apa|siapa|kapan|kpn|berapa|brp|gimana|gmn|bagaimana|mana|dimana|kenapa|mengapa)\b)[^.?!\n]*$"
)


_RELUCTANT_BEFORE_RE = ascii_re(
    r"\b(?:malu|segan|sungkan|takut|enggan|ragu|(?:ga|gak|nggak|ndak|tidak|tdk)\s+enak)\s+(?:(?:banget|bgt|bngt|sekali|bener|pisan)\s+)?"
    r"(?:(?:saya|sy|tiang|aku|kalau|kalo|klo)\s+)?$"
)


_LIKE_BEFORE_RE = ascii_re(r"\b(?:kyk|kayak|kaya|kek|seperti|spt|sprti|like|mirip|macam|ala|semacam)\s*$", re.IGNORECASE)


_GIVEN_SHORT = frozenset({"gde", "gd", "md", "nym", "kt", "wy", "pt", "kd", "ngh", "kmg"})  # "Gde Suastika", "Kt Suarjana"


def _after_given_name(before: str) -> bool:
    """Whether the capitalised words just before a word start with a Balinese given name or title.

    "Nyoman Sadia", "I Gusti Ngurah Adi", "Ketut Wardana": the rest of a person's name, not a thing the base does not know.
    """
    for word in reversed(before.split()[-3:]):
        if not word[:1].isupper():
            return False
        if word.lower() in NAMES or word.lower() in _GIVEN_SHORT or word == "I":
            return True
    return False


def _marked_itself(folded: str, clause: str) -> bool:
    """Whether ``clause`` is followed by its own question mark (not one closing a later clause of its sentence)."""
    at = folded.find(clause)
    return at >= 0 and folded[at + len(clause) :].lstrip().startswith("?")


def _ends_with_question(folded: str, clause: str) -> bool:
    """Whether the sentence holding ``clause`` ends with a question mark."""
    at = folded.find(clause)
    if at < 0:
        return False
    end = _TERMINATOR_RE.search(folded, at + len(clause))
    return end is not None and end.group() == "?"


_PROPER_NAME_RE = ascii_re(r"\b[A-Z][A-Za-z0-9]{2,}\b")
_TERMINATOR_RE = ascii_re(r"[.!?\n]")
_SENTENCE_END_RE = ascii_re(r"[.!?\n]+(?:\s|$)")
_WHOLE_SENTENCE_RE = ascii_re(r"[^.!?\n]+(?:[.!?\n]+|$)")
_YES_NO = frozenset({"bisa", "boleh", "can", "do"})
_MEET_VERB_RE = ascii_re(r"\b(does|do|did|will|would|should|to|can|could|shall|must|they|we|i|you|she|he|it|often|regularly|usually|pmo|team)\s+meet\b")
# a form of address or the asker's "saya"/"tiang", the Balinese names after it and the two words after them, of which a
# personal name may be one after "saya"/"tiang" ("pak Made", "bu Komang Ayu", "tiang Made Suarjana kepala SD"): a person,
# no topic (after a form of address the question may start at once, misspelt: "pak Gede wawancra psp berapa lama?")
_INTRODUCING = ("saya", "sy", "aku", "tiang", "titiang", "nama saya", "nama tiang")
_NAME_PARTS = "|".join(sorted((*NAMES, "i")))  # (a Balinese name's words, "I" of "I Ketut" too)
_VOCATIVE_RE = ascii_re(
    r"\b(" + "|".join(sorted((*ADDRESS, *_INTRODUCING), key=len, reverse=True)) + r")(?:\s+(?:" + _NAME_PARTS + r")\b)+"
    r"((?:\s+[a-z]+){0,2})"
)
_NAME_APART_RE = ascii_re(r"(,\s*)(?:(?:" + _NAME_PARTS + r")\s+)+((?:[a-z]+\s*){1,2})(?=[.,!?]|$)")
_VOCATIVE_HINTS = tuple(f"{word} " for word in sorted((*ADDRESS, *_INTRODUCING)))  # (a cheap look before the pattern)


def _own_name_dropped(known: frozenset[str], after: str) -> str:
    """The words after Balinese name words without the personal name among them ("suarjana kepala" → " kepala").

    A personal name is a word that is neither the base's nor a real Indonesian word; the first real word ends it. The
    word right after the name words is a name even when a dictionary holds it, when who the asker is follows it ("tiang
    putu wisnu kepsek …": Wisnu; not "tiang wayan pindah tugas …", "sy ni honorer di …").
    """
    words = after.split()
    if len(words) >= 2 and words[1] in _ROLES_AFTER_NAME and words[0] not in known | _ROLE_MODIFIERS and words[0] not in STOPWORDS:
        words.pop(0)
    while words and words[0] not in known and not lexicon.is_real_word(words[0]) and words[0] not in STOPWORDS and words[0] not in lexicon.slang():
        words.pop(0)
    return " " + " ".join(words) + (" " if words else "")
# "halo bot, …", "pagi bot": the bot greeted is whom the question is put to, not a question about the bot
# ("es de": SD dictated)
_KORWIL_CHOOSES_RE = ascii_re(
    r"\b(?:pilih|milih|memilih|dipilih|choose|chooses|choosing|chose|pick|picks|picked)\b(?=\s+(?:\w+\s+)?(?:sd|es\s+de|sekolah|schools?))"
)
_QUICK_CHECK_RE = ascii_re(r"^\s*(?:(?:a\s+)?quick\s+check|just\s+(?:checking|to\s+check|double[- ]checking)|double[- ]check(?:ing)?)\s*[:,-]?")
_MAP_PEOPLE_RE = ascii_re(r"\bmap\b(?=[^.?!]{0,30}\b(?:principals?|heads?|headmasters?|kepala|kepsek|candidates?|teachers?)\b)")
_ASK_DIRECTLY_RE = ascii_re(r"\b(nanya|tanya|bertanya|menanyakan|nanyain|ask|asking)\s+langsung\b")
# "mau tanya hal yg agak pribadi", "a bit of a personal question": what kind of question follows, not its topic
_KIND_OF_QUESTION_RE = ascii_re(
    r"\b(?:hal|sesuatu|sst|pertanyaan|soal)\s+(?:yang|yg)\s+(?:agak\s+|sedikit\s+|sdkt\s+|cukup\s+|sangat\s+|rada\s+|lumayan\s+)?"
    r"(?:pribadi|sensitif|sepele|aneh|bodoh|konyol|privat|rahasia)\b"
    r"|\b(?:a\s+)?(?:bit\s+(?:of\s+)?(?:a\s+)?|rather\s+|quite\s+|somewhat\s+)?(?:personal|private|sensitive|silly|stupid|dumb)\s+question\b"
)
# "bimtek PMO yg di berita itu tujuannya apa": which Bimtek is meant, the one in the news, not the news as a source
_IN_THE_NEWS_RE = ascii_re(r"(?<=[a-z])\s+(?:yang|yg)\s+(?:ada\s+)?(?:di|dalam|dlm|masuk)\s+(?:berita|koran)\s+(?:itu|tsb|tersebut|tadi)\b")
# "data sy (NIP, tgl lahir dll)", "(dapodik, arkas, dll 😩)": examples in brackets, an aside to what is asked
# (not school levels listed: "yg bisa ikut psp apa aja (SD, SMP, PAUD dll)?" asks about them)
_EXAMPLES_ASIDE_RE = ascii_re(
    r"\s*\((?![^()]*\b(?:sd|smp|sma|smk|tk|paud|slb)\b)[^()]{0,80}?\b(?:dll|dsb|dst|etc|dan lain lain|dan lain-lain|dan sebagainya)\b[^()]{0,12}\)"
)
_HOW_LONG_LAST_RE = ascii_re(
    r"\b(how long\b(?:\s+(?:does|did|will|would|do|is|was)\b)?(?:\s+[a-z0-9]+){1,6}?)\s+last\b(?!\s+(?:day|week|month|year|cohort|stage|time)\b)"
)
_QUESTION_KINDS = tuple("pribadi sensitif sepele aneh bodoh konyol privat rahasia personal private sensitive silly stupid dumb".split())
_SLASH_COMMAND_RE = ascii_re(r"(?<![\w/])/([A-Za-z]+)\b")  # a bot command as typed or written in an answer ("/rekap")
# "kurikulum apa ya namanya?", "kegiatan itu namanya apa?": what the thing is called (not a person's name: _PERSON_NAMED_RE;
# nor a role described, "yang dampingi kepsek dan guru namanya apa?")
_WHAT_NAME_RE = ascii_re(r"\bapa\s+(?:ya\s+|sih\s+|itu\s+)?namanya\b|\bnamanya\s+apa\b")
_ROLE_DESCRIBED_RE = ascii_re(r"\b(?:yang|yg)\s+(?:\w+\s+){1,5}namanya\b")
_PERSON_NAMED_RE = ascii_re(
    r"\b(?:siapa|pejabat|peserta|pelatih|narasumber|pemateri|kadis|kabid|ketua|pengawas|fasilitator|orang|perwakilan|wakil|petugas|kepala dinas)\b"
)
_GREETED_BOT_RE = ascii_re(r"\b(halo|hallo|helo|hai|hi|hello|hey|pagi|siang|sore|malam|swastyastu|swastiastu|permisi)\s+bot\b")
# "tiang baru dimasukin ke sini sm korwil", "sy br di add ke sini": how the writer came to this chat, which names no topic (not
# "jawaban dinas masuk ke sini kan?", "kepsek lain bisa gabung di sini?")
_ADDED_HINTS = ("masuk", "gabung", "join", "undang", "tambah", "invite", "add")
_ADDED_HERE_RE = ascii_re(
    r"(?:\b(?:saya|sy|tiang|titiang|aku|kami)\s+|^\s*(?=b)|(?<=[,.!]\s)(?=b))(?:(?:baru|br|barusan|tadi|td|sudah|sdh|udah|udh|saja|aja|juga|jg)\s+){0,3}"
    r"(?:dimasukin|dimasukkan|dimasukan|dimasukkin|ditambahin|ditambahkan|diundang|diinvite|diadd|di\s+add|gabung|bergabung|join|masuk)\s+"
    r"(?:ke\s+|di\s+|dalam\s+|dlm\s+)?(?:sini|grup\s+ini|group\s+ini|bot\s+ini|chat\s+ini)"
    r"(?:\s+(?:sama|sm|ama|oleh|olh|dari|dr|by)\s+(?:pak\s+|bu\s+|bapak\s+|ibu\s+)?(?:korwil|pengawas|admin|dinas|kepsek|teman|temen|rekan))?\b"
    # (…without being told what it is for: "sy baru dimasukin ke sini sm korwil ga dijelasin apa2")
    r"(?:[,.]?\s+(?:tp\s+|tapi\s+|trus\s+|terus\s+)?(?:ga|gak|gk|nggak|tidak|tdk|tanpa|blm|belum|ten)\s+(?:dijelasin|dijelaskan|dikasi\s+tau|dikasih\s+tau|diberi\s+tahu|dikasitau)"
    r"(?:\s+(?:apa2|apa-apa|apa\s+apa|apa\s+pun|apapun|apa))?\b)?"
)
# "ikut psp ini wajib ya?", "wajib semua kepsek daftar?", "is it compulsory to join": whether joining is
# an obligation, which the circular answers (it urges eligible principals); not a thing the topic requires
_OBLIGED_EN = "compulsory|mandatory|obligatory"
_OBLIGED = rf"(?:wajib|diwajibkan|{_OBLIGED_EN})"
_JOINING = r"(?:ikut|mengikuti|daftar|mendaftar|join|joining|participate)"
_OBLIGED_TO_JOIN_RE = ascii_re(
    rf"\b{_JOINING}\b(?:\s+\S+){{0,3}}?\s+{_OBLIGED}\b"
    rf"|\b{_OBLIGED}\b(?:\s+\S+){{0,3}}?\s+{_JOINING}\b(?!\s+\S*(?:bimtek|zoom|pelatihan))"
    rf"|\b(?:psp|penggerak|programme|program)\s+(?:is\s+|itu\s+)?(?:{_OBLIGED_EN})\b"  # (not "sekolah penggerak wajib punya wifi")
)
_OBLIGATION_RE = ascii_re(rf"\b{_OBLIGED}\b")
_OBLIGED_HINTS = ("wajib", *_OBLIGED_EN.split("|"))  # (a cheap look before the patterns: every question passes here)
_OBLIGED_ELSEWHERE_RE = ascii_re(r"\b(?:bimtek|zoom|pelatihan|training|kurikulum|curriculum|email|akreditasi|accreditation)\b")
# "accreditation grade", "nilai akreditasi", "peringkat akreditasi": the school's accreditation, not a selection score
# "what is it for?", "What was the Bimtek … actually for?": the aim asked (not "what do I prepare for?")
_WHAT_FOR_RE = ascii_re(r"\bwhat(?:\s+(?:is|was|are|were)|'s|s)\b[^.?!\n]*\bfor\s*(?=[?.!]|$)")
_VOWEL_DROPPED_RE = ascii_re(r"[b-df-hj-np-tv-z]{2}")  # (a word opening with two consonants: "sgala", "bnyak")
# the heads that ask for a date, whatever its topic (question_kind's business)
_DATE_HEADS = frozenset({"tanggal", "jadwal", "waktu", "date", "dates", "tahun", "bulan", "hari", "jam"})
# (a question word anywhere in a text, punctuation or not: _question_words reads whitespace-split words)
_WH_WORD_RE = ascii_re(r"\b(?:apa|apakah|siapa|kapan|kpn|berapa|brp|bagaimana|gimana|gmn|mana|dimana|when|what|who|how|which|where)\b")
# "hari ke 3", "hari kedua", "day 2", "the first day" of the Bimtek: which of its sessions
_BIMTEK_DAY_RE = ascii_re(
    r"\b(?:pada\s+|di\s+)?hari\s+(?:ke\s*-?\s*(?:\d|satu|dua|tiga|empat)|pertama|kedua|ketiga|keempat|terakhir)\b"
    r"|\b(?:on\s+)?(?:day\s+\d|(?:the\s+)?(?:first|second|third|fourth|last)\s+day)\b"
)
# "setelah (seleksi / wawancara) tahap 2 selesai": a time told by the stage that ends, before what is asked about
# (…or the stage as the time after which it comes: "habis tahap 2 itu katanya ada verifikasi dan penilaian ya, tanggalnya kpn?")
_AFTER_STAGE = r"\s+(?:seleksi\s+|wawancara\s+)?tahap\s+\d"
_STAGE_DONE_RE = ascii_re(
    r"\b(?:setelah|sesudah|stlh|sehabis|after)" + _AFTER_STAGE + r"\s+(?:selesai|usai|beres|kelar|berakhir)\b"
    # (…"itu" or a comma only before what comes next: not "abis tahap 1, yg menilai esai siapa pak?", stage 1's own business)
    r"|\b(?:setelah|sesudah|stlh|sehabis|habis|abis|after)" + _AFTER_STAGE + r"\s*(?:itu\b|,)(?=[^.?!]*\bada\b)"
)
# (…and one passed, told in a sentence of its own before a question about another: "… passed stage 1. During which period is stage 2
# held?"; not "sekolah yg lolos tahap 1 kapan diumumkan", whose stage is the one asked about)
# (…or its ordinal, before "and …": "my husband just passed the first stage and he is super nervous now")
_STAGE_PASSED_RE = ascii_re(
    r"\b(?:passed|lolos|lulus)\s+(?:seleksi\s+|the\s+)?(?:(?:tahap|stage)\s+\d|(?:first|second)\s+stage|tahap\s+(?:pertama|kedua))\b"
    r"(?=\s*(?:[.,;!]|and\b|dan\b|tapi\b|but\b))"
)
_STAGE_ORDINAL_RE = ascii_re(r"\b(?:first|second)\s+stage\b|\btahap\s+(?:pertama|kedua)\b")
# How long something lasts, asked ("berapa lama", "brp minggu", "how long", "how many days") and told in an answer ("4 tahun",
# "three school years", "8–11 Maret": a range of days)
_UNITS = r"(?:minggu|pekan|hari|bulan|tahun|thn|jam|menit|weeks?|days?|months?|years?|hours?|minutes?|semester)"
_DURATION_ASKED_RE = ascii_re(
    # (not how often, "rapat PMO brp bulan sekali", "tiap brp bulan", nor a number's length, "how long is the NUPTK number")
    # (nor a countdown: "berapa hari lagi pendaftaran ditutup?", "how many days until registration closes?")
    r"(?<!tiap )(?<!per )\b(?:berapa|brp|brapa|pira)\s+(?:lama|lamanya|minggu|pekan|hari|bulan|jam|menit)\b(?!\s+(?:sekali|lagi|lg))"
    r"|\bhow long\b(?!\s+is\s+(?:the\s+|a\s+|an\s+)?(?:\w+\s+)?(?:number|nip|npsn|nuptk|nisn|code))"
    r"|\bhow many (?:weeks|days|months|hours|minutes)\b(?!\s+(?:until|till|before|left|to go|remain))"
)
_DURATION_RE = ascii_re(
    r"\b(?:\d+|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"(?:(?:school|tahun ajaran|academic)\s+)?" + _UNITS + r"\b"
    # (not a law's year, "UU No. 27 Tahun 2022", nor which semester of which year, "semester 2 tahun pertama")
    r"(?!\s+(?:19|20)\d\d\b)(?<!semester \d tahun)"
    r"|\b(?:sehari|seminggu|sebulan|setahun|sepekan)\b"
    r"|\b\d{1,2}\s*[–-]\s*\d{1,2}\s+(?:jan|feb|mar|apr|mei|may|jun|jul|agu|aug|sep|okt|oct|nov|des|dec)",
    re.IGNORECASE,
)
_STAGE_NUMBER_RE = ascii_re(r"\b(?:tahap|stage)\s+\d\b")
_ACCREDITATION_GRADE_RE = ascii_re(
    r"\b(?:akreditasi|accreditation)\s+(?:grade|level|rating|peringkat|nilai|predikat)\b"
    r"|\b(?:grade|level|rating|peringkat|nilai|predikat)\s+(?:of\s+)?(?:akreditasi|accreditation)\b"
)
# this bot itself, named: what it does is PSP's business here
_THIS_BOT_RE = ascii_re(r"\b(?:this|the) (?:chat ?)?bot\b|\bbot (?:ini|psp|pmo)\b|\bbotnya\b")
_EVENT_RE = ascii_re(r"\b(?:bimtek|bimbingan teknis|pelatihan|training|sesi|session|webinar|workshop|pkp)\b")
# what something was about: its content ("materi")
_ABOUT_WHAT_RE = ascii_re(r"\b(?:tentang|ttg|mengenai)\s+apa\b|\babout what\b|\bwhat\s+(?:was|is|were|are)\b[^?.!,]*\babout\b(?=\s*(?:[?.!,]|$))")
# English wordings read as the base says them (see `_query_words`): hours beside a time zone, a condition "currently" in
# force, the PMO "organised", "besides", "covered by", education levels
_ZONE_WORD_RE = ascii_re(r"\b(?:wib|wita|wit|time ?zones?|zona)\b")
_HOURS_RE = ascii_re(r"\bhours?\b")
# (…or in a condition: "a principal who is currently under a disciplinary sanction")
_CURRENTLY_DOING_RE = ascii_re(r"\b(is|are|am|was|were)\s+currently\s+(?=[a-z]+(?:ing|ed)\b|(?:under|in|on|facing|serving)\s)")
_ORGANISED_RE = ascii_re(r"\b(?:is|are|was|were)\s+(?:the\s+)?(?:pmo|pokja|pmo team)\s+(?:organi[sz]ed|structured|set up)\b")
_BESIDES_RE = ascii_re(r"\b(?:besides|apart from|other than)\b")
_COVERED_BY_RE = ascii_re(r"\b(?:are|is|were|was|be|being)\s+covered\s+(?:by|in|under)\b")
_LEVELS_RE = ascii_re(r"\b(?:education(?:al)?|school|schooling)\s+levels?\b")
# A school's status (public or private: "penjelasan terkait status sekolah yang dapat ikut"), not a registration's
# (only beside the kinds of school or who may take part: not "status sekolah sy gmn ya", "cek status sekolah sy, sudah terdaftar
# blm", one's registration; nor its status as a Sekolah Penggerak: "status sekolah penggerak masih ada tidak?")
_SCHOOL_KIND_RE = ascii_re(r"\b(?:negeri|swasta|yayasan|unggulan|favorit|(?:dapat|bisa|boleh|bs)\s+ikut)\b")
_REGISTERED_RE = ascii_re(r"\b(?:cek|check|terdaftar|daftar\w*|masuk|lolos|pending|verifikasi|diverifikasi|bot|profil)\b")
_SCHOOL_STATUS_RE = ascii_re(
    r"\bstatus\s+(?:sekolah|skolah|sklh)(?:nya)?\b(?!\s+penggerak)(?!\s+(?:(?:saya|sy|kami|tiang)\s+)?(?:di|dalam|pada)\s+(?:bot|pendaftaran|form))"
)
# (their content asked for: not "ada soal esai di tahap 1?", whether there is one, nor "pertanyaan soal wawancara", about it)
_CONTENT_ASKED_RE = ascii_re(
    r"\b(?:apa\s+(?:saja|aja|aj|sj)|persis\w*|bocoran|jumlah|berapa|brp|how many|contoh\w*|daftar|list|what\s+(?:are|were|is|was)|what'?s|exact\w*|which)\b"
)
_PROMPTS_RE = ascii_re(
    r"\b(essay|interview)\s+(?:questions?|prompts?|topics?|themes?|titles?)\b"
    r"|\b(?<!pertanyaan )(?<!tanya )(?:pertanyaan|soal|tema|topik|judul)(?:-soal|-pertanyaan|nya)?\s+(wawancara|esai|essay|interview)\b"
    # ("esai tahap 1 temanya apa aja": the essay's themes, named after it)
    r"|\b(esai|essay|wawancara|interview)\s+(?:tahap\s+\w+\s+)?(?:tema|topik|judul|soal|pertanyaan)(?:nya)?\b"
)
# "KM" typed in capitals, "IKM": the Kurikulum Merdeka, its implementation (see `_decide`)
_KM_RE = ascii_re(r"\b(i)?km\b")
_ONLY_HINTS = ("saja", "aja", "doang", "sj", "aj", "cuma", "hanya", "khusus")
# Whether it is for one level only ("psp untuk sd saja?", "psp cuma buat sd?"): which levels it is for
_ONLY_LEVEL_RE = ascii_re(
    r"\b(?:untuk|utk|buat|cuma|hanya|khusus)\s+(?:sd|smp|tk|paud|sma|smk)\s+(?:saja|aja|doang|sj|aj)\b"
    r"|\b(?:cuma|hanya|khusus)\s+(?:untuk\s+|utk\s+|buat\s+)?(?:sd|smp|tk|paud|sma|smk)\b"
)
# What the Bimtek was for, in Indonesian ("bimtek pmo buat apa?"; not "… apa saja", a list)
_WHAT_FOR_ID_RE = ascii_re(r"\b(?:untuk|utk|buat)\s+apa\b(?!\s+(?:saja|aja|sj|aj)\b)")
_LASTING_RE = ascii_re(r"\b(?:berapa|brp)\s+lama\b|\bhow long\b|\blama(?:nya)?\s+(?:berapa|brp)\b")
# Whom an event was for ("bimtek pmo itu untuk siapa?", "who was the bimtek for?"): who attended it
_FOR_WHOM_RE = ascii_re(
    r"\b(?:untuk|utk|buat|bagi)\s+siapa\b|\bfor whom\b"
    r"|\bwho\s+(?:was|is|were|are)\s+(?:it|the\s+(?P<event>[a-z]+(?:\s+[a-z]+)?))\s+(?:meant\s+|intended\s+)?for\b"
)
# What a thing holds, not a thing of its own ("isi seleksi tahap 1 apa saja")
_CONTENT_WORDS = frozenset(
    {"isi", "isinya", "rincian", "detail", "detil", "macam", "jenis", "bentuk", "contents", "content"}
    # (the names of a thing, and a request to list them: "sebutkan nama-nama kecamatan di Buleleng apa saja")
    | {"nama", "name", "names", "sebut", "sebutkan", "disebutkan", "list", "mention"}
)
# The order of two stages asked ("… sebelum atau sesudah tahap 2 mulai?", "Which ended later, stage 2 or the verification …?"):
# the timeline that dates them all (two stages named: not "Did the Rapor Pendidikan start before or after the Bimtek?", nor
# "sertifikat keluar sebelum atau sesudah pengumuman?")
_ORDER_HINTS = ascii_re(r"sebelum|sesudah|setelah|before|after|first|earlier|later|last|duluan|dulu|awal|akhir")
_ORDER_ASKED_RE = ascii_re(
    r"\b(?:sebelum|sesudah|setelah)\s+(?:atau|apa|ato)\s+(?:sebelum|sesudah|setelah)\b|\b(?:before|after)\s+or\s+(?:before|after)\b"
    r"|\bwhich\s+(?:one\s+)?(?:came|comes|was|is|ended|ends|started|starts|finished|finishes|happened|closed|opened)\s+(?:first|earlier|later|last|sooner)\b"
    r"|\b(?:mana|mn)\s+(?:yang|yg)\s+(?:duluan|lebih dulu|lebih dahulu|lebih awal|lebih akhir|terakhir|belakangan)\b"
    r"|\b(?:duluan|lebih dulu|lebih dahulu)\s+(?:mana|mn)\b"
)
_STAGE_NAMED_RE = ascii_re(
    r"\b(?:tahap|stage|seleksi|selection|verifikasi|verification|pendaftaran|registration|pengumuman|announcement|wawancara|interview)\b"
)
# What the answer is wanted for, opening the message ("For a briefing note: …", "For our report, …", "Untuk bahan laporan: …")
_WANTED_FOR = (
    r"(?:(?:just\s+)?for|untuk|utk|buat)\s+(?:a|an|our|my|the|bahan|keperluan|lampiran)?\s*"
    r"(?:briefing|report|paper|note|memo|presentation|laporan|notulen|catatan|paparan|presentasi|(?:meeting\s+)?minutes|records?|sambutan)"
)
_WANTED_FOR_RE = ascii_re(r"^\s*" + _WANTED_FOR + r"(?:\s+(?:note|notes|kami|saya|dinas))?\s*[:,]")
# A month and year opening the message as the time a question is about ("Per Maret 2022, …", "As of March 2022, …")
_AS_OF_RE = ascii_re(
    r"^\s*(?:per|as of|hingga|sampai|sd|s/d|until|by)\s+(?:bulan\s+)?(?:januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|"
    r"november|desember|january|february|march|may|june|july|august|october|december)\s+20\d\d\s*,"
    # ("Bulan Maret 2022 itu Badung dan Klungkung sedang di tahap apa …?": the month as the time the question is about)
    r"|^\s*(?:pada\s+|di\s+|pas\s+)?bulan\s+(?:januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember)"
    r"\s+20\d\d\s+(?:itu|tu|ini)\b\s*,?"
)
# …or closing it ("Mohon disebutkan nama-nama kecamatan di Buleleng untuk lampiran laporan.", "… yg hadir waktu itu? buat notulen rapat")
_WANTED_FOR_END_RE = ascii_re(
    # (not what the asker needs the thing for: "… nomornya brp ya, tiang perlu utk laporan" asks a figure that no topic gives)
    # (starting only after a non-space: a run of spaces is not tried from each of its positions)
    r"(?<!\s)[,;]?\s*(?<!perlu )(?<!butuh )(?<!need )(?<!needs )\b"
    + _WANTED_FOR
    + r"(?:\s+(?:note|notes|kami|saya|dinas|rapat|meeting|kegiatan|kita|sekolah|ya|nggih|pak|bu))*\s*[.!?]*\s*$"
)
# "berarti …" opening the message: "so …", drawing a conclusion from what was said (not "PSP berarti apa", a meaning)
# (the message's opening only: "…, berarti di Singaraja pukul berapa?" concludes within the question)
_SO_START_RE = ascii_re(r"^(\s*)(?:(?:oh|o|ooh|jadi)\s+)?(?:berarti|brarti|brrti|berarty)\b")
# How often the PMO meets ("rapat PMO itu tiap bulan atau per triwulan?", "berapa bulan sekali"): periodically, not a date
# (the PMO's or a coordination meeting only: not "pertemuan kombel tiap minggu wajib?")
_MEETING_WORD_RE = ascii_re(r"\b(?:rapat\w*|pertemuan\w*|meeting|ketemu\w*|kumpul\w*)\b")
_EVERY_MONTH_RE = ascii_re(
    r"\b(?:tiap|setiap|per|sekali)\s+(?:bulan|minggu|pekan)\b|\b(?:berapa|brp)\s+(?:bulan|minggu|pekan)\s+sekali\b|\b(?:sebulan|seminggu)\s+sekali\b|\bbulanan\b"
)
# (at the end of its clause or for someone: not "what does the bot do with my data", "what can you do if my NPSN …")
_BOT_DOES_RE = ascii_re(
    r"\bwhat\s+(?:can|does|do|could|will)\s+(?:this|the|your|you)(?:\s+(?:psp\s+)?(?:bot|chatbot|service|chat))?\s+(?:actually\s+|really\s+)?(?:do|offer)\b"
    r"(?=\s*(?:[?.!,]|$)|\s+(?:for|to help)\b)"
)
# (how to, or whether one can, the clause ending there: not "… when I register through the bot", "can she still register …",
# "can I apply through the bot if I am Plt?")
_THROUGH_BOT_RE = ascii_re(
    r"\b(?:how (?:do|can|should) (?:i|we)|can (?:i|we)|how to)(?:\s+actually)?\s+(?:register|sign up|signup|apply|enrol|enroll)\b"
    r"(?:\s+[\w']+){0,5}?\s+(?:through|via|in|on|with|using)\s+(?:this|the)\s+(?:chat ?)?bot\b(?=\s*(?:[?.!,]|$))"
)
_HOW_TO_START_RE = ascii_re(r"\bhow\s+(?:do|can|should|would)\s+(?:i|we|one|you)\s+(?:start|begin|get started)\b")
_REQUIREMENTS_RE = ascii_re(r"\b(?:requirements?|criteria|conditions?|qualifications?|eligibility|standards?)\b")
_MEET_RE = ascii_re(r"\b(?:meet|meets|meeting)\b")
# (what others said or insisted: "ada yg bilang …", "ada jg yg ngotot …", "katanya …", "someone claimed …")
_CLAIMED_BY_OTHERS_RE = ascii_re(r"\b(?:bilang|ngotot|katanya|kata\s+(?:teman|temen|orang|mereka)|denger\w*|dengar\w*|claimed|insists?|said|told)\b")
_WHICH_NUMBER_ASKED_RE = ascii_re(r"\b(?:angkatan|tahap|stage|cohort|batch)\s+(?:brp|berapa|brapa|ke\s*berapa|keberapa|ke\s*brp|mana|which|what)\b")
# "… I'd like to see what data the bot keeps about me. How can I do that?", "… mau lihat data sy. gimana caranya?": how to do what was told
_HOW_WORD = r"(?:gimana|gmn|bagaimana|gmana|gmna)"
_VIA_BOT = r"(?:lewat|melalui|via|pakai|pake|dengan|dgn|dg)\s+(?:bot|sini|chat|wa|whatsapp|telegram)(?:\s+(?:ini|nya))?"
_HOW_DONE_RE = ascii_re(
    r"\s*(?:so\s+|then\s+)?how\s+(?:can|do|could|should|would)\s+(?:i|we)\s+do\s+(?:that|this|it|so)(?:\s+please)?\s*"
    # (…and done through the bot: "Lewat bot caranya gmn pak?", "gimana caranya lewat bot ini?")
    r"|\s*(?:terus\s+|trus\s+|lalu\s+)?(?:" + _VIA_BOT + r"\s+)?(?:" + _HOW_WORD + r"\s+caranya|caranya\s+" + _HOW_WORD + r")"
    r"(?:\s+" + _VIA_BOT + r")?(?:\s+(?:ya|pak|bu|nggih|min))*\s*"
)
_TAG_END_RE = ascii_re(r"\b(?:kan|bukan|ya kan|kan ya|toh|right)\s*$")
# (not "ada soal X ga?", a thing asked about after a question of its own: "materinya ttg apa aja sih? ada soal digitalisasi ga?")
_THERE_IS_ASKED_RE = ascii_re(
    r"\s*(?:(?:apa|apakah|apa masih|masih)\s+)?ada\s+(?!(?:soal|tentang|ttg|mengenai|perihal)\b)[^.?!]*"
    r"\b(?:ga|gak|gk|g|nggak|ngga|enggak|tidak|tdk|ndak|nda|kah)\s*$"
)
_AUXILIARY_START_RE = ascii_re(
    r"\s*(?:do|does|did|is|are|was|were|will|would|should|must|could|may|shall|has|have)\s+"
    r"(?:i|we|you|they|he|she|it|there|the|a|an|my|our|your|this|that|these|those|principals?|schools?|teachers?)\b"
)
_AUXILIARY_ANY_START_RE = ascii_re(r"\s*(?:do|does|did|is|are|was|were|will|would|should|must|could|can|may|shall|has|have)\s+[a-z]")
_FUTURE_WORDS = frozenset({"lanjut", "depan", "datang", "next", "upcoming", "coming"})
_ANY_RE = ascii_re(r"\b(?:apa|siapa|kapan|mana|bagaimana|berapa)\s*pun\b")
_YES_NO_START_RE = ascii_re(r"(?:is|are|will|would|apakah|apa ada|ada)\s")
# (…and "Is another cohort planned after 2024, and when would registration open?": one still to come)
_FUTURE_RE = ascii_re(
    r"\b(?:berikut(?:nya)?|brktnya|selanjutnya|mendatang|depan|next|upcoming|coming|planned)\b"
    r"|\banother\s+(?:cohort|angkatan|batch|round|intake)\b"
    # (…or the present one: "rapat PMO triwulan ini kapan", "this quarter's meeting")
    r"|\b(?:triwulan|semester|kuartal)\s+(?:ini|skrg|sekarang)\b|\bthis\s+(?:quarter|semester)\b"
)


_CAME_FROM_RE = ascii_re(r"\b(?:dari|dr|from|asal|asli)\s+(?:kabupaten\s+|kab\s+|kota\s+)?([a-z]+)")


def _regions_come_from(folded: str) -> set[str]:
    """The regencies the asker or someone came from ("sy baru mutasi dari Jembrana"): context, not what is asked about."""
    if not any(region in folded for region in OTHER_REGENCIES):
        return set()
    return {found.group(1) for found in _CAME_FROM_RE.finditer(folded) if found.group(1) in BALI_REGENCIES}


_TAKING_PART_RE = ascii_re(r"\b(?:daftar|mendaftar|ikut|mengikuti|seleksi|psp|pendaftaran|angkatan|tahap|bimtek|pengumuman|apply|join|register)\w*")


def _asks_future(text: str) -> bool:
    """A coming time in the clause that asks ("rapat berikutnya tanggal berapa").

    Not one in the context told before it ("… bulan depan ada odalan di desa. Seleksi tahap 2 mulai tanggal berapa?").
    """
    if not _FUTURE_RE.search(text):
        return False
    pieces = clauses(text)
    asking = [p for p in pieces if _question_words(p) or _YES_NO_END_RE.search(p) or _marked_itself(text, p)]
    # (…with the condition it rests on: "kalau sekolah kami regrouping tahun depan, kapan batas pendaftaran?", and context
    # about taking part: "Sy mau daftar PSP tahun depan. Kapan pendaftarannya dibuka?" — not "bulan depan ada odalan")
    asking += [p for p in pieces if _CONDITION_START_RE.match(p) or _TAKING_PART_RE.search(p)]
    return any(_FUTURE_RE.search(p) for p in asking or pieces)
# (fold() has made a past "pidan" — "sane pidan", "pidan … pernah" — into "dulu")
# (a birth date is a field of the form, not "when"; nor is "… asked to apply when nominating SD schools")
_WHEN_RE = ascii_re(
    # (not "when" opening a clause of its own before the question: "So when I register through the bot, how many digits …")
    # (…nor one closing the question after it: "How many digits should a NIP have when I register?", unless it opens a sentence)
    r"\b(?:kapan|kpn|pidan|when(?! [a-z]+ing\b)(?! (?:i|we|you|they|he|she) (?!(?:can|could|should|will|would|must|may|need|have)\b)[a-z]+\b[^?,.]*,)"
    r"(?:(?<=^when)|(?<=[.?!,] when)|(?! (?:i|we|you|they) (?!(?:can|could|should|will|would|must|may|need|have|do)\b)[a-z]+(?: [a-z]+){0,3}\s*\??\s*$))"
    r"|(?:tanggal|tgl)(?!\s+lahir\b)|deadline|tenggat)\b"  # (a deadline is a date: "What is the deadline for the BOS Kinerja report?")
    r"|\bbatas\s+(?:waktu|akhir)\b"  # ("mohon informasi batas waktu pengiriman lima nama SD")
    r"|\b(?:what|the)\s+(?:exact\s+)?dates?\b(?!\s+of\s+birth)"  # ("what were the dates of stage 1")
)
# ("is there an upper age limit", "is there any budget in …": of the three words after it, the first that names something)
# (a two-letter kind of school counts: "brp SD"; not "tgl brp sd tgl brp" nor "tgl brp smp brp", both "sampai")
_THING_BEFORE_RE = ascii_re(r"\b([a-z]{2,})\s+(?:berapa|brp)\b")  # "kls brp": which grade
ZOOM_ENTRY = "bimtek-media"  # its chat answer also gives each session's Zoom details (config [[events]])
SCHEDULE_ENTRY = "bimtek-jadwal"  # …and this one each session's hours, when asked
ABBREVIATIONS_ENTRY = "singkatan"  # the list of the programme's abbreviations
# the words of a question that asks for the Zoom details themselves, not only whether the Bimtek was online
_ZOOM_DETAILS = frozenset({"link", "tautan", "meeting", "id", "passcode", "password", "pw", "sandi", "kode"})
# …and of one about another meeting ("link zoom rapat korwil besok", "… pengimbasan"): the Bimtek's details are not its
_OTHER_MEETINGS = frozenset({"rapat", "imbas", "pengimbasan", "sosialisasi", "webinar", "kkg", "mgmp", "pelatihan", "workshop", "lokakarya"})
_HOW_ASKED_RE = ascii_re(
    # (not how to know or check something: "trs gmn tau tiang memenuhi syarat atau tdk?" asks the result, not how to register;
    # nor "or what": "… apakah ada tes atau gimana pak")
    r"(?<!atau )\b(?:bagaimana|gimana|gmn|gmana|bgmn|bgm|gmna|kenken|punapi|how)\b"
    r"(?!\s+(?:many|much|long|old|often|far|about|tau|tahu|taunya|tahunya|mengetahui|do i know|can i know|to know|i know|do we know)\b)"
    # (…or by what way: "lewat portal apa", "through which portal")
    r"|\b(?:lewat|melalui|via|through)\s+(?:(?:portal|laman|web|website|situs|aplikasi|platform)\s+)?(?:apa|mana|which|what)\b"
)
# (…or what someone else said: "buleleng masuk psp angkatan berapa? kata kepsek sebelah angkatan II")
_GUESS_RE = ascii_re(
    r"\b(?:(?:tiang|titiang|saya|sy|aku|kami|i)\s+(?:kira|kirain|pikir|sangka|thought|assumed)|kirain"
    r"|kata\s+(?:kepsek|kepala sekolah|teman|temen|rekan|korwil|pengawas|kawan|orang|bli|pak|bu)"
    r"|(?:my|a)\s+(?:colleague|friend)\s+(?:said|says|told me))\b[^.?!\n]*"
)
_WHICH_UNIT_RE = ascii_re(r"\b(?:tahun|thn|bulan|tanggal|tgl|jam|angkatan|tahap|kelas)\s+$")
# the kecamatan of Buleleng but the town's own (a pattern's alternatives)
_KECAMATAN = "|".join(sorted(name.lower() for name in BULELENG_KECAMATAN if name != "Buleleng"))
_ASKED_THING_RE = ascii_re(
    # (the thing counted, not the place it is in: "how many buleleng schools joined psp")
    r"\b(?:berapa|brp|how many|how much|jumlah)\s+(?:(?:buleleng|bali|singaraja|" + _KECAMATAN + r")\s+)?"
    r"([a-z]{2,})\b(?!\s+(?:tgl|tanggal|brp|berapa|kpn|kapan|\d))"
    r"|\b(?:is|are) there (?:any |a |an )?([a-z]{3,}(?:\s+[a-z]{3,}){0,2})"
)
# (a particle or a form of address may close the question: "… apa aja ya?", "… berapa nggih pak?")
_ADDRESSED = "|".join(sorted(ADDRESS, key=len, reverse=True))
_CLOSING = r"(?:\s+(?:ya|yah|sih|nggih|kah|dong|deh|" + _ADDRESSED + r"))*"
_AT_THE_TIME_RE = ascii_re(r"^\s*(?:(?:dulu|dahulu|dlu|dl)\s+)?(?:waktu|wkt|wktu|pada waktu|pd waktu|saat|pada saat|pd saat|ketika|ktk|pas|semasa|selama)\s+")
_LISTED_LAST_RE = ascii_re(r"\b(?:apa|apanya)\s+(?:aja|saja|sajakah)" + _CLOSING + r"\s*\??\s*$")
_ASKED_LAST_RE = ascii_re(r"\b(?:berapa|brp)(?:\s+(?:aja|saja))?" + _CLOSING + r"\s*\??\s*$")
_PHONE_WORDS = r"(?:hp|wa|whatsapp|telepon|telp|handphone|ponsel)"  # "nomor hp": a phone number
_HOW_MANY_RE = ascii_re(
    r"\b(?:berapa|brp|how many|how much|how long|kuda|pinten)\b"
    # ("what was the total APBD budget Buleleng allocated …": an amount is asked)
    r"|\bwhat (?:is|was|were|are) the (?:total|amount|size|number)\b|\bhow (?:big|large)\b"
    # ("what's the annual budget of the buleleng PMO team?")
    # (…or a rate: "what was the pass rate of the PSP selection nationally?", "berapa persen yg lolos")
    r"|\b(?:pass|passing|success|acceptance|graduation)\s+rate\b|\bpercentage\b|\bpersentase\b"
    r"|\bwhat(?:'s|s| is| was| are| were) the (?:\w+\s+)?(?:budget|cost|costs|fee|fees|price|allocation)\b|\b(?:nomor|number)\b(?!\s+" + _PHONE_WORDS + r"\b)")
# a year, a day of a month ("8 Maret", "8–11 Mar", "20 June"; not "3–5 sekolah"), or a date relative to a stage
_DATE_RE = ascii_re(
    r"\b(?:19|20)\d{2}\b|\b\d{1,2}\s*(?:[–-]\s*\d{1,2}\s*)?(?:jan|feb|mar|apr|mei|may|jun|jul|agu|aug|sep|okt|oct|nov|des|dec)"
    r"|\b(?:setelah|sesudah|after)\b",
    re.IGNORECASE,
)
# "siapa nama …", "… namanya siapa", "what is the name of …": a person's name is asked for.
# "siapa kepala LPMP …", "who was the head of …": the person heading an office is asked for too
# (not "siapa kepala sekolah yang boleh ikut": who may take part).
_HEAD = r"(?:kepala|ketua|pimpinan|pemimpin|direktur|kadis|kabid)\s+(?!sekolah|sd\b|smp\b|tk\b|paud\b|yang\b|yg\b)"
_HEAD_WHO = r"\bsiapa\s+" + _HEAD + r"|\bwho (?:is|was) the (?:head|director|chair)\b"
_NAME_RE = ascii_re(
    # ("sp" for "siapa" only where the question ends: not "SP" as a letter, "nama sekolah di SP … ditulis lengkap?")
    r"\bsiapa\s+(?:nama|namanya)\b|\bnama\w*\s+(?:\w+\s+){0,6}(?:siapa\b|sp(?=\s*(?:ya|yah|nggih|pak|bu)?\s*(?:[?.!,]|$)))"
    # (not "please name the regencies …", asking to list them)
    r"|\bsiapa\s+(?:\w+\s+){0,6}namanya\b|\bname of\b|(?<!please )(?<!pls )(?<!kindly )(?<!you )\bnames? (?:of )?the\b"
    # (a role's holders asked for by name: "mohon nama Pelatih Ahli yang ditugaskan …", "minta nama-nama narasumber bimtek";
    # not the role's name itself: "apa beda nama pelatih ahli dengan fasilitator?")
    r"|\b(?:mohon|minta|tolong|sebutkan|sebutin|share|kirim\w*|info|daftar)\s+(?:\w+\s+){0,2}?nama(?:-nama| nama)?\s+(?:para\s+)?"
    r"(?:pelatih|narasumber|pengawas|fasilitator|pejabat|petugas)\b"
    + r"|" + _HEAD_WHO
    # Balinese: "sira wastan …" (siapa nama …), "wastanipun sira"
    + r"|\bsira\s+(?:wastan|pesengan)\w*|\b(?:wastan|pesengan)\w*\s+(?:\w+\s+){0,6}sira\b"
)
# A person named in an answer: an academic title (S.Pd., M.M., M.A.P.) or a Balinese given-name prefix.
_PERSON = r"\b[SM]\.[A-Z][A-Za-z]*\.|\b(?:Ida Bagus|Anak Agung|Ni Luh|I (?:Ketut|Made|Wayan|Nyoman|Putu|Gede|Gde|Komang|Kadek|Nengah))\b|\bMade [A-Z]"
_PERSON_RE = ascii_re(_PERSON)
# "siapa kadis …", "Kepala Disdikpora … itu siapa?", "who was the head of …": the person heading an
# office is asked (not "siapa kepala sekolah yang boleh ikut": who may take part) …
_HEAD_ACROSS_AND_RE = ascii_re(r"\b" + _HEAD + r"[^.?!,\n]*\bdan\b[^.?!,\n]*\bsiapa\b")  # (one stretch, no comma)


def _head_across_and(folded: str, asking: str) -> bool:
    """The head asked for across a "dan", the "siapa" in the clause that asks.

    Not "… untuk kepala bidang dan harus tulis siapa penyelenggaranya, …. Bimtek … diselenggarakan oleh lembaga mana?",
    where it is context.
    """
    found = _HEAD_ACROSS_AND_RE.search(folded)
    at = folded.find(asking)
    return found is not None and at >= 0 and found.end() > at


# (not "surat edaran Kepala Disdikpora … mengimbau apa dan kepada siapa?": to whom, not who heads it)
_HEAD_ASKED_RE = ascii_re(
    _HEAD_WHO + r"|\b" + _HEAD + r"[^.?!\n]*(?<!\bkepada )(?<!\bkpd )(?<!\buntuk )(?<!\butk )(?<!\bbuat )(?<!\bbagi )"
    r"(?<!\bditujukan ke )(?<!\bdikirim ke )(?<!\bdikirimkan ke )\bsiapa\b"
)
# "minta no hp …", "nomor wa korwil berapa", "what is the contact number of …": a phone number is asked
_PHONE_NUMBER = r"\b(?:no|nomor|nmr|nomer)\.?\s*(?:" + _PHONE_WORDS + r"|kontak)\b"
_PHONE_ASKED_RE = ascii_re(
    r"\b(?:minta|berapa|brp|apa|ada|kasih|bagi|share|mohon|tau|tahu|punya)\b[^.?!\n]*" + _PHONE_NUMBER
    + r"|" + _PHONE_NUMBER + r"[^.?!\n]*\b(?:berapa|brp|apa|ada)\b"
    r"|\b(?:phone|whatsapp|contact|mobile) number\b"
)
# "kecamatan mana yg paling banyak …", "sekolah apa yang terbaik", "which kecamatan sent the most": a ranking is asked
_RANK_ASKED_RE = ascii_re(
    r"\b(?:mana|siapa|apa|which|who)\b[^.?!\n]*\b(?:paling\s+(?:banyak|sedikit|cepat|lambat|tinggi|rendah|besar|kecil|aktif|bagus|baik)|"
    r"ter(?:banyak|sedikit|cepat|tinggi|rendah|besar|kecil|aktif|baik)|the most|the fewest|the highest|the best)\b"
)
_RANK_RE = ascii_re(r"\b(?:paling|terbanyak|tersedikit|tertinggi|terendah|terbesar|terbaik|most|fewest|highest|best)\b", re.IGNORECASE)
# "kantor tim PMO buleleng dmn?", "where is the PMO office": where an office is, which only an address answers
_WHERE = r"(?:dimana|di mana|dmn|dmana|dimn|where|alamat\w*(?!\s+(?:email|e-mail|surel|web\w*|situs|link))|lokasi\w*)"
_OFFICE = r"(?:kantor\w*|sekretariat\w*|office|posko)"
_PLACE_ASKED_RE = ascii_re(r"\b" + _OFFICE + r"\b[^.?!\n]*\b" + _WHERE + r"\b|\b" + _WHERE + r"\b[^.?!\n]*\b" + _OFFICE + r"\b")
# "SMP N 3 Seririt lolos tahap 1 gak?", "apakah saya lulus?", "sekolah kami diterima tidak?": the
# asker's own result, asked yes-or-no (not "syarat agar sekolah kami lolos"; a condition — "kalau
# sekolah saya lolos …" — is left out in question_kind)
_OWN_RESULT_RE = ascii_re(
    r"\b(?:saya|sy|aku|kami|tiang|titiang|(?:sekolah|kepsek|kepala sekolah)\s+(?:saya|sy|kami|tiang)"
    # (…a school by its name: "SD N 1 Kubutambahan lolos tahap 1 ga pak?")
    r"|(?:sd|sdn|smp|smpn|tk|paud)(?:\s+(?:n|negeri|swasta|\d+|[a-z]+)){0,3}?)\s+"
    r"(?:(?:sudah|sdh|udah|udh|jadi|jd)\s+)?"
    # (not the requirements the bot checks: "hasil pendaftaran sy lolos syarat gak, liat dmn")
    r"(?:lolos|lulus|diterima|keterima)\b(?!\s+(?:syarat|persyaratan|cek|pengecekan))(?:\s+\w+){0,3}?\s+(?:ga|gak|gk|nggak|tidak|tdk|belum|blm|kah|nggih)\b"
    r"|\bapakah\s+(?:saya|sy|kami|tiang|sekolah\s+(?:saya|sy|kami))\s+(?:sudah\s+|sdh\s+)?(?:lolos|lulus|diterima)\b"
    # ("Our school SDN 1 Banjar registered in angkatan 3. Did we pass stage 1?")
    r"|\b(?:did|have|has|do)\s+(?:i|we|my school|our school|my principal|our principal)\s+"
    r"(?:pass|passed|get through|got through|been accepted|qualify|qualified)\b"
    # ("Could you confirm whether SD Negeri 3 Banjar Jawa passed the selection?")
    r"|\b(?:sd|sdn|smp|smpn|tk)(?:\s+(?:n|negeri|swasta|\d+|(?!who\b|that\b|which\b|principals?\b|heads?\b)[a-z]+)){1,4}?\s+(?:has\s+|have\s+)?"
    r"(?:passed|made it|qualified|was accepted|got through)\b"
    # ("lolos ga ya sekolah kami?")
    r"|\b(?:lolos|lulus|diterima|keterima)\s+(?:ga|gak|gk|nggak|tidak|tdk|belum|blm)\s+(?:ya\s+|sih\s+)?"
    r"(?:saya|sy|kami|tiang|(?:sekolah|kepsek|kepala sekolah)\s+(?:saya|sy|kami|tiang))\b"
)
_HOW_TO_CHECK_RE = ascii_re(
    r"\b(?:gimana|gmn|gmna|bagaimana|bgmn|cara(?:nya)?|how\s+(?:do|can)\s+i)\s+(?:(?:untuk|utk|buat)\s+)?(?:cek|ngecek|mengecek|lihat|liat|melihat|check|see)\b"
)
_IF = r"kalau|kalo|klo|kl|kalu|jika|jikalau|bila|apabila|if"  # "if", as chat writes it
_CONDITION_RE = ascii_re(r"\b(?:" + _IF + r"|agar|supaya|setelah|sesudah|misal\w*|once)\b[^.?!,\n]*$")
# the offices alone (as the index reads them): a message naming only one of these is about PSP
# only when it is also near a topic
OFFICE_WORDS = ("disdikpora", "kemendikbudristek", "kemendikdasmen", "lpmp", "bpmp")
# "siapa …", "who is …" (not "siapa pun", nor the relative "principals who have not …"): someone
# asked for, whom the answer must name — a person, an office, a body or a role
_WHO_ASKED_RE = ascii_re(r"\b(?:siapa|siapakah|sira|sapasira|sapa)\b(?!\s*pun\b)|(?:^|[.?!,;:]\s*|\band\s+)(?:who|whom)\b")
# "selain buleleng siapa lg yg angkatan I": which regions, not a person
# ("angkatan II di bali siapa aja": the cohort's members, the regencies)
_WHICH_REGIONS_RE = ascii_re(
    r"\bsiapa\s+(?:saja\s+|aja\s+|lagi\s+|lg\s+|lainnya\s+)?(?:(?:yang|yg)\s+)?(?:masuk\s+|ikut\s+|termasuk\s+)?angkatan\b"
    r"|(?<!sekolah )(?<!kepsek )(?<!kepala sekolah )\bangkatan [^ .?!,]+(?: psp| sekolah penggerak)?(?: (?:di|in) bali)? siapa (?:saja|aja|sj|lagi|lg)\b"
    # (…"selain" a regency: "selain buleleng, siapa lagi yg duluan ikut psp angkatan pertama?")
    r"|\bselain\s+(?:kab\w*\s+|kota\s+)?(?:buleleng|denpasar|badung|klungkung|gianyar|karangasem|jembrana|tabanan|bangli)\b[^?]*\bsiapa\b"
)
_WHO_IN_ANSWER_RE = ascii_re(
    _PERSON + r"|\b(?:Disdikpora|Kemendikbud\w*|Kementerian|Kemendikdasmen|BPMP|LPMP|PMO|Pokja|GTK|Bidang|Sekretaris|Kabid|Bupati|Dinas|Ministry)\b"
    r"|\b(?:kepala|guru|korwil|koordinator|petugas|pengawas|tim|panitia|dinas|komite|pelatih|operator|admin|peserta|pejabat|pemerintah|yayasan|pusat|pleno"
    r"|principal|teacher|coordinator|staff|team|officer|supervisor|committee|coach|participant|official|government|foundation|plenary)s?\b"
)
# One day of the four-day Bimtek ("hari ketiga", "hari ke-2", "tgl 9 maret", "on the first day"), not its
# span ("tgl 8 sampai 11"), in a message about the Bimtek (question_kind checks that)
_ONE_DAY_RE = ascii_re(
    r"\bhari (?:pertama|kedua|ketiga|keempat|ke ?-?[1-4])\b|\b(?:first|second|third|fourth) day\b|\bday (?:one|two|three|four|[1-4])\b"
    r"|\b(?:tgl|tanggal|on) (?:8|9|10|11)\s+(?:maret|march)\b|\bmarch (?:8|9|10|11)\b(?! ?(?:sampai|sd|s/d|hingga|until|to|-|–))"
)
# (…not the Bimtek's first or last day checked, or one of two offered: "Bimtek PMO mulai tgl 8 atau tgl 11 maret?" asks its dates)
_DAY_AS_BOUND_RE = ascii_re(r"\b(?:mulai|dimulai|selesai|berakhir|sampai|sampe|hingga|atau|start\w*|began|begin\w*|end\w*|finish\w*|or)\s+$")


def _one_day_asked(folded: str) -> bool:
    """Whether one day of the Bimtek is asked about (see ``_ONE_DAY_RE``), not a date it began or ended on."""
    return any(
        found.group().startswith(("hari", "day", "first", "second", "third", "fourth"))
        or not _DAY_AS_BOUND_RE.search(folded, max(0, found.start() - 12), found.start())
        for found in _ONE_DAY_RE.finditer(folded)
    )


_ONE_DAY_IN_ANSWER_RE = ascii_re(r"\b(?:[Hh]ari (?:pertama|kedua|ketiga|keempat|ke-?\d)|(?:first|second|third|fourth) day|[Dd]ay [1-4])\b")
_ADDRESS_RE = ascii_re(r"\b(?:Jl|Jalan|Jln)\.?\s+[A-Z]")
_PHONE_NAMED_RE = ascii_re(r"\b(?:" + _PHONE_WORDS + r"|kontak|number)\b")
_PHONE_RE = ascii_re(r"(?:\+62|\b0)\d[\d -]{6,}\d")
# … and the answer must name a person as that head, in the same sentence ("Kepala … saat itu
# <a name>"), not merely mention the office ("atas izin Kepala Disdikpora, … Sekretaris …")
_HEAD_NAMED_RE = ascii_re(r"\b(?:Kepala|Ketua|Pimpinan|Direktur|head|director|chair)\b(?:[^.;]|\.(?=\S)){0,40}?(?:" + _PERSON + ")")
# The head of an office asked for ("kepala LPMP Bali", "head of LPMP Bali", "the LPMP Bali head", "kadis BPMP")
_OFFICES_HEADED = r"(lpmp|bpmp|bp\s*paud|kemendikbud\w*|kemdikbud\w*|kementerian)"
_OFFICE_HEAD_ASKED_RE = ascii_re(
    # (not one told to be checked: "… penanggung jawab PMO tingkat kabupaten itu kepala LPMP, bener?")
    r"(?<!\bitu )(?<!\badalah )(?<!\bialah )(?<!\byaitu )(?<!\bis )"
    r"\b(?:kepala|ketua|pimpinan|pemimpin|direktur|kadis|heads?|director|chief)\s+(?:of\s+(?:the\s+)?)?" + _OFFICES_HEADED + r"\b"
    r"|\b" + _OFFICES_HEADED + r"(?:\s+(?:provinsi\s+|province\s+)?bali)?(?:'s)?\s+(?:head|director|chief)\b"
)


_WHO_NAMED_ASKED_RE = ascii_re(r"\b(?:siapa|sapa|sp|sira|nyen|who|whom|nama|namanya|name)\b")


def _office_head_asked(folded: str) -> str | None:
    """The office whose head a (folded) question asks about: "lpmp", "bp paud", … (None when no such head is asked)."""
    found = _OFFICE_HEAD_ASKED_RE.search(folded)
    return None if found is None else re.sub(r"\s+", " ", (found.group(1) or found.group(2)))


@lru_cache(maxsize=256)
def _names_head_of(answer: str, office: str) -> bool:
    """Whether an answer names the head of ``office`` ("Kepala LPMP Bali …"), not only the office or another's head."""
    return re.search(r"\b(?:kepala|ketua|direktur|head|director|chief)\b[^.;]{0,30}?\b" + re.escape(office), answer, re.IGNORECASE) is not None


# A sentence of an answer saying the sources hold no such fact.
_SENTENCE_RE = ascii_re(r"[.;]")
_SILENT_PHRASES = ascii_re(r"\b(?:sumber kami tidak menyebut|tidak ada dalam sumber kami)", re.IGNORECASE)
# Names every message about the programme shares: they say nothing about which fact is lacking.
_EVERYWHERE = frozenset({"psp", "buleleng", "disdikpora", "sekolah", "kepala", "sumber"})
_FORM_ASKED_RE = ascii_re(
    r"\b(?:di|dalam|dlm|in|on)\s+(?:the\s+)?(?:form|formulir)\s+(?:pendaftaran|daftar|psp|bot|registrasi|registration)\b(?!\s+(?:guru|cpns|pppk))"
)
# the korwil's own business in the programme: the schools they name ("yg kirim minimal lima nama SD ke dinas …")
_KORWIL_SCHOOLS_RE = ascii_re(r"\b(?:nama|usul\w*|kirim\w*|diusulkan|dikirim)\b[^.?!]{0,30}\b(?:sd|sekolah)\b")
# a message that opens with who asks, a korwil ("sy korwil Sukasada, …", "tiang korwil kec. Sawan")
_KORWIL_ASKS_RE = ascii_re(r"(?:[^.?!]{0,40}?\b)?(?:saya|sy|tiang|titiang|aku|kami)\s+(?:selaku\s+|sebagai\s+)?(?:korwil|koordinator wilayah)\b")
_REASONS = r"\b(?:karena|karna|krn|soal ?nya|sebab|soale|because|takut|khawatir|kuatir)\b"
_REASONS_RE = ascii_re(_REASONS)
_NO_REASON = rf"(?:(?!{_REASONS})[^.?!\n])"
# a reason given after something was asked ("…, bisa ikut? soalnya …"), not at the message's start
_REASON_RE = ascii_re(r"(?<=\S)[\s,.?!]+" + _REASONS)
# "… selain orang dinas?", "… other than the LPMP?": a short phrase of what a question sets aside, at its end
_SET_ASIDE_RE = ascii_re(r"\b(?:selain|kecuali|besides|other than|apart from|except)(?:\s+[\w-]+){1,3}?\s*(?=[?.!,\n]|$)")
# …right after the question mark, or a purpose there ("…? biar sy siapkan dulu dokumennya")
# the polite words that may open what follows "mohon info" ("mohon info nggih pak, …")
_POLITE_LEAD_RE = ascii_re(r"(?:[\s,.!]*\b(?:nggih|inggih|ya|yah|pak|bu|bapak|ibu|bli|dong|nih|ampura|maaf|sekali|banget|bgt)\b)*")
_REASON_START_RE = ascii_re(r"[\s,.!]*(?:" + _REASONS + r"|\b(?:biar|supaya|agar|spy|so that)\b)")
# …or what the asker wants the answer for, after a question that names its own topic ("yg ikut bimtek PMO dr buleleng siapa aja
# ya? sy pengen kontak beliau buat nanya2 materi nya"; not "caranya gimana pak? tiang mau ubah nomor hp", which says what is asked)
_WANTS_START_RE = ascii_re(
    r"[\s,.!]*\b(?:saya|sy|tiang|titiang|kami)\s+(?:pengen|pengin|pingin|ingin|mau)\s+(?!tanya|nanya|bertanya|daftar|mendaftar|ikut|tahu|tau)\w+"
    # (…or, the words the other way round, passing the answer on: "mau sy umumin ke guru2")
    r"|[\s,.!]*\b(?:mau|pengen|ingin)\s+(?:saya|sy|tiang|titiang|kami)\s+(?:umumin|umumkan|kabarin|kabari|kabarkan|sampaikan|sampein|bagikan|share|teruskan)\b"
)
_ABOUT_SUBJECT_RE = ascii_re(r"\b(?:soal|tentang|ttg|mengenai|perihal|about|terkait)\s+\w")
# …or that the asker does not understand, naming no subject ("sy mau tanya langsung ke petugas aja bisa? ga ngerti pake bot"; not
# "Apa itu PSP? tiang kurang paham soal pengimbasan")
_NOT_UNDERSTOOD_START_RE = ascii_re(
    r"[\s,.!]*(?:\b(?:saya|sy|aku|tiang|titiang)\s+)?\b(?:ga|gak|gk|nggak|ngga|tidak|tdk|kurang|krg|ndak)\s+(?:ngerti|mengerti|paham|faham|nangkep)\b"
)
# …or who asks ("PMO itu singkatan apa? sy pengawas baru"; see _decide)
_ASKER_START_RE = ascii_re(
    r"[\s,.!]*\b(?:saya|sy|aku|tiang|titiang|i m|i am)\s+(?:seorang\s+|a\s+|an\s+)?(?:baru\s+|new\s+)?"
    r"(?:pengawas|guru|kepsek|kepala sekolah|operator|korwil|staf|staff|pegawai|supervisor|teacher|principal"
    # (…or how long they have held the post: "Saya baru menjabat jadi tidak mengikuti waktu itu"; or how they feel:
    # "Saya grogi, ini pertama kali ikut seleksi")
    r"|menjabat|dilantik|diangkat|ditugaskan|appointed|grogi|gugup|cemas|khawatir|deg-degan|deg degan|nervous|worried|anxious)\b"
)
# ("PSP kepanjangannya", "kepanjangan PSP apa"; not "Durasi pelatihannya kepanjangan, bisa dipersingkat?", too long)
_STANDS_FOR_RE = ascii_re(
    r"(?<=\bapa )kepanjangan(?:nya)?\b|\bkepanjangan(?:nya)?\b(?=\s+(?:dari|dr)\b|\s+\w+\s+(?:apa|itu apa)\b)"
    r"|(?<![a-z]nya )(?<!\bkami )(?<!\bsaya )\bkepanjangan(?:nya)?\b(?=\s*(?:apa\b|\?|$|(?:ya|pak|bu|nggih)\b))"
)
# An office of the Disdikpora ("kadis", "kepala dinas", "sekdis", "head of the education office")…
_OFFICE_HOLDER_RE = ascii_re(
    r"\b(?:kadis\w*|kadisdik\w*|sekdis|kepala\s+(?:dinas|disdikpora|disdik)|sekretaris\s+(?:dinas|disdikpora|disdik)"
    r"|(?:head|secretary)\s+of\s+(?:the\s+)?(?:disdikpora|dinas|education\s+(?:office|agency|department))"
    r"|(?:leads|heads|runs)\s+(?:the\s+)?(?:disdikpora|dinas|education\s+(?:office|agency|department)))\b"
)
_CURRENTLY_RE = ascii_re(r"\bcurrently\b|\bsaat ini\b|\bkini\b")
# …at the time of the Bimtek ("pas bimtek PMO maret 2022", "at the time of the March 2022 Bimtek", "during the PMO Bimtek")
_AT_THE_BIMTEK_RE = ascii_re(
    # (…and the verb of its taking place, "waktu bimtek pmo dilaksanakan", "when the Bimtek was held"; one atomic group)
    r"\b(?:pas|waktu|wkt|saat|pada saat|pd saat|ketika|semasa|at the time of|during|when)\s+(?>(?:the\s+)?(?:(?:maret|march)\s+(?:2022\s+)?)?"
    r"(?:kegiatan\s+)?(?:(?:tim\s+)?(?:pokja\s+)?pmo\s+)?bimtek(?:\s+(?:tim\s+)?(?:pokja\s+)?(?:pmo|pemda))*(?:\s+(?:tgl\s+|tanggal\s+)?(?:8\s*[–-]\s*11\s+)?(?:bulan\s+)?(?:maret|march))?"
    r"(?:\s+(?:tahun\s+|thn\s+)?2022)?(?:\s+(?:was\s+held|was\s+on|took\s+place|happened|berlangsung|dilaksanakan|diadakan|digelar))?)\b"
)
_REAPPLY_RE = ascii_re(
    r"\b(?:ga|gak|gk|tidak|tdk|nggak|ngga|enggak|belum|blm|tak|ndak|nda|durung|not|didn't|didnt|wasn't|wasnt|weren't|werent)\s+"
    r"(?:lolos|lulus|terpilih|selected|passed|pass|chosen)\b[^?.!]*?\b(?:daftar|mendaftar|ikut|apply|register|try|coba)\s+(?:lagi|lg|kembali|again)\b"
)
_PURPOSE_LEAD_RE = ascii_re(
    r"(^|[.!?]\s*)(?:buat|untuk|utk|sebagai)\s+(?:bahan\s+)?(?:gambaran|referensi|pegangan|persiapan|arsip|dokumentasi|pengetahuan|jaga-jaga|jaga2)"
    r"(?:\s+[a-z0-9-]+){0,4}\s*:\s*"
)
_WHICH_COMMAND_ID_RE = ascii_re(
    r"\bperintah\s+apa\s+(?:yang\s+|yg\s+)?(?:harus\s+|perlu\s+|bisa\s+|dapat\s+)?(?:saya\s+|sy\s+|kami\s+)?(?:gunakan|pakai|ketik|digunakan|dipakai|diketik)\b"
    r"(?!\s+(?:untuk|utk|buat|agar|supaya))"
)
_REGISTERED_WHERE_RE = ascii_re(
    r"\b(?:harus|wajib|perlu|mesti|hrs)\s+(?:sudah\s+|sdh\s+|udah\s+|udh\s+)?(?:(?:terdaftar|tercatat|terdata|masuk)\s+"
    # (…or "di sistem tertentu dulu": "apa data kepsek harus udah tercatat di sistem tertentu dulu baru bisa daftar")
    r"(?:di\s*mana|dmn|dimana|di\s+sistem\s+apa|di\s+aplikasi\s+apa|di\s+(?:sistem|aplikasi|database|data)\s+(?:tertentu|khusus))"
    # (…and "harus udah ada di sistem tertentu", not "file SK harus ada di mana", a place for a file)
    r"|ada\s+di\s+(?:sistem|aplikasi|database)\s+(?:apa|tertentu|khusus))\b"
)
_WHO_IS_IN_RE = ascii_re(r"\bsiapa\s+(?:saja\s+|aja\s+|sj\s+|aj\s+)?(?:yang|yg)\s+masuk\b")
_BACK_THEN_RE = ascii_re(r"\b(?:waktu|wkt|saat|ketika|pas)\s+itu\b")
_ASSIGNED_RE = ascii_re(
    r"\b(?:dapat|dpt|dapet|dapatnya|diberi|dikasi|dikasih)?\s*jatah\s+(?=(?:men|me|nge)?(?:dampingi|damping|pegang|megang|bina|membina|ajar|ngajar|tangani|handle)\w*\b)"
)
_AMONG_OTHERS_RE = ascii_re(r"\b(?:antara lain|di antaranya|diantaranya)\b")
# Words of a message read as the base says them (hint: a piece every match holds, looked for first; pattern, replacement,
# how many — 0: all):
_LATER_COHORT_RE = ascii_re(
    r"\b(?:(?:another|new|next)\s+(?:psp\s+)?(?:cohort|batch|angkatan)|angkatan\s+(?:psp\s+)?(?:lain|baru))\b"
    r"([^.?!\n]{0,60}?)\b(?:setelah|sesudah|stlh|after)\s+angkatan\s+(?:3|iii|tiga|three)\b"
)
_KORWIL_NAMED_RE = ascii_re(
    r"\b(?:who\s+is|who's|whos|siapa(?:\s+nama)?)\s+(?:the\s+)?korwil(?:nya)?\s+(?:(?:for|of|in|di|untuk|utk)\s+)?(?:kecamatan\s+|kec\s+)?(?:"
    + _KECAMATAN
    + r")\b|\bkorwil\s+(?:disdikpora\s+|dinas\s+|disdik\s+)?(?:kecamatan\s+|kec\s+)?(?:"
    + _KECAMATAN
    + r")\s+(?:itu\s+|sekarang\s+|skrg\s+|saat ini\s+)?(?:siapa|sapa)\b"
)
_MEANS_GUESSED_RE = ascii_re(
    r"(?<=\w)\s*\?\s*(?:through|thru|via|lewat|lwt)"
    r"(?:\s+(?!(?:apa|apaan|mana|what|which|siapa|who|gimana|gmn|bagaimana)\b)[\w.]+){1,2}(?:\s+(?:ya|kah|kan|juga|jg))?\s*\?\s*$"
)
_ZONE_ASKED_AFTER_RE = ascii_re(
    r"(\b(?:[01]?\d|2[0-3])(?:[.:][0-5]\d)?\s*wib\b.*?)\b(?:itu\s+|jadi\s+|berarti\s+|brarti\s+|artinya\s+)*(?:jam|pukul|pkl)\s+(?:brp|berapa|berapaan)"
    r"(?:\s+(?:di|utk|untuk)\s+(?:buleleng|bali|sini|singaraja|wita))?"
)
# this bot's reminders: "pengingat", "ngingetin", "reminder"
_REMINDING = r"pengingat\w*|reminders?|(?:meng|di|ng)?ing[ae]t(?:in|kan)\w*|remind\w*"
_REMINDER_ASKED_RE = ascii_re(r"\b(?:" + _REMINDING + r")\b")
# academic degrees as written ("S1", "S-1", "D4", folded "s 1"): one word, not a letter and a number
# (the letter first, then the look back for a word start: Python scans for an "s" or a "d", not at every position)
_DEGREE_RE = ascii_re(r"([sd])(?<![a-z0-9][sd])[\s-]*([1-4])\b")
_DEGREES = {"s1": " sarjana ", "s2": " magister ", "s3": " doktor "} | {f"d{n}": " diploma " for n in "1234"}
_TO_ATTACH_RE = ascii_re(
    r"\b(?:utk|untuk|buat|biar|supaya|agar)\s+(?:di|me)?lampir(?:kan|kn|in)?\b(?:\s+(?:di|ke|dlm|dalam|pada|sebagai)\s+[a-z]+(?:\s+[a-z]+)?)?(?:\s+(?:ke|kpd|kepada)\s+[a-z]+)?"
)
_ESSAY_THEME_RE = ascii_re(r"\btema(?:nya)?\b")
_EQUIPMENT_GIVEN_RE = ascii_re(
    r"\b(?:dapat|dpt|dapet|dapatkan|bantuan|dikasih|diberi|diberikan|get|gets|given|receive|receives)\s+(?:\w+\s+)?(?:laptop|tablet|chromebook)s?\b"
)
_PASS_RATE_RE = ascii_re(
    r"\b(?:berapa\s+)?(?:persen|persentase|percent(?:age)?)\b(?=[^.?!]{0,40}\b(?:pass|passed|passes|lolos|lulus|diterima)\b)"
)
_PUT_FORWARD_RE = ascii_re(r"\b((?:schools|sds|smps|names)\b(?:\s+\w+){0,5}?\s+)put\s+forward\b|\bput\s+forward(?=\s+(?:\w+\s+)?(?:schools|sds|names)\b)")
_MESSAGE_REWRITES: tuple[tuple[str, re.Pattern[str], str, int], ...] = (
    ("itu", _BACK_THEN_RE, " dulu ", 0),  # "Materinya waktu itu apa aja?": back then, no time of day asked
    ("jatah", _ASSIGNED_RE, " ", 0),  # "1 pelatih ahli dapat jatah dampingi berapa sekolah": assigned, no quota
    # formal names: "ditambahkan ke kalender di telepon genggam" is a phone, "tercatat di data pokok pendidikan" Dapodik
    ("genggam", ascii_re(r"\b(?:telepon|telpon|telp)\s+genggam\b"), "hp", 0),
    ("data pokok", ascii_re(r"\bdata\s+pokok(?:\s+pendidikan|\s*nya)?\b"), "dapodik", 0),  # (and "data pokok nya" alone)
    # "… menghentikan pengisian formulir …. Perintah apa yang harus saya gunakan?": how to do what was told, not the list of commands
    ("perintah", _WHICH_COMMAND_ID_RE, " cara ", 1),
    # "utk daftar PSP kepala sekolah harus sdh terdaftar di mana?": the database one must be in (Dapodik), not registering
    ("daftar", _REGISTERED_WHERE_RE, " terdata di aplikasi apa ", 1),
    ("masuk", _WHO_IS_IN_RE, "siapa anggota", 0),  # "komite pembelajaran … siapa aja yg masuk": its members
    ("antara", _AMONG_OTHERS_RE, " ", 0),  # "… dapat digunakan untuk keperluan apa saja, antara lain …": "for example", no "between"
    # "Will another PSP cohort be opened after Angkatan III?": a later cohort (the sources end with the third)
    # (another cohort named as such: not "setelah angkatan 3 lulus, kapan pendampingan dimulai?")
    ("angkatan", _LATER_COHORT_RE, r" angkatan selanjutnya \1 ", 0),
    # "pelaksanaan perdana psp": the first (not "perdana menteri", a prime minister)
    ("perdana", ascii_re(r"\bperdana\b(?!\s+menteri)"), "pertama", 0),
    # "sklh penggerak dpt laptop?": equipment given to the school, the digital-equipment topic (not a laptop to join a Zoom with)
    ("lap", _EQUIPMENT_GIVEN_RE, " bantuan perangkat ", 0),
    # "roughly what percent of principals pass stage 2?": a pass rate, a detail of the selection the sources lack
    ("per", _PASS_RATE_RE, " ambang ", 0),
    # "how many primary schools am I supposed to put forward for PSP?": propose them
    # (schools or names put forward, not one's own: "I want to put my school forward")
    ("forward", _PUT_FORWARD_RE, r"\1propose ", 0),
    # "esai tahap 1 … temanya apa aja", "tema bimtek pmo apa": the essay's or the Bimtek's topics (not a P5 theme, nor the curriculum's)
    *((hint, _ESSAY_THEME_RE, " topik ", 0) for hint in ("esai", "essay", "tulisan", "bimtek")),
    # "… data pendaftar utk dilampirkan ke laporan bulanan ke dinas": where the asker will put it, not what is asked
    ("lampir", _TO_ATTACH_RE, " ", 0),
    # "undangan zoom … jam 08.00 WIB, …. itu berarti jam brp di buleleng?": the clock told, converted to Bali's zone
    ("wib", _ZONE_ASKED_AFTER_RE, r"\1 konversi wita jam berapa ", 1),
    # "Will there be a new PSP cohort opening next year?": a cohort still to come, the next one
    ("cohort", ascii_re(r"\b(?:new|upcoming|future)\s+(?:psp\s+)?cohort\b"), " next cohort ", 0),
    # "who is the korwil for kecamatan tejakula?", "korwil kecamatan seririt siapa ya skrg?": a person's name, which no source
    # holds (not the korwil's role in this bot)
    ("korwil", _KORWIL_NAMED_RE, " siapa nama korwil ", 0),
    # "Which topics were covered during the PMO Bimtek sessions?", "materi sesi bimtek": the event's content, its sessions no subject
    ("ses", ascii_re(r"\b(topics?|materi\w*|materials?|subjects?|contents?)\b([^.?!]*?)\s*\b(?:sessions?|sesi(?:nya)?)\b"), r"\1\2", 0),
    # "where do principals sign up for PSP? through dapodik?": a channel guessed after the question, for the answer to confirm
    # or correct; the question before it says what is asked (not "boleh daftar? pakai sk plt?": what it is done with is asked)
    ("?", _MEANS_GUESSED_RE, "?", 1),
    # "… Tiang jawab SD aja, ternyata salah. Yg benar jenjang apa aja?", "yg bener yg daftar siapa?": which is right, after two
    # claims told, is asked — nothing is corrected (not "cara isi yang benar", the right way)
    # "… bisa daftar PSP lewat bot ini aja, ga perlu ke dinas. Caranya gimana?": where one need not go is not asked about
    (" ke ", ascii_re(r"\b(?:ga|gak|gk|g|tidak|tdk|nggak|ngga|ndak|nda|tak|tanpa)\s+(?:perlu|usah|harus|hrs|mesti|need to)\s+"
                       # (only told, its clause closed without a question: not "hasil verifikasi tidak perlu datang ke kantor dinas?")
                       r"(?:datang\s+|dtg\s+|pergi\s+|lagi\s+|lg\s+)?ke\s+(?:kantor\s+)?\w+(?=[^.?!,;]*[.!,;])(?![^.?!,;]*\?)"), " ", 0),
    # "yg daftar itu sekolahnya atau harus atas nama siapa?": under whose name, a role (not a person's name, nor on whose behalf)
    ("atas nama", ascii_re(r"\batas\s+nama\s+(?=(?:siapa|sapa|sp)\b)"), " ", 0),
    # "Buleleng sedang di tahap apa dalam PSP?": "currently", not a moderate sanction ("hukuman disiplin sedang")
    ("sedang", ascii_re(r"\bsedang\s+(?=(?:di|dalam|ikut|mengikuti|menjalani|berada|masuk|ngapain|pada)\b)"), " ", 0),
    # "siapa yang mendampingi kepala sekolah dan guru selama program berjalan?": while it runs, no length asked
    (
        "selama",
        ascii_re(r"\bselama\s+(?:program|programnya|psp|kegiatan|pendampingan)(?:\s+(?:ini|itu|nya|psp))?\s+(?:berjalan|berlangsung|jalan)\b"),
        " ",
        0,
    ),
    # "bimtek … harus dtg ke tempat kah atau bs ikut dr rumah?", "can I join the bimtek from home?": attending online
    # (the Bimtek's, named before it in the sentence: not "boleh ikut pkp dari rumah?", "bisa ikut wawancara dari rumah?")
    ("bimtek", ascii_re(r"(\bbimtek\b[^.?!]*?)\b(?:dari|dr|dri|from)\s+(?:rumah|rmh|home)\b"), r"\1 daring ", 0),
    # "tiang pengen daftar lewat sini aja": through this chat, the bot
    ("sini", ascii_re(r"\b(?:lewat|via|lwt)\s+sini\b"), " lewat bot ", 0),
    # "ada petugas yg bisa diajak chat langsung?": to talk with (not "bimtek PMO diajak siapa saja?", who was invited)
    ("diajak", ascii_re(r"\bdiajak\s+(?=(?:chat|ngobrol|bicara|berbicara|ngomong|diskusi|komunikasi)\b)"), " ", 0),
    # "sy pengen ngobrol sama orang beneran aja": a person, not the bot (not "benar", right)
    ("orang", ascii_re(r"\borang\s+(?:beneran|benaran|benar2|asli|sungguhan|betulan|nyata)\b"), " manusia ", 0),
    # "pak ampura panjang", "maaf sy ketik panjang", "sorry for the long message": the message's length, apologised for
    ("anjang", ascii_re(r"\b(?:maaf|ampura|sorry)\s+(?:ya\s+|nggih\s+|agak\s+|sy\s+ketik\s+|saya\s+ketik\s+|tiang\s+ketik\s+)?(?:panjang|pjg)\b"), " ", 0),
    ("b", ascii_re(r"(?:^|(?<=[.?!,;]))\s*(?:yang|yg)\s+(?:benar|bener|bnr|betul|btl)(?:nya)?\b(?=\s+\w)"), " ", 0),
    # "isi form kmrn blm selesai": a form left unfinished, to go on with ("belum" is a stop word, leaving "selesai": done)
    (
        "selesai",
        ascii_re(
            r"(\b(?:form|formnya|formulir|formulirnya)\b(?![^.?!]*\b(?:simpkb|laman|situs|web|website|portal)\b)[^.?!]{0,30}?)"
            r"\b(?:belum|blm|durung|ga|gak|gk|tidak|tdk)\s+(?:sempat\s+)?selesai\b"
            # (…or told first: "sy belum selesai isi form kemarin")
            r"|()\b(?:belum|blm|durung|ga|gak|gk|tidak|tdk)\s+(?:sempat\s+)?selesai\s+(?=(?:isi|ngisi|mengisi)\s+(?:form|formulir)\b(?![^.?!]*\b(?:simpkb|laman|situs|web|website|portal)\b))"
        ),
        r"\1 terputus ",
        0,
    ),
)
_OPENED_BY_RE = ascii_re(
    r"\b(?:siapa|sapa)\s+(?:yang|yg)\s+(?:membuka secara resmi|membukanya|membuka|buka)\b"
    r"|\bwho\s+(?:officially\s+)?opened\b|\b(?:dibuka|opened)\s+(?:secara resmi\s+|officially\s+)?(?:oleh|by)\s+(?:siapa|whom|who)\b"
)
_NOT_ANSWERED_RE = ascii_re(
    r"\b(?:ga|gak|gk|tidak|tdk|nggak|ngga|enggak|belum|blm|tak|ndak|nda)\s+(?:bisa\s+|bs\s+|dapat\s+|dpt\s+|mampu\s+|sanggup\s+|ter)?"
    r"(?:di|men|ter)?(?:jawab|jwb)\w*"
    r"|\b(?:can\s*not|can't|cant|could\s*not|couldn't|couldnt|does\s*not|doesn't|doesnt|did\s*not|didn't|didnt|unable\s+to)\s+(?:yet\s+)?answer\b"
    # ("sesuatu yg bot ga tau jawabannya": does not know the answer)
    r"|\b(?:ga|gak|gk|tidak|tdk|nggak|ngga|enggak|belum|blm|ndak)\s+(?:tau|tahu|tw)\s+(?:jawaban|jawabannya|jwbnnya|jawabnya)\b"
    r"|\b(?:doesn't|doesnt|does\s+not|don't|dont)\s+know\s+the\s+answer\b"
)
_MAIL_REQUIRED_RE = ascii_re(
    r"\be-?mail(?:nya)?\s+(?:wajib|harus|perlu|mesti|required|mandatory|optional|opsional|compulsory)\b"
    r"|\b(?:wajib|harus|perlu|mesti)\s+(?:isi|diisi|ngisi|mengisi|punya|pakai|pake)\s+e-?mail\b|\b(?:is|need)\s+(?:an?\s+)?e-?mail\s+(?:required|needed|mandatory)\b"
)
# A field of the form one does not have ("ga punya NIP", "bukan PNS jadi tdk punya NIP", "tanpa NPSN"), and what to fill in asked
_NO_FIELD_RE = ascii_re(
    r"\b(?:(?:ga|gak|gk|tidak|tdk|nggak|ngga|enggak|belum|blm|bukan|non|tanpa)\s+(?:punya|pny|ada|memiliki|mempunyai)?"
    r"|no|(?:don't|dont|do not|doesn't|doesnt|does not)\s+have\s+(?:a|an)?|without\s+(?:a|an)?|have\s+no)\s*(?P<field>nip|npsn|nuptk)\b"
)
_FILL_ASKED_RE = ascii_re(
    r"\b(?:di|harus\s+|hrs\s+)?(?:isi|isikan|ketik|tulis)\s+(?:apa|apaan|gimana|gmn|bagaimana|dengan apa|dgn apa)\b"
    # ("principal at a yayasan school, no NIP. leave it empty or type a dash?", "what do I type/enter instead?")
    r"|\bleave\s+it\s+(?:empty|blank)\b|\b(?:type|enter|put|fill\s+in|write)\s+(?:a\s+dash|something|what|instead)\b"
    r"|\bwhat\s+(?:do|should|can)\s+(?:i|we)\s+(?:type|enter|put|fill\s+in|write)\b"
)
_PURPOSE_OF_HOLDING_RE = ascii_re(
    r"\b(tujuan\w*|maksud|purpose|goal|aim|objective)\s+(?:(?:dari|dr|of|utama|the|main)\s+)*"
    r"(?:pelaksanaan\w*|penyelenggaraan\w*|diadakan\w*|dilaksanakan\w*|diselenggarakan\w*|digelar\w*|holding|organi[sz]ing|running|conducting)\b"
)
# (the data one gives: registration, personal, what one typed in, a NIP or a phone number; not a school's Dapodik or pupils' results)
_OWN_DATA_RE = ascii_re(
    r"\bdata\s+(?:saya|sy|tiang|pribadi|diri|pendaftaran|pendaftar|daftar|kepsek|kepala sekolah|yg|yang|di\s+(?:bot|form|formulir))\b"
    r"|\bnip\b|\bnomor\s+(?:hp|wa|telepon)\b"
)
# ("Is it only for high-performing schools, or can any school take part?": the other half asked in the same breath)
_ALTERNATIVE_ASKED_RE = ascii_re(r"\s*(?:or|atau|ato)\s+(?:can|could|is|are|does|do|must|should|will|bisa|bs|boleh|blh|harus|hrs)\b")
_WHO_SEES_DATA_RE = ascii_re(
    r"\b(?:bisa|bs|dapat|dpt|boleh|blh)\s+(?:di)?(?:lihat|liat|akses|baca)\s+(?:oleh\s+)?siapa(?:\s+(?:saja|aja|sj|aj))?\b"
    r"|\bsiapa(?:\s+(?:saja|aja|sj|aj))?\s+(?:yang\s+|yg\s+)?(?:bisa|bs|dapat|dpt|boleh|blh)\s+(?:lihat|liat|melihat|ngeliat|akses|mengakses|baca|membaca)\b"
    # ("yang bisa lihat data pendaftaran kepsek siapa aja?": who, asked after the data)
    r"|\b(?:yang|yg)\s+(?:bisa|bs|dapat|dpt|boleh|blh)\s+(?:lihat|liat|melihat|ngeliat|akses|mengakses|baca|membaca)\s+data\b[^?.!]{0,40}?\bsiapa\b"
)
# (…and one asked after the question as "only this or that too": "pelatih ahli itu megang brp sekolah? apa cuma sekolah kami aja
# atau sekolah lain jg?")
_ONLY_OR_RE = ascii_re(r"\s*(?:apa|apakah|apa\s+ya)\s+(?:cuma|cuman|cm|hanya|hny|only|just)\b[^?.!]*\b(?:atau|ato|or)\b")
_ALTERNATIVE_START_RE = ascii_re(r"\s*(?:atau|ato|atw|or)\s+(?:cuma|cuman|hanya|hny|just|only|malah|justru|apa|apakah|memang|emang)?\b")
# (a disclaimer before the question, not "sekolah kami masih di luar PSP" nor "bukan soal PSP-nya, tapi …")
_OUTSIDE_PSP_RE = ascii_re(
    r"(?:^|\b(?:maaf|pertanyaan|tanya|nanya|ini|agak|sedikit|pak|bu|bli|sorry|question|this is)\s+)"
    r"(?:di\s*luar|bukan\s+(?:soal|tentang|terkait|masalah|urusan)|not\s+about|unrelated\s+to|(?<![\w ])outside(?:\s+of)?)\s+"
    r"(?:topik\s+|urusan\s+|soal\s+|the\s+)?(?:psp|program sekolah penggerak|sekolah penggerak)\b(?!\w*\s*,?\s*(?:tapi|tetapi|melainkan|but)\b)"
)
# (…a clause that only introduces the asker: a role, then at most the school and its place)
# (after whom it is put to: "mohon izin bertanya Bapak/Ibu, saya kepala SD di Busungbiu. …")
# Who asks, by role ("tiang kepsek …", "sy sekretaris korwil …")
_ASKER_ROLES = (
    *("kepsek", "kepala", "operator", "korwil", "guru", "pengawas", "penilik"),
    *("sekretaris", "staf", "staff", "bendahara", "wakil", "wakasek", "admin"),
)
_ASKER_INTRO_RE = ascii_re(
    r"\s*(?:(?:nggih|ya)\s*,?\s+)?(?:(?:bapak|ibu|pak|bu|bpk)(?:\s*/\s*(?:bapak|ibu|bpk))?\s*,?\s+)?"
    r"(?:saya|sy|aku|tiang|titiang|kami)\s+(?:seorang\s+|ini\s+)?(?:(?:dari|dr)\s+(?=(?:sd|sdn|smp|smpn|tk|paud)\b))?"
    # (with the asker's name between: "tiang Gusti Ayu Ratna kepsek SDN 1 Pancasari")
    # (…and a comma after it: "sy Kadek Suantara, kepsek SDN 3 Sambangan")
    r"(?:(?:" + _NAME_PARTS + r"),?\s+(?:(?:" + _NAME_PARTS + r"),?\s+)*(?:[a-z]+,?\s+){0,2}?)?"
    # (…or only the school: "tiang Ketut Suarta SDN 3 Gerokgak")
    r"(?:" + "|".join(_ASKER_ROLES) + r"|sd|sdn|smp|smpn|tk|paud)\b"
)
_INTRO_WORDS = frozenset(
    {"kepala", "sekolah", "sd", "smp", "tk", "paud", "operator", "korwil", "guru", "pengawas", "negeri", "kecamatan", "camat", "desa", "buleleng"}
    | {name.lower() for name in BULELENG_KECAMATAN}
    | {"singaraja"}  # (the regency's town: "saya Nyoman kepsek SMP swasta di Singaraja")
)
# (after "mau tanya": "tiang kepala TK swasta di Kec. Banjar.", "sy sekretaris korwil Tejakula." are still who asks)
_TAIL_INTRO_WORDS = _INTRO_WORDS | {"swasta", *_ASKER_ROLES}
# "siapa pelatih ahli di sekolah saya", "who is my school's coach": a person of the asker's own case.
# "target … untuk Kecamatan Busungbiu berapa sekolah", "sekolah penggerak di busungbiu ada brp": a count of schools or
# people of one place (not "… sy kepsek di Seririt, syarat umur brp", the asker's place, nor "… di Buleleng jam brp")
_PLACE = r"(?:di|dari|dr|untuk|utk|buat|in|ring|of)\s+(?:(?:kecamatan|kec|kabupaten|kab)\s+)?(" + _KECAMATAN + r"|buleleng)\b"
_COUNTED = r"(?:sekolah|sd|smp|tk|paud|kepsek|kepala sekolah|orang|org|peserta|pendaftar|schools?|principals?|sds)"
_COUNTED_PLACE_RE = ascii_re(
    r"\b(?:berapa|brp|how many|jumlah)\s+(?:\w+\s+)?" + _COUNTED + r"\b[^.?!\n]*?\b" + _PLACE
    + r"|\b(?:sekolah penggerak|psp)\s+" + _PLACE + r"[^.?!\n]*?\b(?:berapa|brp|how many)\b"
    # (…or who they are: "sekolah penggerak di tejakula sp aja")
    + r"|\b(?:sekolah penggerak|psp)\s+(?:di|ring)\s+(?:(?:kecamatan|kec)\s+)?(" + _KECAMATAN + r")\s+"
    + r"(?:(?:siapa|sp)\s+(?:saja|aja|sj)|apa\s+(?:saja|aja|sj)\s+sekolahnya)\b"
    # (…or which schools they are: "sekolah mana aja di seririt yg jadi sekolah penggerak")
    + r"|\b(?:sekolah|sd|smp|tk) mana(?:\s+(?:saja|aja|sj))?\b[^.?!\n]*?\b" + _PLACE
    # ("which SDs in sukasada did the korwil nominate?"; not "which schools in tejakula are eligible", who may join)
    + r"|\bwhich\s+(?:schools?|sds?|smps?|tks?)\b(?![^.?!\n]*\b(?:eligible|qualify|qualified|qualifies|can|could|may|allowed|meet|boleh|bisa)\b)"
    + r"[^.?!\n]*?\b"
    + _PLACE
    + r"|\b" + _PLACE + r"[^.?!\n]*?\b(?:berapa|brp|how many)\s+(?:\w+\s+)?" + _COUNTED + r"\b"
    + r"|\b(?:target|kuota|quota)\s+(?:jumlah\s+)?(?:sekolah\s+penggerak\s+|sekolah\s+)?(?:psp\s+)?(?:(?:untuk|utk|di|buat|khusus)\s+)?"
    + r"(?:kecamatan\s+|kec\s+|kabupaten\s+|kab\s+)?("
    + _KECAMATAN
    + r"|buleleng)\b"
)
# what one kecamatan's korwil has already sent: "sd yang sudah dikirim korwil gerokgak berapa sekolah" (not the rule per korwil)
_SENT_BY_KORWIL_RE = ascii_re(
    r"\b(?:sudah|sdh|udah|udh|telah)\s+(?:di)?(?:kirim|usulkan|usulin|ajukan)\s+(?:oleh\s+)?"
    r"(?:korwil|koordinator wilayah|koordinator)\s+(?:kecamatan\s+|kec\s+)?("
    + _KECAMATAN
    + r")\b[^.?!\n]*?\b(?:berapa|brp)\b"
    # ("How many primary schools in Kecamatan Sawan were proposed by the coordinator?")
    + r"|\bhow many\b[^.?!\n]*?\b(?:in|of|from)\s+(?:kecamatan\s+|kec\s+)?("
    + _KECAMATAN
    + r")\b[^.?!\n]*?\b(?:were|have been|has been|was|did)\s+(?:\w+\s+)?(?:proposed|sent|submitted|nominated|propose|send|submit)\b"
    # ("kec. sukasada sudah kirim brp nama SD ke dinas?", "How many of the SD names sent by the korwil in Tejakula actually passed?")
    + r"|\b(?:kecamatan|kec|korwil)\s+(?:kec\s+|kecamatan\s+)?("
    + _KECAMATAN
    + r")\s+(?:sudah|sdh|udah|udh|telah)\s+(?:\w+\s+)?(?:kirim|ngirim|mengirim|usulkan|ngusulin|mengusulkan|ajukan|mengajukan)\s+(?:berapa|brp)\b"
    + r"|\bhow many\b[^.?!\n]*?\b(?:sent|proposed|submitted|nominated)\s+by\s+(?:the\s+)?(?:korwil|coordinators?)\s+"
    + r"(?:in|of|from|for)\s+(?:kecamatan\s+|kec\s+)?("
    + _KECAMATAN
    + r")\b"
    # ("brp SD di kec gerokgak yg sdh diusulkan korwil ke dinas?": the count first, then the kecamatan, then what was sent)
    + r"|\b(?:berapa|brp)\s+(?:\w+\s+)?(?:sd|sekolah|sklh|nama)\b[^.?!\n]{0,40}?\b(?:kecamatan\s+|kec\s+)?("
    + _KECAMATAN
    + r")\b[^.?!\n]{0,30}?\b(?:sudah|sdh|udah|udh|telah)\s+(?:di)?(?:kirim|usulkan|usulin|ajukan)\s+(?:oleh\s+)?korwil\b"
)
# …or all of them together ("in total how many SD names did the korwil send in the end?"; not the rule, "how many must each korwil send")
_SENT_IN_ALL_RE = ascii_re(
    # ("How many school names did the korwil of Gerokgak actually send in?")
    r"\bhow many\b[^.?!\n]*?\b(?:did|have)\s+(?:the\s+)?(?:korwil|coordinators?)\s+(?:\w+\s+){0,3}"
    r"(?:send|sent|propose|proposed|submit|submitted|nominate|nominated)\b"
    r"|\b(?:total|totalnya|seluruhnya|keseluruhan)\b[^.?!\n]*?\b(?:dikirim|diusulkan|terkirim)\s+(?:oleh\s+)?(?:semua\s+)?korwil\b"
    # ("berapa SD yang sudah diusulkan korwil ke dinas?": what was sent, not how many must be)
    r"|\b(?:berapa|brp)\s+(?:\w+\s+)?(?:sd|sekolah|sklh|nama)\b[^.?!\n]{0,40}?\b(?:sudah|sdh|udah|udh|telah)\s+(?:di)?(?:kirim|usulkan|usulin|ajukan)\s+"
    r"(?:oleh\s+)?(?:semua\s+|para\s+)?korwil\b"
)


# "May" as the month (a date or "bulan/in May"), not the modal of "May I know …"
# a month checked: "… itu bulan Agustus kan?", "… in August, right?" (the month, then a tag asking to confirm)
# every spelling of a month ("may" only where it is the month: see _MAY_MONTH_RE), longest first
_MONTH_ALTERNATIVES = "|".join(sorted(MONTH_WORDS - {"may"}, key=len, reverse=True))
_CHECKED_MONTH_RE = ascii_re(
    r"\b(?:" + _MONTH_ALTERNATIVES + r")(?:\s+20\d\d)?\s*,?\s*"
    r"(?:kan|ya|yah|bukan|betul|benar|bener|kah|right|correct|is that right)\b" + _CLOSING + r"\s*(?:\?|$)"
    # ("When did stage 2 start for Angkatan III, May?": the English modal never ends a question after a comma)
    r"|,\s*may\s*\?\s*$"
)
# what was heard, to be checked ("katanya …, bener gak?", "I heard …. Is that right?")
_CLAIM_CHECKED_RE = ascii_re(
    r"\b(?:katanya|kabarnya|dengar|denger|dengarnya|heard|is it true|is that (?:right|true|correct)|apa (?:benar|bener|betul)"
    r"|apakah (?:benar|betul)|(?:benar|bener|betul)(?:kah| gak| ga| gk| nggak| tidak| tdk| ndak| kan)?\s*\?)"
)
_AGAIN_RE = ascii_re(r"\b(?:lagi|lg|berikutnya|selanjutnya|next|again|tahun depan|nanti)\b")
_MONTH_AT_END_RE = ascii_re(
    r"\b(?:" + _MONTH_ALTERNATIVES + r")(?:\s+20\d\d)?" + _CLOSING + r"\s*(?:\?|$)"
)
_OR_RE = ascii_re(r"\b(?:atau|or|ato)\s+(?:angkatan|tahap|cohort|stage)\b")
_MAY_MONTH_RE = ascii_re(r"\bmei\b|(?:\d|\b(?:in|on|of|bulan|since|until|by))\s+may\b|\bmay\s+(?:\d|20\d\d)")
# "principle" where a principal is meant: one who passes, registers or is of a school (not "the principle of PSP")
_PRINCIPLE_RE = ascii_re(
    r"\bprinciple(?=s?\s+(?:pass|passes|passed|fail|fails|failed|who|must|should|register|registers|registered|of (?:my|our|the|this) school)\b)"
    r"|(?<=\bschool )principle\b|(?:(?<=\bmy )|(?<=\bour )|(?<=\bnew )|(?<=\ba ))principle\b(?!\s+of\b)"
)
# a figure per korwil or per coach is the same in every kecamatan ("korwil di Busungbiu … berapa sekolah")
_PER_UNIT_RE = ascii_re(r"\b(?:korwil|koordinator|coordinators?|pelatih|coach\w*|mentor\w*|per (?:kecamatan|sekolah|korwil))\b")


_OWN_PLACE_RES = {
    place: ascii_re(r"\b(?:saya|sy|tiang|titiang|kami|aku|i am|i m)\b(?:\s+\w+){0,4}\s+(?:di|dari|dr)\s+(?:kecamatan\s+|kec\s+)?" + place + r"\b")
    for place in (*_KECAMATAN.split("|"), "buleleng")
}


def _counted_place(folded: str) -> str | None:
    """The kecamatan (or the regency) whose count of schools or people a question asks for, if it asks one."""
    if not (
        "brp" in folded
        or "berapa" in folded
        or "how many" in folded
        or "jumlah" in folded
        or "target" in folded
        or "kuota" in folded
        or "mana" in folded
        or "which" in folded
        or "aja" in folded
        or "saja" in folded
    ):
        return None
    if sent := _SENT_BY_KORWIL_RE.search(folded):
        return next(place for place in sent.groups() if place)
    if ("korwil" in folded or "coordinator" in folded) and _SENT_IN_ALL_RE.search(folded):
        return "buleleng"  # (the regency's count: no answer gives one)
    found = _COUNTED_PLACE_RE.search(folded)
    listed = found is not None and (found.group(0).startswith("which") or " mana" in found.group(0))
    if found is None or _PER_UNIT_RE.search(folded) and not listed:
        # ("korwil di Busungbiu harus mengusulkan berapa sekolah?", "1 pelatih ahli … pegang brp sekolah": the same everywhere; not
        # which schools of a place: "which SDs in sukasada did the korwil nominate?")
        return None
    place = next(place for place in found.groups() if place)
    # (the asker's own place is context: "tiang korwil di Kubutambahan, … minimal brp sekolah?")
    return None if _OWN_PLACE_RES[place].search(folded) else place


_OWN_PERSON_RE = ascii_re(
    # (within one sentence: "Kepala sekolah kami baru lolos. … Siapa saja anggotanya?" asks no person of ours)
    # (nor across a reason: "dikeluarkan oleh siapa karena sekolah kami swasta" asks the issuer)
    r"\b(?:siapa|sapasira|sira)\b" + _NO_REASON + r"*\b(?:sekolah|kecamatan|desa|gugus|sd|smp|tk|paud) (?:saya|sy|kami|tiang)\b"
    # (…or of a kecamatan named: "siapa pelatih ahli utk kec seririt")
    # ("sp" only opening the question: not "kepsek yg pernah dapat SP untuk kec. Sawan …", a warning letter)
    r"|(?:\b(?:siapa|sapa)\b|(?:^|[.?!,]\s*)sp\b)" + _NO_REASON + r"*\b(?:untuk|utk|di|buat)\s+(?:kec|kecamatan)\s+[a-z]+"
    # (not "sekolah sy swasta, surat keterangan … yg tanda tangan siapa": the school's kind is context)
    # (…nor whose it is: "TK kami milik yayasan, surat keterangan … yg nerbitin siapa ya?")
    r"|\b(?:sekolah|kecamatan|desa|gugus|sd|smp|tk|paud) (?:saya|sy|kami|tiang)\b(?! (?:swasta|negeri|milik|punya|dibawah|di bawah)\b)"
    + _NO_REASON
    + r"*\b(?:siapa|sapasira|sira)\b"
    r"|\bwho\b[^.?!\n]*\bmy (?:school|district)\b"
    # "siapa pelatih ahli yg pegang sekolah2 di Busungbiu": a person of one kecamatan (not
    # "Buleleng": that is the regency too, whose offices' heads the sources name)
    r"|\b(?:siapa|sapasira|sira)\b" + _NO_REASON + r"*\b(?:di|ring|kecamatan|kec) (?:" + _KECAMATAN + r")\b"
    # (in one clause: "sy kepsek SD swasta di seririt, surat keterangan … dikeluarkan siapa?" is where the asker works)
    r"|\b(?:di|ring|kecamatan|kec) (?:" + _KECAMATAN + r")\b(?:(?!" + _REASONS + r")[^.?!\n,])*\b(?:siapa|sapasira|sira)\b"
    r"|\bwho\b[^.?!\n]*\b(?:in|of) (?:" + _KECAMATAN + r")\b"
)
# "the Bimtek held in March 2022", "tujuan diselenggarakannya … pada bulan Maret 2022": the month
# says which event is meant, it is not what is asked
_DESCRIBED_MONTH_RE = ascii_re(
    r"\b(?:held|conducted|organi[sz]ed|took place|diselenggarakan\w*|dilaksanakan\w*|diadakan\w*|berlangsung|digelar)\b"
    r"(?:[^\w.?!]+\w+){0,12}?[^\w.?!]+(?P<date>(?:(?:in|on|pada|di|tanggal|tgl|bulan)\s+){0,3}"
    r"(?:\d{1,2}\s*(?:[–-]\s*\d{1,2}\s*)?)?(?P<month>[a-z]+)\s+20\d\d)\b"
)

# "bimtek pmo bulan maret (2022)", "bimtek pmo 8-11 maret": the month right after the event's name says which one is meant
_EVENT_NAME = (
    r"(?P<event>\b(?:bimtek|bimbingan teknis|pmo|pokja)\b(?:\s+(?:tim|pokja|pmo|pemda|pemerintah daerah|manajemen operasional))*)"
    # (and how it was held, which says which event too: "bimtek pmo secara daring tgl 8-11 maret")
    r"(?:\s+(?:secara\s+|via\s+|lewat\s+)?(?:daring|online|virtual|zoom)\b)?"
)
_EVENT_MONTH_RE = ascii_re(
    _EVENT_NAME
    # (with its days too: "tujuan bimtek pmo 8-11 maret itu apa")
    + r"\s+(?:(?:pada|di|tgl|tanggal|on|in)\s+)?(?:bulan\s+)?(?:\d{1,2}(?:\s*(?:[–-]|sampai|sd|s/d|to)\s*\d{1,2})?\s+)?(?:maret|march|mar)(?:\s+20\d\d)?\b"
)
# …or its dates in brackets after a description ("the Bimtek for the regional PMO teams (8-11 March 2022)")
_BRACKETED_DATES_RE = ascii_re(
    # (its days, not only a month: "Siapa kepala dinasnya waktu berita itu terbit (Maret 2022)?" dates the person asked about)
    r"\(\s*(?:(?:pada|tgl|tanggal|on|in)\s+)?\d{1,2}(?:\s*(?:[–-]|sampai|sd|s/d|to)\s*\d{1,2})?\s+(?:maret|march|mar)(?:\s+20\d\d)?\s*\)"
)
_YEAR_ASKED_RE = ascii_re(r"\b(?:tahun|thn|th|year)\s+(?:berapa|brp|apa|pira)\b|\bwhich year\b|\bwhat year\b")
# …a range of its days ("tgl 8-11 maret"), not one session's ("tgl 9 maret mulai jam brp" asks about that day)
_EVENT_DAYS_RE = ascii_re(
    _EVENT_NAME + r"\s+(?:(?:pada|di|tgl|tanggal|on|in)\s+)?\d{1,2}\s*(?:[–-]|sampai|sd|s/d|to)\s*\d{1,2}\s+(?:maret|march|mar)(?:\s+20\d\d)?\b"
)


# "tiang baru jadi Plt kepsek sejak januari": a month the asker's own story starts in, told
_SINCE_MONTH_RE = ascii_re(r"\b(?:sejak|semenjak|since)\s+(?:bulan\s+|bln\s+)?([a-z]+)")


_STILL_HELD_RE = ascii_re(r"\b(?:masih|msh)\s+(?:ada|diadakan|dilaksanakan|berjalan|jalan)\b|\bstill\s+(?:on|held|running|happening)\b")


def _is_year(word: str) -> bool:
    """A year of the programme's time, as a word ("2022"; not "2000", "dua ribu berapa" read as a number)."""
    return len(word) == 4 and word.isdigit() and "2010" <= word <= "2039"


def _months_since(folded: str) -> frozenset[str]:
    """Months a message tells something has lasted since ("sejak januari"), not asked about."""
    if "sejak" not in folded and "semenjak" not in folded and "since" not in folded:
        return frozenset()
    return frozenset(m for m in (month_name(found.group(1)) for found in _SINCE_MONTH_RE.finditer(folded)) if m)


def described_months(folded: str) -> frozenset[str]:
    """Months naming the event a message is about ("… held in March 2022"), not asked about."""
    if not folded or "20" not in folded:
        return frozenset()
    return frozenset(m for m in (month_name(found.group("month")) for found in _DESCRIBED_MONTH_RE.finditer(folded)) if m)


def without_described_dates(folded: str) -> str:
    """The message without the dates that only say which event is meant ("… held in March 2022").

    "tujuan dilaksanakannya Bimtek … pada bulan Maret 2022", "tujuan bimtek pmo bulan maret itu
    apa": the month, and the "bulan" read as a date word, are not what is asked — left in, they
    pull the question to the event's dates. (Not when a date is asked: "bimtek bulan maret tgl brp".)
    """
    if _WHEN_RE.search(folded) is None:
        folded = _EVENT_MONTH_RE.sub(lambda found: found.group("event"), folded)
        if "(" in folded:
            folded = _BRACKETED_DATES_RE.sub(" ", folded)  # "the purpose of the Bimtek for the PMO teams (8-11 March 2022)"
    elif not _YEAR_ASKED_RE.search(folded) and _WHEN_RE.search(bare := _EVENT_DAYS_RE.sub(lambda found: found.group("event"), folded)) is None:
        folded = bare  # (the "tgl" of "siapa saja yg mengikuti Bimtek PMO tgl 8-11 Maret 2022": its days say which Bimtek; no date is asked)
    if "20" not in folded:
        return folded
    out, at = [], 0
    for found in _DESCRIBED_MONTH_RE.finditer(folded):
        if month_name(found.group("month")):
            out.append(folded[at : found.start("date")])
            at = found.end("date")
    return "".join(out) + folded[at:] if out else folded


def without_school_names(folded: str, topic_word: Callable[[str], bool] = lambda word: False) -> str:
    """The message with a school's number and village left out of its name: "SD N 3 Tejakula" → "SD".

    The kind of school may matter ("apakah SMP bisa ikut"); which one is the asker's own is context,
    and an unknown village's name weighs more than any word of the question. The word after the
    number is the village only when it is a kecamatan's name or no word of a topic (``topic_word``):
    "SDN 2 mendaftar psp lewat mana" keeps its verb.
    """
    if _DIGIT_RE.search(folded) is None:
        return folded

    def kind_only(found: re.Match[str]) -> str:
        place = found.group("place")
        village = place is not None and place not in STOPWORDS and (place in KECAMATAN_NAMES or not topic_word(place))
        return found.group("kind") + (f" {place}" if place and not village else "")

    return _SCHOOL_NUMBER_RE.sub(kind_only, folded)


# Kinds of school as written in a school's name ("SDN 2 Kalibukbuk", "SMPN 1 Seririt"): the asker's
# school, not another programme or office
_SCHOOL_KINDS = frozenset("sd sdn sdit smp smpn smpit sma sman smk smkn tk tkn kb paud slb slbn mi min mts mtsn ma man uptd upt".split())
# A school's name after its kind: "SDN 2 Kalibukbuk", "SD Negeri 1 Sukasada", "TK Pertiwi Seririt"
_DIGIT_RE = ascii_re(r"\d")
# "sd n 3 tejakula", "smpn 1 seririt", "sd negeri 2 kalibukbuk" (folded); not "angkatan 1 sd 3" (s.d., until)
_SCHOOL_NUMBER_RE = ascii_re(
    r"\b(?<!\d )(?P<kind>" + "|".join(sorted(_SCHOOL_KINDS - {"mi", "ma", "kb", "min", "man", "upt", "uptd"}, key=len, reverse=True))
    + r")(?:\s+(?:negeri|swasta|n|no\.?))?\s+\d{1,3}(?:\s+(?P<place>[a-z]{4,}))?\b"
)
# "tiang tinggal di desa Les Tejakula", "Banjar Dinas Kaja": a village or hamlet is where someone is, not a programme
_PLACE_NAMED_RE = ascii_re(r"\b(?i:desa|ds|dusun|banjar|br|kelurahan|kel)\.?(?:\s+[A-Z][a-z]+)?$")
# Where the asker's school is, said in the sentence that says who asks: "tiang kepsek SD di Menyali",
# "kepala SD di Tejakula dekat pantai Les", "principal of an SD in Kubutambahan here"
_WHERE_FROM_RE = ascii_re(
    r"\b(?i:" + "|".join(sorted(_SCHOOL_KINDS, key=len, reverse=True)) + r"|kepsek|kasek|kepala|principal|head|operator|guru|teacher|korwil|pengawas)\b"
    # (between the role and "di", only the school: "kepsek SD N 2", "principal of an SD", "kepala SD di Tejakula dekat …" —
    # not a question: "saya guru, kapan pendaftaran di Paskibraka?")
    r"(?:\s+(?i:sd|sdn|smp|smpn|tk|tkn|paud|sekolah|school|negeri|swasta|n|no|of|an|a|the|small|private|public|kecil)|\s+\d+|\s+[A-Z][a-z]+){0,4}"
    r"(?:\s(?i:di|dari|dr|in|at|from|dekat|deket|near)(?:\s+(?i:desa|ds|dusun|kelurahan|kel|kecamatan|kec|village|pantai|pura|pasar))?"
    r"(?:\s+[A-Z][a-z]+){0,2}){1,2}$"
)
_SCHOOL_NAMED_RE = ascii_re(
    r"\b(?i:" + "|".join(sorted(_SCHOOL_KINDS, key=len, reverse=True)) + r")(?:\s+(?i:negeri|swasta|n|no\.?))?(?:\s+\d+)?(?:\s+[A-Z][a-z]+){0,2}$"
    # (…or the foundation that runs it: "sekolah di bawah yayasan Hindu", "Yayasan Widya Dharma")
    r"|\b(?i:yayasan|yys|foundation)(?:\s+[A-Z][a-z]+){0,2}$"
)
# "kayak / seperti / sama dengan / like …": what something is compared with
# (only when the rest names the programme or its own things; not "program seperti kampus mengajar", such as,
# nor a difference asked: "apa bedanya sekolah penggerak dibandingkan dengan guru penggerak?")
_PSP_OWN_RE = ascii_re(
    r"\b(?:psp|sekolah penggerak|simpkb|bimtek|pmo|pokja|komite pembelajaran|pelatih ahli|kepsek penggerak"
    # the selection's own steps ("seleksi tahap 2 isinya apa? ada simulasi ngajar kayak PPG?")
    r"|seleksi tahap|simulasi (?:mengajar|ngajar))\b"
)
_DIFFERENCE_RE = ascii_re(r"\b(?:beda\w*|perbedaan|difference|differ\w*|program (?:seperti|spt|kayak|kyk))\b")
_COMPARED = (
    r"\b(?:kayak|kaya|kyk|kek|seperti|spt|sprt|sama(?: dengan| dgn| kayak| kyk| seperti| spt)|mirip(?: dengan| dgn)?"
    r"|(?:di)?banding(?:kan)?(?: dengan| dgn| sama)?|(?<!would )(?<!\bd )like|similar to|compared (?:with|to)|as with)\s+"
    # (…or its test: "ada passing grade nya ga kayak tes CPNS")
    r"(?:(?:program|di|pada|waktu|tes|ujian|test)\s+)?"
)
# Pupils' admission ("PPDB", "pendaftaran murid baru … di sekolah penggerak"): not a principal
# registering for PSP, even when the school named is a Sekolah Penggerak — unless the message names
# the programme itself ("pendaftaran PSP barengan sama PPDB")
_PUPIL_ADMISSION_RE = ascii_re(r"\bppdb\b|\b(?:penerimaan|pendaftaran|daftar)\s+(?:siswa|murid|peserta didik|pd)\s+baru\b")
# (only where a clock time is asked: "di kecamatan X … berapa" counts schools there)
_AT_PLACE_RE = ascii_re(r"\b(?:di|in|at) ([a-z]+) (?=(?:\w+ )?(?:jam|pukul|time)\b)")
_ABOUT_THING_RE = ascii_re(r"\b(?:soal|tentang|ttg|mengenai|perihal|about|regarding)\b")
_WHAT_CHANGES_RE = ascii_re(
    r"\b(?:apa (?:saja |aja |sja )?(?:yang|yg)|apa aja|hal apa (?:saja |aja )?(?:yang|yg)"
    r"|what(?: else| things)?|what will|what would|how (?:will|would|does|do)(?: things)?)"
    r" (?:akan |bakal |nanti )?(?:berubah|changes?|be different)\b"
)
# (…at a school: "apa yg berubah di bot ini?", "… dengan sertifikat?" are about those things)
_AT_SCHOOL_RE = ascii_re(r"\b(?:sekolah|sekolahnya|school|schools)\b")
# (…unless it is data, a form, a registration or another named thing that changes)
_DATA_CHANGED_RE = ascii_re(
    r"\b(?:data|datanya|isian|form|formnya|formulir|profil|pendaftaran|registration|details"
    r"|kurikulum|kurikulumnya|curriculum|rapor|jadwal|jadwalnya|schedule|aturan|aturannya|rules|syarat|syaratnya|requirements|nama|namanya|name)\b"
)
# an asking phrase's short tail pointing back with "-nya": "…? Sy ingin tahu gambaran waktunya."
_ITS_TAIL_RE = ascii_re(r"\s*(?:[a-z]+\s+)?[a-z]{3,}nya\s*[.!]*\s*$")
# a clause saying what the question is asked within ("Dalam intervensi pendampingan konsultatif, …"; not
# where it came up: "Dalam rapat dinas tadi dibahas, …")
_FRAME_RE = ascii_re(
    r"\s*(?:dalam|di dalam|terkait|mengenai|perihal|tentang|regarding|within|as for)\s+"
    r"(?![^.?!,]*\b(?:dibahas|dibicarakan|ramai|diskusi\w*|rapat|grup|group|survey|survei|did|discussed|meeting)\b)[a-z]"
    # (…or the programme year it is asked of: "setelah tahun pertama, sekolah penggerak ngapain?" is about what follows year 1)
    r"|\s*(?:setelah|sesudah|stlh|abis|habis|after)\s+(?:the\s+)?(?:tahun|thn|th|first\s+year|year)\b"
    # (…or the selection stage it is asked of: "For the first selection stage of PSP, what do candidates have to submit?")
    r"|\s*(?:for|in|at)\s+(?:the\s+)?(?:(?:first|second|1st|2nd)\s+)?selection\s+stage\b|\s*(?:untuk|utk|buat|pada|di)\s+seleksi\s+tahap\b"
)
# a clause saying the question is about the bot's form ("untuk daftar di bot, …", "for the bot's form, …")
# (not "untuk yang belum isi form, …": those people are context)
_PURPOSE_RE = ascii_re(r"(?:untuk|utk|buat|bagi|for)\b(?! (?:yang|yg|those|people|kami|saya|sy)\b).*\b(?:bot|form|formnya|formulir|formulirnya|isian)\b")
# something recommended to the asker ("can you recommend a good hotel", "any recommendation for a decent laptop")
_RECOMMENDED = r"\b(?:recommend\w*|rekomendasi\w*|rekomen|saran)\s+(?:me\s+|for\s+|untuk\s+|utk\s+)?(?:a\s+|an\s+|some\s+)?(?:good\s+|cheap\s+|decent\s+)?"
_OTHER_BUSINESS_RE = ascii_re(
    # (a child's admission: "anak sy mau daftar SMA"; naming PSP makes it a parent's PSP question)
    # (not a relative who heads or teaches at a school: "adik tiang kepsek SD di Bangli, katanya bangli masuk angkatan III")
    r"\b(?:anak|putra|putri|keponakan|adik|cucu)\s+(?:saya|sy|kami|aku|tiang|titiang|ku)\b"
    r"(?!\s+(?:(?:jadi|jd|juga|jg|yang|yg|dados|kebetulan)\s+)?(?:kepsek|kepala(?:\s+sekolah)?|guru|korwil|operator|pengawas|penilik)\s+(?:di|sd|smp|tk|paud|sekolah)\b)"
    r"[^.?!\n]*\b(?:daftar\w*|mendaftar\w*|masuk|sekolah)\b"
    # (…in English; not a child who helps at home: "my son usually handles that stuff", "my son helps me with the phone")
    r"|\b(?:my (?:child|son|daughter|kid|kids|children)|our (?:child|son|daughter))\b"
    r"(?![^.?!\n]*\b(?:handles?|handling|helps?|helping|does (?:that|this|it|them)|usually|types?|fills?|sets? up|set it up)\b)"
    r"(?!\s+(?:is|was)\s+(?:a\s+|an\s+|the\s+)?(?:principal|head|teacher|headmaster|headmistress|korwil|supervisor|operator)\b)"
    # the Dinas's other business: teachers' certification allowance and rank, a teacher's transfer,
    # building grants, Dapodik's own syncing, diplomas, pupils' aid (a Dapodik training is left to
    # the staff: asked back and queued)
    # a teacher's NUPTK applied for ("cara ngurus NUPTK baru buat guru honorer")
    r"|\b(?:urus|ngurus|mengurus|pengurusan|buat|bikin|pengajuan|ajukan|mengajukan|terbitkan|penerbitan)\s+nuptk\b"
    r"|\bnuptk\s+(?:baru|guru)\b(?![^.?!\n]*\b(?:digit|digitnya|angka|angkanya|karakter)\b)"  # (not its length: "nuptk guru tu brp digit")
    # a teacher appointed as government contract staff ("guru honorer mau diangkat jadi p3k"; its
    # selection, formation and pay are [decline] phrases of the knowledge base)
    r"|\b(?:diangkat|pengangkatan|jadi|jd|tes)\s+(?:jadi\s+|jd\s+|sebagai\s+)?pppk\b"
    r"|\b(?:apply|applying|applied)\s+(?:for\s+|to\s+)?(?:a\s+|an\s+|the\s+)?pppk\b"  # ("how do i apply for a pppk teacher position")
    # a teacher's or an officer's transfer ("guru honorer di sekolah sy mau pindah tugas")
    r"|\b(?:guru|honorer|pegawai|pns|asn|operator)\b[^.?!\n]*\b(?:pindah tugas|mutasi|dimutasi|pindah sekolah|pindah ke)\b"
    # a job vacancy at a school or the office ("ada lowongan operator sekolah di dinas?")
    r"|\blowongan\b"
    r"|\btunjangan (?:sertifikasi|profesi)\b|\bsertifikasi guru\b|\bmutasi guru\b"
    # (a rank's rise asked about, not named as what the thing asked for is needed for: "sertifikatnya kapan keluar? … butuh buat naik pangkat")
    # (the words looked for first, the look-behinds only where they stand: tried at every position, they tripled the pattern's time)
    r"|\b(?=(?:kenaikan|naik) pangkat\b)(?<!\bbutuh )(?<!\bperlu )(?<!\bbutuh buat )(?<!\bperlu buat )(?<!\bbutuh untuk )(?<!\bperlu untuk )"
    r"(?<!\bbutuh utk )(?<!\bperlu utk )(?<!\bneeded for )(?<!\bneed it for )(?:kenaikan|naik) pangkat\b"
    r"|\bdak fisik\b|\brehab(?:ilitasi)? (?:ruang|gedung|kelas|sekolah)\b|\bruang kelas baru\b"
    # a school building's damage and its repair ("atap kelas bocor, ajukan rehab lewat mana")
    r"|\b(?:atap|plafon|genteng|tembok|dinding|lantai|toilet|wc|gedung|ruang kelas|ruang guru)\b[^.?!\n]{0,30}\b(?:bocor|rusak|roboh|ambruk|retak|jebol)\b"
    r"|\b(?:ajukan|mengajukan|pengajuan|usulkan|mengusulkan|usulan)\s+(?:rehab\w*|renovasi|perbaikan gedung)\b"
    r"|\bsinkron\w* dapodik\b|\bdapodik\b[^.?!\n]*\b(?:sinkron\w*|error|eror|gagal)\b"
    # Dapodik's own application updated ("cara update aplikasi dapodik versi baru gmn"), a belajar.id password reset, a
    # teachers' task-allocation decree ("cara bikin sk pembagian tugas guru")
    r"|\b(?:update|upgrade|instal|install|pasang)\w*\s+(?:aplikasi\s+)?dapodik\b|\bdapodik\s+versi\b"
    # a Dapodik account asked for or lost ("operator baru gmn cara minta akun dapodik", "akun dapodik sy terkunci")
    r"|\b(?:minta|dapat|dapet|reset)\w*\s+(?:\w+\s+)?akun\s+dapodik\b(?![^.?!\n]*\b(?:daftar|psp|penggerak)\b)"
    r"|\bbelajar\s*\.?\s*id\b[^.?!\n]*\b(?:password|kata sandi|sandi|pw)\b|\b(?:password|kata sandi|sandi)\b[^.?!\n]*\bbelajar\s*\.?\s*id\b"
    r"|\bsk\s+pembagian\s+tugas\b|\bpembagian\s+tugas\s+(?:guru|mengajar)\b"
    # health and labour insurance ("how to apply bpjs kesehatan", "iuran bpjs guru honorer")
    r"|\b(?:daftar|mendaftar|apply|applying|register|registering|urus|ngurus|mengurus|iuran|bayar|membayar|klaim|claim)\w*\s+(?:for\s+|ke\s+)?(?:\w+\s+)?bpjs\b"
    # the province's governor ("who is the governor of bali now?"; the sources name no governor)
    r"|\b(?:gubernur|governor)\b"
    # a pupil's record ("tgl lahir siswa yg salah di dapodik", "NISN")
    r"|\bnisn\b|\b(?:siswa|murid|peserta didik)\b[^.?!\n]*\bdapodik\b|\bdapodik\b[^.?!\n]*\b(?:siswa|murid|peserta didik)\b"
    r"|\blegalisir\b|\bbeasiswa\b|\bscholarships?\b|\bindonesia pintar\b"
    # a speech or welcome address to write ("can u help me write a speech for graduation", "buatkan sambutan perpisahan")
    r"|\b(?:write|writing|draft|buatkan|buatin|bikinin|bikinkan|susun\w*)\s+(?:me\s+)?(?:a\s+|an\s+)?(?:teks\s+)?(?:speech|pidato|sambutan)\b"
    # the regular school grant per pupil ("berapa dana BOS per siswa SD tahun ini"; PSP's BOS Kinerja is the programme's)
    r"|\bbos reguler\b|\bbos\b[^.?!\n]{0,20}\bper (?:siswa|murid|anak|peserta didik)\b"
    # the price of equipment to buy ("pak tau harga paket chromebook DAK ga? mau beli utk lab")
    r"|\bharga\b[^.?!\n]{0,30}\b(?:chromebook|laptop|komputer|proyektor|printer|tablet)\b"
    # the school temple's ceremonies and their offerings ("odalan di pura sekolah, banten apa saja yang perlu disiapkan")
    # (not an odalan named as what keeps the asker busy: "… bulan depan ada odalan di desa")
    r"|\b(?:banten|upakara)\b|\b(?:piodalan|odalan|pujawali)\s+(?:di\s+)?(?:pura|padmasana)\s+sekolah\b"
    # lesson plans and teaching material asked for ("buatkan RPP matematika kelas 4")
    r"|\brpp\b|\bmodul ajar\b|\bsilabus\b|\bbank soal\b"
    # the Dapodik application's synchronisation ("Our operator keeps getting a synchronisation error in Dapodik")
    r"|\b(?:sinkron|sinkronisasi|synchroni[sz]ation|synchroni[sz]e|sync|singkron)\b"
    # renting a hall or a bus, a class's farewell ("harga sewa gedung untuk acara perpisahan kelas VI")
    r"|\bsewa\s+(?:gedung|aula|tenda|sound|bus|mobil|bis|kursi)\b|\b(?:acara\s+)?perpisahan\s+(?:kelas|siswa|murid)\b"
    # a computer, a printer or the wifi ("my laptop wifi keeps disconnecting, how to fix", "password wifi di kantor dinas apa")
    r"|\b(?:wifi|wi-fi|laptop|printer|komputer|computer)\b[^?.!]{0,45}\b(?:password|sandi|disconnect\w*|putus\w*|rusak|error|lemot|lambat|slow|fix|repair|perbaiki|benerin\w*|servis|service|konek|connect)\b"
    r"|\b(?:password|sandi|kata sandi)\s+(?:the\s+|of\s+the\s+)?(?:wifi|wi-fi)\b|\bwifi\s+password\b"
    # a place to stay or eat recommended ("Can you recommend a hotel near the Disdikpora office?", "penginapan murah dekat dinas")
    r"|" + _RECOMMENDED
    + r"(?:hotel|hotels|penginapan|homestay|villa|kos|kost|restaurant|restaurants|restoran|warung|rumah makan|tempat makan|place to (?:stay|eat)"
    r"|bengkel|mechanic|mechanics|repair shop|garage)\b"
    r"|\bbengkel\b(?!\s+kerja)"  # (a repair shop: "ada bengkel motor di Seririt?"; not a "bengkel kerja", a workshop)
    r"|\b(?:hotel|penginapan|homestay|kos|kost|restoran|warung|rumah makan|tempat makan)\s+(?:yang\s+|yg\s+)?(?:murah|enak|dekat|deket|near)\b"
    r"|\b(?:restoran|warung|rumah makan)(?![^.?!]*\bsinyal)(?:\s+[a-z]+){1,3}?\s+(?:yang\s+|yg\s+)?(?:murah|enak)\b"
    # (…a dish's name between: "warung babi guling enak di seririt", "warung ayam betutu yg enak deket kantor dinas")
    # phone credit to be topped up ("pulsa sy abis, bs isiin ga bot")
    r"|\bpulsa\b[^.?!\n]{0,20}\b(?:isiin|isikan|beliin|belikan)\b(?!\s+(?:sama|sm|oleh|ama)\b)"
    r"|\b(?:isiin|isikan|beliin|belikan)\s+(?:\w+\s+)?pulsa\b"
)
# A question about one thing "of it" and nothing else: "siapa saja anggotanya?", "syaratnya apa?"
_WH = r"(?:apa|siapa|kapan|kpn|berapa|brp|bagaimana|gimana|gmn)(?:\s+(?:saja|aja|sajakah))?"
_WH_OR_WHERE = r"(?:" + _WH + r"|mana|dimana|di mana|dmn|kemana)"
# ("siapa saja yang menjadi anggotanya?" too)
_OF_THAT_RE = ascii_re(
    # (two words after it after a question word or before one: "apa syaratnya sudah terpenuhi", "kabupatennya
    # masuk angkatan brp", "daftarnya lewat mana" — not "materinya bisa dikirim")
    # (not what a word named after it means: "maksudnya ngimbas itu gmn" names its thing; "maksudnya gimana?" points back)
    r"(?!\s*(?:maksud|arti|pengertian|definisi)nya\s+(?!(?:" + _WH_OR_WHERE + r"|itu|ini|tu)\b)[a-z]{3,})"
    r"\s*(?:" + _WH + r"\s+(?:(?:yang|yg)\s+(?:menjadi|jadi|jd|termasuk)\s+)?[a-z]+nya(?:\s+[a-z]+){0,2}"
    r"|(?:(?:yang|yg)\s+(?:menjadi|jadi|jd|termasuk)\s+)?[a-z]+nya(?:\s+[a-z]+(?:\s+[a-z]+(?=\s+" + _WH_OR_WHERE + r"))?)?)"
    r"(?:\s+" + _WH_OR_WHERE + r")?(?:\s+(?:ya|sih|nggih|pak|bu))*\s*"
)
_MAY = r"(?:bisa|bs|boleh|blh|bole|dapat|dpt)"
_NOT = r"(?:gak|ga|gk|nggak|tidak|tdk|ndak)"
_YES_NO_TAIL = r"(?:\s+(?:" + _NOT + r"|ya|yah|sih|nggih|kah|dong|deh|" + _ADDRESSED + r"))*"  # "… gk?", "… tidak ya pak?", "… gk gan?"
_CANNOT_RE = ascii_re(r"\b(?:" + _NOT + r"|enggak|belum|blm)\s+" + _MAY + r"\b")
# "rekaman zoom … ada gak pak", "wajib on gak": a clause ending in "not?" asks yes or no
_YES_NO_END_RE = ascii_re(
    r"\b(?:ada|wajib|harus|perlu|bisa|bs|boleh|blh|on|aktif)\s+(?:" + _NOT + r"|enggak)(?:\s+(?:ya|sih|nih|" + _ADDRESSED + r"))*\s*$"
)
# "…, masih bisa ikut seleksi?", "apakah saya masih boleh daftar?": "still" presupposes the
# condition told before it (an age, a term left)
# (and "…, apa bisa tetap jadi sekolah penggerak?": "still", despite what was told)
_STILL_RE = ascii_re(
    r"\s*(?:apakah\s+|apa\s+)?(?:saya\s+|sy\s+|kami\s+|tiang\s+|beliau\s+)?"
    r"(?:(?:masih|msh)\s+" + _MAY + r"|(?:" + _MAY + r"\s+)?(?:tetap|ttp)\s+(?:" + _MAY + r"|jadi|menjadi|ikut|daftar|mendaftar)\b)"
)
# "…, bisa napi lewat bot?", "bisa lewat sini gak?", "bs diterima gk di form?": whether the thing told
# before can be done (or is taken) here
_VIA_RE = ascii_re(
    # (two words between: "bisa download langsung dr bot?")
    r"\s*(?:apakah\s+)?" + _MAY + r"\s+(?:\w+\s+){0,2}(?:" + _NOT + r"\s+)?(?:lewat|melalui|via|di|dari|dr)\s+"
    r"(?:bot|sini|chat|wa|whatsapp|telegram|hp|form|formulir|formnya)(?:\s+\w+){0,2}\s*"
    # "…, dipisah per jenjang. ada fiturnya nggih di bot ini?", "pake perintah apa ya di bot?": whether or how the bot does the
    # thing told before
    r"|\s*(?:apakah\s+|apa\s+)?(?:ada|punya)\s+fitur(?:nya)?(?:\s+(?:nggih|ya|yah|kah|gak|ga|tidak))?\s+(?:di|dalam|dlm)\s+bot(?:\s+ini)?"
    + _YES_NO_TAIL + r"\s*"
    r"|\s*(?:pakai|pake|pk|dengan|dgn|lewat)\s+(?:perintah|command|menu)\s+apa(?:\s+(?:ya|nggih|sih|kah))?(?:\s+(?:di|dalam)\s+bot(?:\s+ini)?)?"
    + _YES_NO_TAIL + r"\s*"
)
# "…, bs dijadwal ulang gk?", "boleh diwakilkan?", "nanti di form bisa diterima?": a passive yes-or-no without its subject asks
# about the thing the sentence before it names
_PASSIVE_RE = ascii_re(
    r"\s*(?:(?:apakah|apa|nanti|kalau|kalo|klo|di|lewat|form|formulir|bot|sini|ini)\s+){0,4}" + _MAY + r"\s+di[a-z]{3,}(?:\s+(?:ulang|lagi|kembali|susulan))?"
    # (…by the bot, or the other way: "apa bisa diterima bot atau pasti ditolak nggih?")
    r"(?:\s+(?:oleh\s+)?(?:bot|sistem|system|form|formulir))?(?:\s+(?:atau|ato|apa)\s+(?:pasti\s+|langsung\s+|akan\s+)?di[a-z]{3,})?"
    + _YES_NO_TAIL + r"\s*"
)
# "tiang perlu link zoom & jadwal bimtek, …. Bisa dilihat di mana nggih di bot ini?": where the thing named before is seen
_WHERE_SEEN_RE = ascii_re(
    # (…with who sees it: "itu bisa sy lihat dmn")
    r"\s*(?:(?:apakah|apa|nanti|itu)\s+)?" + _MAY + r"\s+(?:(?:saya|sy|tiang|kami|aku)\s+)?"
    r"(?:di)?(?:lihat|liat|cek|baca|akses|temukan|dapat|dapatkan)\w*\s+(?:di\s*mana|dmn|dimana)"
    + _YES_NO_TAIL + r"(?:\s+(?:di|lewat|dalam)\s+(?:bot|sini|chat|wa|whatsapp|telegram)(?:\s+(?:ini|nya))?)?" + _YES_NO_TAIL + r"\s*\??\s*"
)
# "… daftar pendaftar … dlm bentuk file excel …. dr bot bisa download ga bu?": fetching the thing named before
_FETCHED_RE = ascii_re(
    r"\s*(?:(?:apakah|apa|nanti|dari|dr|di|lewat|via|bot|sini|ini)\s+){0,3}" + _MAY + r"\s+(?:di)?(?:download|donlod|unduh|cetak|print|ekspor|export)(?:nya)?"
    + _YES_NO_TAIL + r"\s*"
)
# "…, thn lalu gagal di tahap 2, boleh daftar ulang?", "…, apa boleh ikut seleksi PSP?": a yes-or-no
# of two words or fewer (and the programme's name) whether the one told about may do something
_MAY_I_RE = ascii_re(
    # ("…. apa skrg sy tdk bisa ikut PSP?": now, and whether not)
    r"\s*(?:apakah\s+|apa\s+)?(?:(?:sekarang|skrg|skg|jadi|jd)\s+)?(?:saya\s+|sy\s+|kami\s+|beliau\s+|tiang\s+)?(?:(?:tidak|tdk|gak|ga|nggak|gk|jadi|jd)\s+)?"
    + _MAY
    + r"\s+[a-z]+(?:\s+[a-z]+)?(?:\s+(?:psp|program|programnya))?"
    + _YES_NO_TAIL + r"\s*\??\s*"
)
# "…, lupa tgl pastinya, dari tgl brp sampai tgl brp nggih?": which dates, of the thing told before;
# "verifikasi dan penilaian itu, tgl brp dilaksanakan?", "…, kapan diumumkan?": when it is done
_WHEN = r"(?:(?:tgl|tanggal|tangal|hari|jam|pukul)\s+(?:brp|berapa)|kapan|kpn)"
_DATES_ONLY_RE = ascii_re(
    r"\s*(?:dari\s+|mulai\s+)?(?:tgl|tanggal|tangal|hari|jam|pukul)\s+(?:brp|berapa)"
    r"(?:\s+(?:sampai|sampe|smp|hingga|sd|s d|-)\s+(?:(?:tgl|tanggal|tangal|hari|jam|pukul)\s+)?(?:brp|berapa))?"
    r"(?:\s+(?:pelaksanaan|acara|kegiatan|jadwal)nya)?"  # ("… tanggal berapa sampai berapa pelaksanaannya?")
    r"(?:\s+(?:mulai|mulainya|dimulai|dimulainya|selesai|selesainya|berakhir))?" + _YES_NO_TAIL + r"\s*"  # ("… jadwalnya kapan? tgl brp mulai?")
    r"|\s*(?:" + _WHEN + r"\s+(?:akan\s+)?di[a-z]{3,}|(?:akan\s+)?di[a-z]{3,}\s+(?:pada\s+)?" + _WHEN + r")" + _YES_NO_TAIL + r"\s*"
)
# "kepsek dulu pernah kena hukuman disiplin, apa otomatis gugur?": a yes-or-no of two words about the thing told before
# (not "apa itu PMO?", "apa kabar?", nor one naming the programme: "apakah bimtek online?")
_NOT_POINTING = r"(?!(?:itu|ini|kabar|kabarnya|bimtek\w*|pmo|psp|pokja|zoom|sekolah)\b)"
_SHORT_YES_NO_RE = ascii_re(r"\s*(?:apakah|apa|apa iya|apa ya)\s+" + _NOT_POINTING + r"[a-z]+(?:\s+" + _NOT_POINTING + r"[a-z]+)?" + _YES_NO_TAIL + r"\s*")
# "masalah yg ga bisa diselesaikan di kabupaten, dibawa kemana selanjutnya?": where the thing told before goes
_WHERE_TO_RE = ascii_re(
    r"\s*(?:selanjutnya\s+|berikutnya\s+|lalu\s+)?(?:harus\s+|hrs\s+|mesti\s+)?di[a-z]{3,}\s+(?:ke\s*mana|kmn|ke\s+siapa|ke\s+sp)"
    r"(?:\s+(?:selanjutnya|berikutnya|lagi|lg))?" + _YES_NO_TAIL + r"\s*"
)
# "akreditasi sekolah kami masih C, apakah itu jadi syarat ikut psp?", "…, apa jd masalah utk daftar?":
# whether the thing told before is a requirement or an obstacle
_IS_IT_RE = ascii_re(
    r"\s*(?:apakah\s+|apa\s+)(?:itu\s+|ini\s+|hal\s+(?:itu|ini|tersebut|tsb)\s+|tersebut\s+|tsb\s+)?"
    # (…or whether it affects something: "thn lalu sy kena hukdis ringan, apa ngaruh ke pendaftaran?")
    r"(?:(?:jadi|jd|menjadi|termasuk|merupakan)\s+(?:masalah|syarat|halangan|kendala|penghalang|hambatan|persoalan)"
    r"|(?:ngaruh|berpengaruh|pengaruh|mempengaruhi|memengaruhi)(?:nya)?)"
    r"(?:\s+[a-z]+){0,4}" + _YES_NO_TAIL + r"\s*"
)
# "… the dates of the Bimtek? Was it in person?": English asking about "it", the thing named before;
# "If the principal is acting, is the school still eligible?": "still" presupposes what was told before
_WAS_IT_RE = ascii_re(
    r"\s*(?:is|was|are|were|will|would|did)\s+(?:it|that|this)\b.*|\s*(?:does|can|could|should)\s+it\s+(?:go|get|move|pass|escalate|continue|stop|end|happen|last|start|count|matter)\b.*|\s*(?:is|are|am|can|could|will)\s+(?:\w+\s+){0,3}still\b.*"
    # ("I read the news about the PMO Bimtek. When exactly was it held?": when the thing named before was held)
    r"|\s*(?:when|where|how)(?:\s+(?:exactly|precisely|actually))?\s+(?:is|was|were|will|did)\s+it\b.*"
    # ("Which came first, the selection or the first implementation? What years were they?": the years of the two just named)
    r"|\s*(?:what|which)\s+(?:years?|dates?|months?|days?)\s+(?:is|was|are|were|did)\s+(?:it|they|those|these|that|each)\b.*"
    # ("The tahap 2 …, the teaching simulation and interview, is held on what date?": a verb whose subject was named before)
    r"|\s*(?:is|are|was|were)\s+(?:held|done|conducted|carried out|organi[sz]ed|announced|opened|closed)\b.*"
)
# "… wajib ikut pelatihan tatap muka? brp hari?": how long the thing told before lasts
_HOW_LONG_RE = ascii_re(
    r"\s*(?:(?:dan|and|terus|trus|lalu)\s+)?(?:selama\s+)?(?:berapa|brp|brapa)\s+(?:hari|lama|jam|minggu|bulan|tahun|thn|taun|th|kali)" + _YES_NO_TAIL + r"\s*"
    # "Whom does a Pelatih Ahli mentor, and for how long at minimum?": how long what was told before lasts
    r"|\s*(?:and\s+)?(?:for\s+)?how long(?:\s+(?:at (?:the )?(?:minimum|least|most)|minimum|maximum|exactly))?\s*"
)
# "Tujuan dilaksanakannya Bimtek … itu apa?", "What was the (stated) purpose of …": the noun asked for
_HEAD_NOUN_RE = ascii_re(
    r"(?:^|[.?!,]\s*)([a-z]+)\b[^.?!,]*?\b(?:itu|tu)\s+(?:(?:sebenarnya|sebenernya|sbnrnya|sih)\s+)?(?:(?:buat|untuk|utk)\s+)?apa\b"
    r"|\bwhat (?:is|was|are|were) the (?:[a-z]+ )?([a-z]+) of\b"
)
# "proses PSP di buleleng dimulai dari bidang mana?", "started in which division": the kind of thing a which-question asks;
# "… dananya PSP dari mana pak?": where the thing comes from (tried only when "mana"/"which" is there)
_WHICH_NOUN_RE = ascii_re(
    r"\b(?:dari|di|oleh|from|in|by)\s+(?:([a-z]+)\s+(?:mana|mn)|which\s+([a-z]+))(?=\s*(?:ya|sih|kah|pak|bu)?\s*(?:[?.!,]|$))"
    r"|\b([a-z]{3,})nya\s+(?:[a-z]+\s+){0,2}?(?:dari|dr)\s+(?:mana|mn)\b"
)
# "Angkatan III diseleksi tahun 2022, lalu mulai jalan tahun berapa?", "…, mulai jalannya th brp?": when
# the thing told before started (a few words only after "lalu"/"tapi": "Bimtek mulai kapan?" names its own)
_STARTED_WHEN_RE = ascii_re(
    r"\s*(?:(?:lalu|terus|trus|trs|tapi|tp|namun|kemudian|then|but|and)\s+(?:\w+\s+){0,3}?)?(?:mulai|dimulai|start\w*|began|begin)\s+"
    r"(?:\w+\s+){0,3}?(?:(?:tahun|thn|th|taun)\s+(?:berapa|brp|brapa)|kapan|kpn)" + _YES_NO_TAIL + r"\s*"
)
# "bimteknya daring atau tatap muka? pakai aplikasi apa?": through what the thing told before is done
# (…or which menu or command: "total pendaftar semua kecamatan sekaligus, pakai menu apa")
_WHICH_MEDIUM_RE = ascii_re(
    r"\s*(?:(?:pakai|pake|pakek|menggunakan|lewat|via|melalui)\s+(?:aplikasi\s+|apk\s+|media\s+|menu\s+|perintah\s+|fitur\s+|tombol\s+)?"
    r"|(?:menu|perintah|fitur|tombol|command)(?:nya)?\s+)(?:apa|apaan|yg mana|yang mana)" + _YES_NO_TAIL + r"\s*"
    # (English: "… held online? Which app?", "on which platform?")
    r"|\s*(?:(?:on|via|through|using)\s+)?(?:which|what)\s+(?:app|application|platform|medium)\s*(?:was it|is it|did they use|do they use)?\s*[?.!]*\s*"
)
# "tiang guru dr Bangli. Kabupaten tiang angkatan berapa?": the asker's own region, named before
_MY_REGION_RE = ascii_re(r"\b(?:kabupaten|kab|kota|daerah)\s+(?:saya|sy|tiang|titiang|kami|kita)\b")
_SOMEONE_RE = ascii_re(
    r"\s*(?:(?:ke|sama|sm|dengan|dgn|kepada|kpd)\s+)?(?:(?:pak|bu|bapak|ibu|bpk)\s+)?"
    r"(?:kepala dinas|kadis|kepala sekolah|kepsek|korwil|pengawas|admin|petugas|operator|sekretaris|atasan|pimpinan|teman|rekan)"
    # ("mau nanya kepsek lain dulu": another principal, first)
    r"(?:\s+(?:lain|lainnya|yang lain|yg lain|senior|dulu|dl|saja|aja|nya|ya|langsung))*\s*[.?!]*\s*"
)
# "…jam 08.00 WIB, berarti di Buleleng jam berapa?", "…, jadi harus daftar ulang?": a conclusion
# drawn from what was told before it
_SO_RE = ascii_re(r"\s*(?:berarti|brarti|brrti|brti|artinya|which means)\s+.+")
# "…, ga punya nip, isi apa di form?", "gmn ngisinya di form?", "ketik apa di kolom itu?": what to type
# for the thing told before
_WHAT_TO_TYPE_RE = ascii_re(
    r"\s*(?:(?:gmn|gimana|bagaimana|cara(?:nya)?)\s+)?(?:di|ng|meng|me)?(?:isi|ketik|tulis)\w*(?:\s+apa)?\s+(?:di|ke|pada)\s+"
    r"(?:form|formulir|formnya|kolom\w*|bot)(?:\s+\w+)?\s*\??\s*"
)
_NAME_ENDS = r"(?:itu|ini|tsb|tersebut|karena|krn|yang|yg|dan|tapi|terus|trus|di|ke|dari|untuk|utk|sudah|sdh|udah|belum|blm|juga|jg|sih|ya|nggih)"
# The Bimtek as the time a stage reached is asked for ("pas bimtek pmo maret 2022 psp buleleng udh smpe tahap apa")
_DURING_EVENT_RE = ascii_re(r"\b(?:pas|waktu|wkt|saat|ketika|sewaktu|during|at the time of)\s+(?:the\s+)?bimtek(?:\s+(?:tim\s+)?(?:pokja\s+)?pmo)?\b")
_STAGE_REACHED_RE = ascii_re(
    r"\b(?:tahap|posisi|status)(?:nya)?\s+(?:apa|mana|brp|berapa)\b|\bsampai\s+(?:mana|tahap)\b|\b(?:which|what)\s+stage\b|\bhow far\b"
)
_STAGE_ASKED_RE = ascii_re(r"(?:\s+[a-z]+){0,4}\s+(?:tahap|posisi|status)(?:nya)?\s+(?:apa|mana|brp|berapa)(?:\s+[a-z]+){0,2}\s*")
# "… yg ikut waktu itu", "hadir saat itu": attending what was named before
_ATTENDED_THEN_RE = ascii_re(r"\b(?:ikut|mengikuti|hadir|menghadiri|datang)\s+(?:pada\s+)?(?:waktu|saat|ketika|kala|wkt|pas)\s+(?:itu|tsb|tersebut)\b")
_AT_THAT_TIME_RE = ascii_re(r"\s*(?:pada\s+|di\s+)?(?:waktu|saat|ketika|kala|wkt)\s+(?:itu|tsb|tersebut)\b")
# ("tiang Ketut mantan kepsek …": a former head, no name)
_ROLE_MODIFIERS = frozenset({"mantan", "eks", "ex", "bekas", "calon", "plt", "wakil", "baru", "sementara", "pensiunan"})
# (…or a word that leads to who they are: "sy Komang Jaya baru diangkat kepsek", "Hi, Komang Adi here, operator at …")
_ROLES_AFTER_NAME = frozenset({*_ASKER_ROLES, "baru", "jadi", "jd", "sebagai", "sbg", "selaku", "here"})
_GENERIC_EVENTS = frozenset({"kegiatan", "acara", "event", "agenda", "pertemuan"})
_EVENT_NAMED_RE = ascii_re(
    r"\bbimtek(?:\s+tim)?(?:\s+pokja)?(?:\s+pmo)?(?:\s+(?:pemerintah daerah|pemda))?\b|\bpelatihan komite pembelajaran\b|\bpkp\b"
    r"|\bsosialisasi(?:\s+(?:psp|program sekolah penggerak|sekolah penggerak))?\b"
)
_OTHER_STEP_RE = ascii_re(
    r"\b(?:seleksi|wawancara|tahap|pengimbasan|lokakarya|pelatihan|pleno|verifikasi|simulasi|pendaftaran|pengumuman|interview|workshop)\b"
)
_THAT_THING_RE = ascii_re(r"\s*(?:[a-z]+\s+)?([a-z]{3,})\s+(?:itu|tsb|tersebut)\b")
# "… katanya ada surat edaran dr disdikpora soal psp, itu isinya ngapain ya": "itu" opening a question about the news told
_ITU_START_RE = ascii_re(r"\s*(?:nah\s+)?itu\s+")
# "…, nah itu mulai jalan beneran di sklh th brp ya?": "nah itu" pointing at what was told
_NAH_THAT_START_RE = ascii_re(r"\s*nah\s+(?:itu|ini)\s+")
_THAT_START_RE = ascii_re(r"\s*(?:nah\s+)?(?:itu|ini|tersebut|tsb|hal itu|hal ini|hal tersebut)\s+")
# (after "terus/lalu" only a generic noun points back: "…, terus pendaftarannya tgl brp?" names its own topic)
_ITS_RE = ascii_re(
    r"\s*(?:(?:nah\s+)?(?:terus|trus|lalu|kemudian|habis itu|abis itu|setelah itu|nah)\s+(?=(?:jadwal|pelaksanaan|waktu|kegiatan|acara|implementasi)nya\b))?"
    r"[a-z]{3,}nya\s+"
)
# "…, terus pelaksanaannya tahun berapa?": the year of what was told before
# (…"pelaksanaannya di sekolah itu mulai tahun berapa?": at the school told about)
_YEAR_ONLY_RE = ascii_re(
    r"\s*(?:di\s+(?:sekolah|sana|situ)(?:\s+(?:itu|tsb|tersebut))?\s+|disana\s+|disitu\s+)?(?:(?:di)?mulai\s+)?(?:di\s+|pada\s+)?(?:tahun|thn)\s+(?:brp|berapa)"
    + _YES_NO_TAIL
    + r"\s*"
)
# "…, itu jadwalnya kapan ya pak untuk angkatan III?": a generic thing of what was told before, asked about (a cohort may follow)
_ITS_GENERIC_ASKED_RE = ascii_re(
    r"(?:jadwal|waktu|tanggal|tgl|pelaksanaan|kegiatan|acara|syarat|persyaratan|tempat|lokasi|tujuan|isi|hasil|pengumuman|batas)nya\s+"
    r"(?:" + _WH + r")" + _YES_NO_TAIL + r"(?:\s+(?:untuk|utk|buat)\s+(?:angkatan|tahap)\s+\w+)?" + _YES_NO_TAIL + r"\s*"
)
_FORGOT_RE = ascii_re(
    r"\s*(?:tapi\s+|tp\s+|tetapi\s+|cuma\s+|hanya\s+|terus\s+|trus\s+)?(?:saya\s+|sy\s+|tiang\s+|titiang\s+|aku\s+|kami\s+)?(?:sudah\s+|udah\s+|sdh\s+)?"
    r"(?:lupa|" + _NOT + r"\s+(?:ingat|inget))\b"
)
_THAT_END_RE = ascii_re(r"\s+(?:ya\s+|yah\s+)?itu(?:\s+(?:pak|bu|bli|mbok|nggih|ya|yah|gus))?\s*\??\s*$")
_ROUGHLY_RE = ascii_re(r"^\s*(?:kira|kira-kira|kira2|kr2|kurang lebih|kurleb)\s+")
_WH_ALONE_RE = ascii_re(r"\s*(?:" + _WH + r")" + _YES_NO_TAIL + r"\s*")
# "pernah kena teguran lisan, apa langsung gugur PSP?": whether what was told before rules the asker out
_RULED_OUT_RE = ascii_re(
    r"\s*(?:apa\s+|apakah\s+)?(?:saya\s+|sy\s+|tiang\s+|kami\s+|beliau\s+|sekolah\s+kami\s+)?(?:langsung\s+|otomatis\s+|pasti\s+|bakal\s+|akan\s+)?"
    r"(?:gugur|didiskualifikasi|diskualifikasi|dicoret|ditolak|(?:tidak|tdk|gak|ga|nggak|gk)\s+lolos)(?:\s+(?:dari\s+)?(?:psp|seleksi|seleksinya))?"
    + _YES_NO_TAIL
    + r"\s*"
)
# "If the principal passes the selection, what happens to the school?", "…, terus nasib sekolahnya gimana?": what follows
# from the condition told before
_WHAT_HAPPENS_RE = ascii_re(
    r"\s*(?:(?:and|then|so)\s+)?what (?:happens?|will happen|would happen)(?:\s+(?:to|with)\s+(?:the|my|our|his|her)?\s*(?:school|principal)s?)?"
    r"(?:\s+(?:next|then|after that|afterwards))?\s*"
    r"|\s*(?:(?:terus|trus|lalu|lantas)\s+)?(?:nasib\s+)?(?:sekolah|sekolahnya|sekolah kami|sekolah saya)\s+(?:gimana|bagaimana|gmn|kenken|punapi)"
    + _YES_NO_TAIL
    + r"\s*"
)
# "…, penyelenggaranya LPMP ya Bu, atau dari Kementerian langsung?": the other choice for the question before it
_OR_ELSE_RE = ascii_re(r"\s*(?:atau|ato|atau mungkin|or)\s+(?:dari|oleh|di|lewat|melalui|from|by)\s+[a-z ]+\??\s*")
# the questions about what was told before them (see _points_back)
# "… ada yang bilang PSP punya lima intervensi. Apa saja itu?": what was told before, asked about by "that" alone
_WHAT_THAT_IS_RE = ascii_re(
    r"\s*(?:(?:apa|apa saja|apa aja|apa sajakah|apa2|apaan|siapa|siapa saja|siapa aja)\s+(?:itu|tsb|tersebut|saja itu|aja itu)"
    r"|what (?:are|were) (?:they|those|these|them)|what (?:is|was) (?:it|that)|who (?:are|were) (?:they|those))"
    + _CLOSING
    + r"\s*\??\s*"
)
# "Yg 5 nika apa saja nggih?", "the five of them, which are they?": the things counted before, asked for
# ("Could you list them for me?": the same, in English)
_THE_COUNTED_RE = ascii_re(
    r"\s*(?:yang|yg)\s+(?:\d|dua|tiga|empat|lima|enam|tujuh)\s+(?:itu|ini|tsb|tersebut|nika|niki|tu)\s+(?:apa|apa saja|apa aja|apa sj|napi|napi manten)"
    + _YES_NO_TAIL
    + r"\s*"
    + r"|\s*(?:could|can|would)\s+you\s+(?:please\s+)?(?:list|name|tell me|explain)\s+(?:them|those|these|it)(?:\s+(?:for me|all|please|again))*\s*"
)
# "sy kepsek swasta gapunya NIP, di form diisi apa?": what to fill in for the field told before
_FILLED_WITH_RE = ascii_re(
    r"\s*(?:(?:terus|trus|jadi|jd|lalu)\s+)?(?:(?:di|dalam|pada|dlm)\s+(?:form|formulir|formnya|formulirnya|bot)\s+)?(?:saya\s+|sy\s+|tiang\s+)?"
    r"(?:di)?isi(?:nya|kan)?\s+(?:apa|gimana|gmn|bagaimana|pakai apa|pake apa|dengan apa|dgn apa)" + _YES_NO_TAIL + r"\s*"
)
# (…only when the clause before names a field the form asks for)
_FORM_FIELD_RE = ascii_re(
    r"\b(?:nip|npsn|nuptk|nik|nama lengkap|tanggal lahir|tgl lahir|nomor hp|no hp|nomor wa|no wa|hp|email|e-mail|jenjang|kecamatan"
    r"|status kepegawaian|alamat)\b"
)
# "… the bot said it is already registered, probably by the old principal. What can I do now?": what to do about the thing told
# "… nama sy blm masuk dapodik sbg kepsek krn operator lama blm update. ngaruh gak ke pendaftaran PSP?": whether the thing told
# affects it ("does that affect my registration?")
_AFFECTS_RE = ascii_re(
    r"\s*(?:apa(?:kah)?\s+|terus\s+|jadi\s+)?(?:itu\s+|hal itu\s+)?(?:ngaruh|ngefek|berpengaruh|pengaruh|mempengaruhi)"
    r"(?:\s+(?:" + _NOT + r"|ya|nggih|kah))?\s+(?:ke|ka|dengan|dgn|sama|sm|thd|terhadap|buat|untuk|utk)\s+\w+(?:\s+\w+)?" + _YES_NO_TAIL + r"\s*"
    r"|\s*(?:does|will|would|could)\s+(?:that|this|it)\s+affect\s+(?:my|our|the)\s+\w+(?:\s+\w+)?\s*"
)
_WHAT_NOW_RE = ascii_re(r"\s*(?:so\s+|then\s+)?what\s+(?:can|should|do|must|shall)\s+(?:i|we)\s+do(?:\s+(?:now|then|next|about\s+(?:it|this|that)))?\s*")
# "selain itu ada apa lg?", "yg lain apa aja nggih?", "selain kepsek siapa lg?", "what else is there?": more of the thing told
# before, which the clause does not name
_WHAT_ELSE_RE = ascii_re(
    r"\s*(?:terus\s+|trus\s+|lalu\s+|jadi\s+|jd\s+)?selain\s+(?:itu|tsb|tersebut|[a-z]+(?:\s+[a-z]+)?)\s+(?:ada\s+)?"
    r"(?:apa|apa2|siapa|sp)(?:\s+(?:saja|aja))?\s+(?:lagi|lg|lainnya)(?:\s+(?:saja|aja))?" + _CLOSING + r"\s*"
)
# "Who is supposed to sit on it?", "what goes in it?", "where does that number come from?": of the thing told before
_OF_IT_EN_RE = ascii_re(
    r"\s*(?:(?:so|and|then|but)\s+)?(?:who|what|which|where)\b[^.?!,]{0,40}?\b(?:on|in|of|for|about|with|into|from)\s+(?:it|them|that|this)\s*"
    r"|\s*(?:(?:so|and|but)\s+)?(?:where|why)\s+(?:does|did|do)\s+(?:that|this|the)\s+(?:number|figure|rule|limit|cap|age|requirement)\s+come\s+from\s*"
)
_POINTING_BACK = (
    _THE_COUNTED_RE,
    _WHAT_THAT_IS_RE,
    _FETCHED_RE,
    *(_OR_ELSE_RE, _WHAT_HAPPENS_RE, _OF_THAT_RE, _VIA_RE, _PASSIVE_RE, _WHERE_SEEN_RE, _MAY_I_RE, _WHAT_TO_TYPE_RE, _SO_RE, _DATES_ONLY_RE),
    *(_WHICH_MEDIUM_RE, _RULED_OUT_RE),
    *(_HOW_LONG_RE, _SHORT_YES_NO_RE, _WHERE_TO_RE, _IS_IT_RE, _WAS_IT_RE, _STARTED_WHEN_RE, _HOW_DONE_RE, _WHAT_NOW_RE, _AFFECTS_RE),
    *(_WHAT_ELSE_RE, _OF_IT_EN_RE),
)
# Cities (where someone is or something was held) and a person's ID numbers ("NIK") name no other
# programme or office
# The regencies and the city of Bali, as the facts name them for the cohorts
BALI_REGENCIES = frozenset("buleleng denpasar badung klungkung gianyar karangasem jembrana tabanan bangli".split())
OTHER_REGENCIES = BALI_REGENCIES - {"buleleng"}
# who or what of another regency ("yg ikut bimtek pmo dr denpasar siapa aja?"), not where the asker comes from
_ASKER_FROM_RE = ascii_re(
    r"\b(?:saya|sy|tiang|titiang|kami|aku|i|we|teman|temen|rekan)\s+(?:\w+\s+){0,3}?"
    r"(?:pindah|pindahan|mutasi|mutasian|asal|asli|berasal|datang|dtg|moved|come|came|am|m|transferred)\s+(?:\w+\s+){0,2}?(?:dari|dr|from)\s"
)
_FROM_REGENCY_RE = ascii_re(r"\b(?:dari|dr|from|of|asal)\s+(?:kabupaten\s+|kab\s+|kota\s+)?(" + "|".join(sorted(OTHER_REGENCIES)) + r")\b")
# A regency of Bali named in a message; one after "dari", "di", "from", "in" is where the asker is or was ("sy baru pindah dari
# Jembrana", "kepala SD di Klungkung"), not one compared ("Buleleng sama Badung itu satu angkatan?")
_REGENCY_NAMED_RE = ascii_re(r"(?:\b(\w+)\s+)?(?:(?:kab|kabupaten|kota|regency)\s+)?\b(" + "|".join(sorted(BALI_REGENCIES)) + r")\b")
_WHERE_ONE_IS = frozenset("dari dr asal from in di ke to pindah mutasi".split())


def _compared_regencies(folded: str) -> set[str]:
    """The regencies of Bali a message names, not as where the asker is or was from."""
    return {found.group(2) for found in _REGENCY_NAMED_RE.finditer(folded) if found.group(1) not in _WHERE_ONE_IS}
_NAMES_OF_NO_PROGRAMME = frozenset(
    "jakarta denpasar singaraja bali balinese jawa java javanese surabaya bandung yogyakarta jogja lombok mataram makassar medan indonesia indonesian "
    "nik nisn "
    # Bali's holy days, named as what the asker plans around ("… when does stage 2 run? I need to plan around … Galungan")
    "galungan kuningan nyepi saraswati pagerwesi siwaratri purnama tilem".split()
)
# a group chat where news is heard ("Our K3S chat says …", "di grup WA MKKS"), not another programme
# (…or at its meeting: "Apa itu pengimbasan? sering dengar di rapat K3S", "in the MKKS meeting"; not "rapat K3S kapan?")
_GROUP_CHAT_BEFORE_RE = ascii_re(
    r"\b(?:(?:grup|group|gc|wag|wa|whatsapp)(?:\s+wa)?|(?:di|dari|dr|dri|dalam|saat|pas|waktu|wkt|in|at|during|from)\s+(?:the\s+)?(?:rapat|pertemuan|meeting|forum))$",
    re.IGNORECASE,
)
_GROUP_CHAT_AFTER_RE = ascii_re(r"\s*(?:chat|group|grup|wa|whatsapp|wag)\b", re.IGNORECASE)
# the principals' and teachers' own groups, named as where something is shared or passed on ("ke kepsek2 baru di K3S", "ke grup MKKS")
_ASSOCIATIONS = frozenset({"K3S", "KKKS", "MKKS", "KKG", "MGMP", "IGTKI", "KKPS"})
_TO_PEERS_BEFORE_RE = ascii_re(r"\b(?:di|ke|kpd|kepada|dlm|dalam|grup|group|forum|with|to|in)$", re.IGNORECASE)
_MEETING_AFTER_RE = ascii_re(r"\s*(?:meeting|meetings)\b", re.IGNORECASE)
_AT_BEFORE_RE = ascii_re(r"\b(?:in|at|during|from)(?:\s+(?:the|our|a|an))?$", re.IGNORECASE)
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday senin selasa rabu kamis jumat sabtu minggu".split())


_DEVICE = (
    r"(?:zoom|laptop|komputer|hp|android|iphone|phone|aplikasi\w*|app|audio|suara|mic\w*|kamera|camera|speaker|wifi|internet"
    r"|printer|proyektor|projector|tablet|chromebook|whatsapp web|wa web)"
)
_BROKEN = (
    r"(?:crash\w*|error|eror|hang|lemot|ngelag|lag|freeze|rusak|mati|keeps? crashing|not working|tidak berfungsi|gak bisa dibuka|tidak bisa dibuka"
    # ("hp tiang ga bisa buka whatsapp web di laptop sekolah")
    r"|(?:ga|gak|gk|tidak|tdk|nggak|ngga) (?:bisa|bs) (?:buka|membuka|login|masuk)"
    # ("My laptop cannot connect to the school printer"; not this bot: _OUR_SERVICE_RE)
    r"|(?:cannot|can't|cant|won't|does not|doesn't) connect|not connecting|(?:tidak|tdk|gak|ga|nggak) (?:bisa )?(?:konek\w*|connect|terhubung))"
)


def _in_one_sentence(thing: str, trouble: str) -> re.Pattern[str]:
    """A thing and its trouble named in the same sentence, in either order ("zoom … error", "lupa … password")."""
    return ascii_re(r"\b" + thing + r"\b[^.?!\n]*\b" + trouble + r"\b|\b" + trouble + r"\b[^.?!\n]*\b" + thing + r"\b")


_TROUBLE_RE = _in_one_sentence(_DEVICE, _BROKEN)
# …and an account on another platform in trouble: "upload aksi nyata di PMM selalu gagal", "reset my Merdeka Mengajar
# password", "lupa kata sandi akun belajar.id" (a password or a platform named, not "lupa nomor HP yg diisi")
_ACCOUNT = r"(?:password|kata sandi|sandi\w*|pmm|merdeka mengajar|belajar ?id)"
_ACCOUNT_BROKEN = r"(?:gagal|failed|lupa|forgot|reset\w*|not found|tidak ditemukan|tdk ditemukan|error|eror)"
_ACCOUNT_TROUBLE_RE = _in_one_sentence(_ACCOUNT, _ACCOUNT_BROKEN)
_INSTALL_RE = _in_one_sentence(r"(?:zoom|aplikasi\w*|app|apps|apk|whatsapp|telegram)", r"(?:install\w*|instal\w*|menginstal\w*|uninstall\w*)")
# (SIMPKB: where PSP registers; the selection's interview is held online too)
_OUR_SERVICE_RE = ascii_re(r"\b(?:bot|bimtek|psp|penggerak|pmo|link|tautan|daftar|formulir|form|simpkb|wawancara|interview)(?:nya)?\b")
# a condition the question rests on ("kalau SD sy digabung …, statusnya gimana?")
_CONDITION_START_RE = ascii_re(r"\s*(?:" + _IF + r"|kl|jikalau|seandainya)\b")
# the programme's own name, not a school described by it ("guru di sekolah penggerak")
_PROGRAMME_BODIES = r"pmo|pokja|komite pembelajaran|pelatih ahli|rapor pendidikan"
_PSP_ITSELF_RE = ascii_re(r"\bpsp\w*|\b(?:bimtek|" + _PROGRAMME_BODIES + r")\b")
# …or by its name, not describing a school ("guru di sekolah penggerak", "teachers at a sekolah penggerak")
_PSP_BY_NAME_RE = ascii_re(r"(?<!\bdi )(?<!\bdari )(?<!\bin )(?<!\bat )(?<!\ba )\bsekolah penggerak\b")
# joining PSP or its principal's requirements, asked by name ("kepsek yang ikut PPG boleh daftar sekolah penggerak?",
# "sertifikat PPG jadi syarat kepala sekolah penggerak?"; not "program guru penggerak daftarnya gmn? beda kan sama sekolah penggerak")
_PSP_JOINED_RE = ascii_re(r"\b(?:daftar|mendaftar|ikut|mengikuti|syarat|persyaratan|kepala|kepsek|calon)\s+(?:program\s+)?sekolah penggerak\b")
_NAMED_ITSELF_RE = ascii_re(r"\b(?:bimtek|psp|pmo|pokja)nya\b")  # "bimteknya …": the programme's own name, pointed at
# The programme itself named: the Disdikpora or a "bimtek" alone are also the Dinas's other business
_PROGRAMME_NAMED_RE = ascii_re(r"\bprogram\s+([a-z]{4,})\b")  # (the name after it; "sekolah inpres" is a kind of school)
_PSP_NAMED_RE = ascii_re(r"\b(?:psp|penggerak|bos kinerja|" + _PROGRAMME_BODIES + r")\b")


# The teachers' contract-staff recruitment as "PPPK guru" ("PPPK GURU DAFTAR KPN"), unless the programme or a principal of
# that status is named ("kepsek berstatus PPPK guru boleh daftar PSP?", "nomor induk pppk guru 18 digit juga?", "… wajib ikut pkp?")
_PPPK_RECRUITMENT_RE = ascii_re(r"\bpppk guru\b[^.?!\n]*\b(?:daftar|pendaftaran|formasi|tes|seleksi|lowongan|jadwal|pengumuman|hasil|kpn|kapan|gaji)\b")
_PPPK_OF_PSP_RE = ascii_re(
    r"\b(?:psp|penggerak|bimtek|pmo|komite|kepala sekolah|kepsek|berstatus|nip|ni|nomor induk|nuptk|formulir|form|bot|pkp|pelatihan|dapodik)\b"
)
# Another regency's office and how to reach it ("Alamat dinas pendidikan kabupaten Tabanan dimana ya?"; not "Disdik Gianyar ikut
# angkatan berapa?", a selection word; not the province's office in Denpasar, nor beside Buleleng's own)
_OTHER_OFFICE_RE = ascii_re(
    r"\b(?:alamat|kantor|nomor|telepon|telp|email|address|office)\b[^.?!\n]{0,40}\b(?:dinas|disdik\w*|education office)\b[^.?!\n]{0,30}"
    r"\b(?:denpasar|badung|klungkung|gianyar|karangasem|jembrana|tabanan|bangli)\b"
)
# a device to buy, recommended ("any recommendation for a decent laptop …")
_DEVICE_RECOMMENDED_RE = ascii_re(
    _RECOMMENDED + r"(?:laptop|laptops|notebook|komputer|computer|printer|proyektor|projector|handphone|smartphone)\b"
)
_PSP_DEVICES_RE = ascii_re(r"\b(?:digitali[sz]\w*|intervensi|interventions?|bimtek|zoom|kementerian|ministry|psp|sekolah penggerak)\b")
_OWN_OFFICE_RE = ascii_re(r"\b(?:buleleng|provinsi|province)\b")
# an email as what one signs in with ("akun buat login PMM pakai email apa?", "email gmail biasa bisa?", "can I sign in with my gmail?";
# not "email admin PMM apa? akun sy terblokir", an address asked for)
_EMAIL_ACCOUNT_RE = ascii_re(
    r"\b(?:gmail|yahoo)\b|\b(?:pakai|pake|pk|dengan|dgn|with|using|use)\s+(?:akun\s+)?e-?mail\b|\be-?mail\s+(?:pribadi|biasa|sendiri|personal)\b"
)


def _other_business(folded: str) -> bool:
    """Whether a message is about the Dinas's other business or a device's trouble."""
    if _OTHER_BUSINESS_RE.search(folded):
        return True
    if _DEVICE_RECOMMENDED_RE.search(folded) and not _PSP_DEVICES_RE.search(folded):
        return True  # "Any recommendation for a decent laptop for school admin work?" (not the digitalisation intervention's, nor for the Zoom)
    if "pppk" in folded and _PPPK_RECRUITMENT_RE.search(folded) and not _PPPK_OF_PSP_RE.search(folded):
        return True
    if (
        _OTHER_BUSINESS_UNLESS_SELECTION_RE.search(folded) or _OTHER_OFFICE_RE.search(folded) and not _OWN_OFFICE_RE.search(folded)
    ) and not _SELECTION_RE.search(folded):
        return True
    if (
        any(word in folded for word in _HOLIDAYS)
        and _HOLIDAY_DATE_RE.search(folded)
        and not _SELECTION_RE.search(folded)
        and not _PSP_BUSINESS_RE.search(folded)
    ):
        return True
    if ("asesmen nasional" in folded or "anbk" in folded) and _ASSESSMENT_DATES_RE.search(folded) and not _SELECTION_RE.search(folded):
        return True
    if "ijazah" in folded and not _SELECTION_STAGE_RE.search(folded):
        return True  # a diploma (its legalisation, a lost one), unless the selection's papers are asked about ("tahap 1 … upload ijazah?")
    # "my zoom keeps crashing on my phone", "laptop sy error terus": a device or an app in trouble,
    # unless it is this bot or the Bimtek's link that fails
    # (…or an app to install on one's phone: "cara install aplikasi zoom di hp gimana")
    installing = "nstal" in folded and _INSTALL_RE.search(folded) and not _SELECTION_RE.search(folded)
    trouble = _TROUBLE_RE.search(folded) or _ACCOUNT_TROUBLE_RE.search(folded) or installing
    return bool(trouble) and not _OUR_SERVICE_RE.search(folded)


# A holiday's date ("nyepi tahun depan tanggal berapa", "galungan jatuh kapan"; not "bimtek bentrok sama galungan?", nor one
# dated from it: "pengumuman kelulusan setelah galungan tanggal berapa"); apart from the patterns above, and only where a
# holiday is named (the words before it are read only there)
_HOLIDAYS = (
    *("nyepi", "galungan", "kuningan", "saraswati", "pagerwesi", "siwaratri"),
    *("idul fitri", "idulfitri", "lebaran", "natal", "imlek", "waisak", "hari raya"),
)
# (…the programme's own business asked beside a holiday: "kapan galungan pak, pengumuman hasil tahap 1 diundur ga?")
_PSP_BUSINESS_RE = ascii_re(
    r"\b(?:pendaftaran|registration|register|formulir|form|pengumuman|announcement|results?|hasil|tahap|stage|zoom|pengingat|reminders?"
    r"|korwil|sertifikat|usulan|kepsek)\b"
)
_HOLIDAY_DATE_RE = ascii_re(
    r"(?<!setelah )(?<!sesudah )(?<!sebelum )(?<!habis )(?<!abis )(?<!after )(?<!before )(?<!pas )(?<!saat )(?<!menjelang )"
    r"\b(?:" + "|".join(_HOLIDAYS) + r")\b[^.?!\n]{0,25}\b(?:tanggal|tgl|kapan|kpn|jatuh|hari apa|when|date)\b"
    # (…asked first: "when is nyepi this year?", "kapan hari raya galungan?")
    r"|(?<!lambat )(?<!sebelum )(?<!setelah )(?<!sampai )(?<!hingga )\b(?:tanggal|tgl|kapan|kpn|when(?:\s+is|\s+does|\s+will)?|what\s+date\s+is)\s+"
    r"(?:hari\s+raya\s+)?(?:" + "|".join(_HOLIDAYS) + r")\b"
)
# The national assessment's own dates ("jadwal asesmen nasional SD thn ini kpn?"; not the Rapor Pendidikan and its data drawn
# from it: "data asesmen nasional kapan masuk ke rapor sekolah?")
_ASSESSMENT_DATES_RE = ascii_re(
    r"^(?![^.?!\n]*\b(?:rapor|data|hasil\w*|perencanaan|planning|pbd)\b)[^.?!\n]*?(?:"
    r"\b(?:asesmen nasional|anbk)\b[^.?!\n]{0,30}\b(?:jadwal|kapan|kpn|tanggal|tgl)\b"
    r"|\b(?:jadwal|kapan|kpn|tanggal|tgl)\b[^.?!\n]{0,20}\b(?:asesmen nasional|anbk)\b)"
)


# …and business the programme's selection or Bimtek may touch ("apakah peserta bimtek dapat makan siang?",
# "kepsek sy juara lomba, bisa jadi poin di esai?"): other business only when neither is named
_OTHER_BUSINESS_UNLESS_SELECTION_RE = ascii_re(
    # a school's BOS money paid out (not PSP's own "BOS Kinerja"), pupils' meals and nutrition, roads
    # and the public-works office, a levy case at a school, pupils' competitions, a teacher's pay, a
    # teacher's NUPTK missing from the teachers' portal, a pupil moved to another school
    r"\bbos\b(?!\s+kinerja)[^.?!\n]*\b(?:cair|pencairan|dicairkan|salur|penyaluran|disalurkan|rekening)\b|\b(?:cair|pencairan)\s+(?:dana\s+)?bos\b(?!\s+kinerja)"
    r"|\b(?:school feeding|nutrition|gizi|makan siang|makan bergizi|mbg|stunting)\b"
    r"|\b(?:jalan|jembatan)\b[^.?!\n]{0,30}\b(?:longsor|rusak|putus|amblas)\b|\b(?:dinas pu|pu kabupaten|pupr)\b"
    r"|\b(?:kasus|dugaan|laporan)\s+(?:pungutan|pungli)\b|\bpungli\b"
    r"|\b(?:porsenijar|porseni|o2sn|fls2n|fls3n|popda|osn|ksn|lomba)\b"
    r"|\b(?:gaji|upah|insentif)\s+(?:guru|honorer|pns|asn|pegawai|pppk|p3k|operator|tendik)\b"
    # a civil servant's allowances paid out ("tpp guru kpn cair", "tunjangan profesi triwulan 3 udh cair?")
    r"|\btpp\b|\b(?:tunjangan|tpg|thr|gaji)\b[^.?!\n]{0,30}\b(?:cair|pencairan|dicairkan)\b"
    # a trip for pleasure ("is the lovina dolphin tour worth it?", "tempat wisata di buleleng yg bagus apa")
    r"|\b(?:dolphins?|lumba|snorkel\w*|sightseeing|tamasya)\b|\b(?:tempat|objek|obyek)\s+wisata\b|\b(?:study|dolphin|island|boat|city)\s+tours?\b"
    r"|\binfo gtk\b|\bnuptk\b[^.?!\n]{0,30}\b(?:tidak muncul|tdk muncul|gak muncul|ga muncul|belum muncul|hilang)\b"
    r"|\b(?:siswa|murid|peserta didik)\b[^.?!\n]*\b(?:pindah|dipindah\w*|mutasi)\b"
    # the school year's start ("tahun ajaran baru mulai tgl brp?"; not a cohort's school year, which names the selection or PSP)
    r"|\b(?:tahun ajaran|thn ajaran|ta)\s+baru\b[^.?!\n]{0,25}\b(?:mulai|dimulai|kapan|kpn|tanggal|tgl)\b"
    # a file converted on a phone or laptop ("cara ubah pdf ke word di hp gmn?")
    r"|\b(?:ubah|ubah file|convert|konversi|jadikan)\s+(?:file\s+)?(?:pdf|word|docx?|jpg|excel)\s+(?:ke|jadi|to|into)\s+(?:pdf|word|docx?|jpg|excel)\b"
    # a maths formula for a child's homework ("rumus luas lingkaran apa ya"; not "rumus skor tahap 1")
    r"|\brumus\s+(?:luas|keliling|volume|matematika|mtk|fisika|kimia|pythagoras|phytagoras|abc|persamaan|segitiga|lingkaran|persegi"
    r"|trapesium|kubus|balok|tabung|kerucut|bola|jajar genjang|layang)\b"
    # the school's bills and the office's cars ("tagihan listrik sekolah bisa dibayar lwt bot ini?", "mobil dinas korwil bs dipinjam?";
    # not "ada mobil dinas yg jemput peserta bimtek?")
    r"|\b(?:tagihan|rekening|bayar|pembayaran|token)\s+(?:listrik|air|pdam|pln|internet|wifi|telepon|telpon)\b|\b(?:electricity|water|internet) bills?\b"
    r"|\b(?:mobil|kendaraan|motor)\s+dinas\b|\bofficial cars?\b"
    # a staff member's leave and the school's own tests ("izin sakit besok, surat dokternya ke siapa", "jadwal PAS semester ini")
    r"|\bizin sakit\b|\bcuti (?:sakit|melahirkan|tahunan|besar|hamil)\b|\bsick leave\b"
    # a government contract staff selection asked in English ("how do I apply for the PPPK teacher selection?"; not
    # "I'm a PPPK principal, can I apply?", nor the learning committee's PPPK teachers)
    r"|\bpppk\s+(?:teacher\s+|teachers\s+)?(?:selection|recruitment|exam|test|formation|hiring)\b"
    r"|\b(?:apply|applying|register|sign up)\s+(?:for|to)\s+(?:the\s+)?pppk\b"
    # a teacher's certification asked in English ("how apply teacher certification"; PSP's certificates are "certificate")
    r"|\bteachers?\s+certification\b|\bcertification\s+(?:for|of)\s+(?:the\s+)?teachers?\b"
    # the civil servants' performance app ("cara isi e-kinerja"; not "pelatihan PKP bisa masuk e-kinerja?")
    r"|\be[- ]?kinerja\b"
    # the weather ("Besok hujan tidak ya di Singaraja? TK kami mau ada upacara"; not "kalau hujan, bimtek tetap jalan?")
    r"|\b(?:hujan|cuaca|prakiraan cuaca|weather|rain|raining)\b"
    # a school holiday and the school year's calendar ("besok sekolah libur ga krn galungan, tiang lupa liat kalender pendidikan")
    # (the holiday itself asked: not "pengumuman tahap 1 keluar pas libur", "korwil libur, rekap bisa dilihat admin?")
    r"|\b(?:sekolah|besok|lusa|hari ini|tanggal|tgl)\b[^.?!\n]{0,20}\blibur\b|\bkalender (?:pendidikan|akademik)\b"
    # a school ceremony ("upacara Hardiknas, seragam yang dipakai apa?"; not the Bimtek's opening)
    r"|\bupacara\b"
    # a recipe asked for ("resep lawar ayam … buat acara rapat komite sekolah"; not "resep jitu nulis esai tahap 1")
    r"|\bresep\b"
    # an office device in trouble ("printer di kantor macet terus"; not "scanner rusak, surat keterangan sehat boleh difoto?")
    r"|\b(?:printer|proyektor|projector|scanner)\b[^.?!\n]{0,30}\b(?:macet|rusak|error|eror|mati|jammed|broken|nyangkut"
    r"|tidak (?:bisa|mau) (?:nyala|menyala|mencetak|ngeprint|print))\b"
    # an accreditation visit and parents' donations ("visitasi akreditasi minggu depan, apa yg disiapin?",
    # "rapat komite sekolah bahas sumbangan ortu boleh ga?"; not "… visitasi ulang belum keluar, boleh ikut PSP?")
    r"|\b(?:visitasi|divisitasi)\b|\b(?:sumbangan|iuran)\s+(?:dari\s+)?(?:orang tua|ortu|wali murid|wali siswa)\b"
    # ("tiang sakit hari ini, izin tidak masuk lapornya ke siapa?")
    r"|\b(?:izin|ijin)\s+(?:tidak|tdk|gak|ga|nggak|ngga|enggak)\s+masuk\b|\b(?:sakit|demam|opname)\b[^.?!\n]{0,40}\b(?:izin|ijin|absen)\b"
    # (the tests asked about themselves, not named as what keeps the asker busy: "… krn ada ujian sekolah")
    r"|\b(?:jadwal|tanggal|tgl)\s+(?:penilaian (?:akhir|tengah) (?:semester|tahun)|ujian (?:sekolah|semester|kenaikan kelas))\b"
    r"|\b(?:penilaian (?:akhir|tengah) (?:semester|tahun)|ujian (?:sekolah|semester|kenaikan kelas))\b[^.?!\n,]*\b(?:kapan|kpn|tgl brp|tanggal berapa)\b"
    # a teacher's transfer asked in English (not a learning committee's teacher moved: "If a teacher from our learning
    # committee is transferred, who replaces them?")
    r"|\b(?:teacher|teachers|staff|civil servant)\b(?![^.?!\n]*\b(?:committee|komite|penggerak|psp)\b)"
    r"[^.?!\n]*\b(?:transfer|transferred|move to another school)\b"
)
_SELECTION_STAGE_RE = ascii_re(r"\b(?:seleksi|tahap|esai|wawancara|penggerak|psp)\b")
_SELECTION_RE = ascii_re(
    r"\b(?:seleksi|bimtek|wawancara|esai|syarat|persyaratan|angkatan|dapodik|penggerak|psp|daftar|pkp|simulasi|komite(?!\s+sekolah)|committee|pelatihan"
    # (the programme's own things and its statements: "habis upacara tadi kepsek bilang sekolah kita akan pengimbasan, itu apa?",
    # "scanner rusak, surat keterangan sehat boleh difoto saja?")
    r"|pengimbasan|kurikulum merdeka|intervensi|pelatih ahli|rapor pendidikan|merdeka mengajar|surat keterangan"
    # (this bot's reminders: "HP tiang bunyi kena pengingat zoom … pas upacara piodalan, cara matikan pengingatnya?")
    r"|" + _REMINDING + r")\b"
)

# what follows "mau nanya" that only ends the wish to ask ("mau nanya dulu, …", "mau tanya aja.")
_ASK_ONLY_RE = ascii_re(r"(?:dulu|dl|dlu|aja|saja|doang|sebentar|bentar)\b\s*[,.!]")
# a choice offered ("… pas daftar awal atau nanti"), not a yes-or-no ("… atau tidak")
_CHOICE_RE = ascii_re(r"\b(?:atau|ato|apa)\s+(?!tidak|tdk|nggak|ngga|ga|gak|gk|enggak|belum|blm|bukan|ndak)\w")
# a reason closing a message that marks no question ("… atau gimana pak soalnya tiang ditanya pengawas kemarin")
# (…or what the answer is wanted for: "… sy lupa NUPTK itu berapa digit ya, mau cek apa yg sy catat udh bener")
_UNMARKED_REASON_RE = ascii_re(
    r"(?<=\w)[\s,]+(?:soalnya|soale)\s+[^.!?]*[.!\s]*$"
    # (after a comma only: not "gmn caranya kalo mau cek status pendaftaran sy", where what is checked is asked about)
    r"|(?<=\w)\s*,\s*(?:mau|mo|pengen|pingin|ingin)\s+(?:cek|ngecek|mengecek|mastiin|memastikan|pastiin|cocokin|mencocokkan)\s+[^.!?]*[.!\s]*$"
)
# "tes begituan", "yang kayak gitu", "such a test": a thing of the kind told before
# (…or "itu" closing the question: "… katanya ada bimtek PMO bulan Maret, kira2 tanggal berapa sampai tanggal berapa ya itu pak?")
_SUCH_RE = ascii_re(
    r"\b(?:begituan|gituan|beginian|semacam itu|seperti itu|kayak gitu|kaya gitu|spt itu|tersebut|tsb|such|like that)\b"
    r"|\bitu(?:\s+(?:pak|bu|bli|mbok|nggih|ya|yah|gus))?\s*\??\s*$"
)
_POINTS_BACK = frozenset({"maksud", "arti", "cara", "contoh", "jelas", "detail", "rincian", "lanjut"})
# Courtesy formulas asking for help in general ("boleh dibantu", "mohon bantuannya"): not the
# question. The active "bisa bantu …?" is left: it may ask what the bot can do.
_LATE = (
    r"\b(?:sorry|maaf|mohon maaf|ampura)\s+(?:for\s+(?:the\s+|my\s+)?|atas\s+|krn\s+|karena\s+)?(?:late|telat|terlambat|baru sempat|baru)\s+"
    r"(?:msg|message|messages|reply|replying|balas|bales|respon|chat|nanya|tanya|bertanya)\b"
)
_LATE_RE = ascii_re(_LATE)
_COURTESY_RE = ascii_re(
    r"\b(?:boleh|bisa|mohon|minta|tolong)\s+dibantu\b|\b(?:mohon|minta)\s+bantuan(?:nya)?\b|\bminta tolong\b"
    # (…or an apology for writing late: "sorry for the late msg, …", "maaf baru sempat nanya": one word left is enough, see _LATE_RE)
    r"|" + _LATE
)
# The words before a person's name: "saya Ni Kadek", "sy Wayan", "pak Gede Arta", "my name is Putu".
_INTRODUCED_RE = ascii_re(
    r"\b(?i:saya|sy|aku|tiang|titiang|nama(?:\s+saya|\s+tiang)?|namaku|i am|i'm|im|my name is|mr|mrs|ms|"
    + "|".join(sorted(ADDRESS, key=len, reverse=True))
    # (Balinese names run to four words: "Saya Ni Luh Putu Ariani", "tiang I Gusti Made Arta")
    + r")\.?(?:\s+[A-Z][a-z]+){0,4}$"
)
_CLOCK_ASKED_RE = ascii_re(r"\b(?:jam|jm|pukul|pkl) (?:berapa|brp)\b|\bwhat time\b|\bat what time\b")
_CLOCK_IN_ANSWER_RE = ascii_re(r"\b\d{1,2}[.:]\d{2}\b|/jadwal")
_PEOPLE = r"(?:orang|org|kepala sekolah|kepsek|kasek|ks|guru|peserta|pendaftar|principals|teachers|people|participants)"
# "…ada brp?", "…ada berapa ya pak": the count closes the clause (not "… ada berapa tahap seleksinya")
_HOW_MANY_AT_END = r"\bada\s+(?:berapa|brp)(?:\s+(?:ya|sih|kah|nih|" + _ADDRESSED + r"))*\s*(?:[.?!,]|$)"
_PEOPLE_COUNT_RE = ascii_re(
    r"\b(?:berapa|brp|how many|jumlah)\s+(?:banyak\s+)?" + _PEOPLE + r"\b"
    r"|\b" + _PEOPLE + r"\s+(?:yang|yg)\s+[^.?!,]{0,60}?" + _HOW_MANY_AT_END
)
# "sekolah yg lolos angkatan 1 di buleleng ada brp?": the schools first, the count asked at the end
# ("berapa sekolah" alone is also the targets' and the korwil's five schools: a count of them is in answers)
_SCHOOL_COUNT_RE = ascii_re(
    r"\b(?:sekolah|sd|smp)\s+(?:yang|yg)\s+[^.?!,]{0,60}?" + _HOW_MANY_AT_END
    # (…or how many registered: "how many schools from Buleleng registered for batch 3?", "berapa sekolah buleleng yg daftar
    # angkatan 3?"; not how many may: "berapa sekolah yg boleh daftar per kecamatan")
    + r"|\b(?:berapa|brp|how many|jumlah)\s+(?:banyak\s+)?(?:sekolah|sd|smp|schools)\b(?!\s+(?:principals?|kepala|kepsek|in\b))"
    + r"(?![^.?!]{0,40}?\b(?:bisa|bs|boleh|blh|harus|hrs|wajib|maksimal|maks|minimal|min|can|could|may|must|should|allowed|per|tiap|setiap"
    + r"|masing|each|every|korwil|koordinator|coordinators?)\b)"
    # (…or were chosen: "how many schools in bali were selected for psp angkatan iii?")
    + r"[^.?!]{0,40}?\b(?:daftar|mendaftar|didaftarkan|terdaftar|registered|signed up|applied|selected|chosen|accepted|passed|lolos|lulus|terpilih)\b"
    + r"|\bhow many\s+(?:schools|sds|smps)\s+(?:in|from)\s+[a-z]+\s+(?:were|have been|got|are|was)\s+(?:selected|chosen|accepted|passed)\b"
)
# how many schools of a place passed ("angkatan I dulu sekolah di buleleng yg lolos brp ya?"): results no source gives
_PASSED_COUNT_RE = ascii_re(
    r"\b(?:sekolah|sd|smp)\s+(?:(?:di|dari|dr)\s+\w+\s+)?(?:yang|yg)\s+(?:lolos|lulus|terpilih)\b[^.?!,]{0,30}?\b(?:berapa|brp)"
    # (the count closing the question: not "sekolah yg lolos psp didampingi berapa tahun?")
    r"(?:\s+(?:ya|sih|kah|nih|semua|semuanya|sekolah|" + _ADDRESSED + r"))*\s*(?:[.?!,]|$)"
)
_COUNT_UNIT = r"(?:\d[\d.,]*|satu|dua|tiga|empat|lima)\s*(?:[–-]\s*\d+\s*)?"
_PEOPLE_NUMBER_RE = ascii_re(_COUNT_UNIT + r"(?:orang|kepala sekolah|guru|peserta|pejabat|principals|teachers|people)\b", re.IGNORECASE)
_SCHOOL_NUMBER_IN_ANSWER_RE = ascii_re(_COUNT_UNIT + r"(?:sekolah|sd|smp|schools)\b", re.IGNORECASE)
_NUMBER_RE = ascii_re(r"\d|\b(?:satu|dua|tiga|empat|lima|enam|[IVX]+|one|two|three|four|five)\b")


class Kind(NamedTuple):
    """What a question asks for; each needs an answer that holds it (see answers_kind)."""

    date: bool
    number: bool
    name: bool  # a person's name
    clock: bool  # a time of day
    people: bool  # a count of people
    schools: bool  # a count of schools
    head: bool  # the person heading an office
    phone: bool
    rank: bool
    place: bool  # an office's address
    day: bool  # one day of the Bimtek
    duration: bool  # how long something lasts ("PKP brp minggu", "how many days was the Bimtek")
    who: bool  # someone: a person, an office, a body or a role
    result: bool  # the asker's own result


def question_kind(folded: str) -> Kind:
    """What a (folded) question asks for."""
    return Kind(
        bool(_WHEN_RE.search(folded)),
        bool(_HOW_MANY_RE.search(folded)),
        # (not the criteria of named things: "For the school names the korwil send, what criteria they must meet?")
        bool(_NAME_RE.search(folded) and not _CRITERIA_RE.search(folded))
        or bool(("si" in folded or "sp" in folded or "sapa" in folded or "who" in folded) and _OWN_PERSON_RE.search(folded)),
        # "13.00 wib, di bali jam brp", "waktu jakarta jam brp": the zone is the answer, not a time of day
        bool(_CLOCK_ASKED_RE.search(folded)) and not (_CLOCK_RE.search(folded) or _ZONE_RE.search(folded)),
        bool(_PEOPLE_COUNT_RE.search(folded)),
        bool(_SCHOOL_COUNT_RE.search(folded)),
        ("siapa" in folded or "who" in folded) and bool(_HEAD_ASKED_RE.search(folded)),
        bool(_PHONE_NAMED_RE.search(folded)) and bool(_PHONE_ASKED_RE.search(folded)),  # (a cheap look first)
        ("paling" in folded or "ter" in folded or "most" in folded) and bool(_RANK_ASKED_RE.search(folded)),
        bool(_PLACE_ASKED_RE.search(folded)),
        ("bimtek" in folded or "bimbingan" in folded) and _one_day_asked(folded),
        bool(_DURATION_ASKED_RE.search(folded)),
        bool(_WHO_ASKED_RE.search(folded)) and not _WHICH_REGIONS_RE.search(folded),
        any(word in folded for word in _RESULT_HINTS) and (_own_result(folded) or _PASSED_COUNT_RE.search(folded) is not None)
        or ("yang" in folded or "yg" in folded or "which" in folded or "irim" in folded or "usul" in folded or "mn " in folded or "mana" in folded
            or "list" in folded or "penggerak di" in folded)
        and ("mana" in folded or "apa" in folded or "which" in folded or "mn " in folded or "list" in folded)
        and bool(_SCHOOLS_NAMED_RE.search(folded))
        and not _CRITERIA_RE.search(folded),
    )


# Which schools were chosen, by name ("sklh mana aj di kec gerokgak yg jd sekolah penggerak", "sekolah2 di kec. Tejakula yg
# diusulkan korwil … apa aja?", "which schools in Sawan were selected"): results no source lists, not the recap of registrations
_SCHOOLS_NAMED_RE = ascii_re(
    r"\b(?:sekolah|sklh|skolah|sd|smp|tk|paud)(?:2|-sekolah)?\s+(?:mana\s+|mn\s+)?(?:saja\s+|aja\s+|aj\s+)?(?:di\s+|dr\s+|dari\s+)?[^?.!]{0,30}?"
    r"\b(?:yang|yg)\s+(?:sudah\s+|sdh\s+|udh\s+|udah\s+)?"
    r"(?:(?:jadi|jd|menjadi|terpilih|ditetapkan)\s+(?:sekolah penggerak|sp|psp)|diusulkan|diusulin|dipilih|diajukan|lolos|lulus|terpilih)\b"
    r"(?=[^?.!]*\b(?:mana|apa aja|apa saja|apa aj|siapa)\b|\s*$|\s*\?)"
    # ("Could you send me the list of SD in Sawan that the korwil proposed for PSP?")
    r"|\b(?:list|names?)\s+of\s+(?:the\s+)?(?:schools|sd|smp|tk|paud|primary schools)\b[^?.!]{0,40}\b"
    r"(?:proposed|sent|submitted|nominated|selected|chosen|passed)\b"
    # ("sd mn aja lolos angk 1 buleleng": which ones passed, asked without "yg")
    r"|\b(?:sekolah|sklh|skolah|sd|smp|tk|paud)(?:2)?\s+(?:mana|mn)\s+(?:saja\s+|aja\s+|aj\s+|sj\s+)?(?:sudah\s+|sdh\s+|udah\s+|udh\s+)?"
    r"(?:lolos|lulus|terpilih|dipilih|ditetapkan)\b"
    r"|\bwhich\s+(?:schools|sd|smp|tk|paud|kindergartens?|primary schools|junior high schools)\b[^?.!]{0,40}\b"
    r"(?:became|were selected|were chosen|was chosen|was selected|were proposed|passed|made it)\b"
    # ("korwil Seririt kemarin ngirim nama SD mana aja?": the names sent)
    r"|\b(?:kirim|ngirim|mengirim|dikirim|usul|usulkan|ngusulin|mengusulkan|diusulkan)\s+(?:nama\s+|nama-nama\s+)?(?:sekolah|sklh|sd|smp|tk)(?:2)?\s+"
    r"(?:mana|apa)\s+(?:saja|aja|aj|sj)\b"
    # ("sekolah penggerak di gerokgak apa aja": the schools of a place, by name)
    r"|\bsekolah\s+penggerak\s+(?:di|dr|dari)\s+(?:kec(?:amatan)?\.?\s+)?(?:" + _KECAMATAN + r"|buleleng|singaraja)\s+(?:(?:yang|yg)\s+)?"
    r"(?:ada\s+)?(?:apa|mana|mn)\s+(?:saja|aja|aj|sj)\b(?!\s+\w+nya\b)"
)


# (not the criteria they are chosen by: "SD yg diusulkan korwil syaratnya apa aja")
_CRITERIA_RE = ascii_re(r"\b(?:syarat|kriteria|patokan|ketentuan|persyaratan|requirement|criteria|criterion)\w*")


_RESULT_HINTS = ("lolos", "lulus", "terima", "pass", "accepted", "qualif", "through")
# (a school's place, not what it may or must do: "smp 1 mau ikut sekolah penggerak?", "SDN 2 boleh ikut …")
_NOT_A_PLACE = (
    r"(?:mau|ikut|boleh|blh|bisa|bs|harus|hrs|wajib|dapat|dpt|pengen|ingin|akan|apa|apakah|jadi|jd|menjadi|sudah|sdh|udah|udh"
    r"|termasuk|daftar|mendaftar|gabung|itu|masih|msh|belum|blm|perlu|kok|kah|ya)"
)
# Whether one school named is a Sekolah Penggerak ("smpn 1 singaraja sekolah penggerak?", "apakah SD N 2 Sawan sudah jadi sekolah
# penggerak?"): which schools are, by name, is in no source
_SCHOOL_NUMBERED_RE = ascii_re(r"\b(?:sd|sdn|smp|smpn|tk|tkn|paud|sma|sman|smk|smkn)\s*(?:n\s+|negeri\s+)?\d")  # (a cheap look first)
_GREETING_LEAD_RE = ascii_re(r"^\s*(?:" + GREETED + r"|pagi|siang|sore|malam|permisi|maaf)(?:\s+(?:pak|bu|bapak|ibu|bli|mbok))?\s*[,!]?\s*")
_SCHOOL_IS_PSP_RE = ascii_re(
    r"^\s*(?:apakah\s+|apa\s+)?(?:sd|sdn|smp|smpn|tk|tkn|paud|sma|sman|smk|smkn)\s*(?:n\s+|negeri\s+)?\d+(?:\s+(?!" + _NOT_A_PLACE + r"\b)[a-z]+){1,2}\s+"
    r"(?:(?:itu|sudah|sdh|udah|udh|termasuk|jadi|jd|menjadi|apa|apakah)\s+)*sekolah penggerak"
    r"(?:\s+(?:bukan|kah|ya|gak|ga|gk|nggak|atau bukan|atau tidak|atau belum|belum|blm|" + _ADDRESSED + r"))*\s*\??\s*$"
    # ("Is SMPN 1 Singaraja a sekolah penggerak?")
    r"|^\s*(?:is|was)\s+(?:sd|sdn|smp|smpn|tk|tkn|paud|sma|sman|smk|smkn)\s*(?:n\s+|negeri\s+)?\d+(?:\s+(?!" + _NOT_A_PLACE + r"\b)[a-z]+){1,2}\s+"
    r"(?:already\s+)?(?:a|an|one of the)\s+sekolah penggerak(?:\s+school)?(?:\s+(?:now|yet|already))?\s*\??\s*$"
)


def _own_result(folded: str) -> bool:
    """Whether the asker asks for their own result, yes or no — not on a condition ("kalau sekolah saya lolos …").

    (Nor how to check it: "gmn cek hasil pendaftaran sy diterima ga" asks where the bot shows a registration's state.)
    """
    if _HOW_TO_CHECK_RE.search(folded):
        return False
    return any(_CONDITION_RE.search(folded, 0, found.start()) is None for found in _OWN_RESULT_RE.finditer(folded))


def answers_kind(kind: Kind, entry: FaqEntry, strict: bool = False) -> bool:
    """Whether the entry can answer that kind of question: "kapan" needs a date, "berapa" a number, "siapa nama" a name.

    A question for a detail the sources lack ("kapan batas …", "nomor surat …", "nama pelatih
    sekolah saya") then gets a question back and goes to the PMO team instead of a confident
    answer about the general topic that does not say it.
    """
    if kind.result and not entry.forward:
        return False  # "SD N 2 Tejakula lolos tahap 1 ga?", "apakah saya lulus?": one school's result is in no source
    held = _held(entry.answer["id"])
    if kind.who and not entry.forward and not held.who:
        return False  # "data saya bisa dilihat siapa saja?": the form's fields name nobody (a command's answer neither)
    if (entry.forward or entry.command) and not strict:
        # a bot command's answer says how to get the detail: "/rekap" gives the count, "/petugas" the number
        return True
    # (every kind but the last two, who and result, checked above: asked and not held is a miss)
    return not any(asked and not holds for asked, holds in zip(kind[:-2], held[:-2], strict=True))


@lru_cache(maxsize=1024)  # (an answer's text is the key: a reloaded base with new answers is read afresh)
def _held(answer: str) -> Kind:
    """What kinds of question an answer's text can answer (``result``: none can; ``who``: it names someone)."""
    return Kind(
        date=_DATE_RE.search(answer) is not None,
        number=_NUMBER_RE.search(answer) is not None,
        name=_PERSON_RE.search(answer) is not None,
        clock=_CLOCK_IN_ANSWER_RE.search(answer) is not None,  # "jam berapa sesi wawancara dimulai": a date is not a time of day
        people=_PEOPLE_NUMBER_RE.search(answer) is not None,  # "berapa kepsek yang daftar": a count, not the programme's dates
        schools=_SCHOOL_NUMBER_IN_ANSWER_RE.search(answer) is not None,  # "sekolah yg lolos … ada brp"
        head=_HEAD_NAMED_RE.search(answer) is not None,  # "siapa kadis waktu bimtek": the Bimtek's participants are not the head
        phone=_PHONE_RE.search(answer) is not None,  # "minta no hp pak sekretaris": an answer naming him holds no number
        rank=_RANK_RE.search(answer) is not None,  # "kecamatan mana yg paling banyak kirim nama": a ranking no answer holds
        # (no topic's own answer holds one day's programme or an address today: those two kinds are asked
        # back or forwarded, unless a command answers them from the config — /jadwal's sessions)
        place=_ADDRESS_RE.search(answer) is not None,  # "kantor tim PMO dmn?": the team's duties are not where its office is
        day=_ONE_DAY_IN_ANSWER_RE.search(answer) is not None,  # "narasumber hari kedua": the Bimtek as a whole is not that day
        duration=_DURATION_RE.search(answer) is not None,  # "PKP brp minggu": the training's dates for cohort II are no length
        who=_WHO_IN_ANSWER_RE.search(answer) is not None,
        result=False,
    )


def reply_text(lang_t: Any, match: Match, answer: str = "") -> str:
    """What the bot says for a verdict (``lang_t`` translates a locale key; ``answer`` the entry's text).

    The one place the texts of the outcomes are chosen: the chat, ``psp-bot ask`` and the tests agree.
    """
    outcome = match.outcome
    if outcome == "answer":
        return answer
    if outcome == "small_talk":
        if match.small_talk == "greeting":
            return lang_t("start.greeting") + "\n\n" + lang_t("start.intro")
        return lang_t(f"smalltalk.{match.small_talk}")
    if outcome == "number":
        return lang_t("faq.lone_number")
    if outcome == "ask_back":
        return lang_t("faq.not_sure")
    if outcome == "forward":
        # An entry that says what the sources lack, then the same "passed to the PMO team" line.
        return f"{answer}\n\n{lang_t('faq.forwarded')}" if match.entry is not None else lang_t("faq.unknown")
    return lang_t("faq.out_of_scope")


def ask_json(engine: FaqEngine, text: str, lang: str, translate: Any) -> str:
    """``psp-bot ask --json`` output: ``{"faq_id", "score", "answer"}`` (``faq_id`` null: not answered)."""
    match, answer = engine.answer(text, lang)
    answered = match.outcome == "answer"
    return json.dumps(
        {"faq_id": match.entry.id if answered and match.entry else None, "score": match.score, "answer": reply_text(translate, match, answer)},
        ensure_ascii=False,
    )
