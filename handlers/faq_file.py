"""Growing the knowledge base from the staff inbox ("Jadikan FAQ"): a new entry, or a new question variant.

The file is edited as text, so its comments and layout stay as the editors wrote them. The new
content is checked as ``psp-bot faq check`` checks it (the knowledge base's own loader, and the
fact audit against ``sources/`` beside the file: a new problem is refused) and compared with the
old: exactly the one change must show, nothing else. Only then does it replace the file,
atomically; a result that fails is refused and the file stays as it was. A new entry names
``sources = ["bot"]``: what staff wrote for the bot to say, holding no date, number or link the
sources do not hold.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import threading
import tomllib
from pathlib import Path

from bot.i18n import own_texts
from handlers.faqkb.knowledge import FaqEntry, FaqError, audit_sources, parse_decline, parse_domain, parse_entries

# Read, change, check and replace as one step: two admins saving at once must not lose one change.
_EDITING = threading.Lock()
_QUESTIONS_RE = re.compile(r'^questions\s*=\s*\[((?:\s*"(?:[^"\\\n]|\\.)*"\s*,?)*\s*)\]', re.MULTILINE)


def _toml_string(text: str) -> str:
    # A JSON string is a valid TOML basic string (same escapes: \" \\ \n \t \uXXXX).
    return json.dumps(text, ensure_ascii=False)


def validate_text(text: str) -> dict[str, FaqEntry]:
    """The entries of knowledge-base text, by id; raises :class:`FaqError` as the loader would."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise FaqError([f"not valid TOML ({exc})"]) from None
    entries = parse_entries(data)
    parse_decline(data)
    parse_domain(data)
    return {e.id: e for e in entries}


def _audit(path: Path, before: dict[str, FaqEntry], after: dict[str, FaqEntry]) -> None:
    """The fact audit of ``faq check``: refuse what the change adds to its problems."""
    sources = path.parent / "sources"
    try:
        facts = (sources / "psp-facts.md").read_text(encoding="utf-8")
        seed = (sources / "seed-article.txt").read_text(encoding="utf-8")
    except OSError:
        return  # a knowledge base kept without its sources is checked by the loader alone
    bot = own_texts()
    new = set(audit_sources(list(after.values()), facts, seed, bot)) - set(audit_sources(list(before.values()), facts, seed, bot))
    if new:
        raise FaqError(sorted(new))


def _replace_file(path: Path, text: str) -> None:
    """Write ``text`` to a temporary file beside ``path``, then move it over ``path`` in one step."""
    mode = path.stat().st_mode & 0o777
    fd, tmp = tempfile.mkstemp(prefix=".faq-", suffix=".toml", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _same_except(before: dict[str, FaqEntry], after: dict[str, FaqEntry], changed: str) -> bool:
    return all(after.get(k) == v for k, v in before.items() if k != changed) and set(after) - {changed} == set(before) - {changed}


def add_variant(path: Path, entry_id: str, question: str) -> None:
    """Add ``question`` to the question variants of entry ``entry_id``."""
    with _EDITING:
        _add_variant(path, entry_id, question)


def _add_variant(path: Path, entry_id: str, question: str) -> None:
    question = " ".join(question.split())
    text = path.read_text(encoding="utf-8")
    before = validate_text(text)
    entry = before.get(entry_id)
    if entry is None:
        raise FaqError([f"entry '{entry_id}' does not exist"])
    if question in entry.questions:
        return
    start = re.search(rf'^id\s*=\s*"{re.escape(entry_id)}"\s*$', text, re.MULTILINE)
    if start is None:
        raise FaqError([f"entry '{entry_id}' is not written as id = \"{entry_id}\""])
    following = text.find("[[", start.end())
    match = _QUESTIONS_RE.search(text, start.end(), following if following >= 0 else len(text))
    if match is None:
        raise FaqError([f"entry '{entry_id}': its questions list is not a plain list of texts"])
    inner = match.group(1).rstrip()
    separator = "" if not inner.strip() or inner.endswith(",") else ","
    new_text = f"{text[: match.start(1)]}{inner}{separator}\n  {_toml_string(question)},\n{text[match.end(1) :]}"
    after = validate_text(new_text)
    if after[entry_id].questions != (*entry.questions, question) or not _same_except(before, after, entry_id):
        raise FaqError([f"entry '{entry_id}': the file did not take the new question cleanly"])
    _audit(path, before, after)
    _replace_file(path, new_text)


def new_entry_id(topic: str, taken: set[str]) -> str:
    """An id from the topic label (lower case, dashes), unique in the file."""
    slug = re.sub(r"[^a-z0-9]+", "-", topic.lower()).strip("-")[:32] or "topik"
    candidate, n = slug, 2
    while candidate in taken:
        candidate, n = f"{slug}-{n}", n + 1
    return candidate


def add_entry(path: Path, topic: str, question: str, answer_id: str, answer_en: str, topic_en: str = "") -> str:
    """Append a new entry with one question variant; return its id."""
    with _EDITING:
        return _add_entry(path, topic, question, answer_id, answer_en, topic_en)


def _add_entry(path: Path, topic: str, question: str, answer_id: str, answer_en: str, topic_en: str) -> str:
    text = path.read_text(encoding="utf-8")
    before = validate_text(text)
    question = " ".join(question.split())
    for entry in before.values():
        # Written already: the save is being repeated (the update that made it is handled again
        # when its transaction failed), and a second copy would be the same topic twice.
        if entry.topic.get("id") == topic.strip() and entry.answer.get("id") == answer_id.strip() and question in entry.questions:
            return entry.id
    entry_id = new_entry_id(topic, set(before))
    block = "\n".join(
        [
            "",
            "[[entry]]",
            f"id = {_toml_string(entry_id)}",
            'sources = ["bot"]',
            f"topic_id = {_toml_string(topic.strip())}",
            f"topic_en = {_toml_string((topic_en or topic).strip())}",
            f"questions = [\n  {_toml_string(question)},\n]",
            f"answer_id = {_toml_string(answer_id.strip())}",
            f"answer_en = {_toml_string(answer_en.strip())}",
            "",
        ]
    )
    new_text = text.rstrip("\n") + "\n" + block
    after = validate_text(new_text)
    if entry_id not in after or not _same_except(before, after, entry_id):
        raise FaqError([f"entry '{entry_id}': the file did not take the new entry cleanly"])
    _audit(path, before, after)
    _replace_file(path, new_text)
    return entry_id
