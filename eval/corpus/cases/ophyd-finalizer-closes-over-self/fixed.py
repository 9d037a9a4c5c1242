from __future__ import annotations

import weakref


class EpicsSignal:
    def __init__(self, pvname: str, control_layer) -> None:
        self.pvname = pvname
        self._pv = control_layer.get_pv(pvname)

        def _cleanup(pv) -> None:
            pv.clear_callbacks()
            pv.disconnect()

        self._finalizer = weakref.finalize(self, _cleanup, self._pv)
