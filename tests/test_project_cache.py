"""The project pass's findings are cached under every file's content and entry key (issue 16:
warm runs), through the real CLI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import List, Tuple

_TREE = '''
from app.node import Node


class Tree:
    def __init__(self):
        self.children = []

    def add(self):
        child = Node(self)
        self.children.append(child)
        return child
'''

_NODE = '''
class Node:
    def __init__(self, parent):
        self.parent = parent
        self.data = bytearray(64)  # bulk data: the tree's cycle is in the default selection
'''

_OTHER = '''
class Other:
    def __init__(self, parent):
        self.parent = parent
'''


def _project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    (root / "app").mkdir(parents=True)
    (root / "app" / "__init__.py").write_text("")
    (root / "app" / "tree.py").write_text(_TREE)
    (root / "app" / "node.py").write_text(_NODE)
    (root / "pyproject.toml").write_text("[tool.leaklint]\n")
    return root


def _check(root: Path, cache: Path, *extra: str) -> Tuple[int, List[str]]:
    done = subprocess.run(
        [sys.executable, "-m", "leaklint", "check", "--cache-dir", str(cache), "--format", "concise", *extra, "app"],
        cwd=root, capture_output=True, text=True, timeout=300,
    )
    return done.returncode, [line for line in done.stdout.splitlines() if ": LKL" in line]


def _entries(cache: Path) -> List[Path]:
    return sorted(cache.glob("*/project/*.json"))


def test_warm_run_takes_the_project_findings_from_the_cache(tmp_path: Path) -> None:
    root = _project(tmp_path)
    cache = tmp_path / "cache"
    cold = _check(root, tmp_path / "uncached", "--no-cache")
    assert any("LKL101" in line for line in cold[1])  # the cross-file cycle
    assert _check(root, cache) == cold
    assert len(_entries(cache)) == 1
    # Warm: the same output, no new entry.
    assert _check(root, cache) == cold
    assert len(_entries(cache)) == 1


def test_noqa_on_a_cached_project_finding_still_counts_as_used(tmp_path: Path) -> None:
    root = _project(tmp_path)
    cache = tmp_path / "cache"
    cold = _check(root, tmp_path / "uncached", "--no-cache")
    (line,) = [int(found.split(":")[1]) for found in cold[1] if "LKL101" in found]
    path = root / ("app/node.py" if "node.py" in [f for f in cold[1] if "LKL101" in f][0] else "app/tree.py")
    lines = path.read_text().splitlines(keepends=True)
    lines[line - 1] = lines[line - 1].rstrip("\n") + "  # noqa: LKL101\n"
    path.write_text("".join(lines))
    silenced = _check(root, tmp_path / "uncached2", "--no-cache")
    assert not any("LKL101" in found or "LKL003" in found for found in silenced[1])
    assert _check(root, cache) == silenced
    assert _check(root, cache) == silenced  # warm: the noqa is used by the cached finding


def test_a_changed_file_or_a_damaged_entry_recomputes_the_project_pass(tmp_path: Path) -> None:
    root = _project(tmp_path)
    cache = tmp_path / "cache"
    first = _check(root, cache)
    (entry,) = _entries(cache)
    # Damaged (the HMAC fails): a miss, the pass runs again and gives the same findings.
    entry.write_bytes(entry.read_bytes().replace(b"LKL101", b"LKL999"))
    assert _check(root, cache) == first
    # The cycle broken in another file: a new key, and the finding is gone.
    (root / "app" / "tree.py").write_text(_TREE.replace("child = Node(self)", "child = Node(None)"))
    code, findings = _check(root, cache)
    assert not any("LKL101" in line for line in findings)
    assert _check(root, tmp_path / "uncached", "--no-cache") == (code, findings)
    assert len(_entries(cache)) == 2
    # A file added: a new key again.
    (root / "app" / "other.py").write_text(_OTHER)
    _check(root, cache)
    assert len(_entries(cache)) == 3
