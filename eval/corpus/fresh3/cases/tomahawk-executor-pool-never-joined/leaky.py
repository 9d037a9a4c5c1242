from __future__ import annotations

import multiprocessing
import subprocess
from typing import Dict, List


def _run_on_host(host: str, command: str) -> tuple[str, int]:
    result = subprocess.run(["ssh", host, command], capture_output=True, check=False)
    return host, result.returncode


class CommandExecutor:
    def __init__(self, hosts: List[str], parallel: int = 4) -> None:
        self.hosts = hosts
        self.parallel = parallel

    def execute(self, command: str) -> Dict[str, int]:
        pool = multiprocessing.Pool(processes=self.parallel)  # LEAK
        async_results = [pool.apply_async(_run_on_host, (host, command)) for host in self.hosts]
        pool.close()
        results = {}
        for async_result in async_results:
            host, code = async_result.get(timeout=60)
            results[host] = code
        return results
