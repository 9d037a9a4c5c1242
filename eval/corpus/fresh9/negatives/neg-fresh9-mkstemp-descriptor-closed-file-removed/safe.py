from __future__ import annotations

import os
import subprocess
import tempfile
from typing import List


def run_programs(commands: List[list]) -> List[str]:
    results = []
    for cmd in commands:
        fd, meta_file = tempfile.mkstemp()
        os.close(fd)
        try:
            subprocess.run(cmd + ["--meta", meta_file], check=False)
            with open(meta_file) as f:
                results.append(f.read())
        finally:
            os.remove(meta_file)
    return results
