"""The Spanish of law rows imported before migration 0021: the IFF table's stances and the
importer's corrections, filled in where a row still has the English and no Spanish.

Runs in the seed's write job (storage/seed), so a database upgraded to a new seed gets it
once; matching the exact English text, it never touches what an admin wrote in Spanish.
"""

from __future__ import annotations

from storage.importers.laws import BART_ROW, BART_SCOPE, CORRECTIONS
from storage.importers.laws_es import CORRECTIONS_ES, STANCES_ES
from storage.sql import Conn


def known_spanish() -> list[tuple[str, str, str]]:
    """(column, English, Spanish) for every text the importer knows in both languages."""
    found = [("scope", english, spanish) for english, spanish in STANCES_ES.items()]
    found.append(("scope", BART_SCOPE, CORRECTIONS_ES[BART_ROW]["scope_es"]))
    for place, fix in CORRECTIONS.items():
        for column in ("scope", "status_note"):
            english, spanish = fix.get(column), CORRECTIONS_ES[place].get(f"{column}_es")
            if english and spanish:
                found.append((column, english, spanish))
    return found


async def fill_imported_spanish(conn: Conn) -> None:
    """Fill the Spanish of rows holding exactly a known English text and no Spanish yet."""
    for column, english, spanish in known_spanish():
        # `column` is one of two names written above, never input.
        await conn.execute(
            f"UPDATE laws SET {column}_es = ? WHERE {column}_es = '' AND {column} = ?",
            (spanish, english),
        )
