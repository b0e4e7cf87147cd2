"""Operating the bot: logs without secrets or personal data, private files, one-line errors, first run."""

from __future__ import annotations

import asyncio
import json
import logging
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from bot.logs import redact, setup_logging
from models.db import is_sqlite, upgrade_schema
from tests.conftest import TEST_TOKEN, clean_env
from tests.fake_telegram import FakeTelegramServer

ROOT = Path(__file__).resolve().parent.parent
SECRET = TEST_TOKEN.split(":")[1]


def psp_bot(*args: str, cwd: Path = ROOT, stdin: str = "", timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bot", *args], input=stdin, capture_output=True, text=True, cwd=cwd, env=clean_env(), timeout=timeout)


# -- logs -----------------------------------------------------------------------------------


def test_redaction_covers_tokens_in_urls_spaced_nips_dashed_phones_and_emails() -> None:
    line = redact(f"POST https://api.telegram.org/bot{TEST_TOKEN}/getMe nip 19750817 200003 1 002 hp +62 812-3456-7890 mail ni.luh@sekolah.sch.id")
    assert SECRET not in line and "<token>" in line
    assert "200003" not in line and "3456-7890" not in line and "ni.luh" not in line
    # Dates, times and short numbers stay readable.
    assert redact("at 2022-03-08 08:00 update 42") == "at 2022-03-08 08:00 update 42"


def test_debug_level_is_for_the_project_only(caplog: pytest.LogCaptureFixture) -> None:
    root = logging.getLogger()
    saved = (root.handlers[:], root.level)
    try:
        setup_logging("DEBUG")
        for chatty in ("telegram.ext", "aiosqlite", "sqlalchemy.engine", "httpx"):
            assert not logging.getLogger(chatty).isEnabledFor(logging.DEBUG), chatty
        assert logging.getLogger("handlers.router").isEnabledFor(logging.DEBUG)
    finally:
        root.handlers[:], _ = saved[0], root.setLevel(saved[1])


@pytest.mark.slow
async def test_debug_logs_of_a_real_run_hold_no_token_and_no_personal_data(tmp_path: Path, database_url: str) -> None:
    fake = FakeTelegramServer(TEST_TOKEN)
    await fake.start()
    config = tmp_path / "config.toml"
    config.write_text(
        f'[bot]\ndatabase_url = "{database_url}"\nlog_level = "DEBUG"\n[telegram]\ntoken = "{TEST_TOKEN}"\nbase_url = "{fake.base_url}"\n[http]\nport = 0\n'
    )
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", "--config", str(config), cwd=ROOT, env=clean_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    failure: BaseException | None = None
    try:
        await fake.wait_for(lambda: any(c.method == "setMyCommands" for c in fake.calls), timeout=30)
        await fake.send_text(5151, "/daftar", "Made")
        await fake.wait_for_messages(5151, 1, timeout=20)
        await fake.send_text(5151, "setuju", "Made")
        await fake.wait_for_messages(5151, 2, timeout=20)
        await fake.send_text(5151, "Ni Luh Putu Sari", "Made")
        await fake.wait_for_messages(5151, 3, timeout=20)
        await fake.send_text(5151, "19750817 200003 2 002", "Made")
        await fake.wait_for_messages(5151, 4, timeout=20)
    except (TimeoutError, AssertionError) as exc:
        failure = exc
    finally:
        if proc.returncode is None:
            proc.send_signal(signal.SIGTERM)
        _, stderr_bytes = await asyncio.wait_for(proc.communicate(), 30)
        await fake.stop()
    stderr = stderr_bytes.decode()
    assert failure is None and proc.returncode == 0, stderr[-3000:]
    assert '"level": "DEBUG"' in stderr  # the project's own debug lines are there…
    assert SECRET not in stderr  # …but never the token,
    assert "200003" not in stderr and "Ni Luh Putu Sari" not in stderr  # nor what the person typed


# What a bot on SQLite never loads: each of these costs resident memory (SPEC §9, < 100 MB idle) and is
# imported where it is first needed — the PostgreSQL dialect (2.3 MB), phone numbers, the staff pages'
# templates, spreadsheets.
NOT_LOADED_ON_SQLITE = ("sqlalchemy.dialects.postgresql", "psycopg", "phonenumbers", "jinja2", "openpyxl")
_STARTUP_ON_SQLITE = """
import asyncio, json, sys
from datetime import datetime, timezone
import bot.__main__, bot.app
from bot.messages import Inbound
from models import inbox
from models.db import Database, upgrade_schema

async def main(url):
    upgrade_schema(url)
    db = Database(url)
    items = [Inbound("k1", "telegram", "7", "{}"), Inbound("k1", "telegram", "7", "{}"), Inbound("k2", "telegram", "7", "{}")]
    async with db.session() as session:
        await inbox.add_received(session, items, datetime.now(timezone.utc), 50, postgres=False)
        await session.commit()
    async with db.session() as session:
        count = await inbox.pending_count(session)
    await db.close()
    print(json.dumps({"pending": count, "loaded": sorted(m for m in json.loads(sys.argv[2]) if m in sys.modules)}))

asyncio.run(main(sys.argv[1]))
"""


def test_a_bot_on_sqlite_loads_no_postgresql_dialect_nor_first_use_libraries(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/bot.sqlite3"
    upgrade_schema(url)  # a restart: the schema is current, so the bot's own start loads no Alembic either
    done = subprocess.run(
        [sys.executable, "-c", _STARTUP_ON_SQLITE, url, json.dumps(NOT_LOADED_ON_SQLITE)],
        cwd=ROOT, env=clean_env(), capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result == {"pending": 2, "loaded": []}  # the repeated delivery stored once, and none of the heavy modules


# -- files and errors -----------------------------------------------------------------------


def test_database_and_exports_are_private_files(tmp_path: Path) -> None:
    db = tmp_path / "psp.sqlite3"
    config = tmp_path / "c.toml"
    config.write_text(f'[bot]\ndatabase_url = "sqlite:///{db}"\n')
    assert psp_bot("db", "upgrade", "--config", str(config)).returncode == 0
    out = tmp_path / "regs.xlsx"
    result = psp_bot("export", "registrations", "--format", "xlsx", "--out", str(out), "--config", str(config))
    assert result.returncode == 0, result.stderr
    for path in (db, out):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


def test_export_to_a_missing_folder_is_one_line(tmp_path: Path, database_url: str) -> None:
    config = tmp_path / "c.toml"
    config.write_text(f'[bot]\ndatabase_url = "{database_url}"\n')
    result = psp_bot("export", "registrations", "--format", "xlsx", "--out", "/nonexistent/dir/x.xlsx", "--config", str(config))
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0 and "/nonexistent/dir" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("url", "fix"),
    [("postgresql://psp:secretpw@127.0.0.1:1/psp", "start the PostgreSQL server"), ("sqlite:////proc/psp-bot/x.sqlite3", "writable")],
)
def test_an_unreachable_database_stops_start_up_in_one_line(tmp_path: Path, url: str, fix: str) -> None:
    config = tmp_path / "c.toml"
    config.write_text(f'[bot]\ndatabase_url = "{url}"\n')
    result = psp_bot("run", "--config", str(config))
    assert result.returncode == 2
    assert "bot.database_url" in result.stderr and fix in result.stderr
    assert "Traceback" not in result.stderr and "secretpw" not in result.stderr
    assert is_sqlite(url) or "***" in result.stderr


# -- console and first run -------------------------------------------------------------------


def test_chat_refuses_an_unknown_or_missing_kecamatan(tmp_path: Path, database_url: str) -> None:
    config = tmp_path / "c.toml"
    config.write_text(f'[bot]\ndatabase_url = "{database_url}"\n')
    wrong = psp_bot("chat", "--config", str(config), "--as", "coordinator", "--kecamatan", "Singaraja")
    assert wrong.returncode == 2 and "'Singaraja' is not a kecamatan" in wrong.stderr and "Seririt" in wrong.stderr
    missing = psp_bot("chat", "--config", str(config), "--as", "coordinator")
    assert missing.returncode == 2 and "needs --kecamatan" in missing.stderr
    right = psp_bot("chat", "--config", str(config), "--as", "coordinator", "--kecamatan", "seririt", stdin="/rekap\n")
    assert right.returncode == 0, right.stderr
    assert "Seririt" in right.stdout


def test_console_coordinator_sees_own_recap_no_registration_and_a_word_on_reminders(tmp_path: Path, database_url: str) -> None:
    config = tmp_path / "c.toml"
    config.write_text(f'[bot]\ndatabase_url = "{database_url}"\n')
    result = psp_bot("chat", "--config", str(config), "--as", "coordinator", "--kecamatan", "Seririt", stdin="/menu\n/rekap Busungbiu\n/pengingat on\n")
    assert result.returncode == 0, result.stderr
    assert "Rekap kecamatan" in result.stdout and "Daftar PSP" not in result.stdout
    assert "Rekap hanya tersedia untuk kecamatan Bapak/Ibu sendiri (Seririt), bukan “Busungbiu”" in result.stdout
    assert "belum ada sesi Bimtek yang akan datang" in result.stdout  # no session configured


def test_first_run_without_config_shows_the_example_sessions_and_greets_without_a_login_name(tmp_path: Path) -> None:
    # A fresh checkout: no config.toml in the folder, no --config, no PSP_CONFIG.
    result = psp_bot("chat", cwd=tmp_path, stdin="/start\n/jadwal\n")
    assert result.returncode == 0, result.stderr
    assert "data contoh" in result.stdout and "example data" in result.stdout
    assert "Hari 1" in result.stdout and "Belum ada jadwal" not in result.stdout
    assert "Om Swastyastu, selamat datang" in result.stdout and "Bapak/Ibu operator" not in result.stdout
    assert stat.S_IMODE((tmp_path / "psp-bot.sqlite3").stat().st_mode) == 0o600


def test_check_config_warns_about_the_examples_zoom_placeholders(tmp_path: Path) -> None:
    example = psp_bot("check-config", "--config", "config.example.toml")
    assert example.returncode == 0
    assert example.stdout.count("placeholders") == 4
    real = tmp_path / "c.toml"
    real.write_text(
        "[[events]]\nid = 'h1'\ntitle = 'Bimtek Hari 1'\nstarts_at = 2022-03-08T08:00:00+08:00\nends_at = 2022-03-08T12:00:00+08:00\n"
        "zoom_url = 'https://zoom.us/j/93127465810'\nmeeting_id = '931 2746 5810'\npasscode = 'x7Pq'\n"
    )
    checked = psp_bot("check-config", "--config", str(real))
    assert checked.returncode == 0, checked.stderr
    assert "placeholders" not in checked.stdout


def test_cli_ask_does_not_claim_to_forward_what_it_never_records() -> None:
    for question in ("bagaimana cara mengurus tunjangan sertifikasi psp angkatan 3 di kecamatan", "berapa honor fasilitator psp"):
        result = psp_bot("ask", question)
        assert result.returncode == 0, result.stderr
        assert "tidak mencatat dan tidak meneruskan" in result.stdout and "sudah kami teruskan" not in result.stdout
    answered = psp_bot("ask", "kapan bimtek pmo")
    assert "tidak mencatat" not in answered.stdout  # an answer is just the answer
