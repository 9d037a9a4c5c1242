"""Helpers that start spans for decorated functions."""
