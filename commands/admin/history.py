"""/facts history, /facts undo and /facts outbox: reviewing and reverting changes."""

from __future__ import annotations

import aiosqlite

from bot.deps import Deps
from bot.models import Reply, Request
from commands.admin.common import author_of, change_id, fact_id, notice, now_stamp, run_change
from places.index import place_index
from storage import audit, outbox
from storage.audit import Change, Row
from storage.follows import enqueue_notifications
from storage.subjects import (
    agency_subjects,
    city_key,
    company_key,
    county_key,
    county_wide_keys,
    state_key,
)
from storage.undo import UndoResult, undo_change

SHOWN = 10
# Bookkeeping columns that change with every edit and say nothing to a reader.
_QUIET = frozenset({"name_key", "jurisdiction_key", "natural_key", "as_of", "origin"})
_VALUE_CHARS = 80


async def history(request: Request, deps: Deps) -> Reply:
    target = request.text("target").strip()
    changes, about = await _find(deps, target)
    if not changes:
        return Reply(title=f"History of {about}", text="No changes on record.")
    lines = [_describe(c) for c in changes]
    return Reply(title=f"History of {about} (latest first)", text="\n\n".join(lines))


async def _find(deps: Deps, target: str) -> tuple[list[Change], str]:
    if not target:
        return await audit.recent_changes(deps.db, SHOWN), "the facts"
    first = target[:1].upper()
    if first in "DEL" and target[1:].isdigit():
        table, row_id = fact_id(target)
        return await audit.changes_to_fact(deps.db, table, row_id, SHOWN), target.upper()
    if first == "C" and target[1:].isdigit():
        change = await audit.get_change(deps.db, change_id(target))
        return ([change] if change else []), target.upper()
    company = await deps.storage.facts.company_by_alias(target)
    if company is not None:
        return await audit.changes_about(deps.db, [company_key(company.slug)], SHOWN), company.name
    place = place_index(deps).resolve(target)
    if place.kind == "county":
        keys: tuple[str, ...] = (county_key(place.county, place.state),)
    elif place.kind == "city":
        keys = (city_key(place.city, place.state), *county_wide_keys(place.county, place.state))
    else:
        keys = agency_subjects(place.city, place.county, place.state)
    return await audit.changes_about(deps.db, [*keys, state_key(place.state)], SHOWN), place.label


def _describe(change: Change) -> str:
    author = change.author
    # An author erased by /forgetme has no id left, only "erased user #<change id>".
    who = author.user_name
    if author.user_id:
        who += f" ({author.platform}:{author.user_id})"
    head = f"C{change.id} · {change.at.replace('T', ' ')[:16]} UTC · {who} · /{change.command}"
    if change.fact_id:
        head += f" · {change.fact_id}"
    lines = [head, f"  {change.summary}"]
    if change.action in ("create", "update", "delete", "undo"):
        lines.append(f"  {_difference(change.before, change.after)}")
    if change.source_url:
        lines.append(f"  source: {change.source_url}")
    if change.undone_by is not None:
        lines.append(f"  undone by C{change.undone_by}")
    return "\n".join(lines)


def _difference(before: Row | None, after: Row | None) -> str:
    if before is None and after is not None:
        return "before: (none) → after: " + _fields(after, set(after))
    if after is None and before is not None:
        return "before: " + _fields(before, set(before)) + " → after: (removed)"
    if before is None or after is None:
        return ""
    changed = {k for k in after if before.get(k) != after.get(k)} - _QUIET
    return f"before: {_fields(before, changed)} → after: {_fields(after, changed)}"


def _fields(row: Row, keys: set[str]) -> str:
    shown = [k for k in row if k in keys and k not in _QUIET and k != "id"]
    if not shown:
        return "(no visible change)"
    return ", ".join(f"{k}={str(row[k])[:_VALUE_CHARS]}" for k in shown if row[k] not in (None, ""))


async def undo(request: Request, deps: Deps) -> Reply:
    target = change_id(request.text("change"))
    author, at = author_of(request), now_stamp(deps)

    async def job(conn: aiosqlite.Connection) -> tuple[UndoResult, int]:
        result = await undo_change(conn, target, author, at)
        summary = f"change C{result.undone_id} was undone ({result.undone_summary})"
        queued = await enqueue_notifications(
            conn, result.change_id, lambda label: notice(result.change_id, label, summary, ""), at
        )
        return result, queued

    result, queued = await run_change(deps, job)
    return Reply(
        title=f"Change C{result.change_id} recorded",
        text=(
            f"Undid C{result.undone_id} ({result.undone_summary}): {result.rows:,} row(s)"
            f" put back as they were. By {request.user_name}."
            + (f" {queued} follower(s) will be told once." if queued else "")
        ),
    )


async def show_outbox(request: Request, deps: Deps) -> Reply:
    totals = await outbox.stats(deps.db)
    lines = [
        f"Pending: {totals.pending:,} (failing: {totals.failing:,});"
        f" delivered: {totals.delivered:,}."
    ]
    if totals.oldest_pending:
        lines.append(f"Oldest pending since {totals.oldest_pending}.")
    for item in await outbox.pending(deps.db, SHOWN):
        error = f", last error: {item.last_error}" if item.last_error else ""
        lines.append(
            f"N{item.id} (C{item.change_id}) to {item.platform}:{item.user_id}:"
            f" {item.attempts} attempt(s), next {item.next_attempt_at}{error}"
        )
    if totals.pending and not totals.failing:
        lines.append("Nothing has failed; the delivery loop sends pending ones shortly.")
    return Reply(title="Follow notifications", text="\n".join(lines))
