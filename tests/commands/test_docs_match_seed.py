"""The repository's own docs carry the seed as it is: every seeded fact is listed in
docs/facts-timeline.md with its source, every state's records law in docs/records-laws.md with
its citation and deadline source. A seed change without its doc line fails here."""

from __future__ import annotations

import tomllib
from pathlib import Path

from storage.seed import SEED_FILE
from storage.seed.records_laws import RECORDS_LAWS_FILE

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_every_seeded_fact_is_in_the_timeline_doc() -> None:
    seed = tomllib.loads(SEED_FILE.read_text(encoding="utf-8"))
    doc = (DOCS / "facts-timeline.md").read_text(encoding="utf-8")
    for fact in [*seed["events"], *seed.get("partnerships", [])]:
        assert f"(`{fact['key']}`)" in doc, fact["key"]
        assert fact["source"]["url"] in doc, fact["key"]
    for law in seed["laws"]:
        assert f"**{law['jurisdiction']}**" in doc and law["source"]["url"] in doc, law


def test_every_records_law_is_in_the_records_doc() -> None:
    rows = tomllib.loads(RECORDS_LAWS_FILE.read_text(encoding="utf-8"))["records_laws"]
    doc = (DOCS / "records-laws.md").read_text(encoding="utf-8").splitlines()
    for row in rows:
        line = next(line for line in doc if line.startswith(f"| {row['state']} |"))
        assert row["citation"] in line and row["source"]["url"] in line, row["state"]
        if "statute" in row:
            assert row["statute"]["url"] in line, row["state"]
        else:
            assert "| none found |" in line, row["state"]
        if "deadline" in row:
            assert row["deadline"]["source"]["url"] in line, row["state"]
        else:
            assert "not on record" in line, row["state"]
