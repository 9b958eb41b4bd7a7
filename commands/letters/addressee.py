"""Who a letter about an agency goes to: where the power over it is.

The agency's jurisdiction comes from its name and the Atlas's types (places/jurisdiction.py),
never from its mailing town. A city or town's police: its governing body. A sheriff: the
sheriff, with the county's body copied for its budget power (a county board cannot direct an
independently elected sheriff). A force under a state-appointed board: that board. The body's
name comes from a sourced rule (places/governing.py); where none names it the letter goes to
"the governing body of <place>" and the organizer is told to name it with `recipient:`.
`recipient:` overrides all of this, salutation included.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.errors import UserError
from commands.letters.spanish import agency_es, jurisdiction_es, region_es
from lexicon.i18n import _, current
from lexicon.names import normalize
from places.governing import BodyRule, rule_for
from places.jurisdiction import MUNICIPALITY, Jurisdiction, jurisdiction_of
from places.snapshot import Place
from storage.facts.models import Agency
from storage.officials.models import StoredBody

_KIND_ES = {
    "city": "la Ciudad de",
    "town": "el Pueblo de",
    "village": "la Villa de",
    "borough": "el Borough de",
    "township": "el Municipio (Township) de",
}


MAX_SALUTED = 5  # officials named in one salutation; past that, the body's members


@dataclass(frozen=True)
class Body:
    """Whom a letter addresses, in each language, and what it may ask of them."""

    en: str  # "the Town Board of the Town of Gates"
    es: str
    governs: bool = True  # may be asked to direct the agency (False: the agency itself)
    one: bool = False  # one person (a sheriff): singular greeting and verbs
    cc_en: str = ""  # copied for its budget power (a sheriff's county body)
    cc_es: str = ""
    cite: str = ""  # the source naming the body; '' when no source does
    where: str = ""  # the jurisdiction, for the organizer's note
    where_es: str = ""  # the same in Spanish ('el condado de Hall, GA')
    # Officials on record, as their source writes them ('Council Member Ana Pérez'): the
    # salutation names them (commands/letters/on_record.py); never a guessed name or title.
    officials: tuple[str, ...] = ()
    officials_cites: tuple[str, ...] = ()  # the source of each, in the same order
    officials_reach: tuple[str, ...] = ()  # each one's public email and phone, or ''
    contact: StoredBody | None = None  # the recorded body, with its public contact

    def name(self, language: str) -> str:
        return self.en if language == "en" else self.es

    def cc(self, language: str) -> str:
        return self.cc_en if language == "en" else self.cc_es

    def dear(self, language: str) -> str:
        if 0 < len(self.officials) <= MAX_SALUTED:
            return _dear_officials(self.officials, language)
        if not self.governs:  # a sheriff, asked directly
            return "Dear Sheriff," if language == "en" else "Estimado/a Sheriff:"
        if language == "en":
            return f"Dear Members of {self.en},"
        return f"Estimados miembros {_de(self.es)}:"

    def note(self) -> str:
        """For the organizer, in the request's language: the sources naming the body and
        officials, or how to name the body before sending."""
        cites = "; ".join(dict.fromkeys(self.officials_cites))
        named = (
            _("The officials named rest on: {cites}.").format(cites=cites) if self.officials else ""
        )
        return " ".join(part for part in (self._body_note(), named, self._send_note()) if part)

    def _send_note(self) -> str:
        """Where to send it: the body's and officials' public contacts on record."""
        reach = [self.contact.reach] if self.contact and self.contact.reach else []
        pairs = zip(self.officials, self.officials_reach, strict=False)
        reach += [f"{who} ({how})" for who, how in pairs if how]
        if not reach:
            return ""
        return _("Where to send it (public contacts on record): {reach}.").format(
            reach="; ".join(reach)
        )

    def _body_note(self) -> str:
        if self.cite:
            return _("The body named in this letter rests on: {cite}.").format(cite=self.cite)
        if not self.where:
            return ""
        where = self.where_es if current() == "es" and self.where_es else self.where
        if not self.governs:  # a sheriff's letter: the sheriff is known, the county body not
            return _(
                "No source on record names the body that governs {where}: find it on"
                " the official website (its board or council and its clerk) and write its"
                " name in the 'Copy to' line before sending (a facts admin can record it"
                " with /facts set-body)."
            ).format(where=where)
        return _(
            "No source on record names the body that governs {where}: find it on the"
            " official website (its council or board and its clerk), then draft again with"
            ' recipient:"<the body\'s name>" (a facts admin can record it for every letter'
            " with /facts set-body)."
        ).format(where=where)


def _dear_officials(officials: tuple[str, ...], language: str) -> str:
    """'Dear Council Member Ana Pérez,'; 'Dear Mayor Jane Doe and Council Member Ana Pérez,'."""
    if language != "en":
        if len(officials) == 1:
            return f"Estimado/a {officials[0]}:"
        return f"Estimados/as {', '.join(officials[:-1])} y {officials[-1]}:"
    if len(officials) == 1:
        return f"Dear {officials[0]},"
    return f"Dear {', '.join(officials[:-1])} and {officials[-1]},"


def _de(phrase: str) -> str:
    """'de' before a Spanish noun phrase, contracted: 'del Concejo', 'de la Junta'."""
    return "del " + phrase[3:] if phrase.startswith("el ") else "de " + phrase


def formal_es(j: Jurisdiction) -> str:
    """'la Villa de Prairie du Sac, WI', 'el condado de Cook, IL'."""
    lead = _KIND_ES.get(j.kind)
    return f"{lead} {j.name}, {j.state}" if lead else jurisdiction_es(j)


def jurisdiction_body(j: Jurisdiction, rule: BodyRule | None) -> Body:
    """The body governing `j`: a sourced rule's, else the honest fallback. Refuses where the
    government does not exist (Connecticut's counties, the dissolved Town of Madison)."""
    if rule is not None and rule.relation != "governs":
        # The rule's note is stored in both languages (places/governing.toml).
        note = rule.note_es if current() == "es" and rule.note_es else rule.note
        raise UserError(_("{note} Source: {cite}").format(note=note, cite=rule.cite()))
    if rule is not None:
        spanish = rule.body_name(j, "es", de_name=_de(region_es(j.name, title=True)))
        return Body(rule.body_name(j, "en"), spanish, cite=rule.cite())
    return Body(
        f"the governing body of {j.formal}",
        f"el órgano de gobierno {_de(formal_es(j))}",
        where=j.formal.removeprefix("the "),
        where_es=formal_es(j),
    )


def agency_body(agency: Agency, summary: str = "") -> Body:
    """Whom a letter about `agency` goes to (`summary`: its Ring row's, which may name its
    municipality's kind)."""
    j = jurisdiction_of(agency, summary)
    rule = rule_for(j, agency.name)
    if rule is not None and rule.agency:
        return jurisdiction_body(j, rule)
    if normalize(agency.kind) == "sheriff":
        return _sheriff(agency, j, rule)
    return jurisdiction_body(j, rule)


def _sheriff(agency: Agency, j: Jurisdiction, rule: BodyRule | None) -> Body:
    try:
        county = jurisdiction_body(j, rule)
    except UserError:  # no county government: the sheriff alone
        return Body(f"the {agency.name}", agency_es(agency).first, governs=False, one=True)
    return Body(
        f"the {agency.name}",
        agency_es(agency).first,
        governs=False,
        one=True,
        cc_en=county.en,
        cc_es=county.es,
        cite=county.cite,
        where=county.where,
        where_es=county.where_es,
    )


def place_jurisdiction(place: Place) -> Jurisdiction:
    """The government a typed place names: its county, or the municipality."""
    if place.kind == "county" or not place.city:
        county = place.county.split(",")[0].strip() or place.label.split(",")[0]
        kind = "parish" if county.endswith("Parish") else "county"
        if place.state == "AK" and county.endswith("Borough"):
            kind = "alaska-borough"
        return Jurisdiction(county, kind, place.state)
    return Jurisdiction(place.city, MUNICIPALITY, place.state)


def place_body(place: Place) -> Body:
    """Who passes a local ordinance for `place`."""
    j = place_jurisdiction(place)
    return jurisdiction_body(j, rule_for(j))


def city_own(agency: Agency, city: str) -> bool:
    """Whether `agency` is the municipality's own (its jurisdiction, not a sheriff or county
    force based there)."""
    j = jurisdiction_of(agency)
    names = {normalize(name) for name in j.finding_names}
    return bool(city) and not j.is_county and normalize(city) in names


def salutation(recipient: str, body: Body | None, language: str) -> str:
    """'Dear Mayor Jane Doe,' when a recipient is named; else the body's members."""
    if recipient:
        return f"Dear {recipient}," if language == "en" else f"Estimado/a {recipient}:"
    if body is not None:
        return body.dear(language)
    return "Dear Sir or Madam," if language == "en" else "Estimados señores:"
