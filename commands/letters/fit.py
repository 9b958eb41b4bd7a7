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
        whose = "" if facts.ban.jurisdiction == label else f" ({facts.ban.jurisdiction})"
        standing = (
            f"partly reversed on {facts.ban.status_changed}"
            if facts.ban.status == "partly-reversed" and facts.ban.status_changed
            else "partly reversed"
            if facts.ban.status == "partly-reversed"
            else "in force"
        )
        raise UserError(
            f"{label} already has a facial-recognition {facts.ban.kind}, {standing}{whose}: use"
            f" /letter draft keep-ban {label}",
            es=f"{label} ya tiene una norma sobre reconocimiento facial"
            f" {'revertida en parte' if facts.ban.status == 'partly-reversed' else 'en vigor'}"
            f"{whose}: use"
            f" /letter draft keep-ban {label}",
        )
    if "ban" in applies and facts.ban is None:
        why = (
            f"{facts.gone_ban.jurisdiction}'s {facts.gone_ban.kind} is no longer in force"
            f" ({facts.gone_ban.status})"
            if facts.gone_ban
            else f"No facial-recognition ban is on record for {label}"
        )
        why_es = (
            f"La norma de {facts.gone_ban.jurisdiction} ya no está en vigor"
            if facts.gone_ban
            else f"No consta ninguna prohibición del reconocimiento facial para {label}"
        )
        raise UserError(
            f"{why}: to ask for one, use /letter draft ban-petition {label}",
            es=f"{why_es}: para pedirla, use /letter draft ban-petition {label}",
        )
    if "ring" in applies and not facts.ring:
        other = "keep-ban" if facts.ban is not None else "ban-petition"
        if facts.ring_ended:
            ended = facts.ring_ended[0]
            why = f"{ended.agency.name}'s Ring partnership ended on {ended.ended}"
            why_es = f"La colaboración de {ended.agency.name} con Ring terminó el {ended.ended}"
        else:
            why = f"No Ring partnership of {label} is in the facts on record"
            why_es = f"No consta ninguna colaboración de {label} con Ring"
        raise UserError(
            f"{why}: use /letter draft {other} {label}",
            es=f"{why_es}: use /letter draft {other} {label}",
        )


def check_company_fit(name: str, applies: frozenset[str], company: Company, policy: str) -> None:
    if policy == POLICE_VIDEO and applies & {"company-pause", "company-other"}:
        raise UserError(
            f"{company.name} sells no face recognition: its police program is about video. Use"
            " /letter draft ring-council <place> or /letter draft records-request <agency>",
            es=f"{company.name} no vende reconocimiento facial: su programa policial trata de"
            " vídeo. Use /letter draft ring-council <lugar> o /letter draft records-request"
            " <agencia>",
        )
    if "company-pause" in applies and policy != "pause":
        raise UserError(
            f"{company.name} has no police moratorium to make permanent: use"
            f" /letter draft company-commitment company:{company.slug}",
            es=f"{company.name} no tiene una moratoria policial que hacer permanente: use"
            f" /letter draft company-commitment company:{company.slug}",
        )
    if "company-other" in applies and policy == "pause":
        raise UserError(
            f"{company.name} has a pause on police sales: use"
            f" /letter draft company-moratorium company:{company.slug}",
            es=f"{company.name} tiene una pausa en las ventas a la policía: use"
            f" /letter draft company-moratorium company:{company.slug}",
        )
