"""Database engine, sessions and schema migrations (SQLite by default, PostgreSQL by URL)."""

from __future__ import annotations

import asyncio
import logging
import re
import sqlite3
import types
from collections.abc import AsyncIterator, Generator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import aiosqlite
from sqlalchemy import ARRAY, ColumnElement, bindparam, create_engine, event, text
from sqlalchemy.dialects import registry
from sqlalchemy.dialects.sqlite.aiosqlite import AsyncAdapt_aiosqlite_dbapi, SQLiteDialect_aiosqlite
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine
from sqlalchemy.orm import Session
from sqlmodel import SQLModel
from sqlmodel.ext.asyncio.session import AsyncSession

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
log = logging.getLogger(__name__)


def one_of(column: Any, name: str, postgres: bool) -> ColumnElement[bool]:
    """``column`` is one of the list given as parameter ``name``.

    On PostgreSQL one array parameter (``= ANY(%(name)s)``): the statement's text is the same for
    every list, so it is compiled once and the server prepares it once. An expanding ``IN`` (the
    only form SQLite has) is rendered again for every execution, one placeholder per item.
    """
    if postgres:
        return column == bindparam(name, type_=ARRAY(column.type)).any_()  # type: ignore[no-any-return]
    return column.in_(bindparam(name, expanding=True))  # type: ignore[no-any-return]


def is_postgres(session: Any) -> bool:
    """Whether a session talks to PostgreSQL."""
    return session.bind.dialect.name == "postgresql"  # type: ignore[no-any-return]


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
    """The asyncio SQLAlchemy URL (SQLite in the event loop's thread, or psycopg 3)."""
    parsed = _parse(url)
    if parsed.get_backend_name() == "sqlite":
        parsed = parsed.set(drivername="sqlite+inline")
    return parsed.render_as_string(hide_password=False)


class _InlineQueue:
    """Stands in for aiosqlite's queue to its worker thread: runs each call at once, here."""

    def put_nowait(self, item: tuple[asyncio.Future[Any] | None, Any]) -> None:
        future, function = item
        try:
            result = function()
        except BaseException as exc:  # noqa: BLE001 — handed to the awaiting caller, as aiosqlite does
            if future is not None and not future.done():
                future.set_exception(exc)
            return
        if future is not None and not future.done():
            future.set_result(result)


class _InlineConnection(aiosqlite.Connection):
    """aiosqlite without its thread.

    A statement on a local SQLite file takes microseconds; the hop to aiosqlite's thread and
    back costs far more (several per statement), and on a busy 2-core machine it was most of
    the time an answer took (BENCHMARKS.md). Sessions take turns (see :class:`Database`), so a
    call only blocks while another process (a CLI export, APScheduler's store) writes.
    """

    def __init__(self, connector: Any, iter_chunk_size: int) -> None:
        super().__init__(connector, iter_chunk_size)
        self._tx = _InlineQueue()  # type: ignore[assignment]

    def __await__(self) -> Generator[Any, None, aiosqlite.Connection]:
        return self._connect().__await__()  # no worker thread to start


def _inline_connect(database: str | Path, *, iter_chunk_size: int = 64, **kwargs: Any) -> _InlineConnection:
    return _InlineConnection(lambda: sqlite3.connect(str(database), **kwargs), iter_chunk_size)


class InlineSQLiteDialect(SQLiteDialect_aiosqlite):
    """``sqlite+inline://``: SQLAlchemy's aiosqlite dialect on :class:`_InlineConnection`."""

    driver = "inline"
    supports_statement_cache = True

    @classmethod
    def import_dbapi(cls) -> Any:
        """The aiosqlite module with ``connect`` and ``Connection`` swapped."""
        module = types.ModuleType("psp_inline_aiosqlite")
        module.__dict__.update({k: v for k, v in vars(aiosqlite).items() if not k.startswith("__")})
        module.__dict__.update(connect=_inline_connect, Connection=_InlineConnection, __version__=aiosqlite.__version__)
        return AsyncAdapt_aiosqlite_dbapi(module, sqlite3)


registry.register("sqlite.inline", __name__, "InlineSQLiteDialect")


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


def _head_revisions() -> set[str]:
    """The revisions no migration builds on, read from the files (no Alembic import)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        revision = re.search(r'^revision\s*=\s*["\']([^"\']+)["\']', text, re.MULTILINE)
        down = re.search(r"^down_revision\s*=\s*(.+)$", text, re.MULTILINE)
        if revision:
            revisions.add(revision.group(1))
        if down:
            parents.update(re.findall(r'["\']([^"\']+)["\']', down.group(1)))
    return revisions - parents


def schema_is_current(url: str) -> bool:
    """Whether the database is already at the newest migration."""
    engine = create_engine(sync_url(url))
    try:
        with engine.connect() as conn:
            stored = {row[0] for row in conn.execute(text("SELECT version_num FROM alembic_version"))}
    except Exception:  # noqa: BLE001 — no table yet (a new database) or an old layout: migrate
        return False
    finally:
        engine.dispose()
    return bool(stored) and stored == _head_revisions()


def upgrade_schema(url: str, revision: str = "head") -> None:
    """Apply the Alembic migrations up to ``revision`` (:class:`DatabaseUnavailable` when it cannot connect)."""
    check_reachable(url)
    # Alembic (with Mako) costs ~10 MB of memory for the process's whole life: only load it
    # when there is something to migrate.
    if revision == "head" and schema_is_current(url):
        return
    from alembic import command
    from alembic.config import Config as AlembicConfig

    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["database_url"] = sync_url(url)
    command.upgrade(cfg, revision)


# -- whether code wrote -------------------------------------------------------------------------


class _Writes:
    """What this process asked to write so far, in any session (the counts only grow)."""

    statements = 0  # INSERT / UPDATE / DELETE statements sent to a database
    changes = 0  # ORM attributes set (on loaded or new objects) and objects added to a session
    watched = False


_DML = frozenset({"INSERT", "UPDATE", "DELETE"})


def _count_statement(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, executemany: bool) -> None:
    if statement[:6].upper() in _DML or (context is not None and (context.isinsert or context.isupdate or context.isdelete)):
        _Writes.statements += 1


def _count_change(*_args: Any) -> None:
    _Writes.changes += 1


def _watch_writes() -> None:
    """Count writes from now on: every statement of every engine, every ORM attribute set and added object."""
    if _Writes.watched:
        return
    _Writes.watched = True
    import models.tables  # noqa: F401 — every table mapped before its attributes are watched

    event.listen(Engine, "before_cursor_execute", _count_statement)
    event.listen(Session, "before_attach", _count_change)
    for mapper in SQLModel._sa_registry.mappers:
        for attribute in mapper.column_attrs:
            event.listen(getattr(mapper.class_, attribute.key), "set", _count_change)


WriteMark = tuple[int, int, int]


def write_mark(session: AsyncSession) -> WriteMark:
    """A reading that differs from an earlier one whenever code wrote in between.

    Written means: an ORM attribute set, an object added to or deleted from ``session``, or an
    INSERT / UPDATE / DELETE sent (an autoflush included). The counts are the whole process's,
    so another task's writes in between count too: a reading may say "wrote" when the code did
    not, never the other way round. Deletions are the session's own (pending until its flush,
    which is a statement).
    """
    return (_Writes.statements, _Writes.changes, len(session.deleted))


class Database:
    """The async engine and its session factory."""

    def __init__(self, url: str, *, echo: bool = False) -> None:
        _watch_writes()
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
        # SQLite has one writer, and a transaction that read first and writes later fails at once
        # ("database is locked") when another connection wrote in between: busy_timeout cannot
        # help. SQLite means one process, so its sessions take turns here instead (FIFO, no
        # polling); a task that already holds the turn may open another session inside it.
        self._turn = asyncio.Lock() if self.sqlite else None
        self._turn_holder: asyncio.Task[Any] | None = None

    @asynccontextmanager
    async def session(self) -> AsyncIterator[AsyncSession]:
        """A session; commit is the caller's, rollback happens on error."""
        if self._turn is None or self._turn_holder is asyncio.current_task():
            async with self._open() as session:
                yield session
            return
        async with self._turn:
            self._turn_holder = asyncio.current_task()
            try:
                async with self._open() as session:
                    yield session
            finally:
                self._turn_holder = None

    @asynccontextmanager
    async def _open(self) -> AsyncIterator[AsyncSession]:
        async with self._sessions() as session:
            try:
                yield session
            except BaseException:
                await session.rollback()
                raise

    async def ping(self) -> bool:
        """Whether the database answers."""
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
