from __future__ import annotations

from typing import Any, Callable

from taurus.core.util.threadpool import ThreadPool


class CAcquisition:
    def __init__(self, macro: Any) -> None:
        self.macro = macro
        self._thread_pool = ThreadPool(name="ValueBufferTH", Psize=1, Qsize=100000)  # LEAK
        self._index_offset = 0

    def value_buffer_changed(self, channel: Any, value_buffer: dict[int, Any]) -> None:
        self._thread_pool.add(self._store_values, None, channel, value_buffer)

    def _store_values(self, channel: Any, value_buffer: dict[int, Any]) -> None:
        for index, value in value_buffer.items():
            self.macro.data.addRecord({"point_nb": index + self._index_offset, channel.name: value})


class CTScan:
    def __init__(self, macro: Any, run_acquisition: Callable[[CAcquisition], None]) -> None:
        self.macro = macro
        self._run_acquisition = run_acquisition

    def run(self) -> None:
        acquisition = CAcquisition(self.macro)
        self._run_acquisition(acquisition)
        self.macro.output("scan finished")
