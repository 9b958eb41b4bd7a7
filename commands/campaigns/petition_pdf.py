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

from lexicon.i18n import N_, _, using
from storage.campaigns.models import ExportRow

# fpdf2 subsets the font with fontTools, whose subsetter logs some 75 INFO lines per PDF
# (tables kept, glyphs closed over): noise in an operator's log, and the console's.
logging.getLogger("fontTools.subset").setLevel(logging.WARNING)

FONT = "DejaVu"
_MARGIN = 18  # mm
# The signers' table: headings (said in the petition's language) and widths in mm.
_COLUMNS = ((N_("No."), 16), (N_("Name"), 68), (N_("City"), 60), (N_("Signed on"), 30))
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


class _Petition(FPDF):
    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FONT, size=8)
        # "{nb}": fpdf2 writes the page count there once the last page is known.
        words = _("Page {page} of {pages}").format(page=self.page_no(), pages="{nb}")
        self.cell(0, 6, words, align="C")


def render_pdf(doc: PetitionDoc, signers: list[ExportRow]) -> bytes:
    """The PDF, its headings in the petition's language (whatever the asker's): the footers
    are written as pages are made, up to `output`, so all of it runs in that language."""
    with using(doc.language):
        return _render(doc, signers)


def _render(doc: PetitionDoc, signers: list[ExportRow]) -> bytes:
    pdf = _Petition(format="Letter")
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
        to = _("To: {target}").format(target=doc.target)
        pdf.multi_cell(0, 5, to, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    date = _("Date: {day}").format(day=doc.date)
    pdf.multi_cell(0, 5, date, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    if doc.text:
        pdf.ln(4)
        pdf.multi_cell(0, 5, doc.text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.add_page()
    pdf.set_font(FONT, "B", 13)
    heading = _("Signers ({n:,})").format(n=len(signers))
    pdf.cell(0, 8, heading, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    _table(pdf, signers)
    return bytes(pdf.output())


def _header(pdf: FPDF) -> None:
    pdf.set_font(FONT, "B", 9)
    for name, width in _COLUMNS:
        pdf.cell(width, _LINE, _(name), border="B")
    pdf.ln(_LINE)
    pdf.set_font(FONT, size=9)


def _table(pdf: FPDF, signers: list[ExportRow]) -> None:
    """One numbered row per signer; a long name or city wraps within its column, never cut."""
    _header(pdf)
    for number, row in enumerate(signers, start=1):
        cells = (str(number), row.display_name, row.city, row.signed_up_on)
        lines = max(
            _lines(pdf, text, width) for text, (_name, width) in zip(cells, _COLUMNS, strict=True)
        )
        if pdf.get_y() + lines * _LINE > pdf.page_break_trigger:
            pdf.add_page()
            _header(pdf)
        if lines == 1:  # the common case: one line per cell, written in sequence
            for text, (_name, width) in zip(cells, _COLUMNS, strict=True):
                pdf.cell(width, _LINE, text)
            pdf.ln(_LINE)
            continue
        top, x = pdf.get_y(), pdf.l_margin
        for text, (_name, width) in zip(cells, _COLUMNS, strict=True):
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
