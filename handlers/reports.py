"""What coordinators and admins see of the registrations: ``/rekap`` and ``/statistik``."""

from __future__ import annotations

from collections import Counter

from bot.dates import format_moment
from bot.enums import MessageStatus
from bot.messages import shorten
from handlers import commands
from handlers.context import Context
from handlers.eligibility import evaluate
from models.helpdesk import count_open_tickets
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


def _recap_row(ctx: Context, r: Registration) -> str:
    """One registrant: school, name and phone (to follow up); a ⚠️ row says why, as evaluated today."""
    if r.eligible or r.birth_date is None:  # an erased registration is never listed; no date, no verdict
        return f"{'✅' if r.eligible else '⚠️'} {r.sekolah} ({r.jenjang}) — {r.nama}, {r.phone}"
    verdict = evaluate(ctx.services.settings, r.birth_date, r.status, ctx.today)
    why = "; ".join(ctx.t(key.replace("reg.reason.", "recap.reason."), **values) for key, values in verdict.reasons)
    return f"⚠️ {r.sekolah} ({r.jenjang}) — {r.nama}, {r.phone}" + (f"\n    {why}" if why else "")


async def show_recap(ctx: Context, arg: str) -> None:
    """``/rekap``: the coordinator's own kecamatan — per jenjang, eligible against the target."""
    kecamatan = ctx.contact.kecamatan
    if not kecamatan:
        ctx.say(ctx.t("recap.no_kecamatan"))
        return
    counted = await list_registrations(ctx.session, kecamatan, erased=True)
    lines = []
    if arg and arg.strip().lower() != kecamatan.lower():
        # A coordinator sees only their own kecamatan: say so instead of silently ignoring the name.
        lines += [ctx.t("recap.own_only", asked=shorten(arg.strip(), 30), kecamatan=kecamatan), ""]
    lines.append(ctx.t("recap.title", kecamatan=kecamatan, total=len(counted)))
    lines += _recap_lines(ctx, counted, kecamatan)
    rows = [r for r in counted if r.erased_at is None]  # erased ones count but name nobody
    if rows:
        lines.append("")
        for r in rows[:40]:
            lines.append(_recap_row(ctx, r))
        if len(rows) > 40:
            lines.append(ctx.t("recap.more", count=len(rows) - 40))
    unread = await unacknowledged_lines(ctx, kecamatan)
    if unread:
        lines += ["", *unread]
    ctx.say("\n".join(lines), [[ctx.button("recap.export", commands.EXPORT.pack())]])


async def show_statistics(ctx: Context, _arg: str) -> None:
    """``/statistik``: every kecamatan, totals, open questions."""
    settings = ctx.services.settings.registration
    rows = await list_registrations(ctx.session, erased=True)
    per_kec = Counter(r.kecamatan for r in rows)
    eligible_kec = Counter(r.kecamatan for r in rows if r.eligible)
    lines = [ctx.t("stats.title", total=len(rows), eligible=sum(eligible_kec.values()))]
    for kecamatan in settings.kecamatan:
        reached = "✅" if eligible_kec[kecamatan] >= settings.target_per_kecamatan else "▫️"
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
    lines.append(ctx.t("stats.questions", count=await count_open_questions(ctx.session), conversations=await count_open_tickets(ctx.session)))
    circulars = await broadcast_lines(ctx)
    if circulars:
        lines += ["", ctx.t("stats.broadcasts"), *circulars]
    ctx.say("\n".join(lines), [[ctx.button("recap.export", commands.EXPORT.pack()), ctx.button("menu.questions", commands.QUESTIONS.pack())]])


async def broadcast_lines(ctx: Context) -> list[str]:
    """Recent circulars with delivery and acknowledgement rates (for ``/statistik``)."""
    lines = []
    tz = ctx.services.settings.bot.timezone
    for message in await recent_broadcasts(ctx.session):
        assert message.id is not None
        p = await progress_of(ctx.session, message.id)
        rate = f"{100 * p.acknowledged / p.sent:.0f}%" if p.sent else "–"
        when, text = message.send_at.astimezone(tz).strftime("%d/%m %H:%M"), shorten(message.text, 40)
        if message.status == MessageStatus.CANCELLED:
            lines.append(ctx.t("broadcast.stat_cancelled", id=message.id, when=when, text=text))
        elif p.sent + p.failed == 0 and message.send_at > ctx.now:
            lines.append(ctx.t("broadcast.stat_scheduled", id=message.id, when=format_moment(message.send_at, tz), text=text, total=p.total))
        else:
            lines.append(ctx.t("broadcast.stat_line", id=message.id, when=when, text=text,
                               sent=p.sent, total=p.total, failed=p.failed, acked=p.acknowledged, rate=rate))  # fmt: skip
    return lines


async def unacknowledged_lines(ctx: Context, kecamatan: str) -> list[str]:
    """For a coordinator: who in the kecamatan has not acknowledged the latest circular."""
    # The latest circular that has gone out (not one still scheduled or called off).
    latest = [m for m in await recent_broadcasts(ctx.session) if m.status != MessageStatus.CANCELLED and m.send_at <= ctx.now][:1]
    if not latest or latest[0].id is None:
        return []
    rows = await unread_in(ctx.session, latest[0].id, kecamatan)
    if not rows:
        return [ctx.t("broadcast.unread_none", id=latest[0].id)]
    lines = [ctx.t("broadcast.unread_title", id=latest[0].id, count=len(rows))]
    for contact_id, name, school, principal in rows[:30]:
        # A school with its principal; someone unregistered by the name they go by (or their id), once.
        lines.append(f"• {school} ({principal})" if school else f"• {name or contact_id}")
    return lines
