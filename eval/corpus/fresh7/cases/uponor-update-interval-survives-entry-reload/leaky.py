from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant
from homeassistant.helpers.aiohttp_client import async_get_clientsession
from homeassistant.helpers.event import async_track_time_interval

SCAN_INTERVAL = timedelta(seconds=30)
PLATFORMS = ["climate", "switch", "sensor"]


class ControllerStateProxy:
    def __init__(self, hass: HomeAssistant, host: str, session: Any, entry: ConfigEntry) -> None:
        self._hass = hass
        self._host = host
        self._session = session
        self._entry = entry
        self._data: dict = {}
        self._update_lock = asyncio.Lock()

    async def async_update(self, _now: Any = None) -> None:
        async with self._update_lock:
            async with self._session.post(f"http://{self._host}/JNAP/", json={}) as response:
                self._data = (await response.json()).get("output", {})


async def async_setup_entry(hass: HomeAssistant, entry: ConfigEntry) -> bool:
    proxy = ControllerStateProxy(hass, entry.data["host"], async_get_clientsession(hass), entry)
    await proxy.async_update()
    hass.data[entry.entry_id] = {"state_proxy": proxy}

    await hass.config_entries.async_forward_entry_setups(entry, PLATFORMS)

    async_track_time_interval(hass, proxy.async_update, SCAN_INTERVAL)  # LEAK

    entry.async_on_unload(entry.add_update_listener(async_update_options))
    return True


async def async_update_options(hass: HomeAssistant, entry: ConfigEntry) -> None:
    await hass.config_entries.async_reload(entry.entry_id)


async def async_unload_entry(hass: HomeAssistant, entry: ConfigEntry) -> bool:
    return await hass.config_entries.async_unload_platforms(entry, PLATFORMS)
