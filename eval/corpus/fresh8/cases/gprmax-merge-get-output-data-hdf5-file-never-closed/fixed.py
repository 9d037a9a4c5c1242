from __future__ import annotations

import h5py
import numpy as np


class CmdInputError(ValueError):
    pass


def read_receiver_trace(path: str, receiver: int, component: str):
    """Return one receiver's field component as an array, with the time step."""
    output = h5py.File(path, "r")
    receivers = output.attrs["nrx"]
    dt = output.attrs["dt"]
    if receivers == 0:
        raise CmdInputError(f"no receivers found in {path}")

    group = f"/rxs/rx{receiver}/"
    available = list(output[group].keys())
    if component not in available:
        raise CmdInputError(f"{component} requested, but receiver {receiver} has {', '.join(available)}")

    trace = np.array(output[group + "/" + component])
    output.close()
    return trace, dt


def merge_traces(paths: list[str], component: str = "Ez") -> np.ndarray:
    columns = []
    for path in paths:
        trace, _dt = read_receiver_trace(path, 1, component)
        columns.append(trace)
    return np.stack(columns, axis=1)
