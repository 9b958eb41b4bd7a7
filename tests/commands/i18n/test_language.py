"""/language and the order a member's language is chosen in: their choice, else what the
platform says, else English; shown by /mydata, erased by /forgetme."""

from __future__ import annotations

from dataclasses import replace

from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher, Identity
from tests.conftest import identity

SPANISH_DISCORD = replace(identity(user_id="U-es"), locale="es-419")


async def test_no_choice_and_no_platform_locale_is_english(
    dispatcher: Dispatcher, member: Identity
) -> None:
    reply = await dispatcher.run_text(member, "/language")
    assert reply.text.startswith("Counterwatch answers you in English, your platform's language")


async def test_the_platform_locale_applies_without_a_choice(dispatcher: Dispatcher) -> None:
    reply = await dispatcher.run_text(SPANISH_DISCORD, "/help")
    assert reply.title == "Comandos de Counterwatch"
    shown = await dispatcher.run_text(SPANISH_DISCORD, "/language")
    assert shown.text.startswith("Counterwatch le responde en español, el idioma de su plataforma")


async def test_a_choice_beats_the_platform_and_auto_goes_back_to_it(
    dispatcher: Dispatcher,
) -> None:
    chose = await dispatcher.run_text(SPANISH_DISCORD, "/language en")
    assert chose.text.startswith("Counterwatch answers you in English, as you chose")
    assert (await dispatcher.run_text(SPANISH_DISCORD, "/help")).title == "Counterwatch commands"
    auto = await dispatcher.run_text(SPANISH_DISCORD, "/language auto")
    assert auto.text.startswith("Counterwatch le responde en español, el idioma de su plataforma")
    assert (await dispatcher.run_text(SPANISH_DISCORD, "/help")).title == "Comandos de Counterwatch"


async def test_spanish_chosen_is_answered_in_spanish_everywhere(
    dispatcher: Dispatcher, member: Identity
) -> None:
    chose = await dispatcher.run_text(member, "/language es")
    assert chose.text.startswith("Counterwatch le responde en español, como usted eligió")
    unknown = await dispatcher.run_text(member, "/nosuch")
    assert unknown.error and unknown.text.startswith("No existe el comando /nosuch.")
    refused = await dispatcher.run_text(member, "/campaign create x y")
    assert refused.text == "/campaign create es solo para organizadores."
    bad = await dispatcher.run_text(member, "/language fr")
    assert bad.error and bad.text == "language debe ser uno de: en, es, auto."


async def test_the_choice_is_one_member_s_on_one_platform(
    dispatcher: Dispatcher, member: Identity
) -> None:
    await dispatcher.run_text(member, "/language es")
    other = identity(user_id="U2")
    assert (await dispatcher.run_text(other, "/help")).title == "Counterwatch commands"
    elsewhere = replace(member, platform="slack")
    assert (await dispatcher.run_text(elsewhere, "/help")).title == "Counterwatch commands"


async def test_mydata_shows_the_choice_and_forgetme_erases_it(
    dispatcher: Dispatcher, deps: Deps, member: Identity
) -> None:
    await dispatcher.run_text(member, "/language es")
    mine = await dispatcher.run_text(member, "/mydata")
    assert mine.title == "Sus datos"
    assert mine.text == (
        "Usted es el usuario U1 de test. Esto es todo lo que el bot guarda sobre usted."
        " /forgetme lo borra."
    )
    assert [(f.name, f.value) for f in mine.fields] == [
        ("Su idioma", "español (elegido el 26 de noviembre de 2026)")
    ]
    asked = await dispatcher.run_text(member, "/forgetme")
    assert asked.title == "¿Borrar todo lo que hay sobre usted?"
    code = asked.text.rsplit(" ", 1)[-1]
    erased = await dispatcher.run_text(member, f"/forgetme {code}")
    # Said in Spanish: the choice was read for this request, before it was erased.
    assert erased.text.startswith(
        "Se borró todo lo que el bot guardaba sobre usted (Su idioma: 1).\n"
        "Los archivos propios de la base de datos no guardan ninguna copia."
    )
    assert await deps.storage.languages.chosen("test", "U1") is None
    after = await dispatcher.run_text(member, "/mydata")
    assert after.title == "Your data" and "holds nothing about you" in after.text


async def test_the_erase_code_does_not_depend_on_the_language_it_was_shown_in(
    dispatcher: Dispatcher, member: Identity
) -> None:
    await dispatcher.run_text(member, "/language es")
    in_spanish = (await dispatcher.run_text(member, "/forgetme")).text.rsplit(" ", 1)[-1]
    on_english_device = replace(member, locale="en-US")
    await dispatcher.run_text(on_english_device, "/language auto")  # now English
    await dispatcher.run_text(on_english_device, "/language es")  # the same data again
    assert (await dispatcher.run_text(member, "/forgetme")).text.rsplit(" ", 1)[-1] == in_spanish
