"""Reminisce: reminiscence playlists for people living with dementia."""

__version__ = "0.1.0"
