"""The URLs in the settings checked at start, and a database URL shown without its secret.

A mistyped URL was a 44-57 line traceback from deep inside asyncpg or aiohttp (a port
`notaport`, an unbalanced `[` around an IPv6 host, `user:pass@` in SLACK_API_URL, which
aiohttp refuses beside a bot token), and an unreachable server's message printed
COUNTERWATCH_DATABASE_URL whole, `?password=` included. Each is one line now, naming the
setting, never quoting the value.
"""

from __future__ import annotations

from urllib.parse import SplitResult, parse_qsl, urlencode, urlsplit, urlunsplit

DATABASE_SCHEMES = frozenset({"postgres", "postgresql"})
_SECRET_PARAMETERS = frozenset({"password", "passfile", "sslpassword"})


class BadUrl(ValueError):
    """A setting's URL cannot be used; the message names the setting, not the value."""


def check_database_url(name: str, url: str) -> None:
    parts = _split(name, url)
    if parts.scheme not in DATABASE_SCHEMES:
        raise BadUrl(f"{name} must start with postgresql://")
    _port(name, parts)
    for key, value in parse_qsl(parts.query):
        if key == "port" and not all(p.strip().isdigit() for p in value.split(",")):
            raise BadUrl(f"{name}: the port must be a number from 1 to 65535")


def check_api_url(name: str, url: str) -> None:
    """An API base: http(s), a host, a numeric port, no credentials (the token is the key)."""
    parts = _split(name, url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise BadUrl(f"{name} must be an http:// or https:// URL with a host")
    if parts.username is not None or parts.password is not None:
        raise BadUrl(f"{name} must not carry a user name or password (user:pass@)")
    _port(name, parts)


def redacted(url: str) -> str:
    """The URL with any password (in user:pass@ or ?password=) replaced by ***."""
    try:
        parts = urlsplit(url)
        password = parts.password
    except ValueError:
        return "(an unreadable URL)"
    netloc = parts.netloc
    if password is not None:
        user, _, host = netloc.rpartition("@")
        netloc = user.split(":", 1)[0] + ":***@" + host
    query = urlencode(
        [(k, "***" if k in _SECRET_PARAMETERS else v) for k, v in parse_qsl(parts.query)],
        safe="*",
    )
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


def _split(name: str, url: str) -> SplitResult:
    try:
        return urlsplit(url)
    except ValueError:  # "Invalid IPv6 URL": a `[` without its `]`, or the reverse
        raise BadUrl(f"{name} is not a valid URL (check the [ ] around an IPv6 host)") from None


def _port(name: str, parts: SplitResult) -> None:
    try:
        parts.port  # noqa: B018  (parsing it is the check)
    except ValueError:
        raise BadUrl(f"{name}: the port must be a number from 1 to 65535") from None
