"""A small ORM whose errors pass through re-raising helpers."""
