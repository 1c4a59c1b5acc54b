"""W(a) pinned to the care model's test values (section 3)."""

import pytest

from reminisce.engine.era import ages_above_floor, era_weight, peak_release_year


@pytest.mark.parametrize(
    ("age", "expected"),
    [(17, 1.00), (10, 0.375), (23, 0.755), (30, 0.267), (-6, 0.30), (-35, 0.05)],
)
def test_care_model_values(age, expected):
    assert era_weight(age) == pytest.approx(expected, abs=0.001)


def test_peak_year_for_someone_born_in_1940():
    assert peak_release_year(1940) == 1957


def test_floor_keeps_later_life_songs_and_parents_age_moves_their_bump():
    assert era_weight(55) == pytest.approx(0.10)
    assert era_weight(70) == pytest.approx(0.05)
    assert era_weight(-10, parents_age_at_birth=32) == pytest.approx(0.30)


def test_only_ages_above_the_floor_need_searching():
    low, high = ages_above_floor()
    assert low < -6 < 17 < high
    assert era_weight(low - 1) <= 0.10 and era_weight(high + 1) <= 0.10
