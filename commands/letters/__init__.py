"""Letters and petitions: Jinja templates filled with local facts, in English and Spanish.

`/letter templates`, `/letter draft`, `/letter add` (organizers), `/letter remove` (admins).
Campaigns use `template_exists` and `petition_text`.
"""

from __future__ import annotations

from bot.models import Role
from bot.registry import Command, Option, OptionType, Registry
from commands.letters.api import petition_text, template_exists
from commands.letters.catalog import LetterCatalog
from commands.letters.handlers import LetterCommands
from commands.letters.validate import MAX_TEMPLATE_CHARS
from lexicon.dates import LANGUAGES

__all__ = ["petition_text", "register", "template_exists"]

# Discord caps a string option at 6,000 characters; longer templates come as a file.
MAX_TYPED_TEMPLATE = min(6_000, MAX_TEMPLATE_CHARS)


def register(registry: Registry, catalog: LetterCatalog | None = None) -> None:
    letters = LetterCommands(catalog or LetterCatalog())
    registry.add_autocomplete("template", letters.suggest)
    registry.add_all(
        (
            Command(
                path=("letter", "templates"),
                description="List the letter and petition templates",
                handler=letters.templates,
                private=True,
                examples=("/letter templates",),
            ),
            Command(
                path=("letter", "draft"),
                description="Draft a letter or petition filled with your place's facts",
                handler=letters.draft,
                options=_draft_options(),
                private=True,
                examples=(
                    '/letter draft ring-council Greenfield, WI signer:"Ana Pérez"',
                    "/letter draft ban-petition Milwaukee, WI language:es",
                    "/letter draft company-moratorium company:amazon",
                    '/letter draft keep-ban Somerville, MA recipient:"Mayor Ballantyne"',
                ),
            ),
            Command(
                path=("letter", "add"),
                description="Add your own template (text or an attached file)",
                handler=letters.add,
                options=_add_options(),
                role=Role.ORGANIZER,
                private=True,
                examples=(
                    "/letter add thanks-council Dear {{ place.council }}, thank you. {{ signer }}",
                    "/letter add ring-short language:es (attach ring-short.txt)",
                ),
            ),
            Command(
                path=("letter", "remove"),
                description="Remove a template added in this workspace",
                handler=letters.remove,
                options=(
                    Option("name", "The template's name", max_length=40, autocomplete="template"),
                ),
                role=Role.ADMIN,
                private=True,
                examples=("/letter remove thanks-council",),
            ),
        )
    )


def _draft_options() -> tuple[Option, ...]:
    return (
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
    )


def _add_options() -> tuple[Option, ...]:
    return (
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
    )
