"""The help desk (/petugas) and the staff inbox (/pertanyaan): routing, answers with a preview, paging, dismiss, Jadikan FAQ."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

from bot.config import ConfigError, parse_settings
from bot.enums import TicketStatus
from bot.messages import Document, Incoming, Reply
from handlers.helpdesk import asks_for_person, next_opening
from models.questions import record_question
from models.tables import Contact, HelpdeskMessage, HelpdeskTicket, OutboxItem, Question, Registration
from scheduler.outbox import OutboxSender
from scheduler.reminders import remind_waiting_tickets
from tests.conftest import FakeClock, Harness, copy_faq, labels, text_of

ROLES = {"admins": ["telegram:1"], "coordinators": [{"contact": "telegram:2", "kecamatan": "Seririt"}, {"contact": "telegram:3", "kecamatan": "Sawan"}]}
HELPDESK = {"name": "Tim PMO Disdikpora Buleleng", "phone": "0812-3456-7890", "hours": "Senin–Jumat 08.00–15.00 WITA", "remind_after": "1h"}
# Tuesday 1 March 2022, 10.00 WITA: inside the service hours.
TUESDAY_10 = datetime(2022, 3, 1, 2, 0, tzinfo=UTC)


async def build(harness_factory: Any, clock: FakeClock | None = None, **tables: Any) -> Harness:
    return await harness_factory(clock=clock or FakeClock(TUESDAY_10), roles=ROLES, helpdesk=HELPDESK, **tables)


async def add_principal(h: Harness, who: str, name: str = "Ketut Sari", kecamatan: str = "Seririt", npsn: str = "50100123") -> None:
    channel, external_id = who.split(":", 1)
    async with h.services.db.session() as session:
        session.add(Contact(id=who, channel=channel, external_id=external_id, name=name, role="principal", kecamatan=kecamatan))
        await session.flush()
        session.add(Registration(contact_id=who, nama=name, birth_date=date(1975, 8, 17), npsn=npsn, sekolah="SD Negeri 1 Seririt",
                                 jenjang="SD", kecamatan=kecamatan, status="definitif", phone="+6281234567890", eligible=True))  # fmt: skip
        await session.commit()


async def deliver(h: Harness) -> list[tuple[str, str, Reply]]:
    """Run the outbox until empty; what each channel delivered, as (channel, chat, reply)."""
    before = {name: len(ch.delivered) for name, ch in h.channels.items()}
    sender = OutboxSender(h.services, per_chat_seconds=0)
    while await sender.run_once():
        pass
    return [(name, chat, reply) for name, ch in h.channels.items() for chat, reply in ch.delivered[before[name] :]]


def to(delivered: list[tuple[str, str, Reply]], contact: str) -> list[Reply]:
    channel, chat = contact.split(":", 1)
    return [r for c, who, r in delivered if c == channel and who == chat]


async def press_delivered(h: Harness, who: str, reply: Reply, label: str) -> list[Reply]:
    """Press a button of a message the outbox delivered (as if it were the last thing said)."""
    h.last[who] = [reply]
    return await h.press(who, label)


async def tickets(h: Harness) -> list[HelpdeskTicket]:
    async with h.services.db.session() as session:
        return list(await session.exec(select(HelpdeskTicket).order_by(HelpdeskTicket.id)))


async def test_a_principal_reaches_the_staff_and_the_answer_comes_back(harness_factory: Any) -> None:
    h = await build(harness_factory)
    await add_principal(h, "telegram:500")
    prompt = text_of(await h.say("telegram:500", "/petugas"))
    assert "tulis pesan untuk petugas" in prompt and "Tim PMO Disdikpora Buleleng" in prompt and "+6281234567890" in prompt
    assert "https://wa.me/6281234567890" in prompt and "Senin–Jumat 08.00–15.00 WITA" in prompt
    sent = await h.say("telegram:500", "Mohon info: berkas verifikasi dikirim ke mana ya?")
    assert "diteruskan ke petugas" in text_of(sent) and "#1" in text_of(sent)
    delivered = await deliver(h)
    # the admins and the coordinator of the person's kecamatan, not the other coordinator
    for staff in ("telegram:1", "telegram:2"):
        [notice] = to(delivered, staff)
        assert "berkas verifikasi dikirim ke mana" in notice.text
        assert "Ketut Sari · SD Negeri 1 Seririt · Kec. Seririt · Telegram · +6281234567890" in notice.text
        assert [b.label for b in notice.all_buttons()] == ["↩️ Balas", "✅ Tutup"]
    assert not to(delivered, "telegram:3")
    # the coordinator answers first: a preview, nothing goes out before Kirim
    [notice] = to(delivered, "telegram:2")
    await press_delivered(h, "telegram:2", notice, "Balas")
    preview = await h.say("telegram:2", "Berkas dikirim ke kantor Disdikpora paling lambat Jumat.")
    assert "Pratinjau" in text_of(preview) and labels(preview) == ["📤 Kirim", "✏️ Ubah", "❌ Batal"]
    assert not await deliver(h)
    await h.press("telegram:2", "Ubah")
    await h.say("telegram:2", "Berkas dikirim ke kantor Disdikpora Buleleng paling lambat Jumat, 4 Maret.")
    done = await h.press("telegram:2", "Kirim")
    assert "Jawaban dikirim ke percakapan #1" in text_of(done)
    delivered = await deliver(h)
    [answer] = to(delivered, "telegram:500")
    assert "Jawaban petugas" in answer.text and "4 Maret" in answer.text and "paling lambat Jumat." not in answer.text.replace("Jumat, 4", "")
    [taken] = to(delivered, "telegram:1")
    assert "diambil oleh" in taken.text
    # a follow-up joins the same conversation and goes to the one who took it
    await press_delivered(h, "telegram:500", answer, "Balas petugas")
    assert "#1" in text_of(h.last["telegram:500"]) and "masih terbuka" in text_of(h.last["telegram:500"])
    assert "ditambahkan ke percakapan #1" in text_of(await h.say("telegram:500", "Baik, apakah fotokopi perlu dilegalisir?"))
    delivered = await deliver(h)
    assert [r.text for r in to(delivered, "telegram:2")][0].startswith("📩 Pesan lanjutan (#1)")
    assert not to(delivered, "telegram:1")
    # the admin may not answer a conversation another staff member took
    assert "sudah diambil oleh" in text_of(await h.payload("telegram:1", "inbox:r:t1"))
    # closing tells the person
    closed = await h.payload("telegram:2", "inbox:c:t1")
    assert "ditutup" in text_of(closed)
    [told] = to(await deliver(h), "telegram:500")
    assert "sudah ditutup" in told.text and "🙋 Hubungi petugas" in labels([told])
    [ticket] = await tickets(h)
    assert ticket.status == TicketStatus.CLOSED and ticket.assigned_to == "telegram:2"
    async with h.services.db.session() as session:
        messages = list(await session.exec(select(HelpdeskMessage).order_by(HelpdeskMessage.id)))
    assert [m.from_staff for m in messages] == [False, True, False]
    # after closing, a new message opens a new conversation
    await h.say("telegram:500", "/petugas Satu pertanyaan lagi, Bapak/Ibu.")
    assert [t.id for t in await tickets(h)] == [1, 2]


async def test_a_whatsapp_principal_is_answered_by_a_telegram_admin(harness_factory: Any) -> None:
    h = await build(harness_factory)
    await add_principal(h, "whatsapp:6281299990000", name="Wayan Darma", kecamatan="Sawan", npsn="50100999")
    await h.say("whatsapp:6281299990000", "petugas")
    await h.say("whatsapp:6281299990000", "Saya belum menerima undangan bimtek.")
    delivered = await deliver(h)
    [notice] = to(delivered, "telegram:1")
    assert "WhatsApp +6281299990000" in notice.text and "Kec. Sawan" in notice.text
    assert to(delivered, "telegram:3") and not to(delivered, "telegram:2")  # Sawan's coordinator, not Seririt's
    await press_delivered(h, "telegram:1", notice, "Balas")
    await h.say("telegram:1", "Undangan dikirim ulang hari ini lewat WhatsApp.")
    await h.press("telegram:1", "Kirim")
    delivered = await deliver(h)
    [answer] = to(delivered, "whatsapp:6281299990000")
    assert "Undangan dikirim ulang" in answer.text and labels([answer]) == ["↩️ Balas petugas"]


async def test_words_asking_for_a_person_get_the_configured_contact(harness_factory: Any) -> None:
    h = await build(harness_factory)
    for text in ("bisa minta no hp admin dinas?", "nomor admin", "mau bicara dengan petugas", "hubungi operator"):
        reply = await h.say("telegram:600", text)
        assert "+6281234567890" in text_of(reply) and "hanya dapat menjawab" not in text_of(reply), text
        assert "🙋 Hubungi petugas" in labels(reply)
    assert asks_for_person("petugas") and not asks_for_person("kapan pelatihan operator dapodik")
    # with no number configured none is invented
    bare = await harness_factory(clock=FakeClock(TUESDAY_10), roles=ROLES)
    reply = text_of(await bare.say("telegram:600", "bisa minta no hp admin dinas?"))
    assert "Tim PMO Disdikpora Kabupaten Buleleng" in reply and not any(ch.isdigit() for ch in reply)
    # /bantuan and the FAQ's contact answer show the help desk; "belum tahu" offers it
    help_text = text_of(await h.say("telegram:600", "/bantuan"))
    assert "/petugas" in help_text and "+6281234567890" in help_text and "Senin–Jumat" in help_text
    contact = await h.say("telegram:600", "siapa yang bisa saya hubungi soal psp")
    assert "+6281234567890" in text_of(contact) and "🙋 Hubungi petugas" in labels(contact)
    unknown = await h.say("telegram:600", "kapan pelatihan operator dapodik?")
    assert "belum" in text_of(unknown) and "🙋 Hubungi petugas" in labels(unknown)
    assert "🙋 Hubungi petugas" in labels(await h.say("telegram:600", "/menu"))


async def test_outside_service_hours_the_person_is_told_when(harness_factory: Any) -> None:
    saturday = FakeClock(datetime(2022, 3, 5, 4, 0, tzinfo=UTC))  # Saturday 12.00 WITA
    h = await build(harness_factory, saturday)
    sent = text_of(await h.say("telegram:601", "/petugas Apakah kantor buka hari ini?"))
    assert "di luar jam layanan" in sent and "Senin 08.00 WITA" in sent
    settings = h.services.settings.helpdesk
    tz = h.services.settings.bot.timezone
    assert next_opening(settings, TUESDAY_10.astimezone(tz)) is None
    assert next_opening(settings, datetime(2022, 3, 1, 16, 0, tzinfo=tz)) == datetime(2022, 3, 2, 8, 0, tzinfo=tz)


def test_helpdesk_config_is_checked() -> None:
    settings = parse_settings({"helpdesk": {"phone": "+62 812-3456-7890", "hours": "Senin–Kamis 08.00–15.00, Jumat 08.00–11.00 WITA"}}, env={})
    assert settings.helpdesk.phone == "6281234567890" and len(settings.helpdesk.schedule) == 2
    for bad, key in (({"hours": "setiap hari"}, "helpdesk.hours"), ({"phone": "12345"}, "helpdesk.phone"), ({"remind_after": "1m"}, "helpdesk.remind_after"),
                     ({"nama": "x"}, "helpdesk.nama")):  # fmt: skip
        with pytest.raises(ConfigError) as problem:
            parse_settings({"helpdesk": bad}, env={})
        assert problem.value.key == key


async def test_a_document_reaches_the_staff_within_the_cap(harness_factory: Any) -> None:
    h = await build(harness_factory)
    await h.say("telegram:602", "/petugas")
    big = Document("scan.pdf", b"%PDF" + b"0" * (6 * 1024 * 1024), "application/pdf")
    reply = await h.send(Incoming(channel="telegram", external_id="602", kind="media", attachment=big))
    assert "terlalu besar" in text_of(reply)
    pdf = Document("sk-plt.pdf", b"%PDF-1.4 SK", "application/pdf")
    reply = await h.send(Incoming(channel="telegram", external_id="602", kind="media", attachment=pdf, text="SK Plt saya"))
    assert "diteruskan ke petugas" in text_of(reply)
    [notice] = to(await deliver(h), "telegram:1")
    assert "SK Plt saya" in notice.text and notice.document is not None and notice.document.content == b"%PDF-1.4 SK"


async def test_waiting_conversations_are_brought_to_the_admins_once(harness_factory: Any) -> None:
    clock = FakeClock(TUESDAY_10)
    h = await build(harness_factory, clock)
    await h.say("telegram:603", "/petugas Tolong dibantu soal akun saya.")
    await deliver(h)
    clock.advance(minutes=59)
    assert await remind_waiting_tickets(h.services) == 0
    clock.advance(minutes=2)
    assert await remind_waiting_tickets(h.services) == 1
    assert await remind_waiting_tickets(h.services) == 0  # once per wait
    delivered = await deliver(h)
    [reminder] = to(delivered, "telegram:1")
    assert "menunggu jawaban sejak 01/03 10:00" in reminder.text and "↩️ Balas" in labels([reminder])
    assert not to(delivered, "telegram:2")  # reminders go to the admins
    # writing again while still waiting brings no second reminder; after an answer, a new wait does
    await h.say("telegram:603", "/petugas Masih menunggu, terima kasih.")
    clock.advance(hours=2)
    assert await remind_waiting_tickets(h.services) == 0
    await h.payload("telegram:1", "inbox:r:t1")
    await h.say("telegram:1", "Akun Bapak/Ibu sudah kami aktifkan.")
    await h.press("telegram:1", "Kirim")
    clock.advance(hours=3)
    assert await remind_waiting_tickets(h.services) == 0
    await h.say("telegram:603", "/petugas Terima kasih, satu lagi: kata sandinya?")
    clock.advance(hours=1, minutes=1)
    assert await remind_waiting_tickets(h.services) == 1


async def test_the_inbox_pages_through_forty_items(harness_factory: Any) -> None:
    clock = FakeClock(TUESDAY_10)
    h = await build(harness_factory, clock)
    for n in range(30):
        await h.say(f"telegram:{700 + n}", f"/petugas Pertanyaan nomor {n} tentang berkas {'abcdefghijklmnopqrstuvwxyzabcd'[n]}")
        clock.advance(minutes=1)
    async with h.services.db.session() as session:
        for n in range(10):
            await record_question(session, f"telegram:{700 + n}", f"topik unik {n} zq{n}x", "id", True, clock.now(), f"zq{n}x unik")
        await session.commit()
    seen: set[str] = set()
    page = await h.say("telegram:1", "/pertanyaan")
    assert "30 percakapan, 10 kelompok pertanyaan" in text_of(page) and "halaman 1/8" in text_of(page)
    for number in range(1, 9):
        assert f"halaman {number}/8" in text_of(page)
        seen.update(b.payload for b in page[0].all_buttons() if b.payload.startswith("inbox:o:"))
        if number < 8:
            page = await h.press("telegram:1", "Berikutnya")
    assert "Berikutnya" not in labels(page) and len(seen) == 40
    back = await h.press("telegram:1", "Sebelumnya")
    assert "halaman 7/8" in text_of(back)
    newest = await h.press("telegram:1", "Terbaru dulu")
    assert "terbaru dulu" in text_of(newest) and "halaman 1/8" in text_of(newest)
    # a coordinator's inbox holds only the conversations of their kecamatan (none here: nobody registered)
    assert "Tidak ada" in text_of(await h.say("telegram:2", "/pertanyaan"))


async def test_dismiss_takes_noise_out_without_messaging_anyone(harness_factory: Any) -> None:
    h = await build(harness_factory)
    await h.say("telegram:604", "kapan pelatihan operator dapodik?")
    await h.say("telegram:605", "/petugas pagi")
    await deliver(h)
    listing = await h.say("telegram:1", "/pertanyaan")
    assert "1 percakapan, 1 kelompok" in text_of(listing)
    opened = await h.payload("telegram:1", "inbox:o:q1")
    assert labels(opened) == ["↩️ Balas", "🗑 Abaikan", "📚 Jadikan FAQ", "📥 Kotak masuk"]
    assert "Diabaikan" in text_of(await h.press("telegram:1", "Abaikan"))
    opened = await h.payload("telegram:1", "inbox:o:t1")
    assert "pagi" in text_of(opened)
    assert "Diabaikan" in text_of(await h.press("telegram:1", "Abaikan"))
    assert not await deliver(h)  # nobody was messaged
    assert "Tidak ada" in text_of(await h.say("telegram:1", "/pertanyaan"))
    [ticket] = await tickets(h)
    assert ticket.status == TicketStatus.CLOSED and ticket.dismissed
    async with h.services.db.session() as session:
        [question] = list(await session.exec(select(Question)))
    assert question.dismissed_by == "telegram:1" and question.answer is None
    assert "sudah dijawab" in text_of(await h.payload("telegram:1", "inbox:x:q1"))


def file_text(path: Path) -> str:
    return path.read_text()


def leftovers(path: Path) -> list[Path]:
    return list(path.parent.glob(".faq-*"))


@pytest.fixture
def faq_copy(tmp_path: Path) -> Path:
    return copy_faq(tmp_path)  # with the sources: the fact audit runs as in `faq check`


async def test_make_faq_as_a_variant_and_as_a_new_entry(harness_factory: Any, faq_copy: Path) -> None:
    h = await build(harness_factory, bot={"faq_path": str(faq_copy)})
    # a variant: the question joins an existing topic and its askers get that topic's answer
    await h.say("telegram:607", "halo")
    async with h.services.db.session() as session:
        await record_question(session, "telegram:607", "jadwal zoom pmo hari penutupan jam berapa", "id", True, h.services.clock.now(), "penutupan zoom")
        await session.commit()
    question_id = (await _open_question_ids(h))["jadwal zoom pmo hari penutupan jam berapa"]
    choose = await h.payload("telegram:1", f"inbox:f:q{question_id}")
    assert "➕ Topik baru" in labels(choose)
    variant = next(label for label in labels(choose) if label.startswith("Variasi"))
    preview = await h.press("telegram:1", variant)
    assert "Pratinjau" in text_of(preview) and "Kirim" in " ".join(labels(preview))
    assert "jadwal zoom pmo hari penutupan" not in file_text(faq_copy)
    saved = await h.press("telegram:1", "Kirim")
    assert "Basis FAQ diperbarui" in text_of(saved) and "dimuat ulang" in text_of(saved)
    assert '"jadwal zoom pmo hari penutupan jam berapa",' in file_text(faq_copy)
    [answer] = to(await deliver(h), "telegram:607")
    assert "Jawaban dari Tim PMO" in answer.text
    # a new entry: answer, topic, English answer, preview, Kirim; the bot then answers the question itself
    await h.say("telegram:608", "apakah peserta bimtek wajib memakai seragam batik?")
    question_id = (await _open_question_ids(h))["apakah peserta bimtek wajib memakai seragam batik?"]
    await h.payload("telegram:1", f"inbox:f:q{question_id}")
    await h.press("telegram:1", "Topik baru")
    await h.say("telegram:1", "Peserta Bimtek memakai pakaian dinas harian; batik tidak wajib.")
    await h.say("telegram:1", "Seragam Bimtek")
    preview = await h.say("telegram:1", "-")
    assert "Seragam Bimtek" in text_of(preview) and "batik tidak wajib" in text_of(preview)
    saved = await h.press("telegram:1", "Kirim")
    assert "topik seragam-bimtek" in text_of(saved)
    assert 'id = "seragam-bimtek"' in file_text(faq_copy)
    answered = await h.say("telegram:609", "apakah peserta bimtek wajib memakai seragam batik?")
    assert "batik tidak wajib" in text_of(answered)


async def test_make_faq_refuses_a_result_the_loader_rejects_and_keeps_the_file(harness_factory: Any, faq_copy: Path) -> None:
    h = await build(harness_factory, bot={"faq_path": str(faq_copy)})
    await h.say("telegram:610", "apakah peserta bimtek wajib memakai seragam batik?")
    before = file_text(faq_copy)
    [question_id] = (await _open_question_ids(h)).values()
    await h.payload("telegram:1", f"inbox:f:q{question_id}")
    await h.press("telegram:1", "Topik baru")
    await h.say("telegram:1", "Pakaian dinas harian. " * 70)  # longer than an FAQ answer may be (1200)
    await h.say("telegram:1", "Seragam Bimtek")
    await h.say("telegram:1", "-")
    refused = await h.press("telegram:1", "Kirim")
    assert "TIDAK diubah" in text_of(refused) and "longer than 1200" in text_of(refused)
    assert file_text(faq_copy) == before
    assert not leftovers(faq_copy)  # no temporary file left behind
    assert question_id in (await _open_question_ids(h)).values()  # still waiting
    # the fact audit of `faq check`: a number is the config's, not the FAQ's
    await h.payload("telegram:1", f"inbox:f:q{question_id}")
    await h.press("telegram:1", "Topik baru")
    await h.say("telegram:1", "Hubungi 0812-3456-7890 untuk seragam.")
    await h.say("telegram:1", "Seragam Bimtek")
    await h.say("telegram:1", "-")
    refused = await h.press("telegram:1", "Kirim")
    assert "TIDAK diubah" in text_of(refused) and "numbers come from the config" in text_of(refused)
    assert file_text(faq_copy) == before


async def test_no_answer_leaves_without_kirim(harness_factory: Any) -> None:
    h = await build(harness_factory)
    await h.say("telegram:611", "/petugas Mohon bantuan.")
    await deliver(h)
    await h.payload("telegram:1", "inbox:r:t1")
    await h.say("telegram:1", "Jawaban yang belum jadi.")
    assert "tidak dikirim" in text_of(await h.press("telegram:1", "Batal"))
    await h.payload("telegram:1", "inbox:r:t1")
    await h.say("telegram:1", "Jawaban lain.")
    await h.say("telegram:1", "/batal")
    assert not await deliver(h)
    async with h.services.db.session() as session:
        assert not list(await session.exec(select(OutboxItem).where(OutboxItem.contact_id == "telegram:611")))
    # a coordinator of another kecamatan cannot open or answer it... but the kecamatan here is unknown: only admins see it
    assert "sudah dijawab" in text_of(await h.payload("telegram:3", "inbox:r:t1"))


async def _open_question_ids(h: Harness) -> dict[str, int]:
    async with h.services.db.session() as session:
        rows = await session.exec(select(Question).where(Question.answered_at.is_(None), Question.dismissed_at.is_(None)))  # type: ignore[union-attr]
        return {q.text: q.id for q in rows if q.id is not None}


def test_faq_file_edits_keep_comments_and_refuse_unknown_entries(tmp_path: Path) -> None:
    from handlers import faq_file
    from handlers.faqkb.knowledge import FaqError, load_file

    path = tmp_path / "faq.toml"
    entry = 'id = "{id}"\ntopic_id = "T"\ntopic_en = "T"\nquestions = ["{q}"]  # one only\nanswer_id = "Jawab."\nanswer_en = "Answer."\n'
    path.write_text("# the knowledge base\n[[entry]]\n" + entry.format(id="satu", q="apa satu") + "\n[[entry]]\n" + entry.format(id="dua", q='apa \\"dua\\"'))
    faq_file.add_variant(path, "dua", "dua itu apa")
    entries = load_file(path).entries
    assert entries[1].questions == ('apa "dua"', "dua itu apa") and entries[0].questions == ("apa satu",)
    assert path.read_text().startswith("# the knowledge base") and "# one only" in path.read_text()
    assert faq_file.add_entry(path, "Satu", "pertanyaan baru", "Jawaban.", "Answer.") == "satu-2"
    assert faq_file.add_entry(path, "Topik Dua!", "pertanyaan lain", "Jawaban.", "Answer.") == "topik-dua"
    with pytest.raises(FaqError):
        faq_file.add_variant(path, "tiga", "x")
    assert [e.id for e in load_file(path).entries] == ["satu", "dua", "satu-2", "topik-dua"]


async def test_plain_text_follows_up_an_open_conversation_until_it_is_closed(harness_factory: Any) -> None:
    h = await build(harness_factory)
    await add_principal(h, "telegram:510")
    await h.say("telegram:510", "/petugas Mohon info: berkas verifikasi dikirim ke mana?")
    [notice] = to(await deliver(h), "telegram:2")
    await press_delivered(h, "telegram:2", notice, "Balas")
    await h.say("telegram:2", "Ke kantor Disdikpora Buleleng, paling lambat Jumat.")
    await h.press("telegram:2", "Kirim")
    await deliver(h)
    # plain text, without the button: it joins conversation #1, reaches only the staff member who took it
    joined = await h.say("telegram:510", "Apakah fotokopi ijazah perlu dilegalisir?")
    assert "ditambahkan ke percakapan #1" in text_of(joined) and "/selesai" in text_of(joined)
    assert "✅ Selesai" in labels(joined)
    delivered = await deliver(h)
    [followup] = to(delivered, "telegram:2")
    assert followup.text.startswith("📩 Pesan lanjutan (#1)") and "dilegalisir" in followup.text
    assert not to(delivered, "telegram:1") and not to(delivered, "telegram:3")
    async with h.services.db.session() as session:
        assert not list(await session.exec(select(Question)))  # not taken for an FAQ question
        messages = list(await session.exec(select(HelpdeskMessage).order_by(HelpdeskMessage.id)))
    assert [m.text for m in messages][-1] == "Apakah fotokopi ijazah perlu dilegalisir?"
    # commands still work as commands
    assert "ditambahkan" not in text_of(await h.say("telegram:510", "/jadwal"))
    assert "ditambahkan" not in text_of(await h.say("telegram:510", "menu"))
    # the person leaves with "Selesai": closed, the staff member is told, free text goes to the FAQ again
    h.last["telegram:510"] = joined
    closed = await h.press("telegram:510", "Selesai")
    assert "sudah Bapak/Ibu tutup" in text_of(closed)
    [ticket] = await tickets(h)
    assert ticket.status == TicketStatus.CLOSED and ticket.closed_by == "telegram:510" and not ticket.dismissed
    [told] = to(await deliver(h), "telegram:2")
    assert "ditutup oleh penanya" in told.text and "Ketut Sari" in told.text
    assert "ditambahkan" not in text_of(await h.say("telegram:510", "kapan pengumuman hasil seleksi psp?"))
    assert len(await tickets(h)) == 1
    assert "Tidak ada percakapan" in text_of(await h.say("telegram:510", "/selesai"))


async def test_a_closed_or_dismissed_conversation_takes_no_follow_ups(harness_factory: Any) -> None:
    h = await build(harness_factory)
    await h.say("telegram:611", "/petugas pagi pak")
    await h.payload("telegram:1", "inbox:o:t1")
    await h.press("telegram:1", "Abaikan")
    assert "ditambahkan" not in text_of(await h.say("telegram:611", "kapan pengumuman hasil seleksi psp?"))
    # staff members' own free text is never taken for a follow-up, even with a conversation of their own open
    await h.say("telegram:3", "/petugas Mohon bantuan akun saya.")
    assert "ditambahkan" not in text_of(await h.say("telegram:3", "kapan pengumuman hasil seleksi psp?"))


async def test_a_reply_preview_button_from_before_typed_payloads_is_stale_and_sends_nothing(harness_factory: Any) -> None:
    h = await build(harness_factory)
    await add_principal(h, "telegram:500")
    await h.say("telegram:500", "/petugas")
    await h.say("telegram:500", "Mohon info: berkas verifikasi dikirim ke mana ya?")
    [notice] = to(await deliver(h), "telegram:1")
    await press_delivered(h, "telegram:1", notice, "Balas")
    preview = await h.say("telegram:1", "Berkas dikirim ke kantor Disdikpora paling lambat Jumat.")
    assert labels(preview) == ["📤 Kirim", "✏️ Ubah", "❌ Batal"]
    # "Kirim" as it was written before the staff inbox declared its steps: stale, the preview stays.
    assert "tidak berlaku" in text_of(await h.payload("telegram:1", "form:preview:kirim"))
    assert not await deliver(h)
    h.last["telegram:1"] = preview
    assert "Jawaban dikirim ke percakapan #1" in text_of(await h.press("telegram:1", "Kirim"))
    assert [r.text for r in to(await deliver(h), "telegram:500") if "Jawaban petugas" in r.text]
    # Pressed again after it went: nothing open, stale.
    h.last["telegram:1"] = preview
    assert "tidak berlaku" in text_of(await h.press("telegram:1", "Kirim"))
