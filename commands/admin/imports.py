"""/facts import: an attached CSV (EFF Atlas export or the project's facts CSV), all or nothing."""

from __future__ import annotations

import asyncio
import datetime as dt
import re
from typing import Annotated

from bot.core.context import Ctx
from bot.core.deps import Deps
from bot.core.errors import UserError
from bot.core.models import Attachment, Reply, Role
from bot.core.registry import CommandSet
from bot.core.signatures import Opt
from commands.admin.authoring import committed, edit_of
from commands.admin.checks import past_date
from commands.admin.checks import source_url as checked_url
from commands.admin.wording import literal, notices, told_once
from lexicon.i18n import N_, _, ngettext
from lexicon.sources import MAX_URL
from lexicon.stored import say
from storage.fact_edits.models import AtlasImport, FactsCsvImport, ImportOutcome, LawsImport
from storage.importers.atlas import ATLAS_URL, parse_atlas
from storage.importers.facts_csv import COLUMNS, is_facts_header, parse_facts_csv
from storage.importers.issues import ImportRefused, Issue
from storage.importers.laws import IFF_AS_OF, LAWS_COLUMNS, is_laws_header, parse_laws
from storage.importers.upload import decode_upload

MAX_IMPORT_BYTES = 16 * 1024 * 1024  # the 2020 Atlas export is 2.9 MB, newer ones about 8 MB
MAX_ERRORS_SHOWN = 8
_DATE_IN_NAME = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})")

COMMANDS = CommandSet(group="facts", role=Role.FACTS_ADMIN, private=True)


def _issues_line(issues: list[Issue]) -> str:
    # Each issue says itself in the asker's language (Issue.__str__).
    shown = "; ".join(str(i) for i in issues[:MAX_ERRORS_SHOWN])
    hidden = len(issues) - MAX_ERRORS_SHOWN
    if hidden > 0:
        return ngettext(
            "Nothing was imported: {shown} (and {n} more; {total} problems in all).",
            "Nothing was imported: {shown} (and {n} more; {total} problems in all).",
            hidden,
        ).format(shown=shown, n=hidden, total=len(issues))
    return _("Nothing was imported: {shown}.").format(shown=shown)


def _notice(upload: Attachment, url: str) -> dict[str, str]:
    """Followers hear that facts were imported, not the audit summary's counts."""
    return notices(
        url,
        lambda: literal(_("new facts were imported ({file})").format(file=upload.filename[:80])),
    )


def _the_file(ctx: Ctx) -> Attachment:
    if len(ctx.attachments) != 1:
        raise UserError(_("Attach exactly one CSV file to /facts import."))
    upload = ctx.attachments[0]
    if len(upload.content) > MAX_IMPORT_BYTES:
        raise UserError(
            _(
                "Nothing was imported: the file is {size:,} bytes; the limit is {limit:,} bytes."
            ).format(size=len(upload.content), limit=MAX_IMPORT_BYTES)
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


def _atlas_as_of(deps: Deps, filename: str, as_of: dt.date | None) -> str:
    if as_of is not None:
        return past_date(deps, as_of, N_("as-of date"))
    match = _DATE_IN_NAME.search(filename)
    try:
        found = dt.date(*(int(g) for g in match.groups())) if match else None
    except ValueError:
        found = None
    if found is None:
        raise UserError(_("Say what date the export describes: as-of:YYYY-MM-DD."))
    return past_date(deps, found, N_("export date in the file name"))


@COMMANDS.command(
    "import", "Import a CSV: EFF Atlas export, local laws table or the facts CSV",
    slow=True, examples=("/facts import < eff_atlas_of_surveillance_2020-10-07.csv",),
)  # fmt: skip
async def import_facts(
    ctx: Ctx,
    file: Annotated[Attachment, Opt("The CSV file")],
    as_of: Annotated[dt.date | None, Opt("Date the file describes")] = None,
    source: Annotated[str, Opt("Source URL of the file", max_length=MAX_URL)] = "",
) -> Reply:
    deps = ctx.deps
    upload = _the_file(ctx)  # `file`, once checked that it is the only one
    header = _first_line(upload).replace('"', "").split(",")
    if header and header[0].strip().lstrip("\ufeff") == "AOSNUMBER":
        return await _import_atlas(ctx, deps, upload, as_of, source)
    if is_facts_header(header):
        return await _import_facts_csv(ctx, deps, upload, source)
    if is_laws_header(header):
        return await _import_laws(ctx, deps, upload, as_of, source)
    raise UserError(
        _(
            "Nothing was imported: line 1: unknown columns. Attach an EFF Atlas export"
            " (AOSNUMBER,City,...), the local laws table ({laws}) or a facts CSV ({facts})."
        ).format(laws=",".join(LAWS_COLUMNS), facts=",".join(COLUMNS))
    )


async def _import_laws(
    ctx: Ctx, deps: Deps, upload: Attachment, given: dt.date | None, source: str
) -> Reply:
    as_of = IFF_AS_OF if given is None else past_date(deps, given, N_("as-of date"))
    parsed = await asyncio.to_thread(parse_laws, upload.content, max_bytes=MAX_IMPORT_BYTES)
    if parsed.errors:
        raise UserError(_issues_line(parsed.errors))
    url = checked_url(source) if source else ""
    edit = edit_of(ctx, deps, url, _notice(upload, url))
    outcome = await deps.storage.fact_edits.import_laws_table(
        LawsImport(edit, parsed, upload.filename, as_of)
    )
    await committed(deps)
    return _reply(ctx, outcome)


async def _import_atlas(
    ctx: Ctx, deps: Deps, upload: Attachment, given: dt.date | None, source: str
) -> Reply:
    as_of = _atlas_as_of(deps, upload.filename, given)
    url = checked_url(source) if source else ATLAS_URL
    # Parsing 6,000 rows is pure CPU: off the event loop, so chat stays responsive.
    parsed = await asyncio.to_thread(parse_atlas, upload.content, max_bytes=MAX_IMPORT_BYTES)
    if parsed.errors:
        raise UserError(_issues_line(parsed.errors))
    edit = edit_of(ctx, deps, url, _notice(upload, url))
    try:
        outcome = await deps.storage.fact_edits.import_atlas(
            AtlasImport(edit, parsed, upload.filename, as_of)
        )
    except ImportRefused as exc:
        raise UserError(_issues_line(exc.issues)) from None
    await committed(deps)
    return _reply(ctx, outcome)


async def _import_facts_csv(ctx: Ctx, deps: Deps, upload: Attachment, source: str) -> Reply:
    parsed = await asyncio.to_thread(
        parse_facts_csv, upload.content, today=deps.today(), max_bytes=MAX_IMPORT_BYTES
    )
    if parsed.errors:
        # Tell every problem of the file at once: what the rows that did parse would hit in
        # the database (a dry run) beside the rows that did not.
        found = [*parsed.errors, *await deps.storage.fact_edits.check_facts_csv(parsed.rows)]
        raise UserError(_issues_line(sorted(found, key=lambda i: i.line or 0)))
    url = checked_url(source) if source else ""
    edit = edit_of(ctx, deps, url, _notice(upload, url))
    outcome = await deps.storage.fact_edits.import_facts_csv(
        FactsCsvImport(edit, tuple(parsed.rows), upload.filename)
    )
    await committed(deps)
    return _reply(ctx, outcome)


def _reply(ctx: Ctx, outcome: ImportOutcome) -> Reply:
    change_id, queued, lines = outcome.change_id, outcome.queued, outcome.lines
    told = told_once(queued) if queued else _("No follower is concerned.")
    by = _("By {name}.").format(name=ctx.user_name)
    undo = _("Undo the whole import: /facts undo C{change}").format(change=change_id)
    return Reply(
        title=_("Change C{change} recorded: import").format(change=change_id),
        # Storage's counts, kept as structure (written in the import's job): said here.
        text="\n".join(say(line) for line in lines) + f"\n{by} {told} {undo}",
    )
