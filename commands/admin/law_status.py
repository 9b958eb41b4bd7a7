"""/facts set-law-status: a ban is reversed, repealed or expires (or comes back into force)."""

from __future__ import annotations

import aiosqlite

from bot.deps import Deps
from bot.errors import UserError
from bot.models import Reply, Request
from commands.admin.common import (
    Outcome,
    author_of,
    fact_id,
    notice,
    now_stamp,
    outcome_reply,
    past_date,
    run_change,
    source_url,
)
from storage import admin_facts
from storage.audit import ChangeEntry, ChangeRecorder, ChangeRefused, snapshot
from storage.subjects import law_subjects

MAX_NOTE = 200


async def choose_law(deps: Deps, text: str) -> int:
    """A law id ('L7'), or the one law on record for a jurisdiction ('Oakland, CA')."""
    typed = text.strip()
    if typed[:1].upper() in "DEL" and typed[1:].isdigit():
        table, row_id = fact_id(typed)
        if table != "laws":
            raise UserError(f"{typed[:20]} is not a law: law ids look like L7.")
        return row_id
    found = await admin_facts.laws_of_jurisdiction(deps.db, typed)
    if not found:
        raise UserError(
            f"No law is on record for {typed[:60]!r}: give its id (L7) or its jurisdiction"
            " as /laws shows it, e.g. 'Oakland, CA'."
        )
    if len(found) > 1:
        listed = "; ".join(
            f"L{law['id']}: {law['kind']} of {law['enacted']}, {law['status']}" for law in found
        )
        raise UserError(f"{typed[:60]} has {len(found)} laws on record; give one id: {listed}.")
    return int(found[0]["id"])


async def set_law_status(request: Request, deps: Deps) -> Reply:
    law_id = await choose_law(deps, request.text("law"))
    status = request.text("status")
    changed = past_date(deps, request.option("date"), "date of the status change")
    url = source_url(request.text("source"))
    note = " ".join(request.text("note").split())
    if len(note) > MAX_NOTE:
        raise UserError(f"The note is too long ({len(note)} characters; at most {MAX_NOTE}).")
    if await admin_facts.fact(deps.db, "laws", law_id) is None:
        raise UserError(f"There is no law L{law_id} (removed?). /laws lists them with their ids.")
    at, today = now_stamp(deps), deps.today().isoformat()

    async def job(conn: aiosqlite.Connection) -> Outcome:
        law = await snapshot(conn, "laws", law_id)
        if law is None:
            raise ChangeRefused(f"L{law_id} was removed meanwhile; nothing was changed.")
        if law["status"] == status and law["status_changed"] == changed:
            raise ChangeRefused(f"L{law_id} already says: {status} since {changed}.")
        if changed < str(law["enacted"]):
            raise ChangeRefused(
                f"L{law_id} was enacted on {law['enacted']}; its status cannot change before that."
            )
        rec = ChangeRecorder(conn)
        values = {
            "status": status,
            "status_changed": changed,
            "status_note": note,
            "source_id": await rec.source(url),
            "as_of": today,
        }
        await rec.update("laws", law_id, values)
        summary = (
            f"{law['jurisdiction']}: {law['kind']} of {law['enacted']} is {status}"
            f" since {changed} (was {law['status']})" + (f": {note}" if note else "")
        )
        subjects = law_subjects(law["level"], law["city"], law["county"], law["state"])
        entry = ChangeEntry(
            author_of(request), at, "facts set-law-status", "update", url, summary, "laws",
            law_id, subjects,
        )  # fmt: skip
        change_id, queued = await admin_facts.finish_change(
            conn, rec, entry, lambda cid, place: notice(cid, place, summary, url)
        )
        return Outcome(change_id, f"L{law_id}", "update", summary, queued)

    outcome = await run_change(deps, job)
    return outcome_reply(request, outcome, url)
