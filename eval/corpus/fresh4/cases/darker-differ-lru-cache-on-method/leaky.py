from __future__ import annotations

import difflib
import subprocess
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterator, List


def git_get_content_at_revision(path: Path, revision: str, cwd: Path) -> List[str]:
    out = subprocess.run(["git", "show", f"{revision}:{path.as_posix()}"], cwd=cwd, capture_output=True,
                         text=True, check=False).stdout
    return out.splitlines()


def opcodes_to_edit_linenums(opcodes, context_lines: int) -> Iterator[int]:
    for tag, _i1, _i2, j1, j2 in opcodes:
        if tag != "equal":
            yield from range(max(1, j1 + 1 - context_lines), j2 + 1 + context_lines)


@dataclass(frozen=True)
class RevisionRange:
    rev1: str
    rev2: str


@dataclass(frozen=True)
class EditedLinenumsDiffer:
    """Find out changed lines for a file between given Git revisions"""

    root: Path
    revrange: RevisionRange

    @lru_cache(maxsize=1)  # LEAK
    def compare_revisions(self, path_in_repo: Path, context_lines: int) -> List[int]:
        """Return numbers of lines changed between a given revision and the worktree"""
        content = (self.root / path_in_repo).read_text(encoding="utf-8").splitlines()
        return self.revision_vs_lines(path_in_repo, content, context_lines)

    def revision_vs_lines(self, path_in_repo: Path, content: List[str], context_lines: int) -> List[int]:
        old = git_get_content_at_revision(path_in_repo, self.revrange.rev1, self.root)
        opcodes = difflib.SequenceMatcher(None, old, content).get_opcodes()
        return list(opcodes_to_edit_linenums(opcodes, context_lines))
