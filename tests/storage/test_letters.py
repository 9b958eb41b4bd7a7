"""Custom letter templates, on both backends: save, replace, names per workspace, delete,
privacy."""

from __future__ import annotations

from dataclasses import replace

from storage.db import Database
from storage.letters import privacy
from storage.letters.models import StoredTemplate
from storage.letters.repository import LetterStore

BASE = StoredTemplate(
    name="thanks-council",
    language="en",
    kind="letter",
    title="Thanks",
    purpose="Say thanks",
    body="Thank you, {{ signer }}",
    workspace="W1",
    author_platform="slack",
    author_id="U1",
    author_name="Ana",
    created="2026-11-26T12:00:00+00:00",
)


async def _save(db: Database, template: StoredTemplate) -> bool:
    return await LetterStore(db).save(template)


async def test_save_replace_and_languages(db: Database) -> None:
    assert await _save(db, BASE) is False
    assert await _save(db, replace(BASE, body="Thanks again")) is True
    assert await _save(db, replace(BASE, language="es", body="Gracias")) is False
    found = await LetterStore(db).get("thanks-council", "W1")
    assert [(t.language, t.body) for t in found] == [("en", "Thanks again"), ("es", "Gracias")]
    assert await LetterStore(db).get("thanks-council", "W2") == []


async def test_a_name_is_each_workspace_s_own(db: Database) -> None:
    # Names were unique across workspaces: the refusal told W2 that someone uses the name.
    await _save(db, BASE)
    assert await _save(db, replace(BASE, workspace="W2", body="Theirs")) is False
    assert await _save(db, replace(BASE, workspace="W2", body="Theirs again")) is True
    [ours] = await LetterStore(db).get("thanks-council", "W1")
    [theirs] = await LetterStore(db).get("thanks-council", "W2")
    assert (ours.body, theirs.body) == (BASE.body, "Theirs again")
    assert await LetterStore(db).remove("W2", "thanks-council") == 1
    assert [t.body for t in await LetterStore(db).get("thanks-council", "W1")] == [BASE.body]


async def test_delete_only_in_own_workspace(db: Database) -> None:
    await _save(db, BASE)
    await _save(db, replace(BASE, language="es"))
    assert await LetterStore(db).remove("W2", "thanks-council") == 0
    assert await LetterStore(db).remove("W1", "thanks-council") == 2
    assert await LetterStore(db).list("W1") == []


async def test_privacy_describe_and_erase_keep_the_template(db: Database) -> None:
    await _save(db, BASE)
    await _save(db, replace(BASE, name="other-one", author_id="U2", author_name="Bo"))
    lines = await privacy.describe_author(db, "slack", "U1")
    assert len(lines) == 1 and "thanks-council" in lines[0] and '"Ana"' in lines[0]
    assert await db.write(lambda c: privacy.erase_author(c, "slack", "U1")) == 1
    assert await privacy.describe_author(db, "slack", "U1") == []
    kept = await LetterStore(db).get("thanks-council", "W1")
    assert kept[0].author_name == privacy.ERASED_AUTHOR and kept[0].author_id == ""
    assert (await LetterStore(db).get("other-one", "W1"))[0].author_name == "Bo"


async def test_the_repository_saves_lists_gets_and_removes(db: Database) -> None:
    letters = LetterStore(db)
    assert await letters.save(BASE) is False
    assert await letters.save(replace(BASE, language="es", body="Gracias")) is False
    assert [t.language for t in await letters.list("W1")] == ["en", "es"]
    assert len(await letters.get("thanks-council", "W1")) == 2
    assert await letters.get("thanks-council", "W2") == []
    # Another workspace's template of the same name is its own, and leaves W1's alone.
    assert await letters.save(replace(BASE, workspace="W2")) is False
    assert await letters.remove("W1", "thanks-council") == 2
    assert await letters.list("W1") == []
    assert [t.workspace for t in await letters.list("W2")] == ["W2"]
