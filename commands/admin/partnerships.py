"""/facts set-partnership and /facts end-partnership: an agency's Ring partnership."""

from __future__ import annotations

import aiosqlite

from bot.deps import Deps
from bot.models import Reply, Request
from commands.admin.agency_choice import AgencyChoice, agency_kind, choose_agency
from commands.admin.common import (
    Outcome,
    author_of,
    notice,
    now_stamp,
    origin_of,
    outcome_reply,
    past_date,
    run_change,
    source_url,
)
from storage import admin_facts
from storage.audit import ChangeEntry, ChangeRecorder, ChangeRefused, Row
from storage.facts_models import RING_TECHNOLOGY
from storage.subjects import agency_subjects


async def set_partnership(request: Request, deps: Deps) -> Reply:
    since = past_date(deps, request.option("since"), "start date")
    url = source_url(request.text("source"))
    choice = await choose_agency(
        deps,
        request.text("agency"),
        state=request.text("state"),
        create=request.text("create").lower() == "yes",
        city=request.text("city"),
    )
    at, origin, today = now_stamp(deps), origin_of(request), _today(deps)

    async def job(conn: aiosqlite.Connection) -> Outcome:
        rec = ChangeRecorder(conn)
        agency = await _agency(conn, rec, choice)
        source_id = await rec.source(url)
        partnerships = await admin_facts.ring_partnerships_of(conn, agency["id"])
        ongoing = [p for p in partnerships if p["ended"] is None]
        values: dict[str, object] = {
            "started": since,
            "started_precision": "day",
            "source_id": source_id,
            "as_of": today,
            "origin": origin,
        }
        if ongoing:
            current = ongoing[0]
            if current["started"] == since and current["started_precision"] == "day":
                raise ChangeRefused(f"D{current['id']} already says: partner since {since}.")
            await rec.update("deployments", current["id"], values)
            deployment_id, action = int(current["id"]), "update"
        else:
            last_end = max((str(p["ended"]) for p in partnerships), default="")
            if last_end and since <= last_end:
                raise ChangeRefused(
                    f"The last partnership of {agency['name']} ended on {last_end}; a new one"
                    " must start after that (to correct the old one, remove it first)."
                )
            values |= {"agency_id": agency["id"], "technology": RING_TECHNOLOGY}
            deployment_id, action = (
                await rec.insert("deployments", {**values, "vendor": "Ring"}),
                "create",
            )
        summary = f"{agency['name']} ({agency['state']}) partners with Ring since {since}"
        return await _finish(conn, rec, request, at, action, url, summary, deployment_id, agency)

    outcome = await run_change(deps, job)
    return outcome_reply(request, outcome, url)


async def end_partnership(request: Request, deps: Deps) -> Reply:
    ended = past_date(deps, request.option("date"), "end date")
    url = source_url(request.text("source"))
    choice = await choose_agency(deps, request.text("agency"), state=request.text("state"))
    at, today = now_stamp(deps), _today(deps)

    async def job(conn: aiosqlite.Connection) -> Outcome:
        rec = ChangeRecorder(conn)
        agency = await _agency(conn, rec, choice)
        ongoing = [
            p
            for p in await admin_facts.ring_partnerships_of(conn, agency["id"])
            if p["ended"] is None
        ]
        if not ongoing:
            raise ChangeRefused(f"{agency['name']} has no ongoing Ring partnership on record.")
        current = ongoing[0]
        if current["started"] and ended < str(current["started"]):
            raise ChangeRefused(
                f"D{current['id']} started on {current['started']}; it cannot end before that."
            )
        source_id = await rec.source(url)
        await rec.update(
            "deployments", current["id"], {"ended": ended, "source_id": source_id, "as_of": today}
        )
        summary = f"{agency['name']} ({agency['state']}) ended its Ring partnership on {ended}"
        deployment_id = int(current["id"])
        return await _finish(conn, rec, request, at, "update", url, summary, deployment_id, agency)

    outcome = await run_change(deps, job)
    return outcome_reply(request, outcome, url)


def _today(deps: Deps) -> str:
    return deps.today().isoformat()


async def _agency(conn: aiosqlite.Connection, rec: ChangeRecorder, choice: AgencyChoice) -> Row:
    agency_id = choice.id
    if agency_id is None:
        agency_id = await admin_facts.create_agency(
            rec, choice.name, choice.state, choice.city, agency_kind(choice.name)
        )
    agency = await admin_facts.agency_in_job(conn, agency_id)
    if agency is None:
        raise ChangeRefused(f"{choice.label} was removed meanwhile; nothing was changed.")
    return agency


async def _finish(
    conn: aiosqlite.Connection,
    rec: ChangeRecorder,
    request: Request,
    at: str,
    action: str,
    url: str,
    summary: str,
    deployment_id: int,
    agency: Row,
) -> Outcome:
    entry = ChangeEntry(
        author=author_of(request),
        at=at,
        command=" ".join(request.path),
        action=action,
        source_url=url,
        summary=summary,
        target_table="deployments",
        target_id=deployment_id,
        subjects=agency_subjects(agency["city"], agency["county"], agency["state"]),
    )
    change_id, queued = await admin_facts.finish_change(
        conn, rec, entry, lambda cid, label: notice(cid, label, summary, url)
    )
    return Outcome(change_id, f"D{deployment_id}", action, summary, queued)
