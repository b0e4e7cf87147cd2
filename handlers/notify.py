"""Messages to other people than the one who wrote: queued in the outbox, and how they read when sent."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from bot.enums import MessageKind
from bot.i18n import I18n
from bot.messages import Button, Document, Packed, Reply
from bot.services import Services
from handlers.broadcast import ACK_BUTTON
from handlers.context import Context
from models.outbox import Progress, create_message, enqueue, enqueue_once
from models.tables import Contact, OutboxMessage


async def queue_notice(
    services: Services,
    session: AsyncSession,
    recipients: Sequence[Contact],
    created_by: str | None,
    key: str,
    *,
    buttons: Sequence[Sequence[tuple[str, Packed]]] = (),
    document: Document | None = None,
    **values: Any,
) -> int:
    """Queue the text ``key`` (Indonesian, and English for English contacts) for the reachable ``recipients``.

    ``buttons`` are rows of (label locale key, payload), ``document`` a file sent with the text.
    The rows go out with the caller's transaction; the caller wakes the sender once it has committed.
    """
    return await _queue(services, session, recipients, created_by, key, values, None, buttons, document) or 0


async def _queue(
    services: Services,
    session: AsyncSession,
    recipients: Sequence[Contact],
    created_by: str | None,
    key: str,
    values: dict[str, Any],
    once: str | None,
    buttons: Sequence[Sequence[tuple[str, Packed]]] = (),
    document: Document | None = None,
) -> int | None:
    """:func:`queue_notice`; with ``once`` only the first time for that key (``None``: it was done already)."""
    reachable = [c for c in recipients if c.reachable]
    if not reachable:
        return 0
    i18n = services.i18n
    now = services.clock.now()
    if once is None:
        message = await create_message(session, MessageKind.NOTICE, i18n.t("id", key, **values), created_by=created_by, now=now)
    else:
        message = OutboxMessage(kind=MessageKind.NOTICE, text=i18n.t("id", key, **values), created_by=created_by, created_at=now, send_at=now)
    message.text_en = i18n.t("en", key, **values)
    if buttons:
        message.buttons = json.dumps([[list(b) for b in row] for row in buttons])
    if document is not None:
        message.document_name, message.document_mime, message.document = document.filename[:200], document.mime_type[:100], document.content
    if once is None:
        return await enqueue(session, message, reachable, now)
    return await enqueue_once(session, once, message, reachable, now)


def _wake_after_commit(ctx: Context) -> None:
    async def wake() -> None:
        ctx.services.wake_outbox()

    ctx.after_commit.append(wake)


async def notify(
    ctx: Context,
    recipients: Sequence[Contact],
    key: str,
    *,
    buttons: Sequence[Sequence[tuple[str, Packed]]] = (),
    document: Document | None = None,
    **values: Any,
) -> int:
    """:func:`queue_notice` from a chat update; the sender is woken once the update's transaction has stuck."""
    count = await queue_notice(ctx.services, ctx.session, recipients, ctx.contact.id, key, buttons=buttons, document=document, **values)
    if count:
        _wake_after_commit(ctx)
    return count


async def notify_once(ctx: Context, once: str, recipients: Sequence[Contact], key: str, **values: Any) -> int | None:
    """Like :func:`notify`, but only the first time for the key ``once``; ``None`` when it was done already."""
    count = await _queue(ctx.services, ctx.session, recipients, ctx.contact.id, key, values, once)
    if count:
        _wake_after_commit(ctx)
    return count


async def notify_anonymously(ctx: Context, recipients: Sequence[Contact], key: str, **values: Any) -> int:
    """Like :func:`notify`, without recording who caused it (the person just had their data erased)."""
    count = await queue_notice(ctx.services, ctx.session, recipients, None, key, **values)
    if count:
        _wake_after_commit(ctx)
    return count


def render_outbox(i18n: I18n, message: OutboxMessage, lang: str) -> Reply:
    """The reply a recipient sees: header, text, document, the acknowledge button."""
    text = message.text_en if lang == "en" and message.text_en else message.text
    if message.kind == MessageKind.BROADCAST:
        text = i18n.t(lang, "broadcast.header") + "\n\n" + text
    buttons: tuple[tuple[Button, ...], ...] = ()
    if message.ack_button:
        buttons = ((Button(i18n.t(lang, "broadcast.ack_button"), ACK_BUTTON.pack(message.id)),),)
    elif message.buttons:
        buttons = tuple(tuple(Button(i18n.t(lang, key), payload) for key, payload in row) for row in json.loads(message.buttons))
    document = None
    if message.document is not None:
        document = Document(message.document_name or "dokumen", message.document, message.document_mime or "application/octet-stream")
    return Reply(text, buttons, document)


def _progress_values(message: OutboxMessage, progress: Progress) -> dict[str, Any]:
    return {"id": message.id, "sent": progress.sent, "failed": progress.failed, "left": progress.left, "total": progress.total}


def progress_text(i18n: I18n, lang: str, message: OutboxMessage, progress: Progress) -> str:
    """How far a circular has gone, for the admin who sent it (edited in place while it runs)."""
    return i18n.t(lang, "broadcast.progress", **_progress_values(message, progress))


def report_text(i18n: I18n, lang: str, message: OutboxMessage, progress: Progress) -> str:
    """The final report of a circular, for the admin who sent it."""
    return i18n.t(lang, "broadcast.report", blocked=progress.blocked, **_progress_values(message, progress))
