"""/facts outbox's delivery errors, kept as structure, said in the reader's language; the
notify-channel post of a follower whose DMs are closed framed in the follower's."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher, Identity
from bot.core.models import Role
from notifications.delivery import deliver_due
from tests.commands.admin.conftest import Clock, FakeMessenger
from tests.commands.admin.test_delivery_fallback import follow_and_change, on_discord, with_discord
from tests.conftest import identity

ADMIN = identity(Role.ADMIN, user_id="A1")
ADMIN_ES = replace(ADMIN, locale="es-419")


@pytest.fixture
def messenger() -> FakeMessenger:
    return FakeMessenger("discord")


async def test_outbox_errors_in_spanish_and_english(
    disp: Dispatcher, fdeps: Deps, messenger: FakeMessenger, clock: Clock
) -> None:
    await follow_and_change(disp, on_discord("111", "Zed"))
    messenger.closed_dms.add("111")
    assert (await deliver_due(with_discord(fdeps, messenger, channel=""))).failed == 1
    spanish = await disp.run_text(ADMIN_ES, "/facts outbox")
    assert "último error: mensajes directos cerrados (" in spanish.text, spanish.text
    assert "no hay ningún canal de avisos de discord configurado" in spanish.text
    english = await disp.run_text(ADMIN, "/facts outbox")
    assert "; no discord notify channel is set" in english.text


async def test_the_channel_post_is_framed_in_the_followers_language(
    disp: Dispatcher, fdeps: Deps, messenger: FakeMessenger
) -> None:
    zed: Identity = on_discord("111", "Zed")
    assert not (await disp.run_text(zed, "/language es")).error
    await follow_and_change(disp, zed)
    messenger.closed_dms.add("111")
    assert (await deliver_due(with_discord(fdeps, messenger))).in_channel == 1
    [(_channel, text)] = [(c, t) for _w, c, t in messenger.posts]
    assert text.startswith("Para Zed (mensajes directos cerrados):\nCounterwatch: cambió un dato")
