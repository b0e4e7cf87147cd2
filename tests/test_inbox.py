"""The inbox: nothing acknowledged is lost (kill -9 of the real ``psp-bot run``), repeats are handled
once, one flooder delays nobody, replies survive platform errors, several processes share one inbox."""

from __future__ import annotations

import asyncio
import json
import random
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from sqlmodel import col, select

from bot.messages import Inbound
from models.db import Database
from models.inbox import add_received, claim_heads
from models.tables import Contact, ConversationState, InboxItem
from tests.conftest import TEST_TOKEN, clean_env, copy_faq
from tests.fake_telegram import FakeTelegramServer
from tests.test_telegram_adapter import start_bot

ROOT = Path(__file__).resolve().parent.parent
SECRET = "webhook-secret-for-tests"
# FAQ questions and a piece of each one's answer: which answer came, in which order.
QUESTIONS = ["kapan bimtek pmo", "kecamatan apa saja di buleleng", "apa itu komite pembelajaran", "syarat kepsek apa saja", "zona waktu apa"]
MARKERS = ["8 s.d. 11 Maret", "Gerokgak", "Komite Pembelajaran terdiri", "Kepmendikbud 1177", "WITA"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def write_config(path: Path, database_url: str, fake: FakeTelegramServer, port: int, mode: str = "webhook") -> Path:
    webhook = f'mode = "webhook"\nwebhook_url = "https://bot.example.go.id/telegram/webhook"\nwebhook_secret = "{SECRET}"\n' if mode == "webhook" else ""
    path.write_text(
        f'[bot]\ndatabase_url = "{database_url}"\nlog_level = "WARNING"\n'
        f'[telegram]\ntoken = "{TEST_TOKEN}"\nbase_url = "{fake.base_url}"\nrate_per_second = 1000\n{webhook}'
        f"[http]\nport = {port}\n"
    )
    return path


def spawn(config: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "bot", "run", "--config", str(config)]
    return subprocess.Popen(command, cwd=ROOT, env=dict(clean_env(), PYTHONFAULTHANDLER="1"), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


async def wait_ready(fake: FakeTelegramServer, count: int, port: int | None = None) -> None:
    await fake.wait_for(lambda: len([c for c in fake.calls if c.method == "setMyCommands"]) >= 2 * count, timeout=60)
    if port is not None:  # the HTTP server is up before the channels start, but be sure
        await wait_ready_http(port)


async def wait_ready_http(port: int) -> None:
    """Until the process's HTTP server answers /healthz."""
    async with aiohttp.ClientSession() as http:
        for _ in range(300):
            try:
                async with http.get(f"http://127.0.0.1:{port}/healthz") as resp:
                    if resp.status == 200:
                        return
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.1)
    raise AssertionError("the bot's HTTP server did not come up")


async def post_update(http: aiohttp.ClientSession, port: int, update: dict[str, Any]) -> int:
    headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
    async with http.post(f"http://127.0.0.1:{port}/telegram/webhook", json=update, headers=headers) as resp:
        return resp.status


def answered(fake: FakeTelegramServer, chats: range) -> set[int]:
    return {c.chat_id for c in fake.sent() if c.chat_id in chats}  # type: ignore[operator]


async def stop(proc: subprocess.Popen[bytes]) -> bytes:
    """SIGTERM and wait (the fake server keeps answering meanwhile); its stderr."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
    try:
        return (await asyncio.to_thread(proc.communicate, timeout=30))[1]
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGABRT)  # PYTHONFAULTHANDLER prints where it was
        err = proc.communicate(timeout=10)[1]
        raise AssertionError("did not stop on SIGTERM: " + err.decode()[-8000:]) from None


async def kill_9_and_restart(proc: subprocess.Popen[bytes], config: Path, fake: FakeTelegramServer, chats: range) -> subprocess.Popen[bytes]:
    """kill -9 at once, start again on the same config, wait until every chat got an answer."""
    proc.kill()
    await asyncio.to_thread(proc.wait, 10)
    assert len(answered(fake, chats)) < len(chats)  # the kill really came before the work was done
    fake.delay = 0.0
    proc = spawn(config)
    await fake.wait_for(lambda: answered(fake, chats) == set(chats), timeout=60)
    return proc


# -- durable before acknowledged, through the real process ------------------------------------


@pytest.mark.slow
async def test_kill_9_after_300_acknowledged_webhook_updates_loses_none(tmp_path: Path, database_url: str, fake_api: FakeTelegramServer) -> None:
    port = free_port()
    config = write_config(tmp_path / "c.toml", database_url, fake_api, port)
    fake_api.delay = 0.05  # slow sends: most updates are still unanswered at the kill
    proc = spawn(config)
    chats = range(60_000, 60_300)
    try:
        await wait_ready(fake_api, 1, port)
        async with aiohttp.ClientSession() as http:
            updates = [dict(fake_api.text_update(chat, "/start"), update_id=9_000 + n) for n, chat in enumerate(chats)]
            statuses = await asyncio.gather(*(post_update(http, port, u) for u in updates))
        assert statuses == [200] * 300  # all 300 acknowledged
        proc = await kill_9_and_restart(proc, config, fake_api, chats)
    finally:
        errors = await stop(proc)
    assert proc.returncode == 0, errors.decode()[-2000:]
    # At least once: a person may get the greeting twice only when the kill fell between its send and its record.
    counts = Counter(c.chat_id for c in fake_api.sent() if c.chat_id in chats)  # type: ignore[operator]
    assert sum(counts.values()) - 300 <= 140, counts.most_common(3)


@pytest.mark.slow
async def test_kill_9_after_300_confirmed_polling_updates_loses_none(tmp_path: Path, database_url: str, fake_api: FakeTelegramServer) -> None:
    config = write_config(tmp_path / "c.toml", database_url, fake_api, 0, mode="polling")
    fake_api.delay = 0.5  # replies take long: the offset confirms all 300 before most are answered
    proc = spawn(config)
    chats = range(61_000, 61_300)
    try:
        await wait_ready(fake_api, 1)
        last = 0
        for chat in chats:
            last = await fake_api.send_text(chat, "/start")
        await fake_api.wait_for(lambda: fake_api.confirmed >= last, timeout=30)  # Telegram forgot them all
        assert not fake_api.updates  # nothing left at "Telegram" to deliver again
        proc = await kill_9_and_restart(proc, config, fake_api, chats)
    finally:
        errors = await stop(proc)
    assert proc.returncode == 0, errors.decode()[-2000:]


@pytest.mark.slow
async def test_kill_9_after_300_acknowledged_whatsapp_webhooks_loses_none(tmp_path: Path, database_url: str) -> None:
    from tests.fake_graph import FakeGraphServer
    from tests.test_whatsapp import SECRET as APP_SECRET
    from tests.test_whatsapp import payload, sign

    graph = FakeGraphServer()
    await graph.start()
    port = free_port()
    config = tmp_path / "wa.toml"
    config.write_text(
        f'[bot]\ndatabase_url = "{database_url}"\nlog_level = "WARNING"\n'
        f'[whatsapp]\nenabled = true\nphone_number_id = "106540352242922"\naccess_token = "{graph.token}"\n'
        f'app_secret = "{APP_SECRET}"\nverify_token = "verify-me"\napi_base_url = "{graph.base_url}"\n[http]\nport = {port}\n'
    )
    people = [f"62812{n:07d}" for n in range(300)]

    def answered_people() -> set[str]:
        return {m["to"] for m in graph.messages()} & set(people)

    graph.delay = 0.05  # slow sends: most messages are still unanswered at the kill
    proc = spawn(config)
    try:
        await wait_ready_http(port)
        async with aiohttp.ClientSession() as http:

            async def post(n: int, wa_id: str) -> int:
                body = payload("text_message", WA_ID=wa_id, MESSAGE_ID=f"wamid.kill{n}", BODY="halo", NAME="Kadek")
                headers = {"Content-Type": "application/json", "X-Hub-Signature-256": sign(body)}
                async with http.post(f"http://127.0.0.1:{port}/whatsapp/webhook", data=body, headers=headers) as resp:
                    return resp.status

            statuses = await asyncio.gather(*(post(n, wa_id) for n, wa_id in enumerate(people)))
        assert statuses == [200] * 300  # all 300 acknowledged: Meta will not send them again
        proc.kill()
        await asyncio.to_thread(proc.wait, 10)
        assert len(answered_people()) < 300  # the kill came before the work was done
        graph.delay = 0.0
        proc = spawn(config)
        await graph.wait_for(lambda: answered_people() == set(people), timeout=60)
    finally:
        errors = await stop(proc)
        await graph.stop()
    assert proc.returncode == 0, errors.decode()[-2000:]


def which_answers(texts: list[str]) -> list[int]:
    """The question each FAQ answer answers (its index in QUESTIONS)."""
    return [next(n for n, marker in enumerate(MARKERS) if marker in text) for text in texts]


@pytest.mark.slow
async def test_kill_9_while_answering_faq_questions_of_known_people_loses_none_and_keeps_order(
    tmp_path: Path, database_url: str, fake_api: FakeTelegramServer
) -> None:
    # A FAQ answer to someone the bot knows writes nothing, so its row is not written when it is
    # handled: after the kill it is simply handled again. Nobody loses an answer, and each
    # person's answers come in the order asked — at most the last few before the kill again.
    port = free_port()
    config = write_config(tmp_path / "c.toml", database_url, fake_api, port)
    proc = spawn(config)
    chats = range(64_000, 64_060)
    rng = random.Random(64)
    orders = {chat: [rng.randrange(5) for _ in range(6)] for chat in chats}
    try:
        await wait_ready(fake_api, 1, port)
        async with aiohttp.ClientSession() as http:
            update_id = 40_000
            greetings = []
            for chat in chats:
                update_id += 1
                greetings.append(post_update(http, port, dict(fake_api.text_update(chat, "/start"), update_id=update_id)))
            assert set(await asyncio.gather(*greetings)) == {200}
            await fake_api.wait_for(lambda: answered(fake_api, chats) == set(chats), timeout=30)
            await asyncio.sleep(1.0)  # the greetings' rows are done: what follows are FAQ questions only
            fake_api.delay = 0.05  # slow sends: most questions are still unanswered at the kill
            for i in range(6):  # in rounds, so each person's questions are stored in the order asked
                batch = []
                for chat, order in orders.items():
                    update_id += 1
                    batch.append(post_update(http, port, dict(fake_api.text_update(chat, QUESTIONS[order[i]]), update_id=update_id)))
                assert set(await asyncio.gather(*batch)) == {200}
        proc.kill()
        await asyncio.to_thread(proc.wait, 10)
        before = {chat: len(fake_api.sent(chat)) - 1 for chat in chats}
        assert sum(before.values()) < 6 * len(chats)  # the kill came before the work was done
        fake_api.delay = 0.0
        proc = spawn(config)
        await fake_api.wait_for(lambda: all(set(which_answers(fake_api.texts(c)[1:])[-1:]) == {orders[c][-1]} for c in chats), timeout=60)
        await asyncio.sleep(1.0)
    finally:
        errors = await stop(proc)
    assert proc.returncode == 0, errors.decode()[-2000:]
    repeated = 0
    for chat, order in orders.items():
        got = which_answers(fake_api.texts(chat)[1:])
        k = before[chat]
        # What came before the kill, in order; then, after the restart, the rest — starting at most a few answers back.
        assert got[:k] == order[:k], (chat, got, order)
        starts = [j for j in range(k + 1) if got[k:] == order[j:]]  # where the answers after the restart begin
        assert starts, (chat, got, order)
        repeated += k - max(starts)
    assert repeated <= 8 * len(chats)  # at most the unwritten rows of each person (UNWRITTEN_MAX)


async def test_only_rows_whose_handling_wrote_are_written(database_url: str, fake_api: FakeTelegramServer) -> None:
    from sqlalchemy import event

    app = await start_bot(database_url, fake_api)
    try:
        await fake_api.send_text(940, "/start")  # a known person from now on
        await fake_api.wait_for_messages(940, 1)
        await app.inbox.join()
        await app.inbox.stop()
        telegram: Any = app.services.channels["telegram"]
        consent = telegram.signer.sign("telegram:940", "privasi:setuju")
        updates = [
            fake_api.text_update(940, QUESTIONS[0]),
            fake_api.text_update(940, QUESTIONS[1]),
            fake_api.text_update(940, "/daftar"),
            _press(940, consent),
            fake_api.text_update(940, "Ni Made Sari"),
            fake_api.text_update(940, QUESTIONS[2]),
        ]
        await app.inbox.accept([telegram.to_inbound(dict(u, update_id=96_000 + n)) for n, u in enumerate(updates)])
        async with Database(database_url).session() as session:
            ids = [
                r.id
                for r in await session.exec(
                    select(InboxItem).where(InboxItem.contact_id == "telegram:940", InboxItem.status == "pending").order_by(col(InboxItem.id))
                )
            ]
        written: list[int] = []

        def recorded(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, executemany: bool) -> None:
            if statement.startswith("UPDATE inbox SET claimed_by=") and "replies=" in statement:
                # the row's id: named on PostgreSQL, the last (WHERE id = ?) on SQLite
                written.extend(p["row_id"] if isinstance(p, dict) else p[-1] for p in (parameters if executemany else [parameters]))

        event.listen(app.services.db.engine.sync_engine, "before_cursor_execute", recorded)
        await app.inbox.handle_waiting()
        await fake_api.wait_for_messages(940, 7)
        await app.inbox.join()
        texts = fake_api.texts(940)[1:]
        assert MARKERS[0] in texts[0] and MARKERS[1] in texts[1]
        assert "data pribadi" in texts[2] and "nama lengkap" in texts[3].lower()
        assert "(2/9) NIP" in texts[4]
        assert MARKERS[2] in texts[5]  # a question in the middle of the form is answered, not taken as the NIP
        # The FAQ answers wrote nothing: their rows were not written when handled. The consent and
        # the name did (the form's state), each in the same transaction as its row.
        assert written, "no row written"
        assert ids[0] not in written and ids[1] not in written
        assert ids[3] in written and ids[4] in written
        async with Database(database_url).session() as session:
            rows = list(await session.exec(select(InboxItem).where(InboxItem.contact_id == "telegram:940")))
            state = await session.get(ConversationState, "telegram:940")
        assert {r.status for r in rows} == {"done"}
        assert state is not None and "Ni Made Sari" in state.data  # the name taken once, the form one step on
    finally:
        await app.stop()


# -- repeats ----------------------------------------------------------------------------------


async def test_a_repeated_update_is_handled_once_over_webhook_and_polling(database_url: str, fake_api: FakeTelegramServer) -> None:
    app = await start_bot(database_url, fake_api)
    try:
        # Polling: the same update id twice (a delivery repeated after a lost confirmation).
        update = fake_api.text_update(700, "/daftar")
        await fake_api.push(json.loads(json.dumps(update)), update_id=500)
        await fake_api.push(json.loads(json.dumps(update)), update_id=500)
        await fake_api.wait_for_messages(700, 1)
        await app.inbox.join()
        # A repeat after it was handled: dropped by the unique key.
        await app.inbox.accept([app.services.channels["telegram"].to_inbound(dict(update, update_id=500))])  # type: ignore[attr-defined]
        await app.inbox.join()
        assert len(fake_api.sent(700)) == 1
        assert "nama lengkap" in fake_api.sent(700)[0].params["text"].lower()
    finally:
        await app.stop()

    app = await start_bot(database_url, fake_api, mode="webhook", webhook_url="https://bot.example.go.id/telegram/webhook", webhook_secret=SECRET)
    try:
        assert app.http is not None
        async with aiohttp.ClientSession() as http:
            answer = dict(fake_api.text_update(700, "Ni Made Sari"), update_id=501)
            assert await post_update(http, app.http.port, answer) == 200
            assert await post_update(http, app.http.port, answer) == 200  # Telegram repeats it
            await fake_api.wait_for_messages(700, 2)
            await app.inbox.join()
        texts = [c.params["text"] for c in fake_api.sent(700)]
        # Handled once: the second copy was not taken as the answer to the next question (NIP).
        assert len(texts) == 2 and "NIP" in texts[1], texts
    finally:
        await app.stop()


async def test_webhook_answers_503_when_the_update_cannot_be_stored(database_url: str, fake_api: FakeTelegramServer) -> None:
    app = await start_bot(database_url, fake_api, mode="webhook", webhook_url="https://bot.example.go.id/telegram/webhook", webhook_secret=SECRET)
    try:
        assert app.http is not None

        async def broken(items: Any) -> None:
            raise OSError("disk full")

        telegram = app.services.channels["telegram"]
        telegram._accept = broken  # type: ignore[attr-defined]
        async with aiohttp.ClientSession() as http:
            status = await post_update(http, app.http.port, dict(fake_api.text_update(701, "/start"), update_id=600))
        assert status == 503  # not acknowledged: Telegram delivers it again
    finally:
        await app.stop()


# -- platform errors ---------------------------------------------------------------------------


@pytest.mark.slow
async def test_a_reply_is_delivered_through_two_502s_and_two_429s(database_url: str, fake_api: FakeTelegramServer) -> None:
    app = await start_bot(database_url, fake_api)
    try:
        fake_api.fail("sendMessage", 502, count=2, chat_id=702)
        fake_api.fail("sendMessage", 429, count=2, retry_after=1, chat_id=702)
        await fake_api.send_text(702, "/start")
        await fake_api.send_text(702, "/jadwal")
        await fake_api.wait_for(lambda: len(fake_api.sent(702)) >= 2, timeout=40)
        await app.inbox.join()
    finally:
        await app.stop()
    failed = [c for c in fake_api.calls if c.chat_id == 702 and not c.ok]
    assert len(failed) == 4
    texts = [c.params["text"] for c in fake_api.sent(702)]
    assert texts[0].startswith("Om Swastyastu") and "jadwal" in texts[1].lower()  # delivered, in order


async def test_a_reply_to_a_blocked_contact_is_not_retried(database_url: str, fake_api: FakeTelegramServer) -> None:
    app = await start_bot(database_url, fake_api)
    try:
        fake_api.blocked.add(703)
        await fake_api.send_text(703, "/start")
        await fake_api.wait_for(lambda: any(c.chat_id == 703 for c in fake_api.calls), timeout=10)
        await app.inbox.join()
    finally:
        await app.stop()
    assert len([c for c in fake_api.calls if c.chat_id == 703]) == 1


# -- fairness and the backlog bound ----------------------------------------------------------------


@pytest.mark.slow
async def test_a_flood_from_one_chat_is_bounded_and_delays_nobody(database_url: str, fake_api: FakeTelegramServer) -> None:
    app = await start_bot(database_url, fake_api)
    try:
        fake_api.delay = 0.05  # every send takes 50 ms
        for _ in range(600):
            await fake_api.send_text(704, "/start")
        await asyncio.sleep(0.5)  # the flood is being worked through
        started = time.monotonic()
        await fake_api.send_text(705, "/start")
        await fake_api.wait_for_messages(705, 1, timeout=20)
        latency = time.monotonic() - started
        await app.inbox.join(timeout=60)
    finally:
        await app.stop()
    assert latency < 3.0  # the benchmark measures it on a quiet machine; the goal there is < 1 s
    texts = fake_api.texts(704)
    notices = [t for t in texts if "pesan terlalu banyak" in t]
    assert len(notices) == 1
    assert 50 <= len(texts) - 1 <= 80  # about the backlog limit, not 600 answers
    async with Database(database_url).session() as session:
        statuses = Counter(r.status for r in await session.exec(select(InboxItem).where(InboxItem.contact_id == "telegram:704")))
    assert statuses["dropped"] + statuses["done"] == 600 and statuses["dropped"] >= 500


async def test_only_the_oldest_pending_row_of_a_contact_can_be_claimed(database_url: str) -> None:
    db = Database(database_url)
    from bot.messages import SystemClock

    now = SystemClock().now()
    postgres = not db.sqlite
    try:
        async with db.session() as session:
            items = [Inbound(f"t:{n}", "telegram", str(800 + n % 3), "{}") for n in range(9)]
            await add_received(session, items, now, 50, postgres)
            await session.commit()
        from datetime import timedelta

        async with db.session() as session:
            first = await claim_heads(session, "a", now, 10, timedelta(minutes=5), postgres, channels=["telegram"])
            await session.commit()
        assert sorted(r.key for r in first) == ["t:0", "t:1", "t:2"]  # one per contact, its oldest
        async with db.session() as session:
            second = await claim_heads(session, "b", now, 10, timedelta(minutes=5), postgres, channels=["telegram"])
            await session.commit()
        assert second == []  # every contact is held by worker a
        async with db.session() as session:
            later = await claim_heads(session, "b", now + timedelta(minutes=6), 10, timedelta(minutes=5), postgres, channels=["telegram"])
            await session.commit()
        assert sorted(r.key for r in later) == ["t:0", "t:1", "t:2"]  # a's lease ran out: b takes over
        async with db.session() as session:
            # b's lease ran out too, but c runs WhatsApp only: Telegram's rows wait for a Telegram process
            assert await claim_heads(session, "c", now + timedelta(minutes=12), 10, timedelta(minutes=5), postgres, channels=["whatsapp"]) == []
            assert len(await claim_heads(session, "c", now + timedelta(minutes=12), 10, timedelta(minutes=5), postgres, channels=["telegram"])) == 3
    finally:
        await db.close()


async def test_a_list_parameter_does_not_change_the_statement_on_postgresql(database_url: str) -> None:
    # On PostgreSQL a list is one array parameter (= ANY): the statement's text is the same for 1
    # or 5 contacts, so it is compiled once and the server prepares it once. SQLite expands IN (…).
    from datetime import timedelta

    from sqlalchemy import event

    from bot.messages import SystemClock
    from models.inbox import mark_done

    db = Database(database_url)
    now = SystemClock().now()
    postgres = not db.sqlite
    seen: list[str] = []

    def remember(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        seen.append(statement)

    try:
        event.listen(db.engine.sync_engine, "before_cursor_execute", remember)
        texts: dict[str, set[str]] = {"backlog": set(), "claim": set(), "done": set()}
        for n, size in enumerate((1, 5)):
            async with db.session() as session:
                del seen[:]
                await add_received(session, [Inbound(f"l{n}:{i}", "telegram", str(900 + 10 * n + i), "{}") for i in range(size)], now, 50, postgres)
                texts["backlog"].add(seen[0])
                del seen[:]
                heads = await claim_heads(session, f"w{n}", now, size, timedelta(minutes=5), postgres, channels=["telegram"])
                assert len(heads) == size
                texts["claim"].update(seen)
                del seen[:]
                await mark_done(session, [row.id for row in heads])
                texts["done"].update(seen)
                await session.commit()
        for name, statements in texts.items():
            assert len(statements) == (1 if name != "claim" else 2) if postgres else len(statements) > 1, (name, statements)
    finally:
        event.remove(db.engine.sync_engine, "before_cursor_execute", remember)
        await db.close()


# -- several processes on PostgreSQL -------------------------------------------------------------


def spawn_two(tmp_path: Path, database_url: str, fake: FakeTelegramServer) -> tuple[list[int], list[subprocess.Popen[bytes]]]:
    """Two webhook processes on one PostgreSQL inbox, on their own ports (a load balancer's two backends)."""
    if database_url.startswith("sqlite"):
        pytest.skip("several processes need PostgreSQL (SQLite is one process)")
    ports = [free_port(), free_port()]
    return ports, [spawn(write_config(tmp_path / f"c{i}.toml", database_url, fake, port)) for i, port in enumerate(ports)]


@pytest.mark.slow
async def test_two_processes_on_postgresql_share_one_inbox_in_order_once(tmp_path: Path, database_url: str, fake_api: FakeTelegramServer) -> None:
    ports, procs = spawn_two(tmp_path, database_url, fake_api)
    questions, markers = QUESTIONS, MARKERS
    chats = range(62_000, 62_040)
    rng = random.Random(12)
    orders = {chat: [rng.randrange(5) for _ in range(5)] for chat in chats}
    try:
        for port in ports:
            await wait_ready(fake_api, 2, port)
        update_id = 20_000
        async with aiohttp.ClientSession() as http:
            last: list[tuple[int, dict[str, Any]]] = []
            for i in range(5):  # one load balancer: each update to either process
                last = []
                for chat, order in orders.items():
                    update_id += 1
                    last.append((rng.choice(ports), dict(fake_api.text_update(chat, questions[order[i]]), update_id=update_id)))
                assert set(await asyncio.gather(*(post_update(http, port, u) for port, u in last))) == {200}
            # Telegram repeats every last update, and the repeat reaches the other process
            other = {ports[0]: ports[1], ports[1]: ports[0]}
            assert set(await asyncio.gather(*(post_update(http, other[port], u) for port, u in last))) == {200}
        await fake_api.wait_for(lambda: all(len(fake_api.sent(c)) >= 5 for c in chats), timeout=60)
        await asyncio.sleep(1.0)  # a double answer would show up now
    finally:
        errors = [await stop(p) for p in procs]
    for chat, order in orders.items():
        texts = [c.params["text"] for c in fake_api.sent(chat)]
        assert [next(n for n, m in enumerate(markers) if m in t) for t in texts] == order, (chat, texts)
    assert all(p.returncode == 0 for p in procs), [e.decode()[-1500:] for e in errors]


@pytest.mark.slow
async def test_kill_9_of_one_of_two_processes_on_postgresql_loses_nothing(tmp_path: Path, database_url: str, fake_api: FakeTelegramServer) -> None:
    ports, procs = spawn_two(tmp_path, database_url, fake_api)
    chats = range(63_000, 63_300)
    fake_api.delay = 0.05
    try:
        for port in ports:
            await wait_ready(fake_api, 2, port)
        async with aiohttp.ClientSession() as http:
            updates = [(ports[n % 2], dict(fake_api.text_update(chat, "/start"), update_id=30_000 + n)) for n, chat in enumerate(chats)]
            assert set(await asyncio.gather(*(post_update(http, port, u) for port, u in updates))) == {200}
        procs[0].kill()  # the survivor takes over the dead one's contacts (same host: within seconds)
        procs[0].wait(10)
        fake_api.delay = 0.0
        await fake_api.wait_for(lambda: answered(fake_api, chats) == set(chats), timeout=60)
    finally:
        errors = [await stop(p) for p in procs]
    assert procs[1].returncode == 0, errors[1].decode()[-1500:]


async def test_busy_contacts_gauge_follows_the_people_being_handled(database_url: str, fake_api: FakeTelegramServer) -> None:
    app = await start_bot(database_url, fake_api)
    gauge = app.services.metrics.busy_contacts
    try:
        fake_api.delay = 0.3
        for chat in (710, 711, 712):
            await fake_api.send_text(chat, "/start")
        await fake_api.wait_for(lambda: len([c for c in fake_api.calls if c.method == "sendMessage"]) >= 3, timeout=10)
        assert gauge._value.get() == 3  # three replies in flight, three people in progress
        await app.inbox.join()
        assert gauge._value.get() == 0
        assert b"psp_busy_contacts 0.0" in app.services.metrics.render()
    finally:
        await app.stop()


# -- many people in one transaction -------------------------------------------------------------


async def _store_texts(app: Any, fake: FakeTelegramServer, texts: dict[int, str]) -> None:
    """Stored as the channel receives them (the inbox's own loop stopped, so nothing is handled yet)."""
    telegram = app.services.channels["telegram"]
    items = [telegram.to_inbound({"update_id": 90_000 + chat, **fake.text_update(chat, text)}) for chat, text in texts.items()]
    await app.inbox.accept(items)


async def test_many_people_waiting_are_handled_in_one_transaction(database_url: str, fake_api: FakeTelegramServer) -> None:
    from sqlalchemy import event

    app = await start_bot(database_url, fake_api)
    try:
        await app.inbox.stop()
        chats = range(820, 860)
        await _store_texts(app, fake_api, {chat: "kapan bimtek pmo dilaksanakan?" for chat in chats})
        statements: list[str] = []
        event.listen(app.services.db.engine.sync_engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
        assert await app.inbox.handle_waiting() == 40
        await fake_api.wait_for(lambda: answered(fake_api, chats) == set(chats), timeout=20)
        # One query loaded the 40 contacts, one statement created them, one marked the rows handled
        # (one commit: the rows marked done afterwards are committed together as their replies go out).
        assert len([s for s in statements if s.startswith("SELECT contact.")]) == 1
        assert len([s for s in statements if s.startswith("INSERT INTO contact ")]) == 1
        assert len([s for s in statements if s.startswith("UPDATE inbox SET claimed_by=") and "replies=" in s]) == 1
        for chat in chats:
            texts = fake_api.texts(chat)
            assert len(texts) == 1 and "8" in texts[0] and "Maret" in texts[0]
        async with Database(database_url).session() as session:
            rows = list(await session.exec(select(InboxItem).where(col(InboxItem.contact_id).in_([f"telegram:{c}" for c in chats]))))
            contacts = list(await session.exec(select(Contact).where(col(Contact.id).in_([f"telegram:{c}" for c in chats]))))
        assert len(rows) == 40 and {r.status for r in rows} == {"done"}
        assert len(contacts) == 40
    finally:
        await app.stop()


def _boom_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    """The free text "boom" makes its handler fail (a bug), after it changed the contact."""
    from handlers import router

    real = router.answer_free_text

    async def fragile(ctx: Any, text: str) -> None:
        if text == "boom":
            ctx.contact.name = "changed by a handler that then failed"
            raise RuntimeError("handler bug")
        await real(ctx, text)

    monkeypatch.setattr(router, "answer_free_text", fragile)


async def test_a_failing_handler_in_a_batch_costs_only_its_own_update(database_url: str, fake_api: FakeTelegramServer, monkeypatch: pytest.MonkeyPatch) -> None:
    _boom_fails(monkeypatch)
    app = await start_bot(database_url, fake_api)
    try:
        await app.inbox.stop()
        texts = {chat: "/start" for chat in range(870, 879)} | {879: "boom"}
        await _store_texts(app, fake_api, texts)
        await app.inbox.handle_waiting()
        await fake_api.wait_for(lambda: answered(fake_api, range(870, 880)) == set(range(870, 880)), timeout=20)
        for chat in range(870, 879):
            assert len(fake_api.texts(chat)) == 1 and fake_api.texts(chat)[0].startswith("Om Swastyastu")
        assert fake_api.texts(879) == ["Mohon maaf, terjadi gangguan saat memproses pesan Bapak/Ibu. Silakan kirim ulang sebentar lagi."]
        assert app.services.metrics.handler_errors._value.get() == 1
        async with Database(database_url).session() as session:
            failed = await session.get(Contact, "telegram:879")
            rows = list(await session.exec(select(InboxItem).where(col(InboxItem.contact_id).in_([f"telegram:{c}" for c in range(870, 880)]))))
            started = list(await session.exec(select(Contact).where(col(Contact.id).in_([f"telegram:{c}" for c in range(870, 879)]))))
        assert failed is None  # nothing its handler did was kept (not even the new contact)
        assert len(started) == 9  # the others' contacts were stored (handled again one by one)
        assert {r.status for r in rows} == {"done"} and len(rows) == 10
    finally:
        await app.stop()


def _press(chat: int, data: str) -> dict[str, Any]:
    """A button press as Telegram delivers it (without its update_id)."""
    message = {"message_id": 1, "date": int(time.time()), "chat": {"id": chat, "type": "private"}, "text": "…"}
    return {"callback_query": {"id": f"press{chat}", "from": FakeTelegramServer.user(chat), "chat_instance": "1", "data": data, "message": message}}


async def test_presses_of_many_people_are_answered_side_by_side(database_url: str, fake_api: FakeTelegramServer) -> None:
    app = await start_bot(database_url, fake_api)
    try:
        await app.inbox.stop()
        chats = range(890, 902)
        telegram = app.services.channels["telegram"]
        await app.inbox.accept([telegram.to_inbound({"update_id": 91_000 + chat, **_press(chat, "stale")}) for chat in chats])
        fake_api.slow["answerCallbackQuery"] = 0.3
        await app.inbox.handle_waiting()
        await fake_api.wait_for(lambda: answered(fake_api, chats) == set(chats), timeout=20)
        # Reading a press answers it (the phone's spinner stops), which takes a round trip to
        # Telegram: twelve people's presses are read side by side, not one after another while
        # everyone's updates wait.
        assert len(fake_api.sent(method="answerCallbackQuery")) == 12
        assert fake_api.most_in_flight["answerCallbackQuery"] > 1
    finally:
        await app.stop()


async def test_a_file_being_fetched_holds_up_nobody_else(database_url: str, fake_api: FakeTelegramServer) -> None:
    if database_url.startswith("sqlite"):
        pytest.skip("on SQLite transactions take turns, so a file fetched inside one holds up the others anyway")
    app = await start_bot(database_url, fake_api)
    try:
        await fake_api.send_text(905, "/petugas")
        await fake_api.wait_for_messages(905, 1)
        fake_api.slow["download"] = 4.0
        await fake_api.send_document(905, "surat.pdf", b"%PDF-1.4 surat tugas")
        await fake_api.wait_for(lambda: fake_api.in_flight["download"] == 1, timeout=10)
        await fake_api.send_text(906, "/start")
        await fake_api.wait_for_messages(906, 1, timeout=10)
        assert fake_api.in_flight["download"] == 1  # answered while the other person's file is still on its way
        await fake_api.wait_for_messages(905, 2, timeout=15)  # and the file reached the help desk
        assert fake_api.downloads == 1
    finally:
        await app.stop()


async def test_a_failed_batch_counts_each_update_and_question_once(database_url: str, fake_api: FakeTelegramServer, monkeypatch: pytest.MonkeyPatch) -> None:
    _boom_fails(monkeypatch)
    app = await start_bot(database_url, fake_api)
    try:
        await app.inbox.stop()
        await _store_texts(app, fake_api, {chat: "kapan bimtek pmo dilaksanakan?" for chat in range(910, 913)} | {913: "boom"})
        await app.inbox.handle_waiting()
        await fake_api.wait_for(lambda: answered(fake_api, range(910, 914)) == set(range(910, 914)), timeout=20)
        registry = app.services.metrics.registry
        # The batch failed and its updates were handled again one by one: each counts once.
        assert registry.get_sample_value("psp_updates_total", {"channel": "telegram", "kind": "text"}) == 4
        questions = sum(s.value for m in registry.collect() if m.name == "psp_faq_questions" for s in m.samples if s.name.endswith("_total"))
        assert questions == 3
        assert app.services.metrics.handler_errors._value.get() == 1
    finally:
        await app.stop()


async def test_a_new_faq_entry_saved_in_a_failed_batch_is_written_once(
    database_url: str, fake_api: FakeTelegramServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:

    from bot.app import BotApp
    from handlers import general, router
    from models.tables import Question
    from tests.conftest import make_settings

    real_text, real_stale = router.answer_free_text, general.answer_bad_button

    async def slow(ctx: Any, text: str) -> None:
        if text == "slow":  # keeps the decider busy while the next batch gathers
            await asyncio.sleep(1.0)
        await real_text(ctx, text)

    async def fragile(ctx: Any) -> None:
        if ctx.contact.id == "telegram:613":
            raise RuntimeError("handler bug")
        await real_stale(ctx)

    monkeypatch.setattr(router, "answer_free_text", slow)
    monkeypatch.setattr(general, "answer_bad_button", fragile)
    faq = copy_faq(tmp_path)
    telegram = {"token": TEST_TOKEN, "base_url": fake_api.base_url, "rate_per_second": 1000}
    app = BotApp(make_settings(database_url, telegram=telegram, roles={"admins": ["telegram:1"]}, bot={"faq_path": str(faq)}))
    await app.start()
    channel = app.services.channels["telegram"]

    async def admin(action: Any) -> None:
        """Do ``action`` as the admin and wait for the bot's answer."""
        before = len(fake_api.sent(1))
        await action
        await fake_api.wait_for(lambda: len(fake_api.sent(1)) > before, timeout=10)

    def button(label: str) -> str:
        return next(b["callback_data"] for b in fake_api.buttons(fake_api.sent(1)[-1]) if label in b["text"])

    try:
        question = "apakah peserta bimtek wajib memakai seragam batik?"
        await fake_api.send_text(608, question)
        await fake_api.wait_for_messages(608, 1)
        async with app.services.db.session() as session:
            asked = (await session.exec(select(Question).where(Question.text == question))).one()
        await admin(fake_api.press(1, channel.signer.sign("telegram:1", f"inbox:f:q{asked.id}")))
        await admin(fake_api.press(1, button("Topik baru")))
        await admin(fake_api.send_text(1, "Peserta Bimtek memakai pakaian dinas harian; batik tidak wajib."))
        await admin(fake_api.send_text(1, "Seragam Bimtek"))
        await admin(fake_api.send_text(1, "-"))
        kirim = button("Kirim")
        await app.inbox.stop()
        # The admin's Kirim and someone else's press whose handler fails, in one batch.
        updates = [
            {"update_id": 95_000, **fake_api.text_update(614, "slow")},
            {"update_id": 95_001, **_press(1, kirim)},
            {"update_id": 95_002, **_press(613, "x")},
        ]
        await app.inbox.accept([channel.to_inbound(u) for u in updates])
        before = len(fake_api.sent(1))
        await app.inbox.handle_waiting()
        await fake_api.wait_for(lambda: len(fake_api.sent(1)) > before and bool(fake_api.sent(613)), timeout=20)
        assert "topik seragam-bimtek" in fake_api.sent(1)[-1].params["text"]
        text = faq.read_text()
        assert text.count('topic_id = "Seragam Bimtek"') == 1 and "seragam-bimtek-2" not in text
    finally:
        await app.stop()
