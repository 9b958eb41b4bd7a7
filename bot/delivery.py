"""The follow-notification delivery loop: at least once, retried with backoff, never dropped.

A notification is marked delivered only after its messenger returned; a crash in between
sends it again on the next start (at least once). A failure (DeliveryError, no messenger
for that platform yet, anything unexpected) is recorded with its error and retried later;
admins see what is stuck with /facts outbox.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
from dataclasses import dataclass

import aiosqlite

from bot.deps import Deps
from bot.notify import DeliveryError
from storage import outbox

log = logging.getLogger("counterwatch.delivery")

POLL_SECONDS = 5.0
BATCH = 100


@dataclass(frozen=True)
class DeliveryReport:
    delivered: int
    failed: int


async def deliver_due(deps: Deps, limit: int = BATCH) -> DeliveryReport:
    """One pass over what is due now; returns how many went out and how many failed."""
    delivered = failed = 0
    for item in await outbox.due(deps.db, deps.clock(), limit):
        error = await _send(deps, item)
        now = deps.clock()

        async def record(
            conn: aiosqlite.Connection,
            item_id: int = item.id,
            err: str = error,
            at: dt.datetime = now,
        ) -> None:
            if err:
                await outbox.mark_failed(conn, item_id, at, err)
            else:
                await outbox.mark_delivered(conn, item_id, at)

        await deps.db.write(record)
        if error:
            failed += 1
            # Ids and the error class only: never the message text.
            log.warning("notification %d to %s failed: %s", item.id, item.platform, error)
        else:
            delivered += 1
    return DeliveryReport(delivered, failed)


async def _send(deps: Deps, item: outbox.Notification) -> str:
    """'' when delivered, else the reason it was not."""
    messenger = deps.messengers.get(item.platform)
    if messenger is None:
        return f"no {item.platform} connection is running"
    try:
        await messenger.send_direct(item.workspace, item.user_id, item.text)
    except DeliveryError as exc:
        return f"delivery failed: {str(exc)[:200] or type(exc).__name__}"
    except Exception as exc:  # a bug in an adapter must not stop every other delivery
        log.exception("messenger for %s raised", item.platform)
        return f"unexpected {type(exc).__name__}"
    return ""


async def run_delivery(deps: Deps, stop: asyncio.Event, poll_seconds: float = POLL_SECONDS) -> None:
    """Deliver until `stop` is set; started by main.py beside the chat platforms."""
    while not stop.is_set():
        try:
            report = await deliver_due(deps)
        except Exception:
            log.exception("delivery pass failed; retrying after the pause")
            report = DeliveryReport(0, 0)
        if report.delivered + report.failed >= BATCH:
            continue  # more are due right now
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=poll_seconds)
