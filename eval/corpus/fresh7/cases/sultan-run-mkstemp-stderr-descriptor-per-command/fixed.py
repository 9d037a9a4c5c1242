from __future__ import annotations

import logging
import subprocess
import traceback

logger = logging.getLogger("sultan")


class Sultan:
    def __init__(self, halt_on_error: bool = True) -> None:
        self.commands: list = []
        self.halt_on_error = halt_on_error

    def __str__(self) -> str:
        return "; ".join(self.commands)

    def clear(self) -> None:
        self.commands = []

    def run(self, halt_on_nonzero: bool = True):
        """After building your commands, call run() to have your code executed."""
        commands = str(self)
        logger.info(commands)

        stdout, stderr = None, None
        try:
            stdout, stderr = subprocess.Popen(commands, shell=True, stdout=subprocess.PIPE,
                                              stderr=subprocess.PIPE).communicate()
            return stdout.strip().split(b"\n") if stdout else stdout
        except Exception:
            logger.critical("Unable to run '%s'", commands)
            for line in traceback.format_exc().strip().split("\n"):
                logger.error("| %s", line)
            if stderr:
                for line in stderr.splitlines():
                    logger.error("| %s", line)
            if self.halt_on_error or halt_on_nonzero:
                raise
        finally:
            self.clear()
