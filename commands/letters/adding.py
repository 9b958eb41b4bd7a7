"""`/letter add`: from the text or the attached file to a validated StoredTemplate."""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.context import Ctx
from bot.core.errors import UserError
from bot.core.models import Attachment
from bot.core.options import has_control_characters
from commands.letters.catalog import LetterCatalog, parse_header
from commands.letters.views import clean
from lexicon.i18n import _
from storage.letters.models import StoredTemplate
from templating import IsolatedError, TemplateRefused, check_new
from templating.validate import MAX_TEMPLATE_CHARS, TemplateRejected, check_name

MAX_FILE_BYTES = MAX_TEMPLATE_CHARS * 4  # UTF-8 is at most 4 bytes a character


@dataclass(frozen=True)
class TemplateAsk:
    """What /letter add was given: the name, the text or the file, the language chosen."""

    name: str
    text: str
    language: str
    file: Attachment | None


def template_source(ask: TemplateAsk) -> str:
    """The template text, typed or attached (one or the other)."""
    typed = ask.text
    if typed and ask.file is not None:
        raise UserError(_("Give the template as text or as an attached file, not both."))
    if typed:
        return typed
    if ask.file is None:
        raise UserError(_("Give the template text, or attach it as a .txt file."))
    content = ask.file.content
    if len(content) > MAX_FILE_BYTES:
        raise UserError(
            _("The file is too big (at most {count:,} characters).").format(
                count=MAX_TEMPLATE_CHARS
            )
        )
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UserError(_("The file is not UTF-8 text; save it as plain UTF-8 text.")) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if has_control_characters(text, multiline=True):
        raise UserError(_("The file contains control characters; save it as plain text."))
    return text


async def stored_from_request(ctx: Ctx, catalog: LetterCatalog, ask: TemplateAsk) -> StoredTemplate:
    try:
        return await _validated(ctx, catalog, ask)
    except (TemplateRejected, TemplateRefused) as exc:  # it broke a rule: the rule, as said
        raise UserError(str(exc)) from None
    except IsolatedError as exc:  # stopped (time, memory) or busy
        raise UserError(
            _("The template could not be checked: {reason}.").format(reason=exc)
        ) from None


async def _validated(ctx: Ctx, catalog: LetterCatalog, ask: TemplateAsk) -> StoredTemplate:
    name = check_name(ask.name.strip().lower())
    if name in catalog.files:
        raise TemplateRejected(f"{name} is a built-in template; choose another name.")
    source = template_source(ask)
    chosen = ask.language
    header = parse_header(source, default_language=chosen or "en")
    if chosen and header.language != chosen:
        raise TemplateRejected(
            f"The header says language {header.language} but you chose {chosen}."
        )
    # Validated and tried on made-up facts in a worker (memory and time limits): an
    # organizer's source is never parsed, compiled or rendered on the bot's loop.
    await check_new(source, header.language)
    return StoredTemplate(
        name=name,
        language=header.language,
        kind=header.kind,
        title=clean(header.title, 80) or name,
        purpose=clean(header.purpose, 200),
        body=source,
        workspace=ctx.workspace,
        author_platform=ctx.platform,
        author_id=ctx.user_id,
        author_name=clean(ctx.user_name, 80),
        created=ctx.deps.clock().isoformat(timespec="seconds"),
    )
