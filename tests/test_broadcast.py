"""Circulars: composing, the outbox under failures, crash recovery, several senders, acknowledgements."""

from __future__ import annotations

import asyncio
import signal
import subprocess
import sys
from collections import Counter
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

from bot.app import BotApp
from models.contacts import get_state
from models.db import Database
from models.outbox import create_message, enqueue, progress_of
from models.tables import Contact, OutboxItem, OutboxMessage, Registration
from scheduler.outbox import OutboxSender
from tests.conftest import TEST_TOKEN, FakeClock, Harness, clean_env, labels, make_settings, text_of
from tests.fake_telegram import FakeTelegramServer

ROOT = Path(__file__).resolve().parent.parent
ROLES = {"admins": ["telegram:1"], "coordinators": [{"contact": "telegram:2", "kecamatan": "Seririt"}]}


async def add_contacts(db: Database, ids: range, role: str = "principal", kecamatan: str = "Seririt") -> None:
    async with db.session() as session:
        for n in ids:
            session.add(Contact(id=f"telegram:{n}", channel="telegram", external_id=str(n), role=role, kecamatan=kecamatan))
        await session.commit()


async def queue_broadcast(db: Database, text: str, now: Any, contact_ids: list[str] | None = None) -> int:
    async with db.session() as session:
        query = select(Contact).where(Contact.role == "principal")
        recipients = [c for c in await session.exec(query) if contact_ids is None or c.id in contact_ids]
        message = await create_message(session, "broadcast", text, created_by="telegram:1", ack_button=True, now=now)
        await enqueue(session, message, recipients, now)
        await session.commit()
        assert message.id is not None
        return message.id


async def wait_done(db: Database, message_id: int, timeout: float = 60) -> None:
    async def done() -> bool:
        async with db.session() as session:
            return (await progress_of(session, message_id)).left == 0

    deadline = asyncio.get_running_loop().time() + timeout
    while not await done():
        if asyncio.get_running_loop().time() > deadline:
            raise TimeoutError("broadcast did not finish")
        await asyncio.sleep(0.1)


@pytest.fixture
async def fake_api() -> Any:
    server = FakeTelegramServer(TEST_TOKEN)
    await server.start()
    yield server
    await server.stop()


def spawn_bots(tmp_path: Path, database_url: str, fake: FakeTelegramServer, rate: int, count: int = 1, extra: str = "") -> list[Any]:
    """``count`` real ``psp-bot run`` processes on one config (Telegram against ``fake``)."""
    config = tmp_path / "config.toml"
    config.write_text(
        f'[bot]\ndatabase_url = "{database_url}"\n[telegram]\ntoken = "{TEST_TOKEN}"\nbase_url = "{fake.base_url}"\n'
        f"rate_per_second = {rate}\n[http]\nport = 0\n{extra}"
    )
    command = [sys.executable, "-m", "bot", "run", "--config", str(config)]
    return [subprocess.Popen(command, cwd=ROOT, env=clean_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for _ in range(count)]


def telegram_settings(database_url: str, fake: FakeTelegramServer, rate: float = 1000) -> Any:
    return make_settings(database_url, telegram={"token": TEST_TOKEN, "base_url": fake.base_url, "rate_per_second": rate}, roles=ROLES)


async def test_broadcast_through_429_5xx_and_blocked_reaches_everyone_once(database_url: str, fake_api: FakeTelegramServer) -> None:
    app = BotApp(telegram_settings(database_url, fake_api))
    await app.prepare_database()
    await add_contacts(app.services.db, range(10_000, 10_300))
    blocked = {10_007, 10_100, 10_299}
    fake_api.blocked |= blocked
    fake_api.fail("sendMessage", 429, count=4, retry_after=1)
    fake_api.fail("sendMessage", 502, count=6)
    fake_api.fail("sendMessage", 500, count=3, chat_id=10_050)
    await app.start()
    try:
        message_id = await queue_broadcast(app.services.db, "Surat edaran: pendaftaran PSP diperpanjang.", app.services.clock.now())
        app.services.wake_outbox()
        await wait_done(app.services.db, message_id)
        await fake_api.wait_for(lambda: any("selesai" in c.params.get("text", "") for c in fake_api.sent(1)), timeout=20)
    finally:
        await app.stop()
    delivered = Counter(c.chat_id for c in fake_api.sent() if "Surat edaran" in c.params.get("text", ""))
    expected = set(range(10_000, 10_300)) - blocked
    assert set(delivered) == expected
    assert max(delivered.values()) == 1  # exactly once
    buttons = FakeTelegramServer.buttons(next(c for c in fake_api.sent(10_001) if "Surat edaran" in c.params["text"]))
    assert buttons[0]["text"] == "✅ Sudah dibaca"
    async with Database(database_url).session() as session:
        unreachable = {c.external_id for c in await session.exec(select(Contact).where(Contact.reachable == False))}  # noqa: E712
        progress = await progress_of(session, message_id)
    assert unreachable == {str(b) for b in blocked}
    assert (progress.sent, progress.failed, progress.blocked) == (297, 3, 3)
    reports = [c.params["text"] for c in fake_api.sent(1)]
    assert any("selesai: 297 terkirim, 3 gagal (3 memblokir bot)" in r for r in reports)


async def test_admin_composes_sends_and_sees_acknowledgements(harness_factory: Any) -> None:
    h: Harness = await harness_factory(clock=FakeClock(), roles=ROLES)
    db = h.services.db
    await add_contacts(db, range(50, 60))
    await add_contacts(db, range(60, 63), kecamatan="Sawan")
    async with db.session() as session:
        session.add(
            Registration(
                contact_id="telegram:50",
                nama="Made",
                birth_date=__import__("datetime").date(1970, 1, 1),
                npsn="50100001",
                sekolah="SD 1 Seririt",
                jenjang="SD",
                kecamatan="Seririt",
                status="Definitif",
                phone="+6281234567890",
            )
        )
        await session.commit()
    assert "tidak tersedia" in text_of(await h.say("telegram:50", "/siaran"))
    assert "tidak tersedia" in text_of(await h.say("telegram:2", "siaran"))
    assert "tidak tersedia" in text_of(await h.payload("telegram:50", "siaran:send"))  # refused: not an admin
    assert "Ketik isi" in text_of(await h.say("telegram:1", "/siaran"))
    await h.say("telegram:1", "Mohon kepala sekolah mendaftar PSP paling lambat 28 Februari.")
    await h.press("telegram:1", "Tanpa lampiran")
    preview = text_of(await h.press("telegram:1", "Pratinjau"))
    assert "minimal satu kelompok" in preview
    await h.press("telegram:1", "Kepala sekolah")
    await h.press("telegram:1", "Seririt")
    preview = text_of(await h.press("telegram:1", "Pratinjau"))
    assert "10 kontak (telegram 10)" in preview and "Tanpa lampiran" in preview
    await h.press("telegram:1", "Ubah penerima")
    await h.press("telegram:1", "SD")
    assert "1 kontak" in text_of(await h.press("telegram:1", "Pratinjau"))
    await h.press("telegram:1", "Ubah penerima")
    await h.press("telegram:1", "SD")
    await h.press("telegram:1", "Pratinjau")
    queued = text_of(await h.press("telegram:1", "Kirim sekarang"))
    assert "10 kontak" in queued
    sender = OutboxSender(h.services, per_chat_seconds=0)
    while await sender.run_once():
        pass
    got = [who for who, r in h.channels["telegram"].delivered if "28 Februari" in r.text]
    assert sorted(got) == [str(n) for n in range(50, 60)]
    assert h.channels["telegram"].edits or any("selesai" in r.text for who, r in h.channels["telegram"].delivered if who == "1")
    # acknowledgements
    async with db.session() as session:
        message = (await session.exec(select(OutboxMessage))).one()
    for n in (50, 51, 52):
        assert "tercatat" in text_of(await h.payload(f"telegram:{n}", f"baca:{message.id}"))
    assert "Sudah tercatat" in text_of(await h.payload("telegram:50", f"baca:{message.id}"))
    assert "tidak berlaku" in text_of(await h.payload("telegram:61", f"baca:{message.id}"))  # never got it
    stats = text_of(await h.say("telegram:1", "/statistik"))
    assert "“Mohon kepala sekolah mendaftar PSP…”: 10/10 terkirim, 0 gagal, 3 dibaca (30%)" in stats  # cut at a word
    recap = text_of(await h.say("telegram:2", "/rekap"))
    assert "siaran #1: 7 kontak" in recap and "SD 1 Seririt" not in recap.split("siaran #1")[1]
    unread = recap.split("siaran #1: 7 kontak")[1].strip().splitlines()
    assert unread[0] == "• telegram:53" and all("(" not in line for line in unread)  # an unregistered contact, named once
    for n in range(53, 60):
        await h.payload(f"telegram:{n}", f"baca:{message.id}")
    recap = text_of(await h.say("telegram:2", "/rekap"))
    assert "sudah menandai “Sudah dibaca” untuk siaran #1" in recap and "0 kontak" not in recap


async def compose_until_the_time(h: Harness, text: str, group: str) -> None:
    """The admin composes a circular without a file for ``group`` and asks to schedule it."""
    await h.say("telegram:1", "/siaran")
    await h.say("telegram:1", text)
    await h.press("telegram:1", "Tanpa lampiran")
    await h.press("telegram:1", group)
    await h.press("telegram:1", "Pratinjau")
    await h.press("telegram:1", "Jadwalkan")


async def test_scheduled_broadcast_waits_for_its_time(harness_factory: Any) -> None:
    clock = FakeClock()
    h: Harness = await harness_factory(clock=clock, roles=ROLES)
    await add_contacts(h.services.db, range(70, 73))
    await compose_until_the_time(h, "Rapat koordinasi PSP besok pagi.", "Semua kontak")
    assert "tidak terbaca" in text_of(await h.say("telegram:1", "besok saja"))
    assert "sudah lewat" in text_of(await h.say("telegram:1", "01-01-2022 08:00"))
    reply = text_of(await h.say("telegram:1", "02-03-2022 08:00"))  # the clock is 1 March 10:00 WITA
    assert "Siaran #1 untuk 5 kontak — Terjadwal: 02-03-2022 08:00 WITA" in reply
    sender = OutboxSender(h.services, per_chat_seconds=0)
    assert await sender.run_once() == 0
    assert "#1 “Rapat koordinasi PSP besok pagi.”: Terjadwal: 02-03-2022 08:00 WITA" in text_of(await h.say("telegram:1", "/statistik"))
    clock.advance(hours=22)
    assert await sender.run_once() == 5
    assert "sudah tidak terjadwal" in text_of(await h.payload("telegram:1", "siaran:drop:1"))  # too late to call it off


async def schedule_circular(h: Harness, text: str, when: str) -> str:
    await compose_until_the_time(h, text, "Kepala sekolah")
    return text_of(await h.say("telegram:1", when))


async def test_scheduled_circulars_are_listed_edited_and_cancelled(harness_factory: Any) -> None:
    clock = FakeClock()  # 1 March 2022, 10:00 WITA
    h: Harness = await harness_factory(clock=clock, roles=ROLES)
    await add_contacts(h.services.db, range(70, 73))
    assert "Tidak ada siaran yang terjadwal" in text_of(await h.say("telegram:1", "/siaran daftar"))
    await schedule_circular(h, "Rapat koordinasi PSP hari Rabu di aula Disdikpora.", "02-03-2022 08:00")
    await schedule_circular(h, "Pengumpulan berkas PSP paling lambat hari Jumat.", "04-03-2022 09:30")
    assert "🗓 Siaran terjadwal (2)" in labels(await h.say("telegram:1", "/siaran"))  # offered when composing
    await h.say("telegram:1", "/batal")
    listing = text_of(await h.say("telegram:1", "/siaran daftar"))
    assert "#1 — Terjadwal: 02-03-2022 08:00 WITA, untuk 3 kontak" in listing and "#2 — Terjadwal: 04-03-2022 09:30 WITA" in listing
    # a new text: shown first, saved on request
    asked = text_of(await h.press("telegram:1", "Ubah teks #1"))
    assert "Rapat koordinasi PSP hari Rabu" in asked and "Ketik teks baru" in asked
    preview = text_of(await h.say("telegram:1", "Rapat koordinasi PSP dipindah ke hari Kamis."))
    assert "Pratinjau teks baru siaran #1" in preview and "dipindah ke hari Kamis" in preview and "Terjadwal: 02-03-2022 08:00 WITA" in preview
    assert "Tetap terjadwal: 02-03-2022 08:00 WITA" in text_of(await h.press("telegram:1", "Simpan teks baru"))
    # called off: confirmed first, then its rows are gone
    await h.say("telegram:1", "/siaran daftar")
    assert "Tidak ada yang akan dikirim" in text_of(await h.press("telegram:1", "Batalkan #2"))
    assert "dibatalkan" in text_of(await h.press("telegram:1", "Ya, batalkan"))
    assert "#2" not in text_of(await h.say("telegram:1", "/siaran daftar"))
    assert "sudah tidak terjadwal" in text_of(await h.payload("telegram:1", "siaran:edit:2"))
    async with h.services.db.session() as session:
        statuses = {(i.message_id, i.status) for i in await session.exec(select(OutboxItem))}
        assert statuses == {(1, "pending"), (2, "cancelled")}  # the called-off rows are never sent
        cancelled = await session.get(OutboxMessage, 2)
        assert cancelled is not None and cancelled.status == "cancelled"
    assert "dibatalkan sebelum dikirim" in text_of(await h.say("telegram:1", "/statistik"))
    sender = OutboxSender(h.services, per_chat_seconds=0)
    clock.advance(days=5)
    assert await sender.run_once() == 3
    got = [r.text for who, r in h.channels["telegram"].delivered if who in ("70", "71", "72")]
    assert len(got) == 3 and all("dipindah ke hari Kamis" in t for t in got) and not any("berkas" in t for t in got)


async def test_preview_can_change_the_text_and_all_contacts_stands_alone(harness_factory: Any) -> None:
    h: Harness = await harness_factory(clock=FakeClock(), roles=ROLES)
    await add_contacts(h.services.db, range(70, 72))
    await h.say("telegram:1", "/siaran")
    await h.say("telegram:1", "Teks pertama yang keliru.")
    await h.press("telegram:1", "Tanpa lampiran")
    await h.press("telegram:1", "Kepala sekolah")
    await h.press("telegram:1", "Koordinator")
    chosen = labels(await h.press("telegram:1", "Semua kontak"))
    assert "✅ Semua kontak" in chosen and "▫️ Kepala sekolah" in chosen and "▫️ Koordinator" in chosen
    chosen = labels(await h.press("telegram:1", "Koordinator"))
    assert "▫️ Semua kontak" in chosen and "✅ Koordinator" in chosen
    await h.press("telegram:1", "Pratinjau")
    assert "Ketik teks baru" in text_of(await h.press("telegram:1", "Ubah teks"))
    preview = text_of(await h.say("telegram:1", "Teks kedua yang benar."))
    assert "Pratinjau surat edaran" in preview and "Teks kedua yang benar." in preview and "keliru" not in preview
    async with h.services.db.session() as session:
        assert [m.text for m in await session.exec(select(OutboxMessage))] == ["Teks kedua yang benar."]


async def test_document_attachment_through_telegram(database_url: str, fake_api: FakeTelegramServer) -> None:
    app = BotApp(telegram_settings(database_url, fake_api))
    await app.start()
    await add_contacts(app.services.db, range(80, 83))
    try:
        await fake_api.send_text(1, "/siaran")
        await fake_api.wait_for_messages(1, 1)
        await fake_api.send_text(1, "Surat edaran nomor 421/2022 terlampir.")
        await fake_api.wait_for_messages(1, 2)
        await fake_api.send_document(1, "SE-421.pdf", b"%PDF-1.4 surat edaran")
        calls = await fake_api.wait_for_messages(1, 4)
        assert "Lampiran diterima: SE-421.pdf" in calls[2].params["text"]
        async with app.services.db.session() as session:
            message = (await session.exec(select(OutboxMessage))).one()
            recipients = list(await session.exec(select(Contact).where(Contact.role == "principal")))
            await enqueue(session, message, recipients, app.services.clock.now())
            await session.commit()
        app.services.wake_outbox()
        await fake_api.wait_for(lambda: len(fake_api.sent(method="sendDocument")) >= 3, timeout=20)
        documents = fake_api.sent(method="sendDocument")
        uploads = [d for d in documents if d.files]
        assert len(uploads) == 1  # uploaded once, then sent by file_id
        assert uploads[0].files["document"] == ("SE-421.pdf", b"%PDF-1.4 surat edaran")
    finally:
        await app.stop()


async def test_two_senders_on_postgresql_never_send_the_same_row(database_url: str, fake_api: FakeTelegramServer) -> None:
    if database_url.startswith("sqlite"):
        pytest.skip("several senders need PostgreSQL (SQLite is one process)")
    settings = telegram_settings(database_url, fake_api)
    apps = [BotApp(settings), BotApp(settings)]
    await apps[0].prepare_database()
    await add_contacts(apps[0].services.db, range(20_000, 20_400))
    fake_api.delay = 0.002
    for app in apps:
        await app.start()
    try:
        message_id = await queue_broadcast(apps[0].services.db, "Dua pengirim, satu pesan.", apps[0].services.clock.now())
        for app in apps:
            app.services.wake_outbox()
        await wait_done(apps[0].services.db, message_id)
        counts = [app.outbox.sent for app in apps]
    finally:
        for app in apps:
            await app.stop()
    delivered = Counter(c.chat_id for c in fake_api.sent() if "Dua pengirim" in c.params.get("text", ""))
    assert len(delivered) == 400 and max(delivered.values()) == 1
    assert all(n > 0 for n in counts), counts  # both really worked


@pytest.mark.slow
async def test_kill_minus_nine_mid_broadcast_then_restart_misses_nobody(tmp_path: Path, database_url: str, fake_api: FakeTelegramServer) -> None:
    setup = BotApp(telegram_settings(database_url, fake_api))
    await setup.prepare_database()
    await add_contacts(setup.services.db, range(30_000, 30_200))
    message_id = await queue_broadcast(setup.services.db, "Siaran yang terputus.", setup.services.clock.now())
    await setup.services.db.close()
    fake_api.delay = 0.01

    def spawn() -> Any:
        return spawn_bots(tmp_path, database_url, fake_api, rate=60, extra='[roles]\nadmins = ["telegram:1"]\n')[0]

    def count() -> int:
        return len([c for c in fake_api.sent() if "terputus" in c.params.get("text", "")])

    first = spawn()
    try:
        await fake_api.wait_for(lambda: count() >= 60, timeout=60)
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait(10)
    at_kill = count()
    assert at_kill < 200, "the broadcast finished before the kill; make it slower"
    second = spawn()
    try:
        probe = Database(database_url)
        try:
            await wait_done(probe, message_id, timeout=90)
        finally:
            await probe.close()
    finally:
        second.send_signal(signal.SIGTERM)
        _, err = second.communicate(timeout=30)
    delivered = Counter(c.chat_id for c in fake_api.sent() if "terputus" in c.params.get("text", ""))
    assert set(delivered) == set(range(30_000, 30_200)), "a recipient was skipped"
    duplicates = sum(n - 1 for n in delivered.values())
    # at most the sends in flight at the kill (concurrency 32) plus one unrecorded group (8)
    assert duplicates <= 40, duplicates
    assert second.returncode == 0, err.decode()[-2000:]


async def test_peran_assigns_and_takes_back_coordinators(harness: Harness) -> None:
    await harness.say("telegram:40", "halo", name="Komang Ayu")
    assert "tidak tersedia" in text_of(await harness.say("telegram:40", "/peran telegram:40 Seririt"))
    bare = text_of(await harness.say("telegram:1", "/peran"))
    assert "Cara pakai" in bare and "Koordinator wilayah saat ini (1):\n• Seririt: telegram:2\n" in bare  # from the config, never wrote
    assert "tidak dikenal" in text_of(await harness.say("telegram:1", "/peran telegram:40 Denpasar"))
    assert "tidak ditemukan" in text_of(await harness.say("telegram:1", "/peran 99999999 Seririt"))
    assigned = text_of(await harness.say("telegram:1", "/peran telegram:40 sawan"))
    assert assigned.startswith("Komang Ayu sekarang koordinator wilayah Kecamatan Sawan. Beliau sudah kami beri tahu") and "telegram:40" not in assigned
    sender = OutboxSender(harness.services, per_chat_seconds=0)
    while await sender.run_once():
        pass
    told = [r.text for who, r in harness.channels["telegram"].delivered if who == "40"]
    assert len(told) == 1 and "koordinator wilayah (korwil) PSP Kecamatan Sawan" in told[0]
    bare = text_of(await harness.say("telegram:1", "/peran"))
    assert "Koordinator wilayah saat ini (2):\n• Sawan: Komang Ayu — telegram:40\n• Seririt: telegram:2\n" in bare
    assert "Kecamatan Sawan: 0 pendaftar" in text_of(await harness.say("telegram:40", "/rekap"))
    assert "Peran koordinator Komang Ayu sudah dicabut" in text_of(await harness.say("telegram:1", "/peran telegram:40 -"))
    assert "tidak tersedia" in text_of(await harness.say("telegram:40", "/rekap"))
    assert "admin" in text_of(await harness.say("telegram:1", "/peran telegram:1 Seririt"))


async def test_lease_expiry_lets_another_sender_take_over(harness_factory: Any) -> None:
    clock = FakeClock()
    h: Harness = await harness_factory(clock=clock, roles=ROLES)
    await add_contacts(h.services.db, range(90, 95))
    await queue_broadcast(h.services.db, "Lease", clock.now())
    from models.outbox import claim_due

    async with h.services.db.session() as session:
        claimed = await claim_due(session, "other-host:1:x", clock.now(), 100, timedelta(seconds=60), postgres=not h.services.db.sqlite)
        await session.commit()
    assert len(claimed) == 5
    sender = OutboxSender(h.services, per_chat_seconds=0)
    await sender.recover()  # another host's claim is not ours to release
    assert await sender.run_once() == 0
    clock.advance(seconds=61)
    assert await sender.run_once() == 5
    async with h.services.db.session() as session:
        assert {i.status for i in await session.exec(select(OutboxItem))} == {"sent"}


@pytest.mark.slow
async def test_two_psp_bot_processes_on_postgresql_send_each_row_once(tmp_path: Path, database_url: str, fake_api: FakeTelegramServer) -> None:
    if database_url.startswith("sqlite"):
        pytest.skip("several processes need PostgreSQL (SQLite is one process)")
    setup = BotApp(telegram_settings(database_url, fake_api))
    await setup.prepare_database()
    await add_contacts(setup.services.db, range(40_000, 40_300))
    fake_api.delay = 0.005
    procs = spawn_bots(tmp_path, database_url, fake_api, rate=200, count=2)
    try:
        await fake_api.wait_for(lambda: len([c for c in fake_api.calls if c.method == "setMyCommands"]) >= 4, timeout=60)
        message_id = await queue_broadcast(setup.services.db, "Dua proses, satu pesan.", setup.services.clock.now())
        await wait_done(setup.services.db, message_id, timeout=90)
    finally:
        for proc in procs:
            proc.send_signal(signal.SIGTERM)
        errors = [proc.communicate(timeout=30)[1] for proc in procs]
        await setup.services.db.close()
    delivered = Counter(c.chat_id for c in fake_api.sent() if "Dua proses" in c.params.get("text", ""))
    async with Database(database_url).session() as session:
        errors_seen = Counter((i.status, i.error) for i in await session.exec(select(OutboxItem)))
    assert set(delivered) == set(range(40_000, 40_300)) and max(delivered.values()) == 1, errors_seen
    assert all(proc.returncode == 0 for proc in procs), [e.decode()[-1500:] for e in errors]


async def test_composing_steps_take_only_their_own_buttons_and_text(harness_factory: Any) -> None:
    clock = FakeClock()  # 1 March 2022, 10:00 WITA
    h: Harness = await harness_factory(clock=clock, roles=ROLES)
    await add_contacts(h.services.db, range(70, 72))
    await h.say("telegram:1", "/siaran")
    await h.say("telegram:1", "Pengumuman jadwal bimtek PSP.")
    # A button of a later step (Kirim sekarang) pressed at the document step: stale, nothing moves.
    assert "tidak berlaku" in text_of(await h.payload("telegram:1", "siaran:send"))
    assert "tidak berlaku" in text_of(await h.payload("telegram:1", "siaran:t:g:0"))
    async with h.services.db.session() as session:
        state = await get_state(session, "telegram:1")
        assert state is not None and state.step == "document"
        assert (await session.exec(select(OutboxItem))).first() is None
    await h.say("telegram:1", "-")  # no file
    assert "tidak berlaku" in text_of(await h.payload("telegram:1", "siaran:t:x:0"))  # a kind that does not exist
    assert "tidak berlaku" in text_of(await h.payload("telegram:1", "siaran:t:k:999"))
    assert "pilih dengan tombol" in text_of(await h.say("telegram:1", "kirim saja"))  # typed where buttons are asked
    await h.press("telegram:1", "Kepala sekolah")
    await h.press("telegram:1", "Pratinjau")
    await h.press("telegram:1", "Kirim sekarang")
    assert "tidak berlaku" in text_of(await h.payload("telegram:1", "siaran:send"))  # a second press sends nothing more
    async with h.services.db.session() as session:
        assert len((await session.exec(select(OutboxItem))).all()) == 2


async def test_a_scheduled_circulars_new_text_may_begin_with_a_command_word(harness_factory: Any) -> None:
    clock = FakeClock()  # 1 March 2022, 10:00 WITA
    h: Harness = await harness_factory(clock=clock, roles=ROLES)
    await add_contacts(h.services.db, range(70, 71))
    await schedule_circular(h, "Rapat koordinasi PSP hari Rabu di aula Disdikpora.", "02-03-2022 08:00")
    await h.say("telegram:1", "/siaran daftar")
    await h.press("telegram:1", "Ubah teks #1")
    preview = text_of(await h.say("telegram:1", "Pengingat rapat koordinasi PSP dipindah ke hari Kamis."))
    assert "Pratinjau teks baru siaran #1" in preview and "Pengingat rapat koordinasi" in preview
    # Typing where Simpan / Ubah teks are asked shows that preview again, not the audience buttons.
    again = await h.say("telegram:1", "simpan")
    assert "pilih dengan tombol" in text_of(again) and "Pratinjau teks baru siaran #1" in text_of(again)
    assert "💾 Simpan teks baru" in labels(again)
    assert "Tetap terjadwal" in text_of(await h.press("telegram:1", "Simpan teks baru"))
    async with h.services.db.session() as session:
        message = await session.get(OutboxMessage, 1)
        assert message is not None and message.text.startswith("Pengingat rapat koordinasi")
