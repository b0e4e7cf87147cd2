"""What a careless or hostile user, or a changed config, must not achieve (issue: hardening)."""

from __future__ import annotations

import asyncio
import csv
import gc
import io
import signal
import subprocess
import sys
import weakref
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlmodel import select

from bot.app import GC_THRESHOLDS, settle_after_start
from models.db import Database
from models.tables import Contact, OutboxMessage, Registration
from tests.conftest import TEST_TOKEN, Harness, clean_env, text_of
from tests.fake_telegram import FakeTelegramServer
from tests.test_e2e_run import write_config

ROOT = Path(__file__).resolve().parent.parent
REFUSED = "tidak tersedia untuk Bapak/Ibu"


# -- roles follow the config, through the real process ----------------------------------------------


async def _run_bot(config: Path, fake: FakeTelegramServer, conversation: list[tuple[int, str]]) -> list[str]:
    """Start ``psp-bot run``, say each (chat, text) in turn, return each first answer, stop it."""
    proc = await asyncio.create_subprocess_exec(sys.executable, "-m", "bot", "run", "--config", str(config), cwd=ROOT, env=clean_env(),
                                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
    answers = []
    try:
        await fake.wait_for(lambda: any(c.method == "setMyCommands" for c in fake.calls), timeout=30)
        for chat, text in conversation:
            before = len(fake.sent(chat)) + len(fake.sent(chat, "sendDocument"))
            await fake.send_text(chat, text, "Ketut")
            await fake.wait_for(lambda chat=chat, before=before: len(fake.sent(chat)) + len(fake.sent(chat, "sendDocument")) > before, timeout=20)
            await asyncio.sleep(0.2)  # a document may follow its caption
            calls = sorted(fake.sent(chat) + fake.sent(chat, "sendDocument"), key=lambda c: fake.calls.index(c))[before:]
            answers.append("\n".join(str(c.params.get("text") or c.params.get("caption") or "") for c in calls))
    finally:
        proc.send_signal(signal.SIGTERM)
        _, stderr = await asyncio.wait_for(proc.communicate(), 30)
    assert proc.returncode == 0, stderr.decode()[-2000:]
    return answers


@pytest.mark.slow
async def test_a_coordinator_removed_from_the_config_loses_rekap_and_ekspor_on_restart(tmp_path: Path, database_url: str) -> None:
    fake = FakeTelegramServer(TEST_TOKEN)
    await fake.start()
    staff = '[roles]\nadmins = ["telegram:501"]\n'
    coordinator = '[[roles.coordinators]]\ncontact = "telegram:502"\nkecamatan = "Seririt"\n'
    try:
        config = write_config(tmp_path / "config.toml", database_url, fake.base_url, staff + coordinator)
        first = await _run_bot(config, fake, [(502, "/rekap"), (501, "/peran telegram:503 Sawan"), (503, "/rekap")])
        assert "Kecamatan Seririt" in first[0]
        assert "telegram:503" in first[1] and "Sawan" in first[1]
        assert "Kecamatan Sawan" in first[2]
        # The config no longer names telegram:502; telegram:503 got the role with /peran, not from the config.
        config = write_config(tmp_path / "config.toml", database_url, fake.base_url, staff)
        second = await _run_bot(config, fake, [(502, "/rekap"), (502, "/ekspor"), (503, "/rekap"), (503, "/ekspor")])
    finally:
        await fake.stop()
    assert REFUSED in second[0] and REFUSED in second[1]
    assert not fake.sent(502, "sendDocument")
    assert "Kecamatan Sawan" in second[2] and "Sawan" in second[3] and fake.sent(503, "sendDocument")


async def test_roles_given_before_their_source_was_kept_stay_and_are_marked(harness_factory: Any) -> None:
    h: Harness = await harness_factory(roles={"admins": ["telegram:1"]})
    async with h.services.db.session() as session:
        session.add(Contact(id="telegram:9", channel="telegram", external_id="9", role="coordinator", kecamatan="Gerokgak"))
        await session.commit()
    await h.app.prepare_database()  # a start after the upgrade: an unknown source counts as /peran
    assert "Kecamatan Gerokgak" in text_of(await h.say("telegram:9", "/rekap"))
    async with h.services.db.session() as session:
        contact = await session.get(Contact, "telegram:9")
        assert contact is not None and contact.role_source == "peran"


async def test_revoking_with_peran_and_a_principal_keeps_principal(harness_factory: Any) -> None:
    h: Harness = await harness_factory(roles={"admins": ["telegram:1"], "coordinators": [{"contact": "telegram:2", "kecamatan": "Seririt"}]})
    await h.say("telegram:1", "/peran telegram:4 Sawan")
    assert "Kecamatan Sawan" in text_of(await h.say("telegram:4", "/rekap"))
    # A restart with the same config: the /peran coordinator stays, the config one too.
    await h.app.prepare_database()
    assert "Kecamatan Sawan" in text_of(await h.say("telegram:4", "/rekap"))
    assert "Kecamatan Seririt" in text_of(await h.say("telegram:2", "/rekap"))
    await h.say("telegram:1", "/peran telegram:4 -")
    assert REFUSED in text_of(await h.say("telegram:4", "/rekap"))


# -- CSV export: no live formulas, digit columns kept as text ------------------------------------------------


async def _store_registration(url: str, **fields: Any) -> None:
    db = Database(url)
    try:
        async with db.session() as session:
            contact_id = fields.pop("contact_id")
            session.add(Contact(id=contact_id, channel="telegram", external_id=contact_id.split(":")[1], role="principal"))
            await session.flush()
            base: dict[str, Any] = {
                "nama": "Ni Luh Putu Sari", "nip": "197508172000032002", "birth_date": date(1975, 8, 17), "gender": "P", "tmt": "2000-03",
                "npsn": "50100123", "sekolah": "SD Negeri 1 Seririt", "jenjang": "SD", "kecamatan": "Seririt", "status": "Definitif",
                "phone": "+6281234567890", "email": None, "eligible": True, "reasons": "[]",
                "submitted_at": datetime(2022, 3, 1, 2, tzinfo=UTC), "updated_at": datetime(2022, 3, 1, 2, tzinfo=UTC),
            }  # fmt: skip
            session.add(Registration(contact_id=contact_id, **{**base, **fields}))
            await session.commit()
    finally:
        await db.close()


@pytest.mark.slow
async def test_csv_export_neutralises_formulas_and_keeps_numbers_as_text(tmp_path: Path, database_url: str) -> None:
    await _store_registration(database_url, contact_id="telegram:61", sekolah="-2+3+SUM(A1:A9)", nama="=HYPERLINK(\"http://x\")")
    await _store_registration(database_url, contact_id="telegram:62", npsn="50100124", sekolah="@SUM(1+1)", nama="+Made", email="\tx@y.id")
    config = tmp_path / "c.toml"
    config.write_text(f'[bot]\ndatabase_url = "{database_url}"\n')
    out = tmp_path / "p.csv"
    result = subprocess.run([sys.executable, "-m", "bot", "export", "registrations", "--format", "csv", "--out", str(out), "--config", str(config)],
                            capture_output=True, text=True, cwd=ROOT, env=clean_env(), timeout=60)  # fmt: skip
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    header, *body = rows
    by_school = {row[header.index("Sekolah")]: row for row in body}
    first = by_school["'-2+3+SUM(A1:A9)"]
    assert first[header.index("Nama")] == "'=HYPERLINK(\"http://x\")"
    second = by_school["'@SUM(1+1)"]
    assert second[header.index("Nama")] == "'+Made" and second[header.index("Email")] == "'\tx@y.id"
    # No cell of the file starts a formula; NIP, NPSN and phone are text (a leading apostrophe).
    assert not [cell for row in body for cell in row if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert first[header.index("NIP")] == "'197508172000032002" and first[header.index("NPSN")] == "'50100123"
    assert first[header.index("HP/WhatsApp")] == "'+6281234567890"
    # Ordinary text and dates are untouched.
    assert first[header.index("Kecamatan")] == "Seririt" and first[header.index("Tanggal lahir")] == "1975-08-17"
    xlsx = tmp_path / "p.xlsx"
    result = subprocess.run([sys.executable, "-m", "bot", "export", "registrations", "--format", "xlsx", "--out", str(xlsx), "--config", str(config)],
                            capture_output=True, text=True, cwd=ROOT, env=clean_env(), timeout=60)  # fmt: skip
    assert result.returncode == 0, result.stderr
    sheet = openpyxl.load_workbook(xlsx).active
    names = [row[0] for row in sheet.iter_rows(min_row=2)]
    assert all(cell.data_type == "s" for cell in names) and "=HYPERLINK(\"http://x\")" in [c.value for c in names]


# -- staff text that begins with a command word -----------------------------------------------------


CIRCULARS = [
    "Pengingat besok Bimtek Tim Pokja PMO pukul 08.00 WITA",
    "Tanya jawab dengan narasumber dibuka setelah sesi kedua",
    "Bahasa pengantar Bimtek adalah Bahasa Indonesia",
    "Daftar hadir wajib diisi oleh setiap peserta",
]


@pytest.mark.parametrize("circular", CIRCULARS)
async def test_a_circular_beginning_with_a_command_word_is_the_circular(harness: Harness, circular: str) -> None:
    await harness.say("telegram:1", "/siaran")
    reply = text_of(await harness.say("telegram:1", circular))
    assert "lampiran" in reply.lower() or "PDF" in reply  # the next step: the document
    async with harness.services.db.session() as session:
        [draft] = list(await session.exec(select(OutboxMessage)))
    assert draft.text == circular


@pytest.mark.parametrize("answer", CIRCULARS)
async def test_an_admin_answer_beginning_with_a_command_word_is_the_answer(harness: Harness, answer: str) -> None:
    from models.questions import record_question

    await harness.say("telegram:30", "halo")
    async with harness.services.db.session() as session:  # a question the FAQ could not answer
        await record_question(session, "telegram:30", "apakah ada kuota khusus untuk sekolah di pulau menjangan", "id", True, harness.services.clock.now())
        await session.commit()
    from tests.test_helpdesk import _open_question_ids

    [question_id] = (await _open_question_ids(harness)).values()
    await harness.payload("telegram:1", f"inbox:o:q{question_id}")
    await harness.press("telegram:1", "Balas")
    preview = text_of(await harness.say("telegram:1", answer))
    assert "Pratinjau" in preview and answer in preview  # the text is the answer, not a command
    assert "dikirim ke 1 penanya" in text_of(await harness.press("telegram:1", "Kirim"))
    async with harness.services.db.session() as session:
        outbox = list(await session.exec(select(OutboxMessage)))
    assert any(answer in m.text for m in outbox)


@pytest.mark.parametrize("name", ["Daftar Hadir Suryani", "Tanya Wijaya", "Bahasa Putri"])
async def test_a_form_answer_beginning_with_a_command_word_is_the_answer(harness: Harness, name: str) -> None:
    await harness.say("telegram:31", "/daftar")
    await harness.press("telegram:31", "Setuju")
    reply = text_of(await harness.say("telegram:31", name))
    assert "(2/9) NIP" in reply


async def test_a_slash_command_or_a_lone_batal_still_leaves(harness: Harness) -> None:
    await harness.say("telegram:1", "/siaran")
    assert "jadwal" in text_of(await harness.say("telegram:1", "/jadwal")).lower()
    assert "dibatalkan" in text_of(await harness.say("telegram:1", "batal")).lower()
    await harness.say("telegram:1", "/siaran")
    reply = text_of(await harness.say("telegram:1", "/batal"))
    assert "dibatalkan" in reply.lower()


# -- cancelling /siaran leaves no draft ---------------------------------------------------------------------


async def _outbox(h: Harness) -> list[OutboxMessage]:
    async with h.services.db.session() as session:
        return list(await session.exec(select(OutboxMessage)))


@pytest.mark.parametrize("how", ["/batal", "batal", "/siaran"])
async def test_leaving_siaran_deletes_its_draft_and_pdf(harness: Harness, how: str) -> None:
    from bot.messages import Document, Incoming

    await harness.say("telegram:1", "/siaran")
    await harness.say("telegram:1", "Surat edaran tentang jadwal Bimtek angkatan ketiga")
    pdf = Document("edaran.pdf", b"%PDF-1.4 edaran", "application/pdf")
    await harness.send(Incoming(channel="telegram", external_id="1", kind="media", attachment=pdf))
    [draft] = await _outbox(harness)
    assert draft.document == pdf.content
    await harness.say("telegram:1", how)
    assert await _outbox(harness) == []


async def test_a_draft_left_by_another_conversation_goes_when_composing_again(harness: Harness) -> None:
    await harness.say("telegram:1", "/siaran")
    await harness.say("telegram:1", "Surat edaran tentang jadwal Bimtek angkatan ketiga")
    await harness.say("telegram:1", "/daftar")  # the notice replaces the composing
    await harness.press("telegram:1", "Setuju")
    assert len(await _outbox(harness)) == 1
    await harness.say("telegram:1", "/siaran")
    await harness.say("telegram:1", "Undangan rapat koordinasi PSP hari Jumat")
    [draft] = await _outbox(harness)
    assert draft.text == "Undangan rapat koordinasi PSP hari Jumat"


@pytest.mark.slow
async def test_a_circular_beginning_with_a_command_word_through_the_real_process(tmp_path: Path, database_url: str) -> None:
    fake = FakeTelegramServer(TEST_TOKEN)
    await fake.start()
    try:
        config = write_config(tmp_path / "config.toml", database_url, fake.base_url, '[roles]\nadmins = ["telegram:501"]\n')
        answers = await _run_bot(config, fake, [(501, "/siaran"), (501, "Pengingat besok Bimtek PMO hari 2 pukul 08.00 WITA, mohon hadir tepat waktu.")])
    finally:
        await fake.stop()
    assert "isi surat edaran" in answers[0]
    # The text became the circular (its attachment is asked next), not the /pengingat command.
    assert "Pengingat Zoom Bimtek untuk Bapak/Ibu" not in answers[1]
    assert "lampiran" in answers[1]


@pytest.mark.slow
async def test_the_coordinator_alert_goes_once_a_day_through_the_real_process(tmp_path: Path, database_url: str) -> None:
    from tests.test_registration import GOOD

    fake = FakeTelegramServer(TEST_TOKEN)
    await fake.start()
    config = write_config(tmp_path / "config.toml", database_url, fake.base_url, '[[roles.coordinators]]\ncontact = "telegram:503"\nkecamatan = "Seririt"\n')
    proc = await asyncio.create_subprocess_exec(sys.executable, "-m", "bot", "run", "--config", str(config), cwd=ROOT, env=clean_env(),
                                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip

    async def say(chat: int, text: str) -> Any:
        before = len(fake.sent(chat))
        await fake.send_text(chat, text, "Ketut")
        await fake.wait_for(lambda: len(fake.sent(chat)) > before, timeout=20)
        await asyncio.sleep(0.1)
        return fake.sent(chat)[-1]

    try:
        await fake.wait_for(lambda: any(c.method == "setMyCommands" for c in fake.calls), timeout=30)
        for chat, answers in ((601, [a for _, a in GOOD]), (602, [GOOD[0][1], "198001012005011001", GOOD[2][1]])):
            await say(chat, "/daftar")
            await say(chat, "setuju")
            for answer in answers:
                last = await say(chat, answer)
            if chat == 601:
                assert "tersimpan" in (await say(chat, "kirim")).params["text"]
        taken = last.params["text"]
        assert "sudah terdaftar" in taken and "Seririt" not in taken and "SD Negeri" not in taken
        [alert_button] = [b for b in fake.buttons(last) if "korwil" in b["text"].lower()]
        replies = []
        for _ in range(5):  # an impatient (or hostile) person presses five times
            before = len(fake.sent(602))
            await fake.press(602, alert_button["callback_data"])
            await fake.wait_for(lambda before=before: len(fake.sent(602)) > before, timeout=20)
            replies.append(fake.sent(602)[-1].params["text"])
        await fake.wait_for_messages(503, 1, timeout=20)
        await asyncio.sleep(1.5)  # time for any further alert to go out
    finally:
        proc.send_signal(signal.SIGTERM)
        _, stderr = await asyncio.wait_for(proc.communicate(), 30)
        await fake.stop()
    assert proc.returncode == 0, stderr.decode()[-2000:]
    alerts = [c.params["text"] for c in fake.sent(503)]
    assert len(alerts) == 1 and "50100123" in alerts[0] and "SD Negeri 1 Seririt" in alerts[0]  # the coordinator gets the details
    assert all("sudah kami kirim hari ini" in r for r in replies[1:])


class _Cycle:
    me: object


def test_after_start_the_collector_leaves_what_exists_and_still_frees_new_cycles() -> None:
    before = gc.get_threshold()
    try:
        settle_after_start()
        assert gc.get_freeze_count() > 0
        assert gc.get_threshold() == GC_THRESHOLDS
        cycle = _Cycle()
        cycle.me = cycle
        ref = weakref.ref(cycle)
        del cycle
        gc.collect()
        assert ref() is None
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)
