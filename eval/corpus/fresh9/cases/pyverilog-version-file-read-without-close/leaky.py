from __future__ import annotations

import os

__version__ = open(os.path.join(os.path.dirname(__file__), "VERSION")).read().splitlines()[0]  # LEAK
