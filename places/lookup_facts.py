"""The facts `/ring lookup` shows, held in memory beside the place index.

A lookup is the hottest read in chat. Reading its facts from SQLite costs one trip to
the database thread per query, and under load every trip waits for the event loop and
fights the loop for the GIL. The facts involved are few (every Ring partnership, a
couple of thousand rows; the dataset dates; Ring's current status), so the place index
reads them with the places and swaps them in on the same `reload()` that every fact
change already triggers. A lookup then touches no database at all.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from storage.facts.models import ATLAS_DATASET, CompanyEvent, Dataset, Deployment, deployment_order
from storage.facts.repository import FactsStore

RING_ALIAS = "ring"  # the company whose timeline tells what the police program is today


def _frozen_empty() -> Mapping[int, tuple[Deployment, ...]]:
    return MappingProxyType({})


@dataclass(frozen=True)
class LookupFacts:
    """One consistent read of the facts a lookup needs; replaced whole, never edited."""

    ring_by_agency: Mapping[int, tuple[Deployment, ...]] = field(default_factory=_frozen_empty)
    datasets: Mapping[str, Dataset] = field(default_factory=lambda: MappingProxyType({}))
    ring_status: CompanyEvent | None = None  # the latest status event of Ring's timeline
    ring_timeline: tuple[CompanyEvent, ...] = ()  # every dated event of Ring's, oldest first
    # The EFF Atlas snapshot's own Ring rows (as_of its export date): how many agencies, and
    # the latest date one joined, so an answer can say what the snapshot cannot know.
    snapshot_agencies: int = 0
    snapshot_latest: Deployment | None = None

    def ring_partnerships(self, agency_ids: Iterable[int]) -> list[Deployment]:
        """Ring partnerships of these agencies, in the order the database read lists them."""
        found = [
            deployment
            for agency_id in dict.fromkeys(agency_ids)
            for deployment in self.ring_by_agency.get(agency_id, ())
        ]
        found.sort(key=deployment_order)
        return found


async def load_lookup_facts(store: FactsStore) -> LookupFacts:
    by_agency: defaultdict[int, list[Deployment]] = defaultdict(list)
    for deployment in await store.ring_partnerships():
        by_agency[deployment.agency.id].append(deployment)
    ring = await store.company_by_alias(RING_ALIAS)
    status = None if ring is None else await store.current_status(ring.id)
    timeline = () if ring is None else tuple(await store.company_timeline(ring.id))
    datasets = await store.datasets()
    atlas = datasets.get(ATLAS_DATASET)
    in_snapshot = [
        d for found in by_agency.values() for d in found if atlas and d.as_of == atlas.as_of
    ]
    return LookupFacts(
        ring_by_agency=MappingProxyType({k: tuple(v) for k, v in by_agency.items()}),
        datasets=MappingProxyType(datasets),
        ring_status=status,
        ring_timeline=timeline,
        snapshot_agencies=len({d.agency.id for d in in_snapshot}),
        snapshot_latest=max(in_snapshot, key=lambda d: d.started or "", default=None),
    )
