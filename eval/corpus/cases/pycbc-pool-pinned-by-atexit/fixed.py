from __future__ import annotations

import multiprocessing


def _match(template) -> float:
    return float(len(template))


def match_templates(templates: list, cores: int) -> list:
    with multiprocessing.Pool(cores) as pool:
        return pool.map(_match, templates)
