"""A request's replay record rides on its first write, in that write's transaction.

Slack delivers a request again when it thinks it went unanswered, and a signed request may be
replayed to another worker or after a restart. Recording every request's key in its own
transaction BEFORE running it cost each look-up a database write (and took look-ups down with
the database). Instead, the dispatcher opens a scope around a command:

- a command declared read-only (`writes=False`) runs in `read_only()`: no record at all (a
  replayed look-up is harmless), and a write attempted there is a bug, refused loudly;
- a command that writes runs in `claiming(claim)`: its FIRST write carries the record, in the
  same transaction (the same savepoint) as its effect. A replay finds the record and is
  refused (`Replayed`) before its first write takes effect; a write that fails (a full disk,
  the server gone) leaves no record either, so nothing blocks a later try. Its later writes
  follow only once the first committed (commands write one after another), so they are
  covered by it.

The scope is a context variable: storage.group_commit reads it when a write is submitted, in
the caller's context.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from storage.dedupe.repository import record_first_time
from storage.errors import Refused
from storage.sql import Conn

REPLAYED_MESSAGE = "This request was already handled; it was not run twice."


class Replayed(Refused):
    """The request's replay record exists: another delivery of it already took effect."""

    def __init__(self, message: str = REPLAYED_MESSAGE) -> None:
        super().__init__(message)


class ReadOnlyWrite(RuntimeError):
    """A command declared read-only wrote: its declaration is wrong (a bug, an incident)."""


@dataclass(slots=True)
class Claim:
    """A delivery's key, to be recorded with the command's first write."""

    key: str
    now: dt.datetime
    ttl: dt.timedelta
    taken: bool = False  # the first write (or the dispatcher) recorded it, or tried to


class _ReadOnly:
    pass


_READ_ONLY = _ReadOnly()
_SCOPE: ContextVar[Claim | _ReadOnly | None] = ContextVar("counterwatch_replay", default=None)


@contextmanager
def claiming(claim: Claim) -> Iterator[Claim]:
    with _scope(claim):
        yield claim


@contextmanager
def read_only() -> Iterator[None]:
    with _scope(_READ_ONLY):
        yield


@contextmanager
def _scope(value: Claim | _ReadOnly) -> Iterator[None]:
    # set() and set() back rather than reset(token): a command started eagerly in one
    # context may finish in a task's copy of it, where a token would be refused.
    previous = _SCOPE.get()
    _SCOPE.set(value)
    try:
        yield
    finally:
        _SCOPE.set(previous)


def take_claim() -> Claim | None:
    """For a write being submitted: the claim it must record, if it is the first one.

    Raises ReadOnlyWrite inside a read-only command."""
    scope = _SCOPE.get()
    if scope is None:
        return None
    if isinstance(scope, _ReadOnly):
        raise ReadOnlyWrite("a command declared read-only (writes=False) wrote")
    if scope.taken:
        return None
    scope.taken = True
    return scope


async def record(conn: Conn, claim: Claim) -> None:
    """Record the claim's key inside the write's transaction, or raise Replayed."""
    if not await record_first_time(conn, claim.key, claim.now, claim.ttl):
        raise Replayed()
