"""The pacing, busy and incident lines in the asker's language, and still counted as what
they are (the metrics recognize them in every language)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.core.context import Ctx
from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher
from bot.core.health import Monitor
from bot.core.incidents import is_incident
from bot.core.models import Reply
from bot.core.pacing import Pacing, Rate, is_paced
from bot.core.registry import Command, Registry
from tests.conftest import identity

SPANISH = replace(identity(), locale="es-419")


class ManualClock:
    now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def monitor() -> Monitor:
    return Monitor()


@pytest.fixture
def paced(deps: Deps, monitor: Monitor) -> Dispatcher:
    async def ping(ctx: Ctx) -> Reply:
        return Reply(text="pong")

    async def broken(ctx: Ctx) -> Reply:
        raise RuntimeError("a bug")

    registry = Registry()
    registry.add_all([Command(("ping",), "Ping", ping), Command(("broken",), "Broken", broken)])
    pacing = Pacing(ManualClock(), commands=Rate(burst=2, per_second=0.5), slow_per_workspace=1)
    return Dispatcher(registry, deps, pacing=pacing, monitor=monitor)


def counted(monitor: Monitor, outcome: str) -> float:
    value = monitor.registry.get_sample_value(
        "counterwatch_commands_total", {"platform": "test", "outcome": outcome}
    )
    return value or 0.0


async def test_slow_down_in_spanish_is_counted_as_paced(
    paced: Dispatcher, monitor: Monitor
) -> None:
    for _ in range(2):
        assert (await paced.run_text(SPANISH, "/ping")).text == "pong"
    loop = await paced.run_text(SPANISH, "/ping")
    assert loop.error and loop.text == (
        "Está enviando comandos demasiado rápido; espere unos segundos y vuelva a intentarlo."
    )
    assert is_paced(loop.text) and counted(monitor, "paced") == 1
    english = await paced.run_text(identity(user_id="U2"), "/ping")
    assert english.text == "pong"


async def test_an_incident_in_spanish_is_counted_as_an_incident(
    paced: Dispatcher, monitor: Monitor
) -> None:
    reply = await paced.run_text(SPANISH, "/broken")
    assert reply.text.startswith("Algo falló de nuestro lado. No se cambió nada.")
    assert is_incident(reply) and counted(monitor, "incident") == 1
    english = await paced.run_text(identity(user_id="U3"), "/broken")
    assert english.text.startswith("Something went wrong on our side. Nothing was changed.")
    assert counted(monitor, "incident") == 2 and counted(monitor, "user_error") == 0
