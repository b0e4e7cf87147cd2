"""``/dasbor``: a one-time link into the staff web pages (coordinators and admins)."""

from __future__ import annotations

from handlers.context import Context
from models.web import LOGIN_LINK_LIFETIME, create_login

WEB_PREFIX = "/dasbor"  # the pages live under public_url + this path


def login_url(public_url: str, token: str) -> str:
    """The link the staff member opens; the token is used up only when they press "Masuk"."""
    return f"{public_url}{WEB_PREFIX}/masuk?t={token}"


async def send_login_link(ctx: Context, _arg: str) -> None:
    """Reply with a fresh login link; it works once, for a few minutes."""
    public_url = ctx.services.settings.http.public_url
    if not public_url:
        ctx.say(ctx.t("dasbor.no_url"))
        return
    token = await create_login(ctx.session, ctx.contact.id, ctx.now)
    minutes = int(LOGIN_LINK_LIFETIME.total_seconds() // 60)
    ctx.say(ctx.t("dasbor.link", url=login_url(public_url, token), minutes=minutes))
