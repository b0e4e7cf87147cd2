"""Registrations as a spreadsheet: ``/ekspor`` (XLSX) and ``psp-bot export`` (XLSX or CSV)."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from typing import Any

from bot.config import Settings
from bot.enums import Role
from bot.messages import Document
from handlers.context import Context
from handlers.validators import age_on
from models.registrations import list_registrations
from models.tables import Registration

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
            r.nama, r.nip or "", r.birth_date, age_on(r.birth_date, today) if r.birth_date else "", r.gender or "", r.npsn, r.sekolah, r.jenjang,
            r.kecamatan, r.status, r.phone, r.email or "", "Ya" if r.eligible else "Tidak", reasons,
            r.submitted_at.astimezone(tz).replace(tzinfo=None), r.updated_at.astimezone(tz).replace(tzinfo=None),
        ])  # fmt: skip
    return table


def to_xlsx(rows: list[list[Any]], title: str) -> bytes:
    """An XLSX workbook with a bold header row, frozen, with filters; NIP/NPSN/HP kept as text."""
    # Imported here: openpyxl holds ~5 MB for the process's life, and exports are rare (idle RSS goal).
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title[:31]
    sheet.append(list(EXPORT_COLUMNS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            if cell.data_type == "f":  # openpyxl takes any text starting with "=" for a formula
                cell.data_type = "s"
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


# Columns of digit strings (NIP, NPSN, HP) that a spreadsheet would turn into rounded numbers.
TEXT_COLUMNS = frozenset({1, 5, 10})
# A cell beginning with one of these is read as a formula by Excel, LibreOffice and Google Sheets.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any, as_text: bool = False) -> Any:
    """One CSV cell, safe to open in a spreadsheet.

    A text that would start a formula (a school typed as ``-2+3+SUM(A1:A9)``) gets a leading
    apostrophe, as OWASP advises against CSV injection; so do the digit columns (``as_text``), so
    an 18-digit NIP is not rounded to a number. The apostrophe is visible in the file: a program
    reading the CSV strips one leading ``'``. (``="…"`` would itself be a formula.)
    """
    if hasattr(value, "hour"):
        return value.strftime("%Y-%m-%d %H:%M")
    if not isinstance(value, str):
        return value
    if value and (as_text or value.startswith(FORMULA_STARTS)):
        return "'" + value
    return value


def to_csv(rows: list[list[Any]]) -> bytes:
    """CSV (UTF-8 with BOM so spreadsheet programs read the accents), with no live formula."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(EXPORT_COLUMNS)
    for row in rows:
        writer.writerow([csv_cell(v, i in TEXT_COLUMNS) for i, v in enumerate(row)])
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
    today = ctx.today
    name = f"pendaftaran-psp-{(kecamatan or 'buleleng').lower()}-{today.isoformat()}.xlsx"
    content = to_xlsx(export_rows(ctx.services.settings, rows, today), kecamatan or "Buleleng")
    mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    ctx.say(ctx.t("export.caption", count=len(rows), scope=kecamatan or ctx.t("export.all")), document=Document(name, content, mime))
