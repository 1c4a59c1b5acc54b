"""Music sources behind one interface, and the bundled catalog."""

from reminisce.catalog.base import FindResult, MusicSource, SourceError, SourceStatus, Track, TrackQuery, find_in_all

__all__ = ["FindResult", "MusicSource", "SourceError", "SourceStatus", "Track", "TrackQuery", "find_in_all"]
