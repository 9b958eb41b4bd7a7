"""What every repository may assume of a database, whichever backend runs it.

Two backends run the same repositories: SQLite (storage/db.py, the embedded default) and
PostgreSQL (storage/postgres/, for several processes on one server). The repositories speak
one SQL, written to run on both: `?` placeholders (PostgreSQL's adapter numbers them), `ON
CONFLICT` rather than `INSERT OR IGNORE`, `RETURNING id` rather than `lastrowid`, no function
only one of them knows. Where the two must differ (row locks that SQLite does not have), the
repository asks `Db.dialect`.

A write job gets a `Conn` (inside the group's transaction); reads go through `Db.fetchall`.
Rows are read by column name or position (`sqlite3.Row` and `asyncpg.Record` both allow it).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable, Generator, Iterable, Iterator, Sequence
from typing import Any, Literal, Protocol, TypeVar

T = TypeVar("T")
Dialect = Literal["sqlite", "postgres"]
OnChange = Callable[[], Awaitable[None]]


class Row(Protocol):
    """Read by column name or position, or unpacked in column order."""

    def __getitem__(self, key: int | str, /) -> Any: ...

    def __iter__(self) -> Iterator[Any]: ...

    def keys(self) -> Iterable[str]: ...


class Cursor(Protocol):
    """What a statement left behind: its rows and how many rows it changed."""

    @property
    def rowcount(self) -> int: ...

    async def fetchone(self) -> Row | None: ...

    async def fetchall(self) -> Iterable[Row]: ...


class CursorResult(Protocol):
    """What `Conn.execute` gives: awaited, or entered with `async with`, it is the cursor."""

    def __await__(self) -> Generator[Any, None, Cursor]: ...

    async def __aenter__(self) -> Cursor: ...

    async def __aexit__(self, exc_type: Any, exc: Any, tb: Any) -> None: ...


class Conn(Protocol):
    """The connection a write job runs on, inside the group's transaction. Parameters are a
    sequence for `?` placeholders or a mapping for `:name` ones."""

    def execute(self, sql: str, parameters: Iterable[Any] | None = None) -> CursorResult: ...

    def execute_fetchall(
        self, sql: str, parameters: Iterable[Any] | None = None
    ) -> Awaitable[Iterable[Row]]: ...

    def executemany(self, sql: str, parameters: Iterable[Iterable[Any]]) -> Awaitable[Cursor]: ...


WriteJob = Callable[[Conn], Awaitable[T]]


def skip_locked(dialect: Dialect) -> str:
    """What ends a SELECT of rows a job is about to take (due reminders, ended campaigns,
    due notifications) so that two processes never take the same row.

    SQLite has one writer at a time: a job's read and its writes are one transaction under
    the write lock, so nothing is needed. PostgreSQL runs several writers' transactions at
    once: the rows read are locked (FOR UPDATE), and another process's job skips the ones
    locked (SKIP LOCKED) instead of waiting and then taking them again. A row taken and
    committed before it looks is no longer selected: FOR UPDATE reads its latest version."""
    return " FOR UPDATE SKIP LOCKED" if dialect == "postgres" else ""


def row_lock(dialect: Dialect) -> str:
    """What ends a SELECT of a row a job reads and then decides on (a count checked before
    queuing): on PostgreSQL the row is locked, so the same job in another process waits
    until this one committed and then reads what it did. `NO KEY UPDATE` leaves the row's
    key free: rows referencing it (sign-ups) are still inserted meanwhile. SQLite: nothing
    (one writer at a time)."""
    return " FOR NO KEY UPDATE" if dialect == "postgres" else ""


async def returned_id(cursor: Cursor) -> int:
    """The id an `INSERT .. RETURNING id` gave (both backends; lastrowid is SQLite's own)."""
    row = await cursor.fetchone()
    if row is None:
        raise LookupError("the INSERT returned no id")
    return int(row[0])


class Db(Protocol):
    """A database: group-committed writes, reads, and news of other processes' changes."""

    @property
    def dialect(self) -> Dialect: ...

    @property
    def commits(self) -> int: ...

    @property
    def write_fault(self) -> str:
        """ "" while writes commit; else why the latest group failed for want of the
        database ("disk full", "database unavailable"), until a group commits again."""
        ...

    async def write(self, job: WriteJob[T]) -> T:
        """Run `job` in a transaction; return once it committed (group commit)."""
        ...

    async def write_statement(
        self,
        sql: str,
        params: Iterable[Any] = (),
        *,
        otherwise: tuple[str, Iterable[Any]] | None = None,
    ) -> list[Row]:
        """One statement as a write (the cheap path); `otherwise` runs when it changed
        nothing and returned nothing, and its rows are returned instead."""
        ...

    async def fetchall(self, sql: str, params: Iterable[Any] = ()) -> list[Row]: ...

    async def fetchone(self, sql: str, params: Iterable[Any] = ()) -> Row | None: ...

    @property
    def elsewhere_generation(self) -> int:
        """Goes up each time a change by another process is noticed."""
        ...

    def on_change_elsewhere(self, callback: OnChange, tables: frozenset[str] | None = None) -> None:
        """Await `callback` after another process's change; with `tables`, only after a
        change to one of them where the backend can tell (PostgreSQL; SQLite cannot)."""
        ...

    async def poll_changes(self) -> bool: ...

    async def checkpoint_truncate(self) -> bool:
        """Make erased rows unrecoverable from the database's own files, where it can."""
        ...

    async def purge_erased(self, tables: Sequence[str]) -> list[str]:
        """After an erasure committed: clear the erased rows' old copies from the files of
        `tables` (and the log) where the backend keeps them; returns what it could not
        clear now (table names, or "write-ahead log"), [] when nothing remains."""
        ...

    async def close(self) -> None: ...


def stamp(when: dt.datetime) -> str:
    """One timestamp format everywhere, so that text comparison is time comparison."""
    return when.astimezone(dt.UTC).isoformat(timespec="seconds")
