"""An import's summary lines, kept as structure: the Atlas's and the laws table's, said in
Spanish with the technology names of the glossary, in English as they always read."""

from __future__ import annotations

from lexicon.i18n import using
from lexicon.stored import say, store_plural
from storage.importers.summary_lines import atlas_lines, laws_lines


def lines() -> list[str]:
    return atlas_lines(
        "eff-atlas", "2020-10-07", 5784, (3976, 1), {"Body-worn Cameras": 1368},
        {"Body-worn Cameras": 2}, {"identical row": 1, "a new reason": 3}, (),
    )  # fmt: skip


def test_atlas_lines_in_english_and_spanish() -> None:
    assert [say(line) for line in lines()] == [
        "eff-atlas as of 2020-10-07: 5,784 rows read",
        "agencies: 3,976 created, 1 existing",
        "deployments: 1,368 created, 2 unchanged",
        "  Body-worn Cameras: 1,368 created, 2 unchanged",
        "rows skipped: 4",
        "  a new reason: 3",
        "  identical row: 1",
    ]
    with using("es"):
        said = [say(line) for line in lines()]
    assert said[0] == "eff-atlas, datos al 7 de octubre de 2020: filas leídas: 5,784"
    assert said[3] == "  Cámaras corporales: creadas: 1,368; sin cambios: 2"
    assert said[5:] == ["  a new reason: 3", "  fila idéntica: 1"]  # unknown: as written


def test_laws_lines_and_plurals() -> None:
    kept = laws_lines("iff-local-laws", 26, 17, ("Boston, MA",), ())
    assert [say(line) for line in kept][2:] == [
        "kept as on record (seeded or imported before): 1 (Boston, MA)",
        "corrected from the table: none",
    ]
    with using("es"):
        assert say(kept[3]) == "corregidas respecto de la tabla: ninguna"
        one = store_plural("{file}: {n:,} row", "{file}: {n:,} rows", 1, file="f.csv")
        many = store_plural("{file}: {n:,} row", "{file}: {n:,} rows", 1200, file="f.csv")
        assert (say(one), say(many)) == ("f.csv: 1 fila", "f.csv: 1,200 filas")
    assert say(many) == "f.csv: 1,200 rows"
