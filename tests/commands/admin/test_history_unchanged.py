"""/facts history shows each change as it was made, whatever happens after it.

The bug these reproduce: an undo deleted the source a change had created, SQLite then
handed its id to the next new source, and the history of the first change, which looked
its source up by id in the sources table, showed the later change's URL.
"""

from __future__ import annotations

from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher
from bot.core.models import Attachment, Role
from storage.db import Database
from tests.conftest import identity, shared_data_file

ADMIN = identity(Role.ADMIN, user_id="A1")
GREENFIELD = '"Greenfield Police Department, WI"'
FACTS_HEADER = "fact,subject,state,city,date,kind,status,summary,source_url,create\n"


async def run(disp: Dispatcher, line: str, *files: Attachment) -> str:
    reply = await disp.run_text(ADMIN, line, files)
    assert not reply.error, reply.text
    return reply.as_text()


async def entry(disp: Dispatcher, change: str) -> str:
    """The history of one change, without its 'undone by' line (added when it is undone)."""
    text = await run(disp, f"/facts history {change}")
    return "\n".join(line for line in text.splitlines() if "undone by C" not in line)


async def test_a_later_edit_leaves_the_first_entry_as_it_was(
    disp: Dispatcher, fdeps: Deps, db: Database
) -> None:
    await run(disp, f"/facts set-partnership {GREENFIELD} 2019-06-01 https://ex.org/first")
    first = await entry(disp, "C1")
    assert "source https://example.org/ring-map → https://ex.org/first" in first
    await run(disp, f"/facts set-partnership {GREENFIELD} 2019-07-01 https://ex.org/second")
    assert await entry(disp, "C1") == first
    assert "https://ex.org/second" not in first


async def test_an_undo_then_an_edit_leaves_the_undone_entry_as_it_was(
    disp: Dispatcher, fdeps: Deps, db: Database
) -> None:
    await run(disp, f"/facts set-partnership {GREENFIELD} 2019-06-01 https://ex.org/first")
    first = await entry(disp, "C1")
    await run(disp, "/facts undo C1")
    undo = await entry(disp, "C2")
    assert "source https://ex.org/first → https://example.org/ring-map" in undo
    await run(disp, f"/facts set-partnership {GREENFIELD} 2019-07-01 https://ex.org/later")
    assert await entry(disp, "C1") == first
    assert await entry(disp, "C2") == undo


async def test_an_undo_then_a_facts_import_leaves_the_entries_as_they_were(
    disp: Dispatcher, fdeps: Deps, db: Database
) -> None:
    await run(disp, f"/facts end-partnership {GREENFIELD} 2024-01-31 https://ex.org/end")
    first = await entry(disp, "C1")
    await run(disp, "/facts undo C1")
    undo = await entry(disp, "C2")
    csv = FACTS_HEADER + "law,Virginia,,,2021-03-29,ban,in-force,,https://ex.org/virginia,\n"
    await run(disp, "/facts import", Attachment("facts.csv", csv.encode()))
    assert await entry(disp, "C1") == first
    assert await entry(disp, "C2") == undo
    assert "https://ex.org/end" in first and "https://ex.org/virginia" not in first


async def test_an_undo_then_the_atlas_import_leaves_the_entries_as_they_were(
    disp: Dispatcher, fdeps: Deps, db: Database
) -> None:
    atlas = shared_data_file("eff_atlas_of_surveillance_2020-10-07.csv").read_bytes()
    await run(disp, f"/facts set-partnership {GREENFIELD} 2019-06-01 https://ex.org/first")
    first = await entry(disp, "C1")
    await run(disp, "/facts undo C1")
    undo = await entry(disp, "C2")
    await run(disp, "/facts import", Attachment("eff_atlas_of_surveillance_2020-10-07.csv", atlas))
    assert await entry(disp, "C1") == first
    assert await entry(disp, "C2") == undo
