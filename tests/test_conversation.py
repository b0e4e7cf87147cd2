"""The conversation abstraction: a form step that takes a file, routed by the router's table."""

from __future__ import annotations

from typing import Any

import pytest

from bot.messages import Document, Incoming, Payload
from handlers import conversation, forms, router
from handlers.context import Context
from handlers.conversation import Conversation, Step
from handlers.registration import REGISTRATION
from handlers.validators import Invalid, parse_name
from models.contacts import get_state, set_state, state_data
from tests.conftest import Harness, text_of


def _pdf(document: Document, _ctx: Context, _data: dict[str, Any]) -> dict[str, str]:
    if not document.filename.lower().endswith(".pdf"):
        raise Invalid("broadcast.document_unexpected")
    return {"name": document.filename, "size": str(len(document.content))}


def _no_text(_text: str, _ctx: Context, _data: dict[str, Any]) -> None:
    raise Invalid("broadcast.document_unexpected")


async def _keep(_ctx: Context, _data: dict[str, Any]) -> bool:
    return True


UPLOAD = forms.Form(
    name="uji_lampiran",
    title_key="reg.title",
    steps=(
        forms.Question("nama", "reg.ask.nama", "reg.label.nama", "reg.example.nama", lambda t, c, d: parse_name(t)),
        forms.Question(
            "berkas",
            "broadcast.ask_document",
            "reg.label.sekolah",
            "reg.example.sekolah",
            _no_text,
            document=_pdf,
            show=lambda v, c: v["name"],
        ),
    ),
    on_submit=_keep,
)


def _file(who: str, name: str) -> Incoming:
    channel, external_id = who.split(":", 1)
    return Incoming(channel=channel, external_id=external_id, kind="media", attachment=Document(name, b"%PDF-1.4 x"))


async def _state(h: Harness, who: str) -> tuple[str, dict[str, Any]]:
    async with h.services.db.session() as session:
        state = await get_state(session, who)
        assert state is not None
        return state.step, state_data(state)


async def test_a_form_step_takes_a_file_and_other_steps_refuse_it(harness: Harness, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(router.CONVERSATION_BY_NAME, UPLOAD.name, forms.conversation(UPLOAD))
    who = "telegram:40"
    await harness.say(who, "/start")  # the contact exists
    async with harness.services.db.session() as session:
        await set_state(session, who, UPLOAD.name, "nama", {}, harness.services.clock.now())
        await session.commit()
    # A file where a name is asked changes nothing.
    assert "hanya bisa membaca pesan teks" in text_of(await harness.send(_file(who, "a.pdf")))
    assert await _state(harness, who) == ("nama", {})
    await harness.say(who, "Made Sudarsana")
    assert (await _state(harness, who))[0] == "berkas"
    # On the file step: a wrong file is refused with the step's reason, typed text too.
    assert "langkah lampiran" in text_of(await harness.send(_file(who, "foto.jpg")))
    assert "langkah lampiran" in text_of(await harness.say(who, "ini berkasnya"))
    assert (await _state(harness, who))[0] == "berkas"
    reply = text_of(await harness.send(_file(who, "Laporan.PDF")))
    step, data = await _state(harness, who)
    assert step == forms.SUMMARY and data["berkas"] == {"name": "Laporan.PDF", "size": "10"}
    assert "Laporan.PDF" in reply and "Made Sudarsana" in reply


async def test_a_conversation_the_role_no_longer_allows_is_left(harness: Harness) -> None:
    # telegram:41 is public; a circular draft (admins only) found in their state is closed.
    who = "telegram:41"
    await harness.say(who, "/start")
    async with harness.services.db.session() as session:
        await set_state(session, who, "siaran", "text", {}, harness.services.clock.now())
        await session.commit()
    await harness.say(who, "Surat edaran untuk semua sekolah")
    async with harness.services.db.session() as session:
        assert await get_state(session, who) is None


def test_payloads_pack_and_unpack() -> None:
    button = Payload("petugas")
    assert button.pack("balas", 7) == "petugas:balas:7"
    assert Payload.unpack("balas:7", 2) == ["balas", "7"]
    assert Payload.unpack("balas", 3) == ["balas", "", ""]
    with pytest.raises(ValueError):
        button.pack("a:b", 1)
    assert router.ROUTE_BY_NAME[conversation.BUTTON.route].typed is False


def _steps_entered() -> list[tuple[str, int, str, str]]:
    """(file, line, conversation, step) of every ``set_state(…, CONSTANT, "step", …)`` in the handlers."""
    import ast
    import importlib
    from pathlib import Path

    found = []
    root = Path(router.__file__).resolve().parent
    for path in sorted(root.glob("*.py")):
        module = importlib.import_module(f"handlers.{path.stem}")
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "set_state" and len(node.args) >= 4):
                continue
            name, step = node.args[2], node.args[3]
            if not isinstance(name, ast.Name):
                continue  # the form engine: its steps are its questions (checked below)
            steps = [step] if isinstance(step, ast.Constant) else [step.body, step.orelse] if isinstance(step, ast.IfExp) else []
            assert steps, f"{path.name}:{node.lineno}: a step named by an expression"
            for s in steps:
                assert isinstance(s, ast.Constant)
                found.append((path.name, node.lineno, getattr(module, name.id), s.value))
    return found


def test_every_step_a_conversation_enters_is_declared() -> None:
    entered = _steps_entered()
    assert len(entered) >= 15
    undeclared = [f"{f}:{line} {name}/{step}" for f, line, name, step in entered if step not in router.CONVERSATION_BY_NAME[name].by_name]
    assert not undeclared, undeclared
    for declared in router.CONVERSATIONS:
        assert declared.steps, f"{declared.name} declares no steps"
    # A form's steps are its questions, then its summary and the "Ubah" choice.
    registration = router.CONVERSATION_BY_NAME["registration"]
    assert set(registration.by_name) == {q.name for q in REGISTRATION.steps} | {forms.SUMMARY, forms.EDIT}


def test_the_circular_declares_what_each_step_takes() -> None:
    from handlers.broadcast import CIRCULAR

    assert {s.name for s in CIRCULAR.steps if s.free_text} == {"text", "schedule", "retext"}
    assert [s.name for s in CIRCULAR.steps if CIRCULAR.document_handler(s.name) is not None] == ["document"]
    assert set(CIRCULAR.by_name["preview"].buttons) == {"send", "schedule", "retext", "audience"}
    assert set(CIRCULAR.buttons) == {"cancel"}
    with pytest.raises(ValueError):
        Conversation("dua", CIRCULAR.on_text, steps=(Step("a"), Step("a")))
