"""The rule for a source link, shared by admin commands and the facts CSV.

Every fact cites a source a reader can open, so a source is an http(s) URL with a host, no
spaces, and short enough to show in chat (MAX_URL characters).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from lexicon.i18n import DEFAULT, _, current, format_fact_date

MAX_URL = 500


def source_url_problem(url: str, column: str = "") -> str | None:
    """Why `url` cannot be a fact's source, or None: one sentence in the current language
    about the source option, or about the CSV `column` the user filled, without its final
    stop."""
    if len(url) > MAX_URL:
        said = (
            _("{column} is too long ({n} characters; at most {most})")
            if column
            else _("The source is too long ({n} characters; at most {most})")
        )
        return said.format(column=column, n=len(url), most=MAX_URL)
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a malformed port
    except ValueError:
        said = (
            _("{column} must be a valid http(s) URL")
            if column
            else _("The source must be a valid http(s) URL")
        )
        return said.format(column=column)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname or " " in url:
        said = (
            _("{column} must be an http:// or https:// URL, e.g. https://example.org/story")
            if column
            else _("The source must be an http:// or https:// URL, e.g. https://example.org/story")
        )
        return said.format(column=column)
    return None


# A publisher as stored may end with an English note on what kind of page it is or whose copy
# it is: 'Ring (help page for public safety agencies)', 'Reuters (Nasdaq copy)', 'CFO.com
# (citing CNBC)'. One trailing parenthetical, which may hold one nested pair.
_TRAILING_NOTE = re.compile(r"\s*\([^()]*(?:\([^()]*\))?[^()]*\)\s*$")


def outlet(publisher: str) -> str:
    """A source's outlet alone: 'Ring (help page for public safety agencies)' -> 'Ring'.
    A publisher that is nothing but a parenthetical is kept whole."""
    return _TRAILING_NOTE.sub("", publisher).strip() or publisher


def publisher_said(publisher: str) -> str:
    """The publisher as a reply in the current language names it: as stored in English; in
    any other language the outlet's name only, since the stored note is English and the
    outlet's name is what a reader looks up (docs/languages.md, "Sources")."""
    return publisher if current() == DEFAULT else outlet(publisher)


def citation(url: str, publisher: str = "", published: str = "") -> str:
    """'Reuters (Nasdaq copy), 2021-05-18: https://...' in English (as always); in Spanish
    'Reuters, 18 de mayo de 2021: https://...'. Whatever parts are known."""
    who = cited_by(publisher, published)
    return f"{who}: {url}" if who else url


def cited_by(publisher: str, published: str = "") -> str:
    """'Reuters (Nasdaq copy), 2021-05-18' / 'Reuters, 18 de mayo de 2021', or ''."""
    when = said_date(published) if published else ""
    return ", ".join(
        part for part in (publisher_said(publisher) if publisher else "", when) if part
    )


def said_date(iso: str) -> str:
    """A source's date or an as-of day as a citation gives it: ISO in English, as always; in
    words in other languages, at the date's precision ('junio de 2021')."""
    if current() == DEFAULT:
        return iso  # as stored: '2021-06-07', '2021-06'
    try:
        return format_fact_date(iso, iso_days=True)
    except (ValueError, IndexError):  # a date an import kept as its source wrote it
        return iso
