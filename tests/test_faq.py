from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from bot.config import DEFAULT_FAQ_PATH
from handlers.faqkb.knowledge import FaqError, load_file, parse_entries
from handlers.faqkb.matcher import FaqEngine
from handlers.faqkb.normalise import Vocabulary, raw_tokens
from tests.conftest import SHARED, Harness, clean_env, copy_faq, labels, text_of
from tests.faq_scoring import score_file

DATA = Path(__file__).resolve().parent / "data"
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def engine() -> FaqEngine:
    return FaqEngine.from_file(DEFAULT_FAQ_PATH)


def test_knowledge_base_is_valid_and_covers_the_facts(engine: FaqEngine) -> None:
    base = load_file(DEFAULT_FAQ_PATH)
    entries, decline = base.entries, base.decline
    assert len(entries) >= 40 and decline
    ids = {e.id for e in entries}
    for needed in [
        "angkatan-1",
        "angkatan-3",
        "bimtek-jadwal",
        "bimtek-materi",
        "syarat-kepsek",
        "usia",
        "plt",
        "seleksi-tahapan",
        "komite-pembelajaran",
        "pelatih-ahli",
        "dana",
        "pmo-apa",
        "kecamatan",
        "zona-waktu",
        "daftar-cara",
    ]:
        assert needed in ids, needed
    for entry in entries:
        assert entry.answer["id"] and entry.answer["en"]
    # officials' names live in the data file, not in code
    for folder in ("bot", "handlers", "models"):
        for file in (ROOT / folder).rglob("*.py"):
            assert "Astika" not in file.read_text() and "Bharata" not in file.read_text(), file


@pytest.mark.skipif(not (SHARED / "faq-dev-queries.tsv").exists(), reason="shared dev query set not present")
def test_dev_query_set(engine: FaqEngine) -> None:
    score = score_file(engine, SHARED / "faq-dev-queries.tsv")
    assert score.in_rate >= 0.9, score.misses
    assert score.out_rate >= 0.9, score.misses


def test_own_query_set_with_typos_and_slang(engine: FaqEngine) -> None:
    score = score_file(engine, DATA / "faq-queries.tsv")
    assert score.in_total >= 100 and score.out_total >= 25
    assert score.in_rate >= 0.9, score.misses
    assert score.out_rate >= 0.9, score.misses


def test_holdout_set_never_tuned_on(engine: FaqEngine) -> None:
    score = score_file(engine, DATA / "faq-holdout.tsv")
    # An estimate of accuracy on unseen phrasing; a guard against regressions, not a target.
    assert score.in_rate >= 0.8, score.misses
    assert score.out_rate == 1.0, score.misses


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("angkatan 3", "angkatan III"),
        ("angkatan tiga", "Angkatan-III"),
        ("angkatan ketiga", "angkatan ke 3"),
        ("gmn cara daftar", "bagaimana cara daftar"),
        ("kepsek", "kepala sekolah"),
        ("korwil", "koordinator wilayah"),
        ("tgl brp", "tanggal berapa"),
        ("minimal lima", "minimal 5"),
    ],
)
def test_normaliser_equivalences(a: str, b: str) -> None:
    assert raw_tokens(a) == raw_tokens(b)


def test_affixes_typos_and_joined_words(engine: FaqEngine) -> None:
    vocab = Vocabulary({"daftar", "jenjang", "bimtek", "pmo", "laksana", "dampingi"})
    assert vocab.canonical("pendaftaran") == "daftar"
    assert vocab.canonical("mendaftar") == "daftar"
    assert vocab.canonical("dilaksanakan") == "laksana"
    # men-/mem- before a vowel hides a t or p; only meng-/peng- may stand before the vowel itself
    nasal = Vocabulary({"tangan", "angan", "pakai", "isi", "ajar"})
    assert (nasal.canonical("menangani"), nasal.canonical("penanganan"), nasal.canonical("memakai")) == ("tangan", "tangan", "pakai")
    assert (nasal.canonical("mengisi"), nasal.canonical("pengajaran")) == ("isi", "ajar")
    assert vocab.correct("jenjnag") == "jenjang"
    assert vocab.correct("acara") is None  # a real word is not "corrected" into another
    assert vocab.split_joined("bimtekpmo") == ["bimtek", "pmo"]
    assert engine.match("jenjnag apa sj yg ikut psp").entry.id == "psp-jenjang"  # type: ignore[union-attr]
    assert engine.match("bimtekpmo kapan").entry.id == "bimtek-jadwal"  # type: ignore[union-attr]
    assert engine.match("When is registration for PSP cohort III opened?").entry.id in {"pendaftaran-jadwal", "seleksi-tahapan"}  # type: ignore[union-attr]


def test_out_of_scope_and_other_programmes_are_declined(engine: FaqEngine) -> None:
    for text in ["harga cabai hari ini", "daftar guru penggerak kapan", "jadwal kapal ke lombok", "🙂🙂", "?!", "", "a" * 5000]:
        assert engine.match(text).entry is None, text


def test_validation_reports_every_problem() -> None:
    good = {"id": "a", "topic_id": "A", "topic_en": "A", "questions": ["q"], "answer_id": "x", "answer_en": "y"}
    with pytest.raises(FaqError) as err:
        parse_entries({"entry": [good, dict(good), {**good, "id": "b", "answer_en": " "}, {**good, "id": "c", "follow_up": ["zzz"]}, {**good, "id": "Bad Id"}]})
    text = " ".join(err.value.problems)
    assert "duplicate id" in text and "answer_en is missing or empty" in text and "'zzz' does not exist" in text and "'Bad Id'" in text
    with pytest.raises(FaqError):
        parse_entries({})


def test_matching_is_fast_enough_for_a_chat(engine: FaqEngine) -> None:
    # Functional check only (the measured figure lives in bench/bench_faq.py and BENCHMARKS.md).
    started = time.perf_counter()
    for _ in range(50):
        engine.match("syarat kepsek daftar psp apa aj")
    assert time.perf_counter() - started < 5


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = clean_env()
    return subprocess.run([sys.executable, "-m", "bot", *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=60)


def test_cli_ask_json_needs_no_config(tmp_path: Path) -> None:
    env_root = str(ROOT)
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            f"import sys; sys.path.insert(0, {env_root!r}); from bot.__main__ import main; sys.exit(main(sys.argv[1:]))",
            "ask",
            "kpn bimtek pmo",
            "--json",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"faq_id", "score", "answer"} and data["faq_id"] == "bimtek-jadwal" and "8" in data["answer"]
    result = run_cli("ask", "resep nasi goreng", "--json", cwd=ROOT)
    data = json.loads(result.stdout)
    assert data["faq_id"] is None and isinstance(data["score"], float) and "PSP" in data["answer"]
    result = run_cli("ask", "Can private schools join?", "--lang", "en", cwd=ROOT)
    assert "private" in result.stdout.lower()


def test_cli_faq_check(tmp_path: Path) -> None:
    assert run_cli("faq", "check", cwd=ROOT).returncode == 0
    bad = tmp_path / "bad.toml"
    bad.write_text('[[entry]]\nid = "x"\nquestions = ["q"]\n')
    result = run_cli("faq", "check", "--file", str(bad), cwd=ROOT)
    assert result.returncode == 1 and "answer_id is missing" in result.stderr


# -- in the conversation ------------------------------------------------------------------


async def test_question_answered_with_follow_up_topics(harness: Harness) -> None:
    replies = await harness.say("telegram:600", "bimtek pmo tgl brp ya")
    assert "8–11 Maret 2022" in replies[0].text
    assert "Materi Bimtek PMO" in labels(replies)
    follow = await harness.press("telegram:600", "Materi Bimtek PMO")
    assert "Digitalisasi Sekolah" in text_of(follow)
    await harness.say("telegram:600", "/bahasa en")
    assert "March 2022" in text_of(await harness.say("telegram:600", "kapan bimtek pmo"))


async def test_low_confidence_offers_topics_and_records_the_question(harness: Harness) -> None:
    replies = await harness.say("telegram:601", "kapan ada pelatihan operator dapodik")
    assert "belum yakin" in text_of(replies)
    topic_buttons = [b for r in replies for b in r.all_buttons() if b.payload.startswith("faq:")]
    assert 2 <= len(topic_buttons) <= 3
    replies = await harness.payload("telegram:601", topic_buttons[0].payload)
    assert replies and "tidak berlaku" not in text_of(replies)
    declined = await harness.say("telegram:601", "resep ayam betutu")
    assert "hanya dapat menjawab" in text_of(declined)


async def test_admin_sees_grouped_questions_and_answer_reaches_askers(harness: Harness) -> None:
    for who, text in [
        ("telegram:700", "kapan pelatihan operator dapodik?"),
        ("telegram:701", "Kapan pelatihan operator Dapodik"),
        ("telegram:700", "kapan pelatihan operator dapodik"),
        ("whatsapp:6281234567890", "kapan ada tunjangan kepala sekolah penggerak"),
    ]:
        await harness.say(who, text)
    refused = await harness.say("telegram:700", "/pertanyaan")
    assert "tidak tersedia" in text_of(refused)
    listing = await harness.say("telegram:1", "/pertanyaan")
    assert "(3×)" in text_of(listing) and "(1×)" in text_of(listing)
    assert text_of(listing).index("(3×)") < text_of(listing).index("(1×)")
    await harness.press("telegram:1", "1")
    await harness.press("telegram:1", "Balas")
    assert "2 penanya" in text_of(harness.last["telegram:1"])
    preview = await harness.say("telegram:1", "Pelatihan operator Dapodik diumumkan lewat surat edaran bulan depan.")
    assert "Pratinjau" in text_of(preview) and "surat edaran bulan depan" in text_of(preview)
    sent = await harness.press("telegram:1", "Kirim")
    assert "dikirim ke 2 penanya" in text_of(sent)
    from scheduler.outbox import OutboxSender

    sender = OutboxSender(harness.services, per_chat_seconds=0)
    while await sender.run_once():
        pass
    delivered = [(who, r.text) for who, r in harness.channels["telegram"].delivered if r.text.startswith("Jawaban dari Tim PMO")]
    assert {who for who, _ in delivered} == {"700", "701"}
    assert all("surat edaran bulan depan" in text for _, text in delivered)
    listing = await harness.say("telegram:1", "/pertanyaan")
    assert "(3×)" not in text_of(listing) and "tunjangan" in text_of(listing)
    # a stale "Balas" press for the answered group is refused kindly
    assert "sudah dijawab" in text_of(await harness.payload("telegram:1", "inbox:r:q1"))


ZOOM_EVENTS = [
    {"id": "bimtek-pmo-1", "title": "Bimtek Tim Pokja PMO — Hari 1", "starts_at": "2022-03-08T08:00:00+08:00", "ends_at": "2022-03-08T12:00:00+08:00",
     "zoom_url": "https://zoom.us/j/81234567890", "meeting_id": "812 3456 7890", "passcode": "bll2022"},
    {"id": "bimtek-pmo-2", "title": "Bimtek Tim Pokja PMO — Hari 2", "starts_at": "2022-03-09T08:00:00+08:00", "ends_at": "2022-03-09T12:00:00+08:00",
     "zoom_url": "https://zoom.us/j/81234567891", "meeting_id": "812 3456 7891", "passcode": "bll2022"},
]  # fmt: skip


async def test_zoom_details_come_from_the_config_or_the_question_goes_to_the_pmo_team(harness_factory: Any) -> None:
    """"link zoom bimtek apa?": the configured sessions' details in the answer; none configured, it says so and queues the question."""
    from tests.conftest import FakeClock

    clock = FakeClock(datetime(2022, 3, 8, 23, 0, tzinfo=UTC))  # after day 1, before day 2
    h = await harness_factory(clock=clock, roles={"admins": ["telegram:1"]}, events=ZOOM_EVENTS)
    replies = await h.say("telegram:720", "link zoom bimtek pmo nya apa pak")
    text = text_of(replies)
    assert "https://zoom.us/j/81234567891" in text and "812 3456 7890" in text and "bll2022" in text
    # the coming session first
    assert text.index("https://zoom.us/j/81234567891") < text.index("https://zoom.us/j/81234567890")
    assert "Buka /jadwal" in labels(replies)
    english = text_of(await h.say("telegram:721", "whats the meeting id for the pmo zoom"))
    assert "Upcoming:" in english and "812 3456 7891" in english
    assert "Tidak ada pertanyaan" in text_of(await h.say("telegram:1", "/pertanyaan"))  # answered: nothing queued
    # asked whether it was online, with nothing configured: the answer, nothing queued
    bare = await harness_factory(roles={"admins": ["telegram:1"]})
    online = text_of(await bare.say("telegram:722", "bimtek pmo daring atau tatap muka?"))
    assert "Zoom" in online and "teruskan" not in online
    assert "Tidak ada pertanyaan" in text_of(await bare.say("telegram:1", "/pertanyaan"))
    # asked for the link itself, with nothing configured: says so, queued for the PMO team with a way to a person
    missing = await bare.say("telegram:723", "passcode zoom bimteknya apa pak? sy lupa catat")
    assert "belum dimasukkan" in text_of(missing) and "teruskan ke Tim PMO" in text_of(missing)
    assert "zoom.us" not in text_of(missing) and any("Hubungi petugas" in label for label in labels(missing))
    listing = text_of(await bare.say("telegram:1", "/pertanyaan"))
    assert "passcode zoom bimteknya" in listing
    # the example config's placeholder details are not handed out as if real
    example = [{**event, "zoom_url": f"https://zoom.us/j/000000000{n}", "meeting_id": f"000 0000 000{n}"} for n, event in enumerate(ZOOM_EVENTS, 1)]
    placeholders = await harness_factory(clock=clock, roles={"admins": ["telegram:1"]}, events=example)
    held_back = text_of(await placeholders.say("telegram:724", "link zoom bimtek pmo nya apa pak"))
    assert "belum dimasukkan" in held_back and "0000000001" not in held_back
    schedule = await placeholders.say("telegram:724", "/jadwal")
    assert "0000000001" not in text_of(schedule) and "Meeting ID: –" in text_of(schedule)
    calendar_file = next(r.document for r in schedule if r.document is not None)
    assert b"0000000001" not in calendar_file.content
    # another meeting's link is not the Bimtek's: the plain answer, nothing added, nothing queued
    other = text_of(await h.say("telegram:725", "link zoom rapat korwil besok apa?"))
    assert "81234567891" not in other and "teruskan" not in other


async def test_session_hours_come_from_the_config_or_the_question_goes_to_the_pmo_team(harness_factory: Any) -> None:
    """"bimtek mulai jam brp tiap harinya?": the sources name no hours; the configured sessions' hours, or it says so and queues."""
    from tests.conftest import FakeClock

    clock = FakeClock(datetime(2022, 3, 8, 23, 0, tzinfo=UTC))
    h = await harness_factory(clock=clock, roles={"admins": ["telegram:1"]}, events=ZOOM_EVENTS)
    replies = await h.say("telegram:730", "bimtek pmo mulai jam brp tiap harinya?")
    assert "pukul 08.00–12.00 WITA" in text_of(replies) and "Buka /jadwal" in labels(replies)
    assert "Tidak ada pertanyaan" in text_of(await h.say("telegram:1", "/pertanyaan"))
    bare = await harness_factory(roles={"admins": ["telegram:1"]})
    missing = await bare.say("telegram:731", "Bimteknya mulai jam berapa setiap harinya?")
    assert "Jam tiap sesi Bimtek belum dimasukkan" in text_of(missing) and "8–11 Maret 2022" in text_of(missing)
    assert any("Hubungi petugas" in label for label in labels(missing))
    assert "Bimteknya mulai jam berapa" in text_of(await bare.say("telegram:1", "/pertanyaan"))
    # a time named in the question is converted, not asked for: the dates' answer alone, nothing queued
    converted = text_of(await bare.say("telegram:732", "bimtek pmo jam 09.00 WIB itu jam berapa WITA?"))
    assert "belum dimasukkan" not in converted


async def test_admin_can_cancel_an_answer(harness: Harness) -> None:
    await harness.say("telegram:702", "kapan ada pelatihan operator dapodik")
    await harness.say("telegram:1", "/pertanyaan")
    await harness.press("telegram:1", "1")
    await harness.press("telegram:1", "Balas")
    assert "dibatalkan" in text_of(await harness.say("telegram:1", "/batal"))
    # the next free text is an ordinary question again
    assert "Maret 2022" in text_of(await harness.say("telegram:1", "kapan bimtek pmo"))


async def test_reload_keeps_old_base_on_a_broken_file(harness_factory, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    kb = copy_faq(tmp_path)
    h = await harness_factory(bot={"faq_path": str(kb)}, roles={"admins": ["telegram:1"]})
    assert "tidak tersedia" in text_of(await h.say("telegram:9", "/muatulang"))
    kb.write_text(DEFAULT_FAQ_PATH.read_text().replace('id = "kecamatan"', 'id = "bimtek-jadwal"'))
    reply = text_of(await h.say("telegram:1", "/muatulang"))
    assert "TIDAK dimuat ulang" in reply and "duplicate id" in reply
    assert "Gerokgak" in text_of(await h.say("telegram:9", "kecamatan apa saja di buleleng"))
    kb.write_text(DEFAULT_FAQ_PATH.read_text().replace("Gerokgak, Seririt", "Gerokgak (barat), Seririt"))
    count = len(load_file(DEFAULT_FAQ_PATH).entries)
    assert f"dimuat ulang: {count} topik" in text_of(await h.say("telegram:1", "/muatulang"))
    assert "Gerokgak (barat)" in text_of(await h.say("telegram:9", "kecamatan apa saja di buleleng"))


def test_engine_reloads_itself_when_the_file_changes(tmp_path: Path) -> None:
    kb = copy_faq(tmp_path)
    engine = FaqEngine.from_file(kb)
    kb.write_text(DEFAULT_FAQ_PATH.read_text().replace("ibu kota Singaraja", "ibu kota Kota Singaraja"))
    os.utime(kb, (time.time() + 5, time.time() + 5))
    assert engine.maybe_reload(every=0)
    assert "Kota Singaraja" in engine.answer("kecamatan apa saja di buleleng", "id")[1]
    kb.write_text("broken [")
    os.utime(kb, (time.time() + 10, time.time() + 10))
    assert not engine.maybe_reload(every=0)  # a broken file never replaces a working base
    assert engine.match("kecamatan apa saja di buleleng").entry is not None


def test_engine_package_imports_nothing_from_the_chat_side() -> None:
    # handlers/faqkb is used by `psp-bot ask`, the benchmarks and the handlers alike: it must not
    # pull in the handlers, the channel-neutral core or the database (the settings' vocabulary —
    # Buleleng's kecamatan — is allowed: it imports only the standard library and bot.enums).
    import ast

    for file in (ROOT / "handlers" / "faqkb").glob("*.py"):
        tree = ast.parse(file.read_text())
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            for name in names:
                assert name == "bot.config" or not name.startswith(("bot", "models", "telegram", "aiohttp")), (file.name, name)
                assert not name.startswith("handlers") or name.startswith("handlers.faqkb"), (file.name, name)
