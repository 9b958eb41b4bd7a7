"""/facts import: an attached CSV (EFF Atlas export or the project's facts CSV), all or nothing."""

from __future__ import annotations

import asyncio
import datetime as dt
import re

import aiosqlite

from bot.deps import Deps
from bot.errors import UserError
from bot.models import Attachment, Reply, Request
from commands.admin.common import author_of, notice, now_stamp, origin_of, past_date, run_change
from commands.admin.common import source_url as checked_url
from storage.admin_import import audit_import, dataset_row, write_fact_rows
from storage.audit import ChangeEntry
from storage.facts_csv import COLUMNS, is_facts_header, parse_facts_csv
from storage.importers.atlas import ATLAS_URL, parse_atlas
from storage.importers.atlas_write import ATLAS_DATASET, ImportSummary, write_atlas
from storage.importers.common import ImportRefused, Issue, decode_upload

MAX_IMPORT_BYTES = 16 * 1024 * 1024  # the 2020 Atlas export is 2.9 MB, newer ones about 8 MB
MAX_ERRORS_SHOWN = 8
_DATE_IN_NAME = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})")


def _issues_line(issues: list[Issue]) -> str:
    shown = "; ".join(str(i) for i in issues[:MAX_ERRORS_SHOWN])
    more = f" (and {len(issues) - MAX_ERRORS_SHOWN} more)" if len(issues) > MAX_ERRORS_SHOWN else ""
    return f"Nothing was imported: {shown}{more}."


def _imported(upload: Attachment) -> str:
    return f"new facts were imported ({upload.filename[:80]})"


def _the_file(request: Request) -> Attachment:
    if len(request.attachments) != 1:
        raise UserError("Attach exactly one CSV file to /facts import.")
    upload = request.attachments[0]
    if len(upload.content) > MAX_IMPORT_BYTES:
        raise UserError(
            f"Nothing was imported: the file is {len(upload.content):,} bytes;"
            f" the limit is {MAX_IMPORT_BYTES:,} bytes."
        )
    return upload


def _first_line(upload: Attachment) -> str:
    text = decode_upload(upload.content[:4096], max_bytes=MAX_IMPORT_BYTES)
    if isinstance(text, Issue) and "UTF-8" not in text.message:
        raise UserError(_issues_line([text]))
    if isinstance(text, Issue):  # a multi-byte character cut at 4096 bytes: check it all
        whole = decode_upload(upload.content, max_bytes=MAX_IMPORT_BYTES)
        if isinstance(whole, Issue):
            raise UserError(_issues_line([whole]))
        text = whole
    return text.splitlines()[0] if text.strip() else ""


def _atlas_as_of(request: Request, deps: Deps, filename: str) -> str:
    if request.option("as-of") is not None:
        return past_date(deps, request.option("as-of"), "as-of date")
    match = _DATE_IN_NAME.search(filename)
    try:
        found = dt.date(*(int(g) for g in match.groups())) if match else None
    except ValueError:
        found = None
    if found is None:
        raise UserError("Say what date the export describes: as-of:YYYY-MM-DD.")
    return past_date(deps, found, "export date in the file name")


async def import_facts(request: Request, deps: Deps) -> Reply:
    upload = _the_file(request)
    header = _first_line(upload).replace('"', "").split(",")
    if header and header[0].strip().lstrip("\ufeff") == "AOSNUMBER":
        return await _import_atlas(request, deps, upload)
    if is_facts_header(header):
        return await _import_facts_csv(request, deps, upload)
    raise UserError(
        "Nothing was imported: line 1: unknown columns. Attach an EFF Atlas export"
        f" (AOSNUMBER,City,...) or a facts CSV ({','.join(COLUMNS)})."
    )


async def _import_atlas(request: Request, deps: Deps, upload: Attachment) -> Reply:
    as_of = _atlas_as_of(request, deps, upload.filename)
    url = checked_url(request.text("source")) if request.text("source") else ATLAS_URL
    # Parsing 6,000 rows is pure CPU: off the event loop, so chat stays responsive.
    parsed = await asyncio.to_thread(parse_atlas, upload.content, max_bytes=MAX_IMPORT_BYTES)
    if parsed.errors:
        raise UserError(_issues_line(parsed.errors))
    author, at, imported_at = author_of(request), now_stamp(deps), deps.clock()

    async def job(conn: aiosqlite.Connection) -> tuple[ImportSummary, int, int]:
        # The rows, their audit entry and the follow notifications: ONE job, all or nothing.
        before = await dataset_row(conn, ATLAS_DATASET)
        summary = await write_atlas(
            conn, parsed, as_of=as_of, origin="import", imported_at=imported_at
        )
        created = summary.created
        entry = ChangeEntry(
            author, at, "facts import", "import", url,
            f"imported {upload.filename[:80]} (EFF Atlas as of {as_of}):"
            f" {len(created.agencies):,} agencies, {len(created.deployments):,} facts created",
            target_table="datasets", before=before,
            after=await dataset_row(conn, summary.dataset),
        )  # fmt: skip
        ids = {"agencies": created.agencies, "sources": created.sources}
        change_id, queued = await audit_import(
            conn, entry, {**ids, "deployments": created.deployments},
            lambda cid, label: notice(cid, label, _imported(upload), url),
        )  # fmt: skip
        return summary, change_id, queued

    try:
        summary, change_id, queued = await run_change(deps, job)
    except ImportRefused as exc:
        raise UserError(_issues_line(exc.issues)) from None
    return _reply(request, change_id, queued, summary.lines())


async def _import_facts_csv(request: Request, deps: Deps, upload: Attachment) -> Reply:
    parsed = await asyncio.to_thread(
        parse_facts_csv, upload.content, today=deps.today(), max_bytes=MAX_IMPORT_BYTES
    )
    if parsed.errors:
        raise UserError(_issues_line(parsed.errors))
    url = checked_url(request.text("source")) if request.text("source") else ""
    author, at, origin, as_of = (
        author_of(request),
        now_stamp(deps),
        origin_of(request),
        deps.today(),
    )

    async def job(conn: aiosqlite.Connection) -> tuple[int, int, dict[str, int]]:
        created = await write_fact_rows(conn, parsed.rows, as_of=as_of.isoformat(), origin=origin)
        facts = sum(len(created[t]) for t in ("deployments", "company_events", "laws"))
        entry = ChangeEntry(
            author, at, "facts import", "import", url,
            f"imported {upload.filename[:80]} (facts CSV): {facts} facts, each with its source",
        )  # fmt: skip
        change_id, queued = await audit_import(
            conn, entry, created,
            lambda cid, label: notice(cid, label, _imported(upload), url),
        )  # fmt: skip
        return change_id, queued, {t: len(ids) for t, ids in created.items()}

    change_id, queued, counts = await run_change(deps, job)
    lines = [f"{upload.filename[:80]}: {len(parsed.rows)} rows"]
    lines += [f"{table.replace('_', ' ')} created: {n}" for table, n in counts.items() if n]
    return _reply(request, change_id, queued, lines)


def _reply(request: Request, change_id: int, queued: int, lines: list[str]) -> Reply:
    told = f"{queued} follower(s) will be told once." if queued else "No follower is concerned."
    return Reply(
        title=f"Change C{change_id} recorded: import",
        text="\n".join(lines)
        + f"\nBy {request.user_name}. {told} Undo the whole import: /facts undo C{change_id}",
    )
