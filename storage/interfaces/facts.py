"""What members read: companies and their timelines, agencies, Ring partnerships, laws,
datasets."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from storage.facts_models import (
    Agency,
    AgencyName,
    Company,
    CompanyEvent,
    CompanyStatus,
    Count,
    Dataset,
    Deployment,
    Law,
    LawPlace,
    RingTotals,
)


class FactsStore(Protocol):
    """What members read: frozen values, never rows."""

    async def company_by_alias(self, alias: str) -> Company | None:
        """The company a name or alias ('aws', 'Amazon Rekognition') stands for, exactly."""
        ...

    async def company_aliases(self) -> list[tuple[str, Company]]:
        """Every alias with its company, for forgiving matching and autocomplete."""
        ...

    async def company_timeline(self, company_id: int) -> list[CompanyEvent]: ...

    async def companies_with_status(self) -> list[CompanyStatus]:
        """Every company, each with its latest event that carries a status (by date, then entry)."""
        ...

    async def current_status(self, company_id: int) -> CompanyEvent | None:
        """The latest event of one company that carries a status."""
        ...

    async def all_agencies(self) -> list[Agency]:
        """Every agency; the place index is built from these."""
        ...

    async def deployments_for_agencies(
        self, agency_ids: Iterable[int], technology: str | None = None
    ) -> list[Deployment]:
        """Deployments of these agencies (optionally one technology), by agency then start date."""
        ...

    async def ring_partnerships(self, state: str | None = None) -> list[Deployment]:
        """Ring/Neighbors partnership rows, optionally for one state."""
        ...

    async def ring_counts_by_state(self) -> list[Count]:
        """Agencies with a Ring partnership per state, most first."""
        ...

    async def ring_counts_by_year(self, state: str | None = None) -> list[Count]:
        """Agencies by the year they first joined ('' when no date is on record)."""
        ...

    async def ring_counts_by_month(self, state: str | None = None) -> list[Count]:
        """Agencies by the month (YYYY-MM) they first joined, oldest first; agencies whose
        first date is known only to the year, or not at all, are left out."""
        ...

    async def ring_totals(self, state: str | None = None) -> RingTotals:
        """How many agencies partner with Ring, in how many rows, and how many ended."""
        ...

    async def laws_for_place(
        self, state: str, city: str = "", counties: Iterable[str] = ()
    ) -> list[Law]:
        """Laws that apply to a place: its city's, its counties', and its state's."""
        ...

    async def laws_in_state(self, state: str) -> list[Law]: ...

    async def all_laws(self) -> list[Law]: ...

    async def agency_names(self) -> list[AgencyName]:
        """Every city and alias agencies are also found by (migrations/0006)."""
        ...

    async def law_places(self) -> list[LawPlace]:
        """City and county jurisdictions that have a law, so they resolve even with no agency."""
        ...

    async def datasets(self) -> dict[str, Dataset]:
        """Every named body of data ('eff-atlas', 'seed') with the date it describes."""
        ...
