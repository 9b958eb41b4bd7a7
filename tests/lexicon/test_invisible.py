"""Zero-width and blank characters are found; the joiner inside an emoji is not one."""

from __future__ import annotations

import pytest

from lexicon.invisible import has_invisible


@pytest.mark.parametrize(
    "text",
    [
        "Stop\u200bRing",
        "Ana\u200c",
        "A\u200dna",
        "\ufeffAna",
        "Ana\u2060",
        "Ana\u3164",
        "Ana\u00ad",
    ],
)
def test_invisible_characters_are_found(text: str) -> None:
    assert has_invisible(text)


@pytest.mark.parametrize(
    "text",
    [
        "Stop Ring",
        "Ana Pérez",
        "Organizers \U0001f469\u200d\U0001f4bb",  # woman technologist
        "\u2764\ufe0f\u200d\U0001f525 Ring-free",  # heart on fire
        "\U0001f44b\U0001f3fd\u200d\u2642\ufe0f",  # skin tone, then joiner, then a sign
        "\u0645\u06cc\u200c\u0634\u0648\u062f",  # Persian: the non-joiner is spelling
        "\u0915\u094d\u200d\u0937",  # Devanagari: a joiner after the virama
    ],
)
def test_visible_text_and_emoji_pass(text: str) -> None:
    assert not has_invisible(text)
