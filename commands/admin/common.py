"""What every admin command shares: strict validation, the author, running a change."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TypeVar
from urllib.parse import urlsplit

import aiosqlite

from bot.deps import Deps
from bot.errors import UserError
from bot.models import Reply, Request
from places.index import place_index
from storage.audit import FACT_PREFIX, Author, ChangeRefused
from storage.audit.privacy import admin_origin
from storage.outbox import stamp

T = TypeVar("T")
MAX_URL = 500
_FACT_ID = re.compile(r"^([DEL])(\d{1,12})$", re.IGNORECASE)
_CHANGE_ID = re.compile(r"^C?(\d{1,12})$", re.IGNORECASE)
TABLE_OF_PREFIX = {prefix: table for table, prefix in FACT_PREFIX.items()}


def author_of(request: Request) -> Author:
    return Author(request.platform, request.workspace, request.user_id, request.user_name)


def origin_of(request: Request) -> str:
    return admin_origin(request.platform, request.user_id)


def now_stamp(deps: Deps) -> str:
    return stamp(deps.clock())


def source_url(text: str) -> str:
    """An http(s) URL with a host, at most MAX_URL characters, no spaces."""
    url = text.strip()
    if len(url) > MAX_URL:
        raise UserError(f"The source URL is too long ({len(url)} characters; at most {MAX_URL}).")
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a malformed port
    except ValueError:
        raise UserError("The source must be a valid http(s) URL.") from None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname or " " in url:
        raise UserError(
            "The source must be an http:// or https:// URL, e.g. https://example.org/story."
        )
    return url


def past_date(deps: Deps, value: object, what: str) -> str:
    """A real calendar date (the option layer checked that) that is not in the future."""
    if not isinstance(value, dt.date):
        raise UserError(f"The {what} must be a date like 2020-06-10.")
    if value > deps.today():
        raise UserError(
            f"The {what} {value.isoformat()} is in the future; facts record what happened."
        )
    return value.isoformat()


def fact_id(text: str) -> tuple[str, int]:
    """'D123' -> ('deployments', 123); E for company events, L for laws."""
    match = _FACT_ID.match(text.strip())
    if match is None:
        raise UserError(
            f"{text.strip()[:20]!r} is not a fact id: use D123 (deployment or partnership),"
            " E45 (company event) or L7 (law), as shown in answers and /facts history."
        )
    return TABLE_OF_PREFIX[match.group(1).upper()], int(match.group(2))


def change_id(text: str) -> int:
    match = _CHANGE_ID.match(text.strip())
    if match is None:
        raise UserError(
            f"{text.strip()[:20]!r} is not a change id: use C12, as /facts history shows."
        )
    return int(match.group(1))


async def run_change(deps: Deps, job: Callable[[aiosqlite.Connection], Awaitable[T]]) -> T:
    """Run one change (fact rows + audit entry + notifications) as ONE write job, then let
    lookups see it at once. A refusal inside the job rolls all of it back."""
    try:
        result = await deps.db.write(job)
    except ChangeRefused as exc:
        raise UserError(str(exc)) from None
    await place_index(deps).reload()
    return result


MAX_NOTICE_SUMMARY = 600


@dataclass(frozen=True)
class Outcome:
    change_id: int
    fact: str  # 'D123'
    action: str  # create, update, delete
    summary: str
    queued: int  # follow notifications queued


def notice(change_id: int, place_label: str, summary: str, url: str) -> str:
    """The direct message a follower gets; plain text (each platform escapes it)."""
    return (
        f"Counterwatch: a fact about {place_label}, which you follow, changed"
        f" (change C{change_id}): {summary[:MAX_NOTICE_SUMMARY]}."
        + (f" Source: {url}" if url else "")
        + f"\nTo stop these messages: /unfollow {place_label}"
    )


def outcome_reply(request: Request, outcome: Outcome, url: str) -> Reply:
    verb = {"create": "Added", "update": "Updated", "delete": "Removed"}[outcome.action]
    told = (
        f"{outcome.queued} follower(s) will be told once."
        if outcome.queued
        else "Nobody follows this place yet."
    )
    return Reply(
        title=f"Change C{outcome.change_id} recorded",
        text=(
            f"{verb} {outcome.fact}: {outcome.summary}.\nSource: {url}\n"
            f"By {request.user_name}. {told} Undo: /facts undo C{outcome.change_id}"
        ),
    )
