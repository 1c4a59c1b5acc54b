"""Demo residents, so a new home can try every screen before entering real people.

Their favourite songs are real recordings; the people are invented.
"""

from __future__ import annotations

from sqlite_utils import Database

from reminisce.accounts import User
from reminisce.db import transaction
from reminisce.people import SYSTEM
from reminisce.residents import create_resident, validate_profile

DEMO_RESIDENTS: tuple[dict, ...] = (
    {
        "name": "Margaret O'Brien",
        "preferred_name": "Peggy",
        "birth_year": 1938,
        "room": "Demo 1",
        "faith": "Catholic",
        "music_importance": "very important",
        "dancing": "Went dancing every Saturday at the Galtymore in Cricklewood.",
        "places": [
            {"place": "Cork", "country": "IE", "from_year": 1938, "to_year": 1957},
            {"place": "London (Kilburn)", "country": "GB", "from_year": 1957, "to_year": None},
        ],
        "languages": ["en", "ga"],
        "favourite_artists": ["Jim Reeves", "Bridie Gallagher", "Joe Dolan"],
        "favourite_genres": ["country", "showband", "irish ballads"],
        "favourite_songs": [
            {"title": "He'll Have to Go", "artist": "Jim Reeves", "story": "First dance with Tom, 1960."},
        ],
        "inheritance_tracks": [
            {"title": "I'll Take You Home Again, Kathleen", "artist": "John McCormack", "story": "Her father sang it."},
        ],
        "red_flags": [
            {"title": "Danny Boy", "artist": "", "reason": "Sung at her brother's funeral; she becomes tearful."},
        ],
        "hearing_notes": "Hearing aid in the left ear; check the battery first.",
        "memories": [
            {
                "text": "Worked as a nurse at the Royal Free for thirty years.",
                "year": 1960,
                "place": "London",
                "contributed_by": "Daughter, Siobhan",
            },
        ],
    },
    {
        "name": "Winston Campbell",
        "birth_year": 1946,
        "room": "Demo 2",
        "faith": "Pentecostal",
        "music_importance": "very important",
        "instruments": ["guitar"],
        "places": [
            {"place": "Kingston", "country": "JM", "from_year": 1946, "to_year": 1962},
            {"place": "Birmingham (Handsworth)", "country": "GB", "from_year": 1962, "to_year": None},
        ],
        "languages": ["en"],
        "favourite_artists": ["Desmond Dekker", "Jim Reeves", "Millie Small"],
        "favourite_genres": ["ska", "rocksteady", "gospel"],
        "favourite_songs": [
            {
                "title": "Israelites",
                "artist": "Desmond Dekker & The Aces",
                "story": "Played it on the jukebox every week in 1969.",
            },
        ],
        "identity_tracks": [
            {"title": "How Great Thou Art", "artist": "", "story": "His mother's favourite hymn at church."},
        ],
        "avoid_themes": [{"theme": "war", "reason": "Family ask us to avoid war songs."}],
    },
    {
        "name": "Harjit Kaur Sandhu",
        "birth_year": 1950,
        "room": "Demo 3",
        "faith": "Sikh",
        "music_importance": "quite important",
        "places": [
            {"place": "Jalandhar, Punjab", "country": "IN", "from_year": 1950, "to_year": 1968},
            {"place": "Southall", "country": "GB", "from_year": 1968, "to_year": None},
        ],
        "languages": ["pa", "hi", "en"],
        "favourite_artists": ["Lata Mangeshkar", "Mohammed Rafi"],
        "favourite_genres": ["filmi", "shabad kirtan"],
        "favourite_songs": [
            {
                "title": "Lag Jaa Gale",
                "artist": "Lata Mangeshkar",
                "story": "From Woh Kaun Thi (1964); she sang it to her daughters.",
            },
        ],
        "low_mood_risk": "moderate",
        "headphones_notes": "Prefers the speaker; dislikes headphones.",
    },
    {
        "name": "Giuseppe Rossi",
        "preferred_name": "Joe",
        "birth_year": 1933,
        "room": "Demo 4",
        "faith": "Catholic",
        "music_importance": "very important",
        "dancing": "A fine ballroom dancer; met his wife at a dance hall.",
        "places": [
            {"place": "Naples", "country": "IT", "from_year": 1933, "to_year": 1954},
            {"place": "Bedford", "country": "GB", "from_year": 1954, "to_year": None},
        ],
        "languages": ["it", "en"],
        "favourite_artists": ["Domenico Modugno", "Dean Martin", "Claudio Villa"],
        "favourite_genres": ["canzone", "crooner"],
        "favourite_songs": [
            {
                "title": "Nel blu dipinto di blu",
                "artist": "Domenico Modugno",
                "story": "The summer of 1958, his first visit home.",
            },
            {"title": "That's Amore", "artist": "Dean Martin", "story": ""},
        ],
    },
)


def add_demo_residents(db: Database, actor: User = SYSTEM) -> int:
    """Add the demo residents that are not there yet; returns how many were added."""
    added = 0
    with transaction(db):
        for raw in DEMO_RESIDENTS:
            exists = list(
                db.query(
                    "SELECT 1 AS one FROM residents WHERE name = ? AND birth_year = ?",
                    [raw["name"], raw["birth_year"]],
                )
            )
            if not exists:
                create_resident(db, actor, validate_profile(raw))
                added += 1
    return added
