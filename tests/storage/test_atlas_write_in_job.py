"""write_atlas: the Atlas write on a connection, inside a caller's own write job."""

from __future__ import annotations

import pytest

from storage.db import Database
from storage.importers.atlas import parse_atlas
from storage.importers.atlas_write import ImportSummary, write_atlas
from storage.importers.issues import ImportRefused
from storage.sql import Conn
from tests.conftest import FIXED_NOW
from tests.storage.test_atlas_bad_input import atlas_csv, row, table_counts

PARSED = parse_atlas(atlas_csv([row(n) for n in range(1, 4)]))


async def test_it_commits_with_the_rest_of_the_job(db: Database) -> None:
    async def job(conn: Conn) -> ImportSummary:
        summary = await write_atlas(conn, PARSED, as_of="2020-10-07", imported_at=FIXED_NOW)
        await conn.execute("INSERT INTO sources (url) VALUES ('https://example.org/mine')")
        return summary

    summary = await db.write(job)
    assert summary.agencies_created == 3 and len(summary.created.deployments) == 3
    # 3 agencies; 3 Atlas sources + the job's own; 3 deployments; 1 dataset.
    assert await table_counts(db) == (3, 4, 3, 1)


async def test_a_later_failure_in_the_job_takes_the_import_back(db: Database) -> None:
    async def job(conn: Conn) -> None:
        summary = await write_atlas(conn, PARSED, as_of="2020-10-07", imported_at=FIXED_NOW)
        assert summary.agencies_created == 3  # written, so far
        raise RuntimeError("the audit entry could not be written")

    with pytest.raises(RuntimeError):
        await db.write(job)
    assert await table_counts(db) == (0, 0, 0, 0)


async def test_a_parse_with_errors_is_refused_inside_the_job_too(db: Database) -> None:
    bad = parse_atlas(atlas_csv([row(1, State="ZZ")]))

    async def job(conn: Conn) -> ImportSummary:
        return await write_atlas(conn, bad, as_of="2020-10-07", imported_at=FIXED_NOW)

    with pytest.raises(ImportRefused):
        await db.write(job)
    assert await table_counts(db) == (0, 0, 0, 0)
