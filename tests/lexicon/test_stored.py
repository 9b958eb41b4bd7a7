"""Sentences storage keeps as structure, said in the reader's language; any other text as
it is stored (rows written before)."""

from __future__ import annotations

import json

from lexicon.i18n import N_, using
from lexicon.stored import MARK, code, date, say, store, tech

ENDED = N_("{agency} ({state}) ended its Ring partnership on {ended}")


def test_english_reads_as_the_sentence_always_did() -> None:
    kept = store(ENDED, agency="Greenfield Police Department", state="WI", ended=date("2024-01-24"))
    assert kept.startswith(MARK)
    assert say(kept) == "Greenfield Police Department (WI) ended its Ring partnership on 2024-01-24"


def test_spanish_words_the_message_the_date_and_the_codes() -> None:
    kept = store(ENDED, agency="Greenfield Police Department", state="WI", ended=date("2024-01"))
    law = store(
        N_("{place}: {kind} of {enacted}, {status}"),
        place="Madison, WI", kind=code("ban"), enacted=date("2020-12"), status=code("in-force"),
    )  # fmt: skip
    with using("es"):
        assert say(kept) == (
            "Greenfield Police Department (WI) puso fin a su acuerdo con Ring"
            " (fecha: enero de 2024)"
        )
        assert say(law) == "Madison, WI: prohibición (diciembre de 2020), vigente"
    assert say(law) == "Madison, WI: ban of 2020-12, in-force"


def test_a_nested_sentence_is_said_too_and_unknown_codes_as_stored() -> None:
    inner = store(N_("{who}: {technology}"), who="Greenfield PD, WI", technology=tech("Drones"))
    undo = store(N_("undid C{change} ({summary})"), change="4", summary=inner)
    odd = store(N_("{place}: {kind} of {enacted}, {status}"), place="X", kind=code("novel"),
                enacted=date("2020"), status=code("in-force"))  # fmt: skip
    with using("es"):
        assert say(undo) == "se deshizo C4 (Greenfield PD, WI: Drones)"
        assert say(odd) == "X: novel (2020), vigente"
    assert say(undo) == "undid C4 (Greenfield PD, WI: Drones)"


def test_other_text_is_said_as_stored() -> None:
    old_row = "Greenfield Police Department (WI) ended its Ring partnership on 2024-01-24"
    with using("es"):
        assert say(old_row) == old_row
        assert say("") == ""
        # Typed text holding braces is data, never a template.
        kept = store(N_("{company}, {date}: {kind}: {text}"), company="A{b}", date=date("2020"),
                     kind=code("exit"), text="{oops}")  # fmt: skip
        assert say(kept) == "A{b}, 2020: retiro: {oops}"


def test_the_stored_form_is_json_of_the_message_and_fields() -> None:
    kept = store(ENDED, agency="A", state="WI", ended=date("2024-01-24"))
    assert json.loads(kept[len(MARK) :]) == {
        "f": {"agency": "A", "ended": {"date": "2024-01-24"}, "state": "WI"},
        "m": ENDED,
    }
