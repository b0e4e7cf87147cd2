"""Dates and durations as people read them, in Indonesian and English: month and day names live here only."""

from __future__ import annotations

from datetime import date, datetime, timedelta, tzinfo

from bot.config import format_duration

DAYS = {
    "id": ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
MONTH_NAMES = {
    "id": ("", "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"),
    "en": ("", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"),
}


def format_day(moment: datetime, lang: str) -> str:
    """``Selasa, 8 Maret 2022``."""
    lang = lang if lang in DAYS else "id"
    return f"{DAYS[lang][moment.weekday()]}, {moment.day} {MONTH_NAMES[lang][moment.month]} {moment.year}"


def describe_offset(offset: timedelta, lang: str) -> str:
    """``1 hari``, ``1 jam``, ``10 menit`` (``1 day``…)."""
    seconds = int(offset.total_seconds())
    units = (("hari", "day", 86400), ("jam", "hour", 3600), ("menit", "minute", 60), ("detik", "second", 1))
    for id_word, en_word, size in units:
        if seconds >= size and seconds % size == 0:
            n = seconds // size
            return f"{n} {id_word}" if lang == "id" else f"{n} {en_word}{'s' if n > 1 else ''}"
    return format_duration(offset)


def format_date(value: date, lang: str = "id") -> str:
    """``17 Agustus 1975``."""
    return f"{value.day} {MONTH_NAMES[lang if lang in MONTH_NAMES else 'id'][value.month]} {value.year}"


def format_moment(moment: datetime, tz: tzinfo) -> str:
    """``10-03-2022 08:00`` in the bot's time zone (the text around it says "WITA")."""
    return moment.astimezone(tz).strftime("%d-%m-%Y %H:%M")
