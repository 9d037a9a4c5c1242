from __future__ import annotations

import logging
import os


def provision_run_dir(name: str, run_dir: str = None) -> str:
    run_dir = os.path.abspath(run_dir or os.getcwd())
    path = os.path.join(run_dir, name)
    os.makedirs(path, exist_ok=False)
    return path
