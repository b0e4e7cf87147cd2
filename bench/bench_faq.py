"""FAQ matching: latency with the knowledge base padded to 300 entries, and accuracy.

Side by side in one run: our matcher and a baseline that most simple FAQ bots use (rapidfuzz
``token_set_ratio`` of the question against every stored question variant, best one wins when
its score is at least 70).

    .venv/bin/python bench/bench_faq.py

With a build of the compiled FAQ engine (``psp-bot faq compile``; ``make bench`` does it), the engine is
measured both ways: this process runs it as it imports it (compiled when built), a child process the other
way (``PSP_FAQ_COMPILED=0`` or ``1``).
"""

from __future__ import annotations

import csv
import os
import random
import subprocess
import sys
import time
from dataclasses import replace

from common import ROOT, machine, percentile
from rapidfuzz import fuzz, process

from bot.app import settle_after_start
from bot.config import DEFAULT_FAQ_PATH
from handlers.faqkb import ENGINE, compiled
from handlers.faqkb.knowledge import FaqEntry, load_file
from handlers.faqkb.matcher import FaqEngine
from tests.faq_scoring import has_facts, score_rows

QUERY_FILES = [
    ROOT / "tests/data/faq-queries.tsv",
    ROOT / "tests/data/faq-holdout.tsv",
    ROOT / "tests/data/faq-heldout-1.tsv",
    ROOT.parent / "shared/faq-dev-queries.tsv",
]
TARGET = 300


def padded(entries: list[FaqEntry], target: int) -> list[FaqEntry]:
    """Add synthetic entries (mixing real words into new questions) until there are ``target``."""
    rng = random.Random(7)
    words = sorted({w for e in entries for q in e.questions for w in q.lower().split() if len(w) > 3})
    extra = []
    for n in range(target - len(entries)):
        questions = tuple(" ".join(rng.sample(words, 5)) + f" topik{n}" for _ in range(4))
        extra.append(
            FaqEntry(
                f"pad-{n}", {"id": f"Topik {n}", "en": f"Topic {n}"}, questions, (f"kata{n}", rng.choice(words)), {"id": f"Jawaban {n}", "en": f"Answer {n}"}
            )
        )
    return entries + extra


def queries() -> list[tuple[str, str, str, str]]:
    rows = []
    for path in QUERY_FILES:
        if path.exists():
            with path.open(encoding="utf-8") as fh:
                rows += [tuple(r[:4]) for r in csv.reader(fh, delimiter="\t") if r and not r[0].startswith("#")]
    return rows  # type: ignore[return-value]


class Baseline:
    """Best fuzzy match over all question variants."""

    def __init__(self, entries: list[FaqEntry]) -> None:
        self.choices = [q.lower() for e in entries for q in e.questions]
        self.owner = [e for e in entries for _ in e.questions]

    def answer(self, text: str, lang: str) -> tuple[FaqEntry | None, str]:
        found = process.extractOne(text.lower(), self.choices, scorer=fuzz.token_set_ratio, score_cutoff=70)
        if not found:
            return None, ""
        entry = self.owner[found[2]]
        return entry, entry.answer[lang]


def timed(answer, rows, rounds: int = 20) -> tuple[list[float], list[float]]:  # type: ignore[no-untyped-def]
    """Wall-clock and CPU (thread) time per question, in ms; the CPU time is less disturbed by other processes."""
    wall, cpu = [], []
    for _ in range(rounds):
        for lang, text, _, _ in rows:
            started, started_cpu = time.perf_counter(), time.thread_time()
            answer(text, lang)
            cpu.append((time.thread_time() - started_cpu) * 1000)
            wall.append((time.perf_counter() - started) * 1000)
    return wall, cpu


def latency(times: tuple[list[float], list[float]]) -> str:
    wall, cpu = times
    return f"p50 {percentile(wall, 50):6.3f} ms  p99 {percentile(wall, 99):6.3f} ms  max {max(wall):6.2f} ms  (CPU p99 {percentile(cpu, 99):6.3f} ms)"


def measure_ours(name: str, engine: FaqEngine, rows) -> None:  # type: ignore[no-untyped-def]
    times = timed(engine.answer, rows)
    print(f"{name:<28} {latency(times)}")
    print("    " + score_rows(engine, rows).report().replace("\n", "\n    "))


def measure_baseline(name: str, baseline: Baseline, rows) -> None:  # type: ignore[no-untyped-def]
    times = timed(baseline.answer, rows)
    ok_in = sum(1 for lang, text, facts, scope in rows if scope == "in" and (r := baseline.answer(text, lang))[0] is not None and has_facts(r[1], facts))
    ok_out = sum(1 for lang, text, _, scope in rows if scope == "out" and baseline.answer(text, lang)[0] is None)
    n_in = sum(1 for r in rows if r[3] == "in")
    n_out = sum(1 for r in rows if r[3] == "out")
    print(f"{name:<28} {latency(times)}  in-scope {ok_in}/{n_in} ({ok_in / n_in:.0%})  off-topic declined {ok_out}/{n_out} ({ok_out / n_out:.0%})")


def main(argv: list[str]) -> None:
    other_child = argv == ["--other"]  # (the same engine the other way, compiled or not, in a child process: see below)
    base = load_file(DEFAULT_FAQ_PATH)
    entries = base.entries
    rows = queries()
    big = padded(entries, TARGET)
    ours, real = FaqEngine(replace(base, entries=big)), FaqEngine(base)
    baseline = Baseline(big)
    settle_after_start()  # the collector as the bot leaves it once started
    here_compiled = ENGINE.startswith("compiled (")
    label = " compiled" if here_compiled else " plain"
    if not other_child:
        print(f"machine: {machine()}")
        print(f"knowledge base: {len(entries)} real + {len(big) - len(entries)} synthetic = {len(big)} entries; {len(rows)} queries x 20 rounds")
        print(f"FAQ engine: {ENGINE}")
    measure_ours(f"psp-bot matcher{label} ({TARGET})", ours, rows)
    if not other_child:
        measure_baseline(f"baseline fuzzy ({TARGET})", baseline, rows)
    measure_ours(f"psp-bot matcher{label} (real {len(entries)})", real, rows)
    if not other_child and compiled.matches_sources()[0]:
        # The same code the other way (a process imports the engine one way only): compiled when this ran plain.
        env = {**os.environ, compiled.SWITCH: "0" if here_compiled else "1"}
        subprocess.run([sys.executable, __file__, "--other"], env=env, check=True)


if __name__ == "__main__":
    main(sys.argv[1:])
