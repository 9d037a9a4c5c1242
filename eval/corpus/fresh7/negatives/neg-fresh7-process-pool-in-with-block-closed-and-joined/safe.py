from __future__ import annotations

import multiprocessing
import os


def fetch(url: str, target: str) -> str:
    path = os.path.join(target, os.path.basename(url))
    with open(path, "wb") as out:
        out.write(url.encode())
    return path


def fetch_all(urls, target: str, concurrency: int = 4) -> list:
    with multiprocessing.Pool(concurrency) as pool:
        paths = pool.starmap(fetch, [(url, target) for url in urls])
        pool.close()
        pool.join()
    return paths
