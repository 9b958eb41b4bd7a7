"""Resolve what members type ('Greenfield, WI', 'Miami OK', 'Greenfeild', 'Milwaukee County')
into a known place, from an index held in memory.

Exact matches are dictionary look-ups. Typos go through a trigram index first, so only a
few dozen names are ever scored with rapidfuzz: a full WRatio scan over tens of thousands
of names holds the GIL for tens of milliseconds and would stall every chat request.
"""

from __future__ import annotations

import asyncio
import gc
from bisect import bisect_left
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.core.deps import Deps
from bot.core.errors import UserError
from bot.core.registry import MAX_CHOICES, Choice
from lexicon.i18n import _, ngettext
from lexicon.names import normalize
from places.errors import ECHO, NotExact, NotOnRecord
from places.lookup_facts import LookupFacts, load_lookup_facts
from places.names import Reading, readings
from places.scoring import ACCEPT_SCORE, candidates, edit_score, whole_name_close
from places.snapshot import Place, Snapshot, build_snapshot
from places.zip_match import zip_place
from places.zips import zip_code
from storage.facts.models import Agency, AgencyName, LawPlace
from storage.facts.repository import FactsStore

__all__ = ["Match", "NotExact", "NotOnRecord", "Place", "PlaceIndex"]

SUGGEST_SCORE = 60.0  # close enough to be offered as "did you mean"
TIE_MARGIN = 1.0  # names scoring within this of the best are equally plausible
PREFIX_SCAN = 200  # prefix hits ranked before the best `limit` are kept
SHOWN = 10  # places named in one error line
SUGGESTED = 5  # closest places offered for a typo


_Rows = tuple[list[Agency], list[LawPlace], list[AgencyName]]


@dataclass(frozen=True)
class Match:
    place: Place
    exact: bool  # False: the closest match to a typo
    via: str = ""  # how it was read, when not by name ('ZIP 60601 is Chicago, IL.')


class PlaceIndex:
    """Every place on record, in memory, with the facts a lookup shows (`facts`).
    `reload()` after the facts change."""

    def __init__(self, facts: FactsStore | None = None) -> None:
        self._facts_store = facts
        self._rows: _Rows = ([], [], [])
        self._built: Snapshot | None = Snapshot.empty()
        self._facts = LookupFacts()
        self._reads_started = 0  # numbers each reload, so only a newer read is installed
        self._installed = 0

    async def reload(self, *, lazy: bool = False) -> None:
        """Read the places and the lookup facts from the database and rebuild the index.

        `lazy=True` defers the build to the first look-up (or `warm()`): a one-shot
        `main.py ask "/help"` then never pays for it.
        """
        store = self._facts_store
        if store is None:
            raise RuntimeError("this place index has no facts to load from")
        self._reads_started += 1
        ticket = self._reads_started
        rows = (await store.all_agencies(), await store.law_places(), await store.agency_names())
        lookup_facts = await load_lookup_facts(store)
        if not lazy and self._built is not None and rows == self._rows:
            # The places did not change (another process wrote something else: sign-ups, a
            # Slack worker's dedupe records): the build, most of a reload's cost, is kept.
            built: Snapshot | None = self._built
        else:
            # Built in a thread so the event loop keeps answering (it gets the GIL back every
            # few ms); readers keep the old snapshot until the swap.
            built = None if lazy else await asyncio.to_thread(_build, rows)
        if ticket < self._installed:
            # Two changes reloaded at once and the later one, which read after both
            # commits, finished first: keep it rather than this older read.
            return
        self._rows, self._built, self._facts = rows, built, lookup_facts
        self._installed = ticket

    @property
    def facts(self) -> LookupFacts:
        """Ring partnerships, dataset dates and Ring's status as of the last reload."""
        return self._facts

    def warm(self) -> None:
        """Build the index now if it is not built (chat adapters do, before serving)."""
        if self._built is None:
            self._built = _build(self._rows)

    @property
    def _snapshot(self) -> Snapshot:
        self.warm()
        assert self._built is not None
        return self._built

    def __len__(self) -> int:
        return len(self._snapshot.places)

    def resolve(self, text: str) -> Place:
        return self.match(text).place

    def match(self, text: str) -> Match:
        """The place meant by `text`; UserError when unknown or ambiguous."""
        snap = self._snapshot
        typed = text.strip()
        if not normalize(typed):
            raise UserError(_("Type a place, e.g. Greenfield, WI or Milwaukee County, WI."))
        if not snap.places:
            raise UserError(
                _(
                    "No places are on record yet: the facts database is empty"
                    " (an admin can import the EFF Atlas)."
                )
            )
        code = zip_code(typed)
        if code is not None:
            place, via = zip_place(snap, code)
            return Match(place, exact=True, via=via)
        ways = readings(typed, snap.state_codes)
        for reading in ways:
            places = snap.places_named(reading.name, reading.state)
            if places:
                return Match(_single(typed, places), exact=not reading.corrected)
        return self._closest(typed, ways)

    def suggest(self, typed: str, limit: int = MAX_CHOICES) -> list[Choice]:
        """Autocomplete: labels starting with what was typed, then close matches."""
        snap = self._snapshot
        key = normalize(typed)
        if not key or limit <= 0:
            return []
        start = bisect_left(snap.label_keys, key)
        stop = min(len(snap.label_keys), start + PREFIX_SCAN)
        hits = [
            snap.labelled[i]
            for i in range(start, stop)
            if snap.label_keys[i].startswith(key)  # sorted: the first miss ends the run
        ]
        hits.sort(key=_rank)
        chosen = dict.fromkeys(p.label for p in hits[:limit])
        if len(chosen) < limit:
            reading = readings(typed, snap.state_codes)[0]
            for _score, places in self._scored(reading, SUGGEST_SCORE):
                chosen.update(dict.fromkeys(p.label for p in sorted(places, key=_rank)))
                if len(chosen) >= limit:
                    break
        return [Choice(label, label) for label in list(chosen)[:limit]]

    def all_places(self) -> tuple[Place, ...]:
        return self._snapshot.places

    def counties_of(self, place: Place) -> list[Place]:
        """The county places a city, agency or county lies in."""
        return self._snapshot.counties_of(place)

    def exact(self, text: str) -> Place:
        """The place `text` names exactly (case, spacing and accents aside), for what is
        stored: a correction never lands in stored data. NotExact, naming the closest
        places, when it is a near miss; NotOnRecord when nothing is close; UserError when
        it names several places."""
        try:
            match = self.match(text)
        except NotOnRecord as exc:
            if not exc.closest:
                raise
            raise NotExact(text, exc.closest, corrected=False) from None
        if not match.exact:
            labels = [c.label for c in self.suggest(text, SUGGESTED)]
            closest = tuple(dict.fromkeys([match.place.label, *labels]))[:SUGGESTED]
            raise NotExact(text, closest, corrected=True)
        return match.place

    def _closest(self, typed: str, ways: list[Reading]) -> Match:
        if all(reading.outside for reading in ways):
            raise NotOnRecord(
                _(
                    "{typed!r} is not in the data: it holds US states and territories"
                    " only. Type 'City, ST' (Greenfield, WI)."
                ).format(typed=typed[:ECHO])
            )
        suggestions: list[Place] = []
        for reading in ways:
            scored = self._scored(reading, SUGGEST_SCORE)
            if not scored:
                continue
            best = scored[0][0]
            if best >= ACCEPT_SCORE:
                tied = [p for score, places in scored if score >= best - TIE_MARGIN for p in places]
                if reading.state is None:
                    tied = [p for p in tied if whole_name_close(reading.name, p)]
                if tied:
                    return Match(_single(typed, tied), exact=False)
            suggestions.extend(p for _score, places in scored for p in places)
        shown = typed[:ECHO]
        if suggestions:
            closest = tuple(dict.fromkeys(p.label for p in suggestions[:SUGGESTED]))
            raise NotOnRecord(
                _("No place called {typed!r} is on record. Did you mean: {closest}?").format(
                    typed=shown, closest="; ".join(closest)
                ),
                closest,
            )
        raise NotOnRecord(
            _(
                "No place called {typed!r} is on record. Type 'City, ST' (Greenfield, WI),"
                " a county or an agency name."
            ).format(typed=shown)
        )

    def _scored(self, reading: Reading, cutoff: float) -> list[tuple[float, list[Place]]]:
        """Names close to the reading, best first, each with its places (in the state given)."""
        snap = self._snapshot
        if not reading.name:
            return []
        ids = candidates(snap.postings(reading.state), snap.query_grams(reading.name))
        if not ids:
            return []
        names = [snap.names[i] for i in ids]
        results = process.extract(reading.name, names, scorer=fuzz.WRatio, limit=None)
        scored: list[tuple[float, list[Place]]] = []
        for name, score, _position in results:
            final = max(float(score), edit_score(reading.name, name, reading.state))
            places = list(snap.places_named(name, reading.state))
            if places and final >= cutoff:
                scored.append((final, places))
        scored.sort(key=lambda item: -item[0])
        return scored


# The last snapshot built in this process and the rows it was built from. An index whose
# rows equal them takes it rather than building its own (a snapshot is never changed once
# built): every wiring over the same facts (the test suite wires hundreds of times over the
# same real data) pays for one build. In a running bot it is the snapshot in use.
_last_built: tuple[_Rows, Snapshot] | None = None


def _build(rows: _Rows) -> Snapshot:
    global _last_built
    last = _last_built
    if last is not None and last[0] == rows:
        return last[1]
    snapshot = _build_new(rows)
    _last_built = (rows, snapshot)
    return snapshot


def _build_new(rows: _Rows) -> Snapshot:
    """Build a snapshot with the cyclic GC paused: it would rescan the growing heap of new
    objects again and again (a third of the build time), and none of them form cycles."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        snapshot = build_snapshot(*rows)
        snapshot.index_every_state()
        return snapshot
    finally:
        if was_enabled:
            gc.enable()


def _rank(place: Place) -> tuple[int, int, str]:
    """Cities before counties before agencies; shorter labels first."""
    return ({"city": 0, "county": 1}.get(place.kind, 2), len(place.label), place.label)


def _single(typed: str, places: list[Place] | tuple[Place, ...]) -> Place:
    distinct = list(dict.fromkeys(places))
    if len(distinct) == 1:
        return distinct[0]
    distinct.sort(key=lambda p: (_rank(p), p.state))
    names = "; ".join(p.label for p in distinct[:SHOWN])
    hidden = len(distinct) - SHOWN
    more = ngettext(" and {n} more", " and {n} more", hidden).format(n=hidden) if hidden > 0 else ""
    # An example that settles it: one with a state (the Atlas has a "Springfield" with none).
    example = next((p.label for p in distinct if p.state), distinct[0].label)
    raise UserError(
        _("{typed!r} matches several places: {names}{more}. Say which, e.g. {example}.").format(
            typed=typed[:ECHO], names=names, more=more, example=example
        )
    )


def place_index(deps: Deps) -> PlaceIndex:
    """The process's place index (main.py registers one in Deps.services)."""
    return deps.services.get(PlaceIndex)
