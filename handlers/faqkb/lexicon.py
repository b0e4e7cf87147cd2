"""Published Indonesian word lists the normaliser leans on instead of growing hand lists.

- PySastrawi: its root-word dictionary (about 30,000 *kata dasar*) says which words are real
  Indonesian words, affixed or not (``tinggal``, ``dibuat`` → ``buat``): the typo corrector never
  rewrites one (``tinggal`` is not a typo of ``tanggal``). Its stemmer was measured as the
  matcher's root finder and not kept (BENCHMARKS.md); the dictionary is kept compact (WordList).
- indoNLP's colloquial lexicon (the *Kamus Alay* table, about 4,300 entries: ``smga`` → ``semoga``,
  ``jdi`` → ``jadi``) maps chat spellings the hand table does not know.

Both are loaded once, on first use, and were measured against the hand-written normaliser on the
FAQ query sets (see BENCHMARKS.md).
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable
from functools import cache, lru_cache
from itertools import chain
from pathlib import Path

from handlers.faqkb.affixes import stem_candidates


class WordList:
    r"""A large word list kept compact: one text per two-letter start, searched as ``\nword\n``.

    30,000 words in a frozenset cost about 3 MB; as these few hundred short texts about 0.3 MB, and
    a look-up scans a bucket of a few hundred characters (about a microsecond). The words are read
    one at a time and each run of words with the same start is joined at once, so the full list
    never sits in memory as 30,000 separate strings.
    """

    def __init__(self, words: Iterable[str]) -> None:
        self._buckets: dict[str, str] = {}
        start, group = "", list[str]()
        for raw in words:
            word = raw.strip()
            if not word:
                continue
            if word[:2] != start:
                self._add(start, group)
                start, group = word[:2], []
            group.append(word)
        self._add(start, group)

    def _add(self, start: str, group: list[str]) -> None:
        if group:  # an unsorted list may come back to a start: its text grows
            self._buckets[start] = self._buckets.get(start, "\n") + "\n".join(group) + "\n"

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str) or not word:
            return False
        bucket = self._buckets.get(word[:2])
        return bucket is not None and f"\n{word}\n" in bucket


# KBBI roots the package's list lacks, which its affix rules would cut into another word
# ("setuju", agree, is not "se-" + "tuju", the root of "tujuan", aim)
_MISSING_ROOTS = ("setuju", "berangkat")
# roots no affixed form is cut below: "berangkatnya" is departing ("bus … jam brp berangkatnya"), not "angkat" (as in "angkatan")
KEPT_ROOTS = frozenset({"berangkat"})


@cache
def root_words() -> WordList:
    """PySastrawi's dictionary of Indonesian root words (read from the package's data file)."""
    spec = importlib.util.find_spec("Sastrawi.Stemmer")
    assert spec is not None and spec.origin is not None
    with (Path(spec.origin).parent / "data" / "kata-dasar.txt").open(encoding="utf-8") as lines:
        return WordList(chain(lines, _MISSING_ROOTS))


@lru_cache(maxsize=50_000)
def is_real_word(word: str) -> bool:
    """A dictionary word, or an affixed form of one (``dibuat``, ``pendaftarannya``, ``disiapin``)."""
    words = root_words()
    # (a short word with "-nya" too: "duanya", "dua2nya" — both of them — is no typo of "dana")
    return word in words or any(len(c) >= 4 and c in words for c in stem_candidates(word)[1:]) or word.endswith("nya") and word[:-3] in words


@lru_cache(maxsize=20_000)
def vowel_restored(word: str) -> str | None:
    """The one real word ``word`` is with a vowel left out, as chat writes it ("sgala" → "segala"), if only one."""
    if len(word) < 4 or not word.isalpha():
        return None
    words = root_words()  # (root words only: an affixed form is no vowel-less chat spelling anyone types)
    found = {w for i in range(1, len(word) + 1) for vowel in "aeiou" if (w := word[:i] + vowel + word[i:]) in words}
    return found.pop() if len(found) == 1 else None


@cache
def slang() -> dict[str, str]:
    """IndoNLP's colloquial lexicon: chat spelling → standard word(s)."""
    # The table is read from its own module file: the package's __init__ also loads emoji tables
    # and dataset helpers (about 15 MB) that the bot never uses.
    spec = importlib.util.find_spec("indoNLP")
    assert spec is not None and spec.origin is not None
    path = Path(spec.origin).parent / "preprocessing" / "slang_data.py"
    module_spec = importlib.util.spec_from_file_location("_indonlp_slang", path)
    assert module_spec is not None and module_spec.loader is not None
    module = importlib.util.module_from_spec(module_spec)
    module_spec.loader.exec_module(module)
    return {k.lower(): v.lower() for k, v in module.SLANG_DATA.items() if k.isalpha()}
