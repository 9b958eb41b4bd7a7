"""/facts set-body and /facts add-official: who governs a place's police, and its
officials, each from a source and an as-of date, audited, undoable and told to followers
like every fact. Letters and /contact read them (commands/letters/on_record.py)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from bot.core.context import Ctx
from bot.core.deps import Deps
from bot.core.errors import UserError
from bot.core.models import Reply, Role
from bot.core.registry import CommandSet
from bot.core.signatures import FactDate, Opt
from commands.admin.authoring import edit_of
from commands.admin.checks import past_date, source_url
from commands.admin.options import Source
from commands.admin.reach import MAX_EMAIL, MAX_PHONE, public_email, public_phone
from commands.admin.wording import notices, outcome_reply
from commands.follow import follow_target
from commands.letters.addressee import place_jurisdiction
from lexicon.i18n import N_, _
from lexicon.invisible import has_invisible
from places.index import place_index
from places.jurisdiction import jurisdiction_of
from places.record_keys import agency_key, jurisdiction_key
from places.snapshot import Place
from storage.fact_edits.models import BodyChange, BodyContact, NewOfficial, PlaceRef

COMMANDS = CommandSet(group="facts", role=Role.FACTS_ADMIN, private=True)
MAX_BODY, MAX_NAME, MAX_TITLE, MAX_MEETING_PLACE = 150, 80, 60, 150

RecordedPlace = Annotated[
    str,
    Opt(
        "City, county or agency exactly as on record, e.g. 'Gates, NY'", autocomplete="place",
        max_length=150,
    ),
]  # fmt: skip
AsOf = Annotated[FactDate, Opt("Date the source showed it as current (YYYY-MM-DD)")]


def _typed(text: str, what: str, limit: int) -> str:
    """`text` as one line of words; `what` names it, marked N_ by the caller."""
    words = " ".join(text.split())
    if not words:
        raise UserError(_("Give the {what}.").format(what=_(what)))
    if has_invisible(words):
        raise UserError(
            _("The {what} contains invisible characters; type it again without them.").format(
                what=_(what)
            )
        )
    if len(words) > limit:
        raise UserError(
            _("The {what} is over {limit} characters.").format(what=_(what), limit=limit)
        )
    return words


async def recorded_place(deps: Deps, typed: str) -> PlaceRef:
    """Where to record: a city or county by the key it is followed under, an agency by its
    own key. Only a place named exactly as on record: a fact is never filed under a guess."""
    place = place_index(deps).exact(typed)
    if place.kind != "agency":
        key = jurisdiction_key(place_jurisdiction(place))
        return PlaceRef(key, place.label, tuple(dict.fromkeys((key, follow_target(place).key))))
    return await _agency_place(deps, place)


async def _agency_place(deps: Deps, place: Place) -> PlaceRef:
    if len(place.agency_ids) != 1:
        raise UserError(
            _("{place} names several agencies; name the one you mean.").format(place=place.label)
        )
    agency_id = place.agency_ids[0]
    try:
        followed: tuple[str, ...] = (follow_target(place).key,)  # its mailing town
    except UserError:  # no city or county on record: nobody can follow it that way
        followed = ()
    rows = await deps.storage.facts.deployments_for_agencies((agency_id,))
    # Followers of the agency's own jurisdiction (the Town of Gates) hear of it too, not
    # only those of its mailing town.
    owns = tuple(jurisdiction_key(jurisdiction_of(r.agency, r.summary)) for r in rows[:1])
    return PlaceRef(agency_key(agency_id), place.label, tuple(dict.fromkeys((*followed, *owns))))


@COMMANDS.command(
    "set-body", "Record who governs a place's police (or one agency), from a source",
    examples=(
        '/facts set-body "Gates, NY" "Town Board of the Town of Gates"'
        " source:https://example.org/town-board as-of:2026-11-30",
        '/facts set-body "Gates, NY" "Town Board of the Town of Gates"'
        " source:https://example.org/town-board as-of:2026-11-30"
        " web:https://example.org/contact email:clerk@example.org"
        ' meeting:2026-12-14 meeting-place:"7 pm, Town Hall"',
    ),
)  # fmt: skip
async def set_body(
    ctx: Ctx,
    place: RecordedPlace,
    body: Annotated[str, Opt("The body's name as it writes itself", max_length=MAX_BODY)],
    source: Source,
    as_of: AsOf,
    web: Annotated[str, Opt("Its public contact form or page (a URL)", max_length=500)] = "",
    email: Annotated[str, Opt("Its public email", max_length=MAX_EMAIL)] = "",
    phone: Annotated[str, Opt("Its public phone", max_length=MAX_PHONE)] = "",
    meeting: Annotated[dt.date | None, Opt("A public meeting's day (YYYY-MM-DD)")] = None,
    meeting_place: Annotated[
        str, Opt("That meeting's time and place, e.g. 7 pm, Town Hall", max_length=150)
    ] = "",
) -> Reply:
    deps = ctx.deps
    name = _typed(body, N_("body's name"), MAX_BODY)
    day = past_date(deps, as_of, N_("as-of date"))
    url = source_url(source)
    contact = _body_contact(web, email, phone, meeting, meeting_place)
    where = await recorded_place(deps, place)
    edit = edit_of(ctx, deps, url, notices(url))
    change = BodyChange(edit, where, name, day, contact)
    outcome = await deps.storage.fact_edits.set_body(change)
    return outcome_reply(ctx, outcome, url)


def _body_contact(
    web: str, email: str, phone: str, meeting: dt.date | None, meeting_place: str
) -> BodyContact:
    if meeting_place.strip() and meeting is None:
        raise UserError(_("Give the meeting's day (meeting:YYYY-MM-DD) with its place."))
    return BodyContact(
        source_url(web) if web.strip() else "",
        public_email(email),
        public_phone(phone),
        meeting.isoformat() if meeting else "",
        _typed(meeting_place, N_("meeting's place"), MAX_MEETING_PLACE)
        if meeting_place.strip()
        else "",
    )


@COMMANDS.command(
    "add-official", "Record an official of a place (name and title as the source writes them)",
    examples=(
        '/facts add-official "Gates, NY" "Ana Pérez" "Council Member"'
        " source:https://example.org/town-board as-of:2026-11-30",
        '/facts add-official "Gates, NY" "Ana Pérez" "Council Member"'
        " source:https://example.org/town-board as-of:2026-11-30"
        ' email:aperez@example.org phone:"+1 585 555 0100"',
    ),
)  # fmt: skip
async def add_official(
    ctx: Ctx,
    place: RecordedPlace,
    name: Annotated[str, Opt("The official's name, as the source writes it", max_length=MAX_NAME)],
    title: Annotated[str, Opt("Their title, e.g. Council Member", max_length=MAX_TITLE)],
    source: Source,
    as_of: AsOf,
    email: Annotated[
        str, Opt("Their public email, as the source gives it", max_length=MAX_EMAIL)
    ] = "",
    phone: Annotated[
        str, Opt("Their public phone, as the source gives it", max_length=MAX_PHONE)
    ] = "",
) -> Reply:
    deps = ctx.deps
    mail, tel = public_email(email), public_phone(phone)
    person = _typed(name, N_("official's name"), MAX_NAME)
    role = _typed(title, N_("title"), MAX_TITLE)
    day = past_date(deps, as_of, N_("as-of date"))
    url = source_url(source)
    where = await recorded_place(deps, place)
    edit = edit_of(ctx, deps, url, notices(url))
    outcome = await deps.storage.fact_edits.add_official(
        NewOfficial(edit, where, person, role, day, mail, tel)
    )
    return outcome_reply(ctx, outcome, url)
