"""What storage says when a change cannot be made as asked.

A repository raises `Refused` with a sentence meant for the person who asked ("D12 already
says: partner since 2019-05-14."); the dispatcher turns it into the same one-line private
reply as a bad argument, and the write job it was raised in is rolled back whole.
"""

from __future__ import annotations

import errno
import sqlite3

from lexicon.i18n import N_

BUSY_MESSAGE = N_("The database is busy (another process is writing); try again in a moment.")
# One line for every write the database cannot take (its disk full, its server gone): the
# person can do nothing about the cause, only try again; the operator learns which from the
# log and /healthz. Look-ups answered from memory keep working meanwhile.
UNAVAILABLE_MESSAGE = N_("The database is unavailable; nothing was saved; try again in a minute.")
DISK_FULL_MESSAGE = UNAVAILABLE_MESSAGE
READ_UNAVAILABLE_MESSAGE = N_("The database is unavailable; try again in a minute.")


class Refused(Exception):
    """A change refused for a reason the user can act on. The dispatcher shows the message
    through the catalog: a fixed sentence marked N_ (as below) is said in the asker's
    language; a sentence built here with values stays as written until its module is
    converted (docs/languages.md)."""

    @property
    def message(self) -> str:
        return str(self)


class Busy(Refused):
    """Another process (an import, a second bot) held the write lock past the busy timeout.

    Nothing is wrong and nothing was written: the person can simply try again, so this is a
    one-line answer, not an incident."""

    def __init__(self, message: str = BUSY_MESSAGE) -> None:
        super().__init__(message)


def is_busy(exc: BaseException) -> bool:
    """SQLITE_BUSY or SQLITE_LOCKED (any extended code): another connection holds a lock."""
    if not isinstance(exc, sqlite3.OperationalError):
        return False
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return int(code) & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    return "locked" in str(exc) or "busy" in str(exc)


class Unavailable(Refused):
    """The database cannot be reached (PostgreSQL's server gone or restarting), or cannot
    store anything (a full disk): nothing was changed. Not an incident; the bot is fine."""

    fault = "database unavailable"  # what /healthz says, a fixed phrase

    def __init__(self, message: str = UNAVAILABLE_MESSAGE) -> None:
        super().__init__(message)


class DiskFull(Unavailable):
    """SQLite reported SQLITE_FULL (or the OS ENOSPC), or PostgreSQL DISK FULL: the write
    was rolled back whole; someone has to free space."""

    fault = "disk full"


def is_disk_full(exc: BaseException) -> bool:
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return True
    if not isinstance(exc, sqlite3.OperationalError):
        return False
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return int(code) & 0xFF == sqlite3.SQLITE_FULL
    return "disk is full" in str(exc)
