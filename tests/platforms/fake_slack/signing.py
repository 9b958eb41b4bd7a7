"""Slash commands and interactive payloads, form-encoded and signed exactly as Slack does:
`X-Slack-Signature = "v0=" + hex(HMAC-SHA256(secret, "v0:{timestamp}:{raw body}"))`."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from typing import Any
from urllib.parse import urlencode


def signature(secret: str, timestamp: str, body: str) -> str:
    base = f"v0:{timestamp}:{body}".encode()
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


def signed_headers(secret: str, body: str, timestamp: int | None = None) -> dict[str, str]:
    stamp = str(int(time.time()) if timestamp is None else timestamp)
    return {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Slack-Request-Timestamp": stamp,
        "X-Slack-Signature": signature(secret, stamp, body),
    }


def slash_fields(
    command: str,
    text: str,
    response_url: str,
    trigger_id: str,
    user_id: str = "U1",
    channel_id: str = "C1",
    team_id: str = "T1",
) -> dict[str, str]:
    return {
        "token": "legacy-verification-token",
        "team_id": team_id,
        "team_domain": "counterwatch-test",
        "channel_id": channel_id,
        "channel_name": "general",
        "user_id": user_id,
        "user_name": f"name-{user_id}",
        "command": command,
        "text": text,
        "api_app_id": "A1",
        "is_enterprise_install": "false",
        "response_url": response_url,
        "trigger_id": trigger_id,
    }


def slash_body(**fields: Any) -> str:
    return urlencode(slash_fields(**fields))


def interactive_body(payload: dict[str, Any]) -> str:
    """Interactive requests (view_submission, block_suggestion) carry JSON in `payload`."""
    return urlencode({"payload": json.dumps(payload)})
