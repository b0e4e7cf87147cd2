"""The FAQ engine compiled to C (handlers.faqkb.compiled): on by default, used only when it matches its sources, same verdicts as plain Python."""

from __future__ import annotations

import importlib.machinery
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import handlers.faqkb
from bot.__main__ import main as cli
from bot.config import DEFAULT_FAQ_PATH
from handlers.faqkb import compiled
from handlers.faqkb.language import answer_language
from handlers.faqkb.matcher import FaqEngine
from tests.conftest import SHARED
from tests.faq_scoring import read_rows

ROOT = Path(__file__).resolve().parent.parent
SUFFIX = importlib.machinery.EXTENSION_SUFFIXES[0]


def fake_build(folder: Path, sources: Path, python: str | None = None) -> None:
    """A build's files (empty extension modules) and a manifest matching ``sources``."""
    folder.mkdir(parents=True)
    for name in (*compiled.MODULES, compiled.GROUP.rpartition(".")[2] + "__mypyc"):
        (folder / f"{name}{SUFFIX}").write_bytes(b"")
    manifest = {"sources": compiled.sources_digest(sources), "python": python or sys.implementation.cache_tag, "modules": list(compiled.MODULES)}
    (folder / compiled.MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")


def test_a_build_is_used_only_when_asked_and_while_it_matches_the_sources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sources = tmp_path / "src"
    shutil.copytree(compiled.source_dir(), sources, ignore=shutil.ignore_patterns("__pycache__"))
    build = tmp_path / "build"
    fake_build(build, sources)
    off = (False, "plain Python (the compiled engine is off: PSP_FAQ_COMPILED=0)")
    monkeypatch.delenv(compiled.SWITCH, raising=False)
    assert compiled.state(build, sources) == (True, f"compiled ({build})")  # (on by default, see the module)
    monkeypatch.setenv(compiled.SWITCH, "0")
    assert compiled.state(build, sources) == off
    monkeypatch.setenv(compiled.SWITCH, " 0 ")
    assert compiled.state(build, sources) == off
    monkeypatch.setenv(compiled.SWITCH, "1")
    assert compiled.state(build, sources) == (True, f"compiled ({build})")

    # one edited source, and the whole package runs as plain Python until rebuilt
    matcher = sources / "matcher.py"
    matcher.write_text(matcher.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    usable, why = compiled.state(build, sources)
    assert not usable and "the sources changed since the build" in why
    shutil.rmtree(build)
    fake_build(build, sources)
    assert compiled.state(build, sources)[0]
    (sources / "new_module.py").write_text("X = 1\n", encoding="utf-8")  # a new file counts too
    assert not compiled.state(build, sources)[0]
    (sources / "new_module.py").unlink()

    (build / f"smalltalk{SUFFIX}").unlink()
    usable, why = compiled.state(build, sources)
    assert not usable and why.endswith("smalltalk)")

    shutil.rmtree(build)
    fake_build(build, sources, python="cpython-39")
    usable, why = compiled.state(build, sources)
    assert not usable and "built for cpython-39" in why

    (build / compiled.MANIFEST).write_text("{not json", encoding="utf-8")
    usable, why = compiled.state(build, sources)
    assert not usable and "unreadable manifest" in why
    (build / compiled.MANIFEST).unlink()
    assert compiled.state(build, sources) == (False, "plain Python (not built: psp-bot faq compile builds it)")


def test_a_build_that_does_not_load_leaves_plain_python(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Manifest and digest right, but the shared library is no library: the package's path is left as it was.
    monkeypatch.setenv(compiled.SWITCH, "1")
    monkeypatch.setenv(compiled.PLACE, str(tmp_path))
    monkeypatch.setattr(compiled, "GROUP", "handlers.faqkb.brokenbuild")
    fake_build(compiled.compiled_dir(), compiled.source_dir())
    before = list(handlers.faqkb.__path__)
    why = compiled.use(handlers.faqkb.__path__)
    assert why.startswith(f"plain Python (the build in {compiled.compiled_dir()} does not load")
    assert list(handlers.faqkb.__path__) == before
    assert "handlers.faqkb.brokenbuild__mypyc" not in sys.modules


def test_compile_without_a_c_compiler_says_so(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv(compiled.PLACE, str(tmp_path))  # (nothing built there: stale)
    monkeypatch.setenv("CC", str(tmp_path / "no-such-cc"))
    assert cli(["faq", "compile", "--if-stale"]) == 1
    assert "no C compiler" in capsys.readouterr().out
    assert not any(tmp_path.iterdir())


def verdicts(engine: FaqEngine) -> list[list[str]]:
    """Every public query row's verdict: outcome, topic, score, suggestions and the answer's text."""
    files = sorted((ROOT / "tests" / "data").glob("faq-*.tsv")) + [SHARED / "faq-dev-queries.tsv"]
    found = []
    for path in files:
        if not path.exists():
            continue
        for lang, query, _, _ in read_rows(path):
            match, answer = engine.answer(query, answer_language(query, lang))
            found.append([query, match.outcome, match.entry.id if match.entry else "", str(match.score), ",".join(e.id for e in match.suggestions), answer])
    return found


OTHER_VERDICTS = """
import json, sys
from bot.config import DEFAULT_FAQ_PATH
from handlers.faqkb import ENGINE
import handlers.faqkb.matcher as matcher
from handlers.faqkb.matcher import FaqEngine
from tests.test_faq_compiled import verdicts
print(json.dumps({"engine": ENGINE, "file": matcher.__file__, "verdicts": verdicts(FaqEngine.from_file(DEFAULT_FAQ_PATH))}))
"""


def test_compiled_and_plain_engines_give_the_same_verdict_on_every_public_row() -> None:
    # This process runs one engine (compiled when built); a child runs the other, when a build matches the sources.
    usable, why = compiled.matches_sources()
    if not usable:
        pytest.skip(f"FAQ engine not compiled here ({why}; make compiled builds it): nothing to compare")
    import handlers.faqkb.matcher as matcher

    here_compiled = handlers.faqkb.ENGINE.startswith("compiled (")
    assert (matcher.__file__ or "").endswith(SUFFIX) == here_compiled
    env = {**os.environ, compiled.SWITCH: "0" if here_compiled else "1", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", OTHER_VERDICTS], capture_output=True, text=True, cwd=ROOT, env=env, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    other = json.loads(done.stdout)
    assert other["engine"].startswith("compiled (") != here_compiled and other["file"].endswith(SUFFIX) != here_compiled, other["engine"]
    ours = verdicts(FaqEngine.from_file(DEFAULT_FAQ_PATH))
    assert len(ours) > 20_000
    differing = [(a, b) for a, b in zip(ours, other["verdicts"], strict=True) if a != b]
    assert not differing, differing[:5]
