"""Zoom reminders for the Bimtek sessions, scheduled with APScheduler 3.

One job per (event, offset) with a stable id in a persistent SQLAlchemy job store in the bot's
own database, replaced on every start (never doubled). A job fans out into the outbox with a
dedupe key, so a job that runs twice (a restart between scheduling and firing, two processes)
queues nobody twice, and the outbox makes each delivery crash-safe.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timedelta
from typing import Any

from apscheduler.jobstores.base import JobLookupError
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from sqlalchemy import text
from sqlmodel import col, select

from bot.config import EventSettings, Settings, format_duration
from bot.dates import describe_offset, format_day
from bot.enums import STAFF_ROLES, MessageKind
from bot.i18n import I18n
from bot.services import Services
from handlers.helpdesk import remind_admins
from models.db import sync_url
from models.outbox import enqueue_once
from models.tables import Contact, OutboxMessage

log = logging.getLogger(__name__)
JOB_PREFIX = "reminder:"
LOCK_KEY = 7_201_003_002  # PostgreSQL advisory lock: "the scheduler of PSP Bot"

# APScheduler stores jobs as "module:function" plus arguments; the function finds the running
# bot here. One process runs one bot, so one slot is enough.
_running: dict[str, Services] = {}


def reminder_job_id(event_id: str, offset: timedelta) -> str:
    """Stable job id of one reminder."""
    return f"{JOB_PREFIX}{event_id}:{format_duration(offset)}"


def reminder_text(i18n: I18n, lang: str, settings: Settings, event: EventSettings, offset: timedelta) -> str:
    """Title, date and time in WITA, Zoom link, meeting ID, passcode."""
    tz = settings.bot.timezone
    start = event.starts_at.astimezone(tz)
    end = event.ends_at.astimezone(tz)
    zoom_url, meeting_id, passcode = event.shown_zoom
    return i18n.t(
        lang,
        "reminders.message",
        title=event.title,
        when=i18n.t(lang, "schedule.when", date=format_day(start, lang), start=start.strftime("%H.%M"), end=end.strftime("%H.%M")),
        before=describe_offset(offset, lang),
        zoom=zoom_url or "–",
        meeting=meeting_id or "–",
        passcode=passcode or "–",
    )


async def send_reminder(services: Services, event_id: str, offset_seconds: int, fire_time: datetime | None = None) -> int | None:
    """Queue one event's reminder for its recipients; ``None`` when skipped (late, started, done).

    Recipients: reachable contacts with reminders on whose role is in the event's audience
    (staff are subscribed by default), plus principals and others who turned reminders on.
    """
    settings = services.settings
    event = next((e for e in settings.events if e.id == event_id), None)
    offset = timedelta(seconds=offset_seconds)
    if event is None:
        log.info("reminder for an event no longer configured: %s", event_id)
        return None
    now = services.clock.now()
    due = fire_time or (event.starts_at - offset)
    if now >= event.starts_at:
        log.info("reminder skipped, the event has started: %s", reminder_job_id(event_id, offset))
        return None
    if now - due > settings.reminders.late_grace:
        log.info("reminder skipped, too late: %s", reminder_job_id(event_id, offset))
        return None
    async with services.db.session() as session:
        contacts = await session.exec(select(Contact).where(col(Contact.reminders).is_(True), col(Contact.reachable).is_(True)))
        recipients = [c for c in contacts if c.role in event.audience or c.role not in STAFF_ROLES]
        message = OutboxMessage(
            kind=MessageKind.REMINDER,
            text=reminder_text(services.i18n, "id", settings, event, offset),
            text_en=reminder_text(services.i18n, "en", settings, event, offset),
            created_at=now,
            send_at=now,
        )
        queued = await enqueue_once(session, reminder_job_id(event_id, offset), message, recipients, now)
        await session.commit()
    if queued is None:
        log.info("reminder already queued: %s", reminder_job_id(event_id, offset))
    else:
        services.wake_outbox()
        log.info("reminder queued for %d contact(s): %s", queued, reminder_job_id(event_id, offset))
    return queued


async def reminder_job(event_id: str, offset_seconds: int) -> None:
    """What APScheduler runs (importable, arguments picklable)."""
    services = _running.get("services")
    if services is None:
        log.error("reminder job ran with no bot running")
        return
    await send_reminder(services, event_id, offset_seconds)


HELPDESK_JOB = "helpdesk:waiting"


async def remind_waiting_tickets(services: Services) -> int:
    """Remind the admins of help-desk conversations waiting too long; return how many."""
    async with services.db.session() as session:
        count = await remind_admins(services, session)
        await session.commit()
    if count:
        services.wake_outbox()
    return count


async def helpdesk_job() -> None:
    """What APScheduler runs every few minutes (importable, no arguments)."""
    services = _running.get("services")
    if services is not None:
        await remind_waiting_tickets(services)


def wanted_jobs(settings: Settings) -> dict[str, tuple[EventSettings, timedelta]]:
    """Every (event, offset) reminder the config asks for, by job id."""
    return {reminder_job_id(e.id, o): (e, o) for e in settings.events for o in settings.reminders.offsets}


def sync_jobs(scheduler: AsyncIOScheduler, settings: Settings, now: datetime) -> tuple[int, int]:
    """Make the job store match the config: add or replace by id, remove the rest. Returns (kept, removed)."""
    wanted = wanted_jobs(settings)
    grace = int(settings.reminders.late_grace.total_seconds())
    removed = 0
    for job in scheduler.get_jobs():
        if job.id.startswith(JOB_PREFIX) and job.id not in wanted:
            scheduler.remove_job(job.id)
            removed += 1
    kept = 0
    for job_id, (event, offset) in wanted.items():
        run_at = event.starts_at - offset
        if run_at < now - settings.reminders.late_grace or now >= event.starts_at:
            try:  # long past: nothing to send any more
                scheduler.remove_job(job_id)
            except JobLookupError:
                pass
            continue
        scheduler.add_job(
            reminder_job,
            "date",
            run_date=run_at,
            id=job_id,
            name=f"{event.title} — {format_duration(offset)}",
            args=[event.id, int(offset.total_seconds())],
            replace_existing=True,
            misfire_grace_time=max(1, grace),
            coalesce=True,
        )
        kept += 1
    return kept, removed


class ReminderScheduler:
    """The APScheduler instance, run by exactly one process per database."""

    def __init__(self, services: Services, *, retry_lock_every: float = 30.0, paused: bool = False) -> None:
        self.services = services
        self.paused = paused  # tests inspect and fire jobs themselves
        self.scheduler: AsyncIOScheduler | None = None
        self._lock_connection: Any = None
        self._waiter: asyncio.Task[None] | None = None
        self.retry_lock_every = retry_lock_every

    def _make(self) -> AsyncIOScheduler:
        settings = self.services.settings
        store = SQLAlchemyJobStore(url=sync_url(settings.bot.database_url), tablename="apscheduler_jobs")
        return AsyncIOScheduler(jobstores={"default": store}, timezone=settings.bot.timezone)

    async def _try_lock(self) -> bool:
        """SQLite: one process by design. PostgreSQL: a session advisory lock decides the leader."""
        db = self.services.db
        if db.sqlite:
            return True
        if self._lock_connection is None:
            self._lock_connection = await db.engine.connect()
        result = await self._lock_connection.execute(text("SELECT pg_try_advisory_lock(:key)"), {"key": LOCK_KEY})
        locked = bool(result.scalar())
        await self._lock_connection.commit()  # a session-level lock outlives the transaction
        return locked

    async def start(self) -> None:
        """Become the scheduler if no other process is; otherwise keep trying in the background."""
        _running["services"] = self.services
        if await self._try_lock():
            await self._run()
        else:
            log.info("another process runs the scheduler; this one stands by")
            self._waiter = asyncio.create_task(self._wait_for_lock())

    async def _wait_for_lock(self) -> None:
        while True:
            await asyncio.sleep(self.retry_lock_every)
            try:
                if await self._try_lock():
                    await self._run()
                    return
            except Exception:
                log.exception("scheduler lock attempt failed")

    async def _run(self) -> None:
        self.scheduler = self._make()
        self.scheduler.start(paused=True)
        kept, removed = sync_jobs(self.scheduler, self.services.settings, self.services.clock.now())
        # Waiting help-desk conversations are looked at every few minutes, on this one process only.
        self.scheduler.add_job(helpdesk_job, "interval", minutes=5, id=HELPDESK_JOB, replace_existing=True, coalesce=True, misfire_grace_time=60)
        if not self.paused:
            self.scheduler.resume()
        log.info("scheduler running: %d reminder job(s), %d removed", kept, removed)

    @property
    def leader(self) -> bool:
        """Whether this process runs the scheduler."""
        return self.scheduler is not None

    async def stop(self) -> None:
        """Stop scheduling and give up the lock."""
        if self._waiter is not None:
            self._waiter.cancel()
        if self.scheduler is not None:
            self.scheduler.shutdown(wait=False)
            self.scheduler = None
        if self._lock_connection is not None:
            # The pooled connection outlives close(): release the lock explicitly.
            try:
                await self._lock_connection.execute(text("SELECT pg_advisory_unlock_all()"))
                await self._lock_connection.commit()
            finally:
                await self._lock_connection.close()
                self._lock_connection = None
        if _running.get("services") is self.services:
            _running.pop("services", None)
