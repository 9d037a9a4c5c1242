"""A small training-loop engine with event handlers."""
