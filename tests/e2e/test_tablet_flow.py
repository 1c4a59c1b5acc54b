"""Real browser flows on a tablet viewport with touch, against `streamlit run`."""

from __future__ import annotations

import pytest
from e2e_utils import TABLET_PORTRAIT, wait_for_app
from playwright.sync_api import Page, expect

PASSWORD = "tea-and-biscuits"


def tap(page: Page, locator) -> None:
    locator.wait_for()
    locator.tap()
    wait_for_app(page)


def sign_in(page: Page, app_url: str) -> None:
    """Set the home up if this server is new, otherwise sign in (tests run in any order)."""
    page.goto(app_url)
    wait_for_app(page)
    if page.get_by_text("Welcome to Reminisce").count():
        page.get_by_role("textbox", name="Care home name").fill("Rose House")
        page.get_by_role("textbox", name="Administrator username").fill("manager")
        page.get_by_role("textbox", name="Password", exact=True).fill(PASSWORD)
        page.get_by_role("textbox", name="Password again").fill(PASSWORD)
        tap(page, page.get_by_role("button", name="Set up Reminisce"))
    else:
        page.get_by_role("textbox", name="Username").fill("manager")
        page.get_by_role("textbox", name="Password").fill(PASSWORD)
        tap(page, page.get_by_role("button", name="Sign in"))
    expect(page.get_by_role("heading", name="Residents")).to_be_visible()


def add_resident(page: Page, name: str, birth_year: str) -> None:
    tap(page, page.get_by_role("button", name="Add resident"))
    expect(page.get_by_role("heading", name="Add a resident")).to_be_visible()
    page.get_by_role("textbox", name="Full name (required)").fill(name)
    page.get_by_role("spinbutton", name="Year of birth (required)").fill(birth_year)
    tap(page, page.get_by_role("button", name="Add resident"))
    expect(page.get_by_role("heading", name="Places lived")).to_be_visible()


@pytest.mark.e2e
def test_add_a_resident_find_them_and_reload(page: Page, app_url: str):
    sign_in(page, app_url)
    add_button = page.get_by_role("button", name="Add resident")
    assert add_button.bounding_box()["height"] >= 44, "touch target too small"
    add_resident(page, "Bridget <b>Ní</b> Bhriain 😊", "1941")
    expect(page.get_by_role("heading", name="Bridget <b>Ní</b> Bhriain 😊")).to_be_visible()

    tap(page, page.get_by_role("link", name="Residents"))
    search = page.get_by_role("textbox", name="Find a resident")
    search.fill("bhriain")
    search.press("Enter")
    wait_for_app(page)
    expect(page.get_by_text("Bridget <b>Ní</b> Bhriain 😊")).to_be_visible()

    # A reload is a new session on a shared tablet: sign in again, the resident is still there.
    page.reload()
    wait_for_app(page)
    page.get_by_role("textbox", name="Username").fill("manager")
    page.get_by_role("textbox", name="Password").fill(PASSWORD)
    tap(page, page.get_by_role("button", name="Sign in"))
    expect(page.get_by_text("Bridget <b>Ní</b> Bhriain 😊")).to_be_visible()
    expect(page.locator("b", has_text="Ní")).to_have_count(0)


@pytest.mark.e2e
def test_suggestions_with_reasons_and_building_a_playlist(page: Page, app_url: str):
    sign_in(page, app_url)
    add_resident(page, "Seán Murphy", "1940")
    country = page.get_by_role("combobox", name="Country (required)")
    country.tap()
    page.keyboard.type("Ireland")
    page.keyboard.press("Enter")
    page.get_by_role("spinbutton", name="From (year)").fill("1940")
    page.get_by_role("spinbutton", name="Until (year)").fill("1965")
    tap(page, page.get_by_role("button", name="Add place"))
    expect(page.get_by_text("Saved the place.")).to_be_visible()

    tap(page, page.get_by_role("button", name="Suggestions"))
    expect(page.get_by_role("heading", name="Suggestions for Seán Murphy")).to_be_visible()
    expect(page.get_by_text("when Seán was").first).to_be_visible()
    expect(page.get_by_text("where Seán lived when young").first).to_be_visible()

    tap(page, page.get_by_role("button", name="Build a playlist"))
    expect(page.get_by_role("heading", name="Playlists for Seán Murphy")).to_be_visible()
    expect(page.get_by_role("button", name="More like this").first).to_be_visible()
    assert page.get_by_role("button", name="Remove").count() >= 10


@pytest.mark.e2e
def test_portrait_tablet_has_no_sideways_scrolling(page: Page, app_url: str):
    page.set_viewport_size(TABLET_PORTRAIT)
    sign_in(page, app_url)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0


@pytest.mark.e2e
def test_a_whole_listening_session_then_insights_and_red_flag(page: Page, app_url: str):
    sign_in(page, app_url)
    add_resident(page, "Kathleen Walsh", "1938")
    page.get_by_role("combobox", name="Country (required)").tap()
    page.keyboard.type("Ireland")
    page.keyboard.press("Enter")
    page.get_by_role("spinbutton", name="From (year)").fill("1938")
    tap(page, page.get_by_role("button", name="Add place"))
    expect(page.get_by_text("Saved the place.")).to_be_visible()
    tap(page, page.get_by_role("button", name="Suggestions"))
    tap(page, page.get_by_role("button", name="Build a playlist"))
    expect(page.get_by_role("heading", name="Playlists for Kathleen Walsh")).to_be_visible()

    tap(page, page.get_by_role("button", name="Listen"))
    tap(page, page.get_by_role("button", name="Start session"))
    expect(page.get_by_text("Song 1 of")).to_be_visible()
    first_title = page.get_by_role("heading", level=2).first.inner_text()
    tap(page, page.get_by_role("radio", name="5"))
    expect(page.get_by_text("5: Strong familiarity put into words")).to_be_visible()
    tap(page, page.get_by_role("button", name="Next"))
    expect(page.get_by_role("heading", level=2).first).not_to_have_text(first_title)
    expect(page.get_by_text("Song 2 of")).to_be_visible()
    red_flagged = page.get_by_role("heading", level=2).first.inner_text()
    tap(page, page.get_by_role("radio", name="2"))
    tap(page, page.get_by_role("button", name="crying"))
    tap(page, page.get_by_role("button", name="Stop & red-flag"))
    expect(page.get_by_text("A red flag is proposed")).to_be_visible()
    tap(page, page.get_by_role("button", name="End session now"))
    expect(page.get_by_role("heading", name="How did the session go?")).to_be_visible()
    tap(page, page.get_by_role("button", name="Finish and save"))

    expect(page.get_by_role("heading", name="Insights for Kathleen Walsh")).to_be_visible()
    expect(page.get_by_text("1 listening session(s)")).to_be_visible()
    tap(page, page.get_by_role("button", name="Confirm red flag"))
    expect(page.get_by_text("Red flag confirmed")).to_be_visible()

    tap(page, page.get_by_role("button", name="Suggestions"))
    expect(page.get_by_text("when Kathleen was").first).to_be_visible()
    expect(page.get_by_text(red_flagged, exact=True)).to_have_count(0)
