"""What every admin change job shares: its audit entry, its notifications, agency look-ups."""

from __future__ import annotations

from lexicon.i18n import DEFAULT, N_, using
from lexicon.stored import say, store
from storage.audit import (
    ChangeEntry,
    ChangeRecorder,
    ChangeRefused,
    Row,
    as_row,
    record_change,
    snapshot,
)
from storage.audit.privacy import admin_origin
from storage.fact_edits.models import AgencyRef, Edit, Outcome
from storage.facts.models import RING_TECHNOLOGY
from storage.facts.write import name_key
from storage.follows.notify import enqueue_notifications
from storage.sql import Conn, stamp

# Event kinds that change a company's status by themselves, and the status they leave
# when the admin gives none: /moratorium shows the latest event that carries a status.
IMPLIED_STATUS = {"moratorium-ended": "Moratorium ended"}
TABLE_OF_KIND = {
    "D": "deployments",
    "E": "company_events",
    "L": "laws",
    "B": "governing_bodies",
    "O": "officials",
}


def event_status(kind: str, status: str) -> str:
    return status.strip() or IMPLIED_STATUS.get(kind, "")


def today(edit: Edit) -> str:
    """The facts' `as_of`: the day of the change."""
    return edit.at.date().isoformat()


def origin(edit: Edit) -> str:
    """What the fact rows an admin writes carry in `origin`."""
    return admin_origin(edit.author.platform, edit.author.user_id)


def entry(
    edit: Edit,
    action: str,
    summary: str,
    table: str = "",
    row_id: int | None = None,
    subjects: tuple[str, ...] = (),
) -> ChangeEntry:
    return ChangeEntry(
        edit.author, stamp(edit.at), edit.command, action, edit.source_url, summary, table,
        row_id, subjects,
    )  # fmt: skip


async def notify(conn: Conn, edit: Edit, change_id: int, summary: str) -> int:
    """Queue the change's notice for each follower (the command worded it as a template)."""

    def text_for(place: str, language: str) -> str:
        # The follower's /language choice; English when none (or one no template has).
        template = edit.notice.get(language) or edit.notice[DEFAULT]
        with using(language if language in edit.notice else DEFAULT):
            said = say(summary)  # a stored summary in the follower's language
        return template.format(change=change_id, place=place, summary=said)

    return await enqueue_notifications(conn, change_id, text_for, stamp(edit.at))


async def finish(
    conn: Conn,
    rec: ChangeRecorder,
    change: ChangeEntry,
    edit: Edit,
    fact: str,
    shown: str | None = None,
) -> Outcome:
    """Write the audit entry and queue one notification per follower, in the same job.

    The outcome repeats the audit summary unless `shown` words it for the admin's reply."""
    change_id = await record_change(conn, change, rec.writes)
    queued = await notify(conn, edit, change_id, change.summary)
    summary = change.summary if shown is None else shown
    return Outcome(change_id, fact, change.action, summary, queued)


async def rows(conn: Conn, sql: str, params: tuple[object, ...]) -> list[Row]:
    async with conn.execute(sql, params) as cursor:
        return [as_row(r) for r in await cursor.fetchall()]


async def ring_partnerships_of(conn: Conn, agency_id: int) -> list[Row]:
    """The agency's Ring partnerships, latest start first (ongoing ones have ended NULL)."""
    return await rows(
        conn,
        "SELECT * FROM deployments WHERE agency_id = ? AND technology = ?"
        " ORDER BY ended IS NOT NULL, COALESCE(started, '') DESC, id DESC",
        (agency_id, RING_TECHNOLOGY),
    )


def agency_kind(name: str) -> str:
    lowered = name.lower()
    return "Sheriff" if "sheriff" in lowered else "Police" if "police" in lowered else ""


async def agency(conn: Conn, rec: ChangeRecorder, ref: AgencyRef) -> Row:
    """The agency row, created (and recorded in the change) when the admin asked for it."""
    agency_id = ref.id
    if agency_id is None:
        agency_id = await rec.insert(
            "agencies",
            {
                "name": ref.name,
                "name_key": name_key(ref.name),
                "city": ref.city,
                "state": ref.state,
                "kind": agency_kind(ref.name),
            },
        )
    row = await snapshot(conn, "agencies", agency_id)
    if row is None:
        raise ChangeRefused(
            store(N_("{fact} was removed meanwhile; nothing was changed."), fact=ref.label)
        )
    return row


async def company_slug(conn: Conn, company_id: int) -> str:
    async with conn.execute("SELECT slug FROM companies WHERE id = ?", (company_id,)) as cursor:
        row = await cursor.fetchone()
    return "" if row is None else str(row[0])
