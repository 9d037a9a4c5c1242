from __future__ import annotations

import logging
import sys

LOG_FILE = "/var/log/distro_migration.log"


class MigrationLogger:
    def __init__(self) -> None:
        self.log = logging.getLogger("suse-migration")

    def setup(self, system_root: bool = True) -> logging.Logger:
        if self.log.handlers:
            # already configured by an earlier step: adding more would duplicate every message
            return self.log
        self.log.setLevel(logging.DEBUG)
        formatter = logging.Formatter("%(levelname)s: %(asctime)s | %(message)s")
        log_file = logging.FileHandler(LOG_FILE)
        log_file.setFormatter(formatter)
        self.log.addHandler(log_file)
        if system_root:
            console = logging.StreamHandler(sys.stderr)
            console.setLevel(logging.INFO)
            self.log.addHandler(console)
        return self.log


def run_step(name: str) -> None:
    log = MigrationLogger().setup()
    log.info("running step %s", name)
