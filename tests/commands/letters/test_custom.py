"""/letter add, remove, templates: validation, round trip, listing, roles, injection."""

from __future__ import annotations

import pytest

from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher, Identity
from bot.core.errors import UserError
from bot.core.models import Attachment, Role
from bot.core.registry import AutocompleteContext
from commands import build_registry
from commands.letters import petition_text, template_exists
from storage.db import Database
from storage.letters import privacy
from storage.letters.repository import LetterStore
from templating.validate import MAX_TEMPLATE_CHARS
from tests.conftest import identity

THANKS = (
    "{# title: Thank the council\npurpose: Say thanks for the ban\nkind: letter #}\n"
    "{{ addressee.dear }}\nThank you for {{ ban.a_kind }} {{ ban.enacted_when }}."
    "\n{{ signer }}"
)


@pytest.fixture
def disp(facts_deps: Deps) -> Dispatcher:
    return Dispatcher(build_registry(), facts_deps)


async def test_round_trip_add_list_draft_remove(
    disp: Dispatcher, organizer: Identity, admin: Identity, member: Identity, db: Database
) -> None:
    added = await disp.run_text(organizer, "/letter add thanks-council", (_file(THANKS),))
    assert not added.error and "Added" in added.text
    listing = await disp.run_text(member, "/letter templates")
    line = next(ln for ln in listing.text.splitlines() if ln.startswith("thanks-council"))
    assert "added by user U-org" in line and "Thank the council" in line
    assert "ring-council (letter; en, es)" in listing.text
    drafted = await disp.run_text(member, "/letter draft thanks-council San Francisco, CA")
    assert drafted.text.startswith("Dear Members of the San Francisco Board of Supervisors,")
    assert "a ban on May 14, 2019" in drafted.text
    stored = await privacy.templates_by_author(db, "test", "U-org")
    assert [(s.name, s.workspace, s.author_name) for s in stored] == [
        ("thanks-council", "W1", "user U-org")
    ]
    removed = await disp.run_text(admin, "/letter remove thanks-council")
    assert not removed.error
    gone = await disp.run_text(member, "/letter draft thanks-council San Francisco, CA")
    assert gone.error and "No template called" in gone.text


async def test_typed_text_and_replacement(disp: Dispatcher, organizer: Identity) -> None:
    first = await disp.run_text(organizer, "/letter add short-one Hello {{ signer }}")
    again = await disp.run_text(organizer, "/letter add short-one Hi {{ signer }} language:en")
    assert "Added" in first.text and "Replaced" in again.text
    drafted = await disp.run_text(organizer, "/letter draft short-one signer:Bo")
    assert drafted.text == "Hi Bo\n"


async def test_replacing_needs_the_author_or_an_admin(
    disp: Dispatcher, organizer: Identity, admin: Identity
) -> None:
    other = identity(Role.ORGANIZER, user_id="U-other")
    await disp.run_text(organizer, "/letter add short-one Hello {{ signer }}")
    refused = await disp.run_text(other, "/letter add short-one Mine {{ signer }}")
    assert refused.error and "added by user U-org on 2026-11-26" in refused.text
    assert "only they or an admin" in refused.text
    kept = await disp.run_text(organizer, "/letter draft short-one signer:Bo")
    assert kept.text == "Hello Bo\n"
    replaced = await disp.run_text(admin, "/letter add short-one Hi {{ signer }}")
    assert not replaced.error
    assert "Replaced the letter template short-one (en): it was 'short-one'" in replaced.text
    assert "added by user U-org on 2026-11-26" in replaced.text


async def test_other_workspaces_neither_see_nor_take_the_name(
    disp: Dispatcher, organizer: Identity
) -> None:
    await disp.run_text(organizer, "/letter add short-one Hello {{ signer }}")
    elsewhere = identity(Role.ORGANIZER, user_id="U9", workspace="W2")
    listing = await disp.run_text(elsewhere, "/letter templates")
    assert "short-one" not in listing.text
    missing = await disp.run_text(elsewhere, "/letter draft short-one")
    assert missing.error
    # The name is W2's to use too: a clash would tell W2 what W1 works on.
    theirs = await disp.run_text(elsewhere, "/letter add short-one Hi {{ signer }}")
    assert not theirs.error and "Replaced" not in theirs.text
    drafted = await disp.run_text(elsewhere, "/letter draft short-one signer:Bo")
    assert drafted.text == "Hi Bo\n"
    ours = await disp.run_text(organizer, "/letter draft short-one signer:Bo")
    assert ours.text == "Hello Bo\n"


@pytest.mark.parametrize(
    ("source", "why"),
    [
        ("{{ ''.__class__.__mro__ }}", "'_'"),
        ("{{ cycler.__init__.__globals__ }}", "Unknown field 'cycler'"),
        ("{% for i in range(10**9) %}x{% endfor %}", "Unknown field 'range'"),
        ("{{ 'x' * 10**9 }}", "arithmetic"),
        ("{% include 'letters/en/ring-council.txt.j2' %}", "include"),
        ("{% import 'x' as y %}", "import"),
        ("{{ laws[5].scope }}", "does not render"),  # valid, but fails on real-shaped facts
        ("{{ signer", "syntax error"),
    ],
)
async def test_hostile_or_broken_templates_are_refused_and_not_stored(
    disp: Dispatcher, organizer: Identity, source: str, why: str, db: Database
) -> None:
    reply = await disp.run_text(organizer, "/letter add evil-one", (_file(source),))
    assert reply.error and why in reply.text, reply.text
    assert await LetterStore(db).get("evil-one", "W1") == []


async def test_bad_names_files_and_sizes(disp: Dispatcher, organizer: Identity) -> None:
    cases = [
        ("/letter add ring-council Hi", (), "built-in"),
        ("/letter add Bad_Name Hi", (), "template name"),
        ("/letter add no-text", (), "Give the template"),
        ("/letter add both-ways Hi", (_file("Hi"),), "not both"),
        ("/letter add latin-one", (Attachment("t.txt", "caf\xe9".encode("latin-1")),), "UTF-8"),
        ("/letter add ctrl-one", (_file("Hi \x07 there"),), "control characters"),
        ("/letter add big-one", (_file("x" * (MAX_TEMPLATE_CHARS + 1)),), "too long"),
        ("/letter add fr-one language:es", (_file("{# language: en #}Hi"),), "header says"),
    ]
    for line, files, why in cases:
        reply = await disp.run_text(organizer, line, files)
        assert reply.error and why in reply.text, (line, reply.text)
    listing = await disp.run_text(organizer, "/letter templates")
    assert "added by" not in listing.text


async def test_roles(disp: Dispatcher, member: Identity, organizer: Identity, db: Database) -> None:
    reply = await disp.run_text(member, "/letter add mine-one Hi")
    assert reply.error and "organizers only" in reply.text
    await disp.run_text(organizer, "/letter add mine-one Hi")
    refused = await disp.run_text(organizer, "/letter remove mine-one")
    assert refused.error and "admins only" in refused.text
    assert await LetterStore(db).get("mine-one", "W1") != []


async def test_remove_refuses_shipped_and_unknown(disp: Dispatcher, admin: Identity) -> None:
    assert "built in" in (await disp.run_text(admin, "/letter remove keep-ban")).text
    assert "No template" in (await disp.run_text(admin, "/letter remove never-was")).text


HOSTILE = [
    "{{ 7*7 }}",
    "{% for x in laws %}{{ x }}{% endfor %}",
    "{{ ''.__class__.__mro__ }}",
    "{{ cycler.__init__.__globals__ }}",
    "@everyone <!channel>",
]


@pytest.mark.parametrize("value", HOSTILE)
async def test_user_values_stay_literal_in_every_field(
    disp: Dispatcher, member: Identity, value: str
) -> None:
    quoted = '"' + value.replace('"', "") + '"'
    line = f"/letter draft ring-council Greenfield, WI signer:{quoted} recipient:{quoted}"
    reply = await disp.run_text(member, line)
    assert not reply.error, reply.text
    assert reply.text.count(value) == 3  # signer, recipient and salutation, verbatim
    assert "49" not in reply.text.replace("2049", "")
    place = await disp.run_text(member, f"/letter draft ban-petition {value}")
    assert place.error and "\n" not in place.text  # an unknown place, said plainly


async def test_control_characters_and_caps_are_refused(disp: Dispatcher, member: Identity) -> None:
    reply = await disp.run_text(member, "/letter draft ring-council Greenfield, WI signer:a\x07b")
    assert reply.error and "control characters" in reply.text
    reply = await disp.run_text(
        member, f"/letter draft ring-council Greenfield, WI signer:{'x' * 81}"
    )
    assert reply.error and "too long" in reply.text


async def test_template_autocomplete(disp: Dispatcher, organizer: Identity) -> None:
    await disp.run_text(organizer, "/letter add ring-short Hi {{ signer }}")
    ctx = AutocompleteContext("test", "W1", "U1")
    names = [c.value for c in await disp.autocomplete("template", ctx, "ring")]
    assert names == ["ring-council", "ring-short"]
    other = AutocompleteContext("test", "W2", "U1")
    assert [c.value for c in await disp.autocomplete("template", other, "ring")] == ["ring-council"]


async def test_campaign_api(disp: Dispatcher, organizer: Identity) -> None:
    deps = disp.deps
    assert await template_exists(deps, "ban-petition", workspace="W2")
    assert not await template_exists(deps, "no-such", workspace="W1")
    await disp.run_text(organizer, "/letter add petition-two Sign for {{ place.label }}")
    assert await template_exists(deps, "petition-two", workspace="W1")
    assert not await template_exists(deps, "petition-two", workspace="W2")
    text = await petition_text(deps, "ban-petition", "Greenfield, WI", "es", workspace="W1")
    assert text.startswith("PETICIÓN: Prohibir") and "Greenfield, WI" in text
    assert "[" not in text and "iniciada por" not in text  # no signer: no placeholder
    assert await petition_text(deps, "petition-two", "Greenfield, WI", workspace="W1") == (
        "Sign for Greenfield, WI\n"
    )
    with pytest.raises(UserError, match="needs a place"):
        await petition_text(deps, "ban-petition", None, workspace="W1")


def _file(text: str) -> Attachment:
    return Attachment("template.txt", text.encode("utf-8"))


async def test_mydata_and_forgetme_cover_added_templates(
    disp: Dispatcher, organizer: Identity
) -> None:
    await disp.run_text(organizer, "/letter add mine-one Hi {{ signer }}")
    mine = await disp.run_text(organizer, "/mydata")
    assert "mine-one" in mine.as_text()
    ask = await disp.run_text(organizer, "/forgetme")
    code = ask.text.rsplit("/forgetme ", 1)[1].split()[0]
    erased = await disp.run_text(organizer, f"/forgetme {code}")
    assert not erased.error, erased.text
    after = await disp.run_text(organizer, "/mydata")
    assert "mine-one" not in after.as_text()
    listing = await disp.run_text(organizer, "/letter templates")
    assert f"added by {privacy.ERASED_AUTHOR}" in listing.text
