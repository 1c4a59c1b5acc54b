"""A real `streamlit run` server on a free loopback port, driven by Debian's Chromium.

Playwright's own browser download cannot work offline, so the system chromium is
used. On a developer machine without it the browser tests are skipped; in CI
(CI=true) a missing browser is a failure.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from e2e_utils import TABLET_LANDSCAPE

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from bench.load import CHROMIUM_ARGS, chromium_path, start_server  # noqa: E402


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    executable = chromium_path()
    if executable is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("Debian's chromium is not installed; CI must run browser tests (apt-get install chromium).")
        pytest.skip("chromium is not installed (apt-get install chromium); browser tests skipped outside CI")
    return {
        **browser_type_launch_args,
        "executable_path": executable,
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": TABLET_LANDSCAPE, "has_touch": True, "is_mobile": False}


@pytest.fixture(scope="session")
def app_url(tmp_path_factory):
    """A real `streamlit run` on a free loopback port with its own database (the same
    starter the load benchmark uses)."""
    proc, url = start_server(tmp_path_factory.mktemp("e2e") / "reminisce.db")
    try:
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
