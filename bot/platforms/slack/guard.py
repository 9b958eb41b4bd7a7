"""The door of the HTTP server: a request is refused (400/401) before anything that can fail
on hostile bytes parses it.

slack-bolt decodes and parses the body (form, `payload=` JSON) BEFORE checking the
signature, so a non-UTF-8 body, a `payload=` that is not a JSON object or a non-numeric
timestamp header became a 500 with a full traceback (1,000 of them wrote 1.2 MB of log).
Here the signature is checked over the raw bytes first; only a signed request is decoded,
and what cannot be decoded is refused too. Refusals are counted into one log line a minute,
and no header value or body byte is ever logged. Bolt still verifies the signature after us.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import time
from collections.abc import Callable
from urllib.parse import parse_qs

from aiohttp import web
from slack_bolt.request.async_request import AsyncBoltRequest

from bot.core.ratelog import CountedLog

log = logging.getLogger("counterwatch.slack")

# Slack's own rule: a signature older (or newer) than 5 minutes is a replay.
MAX_CLOCK_SKEW_S = 5 * 60
_MAX_TIMESTAMP_DIGITS = 12

WallClock = Callable[[], float]


class Refusal(Exception):
    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason  # a fixed phrase of ours, safe to log


class Guard:
    def __init__(self, signing_secret: str, wall: WallClock = time.time) -> None:
        self._secret = signing_secret.encode()
        # Slack's timestamps are wall-clock seconds: the replay check needs the wall clock.
        self._wall = wall
        self.refused = CountedLog(log, "refused unsigned or malformed Slack requests")

    async def bolt_request(self, request: web.Request) -> AsyncBoltRequest:
        """The request for bolt, or Refusal."""
        stamp = request.headers.get("X-Slack-Request-Timestamp", "")
        signature = request.headers.get("X-Slack-Signature", "")
        if not stamp or not signature:
            raise Refusal(401, "unsigned")
        if not (stamp.isascii() and stamp.isdigit() and len(stamp) <= _MAX_TIMESTAMP_DIGITS):
            raise Refusal(400, "malformed timestamp")
        if abs(self._wall() - int(stamp)) > MAX_CLOCK_SKEW_S:
            raise Refusal(401, "stale timestamp")
        raw = await request.read()  # bounded by the application's client_max_size
        signed = b"v0:" + stamp.encode() + b":" + raw
        expected = "v0=" + hmac.new(self._secret, signed, hashlib.sha256).hexdigest()
        if not hmac.compare_digest(expected.encode(), signature.encode("utf-8", "replace")):
            raise Refusal(401, "bad signature")
        try:
            body = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise Refusal(400, "body not UTF-8") from None
        _check_shape(body, request.content_type)
        return AsyncBoltRequest(
            body=body,
            query=request.query_string,
            headers=request.headers,  # type: ignore[arg-type]
        )

    def refuse(self, refusal: Refusal) -> web.Response:
        self.refused.hit(refusal.reason)
        return web.Response(status=refusal.status, text=refusal.reason)


def _check_shape(body: str, content_type: str) -> None:
    """What bolt parses must parse: a JSON body, or a form's `payload=`, is a JSON object."""
    if content_type == "application/json":
        _json_object(body)
        return
    if not _may_carry_payload(body):
        return  # a slash command: no `payload=` field, nothing of it to parse twice
    payloads = parse_qs(body, keep_blank_values=True).get("payload")
    if payloads:
        _json_object(payloads[0])


def _may_carry_payload(body: str) -> bool:
    """Whether a form may hold a `payload` field, judged by its keys alone: parsing the whole
    form (every value unquoted) cost a slash command more than everything else we add to it.
    A key that is percent- or plus-encoded could spell `payload`: those are parsed."""
    keys = (field.partition("=")[0] for field in body.split("&"))
    return any(key == "payload" or "%" in key or "+" in key for key in keys)


# The fields bolt and our handlers index into, and what each must be. A signed payload
# that breaks this (`actions` a number, `view` a string) was a 500 and a traceback.
_SHAPES: dict[str, type] = {
    "actions": list,
    "view": dict,
    "user": dict,
    "team": dict,
    "channel": dict,
    "container": dict,
    "event": dict,
    "state": dict,
}


def _json_object(text: str) -> None:
    try:
        value = json.loads(text)
    except ValueError:
        raise Refusal(400, "payload not JSON") from None
    except RecursionError:  # `[[[[...]]]]` nested deeper than the parser recurses
        raise Refusal(400, "payload nested too deeply") from None
    if not isinstance(value, dict):
        raise Refusal(400, "payload not a JSON object")
    for key, shape in _SHAPES.items():
        if key in value and not isinstance(value[key], shape):
            raise Refusal(400, "payload malformed")
    actions = value.get("actions", [])
    if not all(isinstance(action, dict) for action in actions):
        raise Refusal(400, "payload malformed")
