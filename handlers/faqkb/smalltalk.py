"""Small talk: greetings, thanks, acknowledgements and farewells, as people in Buleleng write them.

A message is small talk when every word in it is one of these (or a form of address such as
``pak``/``bu``/``bli``) — ``om swastyastu``, ``selamat pagi pak``, ``assalamualaikum wr wb``,
``matur suksma``, ``ok siap``, ``terima kasih banyak atas infonya`` — or when it is only emoji.
A greeting in front of a real question is not small talk: the question is answered.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from rapidfuzz.distance import OSA

from bot.config import BULELENG_KECAMATAN
from handlers.faqkb import lexicon
from handlers.faqkb.normalise import ABBREVIATIONS, fold
from handlers.faqkb.patterns import ascii_re

GREETING = "greeting"
THANKS = "thanks"
ACK = "ack"
FAREWELL = "farewell"

_KINDS: dict[str, list[str]] = {
    # Indonesian, Balinese, Arabic-origin and English greetings; "wr wb" closes the Muslim greeting.
    GREETING: (
        "swastyastu swastiastu swasti astu assalamualaikum asalamualaikum assalamu alaikum assalammualaikum samlekom salam sejahtera "
        "selamat pagi siang sore malam halo hallo helo hai hi hello hey rahajeng semeng wengi wilujeng shalom namo buddhaya "
        "rahina sanja morning afternoon evening night waalaikumsalam walaikumsalam wa alaikum salam wr wb warahmatullahi wabarakatuh permisi punten "
        "met tabik kenal greetings"
    ).split(),
    THANKS: (
        "terima kasih makasih makasi trims trimakasih terimakasih tks thx thanks thank ty tq suksma suksme matur nuwun nuhun hatur tengkyu sama "
        "mksh mks trmksh makasii mkasih mksih trmksih tengkiu cheers appreciated appreciate"
    ).split(),
    ACK: (
        "ok oke okey okay okee okeh baik siap sip nggih inggih ngih ya iya yes mantap mantab noted paham mengerti dimengerti "
        "dipahami pahami ngerti ngertos jelas clear catat dicatat tercatat good great cool fine alright beres setuju baiklah oh begitu gitu oalah "
        "laksanakan lanjut tes test maaf ampura sorry "
        "got gotcha understood understand roger hehe haha hihi wkwk wkwkwk xixi wah wow sippp mantul josss keren"
    ).split(),
    FAREWELL: (
        "bye goodbye byebye dadah jumpa ketemu bertemu sampai shanti santi pamit wassalam wassalamualaikum see later tomorrow soon santih hormat regards"
    ).split(),
}
_KIND_OF = {word: kind for kind, words in _KINDS.items() for word in words}
# Forms of address: a name may follow one ("selamat pagi bu Komang", "suksma pak Ketut Agus").
ADDRESS = frozenset("pak bu bapak ibu bpk kak kakak mas mbak bli mbok gus dayu jero ratu gan agan juragan bro sis bang bos".split())
# Other words that may stand beside small talk without making it a question: "banyak", "atas
# infonya", "semoga sehat selalu".
_FILLER = frozenset(
    (
        "om admin min tim bot semua semuanya sekalian para sareng sami "
        # ("suksma sampun dibantu kemarin nggih": thanks for the help given)
        "banyak atas info infonya informasinya bantuannya dibantu jawabannya penjelasannya nya sekali dan juga "
        "sehat selalu kembali saja aja untuk kita kami semoga deh ya dong you very much so lot a all sir madam ma am "
        # "hi there", "hello everyone": an English greeting addressed to whoever reads
        "there everyone everybody guys folks that thats it its this is was really truly s ll re ve best kind warm "
        # "thanks, have a good day!"
        "have nice day weekend sekarang skrg skrng now help helping your "
        # "siap bu, nanti saya coba": a promise to try, nothing asked
        "saya sy tiang titiang aku nanti coba dicoba dulu dl dlu sudah sdh udah udh dah sampun besok tadi td barusan di sekolah "
        # "baik pak, SE-nya sudah sy terima", "sdh sy baca surat edarannya", "sampai jumpa di zoom (rapat) besok":
        # what was received or read, where we meet
        # ("sampai ketemu di rapat korwil": the coordinators' meeting)
        "se edaran edarannya suratnya surat trima diterima nerima baca dibaca membaca read zoom lagi rapat korwil "  # (see _TOLD)
        # "Good morning from Seririt", "salam dari Sawan": where the greeting comes from
        "from dari " + " ".join(name.lower() for name in BULELENG_KECAMATAN) + " singaraja buleleng bali "
        # "sampun tiang teruskan ke kepsek2", "sudah sy share ke grup": passed on to whom
        "teruskan diteruskan terusin sampaikan disampaikan share dishare bagikan dibagikan forward forwarded ke kepsek kepala guru grup rekan teman "
        # "dumogi rahayu", "sukses selalu": wishes
        "dumogi rahayu sukses lancar berkah success kesehatan kelancaran kesuksesan kebahagiaan keberkahan diberi dilimpahkan lindungan "
        # "sampai jumpa, selamat bertugas", "selamat beristirahat": a wish for the work or the rest ahead
        "bertugas bekerja beraktivitas berkarya beristirahat istirahat mengabdi luck "
        # "semangat nggih hari senin", "selamat berakhir pekan": cheer for the day ahead
        "semangat hari senin selasa rabu kamis jumat sabtu minggu pekan akhir berakhir "
        # "terima kasih atas bantuannya selama ini, sampai jumpa di rapat minggu depan", "lancar kerjanya hari ini", "mantap botnya",
        # "ampura baru sempat buka HP, seharian ada upacara", "nanti tiang sampaikan ke kepsek2 di gugus", "salam kenal, tiang
        # operator baru di SD di Seririt": the time, the day's work, the bot praised, the writer introduced
        "selama depan ini kerja kerjanya botnya seharian upacara dibalas gugus operator sd smp tk paud "
        # "selamat pagi Bapak/Ibu Tim PMO PSP Kabupaten Buleleng", "akan segera kami tindak lanjuti": whom it greets, what will follow
        "kabupaten kab akan segera tindak lanjut lanjuti tindaklanjuti ditindaklanjuti "
        # "tiang pamit dulu, mau ngantar anak ke pura", "semangat dalam melayani": where one goes, the service wished well
        "mau ngantar nganter antar mengantar anak pura pulang rumah dalam melayani pelayanan "
        # "Goodbye, and thank you again."
        "again team wilayah kepada meeting negeri sdn smpn "
        # "sdh cukup jelas, sy pamit dulu, mau jemput anak sekolah", "especially on a Sunday", "say hi to the whole team",
        # "dumogi lancar semua kegiatannya", "atas infonya yg kmrn … mereka jg senang … lancar tugasnya", "grup K3S kecamatan Sawan"
        "cukup jemput especially on sunday lovely say whole kegiatannya kegiatan tugasnya yang yg kemarin kmrn kmarin mereka senang "
        "kecamatan kec k3s mkks kkg kkks "
        # holiday wishes and the day's news around thanks: "Rahajeng Galungan lan Kuningan …, semoga kemenangan dharma selalu
        # menyertai kita semua dan sekolah2 makin maju", "mohon maaf lahir batin, kemarin pulang kampung sama keluarga", "tiang
        # lanjut ngajar dulu, anak2 sdh nunggu di kelas", "sampun tiang terima filenya, aman", "hujan deras, baju basah",
        # "tiang catat di buku agenda, nanti sore tiang kabari kepsek pas beliau balik"
        "galungan kuningan nyepi lan seluruh kemenangan dharma menyertai makin maju idul fitri natal lahir batin keluarga kampung "
        "ngajar mengajar nunggu menunggu kelas filenya aman hujan deras basah baju sambil baris mampir agenda buku kabari "
        "beliau balik sore siang pagi malam "
        # "maaf tadi tiang banyak tanya hehe", "maaf merepotkan": an apology for the questions asked
        "tanya nanya bertanya pertanyaan merepotkan repot ngerepotin "
        # "siap pak, sdh sy isi formnya": the form filled in (asked with "?", see _TOLD)
        "isi diisi form formnya formulir formulirnya "
        # "maaf baru buka hp", "thank you for the information", "maaf telat balas pak", "sorry for the late reply"
        "baru sempat buka balas hp wa pesannya for the information telat terlambat late reply replying "
        # "terima kasih tim PMO": whom the thanks are for
        "pmo psp disdikpora dinas petugas panitia pokja "
        # "makasih infonya, sangat membantu", "thanks, very helpful": what the help was worth
        "sangat membantu bermanfaat terbantu helpful useful informative informatif helps helped heaps "
        # "mohon maaf mengganggu waktunya", "sy yg masih awam ini", "that's clear now": an apology, a modest word
        "mengganggu ganggu waktunya awam now "
        # "makasih ya, maaf tadi saya panik", "sorry, I panicked": the feeling apologised for
        "panik panic panicked panicking bingung cemas khawatir tegang takut malu "
        # "sip sdh masuk ternyata", "ok noted, will forward to the kepsek": it arrived, it will be passed on
        "masuk ternyata will to "
        # "baik, sudah kami catat untuk notulen": where it was noted (asked with "?", see _TOLD)
        "notulen notulensi laporan catatan minutes notes "
        # "thanks for the quick response", "sampai jumpa pada kegiatan berikutnya": the answer, the next meeting
        "quick prompt fast cepat response responses reply respon respons balasan balasannya berikutnya selanjutnya next time pertemuan kesempatan "
        # "tiang tunggu dulu", "nanti sy hubungi lg": a promise to wait or to write again (round 34; see _PROMISED_RE)
        "tunggu ditunggu hubungi menghubungi "
        # "mantap botnya cepet bgt balesnya", "tiang mau istirahat abis seharian di sekolah", "mohon ijin": praise, the day's end, leave
        "bgt banget cepet bales balesnya abis habis odalan piodalan ijin izin "
        # "semoga lancar terus": a wish that lasts; "udh jelas skrg": understood now (round 35)
        "senantiasa jelas paham ngerti mengerti"
    ).split()
)
# Without the index at hand, a word after a form of address counts as a name when it is capitalised
# in the message or is one of the Balinese names most people in Buleleng carry (birth-order names,
# caste titles).
NAMES = frozenset(
    "wayan putu gede made kadek nengah nyoman komang ketut luh ni ngurah gusti agung ayu dewa bagus ida anak sang desak oka rai kompyang".split()
)
_NAME_WORDS = 4  # at most this many words of a name after one form of address
_CAPITALISED_RE = ascii_re(r"\b[A-Z][a-z]+\b")
# things a thank-you or a goodbye may mention ("SE-nya sudah sy terima", "sampai jumpa di zoom
# besok", "maaf baru buka hp") — with a question mark they are what is asked ("admin sudah balas wa?")
_TOLD = frozenset(
    "se edaran edarannya surat suratnya zoom rapat besok sekolah information buka balas hp wa pesannya for the bot psp pmo form formnya formulir "
    "notulen notulensi laporan".split()
)
# "… Salam hormat, Pengawas Kecamatan Banjar.", "Best regards, Komang": a letter's closing; what
# follows it (a few words, no question) is the signature
_SIGNED_RE = ascii_re(r"\b(?:salam hormat|hormat (?:kami|saya)|regards|wassalam(?:ualaikum)?)\b(?P<signature>[a-z ,.]*)$")
_SIGNATURE_WORDS = 6
# …written as a signature: capitalised names and roles ("Pengawas Kecamatan Banjar"), not a
# request ("salam hormat, mohon info jadwal bimtek")
_SIGNATURE_ROLES = frozenset("kepala sekolah kepsek guru pengawas korwil koordinator wilayah operator admin staf kecamatan kec sd smp tk paud negeri".split())

# "tim pe em o": the addressee spelled out by speech-to-text
_SPELLED = {"pe em o": "pmo", "pe es pe": "psp", "mtr suksma": "matur suksma", "mtur suksma": "matur suksma"}  # ("mtr": not "materi" here)
_SPELLED_RE = ascii_re(r"\b(?:" + "|".join(_SPELLED) + r")\b")
# Which kind answers a mixed message ("ok makasih" thanks, "halo, siap" greets).
_PRIORITY = (THANKS, FAREWELL, GREETING, ACK)
_WORD_RE = ascii_re(r"[a-z]+")
_HOW_ARE_YOU_RE = ascii_re(
    r"\b(?:apa|gimana|gmn|bagaimana|pripun|kenken)\s+kabar(?:nya)?\b|\bhow are you\b|\bkabar baik\b|\bwhats up\b|\bhow(?:s| is) it going\b"
)
# "have a nice day", "enjoy your weekend", "good bye": a farewell on its own
_NICE_DAY_RE = ascii_re(
    r"\b(?:have|enjoy)\s+(?:a|your)\s+(?:nice|good|great|lovely|wonderful)?\s*(?:day|weekend|evening|night)\b|\bgood\s+bye\b|\bbye\s+bye\b"
)
# A promise to write again, to wait for news or to check first (round 34): "nanti tiang kabari lg kalo ada yg bingung", "kalau ada
# yang kurang jelas saya tanya lagi", "tiang tunggu kabar selanjutnya", "ok pak, tiang cek dulu", "I'll wait for the news" — as whole
# phrases: "kalau guru?", "cek ya pak formulir tiang", "sudah ada kabar?" ask
_NEWS = r"(?:kabar|kabarnya|info|infonya|informasi|informasinya|news|update|updates)"
_WRITER = r"(?:saya|sy|tiang|titiang|aku|kami)"
_PROMISE_HINTS = ("kal", "kl ", "klo", "jika", "if ", "tunggu", "nunggu", "wait", "kabar", "cek", "check", "get back")
_PROMISED_RE = ascii_re(
    r"\b(?:kalau|kalo|klo|kl|jika|jikalau|if)\s+(?:ada|masih\s+ada|there\s+is|there\s+are|i\s+have)\s+"
    r"(?:(?:yang|yg)\s+(?:masih\s+)?(?:bingung|kurang(?:\s+jelas)?|belum\s+jelas|blm\s+jelas|mau\s+ditanyakan|perlu\s+ditanyakan)"
    r"|pertanyaan(?:\s+lagi|\s+lg)?|kabar|info|apa2|apa-apa|any\s+(?:more\s+)?questions?|more\s+questions?)\b"
    # "kalau begitu …", "kalo gitu makasih": in that case
    r"|\b(?:kalau|kalo|klo|kl)\s+(?:begitu|gitu|bgitu|begini|gini)\b"
    r"|\b(?:tunggu|nunggu|menunggu|wait\s+for)\s+(?:aja\s+|saja\s+|dulu\s+|the\s+)?" + _NEWS
    + r"(?:\s+(?:selanjutnya|berikutnya|baiknya|lebih\s+lanjut|lanjutan))?\b"
    r"|\b" + _NEWS + r"(?:\s+(?:selanjutnya|berikutnya))?\s+" + _WRITER + r"\s+(?:tunggu|nunggu|tunggu2)\b"
    # "tiang cek dulu", "sudah dicek pak", "nanti sy cek", "akan saya cek", "dicek dulu nggih" (not "cek ya pak formulir tiang", a request)
    r"|\b(?:(?:sudah|sdh|udah|udh|sampun|akan|nanti|ntr)\s+)?" + _WRITER + r"\s+(?:coba\s+)?(?:cek|check|ngecek|mengecek)\b"
    r"(?:\s+(?:email|wa|hp)\b)?(?:\s+(?:dulu|dl|dlu|lagi|lg|nanti|ya|nggih)\b)*"
    r"|\b(?:sudah|sdh|udah|udh|sampun|akan|nanti|ntr)\s+(?:di)?(?:cek|check)\b|\bdicek\s+(?:dulu|dl|dlu|lagi|lg)\b"
    r"|\b(?:i\s*'?\s*ll|i\s+will|will)\s+check\b(?:\s+(?:it|again|later|first|tomorrow|with\s+(?:my|our|the)\s+\w+))*"
    r"|\b(?:nanti|ntr|nnti)?\s*" + _WRITER + r"\s+(?:kabari|kabarin|kabarkan)(?:\s+(?:lagi|lg))?\b"
    r"|\bget\s+back\s+to\s+you\b"
)
_DAY_EVENT_RE = ascii_re(
    r"\bada\s+(?:odalan|piodalan|upacara|upakara|rapat|acara|kegiatan)\b"
    # "selamat siang pak, mohon ijin": leave asked to write, nothing else
    r"|\bmohon\s+(?:ijin|izin)\b(?=(?:\s+(?:pak|bu|bapak|ibu|nggih|ya))*\s*[,.!]*\s*$)"
)
_LASTING_WISH_RE = ascii_re(r"\b(lancar|sukses|sehat|semangat|jaya|rahayu)\s+(?:terus|trs)\b")
_THANKED_RE = ascii_re(r"\b(?:makasih|makasi|terima kasih|trima kasih|terimakasih|suksma|thanks|thank you|thx|tq|matur nuwun)\b")
# what an answer saved the writer, praised with thanks ("jd ga perlu telp dinas lg hehe", "so I don't need to call the office anymore")
_NO_NEED_NOW_RE = ascii_re(
    r"\b(?:jadi|jd|jdi|so)\s+(?:ga|gak|gk|g|nggak|ngga|tidak|tdk|ndak|nda|tak)\s+(?:perlu|usah|need to)\s+(?:[a-z]+\s+){1,4}?(?:lagi|lg|anymore)\b"
    r"(?!\s+(?:ya|yah|kan|kah|nggih|ga|gak|tidak|bukan|right)\b)"  # (not a claim checked: "makasih pak, jadi ga perlu surat … lagi ya")
)
# a question already answered, said with thanks ("td sdh terjawab kok, suksma", "pertanyaan sy sudah dijawab, makasih", "all answered, thanks")
_ANSWERED_NOW_RE = ascii_re(
    r"\b(?:(?:td|tadi|tdi|pertanyaan(?:nya)?(?:\s+(?:saya|sy|tiang))?)\s+)?(?:sudah|sdh|udah|udh|dah|sampun)\s+(?:ter|di)jawab(?:\s+(?:kok|koq|semua|smua))?\b"
    r"|\b(?:(?:it|that)\s+(?:is|was|has been)|(?:it|that)s|all|already)\s+(?:been\s+)?answered\b"
)
_DIGIT_RE = ascii_re(r"(?<![A-Za-z])\d|\d(?![A-Za-z])")  # (a number; not the digit inside a name such as "K3S")
_REDUPLICATED_RE = ascii_re(r"(?<=[a-z])2\b")
# a school's number in its name ("Warm regards from SD Negeri 1 Singaraja", "salam dari SDN 2 Sawan") and a group's ("gugus 3")
_SCHOOL_NUMBER_RE = ascii_re(r"\b(?:sd|smp|tk|sdn|smpn|negeri|gugus)\s*\d{1,2}\b", re.IGNORECASE)


def _unnumbered(text: str) -> str:
    """``text`` without the numbers that say nothing asked: a plural's 2 ("kepsek2"), a school's or a group's number."""
    return _SCHOOL_NUMBER_RE.sub(" ", _REDUPLICATED_RE.sub("", text))
_STRETCHED = ascii_re(r"(.)\1{2,}")
_DOUBLED = ascii_re(r"(.)\1+")


@lru_cache(maxsize=8192)
def _destretched(word: str) -> str:
    """A word with its stretched letters twice only ("makasihhh" → "makasihh", "okeee" → "okee")."""
    return _STRETCHED.sub(r"\1\1", word)


@lru_cache(maxsize=8192)  # (the tables never change; chat repeats its words)
def _kind_of(word: str) -> str | None:
    """The small-talk kind of a (stretch-folded) word, also with its doubled letters single ("makasiih")."""
    return _KIND_OF.get(word) or _KIND_OF.get(_DOUBLED.sub(r"\1", word))


# A typo of a long courtesy word ("good mornimg", "selamt pagi", "thnaks") is still that word: one letter
# wrong, missing, extra or swapped, in a word of at least this many letters that is no dictionary word
_TYPO_LETTERS = 6
_LONG_COURTESIES = tuple(w for w, kind in _KIND_OF.items() if len(w) >= _TYPO_LETTERS and kind != ACK)


@lru_cache(maxsize=4096)
def _mistyped_kind(word: str) -> str | None:
    """The kind of the greeting, thanks or farewell ``word`` is a one-letter typo of, if it is no real word itself."""
    if len(word) < _TYPO_LETTERS or lexicon.is_real_word(word):
        return None
    near = [w for w in _LONG_COURTESIES if abs(len(w) - len(word)) <= 1 and OSA.distance(w, word, score_cutoff=1) <= 1]
    return _KIND_OF[near[0]] if len({_KIND_OF[w] for w in near}) == 1 else None


def _capitalised(text: str) -> set[str]:
    """The words capitalised in the message as typed (names, a signature's roles), folded."""
    return {fold(w) for w in _CAPITALISED_RE.findall(text)}


def _only_emoji(text: str) -> bool:
    """Only pictographs, hands and hearts (and spaces/punctuation): a 👍 or a 🙏."""
    if text.isascii():
        return False  # no pictograph is ASCII: a typed question is not looked at character by character
    symbols = [ch for ch in text if not ch.isspace() and unicodedata.category(ch) not in ("Po", "Pd", "Mn", "Cf")]
    return bool(symbols) and all(unicodedata.category(ch) == "So" or ord(ch) >= 0x1F000 for ch in symbols)


# words a name may follow: the writer's own ("tiang Made") and a school's ("SDN 1 Penarukan", once "sdn" is spelled out)
_SELF = frozenset("saya sy tiang titiang aku".split())
_NAMED_AFTER = _SELF | frozenset("sd sdn smp smpn tk negeri".split())
# at most this many words ("baik bu, sdh cukup jelas. sy pamit dulu ya, mau jemput anak sekolah. terima kasih banyak, sampai jumpa lagi": 19), each of them
# small talk, a filler, a form of address or a name
_MOST_WORDS = 20


def small_talk(text: str, folded: str | None = None) -> str | None:
    """The kind of small talk ``text`` is (``greeting``, ``thanks``, ``ack``, ``farewell``), or None (``folded``: ``fold(text)``, if at hand)."""
    if len(text) > 160:
        return None
    if _only_emoji(text):
        return ACK
    if _DIGIT_RE.search(text) and _DIGIT_RE.search(_unnumbered(text)):
        return None  # (a number asks or tells something; "kepsek2", "teman2" are plurals)
    plain = _SPELLED_RE.sub(lambda m: _SPELLED[m.group(0)], fold(text) if folded is None else folded)
    signed = _SIGNED_RE.search(plain)
    if signed:
        signature = signed.group("signature").replace(",", " ").replace(".", " ").split()
        written = _capitalised(text)
        if len(signature) <= _SIGNATURE_WORDS and all(w in written or w in _SIGNATURE_ROLES or w in NAMES for w in signature):
            plain = plain[: signed.start("signature")]
    plain = _HOW_ARE_YOU_RE.sub(" halo ", plain)  # "apa kabar pak?", "how are you": a greeting, not a question
    if "?" not in plain:
        if "terus" in plain or "trs" in plain:
            plain = _LASTING_WISH_RE.sub(r"\1", plain)  # "semoga lancar terus": a wish that lasts
        if "salah paham" in plain and _THANKED_RE.search(plain):
            plain = plain.replace("salah paham", " ")  # "makasih ya min, udh jelas skrg, td sy salah paham": the misunderstanding owned
        if ("perlu" in plain or "usah" in plain) and _THANKED_RE.search(plain):
            plain = _NO_NEED_NOW_RE.sub(" ", plain)  # "makasih ya bot, jd ga perlu telp dinas lg": what the answer saved the writer
        if ("jawab" in plain or "answered" in plain) and _THANKED_RE.search(plain):
            plain = _ANSWERED_NOW_RE.sub(" ", plain)  # "td sdh terjawab kok, suksma": the question answered already
        if any(hint in plain for hint in _PROMISE_HINTS):
            plain = _PROMISED_RE.sub(" ", plain)  # "nanti tiang kabari lg kalo ada yg bingung", "tiang tunggu kabar selanjutnya"
        if "ada " in plain or "mohon" in plain:
            plain = _DAY_EVENT_RE.sub(" ", plain)  # "… abis seharian di sekolah ada odalan": the day told
    plain = _NICE_DAY_RE.sub(" bye ", plain)  # "Goodbye, have a nice day."
    words: list[str] = _WORD_RE.findall(plain)  # (typed: mypyc needs the element type)
    if not words or len(words) > _MOST_WORDS:
        return None
    kinds = set()
    capitalised: set[str] | None = None
    name_left = 0  # words of a name that may still follow the last form of address
    self_named = False  # (…or the writer's "saya", "tiang")
    pending = [(word, True) for word in reversed(words)]  # (word, may be a chat spelling)
    while pending:
        typed, may_spell = pending.pop()
        word = _destretched(typed)  # "makasihhh", "okeee"
        kind = _kind_of(word)
        if kind:
            kinds.add(kind)
            name_left = 0
        elif word in ADDRESS or _DOUBLED.sub(r"\1", word) in ADDRESS:  # ("pakk", "buu")
            name_left = _NAME_WORDS
            self_named = False
        elif word in _FILLER:
            # (a name may follow "tiang": "salam kenal tiang Made dari SDN 1 Penarukan" — a Balinese name, or a capitalised
            # word no dictionary has: not "saya Tidak Lolos Tahap")
            name_left = _NAME_WORDS if word in _NAMED_AFTER else 0
            self_named = word in _SELF
        elif name_left and word in NAMES:
            name_left -= 1
        else:
            # a chat spelling of a small-talk word ("makasih bnyk infonya"): the hand table, then
            # the published colloquial lexicon
            spelled = (ABBREVIATIONS.get(word) or lexicon.slang().get(word)) if may_spell else None
            if spelled:
                pending.extend((w, False) for w in reversed(spelled.split()))  # (spelled once: no cycles)
                continue
            if may_spell and (kind := _mistyped_kind(word)):
                kinds.add(kind)
                name_left = 0
                continue
            if not name_left:
                return None
            if capitalised is None:
                capitalised = _capitalised(text)
            if word not in capitalised or self_named and lexicon.is_real_word(word):
                return None
            name_left -= 1
    if kinds == {ACK} and text.rstrip().endswith("?"):
        return None  # "sudah tercatat?", "ok?": an acknowledgement asked is a question
    if "?" in text and not _TOLD.isdisjoint(words):
        return None  # "terima kasih, surat edaran psp?", "makasih pak, zoom besok?": a thing asked about
    return next((k for k in _PRIORITY if k in kinds), None)


# A courtesy may say more than the words above ("Matur suksma atas penjelasannya yang sangat
# lengkap", "Sampai jumpa pada kegiatan berikutnya", "semoga senantiasa dalam keadaan sehat"):
# what else it says is common words near no topic, nothing asked or asked for, nothing wrong.
_COURTESY_CHARS = 300
_COURTEOUS = frozenset((GREETING, THANKS, FAREWELL))
# "akan kami bahas bersama guru", "segera saya tindaklanjuti", "we will share it": what the writer
# promises to do with what was received
_PROMISE_RE = ascii_re(r"\b(?:akan|segera|nanti|siap) (?:kami|saya|sy|tiang|titiang) [a-z]+\b|\b(?:we|i) (?:will|ll|shall) [a-z]+\b")
_COURTESY_OTHER_WORDS = 8
_APOLOGY_RE = ascii_re(r"\b(?:mohon|nyuwun|nunas) (?:maaf|ampun|ampura)\b")
# words of a farewell that say only when ("weather singaraja tomorrow"): a courtesy needs another word of its kind
_WHEN_ONLY = frozenset("tomorrow later soon".split())
# words that ask for something or tell of a problem: "terima kasih, tapi link belum masuk",
# "mohon dikirim ulang", "selamat pagi, saya tidak bisa login"
_NOT_COURTESY = frozenset(
    "tapi tetapi namun belum blm tidak tdk gak ga nggak enggak ndak tak bukan kok masalah gagal error eror salah "
    "mohon tolong minta nunas nyuwun please could would help bantu butuh perlu ingin mau pengen kenapa mengapa why if kalau kalo jika "
    "but not no cannot can t don didn haven still translate terjemahkan terjemahin artikan".split()
)


def courtesy(text: str, folded: str, topical: Callable[[list[str]], bool]) -> str | None:
    """The kind of a longer courtesy (see above), or None; ``topical(words)`` says whether its other words ask or are near a topic."""
    if len(text) > _COURTESY_CHARS or "?" in text or _DIGIT_RE.search(_unnumbered(text)):
        return None
    if not any(_KIND_OF.get(ABBREVIATIONS.get(w, w)) in _COURTEOUS and w not in _WHEN_ONLY for w in _WORD_RE.findall(folded)):
        return None  # (most questions: no greeting, thanks or farewell at all — the cheap look first)
    plain = _PROMISE_RE.sub(" ", _SPELLED_RE.sub(lambda m: _SPELLED[m.group(0)], folded))
    plain = _APOLOGY_RE.sub("maaf", plain)  # "mohon maaf mengganggu": an apology, nothing asked for
    words = [ABBREVIATIONS.get(w, w) for w in map(_destretched, _WORD_RE.findall(plain))]
    kinds = {_kind_of(w) for w in words}
    if not kinds & _COURTEOUS or not _NOT_COURTESY.isdisjoint(words):
        return None  # ("baik, nanti kami koordinasikan": a plain statement is read as a question would be)
    other = [w for w in words if not (w in ADDRESS or w in _FILLER or w in NAMES or _kind_of(w))]
    if len(other) > _COURTESY_OTHER_WORDS or other and topical(other):
        return None
    return next((k for k in _PRIORITY if k in kinds), None)


# Thanks first, then news of what the writer did with the answer or how it was received ("Suksma pisan
# Bapak atas jawabannya, sudah tiang teruskan ke grup guru-guru … dan mereka senang sekali 🙏"): thanks,
# whatever its length, when the rest asks nothing, asks for nothing and tells of no problem.
_FIRST_PART_RE = ascii_re(r"[^,.!?;\n]+")
# (news of the answer passed on, or of how it was received: not a new subject)
_PASSED_ON = frozenset(
    "teruskan diteruskan terusin sampaikan disampaikan bagikan dibagikan share shared sharing forward forwarded sebarkan disebarkan "
    "informasikan diinformasikan kabarkan dikabarkan senang bermanfaat membantu helpful useful "
    "berhasil beres sukses lancar terkirim worked".split()
)
# (…and what makes it a question or a report after all: "terima kasih, kepsek … menanyakan syarat usia", "… link zoom mati")
_ASKING_WORDS = frozenset(
    "apa apakah apa2 napi siapa sapa kapan kpn pidan berapa brp bagaimana gimana gmn gmana kenken punapi dimana mana dmn "
    "bisa bisakah bs boleh blh kah what when who where which how whether can "
    "tanya nanya bertanya menanyakan ditanyakan nanyain asking ask asks bingung ragu lupa mati rusak kosong ditolak ganda "
    "confused problem issue broken wrong".split()
)
_CONFIRMING_END_RE = ascii_re(r"\b(?:ya|nggih|kan|kah|ok|right)\W*$")


# An introduction closed as one: "… tiang Made Sutarja kepsek SDN 3 Sambangan, baru dikasi nomor bot ini sama korwil. salam kenal
# nggih", "… our korwil told us about this bot. Nice to meet you": a greeting, whatever it tells of who writes, when it asks nothing
_INTRODUCED_CLOSE_RE = ascii_re(
    r"\b(?:salam kenal|nice to meet you|pleased to meet you|glad to meet you|just (?:saying|wanted to say|want to say) (?:hello|hi)"
    r"|sekedar (?:menyapa|nyapa|say hi)|mau (?:kenalan|menyapa|nyapa))\b"
)


# …or one greeted at both ends: "assalamualaikum wr wb pak, sy Ketut Alimudin dr SD N 1 Pegayaman, selamat pagi"
# (also what opens a question after a greeting: see the matcher's _GREETING_LEAD_RE)
GREETED = (
    r"(?:assalamu\s?alaikum(?:\s+wr\.?\s*wb\.?)?|(?:om\s+)?swastyastu|selamat\s+(?:pagi|siang|sore|malam)|rahajeng\s+(?:semeng|wengi|sanja)"
    r"|good\s+(?:morning|afternoon|evening)|halo|hai|hello|hi)"
)
_INTRODUCING_RE = ascii_re(r"\b(?:saya|sy|tiang|titiang|aku|kami|i am|i'm|im|this is|my name is|nama saya|nama tiang)\b")
_GREETED_START_RE = ascii_re(r"\s*" + GREETED + r"\b")
# (…or greeted first and closed with a wish: "om swastyastu pak, … tiang Made kepsek SD N 1 Sawan, baru pertama kali chat ke nomor ini
# dikasi korwil. semoga bapak sehat selalu nggih 🙏")
_WISHED_END_RE = ascii_re(
    r"(?:^|(?<=[.,!]))\s*(?:semoga|smoga|moga|dumogi)\s+(?:(?:bapak|ibu|bpk|pak|bu|kita|tim|semua|semuanya)\s+)*"
    r"(?:sehat|sukses|lancar|rahayu|selalu|dalam lindungan)(?:\s+(?:selalu|terus|semua|semuanya|sehat|sukses|lancar|nggih|ya|pak|bu))*\W*$"
)
# (…when it says this is the writer's first message here: not "om swastyastu pak, tiang Made …, info jadwal bimtek pmo pak. semoga
# sehat selalu", a request between the greeting and the wish)
_FIRST_CONTACT_RE = ascii_re(
    r"\b(?:baru|pertama kali|pertama|perdana)\b[^.?!]{0,30}\b(?:chat|wa|whatsapp|hubungi|menghubungi|kontak|nomor|bot|gabung|join)\b"
)
_PARTS_RE = ascii_re(r"[,.;!]")
_GREETED_END_RE = ascii_re(r"\b" + GREETED + r"(?:\s+(?:pak|bu|bapak|ibu|bli|mbok|semua|all|nggih|ya))*\W*$")


def introduction(text: str, folded: str) -> str | None:
    """``greeting`` when ``text`` introduces its writer and closes as an introduction ("salam kenal"), asking nothing."""
    if "?" in text:
        return None
    wished = False  # (closed with a wish rather than a greeting)
    if _INTRODUCED_CLOSE_RE.search(folded) is not None:
        rest = _INTRODUCED_CLOSE_RE.sub(" ", folded)
    elif (start := _GREETED_START_RE.match(folded)) is not None and (
        (end := _GREETED_END_RE.search(folded, start.end())) is not None
        or (wished := (end := _WISHED_END_RE.search(folded, start.end())) is not None and _FIRST_CONTACT_RE.search(folded) is not None)
    ):
        rest = folded[start.end() : end.start()]
        if _INTRODUCING_RE.search(rest) is None:
            return None  # (only who writes between the greetings: not "selamat pagi pak, info bimtek pmo, selamat pagi")
        if wished and not all(
            all(w in ADDRESS for w in part.split())
            or _GREETED_START_RE.match(part)
            or _INTRODUCING_RE.match(part.strip())
            or _FIRST_CONTACT_RE.search(part)
            for part in _PARTS_RE.split(rest)
        ):
            return None  # (closed with a wish: each part greets, says who writes or that this is the first message — nothing else)
    else:
        return None
    words = {ABBREVIATIONS.get(w, w) for w in _WORD_RE.findall(rest)}
    return GREETING if words.isdisjoint(_ASKING_WORDS) and words.isdisjoint(_NOT_COURTESY) else None


def thanks_with_news(text: str, folded: str) -> str | None:
    """``thanks`` when ``text`` thanks first and then only tells what was done with the answer, asking nothing (see above)."""
    if "?" in text or _DIGIT_RE.search(_unnumbered(text)):
        return None
    first = _FIRST_PART_RE.match(folded.lstrip())
    if first is None or first.end() >= len(folded.strip()) or small_talk(first.group(0)) != THANKS:
        return None
    said = _WORD_RE.findall(folded.lstrip()[first.end() :])
    words = {ABBREVIATIONS.get(w, w) for w in said}
    told = not words.isdisjoint(_PASSED_ON) and words.isdisjoint(_NOT_COURTESY) and words.isdisjoint(_ASKING_WORDS)
    return THANKS if told and not _CONFIRMING_END_RE.search(" ".join(said)) else None

