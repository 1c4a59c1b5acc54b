"""Waiting for Streamlit the way its own browser tests do: connected, idle, no skeletons."""

from playwright.sync_api import Page, expect

TABLET_LANDSCAPE = {"width": 1024, "height": 768}
TABLET_PORTRAIT = {"width": 768, "height": 1024}


def wait_for_app(page: Page, timeout: float = 30_000) -> None:
    page.wait_for_selector("[data-testid='stAppViewContainer']", state="attached", timeout=timeout)
    page.locator("[data-testid='stApp'][data-test-script-state='notRunning']").wait_for(
        state="attached", timeout=timeout
    )
    expect(page.locator("[data-testid='stSkeleton']")).to_have_count(0, timeout=timeout)
