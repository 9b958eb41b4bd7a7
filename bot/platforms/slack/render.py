"""Reply -> Slack message: Block Kit, mrkdwn escaping and Slack's size limits.

Reply text is neutral plain text. Everything rendered here is escaped exactly as
Slack asks (`&`, `<`, `>`), so `<!channel>`, `<@U123>` and `<http://evil|good>`
typed by a user reach Slack as inert text. A reply too big for one message
(50 blocks, 4,000 characters) travels as a text file instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.core.models import Button, Reply, ReplyFile

MAX_BLOCKS = 50
MAX_SECTION_TEXT = 3000
MAX_MESSAGE_TEXT = 4000
MAX_HEADER_TEXT = 150
MAX_FIELD_TEXT = 2000
MAX_FIELDS_PER_SECTION = 10
MAX_BUTTON_TEXT = 75
MAX_BUTTON_VALUE = 2000
MAX_ACTION_ELEMENTS = 25
BUTTON_ACTION_PREFIX = "cw-"
LONG_REPLY_FILENAME = "counterwatch-reply.txt"
LONG_REPLY_NOTE = "The reply is too long for one Slack message; it is attached as a file."

Block = dict[str, Any]


@dataclass(frozen=True)
class SlackMessage:
    """What an adapter posts: fallback text, blocks, visibility, and files to upload."""

    text: str
    blocks: list[Block]
    ephemeral: bool
    files: tuple[ReplyFile, ...] = ()

    def payload(self) -> dict[str, Any]:
        """The body for a response_url post."""
        return {
            "text": self.text,
            "blocks": self.blocks,
            "response_type": "ephemeral" if self.ephemeral else "in_channel",
        }


def escape(text: str) -> str:
    """Slack's mrkdwn escaping: exactly these three characters, `&` first."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def unescape(text: str) -> str:
    """Slack delivers typed `&`, `<`, `>` as entities; restore what the user typed."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def truncate(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def plain(text: str, limit: int = MAX_SECTION_TEXT) -> dict[str, Any]:
    """A plain_text object (labels, titles, options): escaped too, and capped."""
    return {"type": "plain_text", "text": truncate(escape(text), limit), "emoji": True}


def render_reply(reply: Reply) -> SlackMessage:
    """Render a Reply; fall back to a file when it does not fit in one message."""
    blocks = _blocks(reply)
    fallback = escape(_fallback_text(reply))
    if len(blocks) <= MAX_BLOCKS and len(fallback) <= MAX_MESSAGE_TEXT:
        files = (reply.file,) if reply.file is not None else ()
        return SlackMessage(text=fallback, blocks=blocks, ephemeral=reply.private, files=files)
    return _as_file(reply)


def _as_file(reply: Reply) -> SlackMessage:
    long_text = ReplyFile(LONG_REPLY_FILENAME, _fallback_text(reply).encode("utf-8"))
    files = (long_text,) if reply.file is None else (long_text, reply.file)
    note = LONG_REPLY_NOTE
    blocks: list[Block] = []
    if reply.title:
        blocks.append({"type": "header", "text": plain(reply.title, MAX_HEADER_TEXT)})
    blocks.append(_section(note))
    return SlackMessage(text=escape(note), blocks=blocks, ephemeral=reply.private, files=files)


def _fallback_text(reply: Reply) -> str:
    """Notification text: everything but the file line (the file is uploaded)."""
    parts = [reply.title, reply.text, *(f"{f.name}: {f.value}" for f in reply.fields)]
    return "\n".join(p for p in [*parts, reply.after, reply.note] if p)


def _blocks(reply: Reply) -> list[Block]:
    blocks: list[Block] = []
    if reply.title:
        blocks.append({"type": "header", "text": plain(reply.title, MAX_HEADER_TEXT)})
    if reply.text:
        blocks.extend(_section(chunk) for chunk in split_for_sections(reply.text))
    fields = [_field_text(f.name, f.value) for f in reply.fields]
    for start in range(0, len(fields), MAX_FIELDS_PER_SECTION):
        section_fields = fields[start : start + MAX_FIELDS_PER_SECTION]
        blocks.append(
            {"type": "section", "fields": [{"type": "mrkdwn", "text": t} for t in section_fields]}
        )
    if reply.after:
        blocks.extend(_section(chunk) for chunk in split_for_sections(reply.after))
    actions = actions_block(reply.buttons)
    if actions is not None:
        blocks.append(actions)
    if reply.note:  # e.g. a closed campaign's card: where its buttons were
        blocks.append(_context(reply.note))
    if reply.file is not None:
        size = len(reply.file.content)
        note = f"Attached: {reply.file.filename} ({size} bytes)"
        blocks.append(_context(note))
    return blocks


def _context(text: str) -> Block:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": escape(text)}]}


def actions_block(buttons: tuple[Button, ...]) -> Block | None:
    """Block Kit buttons: `action_id` cw-<n>, `value` the action line run for the clicker."""
    shown = [b for b in buttons if not b.disabled and 0 < len(b.action) <= MAX_BUTTON_VALUE]
    if not shown:
        return None
    elements: list[Block] = []
    for n, button in enumerate(shown[:MAX_ACTION_ELEMENTS]):
        element: Block = {
            "type": "button",
            "text": plain(button.label, MAX_BUTTON_TEXT),
            "action_id": f"{BUTTON_ACTION_PREFIX}{n}",
            "value": button.action,
        }
        if button.style in ("primary", "danger"):  # Slack's only styles; else its default
            element["style"] = button.style
        elements.append(element)
    return {"type": "actions", "block_id": "cw-buttons", "elements": elements}


def _section(raw_text: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": escape(raw_text)}}


def _field_text(name: str, value: str) -> str:
    # Bold labels are our own markup, added after escaping the user's words.
    label = escape(name.replace("*", ""))
    body = f"*{label}*\n{escape(value)}"
    return truncate(body, MAX_FIELD_TEXT)


def split_for_sections(text: str, limit: int = MAX_SECTION_TEXT) -> list[str]:
    """Split raw text on line boundaries so that each piece, once escaped, fits a section."""
    if len(text) * 5 <= limit or len(escape(text)) <= limit:  # "&amp;" is the worst case
        return [text]  # what the loop below gives a text that fits whole, without the work
    chunks: list[str] = []
    current: list[str] = []
    size = 0
    for line in _hard_split_lines(text, limit):
        cost = len(escape(line)) + (1 if current else 0)
        if current and size + cost > limit:
            chunks.append("\n".join(current))
            current, size = [], 0
            cost = len(escape(line))
        current.append(line)
        size += cost
    if current:
        chunks.append("\n".join(current))
    return chunks


def _hard_split_lines(text: str, limit: int) -> list[str]:
    """Lines, with any line whose escaped form exceeds `limit` cut into pieces that fit."""
    pieces: list[str] = []
    for line in text.split("\n"):
        if len(line) * 5 <= limit or len(escape(line)) <= limit:  # "&amp;" is the worst case
            pieces.append(line)
            continue
        piece: list[str] = []
        size = 0
        for char in line:
            cost = len(escape(char))
            if size + cost > limit:
                pieces.append("".join(piece))
                piece, size = [], 0
            piece.append(char)
            size += cost
        pieces.append("".join(piece))
    return pieces
