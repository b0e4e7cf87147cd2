"""Zoom reminders: recipients, grace, no duplicates, persistent jobs, one scheduler, /jadwal and .ics."""

from __future__ import annotations

import asyncio
import signal
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

from bot.app import BotApp
from models.tables import Contact, OutboxItem, OutboxMessage
from scheduler.outbox import OutboxSender
from scheduler.reminders import HELPDESK_JOB, ReminderScheduler, reminder_job_id, send_reminder, sync_jobs
from tests.conftest import TEST_TOKEN, FakeClock, Harness, clean_env, make_settings, text_of
from tests.fake_telegram import FakeTelegramServer

ROOT = Path(__file__).resolve().parent.parent
START = datetime(2022, 3, 8, 0, 0, tzinfo=UTC)  # 08.00 WITA
EVENTS = [
    {"id": "bimtek-pmo-1", "title": "Bimtek Tim Pokja PMO — Hari 1", "starts_at": "2022-03-08T08:00:00+08:00", "ends_at": "2022-03-08T12:00:00+08:00",
     "zoom_url": "https://zoom.us/j/81234567801", "meeting_id": "812 3456 7801", "passcode": "pmo2022"},
    {"id": "bimtek-pmo-2", "title": "Bimtek Tim Pokja PMO — Hari 2", "starts_at": "2022-03-09T08:00:00+08:00", "ends_at": "2022-03-09T12:00:00+08:00",
     "zoom_url": "https://zoom.us/j/81234567802", "meeting_id": "812 3456 7802", "passcode": "pmo2022", "audience": ["coordinator"]},
]  # fmt: skip
ROLES = {"admins": ["telegram:1"], "coordinators": [{"contact": "telegram:2", "kecamatan": "Seririt"}, {"contact": "telegram:3", "kecamatan": "Sawan"}]}


async def build(harness_factory: Any, clock: FakeClock, **extra: Any) -> Harness:
    return await harness_factory(clock=clock, roles=ROLES, events=EVENTS, **extra)


async def recipients_of(h: Harness, key: str) -> set[str]:
    async with h.services.db.session() as session:
        message = (await session.exec(select(OutboxMessage).where(OutboxMessage.dedupe_key == key))).first()
        if message is None:
            return set()
        return {i.contact_id for i in await session.exec(select(OutboxItem).where(OutboxItem.message_id == message.id))}


async def prepare_contacts(h: Harness) -> None:
    await h.say("telegram:2", "halo")  # coordinator: subscribed by default
    await h.say("telegram:3", "pengingat off")  # coordinator who opted out
    await h.say("telegram:10", "pengingat on")  # a principal-to-be who opted in
    await h.say("telegram:11", "halo")  # public, not subscribed
    await h.say("telegram:12", "pengingat on")
    async with h.services.db.session() as session:
        blocked = await session.get(Contact, "telegram:12")
        assert blocked is not None
        blocked.reachable = False
        await session.commit()


async def test_recipients_text_and_no_duplicates(harness_factory: Any) -> None:
    clock = FakeClock(START - timedelta(days=1))
    h = await build(harness_factory, clock)
    await prepare_contacts(h)
    assert await send_reminder(h.services, "bimtek-pmo-1", 86400) == 3
    assert await recipients_of(h, "reminder:bimtek-pmo-1:1d") == {"telegram:1", "telegram:2", "telegram:10"}
    assert await send_reminder(h.services, "bimtek-pmo-1", 86400) is None  # a second run queues nobody twice
    # audience ["coordinator"]: the admin is not reminded of day 2, the opted-in contact is
    clock.current = datetime(2022, 3, 8, 23, 0, tzinfo=UTC)
    assert await send_reminder(h.services, "bimtek-pmo-2", 3600) == 2
    assert await recipients_of(h, "reminder:bimtek-pmo-2:1h") == {"telegram:2", "telegram:10"}
    await h.say("telegram:10", "/bahasa en")
    sender = OutboxSender(h.services, per_chat_seconds=0)
    while await sender.run_once():
        pass
    texts = {who: r.text for who, r in h.channels["telegram"].delivered}
    assert "⏰ Pengingat Bimtek (1 jam lagi)" in texts["2"] and "Rabu, 9 Maret 2022, pukul 08.00–12.00 WITA" in texts["2"]
    assert "https://zoom.us/j/81234567802" in texts["2"] and "812 3456 7802" in texts["2"] and "pmo2022" in texts["2"]
    assert "Bimtek reminder (in 1 hour)" in texts["10"] and "Wednesday, 9 March 2022" in texts["10"]


async def test_missed_reminders_only_within_grace_and_never_after_start(harness_factory: Any) -> None:
    clock = FakeClock(START - timedelta(minutes=10) + timedelta(minutes=14))  # 14 min late, grace 15m
    h = await build(harness_factory, clock)
    await h.say("telegram:2", "halo")
    assert await send_reminder(h.services, "bimtek-pmo-1", 600) is None  # 10m-before reminder at 4 min after the start
    clock.current = START - timedelta(hours=1) + timedelta(minutes=14)
    assert await send_reminder(h.services, "bimtek-pmo-1", 3600) == 3  # 14 min late: still within grace (admin + 2 coordinators)
    clock.current = START - timedelta(days=1) + timedelta(minutes=16)
    assert await send_reminder(h.services, "bimtek-pmo-1", 86400) is None  # 16 min late: outside grace
    assert await send_reminder(h.services, "no-such-event", 60) is None


async def test_jobs_persist_across_restart_and_are_replaced_not_doubled(harness_factory: Any, database_url: str) -> None:
    clock = FakeClock(START - timedelta(days=3))
    h = await build(harness_factory, clock)
    await h.say("telegram:2", "halo")
    first = ReminderScheduler(h.services, paused=True)
    await first.start()
    assert first.scheduler is not None
    ids = sorted(j.id for j in first.scheduler.get_jobs())
    reminders = [reminder_job_id(e, timedelta(seconds=s)) for e in ("bimtek-pmo-1", "bimtek-pmo-2") for s in (86400, 3600, 600)]
    assert ids == sorted([*reminders, HELPDESK_JOB])  # and the help desk's periodic look at waiting conversations
    job = first.scheduler.get_job("reminder:bimtek-pmo-1:1h")
    assert job is not None and job.next_run_time == START - timedelta(hours=1)
    await first.stop()
    # a restart with a changed config: day 2 removed, offsets changed → replaced, not doubled
    changed = make_settings(database_url, roles=ROLES, events=EVENTS[:1], reminders={"offsets": ["1h", "30m"]})
    second = BotApp(changed, clock=clock)
    scheduler = ReminderScheduler(second.services, paused=True)
    await scheduler.start()
    assert scheduler.scheduler is not None
    assert sorted(j.id for j in scheduler.scheduler.get_jobs()) == [HELPDESK_JOB, "reminder:bimtek-pmo-1:1h", "reminder:bimtek-pmo-1:30m"]
    # the job fires after the restart: through the persisted job's own function and arguments
    stored = scheduler.scheduler.get_job("reminder:bimtek-pmo-1:1h")
    assert stored is not None
    clock.current = START - timedelta(hours=1)
    await stored.func(*stored.args)
    await stored.func(*stored.args)
    async with second.services.db.session() as session:
        assert len(list(await session.exec(select(OutboxMessage).where(OutboxMessage.kind == "reminder")))) == 1
    await scheduler.stop()
    await second.services.db.close()


async def test_past_events_get_no_jobs(harness_factory: Any) -> None:
    clock = FakeClock(START + timedelta(days=10))
    h = await build(harness_factory, clock)
    from apscheduler.schedulers.asyncio import AsyncIOScheduler

    scheduler = AsyncIOScheduler(timezone="Asia/Makassar")
    scheduler.start(paused=True)
    try:
        assert sync_jobs(scheduler, h.services.settings, clock.now()) == (0, 0)
        assert scheduler.get_jobs() == []
    finally:
        scheduler.shutdown(wait=False)


async def test_only_one_scheduler_on_postgresql(harness_factory: Any, database_url: str) -> None:
    if database_url.startswith("sqlite"):
        pytest.skip("the advisory lock is PostgreSQL's; SQLite runs one process")
    clock = FakeClock(START - timedelta(days=3))
    h = await build(harness_factory, clock)
    other = BotApp(make_settings(database_url, roles=ROLES, events=EVENTS), clock=clock)
    a, b = ReminderScheduler(h.services, paused=True), ReminderScheduler(other.services, retry_lock_every=0.2, paused=True)
    await a.start()
    await b.start()
    assert a.leader and not b.leader
    await a.stop()  # the leader goes away: the other takes over
    for _ in range(50):
        if b.leader:
            break
        await asyncio.sleep(0.1)
    assert b.leader
    await b.stop()
    await other.services.db.close()


async def test_jadwal_lists_sessions_in_wita_with_an_ics_file(harness_factory: Any) -> None:
    clock = FakeClock(datetime(2022, 3, 8, 6, 0, tzinfo=UTC))  # 14.00 WITA on day 1: day 1 is over, day 2 ahead
    h = await build(harness_factory, clock)
    replies = await h.say("telegram:30", "/jadwal")
    text = text_of(replies)
    assert text.index("Akan datang") < text.index("Hari 2") < text.index("Sudah berlangsung") < text.index("Hari 1")
    assert "Selasa, 8 Maret 2022, pukul 08.00–12.00 WITA" in text and "Passcode: pmo2022" in text
    doc = replies[-1].document
    assert doc is not None and doc.filename.endswith(".ics") and doc.mime_type == "text/calendar"
    ics = doc.content.decode()
    assert ics.startswith("BEGIN:VCALENDAR\r\n") and ics.endswith("END:VCALENDAR\r\n")
    assert ics.count("BEGIN:VEVENT") == 2 and ics.count("BEGIN:VALARM") == 3 and "TRIGGER:-PT1440M" in ics  # day 1 is past: no alarms
    assert "DTSTART:20220308T000000Z" in ics
    assert all(len(line.encode()) <= 75 for line in ics.split("\r\n"))
    assert "Nyalakan pengingat" in str(replies[0].buttons)
    assert "belum ada sesi Bimtek yang akan datang" not in text


async def test_reminders_when_every_session_is_past(harness_factory: Any) -> None:
    clock = FakeClock(datetime(2022, 3, 10, 0, 0, tzinfo=UTC))  # both sessions are over
    h = await build(harness_factory, clock)
    on = text_of(await h.say("telegram:31", "/pengingat on"))
    assert "AKTIF" in on and "belum ada sesi Bimtek yang akan datang" in on
    assert "belum ada sesi" not in text_of(await h.say("telegram:31", "/pengingat off"))
    replies = await h.say("telegram:31", "/jadwal")
    assert "belum ada sesi Bimtek yang akan datang" in text_of(replies)
    doc = replies[-1].document
    assert doc is not None
    ics = doc.content.decode()
    assert ics.count("BEGIN:VEVENT") == 2 and "VALARM" not in ics


@pytest.mark.slow
async def test_psp_bot_run_sends_a_reminder_a_minute_ahead(tmp_path: Path, database_url: str) -> None:
    fake = FakeTelegramServer(TEST_TOKEN)
    await fake.start()
    start = datetime.now(UTC).replace(microsecond=0) + timedelta(seconds=75)
    config = tmp_path / "config.toml"
    config.write_text(
        f'[bot]\ndatabase_url = "{database_url}"\n[telegram]\ntoken = "{TEST_TOKEN}"\nbase_url = "{fake.base_url}"\n[http]\nport = 0\n'
        f'[roles]\nadmins = ["telegram:4242"]\n[reminders]\noffsets = ["1m"]\n'
        f'[[events]]\nid = "uji"\ntitle = "Sesi Uji"\nstarts_at = "{start.isoformat()}"\nends_at = "{(start + timedelta(hours=1)).isoformat()}"\n'
        f'zoom_url = "https://zoom.us/j/123"\nmeeting_id = "123"\npasscode = "abc"\n'
    )
    env = clean_env()
    proc = subprocess.Popen([sys.executable, "-m", "bot", "run", "--config", str(config)], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        await fake.wait_for(lambda: any("Sesi Uji" in c.params.get("text", "") for c in fake.sent(4242)), timeout=60)
        message = next(c for c in fake.sent(4242) if "Sesi Uji" in c.params.get("text", ""))
        assert "1 menit lagi" in message.params["text"] and "https://zoom.us/j/123" in message.params["text"]
    finally:
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=30)
        await fake.stop()
    assert proc.returncode == 0, err.decode()[-2000:]
