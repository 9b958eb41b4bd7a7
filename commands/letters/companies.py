"""The companies a letter cites: Ring's police program and a company's facial-recognition
timeline, each as the template reads it."""

from __future__ import annotations

from bot.core.deps import Deps
from bot.core.errors import UserError
from commands.letters.fit import check_company_fit, company_policy
from commands.letters.views import clean, company_view, event_view
from lexicon.i18n import _


async def ring_status(deps: Deps, language: str) -> dict[str, object]:
    """Ring's police program as it stands now, for the letters that cite it."""
    ring = await deps.storage.facts.company_by_alias("ring")
    latest = None if ring is None else await deps.storage.facts.current_status(ring.id)
    if latest is None:
        raise UserError(
            _(
                "No status of Ring's police program is on record yet; an admin can add one"
                " (company ring)."
            )
        )
    return event_view(latest, language)


async def company_context(
    deps: Deps, name: str, template: str, applies: frozenset[str], language: str
) -> dict[str, object]:
    """The company a letter is about: its timeline and current policy, refused when the
    template does not fit that policy."""
    company = await deps.storage.facts.company_by_alias(name)
    if company is None:
        known = [s.company.slug for s in await deps.storage.facts.companies_with_status()]
        listed = ", ".join(known) if known else _("none yet")
        raise UserError(
            _("No company called {typed!r} is on record; known: {listed}.").format(
                typed=clean(name, 40), listed=listed
            )
        )
    latest = await deps.storage.facts.current_status(company.id)
    check_company_fit(template, applies, company, company_policy(company, latest))
    timeline = await deps.storage.facts.company_timeline(company.id)
    if not timeline:
        raise UserError(
            _("No dated events are on record for {company} yet; try amazon.").format(
                company=company.name
            )
        )
    return company_view(company.name, timeline, latest, language)
