"""The console's own lines (banner, /as, the /help note, refusals of a name, saved files,
the campaign pages' address) in the console's language; English as before."""

from __future__ import annotations

import io
from pathlib import Path

from bot.core.dispatch import Dispatcher
from bot.core.models import Reply, ReplyFile, Role
from bot.platforms import console
from lexicon.i18n import using
from testkit.english import english_sentences
from wiring import console_background


async def session(dispatcher: Dispatcher, lines: str, locale: str) -> str:
    stdout = io.StringIO()
    await console.run_console(
        dispatcher,
        console.console_identity(Role.ADMIN, locale=locale),
        io.StringIO(lines),
        stdout,
        background=console_background(dispatcher.deps),
    )
    return stdout.getvalue()


async def test_a_spanish_console_says_its_own_lines_in_spanish(dispatcher: Dispatcher) -> None:
    out = await session(dispatcher, "/as Bea member\n/help\n/as \x01\n", "es_MX.UTF-8")
    assert out.startswith(
        "Consola de Counterwatch, como operator (admin). Escriba /help, o /quit para salir.\n"
        "Ahora escribe Bea (member).\n"
    )
    assert "\n\nEn la consola: /as NOMBRE [rol] cambia quién escribe" in out
    assert "Un nombre no puede contener caracteres de control." in out
    assert not english_sentences(out), english_sentences(out)


async def test_an_english_console_as_before(dispatcher: Dispatcher) -> None:
    out = await session(dispatcher, "/as Bea member\n/help\n", "")
    assert out.startswith(
        "Counterwatch console, as operator (admin). Type /help, or /quit to leave.\n"
        "Now typing as Bea (member).\n"
    )
    assert "\n\nAt the console: /as NAME [role] switches who is typing" in out


def test_saved_files_and_the_pages_line_in_each_language(tmp_path: Path) -> None:
    png = ReplyFile(
        "v.png",
        b"\x89PNG",
        mime="image/png",
        alt_text="x",
        people=(("console", "a"), ("console", "b")),
    )
    with using("es"):
        text = console.render(Reply(text="t", file=png), output_dir=tmp_path)
    assert f"[guardado en {tmp_path / 'v.png'} (4 bytes)]" in text
    assert "[nombra a 2 miembros: /forgetme de cualquiera de ellos lo borra]" in text
    english = console.render(Reply(text="t", file=png), output_dir=tmp_path)
    assert "[it names 2 members: /forgetme by any of them deletes it]" in english
    spanish_console = console.console_identity(Role.ADMIN, locale="es")
    english_console = console.console_identity(Role.ADMIN)
    url = "http://127.0.0.1:8080/c/"
    assert console.pages_line(spanish_console, url) == f"Páginas de campaña: {url}."
    assert console.pages_line(english_console, url, "0.0.0.0:8080") == (
        f"Campaign pages: {url} (served on 0.0.0.0:8080)."
    )
