"""What other features use: campaigns name a petition template and show its text."""

from __future__ import annotations

from bot.core.deps import Deps
from bot.core.errors import UserError
from commands.letters.catalog import LetterCatalog
from commands.letters.context import DraftAsk
from commands.letters.drafting import draft, find_template
from lexicon.i18n import N_, _

# What a template that is not a petition is, in a sentence ("a letter, not a petition").
_A_KIND = {"letter": N_("a letter"), "records-request": N_("a records request")}


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


async def check_petition_kind(
    deps: Deps, name: str, *, workspace: str, catalog: LetterCatalog | None = None
) -> None:
    """UserError in one line, naming the petition templates, unless `name` is a petition: a
    campaign gathers signatures, and a letter has one signer and no place for the rest."""
    catalog = catalog or LetterCatalog()
    key = name.strip().lower()
    kinds = {_shipped_kind(catalog, key)} if key in catalog.files else set()
    if not kinds:
        kinds = {t.kind for t in await deps.storage.letters.get(key, workspace)}
    if not kinds or kinds == {"petition"}:
        return  # an unknown name is check_template's to refuse
    own = await deps.storage.letters.list(workspace)
    petitions = [n for n in catalog.shipped_names() if _shipped_kind(catalog, n) == "petition"]
    petitions += sorted({t.name for t in own if t.kind == "petition"})
    kind = sorted(kinds)[0]
    a_kind = _(_A_KIND[kind]) if kind in _A_KIND else f"a {kind.replace('-', ' ')}"
    if petitions:
        message = _(
            "{key} is {a_kind}, not a petition: a campaign takes a petition template ({names})."
        )
    else:
        message = _(
            "{key} is {a_kind}, not a petition: a campaign takes a petition template (none yet)."
        )
    raise UserError(message.format(key=key, a_kind=a_kind, names=", ".join(petitions)))


def _shipped_kind(catalog: LetterCatalog, name: str) -> str:
    language = catalog.shipped_languages(name)[0]
    info = catalog.shipped(name, language)
    return info.kind if info is not None else ""
