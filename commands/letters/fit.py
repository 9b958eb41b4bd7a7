"""Whether a template fits the facts, and which one does when it does not.

A template says when it applies in its header (`applies: no-ban`, `ban`, `ring`,
`company-pause`, `company-other`). The place's facts decide: a local ban in force or
not, an ongoing Ring partnership or not; a company's latest status decides which company
letter fits. A template that does not fit is refused in one line naming the one that does.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.deps import Deps
from bot.core.errors import UserError
from commands.letters.dates import LAW_KIND, LAW_STATUS
from lexicon.i18n import _, current
from places.snapshot import Place
from storage.facts.models import RING_TECHNOLOGY, Company, CompanyEvent, Deployment, Law

BAN_KINDS = frozenset({"ban", "moratorium"})
STANDING = frozenset({"in-force", "partly-reversed"})
APPLIES = frozenset({"no-ban", "ban", "ring", "company-pause", "company-other"})
# Latest-status kinds that leave a company with a pause on police sales it could lift.
PAUSE_KINDS = frozenset({"moratorium", "extension", "restriction"})
POLICE_VIDEO = "police-video"


@dataclass(frozen=True)
class PlaceFacts:
    place: Place
    ban: Law | None  # the place's own ban or moratorium, still standing
    gone_ban: Law | None  # one that lapsed or was reversed (when none stands)
    ring: tuple[Deployment, ...]  # ongoing Ring partnerships of the place's agencies
    ring_ended: tuple[Deployment, ...]


async def place_facts(deps: Deps, place: Place) -> PlaceFacts:
    local = await deps.storage.facts.laws_for_place(place.state, place.city, place.counties)
    bans = [law for law in local if law.kind in BAN_KINDS and law.level != "state"]
    standing = [law for law in bans if law.status in STANDING]
    found = await deps.storage.facts.deployments_for_agencies(place.agency_ids, RING_TECHNOLOGY)
    return PlaceFacts(
        place=place,
        ban=standing[-1] if standing else None,
        gone_ban=bans[-1] if bans and not standing else None,
        ring=tuple(d for d in found if d.ended is None),
        ring_ended=tuple(d for d in found if d.ended is not None),
    )


def company_policy(company: Company, latest: CompanyEvent | None) -> str:
    """'police-video' (Ring), 'pause' (a moratorium it could lift) or 'other' (left, shut)."""
    if company.topic == POLICE_VIDEO:
        return POLICE_VIDEO
    return "pause" if latest is not None and latest.kind in PAUSE_KINDS else "other"


def check_place_fit(name: str, applies: frozenset[str], facts: PlaceFacts) -> None:
    """UserError in one line, naming the template that fits, when `name` does not."""
    label = facts.place.label
    if "no-ban" in applies and facts.ban is not None:
        ban = facts.ban
        whose = "" if ban.jurisdiction == label else f" ({ban.jurisdiction})"
        if ban.status == "partly-reversed" and ban.status_changed:
            message = _(
                "{label} already has a facial-recognition {kind}, partly reversed on {date}"
                "{whose}: use /letter draft keep-ban {label}"
            )
        elif ban.status == "partly-reversed":
            message = _(
                "{label} already has a facial-recognition {kind}, partly reversed{whose}: use"
                " /letter draft keep-ban {label}"
            )
        else:
            message = _(
                "{label} already has a facial-recognition {kind}, in force{whose}: use"
                " /letter draft keep-ban {label}"
            )
        kind = _law_word(LAW_KIND, ban.kind)
        raise UserError(
            message.format(label=label, kind=kind, date=ban.status_changed, whose=whose)
        )
    if "ban" in applies and facts.ban is None:
        gone = facts.gone_ban
        if gone:
            message = _(
                "{where}'s {kind} is no longer in force ({status}): to ask for one, use"
                " /letter draft ban-petition {label}"
            ).format(
                where=gone.jurisdiction,
                kind=_law_word(LAW_KIND, gone.kind),
                status=_law_word(LAW_STATUS, gone.status),
                label=label,
            )
        else:
            message = _(
                "No facial-recognition ban is on record for {label}: to ask for one, use"
                " /letter draft ban-petition {label}"
            ).format(label=label)
        raise UserError(message)
    if "ring" in applies and not facts.ring:
        other = "keep-ban" if facts.ban is not None else "ban-petition"
        if facts.ring_ended:
            ended = facts.ring_ended[0]
            message = _(
                "{agency}'s Ring partnership ended on {date}: use /letter draft {other} {label}"
            ).format(agency=ended.agency.name, date=ended.ended, other=other, label=label)
        else:
            message = _(
                "No Ring partnership of {label} is in the facts on record: use"
                " /letter draft {other} {label}"
            ).format(label=label, other=other)
        raise UserError(message)


def _law_word(table: dict[str, dict[str, str]], word: str) -> str:
    """A law's kind or status in the request's language (the letters' own tables)."""
    return table.get(current(), table["en"]).get(word, word)


def check_company_fit(name: str, applies: frozenset[str], company: Company, policy: str) -> None:
    if policy == POLICE_VIDEO and applies & {"company-pause", "company-other"}:
        raise UserError(
            _(
                "{company} sells no face recognition: its police program is about video. Use"
                " /letter draft ring-council <place> or /letter draft records-request <agency>"
            ).format(company=company.name)
        )
    if "company-pause" in applies and policy != "pause":
        raise UserError(
            _(
                "{company} has no police moratorium to make permanent: use"
                " /letter draft company-commitment company:{slug}"
            ).format(company=company.name, slug=company.slug)
        )
    if "company-other" in applies and policy == "pause":
        raise UserError(
            _(
                "{company} has a pause on police sales: use"
                " /letter draft company-moratorium company:{slug}"
            ).format(company=company.name, slug=company.slug)
        )
