"""Who is typing at the console, and the direct messages they get there.

The console can play several people (`--user NAME`, `/as NAME [role]`), so a campaign or a
follow can be tried end to end on one machine. Each name has a stable user id derived from
the name, so `/as Ana` later in the session (or in the next one, on the same database) is
the same member, with the same sign-ups and follows.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping

from bot.core.dispatch import Identity
from bot.core.messengers import DeliveryError
from bot.core.models import Role
from lexicon.i18n import DEFAULT, N_, _, normalize, using
from lexicon.stored import store

CONSOLE_PLATFORM = "console"
CONSOLE_WORKSPACE = "console"
DEFAULT_USER = "operator"  # user id console-operator, as before names existed
MAX_NAME_CHARS = 60
_NOT_ID = re.compile(r"[^\w]+")
AS_USAGE = N_("Usage: /as NAME [member|organizer|admin], e.g. /as Ana member")  # said _()


class ConsoleNameError(ValueError):
    """A name the console cannot use (empty, control characters, too long)."""


def user_id_for(name: str) -> str:
    """The same name (ignoring case, spacing and punctuation) is always the same user."""
    slug = _NOT_ID.sub("-", unicodedata.normalize("NFKC", name).casefold()).strip("-_")
    return f"console-{slug}"


def check_name(name: str) -> str:
    name = " ".join(name.split())
    if any(unicodedata.category(c).startswith("C") for c in name):
        raise ConsoleNameError(_("A name cannot hold control characters."))
    if len(name) > MAX_NAME_CHARS:
        raise ConsoleNameError(
            _("A name has at most {most} characters.").format(most=MAX_NAME_CHARS)
        )
    if user_id_for(name) == "console-":
        raise ConsoleNameError(_("A name needs at least one letter or digit."))
    return name


def console_locale(flag: str | None, environ: Mapping[str, str]) -> str:
    """The console's language: --lang, else the environment as gettext reads it (LANGUAGE's
    first entry, LC_ALL, LC_MESSAGES, LANG); the core turns 'es_MX.UTF-8' into 'es' and 'C'
    into nothing (English)."""
    if flag:
        return flag
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "").split(":")[0]
        if value:
            return value
    return ""


def console_identity(role: Role, user_name: str = DEFAULT_USER, locale: str = "") -> Identity:
    name = check_name(user_name)
    return Identity(
        platform=CONSOLE_PLATFORM,
        workspace=CONSOLE_WORKSPACE,
        user_id=user_id_for(name),
        user_name=name,
        role=role,
        channel="console",
        # The console is the operator at the machine: as admin, theirs are the shared facts.
        facts_admin=role >= Role.ADMIN,
        locale=locale,  # console_locale(): --lang or the environment
    )


def switch_identity(current: Identity, words: list[str]) -> Identity:
    """`/as NAME [role]`: the words after /as. A name of several words may be quoted or not;
    a last word that is a role names the role, else the role stays as it was."""
    if not words:
        raise ConsoleNameError(_(AS_USAGE))
    role = current.role
    if len(words) > 1:
        try:
            role = Role.parse(words[-1])
            words = words[:-1]
        except ValueError:
            pass  # part of the name
    return console_identity(role, " ".join(words), current.locale)


def console_language(identity: Identity) -> str:
    """The language of the console's own lines (its banner, hints, file notes): the one the
    console was started in (--lang, LANG), whoever is typing."""
    return normalize(identity.locale) or DEFAULT


def prompt_for(identity: Identity) -> str:
    return f"{identity.user_name} ({identity.role.name.lower()})> "


class ConsoleMessenger:
    """Direct messages to console users: printed as `[message for NAME] ...` between prompts.

    `show` prints one block of text (above the prompt when a person is typing). Names are
    learnt as people take a turn at the console; a follower from an earlier session is shown
    by the name in their user id.
    """

    platform = CONSOLE_PLATFORM

    def __init__(self, show: Callable[[str], None], locale: str = DEFAULT) -> None:
        self._show = show
        self._names: dict[str, str] = {}
        self._locale = locale  # the console's language: its own words around a message

    def learn(self, identity: Identity) -> None:
        self._names[identity.user_id] = identity.user_name

    async def send_direct(self, workspace: str, user_id: str, text: str) -> None:
        if workspace != CONSOLE_WORKSPACE:
            raise DeliveryError(store(N_("not a console workspace")), permanent=True)
        name = self._names.get(user_id) or user_id.removeprefix("console-")
        with using(self._locale):
            self._show(_("[message for {name}] {text}").format(name=name, text=text))

    async def send_channel(self, workspace: str, channel_id: str, text: str) -> None:
        with using(self._locale):
            self._show(_("[in {channel}] {text}").format(channel=channel_id, text=text))
