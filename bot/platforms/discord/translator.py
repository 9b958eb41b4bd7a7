"""Discord's command menu in the member's client language, from the gettext catalogs.

discord.py asks a `Translator` for each command's and option's description in every Discord
locale at sync; Discord then shows a Spanish client (es-ES, es-419) the Spanish descriptions.
Names are never translated: a command and its options are typed the same everywhere (the
console, Slack, /help, the examples), and the interaction carries the English name.
"""

from __future__ import annotations

from discord import Locale, app_commands
from discord.app_commands import TranslationContextLocation as Where

from bot.platforms.discord import limits
from lexicon.i18n import DEFAULT, _, normalize, using

_DESCRIPTIONS = frozenset({Where.command_description, Where.group_description,
                           Where.parameter_description})  # fmt: skip


class CatalogTranslator(app_commands.Translator):
    async def translate(
        self,
        string: app_commands.locale_str,
        locale: Locale,
        context: app_commands.TranslationContextTypes,
    ) -> str | None:
        language = normalize(locale.value)
        if context.location not in _DESCRIPTIONS or language in (None, DEFAULT):
            return None
        with using(language):
            said = _(string.message)
        # None where the catalog has nothing (a group's generated list of its subcommands):
        # Discord then shows the English.
        return limits.shorten(said, limits.DESCRIPTION_MAX) if said != string.message else None
