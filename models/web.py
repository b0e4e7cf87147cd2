"""Login links and sessions of the staff web pages: only hashes of the tokens are stored."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from sqlalchemy import delete, update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.tables import Contact, WebLogin, WebSession

LOGIN_LINK_LIFETIME = timedelta(minutes=10)


def token_hash(token: str) -> str:
    """What the database keeps of a token: a leaked table opens no session."""
    return hashlib.sha256(token.encode()).hexdigest()


async def create_login(session: AsyncSession, contact_id: str, now: datetime) -> str:
    """A new one-time login token for ``contact_id``, valid for :data:`LOGIN_LINK_LIFETIME`."""
    token = secrets.token_urlsafe(32)
    session.add(WebLogin(token_hash=token_hash(token), contact_id=contact_id, created_at=now, expires_at=now + LOGIN_LINK_LIFETIME))
    await session.flush()
    return token


async def login_usable(session: AsyncSession, token: str, now: datetime) -> bool:
    """Whether the link still works (shown before the person confirms; does not use it up)."""
    login = await session.get(WebLogin, token_hash(token[:100]))
    return login is not None and login.used_at is None and login.expires_at > now


async def redeem_login(session: AsyncSession, token: str, now: datetime, lifetime: timedelta) -> tuple[str, str] | None:
    """Use the link up and open a session: ``(session token, contact id)``, or None when used or expired.

    The single conditional UPDATE makes two simultaneous uses of one link open one session.
    """
    digest = token_hash(token[:100])
    result = await session.exec(  # type: ignore[call-overload]
        update(WebLogin).where(col(WebLogin.token_hash) == digest, col(WebLogin.used_at).is_(None), col(WebLogin.expires_at) > now).values(used_at=now)
    )
    if not result.rowcount:
        return None
    login = await session.get(WebLogin, digest)
    assert login is not None
    secret = secrets.token_urlsafe(32)
    session.add(WebSession(token_hash=token_hash(secret), contact_id=login.contact_id, created_at=now, expires_at=now + lifetime))
    await session.exec(delete(WebLogin).where(col(WebLogin.expires_at) < now - timedelta(days=1)))  # type: ignore[call-overload]
    await session.exec(delete(WebSession).where(col(WebSession.expires_at) < now))  # type: ignore[call-overload]
    await session.flush()
    return secret, login.contact_id


async def session_contact(session: AsyncSession, secret: str, now: datetime) -> Contact | None:
    """The contact behind a session cookie that has not expired, with the role it has now."""
    if not secret or len(secret) > 100:
        return None
    result = await session.exec(
        select(Contact)
        .join(WebSession, col(WebSession.contact_id) == col(Contact.id))
        .where(WebSession.token_hash == token_hash(secret), col(WebSession.expires_at) > now)
    )
    return result.first()


async def end_session(session: AsyncSession, secret: str) -> None:
    """Log out: the cookie's session is gone from the database."""
    await session.exec(delete(WebSession).where(col(WebSession.token_hash) == token_hash(secret[:100])))  # type: ignore[call-overload]
