"""The real pre-commit runs the hooks of .pre-commit-hooks.yaml from a checkout of this project.

pre-commit installs the hook repository into its own virtualenv with pip, so this test needs the
package index (or a local wheel mirror) and takes tens of seconds: it is one test with a
generous timeout. It copies the project into a throwaway git repository first, because
`pre-commit try-repo` builds from that repository's commits.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Dict, List

import pytest

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 900

pytest.importorskip("pre_commit", reason="pre-commit is not installed (it is in the test extra)")
yaml = pytest.importorskip("yaml")  # a dependency of pre-commit
pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _git_env(home: Path) -> Dict[str, str]:
    env = dict(os.environ)
    env.update(
        GIT_AUTHOR_NAME="leaklint tests", GIT_AUTHOR_EMAIL="tests@example.invalid",
        GIT_COMMITTER_NAME="leaklint tests", GIT_COMMITTER_EMAIL="tests@example.invalid",
        GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL=os.devnull,
        PRE_COMMIT_HOME=str(home / "pre-commit-home"),
        PRE_COMMIT_COLOR="never",
    )
    env.pop("PRE_COMMIT", None)
    return env


def _git(args: List[str], cwd: Path, env: Dict[str, str]) -> None:
    subprocess.run(["git", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", *args], cwd=cwd, env=env, check=True, capture_output=True)


def _copy_project(target: Path) -> None:
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info", "*.pyc")
    shutil.copytree(ROOT / "src", target / "src", ignore=ignore)
    for name in ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml"):
        shutil.copy2(ROOT / name, target / name)


def test_hooks_file_declares_both_hooks() -> None:
    hooks = {hook["id"]: hook for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    assert set(hooks) == {"leaklint", "leaklint-fix"}
    for hook in hooks.values():
        assert hook["language"] == "python" and hook["types_or"] == ["python", "pyi"]
        assert hook["entry"].startswith("leaklint check") and "--force-exclude" in hook["entry"]
    assert "--fix" in hooks["leaklint-fix"]["entry"]


@pytest.mark.slow
def test_pre_commit_try_repo_fails_then_passes(tmp_path: Path) -> None:
    env = _git_env(tmp_path)
    hook_repo = tmp_path / "leaklint"
    _copy_project(hook_repo)
    _git(["init", "-q"], hook_repo, env)
    _git(["add", "-A"], hook_repo, env)
    _git(["commit", "-q", "-m", "leaklint"], hook_repo, env)

    project = tmp_path / "project"
    project.mkdir()
    _git(["init", "-q"], project, env)
    leaky = project / "pkg" / "leaky.py"
    leaky.parent.mkdir()
    leaky.write_text("import os\n\nTABLE = [0] * 10 ** 12\n", encoding="utf-8")
    (project / "notes.txt").write_text("TABLE = [0] * 10 ** 12\n", encoding="utf-8")  # not Python: not passed
    # pre-commit names this file on the command line; the hooks' --force-exclude keeps it out.
    (project / "pyproject.toml").write_text('[tool.leaklint]\nextend-exclude = ["migrations"]\n', encoding="utf-8")
    migration = project / "pkg" / "migrations" / "0001_initial.py"
    migration.parent.mkdir()
    migration.write_text("TABLE = [0] * 10 ** 12\n", encoding="utf-8")
    _git(["add", "-A"], project, env)

    def run(hook: str) -> subprocess.CompletedProcess:
        command = [sys.executable, "-m", "pre_commit", "try-repo", str(hook_repo), hook, "--all-files", "--verbose"]
        return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=TIMEOUT)

    failing = run("leaklint")
    output = failing.stdout + failing.stderr
    assert failing.returncode == 1, output
    assert "pkg/leaky.py:3:9: LKL501" in output
    assert "notes.txt" not in failing.stdout.split("Failed", 1)[-1]
    assert "migrations" not in output, "extend-exclude applies to files pre-commit names"

    # The fix hook runs from the same environment; LKL501 has no machine fix, so it still fails.
    assert run("leaklint-fix").returncode == 1

    leaky.write_text("import os\n\nTABLE = [0] * 10\n", encoding="utf-8")
    _git(["add", "-A"], project, env)
    passing = run("leaklint")
    assert passing.returncode == 0, passing.stdout + passing.stderr
    assert "Passed" in passing.stdout
