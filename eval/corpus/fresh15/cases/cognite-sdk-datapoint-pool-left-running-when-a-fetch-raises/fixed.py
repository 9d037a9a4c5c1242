from functools import partial
from multiprocessing import Pool
from typing import Any, Dict, List, Optional, Tuple

import requests

import pandas as pd

BASE_URL = "https://api.example.com/v1/timeseries"
LIMIT = 100000


def _window_args(start: int, end: int, steps: int) -> List[Tuple[int, int]]:
    width = (end - start) // steps
    return [(start + i * width, start + (i + 1) * width if i < steps - 1 else end) for i in range(steps)]


def _fetch_window(name: str, window: Tuple[int, int], api_key: str = "", granularity: Optional[str] = None) -> List[Dict[str, Any]]:
    params = {"start": window[0], "end": window[1], "limit": LIMIT, "granularity": granularity}
    res = requests.get("%s/%s/data" % (BASE_URL, name), params=params, headers={"api-key": api_key}, timeout=30)
    res.raise_for_status()
    return res.json()["data"]["items"][0]["datapoints"]


def _fetch_frame(names: List[str], window: Tuple[int, int], api_key: str = "") -> pd.DataFrame:
    rows = []
    for name in names:
        for dp in _fetch_window(name, window, api_key):
            rows.append({"timestamp": dp["timestamp"], name: dp["value"]})
    return pd.DataFrame(rows)


def get_datapoints(name: str, start: int, end: int, processes: int = 10, api_key: str = "") -> List[Dict[str, Any]]:
    steps = min(processes, max(1, (end - start) // 3600000))
    if steps == 1:
        return _fetch_window(name, (start, end), api_key)

    partial_fetch = partial(_fetch_window, name, api_key=api_key)
    with Pool(steps) as p:
        datapoints = p.map(partial_fetch, _window_args(start, end, steps))

    concat: List[Dict[str, Any]] = []
    for chunk in datapoints:
        concat.extend(chunk)
    return concat


def get_datapoints_frame(names: List[str], start: int, end: int, processes: int = 10, api_key: str = "") -> pd.DataFrame:
    steps = min(processes, max(1, (end - start) // 3600000))
    if steps == 1:
        return _fetch_frame(names, (start, end), api_key)

    partial_frame = partial(_fetch_frame, names, api_key=api_key)
    with Pool(steps) as p:
        frames = p.map(partial_frame, _window_args(start, end, steps))

    return pd.concat(frames).drop_duplicates(subset="timestamp").reset_index(drop=True)
