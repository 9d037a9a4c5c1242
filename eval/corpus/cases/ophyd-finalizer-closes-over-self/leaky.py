from __future__ import annotations

import weakref


class EpicsSignal:
    def __init__(self, pvname: str, control_layer) -> None:
        self.pvname = pvname
        self._pv = control_layer.get_pv(pvname)

        def _cleanup() -> None:  # LEAK
            self._pv.clear_callbacks()
            self._pv.disconnect()

        self._finalizer = weakref.finalize(self, _cleanup)  # LEAK
