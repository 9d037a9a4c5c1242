"""Typing information attached to pandas objects through accessors."""
from . import column_accessor, table_accessor  # noqa: F401  (registers the accessors)
