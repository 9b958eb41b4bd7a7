"""Finding a template by name and language, and drafting it with the facts."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace

from bot.core.deps import Deps
from bot.core.errors import UserError
from commands.letters.catalog import LetterCatalog, TemplateInfo, parse_header
from commands.letters.context import DraftAsk, build_context
from lexicon.i18n import _, current
from storage.letters.models import StoredTemplate
from templating import IsolatedError, TemplateRefused, fields_of, render_custom
from templating.engine import RenderError, render
from templating.validate import TemplateRejected

_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class Draft:
    info: TemplateInfo
    text: str
    place_label: str
    subject: str = ""  # the company or agency the letter is about, when not the place
    notes: tuple[str, ...] = ()  # for the organizer, never in the letter

    @property
    def filename(self) -> str:
        """By template, subject and language: two drafts of one template never collide."""
        about = self.subject or self.place_label
        where = _SLUG.sub("-", about.lower()).strip("-")[:48]
        parts = [self.info.name, where, self.info.language]
        return "-".join(p for p in parts if p) + ".txt"


async def custom_info(stored: StoredTemplate, catalog: LetterCatalog) -> TemplateInfo:
    """A stored template as the engine sees it (its fields re-read from its AST, in a
    worker: an organizer's source is never parsed or compiled on the bot's loop)."""
    digest = hashlib.sha256(stored.body.encode()).hexdigest()
    fields = catalog.custom_fields.get(digest)
    try:
        if fields is None:
            fields = catalog.remember_fields(digest, await fields_of(stored.body))
    except TemplateRefused:
        # Stored before a rule tightened: refuse to render rather than render unchecked.
        raise UserError(
            _(
                "The template {name} no longer passes validation; an organizer can add it"
                " again with /letter add."
            ).format(name=stored.name)
        ) from None
    except IsolatedError as exc:
        raise UserError(
            _("The template {name} could not be read: {reason}.").format(
                name=stored.name, reason=exc
            )
        ) from None
    return TemplateInfo(
        name=stored.name,
        language=stored.language,
        kind=stored.kind,
        title=stored.title or stored.name,
        purpose=stored.purpose,
        fields=fields,
        source=stored.body,
        custom=True,
        author=stored.author_name,
        applies=_applies(stored.body),
    )


def _applies(body: str) -> frozenset[str]:
    try:
        return parse_header(body).applies
    except TemplateRejected:
        return frozenset()


async def find_template(
    deps: Deps,
    catalog: LetterCatalog,
    name: str,
    language: str,
    workspace: str,
    *,
    asked: bool = True,
) -> TemplateInfo:
    """The template called `name` in `language`: shipped, or the workspace's own. A language
    the member did not ask for (`asked=False`: their own) gives way to the template's
    languages, English first, when the template has no version in it."""
    key = name.strip().lower()
    info = catalog.shipped(key, language)
    if info is not None:
        return info
    languages = catalog.shipped_languages(key)
    stored = [] if languages else await deps.storage.letters.get(key, workspace)
    for candidate in stored:
        if candidate.language == language:
            return await custom_info(candidate, catalog)
    languages = languages or [s.language for s in stored]
    if languages and not asked:
        fallback = "en" if "en" in languages else languages[0]
        return await find_template(deps, catalog, key, fallback, workspace)
    if languages:
        choose = " or language:".join(languages)
        raise UserError(
            _("{key} has no {language} version; choose language:{choose}.").format(
                key=key, language=language, choose=choose
            )
        )
    raise UserError(
        _("No template called {typed!r}. Type /letter templates to list them.").format(
            typed=name.strip()[:40]
        )
    )


async def draft(deps: Deps, catalog: LetterCatalog, info: TemplateInfo, ask: DraftAsk) -> Draft:
    context = await build_context(deps, replace(ask, applies=info.applies))
    try:
        if info.custom:  # an organizer's: in a worker with memory and time limits
            text = await render_custom(info.source, context)
        else:  # shipped with the bot, reviewed code: in-process is safe and faster
            text = render(catalog.compiled(info), context)
    except (RenderError, IsolatedError) as exc:
        raise UserError(
            _("The {name} template could not be drafted: {reason}.").format(
                name=info.name, reason=exc
            )
        ) from None
    place = context.get("place")
    label = str(place.get("label", "")) if isinstance(place, dict) else ""
    return Draft(
        info=info, text=text, place_label=label, subject=_subject(context), notes=_notes(context)
    )


def _notes(context: dict[str, object]) -> tuple[str, ...]:
    return (*_records_notes(context), *_addressee_notes(context))


def _addressee_notes(context: dict[str, object]) -> tuple[str, ...]:
    """The source naming the body addressed, or how to name it (addressee.note)."""
    addressee = context.get("addressee")
    if isinstance(addressee, dict) and addressee.get("note"):
        return (str(addressee["note"]),)
    return ()


def _records_notes(context: dict[str, object]) -> tuple[str, ...]:
    records, place = context.get("records"), context.get("place")
    if not isinstance(records, dict) or not isinstance(place, dict):
        return ()
    if not records.get("law"):
        return (
            _(
                "The facts on record do not name {state}'s public-records law: name it in the"
                " letter (the statute and its section) before sending."
            ).format(state=place.get("state_name")),
        )
    notes = []
    if not records.get("contact"):
        notes.append(
            _(
                'Add how the agency can reach you (contact:"you@example.org"): the letter asks'
                " for electronic copies and has no address to send them to."
            )
        )
    if not records.get("deadline") and not records.get("no_deadline"):
        notes.append(
            _(
                "No response deadline of this law is on record here, so the letter names none;"
                " check the statute before you count the days."
            )
        )
    # The seed words appeal routes in English only: a note in another language does not
    # paste them in.
    if records.get("appeal") and current() == "en":
        notes.append(
            _("If the request is denied or ignored: {appeal}.").format(appeal=records["appeal"])
        )
    return tuple(notes)


def _subject(context: dict[str, object]) -> str:
    for key in ("company", "agency"):
        value = context.get(key)
        if isinstance(value, dict) and value.get("name"):
            return str(value["name"])
    return ""
