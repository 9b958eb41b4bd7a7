"""A reply's buttons as Discord components that keep working after a restart.

Each button's custom_id is "cw:" + its action line ("cw:/campaign join ring-free"), so the
click carries everything needed to run it: `CardButton` is registered with
`client.add_dynamic_items` at start, and discord.py routes any click on a matching
custom_id to it, whichever process posted the message. Discord caps a custom_id at 100
characters: a longer action is not rendered at all rather than cut.
"""

from __future__ import annotations

import logging
import re
from typing import Any, Protocol

import discord

from bot.core.models import Button

log = logging.getLogger("counterwatch.discord")

PREFIX = "cw:"
CUSTOM_ID_MAX = 100
LABEL_MAX = 80
BUTTONS_MAX = 25  # five rows of five
_STYLES = {
    "primary": discord.ButtonStyle.primary,
    "success": discord.ButtonStyle.success,
    "danger": discord.ButtonStyle.danger,
}


class PressRunner(Protocol):
    async def press(self, interaction: discord.Interaction, action: str) -> None: ...


class CardButton(
    discord.ui.DynamicItem[discord.ui.Button[Any]], template=re.compile(r"cw:(?P<action>.+)")
):
    def __init__(
        self, action: str, label: str = "Go", style: str = "secondary", disabled: bool = False
    ) -> None:
        super().__init__(
            discord.ui.Button(
                label=label[:LABEL_MAX] or "Go",
                custom_id=PREFIX + action,
                style=_STYLES.get(style, discord.ButtonStyle.secondary),
                disabled=disabled,
            )
        )
        self.action = action

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction,
        item: discord.ui.Item[Any],
        match: re.Match[str],
        /,
    ) -> CardButton:
        return cls(match["action"])

    async def callback(self, interaction: discord.Interaction) -> None:
        runner: PressRunner | None = getattr(interaction.client, "presses", None)
        if runner is not None:
            await runner.press(interaction, self.action)


def fits(button: Button) -> bool:
    return 0 < len(PREFIX + button.action) <= CUSTOM_ID_MAX


def shown_buttons(buttons: tuple[Button, ...]) -> tuple[Button, ...]:
    """The buttons Discord can carry: with a custom_id within its cap (a disabled one is
    shown greyed out, as a closed campaign's card shows its Join)."""
    kept = []
    for button in buttons:
        if not fits(button):
            log.warning("a button's action is longer than a custom_id holds; not shown")
            continue
        kept.append(button)
    return tuple(kept[:BUTTONS_MAX])


def view_of(buttons: tuple[Button, ...]) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    for button in buttons:
        view.add_item(CardButton(button.action, button.label, button.style, button.disabled))
    return view
