from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from bot.config import ConfigError, load_settings, parse_duration, parse_settings

ROOT = Path(__file__).resolve().parent.parent


def test_example_config_is_valid_and_complete() -> None:
    settings = load_settings(ROOT / "config.example.toml", env={})
    assert settings.bot.timezone.key == "Asia/Makassar"
    assert len(settings.registration.kecamatan) == 9
    assert "Tejakula" in settings.registration.kecamatan
    assert [e.starts_at.day for e in settings.events] == [8, 9, 10, 11]
    assert all(e.starts_at.month == 3 and e.starts_at.year == 2022 for e in settings.events)
    assert all(e.starts_at.utcoffset() == timedelta(hours=8) for e in settings.events)
    assert settings.reminders.offsets == (timedelta(days=1), timedelta(hours=1), timedelta(minutes=10))


def test_example_documents_every_spec_key() -> None:
    text = (ROOT / "config.example.toml").read_text()
    for key in [
        "database_url",
        "timezone",
        "default_language",
        "token",
        "mode",
        "base_url",
        "webhook_url",
        "webhook_secret",
        "rate_per_second",
        "enabled",
        "phone_number_id",
        "access_token",
        "app_secret",
        "verify_token",
        "api_base_url",
        "host",
        "port",
        "admins",
        "roles.coordinators",
        "max_age",
        "require_definitive",
        "kecamatan",
        "jenjang",
        "target_per_kecamatan",
        "[[events]]",
        "offsets",
        "late_grace",
    ]:
        assert key in text, key


def test_environment_overrides_secrets() -> None:
    env = {"PSP_TELEGRAM_TOKEN": "999:abcdefghijklmnopqrstuvwxyz012", "PSP_DATABASE_URL": "postgresql://u:p@db/psp"}
    settings = parse_settings({"telegram": {"token": ""}}, env=env)
    assert settings.telegram.token == env["PSP_TELEGRAM_TOKEN"]
    assert settings.bot.database_url == "postgresql://u:p@db/psp"
    assert settings.channel_names() == ["telegram"]


@pytest.mark.parametrize(
    ("data", "key", "fix"),
    [
        ({"telegram": {"mode": "push"}}, "telegram.mode", "'polling'"),
        ({"telegram": {"token": "not-a-token"}}, "telegram.token", "BotFather"),
        ({"telegram": {"token": "123:abcdefghijklmnopqrstuvwxyz", "mode": "webhook"}}, "telegram.webhook_url", "https"),
        ({"bot": {"timezone": "Mars/Olympus"}}, "bot.timezone", "Asia/Makassar"),
        ({"bot": {"database_url": "mysql://x"}}, "bot.database_url", "postgresql"),
        ({"bot": {"databse_url": "sqlite:///x"}}, "bot.databse_url", "database_url"),
        ({"http": {"port": 70000}}, "http.port", "65535"),
        ({"http": {"port": "80"}}, "http.port", "port = 8080"),
        ({"http": {"public_url": "psp.bulelengkab.go.id"}}, "http.public_url", "https://"),
        ({"http": {"public_url": "https://psp.example.id/?x=1"}}, "http.public_url", "https://"),
        ({"http": {"session_hours": 0}}, "http.session_hours", "1"),
        ({"roles": {"admins": ["123"]}}, "roles.admins", "telegram:"),
        ({"roles": {"coordinators": [{"contact": "telegram:5", "kecamatan": "Denpasar"}]}}, "roles.coordinators[0].kecamatan", "Seririt"),
        ({"reminders": {"offsets": ["1 hari"]}}, "reminders.offsets", "10m"),
        ({"whatsapp": {"enabled": True}}, "whatsapp.phone_number_id", "PSP_WHATSAPP"),
        (
            {"events": [{"id": "a", "title": "t", "starts_at": "2022-03-08T08:00:00+08:00", "ends_at": "2022-03-08T07:00:00+08:00"}]},
            "events[0].ends_at",
            "later",
        ),
        ({"events": [{"id": "a", "title": "t", "starts_at": "kemarin", "ends_at": "2022-03-08T07:00:00+08:00"}]}, "events[0].starts_at", "2022-03-08"),
        ({"events": [{"id": "A B", "title": "t"}]}, "events[0].id", "lower-case"),
        ({"registration": {"max_age": 56.5}}, "registration.max_age", "whole"),
        ({"telgram": {}}, "telgram", "telegram"),
    ],
)
def test_bad_values_name_the_key_and_the_fix(data: dict, key: str, fix: str) -> None:
    with pytest.raises(ConfigError) as err:
        parse_settings(data, env={})
    assert err.value.key == key
    assert fix in str(err.value)


def test_missing_and_broken_files(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="file not found"):
        load_settings(tmp_path / "nope.toml")
    broken = tmp_path / "broken.toml"
    broken.write_text("[bot\ntimezone = 'x'")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_settings(broken)


def test_naive_event_times_are_wita_and_base_url_gets_bot_suffix() -> None:
    settings = parse_settings(
        {
            "telegram": {"base_url": "http://127.0.0.1:8081/"},
            "events": [{"id": "x", "title": "X", "starts_at": "2022-03-08T08:00:00", "ends_at": "2022-03-08T09:00:00"}],
        },
        env={},
    )
    assert settings.events[0].starts_at.utcoffset() == timedelta(hours=8)
    assert settings.telegram.base_url == "http://127.0.0.1:8081/bot"
    assert settings.telegram.base_file_url == "http://127.0.0.1:8081/file/bot"


@pytest.mark.parametrize(("text", "seconds"), [("1d", 86400), ("1h", 3600), ("10m", 600), ("1h30m", 5400), ("45s", 45)])
def test_durations(text: str, seconds: int) -> None:
    assert parse_duration(text).total_seconds() == seconds


@pytest.mark.parametrize("text", ["", "h", "10", "1 jam", "-1h"])
def test_bad_durations(text: str) -> None:
    with pytest.raises(ValueError):
        parse_duration(text)
