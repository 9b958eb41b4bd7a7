"""The campaign pages' routes: a published campaign's page and its sign form, the signer's
removal link, the stylesheet. Every response carries a strict Content-Security-Policy and
sets no cookie; nothing here logs or stores the reader's address (aiohttp's access log is
off where the server is started)."""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from html import escape

from aiohttp import web

from bot.core.deps import Deps
from bot.platforms.web.pages import html
from bot.platforms.web.pages.guard import FormTokens, Guard, Limits
from bot.platforms.web.pages.signing import checked, form_values, removal_hash
from bot.platforms.web.pages.texts import PetitionTexts
from bot.platforms.web.pages.words import choose_language, number, page_words
from commands.campaigns.checks import timestamp
from commands.campaigns.publish import PAGE_PATH
from storage.campaigns.models import Campaign, JoinStatus

MAX_BODY = 8 * 1024  # a sign form is well under 2 KiB
REMOVE_PATH = "/r/"
CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self';"
    " base-uri 'none'; frame-ancestors 'none'"
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",  # a removal link never leaks through a Referer
    "Cache-Control": "no-store",  # the count is live, and a removal page is private
    "X-Frame-Options": "DENY",
}
_RETRY_AFTER_S = "60"


@dataclass
class Pages:
    deps: Deps
    tokens: FormTokens
    guard: Guard
    texts: PetitionTexts

    def language(self, request: web.Request, campaign: Campaign | None, chosen: str = "") -> str:
        """The switch (`?lang=`, the form's `lang`), else the campaign's own language,
        else the browser's Accept-Language, else English."""
        chosen = chosen or request.query.get("lang", "")
        own = campaign.language if campaign is not None else ""
        return choose_language(chosen, own, request.headers.get("Accept-Language", ""))

    async def campaign(self, request: web.Request) -> Campaign | None:
        token = request.match_info["token"]
        if len(token) > 64:
            return None
        return await self.deps.storage.pages.campaign_by_token(token)

    async def render(
        self, campaign: Campaign, token: str, language: str, values: html.FormValues
    ) -> str:
        deps = self.deps
        base = deps.settings.page_base_url
        drafted = await self.texts.text(deps, campaign, language)
        view = html.CampaignView(
            title=campaign.title,
            target=drafted.target,
            text=drafted.text,
            note=drafted.note,
            count=await deps.storage.campaigns.count_signups(campaign.id),
            goal=campaign.goal,
            open=not campaign.refusal(deps.today().isoformat()),
            url=f"{base}{PAGE_PATH}{token}",
            sign_action=f"{PAGE_PATH}{token}/sign",
            form_token=self.tokens.issue(f"sign:{token}"),
            switch_href=f"{PAGE_PATH}{token}?lang={'en' if language == 'es' else 'es'}",
        )
        return html.campaign_page(view, language, values)

    async def show(self, request: web.Request) -> web.Response:
        campaign = await self.campaign(request)
        language = self.language(request, campaign)
        if campaign is None:
            return not_found(language)
        token = request.match_info["token"]
        body = await self.render(campaign, token, language, html.FormValues())
        return respond(body)

    async def sign(self, request: web.Request) -> web.Response:
        campaign = await self.campaign(request)
        form = {k: v for k, v in (await request.post()).items() if isinstance(v, str)}
        language = self.language(request, campaign, form.get("lang", ""))
        if campaign is None:
            return not_found(language)
        words = page_words(language)
        token = request.match_info["token"]
        page_url = f"{PAGE_PATH}{token}?lang={language}"
        if not self.guard.address_allowed(request.remote or ""):
            return try_again(language, page_url)
        values = form_values(form)
        if not self.tokens.valid(f"sign:{token}", form.get("token", "")):
            expired = html.FormValues(**{**values.__dict__, "errors": (words["expired"],)})
            return respond(await self.render(campaign, token, language, expired), status=400)
        if form.get("website", ""):  # the honeypot: only a robot fills a field it cannot see
            return respond(thanks_page(campaign, language, page_url, "", -1, email_dropped=False))
        member, email, errors = await checked(self.deps, values, language)
        if errors:
            shown = html.FormValues(**{**values.__dict__, "errors": tuple(errors)})
            return respond(await self.render(campaign, token, language, shown), status=400)
        if not self.guard.campaign_allowed(campaign.id):
            return try_again(language, page_url)
        removal = secrets.token_urlsafe(24)
        deps = self.deps
        outcome = await deps.storage.pages.sign(
            campaign.id, member, email, removal_hash(removal), timestamp(deps),
            deps.today().isoformat(),
        )  # fmt: skip
        if outcome.status is JoinStatus.REFUSED:
            lines = [f"<p>{escape(words['closed'])}</p>"]
            return respond(html.message_page(campaign.title, language, lines, page_url), 409)
        if outcome.status is JoinStatus.ALREADY:
            lines = [f"<p>{escape(words['already'].format(since=outcome.since))}</p>"]
            return respond(html.message_page(campaign.title, language, lines, page_url))
        count = await deps.storage.campaigns.count_signups(campaign.id)
        link = f"{deps.settings.page_base_url}{REMOVE_PATH}{removal}?lang={language}"
        dropped = bool(values.email.strip()) and not values.optin
        return respond(thanks_page(campaign, language, page_url, link, count, dropped))

    async def removal_page(self, request: web.Request) -> web.Response:
        removal = request.match_info["removal"]
        campaign = await self.deps.storage.pages.removal_campaign(removal_hash(removal))
        language = self.language(request, campaign)
        if campaign is None:
            return not_found(language)
        words = page_words(language)
        form = (
            f'<form method="post" action="{REMOVE_PATH}{escape(removal)}">'
            f'<input type="hidden" name="token" value="'
            f'{escape(self.tokens.issue(f"remove:{removal}"))}">'
            f'<input type="hidden" name="lang" value="{language}">'
            f'<button type="submit">{words["remove_button"]}</button></form>'
        )
        ask = escape(words["remove_ask"].format(title=campaign.title))
        lines = [f"<p>{ask}</p>", form]
        return respond(html.message_page(words["remove_title"], language, lines))

    async def remove(self, request: web.Request) -> web.Response:
        form = {k: v for k, v in (await request.post()).items() if isinstance(v, str)}
        language = self.language(request, None, form.get("lang", ""))
        words = page_words(language)
        removal = request.match_info["removal"]
        if not self.guard.address_allowed(request.remote or ""):
            return try_again(language, "")
        if not self.tokens.valid(f"remove:{removal}", form.get("token", "")):
            lines = [f"<p>{escape(words['expired'])}</p>"]
            back = f"{REMOVE_PATH}{removal}?lang={language}"
            return respond(html.message_page(words["remove_title"], language, lines, back), 400)
        if not await self.deps.storage.pages.remove(removal_hash(removal)):
            return not_found(language)
        lines = [f"<p>{escape(words['removed'])}</p>"]
        return respond(html.message_page(words["removed_title"], language, lines))


def thanks_page(
    campaign: Campaign, language: str, back: str, link: str, count: int, email_dropped: bool
) -> str:
    words = page_words(language)
    lines = []
    if count >= 0:
        said = words["thanks"].format(title=campaign.title, count=number(count, language))
        lines.append(f'<p id="thanks">{escape(said)}</p>')
    else:  # the honeypot's answer: looks like success, says nothing true
        lines.append(f'<p id="thanks">{escape(words["thanks_title"])}.</p>')
    if link:
        lines.append(f"<p>{escape(words['keep_link'])}</p>")
        lines.append(
            f'<p class="link"><a id="removal" href="{escape(link)}">{escape(link)}</a></p>'
        )
    if email_dropped:
        lines.append(f"<p>{escape(words['email_dropped'])}</p>")
    return html.message_page(words["thanks_title"], language, lines, back)


def respond(body: str, status: int = 200) -> web.Response:
    return web.Response(
        text=body, status=status, content_type="text/html", charset="utf-8", headers=HEADERS
    )


def not_found(language: str) -> web.Response:
    words = page_words(language)
    lines = [f"<p>{escape(words['not_found'])}</p>"]
    return respond(html.message_page(words["not_found_title"], language, lines), 404)


def try_again(language: str, back: str) -> web.Response:
    words = page_words(language)
    lines = [f"<p>{escape(words['try_again'])}</p>"]
    response = respond(html.message_page(words["try_again_title"], language, lines, back), 429)
    response.headers["Retry-After"] = _RETRY_AFTER_S
    return response


async def stylesheet(request: web.Request) -> web.Response:
    headers = {**HEADERS, "Cache-Control": "public, max-age=3600"}
    return web.Response(text=html.CSS, content_type="text/css", charset="utf-8", headers=headers)


Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def add_page_routes(
    application: web.Application, deps: Deps, limits: Limits | None = None
) -> Pages:
    pages = Pages(
        deps,
        FormTokens(deps.settings.web_secret, lambda: deps.clock().timestamp()),
        Guard(limits or Limits()),
        PetitionTexts(),
    )
    application.router.add_get(PAGE_PATH + "{token}", pages.show)
    application.router.add_post(PAGE_PATH + "{token}/sign", pages.sign)
    application.router.add_get(REMOVE_PATH + "{removal}", pages.removal_page)
    application.router.add_post(REMOVE_PATH + "{removal}", pages.remove)
    application.router.add_get(html.CSS_PATH, stylesheet)
    return pages
