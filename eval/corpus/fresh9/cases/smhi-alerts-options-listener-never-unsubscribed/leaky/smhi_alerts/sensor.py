from __future__ import annotations

from datetime import timedelta

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant
from homeassistant.helpers.update_coordinator import DataUpdateCoordinator

from . import DOMAIN


async def async_setup_entry(hass: HomeAssistant, entry: ConfigEntry, async_add_entities) -> bool:
    coordinator = DataUpdateCoordinator(
        hass,
        logger=None,
        name="SMHI alerts",
        update_interval=timedelta(minutes=5),
    )
    await coordinator.async_config_entry_first_refresh()
    async_add_entities([SmhiAlertSensor(coordinator, entry)])

    hass.data.setdefault(DOMAIN, {})
    hass.data[DOMAIN][entry.entry_id] = {"coordinator": coordinator}

    entry.add_update_listener(async_options_updated)  # LEAK
    return True


async def async_options_updated(hass: HomeAssistant, entry: ConfigEntry) -> None:
    coordinator = hass.data[DOMAIN][entry.entry_id]["coordinator"]
    await coordinator.async_request_refresh()


class SmhiAlertSensor:
    def __init__(self, coordinator: DataUpdateCoordinator, entry: ConfigEntry) -> None:
        self.coordinator = coordinator
        self.entry = entry
