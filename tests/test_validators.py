from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from handlers.validators import (
    Invalid,
    parse_choice,
    parse_date,
    parse_email,
    parse_name,
    parse_nip,
    parse_npsn,
    parse_phone,
    parse_school,
)

TODAY = date(2022, 3, 1)
KECAMATAN = ("Gerokgak", "Seririt", "Busungbiu", "Banjar", "Sukasada", "Buleleng", "Sawan", "Kubutambahan", "Tejakula")


def test_nip_is_decoded() -> None:
    nip = parse_nip("19750817 200003 2 002", TODAY)
    assert nip is not None
    assert nip.number == "197508172000032002" and nip.birth_date == date(1975, 8, 17) and nip.gender == "P" and nip.tmt == "2000-03"
    assert parse_nip("-", TODAY) is None and parse_nip("tidak ada", TODAY) is None


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("19751332200003 2002", "form.error.nip_birth"),  # month 13
        ("197502302000032002", "form.error.nip_birth"),  # 30 February
        ("201501012000032002", "form.error.nip_birth"),  # a seven-year-old
        ("197508172000033002", "form.error.nip_gender"),
        ("1975081720000320", "form.error.nip_length"),
        ("1975O8172000032002", "form.error.nip_digits"),
    ],
)
def test_bad_nips_say_why(text: str, key: str) -> None:
    with pytest.raises(Invalid) as err:
        parse_nip(text, TODAY)
    assert err.value.key == key


def test_pppk_numbers_are_tolerated() -> None:
    nip = parse_nip("198001012021212001", TODAY)  # TMT part "202121" is not a month: PPPK style
    assert nip is not None and nip.tmt is None and nip.notes == ("tmt_unreadable",)


@pytest.mark.parametrize("text", ["17-08-1975", "17/8/1975", "17 Agustus 1975", "1975-08-17", "17.08.1975", "17 agt 1975", "17 AUGUST 1975", "17/08/75"])
def test_dates(text: str) -> None:
    assert parse_date(text, TODAY) == date(1975, 8, 17)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("31-02-1975", "form.error.date_impossible"),
        ("17 Agustusan 1975", "form.error.date_month"),
        ("kemarin", "form.error.date_format"),
        ("01-01-2020", "form.error.date_range"),
    ],
)
def test_bad_dates(text: str, key: str) -> None:
    with pytest.raises(Invalid) as err:
        parse_date(text, TODAY)
    assert err.value.key == key


def test_npsn_phone_email_school_name_choice() -> None:
    assert parse_npsn("5010 0123") == "50100123"
    assert parse_npsn("p9970123") == "P9970123"
    for bad in ("5010012", "501001234", "5010-01*3"):
        with pytest.raises(Invalid):
            parse_npsn(bad)
    for typed in ("0812-3456-7890", "+62 812 3456 7890", "6281234567890", "812 3456 7890", "(0812) 34567890"):
        assert parse_phone(typed) == "+6281234567890", typed
    for bad in ("0361 123456", "12345", "+1 202 555 0100", "0812", "halo"):
        with pytest.raises(Invalid):
            parse_phone(bad)
    assert parse_email("-") is None and parse_email("Kepsek@SD1.sch.id ") == "kepsek@sd1.sch.id"
    with pytest.raises(Invalid):
        parse_email("kepsek@sekolah")
    assert parse_name("  Dra.  Ni Luh Putu Sari,  M.Pd. ") == "Dra. Ni Luh Putu Sari, M.Pd."
    with pytest.raises(Invalid):
        parse_name("12345")
    with pytest.raises(Invalid):
        parse_school("<script>")
    assert parse_choice("kubu tambahan", KECAMATAN) == "Kubutambahan"
    assert parse_choice("SERIRIT", KECAMATAN) == "Seririt"
    assert parse_choice("tejakul", KECAMATAN) == "Tejakula"
    assert parse_choice("2", KECAMATAN) == "Seririt"
    with pytest.raises(Invalid):
        parse_choice("Denpasar", KECAMATAN)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_parsers_only_ever_raise_invalid(text: str) -> None:
    for parser in (
        lambda t: parse_nip(t, TODAY),
        lambda t: parse_date(t, TODAY),
        parse_npsn,
        parse_phone,
        parse_email,
        parse_name,
        parse_school,
        lambda t: parse_choice(t, KECAMATAN),
    ):
        try:
            parser(text)
        except Invalid:
            pass


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(1942, 3, 2), max_value=date(2004, 3, 1)), st.sampled_from(["%d-%m-%Y", "%d/%m/%Y", "%Y-%m-%d", "%d.%m.%Y"]))
def test_any_plausible_birth_date_round_trips(day: date, fmt: str) -> None:
    assert parse_date(day.strftime(fmt), TODAY) == day


def test_invisible_characters_are_dropped_from_names_and_schools() -> None:
    from handlers.validators import parse_name, parse_school

    assert parse_school("SD Negeri 1 \u202etiriseS\u202c") == "SD Negeri 1 tiriseS"
    assert parse_name("Ni\u200b Luh\ufeff Sari") == "Ni Luh Sari"
    # Longer text keeps the zero-width joiner that holds an emoji together, but not a bidi override.
    from handlers.validators import parse_text

    assert parse_text("Rapat 👨\u200d👩 \u202ebesok", minimum=1, maximum=100, short_key="x") == "Rapat 👨\u200d👩 besok"


def test_a_lone_surrogate_in_button_data_is_refused_not_raised() -> None:
    from bot.messages import PayloadSigner

    signer = PayloadSigner(b"k" * 32)
    assert signer.verify("telegram:1", "menu|\ud800abc") is None
    assert signer.verify("telegram:1", "\ud800|abcdefgh") is None
    assert signer.verify("telegram:1", signer.sign("telegram:1", "menu")) == "menu"


@pytest.mark.parametrize(("typed", "day"), [("13 agust 1975", date(1975, 8, 13)), ("1 Sept. 1970", date(1970, 9, 1)), ("2 des 1969", date(1969, 12, 2))])
def test_shortened_month_names_are_read(typed: str, day: date) -> None:
    assert parse_date(typed, date(2022, 3, 1)) == day


def test_month_first_dates_are_told_the_order() -> None:
    with pytest.raises(Invalid) as caught:
        parse_date("08/13/1975", date(2022, 3, 1))
    assert caught.value.key == "form.error.date_order" and caught.value.values["suggestion"] == "13/08/1975"


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("i gede wirawan", "I Gede Wirawan"),
        ("I GEDE WIRAWAN, S.Pd.", "I Gede Wirawan, S.Pd."),
        ("Dra. Ni Luh Putu Sari, M.Pd.", "Dra. Ni Luh Putu Sari, M.Pd."),
    ],
)
def test_names_are_stored_in_tidy_title_case(typed: str, stored: str) -> None:
    assert parse_name(typed) == stored


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("tk negeri pembina buleleng", "TK Negeri Pembina Buleleng"), ("SMP NEGERI 2 SAWAN", "SMP Negeri 2 Sawan"), ("sdn 3 Banjar", "SDN 3 Banjar")],
)
def test_school_names_are_stored_in_tidy_title_case(typed: str, stored: str) -> None:
    assert parse_school(typed) == stored
