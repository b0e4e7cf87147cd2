"""``/jadwal``: the Bimtek sessions in WITA with their Zoom details, and an ``.ics`` calendar file."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.config import EventSettings, Settings
from bot.dates import describe_offset, format_day
from bot.messages import Button, Document
from handlers import commands
from handlers.context import Context


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> list[str]:
    """RFC 5545 §3.1: lines of at most 75 octets, continued with a leading space."""
    out: list[str] = []
    current = ""
    for char in line:
        limit = 75 if not out else 74
        if len((current + char).encode("utf-8")) > limit:
            out.append(current)
            current = char
        else:
            current += char
    out.append(current)
    return [out[0]] + [" " + part for part in out[1:]]


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def calendar(settings: Settings, events: list[EventSettings], now: datetime) -> bytes:
    """An RFC 5545 calendar with one VEVENT per session and a VALARM per reminder offset."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Disdikpora Buleleng//PSP Bot//ID", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    for event in events:
        zoom_url, meeting_id, passcode = event.shown_zoom
        details = [zoom_url, f"Meeting ID: {meeting_id}" if meeting_id else "", f"Passcode: {passcode}" if passcode else ""]
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event.id}@psp-bot.disdikpora-buleleng",
            f"DTSTAMP:{_utc(now)}",
            f"DTSTART:{_utc(event.starts_at)}",
            f"DTEND:{_utc(event.ends_at)}",
            f"SUMMARY:{_escape(event.title)}",
            f"DESCRIPTION:{_escape(chr(10).join(d for d in details if d))}",
            f"LOCATION:{_escape(zoom_url or 'Zoom')}",
        ]
        if zoom_url:
            lines.append(f"URL:{zoom_url}")
        # An alarm for a session already begun would ring at once or never: past sessions get none.
        for offset in settings.reminders.offsets if event.starts_at > now else ():
            minutes = int(offset.total_seconds() // 60)
            lines += [
                "BEGIN:VALARM",
                "ACTION:DISPLAY",
                f"DESCRIPTION:{_escape(event.title)}",
                f"TRIGGER:-PT{minutes}M",
                "END:VALARM",
            ]
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return ("\r\n".join(folded for line in lines for folded in _fold(line)) + "\r\n").encode("utf-8")


def session_lines(ctx: Context, events: list[EventSettings], lang: str) -> list[str]:
    """Each session's date and hours in WITA and its Zoom details, upcoming ones first (/jadwal, the Zoom answer)."""
    tz, now = ctx.services.settings.bot.timezone, ctx.now

    def t(key: str, **values: str) -> str:
        return ctx.services.i18n.t(lang, key, **values)

    def describe(event: EventSettings) -> list[str]:
        start, end = event.starts_at.astimezone(tz), event.ends_at.astimezone(tz)
        zoom_url, meeting_id, passcode = event.shown_zoom
        return [
            f"📅 {event.title}",
            "   " + t("schedule.when", date=format_day(start, lang), start=start.strftime("%H.%M"), end=end.strftime("%H.%M")),
            "   " + t("schedule.zoom", zoom=zoom_url or "–", meeting=meeting_id or "–", passcode=passcode or "–"),
        ]

    lines: list[str] = []
    for heading, group in (("schedule.upcoming", [e for e in events if e.ends_at > now]), ("schedule.past", [e for e in events if e.ends_at <= now])):
        if group:
            lines += ["", t(heading)]
            for event in group:
                lines += describe(event)
    return lines


def with_zoom_details(events: list[EventSettings]) -> list[EventSettings]:
    """The sessions the operator has given a real Zoom link or meeting ID (not the example's placeholders)."""
    return [e for e in events if any(e.shown_zoom[:2])]


async def show_schedule(ctx: Context, _arg: str) -> None:
    """Upcoming sessions first (then past ones), in WITA, with Zoom details and the .ics file."""
    settings = ctx.services.settings
    now = ctx.now
    events = list(settings.events)
    if not events:
        ctx.say(ctx.t("schedule.none"))
        return
    lines = [ctx.t("schedule.title"), *session_lines(ctx, events, ctx.lang)]
    offsets = ", ".join(describe_offset(o, ctx.lang) for o in settings.reminders.offsets)
    state = ctx.t("reminders.on") if ctx.contact.reminders else ctx.t("reminders.off")
    lines += ["", ctx.t("schedule.reminder_note", offsets=offsets, state=state)]
    if not any(e.starts_at > now for e in events):
        lines.append(ctx.t("reminders.no_upcoming"))
    ctx.say("\n".join(lines), [[reminder_switch(ctx)]])
    ctx.say(ctx.t("schedule.ics_caption"), document=Document("jadwal-bimtek-pmo.ics", calendar(settings, events, now), "text/calendar"))


def reminder_switch(ctx: Context) -> Button:
    """The button that turns the contact's reminders the other way (``/pengingat on|off``)."""
    if ctx.contact.reminders:
        return ctx.button("reminders.turn_off", commands.REMINDERS.pack("off"))
    return ctx.button("reminders.turn_on", commands.REMINDERS.pack("on"))
