"""Scoring a query file against the FAQ engine (shared by the tests and the benchmark)."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from handlers.faq import FaqEngine


@dataclass
class Score:
    in_ok: int = 0
    in_total: int = 0
    out_ok: int = 0
    out_total: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def in_rate(self) -> float:
        return self.in_ok / self.in_total if self.in_total else 1.0

    @property
    def out_rate(self) -> float:
        return self.out_ok / self.out_total if self.out_total else 1.0


def has_facts(answer: str, facts: str) -> bool:
    """Every ';'-group has one of its '|'-alternatives in the answer (case-insensitive)."""
    text = answer.lower()
    return all(any(alt.strip().lower() in text for alt in group.split("|")) for group in facts.split(";") if group.strip())


def score_file(engine: FaqEngine, path: Path) -> Score:
    score = Score()
    with path.open(encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter="\t"):
            if not row or row[0].startswith("#"):
                continue
            lang, query, facts, scope = row[0], row[1], row[2], row[3].strip()
            match, answer = engine.answer(query, lang)
            if scope == "in":
                score.in_total += 1
                if match.entry is not None and has_facts(answer, facts):
                    score.in_ok += 1
                else:
                    score.misses.append(f"in : {query!r} → {match.entry.id if match.entry else None} ({match.score})")
            else:
                score.out_total += 1
                if match.entry is None:
                    score.out_ok += 1
                else:
                    score.misses.append(f"out: {query!r} → {match.entry.id} ({match.score})")
    return score
