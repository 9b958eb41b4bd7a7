"""/mydata shows everything the bot holds about the caller; /forgetme erases it.

/forgetme is two steps so that an accidental call erases nothing: the bare
command lists what would be erased and a confirmation code; only
`/forgetme <code>` erases. The code is derived from the caller, the day and the
data itself (nothing is stored to remember it): it expires at midnight UTC and
changes when the data does, so a confirmation always matches what was shown.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from bot.deps import Deps
from bot.errors import UserError
from bot.models import Field, Reply, Request
from bot.registry import Command, Option, Registry
from storage import privacy as store

CODE_LENGTH = 8


def register(registry: Registry) -> None:
    sources = store.providers()

    async def mydata(request: Request, deps: Deps) -> Reply:
        return await show_my_data(request, deps, sources)

    async def forgetme(request: Request, deps: Deps) -> Reply:
        return await forget_me(request, deps, sources)

    registry.add(
        Command(
            ("mydata",),
            "Everything this bot holds about you",
            mydata,
            private=True,
            examples=("/mydata",),
        )
    )
    registry.add(
        Command(
            ("forgetme",),
            "Erase everything this bot holds about you (asks you to confirm first)",
            forgetme,
            options=(
                Option(
                    "confirm",
                    "The confirmation code /forgetme showed you",
                    required=False,
                    max_length=20,
                ),
            ),
            private=True,
            examples=("/forgetme", "/forgetme 1a2b3c4d"),
        )
    )


async def show_my_data(
    request: Request, deps: Deps, sources: Sequence[store.PrivacyProvider]
) -> Reply:
    sections = await store.describe_all(deps.db, request.platform, request.user_id, sources)
    held = [s for s in sections if s.lines]
    header = f"You are {request.platform} user {request.user_id}."
    if not held:
        return Reply(title="Your data", text=f"{header} The bot holds nothing about you.")
    return Reply(
        title="Your data",
        text=f"{header} This is everything the bot holds about you. /forgetme erases it.",
        fields=tuple(Field(s.name, "\n".join(s.lines)) for s in held),
    )


async def forget_me(
    request: Request, deps: Deps, sources: Sequence[store.PrivacyProvider]
) -> Reply:
    sections = await store.describe_all(deps.db, request.platform, request.user_id, sources)
    held = [s for s in sections if s.lines]
    if not held:
        return Reply(text="The bot holds nothing about you: there is nothing to erase.")
    code = confirmation_code(request, deps, held)
    typed = request.text("confirm").strip().lower()
    kept = "".join(f"\n{s.erase_note}" for s in held if s.erase_note)
    if not typed:
        return Reply(
            title="Erase everything about you?",
            text=f"Nothing has been erased yet. To erase all of this, type: /forgetme {code}"
            + kept,
            fields=tuple(Field(s.name, "\n".join(s.lines)) for s in held),
        )
    if typed != code:
        raise UserError(
            "That code does not match (codes expire at midnight UTC and change when your"
            " data does). Nothing was erased; type /forgetme for a fresh code."
        )
    erased = await store.erase_all(deps.db, request.platform, request.user_id, sources)
    summary = ", ".join(f"{name}: {count}" for name, count in erased.items() if count)
    return Reply(text=f"Erased everything the bot held about you ({summary}).{kept}")


def confirmation_code(request: Request, deps: Deps, held: Sequence[store.Section]) -> str:
    digest = hashlib.sha256()
    for part in (request.platform, request.user_id, deps.today().isoformat()):
        digest.update(part.encode() + b"\x00")
    for section in held:
        digest.update("\x00".join((section.name, *section.lines)).encode() + b"\x01")
    return digest.hexdigest()[:CODE_LENGTH]
