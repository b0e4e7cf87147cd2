from __future__ import annotations

import asyncio
import io
import itertools
from collections.abc import Iterator
from typing import Any

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlmodel import select

from bot.app import BotApp
from bot.messages import Incoming
from models.tables import Contact, ConversationState, Registration
from tests.conftest import FakeClock, Harness, RecordingChannel, labels, make_settings, text_of, wipe

ROLES = {"admins": ["telegram:1"], "coordinators": [{"contact": "telegram:2", "kecamatan": "Seririt"}, {"contact": "telegram:3", "kecamatan": "Sawan"}]}
GOOD = [
    ("nama", "Dra. Ni Luh Putu Sari, M.Pd."),
    ("nip", "197508172000032002"),
    ("npsn", "50100123"),
    ("sekolah", "SD Negeri 1 Seririt"),
    ("jenjang", "SD"),
    ("kecamatan", "Seririt"),
    ("status", "Definitif"),
    ("hp", "0812-3456-7890"),
    ("email", "-"),
]


async def build(harness_factory: Any, clock: FakeClock | None = None) -> Harness:
    return await harness_factory(clock=clock or FakeClock(), roles=ROLES)


async def registrations(h: Harness) -> list[Registration]:
    async with h.services.db.session() as session:
        return list(await session.exec(select(Registration)))


async def fill(h: Harness, who: str, answers: list[tuple[str, str]] = GOOD) -> str:
    if "✅ Setuju" in labels(await h.say(who, "/daftar")):  # the personal data notice, unless the form is open
        await h.press(who, "Setuju")
    for _, answer in answers:
        await h.say(who, answer)
    return text_of(h.last[who])


async def test_whole_form_then_submit(harness_factory: Any) -> None:
    h = await build(harness_factory)
    notice = await h.say("telegram:10", "/daftar")
    assert "data pribadi" in text_of(notice) and "Disdikpora Kabupaten Buleleng" in text_of(notice) and labels(notice) == ["✅ Setuju", "❌ Batal"]
    first = text_of(await h.press("telegram:10", "Setuju"))
    assert "(1/9) Nama lengkap" in first and "Contoh: Dra." in first
    summary = await fill(h, "telegram:10")
    assert "Ringkasan" in summary and "lahir 17 Agustus 1975, perempuan" in summary and "+6281234567890" in summary
    assert "Tanggal lahir" not in summary  # skipped: the NIP gave it
    assert await registrations(h) == []  # nothing stored before Kirim
    result = text_of(await h.press("telegram:10", "Kirim"))
    assert "sudah tersimpan" in result and "memenuhi syarat usia dan jabatan (usia 46" in result
    [record] = await registrations(h)
    assert record.npsn == "50100123" and record.phone == "+6281234567890" and record.eligible and record.gender == "P" and record.tmt == "2000-03"
    async with h.services.db.session() as session:
        contact = await session.get(Contact, "telegram:10")
        assert contact is not None and contact.role == "principal" and contact.kecamatan == "Seririt"
        assert await session.get(ConversationState, "telegram:10") is None
    profile = text_of(await h.say("telegram:10", "/profil"))
    assert "50100123" in profile and "memenuhi syarat" in profile


async def test_wrong_answers_are_reasked_on_the_same_field(harness_factory: Any) -> None:
    h = await build(harness_factory)
    await h.say("telegram:11", "/daftar")
    await h.press("telegram:11", "Setuju")
    checks = [
        ("1", "Nama terlalu pendek"),
        ("Made Wirawan", "(2/9)"),
        ("12345", "NIP harus 18 angka; yang Bapak/Ibu ketik 5"),
        ("19751332200003 1 002", "bukan tanggal yang mungkin"),
        ("-", "(2/9) Tanggal lahir"),
        ("31 Februari 1970", "tidak ada di kalender"),
        ("5 Juni 1962", "(3/9) NPSN"),
        ("1234567", "NPSN harus 8 karakter"),
        ("50100999", "(4/9)"),
        ("SD 2 Sawan", "(5/9) Jenjang"),
        ("SMA", "Pilihan tidak dikenali"),
        ("sd", "(6/9) Kecamatan"),
        ("Denpasar", "Pilihan tidak dikenali"),
        ("sawan", "(7/9) Status"),
        ("kepala", "Pilihan tidak dikenali"),
        ("definitif", "(8/9) Nomor HP"),
        ("0361 123456", "Nomor HP tidak valid"),
        ("081234567891", "(9/9) Alamat email"),
        ("made@", "Alamat email tidak valid"),
        ("made@sd2sawan.sch.id", "Ringkasan"),
    ]
    for answer, expected in checks:
        reply = text_of(await h.say("telegram:11", answer))
        assert expected in reply, (answer, reply)
        if expected.startswith(("NIP", "Nama", "NPSN", "Pilihan", "Nomor", "Alamat", "bukan", "tidak ada")):
            assert "Contoh:" in reply  # what was wrong, and an example
    assert "5 Juni 1962" in text_of(h.last["telegram:11"])
    result = text_of(await h.press("telegram:11", "Kirim"))
    assert "belum memenuhi syarat" in result and "usia 59 tahun melebihi batas 56" in result
    [record] = await registrations(h)
    assert not record.eligible and record.nip is None  # stored either way, with its result


async def test_back_cancel_and_edit_from_summary(harness_factory: Any) -> None:
    h = await build(harness_factory)
    await h.say("telegram:12", "/daftar")
    await h.press("telegram:12", "Setuju")
    assert "pertanyaan pertama" in text_of(await h.say("telegram:12", "kembali"))
    assert "▶️ Lanjutkan pendaftaran" in labels(await h.say("telegram:12", "/menu"))  # the open form is offered first
    assert "(1/9) Nama lengkap" in text_of(await h.press("telegram:12", "Lanjutkan"))
    await h.say("telegram:12", "Putu Ayu")
    assert "(1/9) Nama lengkap" in text_of(await h.say("telegram:12", "kembali"))
    await h.say("telegram:12", "Putu Ayu Lestari")
    assert "dibatalkan" in text_of(await h.say("telegram:12", "/batal"))
    assert await registrations(h) == []
    assert "Maret 2022" in text_of(await h.say("telegram:12", "kapan bimtek pmo"))  # free text is the FAQ again
    await fill(h, "telegram:12")
    await h.press("telegram:12", "Ubah")
    await h.press("telegram:12", "NIP")
    assert "(2/" in text_of(h.last["telegram:12"])
    reply = text_of(await h.say("telegram:12", "-"))  # no NIP now: the birth date must be asked
    assert "Tanggal lahir" in reply
    reply = text_of(await h.say("telegram:12", "1 Januari 1980"))
    assert "Ringkasan" in reply and "1 Januari 1980" in reply and "NIP: tidak ada (bukan PNS)" in reply
    await h.press("telegram:12", "Ubah")
    await h.press("telegram:12", "Kecamatan")
    reply = text_of(await h.press("telegram:12", "Banjar"))
    assert "Kecamatan: Banjar" in reply
    await h.press("telegram:12", "Kirim")
    [record] = await registrations(h)
    assert record.kecamatan == "Banjar" and record.nip is None and str(record.birth_date) == "1980-01-01"


async def test_stale_buttons_inside_a_form(harness_factory: Any) -> None:
    h = await build(harness_factory)
    await h.say("telegram:13", "/daftar")
    await h.press("telegram:13", "Setuju")
    for _, answer in GOOD[:4]:
        await h.say("telegram:13", answer)
    jenjang = h.last["telegram:13"]
    await h.press("telegram:13", "SD")
    h.last["telegram:13"] = jenjang  # press the old jenjang button again
    reply = text_of(await h.press("telegram:13", "SMP"))
    assert "tidak berlaku" in reply and "Kecamatan" in reply
    reply = text_of(await h.payload("telegram:13", "form:kecamatan:99"))
    assert "tidak berlaku" in reply
    media = await h.send(Incoming(channel="telegram", external_id="13", kind="media"))
    assert "pesan teks" in text_of(media) and "Kecamatan" in text_of(media)


async def test_resume_after_restart_and_after_a_pause(harness_factory: Any, database_url: str) -> None:
    clock = FakeClock()
    h = await build(harness_factory, clock)
    await h.say("telegram:14", "/daftar")
    await h.press("telegram:14", "Setuju")
    await h.say("telegram:14", "Ketut Arya")
    await h.app.dispatcher.join()
    # a new process on the same database
    h2 = await harness_factory(clock=clock, roles=ROLES)
    assert "(3/9) NPSN" in text_of(await h2.say("telegram:14", "197508172000031002"))  # the NIP step survived the restart
    clock.advance(days=2)
    reply = text_of(await h2.say("telegram:14", "50100777"))
    assert "Selamat datang kembali" in reply and "NPSN" in reply  # not taken as an answer after two days
    assert "(4/9) Nama sekolah" in text_of(await h2.say("telegram:14", "50100777"))
    reply = text_of(await h2.say("telegram:14", "/daftar"))
    assert "Melanjutkan" in reply and "Nama sekolah" in reply


async def test_duplicate_npsn_and_update_by_the_same_contact(harness_factory: Any) -> None:
    h = await build(harness_factory)
    await fill(h, "telegram:15")
    await h.press("telegram:15", "Kirim")
    other = GOOD[:1] + [("nip", "198001012005011001")] + GOOD[2:]
    # told at the NPSN step, not after all the answers; the same step is asked again
    reply = await fill(h, "telegram:16", other[:3])
    assert "NPSN 50100123 sudah terdaftar" in reply and "ketik NPSN lain" in reply and "(4/9)" not in reply
    assert "Hubungi korwil" in labels(h.last["telegram:16"])
    # A public user learns "taken", not whose school it is or where.
    assert "Seririt" not in reply and "SD Negeri" not in reply
    told = text_of(await h.press("telegram:16", "Hubungi korwil"))
    assert "sudah kami beri tahu" in told and "Seririt" not in told
    # Pressing again (four more times) sends nothing more today, and says so.
    for _ in range(4):
        again = text_of(await h.payload("telegram:16", "korwil:50100123"))
        assert "sudah kami kirim hari ini" in again
    from scheduler.outbox import OutboxSender

    sender = OutboxSender(h.services, per_chat_seconds=0)
    while await sender.run_once():
        pass
    alerts = [r.text for who, r in h.channels["telegram"].delivered if who == "2" and "NPSN 50100123" in r.text]
    assert len(alerts) == 1 and "SD Negeri 1 Seririt (Kecamatan Seririt)" in alerts[0]
    assert not [r for who, r in h.channels["telegram"].delivered if who == "3"]
    assert len(await registrations(h)) == 1
    # the same contact registering again updates its record
    reply = text_of(await h.say("telegram:15", "/daftar"))
    assert "sudah terdaftar" in reply and "Ringkasan" in reply
    await h.press("telegram:15", "Ubah")
    await h.press("telegram:15", "Nama sekolah")
    await h.say("telegram:15", "SD Negeri 1 Seririt (Induk)")
    assert "diperbarui" in text_of(await h.press("telegram:15", "Kirim"))
    [record] = await registrations(h)
    assert record.sekolah == "SD Negeri 1 Seririt (Induk)"


async def test_npsn_taken_while_at_the_summary_is_told_at_kirim(harness_factory: Any) -> None:
    h = await build(harness_factory)
    summary = await fill(h, "telegram:16")  # the NPSN was free at its step
    assert "Ringkasan" in summary
    await fill(h, "telegram:15", GOOD[:1] + [("nip", "198001012005011001")] + GOOD[2:])
    await h.press("telegram:15", "Kirim")
    reply = text_of(await h.press("telegram:16", "Kirim"))
    assert "NPSN 50100123 sudah terdaftar" in reply and "pilih Ubah" in reply and "Seririt" not in reply
    assert {"Hubungi korwil", "✏️ Ubah"} <= set(labels(h.last["telegram:16"]))
    await h.press("telegram:16", "Ubah")
    await h.press("telegram:16", "NPSN")
    await h.say("telegram:16", "50100124")
    assert "sudah tersimpan" in text_of(await h.press("telegram:16", "Kirim"))
    assert sorted(r.npsn for r in await registrations(h)) == ["50100123", "50100124"]


async def test_nip_dash_summary_counter_and_cancel_keeps_the_registration(harness_factory: Any) -> None:
    h = await build(harness_factory)
    await h.say("telegram:17", "/daftar")
    await h.press("telegram:17", "Setuju")
    await h.say("telegram:17", "Made Wirawan")
    assert "(2/9) Tanggal lahir" in text_of(await h.say("telegram:17", "-"))  # the birth date belongs to the NIP question
    assert "(3/9) NPSN" in text_of(await h.say("telegram:17", "5 Juni 1970"))
    for _, answer in GOOD[2:]:
        await h.say("telegram:17", answer)
    summary = text_of(h.last["telegram:17"])
    assert "NIP: tidak ada (bukan PNS)" in summary and "Tanggal lahir: 5 Juni 1970" in summary
    await h.press("telegram:17", "Kirim")
    await h.say("telegram:17", "/daftar")  # reviewing the stored data, then leaving
    cancelled = text_of(await h.say("telegram:17", "/batal"))
    assert "tetap aman" in cancelled and "Tidak ada yang tersimpan" not in cancelled
    await h.say("telegram:17", "/daftar")
    assert "tetap aman" in text_of(await h.press("telegram:17", "Batal"))
    assert len(await registrations(h)) == 1
    # someone never registered is told nothing was kept
    await h.say("telegram:18", "/daftar")
    assert "Tidak ada yang tersimpan" in text_of(await h.say("telegram:18", "/batal"))


async def test_english_profile_is_localised(harness_factory: Any) -> None:
    h = await build(harness_factory)
    await fill(h, "telegram:19", GOOD[:6] + [("status", "Plt")] + GOOD[7:])
    await h.press("telegram:19", "Kirim")
    await h.say("telegram:19", "/bahasa en")
    profile = text_of(await h.say("telegram:19", "/profil"))
    assert "17 August 1975" in profile and "Position: Acting (Plt)" in profile
    assert "Agustus" not in profile and "Definitif" not in profile
    await h.say("telegram:19", "/daftar")
    summary = text_of(h.last["telegram:19"])
    assert "born 17 August 1975" in summary and "Acting (Plt)" in summary
    await h.press("telegram:19", "Change")
    await h.press("telegram:19", "Position")
    assert {"Definitive", "Acting (Plt)"} <= set(labels(h.last["telegram:19"]))
    await h.press("telegram:19", "Definitive")
    assert "Position: Definitive" in text_of(h.last["telegram:19"])


async def test_recap_statistics_and_exports_respect_kecamatan(harness_factory: Any) -> None:
    h = await build(harness_factory)
    await fill(h, "telegram:20")
    await h.press("telegram:20", "Kirim")
    sawan = [
        ("nama", "Wayan Sudi"),
        ("nip", "197001011995031001"),
        ("npsn", "50100200"),
        ("sekolah", "SMP Negeri 1 Sawan"),
        ("jenjang", "SMP"),
        ("kecamatan", "Sawan"),
        ("status", "Plt"),
        ("hp", "081999888777"),
        ("email", "-"),
    ]
    await fill(h, "telegram:21", sawan)
    await h.press("telegram:21", "Kirim")
    recap = text_of(await h.say("telegram:2", "/rekap"))
    assert "Kecamatan Seririt: 1 pendaftar" in recap and "SD: 1 pendaftar, 1 memenuhi syarat" in recap and "1 dari target 5" in recap
    assert "Sawan" not in recap and "✅ SD Negeri 1 Seririt (SD) — Dra. Ni Luh Putu Sari, M.Pd., +6281234567890" in recap
    sawan_recap = text_of(await h.say("telegram:3", "/rekap"))  # a ⚠️ row says why, with the phone to call
    assert "⚠️ SMP Negeri 1 Sawan (SMP) — Wayan Sudi, +6281999888777\n    status masih Plt" in sawan_recap
    other = text_of(await h.say("telegram:2", "/rekap Busungbiu"))
    assert other.startswith("Rekap hanya tersedia untuk kecamatan Bapak/Ibu sendiri (Seririt), bukan “Busungbiu”")
    assert "Kecamatan Seririt: 1 pendaftar" in other and "Sawan" not in other
    assert "hanya tersedia" not in text_of(await h.say("telegram:2", "/rekap seririt"))
    assert "tidak tersedia" in text_of(await h.say("telegram:20", "/rekap"))
    assert "tidak tersedia" in text_of(await h.say("telegram:2", "/statistik"))
    stats = text_of(await h.say("telegram:1", "/statistik"))
    assert "2 pendaftar, 1 memenuhi syarat" in stats and "▫️ Sawan: 1 pendaftar, 0/5" in stats and "…" not in stats
    reply = await h.say("telegram:2", "/ekspor")
    doc = reply[0].document
    assert doc is not None and doc.filename.endswith(".xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(doc.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Nama" and len(rows) == 2 and rows[1][8] == "Seririt" and rows[1][1] == "197508172000032002"
    everything = (await h.say("telegram:1", "ekspor"))[0].document
    assert everything is not None and len(list(openpyxl.load_workbook(io.BytesIO(everything.content)).active.iter_rows())) == 3
    assert "tidak tersedia" in text_of(await h.say("telegram:20", "/ekspor"))


@pytest.fixture(scope="module")
def form_app(migrated_url: str) -> Iterator[tuple[asyncio.AbstractEventLoop, BotApp]]:
    """One bot for every generated sequence (each in a chat of its own): setting a bot up per example was most of the test's time."""
    wipe(migrated_url)
    loop = asyncio.new_event_loop()
    app = BotApp(make_settings(migrated_url, roles=ROLES), clock=FakeClock())
    loop.run_until_complete(app.prepare_database())
    app.services.channels["telegram"] = RecordingChannel("telegram")  # type: ignore[assignment]
    try:
        yield loop, app
    finally:
        loop.run_until_complete(app.dispatcher.join())
        loop.run_until_complete(app.services.db.close())
        loop.close()


_SEQUENCE_CHATS = itertools.count(1000)


@settings(max_examples=25, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(
                [
                    "/daftar",
                    "kembali",
                    "/batal",
                    "ubah",
                    "kirim",
                    "Kirim",
                    "-",
                    "SD",
                    "Seririt",
                    "Definitif",
                    "0812-3456-7890",
                    "197508172000032002",
                    "50100123",
                    "Made Sari",
                    "17 Agustus 1975",
                    "halo",
                    "/profil",
                    "💥",
                    "٣٤٥",
                ]
            ),
            st.text(max_size=40),
        ),
        max_size=30,
    )
)
def test_random_message_sequences_never_break_the_form(form_app: tuple[asyncio.AbstractEventLoop, BotApp], messages: list[str]) -> None:
    loop, app = form_app
    chat = str(next(_SEQUENCE_CHATS))  # a new person for each sequence

    async def run() -> None:
        for text in messages:
            replies = await app.dispatcher.dispatch(Incoming(channel="telegram", external_id=chat, text=text))
            assert replies, text  # always answers
            assert app.dispatcher.failed == 0
        async with app.services.db.session() as session:
            for record in await session.exec(select(Registration)):
                # a stored registration is always complete
                assert record.nama and record.npsn and record.sekolah and record.jenjang and record.kecamatan and record.status and record.phone

    loop.run_until_complete(run())
