from __future__ import annotations

from homeassistant.config_entries import ConfigEntry
from homeassistant.const import EVENT_HOMEASSISTANT_STOP
from homeassistant.core import HomeAssistant

from .coordinator import DeviceCoordinator


async def async_setup_entry(hass: HomeAssistant, entry: ConfigEntry) -> bool:
    coordinator = DeviceCoordinator(hass, entry.data["address"])
    hass.data.setdefault("device_link", {})[entry.entry_id] = coordinator

    async def on_stop(_event) -> None:
        await coordinator.disconnect()

    entry.async_on_unload(hass.bus.async_listen_once(EVENT_HOMEASSISTANT_STOP, on_stop))
    return True
