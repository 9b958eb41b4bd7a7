"""Opening the database a setting names: a file path or `sqlite:///path` for SQLite (the
embedded default), `postgresql://user:pass@host/db` for PostgreSQL."""

from __future__ import annotations

import asyncpg

from storage.db import BUSY_TIMEOUT_MS, Database
from storage.errors import Refused
from storage.postgres.db import PgDatabase
from storage.sql import Db

__all__ = ["BUSY_TIMEOUT_MS", "SQLITE_SCHEME", "is_postgres", "open_database", "sqlite_path"]

POSTGRES_SCHEMES = ("postgresql://", "postgres://")
SQLITE_SCHEME = "sqlite:///"


def is_postgres(url: str) -> bool:
    return url.startswith(POSTGRES_SCHEMES)


def sqlite_path(url: str) -> str:
    """The file a SQLite URL (or a plain path) names: `sqlite:///data/cw.db` is the
    relative path data/cw.db, `sqlite:////var/cw.db` the absolute /var/cw.db."""
    return url[len(SQLITE_SCHEME) :] if url.startswith(SQLITE_SCHEME) else url


async def open_database(url: str, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Db:
    """Open (creating and migrating if needed) the database `url` names. (`busy_timeout_ms`:
    how long a SQLite write waits for another process's lock.)"""
    if is_postgres(url):
        try:
            return await PgDatabase.open(url)
        except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError) as exc:
            # One line for the operator (the server's own words; the URL's password never).
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise Refused(f"Cannot open the PostgreSQL database: {reason}.") from exc
    if "://" in url and not url.startswith(SQLITE_SCHEME):
        scheme = url.split("://", 1)[0]
        raise ValueError(f"unknown database scheme {scheme!r}: use sqlite:/// or postgresql://")
    return await Database.open(sqlite_path(url), busy_timeout_ms=busy_timeout_ms)
