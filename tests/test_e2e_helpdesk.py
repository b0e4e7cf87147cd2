"""End to end: the help desk through the real ``psp-bot run``, Telegram on the fake Bot API, WhatsApp on the fake Graph API."""

from __future__ import annotations

import asyncio
import signal
import socket
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from sqlalchemy import create_engine, text

from models.db import sync_url
from tests.conftest import TEST_TOKEN, clean_env
from tests.fake_graph import FakeGraphServer
from tests.fake_telegram import FakeTelegramServer
from tests.test_whatsapp import SECRET, VERIFY, payload, sign

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow
ADMIN = 1001
PRINCIPAL = 4242
WA_PRINCIPAL = "6281299990000"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def add_principals(database_url: str) -> None:
    """Two registered principals (one per channel), written while the bot runs."""
    engine = create_engine(sync_url(database_url))
    with engine.begin() as conn:
        for contact, channel, external, name, npsn in (
            (f"telegram:{PRINCIPAL}", "telegram", str(PRINCIPAL), "Ketut Sari", "50100123"),
            (f"whatsapp:{WA_PRINCIPAL}", "whatsapp", WA_PRINCIPAL, "Wayan Darma", "50100999"),
        ):
            conn.execute(
                text(
                    "INSERT INTO contact (id, channel, external_id, name, role, language, kecamatan, reminders, reachable, created_at, updated_at) "
                    "VALUES (:id, :channel, :external, :name, 'principal', 'id', 'Seririt', false, true, :now, :now)"
                ),
                {"id": contact, "channel": channel, "external": external, "name": name, "now": "2022-03-01 00:00:00.000000"},
            )
            conn.execute(
                text(
                    "INSERT INTO registration (contact_id, nama, birth_date, npsn, sekolah, jenjang, kecamatan, status, phone, eligible, reasons, "
                    "submitted_at, updated_at) VALUES (:id, :name, :born, :npsn, 'SD Negeri 1 Seririt', 'SD', 'Seririt', 'definitif', "
                    "'+6281234567890', true, '[]', :now, :now)"
                ),
                {"id": contact, "name": name, "born": date(1975, 8, 17), "npsn": npsn, "now": "2022-03-01 00:00:00.000000"},
            )
    engine.dispose()


def button(call: Any, label: str) -> str:
    return next(b["callback_data"] for b in FakeTelegramServer.buttons(call) if label in b["text"])


async def next_message(fake: FakeTelegramServer, chat_id: int, containing: str, timeout: float = 20) -> Any:
    await fake.wait_for(lambda: any(containing in (c.params.get("text") or "") for c in fake.sent(chat_id)), timeout)
    return [c for c in fake.sent(chat_id) if containing in (c.params.get("text") or "")][-1]


async def test_help_desk_through_psp_bot_run_on_both_channels(tmp_path: Path, database_url: str) -> None:
    fake = FakeTelegramServer(TEST_TOKEN)
    graph = FakeGraphServer()
    await fake.start()
    await graph.start()
    port = free_port()
    config = tmp_path / "config.toml"
    config.write_text(
        f"""
[bot]
database_url = "{database_url}"
[telegram]
token = "{TEST_TOKEN}"
base_url = "{fake.base_url}"
rate_per_second = 1000
[whatsapp]
enabled = true
phone_number_id = "106540352242922"
access_token = "{graph.token}"
app_secret = "{SECRET}"
verify_token = "{VERIFY}"
api_base_url = "{graph.base_url}"
[http]
host = "127.0.0.1"
port = {port}
[roles]
admins = ["telegram:{ADMIN}"]
[helpdesk]
name = "Tim PMO Disdikpora Buleleng"
phone = "+62 812-3456-7890"
"""
    )
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", "--config", str(config), cwd=ROOT, env=clean_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    try:
        await fake.wait_for(lambda: any(c.method == "setMyCommands" for c in fake.calls), timeout=30)
        await asyncio.to_thread(add_principals, database_url)
        await fake.send_text(ADMIN, "/start", "Admin")
        await next_message(fake, ADMIN, "Om Swastyastu")
        # a Telegram principal writes to the staff; the admin gets it with a Balas button
        await fake.send_text(PRINCIPAL, "/petugas", "Ketut")
        await next_message(fake, PRINCIPAL, "tulis pesan untuk petugas")
        await fake.send_text(PRINCIPAL, "Mohon info: berkas verifikasi dikirim ke mana?", "Ketut")
        notice = await next_message(fake, ADMIN, "berkas verifikasi dikirim ke mana")
        assert "Ketut Sari · SD Negeri 1 Seririt · Kec. Seririt · Telegram" in notice.params["text"]
        await fake.press(ADMIN, button(notice, "Balas"))
        await next_message(fake, ADMIN, "Ketik jawaban untuk percakapan #1")
        await fake.send_text(ADMIN, "Ke kantor Disdikpora Buleleng, paling lambat Jumat.", "Admin")
        preview = await next_message(fake, ADMIN, "Pratinjau")
        assert not any("paling lambat Jumat" in (c.params.get("text") or "") for c in fake.sent(PRINCIPAL))  # nothing before Kirim
        await fake.press(ADMIN, button(preview, "Kirim"))
        answer = await next_message(fake, PRINCIPAL, "Jawaban petugas")
        assert "paling lambat Jumat" in answer.params["text"]
        # the follow-up joins the same conversation
        await fake.press(PRINCIPAL, button(answer, "Balas petugas"))
        await next_message(fake, PRINCIPAL, "masih terbuka")
        await fake.send_text(PRINCIPAL, "Apakah fotokopinya perlu dilegalisir?", "Ketut")
        follow_up = await next_message(fake, ADMIN, "Pesan lanjutan (#1)")
        assert "dilegalisir" in follow_up.params["text"]
        # plain text, no button: it joins the open conversation too (not the FAQ), and the person is told
        await fake.send_text(PRINCIPAL, "Satu lagi: apakah perlu materai?", "Ketut")
        joined = await next_message(fake, PRINCIPAL, "/selesai")
        assert "ditambahkan ke percakapan #1" in joined.params["text"]
        follow_up = await next_message(fake, ADMIN, "perlu materai")
        assert "Pesan lanjutan (#1)" in follow_up.params["text"]
        # closing tells the principal
        await fake.press(ADMIN, button(follow_up, "Tutup"))
        await next_message(fake, PRINCIPAL, "sudah ditutup")
        # a WhatsApp principal, answered by the Telegram admin
        url = f"http://127.0.0.1:{port}/whatsapp/webhook"
        async with aiohttp.ClientSession() as http:
            for n, words in enumerate(("petugas", "Saya belum menerima undangan bimtek.")):
                body = payload("text_message", WA_ID=WA_PRINCIPAL, MESSAGE_ID=f"wamid.hd{n}", BODY=words, NAME="Wayan")
                async with http.post(url, data=body, headers={"Content-Type": "application/json", "X-Hub-Signature-256": sign(body)}) as resp:
                    assert resp.status == 200
                await graph.wait_for(lambda n=n: len(graph.messages(WA_PRINCIPAL)) > n, timeout=20)
        notice = await next_message(fake, ADMIN, "undangan bimtek")
        assert f"WhatsApp +{WA_PRINCIPAL}" in notice.params["text"] and "#2" in notice.params["text"]
        await fake.press(ADMIN, button(notice, "Balas"))
        await next_message(fake, ADMIN, "Ketik jawaban untuk percakapan #2")
        await fake.send_text(ADMIN, "Undangan dikirim ulang hari ini.", "Admin")
        preview = await next_message(fake, ADMIN, "Undangan dikirim ulang hari ini.\n\nKirim sekarang?")
        await fake.press(ADMIN, button(preview, "Kirim"))
        await graph.wait_for(lambda: any("Undangan dikirim ulang" in str(m) for m in graph.messages(WA_PRINCIPAL)), timeout=20)
    finally:
        proc.send_signal(signal.SIGTERM)
        _, stderr = await asyncio.wait_for(proc.communicate(), 30)
        await fake.stop()
        await graph.stop()
    assert proc.returncode == 0, stderr.decode()[-2000:]
