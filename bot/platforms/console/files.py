"""Files in and out of the console: `< path` at the end of a line attaches a file, and files
the bot sends back (letters, exports) are written under ./counterwatch-out/, with a note of
whose data each holds (bot/core/kept_files.py: /forgetme deletes those naming the member)."""

from __future__ import annotations

from pathlib import Path

from bot.core.errors import UserError
from bot.core.grammar import tokenize
from bot.core.kept_files import DEFAULT_DIR, KeptFiles
from bot.core.models import Attachment, Reply
from lexicon.i18n import _, ngettext

MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024
OUTPUT_DIR = DEFAULT_DIR


def attachment_path(line: str) -> tuple[str, str] | None:
    """(command text, path) when the line ends with an unquoted `< path`, else None.

    Quoting follows the chat grammar (bot/core/grammar.py), so a `<` inside a quoted value
    (`signer:"Neighbors < Ring"`) is text, and the path may be quoted (`< "my file.csv"`).
    A `<` is unquoted exactly when splitting the line there changes none of its words.
    """
    try:
        words = tokenize(line)
    except UserError:
        return None  # unbalanced quotes: the dispatcher says so
    for index in range(len(line) - 1, 0, -1):
        if line[index] != "<" or not line[index - 1].isspace():
            continue
        head, tail = line[:index], line[index:]
        try:
            head_words, tail_words = tokenize(head), tokenize(tail)
        except UserError:
            continue  # the `<` sits inside a quote
        if head_words + tail_words != words:
            continue  # a quote spans the split: the `<` is quoted text
        if tail_words[0] == "<" and len(tail_words) == 2:
            return head.rstrip(), tail_words[1]
        if len(tail_words) == 1 and len(tail_words[0]) > 1:  # `<path`, no space
            return head.rstrip(), tail_words[0][1:]
        return None  # the last unquoted `<` is not followed by exactly one path
    return None


def split_attachment(line: str) -> tuple[str, tuple[Attachment, ...], str]:
    """Return (command text, attachments, error message or '')."""
    found = attachment_path(line)
    if found is None:
        return line, (), ""
    command_text, typed_path = found
    path = Path(typed_path).expanduser()
    too_large = _("{path} is larger than {most} MB.").format(
        path=path, most=MAX_ATTACHMENT_BYTES // (1024 * 1024)
    )
    try:
        # The size a file reports is not a bound: /dev/zero and pipes report 0. Read one byte
        # past the limit and refuse if it came.
        with path.open("rb") as handle:
            content = handle.read(MAX_ATTACHMENT_BYTES + 1)
    except OSError as exc:
        return (
            line,
            (),
            _("Cannot read {path}: {error}.").format(path=path, error=exc.strerror or exc),
        )
    if len(content) > MAX_ATTACHMENT_BYTES:
        return line, (), too_large
    return command_text, (Attachment(path.name, content),), ""


def render(reply: Reply, output_dir: Path = OUTPUT_DIR) -> str:
    """The console shows plain text; a file is saved and its path shown."""
    text = reply.as_text() if reply.file is None else _text_without_file(reply)
    if reply.file is not None:
        kept = KeptFiles(output_dir)
        target = kept.save(reply.file.filename, reply.file.content, reply.file.people)
        saved = _("[saved {path} ({n} bytes)]").format(path=target, n=len(reply.file.content))
        text += "\n" + saved
        if reply.file.people:  # it stays on this disk: say who can have it deleted
            n = len(set(reply.file.people))
            names = ngettext(
                "[it names {n:,} member: /forgetme by any of them deletes it]",
                "[it names {n:,} members: /forgetme by any of them deletes it]",
                n,
            )
            text += "\n" + names.format(n=n)
        if reply.file.alt_text:  # what the picture shows, for a terminal that cannot
            text += f"\n[{reply.file.alt_text}]"
    return text


def _text_without_file(reply: Reply) -> str:
    parts = [reply.title, reply.text, *(f"{f.name}: {f.value}" for f in reply.fields)]
    return "\n".join(p for p in [*parts, reply.after, reply.note] if p)
