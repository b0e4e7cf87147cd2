"""What the PostgreSQL server did for one benchmark database: figures that other work on the machine does not move.

- CPU seconds of the server processes serving that database (its backends, from ``/proc``; the
  server's shared background processes — WAL writer, checkpointer — are not counted);
- transactions committed and rows inserted / updated (of them HOT: no index touched) / deleted,
  from the server's statistics of that database (``pg_stat_database``, ``pg_stat_user_tables``);
- WAL bytes written by the whole server (other databases on it count too: quiet machine only).

Backends report their statistics about a second after they go idle, so :meth:`PgProbe.snapshot`
waits that long first.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

import psycopg
from sqlalchemy.engine import make_url

_TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux /proc); 0 when it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / _TICK


@dataclass(frozen=True)
class Snapshot:
    cpu: dict[int, float]  # backend pid → CPU seconds
    commits: int
    inserted: int
    updated: int
    hot: int  # of ``updated``: heap-only (no index entry written)
    deleted: int
    wal: int  # bytes, whole server


@dataclass(frozen=True)
class Work:
    """The difference of two snapshots, per unit of work (an answer)."""

    cpu_ms: float
    commits: float
    inserted: float
    updated: float
    hot: float
    deleted: float
    wal_bytes: float

    def __str__(self) -> str:
        return (
            f"server CPU {self.cpu_ms:.3f} ms, {self.commits:.2f} commits, rows: {self.inserted:.2f} inserted, "
            f"{self.updated:.2f} updated ({self.hot:.2f} HOT), {self.deleted:.2f} deleted; WAL {self.wal_bytes:.0f} B (whole server)"
        )


class PgProbe:
    """Snapshots of the server's work for the database of ``url`` (a SQLAlchemy or libpq URL)."""

    def __init__(self, url: str) -> None:
        parsed = make_url(url)
        self.database = parsed.database or ""
        self.conn = psycopg.connect(
            host=parsed.host or "127.0.0.1", port=parsed.port or 5432, user=parsed.username, password=parsed.password, dbname=self.database, autocommit=True
        )

    def close(self) -> None:
        self.conn.close()

    def snapshot(self, settle: float = 1.5) -> Snapshot:
        time.sleep(settle)  # let the backends report their statistics
        with self.conn.cursor() as cur:
            cur.execute("SELECT pg_stat_clear_snapshot()")
            cur.execute("SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()", (self.database,))
            pids = [pid for (pid,) in cur.fetchall()]
            cur.execute("SELECT xact_commit, tup_inserted, tup_updated, tup_deleted FROM pg_stat_database WHERE datname = %s", (self.database,))
            commits, inserted, updated, deleted = cur.fetchone() or (0, 0, 0, 0)
            cur.execute("SELECT coalesce(sum(n_tup_hot_upd), 0) FROM pg_stat_user_tables")
            (hot,) = cur.fetchone() or (0,)
            cur.execute("SELECT pg_current_wal_lsn() - '0/0'::pg_lsn")
            (wal,) = cur.fetchone() or (0,)
        return Snapshot({pid: cpu_seconds(pid) for pid in pids}, int(commits), int(inserted), int(updated), int(hot), int(deleted), int(wal))

    @staticmethod
    def work(before: Snapshot, after: Snapshot, units: int) -> Work:
        """Per unit between two snapshots (a backend that started in between counts from zero)."""
        cpu = sum(seconds - before.cpu.get(pid, 0.0) for pid, seconds in after.cpu.items())
        n = max(units, 1)
        return Work(
            cpu * 1000 / n,
            (after.commits - before.commits) / n,
            (after.inserted - before.inserted) / n,
            (after.updated - before.updated) / n,
            (after.hot - before.hot) / n,
            (after.deleted - before.deleted) / n,
            (after.wal - before.wal) / n,
        )
