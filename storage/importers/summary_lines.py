"""What an import did, line by line, kept as structure (lexicon/stored.py): the lines are
worded inside the import's write job, where no request's language is set, and said where
they are shown (the /facts import reply, the command line)."""

from __future__ import annotations

from lexicon.i18n import N_
from lexicon.stored import date, store, tech


def laws_lines(
    dataset: str, rows_read: int, created: int, kept: tuple[str, ...], corrected: tuple[str, ...]
) -> list[str]:
    """The local laws table's import: rows, laws created, kept, corrected."""
    kept_line = (
        store(
            N_("kept as on record (seeded or imported before): {n} ({places})"),
            n=str(len(kept)), places=", ".join(kept),
        )
        if kept
        else store(N_("kept as on record (seeded or imported before): {n}"), n="0")
    )  # fmt: skip
    corrected_line = (
        store(N_("corrected from the table: {places}"), places=", ".join(corrected))
        if corrected
        else store(N_("corrected from the table: none"))
    )
    return [
        store(N_("{dataset}: {n} rows read"), dataset=dataset, n=str(rows_read)),
        store(N_("laws created: {n}"), n=str(created)),
        kept_line,
        corrected_line,
    ]


# Why rows were skipped (the parser's categories), as the admin reads them.
_SKIPPED = {
    "identical row": N_("  identical row: {n}"),
    "repeated agency and technology": N_("  repeated agency and technology: {n}"),
}


def atlas_lines(
    dataset: str, as_of: str, rows_read: int, agencies: tuple[int, int],
    created: dict[str, int], unchanged: dict[str, int], skipped: dict[str, int],
    notes: tuple[str, ...],
) -> list[str]:  # fmt: skip
    """The Atlas import: rows, agencies (created, existing), deployments per technology,
    rows skipped per reason, and the parser's notes (already kept as structure)."""
    out = [
        store(N_("{dataset} as of {day}: {n} rows read"),
              dataset=dataset, day=date(as_of), n=f"{rows_read:,}"),
        store(N_("agencies: {created} created, {existing} existing"),
              created=f"{agencies[0]:,}", existing=f"{agencies[1]:,}"),
        store(N_("deployments: {created} created, {unchanged} unchanged"),
              created=f"{sum(created.values()):,}", unchanged=f"{sum(unchanged.values()):,}"),
    ]  # fmt: skip
    for category in sorted(set(created) | set(unchanged)):
        out.append(
            store(N_("  {technology}: {created} created, {unchanged} unchanged"),
                  technology=tech(category), created=f"{created.get(category, 0):,}",
                  unchanged=f"{unchanged.get(category, 0):,}")
        )  # fmt: skip
    out.append(store(N_("rows skipped: {n}"), n=f"{sum(skipped.values()):,}"))
    for reason, count in sorted(skipped.items()):
        message = _SKIPPED.get(reason)
        out.append(store(message, n=f"{count:,}") if message else f"  {reason}: {count:,}")
    out.extend(notes)
    return out
