from __future__ import annotations

import datetime
import json
from logging import getLogger

from pandas import Timedelta, Timestamp, isna

logger = getLogger(__name__)


def load(fname: str) -> dict:
    with open(fname, "r") as file:
        data = json.load(file, object_hook=pastas_hook)
    return data


def pastas_hook(obj: dict) -> dict:
    for key, value in obj.items():
        if key in ["tmin", "tmax", "date_modified", "date_created"]:
            val = Timestamp(value)
            obj[key] = None if isna(val) else val
        elif key in ["time_offset", "warmup"]:
            obj[key] = Timedelta(value, "d") if isinstance(value, (int, float)) else Timedelta(value)
    return obj


def dump(fname: str, data: dict) -> None:
    with open(fname, "w") as file:
        json.dump(data, file, indent=4, cls=PastasEncoder)
    logger.info("%s file successfully exported", fname)


class PastasEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, (Timestamp, datetime.datetime, datetime.date)):
            return o.isoformat()
        if isinstance(o, Timedelta):
            return o.to_timedelta64().__str__()
        return super().default(o)
