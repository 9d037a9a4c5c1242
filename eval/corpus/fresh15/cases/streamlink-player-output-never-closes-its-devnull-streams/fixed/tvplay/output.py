import os
import shlex
import subprocess
import sys
from time import sleep
from typing import Any, Optional

PLAYER_ARGS = "{filename}"


class Output:
    def __init__(self) -> None:
        self.opened = False

    def open(self) -> None:
        self._open()
        self.opened = True

    def close(self) -> None:
        if self.opened:
            self._close()
        self.opened = False

    def write(self, data: bytes) -> Any:
        if not self.opened:
            raise IOError("Output is not opened")
        return self._write(data)

    def _open(self) -> None:
        pass

    def _close(self) -> None:
        pass

    def _write(self, data: bytes) -> Any:
        pass


class FileOutput(Output):
    def __init__(self, filename: Optional[str] = None, fd: Any = None) -> None:
        super().__init__()
        self.filename = filename
        self.fd = fd

    def _open(self) -> None:
        if self.filename:
            self.fd = open(self.filename, "wb")

    def _close(self) -> None:
        if self.fd is not sys.stdout:
            self.fd.close()

    def _write(self, data: bytes) -> Any:
        return self.fd.write(data)


class PlayerOutput(Output):
    def __init__(self, cmd: str, args: str = PLAYER_ARGS, filename: Optional[str] = None,
                 quiet: bool = True, kill: bool = True, call: bool = False, http: Any = None) -> None:
        super().__init__()
        self.cmd = cmd
        self.args = args
        self.kill = kill
        self.quiet = quiet
        self.call = call
        self.filename = filename
        self.http = http
        self.player: Optional[subprocess.Popen] = None

        if self.filename or self.http:
            self.stdin: Any = sys.stdin
        else:
            self.stdin = subprocess.PIPE

        if self.quiet:
            self.stdout: Any = open(os.devnull, "w")
            self.stderr: Any = open(os.devnull, "w")
        else:
            self.stdout = sys.stdout
            self.stderr = sys.stderr

    @property
    def running(self) -> bool:
        sleep(0.5)
        assert self.player is not None
        self.player.poll()
        return self.player.returncode is None

    def _arguments(self) -> list:
        if self.filename:
            target = self.filename
        elif self.http:
            target = self.http.url
        else:
            target = "-"
        return shlex.split(self.cmd) + shlex.split(self.args.format(filename=target))

    def _open(self) -> None:
        if self.call and self.filename:
            self._open_call()
        else:
            self._open_subprocess()

    def _open_call(self) -> None:
        try:
            subprocess.call(self._arguments(), stdout=self.stdout, stderr=self.stderr)
        finally:
            self._close_out()

    def _open_subprocess(self) -> None:
        self.player = subprocess.Popen(self._arguments(), stdin=self.stdin,
                                       stdout=self.stdout, stderr=self.stderr)
        if not self.running:
            raise OSError("Process exited prematurely")
        if self.http:
            self.http.open()

    def _close(self) -> None:
        if self.kill and self.player is not None:
            try:
                self.player.kill()
            except Exception:
                pass
        if self.http:
            self.http.close()
        self._close_out()

    def _close_out(self) -> None:
        """Close the output streams opened for a quiet player."""
        if self.quiet:
            self.stdout.close()
            self.stderr.close()

    def _write(self, data: bytes) -> Any:
        if self.http:
            return self.http.write(data)
        assert self.player is not None and self.player.stdin is not None
        return self.player.stdin.write(data)
