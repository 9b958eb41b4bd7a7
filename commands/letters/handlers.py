"""The /letter commands, declared beside their handlers: templates, draft, add, remove."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from bot.core.context import Ctx
from bot.core.deps import Deps
from bot.core.errors import UserError
from bot.core.models import Attachment, Field, Reply, ReplyFile, Role
from bot.core.registry import AutocompleteContext, Choice, CommandSet
from bot.core.signatures import FactDate, Opt
from commands.letters.adding import TemplateAsk, stored_from_request
from commands.letters.catalog import LetterCatalog
from commands.letters.context import DraftAsk
from commands.letters.drafting import draft as draft_letter
from commands.letters.drafting import find_template
from commands.letters.listing import kind_name, listing_lines, template_choices
from lexicon.dates import LANGUAGES
from lexicon.i18n import _, current, format_stamp, ngettext
from storage.letters.models import StoredTemplate
from templating.validate import MAX_TEMPLATE_CHARS

COMMANDS = CommandSet(group="letter", private=True)
# One catalog for every handler: one environment, compiled templates kept. Building it
# only lists the shipped files; each is read the first time it is used.
CATALOG = LetterCatalog()
# Discord caps a string option at 6,000 characters; longer templates come as a file.
MAX_TYPED_TEMPLATE = min(6_000, MAX_TEMPLATE_CHARS)


@COMMANDS.autocomplete("template")
async def suggest(deps: Deps, ctx: AutocompleteContext, typed: str) -> list[Choice]:
    return await template_choices(deps, CATALOG, ctx.workspace, typed)


@COMMANDS.command(
    "templates",
    "List the letter and petition templates",
    examples=("/letter templates",),
    writes=False,
)
async def templates(ctx: Ctx) -> Reply:
    deps = ctx.deps
    lines = await listing_lines(deps, CATALOG, ctx.workspace, member_language())
    return Reply(
        title=_("Letter and petition templates"),
        text="\n".join(lines)
        + "\n\n"
        + _('Draft one: /letter draft <template> <place> signer:"Your Name" language:es'),
    )


def member_language() -> str:
    """The request's language when letters are written in it (en, es), else English."""
    return current() if current() in LANGUAGES else "en"


@COMMANDS.command(
    "draft",
    "Draft a letter or petition filled with your place's facts",
    examples=(
        '/letter draft ring-council Greenfield, WI signer:"Ana Pérez"',
        "/letter draft ban-petition Milwaukee, WI language:es",
        "/letter draft company-moratorium company:amazon",
        '/letter draft keep-ban Somerville, MA recipient:"Mayor Ballantyne"',
        '/letter draft records-request Houston, TX since:2019-01-01 contact:"ana@example.org"',
    ),
    writes=False,
)
async def draft(
    ctx: Ctx,
    template: Annotated[str, Opt("Which template", max_length=40, autocomplete="template")],
    place: Annotated[
        str,
        Opt(
            "City or county, e.g. Greenfield, WI", max_length=100, autocomplete="place", greedy=True
        ),
    ] = "",
    recipient: Annotated[str, Opt("Who it is addressed to", max_length=160)] = "",
    signer: Annotated[str, Opt("Who signs it", max_length=80)] = "",
    language: Annotated[
        str, Opt("en or es (default: your language)", max_length=2, choices=LANGUAGES)
    ] = "",
    company: Annotated[str, Opt("For company letters (default amazon)", max_length=60)] = "",
    since: Annotated[
        FactDate | None,
        Opt(
            "For records requests: the date asked from, YYYY, YYYY-MM or YYYY-MM-DD"
            " (default 2018-01-01)",
            max_length=10,
        ),
    ] = None,
    contact: Annotated[
        str,
        Opt("For records requests: how the agency reaches you (email or address)", max_length=200),
    ] = "",
) -> Reply:
    deps = ctx.deps
    # Without `language:`, the member's own (docs/languages.md), if the template has it.
    info = await find_template(
        deps, CATALOG, template, language or member_language(), ctx.workspace, asked=bool(language)
    )
    ask = DraftAsk(
        template=info.name,
        fields=info.fields,
        language=info.language,
        place=place,
        recipient=recipient,
        # Signed by whoever drafts it unless they name a signer: never a "[Your name]".
        signer=signer or ctx.user_name,
        company=company,
        since=_iso(since),
        contact=contact,
    )
    result = await draft_letter(deps, CATALOG, info, ask)
    return Reply(
        title=f"{info.title} ({info.language})",
        text=result.text,
        fields=tuple(Field(_("Before sending"), note) for note in result.notes),
        # Signed with the drafter's name (and contact): theirs to have deleted where it is kept.
        file=ReplyFile(
            result.filename,
            result.text.encode("utf-8"),
            "text/plain",
            people=((ctx.platform, ctx.user_id),),
        ),
    )


def _iso(value: object) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value or "")


@COMMANDS.command(
    "add",
    "Add your own template (text or an attached file)",
    role=Role.ORGANIZER,
    examples=(
        "/letter add thanks-council {{ addressee.dear }} thank you. {{ signer }}",
        "/letter add ring-short language:es (attach ring-short.txt)",
    ),
)
async def add(
    ctx: Ctx,
    name: Annotated[str, Opt("Short name: lower-case letters, digits, hyphens", max_length=40)],
    text: Annotated[
        str,
        Opt(
            "The template (Jinja); or attach it as a file",
            max_length=MAX_TYPED_TEMPLATE,
            greedy=True,
            multiline=True,
        ),
    ] = "",
    language: Annotated[
        str, Opt("en or es (or say it in the header)", max_length=2, choices=LANGUAGES)
    ] = "",
    file: Annotated[Attachment | None, Opt("The template as a .txt file")] = None,
) -> Reply:
    deps = ctx.deps
    stored = await stored_from_request(ctx, CATALOG, TemplateAsk(name, text, language, file))
    versions = await deps.storage.letters.get(stored.name, ctx.workspace)
    old = next((v for v in versions if v.language == stored.language), None)
    if old is not None:
        by_author = (old.author_platform, old.author_id) == (ctx.platform, ctx.user_id)
        if not by_author and ctx.role < Role.ADMIN:
            # An organizer's template is theirs: another organizer adds one of their own.
            raise UserError(
                _(
                    "{name} ({language}) was added by {author} on {day}; only they or an admin"
                    " can replace it. Choose another name."
                ).format(
                    name=old.name,
                    language=old.language,
                    author=old.author_name,
                    day=format_stamp(old.created[:10]),
                )
            )
    await deps.storage.letters.save(stored)
    said = _added(stored, old)
    draft_it = _("Draft it: /letter draft {name} <place> language:{language}").format(
        name=stored.name, language=stored.language
    )
    return Reply(text=f"{said} {draft_it}")


def _added(stored: StoredTemplate, old: StoredTemplate | None) -> str:
    fields = {"kind": kind_name(stored.kind), "name": stored.name, "language": stored.language}
    if old is None:
        return _("Added the {kind} template {name} ({language}).").format(**fields)
    return _(
        "Replaced the {kind} template {name} ({language}): it was {title!r}, added by {author}"
        " on {day}."
    ).format(**fields, title=old.title, author=old.author_name, day=format_stamp(old.created[:10]))


@COMMANDS.command(
    "remove",
    "Remove a template added in this workspace",
    role=Role.ADMIN,
    examples=("/letter remove thanks-council",),
)
async def remove(
    ctx: Ctx,
    name: Annotated[str, Opt("The template's name", max_length=40, autocomplete="template")],
) -> Reply:
    deps = ctx.deps
    name = name.strip().lower()
    if name in CATALOG.files:
        raise UserError(_("{name} is built in and cannot be removed.").format(name=name))
    removed = await deps.storage.letters.remove(ctx.workspace, name)
    if not removed:
        raise UserError(
            _("No template called {typed!r} was added in this workspace.").format(typed=name[:40])
        )
    said = ngettext(
        "Removed the template {name} ({count:,} language version).",
        "Removed the template {name} ({count:,} language versions).",
        removed,
    )
    return Reply(text=said.format(name=name, count=removed))
