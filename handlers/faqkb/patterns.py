r"""How the FAQ engine compiles its regular expressions.

Two things make the engine's hundreds of patterns cheaper on a long message, neither changing what
they match:

- ASCII classes. Folded text is ASCII but for stray symbols (accents are stripped), and Python tests
  ``\w``, ``\b``, ``\d`` and ``\s`` against the Unicode tables, in a function call per character,
  unless told ``re.ASCII``.
- A first-character guard. A pattern that opens with a word boundary or a look-around (``\b(?:anak|
  putra|…)…|\b(?:my|our)…``) gives Python's engine no literal prefix to skip ahead with, so it tries
  every alternative at every position. When every match must start with one of a known set of
  characters, ``(?=[…])`` in front turns most positions away with one test. The set is read from the
  parsed pattern; a pattern whose first character cannot be known (or that can match nothing) is
  left as it is.

BENCHMARKS.md (FAQ round 33) has the instruction counts; ``tests/test_faq_patterns.py`` checks that
the guard never changes a match.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

try:  # (the parser is internal to ``re``: without it, or if it changes shape, no guard is added)
    _sre_parse: Any = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - every supported Python has it
    _sre_parse = None

_ZERO_WIDTH = ("AT", "ASSERT", "ASSERT_NOT")
_LETTERS = frozenset(range(ord("a"), ord("z") + 1))
_CATEGORIES = {
    "CATEGORY_DIGIT": "0123456789",
    "CATEGORY_WORD": "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_",
    "CATEGORY_SPACE": " \t\n\r\f\v",
}


def ascii_re(source: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile`` for the FAQ engine: ASCII classes and, where it is safe, a first-character guard."""
    flags |= re.ASCII
    guard = first_character_guard(source, flags)
    if guard:
        try:
            return re.compile(guard + "(?:" + source + ")", flags)
        except re.error:  # (a pattern that opens with its own inline flags: as written)
            pass
    return re.compile(source, flags)


def first_character_guard(source: str, flags: int) -> str:
    """``(?=[…])`` listing the characters every match of ``source`` starts with, or "" when not worth it or not known."""
    if _sre_parse is None or flags & (re.IGNORECASE | re.VERBOSE):
        return ""
    try:
        parsed = _sre_parse.parse(source, flags)
        if parsed.state.flags & re.IGNORECASE or not _opens_blind(list(parsed)):
            return ""
        chars, can_be_empty = _first(list(parsed))
    except Exception:  # (any shape this reading does not know: no guard)
        return ""
    if chars is None or can_be_empty or not chars or max(chars) > 127 or _LETTERS <= chars:
        return ""  # (a guard that lets every letter through turns nothing away)
    return "(?=[" + "".join(_escaped(c) for c in sorted(chars)) + "])"


def _escaped(code: int) -> str:
    char = chr(code)
    return "\\" + char if char in "\\]^-[" else char


def _opens_blind(items: list[tuple[Any, Any]]) -> bool:
    r"""Whether Python can only turn a position away by trying the pattern there: a look-around first, or alternatives.

    A look-behind first (``(?<!\bdi )\bsekolah penggerak``), or alternatives of which one opens with
    something other than a letter (``\b(?:anak|putra) … |\b(?:my|our) …``, the ``\b`` of each read
    first): Python enters each alternative at every position of the text. Not alternatives that all
    open with a letter (``\b(?:atau|or)\b``), nor one word (``\bbos\b``): Python turns a position
    away at its first letter there, as quickly as a guard would.
    """
    for op, value in items:
        name = str(op)
        if name == "AT":
            if str(value) != "AT_BOUNDARY":
                return False  # ("^", "$": an anchored pattern is tried at one place only)
            continue
        if name in ("ASSERT", "ASSERT_NOT"):
            return True
        if name == "SUBPATTERN":
            return _opens_blind(list(value[-1]))
        if name == "BRANCH":
            return any(not branch or str(branch[0][0]) != "LITERAL" or _opens_blind(list(branch)) for branch in value[1])
        return False
    return False


def _first(items: list[tuple[Any, Any]]) -> tuple[set[int] | None, bool]:
    """The characters a match of ``items`` can start with (None: any) and whether it can be empty."""
    found: set[int] = set()
    for op, value in items:
        name = str(op)
        if name in _ZERO_WIDTH:
            continue
        if name == "LITERAL":
            return found | {value}, False
        if name == "IN":
            chars = _charset(value)
            return (None if chars is None else found | chars), False
        if name in ("SUBPATTERN", "ATOMIC_GROUP"):
            inner = value[-1] if name == "SUBPATTERN" else value
            if name == "SUBPATTERN" and value[1] & re.IGNORECASE:
                return None, False
            chars, empty = _first(list(inner))
        elif name == "BRANCH":
            chars, empty = set(), False
            for alternative in value[1]:
                alt_chars, alt_empty = _first(list(alternative))
                if alt_chars is None:
                    return None, False
                chars |= alt_chars
                empty = empty or alt_empty
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            low, _high, inner = value
            chars, empty = _first(list(inner))
            empty = empty or low == 0
        else:  # (any character, a back-reference, a conditional: not known)
            return None, False
        if chars is None:
            return None, False
        found |= chars
        if not empty:
            return found, False
    return found, True


def _charset(items: list[tuple[Any, Any]]) -> set[int] | None:
    chars: set[int] = set()
    for op, value in items:
        name = str(op)
        if name == "LITERAL":
            chars.add(value)
        elif name == "RANGE":
            chars.update(range(value[0], value[1] + 1))
        elif name == "CATEGORY" and str(value) in _CATEGORIES:
            chars.update(ord(c) for c in _CATEGORIES[str(value)])
        else:  # (a negated set, another category: not known)
            return None
    return chars

