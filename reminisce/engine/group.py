"""Group sessions: songs that fit several residents' eras and places at once, and
none of anyone's red flags or avoided themes (care model 6.1)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reminisce import care_model as cm
from reminisce.catalog.base import Track
from reminisce.engine.era import era_weight
from reminisce.engine.scoring import Listener, Suggestion, exclusion, pick_with_variety, purpose_fit, track_key

#: A member "fits" a song when its era weight for them is at least this (ours).
FITS_AT = 0.5


@dataclass(frozen=True)
class GroupSuggestion:
    track: Track
    score: float
    fits: tuple[tuple[str, int], ...]  # (name, age at release) of members whose era it fits
    reasons: tuple[str, ...]


def suggest_group(
    listeners: Sequence[Listener], tracks: Iterable[Track], *, purpose: str = "reminisce", limit: int = 30
) -> list[GroupSuggestion]:
    if not listeners:
        return []
    results: dict[tuple[str, str], Suggestion] = {}
    details: dict[tuple[str, str], GroupSuggestion] = {}
    for track in tracks:
        key = track_key(track)
        if key in results or not track.year:
            continue
        if any(exclusion(listener, track, key) for listener in listeners):
            continue
        fit, _ = purpose_fit(track, purpose)
        if fit is None:
            continue
        total, fits = 0.0, []
        for listener in listeners:
            age = track.year - listener.birth_year
            era = era_weight(age, listener.parents_age_at_birth)
            local = listener.regions.intersection(track.regions) or (
                track.language and track.language in listener.languages
            )
            place = cm.PLACE_OR_LANGUAGE_MATCH if local else cm.NO_PLACE_OR_LANGUAGE_MATCH
            total += era * place
            if era >= FITS_AT and local:
                fits.append((listener.name, age))
        score = round(total / len(listeners) * fit * (1 + len(fits)), 6)
        reasons = [f"Released {track.year}"]
        if fits:
            reasons.append("Fits the youth of " + ", ".join(f"{name} ({age})" for name, age in fits))
        details[key] = GroupSuggestion(track, score, tuple(fits), tuple(reasons))
        results[key] = Suggestion(track, score, None, tuple(reasons))
    ranked = sorted(results.values(), key=lambda s: (-s.score, s.track.year, s.track.title, s.track.artist))
    return [details[track_key(s.track)] for s in pick_with_variety(ranked, limit)]
