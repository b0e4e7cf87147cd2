"""The ``psp-bot`` command line (also ``python -m bot``)."""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from bot.config import ConfigError, Settings, format_duration, load_settings
from bot.enums import Role
from bot.logs import setup_logging
from models.db import DatabaseUnavailable


def _config_path(value: str | None) -> str | None:
    if value:
        return value
    if os.environ.get("PSP_CONFIG"):
        return os.environ["PSP_CONFIG"]
    return "config.toml" if Path("config.toml").exists() else None


def _load(args: argparse.Namespace) -> Settings:
    return load_settings(_config_path(getattr(args, "config", None)))


EXAMPLE_CONFIG = Path(__file__).resolve().parent.parent / "config.example.toml"


def _load_for_console(args: argparse.Namespace) -> Settings:
    """Settings for ``run``/``chat``: with no config file at all, the example's data (said so), so a newcomer sees the product."""
    path = _config_path(getattr(args, "config", None))
    if path is None and EXAMPLE_CONFIG.exists():
        print(
            f"Tidak ada config.toml: memakai data contoh dari {EXAMPLE_CONFIG.name} (jadwal Bimtek dan Zoom contoh).\n"
            f"No config.toml: using the example data of {EXAMPLE_CONFIG.name} (example Bimtek sessions and Zoom details).",
            flush=True,
        )
        path = str(EXAMPLE_CONFIG)
    return load_settings(path)


def placeholder_warnings(settings: Settings) -> list[str]:
    """Events that still carry the example's placeholder Zoom link or meeting ID."""
    return [
        f"event {event.id!r}: zoom_url / meeting_id look like the example's placeholders — put the real Zoom details in [[events]]"
        for event in settings.events
        if event.placeholder_zoom
    ]


def _safe_url(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def upcoming_reminders(settings: Settings, now: datetime, limit: int = 10) -> list[tuple[datetime, str, str]]:
    """The next reminder times: (when, event title, offset) still ahead of ``now``."""
    times = [
        (event.starts_at - offset, event.title, format_duration(offset))
        for event in settings.events
        for offset in settings.reminders.offsets
        if event.starts_at - offset > now
    ]
    return sorted(times)[:limit]


def cmd_check_config(args: argparse.Namespace) -> int:
    """Print what the config sets up; exit 0 when it is valid."""
    settings = _load(args)
    tz = settings.bot.timezone
    now = datetime.now(tz)
    print(f"Config: {settings.source} — OK")
    print(f"Database: {_safe_url(settings.bot.database_url)}")
    print(f"Time zone: {tz.key} (now {now:%Y-%m-%d %H:%M} {now.tzname()})")
    print("Channels:")
    tg = settings.telegram
    if tg.enabled:
        print(f"  telegram: {tg.mode}, API {tg.base_url}, {tg.rate_per_second:g} msg/s")
    if settings.whatsapp.enabled:
        print(f"  whatsapp: phone number id {settings.whatsapp.phone_number_id}, API {settings.whatsapp.api_base_url}")
    if not settings.channel_names():
        print("  none configured: `psp-bot run` starts the console channel")
    print(f"HTTP: {settings.http.host}:{settings.http.port} (/healthz, /metrics)")
    print(f"Roles: {len(settings.roles.admins)} admin(s), {len(settings.roles.coordinators)} coordinator(s)")
    for c in settings.roles.coordinators:
        print(f"  coordinator {c.kecamatan}: {c.contact.split(':')[0]}:…{c.contact[-3:]}")
    reg = settings.registration
    print(f"Registration: max age {reg.max_age}, definitive required: {reg.require_definitive}, jenjang {', '.join(reg.jenjang)}")
    print(f"  kecamatan ({len(reg.kecamatan)}): {', '.join(reg.kecamatan)}; target {reg.target_per_kecamatan} per kecamatan")
    print(f"Privacy notice: responsible {settings.privacy.controller}; kept {settings.privacy.retention}")
    print(f"Events ({len(settings.events)}):")
    for event in settings.events:
        start, end = event.starts_at.astimezone(tz), event.ends_at.astimezone(tz)
        print(f"  {event.id}: {event.title} — {start:%a %d %b %Y %H:%M}–{end:%H:%M} WITA, audience {', '.join(event.audience)}")
    offsets = ", ".join(format_duration(o) for o in settings.reminders.offsets)
    print(f"Reminders: {offsets} before each start; late grace {format_duration(settings.reminders.late_grace)}")
    upcoming = upcoming_reminders(settings, now)
    if upcoming:
        print("Next reminder times (WITA):")
        for when, title, offset in upcoming:
            print(f"  {when.astimezone(tz):%a %d %b %Y %H:%M} — {title} ({offset} before)")
    else:
        print("Next reminder times: none ahead (every event has started)")
    for warning in placeholder_warnings(settings):
        print(f"Warning: {warning}")
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    """Run the bot until stopped."""
    settings = _load_for_console(args)
    # In console mode the terminal is the chat: keep it readable.
    setup_logging(settings.bot.log_level if settings.channel_names() else "WARNING")
    from bot.app import run_bot

    asyncio.run(run_bot(settings))
    return 0


def cmd_chat(args: argparse.Namespace) -> int:
    """Chat with the bot in this terminal."""
    settings = _load_for_console(args)
    kecamatan = None
    if args.kecamatan or args.role == Role.COORDINATOR:
        known = settings.registration.kecamatan
        match = [k for k in known if k.lower() == (args.kecamatan or "").strip().lower()]
        if not match:
            given = f"{args.kecamatan!r} is not a kecamatan of the config" if args.kecamatan else "--as coordinator needs --kecamatan"
            print(f"{given}; use one of: {', '.join(known)}", file=sys.stderr)
            return 2
        kecamatan = match[0]
    setup_logging("WARNING")
    from bot.app import run_chat

    asyncio.run(run_chat(settings, user=args.name or "operator", role=args.role, kecamatan=kecamatan, display_name=args.name or ""))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """Write registrations to a CSV or XLSX file."""
    settings = _load(args)
    kecamatan = None
    if args.kecamatan:
        match = [k for k in settings.registration.kecamatan if k.lower() == args.kecamatan.strip().lower()]
        if not match:
            print(f"unknown kecamatan {args.kecamatan!r}; use one of: {', '.join(settings.registration.kecamatan)}", file=sys.stderr)
            return 2
        kecamatan = match[0]
    out = Path(args.out)
    if not out.parent.is_dir():
        print(f"cannot write {out}: folder {out.parent} does not exist", file=sys.stderr)
        return 1

    async def export() -> tuple[bytes, int]:
        from handlers.exports import export_rows, to_csv, to_xlsx
        from models.db import Database, upgrade_schema
        from models.registrations import list_registrations

        await asyncio.to_thread(upgrade_schema, settings.bot.database_url)
        db = Database(settings.bot.database_url)
        try:
            async with db.session() as session:
                rows = await list_registrations(session, kecamatan)
        finally:
            await db.close()
        today = datetime.now(settings.bot.timezone).date()
        table = export_rows(settings, rows, today)
        return (to_xlsx(table, kecamatan or "Buleleng") if args.format == "xlsx" else to_csv(table)), len(rows)

    content, count = asyncio.run(export())
    try:
        out.write_bytes(content)
    except OSError as exc:
        print(f"cannot write {out}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"{count} registration(s) written to {args.out} ({args.format}{', ' + kecamatan if kecamatan else ''})")
    return 0


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    """Apply database migrations."""
    settings = _load(args)
    from models.db import upgrade_schema

    upgrade_schema(settings.bot.database_url)
    print(f"Database schema up to date: {_safe_url(settings.bot.database_url)}")
    return 0


def _faq_path(args: argparse.Namespace) -> Path:
    from bot.config import DEFAULT_FAQ_PATH

    return Path(args.file) if getattr(args, "file", None) else DEFAULT_FAQ_PATH


CLI_WORDS = {"faq.not_sure": "cli.not_sure", "faq.unknown": "cli.unknown", "faq.forwarded": "cli.not_forwarded"}


def cmd_ask(args: argparse.Namespace) -> int:
    """Answer one question exactly as the bot would; needs no config, token or network."""
    from bot.i18n import I18n
    from handlers.faqkb.language import answer_language
    from handlers.faqkb.matcher import FaqEngine, ask_json, reply_text

    engine = FaqEngine.from_file(_faq_path(args))
    i18n = I18n()
    lang = answer_language(args.text, args.lang)

    def translate(key: str) -> str:
        # In a chat an unanswered PSP question is passed to the PMO team; here nothing is recorded,
        # so the CLI's words for those outcomes say so instead.
        return i18n.t(lang, CLI_WORDS.get(key, key))

    if args.json:
        print(ask_json(engine, args.text, lang, translate))
        return 0
    match, answer = engine.answer(args.text, lang)
    print(reply_text(translate, match, answer))
    if lang != args.lang:
        print("\n" + translate("faq.language_hint"))
    if match.suggestions and match.outcome == "ask_back":
        print("\n" + ", ".join(e.topic.get(lang, e.topic["id"]) for e in match.suggestions))
    return 0


LEFT_OUT_SHOWN = 10  # examples left out, listed by `faq check` without --all


def cmd_faq_check(args: argparse.Namespace) -> int:
    """Validate the knowledge base file, and audit its answers against the sources they name."""
    from bot.i18n import own_texts
    from handlers.faqkb import ENGINE
    from handlers.faqkb.knowledge import FaqError, audit_sources, load_file
    from handlers.faqkb.matcher import FaqEngine

    path = _faq_path(args)
    try:
        base = load_file(path)
    except FaqError as exc:
        print(f"{path}: {len(exc.problems)} problem(s)", file=sys.stderr)
        for problem in exc.problems:
            print(f"  - {problem}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"{path}: cannot read ({exc})", file=sys.stderr)
        return 1
    sources = path.parent / "sources"
    try:
        facts = (sources / "psp-facts.md").read_text(encoding="utf-8")
        seed = (sources / "seed-article.txt").read_text(encoding="utf-8")
    except OSError as exc:
        print(f"{path}: the source documents are missing ({exc}); put psp-facts.md and seed-article.txt in {sources}", file=sys.stderr)
        return 1
    problems = audit_sources(base.entries, facts, seed, own_texts())
    if problems:
        print(f"{path}: {len(problems)} answer(s) say more than their sources", file=sys.stderr)
        for problem in problems:
            print(f"  - {problem}", file=sys.stderr)
        return 1
    variants = sum(len(e.questions) for e in base.entries)
    examples = sum(len(e.examples) for e in base.entries)
    left_out = FaqEngine(base).left_out if examples else ()
    print(
        f"{path}: OK — {len(base.entries)} entries, {variants} question variants, {examples} examples, {len(base.decline)} decline phrases, "
        "answers in id and en, every decree, date and address found in its sources"
    )
    print(f"FAQ engine: {ENGINE}")
    if left_out:
        # not an error: such an example would only pull messages towards the wrong topic
        shown = left_out if args.all else left_out[:LEFT_OUT_SHOWN]
        print(f"{len(left_out)} example(s) teach nothing and are left out (another topic reads them the same, or one word many topics use):")
        for entry_id, text, why in shown:
            print(f"  - {entry_id}: {text!r} — {why}")
        if len(shown) < len(left_out):
            print(f"  … and {len(left_out) - len(shown)} more (psp-bot faq check --all)")
    return 0


def cmd_faq_compile(args: argparse.Namespace) -> int:
    """Compile the FAQ engine (handlers.faqkb.compiled); without a build the bot runs it as plain Python."""
    from handlers.faqkb import compiled

    return compiled.build(if_stale=args.if_stale)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every sub-command."""
    parser = argparse.ArgumentParser(prog="psp-bot", description="PSP Bot — Program Sekolah Penggerak, Kabupaten Buleleng")
    sub = parser.add_subparsers(dest="command", required=True)

    def with_config(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument("--config", help="TOML config file (default: $PSP_CONFIG or ./config.toml if present)")
        return p

    with_config(sub.add_parser("run", help="run every configured channel (console when none)")).set_defaults(func=cmd_run)
    chat = with_config(sub.add_parser("chat", help="chat with the bot in this terminal"))
    chat.add_argument("--as", dest="role", choices=[r.value for r in reversed(Role)], default=Role.PUBLIC.value, help="role of the console user")
    chat.add_argument("--kecamatan", help="kecamatan for --as coordinator")
    chat.add_argument("--name", help="console user name (also the name the bot greets)")
    chat.set_defaults(func=cmd_chat)
    with_config(sub.add_parser("check-config", help="validate the config and print what it sets up")).set_defaults(func=cmd_check_config)
    ask = sub.add_parser("ask", help="answer one question as the bot would")
    ask.add_argument("text")
    ask.add_argument("--lang", choices=("id", "en"), default="id")
    ask.add_argument("--json", action="store_true", help='print {"faq_id", "score", "answer"}')
    ask.add_argument("--file", help="knowledge base (default: data/faq.toml)")
    ask.set_defaults(func=cmd_ask)
    faq = sub.add_parser("faq", help="knowledge base tasks")
    faq_sub = faq.add_subparsers(dest="faq_command", required=True)
    check = faq_sub.add_parser("check", help="validate the knowledge base")
    check.add_argument("--file", help="knowledge base (default: data/faq.toml)")
    check.add_argument("--all", action="store_true", help="list every example left out (by default the first ten)")
    check.set_defaults(func=cmd_faq_check)
    compile_ = faq_sub.add_parser("compile", help="compile the FAQ engine's busy modules to C (mypyc; used unless PSP_FAQ_COMPILED=0)")
    compile_.add_argument("--if-stale", action="store_true", help="only when the sources changed since the last build")
    compile_.set_defaults(func=cmd_faq_compile)
    export = sub.add_parser("export", help="export data")
    export_sub = export.add_subparsers(dest="export_what", required=True)
    regs = with_config(export_sub.add_parser("registrations", help="registrations as CSV or XLSX"))
    regs.add_argument("--format", choices=("csv", "xlsx"), required=True)
    regs.add_argument("--out", required=True, help="file to write")
    regs.add_argument("--kecamatan", help="only this kecamatan")
    regs.set_defaults(func=cmd_export)
    db = sub.add_parser("db", help="database tasks")
    db_sub = db.add_subparsers(dest="db_command", required=True)
    with_config(db_sub.add_parser("upgrade", help="apply migrations")).set_defaults(func=cmd_db_upgrade)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point."""
    parser = build_parser()
    args = parser.parse_args(argv)
    # The database, its WAL and exports hold NIPs, phones and birth dates: readable by this user only.
    os.umask(0o077)
    try:
        return int(args.func(args))
    except ConfigError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except DatabaseUnavailable as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
