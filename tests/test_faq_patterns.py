"""How the FAQ engine compiles its patterns (handlers.faqkb.patterns): quicker, never matching otherwise."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from handlers.faqkb import knowledge, language, matcher, normalise, smalltalk
from handlers.faqkb.normalise import fold, tokens
from handlers.faqkb.patterns import ascii_re, first_character_guard
from tests.faq_scoring import read_rows

DATA = Path(__file__).resolve().parent / "data"
MODULES = (matcher, normalise, smalltalk, language, knowledge)


def guarded_patterns() -> list[tuple[str, re.Pattern[str], re.Pattern[str]]]:
    """Every module pattern that got a guard, with the same source compiled without it."""
    found = []
    for module in MODULES:
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern) and value.pattern.startswith("(?=["):
                source = value.pattern[value.pattern.index("])(?:") + 5 : -1]
                assert first_character_guard(source, value.flags) + "(?:" + source + ")" == value.pattern
                found.append((f"{module.__name__}.{name}", value, re.compile(source, value.flags)))
    return found


def corpus() -> list[str]:
    """The public query rows, folded as the engine reads them and as typed."""
    texts = []
    for path in sorted(DATA.glob("faq-*.tsv"))[::3]:  # (every third file: a few thousand messages of every style)
        for _, text, _, _ in read_rows(path):
            texts += [fold(text), text]
    return texts


@pytest.mark.parametrize(
    ("source", "guard"),
    [
        (r"\banak\s+saya\b|\b(?:my|our)\s+child\b", "(?=[amo])"),  # alternatives that each open with \b
        (r"(?<!\bdi )\bsekolah penggerak\b", "(?=[s])"),  # a look-behind first
        (r"(?<=\bapa )kepanjangan|\bkepanjangan\b(?=\s+dari)", "(?=[k])"),
        (r"(?<![a-z])(?:\d+\s*)?(?:tahap|stage)\b", "(?=[0123456789st])"),  # an optional part first: what may follow it too
        (r"\b(?:atau|or)\b", ""),  # one \b before letters: Python turns positions away as fast
        (r"^\s*(?:halo|hai)\b", ""),  # anchored: tried at one place only
        (r"(?<!x)(?:abc|)", ""),  # can match nothing
        (r"(?<!x)\w+", ""),  # every letter can start it: nothing turned away
        (r"(?<!x)[^a]bc", ""),  # a negated set: not known
        (r"(?<!x)(.)\1", ""),
        (r"(?<!x)é", ""),  # not ASCII
    ],
)
def test_the_guard_lists_the_characters_every_match_starts_with(source: str, guard: str) -> None:
    assert first_character_guard(source, re.ASCII) == guard
    assert first_character_guard(source, re.ASCII | re.IGNORECASE) == ""  # (case-blind patterns are left alone)


def test_a_guarded_pattern_finds_what_it_found_without_the_guard() -> None:
    patterns = guarded_patterns()
    assert len(patterns) >= 20  # (the engine's big alternations are guarded: _OTHER_BUSINESS_RE, _NAME_RE, …)
    assert any(name.endswith("._OTHER_BUSINESS_RE") for name, _, _ in patterns)
    texts = corpus()
    assert len(texts) > 5000
    hits = 0
    for name, guarded, plain in patterns:
        for text in texts:
            found = [m.span() for m in guarded.finditer(text)]
            assert found == [m.span() for m in plain.finditer(text)], (name, text)
            assert (guarded.match(text) is None) == (plain.match(text) is None), (name, text)
            hits += bool(found)
    assert hits > 100  # (the corpus does reach the patterns: the comparison is not of no matches with no matches)


def test_patterns_read_word_classes_in_ascii() -> None:
    assert ascii_re(r"\w+").findall("naïve café") == ["na", "ve", "caf"]
    assert ascii_re(r"\bpak\b", re.IGNORECASE).search("Pak, mau tanya") is not None
    assert ascii_re(r"(?i)\bpak\b").search("PAK") is not None  # (a pattern opening with its own flags: as written)


def test_stretched_letters_fold_whatever_was_read_before() -> None:
    assert tokens("selamat pagi pak, bimtek tim pmo kapan ya") == ["selamat", "pagi", "pak", "bimtek", "tim", "pmo", "kapan", "ya"]
    assert tokens("pagi pakkk") == ["pagi", "pak"]  # (not a part of the text read before: searched)
    assert tokens("bimtek tim pmo") == ["bimtek", "tim", "pmo"]  # (a part of a text with none: none)
    assert tokens("angkatan iii, xxx") == ["angkatan", "iii", "xxx"]  # (Roman numerals are never folded)
    assert tokens("Bimtekkk KAPANNN", folded=False) == ["bimtek", "kapan"]
