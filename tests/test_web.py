"""Staff web pages over HTTP: login links, sessions, CSRF, and who may see and do what."""

from __future__ import annotations

import csv
import io
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer
from sqlmodel import select

from bot.http import build_http_app
from bot.web.pages import COOKIE
from models.contacts import set_contact_role
from models.outbox import create_message, enqueue
from models.tables import Contact, OutboxItem, OutboxMessage, Question, Registration
from tests.conftest import FakeClock, Harness, text_of
from tests.web_support import csrf_of, login_token, open_session, problem_status, seed_question, seed_registrations

ADMIN, COORDINATOR, PRINCIPAL, PUBLIC = "telegram:1", "telegram:2", "whatsapp:628120000001", "telegram:9"
ROLES = {"admins": [ADMIN], "coordinators": [{"contact": COORDINATOR, "kecamatan": "Seririt"}]}


@pytest.fixture
async def site(harness_factory: Any) -> AsyncIterator[tuple[Harness, TestClient]]:
    harness = await harness_factory(FakeClock(), roles=ROLES, http={"public_url": "http://psp.test"})
    await seed_registrations(harness.services.db, 45, harness.services.clock.now())
    await harness.say(PUBLIC, "halo")  # a public contact exists
    client = TestClient(TestServer(build_http_app(harness.services, [])))
    await client.start_server()
    yield harness, client
    await client.close()


async def link_for(harness: Harness, who: str) -> str:
    replies = await harness.say(who, "/dasbor")
    return login_token(text_of(replies))


async def log_in(client: TestClient, token: str) -> Any:
    page = await client.get("/dasbor/masuk", params={"t": token})
    assert page.status == 200 and "Masuk" in await page.text()
    return await client.post("/dasbor/masuk", data={"t": token}, allow_redirects=False)


async def test_dasbor_sends_a_link_that_works_once(site: tuple[Harness, TestClient]) -> None:
    harness, client = site
    token = await link_for(harness, COORDINATOR)
    assert "http://psp.test/dasbor/masuk?t=" in text_of(harness.last[COORDINATOR])
    response = await log_in(client, token)
    assert response.status == 303 and response.headers["Location"] == "/dasbor/"
    cookie = response.cookies[COOKIE]
    assert cookie["httponly"] and cookie["samesite"] == "Lax" and not cookie["secure"] and cookie["path"] == "/dasbor"
    home = await client.get("/dasbor/")
    assert home.status == 200 and "Seririt" in await home.text()
    # The same link a second time: refused, on the page and on the button.
    again = await client.get("/dasbor/masuk", params={"t": token})
    assert again.status == 410
    assert (await client.post("/dasbor/masuk", data={"t": token}, allow_redirects=False)).status == 410


async def test_an_expired_link_and_an_expired_session_are_refused(site: tuple[Harness, TestClient]) -> None:
    harness, client = site
    clock: FakeClock = harness.services.clock  # type: ignore[assignment]
    stale = await link_for(harness, ADMIN)
    clock.advance(minutes=11)
    assert (await client.post("/dasbor/masuk", data={"t": stale}, allow_redirects=False)).status == 410
    assert (await log_in(client, await link_for(harness, ADMIN))).status == 303
    assert (await client.get("/dasbor/")).status == 200
    clock.advance(hours=13)  # http.session_hours defaults to 12
    assert (await client.get("/dasbor/")).status == 401


async def test_public_and_principal_get_no_link(site: tuple[Harness, TestClient]) -> None:
    harness, _client = site
    for who in (PUBLIC, PRINCIPAL):
        reply = text_of(await harness.say(who, "/dasbor"))
        assert "/dasbor/masuk" not in reply and "tidak tersedia" in reply


async def test_without_public_url_dasbor_says_so(harness_factory: Any) -> None:
    harness = await harness_factory(roles=ROLES)
    assert "http.public_url" in text_of(await harness.say(ADMIN, "/dasbor"))


async def _pages(harness: Harness) -> dict[str, tuple[str, str, dict[str, str]]]:
    """Every page and form of the site: name → (method, path, form fields besides csrf)."""
    now = harness.services.clock.now()
    async with harness.services.db.session() as session:
        other = (await session.exec(select(Registration).where(Registration.kecamatan == "Gerokgak"))).first()
        own = (await session.exec(select(Registration).where(Registration.kecamatan == "Seririt"))).first()
        message = await create_message(session, "broadcast", "Surat edaran terjadwal", created_by=ADMIN, ack_button=True, now=now)
        recipients = list(await session.exec(select(Contact).where(Contact.role == "principal")))
        await enqueue(session, message, recipients, now + timedelta(days=1))
        await session.commit()
    assert other is not None and own is not None
    question = await seed_question(harness.services.db, PRINCIPAL, "kapan pengumuman hasil seleksi psp?", now)
    return {
        "ringkasan": ("GET", "/dasbor/", {}),
        "pendaftaran": ("GET", "/dasbor/pendaftaran", {}),
        "detail": ("GET", f"/dasbor/pendaftaran/{own.id}", {}),
        "xlsx": ("GET", "/dasbor/unduh/pendaftaran.xlsx", {}),
        "csv": ("GET", "/dasbor/unduh/pendaftaran.csv", {}),
        "siaran": ("GET", "/dasbor/siaran", {}),
        "siaran-unread": ("GET", f"/dasbor/siaran/{message.id}", {}),
        "pertanyaan": ("GET", "/dasbor/pertanyaan", {}),
        "jawab": ("POST", "/dasbor/pertanyaan/jawab", {"ref": f"faq:{question}", "answer": "Pengumuman hasil seleksi pada bulan Mei."}),
        "ubah": ("POST", "/dasbor/pertanyaan/ubah", {"ref": f"faq:{question}", "answer": "Pengumuman hasil seleksi pada bulan Mei."}),
        "kirim": ("POST", "/dasbor/pertanyaan/kirim", {"ref": f"faq:{question}", "answer": "Pengumuman hasil seleksi pada bulan Mei."}),
        "batal": ("POST", f"/dasbor/siaran/{message.id}/batal", {}),
        "keluar": ("POST", "/dasbor/keluar", {}),
    }


ALL_PAGES = ("ringkasan", "pendaftaran", "detail", "xlsx", "csv", "siaran", "siaran-unread", "pertanyaan", "jawab", "ubah", "kirim", "batal", "keluar")

# What each kind of visitor gets: 2xx/3xx where allowed.
EXPECTED = {
    "anonymous": dict.fromkeys(ALL_PAGES, 401),
    "public": dict.fromkeys(ALL_PAGES, 403),
    "principal": dict.fromkeys(ALL_PAGES, 403),
    "coordinator": {**dict.fromkeys(("ringkasan", "pendaftaran", "detail", "xlsx", "csv", "siaran", "siaran-unread", "pertanyaan"), 200),
                    "jawab": 403, "ubah": 200, "kirim": 403, "batal": 403, "keluar": 303},
    "admin": {**dict.fromkeys(("ringkasan", "pendaftaran", "detail", "xlsx", "csv", "siaran", "siaran-unread", "pertanyaan"), 200),
              "jawab": 200, "ubah": 200, "kirim": 303, "batal": 303, "keluar": 303},
}  # fmt: skip


@pytest.mark.parametrize("visitor", list(EXPECTED))
async def test_authorization_matrix(site: tuple[Harness, TestClient], visitor: str) -> None:
    harness, client = site
    pages = await _pages(harness)
    who = {"public": PUBLIC, "principal": PRINCIPAL, "coordinator": COORDINATOR, "admin": ADMIN}.get(visitor)
    results = {}
    for name, (method, path, fields) in pages.items():
        if name == "keluar":
            continue  # last: it ends the session
        client.session.cookie_jar.clear()
        if who is not None:
            client.session.cookie_jar.update_cookies({COOKIE: await open_session(harness.services, who)})
        csrf = ""
        if who is not None:
            home = await client.get("/dasbor/pertanyaan")
            csrf = csrf_of(await home.text()) if home.status == 200 else "x" * 64
        response = await client.request(method, path, data={**fields, "csrf": csrf} if method == "POST" else None, allow_redirects=False)
        results[name] = response.status
        assert response.headers["X-Frame-Options"] == "DENY" and "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    if who is not None:
        home = await client.get("/dasbor/")
        csrf = csrf_of(await home.text()) if home.status == 200 else "x" * 64
        results["keluar"] = (await client.post("/dasbor/keluar", data={"csrf": csrf}, allow_redirects=False)).status
    else:
        results["keluar"] = (await client.post("/dasbor/keluar", data={"csrf": ""}, allow_redirects=False)).status
    assert results == EXPECTED[visitor]


@pytest.mark.parametrize("link", ["reused", "expired"])
async def test_with_a_reused_or_expired_link_nothing_opens(site: tuple[Harness, TestClient], link: str) -> None:
    harness, client = site
    pages = await _pages(harness)
    token = await link_for(harness, ADMIN)
    if link == "reused":
        assert (await log_in(client, token)).status == 303
        client.session.cookie_jar.clear()
    else:
        harness.services.clock.advance(minutes=10, seconds=1)  # type: ignore[attr-defined]
        assert (await client.get("/dasbor/masuk", params={"t": token})).status == 410
    assert (await client.post("/dasbor/masuk", data={"t": token}, allow_redirects=False)).status == 410
    assert COOKIE not in {c.key for c in client.session.cookie_jar}
    for method, path, fields in pages.values():
        response = await client.request(method, path, data=fields or None, allow_redirects=False)
        assert response.status == 401, path


async def test_logout_ends_the_session_on_the_server(site: tuple[Harness, TestClient]) -> None:
    harness, client = site
    secret = await open_session(harness.services, ADMIN)
    client.session.cookie_jar.update_cookies({COOKIE: secret})
    csrf = csrf_of(await (await client.get("/dasbor/")).text())
    assert (await client.post("/dasbor/keluar", data={"csrf": csrf}, allow_redirects=False)).status == 303
    client.session.cookie_jar.update_cookies({COOKIE: secret})  # a copied cookie is dead too
    assert (await client.get("/dasbor/")).status == 401


async def admin_on_questions_page(site: tuple[Harness, TestClient], question_text: str) -> tuple[int, str]:
    """A principal's open question, an admin signed in; the question's id and the questions page."""
    harness, client = site
    question = await seed_question(harness.services.db, PRINCIPAL, question_text, harness.services.clock.now())
    client.session.cookie_jar.update_cookies({COOKIE: await open_session(harness.services, ADMIN)})
    return question, await (await client.get("/dasbor/pertanyaan")).text()


async def test_forged_csrf_is_refused_and_changes_nothing(site: tuple[Harness, TestClient]) -> None:
    harness, client = site
    question, page = await admin_on_questions_page(site, "apakah ada biaya pendaftaran psp?")
    other_session_csrf = csrf_of(page)
    client.session.cookie_jar.update_cookies({COOKIE: await open_session(harness.services, ADMIN)})
    for forged in ("", "0" * 64, other_session_csrf):
        for step in ("jawab", "ubah", "kirim"):
            response = await client.post(f"/dasbor/pertanyaan/{step}", data={"ref": f"faq:{question}", "answer": "Tidak ada biaya.", "csrf": forged})
            assert response.status == 403 and problem_status(await response.text()) == 403
    async with harness.services.db.session() as session:
        assert (await session.get(Question, question)).answered_at is None  # type: ignore[union-attr]


async def test_coordinator_sees_and_downloads_only_their_kecamatan(site: tuple[Harness, TestClient]) -> None:
    harness, client = site
    assert (await log_in(client, await link_for(harness, COORDINATOR))).status == 303
    listing = await (await client.get("/dasbor/pendaftaran")).text()
    assert "5 pendaftaran" in listing and "Gerokgak" not in listing  # 45 spread over 9 kecamatan
    assert (await client.get("/dasbor/pendaftaran", params={"kecamatan": "Gerokgak"})).status == 403
    async with harness.services.db.session() as session:
        other = (await session.exec(select(Registration).where(Registration.kecamatan == "Gerokgak"))).first()
    assert other is not None
    assert (await client.get(f"/dasbor/pendaftaran/{other.id}")).status == 404
    body = await (await client.get("/dasbor/unduh/pendaftaran.csv")).read()
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert len(rows) == 6 and {r[8] for r in rows[1:]} == {"Seririt"}
    assert (await client.get("/dasbor/unduh/pendaftaran.xlsx", params={"kecamatan": "Gerokgak"})).status == 403
    pages = await _pages(harness)
    unread = pages["siaran-unread"][1]
    assert (await client.get(unread, params={"kecamatan": "Gerokgak"})).status == 403
    assert (await client.get(unread)).status == 200


async def test_role_taken_away_counts_at_the_next_request(site: tuple[Harness, TestClient]) -> None:
    harness, client = site
    korwil = "telegram:77"
    await harness.say(korwil, "halo")
    await harness.say(ADMIN, f"/peran {korwil} Sawan")
    assert (await log_in(client, await link_for(harness, korwil))).status == 303
    assert "Sawan" in await (await client.get("/dasbor/")).text()
    await harness.say(ADMIN, f"/peran {korwil} -")
    assert (await client.get("/dasbor/")).status == 403
    async with harness.services.db.session() as session:
        await set_contact_role(session, korwil, "coordinator", "Gerokgak", harness.services.clock.now())
        await session.commit()
    page = await (await client.get("/dasbor/pendaftaran")).text()
    assert "Gerokgak" in page and "Sawan" not in page


async def test_list_search_filter_sort_and_pages(site: tuple[Harness, TestClient]) -> None:
    harness, client = site
    client.session.cookie_jar.update_cookies({COOKIE: await open_session(harness.services, ADMIN)})
    first = await (await client.get("/dasbor/pendaftaran")).text()
    assert "45 pendaftaran" in first and "Halaman 1 dari 1" not in first
    assert (await (await client.get("/dasbor/pendaftaran", params={"q": "50100007"})).text()).count("<td>50100007</td>") == 1
    by_filter = await (await client.get("/dasbor/pendaftaran", params={"kecamatan": "Sawan", "jenjang": "SD"})).text()
    assert "Sawan" in by_filter and "Gerokgak</td>" not in by_filter
    not_ok = await (await client.get("/dasbor/pendaftaran", params={"syarat": "tidak"})).text()
    assert ">Ya</span>" not in not_ok and ">Tidak</span>" in not_ok
    odd = await client.get("/dasbor/pendaftaran", params={"q": "%_'\"<script>", "urut": "x; drop", "hal": "999999999"})
    assert odd.status == 200 and "<script>" not in await odd.text()
    async with harness.services.db.session() as session:
        names = sorted((r.nama.lower(), r.id) for r in await session.exec(select(Registration)))
    ordered = await (await client.get("/dasbor/pendaftaran", params={"urut": "nama"})).text()
    assert ordered.index(f"/dasbor/pendaftaran/{names[0][1]}\"") < ordered.index(f"/dasbor/pendaftaran/{names[-1][1]}\"")


async def test_answer_from_the_page_goes_through_the_outbox(site: tuple[Harness, TestClient]) -> None:
    harness, client = site
    question, inbox = await admin_on_questions_page(site, "kapan pengumuman hasil seleksi psp?")
    assert "kapan pengumuman hasil seleksi psp?" in inbox
    async with harness.services.db.session() as session:
        asker = (await session.exec(select(Registration).where(Registration.contact_id == PRINCIPAL))).one()
    assert f"Penanya: {asker.nama} ({asker.sekolah}, {asker.kecamatan})" in inbox
    csrf = csrf_of(inbox)
    short = await client.post("/dasbor/pertanyaan/jawab", data={"ref": f"faq:{question}", "answer": "x", "csrf": csrf})
    assert short.status == 400 and "terlalu pendek" in (await short.text()).lower()
    fields = {"ref": f"faq:{question}", "answer": "Pengumuman pada bulan Mei.", "csrf": csrf}
    preview = await client.post("/dasbor/pertanyaan/jawab", data=fields)
    page = await preview.text()
    # the preview shows the item and the message as the asker will read it, with Kirim, Ubah and Batal
    assert preview.status == 200 and "kapan pengumuman hasil seleksi psp?" in page and "Jawaban dari Tim PMO Disdikpora Buleleng" in page
    assert 'id="kirim"' in page and 'id="ubah"' in page and 'id="batal"' in page and 'value="Pengumuman pada bulan Mei."' in page
    assert await _queued_for(harness, PRINCIPAL) == []  # nothing goes out before Kirim
    edit = await client.post("/dasbor/pertanyaan/ubah", data=fields)
    edit_page = await edit.text()
    assert edit.status == 200 and ">Pengumuman pada bulan Mei.</textarea>" in edit_page and await _queued_for(harness, PRINCIPAL) == []
    cancel = await client.get("/dasbor/pertanyaan")  # Batal: the list again, the question still open
    assert "kapan pengumuman hasil seleksi psp?" in await cancel.text() and await _queued_for(harness, PRINCIPAL) == []
    done = await client.post("/dasbor/pertanyaan/kirim", data=fields)
    assert done.status == 200 and "dikirim ke 1 penanya" in await done.text()
    queued = await _queued_for(harness, PRINCIPAL)
    assert len(queued) == 1 and "Pengumuman pada bulan Mei." in queued[0]
    again = await client.post("/dasbor/pertanyaan/kirim", data={**fields, "answer": "Lagi."})
    assert again.status == 409
    late_preview = await client.post("/dasbor/pertanyaan/jawab", data={**fields, "answer": "Lagi."})
    assert late_preview.status == 409


async def _queued_for(harness: Harness, contact_id: str) -> list[str]:
    """The texts queued in the outbox for ``contact_id``."""
    async with harness.services.db.session() as session:
        items = list(await session.exec(select(OutboxItem).where(OutboxItem.contact_id == contact_id)))
        messages = [await session.get(OutboxMessage, item.message_id) for item in items]
    return [m.text for m in messages if m is not None]


async def test_scheduled_circular_can_be_cancelled_once(site: tuple[Harness, TestClient]) -> None:
    harness, client = site
    pages = await _pages(harness)
    path = pages["batal"][1]
    client.session.cookie_jar.update_cookies({COOKIE: await open_session(harness.services, ADMIN)})
    listing = await (await client.get("/dasbor/siaran")).text()
    assert "Terjadwal" in listing and "Batalkan" in listing
    csrf = csrf_of(listing)
    assert (await client.post(path, data={"csrf": csrf}, allow_redirects=False)).status == 303
    assert (await client.post(path, data={"csrf": csrf}, allow_redirects=False)).status == 409
    async with harness.services.db.session() as session:
        statuses = {i.status for i in await session.exec(select(OutboxItem))}
    assert statuses == {"cancelled"}


async def test_secure_cookie_behind_https(harness_factory: Any) -> None:
    harness = await harness_factory(roles=ROLES, http={"public_url": "https://psp.bulelengkab.go.id/psp"})
    client = TestClient(TestServer(build_http_app(harness.services, [])))
    await client.start_server()
    try:
        reply = text_of(await harness.say(ADMIN, "/dasbor"))
        assert "https://psp.bulelengkab.go.id/psp/dasbor/masuk?t=" in reply
        response = await client.post("/psp/dasbor/masuk", data={"t": login_token(reply)}, allow_redirects=False)
        assert response.status == 303 and response.headers["Location"] == "/psp/dasbor/"
        assert response.cookies[COOKIE]["secure"] and response.cookies[COOKIE]["path"] == "/psp/dasbor"
    finally:
        await client.close()


async def test_pages_speak_the_staff_members_language(site: tuple[Harness, TestClient]) -> None:
    harness, client = site
    await harness.say(ADMIN, "/bahasa en")
    client.session.cookie_jar.update_cookies({COOKIE: await open_session(harness.services, ADMIN)})
    page = await (await client.get("/dasbor/")).text()
    assert 'lang="en"' in page and "Summary" in page and "Registrations per kecamatan" in page
    assert "Ringkasan" not in page


async def test_help_desk_conversations_are_in_the_page_inbox(site: tuple[Harness, TestClient]) -> None:
    harness, client = site
    await harness.say(PUBLIC, "/petugas Mohon dibantu, akun saya terkunci.")
    # the public contact's kecamatan is unknown: the admins' inbox has it, the coordinator's does not
    client.session.cookie_jar.update_cookies({COOKIE: await open_session(harness.services, COORDINATOR)})
    assert "akun saya terkunci" not in await (await client.get("/dasbor/pertanyaan")).text()
    csrf = csrf_of(await (await client.get("/dasbor/pertanyaan")).text())
    for step in ("jawab", "kirim"):
        forbidden = await client.post(f"/dasbor/pertanyaan/{step}", data={"ref": "ticket:1", "answer": "Dari korwil.", "csrf": csrf})
        assert forbidden.status == 403
    assert await _queued_for(harness, PUBLIC) == []
    client.session.cookie_jar.update_cookies({COOKIE: await open_session(harness.services, ADMIN)})
    inbox = await (await client.get("/dasbor/pertanyaan")).text()
    assert "Pesan untuk petugas" in inbox and "akun saya terkunci" in inbox and 'value="ticket:1"' in inbox
    fields = {"ref": "ticket:1", "answer": "Akun sudah kami buka kembali.", "csrf": csrf_of(inbox)}
    preview = await (await client.post("/dasbor/pertanyaan/jawab", data=fields)).text()
    assert "Jawaban petugas" in preview and "percakapan #1" in preview and "akun saya terkunci" in preview
    assert await _queued_for(harness, PUBLIC) == []
    done = await client.post("/dasbor/pertanyaan/kirim", data=fields)
    assert done.status == 200 and "akun saya terkunci" in await done.text()  # still open until someone closes it
    async with harness.services.db.session() as session:
        items = list(await session.exec(select(OutboxItem).where(OutboxItem.contact_id == PUBLIC)))
        message = await session.get(OutboxMessage, items[0].message_id)
    assert len(items) == 1 and message is not None and "Akun sudah kami buka kembali." in message.text and message.buttons


async def test_a_malformed_item_reference_changes_nothing_and_breaks_nothing(site: tuple[Harness, TestClient]) -> None:
    harness, client = site
    question, page = await admin_on_questions_page(site, "kapan pengumuman hasil seleksi psp?")
    csrf = csrf_of(page)
    for ref in ("faq:²", f"faq:{question}x", "ticket:", "tiket:1", "faq:" + "9" * 40, "", ":", f"ticket:{question}:1"):
        for step in ("jawab", "kirim"):
            response = await client.post(f"/dasbor/pertanyaan/{step}", data={"ref": ref, "answer": "Pengumuman pada bulan Mei.", "csrf": csrf})
            assert response.status == 409, (ref, step, response.status)  # "already answered or gone", never a crash
    assert await _queued_for(harness, PRINCIPAL) == []
    fine = await client.post("/dasbor/pertanyaan/kirim", data={"ref": f"faq:{question}", "answer": "Pengumuman pada bulan Mei.", "csrf": csrf})
    assert fine.status == 200 and len(await _queued_for(harness, PRINCIPAL)) == 1
