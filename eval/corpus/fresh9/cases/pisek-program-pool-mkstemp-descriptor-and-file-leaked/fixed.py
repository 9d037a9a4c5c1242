from __future__ import annotations

import os
import subprocess
import tempfile
import time
from typing import Dict, List


class ProgramsJob:
    def __init__(self, env, program_pool: list) -> None:
        self._env = env
        self._program_pool = program_pool

    def _run_programs(self) -> List[Dict[str, str]]:
        """Runs all programs of the execution pool in the sandbox."""
        running_pool: List[subprocess.Popen] = []
        meta_files: List[str] = []
        minibox = self._env.minibox_path
        for pool_item in self._program_pool:
            fd, meta_file = tempfile.mkstemp()
            os.close(fd)
            meta_files.append(meta_file)
            running_pool.append(subprocess.Popen(**pool_item.to_popen(minibox, meta_file)))

        while not all(process.poll() is not None for process in running_pool):
            time.sleep(0.1)

        results = []
        for process, meta_file in zip(running_pool, meta_files):
            process.wait()
            with open(meta_file) as f:
                meta_raw = f.read().strip().split("\n")
            assert meta_file.startswith("/tmp")  # better safe than sorry
            os.remove(meta_file)
            meta = {key: val for key, val in map(lambda x: x.split(":", 1), meta_raw)}
            meta["returncode"] = str(process.returncode)
            results.append(meta)
        return results
