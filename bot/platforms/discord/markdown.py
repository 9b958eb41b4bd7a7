"""Discord markdown neutralised: a reply is plain text and is shown exactly as written.

Every markdown character gets a backslash (Discord shows `\\*` as `*`), except inside bare
links, which stay clickable: the reader sees the real address. Masked links
(`[good](https://evil)`) are defused by escaping their brackets.

Why not `discord.utils.escape_markdown(ignore_links=True)`: its masked-link pattern is greedy
and single-line, so in `[a](x) [b](https://evil)` only the first bracket is escaped and the
second link stays live, `[a` + newline + `b](https://evil)` is not escaped at all, and an
indented `> quote` or `# heading` passes.

Escaping is line-local (nothing matches across a newline), so the escaped length of a text
is the sum over its lines: `split_escaped` relies on that to cut within Discord's limits.
"""

from __future__ import annotations

import re

# Discord's own link rules: <https://...> and bare https://... (a trailing
# punctuation mark is not part of the link).
_URL = re.compile(r"<https?://[^\s>]+>|https?://[^\s<]+[^<.,:;\"')\]\s]")
# Emphasis, underline, strike, spoiler, code, masked-link brackets, and the escape itself.
_INLINE = re.compile(r"[\\*_~|`\[\]]")
# Block quote, heading, subtext and list markers count only at the start of a line.
_LINE_START = re.compile(r"(\s*)(?:([>#+-])|(\d+)\.(?=\s|$))")


def escape(text: str) -> str:
    """`text` with Discord markdown neutralised; bare links left intact."""
    return "\n".join(escape_line(line) for line in text.split("\n"))


def escape_line(line: str) -> str:
    start = ""
    marker = _LINE_START.match(line)
    if marker is not None and (marker.group(2) or marker.group(3)):
        indent, symbol, number = marker.groups()
        start = f"{indent}\\{symbol}" if symbol else f"{indent}{number}\\."
        line = line[marker.end() :]
    parts = [start]
    done = 0
    for link in _URL.finditer(line):
        parts.append(_INLINE.sub(r"\\\g<0>", line[done : link.start()]))
        parts.append(link.group())
        done = link.end()
    parts.append(_INLINE.sub(r"\\\g<0>", line[done:]))
    return "".join(parts)


def split_escaped(text: str, size: int) -> list[str]:
    """`text` escaped, in pieces of at most `size` characters, split at line breaks.

    A line that does not fit on its own is cut before escaping, so an escape never gets
    separated from its character, and each piece is escaped as the start of a message
    (a `>` or `#` that lands at the start of a piece is escaped too).
    """
    pieces: list[str] = []
    current: str | None = None
    for line in text.split("\n"):
        escaped = escape_line(line)
        if len(escaped) > size:
            if current:
                pieces.append(current)
            current = None
            pieces.extend(_cut(line, size))
        elif not current:
            current = escaped
        elif len(current) + 1 + len(escaped) <= size:
            current = f"{current}\n{escaped}"
        else:
            pieces.append(current)
            current = escaped
    if current:
        pieces.append(current)
    return [piece for piece in pieces if piece.strip()]


def _cut(line: str, size: int) -> list[str]:
    """One over-long line as escaped chunks of at most `size` (size >= 2) characters."""
    chunks: list[str] = []
    while line:
        take = min(len(line), size)
        escaped = escape_line(line[:take])
        while len(escaped) > size:
            take = max(1, take - max(1, (len(escaped) - size) // 2))
            escaped = escape_line(line[:take])
        chunks.append(escaped)
        line = line[take:]
    return chunks
