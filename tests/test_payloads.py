"""Button payloads are typed ``Payload``s owned by routes; buttons already in chats keep working."""

from __future__ import annotations

import ast
import importlib
import pkgutil
from pathlib import Path

import pytest

import handlers
from bot.messages import Button, Payload
from handlers import commands, router
from models.contacts import load_contact
from tests.conftest import Harness, text_of
from tests.fake_telegram import FakeTelegramServer
from tests.test_telegram_adapter import start_bot

ROOT = Path(__file__).resolve().parent.parent


def _hand_written(node: ast.expr) -> bool:
    """A payload written as text instead of packed: a literal, an f-string, text glued together."""
    if isinstance(node, ast.Constant | ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):
        return _hand_written(node.left) or _hand_written(node.right)
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format"


def test_no_handler_writes_a_payload_by_hand() -> None:
    found = []
    for path in sorted((ROOT / "handlers").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else node.func.attr if isinstance(node.func, ast.Attribute) else ""
            if name not in ("Button", "button"):
                continue
            payload = [k.value for k in node.keywords if k.arg == "payload"] or node.args[1:2]
            if payload and _hand_written(payload[0]):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not found, f"pack a Payload instead: {found}"


def test_the_check_catches_a_hand_written_payload() -> None:
    for source in ('Button("x", "bahasa:id")', 'ctx.button("k", f"faq:{x}")', 'Button("x", "a:" + b)', 'Button("x", "{}".format(b))'):
        call = ast.parse(source, mode="eval").body
        assert isinstance(call, ast.Call) and _hand_written(call.args[1])
    packed = ast.parse('Button("x", LANGUAGE.pack("id"))', mode="eval").body
    assert isinstance(packed, ast.Call) and not _hand_written(packed.args[1])


def _declared_payloads() -> dict[str, Payload]:
    """Every module-level ``Payload`` of the handlers, by where it is declared."""
    found = {}
    for info in pkgutil.walk_packages(handlers.__path__, "handlers."):
        module = importlib.import_module(info.name)
        for attr, value in vars(module).items():
            if isinstance(value, Payload) and getattr(module, "__name__", "") == info.name:
                found[f"{info.name}.{attr}"] = value
    return found


def test_every_declared_payload_has_its_route_and_every_route_a_payload() -> None:
    declared = _declared_payloads()
    assert len(declared) >= 25
    orphans = sorted(where for where, p in declared.items() if p.route not in router.ROUTE_BY_NAME)
    assert not orphans, f"buttons whose presses go nowhere: {orphans}"
    assert len(router.ROUTE_BY_NAME) == len(router.ROUTES), "two routes with one name"
    assert all(isinstance(r.payload, Payload) for r in router.ROUTES)
    # Every main-menu entry runs a command of the table.
    from handlers.general import MENU

    assert all(command.route in router.ROUTE_BY_NAME for _, command, _ in MENU)


def test_commands_are_listed_once_and_faq_entries_name_real_commands() -> None:
    from handlers.faqkb.knowledge import load_file

    declared = {p.route for where, p in _declared_payloads().items() if where.startswith("handlers.commands.")}
    assert set(commands.BY_NAME) == declared and len(commands.ALL) == len(declared)
    named = {e.command for e in load_file(ROOT / "data" / "faq.toml").entries if e.command}
    assert named and named <= set(commands.BY_NAME), named - set(commands.BY_NAME)
    assert all(router.ROUTE_BY_NAME[name].typed for name in named)  # a command a person could type too


async def test_an_faq_answer_naming_a_command_offers_its_button(harness: Harness) -> None:
    who = "telegram:562"
    await harness.say(who, "/start")
    engine = harness.services.faq
    assert engine is not None
    entry = next(e for e in engine.entries if e.command == "hapusdata")
    reply = await harness.payload(who, router.ROUTE_BY_NAME["faq"].payload.pack(entry.id))
    assert commands.ERASE_DATA.pack() in [b.payload for r in reply for b in r.all_buttons()]


def test_payload_shape_is_what_buttons_in_chats_already_carry() -> None:
    # Buttons sent before payloads were typed carry exactly these strings: the shape must not move.
    assert commands.MENU.pack() == "menu"
    assert commands.LANGUAGE.pack("id") == "bahasa:id"
    assert commands.REMINDERS.pack("off") == "pengingat:off"
    assert commands.HELPDESK.pack() == "petugas"
    assert router.ROUTE_BY_NAME["faq"].payload.pack("usia") == "faq:usia"
    with pytest.raises(ValueError):
        Payload("a:b")
    with pytest.raises(ValueError):
        Payload("")


async def _language(h: Harness, who: str) -> str:
    async with h.services.db.session() as session:
        contact = await load_contact(session, h.services.settings, *who.split(":", 1), h.services.clock.now())
        return contact.language


async def test_buttons_sent_before_the_change_still_work(harness: Harness) -> None:
    who = "telegram:560"
    await harness.say(who, "/start")
    assert "Om Swastyastu" in text_of(await harness.payload(who, "menu"))
    assert "Baik" not in text_of(await harness.payload(who, "bahasa"))  # the choice is shown
    assert "English" in text_of(await harness.payload(who, "bahasa:en"))
    assert await _language(harness, who) == "en"
    assert "Indonesia" in text_of(await harness.payload(who, "bahasa:id"))
    assert "NONAKTIF" in text_of(await harness.payload(who, "pengingat:off"))
    assert "AKTIF" in text_of(await harness.payload(who, "pengingat:on"))
    topic = text_of(await harness.payload(who, "faq:usia"))
    assert "tidak berlaku" not in topic and topic
    assert "petugas" in text_of(await harness.payload(who, "petugas")).lower()


async def test_stale_or_malformed_payloads_get_a_clear_message_and_change_nothing(harness: Harness) -> None:
    who = "telegram:561"
    await harness.say(who, "/start")
    before = await _language(harness, who)
    # A route that no longer exists, a topic that is gone, empty and odd shapes: "tidak berlaku"
    # (a staff route pressed by someone else: the refusal, which names nothing).
    for stale in ("bahasa_lama:id", "faq:topik-yang-dihapus", "faq:", "", ":", "form:nama:0", "siaran:send", "baca:x", "inbox:o:q1"):
        reply = await harness.payload(who, stale)
        assert any(word in text_of(reply) for word in ("tidak berlaku", "tidak tersedia")), (stale, text_of(reply))
        assert all(b.payload for r in reply for b in r.all_buttons())  # a way on is offered
    # A known command with an unknown value says what was not understood, and keeps the setting.
    assert 'Bahasa "xx" belum tersedia' in text_of(await harness.payload(who, "bahasa:xx"))
    assert 'Pilihan "zzz" tidak dikenali' in text_of(await harness.payload(who, "pengingat:zzz"))
    assert await _language(harness, who) == before


async def test_an_old_signed_button_through_telegram(database_url: str, fake_api: FakeTelegramServer) -> None:
    """A button sent before payloads were typed: its signed data still does what it said."""
    app = await start_bot(database_url, fake_api)
    try:
        await fake_api.send_text(790, "/start", "Ketut")
        await fake_api.wait_for_messages(790, 1)
        await fake_api.press(790, app.services.signer.sign("telegram:790", "bahasa:en"))
        calls = await fake_api.wait_for_messages(790, 2)
        assert "English" in calls[1].params["text"]
        # The same old payload, tampered with: refused, nothing changes.
        # (its last character changed: replacing it with a fixed letter is no change when the
        # signature, which depends on the configured database URL, already ends with that letter)
        genuine = app.services.signer.sign("telegram:790", "bahasa:en")
        await fake_api.press(790, genuine[:-1] + ("B" if genuine.endswith("A") else "A"))
        calls = await fake_api.wait_for_messages(790, 3)
        assert "no longer valid" in calls[2].params["text"] or "tidak berlaku" in calls[2].params["text"]
    finally:
        await app.stop()


def test_button_payload_is_plain_text_for_the_channels() -> None:
    # Channels sign and send the packed text as it is: Packed is a str.
    button = Button("Menu", commands.MENU.pack())
    assert isinstance(button.payload, str) and button.payload == "menu"
