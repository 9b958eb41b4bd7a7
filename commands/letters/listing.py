"""What `/letter templates` shows, and the "template" autocomplete source."""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.deps import Deps
from bot.core.registry import MAX_CHOICES, Choice
from commands.letters.catalog import LetterCatalog
from lexicon.i18n import N_, _
from storage.letters.models import StoredTemplate


@dataclass(frozen=True)
class Listed:
    name: str
    kind: str
    title: str
    purpose: str
    languages: tuple[str, ...]
    author: str = ""  # custom templates only


async def listed_templates(
    deps: Deps, catalog: LetterCatalog, workspace: str, language: str = "en"
) -> list[Listed]:
    """Shipped templates, then the workspace's own, each name once with its languages; the
    title and purpose of its version in `language` when it has one, else English's."""
    found: list[Listed] = []
    for name in catalog.shipped_names():
        languages = catalog.shipped_languages(name)
        info = catalog.shipped(name, _preferred(languages, language))
        if info is not None:
            found.append(Listed(name, info.kind, info.title, info.purpose, tuple(languages)))
    custom: dict[str, list[StoredTemplate]] = {}
    for stored in await deps.storage.letters.list(workspace):
        custom.setdefault(stored.name, []).append(stored)
    for name, versions in custom.items():
        chosen = _preferred([v.language for v in versions], language)
        first = next(v for v in versions if v.language == chosen)
        found.append(
            Listed(
                name,
                first.kind,
                first.title or name,
                first.purpose,
                tuple(v.language for v in versions),
                author=first.author_name,
            )
        )
    return found


def _preferred(languages: list[str], language: str) -> str:
    if language in languages:
        return language
    return "en" if "en" in languages else languages[0]


# What a template is, as /letter templates and /mydata say it (TEMPLATE_KINDS).
KIND_NAMES = {
    "letter": N_("letter"),
    "petition": N_("petition"),
    "records-request": N_("records-request"),
}


def kind_name(kind: str) -> str:
    return _(KIND_NAMES[kind]) if kind in KIND_NAMES else kind


async def listing_lines(
    deps: Deps, catalog: LetterCatalog, workspace: str, language: str = "en"
) -> list[str]:
    lines = []
    for item in await listed_templates(deps, catalog, workspace, language):
        fields = {
            "name": item.name,
            "kind": kind_name(item.kind),
            "languages": ", ".join(item.languages),
            "author": item.author,
            "title": item.title,
            "purpose": f": {item.purpose}" if item.purpose else "",
        }
        if item.author:
            line = _("{name} ({kind}; {languages}; added by {author}) - {title}{purpose}")
        else:
            line = _("{name} ({kind}; {languages}) - {title}{purpose}")
        lines.append(line.format(**fields))
    return lines


async def template_choices(
    deps: Deps, catalog: LetterCatalog, workspace: str, typed: str
) -> list[Choice]:
    """Names containing what was typed, those starting with it first."""
    needle = typed.strip().lower()
    items = await listed_templates(deps, catalog, workspace)
    hits = [i for i in items if needle in i.name or needle in i.title.lower()]
    hits.sort(key=lambda i: (not i.name.startswith(needle), i.name))
    return [Choice(label=f"{i.name} - {i.title}"[:100], value=i.name) for i in hits][:MAX_CHOICES]
