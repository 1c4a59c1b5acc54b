"""Load without a browser: sessions speaking Streamlit's websocket protocol against a
real server (bench/load_ws.py runs the full 20 sessions for 60 s)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench import load_ws


def test_eight_sessions_recording_at_once_see_no_errors_and_every_rating_is_saved():
    result, saved = load_ws.run(count=8, seconds=10, pause=0.5)
    assert result.errors == []
    assert len(result.times_ms) >= 8 * 5
    assert saved == 8  # each session's song carries its latest rating
    assert result.rss_mib > 0
