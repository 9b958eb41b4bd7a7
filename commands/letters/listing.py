"""What `/letter templates` shows, and the "template" autocomplete source."""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.deps import Deps
from bot.core.registry import MAX_CHOICES, Choice
from commands.letters.catalog import LetterCatalog
from storage.letters.models import StoredTemplate


@dataclass(frozen=True)
class Listed:
    name: str
    kind: str
    title: str
    purpose: str
    languages: tuple[str, ...]
    author: str = ""  # custom templates only


async def listed_templates(deps: Deps, catalog: LetterCatalog, workspace: str) -> list[Listed]:
    """Shipped templates, then the workspace's own, each name once with its languages."""
    found: list[Listed] = []
    for name in catalog.shipped_names():
        languages = catalog.shipped_languages(name)
        info = catalog.shipped(name, "en" if "en" in languages else languages[0])
        if info is not None:
            found.append(Listed(name, info.kind, info.title, info.purpose, tuple(languages)))
    custom: dict[str, list[StoredTemplate]] = {}
    for stored in await deps.storage.letters.list(workspace):
        custom.setdefault(stored.name, []).append(stored)
    for name, versions in custom.items():
        first = versions[0]
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


async def listing_lines(deps: Deps, catalog: LetterCatalog, workspace: str) -> list[str]:
    lines = []
    for item in await listed_templates(deps, catalog, workspace):
        by = f"; added by {item.author}" if item.author else ""
        purpose = f": {item.purpose}" if item.purpose else ""
        lines.append(
            f"{item.name} ({item.kind}; {', '.join(item.languages)}{by}) - {item.title}{purpose}"
        )
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
