"""A new care home on a tablet: set up, add a resident, find them, reload, still there."""

from __future__ import annotations

import pytest
from e2e_utils import TABLET_PORTRAIT, wait_for_app
from playwright.sync_api import Page, expect

PASSWORD = "tea-and-biscuits"


def tap(page: Page, locator) -> None:
    locator.wait_for()
    locator.tap()
    wait_for_app(page)


@pytest.mark.e2e
def test_set_up_add_a_resident_find_them_and_reload(page: Page, app_url: str):
    page.goto(app_url)
    wait_for_app(page)
    expect(page.get_by_text("Welcome to Reminisce")).to_be_visible()
    page.get_by_role("textbox", name="Care home name").fill("Rose House")
    page.get_by_role("textbox", name="Administrator username").fill("manager")
    page.get_by_role("textbox", name="Password", exact=True).fill(PASSWORD)
    page.get_by_role("textbox", name="Password again").fill(PASSWORD)
    tap(page, page.get_by_role("button", name="Set up Reminisce"))

    expect(page.get_by_role("heading", name="Residents")).to_be_visible()
    add_button = page.get_by_role("button", name="Add resident")
    assert add_button.bounding_box()["height"] >= 44, "touch target too small"
    tap(page, add_button)

    expect(page.get_by_role("heading", name="Add a resident")).to_be_visible()
    page.get_by_role("textbox", name="Full name (required)").fill("Bridget <b>Ní</b> Bhriain 😊")
    page.get_by_role("spinbutton", name="Year of birth (required)").fill("1941")
    tap(page, page.get_by_role("button", name="Add resident"))

    # The life story opens on the next screen, with the name shown exactly as typed.
    expect(page.get_by_role("heading", name="Places lived")).to_be_visible()
    expect(page.get_by_role("heading", name="Bridget <b>Ní</b> Bhriain 😊")).to_be_visible()

    tap(page, page.get_by_role("link", name="Residents"))
    page.get_by_role("textbox", name="Find a resident").fill("bhriain")
    page.get_by_role("textbox", name="Find a resident").press("Enter")
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
def test_portrait_tablet_has_no_sideways_scrolling(page: Page, app_url: str):
    page.set_viewport_size(TABLET_PORTRAIT)
    page.goto(app_url)
    wait_for_app(page)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
