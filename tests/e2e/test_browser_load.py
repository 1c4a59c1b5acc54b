"""A short load run in CI (the full 20 tablets x 60 s is bench/load.py): several tablets
recording responses at once against one server, without a single error."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from bench import load


@pytest.mark.e2e
def test_several_tablets_recording_at_once_see_no_errors(browser_type_launch_args):
    result = load.run(count=4, seconds=15)
    assert result.errors == []
    assert len(result.times_ms) >= 4 * 3  # every tablet kept recording
    assert result.rss_mib > 0
