"""Personal data (UU 27/2022): notice and consent before /daftar, /datasaya, /hapusdata."""

from __future__ import annotations

import re
from typing import Any

import pytest
from sqlmodel import select

from bot.config import ConfigError
from models.tables import Contact, ConversationState, InboxItem, NumberedMenu, OutboxItem, OutboxMessage, Question, Registration
from scheduler.outbox import OutboxSender
from tests.conftest import FakeClock, Harness, labels, make_settings, text_of
from tests.test_broadcast import queue_broadcast
from tests.test_registration import GOOD, ROLES, fill

WHO = "telegram:40"


async def build(harness_factory: Any, **privacy: str) -> Harness:
    tables: dict[str, Any] = {"roles": ROLES}
    if privacy:
        tables["privacy"] = privacy
    return await harness_factory(clock=FakeClock(), **tables)


async def rows(h: Harness, table: Any) -> list[Any]:
    async with h.services.db.session() as session:
        return list(await session.exec(select(table)))


async def record_unanswered(h: Harness, who: str, text: str) -> None:
    """A question the FAQ could not answer, kept for the staff (as the FAQ handler records it)."""
    from models.questions import record_question

    async with h.services.db.session() as session:
        await record_question(session, who, text, "id", True, h.services.clock.now())
        await session.commit()


async def deliver_outbox(h: Harness) -> None:
    sender = OutboxSender(h.services, per_chat_seconds=0)
    while await sender.run_once():
        pass


async def test_the_notice_comes_before_the_first_question_and_names_the_office(harness_factory: Any) -> None:
    h = await build(harness_factory, controller="Dinas Pendidikan Kabupaten Contoh", retention="sampai akhir tahun ajaran 2022/2023")
    notice = await h.say(WHO, "/daftar")
    text = text_of(notice)
    assert "Dinas Pendidikan Kabupaten Contoh" in text and "sampai akhir tahun ajaran 2022/2023" in text
    assert "NIP" in text and "koordinator wilayah" in text and "/hapusdata" in text and "Nama lengkap" not in text
    assert labels(notice) == ["✅ Setuju", "❌ Batal"]
    # Declining keeps nothing: no form, no registration.
    assert "tidak ada data yang kami simpan" in text_of(await h.press(WHO, "Batal"))
    assert await rows(h, ConversationState) == [] and await rows(h, Registration) == []
    # A stale "Setuju" after declining does not open the form.
    assert "tidak berlaku" in text_of(await h.payload(WHO, "privasi:setuju"))


async def test_typed_agreement_and_the_consent_time_stored_with_the_registration(harness_factory: Any) -> None:
    h = await build(harness_factory)
    await h.say(WHO, "daftar")
    assert "Setuju" in text_of(await h.say(WHO, "hmm apa ini")) or "tombol" in text_of(h.last[WHO])  # asked again, nothing else
    agreed_at = h.services.clock.now()
    assert "(1/9) Nama lengkap" in text_of(await h.say(WHO, "setuju"))
    h.services.clock.advance(minutes=5)  # type: ignore[attr-defined]
    for _, answer in GOOD:
        await h.say(WHO, answer)
    await h.press(WHO, "Kirim")
    [record] = await rows(h, Registration)
    assert record.consent_at == agreed_at
    # Registered with consent on record: /daftar goes straight to reviewing the data.
    reply = text_of(await h.say(WHO, "/daftar"))
    assert "Ringkasan" in reply and "data pribadi" not in reply


async def test_a_registration_from_before_the_notice_is_asked_for_consent_when_changed(harness_factory: Any) -> None:
    h = await build(harness_factory)
    await fill(h, WHO)
    await h.press(WHO, "Kirim")
    async with h.services.db.session() as session:
        [record] = list(await session.exec(select(Registration)))
        record.consent_at = None
        await session.commit()
    assert "data pribadi" in text_of(await h.say(WHO, "/daftar"))
    reply = text_of(await h.press(WHO, "Setuju"))
    assert "Ringkasan" in reply
    await h.press(WHO, "Kirim")
    [record] = await rows(h, Registration)
    assert record.consent_at is not None


def test_privacy_texts_are_checked_in_the_config(database_url: str) -> None:
    with pytest.raises(ConfigError, match="privacy.controller"):
        make_settings(database_url, privacy={"controller": ""})
    with pytest.raises(ConfigError, match="privacy.retention"):
        make_settings(database_url, privacy={"retention": "x" * 301})
    with pytest.raises(ConfigError, match="did you mean 'retention'"):
        make_settings(database_url, privacy={"retension": "1 tahun"})
    assert make_settings(database_url).privacy.controller == "Disdikpora Kabupaten Buleleng"


async def test_datasaya_shows_everything_kept(harness_factory: Any) -> None:
    h = await build(harness_factory)
    await h.say(WHO, "/start", name="Luh Sari")
    assert "Pendaftaran PSP: belum ada" in text_of(await h.say(WHO, "/datasaya"))
    await fill(h, WHO)
    await h.press(WHO, "Kirim")
    await record_unanswered(h, WHO, "apakah sekolah di pulau menjangan dapat kuota khusus psp")
    await h.say(WHO, "/daftar")
    await h.press(WHO, "Ubah")
    await h.press(WHO, "Nama sekolah")
    mine = text_of(await h.say(WHO, "/datasaya"))  # a bare word would be the school name being asked
    for shown in (WHO, "Luh Sari", "kepala sekolah", "Seririt", "197508172000032002", "50100123", "+6281234567890", "17 Agustus 1975",
                  "Persetujuan pemberitahuan data pribadi",
                  "Isian yang belum selesai (pendaftaran PSP, langkah Nama sekolah): Nama lengkap: Dra. Ni Luh Putu Sari",
                  "pulau menjangan", "belum dijawab"):  # fmt: skip
        assert shown in mine, shown
    assert "🗑 Hapus data saya" in labels(h.last[WHO])


async def test_hapusdata_erases_the_person_keeps_the_counts_and_tells_the_coordinator(harness_factory: Any) -> None:
    h = await build(harness_factory)
    await fill(h, WHO)
    await h.press(WHO, "Kirim")
    other = [("nama", "Wayan Sudi")] + [("nip", "197001011995031001"), ("npsn", "50100200")] + GOOD[3:]
    await fill(h, "telegram:41", other)
    await h.press("telegram:41", "Kirim")
    await record_unanswered(h, WHO, "apakah sekolah di pulau menjangan dapat kuota khusus psp")
    # A circular reached the person: its delivery counts must survive the erasure.
    circular = await queue_broadcast(h.services.db, "Surat edaran tentang jadwal Bimtek angkatan ketiga", h.services.clock.now())
    await deliver_outbox(h)
    await h.payload(WHO, f"baca:{circular}")
    stats_before = text_of(await h.say("telegram:1", "/statistik"))
    recap_before = text_of(await h.say("telegram:2", "/rekap"))
    assert "2 pendaftar" in stats_before and "Ni Luh Putu Sari" in recap_before
    await h.say(WHO, "/daftar")  # an open form too
    assert "tidak dapat dibatalkan" in text_of(await h.say(WHO, "/hapusdata"))
    assert "tidak ada yang dihapus" in text_of(await h.press(WHO, "Tidak"))
    assert len([r for r in await rows(h, Registration) if r.erased_at is None]) == 2
    async with h.services.db.session() as session:  # updates as received: one handled, one still waiting
        session.add(InboxItem(key="telegram:9001", channel="telegram", contact_id=WHO, payload='{"text": "NIP 197508172000032002"}', status="done",
                              replies="[]"))  # fmt: skip
        session.add(InboxItem(key="telegram:9002", channel="telegram", contact_id=WHO, payload='{"text": "halo"}'))
        session.add(NumberedMenu(contact_id=WHO, payloads='["menu"]'))
        await session.commit()
    await h.say(WHO, "/hapusdata")
    reply = text_of(await h.press(WHO, "Ya, hapus"))
    assert "sudah dihapus" in reply and "1 pertanyaan" in reply
    inbox = {i.key: i for i in await rows(h, InboxItem)}
    assert (inbox["telegram:9001"].contact_id, inbox["telegram:9001"].payload, inbox["telegram:9001"].replies) == ("", "{}", None)
    assert inbox["telegram:9002"].contact_id == WHO  # pending: handled first, then pruned like every finished update
    assert await rows(h, NumberedMenu) == []
    async with h.services.db.session() as session:
        assert await session.get(Contact, WHO) is None
        assert await session.get(ConversationState, WHO) is None
        assert not list(await session.exec(select(Question).where(Question.contact_id == WHO)))
        assert not list(await session.exec(select(OutboxItem).where(OutboxItem.contact_id == WHO)))
        erased = [r for r in await session.exec(select(Registration)) if r.erased_at is not None]
    [record] = erased
    assert (record.contact_id, record.npsn, record.birth_date, record.nip, record.nama, record.phone, record.email) == (None, None, None, None, "", "", None)
    assert (record.kecamatan, record.jenjang, record.eligible) == ("Seririt", "SD", True)
    # The counts and the circular's delivery figures stay; the name is gone from the recap and the export.
    # (The open-questions line loses the erased person's question: it was deleted with them.)
    stats_after = text_of(await h.say("telegram:1", "/statistik"))
    assert stats_after == stats_before.replace("terjawab: 1", "terjawab: 0") and "dibaca (50%)" in stats_after
    recap_after = text_of(await h.say("telegram:2", "/rekap"))
    assert "Kecamatan Seririt: 2 pendaftar" in recap_after and "Ni Luh Putu Sari" not in recap_after
    export = (await h.say("telegram:1", "/ekspor"))[0]
    assert export.document is not None and b"Ni Luh" not in export.document.content
    await deliver_outbox(h)
    told = [r.text for who, r in h.channels["telegram"].delivered if who == "2" and "meminta datanya dihapus" in r.text]
    assert len(told) == 1 and "SD Negeri 1 Seririt" in told[0] and "50100123" in told[0]
    assert not [r for who, r in h.channels["telegram"].delivered if who == "3" and "dihapus" in r.text]
    # The school can be registered again, and the person starts afresh.
    assert "data pribadi" in text_of(await h.say(WHO, "/daftar"))
    await h.press(WHO, "Setuju")
    for _, answer in GOOD:
        await h.say(WHO, answer)
    assert "tersimpan" in text_of(await h.press(WHO, "Kirim"))


async def test_hapusdata_without_a_registration_removes_the_contact(harness_factory: Any) -> None:
    h = await build(harness_factory)
    await h.say(WHO, "/start", name="Komang")
    await h.say(WHO, "/hapusdata")
    assert "sudah dihapus" in text_of(await h.press(WHO, "Ya, hapus"))
    assert WHO not in [c.id for c in await rows(h, Contact)]
    assert [m for m in await rows(h, OutboxMessage) if m.kind == "notice"] == []  # nobody to tell


async def test_the_staff_pages_count_an_erased_registration_but_never_show_it(harness_factory: Any) -> None:
    from aiohttp.test_utils import TestClient, TestServer

    from bot.http import build_http_app
    from bot.web.pages import COOKIE
    from tests.web_support import open_session, seed_registrations

    h: Harness = await harness_factory(FakeClock(), roles=ROLES, http={"public_url": "http://psp.test"})
    await seed_registrations(h.services.db, 18, h.services.clock.now())
    async with h.services.db.session() as session:
        [mine, *_] = list(await session.exec(select(Registration).where(Registration.kecamatan == "Seririt").order_by(Registration.id)))  # type: ignore[arg-type]
    assert mine.contact_id is not None
    client = TestClient(TestServer(build_http_app(h.services, [])))
    await client.start_server()
    try:
        # The person erasing has a staff page session too (an admin may erase their own data).
        client.session.cookie_jar.update_cookies({COOKIE: await open_session(h.services, "telegram:2")})
        before = await (await client.get("/dasbor/pendaftaran")).text()
        home_before = await (await client.get("/dasbor/")).text()
        assert "2 pendaftaran" in before and f"<td>{mine.npsn}</td>" in before
        await open_session(h.services, mine.contact_id)
        await h.say(mine.contact_id, "/hapusdata")
        assert "sudah dihapus" in text_of(await h.press(mine.contact_id, "Ya, hapus"))
        after = await (await client.get("/dasbor/pendaftaran")).text()
        assert "1 pendaftaran" in after and f"<td>{mine.npsn}</td>" not in after
        assert (await client.get(f"/dasbor/pendaftaran/{mine.id}")).status == 404
        home_after = await (await client.get("/dasbor/")).text()
        totals = re.compile(r"\d+ pendaftar: \d+ memenuhi syarat, \d+ belum")
        assert totals.findall(home_after) == totals.findall(home_before) != []  # the counts and charts stay
        assert f"/dasbor/pendaftaran/{mine.id}\"" in home_before and f"/dasbor/pendaftaran/{mine.id}\"" not in home_after
        csv_body = (await (await client.get("/dasbor/unduh/pendaftaran.csv")).read()).decode("utf-8-sig")
        assert str(mine.npsn) not in csv_body and csv_body.count("\n") == 2
    finally:
        await client.close()


def test_every_table_that_refers_to_a_contact_is_covered_by_the_erasure() -> None:
    from sqlmodel import SQLModel

    from models.privacy import _rows_of

    swept = {column.table.name for column in _rows_of()}
    referring = {t.name for t in SQLModel.metadata.tables.values() for fk in t.foreign_keys if fk.column.table.name == "contact"}
    # The registration is kept without person and deliveries under a placeholder; everything else goes.
    assert referring - swept == {"registration", "outbox_item"}
    assert {"conversation_state", "question", "web_login", "web_session"} <= swept


async def test_hapusdata_also_erases_help_desk_conversations_and_their_messages(harness_factory: Any) -> None:
    from models.tables import HelpdeskMessage, HelpdeskTicket

    h = await build(harness_factory)
    await h.say(WHO, "/petugas", name="Komang")
    assert "diteruskan ke petugas" in text_of(await h.say(WHO, "Mohon dibantu, NIP saya 197508172000031002 salah tercatat."))
    assert [t.contact_id for t in await rows(h, HelpdeskTicket)] == [WHO] and await rows(h, HelpdeskMessage)
    mine = text_of(await h.say(WHO, "/datasaya"))
    assert "Percakapan Bapak/Ibu dengan petugas (1)" in mine and "salah tercatat" in mine
    await h.say(WHO, "/hapusdata")
    assert "sudah dihapus" in text_of(await h.press(WHO, "Ya, hapus"))
    assert await rows(h, HelpdeskTicket) == [] and await rows(h, HelpdeskMessage) == []
    assert WHO not in [c.id for c in await rows(h, Contact)]
