"""Parsers for the registration fields: text in, a clean value out, or :class:`Invalid` saying why.

Every parser accepts any string without raising anything but :class:`Invalid`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from rapidfuzz import fuzz, process

from bot.dates import MONTH_NAMES
from handlers.faqkb.normalise import fold


class Invalid(Exception):
    """An answer that cannot be used; ``key`` names the locale text explaining why."""

    def __init__(self, key: str, **values: Any) -> None:
        super().__init__(key)
        self.key = key
        self.values = values


# The full names (both languages) come from bot.dates; these are the short forms people type.
MONTHS = {name.lower(): n for names in MONTH_NAMES.values() for n, name in enumerate(names) if n} | {
    "jan": 1, "feb": 2, "pebruari": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "agu": 8, "agt": 8, "ags": 8, "aug": 8,
    "sep": 9, "sept": 9, "okt": 10, "oct": 10, "nov": 11, "nop": 11, "des": 12, "dec": 12,
}  # fmt: skip
SKIP_WORDS = {"-", "--", "tidak ada", "tdk ada", "ga ada", "gak ada", "nggak ada", "kosong", "skip", "lewati", "none", "no", "tidak", "bukan pns", "non pns"}
_NAME_RE = re.compile(r"^[A-Za-zÀ-ÿ'’.,\- ]+$")
_EMAIL_RE = re.compile(r"^[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}$")


def month_number(word: str) -> int | None:
    """A month from its name in Indonesian or English, also shortened ("agust", "sept", "des")."""
    word = word.strip(".").lower()
    if word in MONTHS:
        return MONTHS[word]
    if len(word) < 3:
        return None
    found = {number for name, number in MONTHS.items() if len(name) > 3 and name.startswith(word)}
    return found.pop() if len(found) == 1 else None


# School types and unit names written in capitals whatever the person typed.
ACRONYMS = {
    "sd", "sdn", "smp", "smpn", "sma", "sman", "smk", "smkn", "tk", "tkn", "paud", "kb", "tpa", "sps", "slb", "mi", "min",
    "mts", "ma", "n", "uptd", "yp", "ypk", "ii", "iii", "iv", "vi", "vii", "viii", "ix", "xi", "xii",
}  # fmt: skip


def tidy_case(text: str, *, acronyms: frozenset[str] | set[str] = frozenset()) -> str:
    """Title case for words typed all in lower or upper case.

    Anything with a dot (degrees such as ``S.Pd.``, ``M.Pd.``) or in mixed case is kept as written;
    ``acronyms`` are written in capitals.
    """
    words = []
    for word in text.split(" "):
        bare = word.strip(",;()")
        if bare.lower() in acronyms:
            word = word.replace(bare, bare.upper())
        elif "." not in word and (word.islower() or (word.isupper() and len(bare) > 1)):
            word = re.sub(r"[^\W\d_]+", lambda m: m.group(0)[0].upper() + m.group(0)[1:].lower(), word)
        words.append(word)
    return " ".join(words)


def is_skip(text: str) -> bool:
    """Whether the answer means "none / skip"."""
    return fold(text).strip().strip(".!") in SKIP_WORDS


# Bidi overrides and isolates can make "SD Negeri 1 \u202etiriseS" show as "Seririt" in a staff list.
_BIDI = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)])


def strip_invisible(text: str, *, all_format: bool) -> str:
    """Drop bidi controls; with ``all_format`` every invisible format character (zero-width space, BOM…) too."""
    text = text.translate(_BIDI)
    if all_format:
        text = "".join(c for c in text if unicodedata.category(c) != "Cf")
    return text


def parse_text(text: str, *, minimum: int, maximum: int, short_key: str, long_key: str = "form.error.too_long", one_line: bool = False) -> str:
    """Trimmed text between ``minimum`` and ``maximum`` characters (spaces folded when ``one_line``).

    Invisible characters are dropped: all of them in one-line values (names, schools), only the bidi
    controls in longer text, where a zero-width joiner still holds emoji together.
    """
    text = strip_invisible(text, all_format=one_line)
    value = " ".join(text.split()) if one_line else text.strip()
    if len(value) < minimum:
        raise Invalid(short_key)
    if len(value) > maximum:
        raise Invalid(long_key, limit=maximum)
    return value


def parse_name(text: str) -> str:
    """A full name, titles allowed: ``Dra. Ni Luh Putu Sari, M.Pd.``."""
    name = parse_text(text, minimum=3, maximum=100, short_key="form.error.name_short", one_line=True)
    if not re.search(r"[A-Za-zÀ-ÿ]{2}", name):
        raise Invalid("form.error.name_short")
    if not _NAME_RE.match(name):
        raise Invalid("form.error.name_chars")
    return tidy_case(name)


@dataclass(frozen=True)
class Nip:
    """A decoded NIP: 18 digits = birth date, TMT (year+month), gender digit, sequence."""

    number: str
    birth_date: date
    gender: str  # "L" or "P"
    tmt: str | None  # "YYYY-MM" when it reads as a plausible civil-servant TMT
    notes: tuple[str, ...] = field(default=())


def parse_nip(text: str, today: date) -> Nip | None:
    """An 18-digit NIP (PNS or PPPK), or ``None`` for "-" (no NIP, e.g. private schools)."""
    if is_skip(text):
        return None
    digits = re.sub(r"[\s.\-/]", "", text)
    if not digits.isdigit():
        raise Invalid("form.error.nip_digits")
    if len(digits) != 18:
        raise Invalid("form.error.nip_length", count=len(digits))
    try:
        birth = date(int(digits[0:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        raise Invalid("form.error.nip_birth") from None
    if not 18 <= age_on(birth, today) <= 80:
        raise Invalid("form.error.nip_birth")
    if digits[14] not in "12":
        raise Invalid("form.error.nip_gender")
    # NI PPPK numbers build the middle part differently: a TMT that does not read as a civil-servant
    # start date is tolerated, only noted.
    tmt_year, tmt_month = int(digits[8:12]), int(digits[12:14])
    tmt = None
    notes: tuple[str, ...] = ()
    if 1 <= tmt_month <= 12 and birth.year + 18 <= tmt_year <= today.year:
        tmt = f"{tmt_year:04d}-{tmt_month:02d}"
    else:
        notes = ("tmt_unreadable",)
    return Nip(digits, birth, "L" if digits[14] == "1" else "P", tmt, notes)


def parse_date(text: str, today: date) -> date:
    """A birth date (age 18–80 on ``today``) in any format :func:`read_date` reads."""
    value = read_date(text, today)
    if not 18 <= age_on(value, today) <= 80:
        raise Invalid("form.error.date_range")
    return value


def read_date(text: str, today: date) -> date:
    """A calendar date: ``17-08-1975``, ``17/8/1975``, ``17 Agustus 1975``, ``1975-08-17``, ``17.08.1975``."""
    cleaned = fold(text).strip().rstrip(".")
    day = month = year = None
    if m := re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", cleaned):
        year, month, day = int(m[1]), int(m[2]), int(m[3])
    elif m := re.fullmatch(r"(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{2,4})", cleaned):
        day, month, year = int(m[1]), int(m[2]), int(m[3])
    elif m := re.fullmatch(r"(\d{1,2})\s*[-/.\s]\s*([a-z]+)\.?\s*[-/.\s]\s*(\d{2,4})", cleaned):
        day, year = int(m[1]), int(m[3])
        month = month_number(m[2])
        if month is None:
            raise Invalid("form.error.date_month", month=m[2][:20])
    else:
        raise Invalid("form.error.date_format")
    if year < 100:  # "17/8/75": a principal is born in the 1900s for two-digit years above today's
        year += 1900 if year > today.year % 100 else 2000
    if month > 12 and 1 <= day <= 12:  # "08/13/1975": month first, as in the US
        raise Invalid("form.error.date_order", month=month, suggestion=f"{month:02d}/{day:02d}/{year}")
    try:
        return date(year, month, day)
    except ValueError:
        raise Invalid("form.error.date_impossible") from None


def age_on(birth: date, day: date) -> int:
    """Whole years of age on ``day``."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def parse_npsn(text: str) -> str:
    """8 characters: digits, or digits and capitals for some PAUD units."""
    value = re.sub(r"[\s.\-]", "", text).upper()
    if not re.fullmatch(r"[0-9A-Z]+", value or "?"):
        raise Invalid("form.error.npsn_chars")
    if len(value) != 8:
        raise Invalid("form.error.npsn_length", count=len(value))
    return value


def parse_school(text: str) -> str:
    """A school name such as ``SD Negeri 1 Seririt``."""
    name = parse_text(text, minimum=3, maximum=120, short_key="form.error.school_short", one_line=True)
    if not re.search(r"[A-Za-z]", name):
        raise Invalid("form.error.school_short")
    if re.search(r"[<>{}\\|@#$%^*=]", name):
        raise Invalid("form.error.school_chars")
    return tidy_case(name, acronyms=ACRONYMS)


def parse_choice(text: str, choices: tuple[str, ...], aliases: dict[str, str] | None = None) -> str:
    """One of ``choices``: exact, by alias, by number, or a close spelling ("kubu tambahan")."""
    typed = " ".join(fold(text).split()).strip(".")
    if typed.isdigit() and 1 <= int(typed) <= len(choices):
        return choices[int(typed) - 1]
    squeezed = typed.replace(" ", "")
    for choice in choices:
        if squeezed == choice.lower().replace(" ", ""):
            return choice
    if aliases and typed in aliases:
        return aliases[typed]
    found = process.extractOne(squeezed, {c: c.lower().replace(" ", "") for c in choices}, scorer=fuzz.ratio, score_cutoff=80)
    if found:
        return str(found[2])
    raise Invalid("form.error.choice", choices=", ".join(choices))


def parse_phone(text: str) -> str:
    """An Indonesian mobile number in any common form, returned as E.164 (``+628…``)."""
    import phonenumbers  # (on first use: its metadata is 1.4 MB of an idle bot's memory, needed only by the form)

    raw = text.strip()
    digits = re.sub(r"[^\d+]", "", raw)
    if digits.startswith("62"):
        digits = "+" + digits
    elif digits.startswith("8"):
        digits = "0" + digits
    try:
        number = phonenumbers.parse(digits, "ID")
    except phonenumbers.NumberParseException:
        raise Invalid("form.error.phone") from None
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    if number.country_code != 62 or not re.fullmatch(r"\+628[1-9]\d{7,10}", e164) or not phonenumbers.is_valid_number(number):
        raise Invalid("form.error.phone")
    return e164


def parse_email(text: str) -> str | None:
    """An e-mail address, or ``None`` for "-" (the field is optional)."""
    if is_skip(text):
        return None
    value = text.strip().lower()
    if len(value) > 254 or not _EMAIL_RE.match(value) or ".." in value:
        raise Invalid("form.error.email")
    return value
