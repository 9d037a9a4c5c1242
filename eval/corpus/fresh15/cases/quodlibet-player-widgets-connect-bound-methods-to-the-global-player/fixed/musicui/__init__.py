"""Playback widgets of a music player."""
