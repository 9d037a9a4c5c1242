from typing import Any, Dict, Type

from .loader import FatalError, Loader


class Esp32Loader(Loader):
    CHIP_NAME = "ESP32"
    CHIP_ID = 0


class Esp32C3Loader(Loader):
    CHIP_NAME = "ESP32-C3"
    CHIP_ID = 5


CHIPS: Dict[int, Type[Loader]] = {cls.CHIP_ID: cls for cls in (Esp32Loader, Esp32C3Loader)}


def detect_chip(port: Any = "/dev/ttyUSB0", baud: int = 115200,
                attempts: int = Loader.DEFAULT_ATTEMPTS) -> Loader:
    """Connect over the serial port and return a loader for the chip found there."""
    probe = Loader(port, baud)  # LEAK
    probe.connect(attempts, detecting=True)
    print("Detecting chip type...", end="")
    chip_id = probe.chip_id()
    cls = CHIPS.get(chip_id)
    if cls is None:
        probe.close()
        raise FatalError("unexpected chip id %d" % chip_id)
    inst = cls(probe._port, baud)
    print(" %s" % inst.CHIP_NAME)
    inst._post_connect()
    return inst
