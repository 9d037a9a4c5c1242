from __future__ import annotations

import subprocess
from typing import List


def changed_files(repo: str) -> List[str]:
    with subprocess.Popen(["git", "status", "--porcelain"], cwd=repo, stdout=subprocess.PIPE, text=True) as proc:
        assert proc.stdout is not None
        return [line[3:].rstrip("\n") for line in proc.stdout]
