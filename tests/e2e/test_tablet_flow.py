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


def go(page: Page, section: str, item: str) -> None:
    """Open a top-menu section and tap one of its pages."""
    page.get_by_text(section, exact=True).first.tap()
    tap(page, page.get_by_role("menuitem", name=item))


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
    go(page, "Residents", "Add resident")
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
    assert page.get_by_text("Residents", exact=True).first.bounding_box()["height"] >= 24
    add_resident(page, "Bridget <b>Ní</b> Bhriain 😊", "1941")
    expect(page.get_by_role("heading", name="Bridget <b>Ní</b> Bhriain 😊")).to_be_visible()

    go(page, "Residents", "Residents")
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
    expect(page.get_by_role("button", name="Remove").nth(9)).to_be_visible()  # at least 10 songs, once rendered


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
    expect(page.get_by_text("has had 1 listening session.")).to_be_visible()
    tap(page, page.get_by_role("button", name="Confirm red flag"))
    expect(page.get_by_text("Red flag confirmed")).to_be_visible()

    tap(page, page.get_by_role("button", name="Suggestions"))
    expect(page.get_by_text("when Kathleen was").first).to_be_visible()
    expect(page.get_by_text(red_flagged, exact=True)).to_have_count(0)


PHONE = {"width": 390, "height": 844}


@pytest.mark.e2e
def test_family_member_on_a_phone_contributes_and_staff_approve(page: Page, app_url: str, browser):
    sign_in(page, app_url)
    add_resident(page, "Agnes Family", "1936")
    add_resident(page, "Bernard Other", "1931")
    other_id = page.url.split("id=")[1].split("&")[0]
    go(page, "Care", "From families")
    page.get_by_role("combobox", name="For").tap()
    page.keyboard.type("Agnes")
    page.keyboard.press("Enter")
    tap(page, page.get_by_role("button", name="Create invitation code"))
    code = page.locator("[data-testid='stCode'] code").first.inner_text().strip()
    assert len(code) == 14

    phone = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    relative = phone.new_page()
    relative.goto(app_url)
    wait_for_app(relative)
    relative.get_by_text("I have an invitation code").tap()
    wait_for_app(relative)
    relative.get_by_role("textbox", name="Invitation code").fill(code)
    relative.get_by_role("textbox", name="Your name").fill("Mary (daughter)")
    relative.get_by_role("textbox", name="Choose a username").fill("mary")
    relative.get_by_role("textbox", name="Choose a password", exact=True).fill("marys-password")
    relative.get_by_role("textbox", name="Password again").fill("marys-password")
    tap(relative, relative.get_by_role("button", name="Join"))
    expect(relative.get_by_role("heading", name="Agnes Family")).to_be_visible()
    assert relative.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0

    relative.get_by_role("textbox", name="Your memory").fill("She sang in the church choir in Galway")
    tap(relative, relative.get_by_role("button", name="Share this memory"))
    expect(relative.get_by_text("Thank you. Staff will add your memory")).to_be_visible()
    song = relative.get_by_role("textbox", name="What do you remember of the song?")
    song.fill("moon river")
    song.press("Enter")
    wait_for_app(relative)
    tap(relative, relative.get_by_role("button", name="This one").first)
    expect(relative.get_by_text("Thank you. Staff will look at")).to_be_visible()

    # Another resident's id in the address: refused, and nothing of theirs is shown.
    for path in (f"/?id={other_id}", f"/resident?id={other_id}", f"/insights?id={other_id}"):
        relative.goto(app_url + path)
        wait_for_app(relative)
        if relative.get_by_role("dialog").count():  # Streamlit's "page not found" notice
            relative.keyboard.press("Escape")
        relative.get_by_role("textbox", name="Username").fill("mary")
        relative.get_by_role("textbox", name="Password").fill("marys-password")
        tap(relative, relative.get_by_role("button", name="Sign in"))
        expect(relative.get_by_text("You can only see the residents you are linked to.")).to_be_visible()
        expect(relative.get_by_text("Bernard Other")).to_have_count(0)
    phone.close()

    go(page, "Care", "From families")
    expect(page.get_by_text("She sang in the church choir in Galway")).to_be_visible()
    tap(page, page.get_by_role("button", name="Approve").first)
    expect(page.get_by_text("Approved.")).to_be_visible()
