"""Reply.after: text under the fields, in the plain rendering and on the console."""

from __future__ import annotations

from pathlib import Path

from bot.core.models import Field, Reply, ReplyFile
from bot.platforms.console.files import render

REPLY = Reply(
    title="Title", text="Answer", fields=(Field("Agency", "joined"),), after="Context", note="End"
)


def test_plain_text_puts_it_under_the_fields() -> None:
    assert REPLY.as_text() == "Title\nAnswer\nAgency: joined\nContext\nEnd"


def test_the_console_puts_it_under_the_fields_with_or_without_a_file(tmp_path: Path) -> None:
    assert render(REPLY, tmp_path) == REPLY.as_text()
    with_file = Reply(text="Answer", fields=(Field("A", "b"),), after="Context",
                      file=ReplyFile("chart.png", b"png"))  # fmt: skip
    shown = render(with_file, tmp_path).splitlines()
    assert shown[:3] == ["Answer", "A: b", "Context"] and shown[3].startswith("[saved ")
