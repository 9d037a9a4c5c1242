import os
import sqlite3
import subprocess
from typing import Any, Optional


class Scm:
    """Stand-in for the git backend: keeps a long-running `git cat-file --batch` open."""

    def __init__(self, root: str) -> None:
        self.root = root
        self._batch: Optional[subprocess.Popen] = None

    def batch(self) -> subprocess.Popen:
        if self._batch is None:
            self._batch = subprocess.Popen(
                ["git", "cat-file", "--batch"], cwd=self.root,
                stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            )
        return self._batch

    def close(self) -> None:
        if self._batch is not None:
            self._batch.stdin.close()
            self._batch.stdout.close()
            self._batch.wait()
            self._batch = None


class State:
    def __init__(self, tmp_dir: str) -> None:
        self._db = sqlite3.connect(os.path.join(tmp_dir, "state.db"))

    def close(self) -> None:
        self._db.close()


class Experiments:
    def __init__(self, repo: "Repo") -> None:
        self.repo = repo

    def infofile_path(self, rev: str) -> str:
        return os.path.join(self.repo.tmp_dir, "exps", "run", rev + ".run")


class Repo:
    def __init__(self, root: str) -> None:
        self.root = root
        self.tmp_dir = os.path.join(root, ".dvc", "tmp")
        os.makedirs(self.tmp_dir, exist_ok=True)
        self.scm = Scm(root)
        self.state = State(self.tmp_dir)
        self.experiments = Experiments(self)

    def close(self) -> None:
        self.scm.close()
        self.state.close()

    def __enter__(self) -> "Repo":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
