"""The delivered petition: PDF of N signers beside the CSV export of the same signers.

Both are built from the same rows (names with accents and Greek/Cyrillic letters, cities,
days), in one run, each timed with time.perf_counter (untraced), then built again under
tracemalloc for its peak Python memory (the font file is read inside the PDF run).
The PDF is read back with pypdf to count its pages.

Run: .venv/bin/python -m bench petition   (PETITION_BENCH_N: signers, default 10000)
"""

from __future__ import annotations

import io
import os
import time
import tracemalloc
from collections.abc import Callable

from pypdf import PdfReader

from commands.campaigns.petition_pdf import PetitionDoc, render_pdf
from commands.campaigns.report import signups_csv
from storage.campaigns.models import ExportRow

_NAMES = ("José Núñez", "Zoë Ångström", "Łukasz Żółć", "Δημήτρης Παπαδόπουλος", "Иван Петров")
_CITIES = ("San José, CA", "Greenfield, WI", "Oakland, CA", "Española, NM")


def rows(n: int) -> list[ExportRow]:
    return [
        ExportRow(f"{_NAMES[i % 5]} {i}", _CITIES[i % 4], f"2026-11-{1 + i % 26:02d}")
        for i in range(n)
    ]


def _measure(build: Callable[[], bytes]) -> tuple[bytes, float, int]:
    """Time an untraced run, then peak memory in a second, traced run (tracemalloc slows
    allocation-heavy code several times over, so the two are not measured together)."""
    start = time.perf_counter()
    out = build()
    elapsed = time.perf_counter() - start
    tracemalloc.start()
    build()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return out, elapsed, peak


async def main() -> None:
    n = int(os.environ.get("PETITION_BENCH_N", "10000"))
    signers = rows(n)
    doc = PetitionDoc(
        "Ban face recognition in Greenfield",
        "the Greenfield City Council",
        "We, the undersigned, ask the council to pass an ordinance ...",
        "November 26, 2026",
    )
    pdf, pdf_s, pdf_peak = _measure(lambda: render_pdf(doc, signers))
    csv, csv_s, csv_peak = _measure(lambda: signups_csv(signers))
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    print(f"signers: {n:,}")
    print(
        f"pdf: {pdf_s:.2f} s, peak {pdf_peak / 2**20:.1f} MiB, {len(pdf) / 2**20:.2f} MiB,"
        f" {pages:,} pages"
    )
    print(f"csv: {csv_s:.3f} s, peak {csv_peak / 2**20:.1f} MiB, {len(csv) / 2**20:.2f} MiB")
