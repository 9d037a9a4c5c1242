from __future__ import annotations

import json
from collections import UserDict
from pathlib import Path


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
