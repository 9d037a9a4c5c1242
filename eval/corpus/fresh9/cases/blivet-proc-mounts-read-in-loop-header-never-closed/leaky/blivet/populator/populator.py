from __future__ import annotations

import logging

from ..devices.lib import _collect_device_major_data

log = logging.getLogger("blivet")
NODEV_FILESYSTEMS = ("tmpfs", "proc", "sysfs", "devpts", "cgroup")


class PopulatorMixin:
    def __init__(self) -> None:
        self.devices = []
        self.include_nodev = False
        self.by_major, self.by_device = _collect_device_major_data()

    def handle_nodev_filesystems(self) -> None:
        for line in open("/proc/mounts").readlines():  # LEAK
            try:
                (_devspec, mountpoint, fstype, _options, _rest) = line.split(None, 4)
            except ValueError:
                log.error("failed to parse /proc/mounts line: %s", line)
                continue
            if fstype in NODEV_FILESYSTEMS:
                if not self.include_nodev:
                    continue
                log.info("found nodev %s filesystem mounted at %s", fstype, mountpoint)
                self.devices.append((fstype, mountpoint))
