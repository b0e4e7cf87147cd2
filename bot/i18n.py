"""User-facing text: every string lives in ``bot/locales/<lang>.toml``."""

from __future__ import annotations

import string
import tomllib
from pathlib import Path
from typing import Any

LOCALES = Path(__file__).resolve().parent / "locales"


def _flatten(data: dict[str, Any], prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, name + "."))
        else:
            flat[name] = str(value)
    return flat


def own_texts(directory: Path = LOCALES) -> str:
    """Everything the bot says, every language: what a knowledge-base answer citing "bot" may repeat."""
    return "\n".join(file.read_text(encoding="utf-8") for file in sorted(directory.glob("*.toml")))


def placeholders(text: str) -> set[str]:
    """The ``{name}`` fields used in a template."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


class I18n:
    """Looks up and fills templates per language; missing keys fall back to Indonesian."""

    def __init__(self, directory: Path = LOCALES, default: str = "id") -> None:
        self.default = default
        self.texts: dict[str, dict[str, str]] = {}
        for file in sorted(directory.glob("*.toml")):
            with file.open("rb") as fh:
                self.texts[file.stem] = _flatten(tomllib.load(fh))
        if default not in self.texts:
            raise RuntimeError(f"no locale file for the default language {default!r}")

    @property
    def languages(self) -> list[str]:
        """Languages with a locale file."""
        return sorted(self.texts)

    def t(self, lang: str, key: str, **values: Any) -> str:
        """The text for ``key`` in ``lang``, with ``values`` filled in."""
        table = self.texts.get(lang) or self.texts[self.default]
        template = table.get(key) or self.texts[self.default].get(key)
        if template is None:
            raise KeyError(f"no text for {key!r}")
        return template.format(**values) if values else template
