"""Messages to other people than the one who wrote: always through the outbox."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from handlers.context import Context
from models.outbox import create_message, enqueue
from models.tables import Contact


async def notify(ctx: Context, recipients: Sequence[Contact], key: str, **values: Any) -> int:
    """Queue the text ``key`` (Indonesian, and English for English contacts) for ``recipients``.

    The rows are committed with the rest of the update and sent by the outbox sender, under the
    rate limits and with retries; the sender is woken once the transaction has stuck.
    """
    reachable = [c for c in recipients if c.reachable]
    if not reachable:
        return 0
    i18n = ctx.services.i18n
    now = ctx.now
    message = await create_message(ctx.session, "notice", i18n.t("id", key, **values), created_by=ctx.contact.id, now=now)
    message.text_en = i18n.t("en", key, **values)
    count = await enqueue(ctx.session, message, reachable, now)

    async def wake() -> None:
        ctx.services.wake_outbox()

    ctx.after_commit.append(wake)
    return count
