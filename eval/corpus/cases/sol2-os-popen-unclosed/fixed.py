from __future__ import annotations

import os


def git_revision(root: str) -> str:
    with os.popen(f"git -C {root} rev-parse HEAD") as pipe:
        revision = pipe.read().strip()
    return revision or "unknown"
