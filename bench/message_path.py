"""Which project modules one Telegram update crosses on its way to the reply.

Runs the real bot against the fake Bot API (tests/fake_telegram.py), hands it one text update as
the channel receives it (stored in the inbox), has the inbox handle it, and records, with
``sys.setprofile``, every call into a project module made on behalf of that update (its own task
and the tasks it starts: a context variable marks them, so the outbox and reminder loops running
meanwhile are not counted).

A module is *entered again* when it is called while one of its own frames is already further down
the same call chain with another module's frame in between (A → B → A): a layer calling back up.

    .venv/bin/python bench/message_path.py ["/start"]
"""

from __future__ import annotations

import asyncio
import contextvars
import sys
import tempfile
from pathlib import Path
from types import FrameType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PACKAGES = ("bot", "handlers", "models", "scheduler")
ON_PATH: contextvars.ContextVar[bool] = contextvars.ContextVar("on_path", default=False)


def _project(frame: FrameType) -> str | None:
    name = frame.f_globals.get("__name__", "")
    return name if name.split(".")[0] in PACKAGES else None


async def trace(text: str) -> tuple[list[str], list[str]]:
    """(modules in order of first entry, modules entered again) for one text update."""
    from bot.app import BotApp
    from tests.conftest import TEST_TOKEN, make_settings
    from tests.fake_telegram import FakeTelegramServer

    fake = FakeTelegramServer(TEST_TOKEN)
    await fake.start()
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/path.sqlite3"
        app = BotApp(make_settings(url, telegram={"token": TEST_TOKEN, "base_url": fake.base_url, "rate_per_second": 1000}))
        await app.start()
        try:
            telegram: Any = app.services.channels["telegram"]
            await app.inbox.stop()  # handled by hand below, so the inbox's work runs on the traced path

            async def receive_and_handle(update_id: int, chat: int) -> None:
                await app.inbox.accept([telegram.to_inbound({"update_id": update_id, **fake.text_update(chat, text)})])
                await app.inbox.handle_waiting()

            await receive_and_handle(1, 900)  # warm up
            order: list[str] = []
            again: list[str] = []

            def profile(frame: FrameType, event: str, _arg: Any) -> None:
                if event != "call" or not ON_PATH.get():
                    return
                module = _project(frame)
                if module is None:
                    return
                if module not in order:
                    order.append(module)
                caller, left = frame.f_back, False
                while caller is not None:
                    owner = _project(caller)
                    if owner is not None and owner != module:
                        left = True
                    elif owner == module and left:
                        if module not in again:
                            again.append(module)
                        break
                    caller = caller.f_back

            token = ON_PATH.set(True)
            sys.setprofile(profile)
            try:
                await receive_and_handle(2, 901)
            finally:
                sys.setprofile(None)
                ON_PATH.reset(token)
            await fake.wait_for_messages(901, 1)
        finally:
            await app.stop()
            await fake.stop()
    return order, again


def main() -> None:
    """Print the modules crossed and the count."""
    text = sys.argv[1] if len(sys.argv) > 1 else "/start"
    order, again = asyncio.run(trace(text))
    print(f"{len(order)} project modules from the Telegram update {text!r} to its reply:")
    for module in order:
        print("  " + module)
    print("entered again (called back while already on the chain): " + (", ".join(again) or "none"))


if __name__ == "__main__":
    main()
