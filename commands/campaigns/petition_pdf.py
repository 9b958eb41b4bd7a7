"""The delivered petition as a print-ready PDF: title, target, text, date, then the signers.

fpdf2 (pure Python, maintained, Unicode TrueType with subsetting) writes it. The font is
DejaVu Sans as shipped inside matplotlib's wheel (mpl-data/fonts/ttf): a pinned PyPI
package, so a fresh machine needs nothing installed by hand, and it prints accents, Greek,
Cyrillic, Hebrew and Arabic letters. Names in scripts DejaVu lacks (Chinese, Japanese,
Korean) are not covered; see `missing_glyphs`, which a caller can report.
"""

from __future__ import annotations

import importlib.util
import logging
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from storage.campaigns.models import ExportRow

# fpdf2 subsets the font with fontTools, whose subsetter logs some 75 INFO lines per PDF
# (tables kept, glyphs closed over): noise in an operator's log, and the console's.
logging.getLogger("fontTools.subset").setLevel(logging.WARNING)

FONT = "DejaVu"
_MARGIN = 18  # mm
_COLUMNS = (("No.", 16), ("Name", 68), ("City", 60), ("Signed on", 30))  # widths in mm
_LINE = 6.0  # mm per table line


@cache
def font_dir() -> Path:
    """matplotlib's bundled fonts, found without importing matplotlib (slow, unneeded)."""
    spec = importlib.util.find_spec("matplotlib")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("matplotlib (the pinned source of the DejaVu font) is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "mpl-data" / "fonts" / "ttf"


@dataclass(frozen=True)
class PetitionDoc:
    title: str
    target: str  # who it goes to ('' when the text names none)
    text: str  # the petition's own text, as drafted from its template ('' when none)
    date: str  # the day it is printed, in words
    language: str = "en"


_WORDS = {
    "en": {"page": "Page {} of {}", "signers": "Signers ({:,})", "to": "To", "date": "Date"},
    "es": {"page": "Página {} de {}", "signers": "Firmantes ({:,})", "to": "Para", "date": "Fecha"},
}
_HEAD = {"es": ("N.º", "Nombre", "Ciudad", "Firmó el")}


class _Petition(FPDF):
    language = "en"

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FONT, size=8)
        words = _WORDS[self.language]["page"].format(self.page_no(), "{nb}")
        self.cell(0, 6, words, align="C")


def render_pdf(doc: PetitionDoc, signers: list[ExportRow]) -> bytes:
    pdf = _Petition(format="Letter")
    pdf.language = doc.language if doc.language in _WORDS else "en"
    words = _WORDS[pdf.language]
    pdf.set_margins(_MARGIN, _MARGIN, _MARGIN)
    pdf.set_auto_page_break(auto=True, margin=_MARGIN)
    pdf.add_font(FONT, "", str(font_dir() / "DejaVuSans.ttf"))
    pdf.add_font(FONT, "B", str(font_dir() / "DejaVuSans-Bold.ttf"))
    pdf.set_title(doc.title)
    pdf.add_page()
    pdf.set_font(FONT, "B", 16)
    pdf.multi_cell(0, 8, doc.title, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(2)
    pdf.set_font(FONT, size=10)
    if doc.target:
        pdf.multi_cell(0, 5, f"{words['to']}: {doc.target}", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.multi_cell(0, 5, f"{words['date']}: {doc.date}", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    if doc.text:
        pdf.ln(4)
        pdf.multi_cell(0, 5, doc.text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.add_page()
    pdf.set_font(FONT, "B", 13)
    pdf.cell(0, 8, words["signers"].format(len(signers)), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    _table(pdf, signers)
    return bytes(pdf.output())


def _header(pdf: FPDF) -> None:
    names = _HEAD.get(getattr(pdf, "language", "en"), tuple(n for n, _ in _COLUMNS))
    pdf.set_font(FONT, "B", 9)
    for (_, width), name in zip(_COLUMNS, names, strict=True):
        pdf.cell(width, _LINE, name, border="B")
    pdf.ln(_LINE)
    pdf.set_font(FONT, size=9)


def _table(pdf: FPDF, signers: list[ExportRow]) -> None:
    """One numbered row per signer; a long name or city wraps within its column, never cut."""
    _header(pdf)
    for number, row in enumerate(signers, start=1):
        cells = (str(number), row.display_name, row.city, row.signed_up_on)
        lines = max(
            _lines(pdf, text, width) for text, (_, width) in zip(cells, _COLUMNS, strict=True)
        )
        if pdf.get_y() + lines * _LINE > pdf.page_break_trigger:
            pdf.add_page()
            _header(pdf)
        if lines == 1:  # the common case: one line per cell, written in sequence
            for text, (_, width) in zip(cells, _COLUMNS, strict=True):
                pdf.cell(width, _LINE, text)
            pdf.ln(_LINE)
            continue
        top, x = pdf.get_y(), pdf.l_margin
        for text, (_, width) in zip(cells, _COLUMNS, strict=True):
            pdf.set_xy(x, top)
            if _lines(pdf, text, width) == 1:
                pdf.cell(width, _LINE, text)
            else:
                pdf.multi_cell(width, _LINE, text, align="L")
            x += width
        pdf.set_xy(pdf.l_margin, top + lines * _LINE)


def _lines(pdf: FPDF, text: str, width: float) -> int:
    if pdf.get_string_width(text) <= width - 2 * pdf.c_margin:
        return 1
    lines = pdf.multi_cell(width, _LINE, text, dry_run=True, output="LINES")
    return len(lines) if isinstance(lines, list) else 1


@cache
def _printable() -> frozenset[int]:
    from fontTools.ttLib import TTFont  # fpdf2's own dependency

    return frozenset(TTFont(str(font_dir() / "DejaVuSans.ttf")).getBestCmap())


def missing_glyphs(texts: list[str]) -> set[str]:
    """Characters the bundled font cannot print (e.g. CJK), so a caller can say so."""
    printable = _printable()
    return {ch for text in texts for ch in text if not ch.isspace() and ord(ch) not in printable}
