"""Tiny audio files made on the fly for the folder-scan tests (no binary fixtures)."""

from __future__ import annotations

import wave
from pathlib import Path

from mutagen.easyid3 import EasyID3
from mutagen.id3 import TDRC, TIT2, TPE1
from mutagen.wave import WAVE

# One MPEG-1 Layer III frame header (128 kbit/s, 44.1 kHz) and silence: a valid 417-byte frame.
_MP3_FRAME = bytes([0xFF, 0xFB, 0x90, 0x64]) + bytes(413)


def mp3(path: Path, title: str = "", artist: str = "", date: str = "") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(_MP3_FRAME * 20)
    if title or artist or date:
        tags = EasyID3()
        for key, value in (("title", title), ("artist", artist), ("date", date)):
            if value:
                tags[key] = value
        tags.save(path)
    return path


def wav(path: Path, title: str, artist: str, date: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as handle:
        handle.setnchannels(1)
        handle.setsampwidth(2)
        handle.setframerate(8000)
        handle.writeframes(bytes(1600))
    audio = WAVE(path)
    audio.add_tags()
    audio.tags.add(TIT2(encoding=3, text=title))
    audio.tags.add(TPE1(encoding=3, text=artist))
    audio.tags.add(TDRC(encoding=3, text=date))
    audio.save()
    return path
