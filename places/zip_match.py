"""A typed ZIP code as a place on record: its city (or one of the names USPS accepts for it),
else its county; a ZIP covering several places on record asks which."""

from __future__ import annotations

from bot.core.errors import UserError
from lexicon.i18n import _
from lexicon.names import normalize
from places.errors import NotOnRecord
from places.snapshot import Place, Snapshot
from places.zips import ZipArea, zip_area


def zip_place(snap: Snapshot, code: str) -> tuple[Place, str]:
    """The place a ZIP names and the line saying how it was read."""
    area = zip_area(code)
    if area is None:
        raise NotOnRecord(
            _(
                "{code} is not a US ZIP code in the gazetteer. Type 'City, ST' (Greenfield, WI)."
            ).format(code=code)
        )
    found = [
        p
        for name in area.names
        for p in snap.places_named(normalize(name), area.state)
        if p.kind == "city"
    ]
    distinct = list(dict.fromkeys(found))
    if len(distinct) == 1:
        return distinct[0], _("ZIP {code} is {place}.").format(code=code, place=distinct[0].label)
    if distinct:
        labels = [p.label for p in distinct]
        raise UserError(
            _(
                "ZIP {code} covers several places on record: {places}. Say which, e.g. {example}."
            ).format(code=code, places="; ".join(labels), example=labels[-1])
        )
    return _county_of(snap, area)


def _county_of(snap: Snapshot, area: ZipArea) -> tuple[Place, str]:
    where = f"{area.names[0]}, {area.state}"
    county = snap.county_index.get((normalize(area.county), area.state)) if area.county else None
    if county is not None:
        return county, _(
            "ZIP {code} is {where}, which has no place of its own on record; showing its"
            " county, {county}."
        ).format(code=area.code, where=where, county=county.label)
    in_county = f" ({area.county})" if area.county else ""
    raise NotOnRecord(
        _("ZIP {code} is {where}{county}: a real place, with no row in the data on record.").format(
            code=area.code, where=where, county=in_county
        )
    )
