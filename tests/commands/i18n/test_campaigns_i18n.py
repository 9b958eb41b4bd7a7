"""/campaign in the pseudo-locale (every word of the bot's through the catalog) and in Spanish
(no English sentence, Spanish dates and plurals); announcements and reminders delivered in
each recipient's chosen language; the petition PDF's headings in the petition's language."""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import replace

from pypdf import PdfReader

from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher, Identity
from bot.core.models import Reply, Role
from commands.campaigns.ending import summary_text
from commands.campaigns.petition_pdf import PetitionDoc, render_pdf
from lexicon.i18n import using
from notifications.announcements import in_current_language, stored_message
from notifications.delivery import deliver_due
from notifications.reminders import close_ended_campaigns, send_due_reminders
from storage.campaigns.models import ExportRow
from testkit.english import english_sentences
from tests.commands.campaigns.test_announce import Recording
from tests.commands.i18n.test_pseudo_slice import assert_all_from_catalog, words
from tests.conftest import FIXED_NOW, identity

# What the organizer and members typed (a title, a message, a zone), and the file line the
# console's plain rendering adds (`Reply.as_text`, not a reply of a command): data.
TYPED = words("Vote no on Ring", "Hearing Tuesday", "America/Chicago", "Test User", "UTC")
LOCAL = "http://127.0.0.1"  # the public page's address (settings' default base URL)


def code_in(text: str) -> str:
    """The confirmation code (in `qps` the words around it are accented, the code is not)."""
    found = re.search(r"\b[0-9a-f]{8}\b", text)
    assert found is not None, text
    return found.group(0)


def as_(who: Identity, locale: str) -> Identity:
    return replace(who, locale=locale)


def without_file(reply: Reply) -> Reply:
    return replace(reply, file=None)


async def session(dispatcher: Dispatcher, locale: str) -> list[Reply]:
    """Every /campaign command and its usual errors, by an organizer and two members. The
    card /campaign post puts in the channel is not among them: a channel post is in the
    workspace's language (English until workspaces choose one), see test_cards_stay_english."""
    org = as_(identity(Role.ORGANIZER, user_id="U-org"), locale)
    member = as_(identity(user_id="M1"), locale)
    other = as_(identity(user_id="M2"), locale)
    replies: list[Reply] = []

    async def run(who: Identity, line: str) -> Reply:
        reply = await dispatcher.run_text(who, line)
        replies.append(without_file(reply))
        return reply

    await run(org, "/campaign list")
    await run(org, '/campaign create vote "Vote no on Ring" 100 ends:2027-06-30')
    await run(org, '/campaign create vote "Again" 100')  # exists
    await run(org, '/campaign create x "Title"')  # not a campaign name
    await run(org, '/campaign create past "Title" ends:2026-01-01')
    await run(org, '/campaign create far "Title" ends:2039-01-01')
    await run(org, '/campaign create nogoal "Vote no on Ring"')
    await run(org, "/campaign create badtpl Title template:nosuch")
    await run(org, '/campaign create ping "@everyone look"')
    await run(org, "/campaign list")
    await run(member, "/campaign join vote")
    await run(member, "/campaign join vote")  # already
    await run(other, "/campaign join vote")
    await run(member, "/campaign info vote")
    await run(member, "/campaign info nosuch")
    await run(member, "/campaign read vote")  # no petition to read
    await run(member, "/campaign stats vote")
    await run(member, "/campaign stats nogoal")
    await run(org, "/campaign export vote")
    await run(org, "/campaign deliveries vote")
    preview = await run(org, "/campaign announce vote Hearing Tuesday")
    await run(org, "/campaign announce vote Hearing Tuesday confirm:00000000")
    await run(org, f"/campaign announce vote Hearing Tuesday confirm:{code_in(preview.text)}")
    await run(org, f"/campaign announce vote Hearing Tuesday confirm:{code_in(preview.text)}")
    await run(org, "/campaign announce nogoal Hearing Tuesday")  # nobody joined
    await run(member, "/campaign mute vote")
    await run(member, "/campaign mute vote")
    await run(org, '/campaign remind vote "2027-03-02 18:00 America/Chicago" Hearing Tuesday')
    await run(org, '/campaign remind vote "tomorrow" Hearing Tuesday')
    await run(org, '/campaign remind vote "2027-03-02 18:00 Mars/Olympus" Hearing Tuesday')
    await run(org, '/campaign remind vote "2027-02-30 18:00 America/Chicago" Hearing Tuesday')
    await run(org, '/campaign remind vote "2027-03-14 02:30 America/Chicago" Hearing Tuesday')
    await run(org, '/campaign remind vote "2020-03-02 18:00 America/Chicago" Hearing Tuesday')
    await run(org, "/campaign reminders vote")
    await run(org, "/campaign unremind vote RX")
    await run(org, "/campaign unremind vote R99")
    await run(org, "/campaign unremind vote R1")
    await run(org, "/campaign reminders vote")
    await run(org, "/campaign publish vote")
    await run(org, "/campaign publish vote")  # again: the same address
    await run(org, "/campaign unpublish vote")
    await run(org, "/campaign unpublish vote")
    await run(org, "/campaign strike vote 1")  # a chat sign-up
    await run(org, "/campaign strike vote 99")
    await run(org, "/campaign petition vote")
    await run(other, "/campaign leave vote")
    await run(other, "/campaign leave vote")
    await dispatcher.run_text(org, "/campaign post vote")
    await run(org, "/campaign close vote")
    await run(org, "/campaign close vote")
    await run(member, "/campaign info vote")
    await run(other, "/campaign join vote")  # closed
    await run(member, "/campaign leave vote")
    await run(org, "/campaign post vote")  # refused: closed
    await run(org, "/campaign publish vote")
    await run(org, "/campaign list")
    return replies


async def test_every_campaign_reply_through_the_catalog(dispatcher: Dispatcher) -> None:
    replies = await session(dispatcher, "qps")
    assert len(replies) == 55
    for reply in replies:
        assert_all_from_catalog(reply, TYPED | words(LOCAL))


async def test_every_campaign_reply_in_spanish(dispatcher: Dispatcher) -> None:
    replies = await session(dispatcher, "es-419")
    for reply in replies:
        text = reply.as_text().replace("Vote no on Ring", "").replace("Hearing Tuesday", "")
        assert not english_sentences(text), text
    texts = [r.as_text() for r in replies]
    assert "Campaña creada: Vote no on Ring" in texts[1]
    info = replies[13]
    assert {"Estado", "Inscritos", "Cierre", "Inicio", "Usted"} <= {f.name for f in info.fields}
    assert "30 de junio de 2027" in texts[13] and "26 de noviembre de 2026" in texts[13]
    assert "[....................] 2 % (2 de 100)" in texts[13]
    assert replies[20].title == "¿Enviar esto a 2 miembros?"
    assert "De los organizadores de Vote no on Ring (vote):" in texts[20]
    assert texts[-8] == "Se cerró vote con 1 inscripción. No recibe nuevas inscripciones."
    assert "La campaña vote se cerró el 26 de noviembre de 2026." in texts[-6]


async def test_the_english_session_is_unchanged(dispatcher: Dispatcher) -> None:
    replies = await session(dispatcher, "en")
    texts = [r.as_text() for r in replies]
    assert texts[1].startswith("Campaign created: Vote no on Ring")
    assert "[....................] 2% (2 of 100)" in texts[13]
    assert replies[20].title == "Send this to 2 members?"
    assert texts[-8] == "Closed vote with 1 sign-up. It takes no new ones."
    assert "The campaign vote was closed on 2026-11-26." in texts[-6]


async def test_cards_stay_english(dispatcher: Dispatcher) -> None:
    """The card's words are in the catalog, but it is said in English whoever posts it: the
    card refresher edits it later outside any request, and must say what the post said."""
    org = as_(identity(Role.ORGANIZER, user_id="U-org"), "es-419")
    await dispatcher.run_text(org, '/campaign create vote "Vote no on Ring" 100')
    card = await dispatcher.run_text(org, "/campaign post vote")
    assert [f.name for f in card.fields] == ["Signed up"]
    assert [b.label for b in card.buttons] == ["Join", "Leave", "Details"]


async def setup_members(dispatcher: Dispatcher, deps: Deps) -> Recording:
    """M-es chose Spanish, M-en chose nothing (English), M-auto's client is Spanish but
    no choice is stored: a delivery knows only stored choices."""
    messenger = Recording()
    deps.messengers.register(messenger)
    org = identity(Role.ORGANIZER, user_id="U-org")
    assert not (await dispatcher.run_text(org, '/campaign create vote "Vote no on Ring"')).error
    for user, locale in (("M-es", "en"), ("M-en", "en"), ("M-auto", "es-419")):
        who = as_(identity(user_id=user), locale)
        assert not (await dispatcher.run_text(who, "/campaign join vote")).error
    assert not (await dispatcher.run_text(identity(user_id="M-es"), "/language es")).error
    return messenger


SPANISH = (
    "De los organizadores de Vote no on Ring (vote):\nHearing Tuesday\n\nUsted recibe esto"
    " porque se inscribió en vote. Para dejar de recibir estos mensajes: /campaign mute vote"
)
ENGLISH = (
    "From the organizers of Vote no on Ring (vote):\nHearing Tuesday\n\nYou get this because"
    " you joined vote. To stop these messages: /campaign mute vote"
)


async def test_an_announcement_arrives_in_each_members_language(
    dispatcher: Dispatcher, deps: Deps
) -> None:
    messenger = await setup_members(dispatcher, deps)
    org = as_(identity(Role.ORGANIZER, user_id="U-org"), "es-419")
    preview = await dispatcher.run_text(org, "/campaign announce vote Hearing Tuesday")
    assert preview.fields[0].value == SPANISH  # the organizer's preview: their language
    line = f"/campaign announce vote Hearing Tuesday confirm:{code_in(preview.text)}"
    assert not (await dispatcher.run_text(org, line)).error
    assert (await deliver_due(deps, pace={})).delivered == 3
    got = dict(messenger.sent)
    assert got == {"M-es": SPANISH, "M-en": ENGLISH, "M-auto": ENGLISH}


async def test_a_reminder_arrives_in_each_members_language(
    dispatcher: Dispatcher, deps: Deps
) -> None:
    messenger = await setup_members(dispatcher, deps)
    org = identity(Role.ORGANIZER, user_id="U-org")
    line = '/campaign remind vote "2026-11-27 09:00 UTC" Hearing Tuesday'
    assert not (await dispatcher.run_text(org, line)).error
    # The member changes their mind after it was scheduled: the delivery reads the choice.
    assert not (await dispatcher.run_text(identity(user_id="M-en"), "/language es")).error
    later = FIXED_NOW + dt.timedelta(days=1)
    due = replace(deps, clock=lambda: later)
    assert await send_due_reminders(due) == 1
    assert (await deliver_due(due, pace={})).delivered == 3
    assert dict(messenger.sent) == {"M-es": SPANISH, "M-en": SPANISH, "M-auto": ENGLISH}


async def test_the_end_summary_arrives_in_the_organizers_language(
    dispatcher: Dispatcher, deps: Deps
) -> None:
    org = identity(Role.ORGANIZER, user_id="U-org")
    await dispatcher.run_text(org, '/campaign create vote "Vote no on Ring" 10 ends:2026-11-30')
    await dispatcher.run_text(identity(user_id="M1"), "/campaign join vote")
    await dispatcher.run_text(org, "/language es")
    after = replace(deps, clock=lambda: dt.datetime(2026, 12, 1, 0, 5, tzinfo=dt.UTC))
    assert await close_ended_campaigns(after, summary_text) == 1
    messenger = Recording()
    deps.messengers.register(messenger)
    assert (await deliver_due(after, pace={})).delivered == 1
    assert messenger.sent == [
        (
            "U-org",
            "Vote no on Ring (vote) terminó el 30 de noviembre de 2026 y se cerró el 1 de"
            " diciembre de 2026: 1 persona inscrita de una meta de 10 (10 %). Las"
            " inscripciones: /campaign export vote",
        )
    ]


def test_a_stored_message_is_recognized_whatever_its_title_and_text() -> None:
    """Parentheses, colons and a slug-like word inside the title or text do not move the
    frame's edges; a text that is no frame is sent as it is."""
    title, text = "Stop (vote) now: (x-y)", "You get this because (vote): /campaign mute x"
    stored = stored_message(title, "x-y", text)
    with using("es"):
        assert in_current_language(stored) == (
            f"De los organizadores de {title} (x-y):\n{text}\n\nUsted recibe esto porque se"
            " inscribió en x-y. Para dejar de recibir estos mensajes: /campaign mute x-y"
        )
        assert in_current_language(stored + " ") == stored + " "
        assert in_current_language("A followed place changed.") == "A followed place changed."
    assert in_current_language(stored) == stored


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_the_petition_pdf_headings_follow_the_petition_not_the_asker() -> None:
    rows = [ExportRow("José Núñez", "Greenfield, WI", "2026-11-20")]
    with using("en"):
        doc = PetitionDoc("Alto", "el Concejo", "Texto", "hoy", "es")
        spanish = pdf_text(render_pdf(doc, rows))
    with using("es"):
        english = pdf_text(render_pdf(PetitionDoc("Stop", "the Council", "Text", "today"), rows))
    for heading in ("Para: el Concejo", "Fecha: hoy", "Firmantes (1)", "N.º", "Nombre",
                    "Ciudad", "Firmó el", "Página 2 de 2"):  # fmt: skip
        assert heading in spanish
    for heading in ("To: the Council", "Date: today", "Signers (1)", "No.", "Name", "City",
                    "Signed on", "Page 2 of 2"):  # fmt: skip
        assert heading in english
