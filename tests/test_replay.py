"""Every payload of the replay corpus (tests/data/replay) through both real webhooks of a running app.

Each payload is delivered as a first delivery (the corpus reuses message ids, which the inbox would
otherwise drop as repeats): a 200, no exception logged, a reply to what a person said in a private
chat and none to events (reactions, statuses, member updates, polls, boosts, edits…).
"""

from __future__ import annotations

import hashlib
import hmac
import logging
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest
from sqlmodel import delete

from bot.app import BotApp
from models.tables import Contact, InboxItem
from tests.conftest import TEST_TOKEN, make_settings
from tests.fake_graph import FakeGraphServer
from tests.fake_telegram import FakeTelegramServer

REPLAY = Path(__file__).resolve().parent / "data" / "replay"
SECRET = "replay-webhook-secret-123"
APP_SECRET = "replay-app-secret"
PHONE_NUMBER_ID = "1122334455667"  # the business number most corpus payloads are addressed to

# What each payload must get: "reply" (a person wrote in a private chat) or "silent".
TELEGRAM = {
    "001_message_text_link_preview.json": "reply",
    "002_message_story_supergroup.json": "silent",  # groups are not served
    "003_message_command_reply_to_story.json": "silent",
    "004_message_text_private.json": "reply",
    "005_message_pinned_message.json": "silent",
    "006_message_dice.json": "silent",
    "007_unknown_update_kind.json": "silent",
    "008_my_chat_member_member_to_kicked_blocked.json": "silent",
    "009_message_reaction_user_added.json": "silent",
    "010_message_reaction_actor_chat_removed.json": "silent",
    "011_message_reaction_count.json": "silent",
    "012_chat_boost.json": "silent",
    "013_removed_chat_boost.json": "silent",
    "014_message_video.json": "reply",  # "please type": media outside a step that asks for it
    "015_message_video_media_group.json": "reply",
    "016_message_text_emoji_cyrillic.json": "reply",
    "017_message_sticker_animated.json": "reply",
    "018_message_photo.json": "reply",
    "019_message_forwarded_anonymous_admin.json": "silent",
    "020_message_migrate_to_chat_id.json": "silent",
    "021_message_migrate_from_chat_id.json": "silent",
    "022_message_venue.json": "silent",  # no sender (from) in the source
    "023_message_video_chat_started.json": "silent",
    "024_message_photo_caption_entities.json": "reply",
    "025_message_dice_dart.json": "reply",
    "026_message_audio_duplicate_key.json": "silent",  # sent by a bot account: never answered
    "027_message_sticker_supergroup.json": "silent",
    "028_message_sticker_old_no_thumb.json": "silent",
    "029_message_document_empty_thumb.json": "silent",
    "030_message_photo_old_no_unique_id.json": "silent",
    "031_message_video_caption_empty.json": "silent",
    "032_message_location.json": "silent",
    "033_message_text_update.json": "silent",
    "034_message_poll_regular.json": "reply",
    "035_poll_answer.json": "silent",
    "036_chat_member_member_to_left.json": "silent",
    "037_chat_member_member_to_administrator.json": "silent",
    "038_multi_kind_update_invalid.json": "reply",  # its message part is a person's private text
    "039_message_forward_reply_text_audio_voice_document.json": "reply",
    "040_edited_message_channel_chat.json": "silent",
    "041_inline_query_with_location.json": "silent",
    "042_chosen_inline_result_inline_message_id.json": "silent",
    "043_callback_query_inline_message_id_data.json": "silent",
    "ours/101_command_for_another_bot.json": "silent",
    "ours/102_command_for_this_bot.json": "reply",
    "ours/103_document_without_file_size.json": "reply",
    "ours/104_my_chat_member_member_to_kicked.json": "silent",
    "ours/105_my_chat_member_kicked_to_member.json": "silent",
    "ours/106_callback_query_with_message.json": "reply",
    "ours/107_channel_post.json": "silent",
}
WHATSAPP = {
    "001_text.json": "reply",
    "002_image.json": "reply",
    "003_video_forwarded.json": "reply",
    "004_document.json": "reply",
    "005_audio.json": "reply",
    "006_audio_voice.json": "reply",
    "007_sticker_static.json": "reply",
    "008_sticker_animated.json": "reply",
    "009_reaction_added.json": "silent",
    "010_reaction_removed_empty.json": "silent",
    "011_reaction_removed_no_emoji.json": "silent",
    "012_location_current.json": "reply",
    "013_location_chosen.json": "reply",
    "014_contacts.json": "reply",
    "015_order.json": "reply",
    "016_unsupported_unknown_type.json": "reply",
    "017_text_reply_context.json": "reply",
    "018_text_forwarded.json": "reply",
    "019_text_frequently_forwarded.json": "reply",
    "020_interactive_with_value_errors.json": "reply",  # a press the bot cannot read: "no longer valid"
    "021_referral_ad.json": "reply",
    "022_interactive_button_reply.json": "reply",
    "023_button_template_quick_reply.json": "reply",
    "024_interactive_list_reply.json": "reply",
    "025_interactive_list_reply_description.json": "reply",
    "026_interactive_nfm_reply_flow.json": "reply",
    "027_status_sent.json": "silent",
    "028_status_delivered.json": "silent",
    "029_status_read.json": "silent",
    "030_status_failed_130472.json": "silent",
    "031_status_sent_biz_opaque.json": "silent",
    "032_system_user_changed_number.json": "silent",
    "033_system_user_changed_user_id.json": "silent",
    "034_system_identity_changed.json": "silent",
    "035_revoke_deleted.json": "silent",
    "036_edit_text.json": "silent",
    "037_edit_caption_image.json": "silent",
    "038_request_welcome_chat_opened.json": "silent",
    "039_smb_message_echoes.json": "silent",
    "040_user_preferences_marketing.json": "silent",
    "041_status_sent_captured_other_phone_number_id.json": "silent",
    "042_status_read_captured_other_phone_number_id.json": "silent",
    "043_text_messaging_product_music_odd.json": "silent",  # addressed to another phone_number_id
}


def _files(channel: str) -> set[str]:
    folder = REPLAY / channel
    ours = REPLAY / "ours" / channel
    return {p.name for p in folder.glob("*.json")} | ({f"ours/{p.name}" for p in ours.glob("*.json")} if ours.exists() else set())


def test_every_payload_has_an_expectation() -> None:
    assert _files("telegram") == set(TELEGRAM)
    assert _files("whatsapp") == set(WHATSAPP)


@pytest.fixture
async def running(database_url: str, fake_api: FakeTelegramServer) -> AsyncIterator[tuple[BotApp, FakeGraphServer]]:
    graph = FakeGraphServer()
    await graph.start()
    settings = make_settings(
        database_url,
        telegram={"token": TEST_TOKEN, "base_url": fake_api.base_url, "rate_per_second": 1000, "mode": "webhook",
                  "webhook_url": "https://bot.example.go.id/telegram/webhook", "webhook_secret": SECRET},
        whatsapp={"enabled": True, "phone_number_id": PHONE_NUMBER_ID, "access_token": graph.token, "app_secret": APP_SECRET,
                  "verify_token": "v", "api_base_url": graph.base_url},
    )  # fmt: skip
    app = BotApp(settings)
    await app.start(scheduler=False)
    yield app, graph
    await app.stop()
    await graph.stop()


def _telegram_sends(fake: FakeTelegramServer) -> int:
    return len([c for c in fake.calls if c.method in ("sendMessage", "sendDocument")])


async def test_the_replay_corpus_through_both_webhooks(
    running: tuple[BotApp, FakeGraphServer], fake_api: FakeTelegramServer, caplog: pytest.LogCaptureFixture
) -> None:
    app, graph = running
    assert app.http is not None
    base = f"http://127.0.0.1:{app.http.port}"
    wrong: list[str] = []
    caplog.set_level(logging.INFO)
    async with aiohttp.ClientSession() as http:
        for name, expected in sorted(TELEGRAM.items()):
            body = (REPLAY / "telegram" / name).read_bytes() if not name.startswith("ours/") else (REPLAY / "ours" / "telegram" / name[5:]).read_bytes()
            before = _telegram_sends(fake_api)
            headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET, "Content-Type": "application/json"}
            async with http.post(f"{base}/telegram/webhook", data=body, headers=headers) as resp:
                if resp.status != 200:
                    wrong.append(f"telegram/{name}: HTTP {resp.status}")
            await app.inbox.join()
            got = "reply" if _telegram_sends(fake_api) > before else "silent"
            if got != expected:
                wrong.append(f"telegram/{name}: {got}, expected {expected}")
            await _forget_deliveries(app)
        for name, expected in sorted(WHATSAPP.items()):
            body = (REPLAY / "whatsapp" / name).read_bytes()
            before = len(graph.messages())
            signature = "sha256=" + hmac.new(APP_SECRET.encode(), body, hashlib.sha256).hexdigest()
            headers = {"X-Hub-Signature-256": signature, "Content-Type": "application/json"}
            async with http.post(f"{base}/whatsapp/webhook", data=body, headers=headers) as resp:
                if resp.status != 200:
                    wrong.append(f"whatsapp/{name}: HTTP {resp.status}")
            await app.inbox.join()
            got = "reply" if len(graph.messages()) > before else "silent"
            if got != expected:
                wrong.append(f"whatsapp/{name}: {got}, expected {expected}")
            await _forget_deliveries(app)
    assert wrong == [], "\n".join(wrong)
    failures = [r for r in caplog.records if r.exc_info or r.levelno >= logging.ERROR]
    assert failures == [], [r.getMessage() for r in failures]
    assert fake_api.downloads == 0 and graph.downloads == 0  # nobody's step asked for a file
    async with app.services.db.session() as session:
        unblocked = await session.get(Contact, "telegram:424242001")
    assert unblocked is not None and unblocked.reachable  # blocked by 104, allowed again by 105


async def _forget_deliveries(app: BotApp) -> None:
    """Let the next payload count as a first delivery even where the corpus reuses its id."""
    async with app.services.db.session() as session:
        await session.exec(delete(InboxItem))  # type: ignore[call-overload]
        await session.commit()
