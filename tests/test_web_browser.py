"""The staff pages in a real browser (headless Chromium driven by Playwright), against the real bot and a fake Bot API.

Chromium comes from Debian (``apt-get install chromium``); under CI the Makefile installs it
(.ci/chromium). Elsewhere, without it, these tests skip and say so. Set PSP_WEB_SCREENSHOTS to a
directory (e.g. ``docs``) to keep a screenshot of each page there.
"""

from __future__ import annotations

import io
import os
import shutil
import socket
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlmodel import select

from bot.app import BotApp
from models.outbox import create_message, enqueue
from models.tables import Contact, OutboxItem
from tests.conftest import TEST_TOKEN, make_settings
from tests.fake_telegram import FakeTelegramServer
from tests.web_support import login_token, seed_question, seed_registrations

CHROMIUM = os.environ.get("PSP_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None:
    if os.environ.get("CI") == "true":
        raise RuntimeError("CI must install chromium for the browser tests (.ci/chromium)")
    pytest.skip("Chromium not installed: `apt-get install chromium` to run the browser tests", allow_module_level=True)
playwright_api = pytest.importorskip("playwright.async_api", reason="the test extra (playwright) is not installed")

ASKER = 50  # a principal on Telegram with an unanswered question
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
async def bot(database_url: str) -> AsyncIterator[tuple[BotApp, FakeTelegramServer, str]]:
    fake = FakeTelegramServer(TEST_TOKEN)
    await fake.start()
    port = free_port()
    settings = make_settings(
        database_url,
        telegram={"token": TEST_TOKEN, "base_url": fake.base_url, "rate_per_second": 1000},
        roles={"admins": ["telegram:1"], "coordinators": [{"contact": "telegram:2", "kecamatan": "Seririt"}]},
        http={"port": port, "public_url": f"http://127.0.0.1:{port}"},
        events=[{"id": "bimtek-3", "title": "Bimtek PSP Angkatan III", "starts_at": "2030-06-10T09:00", "ends_at": "2030-06-10T12:00",
                 "zoom_url": "https://zoom.us/j/123"}],
    )  # fmt: skip
    app = BotApp(settings)
    await app.start(scheduler=False)
    await fake.wait_for(lambda: any(c.method == "setMyCommands" for c in fake.calls))
    try:
        yield app, fake, f"http://127.0.0.1:{port}"
    finally:
        await app.stop()
        await fake.stop()


async def seed(app: BotApp) -> None:
    services = app.services
    now = services.clock.now()
    await seed_registrations(services.db, 180, now)
    async with services.db.session() as session:
        session.add(Contact(id=f"telegram:{ASKER}", channel="telegram", external_id=str(ASKER), role="principal", kecamatan="Sawan", name="Ketut Asker"))
        principals = list(await session.exec(select(Contact).where(Contact.role == "principal").limit(60)))
        sent = await create_message(session, "broadcast", "Surat edaran: jadwal verifikasi berkas PSP.", created_by="telegram:1", ack_button=True, now=now)
        await enqueue(session, sent, principals, now - timedelta(hours=2))
        later = await create_message(session, "broadcast", "Pengingat: unggah dokumen sebelum Jumat.", created_by="telegram:1", ack_button=True, now=now)
        await enqueue(session, later, principals[:20], now + timedelta(days=2))
        await session.flush()
        for n, item in enumerate(await session.exec(select(OutboxItem).where(OutboxItem.message_id == sent.id))):
            item.status, item.sent_at = ("failed", None) if n % 15 == 14 else ("sent", now)
            if n % 3 == 0 and item.status == "sent":
                item.acknowledged_at = now
        await session.commit()
    await seed_question(services.db, f"telegram:{ASKER}", "kapan pengumuman hasil seleksi calon kepala sekolah penggerak?", now)
    await seed_question(services.db, "whatsapp:628120000004", "apakah PAUD swasta boleh ikut?", now - timedelta(hours=3))


async def link_from_chat(fake: FakeTelegramServer, chat_id: int) -> str:
    before = len(fake.texts(chat_id))
    await fake.send_text(chat_id, "/dasbor")
    await fake.wait_for(lambda: len(fake.texts(chat_id)) > before)
    return login_token(fake.texts(chat_id)[-1])


async def shoot(page: Any, name: str, tmp_path: Path) -> None:
    """A screenshot at desktop and phone width (into PSP_WEB_SCREENSHOTS when set)."""
    folder = Path(os.environ.get("PSP_WEB_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    await page.screenshot(path=str(folder / f"web-{name}.png"), full_page=True)
    await page.set_viewport_size(PHONE)
    await page.screenshot(path=str(folder / f"web-{name}-phone.png"), full_page=False)
    await page.set_viewport_size(DESKTOP)


async def test_staff_pages_in_chromium(bot: tuple[BotApp, FakeTelegramServer, str], tmp_path: Path) -> None:
    app, fake, base = bot
    await seed(app)
    async with playwright_api.async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            # -- the admin logs in with the link /dasbor sent in the chat ---------------------------------
            token = await link_from_chat(fake, 1)
            admin = await browser.new_context(viewport=DESKTOP, accept_downloads=True)
            page = await admin.new_page()
            errors: list[str] = []
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            await page.goto(f"{base}/dasbor/masuk?t={token}")
            await shoot(page, "masuk", tmp_path)
            await page.click("#login")
            await page.wait_for_url(f"{base}/dasbor/")
            # The chart is drawn (Chart.js from this server, under the CSP) with one bar group per kecamatan.
            await page.wait_for_function("() => window.pspChart && window.pspChart.data.labels.length === 9")
            assert await page.inner_text("#total") == "180"
            assert errors == []
            await shoot(page, "ringkasan", tmp_path)

            # -- the list: filter, then download what is shown -------------------------------------------
            await page.click("text=Pendaftaran")
            await page.wait_for_selector("#list")
            assert "180 pendaftaran" in await page.inner_text("#count")
            await page.select_option("select[name=kecamatan]", "Sawan")
            await page.select_option("select[name=jenjang]", "SD")
            await page.click("#apply")
            await page.wait_for_url("**kecamatan=Sawan**")
            count_text = await page.inner_text("#count")
            shown = int(count_text.split()[0])
            cells = await page.locator("#list tbody tr td:nth-child(5)").all_inner_texts()
            assert shown > 0 and set(cells) == {"Sawan"} and len(cells) == shown
            await shoot(page, "pendaftaran", tmp_path)
            async with page.expect_download() as info:
                await page.click("#download-xlsx")
            download = await info.value
            workbook = load_workbook(io.BytesIO(Path(await download.path()).read_bytes()))
            rows = list(workbook.active.iter_rows(values_only=True))
            assert download.suggested_filename.endswith(".xlsx") and len(rows) == shown + 1
            assert {r[8] for r in rows[1:]} == {"Sawan"} and {r[7] for r in rows[1:]} == {"SD"}
            await page.click("#list tbody tr:first-child a")
            await page.wait_for_selector("#detail")
            await shoot(page, "pendaftaran-detail", tmp_path)

            # -- circulars ----------------------------------------------------------------------------------
            await page.click("text=Siaran")
            await page.wait_for_selector("article")
            text = await page.inner_text("main")
            assert "Terjadwal" in text and "Sudah dibaca" in text
            await shoot(page, "siaran", tmp_path)
            await page.click("text=Siapa yang belum membaca")
            await page.click("#unread-counts a >> nth=0")
            await page.wait_for_selector("#unread-names li")
            await shoot(page, "siaran-belum-dibaca", tmp_path)

            # -- a question answered on the page reaches the asker on Telegram -----------------------------
            await page.click("text=Pertanyaan")
            await page.wait_for_selector("textarea")
            await shoot(page, "pertanyaan", tmp_path)
            item = page.locator("article", has_text="kapan pengumuman hasil seleksi")
            await item.locator("textarea").fill("Pengumuman hasil seleksi direncanakan pada bulan Mei 2022.")
            await item.locator("button").click()
            # the preview: the message as the asker will read it; nothing is sent before Kirim
            await page.wait_for_selector("#preview #message")
            assert "bulan Mei 2022" in await page.locator("#message").inner_text()
            await shoot(page, "pertanyaan-pratinjau", tmp_path)
            await page.click("#ubah")  # Ubah: back to the form with the text kept
            item = page.locator("article", has_text="kapan pengumuman hasil seleksi")
            assert await item.locator("textarea").input_value() == "Pengumuman hasil seleksi direncanakan pada bulan Mei 2022."
            assert not any("bulan Mei 2022" in t for t in fake.texts(ASKER))
            await item.locator("button").click()
            await page.click("#kirim")
            await page.wait_for_selector("#sent")
            await fake.wait_for(lambda: any("bulan Mei 2022" in t for t in fake.texts(ASKER)), timeout=15)

            # -- a forged CSRF token is refused -----------------------------------------------------------
            await page.evaluate("document.querySelectorAll('input[name=csrf]').forEach(i => i.value = '0'.repeat(64))")
            await page.locator("article textarea").first.fill("Jawaban dari formulir palsu.")
            await page.locator("article button[type=submit]").first.click()
            await page.wait_for_selector("#problem[data-status='403']")
            assert not any("formulir palsu" in t for c in (ASKER, 628120000004) for t in fake.texts(c))

            # -- the link a second time, in another browser: refused --------------------------------------
            other = await browser.new_context(viewport=DESKTOP)
            second = await other.new_page()
            response = await second.goto(f"{base}/dasbor/masuk?t={token}")
            assert response is not None and response.status == 410
            assert await second.locator("#login").count() == 0
            await shoot(second, "tautan-terpakai", tmp_path)
            await other.close()

            # -- a coordinator sees only Seririt ----------------------------------------------------------
            korwil = await browser.new_context(viewport=DESKTOP)
            page = await korwil.new_page()
            await page.goto(f"{base}/dasbor/masuk?t={await link_from_chat(fake, 2)}")
            await page.click("#login")
            await page.wait_for_function("() => window.pspChart && window.pspChart.data.labels.length === 1")
            await page.goto(f"{base}/dasbor/pendaftaran")
            assert set(await page.locator("#list tbody tr td:nth-child(5)").all_inner_texts()) == {"Seririt"}
            response = await page.goto(f"{base}/dasbor/pendaftaran?kecamatan=Gerokgak")
            assert response is not None and response.status == 403
            response = await page.goto(f"{base}/dasbor/unduh/pendaftaran.xlsx?kecamatan=Gerokgak")
            assert response is not None and response.status == 403
            await korwil.close()
            await admin.close()
        finally:
            await browser.close()
