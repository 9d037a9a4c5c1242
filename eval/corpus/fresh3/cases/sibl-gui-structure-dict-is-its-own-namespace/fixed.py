from __future__ import annotations

from typing import Any


class Record(dict):
    """A dict whose keys can also be read and written as attributes."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        dict.__init__(self, **kwargs)
        # the instance keeps its own __dict__, filled in step with the dict, instead of aliasing itself
        self.__dict__.update(**kwargs)

    def __getattr__(self, attribute: str) -> Any:
        try:
            return dict.__getitem__(self, attribute)
        except KeyError:
            raise AttributeError("'{0}' object has no attribute '{1}'".format(self.__class__.__name__, attribute))

    def __setattr__(self, attribute: str, value: Any) -> None:
        dict.__setitem__(self, attribute, value)
        object.__setattr__(self, attribute, value)

    __setitem__ = __setattr__

    def __delattr__(self, attribute: str) -> None:
        dict.__delitem__(self, attribute)
        object.__delattr__(self, attribute)

    __delitem__ = __delattr__

    def update(self, *args: Any, **kwargs: Any) -> None:
        dict.update(self, *args, **kwargs)
        self.__dict__.update(*args, **kwargs)


def parse_templates(rows: list[dict[str, str]]) -> list[Record]:
    templates = []
    for row in rows:
        template = Record(name=row["name"], path=row["path"])
        template.size = len(row.get("body", ""))
        templates.append(template)
    return templates
