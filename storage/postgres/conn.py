"""The repositories' SQL on an asyncpg connection.

The repositories write one SQL for both backends, with SQLite's placeholders: `?` for a
sequence of parameters, `:name` for a mapping. PostgreSQL numbers them (`$1`); a statement
is translated once and remembered. Everything else in that SQL is already common to both
(see storage/sql.py), so nothing else is rewritten here.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Coroutine, Generator, Iterable, Mapping, Sequence
from typing import Any, NamedTuple

import asyncpg

from storage.sql import Row

# A statement that hands rows back is fetched; any other is executed, and its status
# ("UPDATE 3") says how many rows it changed.
_RETURNS_ROWS = re.compile(r"^\s*(SELECT|WITH|VALUES)\b|\bRETURNING\b", re.IGNORECASE)
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


class Translated(NamedTuple):
    sql: str
    names: tuple[str, ...]  # for `:name` placeholders: the name behind $1, $2, ...
    returns_rows: bool


@functools.lru_cache(maxsize=2048)
def translate(sql: str) -> Translated:
    """`?` and `:name` placeholders as `$n`, outside quotes and comments."""
    out: list[str] = []
    names: list[str] = []
    count = 0
    i, n = 0, len(sql)
    while i < n:
        char = sql[i]
        if char in "'\"":
            end = _closing_quote(sql, i)
            out.append(sql[i:end])
            i = end
        elif sql.startswith("--", i):
            end = sql.find("\n", i)
            i = n if end < 0 else end
        elif char == "?":
            count += 1
            out.append(f"${count}")
            i += 1
        elif char == ":" and _is_named_mark(sql, i):
            match = _NAME.match(sql, i + 1)
            assert match is not None  # _is_named_mark saw the name's first letter
            name = match.group()
            if name not in names:
                names.append(name)
            out.append(f"${names.index(name) + 1}")
            i = match.end()
        else:
            out.append(char)
            i += 1
    if count and names:
        raise ValueError("a statement mixes ? and :name placeholders")
    text = "".join(out)
    return Translated(text, tuple(names), bool(_RETURNS_ROWS.search(text)))


def _closing_quote(sql: str, start: int) -> int:
    """The index just past the quoted text starting at `start` ('' doubles a quote)."""
    quote, i = sql[start], start + 1
    while i < len(sql):
        if sql[i] == quote:
            if sql.startswith(quote * 2, i):
                i += 2
                continue
            return i + 1
        i += 1
    raise ValueError("unterminated quoted text in a statement")


def _is_named_mark(sql: str, i: int) -> bool:
    # `::text` is a cast, not a placeholder; `a:b` inside a word is not one either.
    before = sql[i - 1] if i else " "
    after = sql[i + 1] if i + 1 < len(sql) else ""
    return before != ":" and after != ":" and not before.isalnum() and bool(_NAME.match(after))


def arguments(translated: Translated, parameters: Iterable[Any] | None) -> Sequence[Any]:
    if parameters is None:
        return ()
    if translated.names:
        if not isinstance(parameters, Mapping):
            raise TypeError("a statement with :name placeholders needs a mapping")
        return [parameters[name] for name in translated.names]
    return tuple(parameters)


def status_count(status: str) -> int:
    """Rows changed, from a command status ("INSERT 0 3", "UPDATE 2"); -1 when none."""
    last = status.rsplit(" ", 1)[-1]
    return int(last) if last.isdigit() else -1


def as_rows(records: Sequence[Row]) -> list[Row]:
    """asyncpg's records, typed as the rows every repository reads."""
    return list(records)


class PgCursor:
    """A statement's rows (all fetched) and its count, as a repository reads a cursor."""

    def __init__(self, rows: list[Row], rowcount: int) -> None:
        self._rows = rows
        self._next = 0
        self.rowcount = rowcount

    async def fetchone(self) -> Row | None:
        if self._next >= len(self._rows):
            return None
        self._next += 1
        return self._rows[self._next - 1]

    async def fetchall(self) -> list[Row]:
        rest = self._rows[self._next :]
        self._next = len(self._rows)
        return rest


class _Result:
    """Awaited or entered with `async with`, like aiosqlite's execute."""

    def __init__(self, running: Coroutine[Any, Any, PgCursor]) -> None:
        self._running = running

    def __await__(self) -> Generator[Any, None, PgCursor]:
        return self._running.__await__()

    async def __aenter__(self) -> PgCursor:
        return await self._running

    async def __aexit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        return None


class PgConn:
    """The `storage.sql.Conn` a write job gets on PostgreSQL."""

    def __init__(self, conn: asyncpg.Connection) -> None:
        self._conn = conn

    def execute(self, sql: str, parameters: Iterable[Any] | None = None) -> _Result:
        return _Result(self._run(sql, parameters))

    async def execute_fetchall(
        self, sql: str, parameters: Iterable[Any] | None = None
    ) -> list[Row]:
        translated = translate(sql)
        rows = as_rows(await self._conn.fetch(translated.sql, *arguments(translated, parameters)))
        return rows

    async def executemany(self, sql: str, parameters: Iterable[Iterable[Any]]) -> PgCursor:
        """Runs every set of parameters; the count is unknown (-1), as asyncpg does not
        report it: a repository that needs it inserts many rows in one statement."""
        translated = translate(sql)
        await self._conn.executemany(
            translated.sql, [arguments(translated, each) for each in parameters]
        )
        return PgCursor([], -1)

    async def _run(self, sql: str, parameters: Iterable[Any] | None) -> PgCursor:
        translated = translate(sql)
        args = arguments(translated, parameters)
        if translated.returns_rows:
            rows = as_rows(await self._conn.fetch(translated.sql, *args))
            return PgCursor(rows, len(rows))
        status = await self._conn.execute(translated.sql, *args)
        return PgCursor([], status_count(status))
