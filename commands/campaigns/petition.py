"""/campaign petition <slug> (organizers): the petition as delivered, signers included.

The print-ready PDF (title, target, the petition's text drafted for the campaign's place,
the date, then the numbered signers with page numbers), attached as it is, so it opens and
prints from the chat; the same signers as a CSV come from /campaign export, named in the
reply. Whoever left the campaign or used /forgetme is on neither: both read the current
sign-ups.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

from bot.core.context import Ctx
from bot.core.deps import Deps
from bot.core.models import Reply, ReplyFile, Role
from bot.core.signatures import Opt
from commands.campaigns.checks import COMMANDS, Slug, require_campaign
from commands.campaigns.report import signers
from commands.letters import petition_text
from commands.letters.dates import today_text
from lexicon.dates import LANGUAGES
from lexicon.i18n import ngettext
from storage.campaigns.models import Campaign

if TYPE_CHECKING:
    from commands.campaigns.petition_pdf import PetitionDoc

_TARGET = ("To: ", "Para: ")


@COMMANDS.command(
    "petition",
    "Download the petition as a print-ready PDF with its numbered signers",
    role=Role.ORGANIZER,
    private=True,
    slow=True,
    examples=(
        "/campaign petition ring-free-greenfield",
        "/campaign petition no-face-rec language:es",
    ),
)
async def petition(
    ctx: Ctx,
    slug: Slug,
    language: Annotated[
        str, Opt("en or es (default: the campaign's language)", max_length=2, choices=LANGUAGES)
    ] = "",
) -> Reply:
    deps = ctx.deps
    from commands.campaigns.petition_pdf import missing_glyphs, render_pdf

    campaign = await require_campaign(ctx, slug)
    # Asked for, else the campaign's own (/campaign language), else English.
    language = language or campaign.language or "en"
    doc = await petition_doc(deps, campaign, language)
    rows = await deps.storage.campaigns.export_rows(campaign.id)
    pdf = render_pdf(doc, rows)
    # The language in the name: an organizer who downloads both keeps both.
    stem = f"{campaign.slug}-petition-{language}-{deps.today().isoformat()}"
    text = ngettext(
        "The petition of {slug} with {n:,} signer, ready to print."
        " The same signers as a spreadsheet: /campaign export {slug}",
        "The petition of {slug} with {n:,} signers, ready to print."
        " The same signers as a spreadsheet: /campaign export {slug}",
        len(rows),
    ).format(slug=campaign.slug, n=len(rows))
    unprintable = [r for r in rows if missing_glyphs([r.display_name, r.city])]
    if unprintable:
        text += " " + ngettext(
            "{n:,} signers' names use letters the PDF's font cannot print"
            " (e.g. Chinese, Japanese, Korean): the export has them as written.",
            "{n:,} signers' names use letters the PDF's font cannot print"
            " (e.g. Chinese, Japanese, Korean): the export has them as written.",
            len(unprintable),
        ).format(n=len(unprintable))
    return Reply(
        text=text, file=ReplyFile(f"{stem}.pdf", pdf, "application/pdf", people=signers(rows))
    )


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
