"""A new reader's path through a campaign page in Debian's headless Chromium: read the
petition, sign, see the thank-you and the count go up, switch to Spanish, remove the
signature through its link; keyboard-only signing; JavaScript off; axe-core finds no
serious or critical violation. Each page is saved as a screenshot (see `shots`)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from commands.campaigns.petition import petition_doc
from lexicon.i18n import catalog_for
from tests.browser.conftest import Served
from tests.commands.campaigns.helpers import ORGANIZER, create, run_ok

LINE = 'no-fr "Ban face recognition in Greenfield" goal:10 template:ban-petition'
PLACE = ' place:"Greenfield, WI"'


async def _published(served: Served) -> str:
    await create(served.dispatcher, LINE + PLACE)
    reply = await run_ok(served.dispatcher, ORGANIZER, "/campaign publish no-fr")
    found = re.search(re.escape(served.base) + r"/c/[A-Za-z0-9_-]+", reply.text)
    assert found, reply.text
    return found.group(0)


async def _fill(page: Any, name: str, city: str) -> None:
    await page.get_by_label("Your name").fill(name)
    await page.get_by_label("Your city or ZIP code").fill(city)
    await page.get_by_label("I agree that my name and city appear").check()


async def test_read_sign_switch_and_remove(browser: Any, served: Served, shots: Path) -> None:
    url = await _published(served)
    campaign = await served.deps.storage.campaigns.find("W1", "no-fr")
    assert campaign is not None
    doc = await petition_doc(served.deps, campaign, "en")  # what the PDF prints
    page = await (await browser.new_context(locale="en-US")).new_page()
    await page.goto(url)
    await page.screenshot(path=str(shots / "1-page.png"), full_page=True)
    assert await page.title() == "Ban face recognition in Greenfield"
    assert await page.inner_text(".petition") == doc.text
    assert f"To: {doc.target}" in await page.inner_text("main")
    assert await page.inner_text("#count") == "0 of a goal of 10 signed"
    await _fill(page, "Zoë Quintero", "Greenfield, WI")
    await page.get_by_role("button", name="Sign the petition").click()
    await page.wait_for_selector("#thanks")
    await page.screenshot(path=str(shots / "2-thanks.png"), full_page=True)
    assert "Signatures so far: 1" in await page.inner_text("#thanks")
    removal = await page.get_attribute("#removal", "href")
    await page.get_by_role("link", name="Back to the campaign").click()
    assert await page.inner_text("#count") == "1 of a goal of 10 signed"
    await page.get_by_role("link", name="Español").click()
    await page.screenshot(path=str(shots / "3-spanish.png"), full_page=True)
    assert await page.get_attribute("html", "lang") == "es"
    assert await page.inner_text("#count") == "Firmas: 1 de una meta de 10"
    spanish = await petition_doc(served.deps, campaign, "es")
    assert await page.inner_text(".petition") == spanish.text
    assert removal is not None
    await page.goto(removal)
    await page.screenshot(path=str(shots / "4-remove.png"), full_page=True)
    await page.get_by_role("button", name="Remove my signature").click()
    await page.wait_for_selector("h1")
    await page.screenshot(path=str(shots / "5-removed.png"), full_page=True)
    assert await page.inner_text("h1") == "Your signature was removed"
    await page.goto(url)
    assert await page.inner_text("#count") == "0 of a goal of 10 signed"
    assert await served.deps.storage.campaigns.export_rows(campaign.id) == []


async def test_a_spanish_campaign_in_an_english_browser(
    browser: Any, served: Served, shots: Path
) -> None:
    """The campaign's own language is the page's, every word from the chat's catalog; the
    gazetteer refuses a typo in Spanish; the reader's switch still gives English."""
    url = await _published(served)
    await run_ok(served.dispatcher, ORGANIZER, "/campaign language no-fr es")
    es = catalog_for("es").gettext
    page = await (await browser.new_context(locale="en-US")).new_page()
    await page.goto(url)
    assert await page.get_attribute("html", "lang") == "es"
    assert await page.inner_text("#count") == "Firmas: 0 de una meta de 10"
    await page.get_by_label(es("Your name")).fill("Zoë Quintero")
    await page.get_by_label(es("Your city or ZIP code")).fill("Greenfeild, WI")
    await page.get_by_label(es("I agree that my name and city appear on the petition delivered"
                               " for this campaign")).check()  # fmt: skip
    await page.get_by_role("button", name=es("Sign the petition")).click()
    await page.wait_for_selector("#errors")
    await page.screenshot(path=str(shots / "spanish-refusal.png"), full_page=True)
    errors = await page.inner_text("#errors")
    assert "Ningún lugar se llama exactamente 'Greenfeild, WI'" in errors
    assert "Los más cercanos: Greenfield, WI" in errors
    await page.get_by_label(es("Your city or ZIP code")).fill("Greenfield, WI")
    await page.get_by_label(es("I agree that my name and city appear on the petition delivered"
                               " for this campaign")).check()  # fmt: skip
    await page.get_by_role("button", name=es("Sign the petition")).click()
    await page.wait_for_selector("#thanks")
    assert await page.inner_text("h1") == es("Thank you for signing") == "Gracias por firmar"
    assert "Firmas hasta ahora: 1" in await page.inner_text("#thanks")
    await page.get_by_role("link", name=es("Back to the campaign")).click()
    await page.get_by_role("link", name="English").click()
    assert await page.get_attribute("html", "lang") == "en"
    assert await page.inner_text("#count") == "1 of a goal of 10 signed"


async def test_signing_with_the_keyboard_only(browser: Any, served: Served, shots: Path) -> None:
    url = await _published(served)
    page = await (await browser.new_context(locale="en-US")).new_page()
    await page.goto(url)
    # From the top: the language switch, then the form's fields in reading order.
    await page.keyboard.press("Tab")
    assert await page.evaluate("document.activeElement.textContent") == "Español"
    for expected, typed in (("name", "Kim Keys"), ("city", "Greenfield, WI"), ("email", "")):
        await page.keyboard.press("Tab")
        assert await page.evaluate("document.activeElement.id") == expected
        await page.keyboard.type(typed)
    await page.keyboard.press("Tab")
    assert await page.evaluate("document.activeElement.id") == "optin"  # left unticked
    await page.keyboard.press("Tab")
    assert await page.evaluate("document.activeElement.id") == "consent"
    await page.keyboard.press("Space")
    await page.keyboard.press("Tab")  # the honeypot is skipped: it cannot take focus
    assert await page.evaluate("document.activeElement.tagName") == "BUTTON"
    await page.screenshot(path=str(shots / "keyboard-focus.png"), full_page=True)
    await page.keyboard.press("Enter")
    await page.wait_for_selector("#thanks")
    assert "Signatures so far: 1" in await page.inner_text("#thanks")


async def test_it_works_with_javascript_off(browser: Any, served: Served) -> None:
    url = await _published(served)
    context = await browser.new_context(java_script_enabled=False, locale="es-ES")
    page = await context.new_page()
    await page.goto(url)
    assert await page.get_attribute("html", "lang") == "es"
    await page.get_by_label("Su nombre").fill("Sin Guion")
    await page.get_by_label("Su ciudad o código postal").fill("Greenfield, WI")
    await page.get_by_label("Acepto que mi nombre").check()
    await page.get_by_role("button", name="Firmar la petición").click()
    await page.wait_for_selector("#thanks")
    assert "Firmas hasta ahora: 1" in await page.inner_text("#thanks")
    assert await context.cookies() == []  # no cookie was ever set


async def _serious(page: Any, axe_source: str) -> list[str]:
    await page.evaluate(axe_source)
    results = await page.evaluate("axe.run(document)")
    return [
        f"{v['id']} ({v['impact']}): {v['help']}"
        for v in results["violations"]
        if v["impact"] in ("serious", "critical")
    ]


async def test_axe_finds_no_serious_violation(
    browser: Any, served: Served, axe_source: str, shots: Path
) -> None:
    url = await _published(served)
    # The pages' CSP forbids every script; the test's own context lets axe in.
    page = await (await browser.new_context(bypass_csp=True, locale="en-US")).new_page()
    await page.set_content("<html><body><input type=text></body></html>")
    assert any(v.startswith("label (critical)") for v in await _serious(page, axe_source))
    found: dict[str, list[str]] = {}
    await page.goto(url)
    found["page"] = await _serious(page, axe_source)
    await page.goto(url + "?lang=es")
    found["spanish"] = await _serious(page, axe_source)
    await page.get_by_label("Su nombre").fill("Ana\u200bDíaz")  # refused by the server
    await page.get_by_label("Su ciudad o código postal").fill("Greenfield, WI")
    await page.get_by_label("Acepto que mi nombre").check()
    await page.get_by_role("button", name="Firmar la petición").click()
    await page.wait_for_selector("#errors")
    await page.screenshot(path=str(shots / "errors.png"), full_page=True)
    found["errors"] = await _serious(page, axe_source)
    await page.goto(url)
    await _fill(page, "Ada Axe", "Greenfield, WI")
    await page.get_by_role("button", name="Sign the petition").click()
    await page.wait_for_selector("#thanks")
    found["thanks"] = await _serious(page, axe_source)
    await page.goto(str(await page.get_attribute("#removal", "href")))
    found["remove"] = await _serious(page, axe_source)
    assert found == {name: [] for name in found}
