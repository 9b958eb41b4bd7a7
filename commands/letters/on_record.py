"""The addressee of a letter with what admins recorded (/facts set-body, /facts
add-official): a stored body overrides the rule-derived one and the honest fallback, and
the officials on record are named in the salutation.

Most specific first: a body recorded for the agency itself (a state board over one force),
then an agency-specific rule (places/governing.toml), then the body recorded for its
jurisdiction, then the jurisdiction's rule, then "the governing body of <place>". A
sheriff's letter still goes to the sheriff: a body recorded for the county is the one copied
for its budget power. Officials are named only from the record, with their titles as the
source writes them.
"""

from __future__ import annotations

from dataclasses import replace

from bot.core.deps import Deps
from commands.letters.addressee import Body, agency_body, place_body, place_jurisdiction
from places.governing import rule_for
from places.jurisdiction import jurisdiction_of
from places.record_keys import agency_key, jurisdiction_key
from places.snapshot import Place
from storage.facts.models import Agency
from storage.officials.models import StoredBody, StoredOfficial


def with_article(name: str) -> str:
    """'Gates Town Board' -> 'the Gates Town Board' (how a letter's sentences name it)."""
    return name if name.lower().startswith("the ") else f"the {name}"


def _recorded(stored: StoredBody) -> Body:
    bare = stored.name[4:] if stored.name.lower().startswith("the ") else stored.name
    return Body(with_article(stored.name), bare, cite=stored.cite, contact=stored)


def _named(body: Body, officials: list[StoredOfficial]) -> Body:
    if not officials:
        return body
    return replace(
        body,
        officials=tuple(o.addressed for o in officials),
        officials_cites=tuple(o.cite for o in officials),
        officials_reach=tuple(o.reach for o in officials),
        one=len(officials) == 1,
    )


async def agency_body_on_record(deps: Deps, agency: Agency, summary: str = "") -> Body:
    """Whom a letter about `agency` goes to, with the bodies and officials on record.
    Raises UserError where its government does not exist (addressee.agency_body)."""
    store = deps.storage.officials
    own = agency_key(agency.id)
    stored_own = await store.body((own,))
    if stored_own is not None:
        return _named(_recorded(stored_own), await store.officials(own))
    body = agency_body(agency, summary)
    j = jurisdiction_of(agency, summary)
    rule = rule_for(j, agency.name)
    if rule is not None and rule.agency:  # a rule for this force (a state board): it wins
        return _named(body, await store.officials(own))
    key = jurisdiction_key(j)
    stored = await store.body((key,))
    if body.one:  # a sheriff: the county's body recorded is copied, for its budget power
        if stored is not None:
            county = _recorded(stored)
            body = replace(body, cc_en=county.en, cc_es=county.es, cite=county.cite, where="")
        return _named(body, await store.officials(own))
    if stored is not None:
        body = _recorded(stored)
    return _named(body, await store.officials(own) or await store.officials(key))


async def place_body_on_record(deps: Deps, place: Place) -> Body:
    """Who passes a local ordinance for `place`, with what is on record."""
    store = deps.storage.officials
    key = jurisdiction_key(place_jurisdiction(place))
    stored = await store.body((key,))
    body = _recorded(stored) if stored is not None else place_body(place)
    return _named(body, await store.officials(key))
