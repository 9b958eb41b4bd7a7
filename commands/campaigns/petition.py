"""/campaign petition <slug> (organizers): the petition as delivered, signers included.

One attachment, because a reply carries one file: a ZIP holding the print-ready PDF (title,
target, the petition's text drafted for the campaign's place, the date, then the numbered
signers with page numbers) and the CSV of the same signers beside it. Whoever left the
campaign or used /forgetme is on neither: both are read from the current sign-ups.
"""

from __future__ import annotations

import io
import zipfile
from typing import TYPE_CHECKING

from bot.deps import Deps
from bot.models import Reply, ReplyFile, Request, Role
from bot.registry import Option
from commands.campaigns.checks import COMMANDS, SLUG_OPTION, require_campaign
from commands.campaigns.report import signups_csv
from commands.letters import petition_text
from commands.letters.dates import today_text
from lexicon.dates import LANGUAGES
from storage.campaigns.models import Campaign

if TYPE_CHECKING:
    from commands.campaigns.petition_pdf import PetitionDoc

_TARGET = ("To: ", "Para: ")


@COMMANDS.command(
    "petition",
    "Download the petition as a print-ready PDF with its signers, and their CSV",
    SLUG_OPTION,
    Option("language", "en or es", required=False, max_length=2, choices=LANGUAGES),
    role=Role.ORGANIZER,
    private=True,
    slow=True,
    examples=(
        "/campaign petition ring-free-greenfield",
        "/campaign petition no-face-rec language:es",
    ),
)
async def petition(request: Request, deps: Deps) -> Reply:
    # fpdf2 (with fontTools and numpy) takes a third of a second to import: only the
    # command that makes a PDF pays for it, not every start of the bot.
    from commands.campaigns.petition_pdf import missing_glyphs, render_pdf

    campaign = await require_campaign(deps, request)
    language = request.text("language", "en")
    doc = await petition_doc(deps, campaign, language)
    rows = await deps.storage.campaigns.export_rows(campaign.id)
    pdf = render_pdf(doc, rows)
    stem = f"{campaign.slug}-petition-{deps.today().isoformat()}"
    bundle = io.BytesIO()
    with zipfile.ZipFile(bundle, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"{stem}.pdf", pdf)
        archive.writestr(f"{stem}-signers.csv", signups_csv(rows))
    text = f"The petition of {campaign.slug} with {len(rows):,} signers: PDF and CSV."
    unprintable = [r for r in rows if missing_glyphs([r.display_name, r.city])]
    if unprintable:
        text += (
            f" {len(unprintable):,} signers' names use letters the PDF's font cannot print"
            " (e.g. Chinese, Japanese, Korean): the CSV has them as written."
        )
    return Reply(text=text, file=ReplyFile(f"{stem}.zip", bundle.getvalue(), "application/zip"))


async def petition_doc(deps: Deps, campaign: Campaign, language: str) -> PetitionDoc:
    """Title, target, text and date; UserError (the reason) when the text cannot be drafted."""
    from commands.campaigns.petition_pdf import PetitionDoc  # see petition(): imported late

    today = today_text(deps.today(), language)
    if not campaign.template:
        return PetitionDoc(campaign.title, "", "", today, language)
    drafted = await petition_text(
        deps, campaign.template, campaign.place or None, language, workspace=campaign.workspace
    )
    lines = drafted.splitlines()
    target = next((ln.split(": ", 1)[1] for ln in lines if ln.startswith(_TARGET)), "")
    body = "\n".join(ln for ln in lines if not ln.startswith(_TARGET)).strip()
    return PetitionDoc(campaign.title, target, body, today, language)
