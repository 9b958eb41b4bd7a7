"""Which agency an admin means: an exact place or agency on record, or one created explicitly."""

from __future__ import annotations

from bot.core.deps import Deps
from bot.core.errors import UserError
from lexicon.i18n import _, ngettext
from lexicon.names import normalize
from lexicon.states import state_code
from places.index import place_index
from storage.fact_edits.models import AgencyRef

MAX_LISTED = 5


def split_state(text: str, state_option: str) -> tuple[str, str]:
    """('Smalltown Police Department', 'WI') from the text and/or the state option."""
    name, typed_code = text.strip(), ""
    if "," in text:
        left, right = text.rsplit(",", 1)
        code = state_code(right)
        if code and left.strip():
            name, typed_code = left.strip(), code
    if not state_option:
        return name, typed_code
    option_code = state_code(state_option)
    if option_code is None:
        raise UserError(
            _("{typed!r} is not a US state or territory; use e.g. WI.").format(
                typed=state_option[:30]
            )
        )
    # "X Police Department, WI" with state:WI names the agency once, not "X ..., WI, WI".
    if typed_code and typed_code != option_code:
        raise UserError(
            _("The name says {typed} but state: says {option}; pick one.").format(
                typed=typed_code, option=option_code
            )
        )
    return name, option_code


async def choose_agency(
    deps: Deps, text: str, *, state: str = "", create: bool = False, city: str = ""
) -> AgencyRef:
    name, code = split_state(text, state)
    if code:
        found = await deps.storage.fact_edits.agency_named(name, code)
        if found is not None:
            return found
    try:
        match = place_index(deps).match(text)
    except UserError:
        if create:
            return _to_create(name, code, city)
        raise UserError(
            _(
                "No agency or place called {typed!r} is on record. To add the agency,"
                " repeat the command with create:yes state:ST (and city:Name)."
            ).format(typed=text.strip()[:60])
        ) from None
    if not match.exact:
        if create:
            return _to_create(name, code, city)
        raise UserError(
            _(
                "{typed!r} is not on record exactly; did you mean {place}?"
                " Type it exactly (admin edits never guess)."
            ).format(typed=text.strip()[:60], place=match.place.label)
        )
    agencies = await deps.storage.fact_edits.agencies(match.place.agency_ids)
    if len(agencies) == 1:
        return agencies[0]
    if not agencies:
        if create:
            return _to_create(name, code, city)
        raise UserError(
            _(
                "{place} has no agency on record; name the agency, with create:yes"
                " state:ST to add it."
            ).format(place=match.place.label)
        )
    names = "; ".join(f"{a.name}, {a.state}" for a in agencies[:MAX_LISTED])
    hidden = len(agencies) - MAX_LISTED
    if hidden > 0:
        raise UserError(
            ngettext(
                "{place} has several agencies: {names} and {n} more. Name one.",
                "{place} has several agencies: {names} and {n} more. Name one.",
                hidden,
            ).format(place=match.place.label, names=names, n=hidden)
        )
    raise UserError(
        _("{place} has several agencies: {names}. Name one.").format(
            place=match.place.label, names=names
        )
    )


def _to_create(name: str, state: str, city: str) -> AgencyRef:
    if not state:
        raise UserError(_("To create an agency, give its state too: create:yes state:WI."))
    if len(normalize(name)) < 3:
        raise UserError(_("Give the agency's full name, e.g. 'Smalltown Police Department'."))
    return AgencyRef(None, name, state, city.strip())
