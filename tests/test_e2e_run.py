"""End to end: the real ``psp-bot run`` process against the fake Bot API server."""

from __future__ import annotations

import asyncio
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import TEST_TOKEN, clean_env
from tests.fake_telegram import FakeTelegramServer

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow


def write_config(path: Path, database_url: str, base_url: str, extra: str = "") -> Path:
    path.write_text(
        f"""
[bot]
database_url = "{database_url}"
[telegram]
token = "{TEST_TOKEN}"
base_url = "{base_url}"
rate_per_second = 1000
[http]
port = 0
{extra}
"""
    )
    return path


async def test_psp_bot_run_answers_start(tmp_path: Path, database_url: str) -> None:
    fake = FakeTelegramServer(TEST_TOKEN)
    await fake.start()
    config = write_config(tmp_path / "config.toml", database_url, fake.base_url)
    env = clean_env()
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "run",
        "--config",
        str(config),
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        await fake.wait_for(lambda: any(c.method == "setMyCommands" for c in fake.calls), timeout=30)
        await fake.send_text(4242, "/start", "Nyoman")
        calls = await fake.wait_for_messages(4242, 1, timeout=20)
        assert calls[0].params["text"].startswith("Om Swastyastu, Bapak/Ibu Nyoman")
        assert fake.buttons(calls[0])
    finally:
        proc.send_signal(signal.SIGTERM)
        _, stderr = await asyncio.wait_for(proc.communicate(), 30)
        await fake.stop()
    assert proc.returncode == 0, stderr.decode()[-2000:]
    assert TEST_TOKEN.split(":")[1] not in stderr.decode()  # logs never hold the token


def test_run_without_channel_starts_console_and_says_why(tmp_path: Path, database_url: str) -> None:
    config = tmp_path / "c.toml"
    config.write_text(f'[bot]\ndatabase_url = "{database_url}"\n[http]\nport = 0\n')
    env = clean_env()
    result = subprocess.run(
        [sys.executable, "-m", "bot", "run", "--config", str(config)],
        input="/start\nbantuan\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "No channel configured" in result.stdout and "mode konsol" in result.stdout
    assert "Om Swastyastu" in result.stdout and "/bahasa" in result.stdout


def test_check_config_of_the_example_exits_zero() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot", "check-config", "--config", "config.example.toml"], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert "Events (4)" in result.stdout and "WITA" in result.stdout
    assert "Privacy notice: responsible Disdikpora Kabupaten Buleleng" in result.stdout


def test_bad_config_stops_with_the_key(tmp_path: Path) -> None:
    config = tmp_path / "bad.toml"
    config.write_text('[telegram]\nmode = "pull"\n')
    result = subprocess.run([sys.executable, "-m", "bot", "run", "--config", str(config)], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 2
    assert "telegram.mode" in result.stderr and "polling" in result.stderr


def test_chat_as_admin_in_console(tmp_path: Path, database_url: str) -> None:
    config = tmp_path / "c.toml"
    config.write_text(f'[bot]\ndatabase_url = "{database_url}"\n')
    env = clean_env()
    result = subprocess.run(
        [sys.executable, "-m", "bot", "chat", "--config", str(config), "--as", "admin", "--name", "ops"],
        input="/bahasa\n2\n/quit\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "[2] English" in result.stdout and "answer in English" in result.stdout


def test_console_mode_survives_a_busy_http_port(tmp_path: Path, database_url: str) -> None:
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        config = tmp_path / "c.toml"
        config.write_text(f'[bot]\ndatabase_url = "{database_url}"\n[http]\nport = {port}\n')
        env = clean_env()
        result = subprocess.run([sys.executable, "-m", "bot", "run", "--config", str(config)], input="/start\n", capture_output=True, text=True,
                                cwd=ROOT, env=env, timeout=60)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert f"port HTTP {port} sedang dipakai" in result.stdout and "Om Swastyastu" in result.stdout


def test_a_broken_knowledge_base_stops_start_up_with_the_problems(tmp_path: Path) -> None:
    kb = tmp_path / "faq.toml"
    kb.write_text('[[entry]]\nid = "x"\nquestions = ["q"]\n')
    config = tmp_path / "c.toml"
    config.write_text(f'[bot]\nfaq_path = "{kb}"\ndatabase_url = "sqlite:///{tmp_path}/x.sqlite3"\n')
    result = subprocess.run([sys.executable, "-m", "bot", "run", "--config", str(config)], capture_output=True, text=True, cwd=ROOT, timeout=60, input="")
    assert result.returncode == 2
    assert "bot.faq_path" in result.stderr and "answer_id is missing" in result.stderr and "faq check" in result.stderr
