"""The WhatsApp channel: signed copies of Meta's documented webhook payloads into the real aiohttp app,
and what a fake Graph API server on 127.0.0.1 received."""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from sqlmodel import select

from bot.app import BotApp
from models.outbox import create_message, enqueue
from models.tables import Contact, OutboxItem, Registration
from tests.conftest import make_settings
from tests.fake_graph import FakeGraphServer

FIXTURES = Path(__file__).resolve().parent / "data" / "whatsapp"
SECRET = "app-secret-for-tests"
VERIFY = "verify-token-for-tests"
_ids = itertools.count(1)


def payload(name: str, **values: str) -> bytes:
    text = (FIXTURES / f"{name}.json").read_text()
    for key, value in values.items():
        text = text.replace("{{" + key + "}}", json.dumps(value)[1:-1])
    return text.encode()


def sign(body: bytes, secret: str = SECRET) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


class WhatsAppHarness:
    def __init__(self, app: BotApp, graph: FakeGraphServer, http: aiohttp.ClientSession) -> None:
        self.app = app
        self.graph = graph
        self.http = http
        assert app.http is not None
        self.url = f"http://127.0.0.1:{app.http.port}/whatsapp/webhook"

    async def post(self, body: bytes, signature: str | None = None) -> int:
        headers = {"Content-Type": "application/json"}
        if signature is not None:
            headers["X-Hub-Signature-256"] = signature
        async with self.http.post(self.url, data=body, headers=headers) as resp:
            return resp.status

    async def say(self, wa_id: str, text: str, message_id: str | None = None) -> dict[str, Any]:
        before = len(self.graph.messages(wa_id))
        body = payload("text_message", WA_ID=wa_id, MESSAGE_ID=message_id or f"wamid.in{next(_ids)}", BODY=text, NAME="Kadek")
        assert await self.post(body, sign(body)) == 200
        await self.graph.wait_for(lambda: len(self.graph.messages(wa_id)) > before)
        await self.app.inbox.join()
        return self.graph.messages(wa_id)[-1]

    async def choose(self, wa_id: str, title: str) -> dict[str, Any]:
        """Press the button or list row titled ``title`` in the last interactive message."""
        last = next(m for m in reversed(self.graph.messages(wa_id)) if m["type"] == "interactive")
        interactive = last["interactive"]
        if interactive["type"] == "button":
            options = [(b["reply"]["id"], b["reply"]["title"]) for b in interactive["action"]["buttons"]]
            fixture = "interactive_button_reply"
        else:
            options = [(r["id"], r["title"]) for s in interactive["action"]["sections"] for r in s["rows"]]
            fixture = "interactive_list_reply"
        reply_id = next(i for i, t in options if title in t)
        before = len(self.graph.messages(wa_id))
        body = payload(fixture, WA_ID=wa_id, MESSAGE_ID=f"wamid.in{next(_ids)}", REPLY_ID=reply_id, TITLE=title, NAME="Kadek")
        assert await self.post(body, sign(body)) == 200
        await self.graph.wait_for(lambda: len(self.graph.messages(wa_id)) > before)
        await self.app.inbox.join()
        return self.graph.messages(wa_id)[-1]


def body_text(message: dict[str, Any]) -> str:
    if message["type"] == "text":
        return str(message["text"]["body"])
    if message["type"] == "interactive":
        return str(message["interactive"]["body"]["text"])
    if message["type"] == "template":
        return json.dumps(message["template"])
    return json.dumps(message)


@pytest.fixture
async def wa(database_url: str) -> AsyncIterator[WhatsAppHarness]:
    graph = FakeGraphServer()
    await graph.start()
    settings = make_settings(
        database_url,
        whatsapp={"enabled": True, "phone_number_id": "106540352242922", "access_token": graph.token, "app_secret": SECRET,
                  "verify_token": VERIFY, "api_base_url": graph.base_url, "reminder_template": "pengingat_bimtek",
                  "broadcast_template": "surat_edaran"},
        roles={"admins": ["whatsapp:6281200000001"]},
    )  # fmt: skip
    app = BotApp(settings)
    await app.start(scheduler=False)
    async with aiohttp.ClientSession() as http:
        yield WhatsAppHarness(app, graph, http)
    await app.stop()
    await graph.stop()


async def test_verification_handshake(wa: WhatsAppHarness) -> None:
    good = {"hub.mode": "subscribe", "hub.verify_token": VERIFY, "hub.challenge": "1158201444"}
    async with wa.http.get(wa.url, params=good) as resp:
        assert resp.status == 200 and await resp.text() == "1158201444"
    for wrong in ({**good, "hub.verify_token": "nope"}, {**good, "hub.mode": "unsubscribe"}, {}):
        async with wa.http.get(wa.url, params=wrong) as resp:
            assert resp.status == 403


async def test_forged_unsigned_and_malformed_bodies_are_refused_and_nothing_is_processed(wa: WhatsAppHarness) -> None:
    body = payload("text_message", WA_ID="6281234500001", MESSAGE_ID="wamid.forged", BODY="halo", NAME="X")
    assert await wa.post(body) == 401
    assert await wa.post(body, sign(body, "another-secret")) == 403
    assert await wa.post(body, sign(body + b" ")) == 403
    assert await wa.post(b"{not json", sign(b"{not json")) == 400
    assert await wa.post(b"[1, 2]", sign(b"[1, 2]")) == 400
    async with wa.http.post(wa.url, data=body, headers={"X-Hub-Signature-256": sign(body), "Content-Type": "text/plain"}) as resp:
        assert resp.status == 200  # Meta's content type is not ours to insist on; the signature is what counts
    await wa.graph.wait_for(lambda: len(wa.graph.messages("6281234500001")) == 1)
    big = b'{"entry": [], "x": "' + b"a" * 2_000_000 + b'"}'
    assert await wa.post(big, sign(big)) == 413
    async with wa.app.services.db.session() as session:
        contacts = list(await session.exec(select(Contact).where(Contact.channel == "whatsapp")))
    assert [c.id for c in contacts if c.id != "whatsapp:6281200000001"] == ["whatsapp:6281234500001"]  # only the signed one


async def test_duplicate_delivery_is_answered_once(wa: WhatsAppHarness) -> None:
    reply = await wa.say("6281234500002", "halo", message_id="wamid.same")
    assert "Om Swastyastu" in body_text(reply)
    body = payload("text_message", WA_ID="6281234500002", MESSAGE_ID="wamid.same", BODY="halo", NAME="Kadek")
    assert await wa.post(body, sign(body)) == 200
    await wa.say("6281234500002", "bantuan")
    texts = [body_text(m) for m in wa.graph.messages("6281234500002")]
    assert sum("Om Swastyastu" in t for t in texts) == 1
    assert "menu, bantuan, bahasa" in texts[-1]  # commands without the slash


async def test_menu_renders_as_a_list_and_short_choices_as_buttons(wa: WhatsAppHarness) -> None:
    menu = await wa.say("6281234500003", "menu")
    assert menu["type"] == "interactive" and menu["interactive"]["type"] == "list"
    rows = menu["interactive"]["action"]["sections"][0]["rows"]
    assert len(rows) <= 10 and all(len(r["title"]) <= 24 for r in rows)
    language = await wa.choose("6281234500003", "Bahasa")
    assert language["interactive"]["type"] == "button"
    buttons = language["interactive"]["action"]["buttons"]
    assert len(buttons) <= 3 and all(len(b["reply"]["title"]) <= 20 for b in buttons)
    answer = await wa.choose("6281234500003", "English")
    assert "English" in body_text(answer)
    image = payload("image_message", WA_ID="6281234500003", MESSAGE_ID="wamid.img1", NAME="Kadek")
    assert await wa.post(image, sign(image)) == 200
    await wa.graph.wait_for(lambda: "only read text" in body_text(wa.graph.messages("6281234500003")[-1]))
    forged = payload("interactive_button_reply", WA_ID="6281234500003", MESSAGE_ID="wamid.f1", REPLY_ID="bahasa:id|AAAAAAAA", TITLE="x", NAME="K")
    assert await wa.post(forged, sign(forged)) == 200
    await wa.graph.wait_for(lambda: "no longer valid" in body_text(wa.graph.messages("6281234500003")[-1]))


async def test_full_registration_over_buttons_and_lists(wa: WhatsAppHarness) -> None:
    who = "6281234500004"
    assert "data pribadi" in body_text(await wa.say(who, "daftar"))
    assert "Nama lengkap" in body_text(await wa.say(who, "setuju"))
    for answer in ["I Gede Arsana, S.Pd.", "197203102000121001", "50100456", "SMP Negeri 2 Gerokgak"]:
        await wa.say(who, answer)
    jenjang = wa.graph.messages(who)[-1]
    assert jenjang["interactive"]["type"] == "button"
    kecamatan = await wa.choose(who, "SMP")
    assert kecamatan["interactive"]["type"] == "list" and len(kecamatan["interactive"]["action"]["sections"][0]["rows"]) == 9
    status = await wa.choose(who, "Gerokgak")
    assert status["interactive"]["type"] == "button"
    await wa.choose(who, "Definitif")
    await wa.say(who, "0812 2222 3333")
    summary = await wa.say(who, "-")
    assert "Ringkasan" in body_text(summary) and summary["interactive"]["type"] == "button"
    edit = await wa.choose(who, "Ubah")
    assert edit["interactive"]["type"] == "list"
    await wa.choose(who, "Email")
    summary = await wa.say(who, "arsana@smpn2gerokgak.sch.id")
    assert "arsana@smpn2gerokgak.sch.id" in body_text(summary)
    done = await wa.choose(who, "Kirim")
    assert "sudah tersimpan" in body_text(done)
    async with wa.app.services.db.session() as session:
        record = (await session.exec(select(Registration))).one()
    assert record.contact_id == f"whatsapp:{who}" and record.kecamatan == "Gerokgak" and record.jenjang == "SMP" and record.phone == "+6281222223333"


async def test_numbered_menu_for_long_choice_sets(wa: WhatsAppHarness) -> None:
    admin = "6281200000001"
    await wa.say(admin, "siaran")
    await wa.say(admin, "Undangan rapat koordinasi PSP.")
    await wa.choose(admin, "Tanpa lampiran")
    audience = wa.graph.messages(admin)[-1]
    assert audience["type"] == "text" and "Balas dengan angka" in body_text(audience)  # 17 choices: a numbered menu
    lines = body_text(audience).splitlines()
    number = next(line.split(".")[0] for line in lines if "Semua kontak" in line and line[:1].isdigit())
    toggled = await wa.say(admin, number)
    assert "✅ Semua kontak" in body_text(toggled)


async def test_reminder_outside_the_window_goes_as_template_and_errors_are_handled(wa: WhatsAppHarness) -> None:
    services = wa.app.services
    now = services.clock.now()
    async with services.db.session() as session:
        # last wrote 3 days ago (window closed), 2 hours ago and 1 hour ago (window open)
        for wa_id, ago in (("6281234500010", timedelta(days=3)), ("6281234500011", timedelta(hours=2)), ("6281234500012", timedelta(hours=1))):
            session.add(Contact(id=f"whatsapp:{wa_id}", channel="whatsapp", external_id=wa_id, role="coordinator", reminders=True, last_inbound_at=now - ago))
        await session.commit()
    wa.graph.fail(131047, to="6281234500011")  # the window closed after all: fall back to the template
    wa.graph.fail(130429, to="6281234500012", kinds=("text",))  # throughput limit: back off, try again later
    async with services.db.session() as session:
        contacts = list(await session.exec(select(Contact).where(Contact.external_id.in_(["6281234500010", "6281234500011", "6281234500012"]))))  # type: ignore[attr-defined]
        message = await create_message(session, "reminder", "⏰ Pengingat Bimtek\nBimtek Tim Pokja PMO — Hari 1\nZoom: https://zoom.us/j/1", now=now)
        await enqueue(session, message, contacts, now)
        await session.commit()
    assert wa.app.outbox is not None
    while await wa.app.outbox.run_once():
        pass
    outside = wa.graph.messages("6281234500010")
    assert outside[-1]["type"] == "template" and outside[-1]["template"]["name"] == "pengingat_bimtek"
    assert "\n" not in outside[-1]["template"]["components"][0]["parameters"][0]["text"]
    fallback = wa.graph.messages("6281234500011")
    assert fallback[-1]["type"] == "template"
    assert wa.graph.messages("6281234500012") == []
    async with services.db.session() as session:
        item = (await session.exec(select(OutboxItem).where(OutboxItem.contact_id == "whatsapp:6281234500012"))).one()
    assert item.status == "pending" and item.error is not None and item.error.startswith("130429") and item.next_attempt_at > now + timedelta(seconds=30)
    # a "failed 131047" status webhook puts a sent row back as a template
    sent = await _item(wa, "whatsapp:6281234500010")
    status = payload("status_failed", WA_ID="6281234500010", MESSAGE_ID=sent.platform_message_id or "")
    assert await wa.post(status, sign(status)) == 200
    await _until(wa, "whatsapp:6281234500010", lambda i: i.status == "pending")
    read = payload("status_update", WA_ID="6281234500011", MESSAGE_ID=(await _item(wa, "whatsapp:6281234500011")).platform_message_id or "", STATUS="read")
    assert await wa.post(read, sign(read)) == 200
    await _until(wa, "whatsapp:6281234500011", lambda i: i.platform_status == "read")


async def _item(wa: WhatsAppHarness, contact_id: str) -> OutboxItem:
    async with wa.app.services.db.session() as session:
        return (await session.exec(select(OutboxItem).where(OutboxItem.contact_id == contact_id))).one()


async def _until(wa: WhatsAppHarness, contact_id: str, check: Any) -> None:
    import asyncio

    for _ in range(100):
        if check(await _item(wa, contact_id)):
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"{contact_id}: {await _item(wa, contact_id)}")


async def test_admin_attaches_a_circular_pdf_over_whatsapp(wa: WhatsAppHarness) -> None:
    admin = "6281200000001"
    await wa.say(admin, "siaran")
    await wa.say(admin, "Surat edaran tentang jadwal PSP terlampir.")
    wa.graph.files["4490709327384033"] = b"%PDF-1.4 edaran"
    before = len(wa.graph.messages(admin))
    body = payload("document_message", WA_ID=admin, MESSAGE_ID="wamid.doc1", FILENAME="SE-PSP.pdf", MEDIA_ID="4490709327384033", NAME="Admin")
    assert await wa.post(body, sign(body)) == 200
    await wa.graph.wait_for(lambda: len(wa.graph.messages(admin)) >= before + 2)
    texts = [body_text(m) for m in wa.graph.messages(admin)[before:]]
    assert any("Lampiran diterima: SE-PSP.pdf" in t for t in texts)
    async with wa.app.services.db.session() as session:
        from models.tables import OutboxMessage

        message = (await session.exec(select(OutboxMessage))).one()
    assert message.document == b"%PDF-1.4 edaran" and message.document_name == "SE-PSP.pdf"


async def test_a_message_is_stored_before_the_200_and_handled_after_a_restart_of_handling(wa: WhatsAppHarness) -> None:
    from models.tables import InboxItem

    await wa.app.inbox.stop()  # as if the process died right after answering Meta
    body = payload("text_message", WA_ID="6281234500009", MESSAGE_ID="wamid.kept", BODY="halo", NAME="Kadek")
    assert await wa.post(body, sign(body)) == 200
    async with wa.app.services.db.session() as session:
        rows = list(await session.exec(select(InboxItem)))
    assert [(r.key, r.contact_id, r.status) for r in rows] == [("whatsapp:wamid.kept", "whatsapp:6281234500009", "pending")]
    assert wa.graph.messages("6281234500009") == []
    await wa.app.inbox.start()
    await wa.graph.wait_for(lambda: len(wa.graph.messages("6281234500009")) == 1)
    assert "Om Swastyastu" in body_text(wa.graph.messages("6281234500009")[0])


async def test_a_typed_number_is_read_back_from_the_menu_stored_in_the_database(wa: WhatsAppHarness) -> None:
    from models.inbox import menu_choice

    async with wa.app.services.db.session() as session:
        from models.inbox import remember_menu

        await remember_menu(session, "whatsapp:6281234500010", ["bantuan", "jadwal"], wa.app.services.clock.now())
        await session.commit()
    reply = await wa.say("6281234500010", "1")  # another process sent the menu; this one reads the choice
    assert "menu, bantuan, bahasa" in body_text(reply)
    async with wa.app.services.db.session() as session:
        assert await menu_choice(session, "whatsapp:6281234500010", 3) is None


async def test_a_photo_of_a_document_reaches_the_help_desk(wa: WhatsAppHarness) -> None:
    wa.graph.files["1479537139650973"] = b"\xff\xd8\xff jpeg of a decree"
    prompt = await wa.say("6281234500009", "petugas")
    assert "tulis pesan untuk petugas" in body_text(prompt)
    image = payload("image_message", WA_ID="6281234500009", MESSAGE_ID="wamid.img9", NAME="Kadek")
    assert await wa.post(image, sign(image)) == 200
    await wa.graph.wait_for(lambda: "diteruskan ke petugas" in body_text(wa.graph.messages("6281234500009")[-1]))
    # the admin (on WhatsApp here) receives the photo with the message and the buttons
    await wa.graph.wait_for(lambda: any(m["type"] == "document" for m in wa.graph.messages("6281200000001")), timeout=20)
    uploads = [c for c in wa.graph.calls if c.path == "media"]
    assert uploads and uploads[-1].body["size"] == len(b"\xff\xd8\xff jpeg of a decree")
