import copy
import warnings


import numpy as np


class Timestep(object):
    def __init__(self, n_atoms: int, velocities: bool = False) -> None:
        self.n_atoms = n_atoms
        self.frame = -1
        self._pos = np.zeros((n_atoms, 3), dtype=np.float32)
        self._velocities = np.zeros((n_atoms, 3), dtype=np.float32) if velocities else None
        self.data = {}

    def copy(self) -> "Timestep":
        new_TS = self.__class__(self.n_atoms, velocities=self._velocities is not None)
        new_TS._pos = self._pos.copy()
        new_TS.frame = self.frame
        for att in ("_frame", "_reader"):
            try:
                setattr(new_TS, att, getattr(self, att))
            except AttributeError:
                pass
        new_TS.data = copy.deepcopy(self.data)
        return new_TS

    @property
    def dt(self) -> float:
        try:
            return self.data["dt"]
        except KeyError:
            pass
        try:
            dt = self.data["dt"] = self._reader._get_dt()
            return dt
        except AttributeError:
            pass
        warnings.warn("Reader has no dt information, set to 1.0 ps")
        return 1.0


class ProtoReader(object):
    """Base class for Readers, without a __del__ method."""

    def close(self) -> None:
        pass


class Reader(ProtoReader):
    """Base class for trajectory readers that closes its file in __del__."""

    def __init__(self, filename: str, **kwargs) -> None:
        self.filename = filename
        self._ts_kwargs = kwargs

    def __del__(self) -> None:
        self.close()
