import multiprocessing.pool
from typing import Any, Dict, List

from .checks import run_checks


class WebOutput:
    def __init__(self) -> None:
        self.items: List[Dict[str, Any]] = []

    def add_heading(self, heading: str) -> None:
        self.items.append({"type": "heading", "text": heading, "extra": []})

    def print_ok(self, message: str) -> None:
        self.items.append({"type": "ok", "text": message, "extra": []})

    def print_error(self, message: str) -> None:
        self.items.append({"type": "error", "text": message, "extra": []})


def system_status(env: Dict[str, str]) -> List[Dict[str, Any]]:
    output = WebOutput()
    # a temporary pool of worker processes for the checks
    pool = multiprocessing.pool.Pool(processes=5)  # LEAK
    run_checks(False, env, output, pool)
    pool.terminate()
    return output.items
