"""Which agency an admin means: an exact place or agency on record, or one created explicitly."""

from __future__ import annotations

from dataclasses import dataclass

from bot.deps import Deps
from bot.errors import UserError
from lexicon.names import normalize
from lexicon.states import state_code
from places.index import place_index
from storage import admin_facts

MAX_LISTED = 5


@dataclass(frozen=True)
class AgencyChoice:
    """An existing agency (id set), or one to create (id None) with its name and state."""

    id: int | None
    name: str
    state: str
    city: str = ""

    @property
    def label(self) -> str:
        return f"{self.name} ({self.state})" if self.state else self.name


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
        raise UserError(f"{state_option[:30]!r} is not a US state or territory; use e.g. WI.")
    # "X Police Department, WI" with state:WI names the agency once, not "X ..., WI, WI".
    if typed_code and typed_code != option_code:
        raise UserError(f"The name says {typed_code} but state: says {option_code}; pick one.")
    return name, option_code


async def choose_agency(
    deps: Deps, text: str, *, state: str = "", create: bool = False, city: str = ""
) -> AgencyChoice:
    name, code = split_state(text, state)
    if code:
        row = await admin_facts.agency_by_name(deps.db, name, code)
        if row is not None:
            return AgencyChoice(row["id"], row["name"], row["state"], row["city"])
    try:
        match = place_index(deps).match(text)
    except UserError:
        if create:
            return _to_create(name, code, city)
        raise UserError(
            f"No agency or place called {text.strip()[:60]!r} is on record. To add the agency,"
            " repeat the command with create:yes state:ST (and city:Name)."
        ) from None
    if not match.exact:
        if create:
            return _to_create(name, code, city)
        raise UserError(
            f"{text.strip()[:60]!r} is not on record exactly; did you mean {match.place.label}?"
            " Type it exactly (admin edits never guess)."
        )
    rows = await admin_facts.agencies_by_ids(deps.db, match.place.agency_ids)
    if len(rows) == 1:
        row = rows[0]
        return AgencyChoice(row["id"], row["name"], row["state"], row["city"])
    if not rows:
        if create:
            return _to_create(name, code, city)
        raise UserError(
            f"{match.place.label} has no agency on record; name the agency, with create:yes"
            " state:ST to add it."
        )
    names = "; ".join(f"{r['name']}, {r['state']}" for r in rows[:MAX_LISTED])
    more = f" and {len(rows) - MAX_LISTED} more" if len(rows) > MAX_LISTED else ""
    raise UserError(f"{match.place.label} has several agencies: {names}{more}. Name one.")


def _to_create(name: str, state: str, city: str) -> AgencyChoice:
    if not state:
        raise UserError("To create an agency, give its state too: create:yes state:WI.")
    if len(normalize(name)) < 3:
        raise UserError("Give the agency's full name, e.g. 'Smalltown Police Department'.")
    return AgencyChoice(None, name, state, city.strip())


def agency_kind(name: str) -> str:
    lowered = name.lower()
    return "Sheriff" if "sheriff" in lowered else "Police" if "police" in lowered else ""
