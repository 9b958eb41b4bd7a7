"""/campaign announce, mute and deliveries: organizers message their members, members stop
those messages, organizers see what arrived.

/campaign announce is two steps, as /forgetme is, so nobody messages a list by accident:
without `confirm` it shows the message as members will get it, how many will get it and a
code; with the code it queues one direct message per member in the outbox
(notifications/delivery.py sends them, paced and retried). The code is derived from the
campaign, the author, the text, the recipients, the day and how many announcements were
sent before: it confirms exactly what was shown, once.
"""

from __future__ import annotations

import hashlib
from typing import Annotated

from bot.core.context import Ctx
from bot.core.errors import UserError
from bot.core.models import Field, Reply, Role
from bot.core.signatures import Opt
from commands.campaigns.checks import COMMANDS, Slug, plain_text, require_campaign
from lexicon.i18n import N_, _, ngettext
from notifications import announcements
from storage.campaigns.models import Campaign

TEXT_MAX = 1500  # leaves room in Discord's 2,000 and Slack's 4,000 for the frame below
CODE_LENGTH = 8
JUST_USED = N_("That code was just used (the announcement went out). Nothing more was sent.")


def member_message(campaign: Campaign, text: str) -> str:
    """What each member receives: who it is from, the text, and how to stop them; as the
    outbox stores it (English: each member reads it in their language when it is delivered,
    notifications/announcements.py)."""
    return announcements.stored_message(campaign.title, campaign.slug, text)


def confirmation_code(
    campaign: Campaign, ctx: Ctx, message: str, recipients: int, day: str, sent: int
) -> str:
    digest = hashlib.sha256()
    parts = (str(campaign.id), ctx.platform, ctx.user_id, message, str(recipients))
    for part in (*parts, day, str(sent)):
        digest.update(part.encode() + b"\x00")
    return digest.hexdigest()[:CODE_LENGTH]


@COMMANDS.command(
    "announce",
    "Send a direct message to everyone who joined (shows a preview and a code first)",
    role=Role.ORGANIZER,
    private=True,
    examples=(
        "/campaign announce ring-free-greenfield The council votes Tuesday at 6 pm",
        "/campaign announce ring-free-greenfield The council votes Tuesday confirm:1a2b3c4d",
    ),
)
async def announce(
    ctx: Ctx,
    slug: Slug,
    text: Annotated[str, Opt("The message", max_length=TEXT_MAX, greedy=True)],
    confirm: Annotated[str, Opt("The confirmation code the preview showed", max_length=20)] = "",
) -> Reply:
    deps = ctx.deps
    campaign = await require_campaign(ctx, slug)
    message = member_message(campaign, plain_text(text, "message", TEXT_MAX))
    store = deps.storage.announcements
    recipients = await store.recipients(campaign.id)
    if recipients == 0:
        raise UserError(
            _("Nobody who joined {slug} would get it: nothing to send.").format(slug=campaign.slug)
        )
    sent = await store.count(campaign.id)
    day = deps.today().isoformat()
    code = confirmation_code(campaign, ctx, message, recipients, day, sent)
    typed = confirm.strip().lower()
    if not typed:
        # The preview in the organizer's language; each member's copy is in their own.
        shown = announcements.in_current_language(message)
        return Reply(
            title=ngettext(
                "Send this to {n:,} member?", "Send this to {n:,} members?", recipients
            ).format(n=recipients),
            text=_(
                "Nothing has been sent yet. To send it, repeat the command with"
                " confirm:{code} at the end."
            ).format(code=code),
            fields=(Field(_("Each member gets"), shown),),
        )
    if typed != code:
        # The code shown before the latest announcement went out: someone (perhaps this
        # organizer in another window, or another process) confirmed it first.
        if sent and typed == confirmation_code(campaign, ctx, message, recipients, day, sent - 1):
            raise UserError(_(JUST_USED))
        raise UserError(
            _(
                "That code does not match this message (codes change with the text, the"
                " members, the day and after each announcement). Nothing was sent."
            )
        )
    queued = await store.queue(
        campaign.id,
        campaign.workspace,
        (ctx.platform, ctx.user_id),
        message,
        deps.clock(),
        sent_before=sent,
    )
    if queued is None:
        raise UserError(_(JUST_USED))
    return Reply(
        text=_(
            "Queued {n:,} direct messages. /campaign deliveries {slug} shows"
            " how many were sent, are waiting and failed."
        ).format(n=queued, slug=campaign.slug)
    )


@COMMANDS.command(
    "mute",
    "Stop direct messages from a campaign's organizers",
    private=True,
    examples=("/campaign mute ring-free-greenfield",),
)
async def mute(ctx: Ctx, slug: Slug) -> Reply:
    deps = ctx.deps
    campaign = await require_campaign(ctx, slug)
    store = deps.storage.announcements
    if not await store.mute(campaign.id, ctx.platform, ctx.user_id, deps.clock()):
        return Reply(
            text=_("Messages about {slug} are already muted for you.").format(slug=campaign.slug)
        )
    return Reply(
        text=_(
            "You will get no more messages about {slug}; your sign-up stays."
            " /mydata lists what you muted and /forgetme erases it."
        ).format(slug=campaign.slug)
    )


@COMMANDS.command(
    "deliveries",
    "How a campaign's direct messages stand: sent, waiting, failed",
    role=Role.ORGANIZER,
    private=True,
    examples=("/campaign deliveries ring-free-greenfield",),
)
async def deliveries(ctx: Ctx, slug: Slug) -> Reply:
    deps = ctx.deps
    campaign = await require_campaign(ctx, slug)
    counts = await deps.storage.announcements.delivery_counts(campaign.id)
    return Reply(
        title=_("Messages to members of {slug}").format(slug=campaign.slug),
        text=_("{n:,} announcements.").format(n=counts.announcements),
        fields=(
            Field(_("Sent"), f"{counts.sent:,}"),
            Field(_("Waiting"), f"{counts.waiting:,}"),
            Field(_("Failed (DMs closed or kept failing)"), f"{counts.failed:,}"),
        ),
    )
