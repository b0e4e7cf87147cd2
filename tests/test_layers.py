"""The imports between the project's modules point down the layers, and never in a circle.

The layers, bottom to top (README "Develop" draws them). A module may import modules of its own
layer or of lower ones; every project module must be placed in one.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("bot", "handlers", "models", "scheduler")

LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("vocabulary and settings", ("bot.enums", "bot.messages", "bot.logs", "bot.metrics", "bot.i18n", "bot.config", "bot.dates")),
    ("storage", ("models",)),
    ("dependencies handed to handlers", ("bot.services",)),
    ("decisions", ("handlers",)),
    ("background work", ("scheduler",)),
    ("edges: transports and the per-contact lanes", ("bot.http", "bot.web", "bot.channels", "bot.core")),
    ("assembly", ("bot.app", "bot.__main__")),
)


def project_modules() -> dict[str, Path]:
    """Every module of the project by dotted name."""
    modules = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            modules[".".join(parts)] = path
    return modules


def imports_of(path: Path, modules: dict[str, Path]) -> set[str]:
    """The project modules ``path`` imports anywhere (top level, in functions, under TYPE_CHECKING)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            # ``from handlers import admin`` imports the module handlers.admin
            names = [f"{node.module}.{alias.name}" for alias in node.names] + [node.module]
        else:
            continue
        for name in names:
            while name and name not in modules:
                name = name.rpartition(".")[0]
            if name:
                found.add(name)
    return found


def layer_of(module: str) -> int:
    """The index of the layer whose most specific prefix names ``module``."""
    best, length = -1, -1
    for index, (_, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > length:
                best, length = index, len(prefix)
    return best


def import_graph() -> dict[str, set[str]]:
    """Module → the project modules it imports (packages' own ``__init__`` left out)."""
    modules = project_modules()
    return {name: imports_of(path, modules) - {name} - set(PACKAGES) for name, path in modules.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_every_module_has_a_layer() -> None:
    unplaced = sorted(m for m in project_modules() if m not in PACKAGES and layer_of(m) < 0)
    assert not unplaced, f"place these modules in a layer of tests/test_layers.py: {unplaced}"


def test_imports_point_down() -> None:
    upward = [
        f"{module} ({LAYERS[layer_of(module)][0]}) imports {target} ({LAYERS[layer_of(target)][0]})"
        for module, targets in sorted(import_graph().items())
        for target in sorted(targets)
        if layer_of(target) > layer_of(module)
    ]
    assert not upward, "\n".join(upward)


def test_no_import_circle() -> None:
    assert cycles(import_graph()) == []


def test_the_checks_see_a_circle_and_an_upward_import() -> None:
    # The checks themselves: a made-up circle is found, and a handler importing the app is upward.
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert layer_of("handlers.router") < layer_of("bot.app")
    assert layer_of("bot.messages") < layer_of("models.tables") < layer_of("bot.services") < layer_of("handlers.faq")
    assert "handlers.forms" in imports_of(ROOT / "handlers" / "router.py", project_modules())
