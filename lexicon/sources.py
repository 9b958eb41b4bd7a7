"""The rule for a source link, shared by admin commands and the facts CSV.

Every fact cites a source a reader can open, so a source is an http(s) URL with a host, no
spaces, and short enough to show in chat (MAX_URL characters).
"""

from __future__ import annotations

from urllib.parse import urlsplit

MAX_URL = 500


def source_url_problem(url: str, what: str = "The source") -> str | None:
    """Why `url` cannot be a fact's source, or None: one sentence about `what` (the option
    or the CSV column the user filled), without its final stop."""
    if len(url) > MAX_URL:
        return f"{what} is too long ({len(url)} characters; at most {MAX_URL})"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a malformed port
    except ValueError:
        return f"{what} must be a valid http(s) URL"
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname or " " in url:
        return f"{what} must be an http:// or https:// URL, e.g. https://example.org/story"
    return None
