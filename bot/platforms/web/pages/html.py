"""The pages' HTML, server-rendered: every value escaped, no script, no inline style, one
stylesheet of our own (so the Content-Security-Policy can forbid everything else)."""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

from bot.platforms.web.pages.words import number, page_words

CSS_PATH = "/static/page.css"
CSS = """
body{font:1.05rem/1.5 system-ui,sans-serif;max-width:42rem;margin:0 auto;padding:1rem;
color:#1a1a1a;background:#fff}
h1{font-size:1.6rem;line-height:1.25}
.lang{text-align:right}
.count{font-size:1.2rem;font-weight:bold}
progress{width:100%;height:1rem}
.petition{white-space:pre-line;border-left:4px solid #555;padding-left:1rem}
label{display:block;margin-top:.8rem;font-weight:600}
input[type=text],input[type=email]{width:100%;padding:.5rem;font-size:1rem;
border:2px solid #555;border-radius:4px;box-sizing:border-box}
.check{display:flex;gap:.5rem;align-items:flex-start;font-weight:normal}
.check input{margin-top:.35rem;width:1.2rem;height:1.2rem}
button{margin-top:1rem;padding:.7rem 1.4rem;font-size:1.05rem;background:#0b5394;color:#fff;
border:0;border-radius:4px;cursor:pointer}
button:focus,input:focus,a:focus{outline:3px solid #e69500;outline-offset:2px}
.errors{border:2px solid #a00;padding:.5rem 1rem;color:#a00}
.hp{display:none}
.small{font-size:.9rem;color:#333}
.link{word-break:break-all;background:#f3f3f3;padding:.5rem}
""".strip()


@dataclass(frozen=True)
class Head:
    title: str
    language: str
    description: str = ""
    url: str = ""  # the page's own address, for link previews
    robots: str = "noindex"  # removal pages and errors are never indexed


def page(head: Head, body: str) -> str:
    meta = [
        f'<meta property="og:title" content="{escape(head.title)}">',
        f'<meta name="twitter:title" content="{escape(head.title)}">',
        '<meta property="og:type" content="website">',
        '<meta name="twitter:card" content="summary">',
    ]
    if head.description:
        described = escape(head.description)
        meta += [
            f'<meta name="description" content="{described}">',
            f'<meta property="og:description" content="{described}">',
            f'<meta name="twitter:description" content="{described}">',
        ]
    if head.url:
        meta.append(f'<meta property="og:url" content="{escape(head.url)}">')
    return (
        f'<!DOCTYPE html>\n<html lang="{head.language}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="robots" content="{head.robots}">\n'
        f"<title>{escape(head.title)}</title>\n" + "\n".join(meta) + "\n"
        f'<link rel="stylesheet" href="{CSS_PATH}">\n</head>\n'
        f"<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )


def count_line(count: int, goal: int | None, language: str) -> str:
    words = page_words(language)
    if goal:
        return words["signed_goal"].format(
            count=number(count, language), goal=number(goal, language)
        )
    return words["signed"].format(count=number(count, language))


@dataclass(frozen=True)
class FormValues:
    name: str = ""
    city: str = ""
    email: str = ""
    optin: bool = False
    consent: bool = False
    errors: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class CampaignView:
    title: str
    target: str
    text: str  # the petition's text ('' when none); None-like states are in `note`
    note: str  # shown instead of the text when there is none or it cannot be drafted
    count: int
    goal: int | None
    open: bool
    url: str
    sign_action: str
    form_token: str
    switch_href: str


def campaign_page(view: CampaignView, language: str, values: FormValues) -> str:
    words = page_words(language)
    counted = count_line(view.count, view.goal, language)
    parts = [
        f'<p class="lang"><a href="{escape(view.switch_href)}" hreflang="'
        f'{"en" if language == "es" else "es"}">{words["switch"]}</a></p>',
        f"<h1>{escape(view.title)}</h1>",
    ]
    if view.target:
        parts.append(f"<p><strong>{words['to']}:</strong> {escape(view.target)}</p>")
    parts.append(f'<p class="count" id="count">{escape(counted)}</p>')
    if view.goal:
        shown = min(view.count, view.goal)
        parts.append(
            f'<progress max="{view.goal}" value="{shown}" aria-labelledby="count"></progress>'
        )
    parts.append(f"<h2>{words['petition']}</h2>")
    if view.text:
        parts.append(f'<div class="petition">{escape(view.text)}</div>')
    else:
        parts.append(f"<p>{escape(view.note)}</p>")
    if view.open:
        parts.append(sign_form(view, language, values))
    else:
        parts.append(f"<p><strong>{words['closed']}</strong></p>")
    head = Head(view.title, language, counted, view.url, robots="noindex")
    return page(head, "\n".join(parts))


def sign_form(view: CampaignView, language: str, values: FormValues) -> str:
    words = page_words(language)
    parts = [f'<h2 id="sign">{words["sign"]}</h2>']
    if values.errors:
        items = "".join(f"<li>{escape(error)}</li>" for error in values.errors)
        parts.append(
            f'<div class="errors" role="alert" id="errors"><h3>{words["errors"]}</h3>'
            f"<ul>{items}</ul></div>"
        )
    optin = " checked" if values.optin else ""
    consent = " checked" if values.consent else ""
    parts.append(
        f'<form method="post" action="{escape(view.sign_action)}" aria-labelledby="sign">\n'
        f'<input type="hidden" name="token" value="{escape(view.form_token)}">\n'
        f'<input type="hidden" name="lang" value="{language}">\n'
        f'<label for="name">{words["name"]}</label>\n'
        f'<input type="text" id="name" name="name" required maxlength="100"'
        f' autocomplete="name" value="{escape(values.name)}">\n'
        f'<label for="city">{words["city"]}</label>\n'
        f'<input type="text" id="city" name="city" required maxlength="100"'
        f' autocomplete="address-level2" value="{escape(values.city)}">\n'
        f'<label for="email">{words["email"]}</label>\n'
        f'<input type="email" id="email" name="email" maxlength="254" autocomplete="email"'
        f' value="{escape(values.email)}">\n'
        f'<label class="check" for="optin"><input type="checkbox" id="optin" name="optin"'
        f' value="yes"{optin}> {words["optin"]}</label>\n'
        f'<label class="check" for="consent"><input type="checkbox" id="consent"'
        f' name="consent" value="yes" required{consent}> {words["consent"]}</label>\n'
        f'<div class="hp"><label for="website">{words["honeypot"]}</label>'
        f'<input type="text" id="website" name="website" tabindex="-1" autocomplete="off">'
        f"</div>\n"
        f'<button type="submit">{words["submit"]}</button>\n</form>\n'
        f'<p class="small">{words["privacy"]}</p>'
    )
    return "\n".join(parts)


def message_page(title: str, language: str, lines: list[str], back: str = "") -> str:
    """A heading and paragraphs (already escaped by the caller when they hold HTML)."""
    words = page_words(language)
    body = [f"<h1>{escape(title)}</h1>", *lines]
    if back:
        body.append(f'<p><a href="{escape(back)}">{words["back"]}</a></p>')
    return page(Head(title, language), "\n".join(body))
