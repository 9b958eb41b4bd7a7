"""A typed ZIP code as a place on record: its city (or one of the names USPS accepts for it),
else its county; a ZIP covering several places on record asks which."""

from __future__ import annotations

from bot.core.errors import UserError
from lexicon.names import normalize
from places.errors import NotOnRecord
from places.snapshot import Place, Snapshot
from places.zips import ZipArea, zip_area


def zip_place(snap: Snapshot, code: str) -> tuple[Place, str]:
    """The place a ZIP names and the line saying how it was read."""
    area = zip_area(code)
    if area is None:
        raise NotOnRecord(
            f"{code} is not a US ZIP code in the gazetteer. Type 'City, ST' (Greenfield, WI).",
            es=f"{code} no es un código postal de EE. UU. del nomenclátor. Escriba 'Ciudad, ST'"
            " (Greenfield, WI).",
        )
    found = [
        p
        for name in area.names
        for p in snap.places_named(normalize(name), area.state)
        if p.kind == "city"
    ]
    distinct = list(dict.fromkeys(found))
    if len(distinct) == 1:
        return distinct[0], f"ZIP {code} is {distinct[0].label}."
    if distinct:
        labels = [p.label for p in distinct]
        raise UserError(
            f"ZIP {code} covers several places on record: {'; '.join(labels)}. Say which,"
            f" e.g. {labels[-1]}.",
            es=f"El código postal {code} abarca varios lugares: {'; '.join(labels)}. Diga cuál,"
            f" p. ej. {labels[-1]}.",
        )
    return _county_of(snap, area)


def _county_of(snap: Snapshot, area: ZipArea) -> tuple[Place, str]:
    where = f"{area.names[0]}, {area.state}"
    county = snap.county_index.get((normalize(area.county), area.state)) if area.county else None
    if county is not None:
        return county, (
            f"ZIP {area.code} is {where}, which has no place of its own on record; showing its"
            f" county, {county.label}."
        )
    in_county = f" ({area.county})" if area.county else ""
    raise NotOnRecord(
        f"ZIP {area.code} is {where}{in_county}: a real place, with no row in the data on record.",
        es=f"El código postal {area.code} es {where}{in_county}: un lugar real, sin fila en los"
        " datos registrados.",
    )
