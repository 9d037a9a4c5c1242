from __future__ import annotations

from typing import Dict, List, Tuple


def _collect_device_major_data() -> Tuple[Dict[int, str], Dict[str, List[int]]]:
    by_major: Dict[int, str] = {}
    by_device: Dict[str, List[int]] = {}
    for line in open("/proc/devices").readlines():  # LEAK
        try:
            (major, device) = line.split()
        except ValueError:
            continue
        try:
            by_major[int(major)] = device
            by_device.setdefault(device, []).append(int(major))
        except ValueError:
            continue
    return (by_major, by_device)
