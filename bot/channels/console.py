"""Console channel: chat with the bot in a terminal (no token needed)."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

from bot.enums import UpdateKind
from bot.messages import Button, Delivery, Incoming, Reply

QUIT_WORDS = {"/keluar", "/quit", "/exit", "keluar", "quit", "exit"}


class ConsoleChannel:
    """Reads lines from a stream, prints replies; a number presses a button of the last reply."""

    name = "console"

    def __init__(
        self,
        user: str = "operator",
        *,
        stdin: TextIO | None = None,
        stdout: TextIO | None = None,
        files_dir: Path = Path("console-files"),
        display_name: str = "",
    ) -> None:
        self.user = user
        # The name the bot greets with: empty unless the person gave one (never the login name).
        self.display_name = display_name
        self.stdin = stdin or sys.stdin
        self.stdout = stdout or sys.stdout
        self.files_dir = files_dir
        self._buttons: list[Button] = []
        self._sent = 0

    def _print(self, text: str = "") -> None:
        self.stdout.write(text + "\n")
        self.stdout.flush()

    async def send(self, external_id: str, replies: Sequence[Reply]) -> list[str]:
        """Print the replies; remember their buttons for the next numbered answer."""
        ids = []
        for reply in replies:
            self._sent += 1
            ids.append(str(self._sent))
            self._print("bot> " + reply.text.replace("\n", "\n     "))
            if reply.buttons:
                self._buttons = reply.all_buttons()
                number = 0
                for row in reply.buttons:
                    cells = []
                    for button in row:
                        number += 1
                        cells.append(f"[{number}] {button.label}")
                    self._print("     " + "   ".join(cells))
            if reply.document is not None:
                self.files_dir.mkdir(parents=True, exist_ok=True)
                path = self.files_dir / Path(reply.document.filename).name
                path.write_bytes(reply.document.content)
                self._print(f"     📎 {path}")
        return ids

    async def deliver(self, external_id: str, reply: Reply, *, delivery: Delivery | None = None) -> str:
        """Print one outbox message (reminders, circulars) in the terminal."""
        return (await self.send(external_id, [reply]))[-1]

    async def edit(self, external_id: str, message_id: str, reply: Reply) -> None:
        """A terminal cannot change old lines: print the new version."""
        self._print(f"bot (#{message_id}, diperbarui)> " + reply.text.replace("\n", "\n     "))

    def to_incoming(self, line: str) -> Incoming:
        """A typed line: a button number when it names one, else text."""
        text = line.strip()
        if text.isdigit() and 1 <= int(text) <= len(self._buttons):
            pressed = self._buttons[int(text) - 1]
            return Incoming(channel=self.name, external_id=self.user, kind=UpdateKind.BUTTON, payload=pressed.payload, name=self.display_name)
        return Incoming(channel=self.name, external_id=self.user, kind=UpdateKind.TEXT, text=text, name=self.display_name)

    async def run(self, dispatch: Callable[[Incoming], Awaitable[Any]], intro: str) -> None:
        """Read until end of input or a quit word, answering each line before reading the next."""
        self._print(intro)
        loop = asyncio.get_running_loop()
        while True:
            if self.stdin.isatty():
                self.stdout.write("you> ")
                self.stdout.flush()
            line = await loop.run_in_executor(None, self.stdin.readline)
            if not line:
                break
            if line.strip().lower() in QUIT_WORDS:
                break
            if not line.strip():
                continue
            await dispatch(self.to_incoming(line))
