"""Jobs behind /facts set-partnership and /facts end-partnership."""

from __future__ import annotations

from lexicon.dates import precision_of
from lexicon.i18n import N_
from lexicon.stored import date, store
from storage.audit import ChangeRecorder, ChangeRefused, Row
from storage.fact_edits.jobs import agency, entry, finish, origin, ring_partnerships_of, today
from storage.fact_edits.models import Edit, Outcome, PartnershipChange, PartnershipEnd
from storage.facts.models import RING_TECHNOLOGY
from storage.sql import Conn
from storage.subjects import agency_subjects


async def set_partnership(conn: Conn, change: PartnershipChange) -> Outcome:
    rec, since = ChangeRecorder(conn), change.since
    row = await agency(conn, rec, change.agency)
    source_id = await rec.source(change.edit.source_url)
    partnerships = await ring_partnerships_of(conn, row["id"])
    ongoing = [p for p in partnerships if p["ended"] is None]
    values: dict[str, object] = {
        "started": since,
        "started_precision": precision_of(since),
        "source_id": source_id,
        "as_of": today(change.edit),
        "origin": origin(change.edit),
    }
    if ongoing:
        current = ongoing[0]
        if current["started"] == since and current["started_precision"] == precision_of(since):
            raise ChangeRefused(
                store(
                    N_("{fact} already says: partner since {since}."),
                    fact=f"D{current['id']}", since=date(since),
                )
            )  # fmt: skip
        await rec.update("deployments", current["id"], values)
        deployment_id, action = int(current["id"]), "update"
    else:
        last_end = max((str(p["ended"]) for p in partnerships), default="")
        if last_end and since <= last_end:
            raise ChangeRefused(
                store(
                    N_("The last partnership of {agency} ended on {ended}; a new one must start"
                       " after that (to correct the old one, remove it first)."),
                    agency=row["name"], ended=date(last_end),
                )
            )  # fmt: skip
        values |= {"agency_id": row["id"], "technology": RING_TECHNOLOGY}
        deployment_id, action = (
            await rec.insert("deployments", {**values, "vendor": "Ring"}),
            "create",
        )
    summary = store(
        N_("{agency} ({state}) partners with Ring since {since}"),
        agency=row["name"], state=row["state"], since=date(since),
    )  # fmt: skip
    return await _finish(conn, rec, change.edit, action, summary, deployment_id, row)


async def end_partnership(conn: Conn, change: PartnershipEnd) -> Outcome:
    rec, ended = ChangeRecorder(conn), change.ended
    row = await agency(conn, rec, change.agency)
    ongoing = [p for p in await ring_partnerships_of(conn, row["id"]) if p["ended"] is None]
    if not ongoing:
        raise ChangeRefused(
            store(N_("{agency} has no ongoing Ring partnership on record."), agency=row["name"])
        )
    current = ongoing[0]
    if current["started"] and ended < str(current["started"]):
        raise ChangeRefused(
            store(
                N_("{fact} started on {started}; it cannot end before that."),
                fact=f"D{current['id']}", started=date(current["started"]),
            )
        )  # fmt: skip
    source_id = await rec.source(change.edit.source_url)
    await rec.update(
        "deployments",
        current["id"],
        {"ended": ended, "source_id": source_id, "as_of": today(change.edit)},
    )
    summary = store(
        N_("{agency} ({state}) ended its Ring partnership on {ended}"),
        agency=row["name"], state=row["state"], ended=date(ended),
    )  # fmt: skip
    return await _finish(conn, rec, change.edit, "update", summary, int(current["id"]), row)


async def _finish(
    conn: Conn,
    rec: ChangeRecorder,
    edit: Edit,
    action: str,
    summary: str,
    deployment_id: int,
    agency_row: Row,
) -> Outcome:
    subjects = agency_subjects(agency_row["city"], agency_row["county"], agency_row["state"])
    change = entry(edit, action, summary, "deployments", deployment_id, subjects)
    return await finish(conn, rec, change, edit, f"D{deployment_id}")
