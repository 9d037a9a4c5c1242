from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor


def sizes(paths: list) -> list:
    def size(path: str) -> int:
        with open(path, "rb") as handle:
            return len(handle.read())

    with ThreadPoolExecutor(max_workers=4) as pool:
        return list(pool.map(size, paths))
