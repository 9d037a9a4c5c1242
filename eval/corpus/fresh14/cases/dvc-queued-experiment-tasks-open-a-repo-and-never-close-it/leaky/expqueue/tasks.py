import json
import logging
import subprocess
from typing import Any, Dict

from .repo import Repo

logger = logging.getLogger(__name__)


class Executor:
    def __init__(self, root_dir: str, rev: str) -> None:
        self.root_dir = root_dir
        self.rev = rev

    def dump(self, path: str) -> None:
        with open(path, "w") as f:
            json.dump({"root_dir": self.root_dir, "rev": self.rev}, f)

    @classmethod
    def load(cls, path: str) -> "Executor":
        with open(path) as f:
            data = json.load(f)
        return cls(data["root_dir"], data["rev"])


def setup_exp(entry: Dict[str, Any]) -> Executor:
    repo = Repo(entry["root"])  # LEAK
    executor = Executor(entry["workdir"], entry["rev"])
    executor.dump(repo.experiments.infofile_path(entry["rev"]))
    return executor


def collect_exp(entry: Dict[str, Any]) -> str:
    repo = Repo(entry["root"])  # LEAK
    infofile = repo.experiments.infofile_path(entry["rev"])
    executor = Executor.load(infofile)
    try:
        repo.scm.batch()
    except Exception:
        logger.exception("failed to collect experiment %s", entry["rev"])
    return executor.root_dir


def run_exp(entry: Dict[str, Any]) -> None:
    repo = Repo(entry["root"])  # LEAK
    infofile = repo.experiments.infofile_path(entry["rev"])
    setup_exp(entry)
    subprocess.run(["dvc", "exp", "exec-run", "--infofile", infofile], check=False)
    collect_exp(entry)
