"""Database engine, sessions and schema migrations (SQLite by default, PostgreSQL by URL)."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config as AlembicConfig
from sqlalchemy import event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine
from sqlmodel.ext.asyncio.session import AsyncSession

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
log = logging.getLogger(__name__)


def _parse(url: str) -> URL:
    parsed = make_url(url)
    backend = parsed.get_backend_name()
    if backend in ("postgres", "postgresql"):
        return parsed.set(drivername="postgresql+psycopg")
    if backend == "sqlite":
        return parsed.set(drivername="sqlite")
    raise ValueError(f"unsupported database {backend!r}")


def sync_url(url: str) -> str:
    """The synchronous SQLAlchemy URL (Alembic, APScheduler's job store)."""
    return _parse(url).render_as_string(hide_password=False)


def async_url(url: str) -> str:
    """The asyncio SQLAlchemy URL (aiosqlite or psycopg 3)."""
    parsed = _parse(url)
    if parsed.get_backend_name() == "sqlite":
        parsed = parsed.set(drivername="sqlite+aiosqlite")
    return parsed.render_as_string(hide_password=False)


def is_sqlite(url: str) -> bool:
    """Whether ``url`` names an SQLite database."""
    return _parse(url).get_backend_name() == "sqlite"


def _prepare_sqlite_file(url: str) -> None:
    database = _parse(url).database
    if database and database != ":memory:":
        try:
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseUnavailable(url, exc) from None


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets readers run beside the one writer; busy_timeout rides out short write locks.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


class DatabaseUnavailable(Exception):
    """The configured database cannot be opened; the message names the key and the fix."""

    def __init__(self, url: str, reason: BaseException) -> None:
        first_line = (str(getattr(reason, "orig", None) or reason).strip().splitlines() or [type(reason).__name__])[0]
        shown = make_url(url).render_as_string(hide_password=True)
        fix = (
            "use a path in a writable folder, e.g. sqlite:///var/psp-bot.sqlite3"
            if is_sqlite(url)
            else "start the PostgreSQL server or correct host, port, user, password and database name"
        )
        super().__init__(f"database error at 'bot.database_url' ({shown}): {first_line}. Fix: {fix}")


def check_reachable(url: str) -> None:
    """Open one connection to the database (creating an SQLite file's folder); raise :class:`DatabaseUnavailable`."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.exc import DBAPIError

    try:
        if is_sqlite(url):
            _prepare_sqlite_file(url)
        engine = create_engine(sync_url(url), connect_args={"connect_timeout": 10} if not is_sqlite(url) else {})
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
        finally:
            engine.dispose()
    except (DBAPIError, OSError) as exc:
        raise DatabaseUnavailable(url, exc) from None


def upgrade_schema(url: str, revision: str = "head") -> None:
    """Apply the Alembic migrations up to ``revision`` (:class:`DatabaseUnavailable` when it cannot connect)."""
    check_reachable(url)
    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["database_url"] = sync_url(url)
    command.upgrade(cfg, revision)


class Database:
    """The async engine and its session factory."""

    def __init__(self, url: str, *, echo: bool = False) -> None:
        self.url = url
        self.sqlite = is_sqlite(url)
        kwargs: dict[str, Any] = {"echo": echo}
        if self.sqlite:
            _prepare_sqlite_file(url)
        else:
            kwargs.update(pool_size=10, max_overflow=10, pool_pre_ping=True)
        self.engine: AsyncEngine = create_async_engine(async_url(url), **kwargs)
        if self.sqlite:
            event.listen(self.engine.sync_engine, "connect", _sqlite_pragmas)
        self._sessions = async_sessionmaker(self.engine, class_=AsyncSession, expire_on_commit=False)

    @asynccontextmanager
    async def session(self) -> AsyncIterator[AsyncSession]:
        """A session; commit is the caller's, rollback happens on error."""
        async with self._sessions() as session:
            try:
                yield session
            except BaseException:
                await session.rollback()
                raise

    async def ping(self) -> bool:
        """Whether the database answers."""
        from sqlalchemy import text

        try:
            async with self.engine.connect() as conn:
                await conn.execute(text("SELECT 1"))
            return True
        except Exception:  # noqa: BLE001 — health checks report, never raise
            log.exception("database ping failed")
            return False

    async def close(self) -> None:
        """Close every pooled connection."""
        await self.engine.dispose()
