from __future__ import annotations

import os

import pandas as pd

DL_URL = "https://celestrak.org/SpaceData/SW-All.txt"
SW_PATH = os.path.join(os.path.dirname(__file__), "data", "SW-All.txt")


def get_file_age(swpath: str = SW_PATH, relative: bool = True):
    line = ""
    for line in open(swpath):  # LEAK
        if line.startswith("UPDATED"):
            # closes the file automatically
            break
    upd = pd.to_datetime(line.lstrip("UPDATED"), utc=True)
    if relative:
        return pd.Timestamp.utcnow() - upd
    return upd


def update_data(min_age: str = "3h", swpath: str = SW_PATH) -> bool:
    if not os.path.exists(swpath):
        return True
    return get_file_age(swpath) > pd.Timedelta(min_age)
