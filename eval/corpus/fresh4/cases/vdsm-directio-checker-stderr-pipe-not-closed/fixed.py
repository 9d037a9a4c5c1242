from __future__ import annotations

import logging
import subprocess

_log = logging.getLogger("storage.check")

EXEC_ERROR = 127


class DirectioChecker:
    def __init__(self, loop, path, complete, interval=10.0):
        self._loop = loop
        self._path = path
        self._complete = complete
        self._interval = interval
        self._proc = None
        self._reader = None
        self._reaper = None
        self._err = None

    def _check(self):
        if self._proc:
            return
        try:
            self._start_process()
        except Exception as e:
            self._err = "Error starting process: %s" % e
            self._check_completed(EXEC_ERROR)

    def _start_process(self):
        """Start dd reading the path with direct I/O; _read_completed runs when its stderr closes."""
        cmd = ["dd", "if=%s" % self._path, "of=/dev/null", "bs=4096", "count=1", "iflag=direct"]
        self._proc = subprocess.Popen(cmd, stdin=None, stdout=None, stderr=subprocess.PIPE)
        self._reader = self._loop.create_dispatcher(self._proc.stderr, self._read_completed)

    def _read_completed(self, data):
        self._reader = None
        # close our end of the stderr pipe now: dropping self._proc later did not release it
        self._proc.stderr.close()
        self._err = data
        rc = self._proc.poll()
        if rc is None:
            # the process is still exiting: let the reaper wait for it
            self._reaper = self._loop.create_reaper(self._proc, self._check_completed)
            return
        self._check_completed(rc)

    def _check_completed(self, rc):
        self._reaper = None
        self._proc = None
        try:
            self._complete(self._path, rc, self._err)
        except Exception:
            _log.exception("Unhandled error in complete callback")
