"""A few hand-written agencies for the letter tests and the letters benchmark: dates, names
and URLs are made up (example.org); the seed brings the companies, Ring's program history
and the local laws."""

from __future__ import annotations

from storage.facts import write as w
from storage.facts.models import RING_TECHNOLOGY
from storage.sql import Conn

AS_OF = "2020-10-07"


async def letters_agencies(conn: Conn) -> None:
    """Greenfield (WI), Shelbyville (IN), Yearton, Endsville, Quietown (WI) and San
    Francisco (CA): Ring partnerships with a month, day or year, one ended, one without."""
    ring_map = await w.upsert_source(conn, "https://example.org/ring-map", "Ring")
    other = await w.upsert_source(conn, "https://example.org/news", "Example News", "2019-01-01")

    async def agency(name: str, city: str, county: str, state: str) -> int:
        return await w.upsert_agency(conn, name, state, city=city, county=county, kind="Police")

    async def ring(agency_id: int, key: str, started: str | None, precision: str | None,
                   ended: str | None = None) -> None:  # fmt: skip
        await w.upsert_deployment(
            conn, agency_id, RING_TECHNOLOGY, ring_map, AS_OF, natural_key=key, vendor="Ring",
            summary="Joined Ring's Neighbors portal.", started=started,
            started_precision=precision, ended=ended,
        )  # fmt: skip

    greenfield = await agency(
        "Greenfield Police Department", "Greenfield", "Milwaukee County", "WI"
    )
    await ring(greenfield, "t:greenfield", "2020-09-01", "month")
    shelby = await agency("Shelbyville Police Department", "Shelbyville", "Shelby County", "IN")
    await ring(shelby, "t:shelby", "2018-03-22", "day")
    yearly = await agency("Yearton Police Department", "Yearton", "Year County", "WI")
    await ring(yearly, "t:yearton", "2019-01-01", "year")
    ended = await agency("Endsville Police Department", "Endsville", "End County", "WI")
    await ring(ended, "t:endsville", "2019-05-01", "day", ended="2021-02-01")
    quiet = await agency("Quietown Police Department", "Quietown", "Quiet County", "WI")
    await w.upsert_deployment(
        conn, quiet, "Body-worn Cameras", other, AS_OF, natural_key="t:quiet:bwc"
    )
    await agency("San Francisco Police Department", "San Francisco", "San Francisco County", "CA")
