from __future__ import annotations

import functools

import numpy as np


class FieldSolution:
    def __init__(self, alr: np.ndarray, blr: np.ndarray, grid) -> None:
        self._alr = alr
        self._blr = blr
        self.grid = grid

    def _face_fields(self):
        br = np.diff(self._alr, axis=0)
        bs = np.diff(self._alr, axis=1)
        bp = np.diff(self._blr, axis=2)
        return br, bs, bp, self.grid.area_r, self.grid.area_s, self.grid.area_p

    @property
    @functools.lru_cache(maxsize=1)
    def grid_field(self) -> np.ndarray:
        """The field averaged onto grid points, shaped (nphi, ns, nrho, 3)."""
        br, bs, bp, area_r, area_s, area_p = self._face_fields()
        brg = br[:-1, :-1, :] + br[1:, :-1, :] + br[1:, 1:, :] + br[:-1, 1:, :]
        bsg = bs[:-1, :, :-1] + bs[1:, :, :-1] + bs[1:, :, 1:] + bs[:-1, :, 1:]
        bpg = bp[:, :-1, :-1] + bp[:, 1:, :-1] + bp[:, 1:, 1:] + bp[:, :-1, 1:]
        brg /= 2 * (area_r[:-1, :] + area_r[1:, :])
        bsg /= 2 * (area_s[:, :-1] + area_s[:, 1:])
        bpg /= area_p[:-1, :-1] + area_p[1:, :-1] + area_p[1:, 1:] + area_p[:-1, 1:]
        out = np.stack((bpg, -bsg, brg), axis=-1)
        out.flags.writeable = False
        return out
