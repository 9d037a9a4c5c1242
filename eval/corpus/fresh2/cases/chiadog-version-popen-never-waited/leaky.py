from __future__ import annotations

import logging
import subprocess


def version() -> str:
    try:
        command_args = ["git", "describe", "--tags"]
        f = subprocess.Popen(command_args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # LEAK
        return f.stdout.readline().decode(encoding="utf-8").rstrip()
    except OSError as exc:
        logging.error("Failed to run git: %s", exc)
        return "unknown"


def main() -> None:
    logging.info("Starting Chiadog (%s)", version())
