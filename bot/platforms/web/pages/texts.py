"""The petition's text for a page: the same text as the petition PDF (commands/campaigns/
petition.py drafts both), kept a minute per campaign and language, so a busy page does not
queue the template workers on every view."""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.deps import Deps
from bot.core.errors import UserError
from bot.platforms.web.pages.words import page_words
from commands.campaigns.petition import petition_doc
from storage.campaigns.models import Campaign

KEEP_S = 60.0
MAX_KEPT = 1024


@dataclass(frozen=True)
class Drafted:
    target: str
    text: str
    note: str  # why there is no text ('' when there is)


class PetitionTexts:
    def __init__(self) -> None:
        self._kept: dict[tuple[int, str, str, str, str], tuple[float, Drafted]] = {}

    async def text(self, deps: Deps, campaign: Campaign, language: str) -> Drafted:
        now = deps.clock().timestamp()
        key = (campaign.id, campaign.template, campaign.place, language, deps.today().isoformat())
        kept = self._kept.get(key)
        if kept is not None and now - kept[0] < KEEP_S:
            return kept[1]
        drafted = await self._draft(deps, campaign, language)
        if drafted.note == page_words(language)["text_unavailable"]:
            return drafted  # asked again on the next view, not kept for a minute
        if len(self._kept) >= MAX_KEPT:
            self._kept.clear()
        self._kept[key] = (now, drafted)
        return drafted

    @staticmethod
    async def _draft(deps: Deps, campaign: Campaign, language: str) -> Drafted:
        words = page_words(language)
        try:
            doc = await petition_doc(deps, campaign, language)
        except UserError:  # a fact missing for the place, or the workers busy: said so
            return Drafted("", "", words["text_unavailable"])
        return Drafted(doc.target, doc.text, "" if doc.text else words["no_text"])
