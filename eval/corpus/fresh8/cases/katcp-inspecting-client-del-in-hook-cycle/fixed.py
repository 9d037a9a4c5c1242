from __future__ import annotations

import logging
import threading
from collections import defaultdict

log = logging.getLogger(__name__)


class HookedDeviceLink:
    """Device connection that calls registered hooks for each inform it receives."""

    def __init__(self, host: str, port: int) -> None:
        self.host = host
        self.port = port
        self._hooks: dict[str, list] = defaultdict(list)
        self.on_connection_change = None
        self._worker: threading.Thread | None = None
        self._halt = threading.Event()

    def add_hook(self, inform_name: str, callback) -> None:
        if callback not in self._hooks[inform_name]:
            self._hooks[inform_name].append(callback)

    def dispatch(self, name: str, message) -> None:
        for callback in self._hooks.get(name, []):
            try:
                callback(message)
            except Exception:
                log.warning("hook %r failed on %r", callback, message, exc_info=True)

    def start(self) -> None:
        self._worker = threading.Thread(target=self._halt.wait, daemon=True)
        self._worker.start()

    def stop(self, timeout: float | None = None) -> None:
        self._halt.set()

    def join(self, timeout: float | None = None) -> None:
        if self._worker is not None:
            self._worker.join(timeout)


class DeviceInspector:
    """Keeps a local model of the sensors and requests a remote device offers."""

    def __init__(self, host: str, port: int) -> None:
        self._sensor_values: dict[str, object] = {}
        self._interface_dirty = False
        self._running = False
        self.link = self.make_link(host, port)
        self.link.add_hook("sensor-status", self._on_sensor_status)
        self.link.add_hook("interface-changed", self._on_interface_changed)
        self.link.add_hook("device-changed", self._on_interface_changed)
        self.link.on_connection_change = self._on_connection_change

    def make_link(self, host: str, port: int) -> HookedDeviceLink:
        return HookedDeviceLink(host, port)

    def start(self) -> None:
        self._running = True
        self.link.start()

    def close(self) -> None:
        self.stop()

    def stop(self, timeout: float | None = None) -> None:
        self._running = False
        self.link.stop(timeout)
        self.join(timeout)

    def join(self, timeout: float | None = None) -> None:
        self.link.join(timeout)

    def _on_sensor_status(self, message) -> None:
        name, value = message
        self._sensor_values[name] = value

    def _on_interface_changed(self, message) -> None:
        self._interface_dirty = True

    def _on_connection_change(self, connected: bool) -> None:
        if not connected:
            self._sensor_values.clear()
