"""Campaigns and sign-ups as values: what commands hold and storage returns."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from lexicon.i18n import _, format_fact_date


@dataclass(frozen=True)
class NewCampaign:
    workspace: str
    slug: str
    title: str
    goal: int | None
    template: str
    place: str
    ends: str | None
    created_on: str
    # Its own language ('en', 'es'; '' when no organizer chose one): keyword-only so the
    # stored Campaign's fields can follow without defaults.
    language: str = field(default="", kw_only=True)


@dataclass(frozen=True)
class Campaign(NewCampaign):
    """A stored campaign: what was created, plus its id and when (if) it was closed."""

    id: int
    closed_on: str | None

    def refusal(self, today: str) -> str:
        """Why this campaign takes no sign-ups on `today`, or '' when it does."""
        if self.closed_on is not None:
            return _("The campaign {slug} was closed on {day}.").format(
                slug=self.slug, day=format_fact_date(self.closed_on, "day", iso_days=True)
            )
        if self.ends is not None and self.ends < today:
            return _("The campaign {slug} ended on {day}.").format(
                slug=self.slug, day=format_fact_date(self.ends, "day", iso_days=True)
            )
        return ""


@dataclass(frozen=True)
class Member:
    """The only personal data a sign-up keeps."""

    platform: str
    user_id: str
    display_name: str
    city: str = ""


class JoinStatus(Enum):
    JOINED = "joined"
    ALREADY = "already"
    REFUSED = "refused"  # closed or ended by the time the write ran


@dataclass(frozen=True)
class JoinOutcome:
    status: JoinStatus
    since: str = ""  # ALREADY: when the existing sign-up was made
    reason: str = ""  # REFUSED: why


@dataclass(frozen=True)
class ExportRow:
    display_name: str
    city: str
    signed_up_on: str
    # Who signed (not written into the export): a file kept on disk records whom it names.
    platform: str = ""
    user_id: str = ""


JOINED = JoinOutcome(JoinStatus.JOINED)  # immutable: one instance serves every sign-up
CAMPAIGN_FIELDS = (
    "id", "workspace", "slug", "title", "goal", "template", "place", "ends", "created_on",
    "closed_on", "language",
)  # fmt: skip
CAMPAIGN_COLUMNS = ", ".join(CAMPAIGN_FIELDS)


def campaign_from_row(values: Iterable[Any]) -> Campaign:
    """A campaign from a row whose first columns are CAMPAIGN_COLUMNS, in that order."""
    return Campaign(**dict(zip(CAMPAIGN_FIELDS, values, strict=False)))


@dataclass(frozen=True)
class EndedCampaign:
    id: int
    workspace: str
    slug: str
    title: str
    goal: int | None
    ends: str
    signups: int
