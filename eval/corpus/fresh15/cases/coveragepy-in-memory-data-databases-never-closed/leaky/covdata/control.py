import atexit
import os
from typing import Callable, Dict, Iterable, Optional

from .sqldata import CoverageData


class Coverage:
    def __init__(self, data_file: str = ".coverage", auto_data: bool = False, no_disk: bool = False,
                 path_aliases: Optional[Dict[str, str]] = None) -> None:
        self._data_file = data_file
        self._auto_save = auto_data
        self._no_disk = no_disk
        self._aliases = path_aliases or {}
        self._data: Optional[CoverageData] = None
        self._started = False
        atexit.register(self._atexit)

    def _init_data(self, suffix: Optional[str] = None) -> None:
        """Create the data object if there is none yet."""
        if self._data is None:
            os.makedirs(os.path.dirname(os.path.abspath(self._data_file)), exist_ok=True)
            self._data = CoverageData(basename=self._data_file, suffix=suffix, no_disk=self._no_disk)  # LEAK

    def start(self) -> None:
        self._init_data()
        self._started = True

    def stop(self) -> None:
        self._started = False

    def record(self, lines: Dict[str, Iterable[int]]) -> None:
        assert self._data is not None
        self._data.add_lines(lines)

    def save(self) -> None:
        # a file-backed database writes through; nothing else to do
        self._init_data()

    def _map_path(self) -> Callable[[str], str]:
        def mapper(path: str) -> str:
            for prefix, replacement in self._aliases.items():
                if path.startswith(prefix):
                    return replacement + path[len(prefix):]
            return path
        return mapper

    def _prepare_data_for_reporting(self) -> None:
        """Re-map the data's file names with the path aliases, if there are any."""
        if self._aliases:
            mapped_data = CoverageData(no_disk=True)  # LEAK
            if self._data is not None:
                mapped_data.update(self._data, map_path=self._map_path())
            self._data = mapped_data

    def report(self) -> Dict[str, int]:
        self._init_data()
        self._prepare_data_for_reporting()
        assert self._data is not None
        return {f: len(self._data.lines(f)) for f in sorted(self._data.measured_files())}

    def _atexit(self) -> None:
        """Clean up on process shutdown."""
        if self._started:
            self.stop()
        if self._auto_save:
            self.save()
