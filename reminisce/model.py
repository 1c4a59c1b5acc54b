"""Plain records shared by storage, the engine, the CLI and the pages."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Place:
    """Somewhere the resident lived; the years are what place the songs in time."""

    country: str
    place: str = ""
    from_year: int | None = None
    to_year: int | None = None


@dataclass(frozen=True)
class SongStory:
    """A song that matters to the resident and why (first dance, a mother's lullaby...)."""

    title: str
    artist: str = ""
    story: str = ""


@dataclass(frozen=True)
class RedFlag:
    """A song never to play for this resident, and the reason."""

    title: str
    artist: str = ""
    reason: str = ""


@dataclass(frozen=True)
class AvoidTheme:
    theme: str
    reason: str = ""


@dataclass(frozen=True)
class Memory:
    text: str
    year: int | None = None
    place: str = ""
    contributed_by: str = ""
    id: int | None = None
    created_at: str = ""
    #: An optional photo (bytes) and its type; not part of the portable text profile.
    photo: bytes | None = field(default=None, repr=False, compare=False)
    photo_type: str = field(default="", compare=False)


@dataclass
class Profile:
    """A resident's life story, following the Music Detective prompts."""

    name: str
    birth_year: int
    preferred_name: str = ""
    room: str = ""
    faith: str = ""
    music_importance: str = ""
    instruments: list[str] = field(default_factory=list)
    dancing: str = ""
    hearing_notes: str = ""
    headphones_notes: str = ""
    low_mood_risk: str = "not assessed"
    places: list[Place] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    favourite_artists: list[str] = field(default_factory=list)
    favourite_genres: list[str] = field(default_factory=list)
    favourite_songs: list[SongStory] = field(default_factory=list)
    inheritance_tracks: list[SongStory] = field(default_factory=list)
    identity_tracks: list[SongStory] = field(default_factory=list)
    red_flags: list[RedFlag] = field(default_factory=list)
    avoid_themes: list[AvoidTheme] = field(default_factory=list)
    memories: list[Memory] = field(default_factory=list)
    id: int | None = None

    @property
    def called(self) -> str:
        """The name to use when speaking to or about the resident."""
        return self.preferred_name or self.name

    @property
    def short_name(self) -> str:
        """For sentences about them ("when Winston was 22"): preferred or first name."""
        return self.preferred_name or self.name.split()[0]


@dataclass(frozen=True)
class ResidentSummary:
    id: int
    name: str
    preferred_name: str
    birth_year: int
    room: str
    countries: tuple[str, ...]
