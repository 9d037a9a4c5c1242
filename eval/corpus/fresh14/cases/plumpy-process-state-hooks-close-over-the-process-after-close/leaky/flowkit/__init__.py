"""A process built on a small state machine."""
