"""Jobs behind /facts set-body and /facts add-official: one row per place (a body) or per
person and place (an official), inserted or corrected in place, each change audited and
undoable and its followers told, like every fact."""

from __future__ import annotations

from dataclasses import asdict

from lexicon.i18n import N_
from lexicon.stored import store
from storage.audit import FACT_PREFIX, ChangeRecorder, ChangeRefused, Row
from storage.fact_edits.jobs import entry, finish, origin, rows
from storage.fact_edits.models import BodyChange, Edit, NewOfficial, Outcome
from storage.fact_edits.summaries import body_summary, official_summary
from storage.facts.write import name_key
from storage.sql import Conn


async def set_body(conn: Conn, change: BodyChange) -> Outcome:
    place = change.place
    found = await rows(conn, "SELECT * FROM governing_bodies WHERE place_key = ?", (place.key,))
    rec = ChangeRecorder(conn)
    source_id = await rec.source(change.edit.source_url)
    values: dict[str, object] = {
        "place_label": place.label,
        "name": change.name,
        **asdict(change.contact),
        "source_id": source_id,
        "as_of": change.as_of,
        "origin": origin(change.edit),
    }
    reach = ", ".join(v for v in asdict(change.contact).values() if v)
    summary = body_summary(place.label, change.name, reach, change.as_of)
    if found:
        old = found[0]
        _refuse_same(
            old,
            values,
            f"B{old['id']}",
            store(N_("{place} is governed by {name}"), place=place.label, name=change.name),
        )
        await rec.update("governing_bodies", int(old["id"]), values)
        summary = body_summary(place.label, change.name, reach, change.as_of, was=old["name"])
        return await _done(
            conn,
            rec,
            change.edit,
            "update",
            summary,
            "governing_bodies",
            int(old["id"]),
            place.subjects,
        )
    row_id = await rec.insert("governing_bodies", {"place_key": place.key, **values})
    return await _done(
        conn,
        rec,
        change.edit,
        "create",
        summary,
        "governing_bodies",
        row_id,
        place.subjects,
    )


async def add_official(conn: Conn, change: NewOfficial) -> Outcome:
    place, key = change.place, name_key(change.name)
    found = await rows(
        conn, "SELECT * FROM officials WHERE place_key = ? AND name_key = ?", (place.key, key)
    )
    rec = ChangeRecorder(conn)
    values: dict[str, object] = {
        "place_label": place.label,
        "name": change.name,
        "title": change.title,
        "email": change.email,
        "phone": change.phone,
        "source_id": await rec.source(change.edit.source_url),
        "as_of": change.as_of,
        "origin": origin(change.edit),
    }
    reach = ", ".join(x for x in (change.email, change.phone) if x)
    summary = official_summary(place.label, change.title, change.name, reach, change.as_of)
    if found:
        old = found[0]
        said = store(
            N_("{title} {name} is on record for {place}"),
            title=change.title, name=change.name, place=place.label,
        )  # fmt: skip
        _refuse_same(old, values, f"O{old['id']}", said)
        await rec.update("officials", int(old["id"]), values)
        was = f"{old['title']} {old['name']}"
        summary = official_summary(place.label, change.title, change.name, reach, change.as_of, was)
        return await _done(
            conn, rec, change.edit, "update", summary, "officials", int(old["id"]), place.subjects
        )
    row_id = await rec.insert("officials", {"place_key": place.key, "name_key": key, **values})
    return await _done(
        conn, rec, change.edit, "create", summary, "officials", row_id, place.subjects
    )


CONTACT = ("web", "email", "phone", "meeting_on", "meeting_place")


def _refuse_same(old: Row, values: dict[str, object], label: str, said: str) -> None:
    """Nothing to change: the same words, source and date are already on record."""
    compared = ("name", "title", *CONTACT, "source_id", "as_of")
    if all(old.get(c) == values.get(c) for c in compared if c in values):
        raise ChangeRefused(
            store(
                N_("{fact} already records this ({said}, same source): nothing changed."),
                fact=label,
                said=said,
            )
        )


async def _done(
    conn: Conn,
    rec: ChangeRecorder,
    edit: Edit,
    action: str,
    summary: str,
    table: str,
    row_id: int,
    subjects: tuple[str, ...],
) -> Outcome:
    change = entry(edit, action, summary, table, row_id, subjects)
    return await finish(conn, rec, change, edit, f"{FACT_PREFIX[table]}{row_id}")
