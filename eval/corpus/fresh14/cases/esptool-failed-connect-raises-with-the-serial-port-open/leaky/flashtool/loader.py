import itertools
import sys
import time
from typing import Any, Optional, Tuple

import serial


class FatalError(RuntimeError):
    pass


class ResetStrategy:
    def __init__(self, port: Any, delay: float) -> None:
        self.port = port
        self.delay = delay

    def __call__(self) -> None:
        self.port.dtr = False
        self.port.rts = True
        time.sleep(0.1)
        self.port.dtr = True
        self.port.rts = False
        time.sleep(self.delay)
        self.port.dtr = False


class Loader:
    CHIP_NAME = "generic"
    DEFAULT_ATTEMPTS = 7

    def __init__(self, port: Any, baud: int = 115200) -> None:
        self.sync_stub_detected = False
        if isinstance(port, str):
            try:
                self._port = serial.serial_for_url(port, exclusive=True, do_not_open=True)
                self._port.open()
            except serial.SerialException as e:
                raise FatalError("could not open %s, the port is busy or missing (%s)" % (port, e))
        else:
            self._port = port
        self._port.baudrate = baud

    @property
    def serial_port(self) -> str:
        return self._port.port

    def close(self) -> None:
        self._port.close()

    def __enter__(self) -> "Loader":
        return self

    def __exit__(self, *exc: Any) -> None:
        self._port.close()

    def _reset_sequence(self) -> Tuple[ResetStrategy, ...]:
        return (ResetStrategy(self._port, 0.05), ResetStrategy(self._port, 0.55))

    def _sync(self) -> None:
        self._port.reset_input_buffer()
        self._port.write(b"\xc0\x00\x08\x24\x00\x00\x00\x00\x00\x07\x07\x12\x20" + b"\x55" * 32 + b"\xc0")
        reply = self._port.read(10)
        if not reply:
            raise FatalError("no reply to sync")

    def _connect_attempt(self, reset: ResetStrategy) -> Optional[Exception]:
        reset()
        for _ in range(5):
            try:
                self._sync()
                return None
            except FatalError as e:
                last = e
                time.sleep(0.05)
        return last

    def connect(self, attempts: int = DEFAULT_ATTEMPTS, detecting: bool = False) -> None:
        print("Connecting...", end="")
        sys.stdout.flush()
        last_error: Optional[Exception] = None
        try:
            for _, reset in zip(range(attempts) if attempts > 0 else itertools.count(),
                                itertools.cycle(self._reset_sequence())):
                last_error = self._connect_attempt(reset)
                if last_error is None:
                    break
        finally:
            print("")
        if last_error is not None:
            raise FatalError("Failed to connect to %s: %s" % (self.CHIP_NAME, last_error))
        if not detecting:
            self._post_connect()

    def _post_connect(self) -> None:
        pass

    def chip_id(self) -> int:
        self._port.write(b"\xc0\x00\x14\xc0")
        data = self._port.read(8)
        return int.from_bytes(data[4:8] or b"\x00", "little")
