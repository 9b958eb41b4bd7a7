"""/facts history, /facts undo and /facts outbox: reviewing and reverting changes."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated

from bot.core.context import Ctx
from bot.core.deps import Deps
from bot.core.models import Reply, Role
from bot.core.registry import CommandSet
from bot.core.signatures import Opt
from commands.admin.authoring import committed, edit_of, viewer_of
from commands.admin.checks import change_id, fact_id
from commands.admin.wording import notices, recorded_title, told_once
from commands.facts.text import date_text
from lexicon.i18n import N_, _, format_moment, ngettext
from lexicon.stored import code_said, say
from lexicon.technologies import technology_name
from lexicon.words import shorten
from places.index import place_index
from storage.audit.models import SOURCE_URL_KEY, Author, Change, Refusal, Row
from storage.fact_edits.models import UndoRequest
from storage.outbox.models import CAMPAIGN, FOLLOW, OutboxStats
from storage.subjects import (
    agency_subjects,
    city_key,
    company_key,
    county_key,
    county_wide_keys,
    state_key,
)

SHOWN = 10
# Bookkeeping columns that change with every edit and say nothing to a reader (and the
# recorded URL of the source, shown as the source itself).
_QUIET = frozenset({
    SOURCE_URL_KEY, "name_key", "jurisdiction_key", "natural_key", "as_of", "origin",
    "started_precision", "happened_precision", "enacted_precision",
})  # fmt: skip
_VALUE_CHARS = 80
# What a column is called in a sentence; a date is shown at its stored precision.
_LABELS = {
    "started": N_("start date"), "ended": N_("end date"), "happened": N_("date"),
    "enacted": N_("enacted"), "status_changed": N_("status changed"), "status_note": N_("note"),
    "source_id": N_("source"), "agency_id": N_("agency"), "company_id": N_("company"),
    # the others by their column's name, as English has always shown them
    "name": N_("name"), "title": N_("title"), "place_key": N_("place key"),
    "place_label": N_("place label"), "city": N_("city"), "county": N_("county"),
    "state": N_("state"), "kind": N_("kind"), "status": N_("status"), "summary": N_("summary"),
    "technology": N_("technology"), "vendor": N_("vendor"), "confidence": N_("confidence"),
    "jurisdiction": N_("jurisdiction"), "level": N_("level"), "scope": N_("scope"),
    "enacted_means": N_("enacted means"), "web": N_("web"), "email": N_("email"),
    "phone": N_("phone"), "meeting_on": N_("meeting on"), "meeting_place": N_("meeting place"),
    "summary_es": N_("summary es"), "status_es": N_("status es"), "scope_es": N_("scope es"),
    "status_note_es": N_("status note es"), "reported_by": N_("reported by"),
}  # fmt: skip
# Values said from the catalog (codes), not shown as stored.
_CODED = frozenset({"kind", "status", "level", "confidence", "enacted_means"})
_PRECISION = {
    "started": "started_precision", "happened": "happened_precision",
    "enacted": "enacted_precision",
}  # fmt: skip

# The log of the shared facts is the facts admins' (a workspace's admins act on its own
# campaigns and templates only); each sees other workspaces' people as someone elsewhere.
COMMANDS = CommandSet(group="facts", role=Role.FACTS_ADMIN, private=True)


@COMMANDS.command(
    "history", "Who changed what, when, before and after",
    examples=("/facts history", "/facts history Greenfield, WI", "/facts history D123"),
    writes=False,
)  # fmt: skip
async def history(
    ctx: Ctx,
    target: Annotated[
        str,
        Opt(
            "A place, company, fact (D123) or change (C12)",
            autocomplete="place",
            max_length=120,
            greedy=True,
        ),
    ] = "",
) -> Reply:
    deps = ctx.deps
    target = target.strip()
    changes, about = await _find(deps, target, ctx)
    sources = await deps.storage.audit.source_urls(_source_ids(changes))
    lines = [_describe(c, sources) for c in changes] or [_("No changes on record.")]
    if not target:  # the whole log: refused attempts too, numbered and headed apart
        refusals = await deps.storage.audit.recent_refusals(SHOWN, viewer_of(ctx))
        if refusals:
            lines.append(_("Refused attempts (commands run without the role for them):")
                         + "\n" + "\n".join(map(_refusal_line, refusals)))  # fmt: skip
    title = _("History of {about} (latest first)").format(about=about)
    return Reply(title=title, text="\n\n".join(lines))


def _refusal_line(refusal: Refusal) -> str:
    when, who = format_moment(refusal.at), _who(refusal.author)
    return f"R{refusal.id} · {when} · {who} · /{refusal.command}"


def _who(author: Author) -> str:
    """'Ana (slack:U1)'; a name alone for an erased author ('erased user #12') or one from
    another workspace (storage gave 'someone in another workspace', no id)."""
    if not author.user_id:
        return author.user_name
    return f"{author.user_name} ({author.platform}:{author.user_id})"


async def _find(deps: Deps, target: str, ctx: Ctx) -> tuple[list[Change], str]:
    audit, viewer = deps.storage.audit, viewer_of(ctx)
    if not target:
        return await audit.recent_changes(SHOWN, viewer), _("the facts")
    first = target[:1].upper()
    if first in "DELBO" and target[1:].isdigit():
        return await audit.changes_to_fact(fact_id(target), SHOWN, viewer), target.upper()
    if first == "C" and target[1:].isdigit():
        change = await audit.get_change(change_id(target), viewer)
        return ([change] if change else []), target.upper()
    company = await deps.storage.fact_edits.company(target)
    if company is not None:
        changes = await audit.changes_about([company_key(company.slug)], SHOWN, viewer)
        return changes, company.name
    place = place_index(deps).resolve(target)
    if place.kind == "county":
        keys: tuple[str, ...] = (county_key(place.county, place.state),)
    elif place.kind == "city":
        keys = (city_key(place.city, place.state), *county_wide_keys(place.county, place.state))
    else:
        keys = agency_subjects(place.city, place.county, place.state)
    return await audit.changes_about([*keys, state_key(place.state)], SHOWN, viewer), place.label


def _source_ids(changes: list[Change]) -> list[int]:
    """Sources to look up: only those of entries recorded before each entry kept the URL
    its source id named then (SOURCE_URL_KEY); for those, today's URL is all there is."""
    rows = [row for c in changes for row in (c.before, c.after) if row is not None]
    return sorted({
        int(str(row["source_id"])) for row in rows
        if row.get("source_id") and SOURCE_URL_KEY not in row
    })  # fmt: skip


def _describe(change: Change, sources: Mapping[int, str]) -> str:
    head = f"C{change.id} · {format_moment(change.at)} · {_who(change.author)} · /{change.command}"
    if change.fact_id:
        head += f" · {change.fact_id}"
    lines = [head, f"  {say(change.summary)}"]
    if change.action in ("create", "update", "delete", "undo"):
        lines.append(f"  {_difference(change.before, change.after, sources)}")
    if change.source_url:
        lines.append("  " + _("source: {url}").format(url=change.source_url))
    if change.undone_by is not None:
        lines.append("  " + _("undone by C{change}").format(change=change.undone_by))
    return "\n".join(lines)


def _difference(before: Row | None, after: Row | None, sources: Mapping[int, str]) -> str:
    """What changed, in words: 'start date 2018-03-22 → May 2019; source <url> → <url>'."""
    if before is None and after is not None:
        return _("created: {fields}").format(fields=_fields(after, set(after), sources))
    if after is None and before is not None:
        return _("removed: {fields}").format(fields=_fields(before, set(before), sources))
    if before is None or after is None:
        return ""
    changed = [k for k in after if before.get(k) != after.get(k) and k not in _QUIET]
    if not changed:
        return _("(no visible change)")
    return "; ".join(
        f"{_label(k)} {_value(before, k, sources)} → {_value(after, k, sources)}" for k in changed
    )


def _fields(row: Row, keys: set[str], sources: Mapping[int, str]) -> str:
    shown = [k for k in row if k in keys and k not in _QUIET and k != "id"]
    described = [
        f"{_label(k)} {_value(row, k, sources)}" for k in shown if row[k] not in (None, "")
    ]
    return "; ".join(described) or _("(no visible change)")


def _label(column: str) -> str:
    """A column as a sentence names it; one without a label by its own name (code)."""
    label = _LABELS.get(column)
    return _(label) if label else column.replace("_", " ")


def _value(row: Row, key: str, sources: Mapping[int, str]) -> str:
    value = row.get(key)
    if value in (None, ""):
        return _("(none)")
    if key == "source_id":
        recorded = row.get(SOURCE_URL_KEY)
        if recorded:
            return str(recorded)
        return sources.get(int(str(value))) or _("source #{id}").format(id=value)
    if key in _PRECISION:
        return date_text(str(value), str(row.get(_PRECISION[key]) or "") or None)
    if key in _CODED:
        return code_said(str(value))
    if key == "technology":
        return technology_name(str(value))
    return shorten(str(value), _VALUE_CHARS)


@COMMANDS.command(
    "undo", "Undo a change (restores the facts exactly)",
    examples=("/facts undo C12",),
)  # fmt: skip
async def undo(
    ctx: Ctx,
    change: Annotated[str, Opt("Change id, e.g. C12", max_length=20)],
) -> Reply:
    deps = ctx.deps
    target = change_id(change)
    # Followers read what was undone; storage fills {summary} with the undone change's.
    notice = notices("", lambda: _undone(target))
    result = await deps.storage.fact_edits.undo(UndoRequest(edit_of(ctx, deps, "", notice), target))
    await committed(deps)
    undid = ngettext(
        "Undid C{change} ({summary}): {n:,} row put back as they were.",
        "Undid C{change} ({summary}): {n:,} rows put back as they were.",
        result.rows,
    ).format(change=result.undone_id, summary=say(result.undone_summary), n=result.rows)
    by = _("By {name}.").format(name=ctx.user_name)
    told = f" {told_once(result.queued)}" if result.queued else ""
    return Reply(title=recorded_title(result.change_id), text=f"{undid} {by}{told}")


def _undone(change: int) -> str:
    """What followers read changed: the undone change (storage fills its {summary})."""
    return _("change C{change} was undone ({summary})").format(change=change, summary="{summary}")


@COMMANDS.command(
    "outbox",
    "Direct messages waiting or failing: follow notifications and campaign messages",
    examples=("/facts outbox",),
    writes=False,
)
async def show_outbox(ctx: Ctx) -> Reply:
    deps = ctx.deps
    by_kind = await deps.storage.outbox.stats_by_kind()
    lines = [_kind_line(kind, totals) for kind, totals in by_kind.items()]
    for item in await deps.storage.outbox.pending(SHOWN, viewer_of(ctx)):
        # The delivery loop's record, kept as structure (lexicon/stored.py): said here.
        error = (
            _(", last error: {error}").format(error=say(item.last_error)) if item.last_error else ""
        )
        to = f"{item.platform}:{item.user_id}" if item.user_id else item.user_name
        what = (
            _("campaign message")
            if item.announcement_id is not None
            else _("follow notification (C{change})").format(change=item.change_id)
        )
        line = ngettext(
            "N{id}, {what}, to {to}: {n:,} attempt, next {when}",
            "N{id}, {what}, to {to}: {n:,} attempts, next {when}",
            item.attempts,
        ).format(
            id=item.id, what=what, to=to, n=item.attempts, when=format_moment(item.next_attempt_at)
        )
        lines.append(line + error)
    if any(t.pending for t in by_kind.values()) and not any(t.failing for t in by_kind.values()):
        lines.append(_("Nothing has failed; the delivery loop sends pending ones shortly."))
    return Reply(title=_("Outbox: direct messages to members"), text="\n".join(lines))


# The kinds storage counts apart, as the admin reads them.
_KINDS = {FOLLOW: N_("Follow notifications"), CAMPAIGN: N_("Campaign messages")}


def _kind_line(kind: str, totals: OutboxStats) -> str:
    """One kind's counts; campaign messages also say how many were given up on."""
    line = _("{kind}: pending {pending:,} (failing {failing:,}); delivered {delivered:,}").format(
        kind=_(_KINDS[kind]) if kind in _KINDS else kind,
        pending=totals.pending,
        failing=totals.failing,
        delivered=totals.delivered,
    )
    if kind == CAMPAIGN:
        line += _("; given up {n:,} (DMs closed or kept failing)").format(n=totals.gave_up)
    if totals.oldest_pending:
        line += _("; oldest pending since {when}").format(when=format_moment(totals.oldest_pending))
    return line + "."
