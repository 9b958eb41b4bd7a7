"""Abuse controls that watch no one: a signed, expiring form token, an in-memory rate limit
per address, and a cap per campaign.

The token is an HMAC over what the form is for (a page or a removal link) and when it was
issued: no cookie, no server-side session. The rate limit keys each address by an HMAC
under a key drawn at start and never written anywhere, so even this process's memory holds
no address in the clear; entries vanish when their window passes. Nothing here is stored
or logged.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

TOKEN_TTL_S = 2 * 3600  # a form left open over lunch still sends


class FormTokens:
    def __init__(self, secret: str, clock: Callable[[], float]) -> None:
        # No configured secret: a random one (a restart then asks open forms to send again).
        self._key = (secret or secrets.token_hex(32)).encode()
        self._clock = clock

    def issue(self, purpose: str) -> str:
        issued = int(self._clock())
        return f"{issued}.{self._mac(purpose, issued)}"

    def valid(self, purpose: str, token: str) -> bool:
        issued_text, _, mac = token.partition(".")
        if not issued_text.isdigit() or len(issued_text) > 12:
            return False
        issued = int(issued_text)
        if not hmac.compare_digest(mac.encode(), self._mac(purpose, issued).encode()):
            return False
        age = self._clock() - issued
        return -60 <= age <= TOKEN_TTL_S  # a minute of clock skew between processes

    def _mac(self, purpose: str, issued: int) -> str:
        message = f"{purpose}|{issued}".encode()
        return hmac.new(self._key, message, hashlib.sha256).hexdigest()[:32]


@dataclass(frozen=True)
class Limits:
    per_address: int = 10  # form posts per address per window
    address_window_s: float = 600.0
    per_campaign_minute: int = 120  # signatures per campaign per minute
    max_addresses: int = 100_000  # memory bound: past it the oldest entries are dropped


class Sliding:
    """At most `limit` events per `window_s` for each key, in memory only."""

    def __init__(self, limit: int, window_s: float, clock: Callable[[], float], cap: int) -> None:
        self.limit, self.window_s, self._clock, self._cap = limit, window_s, clock, cap
        self._events: dict[bytes, deque[float]] = {}

    def allow(self, key: bytes) -> bool:
        now = self._clock()
        events = self._events.get(key)
        if events is None:
            if len(self._events) >= self._cap:
                self._events.pop(next(iter(self._events)))  # the oldest key
            events = self._events[key] = deque()
        while events and events[0] <= now - self.window_s:
            events.popleft()
        if len(events) >= self.limit:
            return False
        events.append(now)
        return True

    def __len__(self) -> int:
        return len(self._events)


class Guard:
    """The per-address and per-campaign limits of one web server."""

    def __init__(self, limits: Limits, clock: Callable[[], float] = time.monotonic) -> None:
        self._address_key = secrets.token_bytes(32)  # never leaves this object
        self.addresses = Sliding(
            limits.per_address, limits.address_window_s, clock, limits.max_addresses
        )
        self.campaigns = Sliding(limits.per_campaign_minute, 60.0, clock, limits.max_addresses)

    def address_allowed(self, address: str) -> bool:
        key = hmac.new(self._address_key, address.encode(), hashlib.sha256).digest()
        return self.addresses.allow(key)

    def campaign_allowed(self, campaign_id: int) -> bool:
        return self.campaigns.allow(campaign_id.to_bytes(8, "big", signed=True))
