from __future__ import annotations

import weakref


class DataSetStoreReader:
    def __init__(self, path: str) -> None:
        self.path = path
        self.buffers: list = []

    def finalize(self) -> None:
        self.buffers.clear()


def run_section(path: str, methods: list) -> None:
    reader = DataSetStoreReader(path)
    weakref.finalize(reader, reader.finalize)  # LEAK
    for method in methods:
        method(reader)
