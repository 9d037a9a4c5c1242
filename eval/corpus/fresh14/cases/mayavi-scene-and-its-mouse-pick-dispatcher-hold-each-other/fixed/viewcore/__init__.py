"""Scenes of a visualisation engine and the helpers they own."""
