from __future__ import annotations

import collections
import errno
import gzip
import io
import logging
import os
import re
import time

IS_GZIPPED_FILE = re.compile(r"\.gz$")


class Worker:
    def __init__(self, beaver_config, callback, logger: logging.Logger) -> None:
        self._beaver_config = beaver_config
        self._callback = callback
        self._logger = logger
        self._file_map: dict = {}

    def get_file_id(self, st: os.stat_result) -> str:
        return "%xg%x" % (st.st_dev, st.st_ino)

    def open(self, filename: str, encoding=None):
        try:
            if IS_GZIPPED_FILE.search(filename):
                _file = gzip.open(filename, "rb")
            else:
                _file = io.open(filename, "r", encoding=encoding, errors="replace")
        except IOError as e:
            self._logger.warning(str(e))
            _file = None
        return _file

    def watch(self, fname: str) -> None:
        """Opens a file for log tailing."""
        try:
            file = self.open(fname, encoding=self._beaver_config.get("encoding"))  # LEAK
            if file:
                fid = self.get_file_id(os.stat(fname))
        except EnvironmentError as err:
            if err.errno != errno.ENOENT:
                raise
        else:
            if file:
                self._logger.info("[%s] - watching logfile %s", fid, fname)
                self._file_map[fid] = {  # LEAK
                    "current_event": collections.deque([]),
                    "file": file,
                    "last_activity": time.time(),
                    "line": 0,
                }

    def _run_pass(self, fid: str, file) -> None:
        for line in file.readlines():
            self._file_map[fid]["line"] += 1
            self._callback((file.name, line))

    def unwatch(self, file, fid: str) -> None:
        """File no longer exists (or was rotated): read it one last time, then forget it."""
        try:
            if file:
                self._run_pass(fid, file)
                if self._file_map[fid]["current_event"]:
                    event = "\n".join(self._file_map[fid]["current_event"])
                    self._file_map[fid]["current_event"].clear()
                    self._callback((file.name, event))
        except IOError:
            pass
        self._logger.info("[%s] - un-watching logfile", fid)
        del self._file_map[fid]  # LEAK

    def unwatch_list(self, unwatch_list) -> None:
        for fid in unwatch_list:
            if fid not in self._file_map:
                continue
            self.unwatch(self._file_map[fid]["file"], fid)

    def rewatch_list(self, rewatch_list) -> None:
        for fid in rewatch_list:
            if fid not in self._file_map:
                continue
            f = self._file_map[fid]["file"]
            filename = f.name
            self.unwatch(f, fid)
            self.watch(filename)
