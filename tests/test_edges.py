"""The channel edges (issue #13): sent files fetched only when a step expects one and capped,
platform events that get no reply, commands for other bots, deep JSON, the order of checks."""

from __future__ import annotations

import asyncio
import json
import logging
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from sqlmodel import select

from bot.app import BotApp
from models.tables import Contact, OutboxMessage
from tests.conftest import TEST_TOKEN, clean_env
from tests.fake_telegram import FakeTelegramServer
from tests.test_telegram_adapter import start_bot
from tests.test_whatsapp import WhatsAppHarness, body_text, payload, sign
from tests.test_whatsapp import wa as wa  # noqa: F401 — the fixture, used by name

ROOT = Path(__file__).resolve().parent.parent
SECRET = "edge-webhook-secret-123"
TEN_MB = 10 * 1024 * 1024
DEEP = b"[" * 100_000 + b"]" * 100_000


async def compose_circular(fake: FakeTelegramServer) -> None:
    """The admin (telegram:1) opens /siaran and types the text: the next step takes a document."""
    await fake.send_text(1, "/siaran")
    await fake.wait_for_messages(1, 1)
    await fake.send_text(1, "Surat edaran nomor 421/2022 terlampir.")
    await fake.wait_for_messages(1, 2)


# -- files -----------------------------------------------------------------------------------------


async def test_a_document_nobody_asked_for_is_never_downloaded(database_url: str, fake_api: FakeTelegramServer) -> None:
    app = await start_bot(database_url, fake_api)
    try:
        await fake_api.send_document(500, "besar.pdf", b"%PDF" + b"x" * 1000, stated_size=False)
        await fake_api.send_document(1, "admin-tanpa-siaran.pdf", b"%PDF-1.4")  # staff, but no step asks for a file
        calls = await fake_api.wait_for_messages(500, 1)
        await fake_api.wait_for_messages(1, 1)
        assert "pesan teks" in calls[0].params["text"]
        assert fake_api.downloads == 0 and not fake_api.sent(method="getFile")
    finally:
        await app.stop()


async def test_a_file_past_the_cap_is_refused_even_when_no_size_is_stated(database_url: str, fake_api: FakeTelegramServer) -> None:
    app = await start_bot(database_url, fake_api)
    fake_api.state_sizes = False
    try:
        await compose_circular(fake_api)
        await fake_api.send_document(1, "terlalu-besar.pdf", b"%PDF" + b"x" * TEN_MB, stated_size=False)
        calls = await fake_api.wait_for_messages(1, 3)
        assert "lebih besar dari 10 MB" in calls[2].params["text"]
        assert fake_api.downloads == 1
        # the step is still open: a file within the cap is taken
        await fake_api.send_document(1, "SE-421.pdf", b"%PDF-1.4 surat edaran", stated_size=False)
        calls = await fake_api.wait_for_messages(1, 5)
        assert "Lampiran diterima: SE-421.pdf" in calls[3].params["text"]
        async with app.services.db.session() as session:
            message = (await session.exec(select(OutboxMessage))).one()
        assert message.document == b"%PDF-1.4 surat edaran"
    finally:
        await app.stop()


async def test_a_stated_size_past_the_cap_is_refused_without_downloading(database_url: str, fake_api: FakeTelegramServer) -> None:
    app = await start_bot(database_url, fake_api)
    try:
        await compose_circular(fake_api)
        await fake_api.send_document(1, "besar.pdf", b"%PDF" + b"x" * TEN_MB)
        calls = await fake_api.wait_for_messages(1, 3)
        assert "lebih besar dari 10 MB" in calls[2].params["text"]
        assert fake_api.downloads == 0
    finally:
        await app.stop()


def _rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError("no VmRSS")


@pytest.mark.slow
async def test_twenty_public_ten_mb_documents_leave_the_memory_of_psp_bot_run_alone(tmp_path: Path, database_url: str, fake_api: FakeTelegramServer) -> None:
    config = tmp_path / "config.toml"
    config.write_text(
        f'[bot]\ndatabase_url = "{database_url}"\n[telegram]\ntoken = "{TEST_TOKEN}"\nbase_url = "{fake_api.base_url}"\n'
        'rate_per_second = 1000\n[http]\nport = 0\n[roles]\nadmins = ["telegram:1"]\n'
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "run", "--config", str(config)], cwd=ROOT, env=clean_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        await fake_api.send_text(2, "/start")  # warmed up: the whole message path has run once
        await fake_api.wait_for_messages(2, 1, timeout=60)
        await asyncio.sleep(1)
        before = _rss_kb(process.pid)
        users = range(600, 620)
        for n, user in enumerate(users):
            await fake_api.send_document(user, f"berkas-{n}.pdf", b"%PDF" + bytes([n]) * TEN_MB, stated_size=n % 2 == 0)
        await fake_api.wait_for(lambda: all(fake_api.sent(u) for u in users), timeout=120)
        await asyncio.sleep(1)
        grown_mb = (_rss_kb(process.pid) - before) / 1024
        print(f"RSS {before / 1024:.1f} MB before, grew by {grown_mb:.1f} MB after 20 documents of 10 MB")
        assert fake_api.downloads == 0
        assert grown_mb < 20, f"RSS grew by {grown_mb:.1f} MB"
        # …and an admin's PDF in /siaran still arrives through the same process
        await compose_circular(fake_api)
        await fake_api.send_document(1, "SE-421.pdf", b"%PDF-1.4 surat edaran")
        calls = await fake_api.wait_for_messages(1, 3, timeout=30)
        assert "Lampiran diterima: SE-421.pdf" in calls[2].params["text"]
    finally:
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=30)
    assert process.returncode == 0, err.decode()[-2000:]


# -- Telegram updates ------------------------------------------------------------------------------


def member_update(fake: FakeTelegramServer, user_id: int, old: str, new: str) -> dict[str, Any]:
    return {
        "my_chat_member": {
            "chat": {"id": user_id, "type": "private", "first_name": "Made"},
            "from": fake.user(user_id),
            "date": int(time.time()),
            "old_chat_member": {"user": {"id": 7000000001, "is_bot": True, "first_name": "PSP Bot"}, "status": old},
            "new_chat_member": {"user": {"id": 7000000001, "is_bot": True, "first_name": "PSP Bot"}, "status": new, "until_date": 0},
        }
    }


async def _reachable(app: BotApp, contact_id: str) -> bool:
    async with app.services.db.session() as session:
        contact = await session.get(Contact, contact_id)
        assert contact is not None
        return contact.reachable


async def test_blocking_marks_the_contact_unreachable_and_unblocking_reachable_again(database_url: str, fake_api: FakeTelegramServer) -> None:
    app = await start_bot(database_url, fake_api)
    try:
        await fake_api.send_text(40, "/start")
        await fake_api.wait_for_messages(40, 1)
        await fake_api.push(member_update(fake_api, 40, "member", "kicked"))
        await fake_api.wait_for(lambda: fake_api.confirmed >= 2)
        await app.inbox.join()
        assert await _reachable(app, "telegram:40") is False
        await fake_api.push(member_update(fake_api, 40, "kicked", "member"))
        await fake_api.wait_for(lambda: fake_api.confirmed >= 3)
        await app.inbox.join()
        assert await _reachable(app, "telegram:40") is True
        assert len(fake_api.sent(40)) == 1  # neither event was answered
        assert "my_chat_member" in fake_api.allowed_updates
    finally:
        await app.stop()


async def test_a_command_for_another_bot_is_ignored_and_one_for_us_works(database_url: str, fake_api: FakeTelegramServer) -> None:
    app = await start_bot(database_url, fake_api)
    try:
        await fake_api.send_text(41, "/jadwal@SomeOtherBot")
        await fake_api.send_text(41, "/bantuan@PSP_Test_Bot")
        calls = await fake_api.wait_for_messages(41, 1)
        await fake_api.wait_for(lambda: fake_api.confirmed >= 2)
        await app.inbox.join()
        assert len(fake_api.sent(41)) == 1
        assert "/bahasa" in calls[0].params["text"]  # the help text
    finally:
        await app.stop()


async def test_webhook_edges(database_url: str, fake_api: FakeTelegramServer, caplog: pytest.LogCaptureFixture) -> None:
    app = await start_bot(database_url, fake_api, mode="webhook", webhook_url="https://bot.example.go.id/telegram/webhook", webhook_secret=SECRET)
    good = {"X-Telegram-Bot-Api-Secret-Token": SECRET, "Content-Type": "application/json"}
    try:
        assert "my_chat_member" in fake_api.sent(method="setWebhook")[0].params["allowed_updates"]
        assert app.http is not None
        url = f"http://127.0.0.1:{app.http.port}/telegram/webhook"
        async with aiohttp.ClientSession() as http:
            # a stranger with the wrong content type learns nothing: the secret is checked first
            async with http.post(url, data="x", headers={"Content-Type": "text/plain"}) as resp:
                assert resp.status == 403
            async with http.post(url, data=DEEP, headers=good) as resp:
                assert resp.status == 400
            with caplog.at_level(logging.WARNING, logger="bot.channels.telegram"):
                async with http.post(url, data=json.dumps({"message": {"text": "hi"}}), headers=good) as resp:
                    assert resp.status == 400
            assert "update_id" in caplog.text
            # well-formed, of a kind the bot does not handle: 200 (Telegram would retry a 400), no reply
            async with http.post(url, data=json.dumps({"update_id": 70, "message_reaction_count": {"chat": {"id": 5}}}), headers=good) as resp:
                assert resp.status == 200
            with caplog.at_level(logging.INFO, logger="bot.channels.telegram"):
                async with http.post(url, data=json.dumps({"update_id": 71, "message": {"text": "tanpa pengirim"}}), headers=good) as resp:
                    assert resp.status == 200
            assert "from.id" in caplog.text
        await app.inbox.join()
        assert fake_api.sent() == []
    finally:
        await app.stop()


# -- WhatsApp ------------------------------------------------------------------------------------


async def test_whatsapp_public_document_not_fetched_and_capped_for_the_admin(wa: WhatsAppHarness) -> None:
    wa.graph.files["111"] = b"%PDF" + b"x" * 1000
    body = payload("document_message", WA_ID="6281234500077", MESSAGE_ID="wamid.pub1", FILENAME="x.pdf", MEDIA_ID="111", NAME="Putu")
    assert await wa.post(body, sign(body)) == 200
    await wa.graph.wait_for(lambda: len(wa.graph.messages("6281234500077")) >= 1)
    assert "pesan teks" in body_text(wa.graph.messages("6281234500077")[0])
    assert wa.graph.downloads == 0
    admin = "6281200000001"
    await wa.say(admin, "siaran")
    await wa.say(admin, "Surat edaran tentang jadwal PSP terlampir.")
    wa.graph.state_sizes = False
    wa.graph.files["222"] = b"%PDF" + b"x" * TEN_MB
    before = len(wa.graph.messages(admin))
    body = payload("document_message", WA_ID=admin, MESSAGE_ID="wamid.big1", FILENAME="besar.pdf", MEDIA_ID="222", NAME="Admin")
    assert await wa.post(body, sign(body)) == 200
    await wa.graph.wait_for(lambda: len(wa.graph.messages(admin)) > before)
    assert "lebih besar dari 10 MB" in body_text(wa.graph.messages(admin)[-1])


def _wa_text(message_id: str, wa_id: str, text: str) -> dict[str, Any]:
    return {"from": wa_id, "id": message_id, "timestamp": "1700000000", "type": "text", "text": {"body": text}}


def _wa_body(*changes: Any, entries: tuple[Any, ...] = ()) -> bytes:
    return json.dumps({"object": "whatsapp_business_account", "entry": [*entries, {"id": "1", "changes": list(changes)}]}).encode()


def _wa_value(messages: list[Any], phone_number_id: str = "106540352242922") -> dict[str, Any]:
    metadata = {"display_phone_number": "15550000000", "phone_number_id": phone_number_id}
    return {"field": "messages", "value": {"messaging_product": "whatsapp", "metadata": metadata, "messages": messages}}


async def test_whatsapp_other_number_bad_shapes_and_deep_json(wa: WhatsAppHarness) -> None:
    ours, theirs = "6281234500081", "6281234500082"
    body = _wa_body(
        _wa_value([_wa_text("wamid.other1", theirs, "halo")], phone_number_id="999999999"),
        "not a change",
        {"value": ["not", "an", "object"]},
        _wa_value(["not a message", {"from": "abc"}, _wa_text("wamid.ours1", ours, "/bantuan")]),
        entries=("not an entry", {"changes": "not a list"}),
    )
    assert await wa.post(body, sign(body)) == 200
    await wa.graph.wait_for(lambda: len(wa.graph.messages(ours)) >= 1)
    await wa.app.inbox.join()
    assert wa.graph.messages(theirs) == []
    assert await wa.post(DEEP, sign(DEEP)) == 400
    # the signature is checked before anything else
    async with wa.http.post(wa.url, data=b"x", headers={"Content-Type": "text/plain"}) as resp:
        assert resp.status == 401
    async with wa.http.post(wa.url, data=b"x", headers={"Content-Type": "text/plain", "X-Hub-Signature-256": "sha256=00"}) as resp:
        assert resp.status == 403
