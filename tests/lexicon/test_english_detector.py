"""The function-word detector the language tests rely on (testkit/english.py), on text known
to be English and text known to be Spanish."""

from __future__ import annotations

import pytest

from testkit.english import english_sentences, is_english

ENGLISH = [
    "Ring partnerships on record for Greenfield, WI are listed below.",
    "The database is unavailable; try again in a minute.",
    "That is not the same as never having partnered.",
    "Type /help <command> for details. 3 more are for organizers and admins.",
    "No place called 'Xyzzy' is on record. Did you mean: Greenfield, WI?",
    "Erased everything the bot held about you (Campaign sign-ups: 1).",
]
SPANISH = [
    "A continuación se listan los acuerdos con Ring registrados para Greenfield, WI.",
    "La base de datos no está disponible; vuelva a intentarlo en un minuto.",
    "Eso no equivale a no haber tenido nunca un acuerdo.",
    "Escriba /help <comando> para ver los detalles. 3 más son para organizadores.",
    # English proper names inside Spanish are not English sentences.
    "Se unió al portal policial Neighbors de Ring el 10 de junio de 2020. Fuente: EFF Atlas"
    " of Surveillance (datos al 2020-10-07).",
    "Greenfield Police Department, WI",
    "Department of Public Safety",
]


@pytest.mark.parametrize("sentence", ENGLISH)
def test_english_is_found(sentence: str) -> None:
    assert is_english(sentence)


@pytest.mark.parametrize("sentence", SPANISH)
def test_spanish_and_names_are_not_english(sentence: str) -> None:
    assert not is_english(sentence)


def test_the_english_sentence_left_in_a_spanish_reply_is_named() -> None:
    reply = (
        "Acuerdos de la policía con Ring: Greenfield, WI\n"
        "Qué significa hoy esa fecha:\n"
        "- 2024-01: Ring ended the Request for Assistance tool for police. Fuente: Ring"
    )
    assert english_sentences(reply) == ["Ring ended the Request for Assistance tool for police."]
