"""What other features use: campaigns name a petition template and show its text."""

from __future__ import annotations

from bot.core.deps import Deps
from commands.letters.catalog import LetterCatalog
from commands.letters.context import DraftAsk
from commands.letters.drafting import draft, find_template


async def template_exists(
    deps: Deps, name: str, *, workspace: str, catalog: LetterCatalog | None = None
) -> bool:
    """A shipped template, or one added in `workspace` (names are a workspace's own)."""
    catalog = catalog or LetterCatalog()
    key = name.strip().lower()
    if key in catalog.files:
        return True
    return bool(await deps.storage.letters.get(key, workspace))


async def petition_text(
    deps: Deps,
    template: str,
    place: str | None,
    language: str = "en",
    *,
    workspace: str,
    catalog: LetterCatalog | None = None,
) -> str:
    """The template drafted for `place`; UserError (saying what to choose) on missing facts."""
    catalog = catalog or LetterCatalog()
    info = await find_template(deps, catalog, template, language, workspace)
    ask = DraftAsk(template=info.name, fields=info.fields, language=language, place=place or "")
    return (await draft(deps, catalog, info, ask)).text
