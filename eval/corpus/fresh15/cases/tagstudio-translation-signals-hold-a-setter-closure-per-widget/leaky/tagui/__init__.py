"""A tagging app's translated widgets."""
