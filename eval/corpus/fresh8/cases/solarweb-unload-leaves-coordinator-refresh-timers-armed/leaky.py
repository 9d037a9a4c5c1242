from __future__ import annotations

import logging
from datetime import timedelta

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ConfigEntryNotReady
from homeassistant.helpers.httpx_client import get_async_client
from homeassistant.helpers.update_coordinator import DataUpdateCoordinator, UpdateFailed

DOMAIN = "pv_portal"
PLATFORMS = ["sensor"]
SCAN_INTERVAL = timedelta(minutes=5)
_LOGGER = logging.getLogger(__package__)


class PortalClient:
    def __init__(self, key_id: str, key_value: str, system_id: str, http) -> None:
        self.key_id, self.key_value, self.system_id, self.http = key_id, key_value, system_id, http

    async def flow_data(self) -> dict:
        return (await self.http.get(f"/pvsystems/{self.system_id}/flowdata")).json()

    async def aggregated_data(self) -> dict:
        return (await self.http.get(f"/pvsystems/{self.system_id}/aggrdata")).json()


class FlowCoordinator(DataUpdateCoordinator):
    def __init__(self, hass: HomeAssistant, client: PortalClient) -> None:
        self.api = client
        super().__init__(hass, _LOGGER, name=DOMAIN, update_interval=SCAN_INTERVAL)

    async def _async_update_data(self):
        try:
            return await self.api.flow_data()
        except Exception as exception:
            raise UpdateFailed() from exception


class AggregateCoordinator(DataUpdateCoordinator):
    def __init__(self, hass: HomeAssistant, client: PortalClient) -> None:
        self.api = client
        super().__init__(hass, _LOGGER, name=DOMAIN, update_interval=SCAN_INTERVAL)

    async def _async_update_data(self):
        try:
            return await self.api.aggregated_data()
        except Exception as exception:
            raise UpdateFailed() from exception


async def async_setup_entry(hass: HomeAssistant, entry: ConfigEntry) -> bool:
    hass.data.setdefault(DOMAIN, {})
    client = PortalClient(entry.data["key_id"], entry.data["key_value"], entry.data["system_id"],
                          get_async_client(hass))
    coordinators = [FlowCoordinator(hass, client), AggregateCoordinator(hass, client)]
    for coord in coordinators:
        await coord.async_refresh()  # LEAK
        if not coord.last_update_success:
            raise ConfigEntryNotReady
    hass.data[DOMAIN][entry.entry_id] = coordinators
    await hass.config_entries.async_forward_entry_setups(entry, PLATFORMS)
    return True


async def async_unload_entry(hass: HomeAssistant, entry: ConfigEntry) -> bool:
    unload_ok = await hass.config_entries.async_unload_platforms(entry, PLATFORMS)
    if unload_ok:
        hass.data[DOMAIN].pop(entry.entry_id)  # LEAK
    return unload_ok
