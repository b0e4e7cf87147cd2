"""Configuration: one TOML file plus ``PSP_*`` environment variables → frozen, typed settings.

This module is the only reader of configuration. Every problem is reported as a
:class:`ConfigError` naming the key and how to fix it, so start-up stops with one clear line.
"""

from __future__ import annotations

import difflib
import hashlib
import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.enums import ALL_ROLES, Role

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FAQ_PATH = REPO_ROOT / "data" / "faq.toml"
DEFAULT_DATABASE_URL = "sqlite:///psp-bot.sqlite3"
LANGUAGES = ("id", "en")
CONTACT_RE = re.compile(r"^(telegram|whatsapp|console):[A-Za-z0-9_.-]{1,64}$")
BULELENG_KECAMATAN = (
    "Gerokgak",
    "Seririt",
    "Busungbiu",
    "Banjar",
    "Sukasada",
    "Buleleng",
    "Sawan",
    "Kubutambahan",
    "Tejakula",
)

# Secrets that may come from the environment instead of the file (SPEC §8).
ENV_KEYS = {
    "PSP_TELEGRAM_TOKEN": ("telegram", "token"),
    "PSP_TELEGRAM_WEBHOOK_SECRET": ("telegram", "webhook_secret"),
    "PSP_WHATSAPP_ACCESS_TOKEN": ("whatsapp", "access_token"),
    "PSP_WHATSAPP_APP_SECRET": ("whatsapp", "app_secret"),
    "PSP_WHATSAPP_VERIFY_TOKEN": ("whatsapp", "verify_token"),
    "PSP_DATABASE_URL": ("bot", "database_url"),
}


class ConfigError(Exception):
    """A configuration problem, with the key it concerns and how to fix it."""

    def __init__(self, key: str, problem: str, fix: str) -> None:
        super().__init__(f"config error at '{key}': {problem}. Fix: {fix}")
        self.key = key


_DURATION_RE = re.compile(r"(\d+)\s*(d|h|m|s)")
_DURATION_UNITS = {"d": 86400, "h": 3600, "m": 60, "s": 1}


def parse_duration(text: str) -> timedelta:
    """Parse ``1d``, ``1h``, ``10m``, ``30s`` or combinations such as ``1h30m``."""
    cleaned = text.strip().lower().replace(" ", "")
    if not cleaned or _DURATION_RE.sub("", cleaned):
        raise ValueError(text)
    seconds = sum(int(n) * _DURATION_UNITS[u] for n, u in _DURATION_RE.findall(cleaned))
    return timedelta(seconds=seconds)


def format_duration(delta: timedelta) -> str:
    """Format a duration the way it is written in the config (``1d``, ``1h30m``)."""
    seconds = int(delta.total_seconds())
    parts = []
    for unit, size in _DURATION_UNITS.items():
        if seconds >= size:
            parts.append(f"{seconds // size}{unit}")
            seconds %= size
    return "".join(parts) or "0s"


@dataclass(frozen=True)
class BotSettings:
    """The ``[bot]`` table."""

    database_url: str = DEFAULT_DATABASE_URL
    timezone: ZoneInfo = ZoneInfo("Asia/Makassar")
    default_language: str = "id"
    log_level: str = "INFO"
    faq_path: Path = DEFAULT_FAQ_PATH
    secret: str = ""


@dataclass(frozen=True)
class TelegramSettings:
    """The ``[telegram]`` table."""

    token: str = ""
    mode: str = "polling"
    base_url: str = "https://api.telegram.org/bot"
    webhook_url: str = ""
    webhook_secret: str = ""
    rate_per_second: float = 25.0
    per_chat_per_second: float = 1.0

    @property
    def enabled(self) -> bool:
        """Whether the Telegram channel runs (a token is configured)."""
        return bool(self.token)

    @property
    def base_file_url(self) -> str:
        """File download base matching :attr:`base_url` (``…/file/bot``)."""
        return self.base_url[: -len("/bot")] + "/file/bot"


@dataclass(frozen=True)
class WhatsAppSettings:
    """The ``[whatsapp]`` table."""

    enabled: bool = False
    phone_number_id: str = ""
    access_token: str = ""
    app_secret: str = ""
    verify_token: str = ""
    api_base_url: str = "https://graph.facebook.com/v21.0"
    rate_per_second: float = 60.0
    reminder_template: str = ""
    broadcast_template: str = ""
    template_language: str = "id"


@dataclass(frozen=True)
class HttpSettings:
    """The ``[http]`` table."""

    host: str = "127.0.0.1"
    port: int = 8080
    max_body_bytes: int = 1_048_576
    public_url: str = ""  # where people reach this server; the staff pages' links start with it
    session_hours: int = 12


@dataclass(frozen=True)
class CoordinatorAssignment:
    """One ``[[roles.coordinators]]`` entry."""

    contact: str
    kecamatan: str


@dataclass(frozen=True)
class RoleSettings:
    """The ``[roles]`` table."""

    admins: tuple[str, ...] = ()
    coordinators: tuple[CoordinatorAssignment, ...] = ()


@dataclass(frozen=True)
class RegistrationSettings:
    """The ``[registration]`` table."""

    max_age: int = 56
    require_definitive: bool = True
    kecamatan: tuple[str, ...] = BULELENG_KECAMATAN
    jenjang: tuple[str, ...] = ("PAUD", "SD", "SMP")
    target_per_kecamatan: int = 5


@dataclass(frozen=True)
class EventSettings:
    """One ``[[events]]`` entry: a Bimtek session."""

    id: str
    title: str
    starts_at: datetime
    ends_at: datetime
    zoom_url: str = ""
    meeting_id: str = ""
    passcode: str = ""
    audience: tuple[str, ...] = (Role.COORDINATOR, Role.ADMIN)

    @property
    def placeholder_zoom(self) -> bool:
        """Whether the Zoom link or meeting ID is still the example's placeholder (``check-config`` warns of it)."""

        def placeholder(value: str) -> bool:
            digits = re.sub(r"\D", "", value)
            # The example's IDs are zeros with a last digit ("000 0000 0001"); no real meeting ID looks like that.
            return "example" in value.lower() or (len(digits) >= 9 and len(digits.lstrip("0")) <= 2)

        return placeholder(self.zoom_url) or placeholder(self.meeting_id)

    @property
    def shown_zoom(self) -> tuple[str, str, str]:
        """The Zoom link, meeting ID and passcode to give people: none while they are the example's placeholders."""
        return ("", "", "") if self.placeholder_zoom else (self.zoom_url, self.meeting_id, self.passcode)


@dataclass(frozen=True)
class ReminderSettings:
    """The ``[reminders]`` table."""

    offsets: tuple[timedelta, ...] = (timedelta(days=1), timedelta(hours=1), timedelta(minutes=10))
    late_grace: timedelta = timedelta(minutes=15)


@dataclass(frozen=True)
class PrivacySettings:
    """The ``[privacy]`` table: what the notice before ``/daftar`` names (UU 27/2022)."""

    controller: str = "Disdikpora Kabupaten Buleleng"
    retention: str = "selama Program Sekolah Penggerak berjalan; setelah itu dihapus"


@dataclass(frozen=True)
class ServiceHours:
    """One stretch of the help desk's week: days (0 = Monday) and the hours, local time."""

    first_day: int
    last_day: int
    opens: time
    closes: time


@dataclass(frozen=True)
class HelpdeskSettings:
    """The ``[helpdesk]`` table: who answers people who ask for a person, and when."""

    name: str = ""
    phone: str = ""  # E.164 without "+", e.g. "6281234567890"; empty: no number is given out
    hours: str = ""  # as people read it, e.g. "Senin–Jumat 08.00–15.00 WITA"
    schedule: tuple[ServiceHours, ...] = ()  # ``hours`` read by the bot; empty: always open
    remind_after: timedelta = timedelta(hours=2)


@dataclass(frozen=True)
class Settings:
    """All settings of one bot process."""

    bot: BotSettings = field(default_factory=BotSettings)
    telegram: TelegramSettings = field(default_factory=TelegramSettings)
    whatsapp: WhatsAppSettings = field(default_factory=WhatsAppSettings)
    http: HttpSettings = field(default_factory=HttpSettings)
    roles: RoleSettings = field(default_factory=RoleSettings)
    registration: RegistrationSettings = field(default_factory=RegistrationSettings)
    events: tuple[EventSettings, ...] = ()
    reminders: ReminderSettings = field(default_factory=ReminderSettings)
    privacy: PrivacySettings = field(default_factory=PrivacySettings)
    helpdesk: HelpdeskSettings = field(default_factory=HelpdeskSettings)
    source: str = "(defaults)"

    @property
    def signing_key(self) -> bytes:
        """Key for signing button payloads: ``bot.secret``, else derived from the secrets."""
        material = self.bot.secret or "\n".join((self.telegram.token, self.whatsapp.app_secret, self.bot.database_url))
        return hashlib.sha256(("psp-bot-buttons\n" + material).encode()).digest()

    def channel_names(self) -> list[str]:
        """Names of the configured chat channels (empty: console only)."""
        names = []
        if self.telegram.enabled:
            names.append("telegram")
        if self.whatsapp.enabled:
            names.append("whatsapp")
        return names


class _Table:
    """Typed reads from one TOML table, remembering which keys were used."""

    def __init__(self, data: Any, prefix: str) -> None:
        if not isinstance(data, Mapping):
            raise ConfigError(prefix, f"expected a table, got {type(data).__name__}", f"write [{prefix}]")
        self.data = data
        self.prefix = prefix
        self.used: set[str] = set()

    def key(self, name: str) -> str:
        return f"{self.prefix}.{name}" if self.prefix else name

    def raw(self, name: str, default: Any) -> Any:
        self.used.add(name)
        return self.data.get(name, default)

    def text(self, name: str, default: str, *, choices: tuple[str, ...] = ()) -> str:
        value = self.raw(name, default)
        if not isinstance(value, str):
            raise ConfigError(self.key(name), f"expected text, got {value!r}", f'write {name} = "…"')
        value = value.strip()
        if choices and value not in choices:
            allowed = ", ".join(repr(c) for c in choices)
            raise ConfigError(self.key(name), f"{value!r} is not allowed", f"use one of {allowed}")
        return value

    def bool(self, name: str, default: bool) -> bool:
        value = self.raw(name, default)
        if not isinstance(value, bool):
            raise ConfigError(self.key(name), f"expected true or false, got {value!r}", f"write {name} = true")
        return value

    def number(self, name: str, default: float, *, minimum: float, maximum: float) -> float:
        value = self.raw(name, default)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ConfigError(self.key(name), f"expected a number, got {value!r}", f"write {name} = {default}")
        if not minimum <= value <= maximum:
            raise ConfigError(self.key(name), f"{value} is out of range", f"use a value from {minimum} to {maximum}")
        return value

    def int(self, name: str, default: int, *, minimum: int, maximum: int) -> int:
        value = self.number(name, default, minimum=minimum, maximum=maximum)
        if not isinstance(value, int):
            raise ConfigError(self.key(name), f"expected a whole number, got {value!r}", f"write {name} = {default}")
        return value

    def str_list(self, name: str, default: tuple[str, ...]) -> tuple[str, ...]:
        value = self.raw(name, list(default))
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise ConfigError(self.key(name), f"expected a list of texts, got {value!r}", f'write {name} = ["…", "…"]')
        return tuple(v.strip() for v in value)

    def finish(self) -> None:
        """Reject keys nobody read: a typo must not be silently ignored."""
        for name in self.data:
            if name not in self.used:
                close = difflib.get_close_matches(name, list(self.used), n=1)
                hint = f"did you mean '{close[0]}'?" if close else "remove it (see config.example.toml)"
                raise ConfigError(self.key(name), "unknown key", hint)


def _contact(table: _Table, key: str, value: str) -> str:
    if not CONTACT_RE.match(value):
        raise ConfigError(
            table.key(key),
            f"{value!r} is not a contact id",
            'write CHANNEL:ID, e.g. "telegram:123456789" or "whatsapp:6281234567890"',
        )
    return value


def _datetime(table: _Table, name: str, tz: ZoneInfo) -> datetime:
    value = table.raw(name, None)
    key = table.key(name)
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            value = None
    if isinstance(value, date) and not isinstance(value, datetime):
        value = datetime.combine(value, time(0))
    if not isinstance(value, datetime):
        raise ConfigError(key, "missing or not a date and time", f"write {name} = 2022-03-08T08:00:00+08:00")
    # A time without an offset is read as local time of bot.timezone (WITA by default).
    return value if value.tzinfo else value.replace(tzinfo=tz)


def _duration(table: _Table, key: str, value: Any) -> timedelta:
    try:
        if not isinstance(value, str):
            raise ValueError(value)
        return parse_duration(value)
    except ValueError:
        raise ConfigError(table.key(key), f"{value!r} is not a duration", 'write e.g. "1d", "1h", "10m" or "1h30m"') from None


def _read_bot(table: _Table) -> BotSettings:
    tz_name = table.text("timezone", "Asia/Makassar")
    try:
        tz = ZoneInfo(tz_name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(table.key("timezone"), f"unknown time zone {tz_name!r}", 'use an IANA name such as "Asia/Makassar" (WITA)') from None
    url = table.text("database_url", DEFAULT_DATABASE_URL)
    if not url.startswith(("sqlite:", "sqlite+", "postgresql:", "postgresql+", "postgres:")):
        raise ConfigError(
            table.key("database_url"),
            f"unsupported database URL {url.split(':')[0]!r}",
            'use "sqlite:///path/file.sqlite3" or "postgresql://user:pass@host/db"',
        )
    faq = table.text("faq_path", "")
    settings = BotSettings(
        database_url=url,
        timezone=tz,
        default_language=table.text("default_language", "id", choices=LANGUAGES),
        log_level=table.text("log_level", "INFO", choices=("DEBUG", "INFO", "WARNING", "ERROR")),
        faq_path=Path(faq) if faq else DEFAULT_FAQ_PATH,
        secret=table.text("secret", ""),
    )
    table.finish()
    return settings


def _read_telegram(table: _Table) -> TelegramSettings:
    token = table.text("token", "")
    if token and not re.fullmatch(r"\d{3,15}:[A-Za-z0-9_-]{20,}", token):
        raise ConfigError(
            table.key("token"), "this does not look like a bot token", "copy the token BotFather gave you (digits:letters), or set PSP_TELEGRAM_TOKEN"
        )
    base_url = table.text("base_url", "https://api.telegram.org/bot").rstrip("/")
    if not base_url.startswith(("http://", "https://")):
        raise ConfigError(table.key("base_url"), f"{base_url!r} is not an http(s) URL", 'write e.g. "https://api.telegram.org/bot"')
    if not base_url.endswith("/bot"):
        base_url += "/bot"
    mode = table.text("mode", "polling", choices=("polling", "webhook"))
    webhook_url = table.text("webhook_url", "")
    secret = table.text("webhook_secret", "")
    if mode == "webhook" and token:
        if not webhook_url.startswith("https://"):
            raise ConfigError(
                table.key("webhook_url"), "webhook mode needs a public https URL", 'write webhook_url = "https://bot.example.go.id/telegram/webhook"'
            )
        if not re.fullmatch(r"[A-Za-z0-9_-]{16,256}", secret):
            raise ConfigError(
                table.key("webhook_secret"),
                "webhook mode needs a secret of 16–256 letters, digits, _ or -",
                "set webhook_secret or PSP_TELEGRAM_WEBHOOK_SECRET",
            )
    settings = TelegramSettings(
        token=token,
        mode=mode,
        base_url=base_url,
        webhook_url=webhook_url,
        webhook_secret=secret,
        rate_per_second=table.number("rate_per_second", 25.0, minimum=0.1, maximum=1000),
        per_chat_per_second=table.number("per_chat_per_second", 1.0, minimum=0.01, maximum=100),
    )
    table.finish()
    return settings


def _read_whatsapp(table: _Table) -> WhatsAppSettings:
    enabled = table.bool("enabled", False)
    values = {
        name: table.text(name, "") for name in ("phone_number_id", "access_token", "app_secret", "verify_token", "reminder_template", "broadcast_template")
    }
    if enabled:
        for name in ("phone_number_id", "access_token", "app_secret", "verify_token"):
            if not values[name]:
                raise ConfigError(table.key(name), "required when whatsapp.enabled = true", f"set {name} (secrets may come from PSP_WHATSAPP_* variables)")
    settings = WhatsAppSettings(
        enabled=enabled,
        api_base_url=table.text("api_base_url", "https://graph.facebook.com/v21.0").rstrip("/"),
        rate_per_second=table.number("rate_per_second", 60.0, minimum=0.1, maximum=1000),
        template_language=table.text("template_language", "id"),
        **values,
    )
    table.finish()
    return settings


def _read_http(table: _Table) -> HttpSettings:
    settings = HttpSettings(
        host=table.text("host", "127.0.0.1"),
        port=table.int("port", 8080, minimum=0, maximum=65535),
        max_body_bytes=table.int("max_body_bytes", 1_048_576, minimum=1024, maximum=100_000_000),
        public_url=table.text("public_url", "").rstrip("/"),
        session_hours=table.int("session_hours", 12, minimum=1, maximum=24 * 30),
    )
    table.finish()
    url = urlsplit(settings.public_url)
    if settings.public_url and (url.scheme not in ("http", "https") or not url.netloc or url.query or url.fragment):
        raise ConfigError(table.key("public_url"), f"{settings.public_url!r} is not an http(s) URL", 'write e.g. public_url = "https://psp.bulelengkab.go.id"')
    return settings


def _read_registration(table: _Table) -> RegistrationSettings:
    settings = RegistrationSettings(
        max_age=table.int("max_age", 56, minimum=18, maximum=80),
        require_definitive=table.bool("require_definitive", True),
        kecamatan=table.str_list("kecamatan", BULELENG_KECAMATAN),
        jenjang=table.str_list("jenjang", ("PAUD", "SD", "SMP")),
        target_per_kecamatan=table.int("target_per_kecamatan", 5, minimum=0, maximum=10_000),
    )
    table.finish()
    if not settings.kecamatan or not settings.jenjang:
        raise ConfigError("registration.kecamatan", "the lists of kecamatan and jenjang must not be empty", "list at least one")
    return settings


def _read_roles(table: _Table, kecamatan: tuple[str, ...]) -> RoleSettings:
    admins = tuple(_contact(table, "admins", a) for a in table.str_list("admins", ()))
    raw = table.raw("coordinators", [])
    if not isinstance(raw, list):
        raise ConfigError(
            table.key("coordinators"), "expected [[roles.coordinators]] entries", 'write [[roles.coordinators]] with contact = "…" and kecamatan = "…"'
        )
    coordinators = []
    for i, item in enumerate(raw):
        entry = _Table(item, f"roles.coordinators[{i}]")
        contact = _contact(entry, "contact", entry.text("contact", ""))
        kec = entry.text("kecamatan", "")
        match = [k for k in kecamatan if k.lower() == kec.lower()]
        if not match:
            raise ConfigError(entry.key("kecamatan"), f"{kec!r} is not in registration.kecamatan", "use one of " + ", ".join(kecamatan))
        entry.finish()
        coordinators.append(CoordinatorAssignment(contact=contact, kecamatan=match[0]))
    table.finish()
    return RoleSettings(admins=admins, coordinators=tuple(coordinators))


def _read_events(raw: Any, tz: ZoneInfo) -> tuple[EventSettings, ...]:
    if not isinstance(raw, list):
        raise ConfigError("events", "expected [[events]] entries", "write each session as an [[events]] table")
    events = []
    seen: set[str] = set()
    for i, item in enumerate(raw):
        table = _Table(item, f"events[{i}]")
        event_id = table.text("id", "")
        if not re.fullmatch(r"[a-z0-9][a-z0-9_-]{0,40}", event_id):
            raise ConfigError(table.key("id"), f"{event_id!r} is not a valid id", 'use lower-case letters, digits and dashes, e.g. "bimtek-pmo-1"')
        if event_id in seen:
            raise ConfigError(table.key("id"), f"duplicate event id {event_id!r}", "give every event its own id")
        seen.add(event_id)
        title = table.text("title", "")
        if not title:
            raise ConfigError(table.key("title"), "missing", 'write title = "Bimtek Tim Pokja PMO — Hari 1"')
        starts_at = _datetime(table, "starts_at", tz)
        ends_at = _datetime(table, "ends_at", tz)
        if ends_at <= starts_at:
            raise ConfigError(table.key("ends_at"), "ends before it starts", "make ends_at later than starts_at")
        zoom_url = table.text("zoom_url", "")
        if zoom_url and not zoom_url.startswith("https://"):
            raise ConfigError(table.key("zoom_url"), f"{zoom_url!r} is not an https link", 'write zoom_url = "https://zoom.us/j/…"')
        audience = table.str_list("audience", (Role.COORDINATOR, Role.ADMIN))
        for role in audience:
            if role not in ALL_ROLES:
                raise ConfigError(table.key("audience"), f"unknown role {role!r}", "use " + ", ".join(Role))
        events.append(
            EventSettings(
                id=event_id,
                title=title,
                starts_at=starts_at,
                ends_at=ends_at,
                zoom_url=zoom_url,
                meeting_id=table.text("meeting_id", ""),
                passcode=table.text("passcode", ""),
                audience=audience,
            )
        )
        table.finish()
    return tuple(sorted(events, key=lambda e: e.starts_at))


def _read_reminders(table: _Table) -> ReminderSettings:
    offsets = tuple(_duration(table, "offsets", v) for v in table.raw("offsets", ["1d", "1h", "10m"]) or [])
    if any(o <= timedelta(0) for o in offsets):
        raise ConfigError(table.key("offsets"), "offsets must be longer than zero", 'write e.g. ["1d", "1h", "10m"]')
    settings = ReminderSettings(
        offsets=tuple(sorted(set(offsets), reverse=True)),
        late_grace=_duration(table, "late_grace", table.raw("late_grace", "15m")),
    )
    table.finish()
    return settings


def _read_privacy(table: _Table) -> PrivacySettings:
    values = {}
    for name, example in (("controller", "Disdikpora Kabupaten Buleleng"), ("retention", "selama Program Sekolah Penggerak berjalan")):
        value = table.text(name, getattr(PrivacySettings, name))
        if not 3 <= len(value) <= 300:
            raise ConfigError(table.key(name), "must be 3 to 300 characters: people read it before they register", f'write {name} = "{example}"')
        values[name] = value
    table.finish()
    return PrivacySettings(**values)


_DAY_NAMES = ("senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu")
_HOURS_RE = re.compile(r"^([a-z']+)(?:\s*[-–]\s*([a-z']+))?\s+(\d{1,2})[.:](\d{2})\s*[-–]\s*(\d{1,2})[.:](\d{2})$")


def parse_service_hours(text: str) -> tuple[ServiceHours, ...]:
    """``"Senin–Kamis 08.00–15.00, Jumat 08.00–11.00 WITA"`` → the stretches; raises ValueError."""
    cleaned = re.sub(r"\s*wita\s*$", "", text.strip().lower()).replace("jum'at", "jumat")
    stretches = []
    for part in re.split(r"[,;]", cleaned):
        match = _HOURS_RE.match(part.strip())
        if not match or match[1] not in _DAY_NAMES or (match[2] and match[2] not in _DAY_NAMES):
            raise ValueError(part)
        first = _DAY_NAMES.index(match[1])
        last = _DAY_NAMES.index(match[2]) if match[2] else first
        opens, closes = time(int(match[3]), int(match[4])), time(int(match[5]), int(match[6]))
        if last < first or closes <= opens:
            raise ValueError(part)
        stretches.append(ServiceHours(first, last, opens, closes))
    return tuple(stretches)


def _read_helpdesk(table: _Table) -> HelpdeskSettings:
    phone = re.sub(r"[\s().-]", "", table.text("phone", ""))
    if phone.startswith("+"):
        phone = phone[1:]
    elif phone.startswith("0"):
        phone = "62" + phone[1:]
    if phone and not re.fullmatch(r"62\d{7,13}", phone):
        raise ConfigError(table.key("phone"), f"{phone!r} is not an Indonesian phone number", 'write e.g. phone = "+62 812-3456-7890"')
    hours = table.text("hours", "")
    try:
        schedule = parse_service_hours(hours) if hours else ()
    except (ValueError, IndexError):
        fix = 'write e.g. hours = "Senin–Jumat 08.00–15.00 WITA" (day names in Indonesian)'
        raise ConfigError(table.key("hours"), f"{hours!r} cannot be read", fix) from None
    remind_after = _duration(table, "remind_after", table.raw("remind_after", "2h"))
    if remind_after < timedelta(minutes=5):
        raise ConfigError(table.key("remind_after"), "shorter than 5 minutes", 'write e.g. remind_after = "2h"')
    settings = HelpdeskSettings(name=table.text("name", ""), phone=phone, hours=hours, schedule=schedule, remind_after=remind_after)
    table.finish()
    return settings


def parse_settings(data: Mapping[str, Any], env: Mapping[str, str] | None = None, source: str = "(memory)") -> Settings:
    """Build :class:`Settings` from parsed TOML data and the environment."""
    data = {k: dict(v) if isinstance(v, Mapping) else v for k, v in data.items()}
    for var, (section, key) in ENV_KEYS.items():
        value = (env if env is not None else os.environ).get(var)
        if value:
            data.setdefault(section, {})
            if not isinstance(data[section], dict):
                raise ConfigError(section, "expected a table", f"write [{section}]")
            data[section][key] = value
    top = _Table(data, "")
    bot = _read_bot(_Table(top.raw("bot", {}), "bot"))
    registration = _read_registration(_Table(top.raw("registration", {}), "registration"))
    settings = Settings(
        bot=bot,
        telegram=_read_telegram(_Table(top.raw("telegram", {}), "telegram")),
        whatsapp=_read_whatsapp(_Table(top.raw("whatsapp", {}), "whatsapp")),
        http=_read_http(_Table(top.raw("http", {}), "http")),
        roles=_read_roles(_Table(top.raw("roles", {}), "roles"), registration.kecamatan),
        registration=registration,
        events=_read_events(top.raw("events", []), bot.timezone),
        reminders=_read_reminders(_Table(top.raw("reminders", {}), "reminders")),
        privacy=_read_privacy(_Table(top.raw("privacy", {}), "privacy")),
        helpdesk=_read_helpdesk(_Table(top.raw("helpdesk", {}), "helpdesk")),
        source=source,
    )
    top.finish()
    return settings


def load_settings(path: str | Path | None, env: Mapping[str, str] | None = None) -> Settings:
    """Read the TOML file at ``path`` (``None``: defaults and environment only)."""
    if path is None:
        return parse_settings({}, env, source="(defaults)")
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(str(file), "file not found", "copy config.example.toml to config.toml and pass --config config.toml") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(str(file), f"cannot read the file ({exc})", "check the path and that it is UTF-8 text") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(str(file), f"not valid TOML ({exc})", "fix the syntax at that line (quotes, brackets, '=')") from None
    return parse_settings(data, env, source=str(file))
