"""A PostgreSQL script split into its statements, for migrations run one statement at a time
(each inside the migration's transaction, and an error names the statement that failed).

A ';' ends a statement only outside quotes, comments and dollar-quoted bodies: a plpgsql
function's body ($$ ... $$ or $tag$ ... $tag$) holds statements of its own.
"""

from __future__ import annotations

import re

# $$ or $tag$ opens a dollar-quoted string; $1 (a parameter) does not: a tag never starts
# with a digit.
_DOLLAR_QUOTE = re.compile(r"\$(?:[A-Za-z_][A-Za-z0-9_]*)?\$")


class ScriptError(ValueError):
    """A script whose quote, comment or dollar-quoted body is never closed."""


def split_statements(script: str) -> list[str]:
    """The statements of `script`, each without its ';', comments kept; empty ones dropped."""
    found: list[str] = []
    start = position = 0
    has_code = False  # the current piece holds more than comments and blanks
    while position < len(script):
        end = _token_end(script, position)
        token = script[position:end]
        if token == ";":
            if has_code:
                found.append(script[start:position].strip())
            start, has_code = end, False
        elif not token.isspace() and not _is_comment(token):
            has_code = True
        position = end
    if has_code:
        found.append(script[start:].strip())  # the last statement may omit its ';'
    return found


def _is_comment(token: str) -> bool:
    return token.startswith(("--", "/*"))


def _token_end(script: str, position: int) -> int:
    """Where the token at `position` ends: past a whole comment, quoted string, quoted
    identifier or dollar-quoted body, else past one character."""
    if script.startswith("--", position):
        newline = script.find("\n", position)
        return len(script) if newline < 0 else newline + 1
    if script.startswith("/*", position):
        return _closed_at(script, "*/", position + 2, "a /* comment")
    char = script[position]
    if char in "'\"":
        return _quote_end(script, position, char)
    if char == "$" and not _inside_word(script, position):
        opener = _DOLLAR_QUOTE.match(script, position)
        if opener:
            return _closed_at(script, opener.group(), opener.end(), f"a {opener.group()} body")
    return position + 1


def _inside_word(script: str, position: int) -> bool:
    """True for the '$' of an identifier such as a$b (PostgreSQL allows '$' after a letter)."""
    return position > 0 and (script[position - 1].isalnum() or script[position - 1] == "_")


def _quote_end(script: str, position: int, quote: str) -> int:
    """Past the closing quote; a doubled quote ('it''s', "a""b") is part of the text."""
    search = position + 1
    while True:
        close = _closed_at(script, quote, search, f"a {quote}quoted{quote} text")
        if script.startswith(quote, close):
            search = close + 1  # doubled: keep going
            continue
        return close


def _closed_at(script: str, closer: str, search_from: int, what: str) -> int:
    """Past the next `closer` from `search_from`; a script ending first is an error."""
    found = script.find(closer, search_from)
    if found < 0:
        raise ScriptError(f"the script ends inside {what}")
    return found + len(closer)
