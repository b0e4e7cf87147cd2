from __future__ import annotations

import tomllib
from pathlib import Path

from bot.i18n import LOCALES, placeholders
from bot.messages import Incoming
from tests.conftest import Harness, labels, text_of


def test_every_locale_has_every_key_with_the_same_placeholders() -> None:
    tables = {}
    for file in sorted(LOCALES.glob("*.toml")):
        from bot.i18n import _flatten

        tables[file.stem] = _flatten(tomllib.loads(file.read_text()))
    assert set(tables) >= {"id", "en"}
    keys = set(tables["id"])
    for lang, table in tables.items():
        assert set(table) == keys, (lang, set(table) ^ keys)
        for key in keys:
            assert placeholders(table[key]) == placeholders(tables["id"][key]), (lang, key)
            assert table[key].strip(), (lang, key)


def test_handlers_import_no_transport() -> None:
    for file in (Path(__file__).resolve().parent.parent / "handlers").glob("*.py"):
        source = file.read_text()
        assert "import telegram" not in source and "from telegram" not in source, file
        assert "import aiohttp" not in source and "from aiohttp" not in source, file


async def test_start_greets_in_indonesian_with_menu(harness: Harness) -> None:
    replies = await harness.say("telegram:500", "/start", name="Ketut Sari")
    assert "Om Swastyastu, Bapak/Ibu Ketut" in replies[0].text
    assert "Sekolah Penggerak" in replies[0].text
    assert any("Bahasa" in label for label in labels(replies))
    for word in ("halo", "Menu", "/menu@psp_test_bot"):
        assert "Om Swastyastu" in text_of(await harness.say("telegram:500", word))
    assert "📝 Daftar PSP" in labels(replies)


async def test_staff_menus_do_not_offer_registration(harness: Harness) -> None:
    coordinator = labels(await harness.say("telegram:2", "/menu"))
    admin = labels(await harness.say("telegram:1", "/menu"))
    assert "📊 Rekap kecamatan" in coordinator and "📈 Statistik" in admin
    assert "📝 Daftar PSP" not in coordinator + admin


async def test_help_depends_on_role(harness: Harness) -> None:
    public = text_of(await harness.say("telegram:500", "/bantuan"))
    assert "/bahasa" in public and "/pengingat" in public
    assert "garis miring" not in public  # Telegram users have the slash menu
    console = text_of(await harness.say("console:ops", "bantuan"))
    assert "tanpa garis miring" in console


async def test_language_switch_by_button_and_word(harness: Harness) -> None:
    await harness.say("telegram:500", "/bahasa")
    replies = await harness.press("telegram:500", "English")
    assert "English" in text_of(replies)
    assert "welcome" in text_of(await harness.say("telegram:500", "/start"))
    assert "Bahasa Indonesia" in text_of(await harness.say("telegram:500", "bahasa id"))
    replies = await harness.say("telegram:500", "bahasa klingon")
    assert "belum tersedia" in text_of(replies)


async def test_reminder_toggle_shows_state(harness: Harness) -> None:
    assert "NONAKTIF" in text_of(await harness.say("telegram:500", "/pengingat"))
    assert "AKTIF" in text_of(await harness.press("telegram:500", "Nyalakan"))
    assert "NONAKTIF" in text_of(await harness.say("telegram:500", "pengingat off"))
    # staff are subscribed by default
    assert ": AKTIF" in text_of(await harness.say("telegram:2", "/pengingat"))


async def test_unknown_command_and_non_text_and_bad_buttons(harness: Harness) -> None:
    assert "tidak saya kenali" in text_of(await harness.say("telegram:500", "/terbang"))
    media = await harness.send(Incoming(channel="telegram", external_id="500", kind="media"))
    assert "pesan teks" in text_of(media)
    edited = await harness.send(Incoming(channel="telegram", external_id="500", kind="edited"))
    assert "diubah" in text_of(edited)
    forged = await harness.send(Incoming(channel="telegram", external_id="500", kind="bad_button"))
    assert "tidak berlaku" in text_of(forged)
    unknown = await harness.payload("telegram:500", "hapus_semua:1")
    assert "tidak berlaku" in text_of(unknown)


async def test_roles_follow_config(harness: Harness) -> None:
    await harness.say("telegram:1", "/start")
    await harness.say("telegram:2", "/start")
    await harness.say("telegram:500", "/start")  # not named in the config
    from models.tables import Contact

    async with harness.services.db.session() as session:
        admin = await session.get(Contact, "telegram:1")
        coordinator = await session.get(Contact, "telegram:2")
        public = await session.get(Contact, "telegram:500")
    assert admin is not None and admin.role == "admin"
    assert coordinator is not None and coordinator.role == "coordinator" and coordinator.kecamatan == "Seririt"
    assert public is not None and public.role == "public" and public.kecamatan is None
    # The stored roles decide what each may do: only the admin gets the statistics.
    assert "tidak tersedia" in text_of(await harness.say("telegram:500", "/statistik"))
    assert "tidak tersedia" in text_of(await harness.say("telegram:2", "/statistik"))
    assert "tidak tersedia" not in text_of(await harness.say("telegram:1", "/statistik"))


async def test_faq_topic_list_offers_the_main_menu(harness: Harness) -> None:
    replies = await harness.say("telegram:500", "/tanya")
    assert "Silakan ketik pertanyaan" in text_of(replies)
    assert labels(replies)[-1] == "Menu utama" and len(labels(replies)) > 1  # topics, then the way back
