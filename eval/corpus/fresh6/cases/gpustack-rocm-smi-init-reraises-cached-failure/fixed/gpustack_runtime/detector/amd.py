from __future__ import annotations

import logging
from typing import List

from . import pyrocmsmi

logger = logging.getLogger(__name__)


class AMDDetector:
    """Asked for the devices on every heartbeat and metrics tick."""

    def detect(self) -> List[dict]:
        devices: List[dict] = []
        try:
            pyrocmsmi.rsmi_init()
            for index in range(pyrocmsmi.rsmi_num_monitor_devices()):
                devices.append({"index": index, "vendor": "amd"})
        except pyrocmsmi.ROCMSMIError:
            logger.debug("ROCm SMI is not available", exc_info=True)
        return devices
