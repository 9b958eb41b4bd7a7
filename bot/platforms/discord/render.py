"""Reply -> one Discord message, inside Discord's limits.

Short text goes as message content (<= 2,000 characters). Longer text and
fields become embeds (4,096 per description, 25 fields, 6,000 characters and
10 embeds per message). What still does not fit is attached in full as a .txt
file with a short preview, so nothing is ever cut silently.

Replies are neutral plain text: every string shown (content, embed titles,
descriptions, field names and values) has its markdown neutralised (`markdown`),
and the limits are measured on the escaped text. Attached files are plain text
and stay as written. Mentions are neutralised by `allowed_mentions` on every send
(see `handling`), not by rewriting the user's text.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, replace

import discord

from bot.core.models import Button, Field, Reply
from bot.platforms.discord import limits
from bot.platforms.discord.components import shown_buttons, view_of
from bot.platforms.discord.markdown import escape, split_escaped

FULL_REPLY_FILENAME = "reply.txt"
PREVIEW_MAX = 1500
ERROR_COLOUR = discord.Colour.red()
NORMAL_COLOUR = discord.Colour.blurple()
ALT_TEXT_MAX = 1024
_UNSAFE_FILENAME = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class Outgoing:
    """One message to send; files are kept as bytes so a send can be retried."""

    content: str | None
    embeds: tuple[discord.Embed, ...] = ()
    files: tuple[tuple[str, bytes], ...] = ()
    # The alt text of each file by name (Discord shows it as the attachment's description).
    descriptions: tuple[tuple[str, str], ...] = ()
    # Buttons as components (`discord_view`), built per send like the files.
    buttons: tuple[Button, ...] = ()

    def discord_view(self) -> discord.ui.View | None:
        return view_of(self.buttons) if self.buttons else None

    def discord_files(self) -> list[discord.File]:
        alt = dict(self.descriptions)
        return [
            discord.File(io.BytesIO(data), filename=name, description=alt.get(name) or None)
            for name, data in self.files
        ]


def render(reply: Reply) -> Outgoing:
    outgoing = _render(reply)
    buttons = shown_buttons(reply.buttons)
    return replace(outgoing, buttons=buttons) if buttons else outgoing


def _render(reply: Reply) -> Outgoing:
    files: tuple[tuple[str, bytes], ...] = ()
    alt: tuple[tuple[str, str], ...] = ()
    if reply.file is not None:
        name = safe_filename(reply.file.filename)
        files = ((name, reply.file.content),)
        if reply.file.alt_text:  # Discord caps an attachment's description at 1,024
            alt = ((name, reply.file.alt_text[:ALT_TEXT_MAX]),)
    head = "\n".join(part for part in (reply.title, reply.text, reply.after, reply.note) if part)
    shown = escape(head)
    if not reply.fields and len(shown) <= limits.CONTENT_MAX:
        fallback = "See the attached file." if files else "Done."
        return Outgoing(content=shown or fallback, files=files, descriptions=alt)
    embeds = _embeds(reply)
    if embeds is not None:
        return Outgoing(content=None, embeds=tuple(embeds), files=files, descriptions=alt)
    full = _as_text(reply).encode("utf-8")
    preview = _preview(head or reply.as_text())
    note = f"{preview}\n\n(The full reply is attached as {FULL_REPLY_FILENAME}.)"
    return Outgoing(content=note, files=((FULL_REPLY_FILENAME, full), *files), descriptions=alt)


def safe_filename(name: str) -> str:
    cleaned = _UNSAFE_FILENAME.sub("_", name.rsplit("/", 1)[-1]).strip("._")
    return (cleaned or "file.txt")[:100]


def _as_text(reply: Reply) -> str:
    parts = [reply.title, reply.text, *(f"{f.name}: {f.value}" for f in reply.fields)]
    return "\n".join(p for p in [*parts, reply.after, reply.note] if p) + "\n"


def _preview(text: str) -> str:
    """The escaped start of `text`, at most PREVIEW_MAX characters, whole lines when it can."""
    pieces = split_escaped(text, PREVIEW_MAX)
    if len(pieces) <= 1:
        return pieces[0] if pieces else ""
    return pieces[0].rstrip() + "\n…"


def _embeds(reply: Reply) -> list[discord.Embed] | None:
    """The reply as embeds, or None when it cannot fit one message without cutting."""
    title = escape(reply.title)
    fields = [_escaped_field(f) for f in reply.fields]
    if len(title) > limits.EMBED_TITLE_MAX or any(not _field_fits(f) for f in fields):
        return None
    colour = ERROR_COLOUR if reply.error else NORMAL_COLOUR
    chunks = split_escaped(reply.text, limits.EMBED_DESCRIPTION_MAX) or [""]
    embeds = [discord.Embed(description=chunk or None, colour=colour) for chunk in chunks]
    if title:
        embeds[0].title = title
    for start in range(0, len(fields), limits.EMBED_FIELDS_MAX):
        batch = fields[start : start + limits.EMBED_FIELDS_MAX]
        target = embeds[-1]
        if len(target.fields) + len(batch) > limits.EMBED_FIELDS_MAX:
            target = discord.Embed(colour=colour)
            embeds.append(target)
        for field in batch:
            target.add_field(name=field.name or "-", value=field.value or "-", inline=False)
    # Text after the fields goes in embeds of its own below them (a description shows above).
    if reply.after:
        embeds.extend(
            discord.Embed(description=chunk, colour=colour)
            for chunk in split_escaped(reply.after, limits.EMBED_DESCRIPTION_MAX)
        )
    if reply.note:  # a footer shows no markdown, so it is not escaped
        embeds[-1].set_footer(text=reply.note[: limits.FOOTER_MAX])
    if len(embeds) > limits.EMBEDS_PER_MESSAGE:
        return None
    if sum(len(e) for e in embeds) > limits.EMBED_TOTAL_MAX:
        return None
    return embeds


def _escaped_field(field: Field) -> Field:
    return Field(escape(field.name), escape(field.value))


def _field_fits(field: Field) -> bool:
    return len(field.name) <= limits.FIELD_NAME_MAX and len(field.value) <= limits.FIELD_VALUE_MAX
