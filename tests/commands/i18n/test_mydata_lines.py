"""What /mydata and /forgetme list inside each section (written by each storage domain) is
said in the member's language: sign-ups, follows, mutes, the campaigns one organizes,
announcements and reminders sent (the campaign messages received: test_whole_session.py).
The /forgetme code does not depend on the language it is shown in."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from bot.core.dispatch import Dispatcher, Identity
from bot.core.models import Reply, Role
from testkit.english import english_sentences
from tests.commands.campaigns.test_announce import Recording
from tests.commands.i18n.test_pseudo_slice import assert_all_from_catalog, words
from tests.conftest import identity

pytestmark = pytest.mark.real_data("seed", "letters")  # a place to follow
TYPED = ("Vote no on Ring", "Hearing Tuesday", "America/Chicago")


async def organizer_with_everything(dispatcher: Dispatcher) -> Identity:
    """An organizer who made, joined, announced to, muted and scheduled a campaign, and
    follows a place."""
    dispatcher.deps.messengers.register(Recording())
    org = identity(Role.ORGANIZER, user_id="U-org")
    lines = ['/campaign create vote "Vote no on Ring" 100', "/campaign join vote Greenfield",
             "/follow Greenfield, WI", "/campaign announce vote Hearing Tuesday"]  # fmt: skip
    for line in lines:
        reply = await dispatcher.run_text(org, line)
        assert not reply.error, (line, reply.text)
    code = re.findall(r"\b[0-9a-f]{8}\b", reply.text)[-1]
    confirmed = f"/campaign announce vote Hearing Tuesday confirm:{code}"
    for line in (confirmed, '/campaign remind vote "2027-03-02 18:00 America/Chicago" Hi',
                 "/campaign mute vote"):  # fmt: skip
        assert not (await dispatcher.run_text(org, line)).error, line
    return org


def held(reply: Reply) -> str:
    text = reply.as_text()
    for typed in TYPED:
        text = text.replace(typed, "")
    return text


async def test_mydata_lines_in_spanish(dispatcher: Dispatcher) -> None:
    org = replace(await organizer_with_everything(dispatcher), locale="es-419")
    mine = await dispatcher.run_text(org, "/mydata")
    fields = {f.name: f.value for f in mine.fields}
    assert len(fields) == 6, fields
    assert not english_sentences(held(mine)), held(mine)
    assert fields["Lugares que usted sigue"].startswith("Usted sigue Greenfield")
    assert "26 de noviembre de 2026" in fields["Inscripciones en campañas"]
    assert (
        "recordatorio R1 de vote para 2027-03-02 18:00 America/Chicago: pendiente"
        in (fields["Recordatorios de campañas que usted programó"])
    )
    english = await dispatcher.run_text(replace(org, locale=""), "/forgetme")
    spanish = await dispatcher.run_text(org, "/forgetme")
    code = re.findall(r"\b[0-9a-f]{8}\b", english.text)[-1]
    assert code in spanish.text  # the code is the data's, whatever the language it is shown in


async def test_mydata_lines_through_the_catalog(dispatcher: Dispatcher) -> None:
    org = replace(await organizer_with_everything(dispatcher), locale="qps")
    data = words("test", "W1", "U-org", "Greenfield", "vote", *TYPED)
    for line in ("/mydata", "/forgetme"):
        assert_all_from_catalog(await dispatcher.run_text(org, line), data)
