"""The PSP registration form: its steps, storing the answers, and the principal's own view (``/profil``)."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from bot.dates import format_date
from bot.enums import STAFF_ROLES, Role
from bot.messages import Payload
from handlers import commands, conversation, forms
from handlers.context import Context
from handlers.eligibility import STATUS_ACTING, STATUS_DEFINITIVE, Eligibility, birth_date_of, evaluate, explain
from handlers.notify import notify_once
from handlers.validators import (
    parse_choice,
    parse_date,
    parse_email,
    parse_name,
    parse_nip,
    parse_npsn,
    parse_phone,
    parse_school,
)
from models.contacts import get_state
from models.registrations import coordinators_of, registration_by_npsn, registration_of
from models.tables import Registration

STATUS_ALIASES = {
    "definitif": STATUS_DEFINITIVE, "kepala sekolah definitif": STATUS_DEFINITIVE, "tetap": STATUS_DEFINITIVE,
    "ks definitif": STATUS_DEFINITIVE, "plt": STATUS_ACTING, "pelaksana tugas": STATUS_ACTING, "plt.": STATUS_ACTING,
    "pjs": STATUS_ACTING, "pj": STATUS_ACTING, "sementara": STATUS_ACTING, "acting": STATUS_ACTING,
    "definitive": STATUS_DEFINITIVE, "acting (plt)": STATUS_ACTING,
}  # fmt: skip
COORDINATOR_BUTTON = Payload("korwil")  # korwil:<npsn>: tell the coordinators someone else registered this NPSN
CONSENT_KEY = "_consent_at"  # in the form's answers: when the privacy notice was accepted
JENJANG_ALIASES = {"tk": "PAUD", "kb": "PAUD", "sps": "PAUD", "tpa": "PAUD", "ra": "PAUD", "mi": "SD", "mts": "SMP"}


def _nip(text: str, ctx: Context, data: dict[str, Any]) -> dict[str, Any] | None:
    nip = parse_nip(text, ctx.today)
    if nip is None:
        return None
    return {"number": nip.number, "birth_date": nip.birth_date.isoformat(), "gender": nip.gender, "tmt": nip.tmt}


def _show_nip(value: Any, ctx: Context) -> str:
    if not isinstance(value, dict):
        return ctx.t("reg.no_nip")
    born = date.fromisoformat(value["birth_date"])
    return f"{value['number']} ({ctx.t('reg.nip_decoded', born=format_date(born, ctx.lang), gender=ctx.t('reg.gender_' + value['gender']))})"


def show_status(value: Any, ctx: Context) -> str:
    """The stored status (``Definitif``/``Plt``, kept in Indonesian) in the contact's language."""
    return ctx.t("reg.status_acting" if value == STATUS_ACTING else "reg.status_definitive")


def _birth(text: str, ctx: Context, data: dict[str, Any]) -> str:
    return parse_date(text, ctx.today).isoformat()


def _choices_jenjang(ctx: Context) -> tuple[str, ...]:
    return ctx.services.settings.registration.jenjang


def _choices_kecamatan(ctx: Context) -> tuple[str, ...]:
    return ctx.services.settings.registration.kecamatan


def _choices_status(ctx: Context) -> tuple[str, ...]:
    return (STATUS_DEFINITIVE, STATUS_ACTING)


def _has_nip(data: dict[str, Any]) -> bool:
    return isinstance(data.get("nip"), dict)


REGISTRATION = forms.Form(
    name="registration",
    title_key="reg.title",
    steps=(
        forms.Question("nama", "reg.ask.nama", "reg.label.nama", "reg.example.nama", lambda t, c, d: parse_name(t)),
        forms.Question("nip", "reg.ask.nip", "reg.label.nip", "reg.example.nip", _nip, show=_show_nip),
        forms.Question(
            "tanggal_lahir",
            "reg.ask.tanggal_lahir",
            "reg.label.tanggal_lahir",
            "reg.example.tanggal_lahir",
            _birth,
            skip=_has_nip,
            show=lambda v, c: format_date(date.fromisoformat(v), c.lang),
            follow_up=True,
        ),
        forms.Question("npsn", "reg.ask.npsn", "reg.label.npsn", "reg.example.npsn", lambda t, c, d: parse_npsn(t), check=lambda c, v: _npsn_free(c, v)),
        forms.Question("sekolah", "reg.ask.sekolah", "reg.label.sekolah", "reg.example.sekolah", lambda t, c, d: parse_school(t)),
        forms.Question(
            "jenjang",
            "reg.ask.jenjang",
            "reg.label.jenjang",
            "reg.example.jenjang",
            lambda t, c, d: parse_choice(t, _choices_jenjang(c), JENJANG_ALIASES),
            choices=_choices_jenjang,
            columns=3,
        ),
        forms.Question(
            "kecamatan",
            "reg.ask.kecamatan",
            "reg.label.kecamatan",
            "reg.example.kecamatan",
            lambda t, c, d: parse_choice(t, _choices_kecamatan(c)),
            choices=_choices_kecamatan,
            columns=3,
        ),
        forms.Question(
            "status",
            "reg.ask.status",
            "reg.label.status",
            "reg.example.status",
            lambda t, c, d: parse_choice(t, _choices_status(c), STATUS_ALIASES),
            choices=_choices_status,
            show=show_status,
        ),
        forms.Question("hp", "reg.ask.hp", "reg.label.hp", "reg.example.hp", lambda t, c, d: parse_phone(t)),
        forms.Question("email", "reg.ask.email", "reg.label.email", "reg.example.email", lambda t, c, d: parse_email(t), optional=True),
    ),
    on_submit=lambda ctx, data: submit(ctx, data),
    cancelled_text=lambda ctx: _cancelled_text(ctx),
)

# -- submitting ------------------------------------------------------------------------------------


def _record_fields(data: dict[str, Any], verdict: Eligibility, now: datetime) -> dict[str, Any]:
    """The stored columns from the form's answers (the inverse of :func:`prefill_from`)."""
    nip = data.get("nip") if isinstance(data.get("nip"), dict) else None
    return {
        "nama": data["nama"],
        "nip": nip["number"] if nip else None,
        "birth_date": birth_date_of(data),
        "gender": nip["gender"] if nip else None,
        "tmt": nip["tmt"] if nip else None,
        "npsn": data["npsn"],
        "sekolah": data["sekolah"],
        "jenjang": data["jenjang"],
        "kecamatan": data["kecamatan"],
        "status": data["status"],
        "phone": data["hp"],
        "email": data.get("email"),
        "eligible": verdict.eligible,
        "reasons": json.dumps([key for key, _ in verdict.reasons]),
        "updated_at": now,
    }


def tell_npsn_taken(ctx: Context, npsn: str, existing: Registration, *, at_summary: bool) -> None:
    """The one place that tells someone their NPSN is registered by another contact.

    Asked at the NPSN step (type another one) and again at Kirim (someone took it meanwhile).
    """
    buttons = [[ctx.button("reg.contact_coordinator", COORDINATOR_BUTTON.pack(npsn))]]
    if at_summary:
        buttons.append([ctx.button("form.edit", conversation.BUTTON.pack(forms.SUMMARY, "ubah"))])
    # Only "taken": which school and where is for the coordinator, not for whoever types an NPSN.
    ctx.say(ctx.t("reg.npsn_taken", npsn=npsn) + "\n" + ctx.t("reg.npsn_other" if not at_summary else "reg.npsn_change"), buttons)


async def _npsn_free(ctx: Context, npsn: str) -> bool:
    """The NPSN step's check: another contact's registration of this NPSN is told now, not after ten answers."""
    existing = await registration_by_npsn(ctx.session, npsn)
    if existing is not None and existing.contact_id != ctx.contact.id:
        tell_npsn_taken(ctx, npsn, existing, at_summary=False)
        return False
    return True


async def _cancelled_text(ctx: Context) -> str:
    record = await registration_of(ctx.session, ctx.contact.id)
    return ctx.t("reg.cancel_kept", sekolah=record.sekolah) if record is not None else ctx.t("cancel.done")


async def submit(ctx: Context, data: dict[str, Any]) -> bool:
    """Store the registration with its eligibility; False keeps the form open (duplicate NPSN)."""
    now = ctx.now
    existing = await registration_by_npsn(ctx.session, data["npsn"])
    if existing is not None and existing.contact_id != ctx.contact.id:
        tell_npsn_taken(ctx, data["npsn"], existing, at_summary=True)
        return False
    verdict = evaluate(ctx.services.settings, birth_date_of(data), data["status"], ctx.today)
    fields = _record_fields(data, verdict, now)
    if isinstance(data.get(CONSENT_KEY), str):
        fields["consent_at"] = datetime.fromisoformat(data[CONSENT_KEY])
    record = await registration_of(ctx.session, ctx.contact.id)
    updating = record is not None
    if record is None:
        record = Registration(contact_id=ctx.contact.id, submitted_at=now, **fields)
        ctx.session.add(record)
    else:
        for name, value in fields.items():
            setattr(record, name, value)
    if ctx.contact.role not in STAFF_ROLES:
        ctx.contact.role = Role.PRINCIPAL
    if ctx.contact.role == Role.PRINCIPAL:
        ctx.contact.kecamatan = data["kecamatan"]
    ctx.contact.updated_at = now
    await ctx.session.flush()
    ctx.say(
        ctx.t("reg.updated" if updating else "reg.saved", sekolah=data["sekolah"]) + "\n\n" + explain(ctx, verdict),
        [[ctx.button("menu.profile", commands.PROFILE.pack()), ctx.menu_button()]],
    )
    return True


def _born(record: Registration) -> date:
    """The birth date of a live registration (only erased ones, which belong to nobody, lack it)."""
    if record.birth_date is None:
        raise ValueError(f"registration {record.id} is erased")
    return record.birth_date


def prefill_from(record: Registration) -> dict[str, Any]:
    """Form answers from a stored registration (to review and change it)."""
    data: dict[str, Any] = {
        "nama": record.nama,
        "npsn": record.npsn,
        "sekolah": record.sekolah,
        "jenjang": record.jenjang,
        "kecamatan": record.kecamatan,
        "status": record.status,
        "hp": record.phone,
        "email": record.email,
    }
    if record.nip:
        data["nip"] = {"number": record.nip, "birth_date": _born(record).isoformat(), "gender": record.gender or "L", "tmt": record.tmt}
    else:
        data["nip"] = None
        data["tanggal_lahir"] = _born(record).isoformat()
    return data


async def start_registration(ctx: Context, _arg: str, consent_at: datetime | None = None) -> None:
    """Open the form (after the privacy notice, ``handlers/privacy.py``); someone already registered reviews and changes their data.

    ``consent_at``: when the person accepted the notice just now; kept with the answers and
    stored with the registration.
    """
    consent = {CONSENT_KEY: consent_at.isoformat()} if consent_at is not None else {}
    record = await registration_of(ctx.session, ctx.contact.id)
    if record is not None:
        state_open = await get_state(ctx.session, ctx.contact.id)
        if state_open is None or state_open.form != REGISTRATION.name:
            ctx.say(ctx.t("reg.already", sekolah=record.sekolah))
            await forms.start(ctx, REGISTRATION, prefill_from(record) | consent)
            return
    await forms.start(ctx, REGISTRATION, consent)


async def notify_coordinator(ctx: Context, npsn: str) -> None:
    """Button ``korwil:<npsn>``: tell the kecamatan's coordinators that someone else claims this NPSN."""
    existing = await registration_by_npsn(ctx.session, npsn)
    if existing is None or existing.contact_id == ctx.contact.id:
        ctx.say(ctx.t("button.expired"))
        return
    coordinators = await coordinators_of(ctx.session, existing.kecamatan)
    name = ctx.contact.name or ctx.t("reg.someone")
    # One alert per (person, NPSN) a day: pressing the button again does not repeat it.
    once = f"{COORDINATOR_BUTTON.route}:{npsn}:{ctx.today.isoformat()}:{ctx.contact.id}"
    told = await notify_once(ctx, once, coordinators, "reg.coordinator_alert", npsn=npsn, sekolah=existing.sekolah, kecamatan=existing.kecamatan,
                             name=name, contact=ctx.contact.id)  # fmt: skip
    if told is None:
        ctx.say(ctx.t("reg.coordinator_already", npsn=npsn))
    else:
        ctx.say(ctx.t("reg.coordinator_told" if told else "reg.no_coordinator"))


# -- what people see of it ------------------------------------------------------------------------------


def describe(ctx: Context, record: Registration) -> str:
    """A registration as the principal sees it."""
    lines = [
        ctx.t("reg.profile_title"),
        f"{ctx.t('reg.label.nama')}: {record.nama}",
        f"{ctx.t('reg.label.nip')}: {record.nip or ctx.t('reg.no_nip')}",
        f"{ctx.t('reg.label.tanggal_lahir')}: {format_date(_born(record), ctx.lang)}",
        f"{ctx.t('reg.label.npsn')}: {record.npsn}",
        f"{ctx.t('reg.label.sekolah')}: {record.sekolah} ({record.jenjang}, {record.kecamatan})",
        f"{ctx.t('reg.label.status')}: {show_status(record.status, ctx)}",
        f"{ctx.t('reg.label.hp')}: {record.phone}",
        f"{ctx.t('reg.label.email')}: {record.email or '–'}",
    ]
    return "\n".join(lines)


async def show_profile(ctx: Context, _arg: str) -> None:
    """``/profil``: my registration and its eligibility result, evaluated again today."""
    record = await registration_of(ctx.session, ctx.contact.id)
    if record is None:
        ctx.say(ctx.t("reg.no_profile"), [[ctx.button("menu.register", commands.REGISTER.pack())]])
        return
    verdict = evaluate(ctx.services.settings, _born(record), record.status, ctx.today)
    buttons = [[ctx.button("reg.change", commands.REGISTER.pack()), ctx.menu_button()]]
    ctx.say(describe(ctx, record) + "\n\n" + explain(ctx, verdict), buttons)
