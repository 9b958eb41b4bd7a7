"""The /letter commands, declared beside their handlers: templates, draft, add, remove."""

from __future__ import annotations

import datetime as dt

from bot.core.deps import Deps
from bot.core.errors import UserError
from bot.core.models import Field, Reply, ReplyFile, Request, Role
from bot.core.registry import AutocompleteContext, Choice, CommandSet, Option, OptionType
from commands.letters.adding import stored_from_request
from commands.letters.catalog import LetterCatalog
from commands.letters.context import DraftAsk
from commands.letters.drafting import draft as draft_letter
from commands.letters.drafting import find_template
from commands.letters.listing import listing_lines, template_choices
from commands.letters.validate import MAX_TEMPLATE_CHARS
from lexicon.dates import LANGUAGES
from lexicon.words import plural

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
    "templates", "List the letter and petition templates", examples=("/letter templates",)
)
async def templates(request: Request, deps: Deps) -> Reply:
    lines = await listing_lines(deps, CATALOG, request.workspace)
    return Reply(
        title="Letter and petition templates",
        text="\n".join(lines)
        + '\n\nDraft one: /letter draft <template> <place> signer:"Your Name" language:es',
    )


@COMMANDS.command(
    "draft",
    "Draft a letter or petition filled with your place's facts",
    Option("template", "Which template", max_length=40, autocomplete="template"),
    Option(
        "place",
        "City or county, e.g. Greenfield, WI",
        required=False,
        max_length=100,
        autocomplete="place",
        greedy=True,
    ),
    Option("recipient", "Who it is addressed to", required=False, max_length=160),
    Option("signer", "Who signs it", required=False, max_length=80),
    Option("language", "en or es", required=False, max_length=2, choices=LANGUAGES),
    Option("company", "For company letters (default amazon)", required=False, max_length=60),
    Option(
        "since",
        "For records requests: the date asked from, YYYY-MM-DD (default 2018-01-01)",
        type=OptionType.DATE,
        required=False,
        max_length=10,
    ),
    examples=(
        '/letter draft ring-council Greenfield, WI signer:"Ana Pérez"',
        "/letter draft ban-petition Milwaukee, WI language:es",
        "/letter draft company-moratorium company:amazon",
        '/letter draft keep-ban Somerville, MA recipient:"Mayor Ballantyne"',
        "/letter draft records-request Houston, TX since:2019-01-01",
    ),
)
async def draft(request: Request, deps: Deps) -> Reply:
    language = request.text("language", "en")
    info = await find_template(deps, CATALOG, request.text("template"), language, request.workspace)
    ask = DraftAsk(
        template=info.name,
        fields=info.fields,
        language=language,
        place=request.text("place"),
        recipient=request.text("recipient"),
        # Signed by whoever drafts it unless they name a signer: never a "[Your name]".
        signer=request.text("signer") or request.user_name,
        company=request.text("company"),
        since=_iso(request.option("since")),
    )
    result = await draft_letter(deps, CATALOG, info, ask)
    return Reply(
        title=f"{info.title} ({info.language})",
        text=result.text,
        fields=tuple(Field("Before sending", note) for note in result.notes),
        file=ReplyFile(result.filename, result.text.encode("utf-8"), "text/plain"),
    )


def _iso(value: object) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value or "")


@COMMANDS.command(
    "add",
    "Add your own template (text or an attached file)",
    Option("name", "Short name: lower-case letters, digits, hyphens", max_length=40),
    Option(
        "text",
        "The template (Jinja); or attach it as a file",
        required=False,
        max_length=MAX_TYPED_TEMPLATE,
        greedy=True,
        multiline=True,
    ),
    Option(
        "language",
        "en or es (or say it in the header)",
        required=False,
        max_length=2,
        choices=LANGUAGES,
    ),
    Option("file", "The template as a .txt file", type=OptionType.ATTACHMENT, required=False),
    role=Role.ORGANIZER,
    examples=(
        "/letter add thanks-council {{ addressee.dear }} thank you. {{ signer }}",
        "/letter add ring-short language:es (attach ring-short.txt)",
    ),
)
async def add(request: Request, deps: Deps) -> Reply:
    stored = stored_from_request(request, deps, CATALOG)
    versions = await deps.storage.letters.get(stored.name, request.workspace)
    old = next((v for v in versions if v.language == stored.language), None)
    if old is not None:
        by_author = (old.author_platform, old.author_id) == (request.platform, request.user_id)
        if not by_author and request.role < Role.ADMIN:
            # An organizer's template is theirs: another organizer adds one of their own.
            raise UserError(
                f"{old.name} ({old.language}) was added by {old.author_name} on"
                f" {old.created[:10]}; only they or an admin can replace it. Choose another name."
            )
    await deps.storage.letters.save(stored)
    what = f"the {stored.kind} template {stored.name} ({stored.language})"
    if old is not None:
        said = (
            f"Replaced {what}: it was {old.title!r}, added by {old.author_name} on"
            f" {old.created[:10]}."
        )
    else:
        said = f"Added {what}."
    return Reply(
        text=f"{said} Draft it: /letter draft {stored.name} <place> language:{stored.language}"
    )


@COMMANDS.command(
    "remove",
    "Remove a template added in this workspace",
    Option("name", "The template's name", max_length=40, autocomplete="template"),
    role=Role.ADMIN,
    examples=("/letter remove thanks-council",),
)
async def remove(request: Request, deps: Deps) -> Reply:
    name = request.text("name").strip().lower()
    if name in CATALOG.files:
        raise UserError(f"{name} is built in and cannot be removed.")
    removed = await deps.storage.letters.remove(request.workspace, name)
    if not removed:
        raise UserError(f"No template called {name[:40]!r} was added in this workspace.")
    return Reply(text=f"Removed the template {name} ({plural(removed, 'language version')}).")
