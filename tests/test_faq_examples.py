"""The FAQ examples file: ways people ask each topic, and questions near a topic that its answer does not hold."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.config import DEFAULT_FAQ_PATH
from handlers.faqkb.knowledge import FaqError, load_file
from handlers.faqkb.matcher import FaqEngine
from tests.conftest import clean_env, copy_faq

ROOT = Path(__file__).resolve().parent.parent

BASE = """
[examples]
file = "contoh.tsv"

[[entry]]
id = "jadwal"
topic_id = "Jadwal Bimtek"
topic_en = "Bimtek dates"
questions = ["kapan bimtek pmo", "jadwal bimtek"]
answer_id = "Bimtek PMO dilaksanakan 8–11 Maret 2022 lewat Zoom."
answer_en = "The PMO Bimtek ran on 8–11 March 2022 on Zoom."

[[entry]]
id = "syarat"
topic_id = "Syarat"
topic_en = "Requirements"
questions = ["syarat kepala sekolah ikut psp", "persyaratan calon kepala sekolah penggerak"]
answer_id = "Kepala sekolah berstatus definitif dengan sisa masa tugas minimal 4 tahun."
answer_en = "A principal with definitive status and at least 4 years of service left."
"""


def write_base(folder: Path, examples: str) -> Path:
    path = folder / "faq.toml"
    path.write_text(BASE, encoding="utf-8")
    (folder / "contoh.tsv").write_text(examples, encoding="utf-8")
    return path


def test_examples_and_near_misses_are_attached_to_their_entries(tmp_path: Path) -> None:
    path = write_base(tmp_path, "# comment\n\njadwal\tbimteknya tgl brp ya\n!jadwal\tsiapa moderator bimtek hari ketiga\nsyarat\tsy plt, blh ikut?\n")
    base = load_file(path)
    by_id = {e.id: e for e in base.entries}
    assert by_id["jadwal"].examples == ("bimteknya tgl brp ya",) and by_id["jadwal"].lacks == ("siapa moderator bimtek hari ketiga",)
    assert by_id["syarat"].examples == ("sy plt, blh ikut?",) and by_id["syarat"].lacks == ()
    assert base.examples_path == tmp_path / "contoh.tsv"


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("jadwl\tbimtek kapan", "no entry has the id 'jadwl'"),
        ("jadwal bimtek kapan", "needs an entry id, a tab, then the message"),
        ("jadwal\t   ", "needs an entry id, a tab, then the message"),
        ("!jadwl\tsiapa moderatornya", "no entry has the id 'jadwl'"),
        ("jadwal\t" + "x" * 501, "message longer than 500 characters"),
    ],
)
def test_a_bad_example_line_is_named_with_its_line_number(tmp_path: Path, line: str, problem: str) -> None:
    path = write_base(tmp_path, f"jadwal\tbimtek tgl brp\n{line}\n")
    with pytest.raises(FaqError) as caught:
        load_file(path)
    assert caught.value.problems == [f"contoh.tsv line 2: {problem}"]


@pytest.mark.parametrize("name", ["/etc/passwd", "../contoh.tsv", "", 3])
def test_the_examples_file_must_sit_beside_the_knowledge_base(tmp_path: Path, name: object) -> None:
    path = tmp_path / "faq.toml"
    value = f'"{name}"' if isinstance(name, str) else str(name)
    path.write_text(BASE.replace('file = "contoh.tsv"', f"file = {value}"), encoding="utf-8")
    with pytest.raises(FaqError, match=r"\[examples\] file must be a file name beside the knowledge base"):
        load_file(path)


def test_a_missing_examples_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "faq.toml"
    path.write_text(BASE, encoding="utf-8")
    with pytest.raises(FaqError, match="contoh.tsv: cannot be read"):
        load_file(path)


def test_an_example_teaches_a_wording_the_questions_lack(tmp_path: Path) -> None:
    # "ngiring" (Balinese: to take part) and "nunas" are in no question: without the example the
    # message is not understood; with it, the requirements are the answer
    text = "tiang nunas napi manten sane patut kasiapang yening jagi ngiring"
    without = FaqEngine.from_file(write_base(tmp_path, ""))
    assert without.match(text).outcome != "answer"
    taught = FaqEngine.from_file(write_base(tmp_path, "syarat\tnapi manten sane patut kasiapang yening tiang jagi ngiring psp\n"))
    match = taught.match(text)
    assert match.outcome == "answer" and match.entry is not None and match.entry.id == "syarat", match


def test_a_near_miss_is_forwarded_instead_of_answered_with_its_topic(tmp_path: Path) -> None:
    question = "siapa moderator bimtek pmo di sesi penutupan"
    before = FaqEngine.from_file(write_base(tmp_path, "jadwal\tbimtek pmo sesi pembukaan kapan\n"))
    assert before.match(question).outcome == "answer"
    after = FaqEngine.from_file(write_base(tmp_path, "jadwal\tbimtek pmo sesi pembukaan kapan\n!jadwal\tmoderator bimtek sesi penutupan siapa\n"))
    assert after.match(question).outcome == "forward"
    # the topic's own questions are still answered
    match = after.match("kapan bimtek pmo")
    assert match.outcome == "answer" and match.entry is not None and match.entry.id == "jadwal"


def test_an_example_two_topics_read_the_same_teaches_nothing(tmp_path: Path) -> None:
    # "siapa yg ikut" and "ikut gmn" both read as "ikut": the question word that told them apart is
    # not a word the matcher weighs, so neither example may pull a message to its topic
    engine = FaqEngine.from_file(write_base(tmp_path, "jadwal\tikut kapan\nsyarat\tikut gmn\njadwal\tbimtek pmo tgl brp\nsyarat\tbimtek?\n"))
    index = engine._index
    assert all(("ikut",) not in {v for v, _ in variants} for variants in index.variants)
    # …and `faq check` can say which and why
    assert engine.left_out == (
        ("jadwal", "ikut kapan", "reads the same as a way of asking syarat"),
        ("syarat", "ikut gmn", "reads the same as a way of asking jadwal"),
        ("syarat", "bimtek?", "one word other topics use (bimtek)"),
    )


@pytest.mark.parametrize("apart", [False, True])
def test_the_engine_reloads_when_only_the_examples_file_changes(tmp_path: Path, apart: bool) -> None:
    path = write_base(tmp_path, "")
    engine = FaqEngine.from_file(path, apart=apart)
    text = "tiang nunas napi manten sane patut kasiapang yening jagi ngiring"
    assert engine.match(text).outcome != "answer"
    examples = tmp_path / "contoh.tsv"
    examples.write_text("syarat\tnapi manten sane patut kasiapang yening tiang jagi ngiring psp\n", encoding="utf-8")
    os.utime(examples, (time.time() + 5, time.time() + 5))
    assert engine.maybe_reload(every=0)
    assert engine.match(text).outcome == "answer"
    # a broken examples file keeps the base that works
    examples.write_text("tidak-ada\tapa ini\n", encoding="utf-8")
    os.utime(examples, (time.time() + 10, time.time() + 10))
    assert not engine.maybe_reload(every=0)
    assert engine.match(text).outcome == "answer"


def test_an_index_built_in_a_child_process_answers_exactly_as_one_built_here() -> None:
    here = FaqEngine.from_file(DEFAULT_FAQ_PATH)
    apart = FaqEngine.from_file(DEFAULT_FAQ_PATH, apart=True)
    assert [e.id for e in apart.entries] == [e.id for e in here.entries] and apart.left_out == here.left_out
    lines = (ROOT / "tests/data/faq-heldout-10.tsv").read_text(encoding="utf-8").splitlines()
    for text in [line.split("\t")[1] for line in lines if line and not line.startswith("#")]:
        a, b = apart.match(text), here.match(text)
        seen = [(m.outcome, m.entry and m.entry.id, m.score, [e.id for e in m.suggestions]) for m in (a, b)]
        assert seen[0] == seen[1], text


def test_a_child_process_reports_a_bad_or_missing_file_as_reading_it_here_does(tmp_path: Path) -> None:
    path = write_base(tmp_path, "tidak-ada\tapa ini\n")
    with pytest.raises(FaqError, match="tidak-ada"):
        FaqEngine.from_file(path, apart=True)
    with pytest.raises(FileNotFoundError):
        FaqEngine.from_file(tmp_path / "nowhere.toml", apart=True)


def test_without_a_child_process_the_index_is_built_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    path = write_base(tmp_path, "syarat\tnapi manten sane patut kasiapang yening tiang jagi ngiring psp\n")
    monkeypatch.setattr(sys, "executable", str(tmp_path / "no-python"))
    engine = FaqEngine.from_file(path, apart=True)
    assert "indexing it here" in caplog.text
    assert engine.match("tiang nunas napi manten sane patut kasiapang yening jagi ngiring").outcome == "answer"


def test_the_shipped_examples_load_and_faq_check_counts_them() -> None:
    base = load_file(DEFAULT_FAQ_PATH)
    examples = sum(len(e.examples) for e in base.entries)
    lacks = sum(len(e.lacks) for e in base.entries)
    assert examples >= 3000 and lacks >= 500
    # every topic has ways of asking it written by people who never saw its questions
    assert all(len(e.examples) >= 20 for e in base.entries)
    result = subprocess.run([sys.executable, "-m", "bot", "faq", "check"], capture_output=True, text=True, cwd=ROOT, env=clean_env(), timeout=60)
    assert result.returncode == 0, result.stderr
    assert f"{examples} examples" in result.stdout


def test_faq_check_names_a_bad_examples_line(tmp_path: Path) -> None:
    kb = copy_faq(tmp_path / "data")
    with (tmp_path / "data" / "faq-examples.tsv").open("a", encoding="utf-8") as fh:
        fh.write("bimtek-jadwl\tbimtek kapan\n")
    command = [sys.executable, "-m", "bot", "faq", "check", "--file", str(kb)]
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=clean_env(), timeout=60)
    assert result.returncode == 1 and "no entry has the id 'bimtek-jadwl'" in result.stderr


def test_faq_check_lists_the_examples_it_leaves_out(tmp_path: Path) -> None:
    kb = copy_faq(tmp_path / "data")
    with (tmp_path / "data" / "faq-examples.tsv").open("a", encoding="utf-8") as fh:
        fh.write("bimtek-jadwal\tbimtek??\n")
    command = [sys.executable, "-m", "bot", "faq", "check", "--file", str(kb), "--all"]
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=clean_env(), timeout=60)
    assert result.returncode == 0, result.stderr  # a notice, not a problem
    assert "teach nothing and are left out" in result.stdout
    # "bimtek" alone: another topic's example reads the same, and other topics use the word
    assert "bimtek-jadwal: 'bimtek??' — " in result.stdout
