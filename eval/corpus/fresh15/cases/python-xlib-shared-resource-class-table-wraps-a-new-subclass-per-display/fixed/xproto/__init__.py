"""A small X protocol client."""
