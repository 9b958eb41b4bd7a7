"""The /letter commands: templates, draft, add, remove."""

from __future__ import annotations

from bot.deps import Deps
from bot.errors import UserError
from bot.models import Reply, ReplyFile, Request
from bot.registry import AutocompleteContext, Choice
from commands.letters.adding import stored_from_request
from commands.letters.catalog import LetterCatalog
from commands.letters.context import DraftAsk
from commands.letters.drafting import draft, find_template
from commands.letters.listing import listing_lines, template_choices
from storage import letters as store


class LetterCommands:
    """Handlers sharing one catalog (one environment, compiled templates kept)."""

    def __init__(self, catalog: LetterCatalog) -> None:
        self.catalog = catalog

    async def templates(self, request: Request, deps: Deps) -> Reply:
        lines = await listing_lines(deps, self.catalog, request.workspace)
        return Reply(
            title="Letter and petition templates",
            text="\n".join(lines)
            + '\n\nDraft one: /letter draft <template> <place> signer:"Your Name" language:es',
        )

    async def draft(self, request: Request, deps: Deps) -> Reply:
        language = request.text("language", "en")
        info = await find_template(
            deps, self.catalog, request.text("template"), language, request.workspace
        )
        ask = DraftAsk(
            template=info.name,
            fields=info.fields,
            language=language,
            place=request.text("place"),
            recipient=request.text("recipient"),
            signer=request.text("signer"),
            company=request.text("company"),
        )
        result = await draft(deps, self.catalog, info, ask)
        return Reply(
            title=f"{info.title} ({info.language})",
            text=result.text,
            file=ReplyFile(result.filename, result.text.encode("utf-8"), "text/plain"),
        )

    async def add(self, request: Request, deps: Deps) -> Reply:
        stored = stored_from_request(request, deps, self.catalog)
        try:
            replaced = await deps.db.write(lambda conn: store.save_template(conn, stored))
        except store.TemplateNameTaken:
            raise UserError(
                f"Another workspace already has a template called {stored.name}; choose"
                " another name."
            ) from None
        verb = "Replaced" if replaced else "Added"
        return Reply(
            text=f"{verb} the {stored.kind} template {stored.name} ({stored.language})."
            f" Draft it: /letter draft {stored.name} <place> language:{stored.language}"
        )

    async def remove(self, request: Request, deps: Deps) -> Reply:
        name = request.text("name").strip().lower()
        if name in self.catalog.files:
            raise UserError(f"{name} is built in and cannot be removed.")
        removed = await deps.db.write(
            lambda conn: store.delete_template(conn, request.workspace, name)
        )
        if not removed:
            raise UserError(f"No template called {name[:40]!r} was added in this workspace.")
        return Reply(text=f"Removed the template {name} ({removed} language version(s)).")

    async def suggest(self, deps: Deps, ctx: AutocompleteContext, typed: str) -> list[Choice]:
        return await template_choices(deps, self.catalog, ctx.workspace, typed)
