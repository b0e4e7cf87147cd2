"""The Telegram adapter with the real python-telegram-bot Application against a fake Bot API server."""

from __future__ import annotations

import json
from typing import Any

import aiohttp

from bot.app import BotApp
from bot.channels.telegram import TelegramChannel
from bot.messages import Reply
from tests.conftest import TEST_TOKEN, make_settings
from tests.fake_telegram import FakeTelegramServer


async def start_bot(database_url: str, fake: FakeTelegramServer, **telegram: Any) -> BotApp:
    settings = make_settings(
        database_url,
        telegram={"token": TEST_TOKEN, "base_url": fake.base_url, "rate_per_second": 1000, **telegram},
        roles={"admins": ["telegram:1"]},
    )
    app = BotApp(settings)
    await app.start()
    return app


async def test_start_over_polling_gets_greeting_and_menu_buttons(database_url: str, fake_api: FakeTelegramServer) -> None:
    app = await start_bot(database_url, fake_api)
    try:
        await fake_api.send_text(777, "/start", "Wayan")
        calls = await fake_api.wait_for_messages(777, 1)
        assert calls[0].params["text"].startswith("Om Swastyastu, Bapak/Ibu Wayan")
        buttons = fake_api.buttons(calls[0])
        assert any("Bahasa" in b["text"] for b in buttons)
        assert all(len(b["callback_data"].encode()) <= 64 for b in buttons)
        # press the language button: a genuine press is answered and followed
        lang = next(b for b in buttons if "Bahasa" in b["text"])
        await fake_api.press(777, lang["callback_data"], calls[0].params.get("message_id", 1))
        calls = await fake_api.wait_for_messages(777, 2)
        assert "pilih bahasa" in calls[1].params["text"]
        assert fake_api.sent(method="answerCallbackQuery")
        # a forged press (data changed by the client) is refused safely
        await fake_api.press(777, "bahasa:en|AAAAAAAA")
        calls = await fake_api.wait_for_messages(777, 3)
        assert "tidak berlaku" in calls[2].params["text"]
        # another user's genuine button does not work for this user either
        await fake_api.press(778, lang["callback_data"])
        calls = await fake_api.wait_for_messages(778, 1)
        assert "tidak berlaku" in calls[0].params["text"]
    finally:
        await app.stop()
    commands = fake_api.sent(method="setMyCommands")
    assert {c.params.get("language_code") for c in commands} >= {None, "en"}
    names = [c["command"] for c in commands[0].params["commands"]]
    assert "bantuan" in names and "menu" in names


async def test_non_text_and_group_messages(database_url: str, fake_api: FakeTelegramServer) -> None:
    app = await start_bot(database_url, fake_api)
    try:
        sticker = fake_api.text_update(779, "x")
        del sticker["message"]["text"]
        sticker["message"]["sticker"] = {
            "file_id": "s",
            "file_unique_id": "s",
            "width": 1,
            "height": 1,
            "is_animated": False,
            "is_video": False,
            "type": "regular",
        }
        await fake_api.push(sticker)
        group = fake_api.text_update(780, "/start")
        group["message"]["chat"] = {"id": -100, "type": "group", "title": "grup"}
        await fake_api.push(group)
        await fake_api.send_text(779, "/bantuan")
        calls = await fake_api.wait_for_messages(779, 2)
        assert "pesan teks" in calls[0].params["text"]
        assert "/bahasa" in calls[1].params["text"]
        assert fake_api.sent(-100) == []
    finally:
        await app.stop()


async def test_long_texts_are_split_and_documents_sent(database_url: str, fake_api: FakeTelegramServer) -> None:
    app = await start_bot(database_url, fake_api)
    try:
        channel = app.services.channels["telegram"]
        assert isinstance(channel, TelegramChannel)
        from bot.messages import Button, Document

        long_text = "\n\n".join(f"Bagian {i}: " + "informasi " * 100 for i in range(12))
        await channel.send(
            "900", [Reply(long_text, ((Button("OK", "menu"),),)), Reply("Berkas", document=Document("jadwal.ics", b"BEGIN:VCALENDAR", "text/calendar"))]
        )
        texts = fake_api.sent(900)
        assert len(texts) >= 3 and all(len(c.params["text"]) <= 4096 for c in texts)
        assert "reply_markup" in texts[-1].params and all("reply_markup" not in c.params for c in texts[:-1])
        doc = fake_api.sent(900, "sendDocument")[0]
        assert doc.files["document"] == ("jadwal.ics", b"BEGIN:VCALENDAR") and doc.params["caption"] == "Berkas"
    finally:
        await app.stop()


async def test_webhook_checks_the_secret_and_processes_updates(database_url: str, fake_api: FakeTelegramServer) -> None:
    secret = "s3cret-webhook-token-123"
    app = await start_bot(database_url, fake_api, mode="webhook", webhook_url="https://bot.example.go.id/telegram/webhook", webhook_secret=secret)
    try:
        assert fake_api.sent(method="setWebhook")[0].params["secret_token"] == secret
        assert app.http is not None
        url = f"http://127.0.0.1:{app.http.port}/telegram/webhook"
        update = {"update_id": 5, **fake_api.text_update(781, "/start")}
        async with aiohttp.ClientSession() as http:
            for headers, status in [({}, 403), ({"X-Telegram-Bot-Api-Secret-Token": "wrong"}, 403)]:
                async with http.post(url, json=update, headers=headers) as resp:
                    assert resp.status == status
            good = {"X-Telegram-Bot-Api-Secret-Token": secret}
            async with http.post(url, data="{not json", headers={**good, "Content-Type": "application/json"}) as resp:
                assert resp.status == 400
            async with http.post(url, data=json.dumps(update), headers={**good, "Content-Type": "text/plain"}) as resp:
                assert resp.status == 415
            async with http.post(url, data=b"{" + b" " * 2_000_000 + b"}", headers={**good, "Content-Type": "application/json"}) as resp:
                assert resp.status == 413
            async with http.post(url, json={"update_id": "x"}, headers=good) as resp:
                assert resp.status == 400
            async with http.post(url, json=update, headers=good) as resp:
                assert resp.status == 200
            calls = await fake_api.wait_for_messages(781, 1)
            assert calls[0].params["text"].startswith("Om Swastyastu")
            async with http.get(f"http://127.0.0.1:{app.http.port}/healthz") as resp:
                assert resp.status == 200 and (await resp.json())["database"] is True
            async with http.get(f"http://127.0.0.1:{app.http.port}/metrics") as resp:
                body = await resp.text()
                assert 'psp_webhook_rejected_total{channel="telegram",reason="secret"} 2.0' in body
                assert "psp_updates_total" in body
    finally:
        await app.stop()


async def test_registration_form_through_telegram_with_buttons(database_url: str, fake_api: FakeTelegramServer) -> None:
    app = await start_bot(database_url, fake_api)
    user = 31337

    async def reply_to(text: str | None = None, button: str | None = None) -> Any:
        before = len(fake_api.sent(user))
        if button is None:
            await fake_api.send_text(user, text or "")
        else:
            last = fake_api.sent(user)[-1]
            data = next(b["callback_data"] for b in fake_api.buttons(last) if button in b["text"])
            await fake_api.press(user, data)
        calls = await fake_api.wait_for_messages(user, before + 1)
        return calls[-1]

    try:
        assert "data pribadi" in (await reply_to("/daftar")).params["text"]
        assert "Nama lengkap" in (await reply_to(button="Setuju")).params["text"]
        for answer in ["Ni Kadek Sri", "-", "12 Desember 1970", "50100321", "TK Negeri Pembina"]:
            await reply_to(answer)
        assert "Jenjang" in fake_api.sent(user)[-1].params["text"]
        await reply_to(button="PAUD")
        kecamatan = fake_api.sent(user)[-1]
        assert len(fake_api.buttons(kecamatan)) == 9
        assert len(kecamatan.params["reply_markup"]["inline_keyboard"]) == 3  # a 3×3 keyboard
        await reply_to(button="Tejakula")
        await reply_to(button="Definitif")
        await reply_to("+62 813-3333-4444")
        summary = await reply_to("-")
        assert "Ringkasan" in summary.params["text"] and "Tejakula" in summary.params["text"]
        done = await reply_to(button="Kirim")
        assert "sudah tersimpan" in done.params["text"] and "memenuhi syarat" in done.params["text"]
    finally:
        await app.stop()


async def test_interleaved_chats_get_replies_in_their_own_order(database_url: str, fake_api: FakeTelegramServer) -> None:
    app = await start_bot(database_url, fake_api)
    questions = ["kapan bimtek pmo", "kecamatan apa saja di buleleng", "apa itu komite pembelajaran", "syarat kepsek apa saja", "zona waktu apa"]
    markers = ["8 s.d. 11 Maret", "Gerokgak", "Komite Pembelajaran terdiri", "Kepmendikbud 1177", "WITA"]
    try:
        orders = {chat: [(chat + i) % 5 for i in range(5)] for chat in range(5000, 5030)}
        for i in range(5):
            for chat, order in orders.items():
                await fake_api.send_text(chat, questions[order[i]])
        await fake_api.wait_for(lambda: all(len(fake_api.sent(c)) >= 5 for c in orders), timeout=60)
        for chat, order in orders.items():
            texts = [c.params["text"] for c in fake_api.sent(chat)]
            assert [next(n for n, m in enumerate(markers) if m in t) for t in texts] == order, chat
    finally:
        await app.stop()


async def test_a_reply_to_someone_who_blocked_the_bot_marks_them_unreachable(database_url: str, fake_api: FakeTelegramServer) -> None:
    from models.tables import Contact

    app = await start_bot(database_url, fake_api)
    try:
        fake_api.blocked.add(991)
        await fake_api.send_text(991, "/start")
        await fake_api.wait_for(lambda: any(c.method == "sendMessage" and c.chat_id == 991 for c in fake_api.calls), timeout=10)
        await app.inbox.join()
        async with app.services.db.session() as session:
            contact = await session.get(Contact, "telegram:991")
        assert contact is not None and contact.reachable is False
    finally:
        await app.stop()


async def test_a_photo_of_a_document_reaches_the_help_desk(database_url: str, fake_api: FakeTelegramServer) -> None:
    app = await start_bot(database_url, fake_api)
    try:
        await fake_api.send_text(781, "/petugas")
        await fake_api.wait_for_messages(781, 1)
        fake_api.stored_files["photo-big"] = b"\xff\xd8\xff the largest size"
        fake_api.stored_files["photo-small"] = b"\xff\xd8\xff small"
        photo = fake_api.text_update(781, "")
        del photo["message"]["text"]
        photo["message"]["photo"] = [
            {"file_id": "photo-small", "file_unique_id": "ps", "width": 90, "height": 90, "file_size": 5},
            {"file_id": "photo-big", "file_unique_id": "pb", "width": 1280, "height": 960, "file_size": 20},
        ]
        photo["message"]["caption"] = "SK penugasan"
        await fake_api.push(photo)
        calls = await fake_api.wait_for_messages(781, 2)
        assert "diteruskan ke petugas" in calls[1].params["text"]
        # the admin gets the largest size as a file, with the caption as the message
        await fake_api.wait_for(lambda: bool(fake_api.sent(1, "sendDocument")), timeout=20)
        assert "SK penugasan" in (fake_api.sent(1, "sendDocument")[0].params.get("caption") or "")
        assert [c.params.get("file_id") for c in fake_api.calls if c.method == "getFile"] == ["photo-big"]
    finally:
        await app.stop()
