from __future__ import annotations

import multiprocessing
import subprocess
from typing import Any, Dict, List


def _run_on_host(host: str, command: str) -> tuple[str, int]:
    result = subprocess.run(["ssh", host, command], capture_output=True, check=False)
    return host, result.returncode


class BaseExecutor:
    def __init__(self, hosts: List[str], **options: Any) -> None:
        self.hosts = hosts
        self.process_pool = multiprocessing.Pool(processes=options.get("parallel", 1))

    def process_async_results(self, async_results: List[Any], timeout: float = 10.0) -> int:
        results: Dict[str, int] = {}
        # main loop continues until all processes are done
        for async_result in async_results:
            host, code = async_result.get(timeout=timeout)
            results[host] = code
            if code != 0:
                return 1
        # free the process pool
        self.destory_process_pool()
        return 0

    def execute(self, command: str) -> int:
        async_results = [self.process_pool.apply_async(_run_on_host, (host, command)) for host in self.hosts]
        return self.process_async_results(async_results)

    def destory_process_pool(self) -> None:
        if self.process_pool is not None:
            self.process_pool.close()
            self.process_pool.join()

    def __del__(self) -> None:
        self.destory_process_pool()
