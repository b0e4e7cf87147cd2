"""FAQ matching cost in instructions, for comparing two versions on a noisy machine.

Wall-clock figures move by tens of percent between runs of the same code on a shared machine;
the instructions executed do not. This builds the 300-entry engine of ``bench_faq.py``, then, with
collection switched on only now, answers the bench's questions (``long``: those over 90 characters,
which make the p99) once. Run it under callgrind and read "Collected":

    valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file=/tmp/faq.cg \\
        .venv/bin/python bench/faq_instructions.py long

With ``settled`` (``… long settled``) the questions are answered once first and the collector settled as
the bot leaves it, and only the second pass is counted. Without valgrind it just answers the questions
(a smoke run).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import replace

from bench_faq import TARGET, padded, queries

from bot.app import settle_after_start
from bot.config import DEFAULT_FAQ_PATH
from handlers.faqkb.knowledge import load_file
from handlers.faqkb.matcher import FaqEngine

LONG = 90  # characters: the messages read whole and then clause by clause


def main() -> None:
    which = sys.argv[1] if len(sys.argv) > 1 else "all"
    settled = sys.argv[2:] == ["settled"]
    if which not in ("all", "long") or sys.argv[2:] not in ([], ["settled"]):
        sys.exit("usage: faq_instructions.py [all|long] [settled]")
    base = load_file(DEFAULT_FAQ_PATH)
    engine = FaqEngine(replace(base, entries=padded(base.entries, TARGET)))
    rows = [r for r in queries() if which == "all" or len(r[1]) > LONG]
    if settled:
        # As the bot runs: the questions once to warm the caches, then the collector as the bot leaves it once
        # started (a full collection of the big heap inside the window would otherwise weigh more than a change).
        for lang, text, _, _ in rows:
            engine.answer(text, lang)
        settle_after_start()
    control = shutil.which("callgrind_control")
    if control:  # (collection on from here: building the engine is not what is compared)
        subprocess.run([control, "-i", "on", str(os.getpid())], capture_output=True, check=False)
    for lang, text, _, _ in rows:
        engine.answer(text, lang)
    print(f"answered {len(rows)} questions ({which})", file=sys.stderr)


if __name__ == "__main__":
    main()
