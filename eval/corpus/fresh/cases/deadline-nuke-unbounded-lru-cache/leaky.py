from __future__ import annotations

import os
from functools import lru_cache


@lru_cache(maxsize=None)  # LEAK
def normalized_asset_path(path: str) -> str:
    expanded = os.path.expandvars(os.path.expanduser(path))
    return os.path.normpath(os.path.abspath(expanded))
