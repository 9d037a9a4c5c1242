from __future__ import annotations

import atexit
import multiprocessing


def _match(template) -> float:
    return float(len(template))


def match_templates(templates: list, cores: int) -> list:
    pool = multiprocessing.Pool(cores)  # LEAK
    atexit.register(pool.terminate)  # LEAK
    return pool.map(_match, templates)
