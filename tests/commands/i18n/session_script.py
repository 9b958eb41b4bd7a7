"""The whole session test_whole_session.py drives (issue 24, "Done when"): who types what.

Three people at one console: a member (Ana), an organizer (Olga) and an admin (Alex). The
same lines run in every language; only what `{language}` stands for differs (each person's
`/language` choice, and `{campaign_language}` the campaign's: `es`, `en`; in the pseudo-locale
`/language` alone and `auto`, as no member can pick it: the test stores each person's choice).
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.models import Role

MEMBER, ORGANIZER, ADMIN = "Ana", "Olga", "Alex"
ROLES = {MEMBER: Role.MEMBER, ORGANIZER: Role.ORGANIZER, ADMIN: Role.ADMIN}

LOOKUPS = ("Greenfield, WI", "Oakland, CA", "Rochester, NY", "60601", "Springfield",
           "Milwaukee County, WI", "Greenfeld WI", "Xyzzyville, ZZ")  # fmt: skip
COMPANIES = ("amazon", "ibm", "microsoft", "meta", "ring", "google", "axon", "clearview")
# The places the letter tests write to (tests/commands/letters/: test_every_place.py's
# known addressees, test_spanish_letters.py's EXTRA), and more with and without a Ring row
# or a ban: a city, a county, a sheriff, a state without a records law of its own.
LETTER_PLACES = ("Greenfield, WI", "Chicago, IL", "Cook County, IL", "Houston, TX", "Gates, NY",
                 "Hall County Sheriff's Office, GA", "Milwaukee, WI", "San Francisco, CA",
                 "Oakland, CA", "Alameda, CA", "Somerville, MA", "Boston, MA", "Portland, OR",
                 "King County, WA", "Calcasieu Parish, LA", "Miami, FL")  # fmt: skip
PLACE_TEMPLATES = ("ring-council", "keep-ban", "records-request", "ban-petition")
COMPANY_TEMPLATES = ("company-moratorium", "company-commitment")


@dataclass(frozen=True)
class Step:
    who: str
    line: str  # `{code}`: the confirmation code the last reply showed; `{language}` above

    @property
    def command(self) -> str:
        """The command it runs ('/ring lookup', '/campaign announce'), to group findings."""
        words = self.line.split()
        return " ".join(words[:2]) if words[0] in GROUPS else words[0]


GROUPS = ("/ring", "/campaign", "/letter", "/facts")


def _member() -> list[Step]:
    lines = ["/help", "/help ring lookup", "/help campaign", "/help letter draft", "/language",
             "/language {language}", "/language"]  # fmt: skip
    lines += [f"/ring lookup {place}" for place in LOOKUPS]
    lines += ["/ring stats", "/ring stats WI", "/ring stats WY"]
    lines += ["/moratorium", *(f"/moratorium {c}" for c in COMPANIES), "/moratorium nosuch"]
    lines += ["/laws", "/laws MA", "/laws Oakland, CA", "/laws WY"]
    lines += ["/local Greenfield, WI", "/local Oakland, CA", "/local Milwaukee County, WI"]
    lines += ["/contact Greenfield, WI", "/contact Gates, NY", "/contact Milwaukee County, WI"]
    lines += ["/follow Greenfield, WI", "/follow Greenfield, WI", "/following"]
    return [Step(MEMBER, line) for line in lines]


def _campaign() -> list[Step]:
    org, ana = ORGANIZER, MEMBER
    return [
        Step(org, "/language {language}"), Step(org, "/help"), Step(org, "/help campaign announce"),
        Step(org, '/campaign create vote "Vote no on Ring" goal:100 ends:2027-06-30'),
        Step(org, "/campaign create x Title"),
        Step(org, "/campaign language vote {campaign_language}"),
        Step(org, "/campaign list"),
        Step(org, "/campaign post vote"),
        Step(ana, "/campaign join vote"), Step(ana, "/campaign join vote"),
        Step(org, "/campaign join vote"),
        Step(ana, "/campaign info vote"), Step(ana, "/campaign stats vote"),
        Step(org, "/campaign announce vote Hearing Tuesday"),
        Step(org, "/campaign announce vote Hearing Tuesday confirm:{code}"),
        Step(org, "/campaign deliveries vote"),
        Step(org, '/campaign remind vote "2027-03-02 18:00 America/Chicago" Hearing Tuesday'),
        Step(org, '/campaign remind vote "tomorrow" Hearing Tuesday'),
        Step(org, "/campaign reminders vote"),
        Step(org, "/campaign export vote"),
        Step(org, "/campaign petition vote"),
        Step(org, "/campaign stats vote"),
        Step(org, "/campaign close vote"),
        Step(ana, "/campaign join vote"),
        Step(ana, "/campaign info vote"),
    ]  # fmt: skip


def _letters() -> list[Step]:
    lines = ["/letter templates"]
    lines += [f"/letter draft {t} {p} signer:Ana" for t in PLACE_TEMPLATES for p in LETTER_PLACES]
    lines += [f"/letter draft {t} company:{c}" for t in COMPANY_TEMPLATES for c in COMPANIES]
    lines += ["/letter draft nosuch Greenfield, WI", "/letter draft ring-council Narnia, ZZ"]
    return [Step(MEMBER, line) for line in lines]


def _admin() -> list[Step]:
    lines = ["/language {language}", "/help", "/help facts", "/help facts set-partnership",
             "/facts outbox", "/facts history Greenfield, WI"]  # fmt: skip
    return [Step(ADMIN, line) for line in lines]


def _privacy() -> list[Step]:
    lines = ["/mydata", "/unfollow Greenfield, WI", "/forgetme", "/forgetme confirm:{code}",
             "/mydata"]  # fmt: skip
    return [Step(MEMBER, line) for line in lines]


SESSION = (*_member(), *_campaign(), *_letters(), *_admin(), *_privacy())
