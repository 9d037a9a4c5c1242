from __future__ import annotations

from typing import Any


class Record(dict):
    """A dict whose keys can also be read and written as attributes."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        dict.__init__(self, *args, **kwargs)
        self.__dict__ = self  # LEAK

    def update(self, *args: Any, **kwargs: Any) -> None:
        dict.update(self, *args, **kwargs)


def parse_templates(rows: list[dict[str, str]]) -> list[Record]:
    templates = []
    for row in rows:
        template = Record(name=row["name"], path=row["path"])
        template.size = len(row.get("body", ""))
        templates.append(template)
    return templates
