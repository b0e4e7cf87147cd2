"""What coordinators and admins see of the registrations: ``/rekap`` and ``/statistik``."""

from __future__ import annotations

from collections import Counter

from handlers.context import Context
from models.outbox import progress_of, recent_broadcasts, unread_in
from models.questions import count_open_questions
from models.registrations import list_registrations
from models.tables import Registration


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
    counted = await list_registrations(ctx.session, kecamatan, erased=True)
    lines = [ctx.t("recap.title", kecamatan=kecamatan, total=len(counted))]
    lines += _recap_lines(ctx, counted, kecamatan)
    rows = [r for r in counted if r.erased_at is None]  # erased ones count but name nobody
    if rows:
        lines.append("")
        for r in rows[:40]:
            mark = "✅" if r.eligible else "⚠️"
            lines.append(f"{mark} {r.sekolah} ({r.jenjang}) — {r.nama}")
        if len(rows) > 40:
            lines.append(ctx.t("recap.more", count=len(rows) - 40))
    unread = await unacknowledged_lines(ctx, kecamatan)
    if unread:
        lines += ["", *unread]
    ctx.say("\n".join(lines), [[ctx.button("recap.export", "ekspor")]])


async def show_statistics(ctx: Context, _arg: str) -> None:
    """``/statistik``: every kecamatan, totals, open questions."""
    settings = ctx.services.settings.registration
    rows = await list_registrations(ctx.session, erased=True)
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
    circulars = await broadcast_lines(ctx)
    if circulars:
        lines += ["", ctx.t("stats.broadcasts"), *circulars]
    ctx.say("\n".join(lines), [[ctx.button("recap.export", "ekspor"), ctx.button("menu.questions", "pertanyaan")]])


async def broadcast_lines(ctx: Context) -> list[str]:
    """Recent circulars with delivery and acknowledgement rates (for ``/statistik``)."""
    lines = []
    tz = ctx.services.settings.bot.timezone
    for message in await recent_broadcasts(ctx.session):
        assert message.id is not None
        p = await progress_of(ctx.session, message.id)
        rate = f"{100 * p.acknowledged / p.sent:.0f}%" if p.sent else "–"
        lines.append(ctx.t("broadcast.stat_line", id=message.id, when=message.send_at.astimezone(tz).strftime("%d/%m %H:%M"), text=message.text[:40],
                           sent=p.sent, total=p.total, failed=p.failed, acked=p.acknowledged, rate=rate))  # fmt: skip
    return lines


async def unacknowledged_lines(ctx: Context, kecamatan: str) -> list[str]:
    """For a coordinator: who in the kecamatan has not acknowledged the latest circular."""
    latest = await recent_broadcasts(ctx.session, 1)
    if not latest or latest[0].id is None:
        return []
    rows = await unread_in(ctx.session, latest[0].id, kecamatan)
    lines = [ctx.t("broadcast.unread_title", id=latest[0].id, count=len(rows))]
    for contact_id, name, school, principal in rows[:30]:
        lines.append(f"• {school or name or contact_id} ({principal or name})")
    return lines
