from __future__ import annotations

import logging

from homeassistant.components.bluetooth import (
    BluetoothCallbackMatcher,
    BluetoothScanningMode,
    async_register_callback,
)
from homeassistant.config_entries import ConfigEntry
from homeassistant.const import EVENT_HOMEASSISTANT_STOP
from homeassistant.core import HomeAssistant, callback

from .coordinator import ApplianceBluetoothCoordinator

DOMAIN = "washer_link"
PLATFORMS = ["sensor", "select"]
_LOGGER = logging.getLogger(__name__)


async def setup_bluetooth(address: str, entry: ConfigEntry, hass: HomeAssistant) -> bool:
    coordinator = hass.data.setdefault(DOMAIN, {})[entry.entry_id] = ApplianceBluetoothCoordinator(
        hass, address, entry.options.get("reconnect_interval"))

    async def connect_quietly() -> None:
        try:
            await coordinator.connect()
        except Exception:  # noqa: BLE001
            _LOGGER.debug("connect from advertisement failed; the reconnect loop retries")

    @callback
    def on_advertisement(service_info, change) -> None:
        if not coordinator.is_connected and not coordinator.reconnecting_lock.locked():
            hass.async_create_task(connect_quietly())

    await hass.config_entries.async_forward_entry_setups(entry, PLATFORMS)
    entry.async_on_unload(
        async_register_callback(hass, on_advertisement, BluetoothCallbackMatcher(address=address),
                                BluetoothScanningMode.ACTIVE)
    )

    def on_stop(_event) -> None:  # LEAK
        _LOGGER.debug("shutdown: stopping the appliance connection")
        hass.create_task(coordinator.kill())

    hass.bus.async_listen_once(EVENT_HOMEASSISTANT_STOP, on_stop)  # LEAK
    return True
