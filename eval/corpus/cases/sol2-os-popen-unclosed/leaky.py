from __future__ import annotations

import os


def git_revision(root: str) -> str:
    revision = os.popen(f"git -C {root} rev-parse HEAD").read().strip()  # LEAK
    return revision or "unknown"
