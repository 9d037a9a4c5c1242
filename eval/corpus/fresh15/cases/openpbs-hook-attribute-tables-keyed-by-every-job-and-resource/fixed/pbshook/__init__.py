"""The Python objects a scheduler server hands to its hooks."""
