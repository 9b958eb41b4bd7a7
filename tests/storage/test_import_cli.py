"""`main.py import-atlas` / `import-laws`: summary on success; errors, exit 1, nothing written."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

import main
from bot.platforms.cli.import_file import as_of_from_name
from tests.conftest import shared_data_file


def test_as_of_comes_from_the_file_name() -> None:
    today = dt.date(2026, 11, 26)
    assert as_of_from_name(Path("eff_atlas_of_surveillance_2020-10-07.csv"), today) == "2020-10-07"
    assert as_of_from_name(Path("Atlas_of_Surveillance-20201007.csv"), today) == "2020-10-07"
    assert as_of_from_name(Path("atlas.csv"), today) == "2026-11-26"


def test_bad_file_prints_line_numbers_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db_path = tmp_path / "cw.db"
    monkeypatch.setenv("COUNTERWATCH_DB", str(db_path))
    bad = tmp_path / "laws.csv"
    bad.write_text(
        "jurisdiction,date_of_action,action_link_text,stance_text,source_url\n"
        '"Alameda, California","sometime",Ban,Ban,https://a.example/1\n'
    )
    assert main.main(["import-laws", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "laws.csv: line 2: unreadable date 'sometime'" in err
    assert "nothing was imported" in err
    assert not db_path.exists()
    assert main.main(["import-atlas", str(tmp_path / "missing.csv")]) == 1


def test_import_laws_prints_a_summary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    source = shared_data_file("us_facial_recognition_local_laws_iff_2021-05.csv")
    db_path = tmp_path / "cw.db"
    monkeypatch.setenv("COUNTERWATCH_DB", str(db_path))
    assert main.main(["import-laws", str(source)]) == 0
    out = capsys.readouterr().out
    assert "iff-local-laws: 26 rows read" in out and "laws created: 17" in out
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT count(*) FROM laws").fetchone()[0] == 30  # 13 seeded + 17
    assert main.main(["import-laws", str(source), "--as-of", "not a date"]) == 1
