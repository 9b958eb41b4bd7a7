"""The embedded default: an interactive terminal and a one-shot `ask` mode.

The console types the same slash commands as chat, as one or several people (`--user`,
`/as NAME [role]`), and shows their follow notifications. A file is attached by ending the
line with an unquoted `< path` (e.g. `/facts import < atlas.csv`, `< "my file.csv"`); files
the bot sends back (letters, exports) are written under ./counterwatch-out/.
"""

from __future__ import annotations

from bot.platforms.console.files import (
    MAX_ATTACHMENT_BYTES,
    OUTPUT_DIR,
    attachment_path,
    render,
    split_attachment,
)
from bot.platforms.console.people import (
    CONSOLE_WORKSPACE,
    DEFAULT_USER,
    ConsoleMessenger,
    ConsoleNameError,
    check_name,
    console_identity,
    console_language,
    console_locale,
    switch_identity,
    user_id_for,
)
from bot.platforms.console.session import MAX_LINE_CHARS, pages_line, run_console
from bot.platforms.console.turns import ask, shown

__all__ = [
    "CONSOLE_WORKSPACE",
    "DEFAULT_USER",
    "MAX_ATTACHMENT_BYTES",
    "MAX_LINE_CHARS",
    "OUTPUT_DIR",
    "ConsoleMessenger",
    "ConsoleNameError",
    "ask",
    "attachment_path",
    "check_name",
    "console_identity",
    "console_language",
    "console_locale",
    "pages_line",
    "render",
    "run_console",
    "shown",
    "split_attachment",
    "switch_identity",
    "user_id_for",
]
