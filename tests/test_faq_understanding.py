"""Issue #11: the FAQ understands principals who never saw the knowledge base, and says only what the sources support."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.config import DEFAULT_FAQ_PATH
from bot.i18n import own_texts
from handlers.faqkb import lexicon, matcher
from handlers.faqkb.affixes import stem_candidates
from handlers.faqkb.knowledge import audit_sources, dates_in, load_file
from handlers.faqkb.language import question_language
from handlers.faqkb.matcher import FaqEngine, time_conversion, without_school_names
from handlers.faqkb.normalise import Vocabulary, clock_words, fold, join_dictated, raw_tokens, without_addressee, without_hearsay
from handlers.faqkb.smalltalk import small_talk
from tests.conftest import Harness, clean_env, copy_faq, labels, text_of
from tests.fake_telegram import FakeTelegramServer
from tests.faq_scoring import score_file, score_rows
from tests.test_telegram_adapter import start_bot

DATA = Path(__file__).resolve().parent / "data"
ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "data" / "sources"

# SPEC §3a, word for word, and the forms the issue reports as refused.
SMALL_TALK = [
    "om swastyastu",
    "Om Swastyastu",
    "selamat pagi pak",
    "assalamualaikum",
    "Assalamu'alaikum wr wb",
    "makasih bnyk infonya pak",  # a chat spelling of a small-talk word (the colloquial lexicon)
    "siang pakk",  # a form of address with a letter doubled
    "Baik bu, sdh saya pahami.",
    "thanks, that's clear now",
    "ok, got it 👍",
    "sip, sudah masuk ternyata, suksma",
    "noted, will forward it to the guru",
    "Om Santih Santih Santih Om 🙏",  # the Hindu closing
    "salam sejahtera",
    "terima kasih",
    "makasih",
    "suksma",
    "matur suksma",
    "nggih",
    "ok",
    "siap",
    "👍",
    "🙏",
    "terima kasih banyak atas infonya 🙏",
    "good morning",
    "thanks",
    # a name after the form of address: capitalised, or a Balinese name typed in lower case
    "selamat pagi bu Komang",
    "suksma pak Ketut Agus",
    "makasih bu kadek",
    # what the help was worth
    "makasih infonya min, sangat membantu",
    "thanks a lot, very helpful",
    # the Balinese "good day"; "noted"; chat's forms of address; "that's"
    "rahajeng rahina, suksma pak",
    "baik pak, sudah saya catat",
    "sip gan, noted ya",
    "OK that's great, thanks a lot",
    "ok thank you, have a nice weekend",
    # a long courtesy word with one letter wrong, missing or swapped, as on a cracked screen
    "good mornimg sir",
    "selamt pagi pak",
    "thnaks pak",
]


@pytest.fixture(scope="module")
def engine() -> FaqEngine:
    return FaqEngine.from_file(DEFAULT_FAQ_PATH)


# (file, rows in/out/nofact/chat, in-scope answered at least, off-topic declined at least, nofact forwarded at least, wrong at most)
HELD_OUT = [
    # Set 1: written by someone who never saw data/faq.toml; first run before any change for the
    # issue: 63/102 in scope, 18/28 off-topic declined.
    ("faq-heldout-1.tsv", (102, 28, 15, 17), 102, 28, 15, 0),
    # Set 2: written blind; first run on the merged engine: 81/103 in scope, 6 wrong of 161.
    # ("nyepi tahun depan tgl brp" is asked back since the examples: queued, not answered)
    ("faq-heldout-2.tsv", (103, 27, 14, 17), 102, 26, 14, 0),
    # Set 3: written blind; first run on the final round-2 engine: 125/153 in scope, 15 wrong of 230.
    ("faq-heldout-3.tsv", (153, 35, 21, 21), 152, 35, 18, 4),
    # Set 4: written blind; first run on the final round-3 engine: 79/112 in scope, 13 wrong of 174.
    ("faq-heldout-4.tsv", (112, 25, 21, 16), 111, 25, 21, 0),
    # Set 5: written blind; first run on the final round-4 engine: 86/112 in scope, 7 wrong of 172.
    ("faq-heldout-5.tsv", (112, 25, 20, 15), 110, 25, 20, 1),
    # Set 6: written blind; first run on the final round-5 engine: 92/116 in scope, 8 wrong of 176.
    ("faq-heldout-6.tsv", (116, 25, 20, 15), 111, 25, 19, 2),
    # Set 7: written blind; first run on the final round-6 engine: 87/112 in scope, 12 wrong of 174.
    ("faq-heldout-7.tsv", (112, 25, 21, 16), 112, 25, 20, 1),
    # Set 8: written blind after the examples file; first run 73/80 in scope, 3 wrong of 120.
    ("faq-heldout-8.tsv", (80, 15, 15, 10), 79, 15, 15, 0),
    # Set 9: written blind at the end of the examples round; first run 75/80 in scope, 5 wrong of 120.
    ("faq-heldout-9.tsv", (80, 15, 15, 10), 79, 15, 14, 2),
    # Set 10: written blind at the start of the next round; first run 75/80 in scope, 5 wrong of 120.
    ("faq-heldout-10.tsv", (80, 15, 15, 10), 80, 15, 15, 0),
    # Set 11: written blind at the end of round 8; first run 72/80 in scope, 4 wrong of 120.
    ("faq-heldout-11.tsv", (80, 15, 15, 10), 78, 15, 15, 0),
    # Set 12: written blind after round 9; first run 66/80 in scope, 8 wrong of 120 (many questions
    # about the bot's own behaviour).
    ("faq-heldout-12.tsv", (80, 15, 15, 10), 78, 15, 15, 2),
    # Set 13: written blind at the end of round 9; first run 75/80 in scope, 3 wrong of 120.
    ("faq-heldout-13.tsv", (80, 15, 15, 10), 79, 15, 13, 3),
    # Set 14: written blind after the last fixes of round 9; first run 65/80 in scope, 7 wrong of 120.
    ("faq-heldout-14.tsv", (80, 15, 15, 10), 77, 15, 14, 4),
    # Set 15: written blind at the start of round 10; first run 77/80 in scope, 4 wrong of 120.
    ("faq-heldout-15.tsv", (80, 15, 15, 10), 80, 14, 15, 0),
    # Sets 16 and 17: written blind during round 10, first run at its end: 77/80 and 78/80 in
    # scope, 2 and 4 wrong of 120.
    ("faq-heldout-16.tsv", (80, 15, 15, 10), 80, 15, 15, 0),
    ("faq-heldout-17.tsv", (80, 15, 15, 10), 80, 15, 15, 0),
    # Sets 18 (English, dictated, long) and 19 (operators, korwil and staff, letters): written blind
    # during round 11, first run at its end: 74/80 and 65/80 in scope, 6 and 4 wrong of 120.
    ("faq-heldout-18.tsv", (80, 15, 15, 10), 79, 15, 15, 1),
    # (74 → 73 in round 23: "npsn paud kami ada huruf nya, … bot mau terima gak?" now ties between the NPSN topic and the
    # form's formats and is asked back — the NPSN topic's answer grew by the NIP's parts)
    ("faq-heldout-19.tsv", (80, 15, 15, 10), 73, 14, 15, 0),
    # Sets 20 and 21: written blind during round 11, first run at its end: 75/80 and 66/80 in scope,
    # 3 and 10 wrong of 120 (set 21's writers: formal letters, an English partner, heavy slang).
    ("faq-heldout-20.tsv", (80, 15, 15, 10), 80, 15, 15, 0),
    ("faq-heldout-21.tsv", (80, 15, 15, 10), 76, 15, 15, 2),
    # Sets 22–25: written blind during round 12; first runs 77/80 (on the round's start), 72/80,
    # 76/80 and 70/80 in scope, 6, 1, 4 and 6 wrong of 120.
    ("faq-heldout-22.tsv", (80, 15, 15, 10), 80, 15, 15, 0),
    ("faq-heldout-23.tsv", (80, 15, 15, 10), 77, 15, 15, 1),
    ("faq-heldout-24.tsv", (80, 15, 15, 10), 79, 14, 14, 1),
    ("faq-heldout-25.tsv", (80, 15, 15, 10), 78, 15, 14, 2),
    # Sets 26 and 27: written blind at the end of round 12, first run on its engine: 75/80 and
    # 74/80 in scope, 2 and 0 wrong of 120.
    ("faq-heldout-26.tsv", (80, 15, 15, 10), 78, 15, 15, 2),
    ("faq-heldout-27.tsv", (80, 15, 15, 10), 78, 15, 15, 0),
    # Sets 28 and 29: written blind at the very end of round 12, first run on its engine: 77/80 and
    # 75/80 in scope, 3 and 5 wrong of 120.
    ("faq-heldout-28.tsv", (80, 15, 15, 10), 78, 15, 15, 2),
    ("faq-heldout-29.tsv", (80, 15, 15, 10), 79, 15, 15, 1),
    # Sets 30 and 31: written blind after round 12's review, first run on its engine: 77/80 and 73/80
    # in scope, 4 and 2 wrong of 120 (then "have a good day" was made small talk).
    ("faq-heldout-30.tsv", (80, 15, 15, 10), 80, 15, 15, 0),
    ("faq-heldout-31.tsv", (80, 15, 15, 10), 79, 15, 15, 0),
    # Sets 32–40: written blind during and after round 13, first runs in each file's header line.
    ("faq-heldout-32.tsv", (80, 15, 15, 10), 79, 15, 15, 0),
    ("faq-heldout-33.tsv", (80, 15, 15, 10), 78, 14, 14, 2),
    ("faq-heldout-34.tsv", (80, 15, 15, 10), 74, 15, 15, 0),
    # (set 35: "PSP masih lanjut gak di 2025?" is answered since round 14 read "selanjutnya" as "next": nofact 12)
    # (…and round 25: "Buleleng kan masuk angkatan III bareng Gianyar ya, kok … dr 2021?" had passed with cohort III's answer,
    # whose "Angkatan III" holds the wanted "angkatan i"; the two regencies compared now ask back with the cohorts of Bali: 75)
    ("faq-heldout-35.tsv", (80, 15, 15, 10), 75, 15, 13, 4),
    ("faq-heldout-36.tsv", (80, 15, 15, 10), 78, 15, 15, 1),
    # (78 → 77 in round 28: "start" read as "mulai" answers five English rows of other sets right ("stage 2 start date",
    # "verification and scoring start for cohort three", …) and asks back on a sixth it answered wrongly, and asks back between
    # registering and the bot's channels on "… daftar PSP lewat bot ini, mulainya ketik apa?")
    ("faq-heldout-37.tsv", (80, 15, 15, 10), 77, 15, 13, 3),
    ("faq-heldout-38.tsv", (80, 15, 15, 10), 80, 15, 14, 1),
    ("faq-heldout-39.tsv", (80, 15, 15, 10), 79, 15, 14, 2),
    # (77 → 76 in round 21: "… nationally in its first year (2021/22)?" is asked back since "2021/22" reads as the
    # school year 2021/2022, whose "2022" many topics use; the same reading answers three others of sets 80, 96 and 110)
    ("faq-heldout-40.tsv", (80, 15, 15, 10), 76, 14, 13, 2),
    # Sets 41–48: written blind during and at the end of round 14, first runs in each file's header line.
    ("faq-heldout-41.tsv", (80, 15, 15, 10), 76, 15, 14, 1),
    ("faq-heldout-42.tsv", (80, 15, 15, 10), 80, 15, 15, 0),
    ("faq-heldout-43.tsv", (80, 15, 15, 10), 78, 15, 13, 3),
    ("faq-heldout-44.tsv", (80, 15, 15, 10), 77, 15, 15, 0),
    ("faq-heldout-45.tsv", (80, 15, 15, 10), 78, 15, 15, 1),
    # (nofact 13 → 12 and wrong 5 → 6 in round 16: "berapa SD … lolos … angkatan 1" is now narrowly the
    # cohort's topic, when naming the current-figures topic for lists of PSP schools by kecamatan took
    # nine other wrong answers off the public sets)
    ("faq-heldout-46.tsv", (80, 15, 15, 10), 75, 15, 13, 5),
    # (80 → 79 in round 22: "when the PMO Bimtek took place and who organised it?" — "took place" is now "held", and the
    # message ties between the Bimtek's dates and its organiser, asked back; it was answered with the organiser's topic)
    ("faq-heldout-47.tsv", (80, 15, 15, 10), 79, 15, 13, 2),
    ("faq-heldout-48.tsv", (80, 15, 15, 10), 80, 15, 13, 2),
    ("faq-heldout-49.tsv", (80, 15, 15, 10), 75, 15, 15, 1),
    ("faq-heldout-50.tsv", (80, 15, 15, 10), 80, 14, 14, 1),
    ("faq-heldout-51.tsv", (80, 15, 15, 10), 79, 15, 12, 3),
    ("faq-heldout-52.tsv", (80, 15, 15, 10), 71, 15, 13, 7),
    ("faq-heldout-53.tsv", (80, 15, 15, 10), 78, 14, 15, 2),
    ("faq-heldout-54.tsv", (80, 15, 15, 10), 75, 15, 15, 1),
    ("faq-heldout-55.tsv", (80, 15, 15, 10), 76, 14, 14, 2),
    # Round 16: sets 56–58 first run on the round's start, 59–64 in its middle, 65–67 at its end (see each
    # file's header); bounds at the round's end
    ("faq-heldout-56.tsv", (80, 15, 15, 10), 74, 15, 13, 2),
    ("faq-heldout-57.tsv", (80, 15, 15, 10), 79, 15, 14, 1),
    ("faq-heldout-58.tsv", (80, 15, 15, 10), 78, 15, 15, 0),
    ("faq-heldout-59.tsv", (80, 15, 15, 10), 77, 13, 15, 0),
    ("faq-heldout-60.tsv", (80, 15, 15, 10), 74, 15, 13, 2),
    # (75 → 74 in round 23: "katanya sekolah penggerak harus langsung bagus dlm setahun, … bener gak?" is asked back: "bener"
    # as the check's tag is no word of a topic any more, which across all sets took two wrong answers out)
    ("faq-heldout-61.tsv", (80, 15, 15, 10), 74, 15, 15, 2),
    ("faq-heldout-62.tsv", (80, 15, 15, 10), 75, 15, 14, 2),
    ("faq-heldout-63.tsv", (80, 15, 15, 10), 79, 14, 15, 0),
    ("faq-heldout-64.tsv", (80, 15, 15, 10), 74, 15, 14, 1),
    ("faq-heldout-65.tsv", (80, 15, 15, 10), 77, 13, 14, 0),
    ("faq-heldout-66.tsv", (80, 15, 15, 10), 75, 15, 14, 3),
    ("faq-heldout-67.tsv", (80, 15, 15, 10), 74, 15, 14, 3),
    # …and 68–70 written after the round's last change, first run on its end (no change for them)
    ("faq-heldout-68.tsv", (80, 15, 15, 10), 78, 14, 14, 3),
    ("faq-heldout-69.tsv", (80, 15, 15, 10), 78, 15, 14, 2),
    ("faq-heldout-70.tsv", (80, 15, 15, 10), 74, 14, 15, 1),
    # Round 17: sets 71–73 written after round 16's end, first run on it before any change (each file's header)
    ("faq-heldout-71.tsv", (80, 15, 15, 10), 80, 14, 15, 0),
    ("faq-heldout-72.tsv", (80, 15, 15, 10), 80, 14, 15, 0),
    ("faq-heldout-73.tsv", (80, 15, 15, 10), 79, 15, 14, 2),
    # …and 74–76 written during the round, first run after its changes to the matcher
    ("faq-heldout-74.tsv", (80, 15, 15, 10), 76, 15, 15, 1),
    ("faq-heldout-75.tsv", (80, 15, 15, 10), 78, 15, 14, 2),
    ("faq-heldout-76.tsv", (80, 15, 15, 10), 79, 15, 14, 0),
    # Round 18: sets 77–79 written after round 17's end, first run on it before any change (each file's header)
    ("faq-heldout-77.tsv", (80, 15, 15, 10), 79, 15, 15, 0),
    ("faq-heldout-78.tsv", (80, 15, 15, 10), 80, 15, 15, 0),
    ("faq-heldout-79.tsv", (80, 15, 15, 10), 80, 15, 15, 0),
    # …80–82 written during the round, first run after its first changes; 83–85 before its last two (made from their misses)
    ("faq-heldout-80.tsv", (80, 15, 15, 10), 79, 15, 15, 1),
    ("faq-heldout-81.tsv", (80, 15, 15, 10), 79, 15, 15, 0),
    ("faq-heldout-82.tsv", (80, 15, 15, 10), 78, 14, 13, 3),
    ("faq-heldout-83.tsv", (80, 15, 15, 10), 79, 15, 14, 2),
    # (79 → 78 in round 21: "pas bimtek maret itu buleleng sudah sampai tahap apa" is asked back, a three-way near tie
    # of 0.505/0.495/0.493 it once won by 0.001)
    ("faq-heldout-84.tsv", (80, 15, 15, 10), 79, 15, 15, 0),
    ("faq-heldout-85.tsv", (80, 15, 15, 10), 77, 15, 14, 1),
    # …86–88 written at the round's end, first run on its last change but one
    ("faq-heldout-86.tsv", (80, 15, 15, 10), 78, 15, 15, 2),
    ("faq-heldout-87.tsv", (80, 15, 15, 10), 80, 15, 14, 1),
    ("faq-heldout-88.tsv", (80, 15, 15, 10), 79, 14, 15, 1),
    # Round 19: sets 89–91 written blind after round 18's last change, first run on its end (each file's header)
    ("faq-heldout-89.tsv", (80, 15, 15, 10), 80, 15, 15, 0),
    ("faq-heldout-90.tsv", (80, 15, 15, 10), 78, 15, 15, 0),
    ("faq-heldout-91.tsv", (80, 15, 15, 10), 80, 15, 14, 1),
    # …92–94 written at its start, first run on it; 95–97 written in its middle, first run before any change for them
    ("faq-heldout-92.tsv", (80, 15, 15, 10), 79, 15, 14, 1),
    ("faq-heldout-93.tsv", (80, 15, 15, 10), 80, 15, 14, 0),
    ("faq-heldout-94.tsv", (80, 15, 15, 10), 75, 15, 15, 3),
    ("faq-heldout-95.tsv", (80, 15, 15, 10), 80, 15, 15, 0),
    ("faq-heldout-96.tsv", (80, 15, 15, 10), 80, 15, 15, 0),
    ("faq-heldout-97.tsv", (80, 15, 15, 10), 76, 15, 15, 3),
    # …98–100 written after its last change to the matcher, first run on it (no change for them)
    ("faq-heldout-98.tsv", (80, 15, 15, 10), 79, 15, 15, 0),
    ("faq-heldout-99.tsv", (80, 15, 15, 10), 79, 15, 15, 0),
    ("faq-heldout-100.tsv", (80, 15, 15, 10), 79, 15, 15, 1),
    # Round 20: 101–103 written at round 19's end and 104–106 during round 20, first runs in each file's header
    ("faq-heldout-101.tsv", (80, 15, 15, 10), 80, 15, 15, 0),
    ("faq-heldout-102.tsv", (80, 15, 15, 10), 76, 15, 15, 0),
    ("faq-heldout-103.tsv", (80, 15, 15, 10), 79, 15, 15, 0),
    ("faq-heldout-104.tsv", (80, 15, 15, 10), 79, 15, 15, 0),
    ("faq-heldout-105.tsv", (80, 15, 15, 10), 77, 15, 15, 1),
    ("faq-heldout-106.tsv", (80, 15, 15, 10), 79, 15, 15, 0),
    # …107–109 written after the round's last change to the matcher, first run on it
    ("faq-heldout-107.tsv", (80, 15, 15, 10), 78, 15, 15, 1),
    ("faq-heldout-108.tsv", (80, 15, 15, 10), 76, 15, 15, 3),
    ("faq-heldout-109.tsv", (80, 15, 15, 10), 79, 15, 15, 1),
    # round 21: 110–115 written blind at round 20's end, first run on it
    ("faq-heldout-110.tsv", (80, 15, 15, 10), 78, 15, 14, 1),
    # (wrong 0 → 1 in round 24: "who are inside the regency PMO team?" is answered with the PMO's members now, whose English
    # answer says "expert coaches" where the set wants "pelatih ahli"; before, it was asked back)
    ("faq-heldout-111.tsv", (80, 15, 15, 10), 78, 15, 15, 1),
    ("faq-heldout-112.tsv", (80, 15, 15, 10), 80, 14, 14, 1),
    ("faq-heldout-113.tsv", (80, 15, 15, 10), 79, 15, 15, 0),
    ("faq-heldout-114.tsv", (80, 15, 15, 10), 78, 15, 15, 0),
    ("faq-heldout-115.tsv", (80, 15, 15, 10), 80, 15, 14, 1),
    # …116–118 written after round 21's last change to the matcher, first run on it
    ("faq-heldout-116.tsv", (80, 15, 15, 10), 76, 15, 15, 0),
    ("faq-heldout-117.tsv", (80, 15, 15, 10), 78, 15, 14, 2),
    ("faq-heldout-118.tsv", (80, 15, 15, 10), 79, 14, 15, 0),
    # …119–121 written after it too, first run on 94e220d (the same matcher; three answers reworded): not yet worked on
    ("faq-heldout-119.tsv", (80, 15, 15, 10), 80, 15, 14, 1),
    ("faq-heldout-120.tsv", (80, 15, 15, 10), 80, 15, 15, 0),
    ("faq-heldout-121.tsv", (80, 15, 15, 10), 72, 15, 13, 6),
    # Sets 122–124: written blind at round 21's end (2e89252) and scored first on it (first runs in their headers)
    ("faq-heldout-122.tsv", (80, 15, 15, 10), 75, 15, 15, 0),
    ("faq-heldout-123.tsv", (80, 15, 15, 10), 78, 15, 14, 2),
    ("faq-heldout-124.tsv", (80, 15, 15, 10), 76, 15, 15, 0),
    # Sets 125–127: written blind during round 22 and scored first on 77fd212 (first runs in their headers)
    ("faq-heldout-125.tsv", (80, 15, 15, 10), 80, 15, 14, 1),
    ("faq-heldout-126.tsv", (80, 15, 15, 10), 79, 15, 14, 1),
    ("faq-heldout-127.tsv", (80, 15, 15, 10), 79, 14, 14, 1),
    # …128–133 written blind after round 22's last change to the matcher (bea6e01), first run on it (worked on in round 23)
    ("faq-heldout-128.tsv", (80, 15, 15, 10), 79, 15, 15, 1),
    ("faq-heldout-129.tsv", (80, 15, 15, 10), 80, 15, 15, 0),
    ("faq-heldout-130.tsv", (80, 15, 15, 10), 75, 15, 15, 1),
    ("faq-heldout-131.tsv", (80, 15, 15, 10), 75, 15, 13, 3),
    ("faq-heldout-132.tsv", (80, 15, 15, 10), 76, 15, 15, 0),
    ("faq-heldout-133.tsv", (80, 15, 15, 10), 77, 15, 15, 1),
    # Sets 134–136: written blind at round 22's end (5c69709) and scored first on it; 137–139 during round 23, first run on 2f60a38
    ("faq-heldout-134.tsv", (80, 15, 15, 10), 79, 15, 15, 1),
    ("faq-heldout-135.tsv", (80, 15, 15, 10), 79, 15, 15, 1),
    ("faq-heldout-136.tsv", (80, 15, 15, 10), 74, 15, 15, 0),
    ("faq-heldout-137.tsv", (80, 15, 15, 10), 76, 15, 14, 4),
    ("faq-heldout-138.tsv", (80, 15, 15, 10), 80, 15, 15, 0),
    ("faq-heldout-139.tsv", (80, 15, 15, 10), 78, 15, 15, 2),
    # …140–145 written blind after round 23's last change to the matcher (3bfa733), first run on it: not worked on
    ("faq-heldout-140.tsv", (80, 15, 15, 10), 80, 15, 14, 1),
    ("faq-heldout-141.tsv", (80, 15, 15, 10), 79, 15, 14, 2),
    ("faq-heldout-142.tsv", (80, 15, 15, 10), 80, 15, 14, 1),
    ("faq-heldout-143.tsv", (80, 15, 15, 10), 79, 15, 14, 1),
    ("faq-heldout-144.tsv", (80, 15, 15, 10), 79, 15, 15, 0),
    ("faq-heldout-145.tsv", (80, 15, 15, 10), 76, 15, 15, 1),
    # Sets 146–148: written blind at round 23's end (1f550ef), after its last change to the matcher, first run on it; 149–151
    # during round 24, first run on cbe6ea4
    ("faq-heldout-146.tsv", (80, 15, 15, 10), 74, 15, 15, 1),
    ("faq-heldout-147.tsv", (80, 15, 15, 10), 79, 15, 15, 0),
    ("faq-heldout-148.tsv", (80, 15, 15, 10), 77, 15, 14, 1),
    ("faq-heldout-149.tsv", (80, 15, 15, 10), 80, 15, 14, 1),
    ("faq-heldout-150.tsv", (80, 15, 15, 10), 80, 15, 14, 1),
    ("faq-heldout-151.tsv", (80, 15, 15, 10), 79, 15, 15, 0),
    # …152–157 during round 24, first run on dc4264d
    ("faq-heldout-152.tsv", (80, 15, 15, 10), 79, 15, 14, 1),
    ("faq-heldout-153.tsv", (80, 15, 15, 10), 73, 15, 15, 2),
    ("faq-heldout-154.tsv", (80, 15, 15, 10), 76, 15, 14, 1),
    ("faq-heldout-155.tsv", (80, 15, 15, 10), 78, 15, 15, 2),
    ("faq-heldout-156.tsv", (80, 15, 15, 10), 78, 14, 14, 1),
    ("faq-heldout-157.tsv", (80, 15, 15, 10), 77, 15, 15, 1),
    # …158–163 written blind after round 24's last change to the matcher (d8b8a95), first run on it: not worked on
    ("faq-heldout-158.tsv", (80, 15, 15, 10), 80, 15, 15, 0),
    ("faq-heldout-159.tsv", (80, 15, 15, 10), 75, 14, 15, 0),
    ("faq-heldout-160.tsv", (80, 15, 15, 10), 76, 15, 15, 0),
    ("faq-heldout-161.tsv", (80, 15, 15, 10), 80, 15, 15, 0),
    ("faq-heldout-162.tsv", (80, 15, 15, 10), 79, 15, 15, 1),
    ("faq-heldout-163.tsv", (80, 15, 15, 10), 80, 15, 14, 1),
    # Sets 164–175: written blind during round 25 (164–166 at its start, on round 24's end), first runs in each file's header.
    ("faq-heldout-164.tsv", (80, 15, 15, 10), 80, 15, 15, 0),
    ("faq-heldout-165.tsv", (80, 15, 15, 10), 80, 15, 15, 0),
    ("faq-heldout-166.tsv", (80, 15, 15, 10), 72, 15, 15, 2),
    ("faq-heldout-167.tsv", (80, 15, 15, 10), 80, 15, 15, 0),
    ("faq-heldout-168.tsv", (80, 15, 15, 10), 80, 14, 15, 0),
    ("faq-heldout-169.tsv", (80, 15, 15, 10), 78, 15, 15, 1),
    ("faq-heldout-170.tsv", (80, 15, 15, 10), 79, 15, 14, 2),
    ("faq-heldout-171.tsv", (80, 15, 15, 10), 77, 15, 15, 1),
    ("faq-heldout-172.tsv", (80, 15, 15, 10), 80, 15, 15, 0),
    ("faq-heldout-173.tsv", (80, 15, 15, 10), 79, 15, 15, 1),
    ("faq-heldout-174.tsv", (80, 15, 15, 10), 77, 15, 15, 1),
    ("faq-heldout-175.tsv", (80, 15, 15, 10), 78, 15, 15, 1),
    # Sets 176–181: written blind after round 25's last change to the matcher (7970408), at their first run (not worked on;
    # set 177 gained a row from round 26's work on other sets).
    ("faq-heldout-176.tsv", (80, 15, 15, 10), 79, 15, 14, 2),
    ("faq-heldout-177.tsv", (80, 15, 15, 10), 72, 15, 14, 1),
    ("faq-heldout-178.tsv", (80, 15, 15, 10), 75, 15, 15, 1),
    ("faq-heldout-179.tsv", (80, 15, 15, 10), 80, 14, 13, 2),
    ("faq-heldout-180.tsv", (80, 15, 15, 10), 77, 14, 14, 2),
    ("faq-heldout-181.tsv", (80, 15, 15, 10), 73, 15, 15, 3),
    # Sets 182–187: written blind during round 26 (182–184 at its start, 185–187 before any change to the matcher: both
    # first run on round 25's end, 2ac486c), first runs in each file's header.
    ("faq-heldout-182.tsv", (80, 15, 15, 10), 80, 15, 15, 0),
    ("faq-heldout-183.tsv", (80, 15, 15, 10), 80, 15, 14, 1),
    ("faq-heldout-184.tsv", (80, 15, 15, 10), 78, 15, 15, 0),
    ("faq-heldout-185.tsv", (80, 15, 15, 10), 69, 15, 15, 5),
    ("faq-heldout-186.tsv", (80, 15, 15, 10), 67, 13, 12, 9),
    ("faq-heldout-187.tsv", (80, 15, 15, 10), 76, 15, 14, 1),
    # Sets 188–190: written blind during round 26, first run on 6c5fe5d (in each file's header).
    ("faq-heldout-188.tsv", (80, 15, 15, 10), 79, 15, 14, 2),
    ("faq-heldout-189.tsv", (80, 15, 15, 10), 79, 15, 14, 1),
    ("faq-heldout-190.tsv", (80, 15, 15, 10), 71, 15, 15, 0),
    # Sets 191–196: written blind after round 26's last change to the matcher (56a5d7f), at their first run (not worked on).
    ("faq-heldout-191.tsv", (80, 15, 15, 10), 78, 15, 14, 3),
    ("faq-heldout-192.tsv", (80, 15, 15, 10), 77, 15, 15, 1),
    ("faq-heldout-193.tsv", (80, 15, 15, 10), 75, 15, 15, 1),
    ("faq-heldout-194.tsv", (80, 15, 15, 10), 79, 15, 14, 2),
    ("faq-heldout-195.tsv", (80, 15, 15, 10), 79, 14, 15, 2),
    ("faq-heldout-196.tsv", (80, 15, 15, 10), 75, 15, 14, 3),
    # Sets 197–202: written blind during round 27, first run on 24bb155 (in each file's header).
    ("faq-heldout-197.tsv", (80, 15, 15, 10), 75, 15, 15, 0),
    ("faq-heldout-198.tsv", (80, 15, 15, 10), 74, 15, 15, 1),
    ("faq-heldout-199.tsv", (80, 15, 15, 10), 74, 15, 15, 0),
    ("faq-heldout-200.tsv", (80, 15, 15, 10), 80, 15, 15, 0),
    ("faq-heldout-201.tsv", (80, 15, 15, 10), 77, 15, 15, 0),
    ("faq-heldout-202.tsv", (80, 15, 15, 10), 79, 15, 15, 0),
    # Sets 203–208: written blind during round 27, first run on 4832938 (in each file's header).
    ("faq-heldout-203.tsv", (80, 15, 15, 10), 76, 15, 15, 3),
    ("faq-heldout-204.tsv", (80, 15, 15, 10), 70, 15, 15, 4),
    ("faq-heldout-205.tsv", (80, 15, 15, 10), 71, 14, 15, 1),
    ("faq-heldout-206.tsv", (80, 15, 15, 10), 77, 15, 14, 1),
    ("faq-heldout-207.tsv", (80, 15, 15, 10), 79, 15, 14, 1),
    ("faq-heldout-208.tsv", (80, 15, 15, 10), 78, 15, 14, 0),
    # Sets 209–214: written blind after round 27's last change to the matcher (fc2395f), at their first run (not worked on).
    ("faq-heldout-209.tsv", (80, 15, 15, 10), 76, 15, 14, 3),
    ("faq-heldout-210.tsv", (80, 15, 15, 10), 76, 14, 14, 1),
    ("faq-heldout-211.tsv", (80, 15, 15, 10), 75, 15, 14, 3),
    ("faq-heldout-212.tsv", (80, 15, 15, 10), 78, 14, 13, 2),
    ("faq-heldout-213.tsv", (80, 15, 15, 10), 79, 14, 13, 2),
    ("faq-heldout-214.tsv", (80, 15, 15, 10), 74, 15, 14, 3),
    # Sets 221–226: written blind during round 28, after its first change to the matcher (b990177), first run on it (worked on)
    ("faq-heldout-221.tsv", (80, 15, 15, 10), 80, 15, 15, 0),
    ("faq-heldout-222.tsv", (80, 15, 15, 10), 79, 15, 15, 0),
    ("faq-heldout-223.tsv", (80, 15, 15, 10), 79, 15, 15, 0),
    ("faq-heldout-224.tsv", (80, 15, 15, 10), 80, 15, 14, 0),
    ("faq-heldout-225.tsv", (80, 15, 15, 10), 80, 15, 15, 0),
    ("faq-heldout-226.tsv", (80, 15, 15, 10), 80, 15, 14, 1),
    # Sets 227–232: written blind during round 28, after its second change to the matcher (7850ca4), first run on it (worked on)
    ("faq-heldout-227.tsv", (80, 15, 15, 10), 67, 14, 13, 7),
    ("faq-heldout-228.tsv", (80, 15, 15, 10), 77, 15, 14, 1),
    ("faq-heldout-229.tsv", (80, 15, 15, 10), 79, 15, 14, 1),
    ("faq-heldout-230.tsv", (80, 15, 15, 10), 79, 15, 15, 0),
    ("faq-heldout-231.tsv", (80, 15, 15, 10), 77, 15, 15, 0),
    ("faq-heldout-232.tsv", (80, 15, 15, 10), 75, 15, 13, 4),
    # Sets 233–238: written blind during round 28, after its third change to the matcher (70e911f), first run on it (worked on)
    ("faq-heldout-233.tsv", (80, 15, 15, 10), 71, 15, 14, 3),
    ("faq-heldout-234.tsv", (80, 15, 15, 10), 74, 14, 15, 1),
    ("faq-heldout-235.tsv", (80, 15, 15, 10), 78, 15, 15, 0),
    ("faq-heldout-236.tsv", (80, 15, 15, 10), 79, 15, 14, 2),
    ("faq-heldout-237.tsv", (80, 15, 15, 10), 77, 15, 15, 1),
    ("faq-heldout-238.tsv", (80, 15, 15, 10), 78, 15, 12, 3),
    # Sets 239–244: written blind during round 28, after its fourth change to the matcher (64bf5ae), first run on it (worked on)
    ("faq-heldout-239.tsv", (80, 15, 15, 10), 70, 15, 13, 4),
    ("faq-heldout-240.tsv", (80, 15, 15, 10), 74, 15, 14, 2),
    ("faq-heldout-241.tsv", (80, 15, 15, 10), 69, 15, 14, 1),
    ("faq-heldout-242.tsv", (80, 15, 15, 10), 79, 14, 15, 0),
    ("faq-heldout-243.tsv", (80, 15, 15, 10), 75, 15, 14, 1),
    ("faq-heldout-244.tsv", (80, 15, 15, 10), 79, 15, 13, 2),
    # Sets 245–250: written blind during round 28, after its fifth change to the matcher (34a0196), first run on it (worked on)
    ("faq-heldout-245.tsv", (80, 15, 15, 10), 65, 15, 15, 1),
    ("faq-heldout-246.tsv", (80, 15, 15, 10), 72, 15, 15, 3),
    ("faq-heldout-247.tsv", (80, 15, 15, 10), 62, 15, 13, 6),
    ("faq-heldout-248.tsv", (80, 15, 15, 10), 79, 15, 15, 1),
    ("faq-heldout-249.tsv", (80, 15, 15, 10), 74, 14, 14, 2),
    ("faq-heldout-250.tsv", (80, 15, 15, 10), 80, 15, 15, 0),
    # Sets 251–256: written blind after round 28's last change to the matcher (7018e9b), at their first run (not worked on)
    ("faq-heldout-251.tsv", (80, 15, 15, 10), 80, 15, 15, 0),
    ("faq-heldout-252.tsv", (80, 15, 15, 10), 74, 14, 14, 3),
    ("faq-heldout-253.tsv", (80, 15, 15, 10), 74, 15, 13, 4),
    ("faq-heldout-254.tsv", (80, 15, 15, 10), 80, 15, 13, 2),
    ("faq-heldout-255.tsv", (80, 15, 15, 10), 78, 14, 15, 2),
    ("faq-heldout-256.tsv", (80, 15, 15, 10), 78, 15, 12, 4),
    # Round 29: sets 257–262 written blind at the round's start (first runs on 7ab161c in their headers)
    ("faq-heldout-257.tsv", (80, 15, 15, 10), 80, 15, 15, 0),
    ("faq-heldout-258.tsv", (80, 15, 15, 10), 80, 15, 14, 1),
    ("faq-heldout-259.tsv", (80, 15, 15, 10), 79, 15, 15, 0),
    ("faq-heldout-260.tsv", (80, 15, 15, 10), 79, 15, 15, 0),
    ("faq-heldout-261.tsv", (80, 15, 15, 10), 78, 14, 15, 1),
    ("faq-heldout-262.tsv", (80, 15, 15, 10), 79, 15, 15, 1),
    # …and 263–268 in its middle (first runs on f83fd3f)
    ("faq-heldout-263.tsv", (80, 15, 15, 10), 60, 14, 14, 7),
    ("faq-heldout-264.tsv", (80, 15, 15, 10), 79, 15, 14, 1),
    ("faq-heldout-265.tsv", (80, 15, 15, 10), 78, 15, 14, 2),
    ("faq-heldout-266.tsv", (80, 15, 15, 10), 75, 15, 13, 4),
    ("faq-heldout-267.tsv", (80, 15, 15, 10), 80, 15, 12, 3),
    ("faq-heldout-268.tsv", (80, 15, 15, 10), 79, 14, 11, 5),
    # …and 269–274 after its matcher changes (first runs on 3476430)
    ("faq-heldout-269.tsv", (80, 15, 15, 10), 80, 15, 14, 1),
    ("faq-heldout-270.tsv", (80, 15, 15, 10), 75, 15, 15, 2),
    ("faq-heldout-271.tsv", (80, 15, 15, 10), 79, 15, 15, 0),
    ("faq-heldout-272.tsv", (80, 15, 15, 10), 80, 15, 15, 0),
    ("faq-heldout-273.tsv", (80, 15, 15, 10), 80, 15, 15, 0),
    ("faq-heldout-274.tsv", (80, 15, 15, 10), 77, 15, 15, 2),
    # …and the final six, 275–280, written after the round's last change to the matcher (first runs on e9e1342; not worked on)
    ("faq-heldout-275.tsv", (80, 15, 15, 10), 79, 15, 14, 2),
    ("faq-heldout-276.tsv", (80, 15, 15, 10), 80, 15, 15, 0),
    ("faq-heldout-277.tsv", (80, 15, 15, 10), 80, 14, 14, 1),
    ("faq-heldout-278.tsv", (80, 15, 15, 10), 79, 15, 15, 1),
    ("faq-heldout-279.tsv", (80, 15, 15, 10), 78, 15, 15, 2),
    ("faq-heldout-280.tsv", (80, 15, 15, 10), 77, 15, 15, 0),
    ("faq-heldout-281.tsv", (80, 15, 15, 10), 72, 15, 15, 0),
    ("faq-heldout-282.tsv", (80, 15, 15, 10), 80, 15, 15, 0),
    ("faq-heldout-283.tsv", (80, 15, 15, 10), 80, 15, 15, 0),
    ("faq-heldout-284.tsv", (80, 15, 15, 10), 80, 15, 15, 0),
    ("faq-heldout-285.tsv", (80, 15, 15, 10), 79, 15, 15, 1),
    ("faq-heldout-286.tsv", (80, 15, 15, 10), 80, 15, 15, 0),
    ("faq-heldout-287.tsv", (80, 15, 15, 10), 69, 15, 15, 0),
    ("faq-heldout-288.tsv", (80, 15, 15, 10), 78, 15, 14, 1),
    ("faq-heldout-289.tsv", (80, 15, 15, 10), 80, 15, 15, 0),
    ("faq-heldout-290.tsv", (80, 15, 15, 10), 80, 15, 14, 1),
    ("faq-heldout-291.tsv", (80, 15, 15, 10), 79, 15, 15, 0),
    ("faq-heldout-292.tsv", (80, 15, 15, 10), 79, 15, 15, 0),
    ("faq-heldout-293.tsv", (80, 15, 15, 10), 79, 15, 15, 0),
    ("faq-heldout-294.tsv", (80, 15, 15, 10), 80, 15, 14, 1),
    ("faq-heldout-295.tsv", (80, 15, 15, 10), 78, 15, 15, 0),
    ("faq-heldout-296.tsv", (80, 15, 15, 10), 79, 15, 15, 0),
    ("faq-heldout-297.tsv", (80, 15, 15, 10), 79, 15, 15, 0),
    ("faq-heldout-298.tsv", (80, 15, 15, 10), 80, 15, 15, 0),
    ("faq-heldout-299.tsv", (80, 15, 15, 10), 78, 15, 15, 1),
    ("faq-heldout-300.tsv", (80, 15, 15, 10), 75, 15, 14, 1),
    ("faq-heldout-301.tsv", (80, 15, 15, 10), 80, 15, 14, 1),
    ("faq-heldout-302.tsv", (80, 15, 15, 10), 78, 15, 14, 2),
    ("faq-heldout-303.tsv", (80, 15, 15, 10), 78, 14, 15, 0),
    ("faq-heldout-304.tsv", (80, 15, 15, 10), 78, 15, 15, 0),
    ("faq-heldout-305.tsv", (80, 15, 15, 10), 80, 15, 15, 0),
    ("faq-heldout-306.tsv", (80, 15, 15, 10), 73, 15, 15, 2),
    ("faq-heldout-307.tsv", (80, 15, 15, 10), 80, 15, 15, 0),
    ("faq-heldout-308.tsv", (80, 15, 15, 10), 78, 14, 15, 1),  # out answered 1
    ("faq-heldout-309.tsv", (80, 15, 15, 10), 78, 15, 14, 2),
    ("faq-heldout-310.tsv", (80, 15, 15, 10), 79, 15, 15, 0),
    ("faq-heldout-311.tsv", (80, 15, 15, 10), 73, 13, 13, 4),
    ("faq-heldout-312.tsv", (80, 15, 15, 10), 80, 15, 15, 0),
    ("faq-heldout-313.tsv", (80, 15, 15, 10), 80, 15, 14, 1),
    ("faq-heldout-314.tsv", (80, 15, 15, 10), 80, 15, 15, 0),
    ("faq-heldout-315.tsv", (80, 15, 15, 10), 80, 15, 15, 0),
    ("faq-heldout-316.tsv", (80, 15, 15, 10), 78, 15, 15, 0),
    ("faq-heldout-317.tsv", (80, 15, 15, 10), 74, 14, 14, 6),
    ("faq-heldout-318.tsv", (80, 15, 15, 10), 79, 15, 15, 0),
    ("faq-heldout-319.tsv", (80, 15, 15, 10), 78, 15, 15, 0),
    ("faq-heldout-320.tsv", (80, 15, 15, 10), 78, 15, 15, 2),
    ("faq-heldout-321.tsv", (80, 15, 15, 10), 80, 15, 15, 0),
    ("faq-heldout-322.tsv", (80, 15, 15, 10), 75, 15, 14, 3),  # chat missed 3
    ("faq-heldout-323.tsv", (80, 15, 15, 10), 78, 15, 14, 3),
    ("faq-heldout-324.tsv", (80, 15, 15, 10), 77, 15, 15, 0),
    ("faq-heldout-325.tsv", (80, 15, 15, 10), 76, 15, 15, 2),
    ("faq-heldout-326.tsv", (80, 15, 15, 10), 79, 15, 15, 1),
    ("faq-heldout-327.tsv", (80, 15, 15, 10), 78, 14, 15, 1),
    ("faq-heldout-328.tsv", (80, 15, 15, 10), 74, 15, 14, 3),
    # round 32's first batch (first runs on 74c17ad: 80/1, 75/4, 80/1, 79/1, 80/1, 79/1 in scope / wrong of 120)
    ("faq-heldout-329.tsv", (80, 15, 15, 10), 80, 15, 15, 0),
    ("faq-heldout-330.tsv", (80, 15, 15, 10), 76, 15, 14, 1),
    ("faq-heldout-331.tsv", (80, 15, 15, 10), 80, 15, 15, 0),
    ("faq-heldout-332.tsv", (80, 15, 15, 10), 79, 15, 15, 0),
    ("faq-heldout-333.tsv", (80, 15, 15, 10), 80, 15, 14, 1),
    ("faq-heldout-334.tsv", (80, 15, 15, 10), 80, 15, 14, 1),
    # round 32's second batch (first runs on 42be115: 72/5, 80/0, 78/2, 79/0, 71/4, 79/0 in scope / wrong of 120)
    ("faq-heldout-335.tsv", (80, 15, 15, 10), 73, 15, 13, 7),  # chat missed 3
    ("faq-heldout-336.tsv", (80, 15, 15, 10), 80, 15, 15, 0),
    ("faq-heldout-337.tsv", (80, 15, 15, 10), 79, 15, 14, 0),
    ("faq-heldout-338.tsv", (80, 15, 15, 10), 80, 15, 15, 0),
    ("faq-heldout-339.tsv", (80, 15, 15, 10), 73, 15, 15, 3),  # chat missed 1
    ("faq-heldout-340.tsv", (80, 15, 15, 10), 80, 15, 15, 0),
    # round 32's third batch (first runs on b1f3474: 70/5, 73/4, 80/1, 80/2, 79/2, 78/0 in scope / wrong of 120)
    ("faq-heldout-341.tsv", (80, 15, 15, 10), 72, 15, 14, 4),
    ("faq-heldout-342.tsv", (80, 15, 15, 10), 73, 14, 14, 4),  # chat missed 1
    ("faq-heldout-343.tsv", (80, 15, 15, 10), 80, 15, 15, 0),
    ("faq-heldout-344.tsv", (80, 15, 15, 10), 80, 15, 13, 2),
    ("faq-heldout-345.tsv", (80, 15, 15, 10), 79, 15, 14, 1),
    ("faq-heldout-346.tsv", (80, 15, 15, 10), 78, 14, 15, 0),
    # round 32's final six (first runs on 8fa5798, after the review's fixes; not worked on)
    ("faq-heldout-347.tsv", (80, 15, 15, 10), 78, 15, 15, 1),
    ("faq-heldout-348.tsv", (80, 15, 15, 10), 71, 15, 13, 6),
    ("faq-heldout-349.tsv", (80, 15, 15, 10), 78, 15, 14, 1),
    ("faq-heldout-350.tsv", (80, 15, 15, 10), 79, 15, 15, 1),
    ("faq-heldout-351.tsv", (80, 15, 15, 10), 75, 13, 14, 3),
    ("faq-heldout-352.tsv", (80, 15, 15, 10), 78, 15, 15, 1),
    # round 33's first batch (first runs on 890fae6: 68/3, 77/0, 77/0, 68/5, 79/2, 78/1 in scope / wrong of 120)
    ("faq-heldout-353.tsv", (80, 15, 15, 10), 75, 15, 15, 1),
    ("faq-heldout-354.tsv", (80, 15, 15, 10), 78, 15, 15, 0),
    ("faq-heldout-355.tsv", (80, 15, 15, 10), 77, 15, 15, 0),
    ("faq-heldout-356.tsv", (80, 15, 15, 10), 73, 15, 13, 2),
    ("faq-heldout-357.tsv", (80, 15, 15, 10), 79, 15, 14, 2),
    ("faq-heldout-358.tsv", (80, 15, 15, 10), 78, 15, 13, 1),
    # round 33's second batch (first runs on 71dce40: 74/2, 79/2, 80/0, 80/0, 78/1, 78/1)
    ("faq-heldout-359.tsv", (80, 15, 15, 10), 78, 15, 14, 1),
    ("faq-heldout-360.tsv", (80, 15, 15, 10), 80, 15, 14, 1),
    ("faq-heldout-361.tsv", (80, 15, 15, 10), 80, 15, 15, 0),
    ("faq-heldout-362.tsv", (80, 15, 15, 10), 80, 15, 15, 0),
    ("faq-heldout-363.tsv", (80, 15, 15, 10), 79, 15, 14, 1),
    ("faq-heldout-364.tsv", (80, 15, 15, 10), 78, 15, 14, 0),
    # round 33's final six (first runs on 945e8c0, after both reviews' fixes; not worked on)
    ("faq-heldout-365.tsv", (80, 15, 15, 10), 80, 15, 15, 0),
    ("faq-heldout-366.tsv", (80, 15, 15, 10), 72, 14, 15, 3),
    ("faq-heldout-367.tsv", (80, 15, 15, 10), 78, 15, 15, 0),
    ("faq-heldout-368.tsv", (80, 15, 15, 10), 80, 14, 14, 1),
    ("faq-heldout-369.tsv", (80, 15, 15, 10), 78, 15, 14, 2),  # chat missed 1
    ("faq-heldout-370.tsv", (80, 15, 15, 10), 77, 15, 14, 3),  # chat missed 1
    # round 34's first six (first runs on 08f0062)
    ("faq-heldout-371.tsv", (80, 15, 15, 10), 76, 14, 14, 3),  # chat missed 1
    ("faq-heldout-372.tsv", (80, 15, 15, 10), 77, 15, 14, 4),
    ("faq-heldout-373.tsv", (80, 15, 15, 10), 79, 15, 13, 2),
    ("faq-heldout-374.tsv", (80, 15, 15, 10), 79, 15, 14, 1),
    ("faq-heldout-375.tsv", (80, 15, 15, 10), 78, 14, 15, 1),
    ("faq-heldout-376.tsv", (80, 15, 15, 10), 79, 15, 14, 1),
    # round 34's second six (first runs on 6629508)
    ("faq-heldout-377.tsv", (80, 15, 15, 10), 77, 15, 15, 1),
    ("faq-heldout-378.tsv", (80, 15, 15, 10), 78, 15, 15, 1),
    ("faq-heldout-379.tsv", (80, 15, 15, 10), 79, 15, 14, 2),
    ("faq-heldout-380.tsv", (80, 15, 15, 10), 79, 15, 15, 0),  # chat missed 1
    ("faq-heldout-381.tsv", (80, 15, 15, 10), 71, 15, 15, 3),
    ("faq-heldout-382.tsv", (80, 15, 15, 10), 68, 15, 12, 7),  # chat missed 2, nofact refused 1
    # round 34's final six (first runs on 83d7985, after both reviews' fixes; the same verdicts on 08f0062, the round's start)
    ("faq-heldout-383.tsv", (80, 15, 15, 10), 79, 15, 13, 3),
    ("faq-heldout-384.tsv", (80, 15, 15, 10), 68, 15, 14, 8),
    ("faq-heldout-385.tsv", (80, 15, 15, 10), 77, 15, 13, 3),
    ("faq-heldout-386.tsv", (80, 15, 15, 10), 79, 14, 13, 2),
    ("faq-heldout-387.tsv", (80, 15, 15, 10), 78, 14, 15, 1),
    ("faq-heldout-388.tsv", (80, 15, 15, 10), 80, 15, 13, 2),
    # round 35's first six (first runs on ead5543, round 34's end)
    ("faq-heldout-389.tsv", (80, 15, 15, 10), 80, 15, 15, 0),
    ("faq-heldout-390.tsv", (80, 15, 15, 10), 72, 15, 14, 1),
    ("faq-heldout-391.tsv", (80, 15, 15, 10), 78, 14, 14, 2),
    ("faq-heldout-392.tsv", (80, 15, 15, 10), 79, 13, 14, 3),  # 2 off-topic answered
    ("faq-heldout-393.tsv", (80, 15, 15, 10), 77, 15, 15, 2),
    ("faq-heldout-394.tsv", (80, 15, 15, 10), 77, 14, 14, 4),  # 1 off-topic answered
    # round 35's second six (first runs on 233540f)
    ("faq-heldout-395.tsv", (80, 15, 15, 10), 73, 15, 15, 4),  # 1 small talk missed
    ("faq-heldout-396.tsv", (80, 15, 15, 10), 79, 15, 13, 2),
    ("faq-heldout-397.tsv", (80, 15, 15, 10), 77, 14, 14, 2),  # 1 small talk missed
    ("faq-heldout-398.tsv", (80, 15, 15, 10), 79, 13, 14, 2),  # 1 off-topic answered
    ("faq-heldout-399.tsv", (80, 15, 15, 10), 80, 15, 15, 0),
    ("faq-heldout-400.tsv", (80, 15, 15, 10), 68, 15, 14, 6),  # 1 small talk missed
    # round 35's final six (first runs on 40a0e85, after the first review's fixes; on ead5543, the round's start, the same
    # verdicts but one: set 405's "tpg triwulan ini udh cair blm" was queued)
    ("faq-heldout-401.tsv", (80, 15, 15, 10), 80, 15, 14, 1),
    ("faq-heldout-402.tsv", (80, 15, 15, 10), 72, 15, 13, 5),  # 1 small talk missed, 1 without a fact declined
    ("faq-heldout-403.tsv", (80, 15, 15, 10), 79, 15, 13, 2),
    ("faq-heldout-404.tsv", (80, 15, 15, 10), 79, 15, 15, 0),
    ("faq-heldout-405.tsv", (80, 15, 15, 10), 77, 15, 15, 0),
    ("faq-heldout-406.tsv", (80, 15, 15, 10), 77, 15, 14, 1),
    # round 36's first six (first runs on 0589317, the round's start: 4 of 6 met the goals; 408, the long stories with the
    # asker's name, 68/7/15, and 411, the hurried fragments, 78/4/14, did not)
    ("faq-heldout-407.tsv", (80, 15, 15, 10), 80, 15, 15, 0),
    ("faq-heldout-408.tsv", (80, 15, 15, 10), 77, 15, 15, 1),
    ("faq-heldout-409.tsv", (80, 15, 15, 10), 76, 15, 15, 0),
    ("faq-heldout-410.tsv", (80, 15, 15, 10), 79, 15, 15, 0),
    ("faq-heldout-411.tsv", (80, 15, 15, 10), 79, 15, 15, 0),
    ("faq-heldout-412.tsv", (80, 15, 15, 10), 80, 15, 15, 0),
    # round 36's final six (first runs on 4969b2f: 2 of 6 met the goals — 414 and 415; 413 72/3/15, 416 80/1/14, 417 74/4/15,
    # 418 78/0/14)
    ("faq-heldout-413.tsv", (80, 15, 15, 10), 74, 15, 14, 3),
    ("faq-heldout-414.tsv", (80, 15, 15, 10), 80, 15, 15, 0),
    ("faq-heldout-415.tsv", (80, 15, 15, 10), 80, 15, 15, 0),
    ("faq-heldout-416.tsv", (80, 15, 15, 10), 80, 15, 14, 1),
    ("faq-heldout-417.tsv", (80, 15, 15, 10), 75, 15, 15, 3),
    ("faq-heldout-418.tsv", (80, 15, 15, 10), 79, 15, 15, 0),
]
# A question without a fact in the sources that names nothing of the programme may be declined
# rather than passed on: "file scan sk yg diupload format pdf maksimal brp MB" (set 41), "link
# daftar hadir / absen hr ini mana ya" and "wajib on cam selama zoom gk?" (set 60), "pengumuman tahap 1
# nanti dikirim lwt email …?" (set 62, as set 52's), "hasil tahap 1 sy bs diliat dmn detail nilainya?" (set 65),
# "pas wawancara tahap 2 harus pakai seragam PDH atau batik?" (set 76), "sesi terakhir tgl 11 selesai jam brp ya" (set 93);
# set 148's "Guru di sekolah penggerak otomatis diakui jadi guru penggerak gak?" names the other programme; set 208's "kenapa
# buleleng yg dipilih duluan bareng denpasar? apa kriterianya?" (first run on 4832938).
NOFACT_DECLINED = {
    # set 402: "… sdh dapat arahan kirim minimal 5 nama SD ke dinas. deadline kirimnya kapan nggih? … susah sinyal" (first run on 40a0e85)
    "faq-heldout-402.tsv": 1,
    "faq-heldout-397.tsv": 1,  # "sklh penggerak katanya dpt chromebook dr program digitalisasi sklh, dpt brp unit ya per sklh" (first run on 233540f)
    "faq-heldout-382.tsv": 1,  # "… dapet chromebook dr digitalisasi sekolah. dapetnya brp unit per sekolah pak" (first run on 6629508)
    # set 337: "guru di sekolah penggerak wajib ikut guru penggerak jg ga?" reads as the other programme's question
    "faq-heldout-337.tsv": 1,
    "faq-heldout-41.tsv": 1,
    "faq-heldout-52.tsv": 1,
    "faq-heldout-57.tsv": 1,
    "faq-heldout-60.tsv": 2,
    "faq-heldout-62.tsv": 1,
    "faq-heldout-65.tsv": 1,
    "faq-heldout-76.tsv": 1,
    "faq-heldout-93.tsv": 1,
    "faq-heldout-148.tsv": 1,
    "faq-heldout-196.tsv": 1,
    "faq-heldout-208.tsv": 1,
    "faq-heldout-224.tsv": 1,  # "ijazah minimal S1 ga?" (a degree, nothing of the programme named)
    "faq-heldout-249.tsv": 1,  # "nilai minimal lolos seleksi tahap 2 itu brp pak? ada passing grade nya ga kayak tes CPNS" (CPNS named)
    "faq-heldout-239.tsv": 1,  # "… kepsek sekolah penggerak dapat tunjangan tambahan tiap bulan. benar ga itu? …" (an allowance)
    "faq-heldout-238.tsv": 1,  # "kenapa buleleng sm denpasar yg dipilih duluan, ada alasannya?" (as set 208's)
    "faq-heldout-229.tsv": 1,  # "tiang lupa kata sandi akun es i em pe ka be kenken cara reset nya" (SIMPKB dictated letter by letter)
    # set 358: "how many principals from buleleng actually registered in the end?" names only what the bot's recap counts
    "faq-heldout-358.tsv": 1,
}
# Known failures kept visible rather than hidden: off-topic questions answered because their few
# known words ("acara", "daerah") fit a topic (set 53: the weather for a ceremony, who sells babi
# guling; set 61: another programme's fund, lower-case "sekolah adiwiyata", then "caranya daftar gmn"),
# and farewells or thanks with a plan or a reason ("izin pamit dulu, mau lanjut sesi zoom", set 52; "sinyal
# ilang, tiang pamit dulu", set 57; "makasih, nanti sy cek lg abis rapat", set 65; set 68: someone selling
# cheap laptops for a school operator; set 70: "Akan kami teruskan ke kepsek binaan", "that's exactly what I needed";
# set 91's Gmail account for a school operator, answered until round 19, is declined now; so are set 144's "PPPK GURU DAFTAR
# KPN" in capitals and "how apply teacher certification", answered as teachers registering until round 24; set 205's "Is there a good
# English-language bookshop in Singaraja?", answered with /bahasa at its first run).
OUT_ANSWERED = {
    "faq-heldout-308.tsv": 1,  # "akreditasi sekolah tiang habis th depan, pengajuan di sispena gmn ya?" (the accreditation topic answers)
    "faq-heldout-53.tsv": 2,
    "faq-heldout-61.tsv": 1,
    "faq-heldout-68.tsv": 1,
    "faq-heldout-81.tsv": 1,
    "faq-heldout-82.tsv": 1,
    "faq-heldout-88.tsv": 1,
    "faq-heldout-195.tsv": 1,
    "faq-heldout-205.tsv": 1,
    "faq-heldout-255.tsv": 1,  # "pelatihan mandiri kurikulum merdeka di PMM, aksi nyata sy ditolak terus kenapa ya?" (first run on 7018e9b)
}
CHAT_MISSED = {
    "faq-heldout-402.tsv": 1,  # "makasih banyak ya min, udh jelas skrg, td sy salah paham 😁" (first run on 40a0e85)
    # sets 335 and 339 (long messages): principals introducing themselves by name and school and saying hello, a thanks
    # with a sorry for a message sent here by mistake, a thanks that the form was sent
    "faq-heldout-335.tsv": 3,
    "faq-heldout-339.tsv": 1,
    # set 342: "rahajeng semeng bapak ibu admin, tiang Made dr SD N 1 Sawan, salam kenal nggih"
    "faq-heldout-342.tsv": 1,
    "faq-heldout-52.tsv": 1,
    "faq-heldout-57.tsv": 1,
    "faq-heldout-65.tsv": 1,
    "faq-heldout-70.tsv": 2,
    "faq-heldout-192.tsv": 1,
    # set 247 (long rambling messages): a sticker sent by mistake, "mohon maaf lahir batin … lama ga aktif", a holiday wish
    # thanking for the service, a note in the agenda book, thanks with the family's wishes ("Tiang cuma mau bilang suksma …")
    "faq-heldout-247.tsv": 5,
    "faq-heldout-239.tsv": 1,  # a principal introducing himself, "baru gabung di sini … krn dikasi nomor sm korwil. salam kenal"
    # long thanks and greetings of set 263 ("Thank you so much for the quick and clear answer, … Have a great day 😊", "Selamat pagi
    # pak, semoga bapak ibu di Disdikpora sehat selalu …"): their other words read as near a topic
    "faq-heldout-263.tsv": 7,
    # set 322: principals introducing themselves with their school and that they just saved the bot's number, "om shanti shanti
    # shanti om" closing thanks with a promise to ask again
    "faq-heldout-322.tsv": 2,
    # set 380: "selamat siang pak, mohon ijin" (declined); set 382: a thanks praising the bot's speed, a goodnight after the day's odalan
    "faq-heldout-380.tsv": 1,
    "faq-heldout-382.tsv": 2,
    # (sets 369, 370 and 371, "ok sampun pak, tiang tunggu kabar selanjutnya", "ok pak, tiang cek dulu", "ok makasih ya pak,
    # nanti tiang kabari lg kalo ada yg bingung": small talk since round 34)
}


@pytest.mark.parametrize(("name", "rows", "in_ok", "out_ok", "nofact_ok", "wrong"), HELD_OUT)
def test_held_out_sets(name: str, rows: tuple[int, int, int, int], in_ok: int, out_ok: int, nofact_ok: int, wrong: int, engine: FaqEngine) -> None:
    # Each set's failure classes were later used to find causes (no phrasing of any set is in the
    # knowledge base); bounds at what the matcher reaches now (BENCHMARKS.md), against regressions.
    score = score_file(engine, DATA / name)
    print(score.report())
    assert (score.in_total, score.out_total, score.nofact_total, score.chat_total) == rows
    assert score.in_ok >= in_ok, score.misses
    assert score.out_ok >= out_ok and score.out_wrong <= OUT_ANSWERED.get(name, 0), score.misses
    assert score.chat_ok >= score.chat_total - CHAT_MISSED.get(name, 0), score.misses
    assert score.nofact_ok >= nofact_ok and score.nofact_refused <= NOFACT_DECLINED.get(name, 0), score.misses
    assert score.wrong <= wrong, score.misses


@pytest.mark.parametrize(
    ("name", "in_ok", "wrong"),
    [
        ("faq-probe-4.tsv", 41, 1),
        # (wrong 1 → 2 in round 16: "juli 2022 angkatan 3 lagi ngapain", a near tie once asked back, now
        # answered with cohort III's topic, when stage 2's answer naming what follows it took 7 right and 3 fewer wrong)
        ("faq-probe-5.tsv", 26, 2),
        ("faq-probe-6.tsv", 36, 1),
        ("faq-probe-7.tsv", 30, 1),
        ("faq-probe-8.tsv", 30, 0),
        ("faq-probe-9.tsv", 7, 0),
    ],
)
def test_probe_sets_written_during_tuning(name: str, in_ok: int, wrong: int, engine: FaqEngine) -> None:
    # Written while tuning (not blind): 4 and 5 before the engine changed for their classes (first
    # runs on main 23/41 and 21/28 in scope), 6 after round 3's mechanisms (first run 33/36, then
    # one change for its first miss), 7 before round 4's changes (first run 18/32, 5 wrong of 42).
    # 8 before round 5's changes (the whole file on main: 19/32, 3 wrong of 34). 9 before round 6's
    # changes (the whole file on main: 6/7 in scope, off-topic 6/8, small talk 0/4, 2 wrong of 19).
    # BENCHMARKS.md. Guards against regressions, not the bar.
    score = score_file(engine, DATA / name)
    print(score.report())
    assert score.in_ok >= in_ok and score.wrong <= wrong, score.misses
    assert score.out_ok == score.out_total and score.chat_ok == score.chat_total, score.misses


@pytest.mark.parametrize(
    ("text", "entry"),
    [
        ("pak sy mau hapus semua data sy dr bot ini", "bot-hapus-data"),
        ("how can I erase my data", "bot-hapus-data"),
        ("data apa saja yg disimpan bot ttg sy", "bot-data"),
        ("sy korwil, cara lihat rekap pendaftar kecamatan gmn", "bot-rekap"),
        ("jadwal bimtek bisa disimpan ke kalender hp?", "bot-kalender"),
        ("bisa bicara langsung dgn petugas?", "bot-kontak"),
        ("pengingatnya tolong dimatikan", "bot-pengingat"),
        ("sy salah ketik nomor hp waktu daftar, cara memperbaikinya gmn", "bot-form-ubah"),
        ("formulir pendaftaran di bot menanyakan apa saja", "bot-form-isian"),
        ("cek status pendaftaran saya bagaimana", "bot-status"),
        ("korwil bisa ekspor data pendaftar ke excel?", "bot-ekspor"),
        ("siapa saja yang bisa mengakses data pribadi saya", "bot-privasi"),
        ("admin mau sebar pengumuman ke semua korwil lewat bot, caranya?", "bot-siaran"),
        ("sy korwil, ada halaman web utk lihat pendaftar di laptop? masuknya gmn", "bot-dasbor"),
        ("sy admin, gmn caranya menjadikan pak made korwil seririt di bot", "bot-peran"),
        ("korwil kami pindah tugas, aksesnya di bot dicabut gimana", "bot-peran"),
        ("pertanyaan kepsek yg ga bisa dijawab bot masuknya kemana", "bot-pertanyaan"),
    ],
)
def test_the_bots_own_functions_are_answered_with_their_command(text: str, entry: str, engine: FaqEngine) -> None:
    match, answer = engine.answer(text, "en" if question_language(text) == "en" else "id")
    assert match.outcome == "answer" and match.entry is not None and match.entry.id == entry, (text, match)
    assert f"/{match.entry.command}" in answer


async def test_a_bot_function_answer_has_a_button_that_runs_the_command(harness: Harness) -> None:
    who = "telegram:870"
    replies = await harness.say(who, "bagaimana cara menghapus data saya dari bot ini")
    assert "/hapusdata" in text_of(replies) and "Buka /hapusdata" in labels(replies)
    confirm = await harness.press(who, "Buka /hapusdata")
    assert confirm and "/hapusdata" not in labels(confirm)  # the command itself answered: its confirmation step
    english = await harness.say("telegram:871", "how do I switch the bot language")
    assert "Open /bahasa" in labels(english) and "Type /bahasa" in text_of(english)


def test_every_command_in_the_knowledge_base_is_a_route() -> None:
    from handlers.router import ROUTE_BY_NAME

    commands = {e.command for e in load_file(DEFAULT_FAQ_PATH).entries if e.command}
    assert commands >= {"hapusdata", "datasaya", "rekap", "jadwal", "petugas", "pengingat", "bahasa"}
    assert commands <= set(ROUTE_BY_NAME), commands - set(ROUTE_BY_NAME)


def test_a_command_must_be_a_command_its_answer_names(tmp_path: Path) -> None:
    from handlers.faqkb.knowledge import FaqError

    entry = """[[entry]]
id = "x"
command = "{command}"
topic_id = "X"
topic_en = "X"
questions = ["x?"]
answer_id = "Ketik /jadwal."
answer_en = "Type /jadwal."
"""
    path = tmp_path / "faq.toml"
    path.write_text(entry.format(command="jadwal"), encoding="utf-8")
    assert load_file(path).entries[0].command == "jadwal"
    for bad, problem in (("/jadwal", "without the slash"), ("rekap", "should tell how to use /rekap")):
        path.write_text(entry.format(command=bad), encoding="utf-8")
        with pytest.raises(FaqError, match=problem):
            load_file(path)


@pytest.mark.parametrize(
    "text",
    [
        # the message names a thing only a "not in our sources" topic lists; the general topic lacks it
        "apakah ada sertifikat setelah ikut bimtek pmo",
        "siapa saja pemateri bimtek pmo",
        "rekaman zoom bimteknya ada di youtube?",
        "contoh esai seleksi tahap 1 psp ada?",
        "passing grade seleksi tahap 2 berapa",
        "who were the speakers at the pmo bimtek",
    ],
)
def test_a_detail_the_sources_lack_is_forwarded_not_answered_with_the_general_topic(text: str, engine: FaqEngine) -> None:
    match = engine.match(text)
    assert match.outcome == "forward" and match.entry is not None and match.entry.forward, (text, match)


@pytest.mark.parametrize(
    "text",
    [
        "jam berapa wawancara tahap 2 dimulai",  # a clock time, and the answer has dates only
        "berapa kepala sekolah yg mendaftar psp angkatan 3",  # a count of people
        "siapa pelatih ahli yang mendampingi sekolah saya",  # a person of the asker's own case
        "rapat pokja pmo berikutnya tanggal berapa",  # a coming date; the sources' dates are past
        "siapa kepala lpmp bali waktu bimtek pmo",  # the person heading an office no answer names
        "What is the phone number of Pak Ketut Agus Susilawan?",  # a contact of an official the sources name
        "Sira wastan pelatih ahli sane ngedampingin SD-SD ring Kecamatan Sawan nggih?",  # "siapa nama …" in Balinese
        "Pidan pelatih ahli rauh ke sekolah tiang nggih?",  # "kapan": "3–5 sekolah" in the answer is no date
    ],
)
def test_a_question_for_a_detail_no_answer_holds_is_not_answered(text: str, engine: FaqEngine) -> None:
    assert engine.match(text).outcome in ("ask_back", "forward"), text


def test_a_bimtek_question_is_not_taken_by_the_lacking_details_topic(engine: FaqEngine) -> None:
    # "bimtek-narasumber" shares "bimtek" with every Bimtek question: without one of its own words it stays out
    match = engine.match("bimtek kapan ya pak?")
    assert match.outcome == "answer" and match.entry is not None and match.entry.id == "bimtek-jadwal"


def test_the_programme_named_is_not_answered_with_a_bimtek_topic(engine: FaqEngine) -> None:
    # every question of the Bimtek's purpose names the Bimtek; a message naming only the programme is about the programme
    match = engine.match("program sekolah penggerak itu sebenarnya tujuannya untuk apa")
    assert match.outcome == "answer" and match.entry is not None and match.entry.id == "psp-apa", match
    match = engine.match("tujuan bimtek pmo apa")
    assert match.entry is not None and match.entry.id == "bimtek-tujuan", match


def test_a_lacking_detail_in_the_context_does_not_take_an_unsure_question(engine: FaqEngine) -> None:
    # "sertifikat" is the question: forwarded with the certificates note though the best topic is unsure
    match = engine.match("apakah ada sertifikat setelah ikut bimtek pmo")
    assert match.outcome == "forward" and match.entry is not None and match.entry.id == "sertifikat", match
    # "whatsapp" is context here; the topics asked about are the Bimtek's
    match = engine.match("bu, kmrn sy lihat di whatsapp ada info bimtek pmo, materinya tentang apa saja")
    assert match.entry is None or match.entry.id != "kontak-nomor", match


def test_the_stage_asked_about_wins_over_another_stage(engine: FaqEngine) -> None:
    for text, entry in (("tahap 1 seleksi itu isinya apa", "seleksi-tahap1"), ("tahap 2 seleksi itu isinya apa", "seleksi-tahap2")):
        match = engine.match(text)
        assert match.entry is not None and match.entry.id == entry, (text, match)


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("syaratusia", ["syarat", "usia"]),  # both halves the base's words
        ("biayadaftar", ["dana", "daftar"]),  # a half from the English/chat tables ("biaya" → "dana")
        ("jadwalbimtek", ["jadwal", "bimtek"]),
    ],
)
def test_glued_words_are_split(typed: str, words: list[str], engine: FaqEngine) -> None:
    assert engine.words(f"{typed} psp") == [*words, "psp"]


def test_real_words_are_not_split(engine: FaqEngine) -> None:
    assert len(engine.words("kesempatan")) == 1  # not "kesem" + "patan"


def test_english_inflections_and_word_order(engine: FaqEngine) -> None:
    assert "kepala" in engine.words("who heads the regency PMO")
    assert "daftar" in engine.words("how many principals registered")
    assert engine.words("the first cohort") == engine.words("angkatan 1")
    for text, entry in (
        ("how long is the mentoring period", "psp-durasi"),
        ("my school is not accredited yet, can I still register", "akreditasi"),
        ("which regencies were in the first cohort", "angkatan-1"),
    ):
        match = engine.match(text)
        assert match.outcome == "answer" and match.entry is not None and match.entry.id == entry, (text, match)


def test_vowelless_empty_words_are_dropped(engine: FaqEngine) -> None:
    assert engine.words("psp tu sbnrnya program apa") == ["psp"]


@pytest.mark.parametrize(
    "text",
    [
        # each scores above the threshold on its topic, which holds no such detail
        "siapa nama pelatih ahli untuk sekolah penggerak di buleleng",  # no person's name in the topic
        "nama pelatih ahli psp untuk kecamatan gerokgak siapa",
        "ranking seleksi tahap 2 psp brp",  # a number of a thing no topic is about
        "judul esai seleksi tahap 1 apa saja",  # a list of a thing the topic never names
        "contoh soal wawancara psp apa aja",
    ],
)
def test_a_detail_the_topic_does_not_hold_is_not_answered_with_the_topic(text: str, engine: FaqEngine) -> None:
    assert engine.match(text).outcome in ("ask_back", "forward"), text


@pytest.mark.parametrize(
    ("text", "entry", "fact"),
    [
        ("siapa nama sekretaris disdikpora waktu itu", "pejabat-disdikpora", "Surya Bharata"),
        ("syarat usianya berapa", "usia", "56"),
        ("Who organized the Bimtek for the PMO team?", "bimtek-penyelenggara", "LPMP"),
    ],
)
def test_a_detail_the_topic_holds_is_answered(text: str, entry: str, fact: str, engine: FaqEngine) -> None:
    match, answer = engine.answer(text, "en" if text[0] == "W" else "id")
    assert match.outcome == "answer" and match.entry is not None and match.entry.id == entry and fact in answer, (text, match)


def test_the_programme_name_asked_alone_in_a_long_message(engine: FaqEngine) -> None:
    match = engine.match("Om swastyastu, tiang kepala SD ring Sukasada, durung uning. PSP niki napi?")
    assert match.outcome == "answer" and match.entry is not None and match.entry.id == "psp-apa"


def test_chat_smp_after_sudah_is_sampai(engine: FaqEngine) -> None:
    assert "sampai" in engine.words("angkatan 3 udh smp mana") and "smp" in engine.words("sd dan smp boleh daftar")


def test_names_written_out_are_their_abbreviations(engine: FaqEngine) -> None:
    assert engine.words("Bimbingan Teknis Kelompok Kerja Manajemen Operasional") == ["bimtek", "pokja", "pmo"]
    letter = "Dengan hormat, bersama ini kami mohon informasi tanggal pelaksanaan Bimbingan Teknis Kelompok Kerja Manajemen Operasional"
    match = engine.match(letter)
    assert match.outcome == "answer" and match.entry is not None and match.entry.id == "bimtek-jadwal"


@pytest.mark.parametrize("text", SMALL_TALK)
def test_small_talk_is_recognised(text: str, engine: FaqEngine) -> None:
    assert small_talk(text) is not None
    assert engine.match(text).outcome == "small_talk"


@pytest.mark.parametrize(
    "text",
    [
        "terima kasih, syarat daftar psp apa",
        "selamat pagi, kapan bimtek pmo",
        "ok 3",
        "siapa penyelenggara bimtek",
        "halo pak Made, bimtek kapan",
        "pagi pak, daftar psp",
        # (a typo is forgiven only in a long courtesy word that is no real word: "sampai" stays the word)
        "selamat pagu pak",
        "selamat pendaftaran",
    ],
)
def test_a_question_behind_a_greeting_is_not_small_talk(text: str) -> None:
    assert small_talk(text) is None


def test_two_topics_fitting_equally_are_offered_not_guessed(engine: FaqEngine) -> None:
    # the interview's stage and the selection's test topic fit this message within 0.01 of each other
    match = engine.match("tes wawancara psp pertanyaannya apa saja")
    assert match.outcome == "ask_back", match
    assert {"seleksi-tahap2", "tbs"} <= {entry.id for entry in match.suggestions}
    # (this one tied the next cohort and what follows registering until round 21, when the later cohorts' topic
    # took whether a principal not selected may apply again, a fact the sources lack: passed on)
    match = engine.match("kl gagal di wawancara bs daftar lg di angkatan berikutnya?")
    assert match.outcome == "forward" and match.entry is not None and match.entry.id == "angkatan-berikutnya", match
    # (this one tied the Bimtek's dates and the registration's until round 19; the Bimtek named now decides)
    text = (
        "Selamat pagi pak, tiang kepsek SD di Kecamatan Seririt. Kemarin ada info dari korwil katanya ada bimtek PMO bulan Maret, "
        "kira2 tanggal berapa sampai tanggal berapa ya itu pak?"
    )
    match = engine.match(text)
    assert match.outcome == "answer" and match.entry is not None and match.entry.id == "bimtek-jadwal", match


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        # the month names the event ("held in March 2022"): the Bimtek's dates are not what is asked
        ("What was the purpose of the PMO Bimtek held in March 2022?", "bimtek-tujuan"),
        ("mohon info tujuan bimtek pmo yang dilaksanakan pada bulan maret 2022", "bimtek-tujuan"),
        # the form's kecamatan choices are the regency's nine kecamatan, its jenjang those Disdikpora handles
        ("pilihan kecamatan di formulir daftar ada apa saja", "kecamatan"),
        ("jenjang apa aja yg bisa dipilih waktu daftar di bot?", "psp-jenjang"),
        # the writer's own name is not another programme or office the base does not know
        ("Selamat siang, saya Ni Kadek kepala TK. Pleno kelulusan angkatan III dijadwalkan tanggal berapa?", "kelulusan"),
        # …nor the asker's school ("SDN 2 Kalibukbuk")
        ("Saya kepala SDN 2 Kalibukbuk, mau tanya syarat ikut PSP apa saja?", "syarat-kepsek"),
        # "Maksudnya bagaimana" points back at the sentence before; it is not a question about what PSP means
        ("Di rapat disebut PMO bekerja berjenjang. Maksudnya bagaimana, dan kalau ada masalah yang tidak selesai di kabupaten dibawa ke mana?", "pmo-apa"),
        # "boleh dibantu" is a courtesy, not a question about what the bot helps with
        ("Selamat siang. Saya operator sekolah. Boleh dibantu, siapa saja dari Disdikpora Buleleng yang ikut Bimtek PMO?", "bimtek-peserta"),
        # "diselenggarakannya" says the Bimtek was held; its purpose is asked, not its organiser
        ("Dengan hormat, kami mohon penjelasan mengenai tujuan diselenggarakannya Bimbingan Teknis Tim Pokja PMO pada bulan Maret 2022.", "bimtek-tujuan"),
        # "nomor hp" names a field of the form here, it does not ask for a number
        ("kmrn sy isi form daftar sampai nomor hp trs hp mati, hrs ngulang dr awal kah?", "bot-form-navigasi"),
        # the recipient's side of a circular
        ("tombol sudah dibaca di surat edaran itu fungsinya apa", "surat-edaran"),
        # the sentence before a question that points back at it ("Bagaimana caranya?", "Siapa saja
        # anggotanya?") holds what is asked; an introduction before them does not
        ("Kami dari bidang GTK. Kami mau mengirim surat edaran ke semua kepala SD lewat bot ini. Bagaimana caranya?", "bot-siaran"),
        ("Kepsek kami baru lolos PSP. Katanya nanti dibentuk komite pembelajaran. Siapa saja anggotanya? Guru bisa daftar sendiri?", "komite-pembelajaran"),
        # "mulai dari awal" is starting the form over, not when the programme began
        ("tadi sinyal hilang pas isi formulir, apa harus mulai dari awal lagi?", "bot-form-navigasi"),
        ("What does the PMO actually do in the PSP programme?", "pmo-apa"),
        # Balinese "sane pidan" (the one back then) and "pidan … pernah" (once) do not ask "when"
        ("napi kemanten materi bimtek pmo sane pidan nggih?", "bimtek-materi"),
        ("pidan tiang pernah kena sanksi disiplin ringan, dados ngiring daftar psp?", "sanksi"),
        # near a way of asking the sources lack ("pendidikan tinggi …"), but without what it adds:
        # the topic's own answer is asked
        ("kementerian yang mengurus pendidikan dasar sekarang namanya apa", "kementerian"),
        # the reason after the question mark is context: the puskesmas it names is not what is asked
        ("Surat keterangan sehat itu dilampirkan waktu daftar atau nanti di tahap 2? Soalnya puskesmas di desa kami jauh.", "surat-sehat"),
        # dictated: "titik" ends the sentence; "siapa … karena sekolah kami swasta" asks the issuer, no person of ours
        ("surat keterangan sisa masa tugas itu yang mengeluarkan siapa karena sekolah kami swasta titik terima kasih", "masa-tugas"),
        # "masih bisa …?" presupposes the condition told before it: the age is the question
        ("usia sy 54 th 8 bln, masih bisa ikut seleksi kepsek penggerak gak ya", "usia"),
        # English renderings of the programme's name
        ("what is the driving school programme about?", "psp-apa"),
        # "jelaskan" asks nothing of its own; the programme named in full is context
        ("tolong jelaskan apa itu pmo dalam program sekolah penggerak", "pmo-apa"),
        # the month right after the Bimtek's name says which one is meant, not what is asked
        ("tujuan bimtek pmo bulan maret itu apa ya", "bimtek-tujuan"),
        # "the number of …" is a count, not a phone number
        ("What is the national target in number of schools?", "psp-target"),
    ],
)
def test_the_asked_topic_wins_over_the_words_around_it(text: str, topic: str, engine: FaqEngine) -> None:
    match = engine.match(text)
    assert match.outcome == "answer" and match.entry is not None and match.entry.id == topic, match


@pytest.mark.parametrize(
    "text",
    [
        "siapa kadis disdikpora buleleng waktu bimtek pmo bulan maret 2022",
        "Kepala Disdikpora Buleleng pas ada bimtek PMO itu siapa ya?",
    ],
)
def test_the_head_of_an_office_is_not_answered_with_the_people_who_attended(text: str, engine: FaqEngine) -> None:
    # The Bimtek's participants answer "who attended", not "who headed the office then" (their
    # answer names the head only as "with the head's permission"); the officials' topic does.
    match = engine.match(text)
    assert match.entry is None or match.entry.id != "bimtek-peserta", match
    # (asked back, the topic naming the head is the first button)
    assert match.outcome == "answer" and match.entry is not None and match.entry.id in ("pejabat-disdikpora", "pmo-penanggung-jawab") or (
        match.outcome == "ask_back" and match.suggestions[0].id in ("pejabat-disdikpora", "pmo-penanggung-jawab")
    ), match
    assert engine.match("siapa kepala disdikpora buleleng").entry is not None


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("kalau kepsek psp meninggal di tengah program, siapa penggantinya?", "pergantian-kepsek"),
        ("kapan pelatih ahli berkunjung ke sekolah kami", "pelatih-ahli-rincian"),
    ],
)
def test_what_the_sources_lack_about_people_is_forwarded(text: str, topic: str, engine: FaqEngine) -> None:
    match = engine.match(text)
    assert match.outcome == "forward" and match.entry is not None and match.entry.id == topic, match


def test_whatsapp_or_telegram_is_answered(engine: FaqEngine) -> None:
    match = engine.match("bot ini bisa dipakai lewat WA gk, sy gk punya telegram")
    assert match.outcome == "answer" and match.entry is not None and match.entry.id == "bot-kanal", match


async def test_small_talk_is_answered_kindly_and_never_queued(harness: Harness) -> None:
    for n, text in enumerate(SMALL_TALK):
        reply = text_of(await harness.say(f"telegram:{800 + n}", text))
        assert "hanya dapat menjawab" not in reply and "teruskan" not in reply, text
        kind_replies = ("Om Swastyastu", "Sama-sama", "Baik, Bapak/Ibu", "You're welcome", "All right", "Sampai jumpa", "Goodbye")
        assert any(kind in reply for kind in kind_replies), (text, reply)
    assert "Tidak ada pertanyaan" in text_of(await harness.say("telegram:1", "/pertanyaan"))


async def test_small_talk_through_telegram(database_url: str) -> None:
    from models.questions import count_open_questions
    from tests.conftest import TEST_TOKEN

    fake_api = FakeTelegramServer(TEST_TOKEN)
    await fake_api.start()
    app = await start_bot(database_url, fake_api)
    try:
        for n, text in enumerate(SMALL_TALK):
            await fake_api.send_text(4200 + n, text)
        await fake_api.wait_for(lambda: all(fake_api.sent(4200 + n) for n in range(len(SMALL_TALK))), timeout=30)
        for n, text in enumerate(SMALL_TALK):
            reply = fake_api.sent(4200 + n)[0].params["text"]
            assert "hanya dapat menjawab" not in reply and "teruskan" not in reply, (text, reply)
        greeting = fake_api.sent(4200)[0]
        assert "Om Swastyastu" in greeting.params["text"] and len(fake_api.buttons(greeting)) >= 4  # the main menu
        await app.dispatcher.join()
        async with app.services.db.session() as session:
            assert await count_open_questions(session) == 0
    finally:
        await app.stop()
        await fake_api.stop()


async def test_three_outcomes_and_who_is_queued(harness: Harness) -> None:
    from models.questions import open_questions

    off_topic = text_of(await harness.say("telegram:820", "resep ayam betutu"))
    assert "hanya dapat menjawab" in off_topic
    unknown = text_of(await harness.say("telegram:821", "ada uang saku untuk peserta bimtek pmo?"))
    assert "teruskan ke Tim PMO" in unknown and "hanya dapat menjawab" not in unknown
    forwarded = text_of(await harness.say("telegram:822", "apakah ada sertifikat untuk bimtek pmo"))
    assert "sertifikat" in forwarded and "teruskan ke Tim PMO" in forwarded
    async with harness.services.db.session() as session:
        asked = {q.text for q in await open_questions(session)}
    assert asked == {"ada uang saku untuk peserta bimtek pmo?", "apakah ada sertifikat untuk bimtek pmo"}


async def test_a_lone_number_is_not_a_question(harness: Harness) -> None:
    reply = text_of(await harness.say("telegram:830", "2"))
    assert "tidak merujuk ke menu" in reply
    assert "Tidak ada pertanyaan" in text_of(await harness.say("telegram:1", "/pertanyaan"))


async def test_english_question_answered_in_english_with_a_hint(harness: Harness) -> None:
    replies = await harness.say("telegram:840", "When is the PMO bimtek and who organises it?")
    assert "March 2022" in replies[0].text and "LPMP" in replies[0].text
    assert "/bahasa" in replies[-1].text
    # the contact's own language is left as it was
    assert "Maret 2022" in text_of(await harness.say("telegram:840", "kapan bimtek pmo"))


def test_language_of_short_chat_lines() -> None:
    for text in ["When is the bimtek?", "who organised the PMO training", "can private schools join", "what documents do I need"]:
        assert question_language(text) == "en", text
    for text in ["kapan bimtek pmo", "sekolah swasta bs ikut ga", "pidan bimtek e nggih", "bimtek online ya?", "link zoom nya mana"]:
        assert question_language(text) == "id", text


def test_two_questions_answer_one_and_offer_the_other(engine: FaqEngine) -> None:
    match = engine.match("berapa batas usia kepsek dan apakah plt boleh daftar")
    assert match.entry is not None and match.also is not None
    assert {match.entry.id, match.also.id} == {"usia", "plt"}


@pytest.mark.parametrize("word", ["tinggal", "dibuat", "disiplin", "pidana", "acara", "singkatan"])
def test_real_words_are_never_corrected(word: str, engine: FaqEngine) -> None:
    assert lexicon.is_real_word(word)
    assert engine.words(word)[0] in stem_candidates(word)  # itself or its own root, never another word


def test_typos_are_still_corrected_and_colloquial_forms_found(engine: FaqEngine) -> None:
    assert "jenjang" in engine.words("jenjnag")
    assert engine.match("tinggal").outcome == "decline"  # not "tanggal": no Bimtek dates for it
    assert engine.match("berkas apa saja yg hrs disiapin").entry.id == "dokumen"  # type: ignore[union-attr]
    assert engine.words("sklh pnggerak itu apaan") == ["psp"]  # vowels dropped, then the programme's name


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("bim tek pe em o tanggal berapa", "bimtek-jadwal"),
        ("diadakan oleh el pe em pe ya bimtek nya", "bimtek-penyelenggara"),
        ("kep sek plt bisa ikut", "plt"),
    ],
)
def test_dictated_words_are_joined(typed: str, expected: str, engine: FaqEngine) -> None:
    match = engine.match(typed)
    assert match.entry is not None and match.entry.id == expected, match


def test_every_word_an_expand_rule_tests_passes_its_gate() -> None:
    """expand() sends a word no rule tests straight to the tables: a rule whose word is missing from its pass's gate never runs."""
    from handlers.faqkb import normalise

    tree = ast.parse((ROOT / "handlers/faqkb/normalise.py").read_text(encoding="utf-8"))
    expand = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "expand")
    gates = {"token": normalise._EXPAND_RULED, "word": normalise._EXPANDED_RULED}
    tested: dict[str, set[str]] = {"token": set(), "word": set()}
    loops = [n for n in expand.body if isinstance(n, ast.For) and isinstance(n.target, ast.Tuple)]
    for loop in loops:
        name = loop.target.elts[1].id  # type: ignore[attr-defined]  # (for at, token / for at, word)
        for node in ast.walk(loop):
            if not (isinstance(node, ast.Compare) and isinstance(node.left, ast.Name) and node.left.id == name):
                continue
            for op, right in zip(node.ops, node.comparators, strict=True):
                if isinstance(right, ast.Constant) and isinstance(op, ast.Eq):
                    tested[name].add(right.value)
                elif isinstance(right, ast.Tuple) and isinstance(op, ast.In):
                    tested[name] |= {e.value for e in right.elts if isinstance(e, ast.Constant)}
                elif isinstance(right, ast.Name) and isinstance(op, ast.In) and not right.id.endswith("_RULED"):
                    tested[name] |= set(getattr(normalise, right.id))  # (a table: _ROMAN, _MONTHS, …)
    assert len(loops) == 2 and len(tested["token"]) >= 25 and len(tested["word"]) >= 60, tested
    for name, words in tested.items():
        assert words <= gates[name], f"{name}: {sorted(words - gates[name])} tested by a rule of expand() but not in its gate"


def test_years_said_aloud_are_numbers() -> None:
    assert raw_tokens("tahun dua ribu dua puluh satu") == ["tahun", "2021"]
    assert raw_tokens("dua ribu dua puluh") == ["2020"]
    assert raw_tokens("maret dua ribu dua dua") == ["maret", "2022"]  # (the last two digits said one by one)
    assert raw_tokens("dua ribu dua") == ["2002"]
    assert raw_tokens("seribu sembilan ratus") == ["1000", "9", "ratus"]


@pytest.mark.parametrize(
    ("text", "entry"),
    [
        # the questions of the form's navigation and of the bot's own behaviour, answered with what the bot really does
        ("kalau sinyal putus waktu isi formulir, harus mengulang dari awal?", "bot-form-navigasi"),
        ("gimana cara mundur ke pertanyaan sebelumnya di formulir", "bot-form-navigasi"),
        ("apakah email wajib diisi", "bot-form-isian"),
        ("npsn sekolah sy sudah didaftarkan orang lain", "bot-npsn-terdaftar"),
        ("bisa kirim pesan suara ke bot?", "bot-pesan-suara"),
    ],
)
def test_the_form_and_the_bots_behaviour(text: str, entry: str, engine: FaqEngine) -> None:
    match = engine.match(text)
    assert match.outcome == "answer" and match.entry is not None and match.entry.id == entry, (text, match)


def test_context_does_not_outvote_the_question(engine: FaqEngine) -> None:
    # a context clause naming only the programme and the school ("sekolah kami sudah jadi sekolah
    # penggerak") must not decide against the clause that asks about something of its own
    match = engine.match("Pak, sekolah kami baru jadi sekolah penggerak. Dananya dari mana saja dan apa ada BOS kinerja?")
    assert match.entry is not None and match.entry.id == "dana", match
    # "apa pun" is not a question word
    match = engine.match("Sy kepala SD, sekolah kami belum pernah ikut program apa pun. Apa saja persyaratan kepala sekolah untuk mendaftar?")
    assert match.entry is not None and match.entry.id == "syarat-kepsek", match
    # a message that marks its question with "?" asks nothing in its other sentences
    match = engine.match("Sy korwil. Berapa kuota sekolah penggerak untuk Buleleng? Supaya usulan kami bisa disesuaikan.")
    assert match.outcome == "forward" and match.entry is not None and match.entry.id == "kuota-buleleng", match


def test_context_and_question_disagreeing_are_asked_back_or_decided_by_the_question(engine: FaqEngine) -> None:
    # the whole message leans to the age topic (its context gives an age), the clause that asks is about the levels
    match = engine.match("Saya kepala TK, umur 54 tahun dan sudah definitif. Apakah jenjang PAUD juga bisa ikut sekolah penggerak?")
    assert match.entry is not None and match.entry.id == "psp-jenjang", match
    # a one-word yes-or-no after context ("…, bs jd sekolah penggerak?") does not stand alone
    match = engine.match("sklh kami kecil di desa, guru cuma 6 orang, bs jd sekolah penggerak?")
    assert match.entry is None or match.entry.id != "psp-apa", match


def test_a_letter_is_asked_up_to_the_end_of_its_sentence(engine: FaqEngine) -> None:
    match = engine.match("Dengan hormat, kami bermaksud menanyakan dasar hukum Program Sekolah Penggerak. Atas perhatian Bapak/Ibu kami ucapkan terima kasih.")
    assert match.entry is not None and match.entry.id == "psp-dasar-hukum", match


def test_selection_practicalities_are_forwarded(engine: FaqEngine) -> None:
    for text in ("wawancara tahap 2 pakai aplikasi apa", "surat sehat boleh dari puskesmas?"):
        match = engine.match(text)
        assert match.outcome == "forward" and match.entry is not None and match.entry.id == "seleksi-teknis", (text, match)


def test_a_command_answer_may_repeat_the_bots_own_notices() -> None:
    # "UU No. 27 Tahun 2022" is what the privacy notice says: an entry citing "bot" may repeat it, another may not
    base = load_file(DEFAULT_FAQ_PATH)
    facts = (SOURCES / "psp-facts.md").read_text()
    seed = (SOURCES / "seed-article.txt").read_text()
    privacy = [e for e in base.entries if e.id == "bot-privasi"]
    assert audit_sources(privacy, facts, seed, own_texts()) == []
    assert any("2022" in p for p in audit_sources(privacy, facts, seed))


def test_balinese_indonesian() -> None:
    assert raw_tokens("tiang nunas info pidan bimtek nike") == raw_tokens("saya minta info kapan bimtek itu")
    assert raw_tokens("punapi carane daftar") == raw_tokens("bagaimana cara daftar")


@pytest.mark.parametrize(
    "text",
    [
        "Om swastyastu pak, titiang kepala SD ring Sawan. Nunas informasi, pidan bimtek PMO nike?",
        "Dengan hormat, bersama ini kami mohon informasi mengenai jadwal bimtek PMO. Atas perhatiannya kami ucapkan terima kasih.",
        "pak sy baru sebulan jd kepsek di tejakula, kemarin ikut rapat di dinas, mau tanya bimtek pmo tgl brp",
    ],
)
def test_the_question_is_found_inside_a_long_message(text: str, engine: FaqEngine) -> None:
    match = engine.match(text)
    assert match.entry is not None and match.entry.id == "bimtek-jadwal", match


def test_time_zone_arithmetic() -> None:
    assert time_conversion("sesi jam 09.00 WIB itu jam brp di bali", "id") == "09.00 WIB = 10.00 WITA"
    assert time_conversion("13:30 wita in jakarta time?", "en") == "13:30 WITA = 12:30 WIB"
    assert time_conversion("kapan bimtek", "id") == ""


def test_where_the_news_came_from_is_context_not_the_question(engine: FaqEngine) -> None:
    # "kami dapat edaran psp" names the circulars topic; the question is the health certificate
    text = "permisi pak, kami dapat edaran PSP. yang mau saya tanyakan, surat keterangan sehat itu wajib dilampirkan waktu pendaftaran?"
    match = engine.match(text)
    assert match.entry is not None and match.entry.id == "surat-sehat", match
    # …but a clause that asks is never dropped, whatever it names
    assert without_hearsay("td dpt info dr korwil soal psp. syaratnya apa?", lambda c: "?" in c) == "syaratnya apa?"
    assert without_hearsay("kapan kami dapat edaran?", lambda c: "?" in c) == "kapan kami dapat edaran?"


def test_a_citys_time_is_its_zone(engine: FaqEngine) -> None:
    assert clock_words("zoom pakai waktu bali atau waktu jakarta") == "zoom pakai wita atau wib"
    match = engine.match("zoomnya pakai waktu bali atau waktu jakarta?")
    assert match.entry is not None and match.entry.id == "zona-waktu", match


def test_every_answer_rests_on_its_sources() -> None:
    base = load_file(DEFAULT_FAQ_PATH)
    facts = (SOURCES / "psp-facts.md").read_text()
    seed = (SOURCES / "seed-article.txt").read_text()
    assert audit_sources(base.entries, facts, seed, own_texts()) == []
    assert all(e.sources for e in base.entries)


def test_audit_flags_a_decree_or_date_its_sources_do_not_hold() -> None:
    from dataclasses import replace

    base = load_file(DEFAULT_FAQ_PATH)
    facts = (SOURCES / "psp-facts.md").read_text()
    seed = (SOURCES / "seed-article.txt").read_text()
    jadwal = next(e for e in base.entries if e.id == "bimtek-jadwal")
    wrong = [
        replace(jadwal, answer={**jadwal.answer, "id": jadwal.answer["id"].replace("8–11 Maret 2022", "8–12 Maret 2022")}),
        replace(jadwal, id="x1", answer={**jadwal.answer, "en": "Under Kepmendikbudristek 162/M/2021 the Bimtek is in 2025."}),
        replace(jadwal, id="x2", sources=("facts F",)),
        replace(jadwal, id="x3", answer={**jadwal.answer, "id": "Disdikpora menghimbau kepala sekolah."}),
        replace(jadwal, id="x4", answer={**jadwal.answer, "id": "Hubungi 0362 21234 atau lihat disdikpora.bulelengkab.go.id."}),
    ]
    problems = " | ".join(audit_sources(wrong, facts, seed))
    assert "names the date 12/3" in problems
    assert "cites decree 162/M/2021" in problems and "names the year 2025" in problems
    assert "entry 'x2': answer_id names the date 8/3" in problems  # section F holds no Bimtek dates
    assert "KBBI: 'mengimbau'" in problems
    assert "gives the number 0362 21234" in problems and "gives the address disdikpora.bulelengkab.go.id" in problems


def test_dates_are_read_in_both_languages() -> None:
    assert dates_in("8–11 March 2022, 19 Jan – 28 Feb") == {(8, 3), (11, 3), (19, 1), (28, 2)}
    assert dates_in("8 s.d. 11 Maret 2022; 7 – 14 Juli") == {(8, 3), (11, 3), (7, 7), (14, 7)}


def test_cli_faq_check_refuses_an_unsupported_date(tmp_path: Path) -> None:
    kb = copy_faq(tmp_path / "data", DEFAULT_FAQ_PATH.read_text().replace("pleno kelulusan 7–14 Juli 2022", "pleno kelulusan 7–15 Juli 2022"))
    command = [sys.executable, "-m", "bot", "faq", "check", "--file", str(kb)]
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=clean_env(), timeout=60)
    assert result.returncode == 1 and "names the date 15/7" in result.stderr
    assert subprocess.run([sys.executable, "-m", "bot", "faq", "check"], capture_output=True, cwd=ROOT, env=clean_env(), timeout=60).returncode == 0


async def test_a_question_in_the_middle_of_the_form_is_answered(harness: Harness) -> None:
    who = "telegram:850"
    await harness.say(who, "/daftar")
    await harness.press(who, "Setuju")  # the personal data notice
    await harness.say(who, "I Made Sudarma")
    replies = await harness.say(who, "bimtek kapan ya pak?")
    text = text_of(replies)
    assert "8–11 Maret 2022" in text and "NIP" in replies[-1].text
    assert "hanya berisi angka" not in text
    # the form carries on where it was
    assert "Tanggal lahir" in text_of(await harness.say(who, "-"))


def test_asking_back_offers_two_or_three_topics(engine: FaqEngine) -> None:
    for text in ["kapan ada pelatihan operator dapodik", "rapat pmo bulan depan kapan"]:
        match = engine.match(text)
        assert match.outcome == "ask_back", (text, match)
        assert 2 <= len(match.suggestions) <= 3, text


def test_word_list_is_compact_and_exact() -> None:
    words = lexicon.WordList(["sd", "sekolah", "seleksi", "abad", "sekolah", "ab"])
    assert all(w in words for w in ("sd", "sekolah", "seleksi", "abad", "ab"))
    assert not any(w in words for w in ("se", "sekola", "seleks", "a", "", "zzz"))
    assert "tinggal" in lexicon.root_words() and "bimtek" not in lexicon.root_words()


@pytest.mark.parametrize(
    "text",
    [
        "kecamatan mana yg paling banyak ngirim nama SD ke dinas?",  # a ranking no answer holds
        "tolong minta no hp korwil yg ikut bimtek pmo",  # a phone number no answer holds
    ],
)
def test_a_detail_no_answer_holds_is_not_answered_with_the_nearest_topic(text: str, engine: FaqEngine) -> None:
    match = engine.match(text)
    assert match.outcome != "answer" or (match.entry is not None and match.entry.command), match


def test_a_near_miss_still_forwards_what_it_adds(engine: FaqEngine) -> None:
    # the higher-education ministry is not in the sources: forwarded, not answered with the
    # primary and secondary one
    match = engine.match("kalau pendidikan tinggi sekarang di bawah kementerian apa ya")
    assert match.outcome == "forward" and match.in_domain, match


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        # another competition, office or programme, no word of PSP: the scope note
        ("Sekolah kami mau ikut lomba FLS2N, kapan pendaftarannya dibuka?", "decline"),
        # a child's or a pupil's admission (PPDB) is the Dinas's other business
        ("anak saya mau masuk SMP negeri tahun ini, syaratnya apa saja pak", "decline"),
        ("penerimaan peserta didik baru SD kapan dibuka", "decline"),
        # the Dinas's other business, even when the Disdikpora or a "bimtek" is named
        ("cara mengurus tunjangan sertifikasi guru di disdikpora gimana?", "decline"),
        ("Dengan hormat, kami mohon petunjuk pengajuan rehab ruang kelas lewat DAK fisik. Terima kasih.", "decline"),
        # a device or an app in trouble (not this bot, not the Bimtek's link)
        ("kamera laptop sy error terus pas zoom, gmn benerinnya", "decline"),
        ("tolong buatkan rpp ipa kelas 5 ya pak", "decline"),
        # an English month is capitalised, it names no other thing
        ("Which stage were Badung and Klungkung at in March 2022?", "answer"),
        ("Mohon info syarat mengurus KTP di Dinas Kependudukan dan Pencatatan Sipil", "decline"),
        # Zoom is used for much besides the Bimtek: alone it does not make a message about PSP
        ("rekomendasi hp android 2 jutaan yg kuat buat zoom sama main game?", "decline"),
        # the same shape about PSP (its name as written, or spelled out) is answered
        ("Sekolah kami mau ikut PSP di Sukasada, kapan pendaftarannya dibuka?", "answer"),
        ("Mohon informasi tanggal pelaksanaan Bimbingan Teknis Tim Pokja di Singaraja", "answer"),
    ],
)
def test_a_message_naming_another_thing_is_off_topic(text: str, outcome: str, engine: FaqEngine) -> None:
    match = engine.match(text)
    assert match.outcome == outcome and not match.queued, (text, match)


def test_a_letters_addressee_is_not_its_topic(engine: FaqEngine) -> None:
    # (asked back between the PMO's topics while the addressee was read as content)
    letter = "Yth. Tim PMO Disdikpora Buleleng. Dengan hormat, kami mohon konfirmasi tanggal pelaksanaan Bimtek Pokja PMO serta media yang digunakan."
    assert without_addressee(fold(letter)).startswith("dengan hormat")
    assert without_addressee("pmo itu apa") == "pmo itu apa"
    match, answer = engine.answer(letter, "id")
    # it asks the dates and the medium: one topic's answer holds both
    assert match.outcome == "answer" and match.entry is not None and match.entry.id.startswith("bimtek-"), match
    assert "8–11 Maret 2022" in answer and "Zoom" in answer


def test_an_acknowledgement_asked_is_a_question() -> None:
    # "sudah tercatat?" asks whether the registration is stored
    assert small_talk("sudah tercatat?") is None and small_talk("sudah tercatat") == "ack"


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        # why the asker asks, after the question, does not make it a question the topic lacks
        ("apakah plt boleh mendaftar psp? karena sk definitif beliau belum terbit", "plt"),
        # a passive yes-or-no, or "what to type", points back at what was told before it
        ("npsn lembaga PAUD kami diawali huruf K. apakah nanti di bot bisa diterima?", "npsn-nip"),
        ("beliau kepala sekolah yayasan dan belum punya NIP, tulis apa di formulir?", "bot-form-format"),  # (the dash for no NIP)
        # chat's pronouns and "pengen" say nothing of the topic; "benerin" is benar + -in
        ("gue pengen data gue dihapus aja dari sistem bot", "bot-hapus-data"),
        ("email sy keliru, blm sy kirim formnya, benerinnya gimana", "bot-form-ubah"),
        # "soalnya" after a question word is the test's questions, not a reason
        ("ujian tahap 1 soalnya ada berapa dan materinya apa", "seleksi-tahap1"),
    ],
)
def test_context_told_around_the_question(text: str, topic: str, engine: FaqEngine) -> None:
    match = engine.match(text)
    assert match.outcome == "answer" and match.entry is not None and match.entry.id == topic, match


def test_a_person_of_the_askers_own_is_asked_only_within_one_sentence(engine: FaqEngine) -> None:
    # "sekolah kami" in one sentence and "siapa" in another: no person of the asker's own is asked
    # for; the message asks two things, one is answered and the other offered
    match = engine.match(
        "Saya guru di SD Negeri 1 Kubutambahan, sekolah kami ikut PSP. Apakah ada pendaftaran terbuka untuk guru, dan siapa saja anggota komite pembelajaran?"
    )
    assert match.outcome == "answer" and match.entry is not None and match.also is not None, match
    assert {match.entry.id, match.also.id} == {"guru-daftar", "komite-pembelajaran"}, match


def test_a_schools_number_and_village_are_left_out_of_its_name(engine: FaqEngine) -> None:
    assert without_school_names("saya plt di sd n 3 tejakula sejak januari") == "saya plt di sd sejak januari"
    assert without_school_names("kami dari smpn 2 yang di seririt") == "kami dari smpn yang di seririt"
    assert without_school_names("apa beda angkatan 1 sd 3") == "apa beda angkatan 1 sd 3"  # "s.d.", until
    # a word of a topic after the number is not a village: "SDN 2 mendaftar …" keeps its verb
    assert without_school_names("sdn 2 mendaftar psp lewat mana", lambda word: word == "mendaftar") == "sdn mendaftar psp lewat mana"
    # the Plt is what is asked, not "ikut seleksi psp" alone (the cohorts' topic)
    match = engine.match("kepala SMPN 4 Singaraja masih berstatus Plt sejak Maret, apa boleh ikut seleksi PSP?")
    answered_plt = match.outcome == "answer" and match.entry is not None and match.entry.id == "plt"
    assert answered_plt or match.outcome == "ask_back" and match.suggestions[0].id == "plt", match


@pytest.mark.parametrize(
    "text",
    [
        # a person of one kecamatan: no answer names one
        "siapa saja pelatih ahli yang bertugas di kec Banjar?",
        "who is the expert coach for schools in Sawan?",
        # where an office is: no answer holds an address
        "sekretariat tim pokja pmo lokasinya di mana?",
    ],
)
def test_a_place_or_a_local_person_no_answer_holds_is_not_answered(text: str, engine: FaqEngine) -> None:
    match = engine.match(text)
    assert match.outcome in ("ask_back", "forward") and match.in_domain, match


@pytest.mark.parametrize("text", ["nama murid kelas 3 di dapodik typo, cara memperbaikinya?", "NISN salah satu siswa kami tidak muncul, harus lapor ke mana?"])
def test_a_pupils_record_in_dapodik_is_other_business(text: str, engine: FaqEngine) -> None:
    match = engine.match(text)
    assert match.outcome == "decline" and not match.queued, match


@pytest.mark.parametrize("text", ["pada hari ketiga bimtek pmo, sesi apa saja yang dibahas?", "jam berapa sesi hari keempat bimtek ditutup?"])
def test_one_day_of_the_bimtek_is_not_answered_with_the_whole(text: str, engine: FaqEngine) -> None:
    # the sources hold the four days together (8–11 March), nothing of one day's programme
    match = engine.match(text)
    assert match.outcome in ("ask_back", "forward") and match.in_domain, match


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("bimtek pmo tgl 8 sampai 11 maret itu tahun berapa", "bimtek-jadwal"),  # the span is not one day
        # the last day of the registration, a closing date: not a day of the Bimtek
        ("hari terakhir pendaftaran psp kapan?", "pendaftaran-jadwal"),
        ("pendaftaran psp ditutup tanggal 10 ya?", "pendaftaran-jadwal"),
    ],
)
def test_days_that_are_not_one_day_of_the_bimtek(text: str, topic: str, engine: FaqEngine) -> None:
    match = engine.match(text)
    assert match.outcome == "answer" and match.entry is not None and match.entry.id == topic, match


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        # a remark after the question mark is context, not what the sources lack
        ("bimtek pmo membahas materi apa saja? mohon untuk bahan laporan kegiatan", "bimtek-materi"),
        # "apa benar …" asks whether something is true; "benar" is not a word of the topic
        ("apakah benar PSP di Disdikpora dipegang bidang GTK saja?", "pmo-bidang"),
        # the programme's name with "-nya" still names it; a city is no other programme
        ("bimteknya pakai zoom atau tatap muka di Denpasar?", "bimtek-media"),
        # "K13" is the 2013 curriculum, not another programme
        ("kurikulum yang dipakai apa ya? K13 masih bisa dipakai?", "kurikulum"),
        # Balinese years and "still allowed": "yusa … tiban, kantun dados ngiring?"
        ("titiang sampun yusa 58 tiban, napi kantun dados ngiring PSP?", "usia"),
        # "who" answered by a topic naming who sees the data
        ("data yang saya isi di bot bisa diakses siapa saja?", "bot-privasi"),
        # a condition on passing ("kalau … lolos") is not asking for a result
        ("syarat agar sekolah kami lolos seleksi psp apa saja?", "syarat-kepsek"),
        ("kalau sekolah saya lolos psp bisa dimutasi gak", "mutasi"),
    ],
)
def test_readings_of_round_12(text: str, topic: str, engine: FaqEngine) -> None:
    match = engine.match(text)
    assert match.outcome == "answer" and match.entry is not None and match.entry.id == topic, match


def test_failing_a_stage_is_about_psp(engine: FaqEngine) -> None:
    match = engine.match("yang tidak lolos tahap 2 tahun ini boleh mencoba lagi?")
    assert match.in_domain and match.outcome in ("answer", "ask_back", "forward"), match
    # a two-word yes-or-no after the context asks about the context, not the form's "start over"
    match = engine.match("rekan saya tidak lolos tahap 1 tahun lalu, boleh daftar ulang?")
    assert match.outcome in ("ask_back", "forward") and match.in_domain, match


@pytest.mark.parametrize("text", ["sdn 5 banjar sudah lolos tahap 2 belum ya?", "apakah saya lulus seleksi tahap 2? belum ada kabar"])
def test_the_askers_own_result_is_in_no_source(text: str, engine: FaqEngine) -> None:
    match = engine.match(text)
    assert match.outcome in ("ask_back", "forward") and match.in_domain, match


@pytest.mark.parametrize(
    "text",
    [
        # the Disdikpora or the ministry deal with much besides PSP: far from every topic, the scope note
        "rekomendasi rumah makan di singaraja buat jamu tamu dinas dong",
        "rekomendasi hotel buat tamu kemendikbudristek dong",
        # the Dinas's other business
        "pengajuan NUPTK untuk guru baru di sekolah kami prosesnya bagaimana?",
        "tes pengangkatan p3k untuk guru honorer kapan?",
        "seorang guru kami ingin dimutasi ke kecamatan Sawan, syaratnya apa?",
    ],
)
def test_other_business_and_an_office_alone_are_declined(text: str, engine: FaqEngine) -> None:
    match = engine.match(text)
    assert match.outcome == "decline" and not match.queued, match


def test_a_numbered_list_of_questions_is_read_item_by_item(engine: FaqEngine) -> None:
    # each item is its own question; the first one's "berapa" is what it asks, not the second one's "kapan"
    assert fold("mau tanya 2 hal: 1) syarat psp apa? 2) bimtek kapan?") == "mau tanya. syarat psp apa?. bimtek kapan?"
    assert fold("(tahap 2) wawancara") == "(tahap 2) wawancara"  # not an item
    assert fold("wawancara tahap 2 (jam 09.00) pakai zoom?") == "wawancara tahap 2 (jam 09.00) pakai zoom?"  # a time
    match = engine.match("ada 2 pertanyaan pak: 1) umur maksimal kepala sekolah berapa? 2) bimtek pmo kapan?")
    assert match.outcome == "answer" and match.entry is not None and match.entry.id == "usia", match


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        # a city's time in English is its zone; a city is not another programme
        ("Are the Zoom times in Jakarta time or Bali time?", "zona-waktu"),
        # an NGO is an organisation, not another programme
        ("Our NGO team follows the PSP programme; can we receive reminders for the Zoom sessions?", "bot-pengingat"),
        # "Balinese" is Bali's, not another programme's name
        ("Which Balinese regencies joined cohort three?", "angkatan-3"),
        # a yes-or-no marked by its own question mark points back at the condition before it
        ("Kepsek sekolah saya statusnya Plt, blh ikut daftar PSP gk? saya cuma operatornya", "plt"),
        # a principal who is PPPK staff asks about the form, not about PPPK
        ("saya kepsek PPPK, kolom NIP diisi apa di form?", "bot-form-isian"),
    ],
)
def test_names_and_clauses_of_round_12(text: str, topic: str, engine: FaqEngine) -> None:
    match = engine.match(text)
    assert match.outcome == "answer" and match.entry is not None and match.entry.id == topic, match


def test_two_questions_joined_offer_the_second_even_when_the_clause_decides(engine: FaqEngine) -> None:
    # the asking clause decides which is answered; the other question is still offered
    match = engine.match("bagaimana menonaktifkan notifikasi zoom, lalu mengubah bahasa bot jadi English?")
    assert match.outcome == "answer" and match.entry is not None and match.also is not None, match
    assert {match.entry.id, match.also.id} == {"bot-bahasa", "bot-pengingat"}, match


def test_like_ours_carries_no_topic(engine: FaqEngine) -> None:
    # "kayak kami" (schools like ours) is not a word of any topic
    assert engine.words("sekolah kecil kayak kami bisa ikut psp?") == ["sekolah", "kecil", "ikut", "psp"]


@pytest.mark.parametrize(
    "text",
    [
        # a can't told is not the question: the recording asked for is
        "video rekaman bimtek pmo ada gak pak, sy tdk bisa ikut krn sakit",
        "file rekaman hari ketiga bimtek ada tidak, saya tidak dapat hadir karena rapat gugus",
        # the sessions' rules and attendance are not in the sources either
        "kamera harus on gak selama zoom bimtek?",
        "absensi bimtek pmo lewat apa?",
    ],
)
def test_details_of_the_bimteks_sessions_are_forwarded(text: str, engine: FaqEngine) -> None:
    match = engine.match(text)
    assert match.outcome == "forward" and match.entry is not None and match.entry.id == "bimtek-narasumber", match


def test_a_cant_told_is_not_a_question_word() -> None:
    from handlers.faqkb.matcher import _question_words

    assert _question_words("saya tdk bisa ikut krn ada rapat") == set()
    assert _question_words("apakah saya bisa ikut") == {"apakah", "bisa"}
    assert _question_words("kalau tidak bisa hadir, bisa diwakilkan") == {"bisa"}


def test_a_count_of_schools_asked_at_the_end_needs_a_count(engine: FaqEngine) -> None:
    # no source counts the schools of cohort I in one kecamatan: not answered with the cohort's topic
    match = engine.match("SD yang lolos angkatan I dari kecamatan sawan ada brp ya?")
    assert match.outcome != "answer", match


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        # "berarti …" draws its question from the sentence before it
        ("sesi zoom mulai pukul 10.00 WIB, berarti di Singaraja pukul berapa?", "zona-waktu"),
        # the admin reached is a person, not the form of address "min"
        ("tolong sambungkan ke admin", "bot-kontak"),
        # regions answer "siapa saja yang masuk angkatan I"
        ("selain Denpasar, siapa saja yang masuk angkatan I di Bali?", "angkatan-1"),
        # a reason after the question mark is not what is asked
        ("yang mendaftar itu kepala sekolah atau sekolahnya? soalnya operator kami sudah siapkan akun", "daftar-siapa"),
        # dictation writes the affixes apart
        ("kapan pen daftar an psp ditutup", "pendaftaran-jadwal"),
    ],
)
def test_readings_of_round_13(text: str, topic: str, engine: FaqEngine) -> None:
    match = engine.match(text)
    assert match.outcome == "answer" and match.entry is not None and match.entry.id == topic, match


def test_dictated_affixes_and_the_admin_reached(engine: FaqEngine) -> None:
    assert engine.words("kapan pen daftar an psp ditutup") == ["daftar", "psp", "ditutup"]
    assert "petugas" in engine.words("hubungi admin gmn") and "petugas" not in engine.words("min, bimtek kapan")
    # "yang dimaksud X": X is asked, not a meaning
    assert "maksud" not in engine.words("yg dimaksud kepsek memenuhi syarat apa saja")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Cheers, that helps!", "thanks"),
        ("thanks heaps", "thanks"),
        ("Terima kasih banyak. Salam hormat, Korwil Kecamatan Sawan", "thanks"),
        ("siap pak, besok saya coba di sekolah", "ack"),
        ("Best regards, Wayan", "farewell"),
    ],
)
def test_small_talk_of_round_13(text: str, kind: str) -> None:
    assert small_talk(text) == kind


def test_a_question_after_a_closing_is_not_a_signature() -> None:
    assert small_talk("salam hormat pak, bimtek kapan") is None
    assert small_talk("Salam hormat. Kapan bimtek pmo?") is None


def test_chat_fillers_carry_no_topic(engine: FaqEngine) -> None:
    # "jujur" (honestly), "sorry", laughter: how it is said, not what is asked
    assert engine.words("jujur sy bingung wkwk, sorry") == []
    match = engine.match("jujur sy bingung, bot ini bisa dipakai buat apa aja?")
    assert match.outcome == "answer" and match.entry is not None and match.entry.id == "bot-fitur", match


def test_staff_counts_are_answered_with_statistik(engine: FaqEngine) -> None:
    match, answer = engine.answer("admin mau lihat jumlah pendaftar semua kecamatan sekaligus gmn?", "id")
    assert match.entry is not None and match.entry.id == "bot-statistik" and "/statistik" in answer, match
    # the circular's and the recap's answers point to it too
    assert "/statistik" in engine.answer("cara kirim surat edaran ke semua kepsek lewat bot", "id")[1]
    assert "/statistik" in engine._index.by_id["bot-rekap"].answer["id"]


def test_the_privacy_answer_names_what_the_form_collects(engine: FaqEngine) -> None:
    match, answer = engine.answer("siapa saja yg bisa lihat data pendaftaran saya, data apa saja yg dikumpulkan?", "id")
    assert match.entry is not None and match.entry.id == "bot-privasi", match
    assert all(field in answer for field in ("NIP", "NPSN", "tanggal lahir")), answer
    assert all(field in engine._index.by_id["bot-privasi"].answer["en"] for field in ("NIP", "NPSN", "date of birth"))


def test_scores_are_the_same_whatever_the_hash_seed() -> None:
    # Two topics tie exactly on this question: which one answers must not depend on the order a
    # set of words happened to be summed in, which changes with every process's hash seed.
    script = (
        "from pathlib import Path; from handlers.faqkb.matcher import FaqEngine; "
        "e = FaqEngine.from_file(Path('data/faq.toml')); "
        "print([(repr(s), i) for s, i in e._score(e.words('Which regencies in Bali were in the first cohort?'), set())[0][:3]])"
    )
    root = Path(__file__).resolve().parent.parent
    outputs = {
        subprocess.run([sys.executable, "-c", script], cwd=root, env={**os.environ, "PYTHONHASHSEED": seed}, capture_output=True, text=True, check=True).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outputs) == 1, outputs


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        # where the bot's answers come from, and when its news item appeared
        ("sumber info bot ini dari mana ya?", "bot-sumber"),
        ("berita ttg bimtek PMO buleleng dimuat tanggal berapa?", "bot-sumber"),
        # "kabupaten tiang" is the regency named before it
        ("tiang guru di Gianyar. kabupaten tiang masuk angkatan berapa nggih?", "angkatan-3"),
        # "mau tanya kadis dulu": the person to ask, not what is asked
        ("cara kembali ke pertanyaan sebelumnya di form gmn? sy mau tanya kadis dulu", "bot-form-navigasi"),
        # a slip of the finger: two letters swapped
        ("data sy nnti dilihta siapa aj", "bot-privasi"),
    ],
)
def test_readings_of_round_13_second_part(text: str, topic: str, engine: FaqEngine) -> None:
    match = engine.match(text)
    assert match.outcome == "answer" and match.entry is not None and match.entry.id == topic, match


def test_a_school_buildings_repair_is_other_business(engine: FaqEngine) -> None:
    assert engine.match("pak, plafon ruang guru kami jebol, bisa minta perbaikan ke dinas?").outcome == "decline"


@pytest.mark.parametrize(("text", "kind"), [("ok mkasih bnyk", "thanks"), ("baik bu, SE nya sdh sy trima", "ack"), ("sampai jumpa di zoom", "farewell")])
def test_small_talk_of_round_13_second_part(text: str, kind: str) -> None:
    assert small_talk(text) == kind


def test_quick_one_is_not_the_number_one(engine: FaqEngine) -> None:
    assert engine.words("Quick one: cohort one") == ["angkat", "1"]


def test_a_dictionary_root_is_not_cut_into_another_word(engine: FaqEngine) -> None:
    # "setuju" (agree) is a root of its own, not "se-" + "tuju" (the root of "tujuan", aim)
    assert engine.words("tombol setuju itu apa") == ["tombol", "setuju"]


def test_when_registration_starts(engine: FaqEngine) -> None:
    match = engine.match("pendaftarannya mulai kapan ya?")
    assert match.outcome == "answer" and match.entry is not None and match.entry.id == "pendaftaran-jadwal", match


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        # what the asker is may be the question's condition: only "I'm with …" is context
        ("I'm from a private school in Singaraja. Can we join PSP?", "psp-swasta"),
        # a reason word inside the situation after the question keeps it
        ("Bisa ikut psp pak? sekolah saya TK swasta soalnya", "psp-swasta"),
        # "ada berapa syaratnya": the count of requirements, not of people
        ("kepsek yang mau daftar ada berapa syaratnya?", "syarat-kepsek"),
        # a class in the form is not a classroom to repair
        ("data kelas di form rusak, bagaimana cara perbaiki?", "bot-form-ubah"),
        # a topic near the best that speaks of downloading is not "lacking" it
        ("Sy korwil, rekap pendaftar bisa diunduh jadi excel?", "bot-ekspor"),
    ],
)
def test_round_13_rules_keep_their_bounds(text: str, topic: str, engine: FaqEngine) -> None:
    match = engine.match(text)
    assert match.outcome == "answer" and match.entry is not None and match.entry.id == topic, match


def test_round_13_rules_do_not_swallow_questions(engine: FaqEngine) -> None:
    # a request after a letter's closing is no signature; a thing asked about after thanks is a question
    for text in ("Salam hormat, mohon info jadwal bimtek pmo", "terima kasih, surat edaran psp?", "Makasih pak, zoom besok?"):
        assert small_talk(text) is None, text
    # regions answer "siapa lagi yang angkatan I", not any who
    assert engine.match("siapa pengajar psp angkatan 1 di buleleng?").outcome != "answer"


@pytest.mark.parametrize(
    ("text", "outcome", "topic"),
    [
        # pupils' admission is other business even at a Sekolah Penggerak
        ("pendaftaran siswa baru di sekolah penggerak kapan dibuka?", "decline", None),
        ("anak sy mau masuk kelas 1 di SD sekolah penggerak, PPDB nya kapan?", "decline", None),
        # a school merged mid-programme: the condition holds what the sources lack
        ("kalau sekolah kami kena regrouping dengan SD lain tahun depan, status PSP nya bagaimana?", "forward", "pergantian-kepsek"),
        # the head asked for across a "dan" inside the phrase: not the Bimtek's dates or topics (since
        # round 14 a "dan" between two things no longer splits the clause: the officials' topic answers)
        ("kepala disdikpora waktu psp angkatan 1 dan bimtek 2022 siapa ya?", "answer", "pejabat-disdikpora"),
        ("kadis pas angkatan 2 dan bimtek pmo itu siapa pak", "ask_back", None),
        # which hotel: the Bimtek was online
        ("bimtek pmo kemarin di hotel mana ya?", "answer", "bimtek-media"),
    ],
)
def test_readings_after_the_last_blind_sets(text: str, outcome: str, topic: str | None, engine: FaqEngine) -> None:
    match = engine.match(text)
    assert match.outcome == outcome and (match.entry.id if match.entry else None) == topic, match


@pytest.mark.parametrize(
    "text", ["malam bu, maaf baru sempat buka hp", "Thank you so much for the information, good night", "baik bu, surat edarannya sudah saya terima, makasih"]
)
def test_small_talk_after_the_last_blind_sets(text: str) -> None:
    assert small_talk(text) is not None


@pytest.mark.parametrize(
    ("text", "outcome", "topic"),
    [
        # new pupils as context, PPDB beside PSP itself: still PSP questions
        ("Apakah sekolah penggerak wajib pakai kurikulum merdeka untuk siswa baru kelas 1?", "answer", "kurikulum"),
        ("pendaftaran PSP barengan sama PPDB, apa bisa diundur batasnya?", "ask_back", None),
        # a school described as a Sekolah Penggerak does not lift a decline phrase
        ("apakah guru di sekolah penggerak bisa daftar CPNS tahun ini?", "decline", None),
        # "digabung" alone is no merger (read whole since round 14, the levels pull to psp-jenjang: asked back)
        ("bimtek SD dan SMP digabung atau terpisah?", "ask_back", None),
        # a head named in a context clause does not make the question ask for one
        ("kemarin kepala dinas sudah sosialisasi, dan siapa saja yang boleh ikut psp angkatan 3?", "answer", "angkatan-3"),
        # a known fact asked under a condition is not a lacking one
        ("kalau sekolah kami regrouping tahun depan, kapan batas pendaftaran psp?", "ask_back", None),
    ],
)
def test_the_last_readings_keep_their_bounds(text: str, outcome: str, topic: str | None, engine: FaqEngine) -> None:
    match = engine.match(text)
    assert match.outcome == outcome and (match.entry.id if match.entry else None) == topic, match


@pytest.mark.parametrize("text", ["Hi, is the bot for PSP?", "Halo min, sudah buka?", "Om swastyastu, admin sudah balas wa saya?"])
def test_a_question_of_small_talk_words_is_not_small_talk(text: str) -> None:
    assert small_talk(text) is None


# Round 14's readings, each an own phrasing of a failure class of sets 41–48 or of the round's review.
ROUND_14_READINGS = [
    # a when-question of a passive verb reads what it is about from before it, also across a "dan"
    ("apa itu verifikasi dan penilaian pak, tgl brp dilaksanakan?", "answer", "kelulusan"),
    # "through what" after a choice question reads the choice's subject
    ("bimtek pokja itu daring atau luring? pakai aplikasi apa?", "answer", "bimtek-media"),
    # "brp hari?" after a question of its own says nothing alone: not the Bimtek's days
    ("kalau sudah lolos apa kepsek wajib ikut pelatihan di luar daerah? brp hari? sekolah kosong nanti", "ask_back", None),
    # a two-word yes-or-no about the sanction told before it
    ("kepsek yg pernah dapat hukuman disiplin sedang, apakah langsung gugur?", "answer", "sanksi"),
    # "syarat apa maksudnya": which requirements, not a requirement's meaning
    ("korwil bilang calon harus memenuhi syarat. syarat apa maksudnya, sy takut tdk masuk", "answer", "syarat-kepsek"),
    # what the form collects is the privacy topic
    ("sy udah isi form di bot ini. apa saja data yang dikumpulkan? siapa yg bisa lihat?", "answer", "bot-privasi"),
    # English "meet" is a meeting; in Indonesian chat it stays Google Meet
    ("How frequently does the PMO meet, monthly?", "answer", "pmo-anggota"),
    ("wawancara tahap 2 pakai meet atau zoom?", "forward", "seleksi-teknis"),
    # two questions: the first, clearly about cohort I, decides over the whole message's near tie
    ("Buleleng masuk angkatan berapa ya? bareng kab mana lg di bali?", "answer", "angkatan-1"),
    # other business: a school's BOS paid out, a road and the public-works office, pupils' meals, a levy case
    ("dana bos sekolah kami blm cair, kapan pencairan tahap 2?", "decline", None),
    ("jalan menuju sekolah rusak parah, lapor ke dinas pu dimana?", "decline", None),
    ("program gizi anak sekolah siapa yg urus di dinas?", "decline", None),
    ("mau lapor dugaan pungli di salah satu SMP, siapa yg bisa dihubungi?", "decline", None),
    # …but PSP's own BOS Kinerja is not declined
    ("dana bos kinerja kapan cair ya?", "ask_back", None),
    # what comes after registering has a topic of its own; "selanjutnya"/"berikutnya" is "next", not "continue"
    ("sudah kirim formulir di bot, langkah berikutnya apa ya?", "answer", "setelah-daftar"),
    ("I've just registered in the bot, what happens next?", "answer", "setelah-daftar"),
    ("isian formulir sy lanjutkan besok bisa?", "answer", "bot-form-navigasi"),
    ("programnya berlanjut ke angkatan 4 tahun depan?", "forward", "angkatan-berikutnya"),
    # of two tied topics, the one whose own questions use the message's words (registration)
    ("pendaftaran untuk angkatan 3 kapan?", "answer", "pendaftaran-jadwal"),
    # "dibawa kemana selanjutnya": where the problem told before goes, not what comes next
    ("kalau kendala psp tidak selesai di tingkat sekolah, dibawa kemana selanjutnya?", "answer", "pmo-apa"),
    ("kalau ada masalah di sekolah penggerak yg tidak selesai, selanjutnya dibawa kemana?", "answer", "pmo-apa"),
    # a purpose after the question mark is not the question
    ("data apa yg diminta di form pendaftaran? biar sy siapkan dulu dokumennya", "answer", "bot-form-isian"),
    # "saat …" names when, the list asked is of the thing before "apa saja"
    ("saat awal sosialisasi psp di buleleng didampingi lembaga apa saja?", "answer", "sosialisasi-awal"),
    # "targeted", "sasaran": the national targets
    ("berapa sasaran sekolah penggerak nasional tahun 2022?", "answer", "psp-target"),
    # an English yes-or-no asks by its auxiliary; the school's age after it is context
    ("Do we need a certain accreditation level to take part? Our school is only 4 years old.", "answer", "akreditasi"),
    # …and "was it …" asks about the thing named before (not "a person" to talk to)
    ("Hi, I'm a local reporter. Could you confirm the dates and format of the Bimtek Tim Pokja PMO? Was it in person?", "answer", "bimtek-jadwal"),
    # "apakah itu jadi syarat", "apa jd masalah": whether the thing told before is a requirement or an obstacle
    ("sekolah kami akreditasi B, apakah itu jadi syarat ikut psp?", "answer", "akreditasi"),
    ("akreditasi sekolah sy masih C, apa jd masalah utk ikut psp?", "answer", "akreditasi"),
    # the Bimtek's full name and month say which event, not what is asked
    ("topik apa saja yang dibahas di Bimtek Tim Pokja Manajemen Operasional bulan Maret 2022?", "answer", "bimtek-materi"),
    # "dipindahkan" is a transfer
    ("kalau sudah jadi sekolah penggerak apakah kepsek bisa dipindahkan ke sekolah lain?", "answer", "mutasi"),
    # a person of one kecamatan, in Balinese ("ring Sawan"): the sources name none
    ("sira pelatih ahli sane ngiring SD ring Sawan nggih?", "ask_back", None),
    # pupils' competitions are other business
    ("jadwal osn sd tingkat kabupaten kapan ya", "decline", None),
    # English names of the stages
    ("when was the verification and scoring stage?", "answer", "kelulusan"),
    # "is there any X": X must be what the answer speaks of (the PMO's meetings say nothing of money)
    ("Is there any budget for supervisors to attend the quarterly PMO meetings?", "ask_back", None),
    ("is there an upper age limit for principals who apply?", "answer", "usia"),
    # a tag question ("… kan?") asks; the asker's retirement before it is context
    ("Saya sudah pensiun dari kepala sekolah. PSP itu cuma untuk sekolah favorit kan?", "answer", "psp-swasta"),
    # who asks, after the question mark, is not the question
    ("PMO itu kepanjangannya apa? sy staf baru di dinas", "answer", "pmo-apa"),
    # "dan" between two things of one clause does not split it ("angkatan 1 dan bimtek 2022 … siapa")
    ("kalau ditanya, kepala dinas waktu psp angkatan 1 dan bimtek 2022 itu siapa ya?", "answer", "pejabat-disdikpora"),
    # a teacher's NUPTK missing from the teachers' portal is other business
    ("nuptk guru kami belum muncul di info gtk, harus lapor ke mana?", "decline", None),
    # "kabupatennya masuk angkatan brp": the regency of the one told about before
    ("Ipar sy kepsek di Tabanan, kabupatennya masuk angkatan brp ya?", "answer", "angkatan-3"),
    # "Mohon informasi apakah saya masih dapat …" after the age: the age is what is asked about
    (
        "Dengan hormat, saya kepala SD di Sawan dan ingin mendaftar, namun usia saya tahun ini 57 tahun. "
        "Mohon informasi apakah saya masih dapat mengikuti program ini. Terima kasih.",
        "answer",
        "usia",
    ),
    # a teacher's pay is other business; what candidates wear at the interview is not in the sources
    ("gaji guru honorer kapan naik ya pak?", "decline", None),
    ("wawancara tahap 2 pakai baju apa, batik atau seragam?", "forward", "seleksi-teknis"),
    # (after a review of the round) business the selection or the Bimtek touches is not declined
    ("apakah peserta bimtek dapat makan siang?", "ask_back", None),
    ("kepsek sy juara lomba, bisa jadi poin di esai tahap 1?", "answer", "seleksi-tahap1"),
    ("NUPTK kepsek tidak muncul di dapodik, bisa ikut seleksi?", "answer", "dapodik"),
    # …and a pupil moved to another school is other business ("dipindahkan" is not a principal's transfer)
    ("siswa kami dipindahkan ke sekolah lain, datanya gmn?", "decline", None),
    # "apa itu X" after an introduction asks about X
    ("Sy kepsek SD. apa itu PMO?", "answer", "pmo-apa"),
    # who asks stays when the question names nothing of its own
    ("apakah bisa daftar? sy guru honorer", "answer", "guru-daftar"),
    # Google Meet in English stays an app; "does … meet" is a meeting
    ("Will the interview be held via Meet?", "forward", "seleksi-teknis"),
    # "berikut pertanyaan saya" (as follows) says nothing
    ("berikut pertanyaan saya: apakah plt boleh daftar?", "answer", "plt"),
    # "still" presupposes the condition told before it
    ("If the principal is acting, is the school still eligible?", "answer", "plt"),
    # "are there any schools …": the thing asked is the first word naming something
    ("Were there schools from Buleleng in cohort 1?", "answer", "angkatan-1"),
    ("What data does the form collect?", "answer", "bot-privasi"),
    # a question pointing back that reads the whole message: a context clause does not outvote it (asked back until round 35;
    # since then the unfinished form is one to go on with, which the form's topic answers)
    ("form sy blm selesai, bisa dilanjutkan besok?", "answer", "bot-form-navigasi"),
]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("sudah saya baca surat edarannya, terima kasih bu", "thanks"),
        ("Good evening from Sawan 🙏", "greeting"),
        ("siap pak, sudah sy teruskan ke kepsek2", "ack"),
        ("mantap, suksma dumogi rahayu", "thanks"),
        ("Thanks, that's clear.", "thanks"),
        ("Thank you so much, this is very useful!", "thanks"),
        ("siap bu, formnya sdh sy isi. makasih", "thanks"),
        ("ok mksh, sukses selalu tim PMO", "thanks"),
        ("Selamat pagi pak. Apa kabar?", "greeting"),
        ("kabar baik pak, terima kasih", "thanks"),
        ("ok bu, td sdh sy coba", "ack"),
    ],
)
def test_small_talk_of_round_14(text: str, kind: str) -> None:
    assert small_talk(text) == kind


def test_a_question_about_the_form_is_not_small_talk() -> None:
    assert small_talk("sudah sy isi form, terus?") is None and small_talk("formnya diisi dimana?") is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a longer courtesy: its other words are common ones near no topic, nothing asked
        ("Suksma banget pak atas jawabannya yang jelas sekali 🙏", "thanks"),
        ("Many thanks for the kind and quick reply, much appreciated.", "thanks"),
        ("Om Swastyastu Bapak/Ibu, semoga selalu diberi kesehatan dan kelancaran.", "greeting"),
        ("Sampai jumpa pada pertemuan berikutnya, Bapak Ibu sekalian.", "farewell"),
        ("Baik bu, sudah kami terima dan akan kami bahas bersama para guru. Terima kasih.", "thanks"),
        ("Selamat siang bapak ibu sareng sami", "greeting"),
        # an apology for the bother asks for nothing; "still" a layman is no problem reported
        ("Selamat sore, mohon maaf mengganggu waktunya bapak", "greeting"),
        ("Terima kasih atas jawabannya, maklum sy masih awam soal ini", "thanks"),
        # (round 34) a promise to write again, to wait or to check asks nothing
        ("siap bu, nanti kalau ada yang kurang jelas saya hubungi lagi", "ack"),
        ("baik pak, sy tunggu kabarnya saja", "ack"),
        ("oke bu, nanti tiang cek lagi", "ack"),
        ("selamat sore bu, mohon izin", "greeting"),
        ("makasih bu, botnya cepet bgt balesnya", "thanks"),
    ],
)
def test_a_longer_courtesy_is_small_talk(text: str, kind: str, engine: FaqEngine) -> None:
    match = engine.match(text)
    assert match.outcome == "small_talk" and match.small_talk == kind, match


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        # …but not when something is asked, asked for, wrong, or near a topic
        ("Terima kasih pak, tapi link zoomnya belum saya terima", "answer"),
        ("Selamat siang, program sekolah penggerak", "answer"),
        ("Selamat pagi pak, mohon dikirim ulang jadwalnya", "answer"),
        ("Om swastyastu, tiang nunas resep jaje bali", "decline"),
        ("Selamat pagi, berapa kuota sekolah penggerak di Buleleng", "forward"),
        ("Terima kasih, kapan pengumuman tahap 1", "answer"),
        ("Terima kasih, tapi saya masih belum paham syarat usianya", "answer"),
        ("ok pak, cek status pendaftaran saya gimana", "answer"),
        ("baik pak, kalau ada kabar pengumuman tahap 1 kapan ya?", "answer"),
    ],
)
def test_a_courtesy_that_asks_is_not_small_talk(text: str, outcome: str, engine: FaqEngine) -> None:
    assert engine.match(text).outcome in (outcome, "ask_back"), engine.match(text)


ROUND_15_READINGS = [
    # a real word that chat uses for another the base knows ("taun" is tahun, "ato" is atau)
    ("programnya jalan brp taun pak", "answer", "psp-durasi"),
    ("can I register thru whatsapp", "answer", "bot-kanal"),
    # requirements met are fulfilled, not a meeting
    ("Which conditions must he meet to register for PSP?", "answer", "syarat-kepsek"),
    ("Does our school meet the criteria?", "answer", "syarat-kepsek"),
    # the person addressed is no word of the question
    ("pak made, bimtek tim pokja mulai tgl brp", "answer", "bimtek-jadwal"),
    # a question passed on: what follows is the question, even one naming only the programme
    # a place named in passing does not make a question about this bot another office's business
    ("I was trained in Melbourne and prefer English. Can this bot answer me in English?", "answer", "bot-bahasa"),
    # the accreditation's grade is the accreditation, not a selection score the sources lack
    ("Which accreditation grade does a school need to join PSP?", "answer", "akreditasi"),
    # the event's days after its name say which event is meant, not what is asked
    ("apa tujuan bimtek pokja pmo 8-11 maret 2022", "answer", "bimtek-tujuan"),
    ("My teachers mostly use WhatsApp while I use Telegram; is the bot on both?", "answer", "bot-kanal"),
    ("sy operator sekolah, kepala sekolah nitip tanya ke bapak: sebenarnya sekolah penggerak itu programnya seperti apa", "answer", "psp-apa"),
]


def test_the_person_addressed_is_no_word_of_the_question(engine: FaqEngine) -> None:
    assert engine.words("bu komang ayu, bimtek lewat zoom kah") == engine.words("bu, bimtek lewat zoom kah")


ROUND_16_READINGS = [
    # a message typed in capitals: every word is a capital, none names another programme
    ("JADWALNYA KAPAN PAK", "answer", "bimtek-jadwal"),
    ("PENDAFTARANNYA LEWAT MANA PAK", "answer", "daftar-cara"),  # (by what way: how to register; round 16 read "lewat" as time gone by)
    ("KAPAN PENDAFTARAN LOMBA O2SN DIBUKA", "decline", None),  # (a word with a number still names one)
    # "-nya" pointing at the programme's own name points at nothing told before
    ("maaf tadi hp saya mati. bimteknya yg menyelenggarakan siapa ya?", "answer", "bimtek-penyelenggara"),
    # chat spellings: online as it is said, "wkt" (at the time of) before what is listed
    ("seleksi tahap 2 itu onlen atau datang langsung?", "answer", "seleksi-tahap2"),
    ("wkt sosialisasi awal PSP dulu lembaga apa aja yg hadir?", "answer", "sosialisasi-awal"),
    # English: a letter left out of a word the tables know
    ("what are the requirments for principals?", "answer", "syarat-kepsek"),
    ("how do I stop the remnders", "answer", "bot-pengingat"),
    ("jm brp bimtek dimulai?", "answer", "bimtek-jadwal"),  # "jm" is jam
    ("what does PSP stand for?", "answer", "singkatan"),
    ("In this context, what does PMO stand for?", "answer", "singkatan"),  # ("context" names no topic)
    # "dulu waktu …" before what is listed is when, as "waktu …" alone
    ("dulu waktu sosialisasi awal PSP didampingi lembaga apa saja?", "answer", "sosialisasi-awal"),
    # the asker's school being private is context, not a person of it asked for
    ("sekolah kami swasta, surat keterangan sisa masa tugas itu dibuat siapa?", "answer", "masa-tugas"),
    # "Ratu", a Balinese form of address, capitalised at the end names no other programme
    ("Kabupaten mana saja yg ikut angkatan III bersama Gianyar, Ratu?", "answer", "angkatan-3"),
    ("Kalau sinyal putus waktu isi formulir, apakah harus mulai dari awal Ratu?", "answer", "bot-form-navigasi"),
    # a village named after "desa" is where the asker lives, not another programme
    ("rumah sy di desa Les, jauh dari kota. surat keterangan sehat dilampirkan kapan?", "answer", "surat-sehat"),
    # English: "the Bimtek in March 2022" says which event (as "bimtek maret 2022"); the graduation is the results
    ("For our report: what were the topics of the PMO Bimtek in March 2022?", "answer", "bimtek-materi"),
    ("when is the graduation for angkatan 3", "answer", "kelulusan"),
]
ROUND_17_READINGS = [
    # whether joining is an obligation: the circular answers (it urges eligible principals to join)
    ("ikut PSP itu wajib gak buat semua kepala sekolah?", "answer", "surat-edaran"),
    ("apakah semua kepala sekolah diwajibkan mendaftar sekolah penggerak?", "answer", "surat-edaran"),
    ("Is joining the programme mandatory?", "answer", "surat-edaran"),
    ("is PSP compulsory for every school?", "answer", "surat-edaran"),
    # …not what a thing requires, nor whether the Bimtek must be attended
    ("kepsek jg wajib ikut bimtek pmo ga? ato cm org dinas", "answer", "bimtek-peserta"),
    ("email wajib diisi gak pas daftar?", "answer", "bot-form-isian"),
    # what a school gains ("untungnya") is the interventions topic, as "keuntungan" is
    ("untungnya apa kalau sekolah ikut psp?", "answer", "psp-intervensi"),
    # "berapa SD …": a count of a kind of school, which the cohort's topic never gives (eight blind sets asked)
    ("pak brp SD di buleleng yg lolos angkatan 1 dulu?", "ask_back", None),
    # …but "brp sd tgl brp" is "sampai dengan", between two dates
    ("pendaftaran dibuka tgl brp sd tgl brp?", "answer", "pendaftaran-jadwal"),
    ("brp TK/PAUD di buleleng yg lolos angkatan 1?", "ask_back", None),  # (no forward topic names "tk": the cohort's never speaks of schools)
    ("tahap 2 seleksi dilaksanakan tgl brp smp brp?", "answer", "seleksi-tahap2"),  # ("smp" is sampai here)
    # complaining is reporting a problem: the PMO's tiers ("ngadunya" is "lapornya")
    ("kalo ada masalah di sekolah PSP, ngadunya kemana?", "answer", "pmo-apa"),
    ("pip siswa sy blm cair, ngadu kmn", "decline", None),  # (another programme's money stays another's business)
]

ROUND_18_READINGS = [
    # "kapan" with a generic word: the topic about when it happens, not the many about registering
    ("pendaftaran kapan", "answer", "pendaftaran-jadwal"),
    ("pendaftaran psp kapan ya", "answer", "pendaftaran-jadwal"),
    ("daftar psp kapan", "answer", "pendaftaran-jadwal"),
    # a question relayed ("kepsek … nanya …"): what follows is the question, when the whole is unclear
    ("kepsek TK di Sukasada nanya kapan verifikasi dan penilaian akhir dilakukan? biar bisa siap2", "answer", "kelulusan"),
    # …but who asks may be what it is about: the whole message decides when it is clear
    ("teman sy kepsek di tabanan nanya dia masuk batch yg mana psp nya", "answer", "angkatan-3"),
    # …and a form or this bot asking is no person relaying a question
    ("Form pendaftarannya nanya apa aja sih? biar sy siapin dulu", "answer", "bot-form-isian"),
    # "angkatan II … siapa aja": the cohort's regencies, not a person
    ("angkatan II di bali siapa aja pak", "answer", "angkatan-2"),
    ("sekolah angkatan 2 di buleleng siapa aja?", "ask_back", None),  # (the schools of a cohort: no source names them)
    # a programme the base does not know, named in lowercase: another programme's business
    ("program adiwiyata pendaftaran nya kapan", "decline", None),
    # …not a typo of PSP's own name
    ("program sekolah pengerak syaratnya apa", "answer", "syarat-kepsek"),
    ("sekolah inpres boleh ikut seleksi?", "ask_back", None),  # (a kind of school, not a programme)
    # the one question, clearly agreeing, with context after it: what it asks, not the context's "siapa"
    ("komite pembelajaran itu isinya siapa aja pak? kepsek sd di sukasada bingung mau nunjuk siapa", "answer", "komite-pembelajaran"),
    # "…, apa bisa tetap jadi sekolah penggerak?": "still", despite the condition told before it
    ("sekolah saya blm terakreditasi A, apa bisa tetap jadi sekolah penggerak?", "answer", "akreditasi"),
    ("PMO itu kerjanya ngapain aja", "answer", "pmo-apa"),
    ("cara kerjanya bot ini gimana?", "ask_back", None),  # (how it works: not the tasks of /peran's coordinators)
    ("can I register for PSP through this bot", "answer", "daftar-cara"),
    # a count of a kind of school: only a topic that counts schools (or a command that does) answers it,
    # not one naming "kepala sekolah" in passing
    ("how many PAUD in Buleleng registered for angkatan 3", "ask_back", None),
    ("sy korwil kec. Seririt, mau cek brp SD yg sdh daftar di kecamatan sy, perintahnya apa?", "answer", "bot-rekap"),
    # code-mixed: "preparation" is read as "persiapan"
    ("angkatan 2 waktu itu lagi preparation apa", "answer", "angkatan-2"),
    # another programme named as context, PSP asked about by name in a clause of its own: not declined
    # (asked back with both, the asking clause's topic first), while a question about the other one still is
    ("Pak, kalau Guru Penggerak kan gurunya sendiri yang daftar. Kalau Sekolah Penggerak yang daftar siapa?", "ask_back", None),
    ("program guru penggerak daftarnya gmn? beda kan sama sekolah penggerak", "decline", None),
    ("pendaftaran guru penggerak angkatan 9 kapan? sekolah penggerak apa sama?", "decline", None),  # (a comparison asks no more)
    # another platform's account trouble is its own support's business; PSP's registration portal's is PSP's
    ("How do I reset my Merdeka Mengajar password? it says account not found", "decline", None),
    # …a password or a platform named: "lupa nomor HP", an upload or the interview's internet failing stay PSP's
    ("Pak, saya lupa nomor HP yang saya isi waktu pendaftaran", "answer", "bot-form-ubah"),
    ("Upload dokumen gagal terus, gimana?", "answer", "dokumen"),
    ("lupa password akun simpkb gmn cara resetnya", "ask_back", None),  # (about PSP: not declined)
    # "…, lalu mulai jalan tahun berapa?": when the thing told before started
    ("Angkatan III itu diseleksi tahun 2022, lalu mulai jalan tahun berapa?", "answer", "angkatan-3"),
    ("Sekolah kami sudah isi form di bot. Bimtek mulai kapan?", "answer", "bimtek-jadwal"),  # (names its own subject)
    # the noun a "what is the X of …" question asks for: a topic about it, nearly as near, answers it
    ("Tujuan dilaksanakannya Bimtek Tim Pokja PMO Pemda itu apa? Untuk latar belakang di laporan kegiatan.", "answer", "bimtek-tujuan"),
    ("Yth. Bapak/Ibu. Mohon maaf, singkatan PMO dalam Bimtek Tim Pokja PMO itu apa ya, dan apa tugasnya?", "answer", "singkatan"),
    # "kls brp dluan": the thing before "brp" is what it asks (which grade) when the word after names nothing
    ("smp kls brp dluan yg pake kurikulum merdeka", "answer", "kurikulum"),
    # a school operator is no call-centre operator: who registers, the school (through its operator) or the principal
    ("bisa bicara dengan operator?", "answer", "bot-kontak"),
    ("yang daftar itu sekolahnya atau kepala sekolahnya? operator bisa daftarkan atas nama sekolah?", "answer", "daftar-siapa"),  # ("atas nama": on behalf of)
    # a topic on another cohort only (PKP: Angkatan II's dates) does not answer for the one asked
    ("pelatihan komite pembelajaran angkatan 3 kpn mulainya", "ask_back", None),
    ("Kalau lolos tahap 1, tahap 2 nya apa saja Pak? ada wawancara ya?", "answer", "seleksi-tahap2"),  # (one of those asked: answered)
    # the news cited ("menurut berita …") is where the question comes from, not what it asks
    ("Menurut berita Disdikpora Maret 2022, PSP secara nasional sudah masuk angkatan berapa?", "answer", "angkatan-nasional"),
    # a relayed question's thing asked is after the relay: "telp" is how it came, not a phone number asked for
    ("pak, ada bapak kepsek telp ke kantor nanya pengumuman seleksi tahap 1 tgl brp ya? biar sy sampaikan", "answer", "kelulusan"),
    # "lewat" after "sudah"/"belum" is time gone by; "lewat mana" is by what way
    ("daftarnya lewat mana? harus ke kantor dinas bawa map berkas?", "answer", "daftar-cara"),
    ("udh lewat blm pendaftarannya", "answer", "pendaftaran-jadwal"),
    ("Saya sudah lewat bot daftar, kok belum ada balasan?", "answer", "bot-pertanyaan"),  # (through the bot)
    # two questions each clearly answered: the first asked is the main one, the other offered
    ("Tiang kepsek SD, umur 54. Apa sy msh memenuhi syarat umur utk psp? trs daftarnya lewat mana?", "answer", "usia"),
    # an English inflection of a word the base knows ("structured": structure)
    ("How is the PMO structured, what are the levels?", "answer", "pmo-apa"),
    # "Bimtek PMO Pemda" is the event's full name: who attended it is the attendees' topic
    ("siapa saja yang ikut bimtek pmo pemda bulan maret 2022", "answer", "bimtek-peserta"),
    ("selamat siang dari buleleng siapa saja yang ikut bimtek pe em o pemda bulan maret dua ribu dua puluh dua itu", "answer", "bimtek-peserta"),
    # "this bot" asked about in a clause of its own, after context ("opened this from the link …")
    ("Hi, I just opened this from the link in the Dinas circular. What is this bot and what can it do?", "answer", "bot-fitur"),
    # a choice marked as the message's first question asks, after an introduction ("tiang kepsek SD di Seririt")
    ("om swastyastu pak, tiang kepsek SD di Seririt. utk PSP itu yg daftar sekolahnya atau kepseknya ya?", "answer", "daftar-siapa"),
    # …not choices offered for the question before it
    ("wawancara tahap 2 pewawancaranya siapa? dari kementerian atau pelatih ahli?", "ask_back", None),
    # English words, in English and code-mixed messages
    ("Kalau ada issue di sekolah penggerak yang nggak bisa solved di level sekolah, escalate ke mana?", "answer", "pmo-apa"),
    ("Is there a minimum remaining tenure for a principal who wants to apply?", "answer", "masa-tugas"),
    ("What was the aim of the Bimtek for regional PMO teams in March 2022?", "answer", "bimtek-tujuan"),
]
ROUND_19_READINGS = [
    # a coming time told as context is not the question's ("bulan depan ada odalan"); asked about, it is
    ("sy dengar bulan depan ada rapat dinas. seleksi tahap 2 mulai tanggal berapa?", "answer", "seleksi-tahap2"),
    ("bulan depan ada odalan, seleksi tahap 2 tgl brp", "answer", "seleksi-tahap2"),
    ("tahun depan ada seleksi lagi? kapan", "ask_back", None),
    # "…, itu jadwalnya tgl brp sampai tgl brp?": the thing told before, pointed at, is what is asked about
    ("katanya ada verifikasi dan penilaian, itu jadwalnya tgl brp sampai tgl brp?", "answer", "kelulusan"),
    # the kind of question is read from the sentence marked as the question, not from what the asker was told to write
    ("kepala bidang minta sy tulis siapa penyelenggaranya. bimtek PMO itu diadakan oleh lembaga mana?", "answer", "bimtek-penyelenggara"),
    ("kepala dinas waktu PSP angkatan 1 dan bimtek 2022 itu siapa", "answer", "pejabat-disdikpora"),
    # "sistem data" is the education data system (Dapodik); "sistem" alone is still this bot's records
    ("kepsek harus terdaftar di sistem data apa?", "answer", "dapodik"),
    ("hapus data saya dari sistem", "answer", "bot-hapus-data"),
    # "surat itu …" after "surat keterangan sisa masa tugas" was named: the question is about that letter
    ("sy bingung soal surat keterangan sisa masa tugas krn sekolah kami swasta. surat itu yg keluarkan siapa?", "answer", "masa-tugas"),
    # English: what the bot can do; how to start (not when PSP started)
    ("what does this bot offer for school principals?", "answer", "bot-fitur"),
    ("Can I register through this bot? How do I start?", "answer", "daftar-cara"),
    ("when did PSP start in Buleleng", "answer", "angkatan-1"),
    # "…, pakai menu apa": which menu or command, for the thing told before
    ("mau lihat total pendaftar semua kecamatan, pakai menu apa", "answer", "bot-statistik"),
    ("Sy admin, mau jadikan Pak Ketut sbg korwil Tejakula di bot, pakai perintah apa nggih?", "answer", "bot-peran"),
    # a legal process or a reprimand in English and Balinese-Indonesian; "apa langsung gugur?" points back at it
    ("Is a principal in a police case still allowed to register?", "answer", "sanksi"),
    ("pernah kena teguran dari pengawas, apa langsung gugur?", "answer", "sanksi"),
    # "when" in a sentence that tells ("nobody knows when it ends.") asks nothing: "Can she still …?" points back past it
    ("My friend has a court case that is still going on, nobody knows when it ends. Can she still register for PSP?", "ask_back", None),
    # "s.d." is "sampai dengan", no sentence ends at its dots
    ("bimtek brp hari, tgl brp s.d brp?", "answer", "bimtek-jadwal"),
    # "waktu itu …" asks about the time told before
    ("tiang mau kabari guru posisi PSP Buleleng per Maret 2022. Waktu itu Buleleng sudah sampai tahap apa?", "answer", "angkatan-1"),
    # the days of the Bimtek say which one is meant: "siapa saja yg mengikuti" asks who attended, not when
    ("siapa saja yg ikut Bimtek PMO tgl 8-11 Maret 2022 dari Disdikpora?", "answer", "bimtek-peserta"),
    ("Bimtek PMO tgl 9 maret mulai jam brp?", "ask_back", None),  # (one session's hours: not in the sources)
    # English "does it meet": a meeting, not Google Meet
    ("Who sits on the regency PMO and how often does it meet?", "answer", "pmo-anggota"),
    # an exclamation after the question is context: "Dananya dari mana pak? … ga punya uang …!!"
    ("Dananya dari mana pak? Sekolah kami ga punya uang!!", "answer", "dana"),
    # thanks first, then news of what was done with the answer, nothing asked: thanks ("pisan": very)
    ("Suksma pisan", "small_talk", None),
    ("terima kasih bu, sudah sy teruskan ke kepsek binaan dan mereka senang sekali 🙏", "small_talk", None),
    ("makasih pak, tapi link zoom blm masuk", "answer", "bimtek-media"),
    # the first question, clearly picking a topic near the best (not only the second best), is the main one
    ("Is it the principal or the school that registers for PSP? And what happens if the principal passes?", "answer", "daftar-siapa"),
    # English "grade" is a class; an accreditation grade is still the accreditation
    ("For SD, which grades start the new curriculum in year one?", "answer", "kurikulum"),
    ("akreditasi sekolah harus grade A?", "answer", "akreditasi"),
    # "… apa skrg sy tdk bisa ikut?", "… apa ngaruh ke pendaftaran?": about what was told before
    ("kena hukuman disiplin ringan th lalu. apa skrg sy tdk bisa ikut PSP?", "answer", "sanksi"),
    ("pernah kena teguran, apa ngaruh ke pendaftaran psp?", "answer", "sanksi"),
    # a good school ("sekolah bagus"), a small or favourite one in English: which schools may join
    ("apa PSP cuma utk sekolah bagus?", "answer", "psp-swasta"),
    ("our school is small and not a favourite one. can we join PSP?", "answer", "psp-swasta"),
    # Buleleng's stage in March 2022 (its first cohort, the second semester of mentoring); another regency's is not Buleleng's
    ("sampai tahap apa PSP Buleleng waktu Maret 2022?", "answer", "angkatan-1"),
    ("Klungkung waktu Maret 2022 sudah sampai tahap apa?", "answer", "angkatan-2"),
    # "smp" between two times asked is "sampai"; the school level stays
    ("tahap 2 mulai kpn smp kpn?", "answer", "seleksi-tahap2"),
    ("dari tgl brp smp tgl brp tahap 2?", "answer", "seleksi-tahap2"),
    # other programmes and platforms a school uses: e-Rapor (report cards, not the Rapor Pendidikan), SMK Pusat Keunggulan
    ("gmn cara input nilai siswa di e-rapor?", "decline", None),
    ("SMK pusat keunggulan daftarnya kapan?", "decline", None),
    ("rapor pendidikan sekolah penggerak dipakai utk apa", "answer", "rapor-pendidikan"),
    # who is in the PMO team: what the topic answers, not a near miss asking for names
    ("siapa aja yg masuk tim PMO kabupaten?", "answer", "pmo-anggota"),
    ("siapa saja nama pengawas yg masuk PMO buleleng?", "forward", None),
    # "contohnya" after a question about what BOS Kinerja buys is "for example", not a sample essay asked for
    ("BOS kinerja boleh dipakai utk apa? contohnya?", "answer", "dana"),
    # chat spellings: "mtr suksma" (thanks), "bll" (Buleleng), English "whn"
    ("mtr suksma pak", "small_talk", None),
    ("bll angkatan brp?", "answer", "angkatan-1"),
    ("whn does the registration for angkatan 3 close", "answer", "pendaftaran-jadwal"),
    # "sidang pleno", "betulinnya": the results' plenary, fixing a field
    ("sidang pleno kelulusan kpn?", "answer", "kelulusan"),
    ("salah ketik NIP di ringkasan, gmn betulinnya?", "answer", "bot-form-ubah"),
    # what the Bimtek was: its overview (dates, Zoom, LPMP); what it was about: its content; not the programme's
    ("apa itu bimtek PMO?", "answer", "bimtek-jadwal"),
    ("What was the PMO Bimtek about?", "answer", "bimtek-materi"),
    ("bimtek pmo itu tentang apa", "answer", "bimtek-materi"),
    ("what is the sekolah penggerak programme about", "answer", "psp-apa"),
    # making a Gmail account is no business of the programme; a Gmail address in the form is
    ("cara bikin akun gmail buat operator gmn?", "decline", None),
    ("email saya gmail boleh diisi di form?", "answer", "bot-form-isian"),
    # the person of the asker's own school level ("SD kami") or of a named kecamatan: no source names them
    ("Nama pelatih ahli yang dampingi SD kami siapa?", "ask_back", None),
    ("siapa pelatih ahli utk kec seririt", "ask_back", None),
]
# Over-broad readings a review of round 19's changes found, each narrowed (the message is the review's)
ROUND_19_REVIEWED = [
    # thanks followed by a question relayed, a doubt or a problem is not small talk
    # (round 25: who passed the question on is no topic now, and the age limit's own topic answers it)
    ("Terima kasih bu, kepala sekolah di kecamatan kami menanyakan syarat usia untuk ikut PSP", "answer", "usia"),
    ("Thanks, my principal is asking about the age limit for PSP", "answer", "usia"),
    ("Terima kasih pak atas jawabannya, kami masih bingung soal surat keterangan masa tugas untuk sekolah swasta", "answer", "masa-tugas"),
    ("Suksma pak, kepala sekolah di kecamatan Sawan menanyakan link zoom bimtek", "answer", "bimtek-media"),
    ("matur suksma, sudah berhasil 👍", "small_talk", None),
    # a coming time in context about taking part is the question's time: the sources' dates are past
    ("Sy mau daftar PSP tahun depan. Kapan pendaftarannya dibuka?", "ask_back", None),
    # "smp" before a number is the school level
    ("kapan SMP 2 Seririt bisa daftar PSP?", "answer", "pendaftaran-jadwal"),
    # e-Rapor beside the Rapor Pendidikan; a Gmail address in the form
    ("Bedanya rapor pendidikan dengan e-rapor apa?", "answer", "rapor-pendidikan"),
    ("Apakah email di formulir pendaftaran harus akun gmail?", "answer", "bot-form-isian"),
    # "what does the bot do with …", "what can you do if …" are not the bot's features
    ("What does the bot do with my personal data?", "answer", "bot-privasi"),
    ("What can you do if my NPSN is already used by someone else?", "answer", "bot-npsn-terdaftar"),
    # "sistem data" is Dapodik only where one is registered in it
    ("data saya disimpan di sistem data mana?", "answer", "bot-data"),
    ("Apakah sistem data di bot ini aman?", "answer", "bot-privasi"),
    # "waktu itu" points back only at a stage asked; a clause naming what it asks is its own question
    ("Tahun lalu sy ikut bimtek PMO lewat zoom. Waktu itu siapa penanggung jawab PMO kabupaten?", "answer", "pmo-penanggung-jawab"),
    # the regency someone came from is context
    ("Sy baru mutasi dari Jembrana. Kapan kabupaten ini mulai PSP?", "answer", "angkatan-1"),
    ("Kepala sekolah dari Karangasem tanya, PSP angkatan 1 mulai kapan?", "answer", "angkatan-1"),
]
# After sets 98–100's first runs, from their misses
ROUND_19_AFTER_THE_LAST_SETS = [
    # registering through the bot, asked how or whether one can: the bot's form (not who registers)
    ("How do I register as a principal through this bot?", "answer", "daftar-cara"),
    ("Can I register my school for PSP through this bot?", "answer", "daftar-cara"),
    ("Is the email field mandatory when I register through the bot?", "answer", "bot-form-isian"),
    ("can I apply through the bot if I am Plt?", "answer", "plt"),
    ("can we register through the bot for our TK?", "answer", "psp-jenjang"),
    # "When exactly was it held?" after the Bimtek was named: about it (asked back, the dates first), not who attended
    ("I read the news about the PMO Bimtek. When exactly was it held?", "ask_back", None),
]


ROUND_20_READINGS = [
    # an English question word with its apostrophe dropped asks: not a farewell because "tomorrow" is in it
    ("whats the weather in lovina tomorrow", "decline", None),
    ("ok thanks see you tomorrow", "small_talk", None),
    # dictation: English letter names ("pee em oh"), an unknown spelled abbreviation is another programme's,
    # and a split word joins the piece after it rather than the function word before it ("dan a simetris")
    ("when is the pee em oh bimtek", "answer", "bimtek-jadwal"),
    ("pe pe de be es de tahun ini mulai kapan", "decline", None),
    ("pe pe pe ka tahun ini kapan dibuka", "decline", None),
    ("pe es pe itu apa", "answer", "psp-apa"),
    ("pendampingan konsultatif dan a simetris itu maksudnya gimana", "answer", "psp-intervensi"),
    ("dana bos bisa dipakai untuk psp?", "answer", "dana"),
    # a first letter swapped for one that sounds alike (f, v, p) is still a typo of the base's word
    ("ferivikasi dan penilaian kapan", "answer", "kelulusan"),
    # "untuk <the bot's form>, <short question>": the form is what the question is about; a reason for asking is not
    ("Untuk daftar di bot, data apa saja yang perlu disiapkan?", "answer", "bot-form-isian"),
    ("utk isi form di bot, apa aja yg hrs disiapin?", "answer", "bot-form-isian"),
    ("buat laporan ke kepsek, jadwal bimteknya kapan?", "answer", "bimtek-jadwal"),
    # what changes at a school that joins: the programme's interventions (not changing one's data, nor a principal replaced)
    ("apa saja yang berubah di sekolah setelah ikut psp", "answer", "psp-intervensi"),
    ("what changes at school if we join psp", "answer", "psp-intervensi"),
    ("data saya bisa berubah?", "answer", "bot-form-ubah"),
    ("apa yang berubah di kurikulum merdeka", "answer", "kurikulum"),
    ("apa yang berubah kalau kepala sekolah pensiun di tengah program", "forward", "pergantian-kepsek"),
    # "…, a message about <X>. What is it?": X is what is asked about (its content asked is the message's own)
    ("Sy baru dilantik jadi kepsek SD bulan ini. Ada pesan WA terusan soal Program Sekolah Penggerak, napi niki sebenarnya?", "answer", "psp-apa"),
    ("Tiang dapat info ada surat edaran dari Disdikpora soal PSP, isinya apa nggih?", "answer", "surat-edaran"),
    # a problem the school cannot solve goes up the PMO's tiers; PSP after 2024 is not in the sources (forwarded)
    ("klo ada kendala psp yg sekolah gak sanggup selesaikan, dilaporkan kemana?", "answer", "pmo-apa"),
    ("psp msh jalan gak stlh 2024?", "forward", "angkatan-berikutnya"),
    ("skrg kementeriannya udh ganti nama ya?", "answer", "kementerian"),
    # a place asked about ("di Jakarta jam berapa") is where, not the thing whose number is asked
    ("bimtek jam 10.00 WITA, di Jakarta jam berapa?", "answer", "zona-waktu"),
    ("sesi jam 13.00 WITA itu di Surabaya jam berapa?", "answer", "zona-waktu"),
    # a near tie between the numbered stage asked and the stages in general: the stage asked
    ("seleksi tahap 1 kepsek disuruh nyiapin apa aja?", "answer", "seleksi-tahap1"),
    ("juli 2022 angkatan 3 lagi ngapain", "ask_back", None),
    # a request to translate is not a courtesy
    ("translate 'good morning' into Japanese", "decline", None),
    # "terdaftar di sistem apa": the education data system
    ("kepala sekolah harus terdaftar di sistem apa biar bisa ikut psp", "answer", "dapodik"),
    # the regency PMO's members, asked as who is involved
    ("siapa aja yg terlibat di pmo kabupaten", "answer", "pmo-bidang"),
    # "dr mana smp mana": from where to where, not the SMP level
    ("tingkatan pmo dr mana smp mana", "answer", "pmo-apa"),
    # English "is held on what date": the thing named before is held
    ("Stage 2 of cohort III, the interview, is held on what date?", "answer", "seleksi-tahap2"),
    # a diploma is other business unless the selection is named with it
    ("Seleksi tahap 1 itu isinya apa? katanya cuma upload ijazah?", "answer", "seleksi-tahap1"),
    ("ijazah anak sy hilang, urus dimana?", "decline", None),
    ("legalisir ijazah SD di dinas gimana caranya", "decline", None),
    # English words the base's own English does not use: "intervention", "class", "digitalisation"
    ("what is each intervention of PSP, one by one?", "answer", "psp-intervensi"),
    ("in SD which class starts the new curriculum first?", "answer", "kurikulum"),
]


# After the first runs of 107–109 (written after the round's last matcher change): thanks with "sekarang", "for the help"
ROUND_20_AFTER_THE_LAST_SETS = [
    ("terima kasih banyak Bu, sudah jelas sekarang", "small_talk", None),
    ("Thank you so much for the help!", "small_talk", None),
    ("help", "answer", "bot-kontak"),
    ("sekarang daftar psp gimana caranya", "answer", "daftar-cara"),
]


# Messages a review of round 20's rules found them too broad for, each narrowed
ROUND_20_REVIEWED = [
    # a place is set aside only before a clock time asked: "di <kecamatan> … berapa" counts schools there
    ("di sukasada sekolah penggerak berapa?", "ask_back", None),
    ("di busungbiu sd penggerak berapa?", "ask_back", None),
    # "sistem apa" is Dapodik only when registered in it is said, not asked whether it is in yet
    ("pendaftaran saya sudah masuk di sistem apa belum?", "answer", "bot-status"),
    ("data yang saya isi masuk ke sistem apa?", "answer", "bot-data"),
    # "untuk yang belum isi form, …": those people are context
    ("Untuk yang belum isi form, pendaftaran tutup kapan?", "answer", "pendaftaran-jadwal"),
    ("untuk yang sudah isi form di bot, pelatih ahli siapa?", "answer", "pelatih-ahli"),
    # "what changes" is the interventions only at a school
    ("apa yang berubah dengan sertifikat?", "forward", "sertifikat"),
    ("apa yg berubah di bot ini?", "answer", "bot-form-ubah"),
    ("what will change with the new ministry", "answer", "kementerian"),
    # laughter and hesitation are no spelled abbreviation
    ("ha ha ha, kapan pengumuman kelulusan?", "answer", "kelulusan"),
    ("o o o begitu, terus jadwal wawancara kapan?", "answer", "seleksi-tahap2"),
    # "sd mana smp mana" are the levels
    ("jenjang sd mana smp mana yang boleh daftar", "answer", "psp-jenjang"),
    # a diploma with a pupil's year or a requirement is still other business
    ("ijazah alumni angkatan 2019 bisa diambil kapan?", "decline", None),
    ("ijazah kepsek S1 hilang, syarat pengganti apa saja?", "decline", None),
    # "whats up", "how's it going" are greetings
    ("hi whats up", "small_talk", None),
    ("hi hows it going", "small_talk", None),
    # other abbreviations stay with the abbreviations' topic
    ("KS singkatan dari apa", "answer", "singkatan"),
    ("How do I get the stage 2 schedule into my calendar?", "answer", "bot-kalender"),
]


# Round 21: what sets 110–115 (written blind at round 20's end) showed, in other words
ROUND_21_READINGS = [
    # "…, terus/lalu pelaksanaannya tahun berapa?": the year of the cohort told before
    # "angkatan 2 PSP di Bali siapa aja": which regencies, not a person
    # another programme named to compare with is not what is asked about ("… seperti guru penggerak?")
    # "kerjaan" is a body's duties, "angk" a cohort, "langsung" names no topic, "sambungkan" is contacting
    # "Dalam intervensi …, lembaga apa …?": what the question is asked within
    # "…, and for how long?" / "…, what happens to the school?": about what was told before
    ("angkatan 3 kan diseleksi 2022, lalu pelaksanaannya tahun berapa?", "answer", "angkatan-3"),
    ("angkatan 2 psp di bali siapa saja", "answer", "angkatan-2"),
    ("angkatan 3 sekolah penggerak di bali siapa aja", "answer", "angkatan-3"),
    ("pendaftarannya lewat mana? pakai simpkb seperti guru penggerak?", "answer", "daftar-cara"),
    ("guru penggerak daftarnya lewat mana", "decline", None),
    ("tim pmo kerjaannya apa", "answer", "pmo-apa"),
    ("angk 2 tahun berapa", "answer", "angkatan-2"),
    ("bisa daftar psp lewat bot ini?", "answer", "daftar-cara"),
    ("tolong sambungkan ke petugas disdikpora", "answer", "bot-kontak"),
    ("Dalam intervensi perencanaan berbasis data, apa yang dipakai sekolah?", "answer", "rapor-pendidikan"),
    ("terkait komite pembelajaran, siapa saja anggotanya?", "answer", "komite-pembelajaran"),
    ("Who coaches the principals, and for how long?", "answer", "pelatih-ahli"),
    ("pelatih ahli mendampingi berapa sekolah, dan berapa lama?", "answer", "pelatih-ahli"),
    ("If my principle passes the selection, what happens to our school?", "answer", "daftar-siapa"),
    ("Angkatan I mulai diimplementasikan tahun berapa?", "answer", "angkatan-1"),
    ("dalam rangka apa bimtek diadakan", "answer", "bimtek-penyelenggara"),
    ("How long is the PSP mentoring, compared with guru penggerak?", "answer", "psp-durasi"),
    # a teacher's transfer is the Dinas's other business; a PSP principal's is the programme's
    ("my husband is a teacher, how does he apply for a transfer to Singaraja?", "decline", None),
    ("If the principal is transferred, does the school stay a Sekolah Penggerak?", "answer", "mutasi"),
    # "2022/23" is the school year 2022/2023; "kepada siapa" is to whom, not who heads the office; "when choosing"
    # is no date asked; sick leave, the school's own tests and PPPK news are the Dinas's other business; a verb's
    # root the base knows ("memindahkan" is moving a principal)
    ("target psp 2022/23 berapa sekolah", "answer", "psp-target"),
    ("target sekolah penggerak tahun ajaran 2022/2023 berapa", "answer", "psp-target"),
    ("surat edaran kadis soal psp ditujukan kepada siapa?", "answer", "surat-edaran"),
    ("saya izin sakit minggu depan, surat izinnya dikirim ke mana?", "decline", None),
    ("jadwal ujian sekolah kelas 6 kapan pak", "decline", None),
    ("info pppk guru terbaru", "decline", None),
    ("kepala sekolah penggerak boleh dipindahkan ke sekolah lain?", "answer", "mutasi"),
    ("gimana kalau pemda memindahkan kepsek psp sebelum 4 tahun", "answer", "mutasi"),
    # a count of schools or people of one kecamatan (or of Buleleng) that the topic's answer does not name is
    # passed on, not answered with the national figures; the asker's own kecamatan is context; PSP still running
    # after the ministry changed is among what the sources lack
    ("berapa sekolah penggerak di kecamatan seririt?", "forward", "data-terkini"),
    ("kuota psp untuk kecamatan gerokgak berapa", "forward", "kuota-buleleng"),
    ("sy kepsek di sawan, syarat usia maksimal berapa?", "answer", "usia"),
    ("tiang korwil di tejakula, minimal brp sd yang dikirim?", "answer", "korwil-lima-sd"),
    ("sapa pelatih ahli di kec sukasada", "ask_back", None),
    ("kuota buleleng berapa sekolah", "forward", "kuota-buleleng"),
    ("psp masih jalan gak setelah kementerian ganti nama?", "forward", "angkatan-berikutnya"),
    ("kalau tidak lolos seleksi, bisa daftar lagi?", "forward", "angkatan-berikutnya"),  # (round 28: applying again after failing)
    ("nama kementerian yg ngurus sd sekarang apa", "answer", "kementerian"),
    # digital equipment (wifi, Chromebooks) is not in the sources: passed on; the school temple's ceremonies are other
    # business, an odalan told as context is not; an asking phrase after the marked question is context
    ("apakah sekolah penggerak harus punya wifi sendiri?", "forward", "sarana-digital"),
    ("ada bantuan chromebook untuk sekolah penggerak?", "forward", "sarana-digital"),
    ("bimtek pmo lewat internet atau tatap muka?", "answer", "bimtek-media"),
    ("banten untuk odalan di pura sekolah apa saja?", "decline", None),
    ("odalan di pura sekolah, siswa boleh pulang cepat?", "decline", None),
    ("bulan depan ada odalan di desa, seleksi tahap 2 mulai kapan?", "answer", "seleksi-tahap2"),
    ("Kapan pengumuman tahap 1 pak? Sy ingin tahu gambaran waktunya untuk teman.", "answer", "kelulusan"),
    # the regular BOS grant per pupil and equipment prices are other business; which schools of a kecamatan are
    # Sekolah Penggerak is not in the sources
    ("berapa dana bos reguler per siswa tahun ini", "decline", None),
    ("harga laptop untuk lab komputer berapa ya pak", "decline", None),
    ("sekolah mana saja di kecamatan banjar yang jadi sekolah penggerak?", "forward", "data-terkini"),
    ("dana bos kinerja sekolah penggerak untuk apa saja", "answer", "dana"),
]


# Messages a review of round 21's rules found them too broad for, each narrowed
ROUND_21_REVIEWED = [
    # "seperti/kayak" are also "such as": another programme is set aside only when the rest names PSP's own things,
    # never when a difference is asked; PPPK teachers are principals too; leave and tests are other business only
    # when no selection step is named; "Ini benar bot PSP? Saya mau tanya …" asks what follows; only a generic
    # "-nya" after "terus" points back; a per-unit figure is the same in every kecamatan; a computer is not digital
    # equipment; "principle" is a principal only in a principal's role; "May I" is no month; a frame that tells
    # where something was discussed is context; "diganti ke siapa" asks for the head; a root is not cut again; a
    # letter's number is no school year; "berlangsung" is a filler; "…, atau dari kementerian langsung?" is a choice
    ("Bagaimana cara mendaftar program seperti kampus mengajar?", "decline", None),
    ("jadwal seleksi kayak cpns kapan ya?", "decline", None),
    ("Apa bedanya sekolah penggerak dibandingkan dengan guru penggerak?", "decline", None),
    ("Saya kepala sekolah berstatus PPPK guru, boleh daftar?", "answer", "daftar-siapa"),
    ("Kalau saya izin sakit waktu bimtek, apa ada sanksi?", "ask_back", None),
    ("tiang izin sakit pas wawancara tahap 2, bisa dijadwal ulang?", "answer", "seleksi-tahap2"),
    ("If a teacher from our learning committee is transferred, who replaces them?", "answer", "komite-pembelajaran"),
    ("Pak, ini benar bot PSP Disdikpora? Saya mau tanya kapan bimtek PMO dilaksanakan", "answer", "bimtek-jadwal"),
    ("Kemarin sy ikut rapat korwil, terus pendaftarannya tgl brp?", "answer", "pendaftaran-jadwal"),
    ("Korwil di Busungbiu harus mengusulkan berapa sekolah?", "answer", "korwil-lima-sd"),
    ("1 pelatih ahli utk sekolah penggerak di buleleng pegang brp sekolah?", "answer", "pelatih-ahli"),
    ("Seleksi PSP pakai tes di komputer atau tertulis?", "answer", "tbs"),
    ("Operator komputer di sekolah bisa bantu isi pendaftaran PSP?", "answer", "daftar-cara"),
    ("implementasi psp berapa tahun?", "ask_back", None),
    ("What is the principle of Sekolah Penggerak?", "ask_back", None),
    ("May I know who organised the Bimtek?", "answer", "bimtek-penyelenggara"),
    ("Dalam rapat dinas tadi pagi sempat dibahas, siapa penyelenggara bimteknya?", "answer", "bimtek-penyelenggara"),
    ("Kepala dinas pendidikan yang lama diganti ke siapa?", "answer", "pejabat-disdikpora"),
    ("kamera harus nyala terus selama zoom bimtek?", "answer", "bimtek-media"),
    ("Surat edaran no 421/2022/03 itu tentang apa?", "ask_back", None),
    ("Tahap verifikasi dan penilaian angkatan III berlangsung tanggal berapa?", "answer", "kelulusan"),
    ("penyelenggara bimteknya LPMP Bali ya, atau dari kementerian langsung?", "answer", "bimtek-penyelenggara"),
]

# Round 22 (sets 119–124): a misconception to confirm or correct ("…, pasti ga boleh ikut PSP kan?") is answered by the
# topic the whole message clearly picks when its asking clause alone picks none clearly; a month checked ("bulan Agustus
# kan?") is answered with the right one; "Apa saja itu?" asks about the sentence before it; another recruitment asked in
# English and a sick day's leave are other business
ROUND_22_READINGS = [
    ("sekolah tiang akreditasi C, pasti ga boleh ikut PSP kan?", "answer", "akreditasi"),
    ("sekolah sy akreditasinya masih B, katanya harus A dulu baru bisa ikut psp bener ga?", "answer", "akreditasi"),
    ("Sosialisasi awal PSP di Buleleng dulu didampingi LPMP saja, tidak ada lembaga lain kan?", "answer", "sosialisasi-awal"),
    ("Pleno kelulusan angkatan III itu bulan Agustus kan?", "answer", "kelulusan"),
    ("juli 2022 angkatan 3 lagi ngapain", "ask_back", None),
    ("Good morning, how do I apply for the PPPK teacher selection?", "decline", None),
    ("I'm a PPPK principal, can I apply for PSP?", "answer", "daftar-siapa"),
    ("Selamat pagi pak, tiang sakit hari ini, izin tidak masuk lapornya ke siapa?", "decline", None),
    ("kalau sakit saat wawancara tahap 2, izin ke siapa?", "forward", "seleksi-teknis"),
    ("Saya kepala SMPN 2 Seririt. Waktu rapat MKKS ada yang bilang PSP punya lima intervensi. Apa saja itu?", "answer", "psp-intervensi"),
    (
        "Pak, saya kepala TK di Kecamatan Buleleng. Waktu daftar di bot muncul pesan NPSN sudah didaftarkan orang lain, padahal saya "
        "kepala sekolahnya. Mungkin operator lama yang daftar. Harus bagaimana?",
        "answer",
        "bot-npsn-terdaftar",
    ),
    # "the others" of what was named; a choice of two cohorts; a dictated sentence ends where "pak tiang" begins; what was
    # heard is the subject when the question names nothing itself; "itu tanggal berapa sampai berapa" points back; "tahun
    # berapa sekolah …" asks a year; the asker's own guess is no number asked ("kira-kira" is no guess); "took place"
    ("kabupaten mana saja yang masuk angkatan tiga pe es pe di bali pak tiang dengar gianyar terus yang lainnya apa saja", "answer", "angkatan-3"),
    ("badung sama kelungkung itu angkatan dua ya pak atau angkatan tiga sekolah penggerak tiang suka ketukar", "answer", "angkatan-2"),
    ("intervensi sekolah penggerak itu ada berapa macam pak tiang mau isi laporan ke ketua komite sekolah sore ini", "answer", "psp-intervensi"),
    ("Pak saya kepsek SDN 4 Sukasada, dengar dari kepsek Angkatan I ada BOS khusus untuk sekolah penggerak buat beli buku. Namanya apa ya?", "ask_back", None),
    ("Pak saya kepsek SDN 1 Pemuteran. Setelah tahap 2 selesai, ada verifikasi dan penilaian, itu tanggal berapa sampai berapa?", "answer", "kelulusan"),
    ("Tahun berapa sekolah penggerak angkatan pertama mulai jalan di Buleleng?", "answer", "angkatan-1"),
    ("dasar hukum PSP apa ya pak? permendikbud nomor brp?", "ask_back", None),  # (a "permendikbud" keyword was reviewed too broad)
    ("buleleng masuk angkatan brp sih di PSP? tiang kira angkatan 3 bareng gianyar", "answer", "angkatan-1"),
    ("kira-kira angkatan 4 kapan dibuka?", "forward", "angkatan-berikutnya"),
    ("Hi, a principal in Seririt asked me when the PMO Bimtek took place?", "answer", "bimtek-jadwal"),
    ("Guru2 di sekolah binaan sy nanya, bisa daftar sendiri jadi komite pembelajaran?", "answer", "komite-pembelajaran"),
    # (sets 125–127) "how" breaks a tie towards the topic of how it is done; "terdaftar di aplikasi apa" is Dapodik; the
    # weather is other business unless the Bimtek is named; a coming meeting's date asked in the other clause; a
    # foundation's name is the asker's school's; "verif", "ngmg", "unggul", "e-kinerja"; "but" is a filler
    ("gimana daftar psp", "answer", "daftar-cara"),
    ("how do i register psp", "answer", "daftar-cara"),
    ("siapa yg daftar psp", "answer", "daftar-siapa"),
    ("data kepsek hrs terdaftar di aplikasi apa ya biar bs daftar psp?", "answer", "dapodik"),
    ("daftar psp lewat aplikasi apa?", "answer", "daftar-cara"),
    ("Besok hujan tidak ya di Singaraja? TK kami mau ada upacara", "decline", None),
    ("kalau hujan deras, bimtek zoom tetap jalan?", "ask_back", None),
    ("Rapat PMO kabupaten berikutnya kapan dan tempatnya di mana?", "ask_back", None),
    (
        "Selamat siang. Kami sekolah di bawah yayasan Hindu, surat keterangan sisa masa jabatan kepala sekolah itu dikeluarkan oleh siapa ya?",
        "answer",
        "masa-tugas",
    ),
    ("psp khusus sekolah unggul?", "answer", "psp-swasta"),
    ("verif & penilaian kpn", "answer", "kelulusan"),
    ("mau ngmg sm petugas", "answer", "bot-kontak"),
    ("cara isi e-kinerja", "decline", None),
    ("Cohort III was selected in 2022, but which year did those schools actually start implementing?", "answer", "angkatan-3"),
    # details the sources lack: an essay's topics, the interview's grid asked before a request
    # ("boleh saya minta?" points back; "napi niki sebenarnya?" does not), the count of schools ("jumlah sekolah …")
    ("topik esai tahap 1 apa aja? tiang mau latihan dr skrg", "forward", "seleksi-rincian"),
    ("Pertanyaan wawancara tahap 2 ada kisi-kisinya kan? boleh saya minta?", "forward", "seleksi-rincian"),
    (
        "Om swastyastu pak, tiang baru dilantik jadi kepsek SD bulan ini. Ada pesan WA terusan soal Program Sekolah Penggerak, napi niki sebenarnya?",
        "answer",
        "psp-apa",
    ),
    ("Dengan hormat, mohon informasi jumlah sekolah di Kabupaten Buleleng yang ditetapkan sebagai Sekolah Penggerak Angkatan I.", "forward", "data-terkini"),
    # the list of abbreviations is no main question when more is asked about the thing; alone it answers
    ("PMO dlm PSP itu singkatan apa? Apa saja tugasnya?", "answer", "pmo-apa"),
    ("PSP singkatan apa?", "answer", "singkatan"),
]


# Messages a review of round 22's rules found them too broad for, each narrowed: a coming meeting's date only in the
# same sentence; "apa angkatan 2 …" is no choice; a month checked only at the end of its question; weather, sick leave,
# PPPK and e-kinerja are other business only when no selection step or committee is named; "terdaftar di aplikasi" is
# Dapodik only for someone's data; "ngmg2" is "by the way"; "pdf" and "permendikbud" taken out; "yang lainnya apa
# saja" only after a question
ROUND_22_REVIEWED = [
    ("Siapa penanggung jawab PMO? dan kapan rapat PMO berikutnya?", "answer", "pmo-penanggung-jawab"),
    ("Tujuan bimtek PMO apa? Kapan bimtek berikutnya?", "answer", "bimtek-tujuan"),
    ("Syarat usia berapa? pendaftaran angkatan berikutnya kapan?", "answer", "usia"),
    ("Dokumen apa saja yang disiapkan? kapan pendaftaran tahun depan dibuka?", "answer", "dokumen"),
    ("Pengumuman tahap 1 tanggal berapa? Rapat korwil berikutnya kapan?", "answer", "kelulusan"),
    ("Angkatan 1 kapan mulai? apa angkatan 2 juga sama?", "answer", "angkatan-nasional"),
    ("Kabupaten mana saja angkatan 3? apa angkatan 2 sudah mulai PKP?", "answer", "angkatan-nasional"),
    ("Pengumuman tahap 1 tanggal berapa, apa tahap 2 juga online?", "answer", "seleksi-tahapan"),
    ("Juli 2022 ya pak, angkatan 3 lagi ngapain?", "ask_back", None),
    ("Oktober ya pak, angkatan 3 sedang apa?", "ask_back", None),
    ("Kalau hujan dan sinyal hilang saat simulasi mengajar tahap 2, bagaimana?", "ask_back", None),
    ("Kepala sekolah opname di RS, izin tidak bisa ikut simulasi mengajar, gimana?", "ask_back", None),
    ("Can a PPPK teacher recruitment graduate be in the learning committee?", "ask_back", None),
    ("Can PPPK teachers be appointed to the learning committee after the PPPK recruitment?", "ask_back", None),
    ("Apakah pelatihan PKP bisa masuk e-kinerja guru?", "answer", "pkp"),
    ("Sertifikat PKP bisa diupload ke ekinerja?", "forward", "sertifikat"),
    ("Pendaftar PSP terdaftar di aplikasi apa? SIMPKB ya?", "answer", "daftar-cara"),
    ("Kepala sekolah yang lulus terdaftar di aplikasi apa untuk pelatihan?", "forward", "seleksi-teknis"),
    ("ngmg2 syarat usia kepsek berapa", "ask_back", None),
    ("ngmg2 pendaftaran tahap 1 kapan ya", "ask_back", None),
    ("Surat edaran PSP ada pdf-nya?", "answer", "surat-edaran"),
    ("Apakah CV dikirim dalam bentuk pdf?", "answer", "seleksi-tahap1"),
    ("Tiang sudah daftar PSP lewat SIMPKB, yang lainnya apa saja?", "ask_back", None),
    ("Permendikbud kurikulum merdeka nomor berapa?", "ask_back", None),
]

# Round 23: other school business that looks like the programme's (Adiwiyata, PPG, a recipe for a committee meeting,
# a ceremony's uniform, an accreditation visit, parents' donations) is declined, not queued; the selection's own
# steps are still the programme's when PPG is what they are compared with
ROUND_23_READINGS = [
    ("sekolah adiwiyata pendaftarannya kapan ya?", "decline", None),
    ("pendaftaran ppg daljab tahun ini kapan", "decline", None),
    ("Info pendidikan profesi guru untuk guru honorer dong pak", "decline", None),
    ("resep jaje uli buat rapat komite sekolah gmn", "decline", None),
    ("upacara hari guru pakai seragam apa ya", "decline", None),
    ("besok ada visitasi akreditasi, berkas apa saja yang disiapkan?", "decline", None),
    ("iuran ortu untuk study tour boleh ga sih pak", "decline", None),
    ("wawancara seleksi tahap 2 itu kayak ppg ya? isinya apa", "answer", "seleksi-tahap2"),
    ("Sekolah sy baru divisitasi dan akreditasinya B. Apa boleh ikut PSP?", "answer", "akreditasi"),
    ("Apakah sekolah penggerak diprioritaskan untuk visitasi akreditasi?", "ask_back", None),
    # a Balinese name of four words after "saya" is the asker, not another thing named
    ("Selamat siang. Saya Ni Kadek Dwi Lestari, kepsek SD N 3 Banjar. Kapan pengumuman tahap 1?", "answer", "kelulusan"),
    # "setelah tahap 2 selesai": when, told by the stage before what is asked
    ("Sesudah tahap 2 selesai, verifikasi dan penilaian itu kapan?", "answer", "kelulusan"),
    # which day's Zoom details: the config's, whatever the day (not the reminders' "1 hari sebelum"); a day's content is
    # still what the sources lack
    ("passcode zoom bimtek pmo hari kedua apa ya", "answer", "bimtek-media"),
    ("bimtek hari ketiga materinya apa?", "ask_back", None),
    # "tujuan akhir" is the aim (not "batas akhir"); "what is X for?" asks its aim
    ("tujuan akhir psp itu apa sih", "answer", "psp-apa"),
    ("What is the PMO Bimtek for?", "answer", "bimtek-tujuan"),
    # how the Bimtek was held and its days only say which Bimtek
    ("Siapa saja peserta Bimtek PMO secara daring tanggal 8-11 Maret?", "answer", "bimtek-peserta"),
    ("printer sekolah macet, gimana ya", "decline", None),
    # "the dates" ask for a date, not for the topic with "tanggal" among its keywords
    ("What were the dates of stage 1 of the selection for cohort 3?", "answer", "seleksi-tahapan"),
    # how long the asker has held the post is who asks, after the question
    ("Pengumuman tahap 1 kapan ya? Saya baru dilantik bulan lalu.", "answer", "kelulusan"),
    # how the asker feels, after the question, is who asks; "pertama kali" is the first time, not the first cohort;
    # clothes asked about are the selection's technical details the sources lack
    ("Pak, untuk wawancara tahap 2 ada aturan pakaian ndak? Saya gugup, ini pertama kali ikut seleksi.", "forward", "seleksi-teknis"),
    ("what clothes should I wear for the interview?", "forward", "seleksi-teknis"),
    ("ini pertama kali sy ikut psp, syaratnya apa?", "answer", "syarat-kepsek"),
    # a principals' group chat is where the news was read, not another programme named
    ("Di grup WA K3S ada kabar pengumuman tahap 1 sudah keluar. Tanggal berapa ya?", "answer", "kelulusan"),
    ("jadwal rapat MKKS bulan ini kapan?", "decline", None),
    # "tanggal berapa sampai berapa acaranya?" points back at what was quoted
    ('Tadi di WA: "Pelatihan Komite Pembelajaran Angkatan II dimulai". Tanggal berapa sampai berapa acaranya?', "answer", "pkp"),
    # a comma inside brackets splits no clause
    ("What was the last day to send the stage 1 essays (CV, essays) for cohort 3?", "answer", "seleksi-tahap1"),
    ("Pak, by the way PSP secara nasional tahun 2022 sudah masuk angkatan berapa?", "answer", "angkatan-nasional"),
    # "lewat portal apa": how it is done, even when the how-topic already leads the tie
    ("lewat portal apa daftar psp?", "answer", "daftar-cara"),
    ("Through which website do principals register for PSP?", "answer", "daftar-cara"),
    # a month or a day told as hearsay is checked, not asked: the topic answers with its own ("katanya …, bener gak?")
    ("Pengumuman kelulusan angkatan 3 katanya bulan agustus 2022?", "answer", "kelulusan"),
    ("katanya bimtek pmo cuma dua hari tgl 8 maret, bener gak?", "answer", "bimtek-jadwal"),
    ("Dengar-dengar pendaftaran psp dibuka sampai april 2022, bener?", "answer", "pendaftaran-jadwal"),
    ("juli 2022 angkatan 3 lagi ngapain", "ask_back", None),
    # English hearsay: "I heard", "is that right", "in person", "run by" (of an event)
    ("I heard the Bimtek was run by LPMP Jawa, is that right?", "answer", "bimtek-penyelenggara"),
    ("Is it true the interview was done in person?", "answer", "seleksi-tahap2"),
    ("Is it true PSP is only for top schools?", "answer", "psp-swasta"),
    # where the asker works, before a comma, is no person of that kecamatan asked for
    ("tiang kepsek TK swasta di Sawan, surat keterangan sisa masa jabatan dikeluarkan siapa?", "answer", "masa-tugas"),
    ("siapa pelatih ahli di Sawan?", "ask_back", None),
    # English: a city is a regency, "other" is "lain"
    ("which city started PSP together with buleleng?", "answer", "angkatan-1"),
]

# Messages a review of round 23's rules found them too broad for, each narrowed (they read as before the round): the
# name after a form of address is no surname to drop (it may be the question, misspelt); "what is X for?" only of an
# event; "in person" only of an event done so; "run by" only of an event; a recipe, a ceremony and an office device are
# other business only when nothing of the programme is named; PPG and Adiwiyata are no decline when joining PSP is asked
# by name; a Bimtek day is dropped only for its Zoom details; a stage's end only before a question word; "which dates"
# is no date kind; "pertama kali" only "my first time"; list markers "a)" are no brackets; per- + -in is a verb;
# "sudah benar" is content; a month heard is checked only of a past event; a day heard only with its date
ROUND_23_REVIEWED = [
('pak Gede wawancra psp berapa lama?', "answer", "seleksi-tahap2"),
('What is this bot for?', "answer", "bot-fitur"),
('What is the PMO for?', "answer", "pmo-apa"),
('Can I meet the PMO staff in person?', "ask_back", None),
('Can I register in person at the office?', "answer", "bot-kontak"),
('ada resep jitu nulis esai tahap 1 gak?', "answer", "seleksi-tahap1"),
('scanner rusak, surat keterangan sehat boleh difoto saja?', "answer", "surat-sehat"),
('printer kantor macet, surat keterangan sisa masa tugas boleh tulis tangan?', "answer", "masa-tugas"),
('Kurikulum merdeka mulai kelas berapa? tadi waktu upacara dibahas', "answer", "kurikulum"),
('habis upacara tadi kepsek bilang sekolah kita akan pengimbasan, pengimbasan itu apa?', "answer", "pengimbasan"),
('apakah sertifikat PPG jadi syarat kepala sekolah penggerak?', "ask_back", None),
('bimtek hari kedua membahas apa? link materinya ada?', "ask_back", None),
('setelah tahap 2 selesai berarti sudah jadi sekolah penggerak?', "ask_back", None),
('Which dates did the Bimtek cover?', "ask_back", None),
('Kabupaten mana yang pertama kali ikut PSP di Bali?', "answer", "angkatan-1"),
('tolong info: a) syarat usia, b) syarat masa tugas, c) dokumen apa saja', "ask_back", None),
('pak perbaikin NIP saya di formulir gimana?', "answer", "bot-form-ubah"),
('apakah NIP yang saya ketik sudah benar?', "answer", "npsn-nip"),
('katanya bimtek PMO diadakan lagi bulan Agustus?', "ask_back", None),
('Who runs the Buleleng PMO team that attended the bimtek?', "answer", "bimtek-peserta"),
('katanya bimtek hari kedua dibatalkan, bener?', "ask_back", None),
('Can I see the bimtek schedule in person?', "answer", "bot-kalender"),
]


def test_zoom_details_asked_are_passed_on_as_the_chat_passes_them_on(engine: FaqEngine) -> None:
    # The sources hold no Zoom link: the chat answers where the details are and, without them in the config, queues
    # the question (handlers.faq.show_entry); the scoring counts such a row as passed on, and only such a row
    rows = [
        ("id", "link zoom bimtek pmo nya apa pak", "", "nofact"),
        ("en", "What's the Zoom passcode for the PMO bimtek?", "", "nofact"),
        ("id", "link zoom rapat korwil besok apa?", "", "nofact"),  # another meeting: not the Bimtek's details
        ("id", "bimtek pmo lewat zoom atau tatap muka?", "", "nofact"),  # the medium, not the details: answered
    ]
    score = score_rows(engine, rows)
    assert engine.asks_zoom_details("bimtek-media", rows[0][1]) and not engine.asks_zoom_details("bimtek-jadwal", rows[0][1])
    assert not engine.asks_zoom_details("bimtek-media", rows[2][1])
    assert score.config_passed_on == 2 and score.nofact_answered == 2, score.misses


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("in twenty twenty two were all regencies", ["2022", "all", "kabupaten"]),
        ("the twenty twenty three twenty four cohort", ["2023", "2024", "angkat"]),
        ("two thousand and twenty one", ["2021"]),
        ("twenty thousand schools in five hundred and fourteen regencies", ["20000", "sekolah", "514", "kabupaten"]),
        ("two thousand five hundred schools", ["2500", "sekolah"]),
    ],
)
def test_english_numbers_as_dictation_writes_them(text: str, words: list[str], engine: FaqEngine) -> None:
    assert engine.words(text) == words


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # the asker's own name after "tiang"/"saya" and the Balinese name words is no topic word ("Suarjana" is not "sarana")
        ("tiang Made Suarjana kepala SD", ["kepala", "sd"]),
        ("Tiang I Gusti Ngurah Suarjana dari SD 1", ["sd", "1"]),
        ("saya Wayan Sudarsana kepsek", ["kepala", "sekolah"]),
        ("saya made mau tanya bimtek", ["bimtek"]),
        # a word one letter short of the base's word is that word, not two joined words ("peni" + "lain")
        ("verifikasi sm penilain kpn", ["verifikasi", "penilaian"]),
        # "matur suksma" thanks; "matur" alone is to speak to someone
        ("syarat usia brp? matur suksma", ["syarat", "usia"]),
        # a real word with a vowel left out is that word ("sgala" is "segala"), not a typo of the base's "salah"
        ("sgala", ["segala"]),
        # …only a word opening with two consonants: "pemda" is an abbreviation, not "pemuda"
        ("knp pemda hrs punya tim pmo", ["pemda", "tim", "pmo"]),
    ],
)
def test_names_thanks_and_dropped_letters_are_read(text: str, words: list[str], engine: FaqEngine) -> None:
    assert engine.words(text) == words


def test_chat_in_suffix_makes_verbs_only() -> None:
    # "-in" goes with di-/me-/N- or no prefix ("disiapin", "ngerjain"); "penilain" is no pe- form of "nila"
    assert "siap" in stem_candidates("disiapin") and "kerja" in stem_candidates("ngerjain")
    assert "nila" not in stem_candidates("penilain")


ROUND_24_READINGS = [
    # the teachers' contract-staff recruitment as "PPPK guru" is other business, unless a principal of that status asks about PSP
    ("PPPK guru daftarnya kpn", "decline", None),
    ("Bu kepsek kami PPPK guru, bisa daftar sekolah penggerak?", "answer", "daftar-siapa"),
    ("how to get teacher certification this year", "decline", None),
    # "tomorrow" alone is no farewell: "weather … tomorrow" is the weather; "see you tomorrow" is a goodbye
    ("weather seririt tomorrow", "decline", None),
    ("thanks, see you tomorrow", "small_talk", None),
    # someone "paid" is their pay, not who funds the programme
    ("How much are the Pelatih Ahli paid each month?", "forward", "honor"),
    ("Is PSP paid or free for schools?", "answer", "dana"),
    # a number that is another thing's only ("angkatan 1") does not pull "tahap 1"
    ("tahap 1 mulainya kapan ya", "answer", "seleksi-tahap1"),
    # "coba" before a request softens it; "heard … at the meeting" says where a term came up
    ("coba jelasin pengimbasan itu apa", "answer", "pengimbasan"),
    ("Apa itu PMO? sering denger di rapat", "answer", "pmo-apa"),
    ("What is pengimbasan? It came up in the K3S meeting.", "answer", "pengimbasan"),
    ("When is the K3S meeting?", "decline", None),
    # "siapa lagi angkatan 2" asks for regencies, not a person
    ("siapa lagi angkatan 2 selain klungkung?", "answer", "angkatan-2"),
    # a month guessed to be checked ("… maret kan?") is no month the answer must hold, nor a question of its own after one
    ("Pendaftaran angkatan 3 ditutup tgl 20 maret kan?", "answer", "pendaftaran-jadwal"),
    ("hasil tahap 1 angkatan III kapan keluar? pertengahan maret kan?", "answer", "kelulusan"),
    # what someone else said is a guess, not the cohort asked
    ("Buleleng ikut angkatan berapa? kata korwil angkatan 2", "answer", "angkatan-1"),
    # an account to log in with is not an address; "Google Meet" is also the Bimtek's medium asked about
    ("Merdeka Mengajar bisa login pakai akun gmail?", "answer", "merdeka-mengajar"),
    ("Bimtek PMO itu lewat zoom atau gmeet?", "answer", "bimtek-media"),
    # "kelas tertentu" is no detail of the selection the sources lack
    ("tahun pertama PSP kurikulum merdeka langsung semua kelas atau kelas tertentu saja?", "answer", "kurikulum"),
    # another regency's education office and how to reach it is other business
    ("Alamat kantor dinas pendidikan Klungkung di mana?", "decline", None),
    ("kantor dinas pendidikan badung ikut PSP angkatan berapa?", "answer", "angkatan-2"),
    # a role's holders asked for by name ("nama … sp", "sp … utk kec …") are a detail the answer about the role lacks
    ("nama pelatih ahli kec sawan sp", "forward", None),
    ("sp pelatih ahli utk kec banjar", "ask_back", None),
    # "selain <regency> … siapa" asks for other regencies
    ("angkatan 1 di bali siapa lg selain buleleng?", "answer", "angkatan-1"),
    ("selain buleleng siapa lagi yg ikut duluan di angkatan pertama?", "answer", "angkatan-1"),
    # "tujuan X itu sebenarnya buat apa" asks the aim, whatever the context after it
    ("tujuan bimtek pmo itu sbnrnya buat apa ya kok sampai pejabat dinas yg ikut", "answer", "bimtek-tujuan"),
    # news not received is no source cited: what it said is asked
    ("tiang ga dapat surat edaran dr dinas soal psp, intinya isinya apa ya", "answer", "surat-edaran"),
    # an apology for writing late is no topic
    ("so sorry for my late message, I missed the PMO bimtek, when was it exactly?", "answer", "bimtek-jadwal"),
    # a circular's number is not the decree numbers of the legal basis (a topic using far fewer of the words)
    ("surat edaran psp dr disdikpora itu nomornya brp ya, tiang perlu utk laporan", "forward", None),
    # a school holiday and the school calendar are other business
    ("pak besok sekolah libur ga ya krn kuningan, sy lupa liat kalender pendidikan", "decline", None),
    # "kamu bantu" asks what the bot does; help asked with a task to do is no topic of its own
    ("halo bot, apa aja yg bisa kamu bantu?", "answer", "bot-fitur"),
    ("can you help me register for PSP?", "answer", "daftar-siapa"),
    ("What can this bot help me with?", "answer", "bot-fitur"),
    # "google meet" is one name, the Bimtek's medium when the Bimtek is named
    ("bimteknya lewat google meet ya pak?", "answer", "bimtek-media"),
    # where a claim was heard, inside its sentence, is no topic; an apology for writing late is small talk on its own
    ("I heard in the MKKS meeting that registration closes in March, is that right?", "answer", "pendaftaran-jadwal"),
    ("maaf telat balas, bimtek kapan?", "answer", "bimtek-jadwal"),
    ("maaf telat balas pak", "small_talk", None),
    # "is" + "I Ketut" is no dictated "isi"; "inside the team" names no topic
    ("Who is I Ketut Agus Susilawan? I read his name in the news about the Bimtek", "answer", "bimtek-peserta"),
    ("who is inside the PMO team of the regency?", "answer", "pmo-anggota"),
    # who told a claim is no topic of it ("pak korwil bilang …" is no question about the korwil's recap)
    ("Kemarin pak korwil bilang yg daftar PSP itu kepala sekolahnya. Benar begitu? jadi kalau saya lulus sekolah saya jadi sekolah penggerak?",
     "answer", "daftar-siapa"),
    ("What are the main duties of the PMO in the programme?", "answer", "pmo-apa"),
    # "setelah tahun pertama, …" says which year the question is of
    ("setelah tahun pertama, sekolah penggerak harus ngapain?", "answer", "pengimbasan"),
]

# Round 24's review: messages a helper wrote to probe the round's rules, read as the round's start engine read them
ROUND_24_REVIEWED = [
    ("pengumuman tahap 1 keluar pas libur, dilihat di mana?", "answer", "kelulusan"),
    ("korwil libur, rekap bisa dilihat admin?", "answer", "bot-rekap"),
    ("apa beda nama pelatih ahli dengan fasilitator?", "answer", "pelatih-ahli"),
    ("nama sekolah di SP sisa masa tugas ditulis lengkap?", "answer", "masa-tugas"),
    ("kepsek yg pernah dapat SP untuk kec. Sawan boleh ikut psp?", "answer", "syarat-kepsek"),
    ("nomor induk pppk guru 18 digit juga?", "answer", "npsn-nip"),
    ("pppk guru wajib ikut pkp?", "answer", "pkp"),
    ("Is the committee training paid or free?", "answer", "dana"),
    ("Is the teacher training paid by BOS Kinerja?", "answer", "dana"),
]


ROUND_25_READINGS = [
    # a question passed on is read without who passed it; a kecamatan of the regency goes with them, another regency stays
    # only for what differs by regency; whom to ask is no relay
    ("kepsek di Gerokgak nanya siapa penyelenggara bimtek PMO pemda itu pak", "answer", "bimtek-penyelenggara"),
    ("Some principals asked me what this bot can actually do for them.", "answer", "bot-fitur"),
    ("teman di Tabanan nanya masuk angkatan berapa", "answer", "angkatan-3"),
    ("teman di Badung nanya syarat daftar", "answer", "syarat-kepsek"),
    ("kepala sekolah tanya ke siapa kalau lupa NPSN?", "ask_back", None),
    # English chat shorthand; what this PSP bot can do
    ("hi when ws the pmo bimtek", "answer", "bimtek-jadwal"),
    ("how many yrs do schools get mentoring in psp", "answer", "psp-durasi"),
    ("how many hr is the bimtek", "answer", "bimtek-jadwal"),
    ("What can this PSP Bot do for coordinators and principals?", "answer", "bot-fitur"),
    # a Bimtek date offered as its start or one of two is a date; one day's content is still lacking
    ("Bimtek PMO mulai tgl 8 atau tgl 11 maret?", "answer", "bimtek-jadwal"),
    ("bimtek tgl 10 maret materinya apa?", "forward", "bimtek-narasumber"),
    # how often the PMO meets (not another group's meeting)
    ("Rapat PMO kabupaten itu tiap bulan atau per triwulan?", "answer", "pmo-anggota"),
    ("pertemuan kombel tiap minggu wajib?", "decline", None),
    # "what years were they" points back; prompts asked for are what the sources lack
    ("Which came first for Buleleng, the PSP selection or the first implementation? What years were they?", "ask_back", None),
    ("what were the exact essay questions in stage 1?", "forward", "seleksi-rincian"),
    ("ada soal esai di tahap 1?", "answer", "seleksi-tahap1"),
    ("saya ada pertanyaan soal wawancara, jadwalnya kapan?", "answer", "seleksi-tahap2"),
    # regencies compared; the order of two stages
    ("Buleleng sama Badung itu satu angkatan ya pak?", "answer", "angkatan-nasional"),
    ("apakah Jembrana dan Karangasem juga ikut PSP seperti Buleleng?", "answer", "angkatan-3"),
    ("Pengumuman tahap 1 itu sebelum atau sesudah tahap 2 mulai? tgl brp masing2?", "answer", "seleksi-tahapan"),
    ("sertifikat keluar sebelum atau sesudah pengumuman?", "forward", "sertifikat"),
    # feelings: a call on God, a panic apologised for; the cost of joining
    ("Ya Tuhan, tahap 2 itu isinya apa saja? saya takut sekali disuruh ngajar di depan penilai", "answer", "seleksi-tahap2"),
    ("makasih ya, maaf tadi saya panik 😅", "small_talk", None),
    ("Pak ikut PSP itu sekolah harus bayar berapa?? dana BOS kami sudah pas2an, saya takut sekali!!", "answer", "dana"),
    # still to come
    ("Is another Sekolah Penggerak cohort planned after 2024, and when would registration open?", "ask_back", None),
    ("rapat pmo buleleng brktnya kpn", "ask_back", None),
    # the Bimtek as a time; dates said aloud
    ("pas bimtek pmo maret 2022 psp buleleng udh smpe tahap apa", "answer", "angkatan-1"),
    ("siapa aja dari dinas yang ikut bimtek pmo tanggal delapan sampai sebelas maret", "answer", "bimtek-peserta"),
    # which schools were chosen, by name; not their criteria
    ("sklh mana aj di kec gerokgak yg jd sekolah penggerak", "forward", "data-terkini"),
    ("SD yg diusulkan korwil syaratnya apa aja", "answer", "korwil-lima-sd"),
    # people counted; a body's function; a which-question's noun
    ("peserta bimtek pmo brp org", "ask_back", None),
    ("kenapa kabupaten perlu bikin tim PMO segala buat PSP? fungsinya apa?", "answer", "pmo-apa"),
    ("proses PSP di buleleng dimulai dari bidang mana?", "answer", "pmo-bidang"),
    ("Sekolah swasta kecil kayak kami dananya PSP dari mana pak? yayasan kami pas-pasan", "answer", "dana"),
    # farewells; "berarti" opening; what the answer is for; "when I register, …"
    ("Goodbye, have a nice day.", "small_talk", None),
    ("berarti kalau kepsek PSP dipindah ke sesama sekolah penggerak masih boleh ya?", "answer", "mutasi"),
    # (angkatan-1 and angkatan-nasional tie here, both naming cohort I's Denpasar and Buleleng; the madrasah topic of round 32
    # moved the words' weights by a hair, and the tie went to the list of all cohorts; round 33's question variant of the
    # national target ("berapa kabupaten/kota …") moved them back to cohort I's own topic)
    ("For a briefing note: which regencies/cities in Bali belonged to PSP Angkatan I?", "answer", "angkatan-1"),
    ("So when I register for PSP through the bot, how many digits is the NIP?", "answer", "npsn-nip"),
    # a school's status; hours beside a zone; other business; a deadline; whose a school is
    ("Apakah PSP merupakan program khusus sekolah unggulan? Mohon penjelasan terkait status sekolah yang dapat ikut.", "answer", "psp-swasta"),
    ("status sekolah sy gmn ya", "answer", "bot-status"),
    ("national zoom schedules are usually in WIB, how many hours do I add for buleleng?", "answer", "zona-waktu"),
    ("How can students apply for the Program Indonesia Pintar (PIP) scholarship?", "decline", None),
    ("can u help me write a speech for graduation", "decline", None),
    ("What is the deadline for the BOS Kinerja report for PSP schools?", "ask_back", None),
    ("TK kami milik yayasan, surat keterangan sisa masa jabatan kepala sekolah itu yg nerbitin siapa ya?", "answer", "masa-tugas"),
    ("And after the GTK division does the socialisation, which other divisions work in the Buleleng PMO?", "answer", "pmo-bidang"),
    ("What was the stated purpose of the March 2022 Bimtek for the regional PMO teams?", "answer", "bimtek-tujuan"),
    # what a stage holds; the Kurikulum Merdeka typed in capitals; whom an event was for, what for, how long
    ("Rahajeng semeng. Tiang kepala TK di Desa Panji, 6 tahun menjabat. Teman bilang seleksi tahap 1 PSP itu berat karena banyak menulis. "
     "Isi seleksi tahap 1 itu apa saja?", "answer", "seleksi-tahap1"),
    ("KM thn 1 SD kls brp", "answer", "kurikulum"),
    ("km bisa bantu apa?", "answer", "bot-fitur"),
    ("bimtek pmo itu untuk siapa?", "answer", "bimtek-peserta"),
    ("who was the bimtek for?", "answer", "bimtek-peserta"),
    ("bimtek pmo buat apa?", "answer", "bimtek-tujuan"),
    ("untuk apa bimtek pmo diadakan?", "answer", "bimtek-tujuan"),
    ("materi bimtek untuk apa saja?", "answer", "bimtek-materi"),
    ("how long was the bimtek?", "answer", "bimtek-jadwal"),
    ("bimtek berapa lama?", "answer", "bimtek-jadwal"),
    ("psp untuk sd saja?", "answer", "psp-jenjang"),
    ("sd mana aja yg udh jd sekolah penggerak", "forward", "data-terkini"),
    # a stage passed, told before a question about another; a condition "currently" in force
    ("Dear admin, my principal passed stage 1. During which period is stage 2 held?", "answer", "seleksi-tahap2"),
    ("Can a principal who is currently involved in a legal case apply for the programme?", "answer", "sanksi"),
    ("how many schools are currently sekolah penggerak?", "forward", "data-terkini"),
]

# Over-broad readings a review of round 25's changes found, each narrowed (the start engine's verdict, the review's messages)
ROUND_25_REVIEWED = [
    ("status sekolah", "answer", "bot-status"),
    ("cek status sekolah sy dong, sudah terdaftar blm", "answer", "bot-status"),
    ("pertemuan komunitas belajar berapa bulan sekali", "decline", None),
    ("pertemuan kepsek per minggu atau per bulan?", "ask_back", None),
    ("how many hours is the bimtek", "ask_back", None),
]


ROUND_27_READINGS = [
    # a generic thing of what was told before, pointed at ("…, itu jadwalnya kapan"), or its year at the school told about
    ("ada verifikasi dan penilaian sesudah tahap 2 ya, itu jadwalnya kapan untuk angkatan 3", "answer", "seleksi-tahap2"),
    ("teman sy lolos angkatan 3, pelaksanaannya di sekolah itu mulai tahun berapa?", "answer", "angkatan-3"),
    # "terus terang" is frankly, a filler
    ("pak terus terang sy blm paham, tujuan bimtek pmo itu apa", "answer", "bimtek-tujuan"),
    # who attended "waktu itu": the event named before
    ("tiang baca berita di web dinas soal bimtek PMO bulan maret tapi lupa siapa saja dari dinas buleleng yg ikut waktu itu, boleh dibantu namanya",
     "answer", "bimtek-peserta"),
    ("sy dengar ada bimtek pmo maret 2022 tapi lupa siapa saja dari disdik yg ikut waktu itu, boleh dibantu namanya", "answer", "bimtek-peserta"),
    # who asks and where is not the question; PSP named as what is not asked about; "passed by" is going past
    ("sy kepsek SD di Sawan, bulan depan ada upacara adat di desa, sekolah boleh diliburkan gak?", "decline", None),
    ("maaf di luar psp pak, dana pip siswa kapan cair?", "decline", None),
    ("I passed by the Disdikpora office and saw a banner, where can I buy the batik uniform for teachers?", "decline", None),
    ("my principal was passed by the panel in stage 1, what comes next?", "answer", "seleksi-tahap1"),
    # the other half of a choice ("…? atau cuma …?") joins the question; "does it …" points back in English
    ("bimtek pmo materinya ada literasi digital gak? atau cuma perencanaan berbasis data?", "answer", "bimtek-materi"),
    ("If an issue can't be fixed at the school level, does it go up to the regency PMO?", "answer", "pmo-apa"),
    # who can see the data is its protection; registered in which application is Dapodik
    ("siapa yg bisa lihat data yg sy isi di bot?", "answer", "bot-privasi"),
    ("sekolah harus terdata di aplikasi apa supaya kepsek bisa daftar psp", "answer", "dapodik"),
    # what one kecamatan's korwil has already sent is no rule to quote
    ("sd yg sudah dikirim korwil sawan berapa sekolah ya", "ask_back", None),
    # English words the base says in Indonesian: channels, encouraged (the circular), began implementing
    ("On which channels can I reach this bot?", "answer", "bot-kanal"),
    ("What document did the Dinas send to encourage principals to sign up?", "answer", "surat-edaran"),
    # "may" as a modal, not the month; "may I ask" and "during" name nothing
    ("May I know who represented Buleleng at the Bimtek?", "answer", "bimtek-peserta"),
    ("May a principal in cohort II be moved to another school?", "ask_back", None),
    ("What subjects were covered during the Bimtek?", "answer", "bimtek-materi"),
    # a condition held "currently" is no current figure; "high-performing" schools are the best ones, and "or can …" the other half
    ("Are principals who are currently under a heavy sanction eligible?", "answer", "sanksi"),
    ("Is it true that only high-performing schools can join, or can any school apply?", "answer", "psp-swasta"),
    # "ibukota" in one word, "capital" (not capital letters); Zoom and Google Meet as dictated; installing an app is other business
    ("ibukota buleleng itu singaraja atau seririt ya?", "answer", "kecamatan"),
    ("What is the capital of Buleleng?", "answer", "kecamatan"),
    ("bimtek kemarin pakai aplikasi apa zum atau gugel mit", "answer", "bimtek-media"),
    ("gimana cara install aplikasi zoom di hp android", "decline", None),
    # no daylight saving in Bali (facts F); "information" names nothing
    ("Is daylight saving time used in Bali?", "answer", "zona-waktu"),
    ("What information does a NIP hold?", "answer", "npsn-nip"),
    # "kepanjangan" is what the letters stand for; "in how much time" is how long; a kecamatan's count proposed is no rule
    ("kepanjangan PSP apa ya", "answer", "singkatan"),
    ("How much progress should a school make, and in how much time?", "answer", "psp-durasi"),
    ("How many primary schools in Kecamatan Gerokgak were proposed by the coordinator?", "ask_back", None),
    ("What is the word limit for the stage 1 essay?", "forward", "seleksi-rincian"),
    # a relay that people ask about PSP, or an introduction after "mau tanya", is context when the question is marked later
    (
        "sore bu, tiang dulu ngajar di Klungkung sblm pindah ke Singaraja. teman2 lama di sana lagi nanya2 soal PSP ke tiang, tiang sendiri kurang "
        "paham. Klungkung itu dulu masuk angkatan brp ya bu?",
        "answer",
        "angkatan-2",
    ),
    (
        "Bu maaf mau tanya, tiang kepala TK swasta di Kec. Sawan. teman tiang yg kepsek SD bilang PSP cuma buat SD dan SMP. apa bener bu? jenjang apa "
        "saja yg dipetakan disdik utk ikut PSP?",
        "answer",
        "psp-jenjang",
    ),
    # "… file excel …. dr bot bisa download ga?": fetching the thing named before
    ("bu, atasan minta daftar pendaftar PSP kecamatan kami dlm bentuk file excel buat rapat. dr bot bisa download ga?", "answer", "bot-ekspor"),
    # a teacher's NUPTK asked by its length is no NUPTK errand; "when I register" closing a question asks no date
    ("nuptk guru itu brp digit?", "answer", "npsn-nip"),
    ("How many digits should the NIP have when I register?", "answer", "npsn-nip"),
    # a power cut while filling in the form
    ("lagi isi formulir di bot tiba2 mati lampu, harus ulang dari awal?", "answer", "bot-form-navigasi"),
    # English "meant to achieve" is the aim, "time difference" the clocks', personal details one's data
    ("What was the PMO Bimtek meant to achieve?", "answer", "bimtek-tujuan"),
    ("What is the time difference between Bali and Jakarta?", "answer", "zona-waktu"),
    # a wish for the work ahead closes a farewell (set 211's first run missed it)
    ("oke bu, selamat bertugas, sampai ketemu", "small_talk", None),
    ("selamat beristirahat pak", "small_talk", None),
]
# Narrowed after a review of this round's rules (its worse cases, as they read now)
ROUND_27_REVIEWED = [
    ("Terus terang ini bot beneran dari dinas?", "ask_back", None),  # (frankly, with no question word after it: the word stays)
    ("Masalahnya bukan soal PSP-nya, tapi sekolah kami belum siap, boleh tunda?", "ask_back", None),  # ("bukan soal PSP …, tapi …")
    ("We are outside PSP now, how can we join?", "ask_back", None),  # ("outside" opening the message only)
    ("Was our school passed by the committee for batch 3?", "forward", "data-terkini"),  # (passed by a committee: a selection)
    ("data dapodik sekolah kami bisa dilihat siapa?", "ask_back", None),  # (the school's Dapodik, not the data given to the bot)
    ("Apakah perlu instal aplikasi untuk ikut seleksi?", "forward", "seleksi-teknis"),  # (an app for the selection is ours)
    ("Durasi pelatihannya kepanjangan, bisa dipersingkat?", "ask_back", None),  # ("kepanjangan": too long)
    ("I saw the selection announcement. Does it include private schools?", "answer", "psp-swasta"),  # ("does it" + its own thing)
]

ROUND_26_READINGS = [
    # what a thing is called is the thing ("… apa ya namanya?"), not a list of names (a role described keeps "nama")
    ("psp pakai kurikulum baru ya, apa ya namanya?", "answer", "kurikulum"),
    ("kegiatan berbagi ke sekolah lain di tahun kedua itu namanya apa?", "answer", "pengimbasan"),
    ("yang mendampingi kepsek di psp namanya apa?", "answer", "pelatih-ahli"),
    ("sd kelas berapa yg duluan pakai kurikulum merdeka", "answer", "kurikulum"),
    ("Understood, thanks", "small_talk", None),
    # other business: a device that will not connect, the school's bills, the office's cars
    ("the projector cannot connect to my laptop, any tips?", "decline", None),
    ("tagihan listrik bulan ini bayar ke mana ya", "decline", None),
    ("boleh pinjam mobil dinas buat acara sekolah?", "decline", None),
    # (…but the interview's Zoom, and the Bimtek's cars, are the programme's)
    ("ga bisa konek ke zoom wawancara, harus gimana?", "ask_back", None),
    ("ada mobil dinas yg jemput peserta bimtek?", "ask_back", None),
    # one's own result asked (by the school's name, inverted, in English), the schools a korwil sent by name, the essay's
    # topics: no source has them; asked back or passed on, not answered with the general dates or rule
    ("SD N 3 Tejakula lolos tahap 1 ga ya pak?", "ask_back", None),
    ("diterima gak ya kepsek kami?", "ask_back", None),
    ("Did my school pass the selection?", "ask_back", None),
    ("korwil kirim nama sekolah apa aja kemarin?", "ask_back", None),
    ("What are the essay themes for stage 1?", "forward", "seleksi-rincian"),
    ("judul esai tahap 1 apa saja", "forward", "seleksi-rincian"),
    # the criteria of named things are no question for names
    ("what criteria must the school names sent by the korwil meet?", "answer", "korwil-lima-sd"),
    # (the korwil's choice of schools, in both languages)
    ("korwil milih sd pakai syarat apa?", "answer", "korwil-lima-sd"),
    ("Which kecamatan can I pick in the registration form?", "answer", "kecamatan"),
    # the bot's commands named with a slash are about PSP (asked back, not declined); the office's mapping of principals,
    # not a map; words of no topic ("friend", asking "langsung"), while "langsung" meaning at once stays
    ("What's the difference between /rekap and /statistik?", "ask_back", None),
    ("did the disdikpora map SMP principals too?", "answer", "surat-edaran"),
    ("can you send a map of buleleng?", "decline", None),
    ("my friend wants the bimtek dates", "answer", "bimtek-jadwal"),
    ("tiang malu tanya langsung, bimtek pmo itu kapan?", "answer", "bimtek-jadwal"),
    ("setelah tahap 1 langsung tahap 2?", "ask_back", None),
    # formal English: the PMO's parties, an objective, "please name the …" (a list, not people's names), words of no topic
    ("Which parties sit in the regency PMO?", "answer", "pmo-anggota"),
    ("What was the objective of the Bimtek for the PMO teams?", "answer", "bimtek-tujuan"),
    ("Please name the regencies of cohort III.", "answer", "angkatan-3"),
    ("what is the name of the head of Disdikpora?", "answer", "pejabat-disdikpora"),
    ("roughly how many schools were in cohort 2 nationally?", "answer", "psp-target"),
    ("quick check: when was the bimtek again?", "ask_back", None),
]


ROUND_28_READINGS = [
    # Balinese "tyang" is "tiang" (saya); whether the e-mail must be filled in; what to type for a field one lacks
    ("tyang mau tanya, bimtek pmo pidan nggih?", "answer", "bimtek-jadwal"),
    ("email wajib diisi ga pak? sy ga punya email", "answer", "bot-form-isian"),
    ("kepsek swasta ga punya NIP, harus isi apa di formulir?", "answer", "npsn-nip"),
    # a question the bot cannot answer: where it goes
    ("kalau pertanyaan sy ga bisa dijawab bot, trus gmn?", "answer", "bot-pertanyaan"),
    ("what happens if the bot can't answer my question?", "answer", "bot-pertanyaan"),
    # the purpose of holding it, not its date; its dates in brackets describe which Bimtek
    ("apa tujuan pelaksanaan bimtek pmo tahun 2022?", "answer", "bimtek-tujuan"),
    ("What was the aim of the Bimtek for the regional PMO teams (8-11 March 2022)?", "answer", "bimtek-tujuan"),
    # a place to stay recommended is not ours
    ("Can you recommend a cheap hotel near Singaraja?", "decline", None),
    ("ada penginapan murah dekat dinas pendidikan buleleng?", "decline", None),
    # "short for", "reach someone", consent, an appeal, the designation decree, starting over
    ("what is PMO short for?", "answer", "singkatan"),
    ("How can I reach someone from the team?", "answer", "bot-kontak"),
    ("persetujuan data sy bisa ditarik?", "answer", "bot-privasi"),
    ("bisa ajukan sanggahan hasil seleksi tahap 1?", "forward", "seleksi-rincian"),
    ("nomor SK penetapan sekolah penggerak buleleng brp?", "forward", "data-terkini"),
    ("how do I start over the registration?", "answer", "bot-form-navigasi"),
    # this bot's reminders named beside a ceremony are ours
    ("tiang kepsek SD, HP bunyi kena pengingat zoom pas upacara, cara matikan pengingatnya?", "answer", "bot-pengingat"),
    # a farewell until a meeting
    ("ok pak, sampai jumpa di rapat besok", "small_talk", None),
    # (after sets 221–226) the names of a thing listed; what the answer is for, closing the message; noted for a report
    ("sebutkan nama-nama kecamatan di buleleng apa saja", "answer", "kecamatan"),
    ("Siapa saja peserta bimtek PMO dari Buleleng? untuk bahan laporan.", "answer", "bimtek-peserta"),
    ("ok bu, sudah saya catat untuk laporan", "small_talk", None),
    ("surat edaran psp dr disdikpora itu nomornya brp ya, tiang perlu utk laporan", "forward", None),
    # "what command do I use to …" asks how to do it
    ("which command do I use to delete my data?", "answer", "bot-hapus-data"),
    # who held an office at the time of the Bimtek; a person of the sources by name
    ("siapa kepala dinas waktu bimtek pmo maret 2022?", "answer", "pejabat-disdikpora"),
    ("Who was the head of the education office during the PMO Bimtek?", "answer", "pejabat-disdikpora"),
    ("pak susilawan itu jabatannya apa?", "answer", "bimtek-peserta"),
    # a month and year first as the time asked about; English socialisation, handled, names collected
    ("Per Maret 2022, Gianyar sudah di tahap apa dalam PSP?", "answer", "angkatan-3"),
    ("which division handled the socialisation of PSP?", "answer", "pmo-bidang"),
    ("how were the SD names collected through the korwil?", "answer", "korwil-lima-sd"),
    # counts the sources do not give: one kecamatan's names sent, all of them, the regency's schools in PSP
    ("korwil kec. gerokgak sudah kirim brp nama SD?", "ask_back", None),
    ("how many schools did the korwil send in total?", "ask_back", None),
    ("how many buleleng schools passed psp selection?", "forward", "data-terkini"),
    # the Kurikulum Merdeka's independent path is not PSP; applying again after failing; this quarter's meeting
    ("cara ikut IKM jalur mandiri gmn?", "decline", None),
    ("kepsek yg tidak lolos tahun ini boleh daftar lagi?", "forward", "angkatan-berikutnya"),
    ("rapat tim pmo semester ini kapan?", "ask_back", None),
    # "I'm currently …" tells the asker's situation; "gek" is a young woman speaking of herself
    ("I'm currently a teacher in Sawan, can I join the PSP?", "answer", "guru-daftar"),
    ("gek guru di SD Sawan, bimtek pmo kapan nggih?", "answer", "bimtek-jadwal"),
    # (after sets 227–232) who opened the Bimtek: a speaker the sources do not name
    ("siapa yang membuka bimtek pmo secara resmi?", "forward", "bimtek-narasumber"),
    ("who officially opened the PMO Bimtek?", "forward", "bimtek-narasumber"),
    # an acknowledgement of fourteen words, each of them small talk or a filler
    ("Siap pak, sampun tiang catat. Nanti tiang teruskan ke kepsek2 di gugus kami 🙏", "small_talk", None),
    # visitors' formal English: funded, discussed, started at the same time, candidates, carried out, fail, a dash, currently leads
    ("How is PSP funded?", "answer", "dana"),
    ("What was discussed at the Bimtek?", "answer", "bimtek-materi"),
    ("Which regencies started PSP at the same time as Buleleng?", "answer", "angkatan-1"),
    ("What do the candidates need to submit for stage 1?", "answer", "dokumen"),
    ("When was the stage 1 selection carried out?", "answer", "seleksi-tahap1"),
    ("If I fail stage 2, can I appeal?", "forward", "seleksi-rincian"),
    ("I have no NIP. Should I leave it blank or type a dash?", "answer", "bot-form-format"),
    ("Who currently leads the Disdikpora?", "answer", "pejabat-disdikpora"),
    # formal Indonesian words of no topic ("mohon dijelaskan", "bagi"); "penggunaan" is what a thing is used for
    ("mohon dijelaskan apa saja persyaratan bagi kepala sekolah yang ingin mendaftar PSP", "answer", "syarat-kepsek"),
    ("untuk apa saja penggunaan BOS Kinerja?", "answer", "dana"),
    # a command this bot does not have, beside one it has; who may see the data, asked after it; the PKP's length
    ("daftar lewat bot ketik /daftar atau /register?", "answer", "daftar-cara"),
    ("yang boleh akses data pendaftaran sy siapa saja?", "answer", "bot-privasi"),
    ("PKP angkatan 2 berapa lama durasinya?", "answer", "pkp"),
    # (after sets 233–238) "dapat jatah mendampingi" is being assigned, no quota; "waktu itu" is back then; a purpose first
    ("Sebenarnya 1 pelatih ahli dapat jatah mendampingi berapa sekolah?", "answer", "pelatih-ahli"),
    ("materi bimtek waktu itu apa saja?", "answer", "bimtek-materi"),
    ("Sy baru jadi kepsek. Buat pegangan saya: syarat usia kepsek utk PSP brp?", "answer", "usia"),
    # formal names: a mobile phone, Dapodik; "perintah apa yang harus saya gunakan" asks how to do what was told
    ("bagaimana cara menambahkan jadwal bimtek ke telepon genggam?", "answer", "bot-kalender"),
    ("apakah sekolah harus terdaftar di data pokok pendidikan?", "answer", "dapodik"),
    ("saya ingin membatalkan pengisian formulir. Perintah apa yang harus saya gunakan?", "answer", "bot-form-navigasi"),
    ("how do I quit the form?", "answer", "bot-form-navigasi"),
    ("NPSN has how many characters?", "answer", "npsn-nip"),
    ("Dear Sir/Madam, with respect, could you kindly inform us who currently serves as Head of the Disdikpora?", "answer", "pejabat-disdikpora"),
    # greetings to the regency's team, a promise to follow up, a farewell with where one goes
    ("Selamat pagi Bapak/Ibu Tim PMO Kabupaten Buleleng", "small_talk", None),
    ("Siap, akan segera kami tindak lanjuti.", "small_talk", None),
    ("tiang pamit dulu nggih, mau ngantar anak ke sekolah. suksma", "small_talk", None),
    # a computer or the wifi is not ours; what the bot keeps about someone; an answer the bot does not know
    ("my office printer keeps printing blank pages, how to fix", "decline", None),
    ("what does the bot keep about me?", "answer", "bot-data"),
    ("kalau bot ga tau jawabannya gimana?", "answer", "bot-pertanyaan"),
    # (after sets 239–244) where one must be registered is Dapodik; who is "in" a body is its members
    ("kepala sekolah harus terdaftar di mana supaya bisa ikut PSP?", "answer", "dapodik"),
    ("tim PMO itu siapa saja yang masuk?", "answer", "pmo-anggota"),
    # longer courtesies: regards from a team, a group with a digit in its name, a farewell of nineteen words
    ("Selamat pagi. Warm regards from the PMO team.", "small_talk", None),
    ("siap pak, sudah saya terima, nanti saya teruskan ke grup K3S kecamatan Sawan", "small_talk", None),
    ("baik bu, sudah jelas. saya pamit dulu ya, mau jemput anak. terima kasih banyak, sampai jumpa lagi", "small_talk", None),
    # English: remotely, heads, initial, take place, daylight saving, deletion; "menyampaikan bahwa", "sebaiknya"
    ("Was the Bimtek held in person or remotely?", "answer", "bimtek-media"),
    ("Who heads the Disdikpora now?", "answer", "pejabat-disdikpora"),
    ("In which year did the initial selection take place?", "answer", "angkatan-1"),
    ("Does Bali use daylight saving time?", "answer", "zona-waktu"),
    ("How can I request the deletion of my data?", "answer", "bot-hapus-data"),
    ("ketika mengisi NPSN, bot menyampaikan bahwa NPSN sudah didaftarkan orang lain. Apa yang sebaiknya saya lakukan?", "answer", "bot-npsn-terdaftar"),
    # (after sets 245–250) dictation heard as English ("bim tech", "i mel"); "the old principal" is the former one; "core"
    # says nothing; to be recorded in a database is to be registered (a recording keeps its word); a deadline ("batas waktu")
    # is a date asked
    ("was the bim tech held online", "answer", "bimtek-media"),
    ("i mel wajib diisi ga?", "answer", "bot-form-isian"),
    ("someone registered our NPSN already, I think the old principal. what now?", "answer", "bot-npsn-terdaftar"),
    ("How many core interventions does PSP have?", "answer", "psp-intervensi"),
    ("In which database must a principal be recorded?", "answer", "dapodik"),
    ("was the bimtek recorded?", "forward", "bimtek-narasumber"),
    ("Yth. Tim PMO, kami mohon informasi batas waktu pengiriman nama SD oleh korwil.", "ask_back", None),
    # small talk around the day's work and a holiday; a plural written with a 2 names nothing else
    ("suksma pak, sampun jelas. Tiang lanjut ngajar dulu nggih, anak2 sdh nunggu di kelas", "small_talk", None),
    ("Rahajeng Galungan lan Kuningan pak, semoga sekolah2 makin maju. Suksma", "small_talk", None),
    ("Guru2 di sekolah kami mau tau, tahap 2 itu isinya apa?", "answer", "seleksi-tahap2"),
    # (after a review of the round's change) "currently" before the office held stays; the Bimtek's taking place dates the office;
    # "what command do I type to …" is how to do it; a countdown is no length
    ("Who is currently the head of Disdikpora Buleleng?", "answer", "pejabat-disdikpora"),
    ("siapa kadis waktu bimtek pmo dilaksanakan?", "answer", "pejabat-disdikpora"),
    ("who was head of the dinas when the bimtek pmo was held", "answer", "pejabat-disdikpora"),
    ("What command do I type to talk to a staff member?", "answer", "bot-kontak"),
    ("berapa hari lagi pendaftaran ditutup?", "answer", "pendaftaran-jadwal"),
    ("how many days until registration closes?", "answer", "pendaftaran-jadwal"),
]

ROUND_29_READINGS = [
    # who asks, introduced after whom the question is put to, is no question of its own
    (
        "Mohon izin bertanya Bapak/Ibu, saya kepala SD di Busungbiu. Akreditasi sekolah kami masih C, apakah itu menjadi halangan untuk ikut PSP?",
        "answer",
        "akreditasi",
    ),
    # a capitalised word the base itself uses names nothing else; someone else who registered the NPSN
    ("Pendampingan konsultatif dan asimetris itu Pemda didampingi oleh siapa?", "answer", "psp-intervensi"),
    ("another person already registered our school NPSN, what now?", "answer", "bot-npsn-terdaftar"),
    # the Bimtek's sessions are no subject of their own when their topics are asked
    ("Which topics were covered during the PMO Bimtek sessions?", "answer", "bimtek-materi"),
    ("materi sesi bimtek pmo apa saja?", "answer", "bimtek-materi"),
    # a cohort after the third is a later one, which the sources do not name
    ("apakah akan dibuka angkatan psp lain setelah angkatan III?", "forward", "angkatan-berikutnya"),
    # visitors' English: a law, a regulation, a reply, data kept about me, sharing with other schools, "after"
    ("which law protects the data I give to the bot?", "answer", "bot-privasi"),
    ("what regulation sets the requirements for PSP principals?", "answer", "psp-dasar-hukum"),
    ("Can this bot reply me in English instead?", "answer", "bot-bahasa"),
    ("how can I delete all the data you keep about me?", "answer", "bot-hapus-data"),
    ("What happens after a school finishes its first year? Is it expected to share its experience with other schools?", "answer", "pengimbasan"),
    # …but sharing names and keeping a status are no sharing of practice and no stored data
    ("if my school merges with another SD next year, do we keep the Sekolah Penggerak status?", "forward", "pergantian-kepsek"),
    # GMT is UTC (not the corrector's "gmeet"); the first time is no clock time, going through the selection is taking part
    ("wi ta itu ge em te plus berapa", "answer", "zona-waktu"),
    ("When did Buleleng go through the PSP selection for the first time?", "answer", "angkatan-1"),
    ("where can I check whether my registration went through and if I'm eligible?", "answer", "bot-status"),
    # teaching practice is stage 2's simulation; SD dictated as "es de" is still the schools a korwil picks
    ("klo lolos tahap 1 nanti tahap 2 nya ngapain aja? ada praktek ngajar kah", "answer", "seleksi-tahap2"),
    ("kriteria yang di pakai korwil untuk pilih es de itu apa", "answer", "korwil-lima-sd"),
    # how many a kecamatan's korwil has already proposed is a count no source holds (not how many must be)
    ("Om swastyastu, brp SD di kec gerokgak yg sdh diusulkan korwil ke dinas?", "ask_back", None),
    ("berapa SD yang harus diusulkan korwil?", "answer", "korwil-lima-sd"),
    # a question clear on its own before who asks; Balinese "kudang" (berapa); a service period; chat's "btw", "guys"
    ("Dengan hormat, apa saja yg bisa dilakukan bot ini? Sy kepsek baru di Busungbiu.", "answer", "bot-fitur"),
    ("wawancara nike kudang jam biasanya?", "answer", "seleksi-tahap2"),
    ("What is the minimum remaining service period for a principal to apply?", "answer", "masa-tugas"),
    ("btw bimtek pmo pemda itu tgl brp ya guys? lupa sy", "answer", "bimtek-jadwal"),
    # Buleleng, the bot's own regency, does not make a private school's question the count the sources lack
    ("Can private school (swasta) in Buleleng join Sekolah Penggerak?", "answer", "psp-swasta"),
    # other business: Dapodik's application updated, a belajar.id password, a task-allocation decree, PPPK posts, the governor
    ("cara update aplikasi dapodik versi baru gmn", "decline", None),
    ("How do I reset my belajar.id password?", "decline", None),
    ("cara bikin sk pembagian tugas guru gmn pak, ada contohnya ga", "decline", None),
    ("how do i apply for a pppk teacher position", "decline", None),
    ("who is the governor of bali now?", "decline", None),
    ("sy guru PPPK yg ditugaskan jadi kepsek, nomor NI PPPK bisa dimasukkan ke kolom NIP?", "answer", "npsn-nip"),
    # a korwil's name is no source's (not the korwil's role in the bot); local governments are the Pemda
    ("who is the korwil for kecamatan tejakula?", "ask_back", None),
    ("korwil kecamatan seririt siapa ya skrg?", "ask_back", None),
    ("good morning, who provides the mentoring for the regional government in PSP, is it LPMP or the ministry itself", "answer", "psp-intervensi"),

]

# A review of the round's change (reading only the diff) found these misreadings; each is fixed and kept here
ROUND_29_REVIEWED = [
    # who asks after a clear question is dropped only when it just says who asks: the asker's case may be the topic
    ("syaratnya apa? saya kepsek plt", "answer", "plt"),
    ("gimana caranya? saya kepsek plt", "answer", "plt"),
    # someone else only when they registered; holding and keeping only what the bot stores about one
    ("Can someone else see my data?", "answer", "bot-privasi"),
    ("Can someone else register for me?", "answer", "daftar-siapa"),
    ("Can other people join the Zoom?", "decline", None),
    ("How can I get hold of them?", "decline", None),
    ("what do you keep about me?", "answer", "bot-data"),
    ("how can I delete all the data you keep about me?", "answer", "bot-hapus-data"),
    # a cohort after the third only when another cohort is named
    ("Setelah angkatan 3 lulus, kapan pendampingan dimulai?", "answer", "psp-durasi"),
    ("Apakah terdapat informasi jadwal pendaftaran PSP setelah Angkatan III?", "answer", "pendaftaran-jadwal"),
    # a law only of data is the data protection law; sharing only with other schools; a reply only in a language
    ("Can I share my screen with other participants during the Bimtek?", "ask_back", None),
    ("Will you reply to my question later?", "decline", None),
]

# Round 30: read from first runs of blind sets 281–286 (the phrasings here are new, not the sets' own)
ROUND_30_READINGS = [
    # where the asker's school is, said in the sentence that says who asks, names nothing else
    ("om swastyastu, tiang operator SMP di Pemuteran dekat pura Pulaki. syarat usia kepsek brp?", "answer", "usia"),
    ("selamat pagi, sy kepsek SD di Sambangan. td baca edaran katanya ada pengimbasan, maksudnya pengimbasan itu gimana ya?", "answer", "pengimbasan"),
    # what a question sets aside is not asked either
    ("PMO kabupaten anggotanya siapa saja selain orang dinas?", "answer", "pmo-anggota"),
    # a question passed on, then how and why: the question marked later is asked
    (
        "om swastyastu pak, kakak tiang kepala SD di Tabanan, beliau titip tanya lewat tiang soalnya belum pakai telegram. "
        "seleksi tahap 2 angkatan 3 itu tanggal berapa?",
        "answer",
        "seleksi-tahap2",
    ),
    # "nah pelaksanaannya …" points back at the cohort told
    ("Angkatan III seleksinya tahun 2022 kan, nah pelaksanaannya di sekolah mulai tahun berapa?", "answer", "angkatan-3"),
    # a date asked of a cohort whose dates no answer gives is not answered with the third cohort's
    ("pengumuman hasil seleksi angkatan 1 tanggal berapa?", "ask_back", None),
    # by what means; a means guessed after the question; the bot reminding; SIMPKB said as heard
    ("bimtek pmo via apa ya?", "answer", "bimtek-media"),
    ("daftar psp dimana? lewat dapodik?", "answer", "daftar-siapa"),
    ("tiang sering lupa jadwal krn upacara di pura, bot bisa ngingetin?", "answer", "bot-pengingat"),
    ("sy mau daftar psp lewat simpe kabe atau lewat bot?", "answer", "daftar-cara"),
    # visitors' English: the consultative and asymmetric support, a regency-level body, the SD nominated in all, "all"
    ("Who gives the consultative and asymmetric support to local governments?", "answer", "psp-intervensi"),
    ("Who sits on the district-level PMO?", "answer", "pmo-anggota"),
    ("In total how many SD did the korwil nominate?", "ask_back", None),
    ("list all the kecamatan in buleleng", "answer", "kecamatan"),
    # a holiday's date is no PSP question
    ("galungan tahun ini jatuh tanggal berapa?", "decline", None),
    ("nyepi tahun depan tgl brp ya", "decline", None),
    # a claim checked with only its mark is told: what points back at it asks about it
    ("katanya ada simulasi mengajar di tahap 2 ya? itu jalannya kapan sampai kapan?", "answer", "seleksi-tahap2"),
    # "the five of them", counted before; past a remark naming nothing, to what was counted
    # (asked back until round 35; since then the sentence naming what was counted is found past the remark: answered)
    ("Dulu di sosialisasi disebut ada 5 intervensi, tiang cuma ingat satu, sisanya lupa. Yg 5 itu apa saja pak?", "answer", "psp-intervensi"),
    # how the PMO works is what it does; the stage 1 dates asked as its start
    ("PMO nika kerjanya gmn?", "answer", "pmo-apa"),
    ("sy sdh bikin akun simpkb, tahap 1 mulai tgl brp?", "answer", "seleksi-tahap1"),
    # whether one school is a Sekolah Penggerak, and how many registered, are in no source
    ("SDN 3 Banyuasri sekolah penggerak bukan?", "ask_back", None),
    ("berapa sekolah dari Sawan yg daftar psp angkatan 3?", "ask_back", None),
    # the data kept private is the bot's privacy (not a private school); the app as chat shortens it; years left in office
    ("is my data private?", "answer", "bot-privasi"),
    ("bimtek pakai apk apa", "answer", "bimtek-media"),
    ("how many years left in office must a principal have?", "answer", "masa-tugas"),
    # PSP named only as what is not asked about; another test named only to compare
    ("maaf pertanyaan diluar PSP, pendaftaran KIP kuliah kapan ditutup?", "decline", None),
    ("nilai minimal lolos seleksi tahap 2 brp? ada passing grade kayak tes cpns?", "forward", "seleksi-rincian"),
    # visitors' English: governments shortened, a word said in passing ("directly", "back in March"), the point of a thing
    ("hi, when was the PMO bimtek for local govts held?", "answer", "bimtek-jadwal"),
    ("What topics were covered in the Bimtek back in March 2022?", "answer", "bimtek-materi"),
    ("what's the point of PSP?", "answer", "psp-apa"),
    ("when was the regional PMO Bimtek?", "answer", "bimtek-jadwal"),
    # what to fill in for the field told before
    ("sy kepsek swasta ga punya NIP, di formulir diisi apa?", "answer", "npsn-nip"),
    # a maths formula, the national assessment's dates: other business
    ("rumus luas trapesium gimana ya, mau ngajarin anak di rumah", "decline", None),
    ("jadwal ANBK SMP tahun ini kapan?", "decline", None),
    # the school year's start and a file converted on a phone are other business (after the final six's first runs)
    ("tahun ajaran baru mulai kapan ya pak?", "decline", None),
    ("cara ubah word ke pdf di hp?", "decline", None),
    ("angkatan 3 pelaksanaannya tahun ajaran baru mulai kapan?", "answer", "angkatan-3"),
]

# A review of round 30's change (reading only the diff) found these misreadings; each is fixed and kept here
ROUND_31_READINGS = [
    # an emoji between two words ends a sentence before a question marked later: the story before it is context
    ("rahajeng semeng, tiang lagi ngurus rapat gugus 😅 bimtek pmo itu tanggal berapa?", "answer", "bimtek-jadwal"),
    # …and a device's trouble told in a message about the programme is the story, when the marked question names its own topic
    (
        "td tiang baca berita bimtek PMO, ada foto pak sekdis sama kasi kurikulum SD, tp hp tiang keburu mati 🙈 "
        "kasi kurikulum SD yg ikut itu siapa namanya?",
        "answer",
        "bimtek-peserta",
    ),
    ("hp tiang mati terus pas buka zoom. gimana benerinnya?", "decline", None),
    # "yg benar …?" after two claims asks which is right: nothing is corrected
    ("kemarin tiang bilang cuma SD, katanya salah. yg benar jenjang apa aja?", "answer", "psp-jenjang"),
    # the head of an office the answer names no head of is asked back, not answered with the office or the Disdikpora's head
    ("kepala LPMP bali waktu sosialisasi psp sp?", "ask_back", None),
    ("who was the LPMP head that supported PSP socialisation?", "ask_back", None),
    # (…but one told to be checked is answered)
    ("penanggung jawab PMO kabupaten itu kepala LPMP kan?", "answer", "pmo-penanggung-jawab"),
    # where one need not go is not asked about
    ("tiang kepsek SD di Sawan. katanya bisa daftar PSP lewat bot ini, ga perlu datang ke kantor dinas. caranya gimana?", "answer", "daftar-cara"),
    # not understanding, after the question, says why it is asked
    ("bisa tanya langsung ke petugas aja? tiang ga paham pakai bot", "answer", "bot-kontak"),
    # the question is the last sentence, not all that follows "pertanyaan tiang …"
    (
        "Pertanyaan tiang agak ribet soal sekolah yg mau merger, kayaknya ga bisa dijawab bot. Bisa ga ngobrol langsung sama orang dinas "
        "lewat bot ini?",
        "answer",
        "bot-kontak",
    ),
    # a goodbye naming the coordinators' meeting
    ("makasih banyak bu, sampai jumpa di rapat korwil besok", "small_talk", None),
    # which schools passed, asked without "yg", and how many names one korwil sent, in English: in no source
    ("tk mana aja lolos angkatan 2?", "ask_back", None),
    ("How many names did the korwil of Sawan actually send in?", "ask_back", None),
    # "zum" is Zoom, with or without an app's words beside it
    ("pengingat zum nya nanti isinya apa aja?", "answer", "bot-pengingat"),
    # a colon before a question word: what follows is the question, what came before says who asks and why
    (
        "My head asked me to double-check something for the minutes: which institution ran that PMO technical guidance for local governments?",
        "answer",
        "bimtek-penyelenggara",
    ),
    # "what is the total amount …" asks for an amount, which the topic about the funds does not hold
    ("Reporter here: what is the total amount of BOS Kinerja each Sekolah Penggerak gets?", "ask_back", None),
    # what was heard is kept when the question points back at it ("tes begituan")
    ("dengar dari teman angkatan 1 dulu ada tes bakat skolastik, tiang ga jago hitungan. sekarang tes begituan masih ada ga?", "answer", "tbs"),
    # thanks for the help given
    ("makasih sudah dibantu kemarin pak 🙏", "small_talk", None),
    # "mau nanya dulu," with no question after it is no question: the bot's form is what the message is about
    ("tadi salah pencet mulai isi form padahal cuma mau nanya dulu, skrg botnya minta nama lengkap terus. gimana keluarnya?", "ask_back", None),
    # a real person asked for
    ("sy mau ngobrol sama orang beneran aja, ada petugas yg bisa diajak chat?", "answer", "bot-kontak"),
    # English: "at what point" is when, "hand in" is submitting; what a reminder message contains; a body's duties
    ("At what point do principals hand in the CV?", "answer", "seleksi-tahap1"),
    ("What information will the reminder message contain?", "answer", "bot-pengingat"),
    ("What does the regency PMO actually do?", "answer", "pmo-apa"),
    ("what does this bot do?", "answer", "bot-fitur"),
    # "… kapan dan bentuknya apa saja?": what the stage named holds, a second question about it
    ("Tahap 1 angkatan 3 berlangsung kapan dan bentuknya apa saja?", "answer", "seleksi-tahap1"),
    # "Bulan Maret 2022 itu …": the time the question is about; "sedang di …" is "currently"
    ("Bulan Maret 2022 itu Buleleng sedang di tahap apa dalam PSP?", "answer", "angkatan-1"),
    # "selama program berjalan": while it runs, no length asked
    ("siapa yang mendampingi sekolah selama program berjalan?", "answer", "pelatih-ahli"),
    # the free school meals (MBG) are other business
    ("menu MBG telat datang, lapor kemana?", "decline", None),
    # passing the requirements the bot checks is no selection result
    ("cek hasil pendaftaran tiang lolos syarat atau tidak dimana?", "answer", "bot-kelayakan"),
    # the list of schools a korwil proposed is in no source
    ("Please send the list of schools in Banjar that the korwil proposed.", "ask_back", None),
    # who of another regency attended: the answer names Buleleng's (not where the asker comes from)
    ("yg ikut bimtek pmo dari tabanan siapa saja?", "ask_back", None),
    ("sy baru pindah dari jembrana, yg ikut bimtek pmo dr buleleng siapa aja?", "answer", "bimtek-peserta"),
    # the reason after a choice no mark ends
    ("surat sehat itu dikumpul pas daftar atau nanti nggih, soalnya puskesmas jauh", "answer", "surat-sehat"),
    # under whose name one registers is who registers
    ("yg daftar PSP itu harus atas nama siapa?", "answer", "daftar-siapa"),
    # the system one must be recorded in (Dapodik)
    ("apakah kepsek harus tercatat di sistem tertentu dulu sebelum daftar PSP?", "answer", "dapodik"),
    # what the asker wants the answer for, after the question
    ("sy pengen tau yg ikut bimtek PMO dari buleleng siapa aja? tiang mau kontak beliau buat tanya materi", "answer", "bimtek-peserta"),
    # "lewat sini" is through this bot; "setting" is setting up (not "set" + "ting"); "ya itu" points back (not "yaitu")
    ("tiang mau daftar lewat sini aja, caranya gmn ya?", "answer", "daftar-cara"),
    ("mau dapat reminder zoom, gmn settingnya?", "answer", "bot-pengingat"),
    ("tiang baca ada istilah pengimbasan. maksudnya gimana ya itu?", "answer", "pengimbasan"),
    # WhatsApp Web that does not open on a laptop is a device's trouble
    ("laptop sekolah ga bisa buka whatsapp web, kenapa ya?", "decline", None),
    # how many schools of a place passed is in no source
    ("sekolah di gerokgak yg lolos angkatan 1 brp?", "ask_back", None),
    # a greeting with the writer's name and the school's
    ("salam kenal pak, tiang Komang dari SDN 2 Bengkala", "small_talk", None),
    # what the asker forgot is told when a question follows it
    (
        "tadi siang sudah daftar di bot dibantu anak, tp tiang lupa hasilnya apa. gimana cara cek lagi data yg tiang isi sama hasil kelayakannya",
        "answer",
        "bot-kelayakan",
    ),
    # "mau nanya kepsek lain dulu": whom the asker will ask first, no question
    ("tadi coba isi formulir tp datanya blm lengkap, mau nanya kepsek lain dulu. gimana cara keluar dari formulirnya", "answer", "bot-form-navigasi"),
    # villages named as places in a sentence that asks nothing are no other programme (but a programme named is)
    (
        "tiang korwil, sekolah di sini banyak dari Pemuteran sampai Sumberklampok. SD yg diusulkan ke dinas harus memenuhi syarat apa?",
        "answer",
        "korwil-lima-sd",
    ),
    ("anak saya mau ikut seleksi Paskibraka kabupaten. Syarat dan jadwal pendaftarannya bagaimana ya?", "decline", None),
]
# A review of round 31's change (reading only the diff) found these read wrongly; each is read as before the change again
ROUND_31_REVIEWED = [
    # what the asker wants, after a question that names nothing, is what is asked
    ("caranya gimana pak? tiang mau ubah nomor hp yang sudah diisi", "answer", "bot-form-ubah"),
    ("caranya gmn? tiang pengen matikan pengingat zoom", "answer", "bot-pengingat"),
    # not understanding a named subject asks about it
    ("Apa itu PSP? tiang kurang paham soal pengimbasan", "answer", "pengimbasan"),
    # a condition after a yes-or-no is what is asked
    ("kepsek boleh daftar ga karena sekolahnya swasta", "answer", "psp-swasta"),
    ("kepsek boleh daftar ga soalnya sekolahnya swasta", "answer", "psp-swasta"),
    ("bisa daftar ga karena tiang masih plt", "answer", "plt"),
    # "what do you / I / principals do" are no body's duties
    ("What do you do?", "answer", "bot-fitur"),
    ("What do teachers do?", "answer", "guru-daftar"),
    # not having to go somewhere, asked, is the question
    ("hasil verifikasi tidak perlu datang ke kantor dinas?", "ask_back", None),
    # "diajak siapa" is who was invited, not the dates
    ("bimtek PMO diajak siapa saja?", "answer", "bimtek-tujuan"),
    # "apanya" is a question word, not an unknown word
    ("seleksi tahap 2 yang dinilai apanya?", "answer", "seleksi-tahap2"),
    # how long, not how many
    ("sekolah yg lolos psp didampingi berapa tahun?", "answer", "psp-durasi"),
    # a claim about the head of LPMP checked is answered
    ("apakah kepala LPMP yang jadi penanggung jawab PMO kabupaten?", "answer", "pmo-penanggung-jawab"),
    # "tiang pengen tau …" is no origin: another regency's participants are asked back
    ("tiang pengen tau peserta bimtek pmo dari badung siapa saja?", "ask_back", None),
    # Title Case after "saya" is no name
    ("Selamat malam, saya Tidak Lolos Tahap", "answer", "kelulusan"),
]
ROUND_30_REVIEWED = [
    # what a school may or must do is no school's status
    ("smp 1 mau ikut sekolah penggerak ya?", "answer", "psp-jenjang"),
    ("SDN 2 boleh ikut sekolah penggerak?", "answer", "psp-swasta"),
    ("apakah smpn 2 harus jadi sekolah penggerak?", "answer", "psp-swasta"),
    # a role named before a question is no introduction: the other programme is still declined
    ("saya guru, kapan pendaftaran di Paskibraka?", "decline", None),
    ("I'm a teacher, when does registration open at Tanoto?", "decline", None),
    ("Pak kepala, ada undangan pelatihan dari Tanoto, wajib ikut?", "decline", None),
    # what it is done with, asked after the question, is asked (not a channel guessed)
    ("boleh daftar? pakai sk plt?", "answer", "plt"),
    # how many each korwil puts forward is the rule; "school level" is a jenjang
    ("berapa sekolah yang didaftarkan setiap korwil?", "answer", "korwil-lima-sd"),
    ("berapa sekolah yang didaftarkan korwil?", "answer", "korwil-lima-sd"),
    ("which school level can join PSP?", "answer", "psp-jenjang"),
    # a date counted from a holiday; a cohort in the context, not in the question
    ("pengumuman kelulusan setelah galungan tanggal berapa ya", "answer", "kelulusan"),
    ("saya dulu ikut angkatan 2 tapi tidak lolos. kapan pengumuman tahap 1 yang sekarang?", "answer", "kelulusan"),
    # the figures of all kecamatan are the admin's statistics
    ("how do I see the registrations of all kecamatan?", "answer", "bot-statistik"),
    # (a second review, of the last readings:) what to fill in points back only at a field the form asks for
    ("Saya sudah ikut bimtek PMO kemarin. Di form diisi apa?", "answer", "bot-form-navigasi"),
    # a formula of the selection or the rules is no maths homework; the assessment's data in the Rapor Pendidikan is asked
    ("rumus skor tahap 1 gimana?", "forward", "seleksi-rincian"),
    ("rumus batas usia 56 itu dari mana?", "answer", "usia"),
    ("data asesmen nasional kapan masuk ke rapor sekolah?", "answer", "rapor-pendidikan"),
    # a point of a list is no purpose
    ("What is the second point of the five interventions?", "answer", "psp-intervensi"),
]

ROUND_32_READINGS = [
    # how Pelatih Ahli are recruited is in no source: passed on, not the coaches' duties
    ("pelatih ahli di psp itu direkrut dari mana ya?", "forward", "pelatih-ahli-rincian"),
    # the Sekolah Penggerak of a place, by name: in no source (not what PSP is); asked back and queued
    ("sekolah penggerak di tejakula apa aja", "ask_back", None),
    # whom a circular was addressed to is no question for the head of the office's name
    ("edaran kadis soal psp itu buat siapa?", "answer", "surat-edaran"),
    # a small word dictation ran on: "pmoitu" is "pmo itu"
    ("pmoitu apa", "answer", "pmo-apa"),
    # madrasahs (under Kemenag): the sources do not say; passed on
    ("madrasah tsanawiyah boleh ikut sekolah penggerak?", "forward", "madrasah"),
    # "we are a private school" is not "area"
    ("Since we are a private school, can we join PSP?", "answer", "psp-swasta"),
    # (second batch) the regency's own target is in no source: not the national figures
    ("target sekolah penggerak khusus buleleng ada brp sekolah", "ask_back", None),
    # what an asking clause confirmed is not swapped for the topic of a remark's words
    ("bimtek pmo itu tujuannya apa, kok kepala dinas yg ikut", "answer", "bimtek-tujuan"),
    ("sdh isi form tp salah ketik NIP, bisa dibenerin?", "answer", "bot-form-ubah"),
    # "KM" where a school uses it is Kurikulum Merdeka
    ("km di smp mulai kelas brp", "answer", "kurikulum"),
    # a relative who is a principal is no child's admission; a Balinese name is no other programme
    ("adik sy kepsek SD di Tabanan, katanya tabanan masuk angkatan III. kabupaten mana aja yg angkatan III?", "answer", "angkatan-3"),
    ("pak, tiang korwil kecamatan banjar, Ketut Suastika. kabupaten mana saja yg masuk angkatan III di bali?", "answer", "angkatan-3"),
    # shy to ask someone is no asking phrase
    ("PMO itu singkatan apa? sungkan mau tanya ke kepsek", "answer", "singkatan"),
    # the asker's name set apart after who they are is no word of the question
    (
        "Om swastyastu, tiang korwil kecamatan banjar, Wayan Sudira. mau tau sdh brp SD di banjar yg daftar. ada fitur buat liat rekapnya?",
        "answer",
        "bot-rekap",
    ),
    # an introduction closed as one is a greeting; with a question it is the question
    ("Om swastyastu 🙏 tiang Komang Ardana kepsek SD 4 Banjar, baru dikasi nomor bot ini sm pengawas. salam kenal nggih", "small_talk", None),
    ("Hello, this is Wayan from a primary school in Seririt, just saying hello. Nice to meet you!", "small_talk", None),
    ("salam kenal pak, tiang kepsek baru. syarat daftar psp apa aja", "answer", "syarat-kepsek"),
    # (third batch) an essay's themes named after it are its prompts, which no source holds
    ("wawancara tahap 2 topiknya apa aja pak, mau persiapan", "forward", "seleksi-rincian"),
    # a rate asked is a number the answer must hold
    ("What percentage of principals passed the PSP selection?", "forward", "seleksi-rincian"),  # (round 36: the pass rate the sources lack)
    # another thing named only to compare is not what is asked
    ("seleksi tahap 1 itu isinya apa? ada tes kyk CPNS ga?", "answer", "seleksi-tahap1"),
    # who writes, greeted at both ends, is a greeting; a subject between the greetings is asked
    ("selamat pagi bu, tiang Wayan Sukarma dr SD N 3 Gitgit, selamat pagi", "small_talk", None),
    ("selamat pagi pak, info bimtek pmo, selamat pagi", "answer", "bimtek-jadwal"),
]

ROUND_32_REVIEWED = [
    # a school told to be a Sekolah Penggerak asks nothing; only a sentence marked as a question asks whether it is one
    ("Om swastyastu pak\nSMPN 2 Seririt sudah jadi sekolah penggerak\nmohon info tujuan bimtek PMO apa?", "answer", "bimtek-tujuan"),
    ("Berapa lama program sekolah penggerak pak? SDN 3 Anturan sdh jd sekolah penggerak", "answer", "psp-durasi"),
    # "sekolah penggerak di <place> apa aja" names a place, not a grade or a thing asked after it
    ("sekolah penggerak di kelas apa aja yg pakai kurikulum merdeka?", "answer", "kurikulum"),
    ("sekolah penggerak di buleleng apa aja manfaatnya?", "answer", "psp-apa"),
    # a child's class teacher is the child's business
    ("anak saya guru kelasnya bilang harus daftar ulang, daftar ulangnya dimana pak?", "decline", None),
    # lowercase "km" is "kami" unless the grade it starts in is asked
    ("km di smp swasta, boleh ikut PSP?", "answer", "psp-swasta"),
    ("km di SD 2 Sawan mau daftar PSP, syaratnya apa?", "answer", "syarat-kepsek"),
    # recruiting others is not the coaches' recruitment
    ("komite pembelajaran direkrut dari guru mana aja?", "answer", "komite-pembelajaran"),
    ("How are PMO members recruited?", "answer", "pmo-anggota"),
    ("pesantren kilat di SD penggerak boleh pakai dana BOS kinerja?", "answer", "dana"),
    # a question of its own after "kapan?" is not the narrowing of a count
    ("pendaftaran angkatan 3 kapan? apa cuma SD atau SMP juga bisa?", "answer", "psp-jenjang"),
    ("kapan pendaftaran angkatan 3? apa hanya sekolah negeri atau swasta juga boleh daftar?", "answer", "psp-swasta"),
    # "ditujukan ke siapa", "malu banget mau nanya", "Gde …"
    ("surat edaran kepala disdikpora ditujukan ke siapa?", "answer", "surat-edaran"),
    ("PMO itu singkatan apa sih pak? malu banget mau nanya langsung ke kepsek", "answer", "singkatan"),
    ("pak, tiang korwil, Gde Suastika. kabupaten mana saja yg masuk angkatan III di bali?", "answer", "angkatan-3"),
]

ROUND_33_READINGS = [
    # "kepsek PSP ga boleh dipindah sekian tahun ya? brp tahun?": how many years, of the transfer told just before
    (
        "pak, sy kepsek SD di Sawan mau pindah ke Denpasar. tp katanya kepala sekolah penggerak ga boleh dimutasi sekian tahun ya? brp tahun?",
        "answer",
        "mutasi",
    ),
    # an email as what one signs in with is no contact address asked for
    ("login PMM pake akun apa ya? email gmail biasa bisa?", "answer", "merdeka-mengajar"),
    # a secretary introducing themselves after "mohon info" is who asks; the question follows
    ("Mohon info, saya sekretaris korwil Sawan. Bimtek PMO itu tatap muka atau gimana?", "answer", "bimtek-media"),
    # attending "from home" is attending online
    ("bimtek pmo itu wajib datang ke lokasi atau bisa ikut dari rumah?", "answer", "bimtek-media"),
    # "kegiatan itu" is the event named before
    ("Kasi minta sy jelaskan bimtek tim pokja PMO di rapat. sebenarnya kegiatan itu buat apa?", "answer", "bimtek-tujuan"),
    # data "dibuang" is data deleted
    ("sy kepsek yg udh purna tugas. data sy di bot mau dibuang aja, bisa?", "answer", "bot-hapus-data"),
    # a month the asker's story starts in ("sejak januari") is told, not asked: no month mismatch
    ("tiang Plt kepsek sejak bulan juni krn kepsek lama pensiun, boleh daftar psp?", "answer", "plt"),
    # a repair shop to recommend is no PSP business
    ("Pak sy kepsek di Banjar, motor sy mogok terus. ada bengkel yg bagus di Seririt?", "decline", None),
    # a rank's rise named as what the certificate is needed for: the certificate is asked about (in no source: passed on)
    ("pak, berapa JP sertifikat bimtek kemarin? sy butuh untuk kenaikan pangkat", "forward", "sertifikat"),
    # "kl" opens a condition: a result on a condition is no result asked
    ("kl sy lolos psp bisa dimutasi ga? soalnya ada rotasi", "answer", "mutasi"),
    # a new cohort is the next one (in no source: passed on)
    ("Is there going to be a new cohort after this one?", "forward", "angkatan-berikutnya"),
    # a meeting of the kindergarten teachers' association ("dr rapat IGTKI") is where it was heard, no other programme
    ("tiang dengar dr rapat IGTKI katanya ada pemetaan kepsek utk PSP. TK ikut dipetakan jg ga?", "answer", "psp-jenjang"),
    # a number others claimed, told before the clause that asks for it, is no number asked
    (
        "Om swastyastu, tiang Putu Sudarsana kepsek SD di Sawan. di grup ada yg bilang buleleng angkatan 2, ada yg ngotot angkatan 3. "
        "jd yg bener buleleng angkatan brp nggih?",
        "answer",
        "angkatan-1",
    ),
    # "How can I do that?" asks how to do what the sentence before it told (an English introduction before it is who asks)
    (
        "Hello, I'm Wayan, principal of SDN 1 Banjar. I signed up through this bot in May. I want to check which of my details the bot "
        "stores. How can I do that?",
        "answer",
        "bot-data",
    ),
    # a device to buy, recommended, is no PSP business
    ("Hi, Made here, operator at an SD in Sawan. Any recommendation for a decent laptop for our school admin?", "decline", None),
    # the bot's notifications are its reminders
    ("rame bgt notif dr bot, bisa dimatiin ga?", "answer", "bot-pengingat"),
    # a korwil "of the dinas" named by kecamatan: a person's name no source holds (not the office's officials)
    ("korwil dinas kec sawan skrg siapa pak?", "ask_back", None),
    # "bllg" is Buleleng, as chat shortens it
    ("bllg masuk angkatan brp?", "answer", "angkatan-1"),
    # "ada … ga?" in a sentence of its own, marked, asks
    (
        "Selamat sore, sy guru kelas 2 di SD N 1 Banjar. temen sy di jawa ikut komite pembelajaran. daftarnya di mana ya? ada link pendaftaran buat guru ga?",
        "answer",
        "guru-daftar",
    ),
]

# The review of round 33's readings (d0a8de5 → bc89ab1): each message changed for the worse, shown on both engines, now as before
ROUND_33_REVIEWED = [
    ("email admin PMM apa pak? akun sy terblokir", "forward", "kontak-nomor"),
    ("PMM sy gak bisa login, ada email helpdesk nya?", "forward", "kontak-nomor"),
    ("email CS platform merdeka mengajar apa ya? ga bisa masuk akun", "forward", "kontak-nomor"),
    ("email panitia bimtek PMO apa ya? akun sy blm terdaftar", "forward", "kontak-nomor"),
    ("What is the email of the PMO team? My account doesn't work.", "forward", "kontak-nomor"),
    ("Tiang sdh ikut bimtek PMO, lalu ada seleksi tahap 2. kegiatan itu kapan?", "answer", "seleksi-tahap2"),
    ("Sesudah sosialisasi PSP ada wawancara seleksi tahap 2. kegiatan itu dimana?", "answer", "seleksi-tahap2"),
    ("habis bimtek PMO ada pengimbasan ke sekolah lain. kegiatan itu kapan mulainya?", "answer", "pengimbasan"),
    ("Setelah bimtek PMO ada lokakarya pengimbasan. kegiatan itu kapan?", "answer", "pengimbasan"),
    ("boleh ikut pkp dari rumah?", "answer", "pkp"),
    ("kepsek boleh hadir pkp dari rumah?", "answer", "pkp"),
    ("bisa ikut wawancara dari rumah?", "forward", "seleksi-teknis"),
    ("apakah bisa mengikuti wawancara dari rumah?", "forward", "seleksi-teknis"),
    ("bisa ikut seleksi dari rumah?", "forward", "seleksi-teknis"),
    ("sy boleh ikut simulasi dari rumah?", "forward", "seleksi-teknis"),
    ("tiang boleh ikut sosialisasi dari rumah?", "ask_back", None),
    ("syarat usia untuk naik pangkat brp?", "decline", None),
    ("batas usia untuk naik pangkat brp?", "decline", None),
    ("surat edaran untuk kenaikan pangkat sudah keluar?", "decline", None),
    ("sanksi disiplin bisa menghambat untuk naik pangkat?", "decline", None),
    ("surat keterangan sehat untuk kenaikan pangkat dari mana?", "decline", None),
    ("kapan jadwal usulan untuk kenaikan pangkat di disdikpora?", "decline", None),
    ("berapa tahun masa kerja untuk naik pangkat?", "decline", None),
    # (…and the cases the review found still failing, now read: the Bimtek attended from home, a repair shop, "brp taun?")
    ("Can I join the PMO bimtek from home?", "answer", "bimtek-media"),
    ("bimtek PMO bisa dari rumah aja kah?", "answer", "bimtek-media"),
    ("Pak sy kepsek di Banjar, motor sy mogok terus. ada bengkel motor di Seririt?", "decline", None),
    (
        "pak, sy kepsek SD di Sawan mau pindah ke Denpasar. tp katanya kepala sekolah penggerak ga boleh dimutasi sekian tahun ya? brp taun?",
        "answer",
        "mutasi",
    ),
]

# The second review (71dce40 → 63ba332): each message changed for the worse, shown on both engines, now as before (not the
# four English introductions whose answer was already wrong before: their decline is gone, their topic still wrong)
ROUND_33_REVIEWED_B = [
    ("tiang Wayan pindah tugas ke SD lain thn depan, kalau sdh ikut PSP gmn?", "answer", "mutasi"),
    ("sy Wayan pindah ke SD 1 Banjar, msh tetap sekolah penggerak?", "answer", "mutasi"),
    ("saya Ketut pindah dari sekolah penggerak ke sekolah biasa, boleh?", "answer", "mutasi"),
    ("Om swastyastu, tiang Made pindah ke SD 2 Sawan sbg kepsek, SD 2 itu sekolah penggerak. tiang hrs ikut pelatihan lagi?", "answer", "mutasi"),
    ("sy Kadek honorer di SD 3 Sawan, boleh ikut PSP?", "answer", "guru-daftar"),
    ("sy Made telah daftar, kapan pengumuman?", "answer", "setelah-daftar"),
    ("sy Wayan purna tugas thn depan, msh bs daftar psp?", "ask_back", None),
    ("saya Komang tinggal di Denpasar tp ngajar di Buleleng, bimteknya di mana?", "ask_back", None),
    ("tiang Ketut mantan kepsek SD 1 Banjar. apa msh bs ikut?", "ask_back", None),
    ("sy ni pindah ke SD 1 Banjar, msh tetap sekolah penggerak?", "answer", "mutasi"),
    ("sy ni honorer di SD 3 Sawan, boleh ikut PSP?", "answer", "guru-daftar"),
    ("tiang ni pindah tugas thn depan, kalau sdh ikut PSP gmn?", "answer", "mutasi"),
    ("tiang ni telah daftar, kapan pengumuman?", "answer", "setelah-daftar"),
    ("Hi, I'm Ni Kadek Anggreni, principal of SDN 2 Kaliuntu. Is there a fee?", 'ask_back', None),
    ("Hello, I am Ketut Sudarma, teacher at SMPN 1 Seririt. How do I register?", "ask_back", None),
    ("Hello, I am Ketut Sudarma, teacher at SMPN 1 Seririt. Is there a fee?", "ask_back", None),
    ("Hi, I am Komang, operator at SDN 4 Banjar. Is there a fee?", "ask_back", None),
    ("Good morning, I'm Putu Eka, principal of SD 3 Sawan. How do I register?", 'answer', 'psp-jenjang'),
    ("Selamat pagi, sy kepsek SD di Kubutambahan. Angkatan 2 pelatihannya sdh selesai? angkatan brp yg skrg jalan?", "answer", "angkatan-nasional"),
    ("Selamat pagi, sy kepsek SD di Kubutambahan. teman sy baru lulus angkatan 3. skrg angkatan brp yg lagi jalan?", "answer", "angkatan-nasional"),
    ("For the school digitalisation intervention, any recommendation for a laptop or chromebook?", "forward", "sarana-digital"),
    ("intervensi digitalisasi sekolah, rekomendasi laptop atau chromebook yang dipakai apa?", "ask_back", None),
    ("Om swastyastu, tiang operator SD di Sawan. Utk intervensi digitalisasi sekolah, ada rekomendasi laptop dr kementerian?", "answer", "psp-intervensi"),
    ("Does the ministry recommend a laptop for the school digitalisation intervention?", "ask_back", None),
    ("For the Zoom bimtek, do you recommend a laptop or is a smartphone enough?", "ask_back", None),
]
ROUND_34_READINGS = [
    # "… Lewat bot caranya bagaimana?": how to do the thing told before, through the bot — not how to register through it
    (
        "Mohon maaf pak, saya operator baru. Kami mau mengirim pengumuman ke semua kepala sekolah. Lewat bot caranya bagaimana?",
        "answer",
        "bot-siaran",
    ),
    # how the writer came into this chat names no topic
    ("bot ini bisa ngapain aja ya, tiang baru ditambahin ke sini sama admin", "answer", "bot-fitur"),
    # "diadain" is "diadakan" (held), no typo of "kada"
    ("bimtek itu diadain buat apa sih", "answer", "bimtek-tujuan"),
    # "… baju dinas atau bebas ya" puts a choice and asks it, without a question mark: the dress, which the sources lack;
    # "kan …" after it is a reason told
    ("bimtek pmo wajib pakai baju dinas atau bebas ya, kan cuma lewat zoom dari rumah", "forward", "bimtek-narasumber"),
    # a child who helps at home is no child's school business; one enrolling is
    (
        "Hello, I'm a principal in Sawan. I have no email address, my daughter usually does that for me. Is the email required in the form?",
        "answer",
        "bot-form-isian",
    ),
    ("My son wants to enrol in SMP, when does the registration open?", "decline", None),
    # an essay's "tema" is its topic, which the sources lack
    ("esai seleksi angkatan 2 temanya apa", "forward", "seleksi-rincian"),
    # the clause ending on "gak" asks; the queue at the hospital after it is context (no hospital asked about)
    ("surat sehat bebas narkoba wajib dilampirkan waktu daftar gak bu, antri di rsud lama sekali", "answer", "surat-sehat"),
    # a ceremony told as the reason, before a question about this bot's reminders, is no other business asked
    ("pak, sy sering lupa jadwal zoom krn sibuk upakara di pura. bisa ga bot ini ngingetin sebelum zoom bimtek? gmn nyalainnya", "answer", "bot-pengingat"),
    # a clock told with WIB, then "berarti jam brp di sini": the conversion to Bali's zone
    ("pak, undangan rapat dari pusat jam 13.00 WIB, sy suka salah hitung. berarti jam brp di sini ya", "answer", "zona-waktu"),
    # a stage told in a sentence of the story is no number asked when the asking sentence names its own
    (
        "Om swastyastu pak, tiang kepsek SDN 3 Sawan. teman tiang di Tabanan udah selesai tahap 2 PSP dan skrg nunggu hasil. "
        "pleno kelulusan angkatan 3 itu tgl brp nggih",
        "answer",
        "kelulusan",
    ),
    # "harus udah ada di sistem tertentu": the database one must be in
    ("bu, katanya data kepsek hrs udah ada di sistem tertentu dulu baru bisa daftar PSP. sistemnya apa ya", "answer", "dapodik"),
    # a purpose closing the message is why it is asked, not what; an introduction is not the question
    ("Om swastyastu, tiang kepsek SDN 2 Sawan. yg daftar PSP itu atas nama sekolah atau kepala sekolahnya pak, biar ga salah isi", "answer", "daftar-siapa"),
    ("Om swastyastu, tiang kepsek SDN 1 Julah. kalo misal sdh lolos PSP tp di tengah jalan mau mundur krn gurunya kurang, ada sanksi ga pak", "ask_back", None),
    # Bali's holy days planned around name no other programme
    ("Hello, I am head of SDN 1 Pemaron. When does selection stage 2 of Angkatan III run? We have Galungan and Kuningan coming.", "answer", "seleksi-tahap2"),
]

# A review of round 34's change (each found worse than before it, then fixed): follow-ups of filler words are no small talk, a
# theme is an essay's topic only beside the essay, the dress of a thing no topic names is not passed on as the Bimtek's, a choice
# put does not outvote a question marked after it, answers arriving "here" are not how the writer came here, pupils are no child
ROUND_34_REVIEWED = [
    ("makasih pak, kalau guru?", "answer", "guru-daftar"),
    ("klo paud ya pak", "answer", "psp-jenjang"),
    ("cek ya pak formulir tiang", "answer", "bot-status"),
    ("form saya ada yang kurang ya bu", "answer", "bot-form-navigasi"),
    ("halo pak, sudah ada kabar?", "answer", "setelah-daftar"),
    ("tema kurikulum merdeka di sekolah penggerak", "answer", "kurikulum"),
    ("tema pelatihan komite pembelajaran apa", "answer", "pkp"),
    ("pakaian dinas kepsek hari senin apa", "ask_back", None),
    ("kamera harus nyala saat wawancara?", "ask_back", None),
    ("bimtek pmo daring atau tatap muka ya, ada sertifikat?", "forward", "sertifikat"),
    ("seleksi tahap 2 daring atau luring ya, ada honor?", "forward", "honor"),
    ("jawaban dari dinas masuk ke chat ini kan?", "answer", "bot-pertanyaan"),
    ("Our kids are in grade 1, will they use the Kurikulum Merdeka?", "answer", "kurikulum"),
    ("my son wants to become a teacher, what are the requirements?", "decline", None),
    ("When are the results announced for my son's exam?", "decline", None),
    # (…and phrased a little differently, what the rules were for)
    ("siap, kami tunggu informasi selanjutnya", "small_talk", None),
    ("baik pak, tiang cek email dulu", "small_talk", None),
    ("sy br di add ke sini sm korwil, ini bot utk apa", "answer", "bot-fitur"),
    ("my son helps me with the phone, can he fill in the registration form for me?", "answer", "bot-form-isian"),
]

# A second review (56 messages from 8 causes, against the first review's fixes; each fixed and checked against 08f0062 too)
ROUND_34_REVIEWED_B = [
    ("ok pak, tiang cek ya", "small_talk", None),
    ("sudah dicek pak, terima kasih", "small_talk", None),
    ("ok kalo gitu makasih bu", "small_talk", None),
    ("ok pak, kabar selanjutnya tiang tunggu", "small_talk", None),
    ("thanks, I'll check it later", "small_talk", None),
    ("br gabung di sini pak, bot ini bisa apa aja", "answer", "bot-fitur"),
    ("tiang jg baru dimasukkan ke grup ini, boleh tanya2 soal PSP?", "answer", "psp-apa"),
    ("My kids want to register at an SMP next year, when does registration open?", "decline", None),
    ("My son is a principal, is there an age limit?", "answer", "usia"),
    ("sertifikat bimtek pmo dikirim lewat email ya pak", "forward", "sertifikat"),
    ("tema bimtek pmo apa ya pak", "answer", "bimtek-materi"),
    ("tema essay seleksi angkatan 2 apa", "forward", "seleksi-rincian"),
    ("untuk daftar PSP, file SK harus ada di mana pak", "ask_back", None),
    ("kalau mau daftar, CV harus ada di mana bu", "answer", "seleksi-tahap1"),
    ("anak sy mau daftar SMP. bot ini bisa bantu daftar? gmn caranya", "decline", None),
]

# After the final six: a degree written "S1"/"S2" is one word (which the sources hold no rule on), "on cam" is the camera
ROUND_34_AFTER_THE_LAST_SETS = [
    ("kepsek yang pendidikannya baru D3 bisa ikut psp?", "ask_back", None),
    ("kepsek yg lagi kuliah S2 boleh daftar psp?", "ask_back", None),
    ("pas bimtek pmo wajib on cam ga?", "forward", "bimtek-narasumber"),
    # "bisa download dr bot ini gak?" points back at the data told before it (the Excel export, not the calendar file); where the
    # asker will attach it is no part of the question
    ("pak, korwil Gerokgak nih. sekdis minta data pendaftar kecamatan dlm bentuk excel besok pagi. bisa didownload dr bot gak?", "answer", "bot-ekspor"),
    (
        "pak, sy korwil Sawan, mau download daftar kepsek yg sdh daftar dlm bentuk excel utk dilampirkan di surat ke dinas. bisa ga lewat bot?",
        "answer",
        "bot-ekspor",
    ),
]

ROUND_35_READINGS = [
    # a holiday's date asked first, allowances paid out and trips for pleasure are other business
    ("when is galungan this year? is school off?", "decline", None),
    ("kapan hari raya nyepi thn depan", "decline", None),
    ("tpp pegawai bulan ini kapan cair ya", "decline", None),
    ("tunjangan profesi triwulan ini udah dicairkan belum?", "decline", None),
    ("the snorkeling trip at menjangan, is it worth it? what time do boats leave", "decline", None),
    # …but the Bimtek named beside a holiday is the programme's question
    ("bimtek pmo kapan ya pak, bentrok sama galungan ga?", "answer", "bimtek-jadwal"),
    # a closing yes-or-no ending on "ga", after a story no other clause asks in, asks about the story's form ("mesti" is "harus")
    (
        "selamat siang bu, sy kepsek SD di Busungbiu. tadi sy isi formulir daftar di bot, hp tiba2 mati. skrg sdh nyala lg. "
        "mesti mulai dr awal lg ga ya?",
        "answer",
        "bot-form-navigasi",
    ),
    # a clause after the question mark that does not start with a question word is why it is asked
    (
        "pak, anggota tim PMO kabupaten itu siapa saja? sy mau tau siapa yg bisa dihubungi kalau ada masalah",
        "answer",
        "pmo-anggota",
    ),
    # an acronym told in a sentence that asks nothing is context when the question names the programme
    (
        "pak sy kepsek SD angkatan I. kami mau bikin pameran foto utk HUT sekolah. bulan maret 2022 itu angkatan I lagi di tahap apa ya?",
        "answer",
        "angkatan-1",
    ),
    # …not when the question points back at it
    ("Our school needs to renew its SPK permit. Which office handles that?", "decline", None),
    # Balinese "ten" is "not", a number written as one word is two
    ("umur tiang limapuluh tujuh, masih bisa daftar napi ten?", "answer", "usia"),
    # a form left unfinished is to be gone on with
    ("formulir pendaftaran sy blm selesai kemarin", "answer", "bot-form-navigasi"),
    # "dftr nya" after a clause naming the committee is registering for it, not for PSP
    ("guru kami pengen masuk komite pembelajaran, daftarnya gimana pak", "answer", "komite-pembelajaran"),
    # (…an adverb ending in "-nya" points at nothing: "sebenarnya")
    ("sy operator, kepsek minta sy isi pendaftaran psp, sebenarnya yg didaftarkan itu sekolahnya atau kepseknya?", "answer", "daftar-siapa"),
    # a kecamatan's name split by dictation is one name: that kecamatan's count, which no source gives
    ("jumlah sekolah penggerak di kecamatan kubu tambahan berapa", "forward", "data-terkini"),
    # which schools of a kecamatan, asked in English, are listed nowhere (not the rule of five per kecamatan)
    ("which schools in busungbiu were put forward by the korwil?", "ask_back", None),
    # a cohort's registration dates, which the sources give for Angkatan III only, are not its training's
    ("pendaftaran kepsek angkatan 1 dulu tanggal berapa dibukanya?", "ask_back", None),
    # joining the chat without being told what it is for is how the writer came, not the question
    ("bot ini gunanya apa ya? tiang baru diundang ke sini sm pengawas tp ga dijelasin apa2", "answer", "bot-fitur"),
    # a wish that lasts, what an answer saved the writer, a greeting closed with a wish: small talk
    ("siap pak, suksma nggih. semoga sukses terus", "small_talk", None),
    ("terima kasih bot, jadi ga perlu nanya ke korwil lagi", "small_talk", None),
    (
        "selamat pagi bu, tiang Ketut operator SD di Banjar, baru dapat nomor ini dari pengawas. semoga ibu sehat selalu",
        "small_talk",
        None,
    ),
    # food places and phone credit are other business
    ("ada warung sate kambing yg murah di singaraja?", "decline", None),
    ("bot bisa beliin pulsa ga? pulsa sy habis", "decline", None),
    # "What can I do now?" is about the trouble told before it, not the latest figures
    ("I'm the new principal and the bot says our NPSN is already registered. What can I do now?", "answer", "bot-npsn-terdaftar"),
    # "get out of the form" is leaving it
    ("how do I get out of the form? I opened it by accident", "answer", "bot-form-navigasi"),
    # a reason after "mohon info" is why it is asked for, not the question
    ("minimal berapa nama SD yg dikirim korwil per kecamatan? mohon info pak biar ga salah kirim", "answer", "korwil-lima-sd"),
    # "what's …" asks; "… right?" before another question is a claim checked
    ("I keep mixing up the zones. What's the time difference between WIB and WITA?", "answer", "zona-waktu"),
    ("the ministry is not called Kemendikbud anymore, right? what's it called now?", "answer", "kementerian"),
    # the asking clause, unsure, nearly tying the whole message's clear winner does not outvote it
    (
        "selamat sore, sy korwil kec Sawan. lg nyusun daftar SD yg mau dikirim ke dinas utk PSP. SD yg dikirim itu kepseknya harus "
        "memenuhi syarat apa aja?",
        "answer",
        "korwil-lima-sd",
    ),
    # an English yes-or-no marked by its own mark asks, whatever its subject
    ("Our school is quite new and its accreditation is still C. Is accreditation a requirement for PSP?", "answer", "akreditasi"),
    # the selection stage a question is asked of, told before it
    ("Hello, I'm a principal in Seririt. For the first selection stage, what do candidates need to submit?", "answer", "dokumen"),
    # a question pointing with "itu" at the circular heard of
    ("kmrn dengar dr korwil katanya ada surat edaran dr dinas soal psp, itu isinya apa ya pak", "answer", "surat-edaran"),
    # "nah itu …" after the thing told in the same sentence is about it
    ("angkatan III kan dipilih th 2022, nah itu mulai dilaksanakan di sekolah th brp?", "answer", "angkatan-3"),
    # what the answer is wanted for ("mau cek …"), after a question no mark ends, is no part of it
    ("sy operator baru, NUPTK kepsek itu berapa digit ya, mau cek data yg sy ketik udh bener", "answer", "npsn-nip"),
    # a passive yes-or-no by the bot, or the other way, is about what was told before it: not the eligibility check (asked back
    # between the NPSN's topic and the form's)
    ("NPSN TK kami ada hurufnya, bukan angka semua. apa bisa diterima bot atau pasti ditolak?", "ask_back", None),
    # "habis tahap 2 itu" is the time after which it comes, no stage asked
    ("habis tahap 2 itu ada verifikasi ya pak, tanggalnya kpn? terus pleno kelulusannya kpn?", "answer", "kelulusan"),
    # a question pointing back past a remark is about the sentence that names what it names
    (
        "sy mau daftar PSP tp bingung daftarnya di web mana, cucu sy yg biasa bantu juga ga tau. daftarnya lewat portal apa?",
        "answer",
        "daftar-cara",
    ),
    # after the final six: small talk owning a misunderstanding; "ada fiturnya di bot ini?", "bisa download langsung dr bot?"
    # after the thing told; "ngaruh gak ke pendaftaran?" about the thing told; "mau sy umumin ke guru2" after the question is why;
    # "tgl brp mulai?" after a date question asks it again; "will the bimtek be recorded?" is a recording
    ("makasih ya pak, udh jelas skrg, tadi sy salah paham", "small_talk", None),
    ("sy korwil Sawan, kabid minta data pendaftar kecamatan dlm bentuk excel. bisa download langsung dr bot?", "answer", "bot-ekspor"),
    ("nama sy blm tercatat di dapodik sbg kepsek krn operator blm update. ngaruh gak ke pendaftaran PSP?", "answer", "dapodik"),
    ("bot bilang sy memenuhi syarat, berarti sy pasti diterima ya pak? mau sy umumin ke guru2", "answer", "bot-kelayakan"),
    ("pelatihan komite pembelajaran utk angkatan 3 itu jadwalnya kapan? tgl brp mulai?", "ask_back", None),
    ("Will the bimtek on zoom be recorded? I have a ceremony that day", "forward", "bimtek-narasumber"),
]


ROUND_35_REVIEWED = [
    # the first review of round 35: messages its new rules first read worse (each checked against ead5543, the round's start)
    (
        'Om swastyastu pak, tiang Komang Suarjana kepsek SDN 3 Tista. Tmn tiang yg angkatan I dulu cerita ada tes '
        'bakat skolastik, soal matematikanya susah katanya, tiang jd ngeri duluan 😂 utk angkatan III masih ada TBS gitu ga pak?',
        'answer',
        'tbs',
    ),
    (
        'om swastyastu, tiang kepsek SD 2 Banjar. tmn tiang angkatan 1 cerita ada wawancara, katanya lama. angkatan 3 '
        'masih ada wawancara ga ya?',
        'answer',
        'seleksi-tahap2',
    ),
    ('selamat siang bu, tiang kepsek SD di Gerokgak. mau tanya nggih, soalnya tiang belum paham, tugas pmo apa?', 'answer', 'pmo-apa'),
    ('selamat siang bu, tiang kepsek SD di Gerokgak. mau tanya, krn belum paham, apa itu pmo?', 'answer', 'pmo-apa'),
    ('om swastyastu pak, tiang Made kepsek SD N 1 Sawan, info jadwal bimtek pmo pak. semoga sehat selalu', 'answer', 'bimtek-jadwal'),
    ('om swastyastu, tiang Made kepsek SD 2 Sawan. kirimkan jadwal bimtek pmo nggih. semoga sukses selalu', 'answer', 'bimtek-jadwal'),
    ('halo pak, sy kepsek di Seririt, link pendaftaran psp nya pak. semoga sukses', 'answer', 'daftar-cara'),
    ('om swastyastu pak, tiang kepsek SD 1 Banjar. syarat usia kepsek utk daftar psp nggih pak. dumogi rahayu', 'answer', 'usia'),
    ('selamat pagi pak, sy Komang operator SD 1 Sukasada, jadwal pengumuman kelulusan tahap 1 pak. semoga sukses selalu', 'answer', 'kelulusan'),
    ('halo bu, sy kepsek SD 4 Sawan, kepsek sy lg sakit, surat keterangan sehatnya nanti nyusul. semoga lancar', 'forward', 'seleksi-teknis'),
    ('jadi ga perlu surat keterangan sehat lagi ya pak', 'answer', 'surat-sehat'),
    ('jadi ga usah lapor ke korwil lagi ya pak', 'ask_back', None),
    ('when is nyepi? is the registration still open that day?', 'answer', 'pendaftaran-jadwal'),
    ('tgl nyepi pendaftaran ditutup ga?', 'answer', 'pendaftaran-jadwal'),
    ('kapan nyepi? formulir pendaftaran di bot tetap bisa diisi?', 'answer', 'bot-form-isian'),
    ('kapan galungan pak, pengumuman hasil tahap 1 diundur ga?', 'answer', 'kelulusan'),
    ('when is kuningan? is the announcement of results delayed?', 'answer', 'kelulusan'),
    ('kepsek lg liburan ke jawa, operator boleh isi form pendaftarannya?', 'answer', 'bot-form-isian'),
    ("I'm on a trip to Java next week, can I fill in the registration form from there?", 'answer', 'bot-form-isian'),
    ('kepsek sy lagi liburan, pengumuman tahap 1 bisa dilihat di mana?', 'answer', 'kelulusan'),
    ('sekolah kami di desa wisata, pengumuman hasil tahap 1 kapan?', 'answer', 'kelulusan'),
    ('Our school is in a tourist village in Pemuteran. Can we join the programme?', 'ask_back', None),
    ('My principal is away on a trip, can the operator fill in the registration form for him?', 'ask_back', None),
    ('During the school holidays (liburan), is the bot still answering?', 'ask_back', None),
    ('can you give me a tour of what this bot can do?', 'ask_back', None),
    ('pkp angkatan 2 dulu di hotel mana dekat kota?', 'answer', 'pkp'),
    ('is the bimtek venue the hotel by the beach near lovina, or online?', 'ask_back', None),
    ('was the learning committee training at the hotel in singaraja near the office?', 'ask_back', None),
    ('tempat makan siang peserta bimtek dekat lokasi disediakan panitia?', 'ask_back', None),
    ('sy sdh top up pulsa tp bot ga bales', 'ask_back', None),
    ('which schools in tejakula are eligible, private ones too?', 'answer', 'psp-swasta'),
    ('isian data dapodik blm selesai, apa bisa ikut seleksi?', 'answer', 'dapodik'),
    ('the bimtek is not on zoom anymore, right? where is it now?', 'answer', 'bimtek-media'),
    ("the ministry isn't called Kemendikbud anymore right? what's the name now?", 'answer', 'kementerian'),
    ("the ministry changed its name, what's the new name?", 'answer', 'kementerian'),
]


ROUND_35_REVIEWED_B = [
    # the second review of round 35 (of 40a0e85): messages its rules read worse than ead5543, the round's start, did
    ('gmn caranya kalo mau cek status pendaftaran sy', 'answer', 'bot-status'),
    ('gimana caranya mau cek hasil seleksi tahap 1', 'answer', 'kelulusan'),
    ('link apa yg dipake kalo mau cek kelulusan tahap 1 pak', 'answer', 'kelulusan'),
    ('di mana tempatnya kalau mau cek pengumuman kelulusan', 'answer', 'kelulusan'),
    ('caranya gmn pak kalo sy mau ngecek data yg sudah sy isi di bot', 'answer', 'bot-data'),
    ('apa yg harus sy lakukan kalau ingin mengecek status pendaftaran', 'answer', 'bot-status'),
    ('om swastyastu, tiang kepsek SD 1 Banjar. masa tugas tiang tinggal 3 tahun lagi. masih memenuhi syarat ga nggih?', 'answer', 'masa-tugas'),
    ('… umur tiang 57 thn. masih memenuhi syarat ga nggih?', 'answer', 'usia'),
    ('… sekolah tiang akreditasi C. masih memenuhi syarat ga nggih?', 'answer', 'akreditasi'),
    ('selamat pagi pak, sy kepsek SD 2 Sawan. sy pernah kena hukuman disiplin ringan th lalu. masih memenuhi syarat ga pak?', 'answer', 'sanksi'),
    ('kata temen usia maksimal 56, nah itu kalo syarat akreditasinya apa ya?', 'answer', 'akreditasi'),
    ('umur maksimal kan 56 ya, nah itu kalau masa tugasnya minimal brp?', 'answer', 'masa-tugas'),
    ('angkatan 3 kan tahun 2022, nah itu bimtek pmo nya kapan?', 'answer', 'bimtek-jadwal'),
    ('kepsek sy sdh daftar lewat bot, itu kapan pengumuman tahap 1?', 'answer', 'kelulusan'),
    ('sy sdh isi form pendaftaran di bot, nah itu status sy bisa dicek di mana?', 'answer', 'bot-status'),
    ('kata korwil pendaftaran psp sdh dibuka, itu bot ini bisa dipakai daftar?', 'answer', 'bot-fitur'),
    ('td dpt info dr gugus katanya pengumuman tahap 1 sdh keluar, ini bot bisa cek status sy ga?', 'answer', 'bot-status'),
    ("wasn't there a TBS aptitude test in the selection? did cohort 3 still have it?", 'answer', 'tbs'),
    ("didn't the selection use to have an interview? does cohort 3 still have one?", 'answer', 'seleksi-tahap2'),
    ("there was a TBS test in cohort 1, wasn't there? does cohort 3 have it too?", 'answer', 'tbs'),
    ('utk tahap 1, akreditasi minimal apa?', 'answer', 'akreditasi'),
    ('for stage 1, what accreditation is needed?', 'answer', 'akreditasi'),
    ('abis tahap 1, yg menilai esai siapa pak?', 'forward', 'seleksi-rincian'),
    ('habis tahap 1 itu siapa yg menilai esainya?', 'ask_back', None),
    (
        'om swastyastu pak, tiang Made kepsek SD 1 Sawan, baru pertama chat di sini, info jadwal bimtek pmo '
        'pak. semoga sehat selalu',
        'answer',
        'bimtek-jadwal',
    ),
    ('selamat pagi pak, sy Komang operator SD 1 Sukasada, baru gabung, link pendaftaran psp nya pak. semoga lancar', 'answer', 'daftar-cara'),
    ('selamat siang bu, sy Ketut, pertama kali chat ke nomor ini, syarat usia kepsek utk daftar psp nggih. semoga sehat', 'answer', 'usia'),
    ('halo pak, sy kepsek SD 2 Gerokgak, baru chat nih, kepsek sy lg sakit, surat keterangan sehatnya nyusul. semoga lancar', 'forward', 'seleksi-teknis'),
    ('selamat pagi pak, sy operator baru SD 1 Kubutambahan, kontak PMO kabupaten nggih pak. semoga sehat selalu', 'answer', 'pmo-anggota'),
    ('makasih pak, jadi ga perlu surat keterangan sehat lagi ya', 'answer', 'surat-sehat'),
    ('terima kasih bu, terus selanjutnya?', 'answer', 'setelah-daftar'),
    ('makasih pak, trs selanjutnya?', 'answer', 'setelah-daftar'),
    ('kapan galungan? sertifikat kepsek bisa diambil?', 'forward', 'sertifikat'),
    ('kapan nyepi? korwil masih terima usulan sekolah ga?', 'ask_back', None),
    ('korwil minta nama sekolah dikirim paling lambat tgl galungan ya pak', 'ask_back', None),
    ('bot, galungan tahun ini tanggal berapa?', 'decline', None),
    ('galungan tanggal berapa ya bot', 'decline', None),
    ('MBG tahap 2 kapan mulai di sekolah kami pak?', 'decline', None),
    ('mbg tahap 2 kapan sampai ke sd di gerokgak?', 'decline', None),
    ('ujian sekolah tahap 1 jadwalnya kapan?', 'decline', None),
    ('jalan ke sekolah rusak, perbaikan tahap 2 kapan?', 'decline', None),
    ('jadwal anbk tahap 2 sd kapan pak?', 'decline', None),
    ('Teman sy ikut seleksi CASN. Pengumuman hasil seleksi tahap 1 kapan ya?', 'decline', None),
    ('Anak sy ikut seleksi OSN tingkat kabupaten. Pengumuman hasil seleksi tahap 1 kapan ya pak?', 'decline', None),
    ('formulir pendaftaran psp di simpkb blm selesai diisi, bisa lanjut?', 'ask_back', None),
    ('form di simpkb blm selesai sy isi, bisa dilanjut besok?', 'ask_back', None),
    ('sy belum selesai isi formulir di laman sekolah penggerak, masih bisa lanjut?', 'ask_back', None),
    ('pulsa data sy habis pak, tolong kirimin link rekaman bimteknya lewat email', 'forward', 'bimtek-narasumber'),
    ('pulsa sy abis jd ga bs ikut zoom, kirimin materi bimtek ke wa sy bisa?', 'forward', 'bimtek-narasumber'),
    ('pulsa abis, form nya tolong isiin sama operator boleh?', 'answer', 'bot-form-isian'),
    ('kuota pulsa habis, bisa kirimin jadwal bimtek lwt sms?', 'ask_back', None),
    ('tiang ikut bimtek zoom dr warung kopi yg sinyalnya enak, boleh ga pak?', 'ask_back', None),
    ('which schools in tejakula qualify, private ones too?', 'answer', 'psp-swasta'),
]


ROUND_36_READINGS = [
    # "who else besides …?" asks for more of the thing told before, which the clause does not name
    (
        "pak, kmrn sy dengar di psp ada komite pembelajaran, isinya kepsek dan guru. selain kepsek siapa lagi?",
        "answer",
        "komite-pembelajaran",
    ),
    # a question already answered, said with thanks, is small talk
    ("makasih pak, td sdh terjawab kok", "small_talk", None),
    # the kind of question announced ("hal yg agak pribadi") names no topic
    ("maaf pak mau tanya hal yg agak pribadi. sy pernah kena hukuman disiplin ringan, masih boleh daftar psp?", "answer", "sanksi"),
    # "the Bimtek that was in the news" says which Bimtek, not that the news is asked about
    ("bimtek pmo yg di berita itu tujuannya apa ya", "answer", "bimtek-tujuan"),
    # examples in brackets ending in "dll" are an aside to what is asked
    ("tolong data sy (nip, tgl lahir dll) dihapus dr bot ini, caranya?", "answer", "bot-hapus-data"),
    # a year asked that the topic's answer does not tell of: not the 2022 Bimtek's dates
    ("bimtek tim pokja pmo 2025 masih ada?", "ask_back", None),
    # …but a claim about a year is answered (the answer corrects it), and "K13" names a curriculum, no year
    ("rapor pendidikan katanya baru ada tahun 2023, benar?", "answer", "rapor-pendidikan"),
    # "perdana" is "pertama"; a year said digit by digit ("dua ribu dua dua") is 2022
    ("psp di buleleng perdana dimulai tahun berapa", "answer", "angkatan-1"),
    # a laptop given to the school is the forwarded digital-equipment topic; health insurance is other business
    ("apakah sekolah penggerak dapat laptop dari kementerian?", "forward", "sarana-digital"),
    ("how to register bpjs kesehatan online", "decline", None),
    # "caranya gmn?" after a purpose ("biar tau …") asks how to do what was told before the purpose
    (
        "om swastyastu, tiang korwil kec. Seririt. tiang mau lihat rekap kepsek yg udh daftar lewat bot di kecamatan tiang, per jenjang, "
        "biar tau udh sesuai target. caranya gmn?",
        "answer",
        "bot-rekap",
    ),
    # a korwil's question with other business only in the reason after it is the programme's (no deadline known: passed on)
    ("sy korwil Gerokgak. kirim lima nama SD ke dinas paling lambat tgl brp ya? sy takut lupa krn sibuk ngurus lomba porsenijar", "forward", None),
    # "its web" after a question about the portal asks the same thing
    ("pendaftaran kepsek psp lewat situs apa ya? alamat webnya apa? sy mau minta tolong operator", "answer", "daftar-cara"),
    # "how long does X last" asks X's length, not the programme's
    ("how long does the interview last, roughly?", "answer", "seleksi-tahap2"),
    # a name in brackets after who asks is a person, not another thing named; "bisa sy lihat dmn" asks where the thing told is seen
    ("Selamat pagi, sy operator dinas (Komang Ari). data kepsek yg daftar lewat bot itu bisa sy lihat dmn?", "answer", "bot-rekap"),
    # one named school's status, in English too, is in no source
    ("Is SDN 3 Banjar a sekolah penggerak?", "ask_back", None),
    # a cohort no source tells of is not answered with the targets by school year
    ("berapa sekolah yg ikut psp angkatan 5 secara nasional?", "ask_back", None),
    # other business only told after a question about this bot's form does not decline the question
    ("email wajib diisi ga di form pendaftaran? sy blm pernah bikin email soalnya", "answer", "bot-form-isian"),
    # "berangkat" (to depart) is a root of its own, not "angkat" as in "angkatan"; a Dapodik account is the Dapodik's business
    ("keberangkatan bus ke denpasar jam brp ya pak", "decline", None),
    ("gmn cara dapat akun dapodik buat operator baru", "decline", None),
    # "what happens next?" after a condition asks about the thing the condition names
    ("If the school can't solve a problem, what happens next?", "answer", "pmo-apa"),
    # how many schools of a regency were selected is in no source
    ("how many schools in tabanan were selected for cohort 3?", "ask_back", None),
    # "who sits on it?", "where does that number come from?": of the thing told before ("sit" on a committee is to be a member)
    (
        "Good morning, I'm Wayan, head of SD 2 Sawan, our school just passed. I have to set up the Komite Pembelajaran soon. Who is supposed to sit on it?",
        "answer",
        "komite-pembelajaran",
    ),
    ("so the age cap is 56 tho? where does that number come from", "answer", "usia"),
    # "put forward" is propose
    ("how many SDs does each korwil need to put forward?", "answer", "korwil-lima-sd"),
    # a pass rate is a detail of the selection the sources lack
    ("berapa persen kepsek yg lolos seleksi tahap 2?", "forward", "seleksi-rincian"),
    # how to check whether one was accepted is no question for one's own result
    ("gimana cara cek hasil pendaftaran sy diterima atau tidak", "answer", "bot-kelayakan"),
]

# round 36's review: messages the round's first changes made worse (each checked on 0589317 and on 0ba983d), as they read now
ROUND_36_REVIEWED = [
    (
        'kmrn pas rapat K3S ada yg bilang PSP itu ada lima intervensi yg saling terkait. tiang cuma inget digitalisasi '
        'sekolah. yg lain apa?',
        'answer',
        'psp-intervensi',
    ),
    ('kata pengawas PSP itu ada lima intervensi. sy cuma ingat pelatihan kepsek. apa lagi?', 'answer', 'psp-intervensi'),
    (
        'Pada rapat K3S disebutkan PSP memiliki lima intervensi yang saling terkait. Saya hanya ingat digitalisasi '
        'sekolah. Apa lagi?',
        'answer',
        'psp-intervensi',
    ),
    ('sy dengar bimtek pmo materinya ttg perencanaan berbasis data. sy ga ikut kmrn. apa lagi?', 'answer', 'bimtek-materi'),
    ('bimtek pmo dilaksanakan kapan? bimteknya siapa yg ngadain?', 'answer', 'bimtek-penyelenggara'),
    ('Kapan bimtek PMO dilaksanakan? Penyelenggara bimteknya siapa?', 'answer', 'bimtek-jadwal'),
    ('bimtek pmo itu tujuannya apa? bimteknya diikuti siapa aja?', 'answer', 'bimtek-tujuan'),
    ('pendaftaran psp kapan dibuka? pendaftarannya lewat mana?', 'answer', 'daftar-cara'),
    ('kapan pendaftaran psp angkatan 3 dibuka? pendaftarannya online?', 'answer', 'pendaftaran-jadwal'),
    ('sy korwil sawan. sy mau tau kepsek yg udh daftar per jenjang. bot ada fitur buat itu?', 'answer', 'bot-fitur'),
    ('sy korwil Banjar. pendaftaran guru penggerak kapan?', 'decline', None),
    ('tiang korwil Sawan. kapan pendaftaran guru penggerak dibuka? krn bnyk guru yg nanya', 'decline', None),
    ('saya selaku koordinator wilayah Kecamatan Busungbiu. Kapan pendaftaran program guru penggerak dibuka?', 'decline', None),
    ('tiang korwil Busungbiu. guru2 binaan tiang nanya, guru penggerak bisa daftar lewat bot ini?', 'decline', None),
    ('sy korwil Sukasada. cara bikin akun gmail buat guru gmn?', 'decline', None),
    ('sy korwil Sukasada. syarat daftar guru penggerak apa aja?', 'decline', None),
    ('sy korwil Sukasada. gmn cara daftar kampus mengajar buat mahasiswa?', 'decline', None),
    ('sy korwil Sukasada. e-rapor versi baru bisa diunduh dmn?', 'decline', None),
    ('sy korwil Sukasada. sekolah adiwiyata syaratnya apa?', 'decline', None),
    ('sy guru. di form pendaftaran guru penggerak diisi apa aja ya?', 'decline', None),
    ('sy guru. pendaftaran guru penggerak, di formnya diisi apa aja?', 'decline', None),
    ('sy guru honorer. di form seleksi PPPK harus isi apa aja?', 'decline', None),
    ('sy operator SD. cara bikin akun gmail utk diisi di form gmn?', 'decline', None),
    ('sy operator. di form e-rapor nilai diisi dmn?', 'decline', None),
    ("Hi, I'm a teacher. What do I fill in on the form for guru penggerak?", 'decline', None),
    ('sy pembina ekstrakurikuler (Saka Bhayangkara). syarat ikut seleksinya apa?', 'decline', None),
    ('saya guru pembina (Pramuka Garuda). syarat seleksinya apa aja?', 'decline', None),
    ('kami dari sekolah (Sekolah Ramah Anak). pendaftarannya kapan dibuka?', 'decline', None),
    ('sy guru pembina (Duta Baca Buleleng). seleksinya kapan?', 'decline', None),
    ('yg bisa ikut psp apa aja (SD, SMP, PAUD dll)?', 'answer', 'psp-jenjang'),
    ('psp bisa diikuti apa aja (TK, SD, SMP dll)?', 'answer', 'psp-jenjang'),
    ('Who can join PSP (PAUD, SD, SMP, etc)?', 'answer', 'psp-jenjang'),
    ('yg boleh daftar psp apa aja (tk, sd, smp dll)?', 'answer', 'psp-jenjang'),
    ('psp utk siapa aja (sd, smp, tk dll)?', 'answer', 'psp-jenjang'),
    ('syarat kepala sekolah ikut PSP tahun 2022 apa saja?', 'answer', 'syarat-kepsek'),
    ('What were the requirements for principals in 2022?', 'answer', 'syarat-kepsek'),
    ('sy diangkat jadi kepsek tahun 2019, apa syarat ikut psp?', 'answer', 'syarat-kepsek'),
    ('psp 2022 itu program kementerian mana?', 'answer', 'kementerian'),
    ('sy lulus psp tahun 2022, blh dimutasi ga?', 'answer', 'mutasi'),
    ('Our school became a Sekolah Penggerak in 2022. Can the principal be transferred?', 'answer', 'mutasi'),
    ('rapor pendidikan 2023 itu apa?', 'answer', 'rapor-pendidikan'),
    ('pendaftaran psp 2023 kapan dibuka?', 'answer', 'pendaftaran-jadwal'),
    ('When does PSP registration open in 2023?', 'answer', 'pendaftaran-jadwal'),
    ('rapor pendidikan mulai 2023 kan?', 'answer', 'rapor-pendidikan'),
    ('Rapor Pendidikan started in 2023, right?', 'answer', 'rapor-pendidikan'),
    ('pendaftaran angkatan 3 dibuka januari 2023 kan?', 'answer', 'pendaftaran-jadwal'),
    ('bener ga buleleng angkatan 1 tahun 2019?', 'answer', 'angkatan-1'),
    ('siapa yg ikut bimtek pmo maret dua ribu dua dua', 'answer', 'bimtek-peserta'),
    ('siapa perdana menteri malaysia sekarang?', 'decline', None),
    ('kapan kunjungan perdana menteri ke bali?', 'decline', None),
    ('When is the bimtekpmo?', 'answer', 'bimtek-jadwal'),
    ('Who attended the bimtekpmo from Buleleng?', 'answer', 'bimtek-peserta'),
    ('Who organised the pmobimtek?', 'answer', 'bimtek-penyelenggara'),
    ('I want to put my school forward, how do I register?', 'decline', None),
    ('How do I put my school forward for the Sekolah Penggerak programme?', 'answer', 'psp-apa'),
    ('Can I put my school forward for PSP?', 'ask_back', None),
    ('berkas apa aja yg perlu disiapkan? perlu kartu bpjs ga?', 'answer', 'dokumen'),
    ('surat keterangan sehat boleh dari dokter faskes bpjs?', 'forward', 'seleksi-teknis'),
    ('surat ket sehat bebas narkoba bisa pakai bpjs ga pak?', 'answer', 'surat-sehat'),
    ('sebelum daftar, kepsek harus bikin akun dapodik dulu?', 'answer', 'dapodik'),
    ('data kepsek di dapodik salah, tp sy lupa akun dapodik, gmn?', 'answer', 'dapodik'),
    ('Can I join the Zoom bimtek from a laptop?', 'answer', 'bimtek-media'),
    ('bimtek bisa diikuti lewat hp atau harus laptop?', 'answer', 'bimtek-media'),
    ('bisa buka /dasbor di tablet?', 'answer', 'bot-dasbor'),
    ('Do I need a laptop for the online interview?', 'answer', 'seleksi-tahap2'),
    ('angkatan 4 ada seleksi tes bakat skolastik ga?', 'answer', 'tbs'),
    ('tiang kepsek angkatan IV, komite pembelajaran isinya siapa aja?', 'answer', 'komite-pembelajaran'),
    ('sy lolos angkatan 4, kapan surat sehat diserahkan?', 'answer', 'surat-sehat'),
    ('apakah kepsek penggerak angkatan 4 boleh dimutasi?', 'answer', 'mutasi'),
    ('psp di buleleng siapa saja anggota pmonya?', 'answer', 'pmo-anggota'),
    ('PMO psp di buleleng siapa aja anggotanya?', 'answer', 'pmo-anggota'),
    ('psp di buleleng siapa saja anggota komite pembelajarannya?', 'answer', 'komite-pembelajaran'),
    ('psp di buleleng siapa saja yang menyelenggarakan bimteknya?', 'answer', 'bimtek-penyelenggara'),
    ('berapa persen sekolah di buleleng yg sudah jadi sekolah penggerak?', 'ask_back', None),
    ('What percentage of schools in Buleleng are sekolah penggerak?', 'ask_back', None),
    ('berapa persen sekolah penggerak yg pakai kurikulum merdeka?', 'answer', 'kurikulum'),
    ('sy korwil Sawan. porsenijar th ini di kecamatan sy. pendaftaran pesertanya kapan ditutup?', 'decline', None),
    ('sy korwil Sawan. lagi sibuk porsenijar nih. pendaftaran lombanya ditutup kapan?', 'decline', None),
    ('sy korwil Gerokgak. lagi urus porsenijar. siapa penanggung jawabnya?', 'decline', None),
    ('sy lagi isi form cpns. di form itu tgl lahir formatnya gimana?', 'decline', None),
    ('sy mau urus kenaikan pangkat. di form nya NIP wajib?', 'decline', None),
    ('anak sy mau daftar SMP. NIK wajib diisi ga di form?', 'decline', None),
]

LATER_READINGS = (
    ROUND_14_READINGS + ROUND_15_READINGS + ROUND_16_READINGS + ROUND_17_READINGS + ROUND_18_READINGS
    + ROUND_19_READINGS + ROUND_19_REVIEWED + ROUND_19_AFTER_THE_LAST_SETS + ROUND_20_READINGS + ROUND_20_REVIEWED
    + ROUND_20_AFTER_THE_LAST_SETS + ROUND_21_READINGS + ROUND_21_REVIEWED + ROUND_22_READINGS
    + ROUND_22_REVIEWED + ROUND_23_READINGS + ROUND_23_REVIEWED + ROUND_24_READINGS + ROUND_24_REVIEWED
    + ROUND_25_READINGS + ROUND_25_REVIEWED + ROUND_26_READINGS + ROUND_27_READINGS + ROUND_27_REVIEWED + ROUND_28_READINGS
    + ROUND_29_READINGS + ROUND_29_REVIEWED + ROUND_30_READINGS + ROUND_30_REVIEWED + ROUND_31_READINGS + ROUND_31_REVIEWED
    + ROUND_32_READINGS + ROUND_32_REVIEWED + ROUND_33_READINGS + ROUND_33_REVIEWED + ROUND_33_REVIEWED_B
    + ROUND_34_READINGS + ROUND_34_REVIEWED + ROUND_34_REVIEWED_B + ROUND_34_AFTER_THE_LAST_SETS + ROUND_35_READINGS
    + ROUND_35_REVIEWED + ROUND_35_REVIEWED_B + ROUND_36_READINGS + ROUND_36_REVIEWED
)


@pytest.mark.parametrize(("text", "outcome", "topic"), LATER_READINGS)
def test_readings_of_rounds_14_to_36(text: str, outcome: str, topic: str | None, engine: FaqEngine) -> None:
    match = engine.match(text)
    assert match.outcome == outcome and (match.entry.id if match.entry else None) == topic, match


@pytest.mark.parametrize(
    ("text", "lang", "topic", "said"),
    [
        # (the Bimtek's dates alone left "berapa hari" to arithmetic)
        ("bimtek berapa hari", "id", "bimtek-jadwal", "empat hari"),
        # (a teacher wanting to join the committee's training: there is no open registration)
        ("where can a teacher sign up for PKP?", "en", "pkp", "no open registration"),
        # (the NIP's parts, facts G; the recap's answer names /ekspor for the Excel file; private schools and "all")
        ("NIP itu isinya apa saja? berapa digit?", "id", "npsn-nip", "tanggal lahir (8 angka"),
        ("korwil mau lihat rekap pendaftar kecamatan, ketik apa?", "id", "bot-rekap", "/ekspor"),
        ("is PSP only for the best schools?", "en", "psp-swasta", "schools in all conditions"),
        ("how many days was the bimtek", "en", "bimtek-jadwal", "four days"),
        # (what the new paradigm means: the curriculum and differentiated learning, as the sources say)
        ("pembelajaran paradigma baru tu maksudnya gmn", "id", "kurikulum", "berdiferensiasi"),
        # (may a school without accreditation join? The answer must not open with a bare "Tidak." — read as "no, it may not")
        ("sekolah kami belum terakreditasi, boleh ikut psp?", "id", "akreditasi", "belum terakreditasi pun dapat ikut"),
    ],
)
def test_the_answer_says_what_was_asked(text: str, lang: str, topic: str, said: str, engine: FaqEngine) -> None:
    match, answer = engine.answer(text, lang)
    assert match.outcome == "answer" and match.entry is not None and match.entry.id == topic and said in answer, (text, match)


def test_a_short_word_of_the_base_with_nya_is_that_word(engine: FaqEngine) -> None:
    assert engine.words("botnya bagus") == ["bot", "bagus"] and engine.words("nipnya brp digit")[0] == "nip"


def test_a_short_word_with_nya_is_a_real_word_not_a_typo(engine: FaqEngine) -> None:
    # "duanya" (both of them) was corrected into "dana" (funds)
    assert "dana" not in engine.words("satu sekolah boleh daftar duanya?") and "dana" not in engine.words("tiang sm wakasek daftar dua2nya")
    assert engine.match("satu sekolah boleh daftar duanya?").entry is None or engine.match("satu sekolah boleh daftar duanya?").entry.id != "dana"


def test_smp_is_the_school_level_unless_between_two_times(engine: FaqEngine) -> None:
    assert "smp" in engine.words("kepsek smp kapan daftar") and "smp" in engine.words("smp brp kelas")
    assert "smp" not in engine.words("tahap 2 mulai kpn smp kpn") and "smp" not in engine.words("sdh smp tahap apa")


def test_english_function_words_name_no_topic(engine: FaqEngine) -> None:
    assert engine.words("whereas I mostly use both, each and every day") == engine.words("I use day")


def test_an_english_word_a_letter_short(engine: FaqEngine) -> None:
    assert engine.words("how do I stop the remindrs") == engine.words("how do I stop the reminders")
    assert engine.words("what are the requirments") == engine.words("what are the requirements")
    # …but not at its first letter: an election is no selection
    assert "seleksi" in engine.words("who will win the selection") and "seleksi" not in engine.words("who will win the election")


@pytest.mark.parametrize("courtesy", ["thanks, ", "ok, ", "makasih pak, ", "halo bot, ", "ee "])
@pytest.mark.parametrize("question", ["when is the bimtek?", "bimtek pmo kapan?", "syarat kepsek apa saja"])
def test_a_courtesy_or_filler_before_a_question_names_no_topic(courtesy: str, question: str, engine: FaqEngine) -> None:
    # ("thanks, how do I register?" was declined: "thanks" and "ok" were read as words of a topic)
    assert engine.words(courtesy + question) == engine.words(question)
    plain, polite = engine.match(question), engine.match(courtesy + question)
    assert (polite.outcome, polite.entry) == (plain.outcome, plain.entry), polite


def test_a_balinese_form_of_address_names_no_topic(engine: FaqEngine) -> None:
    assert engine.words("dasar hukum psp apa Ratu") == engine.words("dasar hukum psp apa")
    assert engine.words("Jero, cara daftar lewat bot gmn") == engine.words("cara daftar lewat bot gmn")


def test_a_courtesy_word_is_no_vowel_less_spelling(engine: FaqEngine) -> None:
    assert "united" in engine.words("bali united main jam brp")  # ("noted" has the consonants of "united")


def test_chat_spelling_of_a_real_word(engine: FaqEngine) -> None:
    assert "tahun" in engine.words("brp taun") and "taun" not in engine.words("brp taun")
    assert "ato" not in engine.words("daring ato luring")


# The reader's patterns are module-level names, hundreds of them: a second binding of one name silently replaces the
# first everywhere it is used (round 25 bound "_HOW_LONG_RE" twice, and the pointing-back test read the new one)
@pytest.mark.parametrize("module", ["matcher", "normalise", "smalltalk", "language", "lexicon", "knowledge", "affixes"])
def test_no_module_level_name_of_the_reader_is_bound_twice(module: str) -> None:
    tree = ast.parse((Path(__file__).parent.parent / "handlers" / "faqkb" / f"{module}.py").read_text(encoding="utf-8"))
    seen: dict[str, int] = {}
    twice = []
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        names = [t.id for t in targets if isinstance(t, ast.Name)]
        if isinstance(node, ast.FunctionDef | ast.ClassDef):
            names = [node.name]
        for name in names:
            # (a set widened by its own value, "STOPWORDS = STOPWORDS | COURTESY_STOPWORDS", is one name on purpose)
            widened = isinstance(node, ast.Assign) and any(isinstance(n, ast.Name) and n.id == name for n in ast.walk(node.value))
            if name in seen and not widened:
                twice.append((name, seen[name], node.lineno))
            seen.setdefault(name, node.lineno)
    assert not twice, twice



@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("PKP itu berapa lama?", True),
        ("pkp angkatan 1 brp minggu", True),
        ("how many days was the bimtek", True),
        ("how long does the mentoring last?", True),
        # how often, and a number's length, are no duration
        ("rapat pmo brp bulan sekali?", False),
        ("pertemuan tiap brp bulan?", False),
        ("how long is the NUPTK number?", False),
        # nor a countdown
        ("berapa hari lagi pendaftaran ditutup?", False),
        ("how many days until registration closes?", False),
    ],
)
def test_a_duration_asked_is_a_kind_of_question(text: str, asked: bool) -> None:
    from handlers.faqkb.matcher import question_kind

    assert question_kind(fold(text)).duration is asked, text


def test_a_year_cited_or_a_semester_of_a_year_is_no_length_in_an_answer() -> None:
    from handlers.faqkb.matcher import _held

    assert not _held("Data dilindungi sesuai UU No. 27 Tahun 2022.").duration
    assert not _held("Mulai semester 2 tahun pertama.").duration
    assert _held("Pendampingan berlangsung 3 tahun ajaran.").duration


def test_a_run_of_spaces_folds_to_one() -> None:
    assert fold("bimtek    kapan\t\t ya") == "bimtek kapan ya"


def test_anything_after_a_not_is_no_question_word() -> None:
    # "blm nerima apa2": nothing received, nothing asked; "apa2 aja syaratnya" still asks
    assert fold("sy blm nerima apa2 di sekolah") == "sy blm nerima apa pun di sekolah"
    assert fold("ga dapet apa-apa") == "ga dapet apa pun"
    assert fold("blm tau apa2 aja syaratnya") == "blm tau apa aja syaratnya"


def test_dictation_joins_no_two_small_english_words_and_splits_a_run_on_small_word() -> None:
    vocab = Vocabulary({"area", "private", "psp", "pmo"})
    assert join_dictated(["since", "we", "are", "a", "private"], vocab.words.__contains__) == ["since", "we", "are", "a", "private"]
    assert vocab.split_joined("pspitu") == ["psp", "itu"]
    assert vocab.split_joined("pmoapa") == ["pmo", "apa"]



def test_the_askers_name_is_no_word_of_the_question(engine: FaqEngine) -> None:
    # the word right after Balinese name words is a name even when a dictionary holds it (Wisnu, Manik, Ratna)
    assert engine.words("tiang Putu Wisnu kepsek SDN 2 Gerokgak") == engine.words("tiang kepsek SDN 2 Gerokgak")
    assert "manik" not in engine.words("sy Ida Ayu Ketut Manik kepsek TK swasta di Singaraja")
    # (…only before who they are: "tiang Wayan pindah tugas" tells a transfer)
    assert "mutasi" in engine.words("tiang Wayan pindah tugas ke SD lain thn depan")
    # (…and a name between "tiang" and the role still introduces who asks)
    assert matcher._ASKER_INTRO_RE.match("nggih, tiang gusti ayu ratna kepsek sdn 1 pancasari sukasada") is not None
    assert matcher._ASKER_INTRO_RE.match("tiang mau tanya kepsek sdn 1") is None
    # (round 34: a comma after the name, "sy Kadek Suantara, kepsek SDN 3 Sambangan")
    assert matcher._ASKER_INTRO_RE.match("sy kadek suantara, kepsek sdn 3 sambangan") is not None
    assert matcher._ASKER_INTRO_RE.match("tiang ketut suarta sdn 3 gerokgak") is not None  # (…or only the school)


def test_the_one_question_breaks_a_tie_only_when_it_picks_the_best_clearly() -> None:
    found = ([(0.64, 3), (0.57, 5), (0.52, 7)], {}, [])
    assert matcher._question_breaks_tie([(["surat"], found, True, "surat … siapa")], best=3, second=7)
    assert not matcher._question_breaks_tie([(["surat"], found, True, "surat … siapa")], best=3, second=5)  # (0.07 behind: not clear)
    assert not matcher._question_breaks_tie([(["surat"], found, False, "surat …")], best=3, second=7)  # (a clause that asks nothing)
    assert not matcher._question_breaks_tie([(["a"], found, True, "a?"), (["b"], found, True, "b?")], best=3, second=7)  # (two questions)
    assert not matcher._question_breaks_tie(None, best=3, second=7)


def test_who_said_it_is_left_out_of_hearsay() -> None:
    from handlers.faqkb.normalise import without_where_heard

    # "kata X" is hearsay without its teller; a guess after the question keeps who made it
    assert without_where_heard("kata pak korwil bisa daftar lewat bot ini") == "katanya bisa daftar lewat bot ini"
    assert without_where_heard("angkatan berapa? kata kepsek sebelah angkatan ii") == "angkatan berapa? kata kepsek sebelah angkatan ii"
