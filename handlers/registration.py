"""The PSP registration form, eligibility, and what principals, coordinators and admins see of it."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from bot.config import Settings
from bot.core import Document
from bot.enums import STAFF_ROLES, Role
from handlers import forms
from handlers.context import Context
from handlers.notify import notify
from handlers.validators import (
    age_on,
    format_date,
    parse_choice,
    parse_date,
    parse_email,
    parse_name,
    parse_nip,
    parse_npsn,
    parse_phone,
    parse_school,
)
from models.questions import count_open_questions
from models.registrations import coordinators_of, list_registrations, registration_by_npsn, registration_of
from models.state import get_state
from models.tables import Registration

STATUS_DEFINITIVE = "Definitif"
STATUS_ACTING = "Plt"
STATUS_ALIASES = {
    "definitif": STATUS_DEFINITIVE, "kepala sekolah definitif": STATUS_DEFINITIVE, "tetap": STATUS_DEFINITIVE,
    "ks definitif": STATUS_DEFINITIVE, "plt": STATUS_ACTING, "pelaksana tugas": STATUS_ACTING, "plt.": STATUS_ACTING,
    "pjs": STATUS_ACTING, "pj": STATUS_ACTING, "sementara": STATUS_ACTING, "acting": STATUS_ACTING,
}  # fmt: skip
JENJANG_ALIASES = {"tk": "PAUD", "kb": "PAUD", "sps": "PAUD", "tpa": "PAUD", "ra": "PAUD", "mi": "SD", "mts": "SMP"}


def _today(ctx: Context) -> date:
    return ctx.services.clock.now().astimezone(ctx.services.settings.bot.timezone).date()


def _nip(text: str, ctx: Context, data: dict[str, Any]) -> dict[str, Any] | None:
    nip = parse_nip(text, _today(ctx))
    if nip is None:
        return None
    return {"number": nip.number, "birth_date": nip.birth_date.isoformat(), "gender": nip.gender, "tmt": nip.tmt}


def _show_nip(value: Any, ctx: Context) -> str:
    if not isinstance(value, dict):
        return ctx.t("reg.no_nip")
    born = date.fromisoformat(value["birth_date"])
    return f"{value['number']} ({ctx.t('reg.nip_decoded', born=format_date(born), gender=ctx.t('reg.gender_' + value['gender']))})"


def _birth(text: str, ctx: Context, data: dict[str, Any]) -> str:
    return parse_date(text, _today(ctx)).isoformat()


def _choices_jenjang(ctx: Context) -> tuple[str, ...]:
    return ctx.services.settings.registration.jenjang


def _choices_kecamatan(ctx: Context) -> tuple[str, ...]:
    return ctx.services.settings.registration.kecamatan


def _choices_status(ctx: Context) -> tuple[str, ...]:
    return (STATUS_DEFINITIVE, STATUS_ACTING)


def _has_nip(data: dict[str, Any]) -> bool:
    return isinstance(data.get("nip"), dict)


REGISTRATION = forms.register_form(
    forms.Form(
        name="registration",
        title_key="reg.title",
        steps=(
            forms.Step("nama", "reg.ask.nama", "reg.label.nama", "reg.example.nama", lambda t, c, d: parse_name(t)),
            forms.Step("nip", "reg.ask.nip", "reg.label.nip", "reg.example.nip", _nip, show=_show_nip),
            forms.Step(
                "tanggal_lahir",
                "reg.ask.tanggal_lahir",
                "reg.label.tanggal_lahir",
                "reg.example.tanggal_lahir",
                _birth,
                skip=_has_nip,
                show=lambda v, c: format_date(date.fromisoformat(v)),
            ),
            forms.Step("npsn", "reg.ask.npsn", "reg.label.npsn", "reg.example.npsn", lambda t, c, d: parse_npsn(t)),
            forms.Step("sekolah", "reg.ask.sekolah", "reg.label.sekolah", "reg.example.sekolah", lambda t, c, d: parse_school(t)),
            forms.Step(
                "jenjang",
                "reg.ask.jenjang",
                "reg.label.jenjang",
                "reg.example.jenjang",
                lambda t, c, d: parse_choice(t, _choices_jenjang(c), JENJANG_ALIASES),
                choices=_choices_jenjang,
                columns=3,
            ),
            forms.Step(
                "kecamatan",
                "reg.ask.kecamatan",
                "reg.label.kecamatan",
                "reg.example.kecamatan",
                lambda t, c, d: parse_choice(t, _choices_kecamatan(c)),
                choices=_choices_kecamatan,
                columns=3,
            ),
            forms.Step(
                "status",
                "reg.ask.status",
                "reg.label.status",
                "reg.example.status",
                lambda t, c, d: parse_choice(t, _choices_status(c), STATUS_ALIASES),
                choices=_choices_status,
            ),
            forms.Step("hp", "reg.ask.hp", "reg.label.hp", "reg.example.hp", lambda t, c, d: parse_phone(t)),
            forms.Step("email", "reg.ask.email", "reg.label.email", "reg.example.email", lambda t, c, d: parse_email(t), optional=True),
        ),
        on_submit=lambda ctx, data: submit(ctx, data),
    )
)


# -- eligibility ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Eligibility:
    """The verdict of the config rules, with reason keys and their values."""

    eligible: bool
    age: int
    reasons: tuple[tuple[str, dict[str, Any]], ...]


def evaluate(settings: Settings, birth: date, status: str, today: date) -> Eligibility:
    """Apply ``registration.max_age`` (age on ``today``) and ``registration.require_definitive``."""
    rules = settings.registration
    age = age_on(birth, today)
    reasons: list[tuple[str, dict[str, Any]]] = []
    if age > rules.max_age:
        reasons.append(("reg.reason.age", {"age": age, "max": rules.max_age}))
    if rules.require_definitive and status != STATUS_DEFINITIVE:
        reasons.append(("reg.reason.plt", {}))
    return Eligibility(not reasons, age, tuple(reasons))


def birth_date_of(data: dict[str, Any]) -> date:
    """The birth date from the NIP, else the one typed."""
    nip = data.get("nip")
    return date.fromisoformat(nip["birth_date"] if isinstance(nip, dict) else data["tanggal_lahir"])


def explain(ctx: Context, verdict: Eligibility) -> str:
    """The eligibility result, told kindly with its reasons."""
    if verdict.eligible:
        return ctx.t("reg.eligible", age=verdict.age, max=ctx.services.settings.registration.max_age)
    reasons = "\n".join("• " + ctx.t(key, **values) for key, values in verdict.reasons)
    return ctx.t("reg.not_eligible", reasons=reasons)


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


async def submit(ctx: Context, data: dict[str, Any]) -> bool:
    """Store the registration with its eligibility; False keeps the form open (duplicate NPSN)."""
    now = ctx.services.clock.now()
    existing = await registration_by_npsn(ctx.session, data["npsn"])
    if existing is not None and existing.contact_id != ctx.contact.id:
        ctx.say(
            ctx.t("reg.npsn_taken", npsn=data["npsn"], kecamatan=existing.kecamatan),
            [[ctx.button("reg.contact_coordinator", f"korwil:{data['npsn']}")], [ctx.button("form.edit", "form:summary:ubah")]],
        )
        return False
    verdict = evaluate(ctx.services.settings, birth_date_of(data), data["status"], _today(ctx))
    fields = _record_fields(data, verdict, now)
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
        [[ctx.button("menu.profile", "profil"), ctx.button("menu.back_to_menu", "menu")]],
    )
    return True


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
        data["nip"] = {"number": record.nip, "birth_date": record.birth_date.isoformat(), "gender": record.gender or "L", "tmt": record.tmt}
    else:
        data["nip"] = None
        data["tanggal_lahir"] = record.birth_date.isoformat()
    return data


async def start_registration(ctx: Context, _arg: str) -> None:
    """``/daftar``: open the form; someone already registered reviews and changes their data."""
    record = await registration_of(ctx.session, ctx.contact.id)
    if record is not None:
        state_open = await get_state(ctx.session, ctx.contact.id)
        if state_open is None or state_open.form != REGISTRATION.name:
            ctx.say(ctx.t("reg.already", sekolah=record.sekolah))
            await forms.start(ctx, REGISTRATION, prefill_from(record))
            return
    await forms.start(ctx, REGISTRATION)


async def notify_coordinator(ctx: Context, npsn: str) -> None:
    """Button ``korwil:<npsn>``: tell the kecamatan's coordinators that someone else claims this NPSN."""
    existing = await registration_by_npsn(ctx.session, npsn)
    if existing is None or existing.contact_id == ctx.contact.id:
        ctx.say(ctx.t("button.expired"))
        return
    coordinators = await coordinators_of(ctx.session, existing.kecamatan)
    name = ctx.contact.name or ctx.t("reg.someone")
    told = await notify(ctx, coordinators, "reg.coordinator_alert", npsn=npsn, sekolah=existing.sekolah, name=name, contact=ctx.contact.id)
    ctx.say(ctx.t("reg.coordinator_told" if told else "reg.no_coordinator", kecamatan=existing.kecamatan))


# -- what people see of it ------------------------------------------------------------------------------


def describe(ctx: Context, record: Registration) -> str:
    """A registration as the principal sees it."""
    lines = [
        ctx.t("reg.profile_title"),
        f"{ctx.t('reg.label.nama')}: {record.nama}",
        f"{ctx.t('reg.label.nip')}: {record.nip or ctx.t('reg.no_nip')}",
        f"{ctx.t('reg.label.tanggal_lahir')}: {format_date(record.birth_date)}",
        f"{ctx.t('reg.label.npsn')}: {record.npsn}",
        f"{ctx.t('reg.label.sekolah')}: {record.sekolah} ({record.jenjang}, {record.kecamatan})",
        f"{ctx.t('reg.label.status')}: {record.status}",
        f"{ctx.t('reg.label.hp')}: {record.phone}",
        f"{ctx.t('reg.label.email')}: {record.email or '–'}",
    ]
    return "\n".join(lines)


async def show_profile(ctx: Context, _arg: str) -> None:
    """``/profil``: my registration and its eligibility result, evaluated again today."""
    record = await registration_of(ctx.session, ctx.contact.id)
    if record is None:
        ctx.say(ctx.t("reg.no_profile"), [[ctx.button("menu.register", "daftar")]])
        return
    verdict = evaluate(ctx.services.settings, record.birth_date, record.status, _today(ctx))
    ctx.say(describe(ctx, record) + "\n\n" + explain(ctx, verdict), [[ctx.button("reg.change", "daftar"), ctx.button("menu.back_to_menu", "menu")]])


def _recap_lines(ctx: Context, rows: list[Registration], kecamatan: str) -> list[str]:
    settings = ctx.services.settings.registration
    lines = []
    for jenjang in settings.jenjang:
        mine = [r for r in rows if r.jenjang == jenjang]
        lines.append(ctx.t("recap.jenjang_line", jenjang=jenjang, total=len(mine), eligible=sum(r.eligible for r in mine)))
    eligible = sum(r.eligible for r in rows)
    lines.append(ctx.t("recap.target_line", eligible=eligible, target=settings.target_per_kecamatan, kecamatan=kecamatan))
    return lines


async def show_recap(ctx: Context, _arg: str) -> None:
    """``/rekap``: the coordinator's own kecamatan — per jenjang, eligible against the target."""
    kecamatan = ctx.contact.kecamatan
    if not kecamatan:
        ctx.say(ctx.t("recap.no_kecamatan"))
        return
    rows = await list_registrations(ctx.session, kecamatan)
    lines = [ctx.t("recap.title", kecamatan=kecamatan, total=len(rows))]
    lines += _recap_lines(ctx, rows, kecamatan)
    if rows:
        lines.append("")
        for r in rows[:40]:
            mark = "✅" if r.eligible else "⚠️"
            lines.append(f"{mark} {r.sekolah} ({r.jenjang}) — {r.nama}")
        if len(rows) > 40:
            lines.append(ctx.t("recap.more", count=len(rows) - 40))
    from handlers.broadcast import unacknowledged_lines

    unread = await unacknowledged_lines(ctx, kecamatan)
    if unread:
        lines += ["", *unread]
    ctx.say("\n".join(lines), [[ctx.button("recap.export", "ekspor")]])


async def show_statistics(ctx: Context, _arg: str) -> None:
    """``/statistik``: every kecamatan, totals, open questions."""
    settings = ctx.services.settings.registration
    rows = await list_registrations(ctx.session)
    per_kec = Counter(r.kecamatan for r in rows)
    eligible_kec = Counter(r.kecamatan for r in rows if r.eligible)
    lines = [ctx.t("stats.title", total=len(rows), eligible=sum(eligible_kec.values()))]
    for kecamatan in settings.kecamatan:
        reached = "✅" if eligible_kec[kecamatan] >= settings.target_per_kecamatan else "…"
        lines.append(
            ctx.t(
                "stats.kecamatan_line",
                mark=reached,
                kecamatan=kecamatan,
                total=per_kec[kecamatan],
                eligible=eligible_kec[kecamatan],
                target=settings.target_per_kecamatan,
            )
        )
    per_jenjang = Counter(r.jenjang for r in rows)
    lines.append("")
    lines.append(ctx.t("stats.jenjang", values=", ".join(f"{j} {per_jenjang[j]}" for j in settings.jenjang)))
    lines.append(ctx.t("stats.questions", count=await count_open_questions(ctx.session)))
    from handlers.broadcast import broadcast_lines

    circulars = await broadcast_lines(ctx)
    if circulars:
        lines += ["", ctx.t("stats.broadcasts"), *circulars]
    ctx.say("\n".join(lines), [[ctx.button("recap.export", "ekspor"), ctx.button("menu.questions", "pertanyaan")]])


# -- exports ---------------------------------------------------------------------------------------------

EXPORT_COLUMNS = (
    "Nama", "NIP", "Tanggal lahir", "Usia", "JK", "NPSN", "Sekolah", "Jenjang", "Kecamatan", "Status jabatan",
    "HP/WhatsApp", "Email", "Memenuhi syarat", "Alasan", "Didaftarkan (WITA)", "Diperbarui (WITA)",
)  # fmt: skip
REASON_TEXT = {"reg.reason.age": "usia melebihi batas", "reg.reason.plt": "belum kepala sekolah definitif"}


def export_rows(settings: Settings, rows: list[Registration], today: date) -> list[list[Any]]:
    """One list per registration, in :data:`EXPORT_COLUMNS` order."""
    tz = settings.bot.timezone
    table = []
    for r in rows:
        reasons = ", ".join(REASON_TEXT.get(k, k) for k in json.loads(r.reasons or "[]"))
        table.append([
            r.nama, r.nip or "", r.birth_date, age_on(r.birth_date, today), r.gender or "", r.npsn, r.sekolah, r.jenjang,
            r.kecamatan, r.status, r.phone, r.email or "", "Ya" if r.eligible else "Tidak", reasons,
            r.submitted_at.astimezone(tz).replace(tzinfo=None), r.updated_at.astimezone(tz).replace(tzinfo=None),
        ])  # fmt: skip
    return table


def to_xlsx(rows: list[list[Any]], title: str) -> bytes:
    """An XLSX workbook with a bold header row, frozen, with filters; NIP/NPSN/HP kept as text."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title[:31]
    sheet.append(list(EXPORT_COLUMNS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    for col in (2, 6, 11):  # long digit strings must not become numbers in Excel
        for (cell,) in sheet.iter_rows(min_row=2, min_col=col, max_col=col):
            cell.number_format = "@"
    for col in (3,):
        for (cell,) in sheet.iter_rows(min_row=2, min_col=col, max_col=col):
            cell.number_format = "DD-MM-YYYY"
    for col in (15, 16):
        for (cell,) in sheet.iter_rows(min_row=2, min_col=col, max_col=col):
            cell.number_format = "DD-MM-YYYY HH:MM"
    widths = (28, 20, 12, 6, 4, 10, 30, 8, 14, 14, 16, 26, 10, 30, 17, 17)
    for i, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def to_csv(rows: list[list[Any]]) -> bytes:
    """CSV (UTF-8 with BOM so spreadsheet programs read the accents)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(EXPORT_COLUMNS)
    for row in rows:
        writer.writerow([v.strftime("%Y-%m-%d %H:%M") if hasattr(v, "hour") else v for v in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


async def export_registrations(ctx: Context, _arg: str) -> None:
    """``/ekspor``: registrations as XLSX; a coordinator's limited to their kecamatan."""
    kecamatan = None
    if ctx.role == Role.COORDINATOR:
        kecamatan = ctx.contact.kecamatan
        if not kecamatan:
            ctx.say(ctx.t("recap.no_kecamatan"))
            return
    rows = await list_registrations(ctx.session, kecamatan)
    today = _today(ctx)
    name = f"pendaftaran-psp-{(kecamatan or 'buleleng').lower()}-{today.isoformat()}.xlsx"
    content = to_xlsx(export_rows(ctx.services.settings, rows, today), kecamatan or "Buleleng")
    mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    ctx.say(ctx.t("export.caption", count=len(rows), scope=kecamatan or ctx.t("export.all")), document=Document(name, content, mime))
