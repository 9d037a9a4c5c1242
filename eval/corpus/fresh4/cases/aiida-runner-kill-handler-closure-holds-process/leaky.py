from __future__ import annotations

import logging
import signal
from typing import Any, Dict, Tuple

LOGGER = logging.getLogger(__name__)


class Runner:
    def __init__(self, loop) -> None:
        self.loop = loop
        self._closed = False

    def instantiate_process(self, process, *args, **inputs):
        return process(runner=self, inputs=inputs)

    def _run(self, process, *args: Any, **inputs: Any) -> Tuple[Dict[str, Any], Any]:
        """Run the process to completion in this runner and return its outputs and node."""
        assert not self._closed
        process_inited = self.instantiate_process(process, *args, **inputs)

        def kill_process(_num, _frame):
            """Send the kill signal to the process in the current scope."""
            LOGGER.critical("runner received interrupt, killing process %s", process_inited.pid)
            process_inited.kill(msg="Process was killed because the runner received an interrupt")

        signal.signal(signal.SIGINT, kill_process)  # LEAK
        signal.signal(signal.SIGTERM, kill_process)  # LEAK

        process_inited.execute()
        return process_inited.outputs, process_inited.node

    def run(self, process, *args: Any, **inputs: Any) -> Dict[str, Any]:
        result, _ = self._run(process, *args, **inputs)
        return result
