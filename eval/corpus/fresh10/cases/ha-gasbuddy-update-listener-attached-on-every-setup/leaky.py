"""The ha-gasbuddy component."""

from __future__ import annotations

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ConfigEntryNotReady

from .const import CONF_GPS, CONF_INTERVAL, CONF_UOM, COORDINATOR, DOMAIN, PLATFORMS, SERVICES
from .coordinator import GasBuddyUpdateCoordinator
from .services import GasBuddyServices


async def async_setup_entry(hass: HomeAssistant, config_entry: ConfigEntry) -> bool:
    hass.data.setdefault(DOMAIN, {})

    updated_config = config_entry.options.copy()
    updated_config.setdefault(CONF_UOM, True)
    updated_config.setdefault(CONF_GPS, True)
    updated_config.setdefault(CONF_INTERVAL, 3600)
    if updated_config != config_entry.options:
        hass.config_entries.async_update_entry(config_entry, options=updated_config)

    config_entry.add_update_listener(update_listener)  # LEAK
    coordinator = GasBuddyUpdateCoordinator(hass, config_entry)
    await coordinator.async_refresh()
    if not coordinator.last_update_success:
        raise ConfigEntryNotReady

    services = GasBuddyServices(hass, config_entry)
    hass.data[DOMAIN][config_entry.entry_id] = {COORDINATOR: coordinator, SERVICES: services}
    services.async_register()

    await hass.config_entries.async_forward_entry_setups(config_entry, PLATFORMS)
    return True


async def update_listener(hass: HomeAssistant, config_entry: ConfigEntry) -> None:
    """Reload the entry when its options change."""
    await hass.config_entries.async_reload(config_entry.entry_id)


async def async_unload_entry(hass: HomeAssistant, config_entry: ConfigEntry) -> bool:
    unload_ok = await hass.config_entries.async_unload_platforms(config_entry, PLATFORMS)
    if unload_ok:
        hass.data[DOMAIN].pop(config_entry.entry_id)
    return unload_ok
