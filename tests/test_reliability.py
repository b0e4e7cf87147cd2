"""Reliability: a random storm of updates, and every command against every role."""

from __future__ import annotations

import json
import random
from typing import Any

import pytest
from sqlmodel import select

from bot.messages import Incoming
from handlers.router import ROUTES
from models.contacts import state_data
from models.tables import ConversationState, Registration
from tests.conftest import FakeClock, Harness, text_of

ROLES = {"admins": ["telegram:1"], "coordinators": [{"contact": "telegram:2", "kecamatan": "Seririt"}]}
TEXTS = [
    "/start", "halo", "menu", "/daftar", "daftar", "kembali", "/batal", "batal", "Kirim", "ubah", "-", "SD", "Seririt", "Definitif", "Plt",
    "0812 3456 7890", "197508172000032002", "50100123", "Made Sari", "17 Agustus 1975", "SD Negeri 1 Seririt", "/profil", "/jadwal",
    "/pengingat", "pengingat on", "/bahasa", "bahasa en", "bimtek pmo tgl brp", "syarat kepsek apa aj", "harga cabai", "/rekap",
    "/statistik", "/siaran", "/peran telegram:9 Seririt", "/pertanyaan", "/ekspor", "/muatulang", "/tidakada", "🙏🙏🙏", "/petugas", "nomor admin",
    "مرحبا كيف حالك", "שלום", "‮reversed‬", "a" * 5000, "\u0000\u0001", "   ", "0", "99", "1", "2", "3",
]  # fmt: skip
PAYLOADS = ["menu", "bahasa:en", "pengingat:on", "form:summary:kirim", "form:summary:ubah", "form:edit:nip", "form:jenjang:1", "form:kecamatan:8",
            "form:status:0", "faq:bimtek-jadwal", "faq:tidak-ada",
            "inbox:r:q1", "inbox:p:m:1", "inbox:x:t1", "inbox:f:q1", "petugas", "siaran:t:g:0", "siaran:preview", "siaran:send", "baca:1", "korwil:50100123",
            "daftar", "rekap", "statistik", "x" * 50, ":", "form:", "form:nama:9999", "siaran:t:k:99", "baca:abc"]  # fmt: skip


def random_update(rng: random.Random, who: str) -> Incoming:
    channel, external_id = who.split(":")
    roll = rng.random()
    if roll < 0.6:
        return Incoming(channel=channel, external_id=external_id, text=rng.choice(TEXTS))
    if roll < 0.8:
        return Incoming(channel=channel, external_id=external_id, kind="button", payload=rng.choice(PAYLOADS))
    if roll < 0.87:
        return Incoming(channel=channel, external_id=external_id, kind="bad_button")
    if roll < 0.94:
        return Incoming(channel=channel, external_id=external_id, kind="media")
    return Incoming(channel=channel, external_id=external_id, kind="edited")


@pytest.mark.slow
async def test_a_storm_of_random_updates_breaks_nothing(harness_factory: Any) -> None:
    h: Harness = await harness_factory(clock=FakeClock(), roles=ROLES)
    rng = random.Random(20220308)
    contacts = [f"telegram:{n}" for n in range(1, 41)] + [f"whatsapp:62812000000{n:02d}" for n in range(20)] + ["console:ops"]
    updates = [(who, random_update(rng, who)) for who in (rng.choice(contacts) for _ in range(3000))]
    futures = [h.app.dispatcher.submit(incoming) for _, incoming in updates]
    for (who, incoming), future in zip(updates, futures, strict=True):
        replies = await future
        assert replies, (who, incoming)  # every message answered
        assert all(r.text.strip() for r in replies)
        assert all(len(b.payload.encode()) <= 55 for r in replies for b in r.all_buttons())
    assert h.app.dispatcher.failed == 0  # no unhandled exception
    async with h.services.db.session() as session:
        for state in await session.exec(select(ConversationState)):
            assert isinstance(state_data(state), dict)
            json.loads(state.data)
        for record in await session.exec(select(Registration)):
            assert record.nama and record.npsn and len(record.npsn) == 8 and record.phone.startswith("+628")


PRIVILEGED = {r.name: r.roles for r in ROUTES if r.typed and r.roles != frozenset({"public", "principal", "coordinator", "admin"})}


@pytest.mark.parametrize("role_contact", ["telegram:50", "telegram:51", "telegram:2", "telegram:1"])
async def test_authorization_matrix(harness_factory: Any, role_contact: str) -> None:
    h: Harness = await harness_factory(clock=FakeClock(), roles=ROLES)
    async with h.services.db.session() as session:
        from models.contacts import set_contact_role

        await set_contact_role(session, "telegram:51", "principal", "Sawan", h.services.clock.now())
        await session.commit()
    role = {"telegram:50": "public", "telegram:51": "principal", "telegram:2": "coordinator", "telegram:1": "admin"}[role_contact]
    assert PRIVILEGED  # the table really has staff-only commands
    # Everyone may see and erase what is kept about them (UU 27/2022).
    assert {"datasaya", "hapusdata"} <= {r.name for r in ROUTES if r.typed and role in r.roles}
    for route in ROUTES:
        if not route.typed:
            continue
        reply = text_of(await h.say(role_contact, f"/{route.name}"))
        await h.say(role_contact, "/batal")
        refused = "tidak tersedia untuk Bapak/Ibu" in reply
        assert refused == (role not in route.roles), (route.name, role, reply[:120])
    # payload-only staff actions are refused the same way
    for payload in ("siaran:send", "siaran:t:g:0"):
        reply = text_of(await h.payload(role_contact, payload))
        if role != "admin":
            assert "tidak tersedia" in reply, (payload, role)
    # the staff inbox's buttons: staff only, and the FAQ questions in it (reply, dismiss, make FAQ) for admins only
    for payload in ("inbox:p:m:0", "inbox:o:t1", "inbox:r:t1", "inbox:c:t1", "inbox:x:t1", "inbox:r:q1", "inbox:x:q1", "inbox:f:q1"):
        reply = text_of(await h.payload(role_contact, payload))
        assert ("tidak tersedia" in reply) == (role not in ("coordinator", "admin")), (payload, role)
