"""Over the wire: a Discord member whose client speaks Spanish (the interaction's `locale`,
es-419 or es-ES) and who chose nothing is answered in Spanish; their /language choice wins
over it; an English client keeps the English replies."""

from __future__ import annotations

from dataclasses import replace

import pytest

from testkit.english import english_sentences
from testkit.fake_discord import Invoker
from tests.platforms.discord.conftest import RunningBot
from tests.platforms.discord.wire import final_message, message_data, visible_text

LATIN_AMERICA = Invoker(user_id="600000000000000031", name="lucia", locale="es-419")


async def ask(
    bot: RunningBot, path: str, who: Invoker, values: dict[str, object] | None = None
) -> str:
    sent = await bot.fake.send_interaction(path, values or {}, who)
    _, received = await final_message(bot.fake, sent)
    return visible_text(message_data(received))


@pytest.mark.parametrize("locale", ["es-419", "es-ES"])
async def test_a_spanish_client_without_a_choice_is_answered_in_spanish(
    bot: RunningBot, locale: str
) -> None:
    who = replace(LATIN_AMERICA, locale=locale)
    shown = await ask(bot, "/help", who)
    assert "Comandos de Counterwatch" in shown
    assert "¿Tiene un departamento de policía un acuerdo con Ring?" in shown
    # The test-only /probe commands (conftest) have no Spanish: they are no part of the bot.
    ours = "\n".join(line for line in shown.splitlines() if not line.startswith("/probe"))
    assert not english_sentences(ours), ours
    unknown = await ask(bot, "/help", who, {"command": "nosuch"})
    assert unknown.strip() == "No existe ningún comando llamado /nosuch. Escriba /help para verlos."


async def test_the_member_s_choice_wins_over_the_client(bot: RunningBot) -> None:
    chose = await ask(bot, "/language", LATIN_AMERICA, {"language": "en"})
    assert chose.startswith("Counterwatch answers you in English, as you chose")
    assert "Counterwatch commands" in await ask(bot, "/help", LATIN_AMERICA)
    back = await ask(bot, "/language", LATIN_AMERICA, {"language": "auto"})
    assert back.startswith("Counterwatch le responde en español, el idioma de su plataforma")
    assert "Comandos de Counterwatch" in await ask(bot, "/help", LATIN_AMERICA)


async def test_an_english_client_is_answered_as_before(bot: RunningBot) -> None:
    shown = await ask(bot, "/help", Invoker(user_id="600000000000000032"))
    assert "Counterwatch commands" in shown and "Comandos" not in shown


async def test_synced_commands_carry_spanish_descriptions(bot: RunningBot) -> None:
    """The menu a Spanish Discord client shows: each description in both Spanish locales,
    names as typed everywhere."""
    [put] = [r for r in bot.fake.requests if r.method == "PUT" and r.path.endswith("/commands")]
    sent = {c["name"]: c for c in put.body}
    ring = {s["name"]: s for s in sent["ring"]["options"]}["lookup"]
    spanish = "¿Tiene un departamento de policía un acuerdo con Ring? Desde cuándo, con qué fuente"
    assert ring["description_localizations"] == {"es-ES": spanish, "es-419": spanish}
    place = {o["name"]: o for o in ring["options"]}["place"]
    assert place["description_localizations"]["es-419"] == (
        "Ciudad, ST (Greenfield, WI), un condado o el nombre de una agencia"
    )
    assert not ring.get("name_localizations") and not place.get("name_localizations")
    assert sent["help"]["description_localizations"]["es-ES"].startswith("Lista los comandos")
    for command in put.body:
        for text in command.get("description_localizations", {}).values():
            assert 1 <= len(text) <= 100
