from __future__ import annotations

import asyncio
import random
from collections.abc import Sequence

from bot.core import Dispatcher
from bot.logs import redact
from bot.messages import Incoming, PayloadSigner, Reply, shorten, split_text


class SlowEcho:
    name = "test"

    def __init__(self) -> None:
        self.sent: dict[str, list[str]] = {}

    async def send(self, external_id: str, replies: Sequence[Reply]) -> list[str]:
        self.sent.setdefault(external_id, []).extend(r.text for r in replies)
        return []


async def test_dispatcher_keeps_order_per_contact_and_runs_contacts_concurrently() -> None:
    channel = SlowEcho()
    running = 0
    peak = 0

    async def handler(incoming: Incoming) -> list[Reply]:
        nonlocal running, peak
        running += 1
        peak = max(peak, running)
        await asyncio.sleep(random.random() / 200)
        running -= 1
        return [Reply(incoming.text)]

    dispatcher = Dispatcher(handler, {"test": channel}, lambda i: Reply("error"))
    futures = [dispatcher.submit(Incoming(channel="test", external_id=str(c), text=str(n))) for n in range(20) for c in range(30)]
    await asyncio.gather(*futures)
    assert all(channel.sent[str(c)] == [str(n) for n in range(20)] for c in range(30))
    assert peak > 10  # different contacts really ran side by side
    assert dispatcher.busy_contacts == 0


async def test_dispatcher_answers_even_when_the_handler_fails() -> None:
    channel = SlowEcho()

    async def handler(incoming: Incoming) -> list[Reply]:
        if incoming.text == "boom":
            raise RuntimeError("boom")
        return [Reply("ok")]

    dispatcher = Dispatcher(handler, {"test": channel}, lambda i: Reply("maaf"))
    for text in ("a", "boom", "b"):
        await dispatcher.dispatch(Incoming(channel="test", external_id="1", text=text))
    assert channel.sent["1"] == ["ok", "maaf", "ok"]
    assert dispatcher.failed == 1


def test_signed_payloads_refuse_forgery_and_other_contacts() -> None:
    signer = PayloadSigner(b"k" * 32)
    token = signer.sign("telegram:1", "bahasa:en")
    assert len(token.encode()) <= 64
    assert signer.verify("telegram:1", token) == "bahasa:en"
    assert signer.verify("telegram:2", token) is None
    assert signer.verify("telegram:1", "bahasa:id|" + token.split("|")[1]) is None
    assert signer.verify("telegram:1", "bahasa:en") is None
    assert signer.verify("telegram:1", None) is None
    assert signer.verify("telegram:1", "a|b|c") is None
    assert PayloadSigner(b"x" * 32).verify("telegram:1", token) is None


def test_split_text_prefers_paragraphs_and_respects_the_limit() -> None:
    paragraphs = ["Paragraf " + str(i) + " " + "kata " * 150 for i in range(12)]
    text = "\n\n".join(paragraphs)
    chunks = split_text(text, 4096)
    assert all(len(c) <= 4096 for c in chunks)
    assert len(chunks) >= 2
    assert all(c.startswith("Paragraf") for c in chunks)  # cut between paragraphs
    assert " ".join(" ".join(chunks).split()) == " ".join(text.split())
    assert split_text("x" * 10000, 4096) == ["x" * 4096, "x" * 4096, "x" * 1808]
    assert split_text("pendek", 4096) == ["pendek"]


def test_redaction_hides_tokens_phones_and_nips() -> None:
    line = redact("token 123456:ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefgh phone +6281234567890 nip 197508172000031002 id 42")
    assert "ABCDEFGHIJ" not in line
    assert "81234567890" not in line and "197508172000031002" not in line
    assert "+6281…90" in line and "id 42" in line


def test_shorten_cuts_at_a_word_and_says_so() -> None:
    text = "Mohon kepala sekolah mendaftar PSP paling lambat 28 Februari."
    assert shorten(text, 40) == "Mohon kepala sekolah mendaftar PSP…"
    assert shorten(text, 200) == text and shorten("baris satu\n\nbaris dua", 40) == "baris satu baris dua"
    assert shorten("x" * 50, 10) == "x" * 9 + "…"
    assert all(len(shorten(text, n)) <= n for n in range(5, 70))
