"""The FAQ engine's busy modules compiled to C with mypyc: used whenever a build matches the sources.

mypyc (part of mypy) turns type-annotated Python into C extension modules: the same code giving
the same verdicts (``tests/test_faq_compiled.py`` compares both on every public query row), with
about a quarter fewer instructions per question — SPEC's p99 under 1 ms with 300 entries is met
compiled, not plain — for about 1.5 MB more resident memory (the idle bot stays under SPEC's
100 MB either way; BENCHMARKS.md). ``make run`` and ``make test`` build it when a C compiler is
there; ``PSP_FAQ_COMPILED=0`` turns it off. The build is kept out of the source tree, in
``<sys.prefix>/psp-bot-compiled/<python tag>/`` (``PSP_FAQ_COMPILED_DIR`` moves it), beside a
manifest of the digest of this package's sources.

On import, :mod:`handlers.faqkb` puts that folder first on its ``__path__`` only when

- ``PSP_FAQ_COMPILED`` is not ``0``;
- the manifest's digest is that of the sources now (one edited file and the whole package runs as
  plain Python until rebuilt: an edit never runs as stale C);
- every module's extension is there, and the group's shared library loads.

Otherwise the plain modules run, unchanged. ``psp-bot faq compile [--if-stale]`` builds (it needs
mypy, setuptools and a C compiler; ``make compiled`` does it); ``psp-bot faq check`` says which runs.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.machinery
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

# The modules a message goes through (knowledge.py only loads the data file, once).
MODULES = ("normalise", "matcher", "smalltalk", "language", "affixes", "lexicon")
PACKAGE = "handlers.faqkb"
GROUP = f"{PACKAGE}.native"  # the shared library all of them live in: handlers/faqkb/native__mypyc
SWITCH = "PSP_FAQ_COMPILED"
PLACE = "PSP_FAQ_COMPILED_DIR"
MANIFEST = "manifest.json"


def source_dir() -> Path:
    """This package's folder (its sources)."""
    return Path(__file__).resolve().parent


def compiled_dir() -> Path:
    """Where this interpreter's build lives (the package's layout below it)."""
    base = Path(os.environ.get(PLACE) or Path(sys.prefix) / "psp-bot-compiled")
    return base / sys.implementation.cache_tag / "handlers" / "faqkb"


def sources_digest(folder: Path | None = None) -> str:
    """SHA-256 over every source file of the package, names and contents (any edit changes it)."""
    folder = folder or source_dir()
    digest = hashlib.sha256()
    for path in sorted(folder.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _extension(folder: Path, name: str) -> Path | None:
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        if (folder / f"{name}{suffix}").is_file():
            return folder / f"{name}{suffix}"
    return None


def state(folder: Path | None = None, sources: Path | None = None) -> tuple[bool, str]:
    """Whether the build in ``folder`` may run, and why (or why not), in words for the operator."""
    if os.environ.get(SWITCH, "").strip() == "0":
        return False, f"plain Python (the compiled engine is off: {SWITCH}=0)"
    return matches_sources(folder, sources)


def matches_sources(folder: Path | None = None, sources: Path | None = None) -> tuple[bool, str]:
    """Whether ``folder`` holds a build of the sources as they are now, for this Python, and why (or why not)."""
    folder = folder or compiled_dir()
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return False, "plain Python (not built: psp-bot faq compile builds it)"
    except (OSError, ValueError) as exc:
        return False, f"plain Python (unreadable manifest in {folder}: {exc})"
    if not isinstance(manifest, dict) or manifest.get("sources") != sources_digest(sources):
        return False, f"plain Python (the sources changed since the build in {folder}: rebuild: psp-bot faq compile)"
    if manifest.get("python") != sys.implementation.cache_tag:
        return False, f"plain Python (built for {manifest.get('python')}, this is {sys.implementation.cache_tag})"
    missing = [name for name in (*MODULES, GROUP.rpartition(".")[2] + "__mypyc") if _extension(folder, name) is None]
    if missing:
        return False, f"plain Python (missing in {folder}: {', '.join(missing)})"
    return True, f"compiled ({folder})"


def use(package_path: list[str]) -> str:
    """Put a usable build first on the package's path (called by ``handlers/faqkb/__init__.py``); says which runs."""
    usable, why = state()
    if not usable:
        return why
    folder = str(compiled_dir())
    package_path.insert(0, folder)
    try:
        importlib.import_module(f"{GROUP}__mypyc")  # (all the compiled code: if it loads, the modules do)
    except ImportError as exc:
        package_path.remove(folder)
        return f"plain Python (the build in {folder} does not load: {exc})"
    return why


def build(if_stale: bool = False) -> int:
    """Compile the modules into :func:`compiled_dir`; 0 when built (or fresh already), 1 when it could not."""
    fresh, why = matches_sources()
    if if_stale and fresh:
        print(f"FAQ engine: {why}, up to date")
        return 0
    try:
        from mypyc.build import mypycify
        from setuptools import Distribution
    except ImportError as exc:
        print(f"FAQ engine: cannot compile ({exc}); install mypy and setuptools (the test extra has both). It runs as plain Python.")
        return 1
    if shutil.which(os.environ.get("CC", "cc")) is None:
        print("FAQ engine: cannot compile: no C compiler (cc) on PATH. It runs as plain Python.")
        return 1
    root = source_dir().parent.parent
    digest = sources_digest()
    target = compiled_dir()
    with tempfile.TemporaryDirectory(prefix="psp-mypyc-") as scratch:
        here = Path.cwd()
        os.chdir(root)  # (mypyc names the modules by their paths from the project's root)
        log = Path(scratch) / "build.log"
        sys.stdout.flush()
        sys.stderr.flush()
        saved = os.dup(1), os.dup(2)
        with log.open("wb") as sink:  # (mypy's and the compiler's lines, shown only when it fails)
            os.dup2(sink.fileno(), 1)
            os.dup2(sink.fileno(), 2)
        try:
            extensions = mypycify(
                [f"handlers/faqkb/{name}.py" for name in MODULES], opt_level="3", group_name=GROUP, target_dir=str(Path(scratch) / "c")
            )
            # A bare Distribution: setup() would read pyproject.toml, which describes the whole project.
            dist = Distribution({"name": "psp-bot-faqkb", "ext_modules": extensions})
            command = dist.get_command_obj("build_ext")
            command.build_lib = str(Path(scratch) / "lib")  # type: ignore[attr-defined]
            command.build_temp = str(Path(scratch) / "tmp")  # type: ignore[attr-defined]
            dist.run_command("build_ext")
        except (Exception, SystemExit) as exc:  # (a compiler error surfaces as SystemExit or CompileError)
            failure: BaseException | None = exc
        else:
            failure = None
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os.dup2(saved[0], 1)
            os.dup2(saved[1], 2)
            os.close(saved[0])
            os.close(saved[1])
            os.chdir(here)
        if failure is not None:
            lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
            shown = [line for line in lines if "warning: Treating generator" not in line][-30:]
            print("\n".join(shown))
            print(f"FAQ engine: compiling failed ({type(failure).__name__}: {failure}). It runs as plain Python.")
            return 1
        built = Path(scratch) / "lib" / "handlers" / "faqkb"
        if sources_digest() != digest:
            print("FAQ engine: the sources changed while compiling; run the build again.")
            return 1
        if target.exists():
            shutil.rmtree(target)
        target.mkdir(parents=True)
        for path in built.iterdir():
            shutil.copy2(path, target / path.name)
    manifest = {"sources": digest, "python": sys.implementation.cache_tag, "modules": list(MODULES)}
    (target / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    print(f"FAQ engine: compiled into {target}" + (f" (not used while {SWITCH}=0)" if os.environ.get(SWITCH, "").strip() == "0" else ""))
    return 0
