"""Era weight W(a): how likely a song released at age ``a`` is to be known and loved."""

from __future__ import annotations

import math

from reminisce import care_model as cm


def own_bump(age: float) -> float:
    """B(a): asymmetric Gaussian peaking at 17 (narrower before the peak)."""
    width = cm.BUMP_WIDTH_BEFORE_PEAK if age < cm.BUMP_PEAK_AGE else cm.BUMP_WIDTH_AFTER_PEAK
    return math.exp(-0.5 * ((age - cm.BUMP_PEAK_AGE) / width) ** 2)


def parents_bump(age: float, parents_age_at_birth: float = cm.PARENTS_MEAN_AGE_AT_BIRTH) -> float:
    """C(a): the parents' own bump, seen from the child's age (peak at 22 - P)."""
    centre = cm.PARENTS_BUMP_PEAK - parents_age_at_birth
    return math.exp(-0.5 * ((age - centre) / cm.PARENTS_BUMP_WIDTH) ** 2)


def floor(age: float) -> float:
    low, high = cm.FLOOR_NEAR_AGES
    return cm.FLOOR_NEAR if low <= age <= high else cm.FLOOR_FAR


def era_weight(age: float, parents_age_at_birth: float = cm.PARENTS_MEAN_AGE_AT_BIRTH) -> float:
    """W(a) = max(B(a), 0.3 * C(a), floor(a))."""
    return max(
        own_bump(age),
        cm.PARENTS_BUMP_WEIGHT * parents_bump(age, parents_age_at_birth),
        floor(age),
    )


def peak_release_year(birth_year: int) -> int:
    return birth_year + cm.BUMP_PEAK_AGE


def ages_above_floor(parents_age_at_birth: float = cm.PARENTS_MEAN_AGE_AT_BIRTH) -> tuple[int, int]:
    """The ages whose weight rises above the floor: only these years need searching."""
    ages = [a for a in range(-40, 80) if era_weight(a, parents_age_at_birth) > floor(a)]
    return min(ages), max(ages)
