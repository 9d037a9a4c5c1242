import logging
import subprocess
from typing import List, Optional

log = logging.getLogger(__name__)


class process:
    def __init__(self, argv: List[str]) -> None:
        self.program = argv[0]
        self.proc = subprocess.Popen(
            argv,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        self._stop_noticed = False

    def poll(self) -> Optional[int]:
        returncode = self.proc.poll()
        if returncode is not None and not self._stop_noticed:
            self._stop_noticed = True
            log.info("Program %r stopped with exit code %d", self.program, returncode)
        return returncode

    def send(self, data: bytes) -> None:
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def recv(self, numb: int = 4096) -> bytes:
        return self.proc.stdout.read1(numb)

    def close(self) -> None:
        self.poll()
        if not self._stop_noticed:
            try:
                self.proc.kill()  # LEAK
                self._stop_noticed = True
                log.info("Stopped program %r", self.program)
            except OSError:
                pass
