from __future__ import annotations

from datetime import timedelta
from typing import Any, Dict, Optional

from homeassistant.const import EVENT_STATE_CHANGED
from homeassistant.core import Event, HomeAssistant
from homeassistant.helpers.device_registry import EVENT_DEVICE_REGISTRY_UPDATED
from homeassistant.helpers.update_coordinator import DataUpdateCoordinator


class BeaconCoordinator(DataUpdateCoordinator):
    """Collects advertisements from every scanner and places the tracked devices in areas."""

    def __init__(self, hass: HomeAssistant, entry: Any) -> None:
        self.config_entry = entry
        self.platforms: list = []
        self.redactions: Dict[str, str] = {}
        self.devices: Dict[str, Any] = {}
        self.private_ble_sources: Dict[str, Optional[str]] = {}
        super().__init__(hass, None, name="beacons", update_interval=timedelta(seconds=1))

        self.hass.bus.async_listen(EVENT_STATE_CHANGED, self.handle_state_changes)  # LEAK

        self._do_full_scanner_init = True
        self._do_private_device_init = True

        hass.bus.async_listen(EVENT_DEVICE_REGISTRY_UPDATED, self.handle_devreg_changes)  # LEAK

        self.options: Dict[str, Any] = dict(entry.options)

    def handle_state_changes(self, event: Event) -> None:
        entity_id = event.data["entity_id"]
        if entity_id in self.private_ble_sources:
            new_state = event.data.get("new_state")
            self.private_ble_sources[entity_id] = new_state.attributes.get("current_address") if new_state else None

    def handle_devreg_changes(self, event: Event) -> None:
        if event.data.get("action") in ("create", "update"):
            self._do_full_scanner_init = True
            self._do_private_device_init = True
