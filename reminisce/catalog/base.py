"""One interface for every music source: the bundled catalog, an imported CSV, a
local music folder and Spotify all answer the same question and return the same
Track type, with the source named. A source's failure stays with that source.
"""

from __future__ import annotations

import logging
from abc import ABC, abstractmethod
from collections.abc import Iterable
from dataclasses import dataclass, field

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Track:
    """A recording, wherever it came from."""

    title: str
    artist: str
    year: int | None
    source: str
    regions: tuple[str, ...] = ()
    language: str = ""
    genre: str = ""
    kind: str = ""
    tempo: str = ""
    bpm: int | None = None
    mood: str = ""
    themes: tuple[str, ...] = ()
    id: int | None = None
    file_path: str = ""
    spotify_id: str = ""
    #: Normalised title and artist (see reminisce.matching), filled from the database so
    #: ranking thousands of candidates does not normalise each string again.
    title_key: str = ""
    artist_key: str = ""

    @property
    def decade(self) -> str:
        return f"{self.year // 10 * 10}s" if self.year else "unknown"


@dataclass(frozen=True)
class TrackQuery:
    """What a caller wants: any mix of a year range, regions, artists and words."""

    years: tuple[int, int] | None = None
    regions: tuple[str, ...] = ()
    artists: tuple[str, ...] = ()
    text: str = ""
    limit: int = 500


@dataclass(frozen=True)
class SourceStatus:
    name: str
    kind: str
    available: bool
    tracks: int | None = None
    message: str = ""


class SourceError(Exception):
    """A source could not answer (offline, rate-limited, unreadable...)."""


class MusicSource(ABC):
    """A place tracks come from. Implementations never know about residents."""

    name: str
    kind: str

    @abstractmethod
    def find(self, query: TrackQuery) -> list[Track]:
        """Tracks matching the query, at most ``query.limit``; raises SourceError."""

    @abstractmethod
    def status(self) -> SourceStatus:
        """Whether the source can answer now, in words a carer can act on."""


@dataclass
class FindResult:
    tracks: list[Track] = field(default_factory=list)
    failures: dict[str, str] = field(default_factory=dict)


def find_in_all(sources: Iterable[MusicSource], query: TrackQuery) -> FindResult:
    """Ask every source; one that fails is reported, the others still answer."""
    result = FindResult()
    for source in sources:
        try:
            result.tracks.extend(source.find(query))
        except SourceError as exc:
            result.failures[source.name] = str(exc)
        except Exception as exc:  # a broken source must never take the app down
            log.warning("music source %s failed: %s", source.name, type(exc).__name__)
            result.failures[source.name] = "this source is not working right now"
    return result
