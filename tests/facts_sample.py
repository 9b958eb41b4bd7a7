"""A small, hand-written facts fixture for the read side, written through storage.facts.write.

Dates and wording are the test's own; sources are example URLs. Real data is tested
separately against ../shared/data.
"""

from __future__ import annotations

from storage.db import Database
from storage.facts import write as w
from storage.sql import Conn

RING = "Ring/Neighbors Partnership"
ATLAS_AS_OF = "2020-10-07"


async def _write(conn: Conn) -> None:
    atlas = await w.upsert_source(conn, "https://atlas.example/", "Atlas of Surveillance")
    news = await w.upsert_source(conn, "https://news.example/amazon", "Reuters", "2021-05-18")
    bf = await w.upsert_source(conn, "https://news.example/bf", "BuzzFeed News", "2020-06-10")
    cr = await w.upsert_source(conn, "https://news.example/cr", "Consumer Reports", "2024-01-24")
    law_src = await w.upsert_source(conn, "https://news.example/law", "AP", "2022-07-22")

    amazon = await w.upsert_company(
        conn, "amazon", "Amazon", ("aws", "amazon rekognition", "rekognition")
    )
    await w.add_company_event(
        conn, amazon, "2020-06-10", "moratorium", "One-year pause on police use.", bf,
        "2024-06-01", natural_key="t:amazon:1", status="One-year moratorium on police use",
    )  # fmt: skip
    await w.add_company_event(
        conn, amazon, "2021-05-18", "extension", "Extended until further notice.", news,
        "2024-06-01", natural_key="t:amazon:2", status="Moratorium extended indefinitely",
    )  # fmt: skip
    meta = await w.upsert_company(conn, "meta", "Meta", ("facebook",))
    await w.add_company_event(
        conn, meta, "2021-11", "shutdown", "Face recognition system shut down.", news,
        "2024-06-01", natural_key="t:meta:1", precision="month", status="Shut down",
    )  # fmt: skip
    await w.upsert_company(conn, "acme", "Acme Vision")  # a company with no events
    ring = await w.upsert_company(conn, "ring", "Ring")
    await w.add_company_event(
        conn, ring, "2024-01-24", "program", "Ring ends police video requests.", cr,
        "2024-06-01", natural_key="t:ring:1", status="No police video requests through the app",
    )  # fmt: skip

    async def agency(name: str, city: str, county: str, state: str) -> int:
        return await w.upsert_agency(conn, name, state, city=city, county=county, kind="Police")

    greenfield = await agency(
        "Greenfield Police Department", "Greenfield", "Milwaukee County", "WI"
    )
    await agency("Greenfield Police Department", "Greenfield", "Hancock County", "IN")
    await agency("Milwaukee Police Department", "Milwaukee", "Milwaukee County", "WI")
    west_allis = await agency(
        "West Allis Police Department", "West Allis", "Milwaukee County", "WI"
    )
    miami_fl = await agency("Miami Police Department", "Miami", "Miami-Dade County", "FL")
    await agency("Miami Police Department", "Miami", "Ottawa County", "OK")
    somerville = await agency(
        "Somerville Police Department", "Somerville", "Middlesex County", "MA"
    )
    await agency("St. Louis County Police Department", "Clayton", "St. Louis County", "MO")

    async def deploy(agency_id: int, tech: str, key: str, **kw: object) -> None:
        await w.upsert_deployment(
            conn,
            agency_id,
            tech,
            atlas,
            ATLAS_AS_OF,
            natural_key=key,
            **kw,  # type: ignore[arg-type]
        )

    await deploy(greenfield, RING, "t:d:1", vendor="Ring", started="2019-03-05",
                 started_precision="day")  # fmt: skip
    await deploy(west_allis, RING, "t:d:2", vendor="Ring", started="2020-09-01",
                 started_precision="month")  # fmt: skip
    await deploy(miami_fl, "Face Recognition", "t:d:3", vendor="Clearview AI",
                 started="2019-01-01", started_precision="year")  # fmt: skip
    await deploy(somerville, RING, "t:d:4", vendor="Ring", started="2019-06-01",
                 started_precision="month", ended="2021-02-15")  # fmt: skip

    await w.upsert_law(
        conn, jurisdiction="Somerville, MA", state="MA", level="city", kind="ban",
        scope="Bans city use of face surveillance.", enacted="2019-06-27", status="in-force",
        source_id=law_src, as_of="2024-06-01", natural_key="t:law:1", city="Somerville",
    )  # fmt: skip
    await w.upsert_law(
        conn, jurisdiction="Virginia", state="VA", level="state", kind="ban",
        scope="Banned local police use without approval.", enacted="2021-03-29",
        status="reversed", status_changed="2022-07-01", source_id=law_src, as_of="2024-06-01",
        natural_key="t:law:2",
    )  # fmt: skip
    await w.upsert_law(
        conn, jurisdiction="Massachusetts", state="MA", level="state", kind="oversight",
        scope="Police reform law with face-recognition rules.", enacted="2020-12",
        enacted_precision="month", status="in-force", source_id=law_src, as_of="2024-06-01",
        natural_key="t:law:3",
    )  # fmt: skip
    await w.upsert_law(
        conn, jurisdiction="King County, WA", state="WA", level="county", kind="ban",
        scope="Bans county use.", enacted="2021-06-01", status="in-force", source_id=law_src,
        as_of="2024-06-01", natural_key="t:law:4", county="King County",
    )  # fmt: skip
    await w.record_dataset(conn, "eff-atlas", ATLAS_AS_OF, "2026-11-26T12:00:00Z", 8)


async def load_sample(db: Database) -> None:
    await db.write(_write)
