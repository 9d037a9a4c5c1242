from __future__ import annotations

import json
from collections import UserDict
from pathlib import Path


class property_cache(object):
    """Computes an attribute value once and caches it in the instance."""

    def __init__(self, method) -> None:
        self.method = method
        self.name = method.__name__
        self.__doc__ = method.__doc__

    def __get__(self, instance, cls):
        if instance is None:
            return self
        result = self.method(instance)
        # setattr redefines the instance's attribute
        setattr(instance, self.name, result)
        return result


class Cache(UserDict):
    """A dict persisted as JSON files in a cache directory."""

    def __init__(self, cachedir: Path) -> None:
        super().__init__()
        self.cachedir = cachedir
        self.cachedir.mkdir(parents=True, exist_ok=True)

    def __setitem__(self, hashcode: str, data) -> None:
        super().__setitem__(hashcode, data)
        with (self.cachedir / f"{hashcode}.json").open("w") as fh:
            fh.write(json.dumps(data))
