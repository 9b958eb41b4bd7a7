"""Every word on a chart and in its alt text in the asker's language: the worker process
has no request, so the job carries its words; English as it always was."""

from __future__ import annotations

from matplotlib.figure import Figure
from matplotlib.text import Text

from charts import MonthsChart, SignupsChart, StateTiles
from charts.draw import figure_of
from commands.charted import signups_alt_text
from lexicon.i18n import using
from testkit.english import english_sentences


def words(figure: Figure) -> set[str]:
    """Every non-empty text drawn on the figure: titles, axis labels, legend, annotations."""
    return {t.get_text() for t in figure.findobj(Text) if t.get_text().strip()}


def test_the_default_words_are_the_english_ones() -> None:
    drawn = words(figure_of(SignupsChart("Vote: sign-ups", (("2026-01-01", 3),), goal=10)))
    assert {"Vote: sign-ups", "people signed up", "signed up", "goal 10"} <= drawn
    months = MonthsChart("joins", (("2018-01", 2),), "Jan 2018 to Jan 2018: the span")
    tiles = StateTiles("by state", (("WI", 3),))
    assert {"agencies that joined", "agencies"} <= words(figure_of((months, tiles)))


def test_the_job_carries_the_words_drawn() -> None:
    job = SignupsChart(
        "Votación: inscripciones", (("2026-01-01", 3),), goal=1000,
        axis="personas inscritas", legend="inscritas", goal_label="meta: 1,000",
    )  # fmt: skip
    drawn = words(figure_of(job))
    assert {"Votación: inscripciones", "personas inscritas", "inscritas", "meta: 1,000"} <= drawn
    assert not {"people signed up", "signed up", "goal 1,000"} & drawn
    caption = "De enero de 2018 a octubre de 2020: el período de la instantánea del EFF Atlas " * 2
    months = MonthsChart(
        "Agencias por mes", (("2018-01", 2),), caption, axis="agencias que se unieron"
    )
    tiles = StateTiles("Por estado", (("WI", 3),), scale="agencias")
    drawn = words(figure_of((months, tiles)))
    assert {"agencias que se unieron", "agencias", "Por estado"} <= drawn
    # A long caption is wrapped to the figure's width, never cut.
    [wrapped] = [t for t in drawn if t.startswith("De enero")]
    assert "\n" in wrapped and " ".join(wrapped.split()) == " ".join(caption.split())


def test_alt_text_in_spanish_and_english() -> None:
    points = [("2026-11-27", 1), ("2026-11-28", 1200)]
    with using("es"):
        spanish = signups_alt_text("Ring-free Greenfield", points, 5000)
        one_day = signups_alt_text("Ban the Cams", [("2026-11-28", 2)], 0)
    assert spanish == (
        "Gráfico de líneas de las inscripciones en Ring-free Greenfield a lo largo del tiempo"
        " frente a una meta de 5,000: de 1 el 27 de noviembre de 2026 a 1,200 el 28 de"
        " noviembre de 2026."
    )
    assert one_day == (
        "Gráfico de líneas de las inscripciones en Ban the Cams: 2 inscripciones, todas el"
        " 28 de noviembre de 2026."
    )
    assert not english_sentences(spanish) and not english_sentences(one_day)
    assert signups_alt_text("Ban the Cams", [("2026-11-28", 2)], 0) == (
        "Line chart of sign-ups to Ban the Cams: 2 sign-ups, all on 2026-11-28."
    )
