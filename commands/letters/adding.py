"""`/letter add`: from the text or the attached file to a validated StoredTemplate."""

from __future__ import annotations

from bot.core.deps import Deps
from bot.core.errors import UserError
from bot.core.models import Request
from bot.core.options import has_control_characters
from commands.letters.catalog import LetterCatalog, parse_header
from commands.letters.views import clean
from storage.letters import StoredTemplate
from templating import IsolatedError, TemplateRefused, check_new
from templating.validate import MAX_TEMPLATE_CHARS, TemplateRejected, check_name

MAX_FILE_BYTES = MAX_TEMPLATE_CHARS * 4  # UTF-8 is at most 4 bytes a character


def template_source(request: Request) -> str:
    """The template text, typed or attached (one or the other)."""
    typed = request.text("text")
    if typed and request.attachments:
        raise UserError("Give the template as text or as an attached file, not both.")
    if typed:
        return typed
    if not request.attachments:
        raise UserError("Give the template text, or attach it as a .txt file.")
    content = request.attachments[0].content
    if len(content) > MAX_FILE_BYTES:
        raise UserError(f"The file is too big (at most {MAX_TEMPLATE_CHARS:,} characters).")
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UserError("The file is not UTF-8 text; save it as plain UTF-8 text.") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if has_control_characters(text, multiline=True):
        raise UserError("The file contains control characters; save it as plain text.")
    return text


async def stored_from_request(
    request: Request, deps: Deps, catalog: LetterCatalog
) -> StoredTemplate:
    try:
        return await _validated(request, deps, catalog)
    except (TemplateRejected, TemplateRefused) as exc:  # it broke a rule: the rule, as said
        raise UserError(str(exc)) from None
    except IsolatedError as exc:  # stopped (time, memory) or busy
        raise UserError(f"The template could not be checked: {exc}.") from None


async def _validated(request: Request, deps: Deps, catalog: LetterCatalog) -> StoredTemplate:
    name = check_name(request.text("name").strip().lower())
    if name in catalog.files:
        raise TemplateRejected(f"{name} is a built-in template; choose another name.")
    source = template_source(request)
    chosen = request.text("language")
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
        workspace=request.workspace,
        author_platform=request.platform,
        author_id=request.user_id,
        author_name=clean(request.user_name, 80),
        created=deps.clock().isoformat(timespec="seconds"),
    )
