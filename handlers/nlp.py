"""Indonesian text normalisation for matching how principals really type.

Lower-casing and accent folding, chat abbreviations and slang (``gmn``, ``kpn``, ``yg``,
``kepsek``, ``korwil``), Roman and word numerals (``angkatan III`` = ``angkatan tiga`` =
``angkatan 3``), a few English words mapped to their Indonesian twins, and affix stripping
that is checked against the knowledge base's own vocabulary (``pendaftaran`` → ``daftar``
only because ``daftar`` is a word the knowledge base uses).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from rapidfuzz import fuzz, process

# Chat abbreviations and slang → standard words (may expand to several words).
ABBREVIATIONS: dict[str, str] = {
    "gmn": "bagaimana",
    "gmna": "bagaimana",
    "gimana": "bagaimana",
    "bgmn": "bagaimana",
    "bgm": "bagaimana",
    "kpn": "kapan",
    "kapn": "kapan",
    "sy": "saya",
    "sya": "saya",
    "aku": "saya",
    "yg": "yang",
    "utk": "untuk",
    "untk": "untuk",
    "tgl": "tanggal",
    "tggl": "tanggal",
    "brp": "berapa",
    "brapa": "berapa",
    "blm": "belum",
    "blum": "belum",
    "sdh": "sudah",
    "udh": "sudah",
    "udah": "sudah",
    "dah": "sudah",
    "tdk": "tidak",
    "gak": "tidak",
    "ga": "tidak",
    "nggak": "tidak",
    "ngga": "tidak",
    "enggak": "tidak",
    "gk": "tidak",
    "tak": "tidak",
    "dgn": "dengan",
    "dg": "dengan",
    "krn": "karena",
    "karna": "karena",
    "jg": "juga",
    "aja": "saja",
    "aj": "saja",
    "dmn": "dimana",
    "bs": "bisa",
    "bsa": "bisa",
    "bisakah": "bisa",
    "apakh": "apakah",
    "ap": "apa",
    "knp": "kenapa",
    "kalo": "kalau",
    "klo": "kalau",
    "kl": "kalau",
    "sm": "sama",
    "lg": "lagi",
    "skrg": "sekarang",
    "skg": "sekarang",
    "trs": "terus",
    "dr": "dari",
    "pd": "pada",
    "spt": "seperti",
    "ttg": "tentang",
    "mhn": "mohon",
    "tlg": "tolong",
    "trm": "terima",
    "kasih": "kasih",
    "makasih": "terima kasih",
    "mksh": "terima kasih",
    "thx": "terima kasih",
    "tq": "terima kasih",
    "kepsek": "kepala sekolah",
    "kasek": "kepala sekolah",
    "ks": "kepala sekolah",
    "korwil": "koordinator wilayah",
    "disdik": "disdikpora",
    "dinas": "disdikpora",
    "kab": "kabupaten",
    "kec": "kecamatan",
    "kab.": "kabupaten",
    "sekolahnya": "sekolah",
    "sklh": "sekolah",
    "skolah": "sekolah",
    "sekola": "sekolah",
    "penggerak": "penggerak",
    "pengerak": "penggerak",
    "sp": "sekolah penggerak",
    "psp": "psp",
    "pkp": "pelatihan komite pembelajaran",
    "pmo": "pmo",
    "bimtek": "bimtek",
    "zoom": "zoom",
    "wa": "whatsapp",
    "hp": "hp",
    "no": "nomor",
    "nmr": "nomor",
    "thn": "tahun",
    "th": "tahun",
    "bln": "bulan",
    "jam": "jam",
    "syarat2": "syarat",
    "persyaratan": "syarat",
    "daring": "daring",
    "online": "daring",
    "luring": "tatap muka",
    "offline": "tatap muka",
    "langsung": "tatap muka",
    "pns": "pns",
    "asn": "pns",
    "tmt": "tmt",
    "pak": "bapak",
    "bu": "ibu",
    "bpk": "bapak",
    "lwt": "lewat",
    "pake": "pakai",
    "ngadain": "mengadakan",
    "ngadakan": "mengadakan",
    "ngapain": "apa",
    "keberapa": "berapa",
    "tu": "itu",
    "apaan": "apa",
    "msh": "masih",
    "hrs": "harus",
    "ndaftar": "daftar",
    "daptar": "daftar",
    "dftr": "daftar",
    "kurtilas": "kurikulum 2013",
    "gmana": "bagaimana",
    "piye": "bagaimana",
    "sampe": "sampai",
    "dlm": "dalam",
    "bgt": "sekali",
    "pengen": "ingin",
    "pingin": "ingin",
    "kenapa": "tujuan",
    "mengapa": "tujuan",
    "why": "tujuan",
    "setor": "kirim",
    "nyetor": "kirim",
}

# English (and a few Indonesian) words mapped to the word the knowledge base uses.
SYNONYMS: dict[str, str] = {
    "register": "daftar",
    "registration": "daftar",
    "registering": "daftar",
    "enrol": "daftar",
    "enroll": "daftar",
    "sign": "daftar",
    "apply": "daftar",
    "join": "ikut",
    "cohort": "angkatan",
    "batch": "angkatan",
    "gelombang": "angkatan",
    "regency": "kabupaten",
    "regencies": "kabupaten",
    "district": "kecamatan",
    "districts": "kecamatan",
    "schedule": "jadwal",
    "date": "tanggal",
    "dates": "tanggal",
    "time": "jam",
    "private": "swasta",
    "public": "negeri",
    "principal": "kepala sekolah",
    "principals": "kepala sekolah",
    "headmaster": "kepala sekolah",
    "teacher": "guru",
    "teachers": "guru",
    "requirement": "syarat",
    "requirements": "syarat",
    "eligible": "syarat",
    "age": "usia",
    "umur": "usia",
    "old": "usia",
    "training": "pelatihan",
    "guidance": "bimtek",
    "technical": "bimtek",
    "funding": "dana",
    "fund": "dana",
    "funds": "dana",
    "budget": "dana",
    "anggaran": "dana",
    "biaya": "dana",
    "curriculum": "kurikulum",
    "selection": "seleksi",
    "stage": "tahap",
    "stages": "tahap",
    "tahapan": "tahap",
    "interview": "wawancara",
    "timezone": "zona waktu",
    "mentor": "pelatih ahli",
    "coach": "pelatih ahli",
    "coaching": "pelatih ahli",
    "zona": "zona",
    "wib": "wib",
    "wita": "wita",
    "bulan": "tanggal",
    "use": "pakai",
    "used": "pakai",
    "uses": "pakai",
    "using": "pakai",
    "accreditation": "akreditasi",
    "akreditas": "akreditasi",
    "transfer": "mutasi",
    "dipindah": "mutasi",
    "pindah": "mutasi",
    "rotasi": "mutasi",
    "acting": "plt",
    "pelaksana": "plt",
    "organiser": "selenggara",
    "organizer": "selenggara",
    "organised": "selenggara",
    "topics": "materi",
    "topic": "materi",
    "purpose": "tujuan",
    "goal": "tujuan",
    "held": "laksana",
    "kabupatennya": "kabupaten",
    "kota": "kabupaten",
    "peserta": "ikut",
}

# Words that carry no topic: question words, particles, pronouns, politeness.
STOPWORDS = frozenset(
    """
    apa apakah siapa siapakah kapan kapankah berapa berapakah bagaimana gimana mana dimana kemana darimana mengapa kenapa
    yang di ke dari untuk dan atau itu ini saja ya sih dong kah deh nih tuh lah pun juga ada adalah dengan pada oleh
    saya kami kita anda bapak ibu pak bu mohon tolong info informasi nya tentang soal mau ingin akan sudah belum
    bisa boleh dapat harus perlu kalau jika agar supaya bahwa seperti sama lagi terus hal tersebut para sebagai
    termasuk masuk apa-apa sajakah mengenai terkait punya kah hai halo selamat pagi siang sore malam om swastyastu
    tidak bukan masih bot ini jadi menjadi bikin harus wajib perlu need needs must required require
    should get got
    the a an is are was were be been of in on at to for and or what when which who whom how why where does do did
    can could should would will my our your this that these those there it its with about please tell me i we you
    """.split()
)

# Roman numerals and ordinal words become digits after these words only ("kelas I", "angkatan III").
_NUMBERED = {"angkatan", "tahap", "kelas", "semester", "tahun", "gelombang", "cohort", "stage", "batch", "hari"}
_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4", "v": "5", "vi": "6", "vii": "7", "viii": "8", "ix": "9", "x": "10"}
_ORDINAL = {
    "pertama": "1",
    "kesatu": "1",
    "kedua": "2",
    "ketiga": "3",
    "keempat": "4",
    "kelima": "5",
    "keenam": "6",
    "first": "1",
    "second": "2",
    "third": "3",
    "fourth": "4",
    "fifth": "5",
}
_CARDINAL = {
    "satu": "1",
    "dua": "2",
    "tiga": "3",
    "empat": "4",
    "lima": "5",
    "enam": "6",
    "tujuh": "7",
    "delapan": "8",
    "sembilan": "9",
    "sepuluh": "10",
    "sebelas": "11",
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "nine": "9",
    "ten": "10",
    "eleven": "11",
}
_MONTHS = {
    "januari": "januari",
    "jan": "januari",
    "january": "januari",
    "februari": "februari",
    "feb": "februari",
    "pebruari": "februari",
    "february": "februari",
    "maret": "maret",
    "mar": "maret",
    "march": "maret",
    "april": "april",
    "apr": "april",
    "mei": "mei",
    "may": "mei",
    "juni": "juni",
    "jun": "juni",
    "june": "juni",
    "juli": "juli",
    "jul": "juli",
    "july": "juli",
    "agustus": "agustus",
    "agu": "agustus",
    "agt": "agustus",
    "august": "agustus",
    "september": "september",
    "sep": "september",
    "sept": "september",
    "oktober": "oktober",
    "okt": "oktober",
    "october": "oktober",
    "november": "november",
    "nov": "november",
    "desember": "desember",
    "des": "desember",
    "december": "desember",
}

_TOKEN_RE = re.compile(r"[a-z0-9]+")
_PREFIXES = ("meng", "meny", "mem", "men", "me", "peng", "peny", "pem", "pen", "per", "pe", "ber", "be", "ter", "di", "ke", "se")
_SUFFIXES = ("kan", "an", "i")
_PARTICLES = ("lah", "kah", "pun", "tah")


def fold(text: str) -> str:
    """Lower-case, strip accents and emoji, turn ``ke-3`` into ``ke 3`` and ``angkatan-III`` into two words."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.lower().replace("’", "'")
    text = re.sub(r"\bk\s*-?\s*13\b", "kurikulum 2013", text)
    text = re.sub(r"(\d)([a-z])|([a-z])(\d)", lambda m: f"{m.group(1) or m.group(3)} {m.group(2) or m.group(4)}", text)
    return text


def raw_tokens(text: str) -> list[str]:
    """Folded word tokens, abbreviations expanded, numerals turned into digits."""
    words: list[str] = []
    for token in _TOKEN_RE.findall(fold(text)):
        # Chat slang doubles letters ("bimtekk") and reduplicates ("syarat2"): fold both.
        if token not in _ROMAN:
            token = re.sub(r"(.)\1{2,}", r"\1", token)
        expansion = ABBREVIATIONS.get(token) or SYNONYMS.get(token) or token
        words.extend(expansion.split())
    out: list[str] = []
    for word in words:
        previous = out[-1] if out else ""
        if previous in _NUMBERED and word == "ke":  # "angkatan ke 3" = "angkatan 3"
            continue
        if previous in _NUMBERED and (word in _ROMAN or word in _ORDINAL):
            out.append(_ROMAN.get(word) or _ORDINAL[word])
        elif word in _CARDINAL:
            out.append(_CARDINAL[word])
        elif word in _MONTHS:
            out.append(_MONTHS[word])
        elif word.isdigit():
            out.append(str(int(word)) if len(word) <= 4 else word)
        else:
            out.append(word)
    return out


def _strip_prefix(word: str) -> list[str]:
    found = []
    for prefix in _PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            rest = word[len(prefix) :]
            found.append(rest)
            # Nasal assimilation: meny/peny + s, mem/pem + p, men/pen + t, meng/peng + k.
            if rest[0] in "aiueo":
                sound = {"meny": "s", "peny": "s", "mem": "p", "pem": "p", "men": "t", "pen": "t", "meng": "k", "peng": "k"}.get(prefix)
                if sound:
                    found.append(sound + rest)
    return found


def stem_candidates(word: str) -> list[str]:
    """Possible roots of ``word``, the word itself first."""
    candidates = [word]
    base = [word]
    for particle in _PARTICLES:
        if word.endswith(particle) and len(word) - len(particle) >= 5:
            base.append(word[: -len(particle)])
    if word.endswith("nya") and len(word) >= 7:
        base.append(word[:-3])
    for stem in base:
        ends = [stem] + [stem[: -len(s)] for s in _SUFFIXES if stem.endswith(s) and len(stem) - len(s) >= 4]
        for end in ends:
            candidates.append(end)
            for once in _strip_prefix(end):
                candidates.append(once)
                candidates.extend(_strip_prefix(once))  # two prefixes: "diper-", "memper-", "keber-"
    return list(dict.fromkeys(candidates))


class Vocabulary:
    """The knowledge base's words, and how any typed word maps onto one of them.

    Roots are the words themselves plus every affix-stripped form that two different words
    share ("dilaksanakan" and "pelaksanaan" share "laksana"), so related forms meet.
    """

    def __init__(self, words: Iterable[str]) -> None:
        raw = set(words)
        seen: dict[str, str] = {}
        shared: set[str] = set()
        for word in raw:
            for candidate in stem_candidates(word)[1:]:
                if len(candidate) >= 4 and seen.setdefault(candidate, word) != word:
                    shared.add(candidate)
        self.words = raw | shared
        self._choices: dict[str, list[str]] = {}
        for w in sorted(self.words):
            if len(w) >= 4 and not w.isdigit():
                self._choices.setdefault(w[0], []).append(w)
        self._canonical: dict[str, str] = {}
        self._corrected: dict[str, str | None] = {}

    def canonical(self, word: str) -> str:
        """The shortest known root of ``word`` (``pendaftaran`` → ``daftar``), else ``word``."""
        cached = self._canonical.get(word)
        if cached is not None:
            return cached
        if word.isdigit() or len(word) <= 3:
            result = word
        else:
            known = [c for c in stem_candidates(word) if c in self.words]
            result = min(known, key=len) if known else word
        if len(self._canonical) < 100_000:
            self._canonical[word] = result
        return result

    def correct(self, word: str) -> str | None:
        """The known word ``word`` is a typo of (``jenjnag`` → ``jenjang``), if one is close enough."""
        if len(word) < 5 or word.isdigit():
            return None
        if word in self._corrected:
            return self._corrected[word]
        # Typos rarely hit the first letter; requiring it keeps real words ("acara",
        # "singkatan") from being "corrected" into knowledge-base words ("cara", "angkatan").
        found = process.extractOne(word, self._choices.get(word[0], []), scorer=fuzz.ratio, score_cutoff=80)
        result = found[0] if found else None
        if len(self._corrected) < 100_000:
            self._corrected[word] = result
        return result

    def split_joined(self, word: str) -> list[str] | None:
        """``bimtekpmo`` → ``["bimtek", "pmo"]`` when both halves are known words."""
        for i in range(3, len(word) - 2):
            left, right = word[:i], word[i:]
            if left in self.words and right in self.words:
                return [left, right]
        return None
