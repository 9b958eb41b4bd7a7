"""The two values that cross the platform boundary: a Request in, a Reply out.

Commands only ever see these; no discord or slack object reaches them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from enum import IntEnum
from types import MappingProxyType

# The workspace of a Discord direct message: nobody's community, so sharing it with someone
# says nothing about who may see them (the history shows such people as elsewhere).
DIRECT_MESSAGES = "dm"


class Role(IntEnum):
    """Who may run what. Ordered, so `role >= Role.ORGANIZER` reads naturally.

    MEMBER, ORGANIZER and ADMIN are ranks in one workspace: they act on that workspace's
    campaigns, templates and announcements. FACTS_ADMIN is never a rank: it is what a command
    that changes the shared facts needs, and a person holds it only through the operator's
    home (`Identity.facts_admin`), whatever their rank where they type (see may_run).
    """

    MEMBER = 0
    ORGANIZER = 1
    ADMIN = 2
    FACTS_ADMIN = 3

    @classmethod
    def parse(cls, text: str) -> Role:
        """A workspace rank by name (the console's --role and /as)."""
        ranks = (cls.MEMBER, cls.ORGANIZER, cls.ADMIN)
        found = next((r for r in ranks if r.name == text.strip().upper()), None)
        if found is None:
            names = ", ".join(r.name.lower() for r in ranks)
            raise ValueError(f"unknown role {text!r}; choose one of {names}")
        return found


def may_run(needed: Role, role: Role, facts_admin: bool) -> bool:
    """Whether someone of this rank (and facts-admin standing) may run a command needing
    `needed`. A facts admin's standing reaches the shared facts only: it makes no one an
    admin or organizer of a workspace's campaigns."""
    if needed is Role.FACTS_ADMIN:
        return facts_admin
    return role >= needed


@dataclass(frozen=True)
class Attachment:
    """A file the user sent with the command (a CSV to import, a template)."""

    filename: str
    content: bytes


@dataclass(frozen=True)
class Request:
    """One command invocation, already parsed and validated.

    `workspace` is the Discord guild, the Slack team or "console": campaigns and
    follows are scoped to it. `user_id` is the platform's own id, never a message.
    Handlers do not see it: the dispatcher hands them a `Ctx` and the options, typed, by
    keyword (bot.core.signatures).
    """

    platform: str
    workspace: str
    user_id: str
    user_name: str
    role: Role
    path: tuple[str, ...]
    options: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}))
    attachments: tuple[Attachment, ...] = ()
    channel: str = ""
    # The platform's key for this delivery (Slack: its trigger_id), the same on a redelivery:
    # a command that writes records it with its first write, so it takes effect once.
    replay_key: str = ""
    # May change the shared facts: granted only by the operator's home (settings), never
    # by a rank in whichever workspace the request comes from.
    facts_admin: bool = False
    # The language the reply is written in (bot.core.language decides it per request), and
    # what the platform said of the person's language (Identity.locale), as it said it.
    locale: str = ""
    platform_locale: str = ""
    # What the platform said of the workspace's language (Identity.workspace_locale).
    workspace_locale: str = ""


@dataclass(frozen=True)
class Field:
    """A labelled value; platforms render these as embed fields / Block Kit fields."""

    name: str
    value: str


@dataclass(frozen=True)
class ReplyFile:
    """A file to attach: a letter draft, a CSV export, a chart."""

    filename: str
    content: bytes
    mime: str = "text/plain"
    # What a picture shows, for people who cannot see it: Discord's attachment description,
    # Slack's alt_txt, a line beside the saved path on the console.
    alt_text: str = ""
    # Whose personal data the file holds, as (platform, user id): where a file stays on
    # disk (the console), /forgetme by any of them deletes it (bot/core/kept_files.py).
    people: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Button:
    """A button under a reply: pressing it runs `action` (a command line such as
    "/campaign join ring-free") for whoever pressed it, answered privately to them."""

    label: str
    action: str
    style: str = "secondary"  # primary, secondary, danger: platforms map what they have
    disabled: bool = False


@dataclass(frozen=True)
class Posted:
    """Where a public reply landed: the platform's channel and message ids."""

    channel: str
    message_id: str


# Told where a reply was posted, once it was (a campaign card remembers it, to edit it later).
OnPosted = Callable[[Posted], Awaitable[None]]


@dataclass(frozen=True)
class Reply:
    """Neutral reply: plain text (no markup), optional title, fields and file.

    Text is never pre-escaped: each platform escapes everything it renders.
    """

    text: str
    title: str = ""
    fields: tuple[Field, ...] = ()
    # Text under the fields: what an answer is read against, after the answer itself (a Ring
    # lookup's agencies and dates come first, what those dates mean today after them).
    after: str = ""
    file: ReplyFile | None = None
    private: bool = False
    # Set by the dispatcher when the reply reports a failure, so adapters can style it.
    error: bool = False
    # Buttons each platform renders as its own (Discord components, Block Kit actions);
    # the console prints them as "[Label] /command line".
    buttons: tuple[Button, ...] = ()
    # A short closing line under everything (Discord: the embed footer; Slack: a context
    # block; the console: the last line), e.g. "Closed on 2027-03-02" on a campaign card.
    note: str = ""
    # Called by the adapter with the message's ids once a public reply was posted; adapters
    # that cannot learn them (a Slack response_url) do not call it.
    on_posted: OnPosted | None = field(default=None, compare=False, repr=False)

    def as_text(self) -> str:
        """Plain rendering used by the console and as a fallback everywhere."""
        parts: list[str] = []
        if self.title:
            parts.append(self.title)
        if self.text:
            parts.append(self.text)
        parts.extend(f"{f.name}: {f.value}" for f in self.fields)
        if self.after:
            parts.append(self.after)
        if self.file is not None:
            parts.append(f"[attached file: {self.file.filename}, {len(self.file.content)} bytes]")
        parts.extend(f"[{b.label}] {b.action}" for b in self.buttons if not b.disabled)
        if self.note:
            parts.append(self.note)
        return "\n".join(parts)
