"""`main.py copy-db` on the command line: each table printed, and bad input one line that
changes nothing (no password in it)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from tests.storage.copy_db.world import all_counts, copy_db, sqlite_url


def test_the_command_copies_and_prints_each_table(populated: Path, pg_url: str) -> None:
    done = copy_db(sqlite_url(populated), pg_url)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert any(line.split() == ["campaigns:", "2", "rows"] for line in lines), lines
    assert any(line.split() == ["signups:", "17", "rows"] for line in lines), lines
    assert lines[-1].startswith("copied ") and "(one transaction)" in lines[-1]
    assert len(lines) == len(asyncio.run(all_counts(pg_url))) + 1

    again = copy_db(sqlite_url(populated), pg_url)  # now it holds data
    assert again.returncode == 1
    assert "already holds data" in again.stderr and len(again.stderr.splitlines()) == 1


def test_bad_input_is_one_line_and_changes_nothing(
    populated: Path, tmp_path: Path, free_port: int
) -> None:
    new = tmp_path / "new.db"
    unreachable = f"postgresql://cw:s3cr3t-pw@127.0.0.1:{free_port}/counterwatch"
    cases = [
        (("mysql://cw:s3cr3t-pw@db/cw", sqlite_url(new)), 2, "unknown scheme 'mysql'"),
        ((sqlite_url(tmp_path / "absent.db"), sqlite_url(new)), 2, "no such file"),
        ((sqlite_url(populated), sqlite_url(populated)), 2, "the same database"),
        ((sqlite_url(populated), "counterwatch.db"), 2, "not a database URL"),
        ((unreachable, sqlite_url(new)), 1, f"postgresql://cw@127.0.0.1:{free_port}/counterwatch"),
        ((sqlite_url(populated), unreachable), 1, "nothing was copied"),
    ]
    for args, code, says in cases:
        done = copy_db(*args)
        assert done.returncode == code, (args, done.stderr)
        assert says in done.stderr, (args, done.stderr)
        assert len(done.stderr.strip().splitlines()) == 1, done.stderr
        assert "s3cr3t" not in done.stderr + done.stdout
        assert not new.exists(), args
