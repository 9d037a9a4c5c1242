"""Throttling and debouncing helpers for UI callbacks."""
