from __future__ import annotations

import subprocess
from typing import List


def git_tags(repo: str) -> List[str]:
    completed = subprocess.run(["git", "tag", "--list"], cwd=repo, capture_output=True, text=True, check=True,
                               timeout=30)
    return [line.strip() for line in completed.stdout.splitlines() if line.strip()]
