

import numpy as np

from MDAnalysis.coordinates import base


class TRZReader(base.Reader):
    format = "TRZ"

    def __init__(self, trzfilename: str, n_atoms: int, **kwargs) -> None:
        super(TRZReader, self).__init__(trzfilename, **kwargs)
        self.n_atoms = n_atoms
        self.trzfile = open(self.filename, "rb")
        self.ts = base.Timestep(self.n_atoms, velocities=True)
        self.ts._reader = self  # LEAK
        self._dtype = np.dtype([("coords", "<f4", (self.n_atoms, 3))])

    def _get_dt(self) -> float:
        return 0.002

    def _read_next_timestep(self) -> base.Timestep:
        data = np.fromfile(self.trzfile, dtype=self._dtype, count=1)
        if len(data) == 0:
            raise StopIteration
        self.ts._pos[:] = data["coords"][0]
        self.ts.frame += 1
        return self.ts

    def close(self) -> None:
        if self.trzfile is not None:
            self.trzfile.close()
            self.trzfile = None
