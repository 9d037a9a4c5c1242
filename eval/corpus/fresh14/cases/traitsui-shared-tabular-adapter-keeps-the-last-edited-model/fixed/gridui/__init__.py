"""A small table editor driven by adapters."""
