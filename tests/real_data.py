"""The real EFF Atlas export, the IFF laws table and the seed, loaded into a test's database.

Parsing the export and writing its 5,784 rows costs most of a second of CPU; some fifty tests
read it. So each test process parses each file once, writes each combination of data once
into a template SQLite file, and every test opens a copy of that file of its own (a copy
takes milliseconds): what one test writes, no other test sees. On PostgreSQL the data is
written into the test's database as before.

A test asks for the data with `@pytest.mark.real_data("seed", "atlas", "laws")` (written in
that order); the `db` fixture (tests/conftest.py) then opens the database with it.
Skipped, saying so, when ../shared/data is absent (`shared_data_file`).
"""

from __future__ import annotations

import functools
import shutil
from pathlib import Path
from typing import Literal, get_args

import pytest

from storage.db import Database
from storage.importers.atlas import AtlasParse, parse_atlas
from storage.importers.atlas_write import import_atlas
from storage.importers.laws import IFF_AS_OF, LawsParse, import_laws, parse_laws
from storage.seed import ensure_seed
from storage.sql import Db
from testkit.letters_facts import letters_agencies
from tests.conftest import FIXED_NOW, shared_data_file

ATLAS_FILE = "eff_atlas_of_surveillance_2020-10-07.csv"
LAWS_FILE = "us_facial_recognition_local_laws_iff_2021-05.csv"
ATLAS_AS_OF = "2020-10-07"

# "letters": the hand-written agencies of the letter tests (testkit/letters_facts.py).
Part = Literal["seed", "letters", "atlas", "laws"]
PARTS: tuple[str, ...] = get_args(Part)


@functools.cache
def atlas_parse() -> AtlasParse:
    """The export, parsed once per process (nothing writes to a parse)."""
    return parse_atlas(shared_data_file(ATLAS_FILE).read_bytes())


@functools.cache
def laws_parse() -> LawsParse:
    return parse_laws(shared_data_file(LAWS_FILE).read_bytes())


def parts_of(marker: pytest.Mark | None) -> tuple[Part, ...]:
    """The parts a `real_data` marker names; a misspelt part fails the test at once."""
    if marker is None:
        return ()
    unknown = [p for p in marker.args if p not in PARTS]
    if unknown or not marker.args:
        raise ValueError(f"real_data takes some of {PARTS}, not {marker.args}")
    return tuple(marker.args)


def require(request: pytest.FixtureRequest, *parts: Part) -> None:
    """For a fixture that hands on the real data: fail, saying how, when the test does not
    carry the marker that makes the `db` fixture load it."""
    if parts_of(request.node.get_closest_marker("real_data")) != parts:
        words = ", ".join(repr(p) for p in parts)
        pytest.fail(f"{request.node.name} needs @pytest.mark.real_data({words})", pytrace=False)


async def load_real_data(db: Db, parts: tuple[Part, ...]) -> None:
    """Write `parts` into `db`, in order, as an operator's imports would."""
    for part in parts:
        if part == "seed":
            await ensure_seed(db, now=FIXED_NOW)
        elif part == "letters":
            await db.write(letters_agencies)
        elif part == "atlas":
            await import_atlas(db, atlas_parse(), as_of=ATLAS_AS_OF, imported_at=FIXED_NOW)
        else:
            await import_laws(db, laws_parse(), as_of=IFF_AS_OF, imported_at=FIXED_NOW)


class Templates:
    """Template files in one folder of this test process, one per combination of parts
    (no parts: migrated and empty, what most tests start from)."""

    def __init__(self, folder: Path) -> None:
        self._folder = folder
        self._made: dict[tuple[Part, ...], Path] = {}

    async def copy(self, parts: tuple[Part, ...], dest: Path) -> None:
        """Put a migrated database holding `parts` at `dest` (a file of its own)."""
        template = self._made.get(parts)
        if template is None:
            template = self._folder / f"{'-'.join(parts) or 'migrated'}.db"
            db = await Database.open(template)
            try:
                await load_real_data(db, parts)
            finally:
                await db.close()  # the last connection closed: the WAL is in the file
            self._made[parts] = template
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(template, dest)
