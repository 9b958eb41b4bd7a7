"""Malformed or unsigned requests are refused with 400/401 before anything parses them, and
a flood of them leaves a log of a few lines, never tracebacks nor the header values."""

from __future__ import annotations

import hashlib
import hmac
import logging
import time
from urllib.parse import quote

import pytest

from tests.platforms.fake_slack.signing import signature, signed_headers
from tests.platforms.slack.conftest import SECRET, HttpSlack

FORM = {"Content-Type": "application/x-www-form-urlencoded"}
ODD_STAMP = "12abc-timestamp-marker"


def signed_bytes(body: bytes) -> dict[str, str]:
    stamp = str(int(time.time()))
    # The signature is over the raw bytes, exactly as Slack computes it.
    base = f"v0:{stamp}:".encode() + body
    digest = hmac.new(SECRET.encode(), base, hashlib.sha256).hexdigest()
    return {**FORM, "X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": "v0=" + digest}


MALFORMED: list[tuple[bytes, dict[str, str]]] = [
    (b"\xff\xfe\xfa not utf-8", FORM),
    (b"payload=%7Bnot-json", FORM),
    (b"payload=%5B1%2C2%5D", FORM),
    (
        b"command=%2Fprobe",
        {**FORM, "X-Slack-Request-Timestamp": ODD_STAMP, "X-Slack-Signature": "v0=00"},
    ),
    (b"\xff\xfe\xfa not utf-8", signed_bytes(b"\xff\xfe\xfa not utf-8")),
    (b"payload=%7Bnot-json", signed_bytes(b"payload=%7Bnot-json")),
    (b"payload=%5B1%2C2%5D", signed_bytes(b"payload=%5B1%2C2%5D")),
    # The key spelled with escapes: what parses as `payload` is checked as one.
    (b"command=%2Fx&p%61yload=%7Bnot-json", signed_bytes(b"command=%2Fx&p%61yload=%7Bnot-json")),
]


async def post_bytes(http_slack: HttpSlack, body: bytes, headers: dict[str, str]) -> int:
    async with http_slack.session.post(http_slack.url, data=body, headers=headers) as response:
        await response.read()
        return response.status


async def test_a_flood_of_malformed_requests_is_refused_quietly(
    http_slack: HttpSlack, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    statuses = set()
    for _ in range(30):
        for body, headers in MALFORMED:
            statuses.add(await post_bytes(http_slack, body, headers))
    assert statuses <= {400, 401}, statuses
    assert "Traceback" not in caplog.text and ODD_STAMP not in caplog.text
    assert len(caplog.records) <= 5, [r.getMessage() for r in caplog.records]
    # A valid request afterwards is still answered.
    message = await http_slack.run("/probe", "count after")
    assert "counted after" in str(message)


async def test_the_refused_header_value_never_reaches_the_log(
    http_slack: HttpSlack, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    body = http_slack.slash("/probe", "count x")
    headers = {**signed_headers(SECRET, body), "X-Slack-Request-Timestamp": ODD_STAMP}
    headers["X-Slack-Signature"] = signature(SECRET, ODD_STAMP, body)
    status, _ = await http_slack.post(body, headers)
    assert status == 400
    assert ODD_STAMP not in caplog.text
    assert not http_slack.probe.effects


DEEP = "[" * 5_000 + "]" * 5_000  # 30 KB as sent; past the JSON parser's recursion
SIGNED_MALFORMED = [
    "payload=" + quote(DEEP),
    "payload=" + quote('{"type": "block_actions", "actions": 7}'),
    "payload=" + quote('{"type": "block_actions", "actions": ["x"]}'),
    "payload=" + quote('{"type": "view_submission", "view": "a string"}'),
    "payload=" + quote('{"type": "block_actions", "user": "U1", "actions": []}'),
]


@pytest.mark.parametrize(
    "body", SIGNED_MALFORMED, ids=["deep", "actions", "action", "view", "user"]
)
async def test_a_signed_but_malformed_payload_is_a_400_and_one_counted_line(
    http_slack: HttpSlack, caplog: pytest.LogCaptureFixture, body: str
) -> None:
    caplog.set_level(logging.DEBUG)
    statuses = [await post_bytes(http_slack, body.encode(), signed_bytes(body.encode()))]
    statuses += [await post_bytes(http_slack, body.encode(), signed_bytes(body.encode()))]
    assert statuses == [400, 400]
    assert "Traceback" not in caplog.text and "a string" not in caplog.text
    assert all(r.exc_info is None for r in caplog.records)
    lines = [r.getMessage() for r in caplog.records if r.name.startswith("counterwatch")]
    assert len(lines) == 1 and "refused" in lines[0], lines
    assert not http_slack.probe.effects
