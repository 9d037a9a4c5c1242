from __future__ import annotations

import os

with open(os.path.join(os.path.dirname(__file__), "VERSION")) as f:
    __version__ = f.read().splitlines()[0]
