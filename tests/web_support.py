"""Data and clients for the staff web page tests and benchmark."""

from __future__ import annotations

import random
import re
from datetime import date, datetime, timedelta
from typing import Any

from bot.config import BULELENG_KECAMATAN
from bot.services import Services
from models.db import Database
from models.tables import Contact, Question, Registration
from models.web import create_login, redeem_login

FIRST = ("Made", "Ketut", "Nyoman", "Wayan", "Putu", "Kadek", "Komang", "Gede", "Luh", "Ayu")
LAST = ("Sudarma", "Arsana", "Widiastuti", "Suarjana", "Sari", "Astawa", "Yasa", "Purnami", "Darmawan", "Ariani")
KIND = {"PAUD": ("TK", "KB", "TK Negeri"), "SD": ("SD Negeri", "SD"), "SMP": ("SMP Negeri", "SMP")}


async def seed_registrations(db: Database, count: int, now: datetime, seed: int = 7, kecamatan: tuple[str, ...] = BULELENG_KECAMATAN) -> None:
    """``count`` registrations spread over the kecamatan and jenjang, about a third not eligible."""
    rng = random.Random(seed)
    async with db.session() as session:
        for n in range(count):
            kec = kecamatan[n % len(kecamatan)]
            jenjang = ("PAUD", "SD", "SMP")[(n // len(kecamatan)) % 3]
            contact_id = f"whatsapp:62812{n:07d}"
            session.add(Contact(id=contact_id, channel="whatsapp", external_id=f"62812{n:07d}", role="principal", kecamatan=kec, name=f"Kontak {n}"))
            eligible = rng.random() > 0.33
            session.add(
                Registration(
                    contact_id=contact_id,
                    nama=f"{rng.choice(FIRST)} {rng.choice(LAST)}, S.Pd.",
                    birth_date=date(1970 + n % 20, 1 + n % 12, 1 + n % 28),
                    npsn=f"{50100000 + n:08d}",
                    sekolah=f"{rng.choice(KIND[jenjang])} {n // 27 + 1} {kec}",
                    jenjang=jenjang,
                    kecamatan=kec,
                    status="Definitif" if eligible else "Plt",
                    phone=f"+62812{n:07d}",
                    eligible=eligible,
                    reasons="[]" if eligible else '["reg.reason.plt"]',
                    submitted_at=now - timedelta(minutes=count - n),
                    updated_at=now - timedelta(minutes=count - n),
                )
            )
            if n % 500 == 499:
                await session.flush()
        await session.commit()


async def seed_question(db: Database, contact_id: str, text: str, now: datetime) -> int:
    """An unanswered question from ``contact_id`` (the contact must exist)."""
    async with db.session() as session:
        question = Question(contact_id=contact_id, text=text, group_key=text.lower(), asked_at=now)
        session.add(question)
        await session.commit()
        assert question.id is not None
        return question.id


def login_token(text: str) -> str:
    """The token in the link a ``/dasbor`` reply carries."""
    match = re.search(r"/dasbor/masuk\?t=([A-Za-z0-9_-]+)", text)
    assert match, text
    return match.group(1)


def csrf_of(html: str) -> str:
    """The CSRF token a page's forms carry."""
    match = re.search(r'name="csrf" value="([0-9a-f]+)"', html)
    assert match, "no CSRF field in the page"
    return match.group(1)


def problem_status(html: str) -> Any:
    """The status the problem page says (None on a normal page)."""
    match = re.search(r'id="problem" data-status="(\d+)"', html)
    return int(match.group(1)) if match else None


async def open_session(services: Services, contact_id: str) -> str:
    """A web session for ``contact_id`` opened directly (public and principal contacts get no link from /dasbor)."""
    now = services.clock.now()
    async with services.db.session() as session:
        token = await create_login(session, contact_id, now)
        opened = await redeem_login(session, token, now, timedelta(hours=1))
        await session.commit()
    assert opened is not None
    return opened[0]
